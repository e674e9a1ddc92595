"""Train, evaluate and ship the genre model: ``python -m recoupe.training.genre [--no-eval]``.

Training data: SemEval-2023 Task 3 subtask 1, all six languages. The model has two parts whose
log-probabilities are mixed (:func:`recoupe.analysis.genre.combine`): an article model over
:func:`~recoupe.analysis.style.genre_features` and a paragraph model that reads each paragraph's
vector on its own (every paragraph labelled with its article's genre, the article's weight
spread over its paragraphs) and is averaged over the article.

Evaluation, per language L: 5-fold stratified CV over L's articles, repeated over three shuffles
(one article = one sample, so no article leaks), each fold trained on every other language plus
the other folds of L; the baseline (word n-gram TF-IDF + LR) is trained on L's folds only, as a
monolingual system would be. FreSaDa is not mixed in: its Gorafi-style satire and agency news
lowered macro-F1 in every language (genre@1 experiments); its test outlets serve as an
out-of-domain check instead (:func:`fresada_check`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold

from recoupe.analysis import linear_model
from recoupe.analysis.genre import MODEL_NAME, PARAGRAPH_MODEL_NAME, combine, decide
from recoupe.analysis.style import REPORTING_CUE_NAMES, article_features, genre_feature_blocks, genre_features
from recoupe.training import data, fitting

# Hyper-parameters were chosen by the mean macro-F1 of the five non-French languages over three
# CV shuffles (French looked at only afterwards); the numbers are in the MODEL_CARD.
C = 0.005
# Standardised vector columns are multiplied by this before fitting (more regularisation on the
# 1,536 content dimensions, so style and attribution counts keep their say).
VECTOR_SCALE = 0.3
PARAGRAPH_C = 0.01
# Share of the paragraph model in the mixed log-probabilities. 0.3 was chosen on the 40-word
# paragraph vectors; 0.2 (genre@6) on the pooled ones by French CV (non-French mean macro-F1 at
# 0.2 / 0.3 / 0.4 = 0.5801 / 0.5792 / 0.5823, within noise). genre@7 (issue 15, seventh round;
# ``benchmarks/issue15_experiments.py --only genre-weights``) reads the SemEval French figures that
# predict the sealed unseen-French check at 0 / 0.1 / 0.2: French CV (three shuffles) 0.793 / 0.796
# / 0.779, satire precision 0.71 / 0.68 / 0.62; French left out of training (its outlets never
# seen) 0.739 / 0.728 / 0.685, satire 4 of 5 / 4 of 6 / 4 of 7 called right; FreSaDa's test
# outlets satire precision 0.826 / 0.839 / 0.848 (>= 0.5 everywhere). Both French figures put 0
# and 0.1 above 0.2; 0.1 is the best CV (what ships) and keeps the paragraph evidence the report
# shows (at 0 the paragraphs would not count); the non-French left-out mean (0.4247 / 0.4242 /
# 0.4317) is within that protocol's noise.
PARAGRAPH_WEIGHT = 0.1
# Articles of the language a model is for count this much more than the others (the shipped
# model is for French); 3 beat 1 on average over the six held-out languages.
TARGET_WEIGHT = 3.0
CV_SEEDS = (13, 1, 2)
# Satire is the label only when its probability also reaches this (analysis.genre.decide). Chosen
# on the five non-French languages' out-of-fold probabilities (first CV shuffle, pooled): the
# lowest of 0.4 / 0.5 / 0.6 / 0.7 whose satire precision reaches 0.65, a margin over the 0.5 the
# unseen French test asks for, because cross-validation flattered satire there (French CV 4 of 6
# right, unseen French 1 of 5). Argmax: precision 0.54, recall 0.65, mean macro-F1 0.619;
# 0.5: 0.68 / 0.50 / 0.593; 0.6: 0.82 / 0.38 / 0.569. French read afterwards: argmax 4 of 6
# satire calls right (macro-F1 0.752), 0.5: 2 of 2 (0.689).
SATIRE_THRESHOLD = 0.5
# French only (the FreSaDa detector is a French model): satire when it is the most probable genre
# (any p(satire) >= 0.3 then is) and the FreSaDa satire detector (model ``satire``, trained on
# other outlets) also gives >= 0.5. Chosen on FreSaDa's validation half (odd-ranked test articles:
# outlets neither model trained on) by the rule fixed in issue 15's second round, before reading
# the test half: the highest satire recall at no more regular articles called satire than the
# p >= 0.5 rule alone (validation: that rule R 0.259 with 7.3% of regular articles called satire;
# 0.3 & 0.5: R 0.361, 6.0%; 0.3 & 0.3 had 7.4%, over). Test half, read afterwards: R 0.222 ->
# 0.345, regular called satire 9.8% -> 5.6%. The other languages keep SATIRE_THRESHOLD: there the
# French detector rejects true satire (non-French CV 31/49 -> 20/40 right; NOTES.md, issue 15).
SATIRE_DETECTOR = {"model": "satire", "languages": ["fr"], "satire_threshold": 0.3, "threshold": 0.5}
VERSION = "7"


def target_weights(langs: np.ndarray, target: str) -> np.ndarray:
    return np.where(langs == target, TARGET_WEIGHT, 1.0)


def article_matrix(articles: list[data.Article], featurise=article_features) -> np.ndarray:
    """One row per article; the satire model reads ``article_features``, genre ``genre_features``."""
    return np.vstack([featurise(a.title_vec, a.para_vecs, a.body, a.title) for a in articles])


def article_text(article: data.Article) -> str:
    return article.title + "\n" + article.body


def labelled() -> list[data.Article]:
    return [a for a in data.semeval() if a.genre]


def column_scale() -> np.ndarray:
    return np.concatenate([np.full(w, VECTOR_SCALE if w > 1 else 1.0) for _, w in genre_feature_blocks()])


def paragraph_vectors(article: data.Article) -> np.ndarray:
    """What the paragraph model reads: the body paragraphs' vectors (the title when there are none)."""
    return article.para_vecs if len(article.para_vecs) else article.title_vec[None]


