"""Train, evaluate and ship the genre model: ``python -m recoupe.training.genre [--no-eval]``.

Training data: SemEval-2023 Task 3 subtask 1, all six languages. Evaluation, per language L:
5-fold stratified CV over L's articles (one article = one sample, so no article leaks), each
fold trained on every other language plus the other folds of L; the baseline (word n-gram
TF-IDF + LR) is trained on L's folds only, as a monolingual system would be. FreSaDa is not
mixed in: its Gorafi-style satire and agency news lowered macro-F1 in every language.
"""

from __future__ import annotations


import numpy as np
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedKFold

from recoupe.analysis import linear_model
from recoupe.analysis.genre import MODEL_NAME
from recoupe.analysis.style import REPORTING_CUE_NAMES, article_features, genre_features
from recoupe.training import data, fitting

# Chosen by the mean macro-F1 of the five non-French languages (French not looked at), over
# three CV shuffles: 0.002 > 0.005 > 0.01 with the current features.
C = 0.002
# Articles of the language a model is for count this much more than the others (the shipped
# model is for French); 3 beat 1 on average over the six held-out languages.
TARGET_WEIGHT = 3.0
VERSION = "2"


def target_weights(langs: np.ndarray, target: str) -> np.ndarray:
    return np.where(langs == target, TARGET_WEIGHT, 1.0)


def article_matrix(articles: list[data.Article], featurise=article_features) -> np.ndarray:
    """One row per article; the satire model reads ``article_features``, genre ``genre_features``."""
    return np.vstack([featurise(a.title_vec, a.para_vecs, a.body, a.title) for a in articles])


def article_text(article: data.Article) -> str:
    return article.title + "\n" + article.body


def labelled() -> list[data.Article]:
    return [a for a in data.semeval() if a.genre]


def evaluate(folds: int = 5) -> dict:
    """Macro-F1 per language, ours vs the n-gram baseline, on held-out folds."""
    articles = labelled()
    X, y = article_matrix(articles, genre_features), np.array([a.genre for a in articles])
    langs = np.array([a.lang for a in articles])
    texts = [article_text(a) for a in articles]
    results = {}
    for lang in data.LANGS:
        idx, other = np.where(langs == lang)[0], np.where(langs != lang)[0]
        ours, base = np.empty(len(idx), dtype=object), np.empty(len(idx), dtype=object)
        cv = StratifiedKFold(folds, shuffle=True, random_state=data.SEED)
        for tr, te in cv.split(idx, y[idx]):
            train = np.concatenate([other, idx[tr]])
            scaler, clf = fitting.fit_multiclass(X[train], y[train], C, target_weights(langs[train], lang))
            ours[te] = clf.predict(scaler.transform(X[idx[te]]))
            baseline = fitting.ngram_baseline().fit([texts[i] for i in idx[tr]], y[idx[tr]])
            base[te] = baseline.predict([texts[i] for i in idx[te]])
        results[lang] = {
            "n": int(len(idx)),
            "macro_f1": round(float(f1_score(y[idx], ours, average="macro")), 4),
            "baseline_macro_f1": round(float(f1_score(y[idx], base, average="macro")), 4),
            "report": classification_report(y[idx], ours, output_dict=True, zero_division=0),
        }
    return results


def train() -> None:
    articles = labelled()
    X, y = article_matrix(articles, genre_features), np.array([a.genre for a in articles])
    langs = np.array([a.lang for a in articles])
    scaler, clf = fitting.fit_multiclass(X, y, C, target_weights(langs, "fr"))
    coef, intercept, labels = fitting.multiclass_coef(clf)
    meta = {
        "name": MODEL_NAME,
        "version": VERSION,
        "trained_on": {lang: int(sum(a.lang == lang for a in articles)) for lang in data.LANGS},
        "features": "unit mean of lead-paragraph USE vectors (512) | title vector (512) | "
        "body style (14) | title style (14) | log paragraphs (1) | unit mean of all paragraph vectors (512) | "
        f"body reporting cues ({', '.join(REPORTING_CUE_NAMES)})",
        "C": C,
        "french_weight": TARGET_WEIGHT,
        "seed": data.SEED,
    }
    fitting.export(linear_model.MODELS_DIR / MODEL_NAME, scaler, coef, intercept, labels, meta)


def main() -> None:
    scores = fitting.run_training_cli(
        __doc__.splitlines()[0], MODEL_NAME, train, evaluate,
        summarise=lambda sc: {k: {m: v[m] for m in ("n", "macro_f1", "baseline_macro_f1")} for k, v in sc.items()},
    )
    for lang, s in (scores or {}).items():
        print(f"{lang}  n={s['n']:4d}  macro-F1 {s['macro_f1']:.3f}  baseline {s['baseline_macro_f1']:.3f}")


if __name__ == "__main__":
    main()
