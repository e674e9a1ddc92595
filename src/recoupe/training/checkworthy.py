"""Train the check-worthiness scorer on CLEF CheckThat! 2024 Task 1 (English) and ship it.

    python -m recoupe.training.checkworthy

Only ``CT24_checkworthy_english_train.tsv`` is learned from. A stratified 15% of it (fixed seed)
is held out as dev to choose the regularisation and the decision threshold; the final model is
refitted on the whole training file with those choices. The 341-sentence gold test set is only
scored, never used for a choice. Writes ``resources/models/checkworthy/{weights.npz,model.json}``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from recoupe.analysis.claims import FEATURE_NAMES, count_actors, cue_matrix, model_dir
from recoupe.training.data import cache_dir, shared_dir

SEED = 13
DEV_FRACTION = 0.15
C_GRID = (0.03, 0.1, 0.3)
VERSION = "1.0"


def checkworthy_dir() -> Path:
    return shared_dir() / "data" / "checkworthy"


def load_split(name: str) -> tuple[list[str], np.ndarray]:
    """Sentences and 0/1 labels of ``CT24_checkworthy_english_<name>.tsv``.

    Read by hand, not with csv: the files quote nothing, and one training line holds two
    records glued together (``...\\tNo29286\\t...``), which this reader splits back.
    """
    path = checkworthy_dir() / f"CT24_checkworthy_english_{name}.tsv"
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        while len(fields) >= 3:
            is_yes = fields[2].startswith("Yes")
            rest = fields[2][3:] if is_yes else fields[2][2:]  # the next record's id, if glued on
            texts.append(fields[1])
            labels.append(is_yes)
            fields = [rest, *fields[3:]] if rest else []
    return texts, np.asarray(labels, dtype=int)


def _cached(name: str, key: str, compute) -> np.ndarray:
    path = cache_dir() / f"checkworthy-{name}-{key}.npy"
    if path.exists():
        return np.load(path)
    arr = compute()
    np.save(path, arr)
    return arr


def features(texts: list[str], name: str) -> np.ndarray:
    """Model inputs for a split. Sentence vectors and NER counts take minutes and depend on the
    texts only, so they are cached on disk; the cues are recomputed (they change with the rules).
    """
    from recoupe.vectors import encode

    key = hashlib.sha1("\n".join(texts).encode()).hexdigest()[:12]
    vectors = _cached(f"{name}-vectors", key, lambda: encode(texts))
    actors = _cached(f"{name}-actors", key, lambda: np.asarray(count_actors(texts, "en")))
    return np.hstack([vectors, cue_matrix(texts, "en", actors.tolist())])


def best_threshold(y: np.ndarray, scores: np.ndarray) -> tuple[float, float]:
    """Threshold maximising positive-class F1 on held-out scores, and that F1."""
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.951, 0.01):
        f1 = precision_recall_fscore_support(y, scores >= t, average="binary", zero_division=0)[2]
        if f1 > best[1]:
            best = (round(float(t), 2), float(f1))
    return best


def prf(y: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(y, predicted, average="binary", zero_division=0)
    return float(p), float(r), float(f)


def fit_with_dev(X: np.ndarray, y: np.ndarray, make_model, grid=C_GRID):
    """Pick C and threshold on a stratified dev split, then refit on everything.

    ``make_model(C)`` returns an unfitted sklearn pipeline or estimator with predict_proba.
    Returns (fitted model, C, threshold, dev F1).
    """
    idx_train, idx_dev = train_test_split(
        np.arange(len(y)), test_size=DEV_FRACTION, stratify=y, random_state=SEED
    )
    best = None
    for C in grid:
        model = make_model(C).fit(X[idx_train], y[idx_train])
        t, f1 = best_threshold(y[idx_dev], model.predict_proba(X[idx_dev])[:, 1])
        print(f"    C={C:<5} dev F1={f1:.3f} at threshold {t:.2f}", flush=True)
        if best is None or f1 > best[3]:
            best = (None, C, t, f1)
    _, C, t, f1 = best
    return make_model(C).fit(X, y), C, t, f1


def _ours(C: float):
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        StandardScaler(),
        LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED),
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="model directory (default: the package's)")
    args = parser.parse_args(argv)
    started = time.time()
    train_texts, y_train = load_split("train")
    test_texts, y_test = load_split("test_gold")
    print(f"train {len(y_train)} sentences ({y_train.mean():.1%} Yes), test {len(y_test)} ({y_test.mean():.1%} Yes)")
    X_train = features(train_texts, "train")
    X_test = features(test_texts, "test_gold")
    print(f"features ready in {time.time() - started:.0f}s")

    n_vec = X_train.shape[1] - len(FEATURE_NAMES)
    results = {}
    for variant, cols in (("cues only", slice(n_vec, None)), ("vectors only", slice(0, n_vec)), ("vectors + cues", slice(None))):
        print(f"  {variant}:")
        model, C, t, dev_f1 = fit_with_dev(X_train[:, cols], y_train, _ours)
        p, r, f = prf(y_test, model.predict_proba(X_test[:, cols])[:, 1] >= t)
        results[variant] = dict(C=C, threshold=t, dev_f1=dev_f1, test_p=p, test_r=r, test_f1=f)
        print(f"  -> {variant}: dev F1 {dev_f1:.3f}; test P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)

    final = results["vectors + cues"]
    scaler, lr = model.named_steps["standardscaler"], model.named_steps["logisticregression"]
    out = args.out or Path(str(model_dir()))
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "weights.npz",
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        coef=lr.coef_[0].astype(np.float32),
        intercept=np.float32(lr.intercept_[0]),
    )
    cue_weights = {name: round(float(w), 3) for name, w in zip(FEATURE_NAMES, lr.coef_[0][n_vec:])}
    meta = {
        "name": "checkworthy",
        "version": VERSION,
        "inputs": f"{n_vec}-d multilingual USE v3 sentence vector + {len(FEATURE_NAMES)} cues",
        "features": list(FEATURE_NAMES),
        "threshold": final["threshold"],
        "C": final["C"],
        "seed": SEED,
        "dev_fraction": DEV_FRACTION,
        "trained_on": "CLEF CheckThat! 2024 Task 1 English train (22,501 sentences)",
        "scores": results,
        "cue_weights_standardised": cue_weights,
    }
    (out / "model.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} in {time.time() - started:.0f}s; cue weights: {cue_weights}")
    return meta


if __name__ == "__main__":
    main()
