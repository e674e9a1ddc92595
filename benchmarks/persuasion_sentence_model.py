"""Experiment (issue 15, not shipped; `python benchmarks/persuasion_sentence_model.py`, ~10 min): persuasion from sentence-level models (labels from the gold spans), max-pooled to
the paragraph, vs the paragraph model on the mean of its sentence vectors. Same protocol as
issue15_experiments full-paragraph (first shuffle, grouped folds, other languages in training)."""
import sys, time
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src")); sys.path.insert(0, str(ROOT / "benchmarks"))
import numpy as np
from issue15_experiments import _persuasion, _folds, _line
from recoupe.analysis import style
from recoupe.training import fitting
from recoupe.vectors import encode

P, data, X, Y, langs, groups, runs, pr = _persuasion()
arts = P.annotated()
techniques = sorted({t for a in arts for lab in a.line_labels if lab for t in lab})
assert Y.shape[1] == len(techniques)
# rows in paragraph_table order; sentences with their char ranges (article offsets)
owner, sents, slab = [], [], []
row = 0
for a in arts:
    spans = a.spans
    for line, lab, off in zip(a.line_texts, a.line_labels, a.line_offsets):
        if lab is None:
            continue
        found = [(m.start(), m.end()) for m in style._SENTENCE.finditer(line) if m.group().strip()] or [(0, len(line))]
        for s, e in found:
            owner.append(row); sents.append(style.truncate(line[s:e].strip(), 60))
            gs, ge = off + s, off + e
            slab.append([any(t == tt and ss < ge and es > gs for tt, ss, es in spans) for t in techniques])
        row += 1
assert row == len(Y)
owner = np.array(owner); S_Y = np.array(slab, dtype=int)
print(len(sents), "sentences;", "paragraph labels covered by a sentence label:",
      round(float((np.maximum.reduceat(S_Y, np.r_[0, np.flatnonzero(np.diff(owner)) + 1]) * Y).sum() / Y.sum()), 3), flush=True)
from recoupe.training.data import cache_dir
cache = str(cache_dir() / "persuasion-sentence-model-vectors.npy")
try:
    V = np.load(cache); assert len(V) == len(sents)
except Exception:
    t = time.time(); V = encode(sents); np.save(cache, V); print("encoded in", round(time.time() - t), "s", flush=True)
full = np.zeros((len(Y), 512), dtype=np.float32); np.add.at(full, owner, V)
full /= np.maximum(np.linalg.norm(full, axis=1, keepdims=True), 1e-9)
XA = np.hstack([full, X[:, 512:]]); scale = P.column_scale(X.shape[1])
XS = np.hstack([V, X[owner, 512:]])  # sentence vector + the paragraph's article vector and style
starts = np.r_[0, np.flatnonzero(np.diff(owner)) + 1]
res = {}
for lang in data.LANGS:
    rows, other = np.where(langs == lang)[0], np.where(langs != lang)[0]
    fold = _folds(P, groups, rows, lang)
    A = np.zeros((len(rows), Y.shape[1])); B = np.zeros_like(A)
    for f in np.unique(fold):
        tr, te = rows[fold != f], rows[fold == f]
        fit_rows = np.concatenate([other, tr])
        sc, coef, b = fitting.fit_one_vs_rest(XA[fit_rows], Y[fit_rows], P.C, scale)
        z_tr, z_te = sc.transform(XA[tr]) @ coef.T + b, sc.transform(XA[te]) @ coef.T + b
        A[fold == f] = 1 / (1 + np.exp(-(z_te + P.language_shift(z_tr, Y[tr]))))
        # sentence model
        in_fit = np.isin(owner, fit_rows); in_tr = np.isin(owner, tr); in_te = np.isin(owner, te)
        sc2, coef2, b2 = fitting.fit_one_vs_rest(XS[in_fit], S_Y[in_fit], P.C, scale)
        zs_tr = sc2.transform(XS[in_tr]) @ coef2.T + b2
        zs_te = sc2.transform(XS[in_te]) @ coef2.T + b2
        # pool: max logit per paragraph, then shift so paragraph mean prob matches the language's paragraph prior
        def pool(z, mask):
            o = owner[mask]; st = np.r_[0, np.flatnonzero(np.diff(o)) + 1]
            return np.maximum.reduceat(z, st, axis=0)
        pz_tr, pz_te = pool(zs_tr, in_tr), pool(zs_te, in_te)
        B[fold == f] = 1 / (1 + np.exp(-(pz_te + P.language_shift(pz_tr, Y[tr]))))
        print(lang, "fold", f, flush=True)
    res[lang] = (Y[rows], A, B)
for name, fn in (("paragraph (mean of sentences)", lambda A, B: A), ("sentence max-pooled", lambda A, B: B),
                 ("average of both", lambda A, B: (A + B) / 2)):
    for t in (0.15, 0.2, 0.25, 0.3):
        print(_line(f"{name} @ {t}", {la: P._micro(res[la][0], fn(res[la][1], res[la][2]) >= t) for la in data.LANGS}, data.LANGS), flush=True)

