"""Fitting and exporting the standardised logistic regressions, and the n-gram baseline.

Every model here is StandardScaler + LogisticRegression with a fixed seed, exported as arrays
(:mod:`recoupe.analysis.linear_model`), so the shipped files hold no pickle.
"""

from __future__ import annotations

import os

# BLAS threads fight over the two shared cores; one each is faster and polite.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

from recoupe.analysis import linear_model  # noqa: E402
from recoupe.training.data import SEED  # noqa: E402


def fit_multiclass(X, y, C: float, sample_weight=None, class_weight="balanced", column_scale=None):
    """Scaler + multinomial (or binary) logistic regression.

    ``column_scale`` multiplies standardised columns before fitting (folded into the scaler, so
    the export is unchanged): a factor below 1 regularises that block more, which is how a few
    style counts keep their say beside 1,500 vector dimensions.
    """
    scaler = standard_scaler(X, column_scale)
    clf = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight, random_state=SEED)
    clf.fit(scaler.transform(X), y, sample_weight=sample_weight)
    return scaler, clf


def fit_one_vs_rest(X, Y, C: float, column_scale=None):
    """Scaler + one binary logistic regression per label column of Y (n, k): coef (k, d).
    ``column_scale`` as in :func:`fit_multiclass`."""
    scaler = standard_scaler(X, column_scale)
    return (scaler, *per_label_logistic(scaler.transform(X), Y, C, max_iter=500))


def standard_scaler(X, column_scale=None) -> StandardScaler:
    """StandardScaler fitted on X, with ``column_scale`` folded into its ``scale_``."""
    scaler = StandardScaler().fit(X)
    if column_scale is not None:
        scaler.scale_ = scaler.scale_ / np.asarray(column_scale, dtype=np.float64)
    return scaler


def per_label_logistic(A, Y, C: float, max_iter: int) -> tuple[np.ndarray, np.ndarray]:
    """(coef (k, d), intercept (k,)): one binary logistic regression per label column of Y, on
    dense or sparse A; a label never (or always) seen gets intercept -10 and is never predicted."""
    coef = np.zeros((Y.shape[1], A.shape[1]))
    intercept = np.full(Y.shape[1], -10.0)
    for j in range(Y.shape[1]):
        if 0 < Y[:, j].sum() < len(Y):
            clf = LogisticRegression(C=C, max_iter=max_iter, random_state=SEED).fit(A, Y[:, j])
            coef[j], intercept[j] = clf.coef_[0], clf.intercept_[0]
    return coef, intercept


def multilabel_logistic(A: np.ndarray, Y: np.ndarray, W: np.ndarray, C: float, max_iter: int = 200):
    """(coef (k, d), intercept (k,)): one L2 logistic regression per label column of Y, each row
    weighted per label by W (0 leaves the row out of that label's fit), fitted jointly by L-BFGS
    (the k problems are independent; one (n, d) x (d, k) product per step instead of k loops).
    sklearn's objective: C * sum of weighted log-losses + 0.5 * ||coef||^2 per label."""
    n, d = A.shape
    k = Y.shape[1]
    A = np.asarray(A, dtype=np.float32)  # products in single precision: half the time, same optimum to 1e-4

    def loss(theta):
        B, b = theta[: d * k].reshape(d, k), theta[d * k:]
        Z = (A @ B.astype(np.float32)).astype(np.float64) + b
        # log(1 + e^z) - y z, stably
        L = np.logaddexp(0, Z) - Y * Z
        G = W * (1 / (1 + np.exp(-Z)) - Y) * C
        f = C * float((W * L).sum()) + 0.5 * float((B * B).sum())
        return f, np.concatenate([(A.T @ G.astype(np.float32)).ravel() + B.ravel(), G.sum(axis=0)])

    res = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    return res.x[: d * k].reshape(d, k).T, res.x[d * k:]


def ovr_proba(scaler, coef, intercept, X) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(scaler.transform(X) @ coef.T + intercept)))


def export(directory: Path, scaler, coef, intercept, labels, meta, thresholds=None) -> None:
    linear_model.save(
        directory,
        coef=coef,
        intercept=intercept,
        scale_mean=scaler.mean_,
        scale_std=scaler.scale_,
        labels=labels,
        meta=meta,
        thresholds=thresholds,
    )


def multiclass_coef(clf) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(k, d) weights for softmax scoring; a binary model becomes two rows [-w, +w] / 2."""
    labels = [str(c) for c in clf.classes_]
    if len(labels) == 2:
        w, b = clf.coef_[0] / 2, clf.intercept_[0] / 2
        return np.vstack([-w, w]), np.array([-b, b]), labels
    return clf.coef_, clf.intercept_, labels


def ngram_baseline(multilabel: bool = False):
    """The plain baseline: word 1-2-gram TF-IDF + logistic regression."""
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    if multilabel:
        return vec
    return make_pipeline(vec, LogisticRegression(max_iter=3000, class_weight="balanced", random_state=SEED))


def run_training_cli(description: str, model_name: str, train, evaluate, summarise=lambda scores: scores) -> dict | None:
    """The shared ``python -m recoupe.training.<model>`` entry point: train and ship, then (unless
    ``--no-eval``) evaluate and write the held-out scores beside the model."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--no-eval", action="store_true", help="train and ship only")
    args = parser.parse_args()
    train()
    print(f"shipped {linear_model.MODELS_DIR / model_name}")
    if args.no_eval:
        return None
    scores = evaluate()
    (linear_model.MODELS_DIR / model_name / "scores.json").write_text(json.dumps(summarise(scores), indent=1) + "\n")
    return scores
