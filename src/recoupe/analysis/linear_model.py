"""Linear models stored as plain numpy arrays + JSON (no pickle), loaded once per process.

A model directory holds ``weights.npz`` (``coef`` (k, d), ``intercept`` (k,), ``scale_mean`` and
``scale_std`` for the standardised feature block, optional ``thresholds``) and ``meta.json``
(name, version, labels, feature layout, scores). Training code writes them with :func:`save`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODELS_DIR = Path(__file__).resolve().parents[1] / "resources" / "models"


@dataclass(frozen=True)
class LinearModel:
    coef: np.ndarray
    intercept: np.ndarray
    scale_mean: np.ndarray
    scale_std: np.ndarray
    labels: tuple[str, ...]
    meta: dict
    thresholds: np.ndarray | None = None

    @property
    def producer(self) -> str:
        return f"model:{self.meta['name']}@{self.meta['version']}"

    def standardise(self, X: np.ndarray) -> np.ndarray:
        return (X - self.scale_mean) / self.scale_std

    def decision(self, X: np.ndarray) -> np.ndarray:
        return self.standardise(np.atleast_2d(X)) @ self.coef.T + self.intercept

    def softmax(self, X: np.ndarray) -> np.ndarray:
        """Class probabilities of a multinomial model (rows sum to 1)."""
        z = self.decision(X)
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def sigmoid(self, X: np.ndarray) -> np.ndarray:
        """Independent per-label probabilities of a one-vs-rest model."""
        return 1.0 / (1.0 + np.exp(-self.decision(X)))


def save(directory: Path, *, coef, intercept, scale_mean, scale_std, labels, meta, thresholds=None) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    arrays = dict(
        coef=np.asarray(coef, dtype=np.float32),
        intercept=np.asarray(intercept, dtype=np.float32),
        scale_mean=np.asarray(scale_mean, dtype=np.float32),
        scale_std=np.asarray(scale_std, dtype=np.float32),
    )
    if thresholds is not None:
        arrays["thresholds"] = np.asarray(thresholds, dtype=np.float32)
    np.savez_compressed(directory / "weights.npz", **arrays)
    (directory / "meta.json").write_text(
        json.dumps({**meta, "labels": list(labels)}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


@lru_cache(maxsize=None)
def load(name: str) -> LinearModel:
    """The shipped model ``resources/models/<name>/``, read once per process."""
    directory = MODELS_DIR / name
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    with np.load(directory / "weights.npz", allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    return LinearModel(
        coef=arrays["coef"],
        intercept=arrays["intercept"],
        scale_mean=arrays["scale_mean"],
        scale_std=arrays["scale_std"],
        labels=tuple(meta["labels"]),
        meta=meta,
        thresholds=arrays.get("thresholds"),
    )


def load_optional(name: str) -> LinearModel | None:
    """:func:`load`, or None where the package ships no such model (a component then keeps its rules)."""
    try:
        return load(name)
    except FileNotFoundError:
        return None
