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
    # the 44 articles of the attribution set, and the extra annotated ones when it was trained with them
    assert len(model.meta["folds"]) == 44 + model.meta.get("extra", {}).get("articles", 0)
    assert set(model.meta["folds"].values()) == set(range(k))
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
    assert not [c for c in _recorded(doc) if "saying" in (c["cue"] or "")]  # a quotation candidate has no cue


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
    taken = [(q.content.start, q.content.end) for q in rules if q.producer != model.producer]
    for q in added:
        assert q.kind == "indirect"
        assert not any(s < q.content.end and q.content.start < e for s, e in taken)
    # while training records, the filter adds nothing (the rules' view is what is recorded)
    sink: list = []
    with recording(sink):
        assert not [q for q in find_quotes(doc) if q.producer == model.producer]


def _row(**on):
    return [float(on.get(f, 0.0)) for f in FEATURES]


def test_silver_rows_label_by_rule_overlap_and_zero_the_rule_flags():
    """s14silver: a silver candidate is positive when its content overlaps a rule quote; the rules'
    cue / content flags (the label itself) are zeroed, as on every open candidate the filter reads."""
    from recoupe.training.reported import silver_rows

    text = "Le maire a affirmé que le pont serait rouvert en mai. La société a évoqué une panne du réseau."
    recorded = {"fr|x.txt": {"text": text, "rule": ["le pont serait rouvert en mai"], "cands": [
        {"text": "le pont serait rouvert en mai", "x": _row(rule_cue=1, rule_content=1, french=1, frame_que=1)},
        {"text": "une panne du réseau", "x": _row(french=1, frame_obj=1)},
        {"text": "absent de l'article", "x": _row(french=1)},  # not located: no row
    ]}}
    X, y, french = silver_rows(recorded)
    assert y.tolist() == [1, 0]
    assert french.tolist() == [True, True]
    for flag in ("rule_cue", "rule_content"):
        assert not X[:, FEATURES.index(flag)].any()
    assert X[0, FEATURES.index("frame_que")] == 1 and X[1, FEATURES.index("frame_obj")] == 1


def test_silver_rows_weigh_in_every_fold_fit():
    """Silver rows change the fitted filter, and weight 0 leaves it as the gold rows alone fit it."""
    from recoupe.training.reported import Article, fit

    rng = np.random.default_rng(0)
    arts = []
    for n in range(4):
        X = rng.integers(0, 2, size=(12, len(FEATURES))).astype(float)
        X[:, FEATURES.index("rule_cue")] = X[:, FEATURES.index("rule_content")] = 0
        hits = [[0] if X[k, FEATURES.index("frame_que")] else [] for k in range(12)]
        arts.append(Article("fr", f"a{n}", n % 5, "dev", [], [], X, [(k, k + 1) for k in range(12)],
                            [""] * 12, hits))
    Xs = rng.integers(0, 2, size=(40, len(FEATURES))).astype(float)
    ys = (Xs[:, FEATURES.index("frame_obj")] == 1).astype(int)
    _, w0, _ = fit(arts, 1.0, "open")
    _, w_zero, _ = fit(arts, 1.0, "open", (Xs, ys, 0.0))
    _, w_one, _ = fit(arts, 1.0, "open", (Xs, ys, 1.0))
    assert np.allclose(w0, w_zero)
    obj = FEATURES.index("frame_obj")
    assert w_one[obj] > w0[obj] + 0.1


def test_extra_articles_are_labelled_like_the_gold_and_kept_in_their_folds():
    """Extra annotated articles become training articles of their own folds (position mod K), their
    half being their set, their candidates labelled by overlap with the annotated quotes; a dev2
    article is never in the group the operating point is chosen on."""
    from recoupe.evaluation.extra_attribution import ExtraArticle
    from recoupe.training.reported import GROUPS, extra_articles

    text = "La ministre a salué un accord historique. Le syndicat a évoqué une grève en juin."
    s = text.find("un accord historique")
    quote = {"kind": "indirect", "span": [s, s + 20], "speaker": "la ministre", "mention": None, "cue": None}
    arts = [ExtraArticle(f"a{n}.txt", text, [quote], "dev1" if n < 3 else "dev2") for n in range(7)]
    cands = [{"text": "un accord historique", "x": _row(french=1, frame_obj=1)},
             {"text": "une grève en juin", "x": _row(french=1, frame_obj=1)},
             {"text": "absent de l'article", "x": _row(french=1)}]
    recorded = {f"fr|{a.name}": {"text": text, "rule": [], "cands": cands} for a in arts}
    out = extra_articles(recorded, arts)
    assert [a.fold for a in out] == [0, 1, 2, 3, 4, 0, 1]
    assert [a.half for a in out] == ["dev1"] * 3 + ["dev2"] * 4
    assert out[0].hits == [[0], [], []] and out[0].spans[2] is None
    assert out[0].open.tolist() == [True, True, True]
    assert [GROUPS["all"](a) for a in out] == [True] * 3 + [False] * 4
    assert not any(GROUPS["fr"](a) for a in out)


