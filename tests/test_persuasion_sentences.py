"""The persuasion model's sentence view (persuasion@7): pooling, mixing, the joint fit, the shipped path."""

from __future__ import annotations

import numpy as np
import pytest

from recoupe.analysis import linear_model, style
from recoupe.analysis.persuasion import (_scores, _sentence_owner, mix_sentence_view, pool_sentence_logits,
                                         sentence_model)

BODY = ("Bref.\n"
        "Ces bureaucrates incompétents nous mentent depuis des années et ruinent le pays entier. "
        "Il faut les chasser avant qu'ils ne détruisent tout ce que nos parents ont bâti.\n"
        "Le conseil municipal se réunira mardi à dix-huit heures dans la salle des fêtes.")


def test_log_sum_exp_pooling_per_paragraph():
    """Each paragraph gets log(sum(exp z)) of its own sentences (at least their maximum, above it
    when several sentences carry evidence); a paragraph without a sentence is flagged, not scored."""
    z = np.array([[0.0, -2.0], [1.0, -3.0], [5.0, 2.0]])
    pooled, has = pool_sentence_logits(z, np.array([0, 0, 2]), 3)
    assert has.tolist() == [True, False, True]
    assert np.allclose(pooled[0], np.log(np.exp(z[0]) + np.exp(z[1])))
    assert np.allclose(pooled[2], z[2]) and not pooled[1].any()
    assert (pooled[0] > z[:2].max(axis=0)).all()
    empty, none = pool_sentence_logits(np.zeros((0, 2)), np.zeros(0, dtype=int), 2)
    assert not none.any() and empty.shape == (2, 2)


def test_mix_keeps_the_paragraph_view_where_there_is_no_sentence():
    probs = np.array([[0.4, 0.1], [0.3, 0.9]])
    pooled = np.array([[0.0, 0.0], [0.0, 0.0]])
    mixed = mix_sentence_view(probs, pooled, np.array([True, False]), [np.log(3.0), 0.0], 0.5)
    assert np.allclose(mixed[0], [0.5 * 0.4 + 0.5 * 0.75, 0.5 * 0.1 + 0.5 * 0.5])
    assert np.allclose(mixed[1], probs[1])


def test_sentence_belongs_to_the_paragraph_its_first_character_is_in():
    owner = _sentence_owner([(0, 10), (11, 30)], [(0, 5), (6, 10), (11, 20), (31, 40)])
    assert owner.tolist() == [0, 0, 1, -1]


def test_multilabel_logistic_matches_sklearn():
    """The joint L-BFGS fit has sklearn's objective, so it finds sklearn's coefficients; a zero
    weight leaves a row out of that label's fit."""
    from sklearn.linear_model import LogisticRegression

    from recoupe.training.fitting import multilabel_logistic

    rng = np.random.default_rng(3)
    A = rng.normal(size=(400, 6))
    Y = np.column_stack([(A @ rng.normal(size=6) + rng.normal(size=400)) > 0 for _ in range(2)]).astype(float)
    coef, intercept = multilabel_logistic(A, Y, np.ones_like(Y), 0.5, max_iter=500)
    for j in range(2):
        ref = LogisticRegression(C=0.5, max_iter=2000, tol=1e-8).fit(A, Y[:, j])
        assert np.allclose(coef[j], ref.coef_[0], atol=2e-3) and abs(intercept[j] - ref.intercept_[0]) < 2e-3
    W = np.ones_like(Y)
    W[:200, 0] = 0
    left_out, _ = multilabel_logistic(A, Y, W, 0.5, max_iter=500)
    ref = LogisticRegression(C=0.5, max_iter=2000, tol=1e-8).fit(A[200:], Y[200:, 0])
    assert np.allclose(left_out[0], ref.coef_[0], atol=2e-3)


def test_shipped_model_mixes_the_sentence_view_only_where_a_paragraph_has_sentences():
    """With the shipped model: a line without a sentence scores as the paragraph view alone; the
    others move with the sentence view's weight."""
    model = linear_model.load("persuasion")
    if sentence_model() is None:
        pytest.skip("the shipped persuasion model has no sentence view")
    assert set(model.meta["sentence_shift"]) == {"en", "fr", "ge", "it", "po", "ru"}
    bounds, vecs = style.text_sentence_vectors(BODY)
    first = BODY.index("\n")
    keep = [i for i, (s, _) in enumerate(bounds) if s > first]
    sentences = ([bounds[i] for i in keep], vecs[keep])
    spans = [(0, first), (first + 1, BODY.rindex("\n")), (BODY.rindex("\n") + 1, len(BODY))]
    _, mixed, _ = _scores(BODY, spans, "fr", sentences)
    weight = model.meta["sentence_weight"]
    try:
        model.meta["sentence_weight"] = 0.0
        _, alone, _ = _scores(BODY, spans, "fr", sentences)
    finally:
        model.meta["sentence_weight"] = weight
    assert np.allclose(mixed[0], alone[0])
    assert not np.allclose(mixed[1:], alone[1:])


def test_training_vectors_hand_over_the_sentences_they_pool():
    """The sentence view trains on the very sentence vectors the paragraph vectors pool
    (``training.data.pooled_vectors`` with a ``sentences`` list): the list receives the texts, their
    sentence bounds and one vector per sentence, and pooling them again gives the same paragraphs."""
    from recoupe.training import data

    lines_of = [["Un titre court", "Première phrase du texte. Une seconde phrase suit ici."],
                ["Autre titre", "Un paragraphe seul."]]
    handed: list = []
    pooled = data.pooled_vectors(lines_of, "ge", handed)  # a language without a parser: the regex split
    assert len(handed) == 1
    texts, bounds, vecs = handed[0]
    assert texts == ["\n".join(lines) for lines in lines_of]
    assert len(vecs) == sum(len(b) for b in bounds) and len(bounds[0]) >= 2
    assert [len(p) for p in pooled] == [2, 2]
    first = len(bounds[0])
    spans = [(0, len(lines_of[0][0])), (len(lines_of[0][0]) + 1, len(texts[0]))]
    again = style.pooled_paragraph_vectors(texts[0], spans, bounds[0], vecs[:first])
    assert np.allclose(again, pooled[0])
    assert data.pooled_vectors(lines_of, "ge") is not None and len(handed) == 1  # no list, nothing handed
