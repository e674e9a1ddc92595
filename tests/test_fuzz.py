"""A bounded fuzz run in the suite (issue 10): mutants of real articles never raise a raw
exception, never break an offset, never go over the time budget or the memory ceiling.

Fixed seeds so a failure reproduces; ``benchmarks/fuzz.py`` runs the long version with any seed.
"""

from __future__ import annotations

import resource

import pytest

from recoupe import fuzz
from recoupe.pipeline import AnalyzerConfig

from conftest import need_shared

pytestmark = [pytest.mark.shared]

ARTICLE_CHARS = 2500  # each article cut here: the damage, not the length, is under test
BUDGET = 20.0  # seconds per document; a 2,500-character article takes about 0.3 s when the machine is idle


@pytest.fixture(scope="module")
def articles() -> list[str]:
    folder = need_shared("data", "genre", "semeval2023t3", "fr", "articles")
    texts = [p.read_text(encoding="utf-8")[:ARTICLE_CHARS] for p in sorted(folder.glob("*.txt"))[:40]]
    english = need_shared("data", "genre", "semeval2023t3", "en", "articles")
    texts += [p.read_text(encoding="utf-8")[:ARTICLE_CHARS] for p in sorted(english.glob("*.txt"))[:10]]
    return texts


def _assert_clean(result: fuzz.FuzzResult) -> None:
    assert not result.raw_exceptions, result.raw_exceptions[:5]
    assert not result.bad_offsets, result.bad_offsets[:5]
    assert not result.over_budget, result.over_budget[:5]
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 < 3 * 2**30


def test_fuzz_findings(articles):
    """240 mutants through the findings layers (entities, quotes, hedges, irony, claims, chain)."""
    config = AnalyzerConfig(genre=False, persuasion=False, credibility=False, time_budget=BUDGET)
    result = fuzz.run(articles, seed=20261130, n=240, config=config, scale=3000)
    _assert_clean(result)
    assert result.mutants == 240 and result.analysed >= 120 and result.spans > 1000
    assert len(result.damages) == len(fuzz.MUTATORS)  # every kind of damage was tried


def test_fuzz_full_report(articles):
    """A few mutants through every layer: genre, persuasion and its triggers, credibility."""
    config = AnalyzerConfig(time_budget=BUDGET)
    result = fuzz.run(articles, seed=7, n=12, config=config, scale=2000, batch=4)
    _assert_clean(result)
    assert result.analysed >= 6