def test_extra_annotations_round_trip_as_offsets(tmp_path, monkeypatch):
    """The annotators' files become offsets and a digest (no article text is stored), and the
    offsets rebuild a folder the attribution scorer reads, with the same evidence; an article whose
    text changed is skipped, never mis-aligned."""
    import json

    from recoupe.evaluation import extra_attribution as ea

    shared = tmp_path / "shared"
    folder = shared.joinpath(*ea.articles_dir("fr"))
    folder.mkdir(parents=True)
    text = "Titre inventé\nSelon le maire, le marché « rouvrira bientôt », a-t-il dit à la presse locale.\n"
    (folder / "a1.txt").write_text(text, encoding="utf-8")
    notes = tmp_path / "annotations"
    notes.mkdir()
    (notes / "a1.json").write_text(json.dumps({"quotes": [
        {"kind": "direct", "speaker": "le maire", "speaker_mention": "le maire", "cue": "a-t-il dit",
         "evidence": "le marché « rouvrira bientôt »"}]}, ensure_ascii=False), encoding="utf-8")
    hedges = tmp_path / "hedges"
    hedges.mkdir()
    (hedges / "a1.json").write_text(json.dumps({"hedges": [
        {"kind": "speculation", "evidence": "rouvrira bientôt", "borderline": True}]}, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("RECOUPE_SHARED", str(shared))
    out = tmp_path / "extra.json"
    built = ea.build(notes, out, hedges_dir=hedges)
    stored = out.read_text(encoding="utf-8")
    assert "rouvrira" not in stored and built["articles"]["a1.txt"]["sha256"] == ea.digest(text)
    loaded = ea.load(out)
    assert [a.name for a in loaded] == ["a1.txt"]
    s, e = loaded[0].spans[0]
    assert text[s:e] == "le marché « rouvrira bientôt »"
    gold = json.loads((ea.materialise(tmp_path / "set", loaded) / "fr" / "gold.json").read_text(encoding="utf-8"))
    assert gold["a1.txt"]["quotes"][0]["evidence"] == "le marché « rouvrira bientôt »"
    assert gold["a1.txt"]["quotes"][0]["cue"] == "a-t-il dit"
    assert gold["a1.txt"]["hedges"] == [{"kind": "speculation", "evidence": "rouvrira bientôt", "borderline": True}]
    (folder / "a1.txt").write_text(text.replace("bientôt", "demain"), encoding="utf-8")
    assert ea.load(out) == []


def test_extra_annotations_from_another_folder_merge_into_the_file(tmp_path, monkeypatch):
    """A FreSaDa article (``fresada_<split>_<id>``) is read from FreSaDa's folder and records that
    source; building it into an existing file keeps the articles already there, each in its set."""
    import json

    from recoupe.evaluation import extra_attribution as ea

    shared = tmp_path / "shared"
    semeval = shared.joinpath(*ea.articles_dir("fr"))
    fresada = shared / "data" / "satire" / "fresada" / "data" / "test" / "texts"
    semeval.mkdir(parents=True)
    fresada.mkdir(parents=True)
    first = "Titre\nLe maire a annoncé que le marché rouvrira en juin, selon la mairie.\n"
    second = "La directrice a expliqué que « les travaux dureront deux ans » devant le conseil.\n"
    (semeval / "a1.txt").write_text(first, encoding="utf-8")
    (fresada / "000000007.txt").write_text(second, encoding="utf-8")
    monkeypatch.setenv("RECOUPE_SHARED", str(shared))
    quote = {"kind": "indirect", "speaker": "le maire", "speaker_mention": "Le maire", "cue": "a annoncé",
             "evidence": "le marché rouvrira en juin"}
    for folder, name, q in (("one", "a1", quote), ("two", "fresada_test_000000007",
                                                   {**quote, "speaker": "la directrice", "speaker_mention": "La directrice",
                                                    "cue": "a expliqué", "evidence": "« les travaux dureront deux ans »"})):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{name}.json").write_text(json.dumps({"quotes": [q]}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "extra.json"
    ea.build(tmp_path / "one", out, default_set="dev1")
    built = ea.build(tmp_path / "two", out, default_set="dev3")
    assert sorted(built["articles"]) == ["a1.txt", "fresada_test_000000007.txt"]
    assert built["articles"]["a1.txt"]["set"] == "dev1" and "source" not in built["articles"]["a1.txt"]
    entry = built["articles"]["fresada_test_000000007.txt"]
    assert entry["set"] == "dev3" and entry["source"] == "data/satire/fresada/data/test/texts/000000007.txt"
    loaded = {a.name: a for a in ea.load(out)}
    s, e = loaded["fresada_test_000000007.txt"].spans[0]
    assert second[s:e] == "« les travaux dureront deux ans »"
    assert [a.name for a in ea.load(out) if a.set == "dev3"] == ["fresada_test_000000007.txt"]