@dataclass
class GenreFit:
    """The two fitted parts (scaler, classifier) of one genre model."""

    article: tuple
    paragraph: tuple

    def predict_proba(self, X: np.ndarray, paragraphs: list[np.ndarray]) -> np.ndarray:
        a_scaler, a_clf = self.article
        p_scaler, p_clf = self.paragraph
        article_logp = a_clf.predict_log_proba(a_scaler.transform(X))
        paragraph_logp = np.vstack([p_clf.predict_log_proba(p_scaler.transform(v)).mean(axis=0) for v in paragraphs])
        return combine(article_logp, paragraph_logp, PARAGRAPH_WEIGHT)

    @property
    def labels(self) -> np.ndarray:
        return self.article[1].classes_


def fit(articles: list[data.Article], X: np.ndarray, y: np.ndarray, weights: np.ndarray) -> GenreFit:
    article = fitting.fit_multiclass(X, y, C, weights, column_scale=column_scale())
    vecs = [paragraph_vectors(a) for a in articles]
    rows = np.vstack(vecs)
    row_labels = np.concatenate([[label] * len(v) for label, v in zip(y, vecs)])
    row_weights = np.concatenate([np.full(len(v), w / len(v)) for w, v in zip(weights, vecs)])
    paragraph = fitting.fit_multiclass(rows, row_labels, PARAGRAPH_C, row_weights * len(vecs) / row_weights.sum())
    assert list(article[1].classes_) == list(paragraph[1].classes_)
    return GenreFit(article, paragraph)


def detector_probability(articles: list[data.Article]) -> np.ndarray:
    """p(satire) of the FreSaDa detector (the shipped ``satire`` model: FreSaDa's training outlets
    only, never SemEval) for each article."""
    model = linear_model.load(SATIRE_DETECTOR["model"])
    return model.softmax(article_matrix(articles))[:, model.labels.index("satire")]


