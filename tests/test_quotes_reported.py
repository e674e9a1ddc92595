"""The wide reported-speech candidates and their learned filter (reported@1), on sentences written for the tests."""

from __future__ import annotations

import numpy as np

from recoupe.analysis import linear_model
from recoupe.analysis.quotes import find_quotes, reported
from recoupe.analysis.quotes.reported import FEATURES, MODEL_NAME, recording


def _recorded(doc) -> list[dict]:
    sink: list = []
    with recording(sink):
        find_quotes(doc)
    return [c for per_doc in sink for c in per_doc]


def _flag(cand: dict, name: str) -> float:
    return cand["x"][FEATURES.index(name)]


def test_model_file_has_the_full_row_and_one_per_fold():
    model = linear_model.load(MODEL_NAME)
    k = model.meta["k_folds"]
    assert model.coef.shape == (k + 1, len(FEATURES))
    assert model.meta["features"] == list(FEATURES)
    assert 0.0 < float(model.meta["threshold"]) < 1.0
    assert len(model.meta["folds"]) == 44 and set(model.meta["folds"].values()) == set(range(k))
    assert all(not np.allclose(model.coef[0], model.coef[1 + f]) for f in range(k))


def test_every_frame_is_a_candidate_and_says_whether_the_rules_took_it(fr):
    doc = fr("La ministre Claire Dubois a affirmé que la réforme serait retirée. "
             "Le syndicat a dénoncé une réforme injuste. Le député Paul Martin a insisté : il faut voter.")
    cands = {c["cue"]: c for c in _recorded(doc)}
    assert _flag(cands["a affirmé"], "frame_que") == 1.0
    assert _flag(cands["a affirmé"], "rule_cue") == 1.0  # the rules report it: the filter never adds it again
    assert _flag(cands["a insisté"], "frame_colon") == 1.0
    assert _flag(cands["a dénoncé"], "frame_obj") == 1.0
    assert _flag(cands["a affirmé"], "subject_role") == 1.0 and _flag(cands["a affirmé"], "french") == 1.0
    assert _flag(cands["a insisté"], "credible") == 1.0


def test_no_candidate_where_no_source_can_be_named(fr, en):
    """The writer (*rappelons*), an agentless passive, a participle qualifying a noun."""
    doc = fr("Rappelons que la réforme a été votée en 2019. Il a été démontré que le vaccin est sûr.")
    assert not [c for c in _recorded(doc) if c["cue"] in ("Rappelons", "a été démontré")]
    doc = en("An immigrant challenging the order of the court was arrested on Monday.")
    assert not [c for c in _recorded(doc) if "challenging" in c["cue"]]


def test_a_verb_inside_a_quotation_is_no_candidate(en):
    doc = en('The mayor said: "They keep saying the bridge is safe, and I believe them."')
    assert not [c for c in _recorded(doc) if "saying" in c["cue"]]


def test_kept_candidates_name_the_model_and_never_overlap_the_rules(fr, monkeypatch):
    # *ajouter* takes no noun object in its frames (``speech_frames_fr.tsv``): the rules leave it open
    doc = fr("Le syndicat CGT a dénoncé la réforme. La ministre Claire Dubois a affirmé que la réforme "
             "serait retirée. Le député Paul Martin a ajouté un amendement au texte.")
    rules = find_quotes(doc)
    model = linear_model.load(MODEL_NAME)
    every = linear_model.LinearModel(model.coef, model.intercept, model.scale_mean, model.scale_std, model.labels,
                                     {**model.meta, "threshold": 0.0})
    monkeypatch.setattr(reported, "_model", lambda: every)
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("recoupe_")]:
        doc.user_data.pop(key)
    quotes = find_quotes(doc)
    added = [q for q in quotes if q.producer == model.producer]
    assert added, [(q.producer, q.content.text) for q in quotes]
    taken = [(q.content.start, q.content.end) for q in rules]
    for q in added:
        assert q.kind == "indirect"
        assert not any(s < q.content.end and q.content.start < e for s, e in taken)
    # while training records, the filter adds nothing (the rules' view is what is recorded)
    sink: list = []
    with recording(sink):
        assert not [q for q in find_quotes(doc) if q.producer == model.producer]
