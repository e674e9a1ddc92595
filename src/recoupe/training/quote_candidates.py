"""Train, cross-validate and ship the loose quote-candidate scorer: ``python -m recoupe.training.quote_candidates``.

Data: the attribution set, recorded as for ``recoupe.training.speakers`` (same articles, same
folds: 5 per language by file-name position, so that one fold number leaves the same articles out
of both models). A loose candidate (``recoupe.analysis.quotes.loose``) is a positive when its
content, located as the README's scorer locates it, overlaps a gold quote. The threshold is chosen
on the development half's out-of-fold predictions: the best F1 over both languages with the
quotes' precision at 0.85 or more in each; the held-out half is reported beside it.

    python -m recoupe.training.quote_candidates [--dry-run] [--cache FILE]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from recoupe.analysis import linear_model
from recoupe.analysis.quotes.loose import QFEATURES, QUOTE_MODEL_NAME
from recoupe.evaluation.attribution import _gold_span, _overlap, halves, load, locate
from recoupe.training.data import SEED
from recoupe.training.fitting import standard_scaler
from recoupe.training.speakers import DATA_FILES, K, folds, on_scale, record_articles

C_GRID = (0.01, 0.1, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.3, 0.96, 0.05))
MIN_PRECISION = 0.85  # the bar on quote precision
VERSION = "1"


@dataclass
class Article:
    lang: str
    fold: int
    half: str
    n_gold: int
    rule_ok: int            # rule predictions overlapping some gold quote
    rule_n: int
    found: set              # gold indices the rules overlap
    X: np.ndarray           # loose candidates x features
    spans: list             # located content spans (None when not found in the file)
    hits: list              # per loose candidate: gold indices it overlaps


def articles(data: Path, recorded: dict) -> list[Article]:
    fold = folds(data)
    out = []
    for lang in ("fr", "en"):
        gold, _ = load(data, lang)
        half = {n: h for h, names in halves(gold).items() for n in names}
        for name in sorted(gold):
            text, records = recorded[(lang, name)]
            golds = [_gold_span(text, g["evidence"]) for g in gold[name].get("quotes", [])]
            rule = [locate(text, r["text"]) for r in records if not r.get("loose")]
            rule = [s for s in rule if s is not None]
            found = {k for k, g in enumerate(golds) for s in rule if _overlap(s, g)}
            loose = [r for r in records if r.get("loose")]
            spans = [locate(text, r["text"]) for r in loose]
            hits = [[k for k, g in enumerate(golds) if s is not None and _overlap(s, g)] for s in spans]
            X = np.array([r["X"] for r in loose]) if loose else np.zeros((0, len(QFEATURES)))
            out.append(Article(lang, fold[(lang, name)], half[name], len(golds),
                               sum(any(_overlap(s, g) for g in golds) for s in rule), len(rule), found, X, spans, hits))
    return out


def fit(train: list[Article], C: float):
    X = np.vstack([a.X for a in train if len(a.X)])
    y = np.concatenate([[int(bool(h)) for h in a.hits] for a in train if len(a.X)])
    scaler = standard_scaler(X)
    clf = LogisticRegression(C=C, max_iter=3000, random_state=SEED).fit(scaler.transform(X), y)
    return scaler, clf.coef_[0], clf.intercept_[0]


def out_of_fold(arts: list[Article], C: float) -> list[np.ndarray]:
    probs = [None] * len(arts)
    for f in range(K):
        scaler, w, b = fit([a for a in arts if a.fold != f], C)
        for n, a in enumerate(arts):
            if a.fold == f:
                probs[n] = 1.0 / (1.0 + np.exp(-(scaler.transform(a.X) @ w + b))) if len(a.X) else np.zeros(0)
    return probs


def prf(arts: list[Article], probs, threshold: float | None, select) -> tuple[float, float, float]:
    """Quote P/R/F1 of the rules plus the loose candidates kept at ``threshold`` (None: rules alone)."""
    pred = ok = gold = found_n = 0
    for a, p in zip(arts, probs):
        if not select(a):
            continue
        found = set(a.found)
        pred += a.rule_n
        ok += a.rule_ok
        gold += a.n_gold
        if threshold is not None:
            for k in range(len(a.spans)):
                if p[k] >= threshold and a.spans[k] is not None:
                    pred += 1
                    ok += bool(a.hits[k])
                    found |= set(a.hits[k])
        found_n += len(found)
    P, R = ok / pred if pred else 0.0, found_n / gold if gold else 0.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


def main(argv: list[str] | None = None) -> int:
    from recoupe.evaluation.gate import data_digest
    from recoupe.paths import require_shared, shared_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args(argv)
    data = require_shared("data", "attribution")
    if args.cache and args.cache.exists():
        recorded = {tuple(k.split("|", 1)): (v[0], v[1]) for k, v in json.loads(args.cache.read_text()).items()}
    else:
        recorded = record_articles(data)
        if args.cache:
            args.cache.write_text(json.dumps({f"{k[0]}|{k[1]}": v for k, v in recorded.items()}))
    arts = articles(data, recorded)
    print(f"{sum(len(a.X) for a in arts)} loose candidates, {sum(bool(h) for a in arts for h in a.hits)} overlap a gold quote")
    groups = {f"{lang} {half}": (lambda a, l=lang, h=half: (l == "all" or a.lang == l) and (h == "full" or a.half == h))
              for lang in ("fr", "en", "all") for half in ("dev", "held", "full")}
    best = None
    for C in C_GRID:
        probs = out_of_fold(arts, C)
        for t in THRESHOLDS:
            dev = {lang: prf(arts, probs, t, groups[f"{lang} dev"]) for lang in ("fr", "en", "all")}
            if min(dev["fr"][0], dev["en"][0]) < MIN_PRECISION:
                continue
            if best is None or dev["all"][2] > best[0]:
                best = (dev["all"][2], C, t, probs)
    rules = {k: prf(arts, [None] * len(arts), None, g) for k, g in groups.items()}
    if best is None:
        print("no threshold keeps the precision on the development half")
        return 1
    _, C, t, probs = best
    model = {k: prf(arts, probs, t, g) for k, g in groups.items()}
    print(f"chosen C {C}, threshold {t} (development half, out-of-fold)")
    for k in groups:
        r, m = rules[k], model[k]
        print(f"  {k:<9} rules P {r[0]:.3f} R {r[1]:.3f} F1 {r[2]:.3f}   with loose P {m[0]:.3f} R {m[1]:.3f} F1 {m[2]:.3f}")
    gain = all(model[f"all {h}"][2] > rules[f"all {h}"][2] for h in ("dev", "held", "full"))
    print("gains on both halves and overall" if gain else "does NOT gain everywhere")
    if args.dry_run or not gain:
        return 0 if args.dry_run else 1
    scaler_all, w_all, b_all = fit(arts, C)
    coefs, intercepts = [w_all], [b_all]
    for f in range(K):
        sc, w, b = fit([a for a in arts if a.fold != f], C)
        w, b = on_scale(scaler_all, sc, w, b)
        coefs.append(w)
        intercepts.append(b)
    digest, _ = data_digest(shared_dir(), DATA_FILES)
    meta = {"name": QUOTE_MODEL_NAME, "version": VERSION, "data_digest": digest, "features": list(QFEATURES),
            "rows": "0: every article; 1 + f: without fold f (folds as speakers@1)", "C": C, "threshold": t,
            "k_folds": K, "scores": {k: {"rules": [round(x, 4) for x in rules[k]], "model": [round(x, 4) for x in model[k]]}
                                     for k in groups}}
    linear_model.save(linear_model.MODELS_DIR / QUOTE_MODEL_NAME, coef=np.vstack(coefs), intercept=np.array(intercepts),
                      scale_mean=scaler_all.mean_, scale_std=scaler_all.scale_, labels=["quote"], meta=meta)
    print(f"shipped {linear_model.MODELS_DIR / QUOTE_MODEL_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