def shipped_rule(probs: np.ndarray, labels, lang: str, detector: np.ndarray) -> np.ndarray:
    """Label indices under the shipped satire rule for articles of ``lang`` (``detector``: their
    detector probabilities), as ``analysis.genre.satire_rule`` decides one article."""
    if lang in SATIRE_DETECTOR["languages"]:
        return decide(probs, labels, SATIRE_DETECTOR["satire_threshold"], detector >= SATIRE_DETECTOR["threshold"])
    return decide(probs, labels, SATIRE_THRESHOLD)


def satire_scores(truth, pred) -> dict:
    """Satire as the positive class: precision, recall and the counts behind them."""
    called, real = np.asarray(pred) == "satire", np.asarray(truth) == "satire"
    tp = int((called & real).sum())
    return {"precision": round(tp / int(called.sum()), 4) if called.any() else None,
            "recall": round(tp / int(real.sum()), 4) if real.any() else None,
            "right": tp, "called": int(called.sum()), "satire": int(real.sum())}


def evaluate(folds: int = 5, seeds=CV_SEEDS) -> dict:
    """Macro-F1 per language (mean and spread over shuffles), ours vs the n-gram baseline, with
    the shipped satire rule; beside it the argmax rule, and satire precision and recall both in
    the per-language CV and with each language left out of training (other outlets)."""
    articles = labelled()
    X, y = article_matrix(articles, genre_features), np.array([a.genre for a in articles])
    langs = np.array([a.lang for a in articles])
    texts = [article_text(a) for a in articles]
    detector = detector_probability(articles)
    results = {}
    for lang in data.LANGS:
        idx, other = np.where(langs == lang)[0], np.where(langs != lang)[0]
        ours_f1, argmax_f1, base_f1 = [], [], []
        for seed in seeds:
            ours, top, base = (np.empty(len(idx), dtype=object) for _ in range(3))
            for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(idx, y[idx]):
                train, test = np.concatenate([other, idx[tr]]), idx[te]
                model = fit([articles[i] for i in train], X[train], y[train], target_weights(langs[train], lang))
                probs = model.predict_proba(X[test], [paragraph_vectors(articles[i]) for i in test])
                ours[te] = model.labels[shipped_rule(probs, model.labels, lang, detector[test])]
                top[te] = model.labels[probs.argmax(axis=1)]
                baseline = fitting.ngram_baseline().fit([texts[i] for i in idx[tr]], y[idx[tr]])
                base[te] = baseline.predict([texts[i] for i in test])
            ours_f1.append(f1_score(y[idx], ours, average="macro"))
            argmax_f1.append(f1_score(y[idx], top, average="macro"))
            base_f1.append(f1_score(y[idx], base, average="macro"))
            if seed == seeds[0]:
                report = classification_report(y[idx], ours, output_dict=True, zero_division=0)
                satire, satire_argmax = satire_scores(y[idx], ours), satire_scores(y[idx], top)
        results[lang] = {
            "n": int(len(idx)),
            "macro_f1": round(float(np.mean(ours_f1)), 4),
            "macro_f1_std": round(float(np.std(ours_f1)), 4),
            "macro_f1_argmax": round(float(np.mean(argmax_f1)), 4),
            "baseline_macro_f1": round(float(np.mean(base_f1)), 4),
            "baseline_macro_f1_std": round(float(np.std(base_f1)), 4),
            "satire_cv": satire,
            "satire_cv_argmax": satire_argmax,
            "report": report,
        }
        print(lang, {k: v for k, v in results[lang].items() if k != "report"}, flush=True)
    for lang, scores in leave_language_out(articles, X, y, langs, detector).items():
        results[lang].update(scores)
    return results


