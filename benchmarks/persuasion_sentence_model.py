"""Persuasion from a sentence-level model, max-pooled to the paragraph (issue 15; measured, not shipped).

    python benchmarks/persuasion_sentence_model.py      # ~10 minutes; sentence vectors cached

A sentence is positive for a technique when one of SemEval-2023 Task 3's gold spans of it overlaps
the sentence; one logistic regression per technique over the sentence vector (+ the paragraph's
article vector and style counts), its logits max-pooled over the paragraph's sentences, against the
paragraph model on the unit mean of its sentences' vectors. Same protocol as the ``full-paragraph``
section of ``issue15_experiments.py`` (first shuffle, grouped folds, the other languages in
training, per-language shift); sentences split by ``style._SENTENCE``, the first 60 words of each.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from issue15_experiments import _line, _persuasion, _shifted_out_of_fold  # noqa: E402
from recoupe.analysis import style  # noqa: E402
from recoupe.training import fitting  # noqa: E402
from recoupe.training.data import cache_dir  # noqa: E402
from recoupe.vectors import encode  # noqa: E402

P, data, X, Y, langs, groups, runs, pr = _persuasion()
articles = P.annotated()
techniques = sorted({t for a in articles for labels in a.line_labels if labels for t in labels})
assert Y.shape[1] == len(techniques)
# the annotated lines in paragraph_table's order, their sentences and each sentence's labels
owner, sentences, sentence_labels = [], [], []
row = 0
for a in articles:
    for line, labels, offset in zip(a.line_texts, a.line_labels, a.line_offsets):
        if labels is None:
            continue
        bounds = [(m.start(), m.end()) for m in style._SENTENCE.finditer(line) if m.group().strip()] or [(0, len(line))]
        for s, e in bounds:
            owner.append(row)
            sentences.append(style.truncate(line[s:e].strip(), 60))
            start, end = offset + s, offset + e
            sentence_labels.append([any(t == kind and lo < end and hi > start for kind, lo, hi in a.spans)
                                    for t in techniques])
        row += 1
assert row == len(Y)
owner, S_Y = np.array(owner), np.array(sentence_labels, dtype=int)
print(len(sentences), "sentences", flush=True)
cache = cache_dir() / "persuasion-sentence-model-vectors.npy"
try:
    V = np.load(cache)
    assert len(V) == len(sentences)
except (OSError, AssertionError):
    started = time.time()
    V = encode(sentences)
    np.save(cache, V)
    print("encoded in", round(time.time() - started), "s", flush=True)
full = np.zeros((len(Y), 512), dtype=np.float32)
np.add.at(full, owner, V)
full /= np.maximum(np.linalg.norm(full, axis=1, keepdims=True), 1e-9)
XA = np.hstack([full, X[:, 512:]])  # the paragraph model: the unit mean of its sentences' vectors
XS = np.hstack([V, X[owner, 512:]])  # the sentence model: sentence vector + the paragraph's article vector and style
scale = P.column_scale(X.shape[1])


def paragraph_logits(fit_rows, tr, te):
    sc, coef, b = fitting.fit_one_vs_rest(XA[fit_rows], Y[fit_rows], P.C, scale)
    return sc.transform(XA[tr]) @ coef.T + b, sc.transform(XA[te]) @ coef.T + b


def max_pooled(z: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Each paragraph's highest sentence logit per technique (``mask`` picks whole paragraphs, in order)."""
    o = owner[mask]
    return np.maximum.reduceat(z, np.r_[0, np.flatnonzero(np.diff(o)) + 1], axis=0)


def sentence_logits(fit_rows, tr, te):
    in_fit, in_tr, in_te = np.isin(owner, fit_rows), np.isin(owner, tr), np.isin(owner, te)
    sc, coef, b = fitting.fit_one_vs_rest(XS[in_fit], S_Y[in_fit], P.C, scale)
    return (max_pooled(sc.transform(XS[in_tr]) @ coef.T + b, in_tr),
            max_pooled(sc.transform(XS[in_te]) @ coef.T + b, in_te))


res = {}
for lang in data.LANGS:
    rows, A = _shifted_out_of_fold(P, groups, langs, Y, lang, paragraph_logits)
    _, B = _shifted_out_of_fold(P, groups, langs, Y, lang, sentence_logits)
    res[lang] = (Y[rows], A, B)
    print(lang, "done", flush=True)
for name, fn in (("paragraph (mean of sentences)", lambda A, B: A), ("sentence max-pooled", lambda A, B: B),
                 ("average of both", lambda A, B: (A + B) / 2)):
    for t in (0.15, 0.2, 0.25, 0.3):
        print(_line(f"{name} @ {t}", {la: P._micro(res[la][0], fn(res[la][1], res[la][2]) >= t) for la in data.LANGS},
                    data.LANGS), flush=True)
