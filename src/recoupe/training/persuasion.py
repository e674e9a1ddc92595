"""Train, evaluate and ship the persuasion model: ``python -m recoupe.training.persuasion [--no-eval]``.

Training data: SemEval-2023 Task 3 subtask 3, every annotated line (title included) of all six
languages. Evaluation, per language L, at paragraph level (micro-F1 over paragraph x technique):
grouped K-fold over L's articles (5 folds for French, 2 for the others to stay within the time
budget), each fold trained on every other language plus L's other folds; the baseline (word
n-gram TF-IDF + one LR per technique) is trained on L's folds only.
"""

from __future__ import annotations


import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from recoupe.analysis import linear_model
from recoupe.analysis.persuasion import MODEL_NAME
from recoupe.analysis.style import paragraph_features
from recoupe.training import data, fitting

C = 0.001
# One threshold for every technique: per-technique thresholds over-fit the rare ones. 0.2 was
# best in French grouped CV for every C tried, and for the baseline too.
THRESHOLD = 0.2
FOLDS = {"fr": 5}
DEFAULT_FOLDS = 2
VERSION = "1"


def paragraph_table(articles: list[data.Article]):
    """Features, label matrix, languages, article groups, texts, technique names."""
    rows, labels, langs, groups, texts = [], [], [], [], []
    for a in articles:
        lines = [t.strip() for t in a.line_texts]
        features = paragraph_features(np.vstack([a.title_vec[None], a.para_vecs]), lines)
        for i, lab in enumerate(a.line_labels):
            if lab is not None:
                rows.append(features[i])
                labels.append(lab)
                langs.append(a.lang)
                groups.append(f"{a.lang}/{a.id}")
                texts.append(lines[i])
    techniques = sorted({t for lab in labels for t in lab})
    Y = np.array([[t in lab for t in techniques] for lab in labels], dtype=int)
    return np.vstack(rows), Y, np.array(langs), np.array(groups), texts, techniques


def annotated() -> list[data.Article]:
    return [a for a in data.semeval() if any(lab is not None for lab in a.line_labels)]


def _baseline_proba(train_texts, Y_train, test_texts) -> np.ndarray:
    vec = fitting.ngram_baseline(multilabel=True).fit(train_texts)
    A, B = vec.transform(train_texts), vec.transform(test_texts)
    out = np.zeros((len(test_texts), Y_train.shape[1]))
    for j in range(Y_train.shape[1]):
        if 0 < Y_train[:, j].sum() < len(Y_train):
            clf = LogisticRegression(max_iter=2000, random_state=data.SEED).fit(A, Y_train[:, j])
            out[:, j] = clf.predict_proba(B)[:, 1]
    return out


def evaluate(langs_to_eval=data.LANGS) -> dict:
    X, Y, langs, groups, texts, techniques = paragraph_table(annotated())
    results = {}
    for lang in langs_to_eval:
        idx, other = np.where(langs == lang)[0], np.where(langs != lang)[0]
        ours, base = np.zeros((len(idx), Y.shape[1])), np.zeros((len(idx), Y.shape[1]))
        for tr, te in GroupKFold(FOLDS.get(lang, DEFAULT_FOLDS)).split(idx, groups=groups[idx]):
            train = np.concatenate([other, idx[tr]])
            scaler, coef, intercept = fitting.fit_one_vs_rest(X[train], Y[train], C)
            ours[te] = fitting.ovr_proba(scaler, coef, intercept, X[idx[te]])
            base[te] = _baseline_proba([texts[i] for i in idx[tr]], Y[idx[tr]], [texts[i] for i in idx[te]])
        truth = Y[idx]
        results[lang] = {
            "paragraphs": int(len(idx)),
            "articles": int(len(set(groups[idx]))),
            "folds": FOLDS.get(lang, DEFAULT_FOLDS),
            "micro_f1": round(float(f1_score(truth, ours >= THRESHOLD, average="micro")), 4),
            "baseline_micro_f1@0.5": round(float(f1_score(truth, base >= 0.5, average="micro")), 4),
            f"baseline_micro_f1@{THRESHOLD}": round(float(f1_score(truth, base >= THRESHOLD, average="micro")), 4),
        }
        print(lang, results[lang], flush=True)
    return results


def train() -> None:
    articles = annotated()
    X, Y, langs, _, _, techniques = paragraph_table(articles)
    scaler, coef, intercept = fitting.fit_one_vs_rest(X, Y, C)
    meta = {
        "name": MODEL_NAME,
        "version": VERSION,
        "trained_on_paragraphs": {lang: int((langs == lang).sum()) for lang in data.LANGS},
        "features": "paragraph USE vector of first 40 words (512) | article mean vector (512) | "
        "paragraph style (14) | relative position (1)",
        "C": C,
        "threshold": THRESHOLD,
        "seed": data.SEED,
    }
    fitting.export(linear_model.MODELS_DIR / MODEL_NAME, scaler, coef, intercept, techniques, meta)


def main() -> None:
    fitting.run_training_cli(__doc__.splitlines()[0], MODEL_NAME, train, evaluate)


if __name__ == "__main__":
    main()