def leave_language_out(articles, X, y, langs, detector) -> dict:
    """Each language predicted by a model trained on the five others only: no outlet of the
    language was seen (SemEval's outlets do not cross languages), so satire precision and
    recall here are what an unseen outlet would see."""
    out = {}
    for lang in data.LANGS:
        idx, other = np.where(langs == lang)[0], np.where(langs != lang)[0]
        model = fit([articles[i] for i in other], X[other], y[other], np.ones(len(other)))
        probs = model.predict_proba(X[idx], [paragraph_vectors(articles[i]) for i in idx])
        pred = model.labels[shipped_rule(probs, model.labels, lang, detector[idx])]
        out[lang] = {"macro_f1_other_languages": round(float(f1_score(y[idx], pred, average="macro")), 4),
                     "satire_other_languages": satire_scores(y[idx], pred)}
    return out


def fresada_check() -> dict:
    """The shipped model and rule on FreSaDa's test outlets (French news neither it nor the
    satire detector trained on): the share of regular articles it calls reporting and of
    satirical ones it calls satire; satire precision and recall on all of them and on the test
    half (even-ranked articles; the odd-ranked validation half chose the satire rule)."""
    from recoupe.analysis.genre import article_probabilities

    out, truth, pred = {}, [], []
    model = linear_model.load(MODEL_NAME)
    articles = data.fresada("test")
    detector = detector_probability(articles)
    for article, p_detector in zip(articles, detector):
        probs = article_probabilities(article.title_vec, article.para_vecs, article.body, article.title)
        label = model.labels[int(shipped_rule(probs, model.labels, "fr", np.array([p_detector]))[0])]
        counts = out.setdefault(article.genre, {})
        counts[label] = counts.get(label, 0) + 1
        truth.append(article.genre)
        pred.append(label)
    shares = {
        genre: {"n": sum(c.values()), "share_" + genre: round(c.get(genre, 0) / sum(c.values()), 4), "labels": c}
        for genre, c in sorted(out.items())
    }
    half = slice(1, None, 2)
    return {**shares, "satire": {**shares.get("satire", {}), **satire_scores(truth, pred)},
            "satire_test_half": satire_scores(truth[half], pred[half])}


def train() -> None:
    articles = labelled()
    X, y = article_matrix(articles, genre_features), np.array([a.genre for a in articles])
    langs = np.array([a.lang for a in articles])
    model = fit(articles, X, y, target_weights(langs, "fr"))
    common = {"version": VERSION, "seed": data.SEED}
    for name, (scaler, clf), extra in (
        (MODEL_NAME, model.article, {
            "trained_on": {lang: int(sum(a.lang == lang for a in articles)) for lang in data.LANGS},
            "features": "unit mean of lead-paragraph vectors (512) | title vector (512) | "
            "body style (14) | title style (14) | log paragraphs (1) | unit mean of all paragraph vectors (512) | "
            f"body reporting cues ({', '.join(REPORTING_CUE_NAMES)})",
            "C": C, "vector_scale": VECTOR_SCALE, "french_weight": TARGET_WEIGHT,
            "paragraph_model": PARAGRAPH_MODEL_NAME, "paragraph_weight": PARAGRAPH_WEIGHT,
            "satire_threshold": SATIRE_THRESHOLD, "satire_detector": SATIRE_DETECTOR,
        }),
        (PARAGRAPH_MODEL_NAME, model.paragraph, {
            "features": "one paragraph's vector: the unit mean of its sentences' USE vectors (512)",
            "C": PARAGRAPH_C, "french_weight": TARGET_WEIGHT,
        }),
    ):
        coef, intercept, labels = fitting.multiclass_coef(clf)
        fitting.export(linear_model.MODELS_DIR / name, scaler, coef, intercept, labels, {"name": name, **common, **extra})


def main() -> None:
    scores = fitting.run_training_cli(
        __doc__.splitlines()[0], MODEL_NAME, train, evaluate,
        summarise=lambda sc: {k: {m: v[m] for m in v if m != "report"} for k, v in sc.items()},
    )
    for lang, s in (scores or {}).items():
        print(f"{lang}  n={s['n']:4d}  macro-F1 {s['macro_f1']:.3f}±{s['macro_f1_std']:.3f}  "
              f"baseline {s['baseline_macro_f1']:.3f}±{s['baseline_macro_f1_std']:.3f}")


if __name__ == "__main__":
    main()
