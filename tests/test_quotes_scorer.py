"""The learned speaker scorer (speakers@1): its file, its decisions, and out-of-fold evaluation."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from recoupe.analysis import linear_model
from recoupe.analysis.quotes.candidates import FEATURES, SPEAKER_MODEL_NAME, article_key, decide, fold_of
from recoupe.analysis.quotes import find_quotes

from conftest import need_shared


def test_model_file_has_one_row_per_fold_and_the_full_row():
    model = linear_model.load(SPEAKER_MODEL_NAME)
    k = model.meta["k_folds"]
    assert model.coef.shape == (k + 1, len(FEATURES))
    assert model.meta["features"] == list(FEATURES)
    folds = model.meta["folds"]
    assert len(folds) == 44 and set(folds.values()) == set(range(k))
    # the fold rows differ from the full row (each left some articles out)
    assert all(not np.allclose(model.coef[0], model.coef[1 + f]) for f in range(k))


def test_fold_rows_rewritten_on_the_common_scale_decide_the_same():
    from recoupe.training.fitting import standard_scaler
    from recoupe.training.speakers import on_scale

    rng = np.random.default_rng(0)
    X = rng.normal(3.0, 2.0, size=(200, 5))
    common, own = standard_scaler(X), standard_scaler(X[:120])
    w, b = rng.normal(size=5), 0.3
    w2, b2 = on_scale(common, own, w, b)
    assert np.allclose(own.transform(X) @ w + b, common.transform(X) @ w2 + b2)


def test_decide_never_guesses_below_half_and_respects_pronoun_agreement():
    X = np.zeros((3, len(FEATURES)))
    X[1, FEATURES.index("gender_clash")] = 1.0
    # the rules named nobody: a candidate is taken only at probability 0.5 or more
    assert decide(np.array([0.2, 0.4, 0.3]), X, None) is None
    assert decide(np.array([0.2, 0.4, 0.6]), X, None) == 2
    # a candidate of the wrong gender for the pronoun is never chosen, however it scores
    assert decide(np.array([0.3, 0.9, 0.1]), X, 0) == 0


def test_speaker_named_by_the_phrase_stands(fr):
    # the people named in the reported words are candidates too; the outlet the phrase names stays
    text = ("Pauline Roche a présenté son programme mardi.\n\n"
            "Selon une nouvelle enquête du Guardian, Marc Delorme finance en secret la fondation de Pauline Roche.")
    q = [q for q in find_quotes(fr(text)) if q.kind == "according_to"]
    assert q and q[0].speaker_canonical == "Guardian"


def test_every_resolved_speaker_names_its_evidence(fr):
    text = ("La ministre de la Santé, Agnès Martin, a reçu les syndicats. Le directeur de l'hôpital, Marc Lenoir, "
            "était présent. « Nous manquons de lits », a-t-il expliqué. « Des moyens arriveront », a-t-elle promis.")
    for q in find_quotes(fr(text)):
        if q.speaker is not None and q.speaker_canonical and q.speaker.text.lower() in ("-il", "-elle", "il", "elle"):
            assert q.speaker_evidence is not None and q.speaker_canonical in q.speaker_evidence.text


@pytest.mark.shared
def test_annotated_articles_are_recognised_and_scored_out_of_fold(tmp_path, capsys):
    from recoupe.evaluation.attribution import main

    data = need_shared("data", "attribution")
    gold = json.loads((data / "fr" / "gold.json").read_text(encoding="utf-8"))
    names = sorted(gold)
    text = (data / "fr" / "articles" / names[1]).read_text(encoding="utf-8")
    assert fold_of(text) == 1 % linear_model.load(SPEAKER_MODEL_NAME).meta["k_folds"]
    assert fold_of(text + " ") is None and article_key(text) != article_key(text + " ")
    # the same article in another folder is still recognised by its digest: the figures are out-of-fold
    (tmp_path / "fr" / "articles").mkdir(parents=True)
    shutil.copy(data / "fr" / "articles" / names[1], tmp_path / "fr" / "articles" / names[1])
    (tmp_path / "fr" / "gold.json").write_text(json.dumps({names[1]: gold[names[1]]}), encoding="utf-8")
    assert main(["--lang", "fr", "--data", str(tmp_path)]) == 0
    assert "out-of-fold" in capsys.readouterr().out


def _speaker_phrase(doc, q):
    """The head token, phrase bounds and rules' candidate of a quote's speaker phrase."""
    from recoupe.analysis.quotes.candidates import SpeakerCandidate

    head = next(t for t in doc if t.idx >= q.speaker.start and t.dep_ != "det")
    while head.head.i != head.i and q.speaker.start <= head.head.idx < q.speaker.end:
        head = head.head
    rule = SpeakerCandidate(q.speaker_canonical, None, (q.speaker.start, q.speaker.end))
    return head, (q.speaker.start, q.speaker.end), rule


@pytest.mark.parametrize("text, kind", [
    # a role noun with its holder's name names the speaker; with an organisation only, it is weighed
    ("Le porte-parole du gouvernement Gabriel Attal a déclaré que la réforme serait votée.", "name"),
    ("Le porte-parole du Kremlin a déclaré que la réforme serait votée.", "role"),
    ("Selon un rapport de Bloomberg, la société aurait perdu 3 millions d'euros.", "indefinite"),
    ("Un porte-parole de Facebook a déclaré que l'entreprise ne commenterait pas.", "indefinite"),
    ("Emmanuel Macron a déclaré que la réforme serait votée.", "name"),
])
def test_lock_kind_of_speaker_phrases(fr, text, kind):
    from recoupe.analysis.quotes.candidates import lock_kind

    doc = fr(text)
    q = find_quotes(doc)[0]
    head, phrase, rule = _speaker_phrase(doc, q)
    assert lock_kind(doc, rule, head, phrase, "fr") == kind


def test_lock_policy_keeps_the_rules_where_they_are_not_worse_out_of_fold():
    from recoupe.analysis.quotes.candidates import LOCK_KINDS, RULE_LOCKS, lock_policy
    from recoupe.training.speakers import lock_policy as learned

    kinds = {"name": {"n": 10, "rules": 8, "model": 8}, "role": {"n": 10, "rules": 6, "model": 8},
             "indefinite": {"n": 5, "rules": 5, "model": 4}, "source": {"n": 9, "rules": 6, "model": 7}}
    # a tie or a one-quote edge keeps the rules; the scorer takes a kind by two quotes or more
    assert learned(kinds) == frozenset({"name", "indefinite", "source"})
    # the shipped model names its policy, and the runtime reads it from there, with the rules' own locks
    meta = linear_model.load(SPEAKER_MODEL_NAME).meta
    assert set(meta["locks"]) <= set(LOCK_KINDS) and lock_policy() == frozenset(meta["locks"]) | RULE_LOCKS


def test_a_body_named_by_a_common_noun_is_a_candidate(fr):
    from recoupe.analysis.quotes.candidates import body_before

    text = ("Le parquet de Lyon a ouvert une enquête mardi sur l'incendie.\n\n"
            "Aucune piste n'est écartée, a-t-on précisé.\n\n"
            "Les pompiers sont restés sur place toute la nuit.\n\n"
            "Les dégâts sont importants, a-t-on ajouté.")
    doc = fr(text)
    anchor = text.index("a-t-on")
    body = body_before(doc, anchor, "fr", lambda s, e: False)
    assert body is not None and body.canonical.startswith("Le parquet de Lyon") and not body.person
    # inside the quote's own words, or further back than the previous paragraph: no candidate
    assert body_before(doc, anchor, "fr", lambda s, e: s < text.index("\n")) is None
    assert body_before(doc, text.rindex("a-t-on"), "fr", lambda s, e: False) is None


def test_a_group_named_by_a_plural_subject_is_a_candidate_for_a_plural_pronoun(fr):
    from recoupe.analysis.quotes.coreference import plural_subject_before

    text = ("Les manifestants ont défilé mardi dans le centre de Lyon.\n\n"
            "Ils ont dénoncé une réforme injuste.\n\n"
            "La préfecture a compté deux mille personnes.\n\n"
            "Le cortège s'est dispersé dans le calme.\n\n"
            "Ils ont promis de revenir.")
    doc = fr(text)
    found = plural_subject_before(doc, text.index("Ils ont dénoncé"), 2)
    assert found is not None and found.canonical == "Les manifestants" and found.plural and not found.person
    assert found.gender == "Masc"
    # inside the quote's own words, or further back than the previous paragraph (and no plural subject
    # nearer: "La préfecture", "Le cortège" are singular): no candidate
    assert plural_subject_before(doc, text.index("Ils ont dénoncé"), 2, lambda s, e: s == 0) is None
    assert plural_subject_before(doc, text.rindex("Ils"), 2) is None


def test_plural_subject_candidate_is_offered_to_plural_pronouns_only(fr):
    from recoupe.analysis.quotes.candidates import FEATURES, recording

    text = ("Les syndicats ont manifesté devant le ministère mardi.\n\n"
            "Ils ont affirmé que la réforme serait retirée.\n\n"
            "Elle a affirmé que la réforme serait maintenue.")
    doc = fr(text)
    sink: list = []
    with recording(sink):
        find_quotes(doc)
    offered = [any(row[FEATURES.index(f"{r['head']}*plural_subject")] for row in r["X"]) for r in sink]
    assert offered == [True, False]  # "Ils" may stand for "Les syndicats"; "Elle" is singular
