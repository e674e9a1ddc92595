"""Shared test set-up: an isolated local store, and the ../shared data when it exists."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

# Isolate the ratings store before anything builds the registry; import Décodex into it when
# ../shared has it, as `make demo` does for users.
os.environ["RECOUPE_HOME"] = tempfile.mkdtemp(prefix="recoupe-home-")

from recoupe.paths import shared_dir  # noqa: E402

SHARED = shared_dir()
SEEDS = SHARED / "seeds"
DECODEX = SHARED / "data" / "reliability" / "decodex.json"

if DECODEX.exists():
    from recoupe.sources import import_list

    import_list(DECODEX, "decodex")


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared absent: {path} not available (a user's clone has no ../shared)")
    return path


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads(need_shared("seeds", "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_reports() -> dict:
    """Both seeds analysed once per test session (the slow part of acceptance tests)."""
    import recoupe

    reports = {}
    for path in sorted(need_shared("seeds").glob("0*.txt")):
        reports[path.name] = recoupe.analyze(path.read_text(encoding="utf-8"))
    return reports


FINDINGS = ("recoupe_entities", "recoupe_quotes", "recoupe_hedges", "recoupe_irony")


@pytest.fixture(scope="session")
def fr():
    """French pipeline with the entity, quote, hedge and irony components."""
    from recoupe.nlp import get_nlp

    return get_nlp("fr", FINDINGS)


@pytest.fixture(scope="session")
def en():
    from recoupe.nlp import get_nlp

    return get_nlp("en", FINDINGS)


@pytest.fixture(scope="session")
def fr_base():
    """The bare French spaCy pipeline, without recoupe's paragraph parse and its repairs (the parse repair tests
    call the repairs themselves)."""
    from recoupe.nlp import get_base_nlp

    return get_base_nlp("fr")


def model_runner(nlp):
    """A ``models`` callable for the parse repairs (``recoupe.analysis.parse``): each of ``nlp``'s components run
    over a list of Docs."""
    def run(docs):
        for _, proc in nlp.pipeline:
            docs = [proc(d) for d in docs]
        return docs
    return run


def hand_parsed(fr, words, heads, deps, pos, morphs, *, lemmas: bool = True):
    """A Doc with a parse given by hand, as the parser sometimes reads a sentence (no space before , . :):
    the quote tests' way to pin a misparse the models may stop making. ``lemmas``: lower-case words as
    lemmas and no named entity (the speech lexicons read lemmas)."""
    from spacy.tokens import Doc

    doc = Doc(fr.vocab, words=words, spaces=[n + 1 < len(words) and words[n + 1] not in (",", ".", ":")
                                             for n in range(len(words))],
              heads=heads, deps=deps, pos=pos, morphs=morphs, lemmas=[w.lower() for w in words] if lemmas else None)
    if lemmas:
        doc._.entities = []
    return doc


def quotes_in(nlp, text: str) -> dict:
    """The quotes of ``text`` keyed by their content's text (the quote tests' way to look one up)."""
    from recoupe.analysis.quotes import find_quotes

    return {q.content.text: q for q in find_quotes(nlp(text))}


def quotes_holding(quotes: dict, fragment: str) -> list:
    """The quotes of ``quotes_in``'s dict whose content holds ``fragment``, in text order."""
    return [q for text, q in quotes.items() if fragment in text]


def first_quote_holding(nlp, text: str, fragment: str):
    """The first quote of ``text`` whose content holds ``fragment``, or None (what most quote tests assert on)."""
    return next(iter(quotes_holding(quotes_in(nlp, text), fragment)), None)


def indirect_by_cue(quotes, cue_contains: str) -> list:
    """The indirect quotes whose cue holds ``cue_contains`` (the quote tests' way to find one report)."""
    return [q for q in quotes if q.kind == "indirect" and q.cue is not None and cue_contains in q.cue.text]


def hedge_texts(doc, *kinds: str) -> list[str]:
    """The texts of the hedges of those kinds in ``doc``, in text order (the hedge tests' way to read them)."""
    from recoupe.analysis.hedges import find_hedges

    return [h.text for h in find_hedges(doc) if h.kind in kinds]


# -- the service ------------------------------------------------------------------------------------


def problem(response, status: int) -> dict:
    """The body of an RFC 9457 problem-details answer with the expected status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()


@pytest.fixture(scope="module")
def engine():
    """The service's analysis engine (one thread, one Analyzer), shared by a test module."""
    from recoupe.service.engine import Engine

    e = Engine()
    yield e
    e.close()

