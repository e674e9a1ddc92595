"""Trigger spans of persuasion techniques: exact offsets, refusals, determinism, shipped model."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from recoupe.analysis import triggers
from recoupe.analysis.triggers import find_trigger

SHARED = Path(os.environ.get("RECOUPE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))

# Invented text (not from any data set): a flat sentence, then a loaded one.
LOADED_FR = (
    "Le ministre a présenté mardi son projet de réforme devant la commission. "
    "Cette bande d'incapables corrompus saccage le pays avec un mépris écœurant pour les travailleurs !"
)
LOADED_EN = (
    "The council met on Tuesday to discuss the budget. "
    "These spineless crooks are shamelessly wrecking our town, and everyone knows it!"
)
DOUBT_FR = (
    "Le gouvernement assure que le vaccin est sûr. Mais peut-on vraiment croire des experts qui se sont "
    "trompés sur tout depuis le début ?"
)
PARAGRAPHS = [LOADED_FR, LOADED_EN, DOUBT_FR, "Non !", "« Une phrase courte, entre guillemets. »"]
TECHNIQUES = ["Loaded_Language", "Name_Calling-Labeling", "Doubt", "Appeal_to_Fear-Prejudice", "Flag_Waving"]


def test_model_files_exist_and_load_once():
    for name in ("weights.npz", "meta.json", "scores.json", "MODEL_CARD.md"):
        assert (triggers.MODEL_DIR / name).exists(), name
    with np.load(triggers.MODEL_DIR / "weights.npz", allow_pickle=False) as data:
        assert data.files == ["weights"] and data["weights"].dtype.kind == "f"
        assert np.count_nonzero(data["weights"]) > 1000
    model = triggers.load()
    assert model is triggers.load()
    assert model.meta["name"] == "triggers"
    assert model.weights.shape == (1 << model.meta["hash_bits"],)
    assert {"Loaded_Language", "Doubt", "Name_Calling-Labeling"} <= set(model.salts)
    assert (triggers.MODEL_DIR / "weights.npz").stat().st_size < 5_000_000


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("technique", TECHNIQUES)
def test_offsets_are_exact_and_trimmed(paragraph, technique):
    start, end, score = find_trigger(paragraph, technique, "fr")
    assert 0 <= start < end <= len(paragraph)
    text = paragraph[start:end]
    assert text == text.strip()
    assert text[0].isalnum() and text[-1].isalnum()
    assert 0.0 < score <= 1.0


def test_none_when_nothing_to_find():
    assert find_trigger(LOADED_FR, "Not_A_Technique", "fr") is None
    assert find_trigger("", "Loaded_Language", "fr") is None
    assert find_trigger("   \n ", "Loaded_Language", "fr") is None
    assert find_trigger("... !!! ?", "Loaded_Language", "fr") is None


def test_deterministic_with_and_without_cache():
    first = [find_trigger(p, t, "fr") for p in PARAGRAPHS for t in TECHNIQUES]
    triggers.candidates.cache_clear()
    assert [find_trigger(p, t, "fr") for p in PARAGRAPHS for t in TECHNIQUES] == first


@pytest.mark.parametrize("paragraph", [LOADED_FR, LOADED_EN])
def test_loaded_language_found_in_the_loaded_sentence(paragraph):
    start, end, _ = find_trigger(paragraph, "Loaded_Language", "fr")
    loaded_sentence_start = paragraph.index(". ") + 2
    assert end > loaded_sentence_start, paragraph[start:end]


def test_candidates_are_words_and_sentences_cover_the_text():
    cands = triggers.candidates(DOUBT_FR)
    assert len(cands) > 20
    for s, e in zip(cands.char_start, cands.char_end):
        assert DOUBT_FR[s].isalnum() and DOUBT_FR[e - 1].isalnum()
    assert len(cands.sentences) == 2
    assert DOUBT_FR[slice(*cands.sentences[1])].startswith("Mais")


@pytest.mark.skipif(not (SHARED / "data" / "genre" / "semeval2023t3").exists(), reason="../shared absent: SemEval-2023 Task 3 not available")
def test_gold_spans_realigned_to_word_starts():
    from recoupe.training.triggers import load_pairs

    pairs = load_pairs("fr")
    assert len(pairs) > 2000
    starts = [p.paragraph[s - 1] if s else " " for p in pairs for s, _ in p.gold]
    # With CRLF files misaligned, over 40% of the French spans would start inside a word.
    assert np.mean([not c.isalnum() for c in starts]) > 0.97


def test_sentence_term_is_the_mean_log_probability_of_the_sentences_a_candidate_touches():
    cands = triggers.candidates(DOUBT_FR)
    bounds = cands.sentences  # two sentences
    log_probs = np.log(np.array([[0.2, 0.8]]))
    term = triggers.sentence_term(cands, bounds, log_probs)[0]
    second = bounds[1][0]
    inside_first = cands.char_end <= bounds[0][1]
    inside_second = cands.char_start >= second
    both = ~inside_first & ~inside_second
    assert inside_first.any() and inside_second.any() and both.any()
    assert np.allclose(term[inside_first], np.log(0.2))
    assert np.allclose(term[inside_second], np.log(0.8))
    assert np.allclose(term[both], (np.log(0.2) + np.log(0.8)) / 2)


def test_paragraph_sentences_keeps_those_starting_inside_and_shifts_them():
    bounds = [(0, 10), (11, 30), (31, 50), (52, 70)]
    vecs = np.arange(8, dtype=np.float32).reshape(4, 2)
    inside, v = triggers.paragraph_sentences(bounds, vecs, 11, 51)
    assert inside == [(0, 19), (20, 39)]
    assert v.tolist() == [[2, 3], [4, 5]]


def test_sentence_scorer_ships_and_reads_the_loaded_sentence():
    from recoupe.analysis import style

    model = triggers.load()
    assert model.sentences is not None
    assert model.sentences.coef.shape == (len(model.meta["sentence_scorer"]["techniques"]) + 1, 1024)
    for paragraph in (LOADED_FR, LOADED_EN):
        sentences = style.text_sentence_vectors(paragraph)
        assert len(sentences[0]) == 2
        lp = model.sentences.log_probs(sentences[1], ["Loaded_Language"])[0]
        assert lp[1] > lp[0]  # the insulting sentence, not the flat one
        start, end, score = find_trigger(paragraph, "Loaded_Language", "fr", sentences)
        assert start >= sentences[0][1][0] - 1 and paragraph[start:end] == paragraph[start:end].strip()
        assert 0.0 < score <= 1.0


def _real_paragraphs(per_language: int = 12) -> list[str]:
    root = SHARED / "data" / "genre" / "semeval2023t3"
    if not root.exists():
        pytest.skip("../shared absent: SemEval-2023 Task 3 not available")
    out = []
    for lang in ("fr", "en", "ge", "it", "po", "ru"):
        for path in sorted((root / lang / "articles").glob("*.txt"))[:per_language]:
            out.extend(path.read_text(encoding="utf-8").split("\n"))
    return out + PARAGRAPHS + ["", " ", "« »", "É?!", "UN DEUX TROIS. Quatre ! « Cinq » ?", "a " * 1100]


def test_candidates_and_scores_identical_to_the_reference_on_real_paragraphs():
    """The one-pass candidates and the all-techniques-at-once scores give, array for array and bit
    for bit, what the code they replaced gave (tests/reference_impl.py) on real paragraphs in six
    languages (and a paragraph too long for the deduplication mask)."""
    from tests.reference_impl import triggers_candidate_scores, triggers_candidates

    model = triggers.load()
    salts = list(model.salts.values())
    paragraphs = _real_paragraphs()
    assert len(paragraphs) > 1000
    for k, paragraph in enumerate(paragraphs):
        old, new = triggers_candidates(paragraph), triggers.candidates.__wrapped__(paragraph)
        for field in old.__dataclass_fields__:
            a, b = getattr(old, field), getattr(new, field)
            if isinstance(a, list):
                assert a == b, field
            else:
                assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b), field
        if len(new):
            chosen = [salts[(k + j * 7) % len(salts)] for j in range(3)]
            together = triggers.lexical_scores(new, model.weights, chosen)
            for salt, row in zip(chosen, together):
                expected = triggers_candidate_scores(old, model.weights, salt)
                assert expected.dtype == row.dtype and np.array_equal(expected, row)
