"""Train, evaluate and ship the satire detector: ``python -m recoupe.training.satire [--no-eval]``.

FreSaDa's protocol (Ionescu & Chifu 2021): train on the training outlets, test on the test
outlets, which are different sources. Following the data set's README, the test set's odd-ranked
samples are the validation half (used here only to pick C) and the even-ranked the test half;
scores are given on that test half and on the whole test set. Only a fixed random 3,000 of the
8,716 training articles are used (embedding all of them does not fit one command on two shared
cores); the n-gram baseline is trained on the same 3,000.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

from recoupe.analysis import linear_model
from recoupe.analysis.genre import SATIRE_MODEL_NAME
from recoupe.training import data, fitting
from recoupe.training.genre import article_matrix, article_text

C_GRID = (0.01, 0.1, 1.0)
VERSION = "2"


def _load():
    train, test = data.fresada("train"), data.fresada("test")
    Xtr, ytr = article_matrix(train), np.array([a.genre == "satire" for a in train], dtype=int)
    Xte, yte = article_matrix(test), np.array([a.genre == "satire" for a in test], dtype=int)
    return train, test, Xtr, ytr, Xte, yte


def _scores(truth, pred) -> dict:
    return {"accuracy": round(float(accuracy_score(truth, pred)), 4), "f1": round(float(f1_score(truth, pred)), 4)}


def select_and_evaluate() -> tuple[float, dict]:
    """C chosen on the validation half; accuracy and F1 (satire = positive) on the test half and all."""
    train, test, Xtr, ytr, Xte, yte = _load()
    val, tst = np.arange(len(test))[0::2], np.arange(len(test))[1::2]
    fits = {C: fitting.fit_multiclass(Xtr, ytr, C, class_weight=None) for C in C_GRID}
    val_acc = {C: accuracy_score(yte[val], clf.predict(sc.transform(Xte[val]))) for C, (sc, clf) in fits.items()}
    best = max(C_GRID, key=lambda C: val_acc[C])
    sc, clf = fits[best]
    ours = clf.predict(sc.transform(Xte))
    baseline = fitting.ngram_baseline().fit([article_text(a) for a in train], ytr)
    base = baseline.predict([article_text(a) for a in test])
    results = {
        "C": best,
        "validation_accuracy_by_C": {str(C): round(float(v), 4) for C, v in val_acc.items()},
        "test_half": {"ours": _scores(yte[tst], ours[tst]), "baseline": _scores(yte[tst], base[tst])},
        "test_all": {"ours": _scores(yte, ours), "baseline": _scores(yte, base)},
        "train_articles": len(train),
        "test_articles": len(test),
    }
    return best, results


def train(C: float) -> None:
    train_articles, _, Xtr, ytr, _, _ = _load()
    scaler, clf = fitting.fit_multiclass(Xtr, ytr, C, class_weight=None)
    coef, intercept, _ = fitting.multiclass_coef(clf)
    meta = {
        "name": SATIRE_MODEL_NAME,
        "version": VERSION,
        "trained_on": f"FreSaDa train, fixed random {len(train_articles)} of 8716 (seed {data.SEED})",
        "features": "same as genre: lead-paragraph mean vector | title vector | styles",
        "C": C,
        "seed": data.SEED,
    }
    fitting.export(
        linear_model.MODELS_DIR / SATIRE_MODEL_NAME, scaler, coef, intercept, ["regular", "satire"], meta
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    best, results = select_and_evaluate()
    train(best)
    (linear_model.MODELS_DIR / SATIRE_MODEL_NAME / "scores.json").write_text(json.dumps(results, indent=1) + "\n")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
