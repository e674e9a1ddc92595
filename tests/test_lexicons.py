"""The cue matcher of hedges and irony finds exactly what spaCy's Matcher finds over the same patterns."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from recoupe.analysis.lexicons import CueMatcher, _cue_matcher
from recoupe.nlp import get_base_nlp
from tests.conftest import need_shared

TABLES = {"fr": ("hedge_cues_fr", "irony_cues_fr"), "en": ("hedge_cues_en", "irony_cues_en")}


def spacy_matcher(matcher: CueMatcher, vocab) -> Matcher:
    """The reference: spaCy's Matcher over the same token patterns."""
    reference = Matcher(vocab)
    for key, tokens in matcher.patterns:
        pattern = []
        for field, values, optional in tokens:
            token = {} if field == "any" else {"LOWER": {"IN": sorted(values)}} if field == "lower" \
                else {"LEMMA": next(iter(values))}
            if optional:
                token["OP"] = "?"
            pattern.append(token)
        reference.add(key, [pattern])
    return reference


def matches(matcher, doc) -> set[tuple[str, int, int]]:
    if isinstance(matcher, Matcher):
        return {(doc.vocab.strings[m], s, e) for m, s, e in matcher(doc)}
    return set(matcher(doc))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_same_matches_as_spacy_on_real_articles(lang):
    folder = need_shared("data", "genre", "semeval2023t3", lang, "articles")
    texts = [p.read_text(encoding="utf-8")[:6000] for p in sorted(folder.glob("*.txt"))[:25]]
    nlp = get_base_nlp(lang)
    docs = list(nlp.pipe(texts))
    total = 0
    for table in TABLES[lang]:
        ours, _ = _cue_matcher(table)
        reference = spacy_matcher(ours, nlp.vocab)
        for doc in docs:
            expected = matches(reference, doc)
            assert matches(ours, doc) == expected, (table, doc.text[:80])
            total += len(expected)
    assert total > 20  # the articles do contain cues: the comparison is not between two empty sets


def test_optional_and_wildcard_tokens():
    nlp = get_base_nlp("fr")
    doc = nlp.make_doc("il semble bien que oui, il semble que non")
    ours = CueMatcher([
        ("a", [("lower", frozenset({"il"}), False), ("lower", frozenset({"semble"}), False),
               ("lower", frozenset({"bien"}), True), ("lower", frozenset({"que"}), False)]),
        ("b", [("lower", frozenset({"semble"}), False), ("any", frozenset(), True)]),
    ])
    found = set(ours(doc))
    assert found == matches(spacy_matcher(ours, nlp.vocab), doc)
    assert ("a", 0, 4) in found and ("a", 6, 9) in found
    assert ("b", 1, 2) in found and ("b", 1, 3) in found  # the optional token taken and skipped


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_token_selection_by_ids_is_the_scan_it_replaces(lang):
    """``tokens_with``, ``token_strings`` and ``speech_tokens`` give, on real articles, exactly what
    a scan of every token gives (the scans they replaced in the quote, hedge, irony, entity,
    relation and speech-verb finders)."""
    from recoupe.analysis.lexicons import speech_form_set, speech_lemma, speech_tokens
    from recoupe.analysis.text import token_strings, tokens_with

    folder = need_shared("data", "genre", "semeval2023t3", lang, "articles")
    texts = [p.read_text(encoding="utf-8")[:6000] for p in sorted(folder.glob("*.txt"))[:25]]
    nlp = get_base_nlp(lang)
    selections = [("orth", frozenset({"Macron", "Trump", "Biden", "Le"})),
                  ("lower", frozenset({"selon", "d'", "d’", "à", "pour", "dans", "according", "for"})),
                  ("lower", speech_form_set(lang)), ("dep", frozenset({"nsubj", "nsubj:pass", "nsubjpass"})),
                  ("pos", frozenset({"VERB", "AUX"})), ("lower", frozenset({"no such word"})), ("pos", frozenset())]
    speech = 0
    for doc in nlp.pipe(texts):
        for attr, values in selections:
            expected = [t.i for t in doc if getattr(t, attr + "_") in values]
            assert [t.i for t in tokens_with(doc, attr, values)] == expected, (attr, sorted(values)[:3])
        assert token_strings(doc) == ([t.lower_ for t in doc], [t.lemma_ for t in doc])
        expected = [(t.i, lemma) for t in doc if (lemma := speech_lemma(t, lang))]
        assert [(t.i, lemma) for t, lemma in speech_tokens(doc, lang)] == expected
        speech += len(expected)
    assert speech > 50
