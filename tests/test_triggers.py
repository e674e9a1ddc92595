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
    for name in ("weights.npz", "sentences.npz", "tagger.npz", "meta.json", "scores.json", "MODEL_CARD.md"):
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


def test_word_view_is_aligned_with_the_candidates():
    """The tagger's words are the paragraph's word tokens, in its sentences, one feature row each."""
    for paragraph in (DOUBT_FR, LOADED_EN, "« Une phrase courte, entre guillemets. »"):
        cands = triggers.candidates(paragraph)
        words = [paragraph[s:e] for s, e in zip(cands.word_start, cands.word_end)]
        assert all(w.isalnum() or "_" in w for w in words)
        assert words == [w for w in __import__("re").findall(r"\w+", paragraph)]
        assert cands.word_features.shape == (len(words), triggers.TAG_FEATURES)
        for k, (s, e) in enumerate(zip(cands.word_start, cands.word_end)):
            sent = cands.sentences[cands.word_sentence[k]]
            assert sent[0] <= s and e <= sent[1]
    # The same word in two places differs in context features but shares its word bucket.
    cands = triggers.candidates("Le chat dort. Le chien mange le chat !")
    first, second = cands.word_features[1], cands.word_features[7]  # "chat" twice
    assert first[0] == second[0] and first[1] == second[1]
    assert not np.array_equal(first, second)
    assert triggers.candidates("« »").word_features.shape == (0, triggers.TAG_FEATURES)


def test_word_labels_mark_the_words_a_gold_span_touches():
    from recoupe.training.triggers import word_labels

    paragraph = "Ils sont des voleurs sans scrupules, dit-il."
    cands = triggers.candidates(paragraph)
    start = paragraph.index("voleurs")
    labels = word_labels(cands, [(start, start + len("voleurs sans scrup"))])
    words = [paragraph[s:e] for s, e in zip(cands.word_start, cands.word_end)]
    assert [w for w, y in zip(words, labels) if y] == ["voleurs", "sans", "scrupules"]


def test_soft_f1_against_a_certain_tagger_is_the_character_f1():
    paragraph = "Ils sont des voleurs sans scrupules, dit-il."
    cands = triggers.candidates(paragraph)
    words = [paragraph[s:e] for s, e in zip(cands.word_start, cands.word_end)]
    probs = np.array([1.0 if w == "voleurs" else 0.0 for w in words])
    every = np.arange(len(cands))
    f1 = triggers.soft_f1(cands, probs, every)
    spans = [paragraph[s:e] for s, e in zip(cands.char_start, cands.char_end)]
    assert spans[int(np.argmax(f1))] == "voleurs" and np.isclose(f1.max(), 1.0)
    longer = spans.index("des voleurs")
    assert np.isclose(f1[longer], 2 * 7 / (11 + 7))


def test_the_tagger_moves_the_decoded_span_to_the_words_it_believes():
    paragraph = "Ils sont des voleurs sans scrupules, dit-il."
    cands = triggers.candidates(paragraph)
    assert len(cands) < triggers.DECODE_TOP  # every candidate is weighed
    words = [paragraph[s:e] for s, e in zip(cands.word_start, cands.word_end)]
    flat = np.zeros(len(cands))
    probs = np.array([0.95 if w in ("voleurs", "scrupules") else 0.02 for w in words])
    without = triggers.best_span(cands, flat, 0.5)
    with_tagger = triggers.best_span(cands, flat, 0.5, probs, 2.0)
    assert paragraph[with_tagger[0]:with_tagger[1]] == "voleurs sans scrupules"
    assert paragraph[without[0]:without[1]] != "voleurs sans scrupules"
    # weight 0 or no probabilities: triggers@2's decoding exactly
    assert triggers.best_span(cands, flat, 0.5, probs, 0.0) == without


def test_word_probabilities_follow_the_sentence_scorer():
    cands = triggers.candidates(DOUBT_FR)
    logits = np.zeros(len(cands.word_start))
    lp = np.log(np.array([0.1, 0.9]))
    p = triggers.word_probabilities(cands, logits, lp, 1.0)
    first, second = p[cands.word_sentence == 0], p[cands.word_sentence == 1]
    assert np.allclose(first, 1 / (1 + np.exp(-np.log(0.2))))  # log(0.1) + log(2 sentences)
    assert np.all(second > 0.5) and np.all(first < 0.5)
    assert np.allclose(triggers.word_probabilities(cands, logits, lp, 0.0), 0.5)


def test_piece_vectors_are_unit_and_tell_words_apart():
    from recoupe.vectors import piece_vector, piece_vectors

    x = piece_vectors(["corrompus", "corrompus", "mardi"])
    assert x.shape == (3, 512) and x.dtype == np.float32
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(x[0], x[1]) and not np.allclose(x[0], x[2])
    assert np.array_equal(piece_vector("mardi"), x[2])


def test_tagger_ships_and_finds_the_loaded_words():
    model = triggers.load()
    assert model.meta["version"] == "3" and model.tagger is not None
    assert model.tagger.shape == (1 << model.meta["hash_bits"],)
    assert model.tagger_dense.shape == (len(model.meta["tagger"]["techniques"]) + 1, 1024)
    for paragraph in (LOADED_FR, LOADED_EN):
        cands = triggers.candidates(paragraph)
        techniques = ["Loaded_Language", "Doubt", "Not_A_Technique"]
        dense = model.dense_terms(cands, techniques)
        # the kept projections give what the vectors give directly
        assert np.allclose(dense, triggers.dense_terms(model.dense_rows(techniques), triggers.word_vectors(cands)),
                           atol=1e-4)
        assert np.allclose(dense[2], triggers.dense_terms(model.tagger_dense[:1], triggers.word_vectors(cands))[0],
                           atol=1e-4)  # an unknown technique reads the shared row
        z = triggers.tagger_logits(cands, model.tagger, [model.salts["Loaded_Language"]], dense[:1])[0]
        flat_sentence = cands.word_sentence == 0
        assert z[~flat_sentence].max() > z[flat_sentence].max(), paragraph


def test_dense_terms_add_the_neighbours_mean():
    vectors = np.eye(3, 512, dtype=np.float32)  # three words, orthogonal
    dense = np.zeros((1, 1024), dtype=np.float32)
    dense[0, :3] = [1.0, 2.0, 3.0]  # own weights
    dense[0, 512:515] = [10.0, 20.0, 30.0]  # neighbours' weights
    z = triggers.dense_terms(dense, vectors)[0]
    assert np.allclose(z, [1 + 0.5 * 20, 2 + 0.5 * (10 + 30), 3 + 0.5 * 20])


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
            if field.startswith("word_"):  # the tagger's word view (triggers@3) is newer than the reference
                continue
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
