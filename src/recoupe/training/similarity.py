"""Train the article-similarity and translation models on SemEval-2022 Task 8 pairs and ship them.

    python -m recoupe.training.similarity [--data DIR]

- similarity: ridge regression of ``overall`` (1 = same story .. 4 = unrelated) on the quadratic
  spline expansion (:func:`recoupe.corpus.similarity.splines`) of
  :func:`recoupe.corpus.similarity.pair_features`; the same-story threshold maximises
  out-of-fold F1 of ``overall <= 1.5`` (same) vs ``>= 3`` (not).
- translation: logistic regression on :func:`recoupe.corpus.translations.translation_features`;
  positives are each machine translation with the article it translates (``translated_from``),
  hard negatives the cross-lingual pairs annotated as the same story (``overall <= 1.5``),
  which are not translations of each other.

Folds group pairs by connected component of the article graph (an article and its machine
translations share a component), so no article is seen in training and scoring at once. The
out-of-fold scores are written into the models' meta; ``recoupe eval similarity`` prints them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

import numpy as np

from recoupe.analysis import linear_model
from recoupe.corpus import similarity as sim
from recoupe.corpus import translations as tr

SEED = 13
# Quadratic B-splines on the quantiles 0, 1/3, 2/3, 1 of each feature, ridge alpha 100: chosen on the
# gate's three shuffles (`python benchmarks/similarity_levers.py --only 4h 4i 4j`): out-of-fold Pearson
# 0.7819 / 0.7826 / 0.7830 at alphas 10 / 30 / 100 (3, 5 knots: 0.7785, 0.7759 at alpha 3; cubic
# 0.7715-0.7749); ten other shuffles 0.7802 / 0.7813 / 0.7819. Hinges at the quartiles with alpha 3
# (similarity@2) scored 0.7796, ten others 0.7771.
RIDGE_ALPHA = 100.0
KNOT_QUANTILES = (0.0, 1 / 3, 2 / 3, 1.0)
TRANSLATION_C = 1.0
SAME, NOT_SAME = 1.5, 3.0  # the same-story definition on ``overall``


def data_dir(data: str | Path | None = None) -> Path:
    from recoupe.paths import require_shared

    return Path(data) if data else require_shared("data", "similarity", "semeval2022t8")


def load(data: str | Path | None = None) -> tuple[dict[str, dict], list[dict]]:
    """Articles by id and pairs, as stored in ``articles.jsonl`` / ``pairs.jsonl``."""
    d = data_dir(data)
    articles = {}
    with open(d / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                articles[str(a["id"])] = a
    pairs = []
    with open(d / "pairs.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                p = json.loads(line)
                p["id1"], p["id2"] = str(p["id1"]), str(p["id2"])
                pairs.append(p)
    return articles, pairs


def cached_encoder(name: str):
    """The shipped encoder behind a disk cache keyed by each text's hash (encoding 2,775 articles'
    sentences takes minutes on a shared 2-core machine)."""
    from recoupe import vectors
    from recoupe.training.data import cache_dir

    path = cache_dir() / f"sentences-{name}.npz"
    store: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as data:
            store = dict(zip(data["keys"].tolist(), data["vecs"]))

    def encode(texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in store}.items())
        if missing:
            vecs = vectors.encode([t for _, t in missing])
            store.update((k, v) for (k, _), v in zip(missing, vecs))
            ks = sorted(store)
            np.savez(path, keys=np.array(ks), vecs=np.stack([store[k] for k in ks]))
        if not keys:
            return np.zeros((0, vectors.DIM), np.float32)
        return np.stack([store[k] for k in keys]).astype(np.float32)

    return encode


def profiles_for(articles: dict[str, dict], encode=None) -> dict[str, sim.Profile]:
    ids = sorted(articles)
    items = [{"text": articles[i].get("text") or "", "title": articles[i].get("title"),
              "lang": articles[i].get("lang")} for i in ids]
    return dict(zip(ids, sim.profiles(items, encode=encode or cached_encoder("semeval2022t8"))))


ENTITY_LANGS = ("en", "fr")  # the languages recoupe finds entities in (recoupe.nlp.MODELS)


def entity_profiles(articles: dict[str, dict], ids, encode=None) -> dict[str, sim.Profile]:
    """Profiles of the given articles in :data:`ENTITY_LANGS` built as the corpus builds them: names
    and title names from recoupe's entity finder (:func:`recoupe.analysis.entities.find_entities` on
    the spaCy model recoupe loads), the title from :func:`~recoupe.corpus.similarity.title_and_body`.
    Only :func:`~recoupe.corpus.similarity.names_apart` reads them: the similarity features stay the
    text-only ones the model was trained on."""
    import spacy

    from recoupe.analysis.entities import find_entities
    from recoupe.nlp import MODELS, paragraph_wise

    items = {}
    for lang in ENTITY_LANGS:
        todo = sorted(i for i in ids if articles[i].get("lang") == lang)
        if not todo:
            continue
        nlp = paragraph_wise(spacy.load(MODELS[lang]))  # the models read paragraph by paragraph, as the pipeline's
        for i, doc in zip(todo, nlp.pipe([articles[i].get("text") or "" for i in todo])):
            ents = [{"canonical": e.canonical, "label": e.label, "mentions": sorted({m.text for m in e.mentions})}
                    for e in find_entities(doc)]
            items[i] = {"text": articles[i].get("text") or "", "title": articles[i].get("title"), "lang": lang,
                        "entities": [e["canonical"] for e in ents], "title_entities": ents}
    order = sorted(items)
    return dict(zip(order, sim.profiles([items[i] for i in order], encode=encode or cached_encoder("semeval2022t8"))))


def names_apart_pairs(articles: dict[str, dict], pairs: list[dict], encode=None) -> np.ndarray:
    """Per pair, whether the corpus's story decision vetoes it (:func:`recoupe.corpus.similarity.names_apart`
    on :func:`entity_profiles`); False where either side is in a language without an entity finder."""
    both = [articles[p["id1"]].get("lang") in ENTITY_LANGS and articles[p["id2"]].get("lang") in ENTITY_LANGS
            for p in pairs]
    ids = {i for p, b in zip(pairs, both) if b for i in (p["id1"], p["id2"])}
    profs = entity_profiles(articles, ids, encode) if ids else {}
    return np.array([b and sim.names_apart(profs[p["id1"]], profs[p["id2"]]) for p, b in zip(pairs, both)], dtype=bool)


def groups(pair_ids: list[tuple[str, str]], articles: dict[str, dict]) -> np.ndarray:
    """Connected component of each pair: articles linked by a pair or by ``translated_from``, and
    ids that differ only by a language suffix (``1483855447en``) are one component."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def base(i: str) -> str:
        src = (articles.get(i) or {}).get("translated_from")
        return str(src) if src else re.sub(r"[a-z]+$", "", i)

    for a, b in pair_ids:
        parent[find(base(a))] = find(base(b))
    roots = [find(base(a)) for a, _ in pair_ids]
    index = {r: k for k, r in enumerate(sorted(set(roots)))}
    return np.array([index[r] for r in roots])


def translation_pairs(articles: dict[str, dict], pairs: list[dict]) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Positives: (original, machine translation); hard negatives: cross-lingual same-story pairs."""
    pos = [(str(a["translated_from"]), i) for i, a in sorted(articles.items())
           if a.get("machine_translated") and a.get("translated_from") and str(a["translated_from"]) in articles]
    neg = [(p["id1"], p["id2"]) for p in pairs
           if p.get("overall") is not None and p["overall"] <= SAME
           and articles[p["id1"]].get("lang") != articles[p["id2"]].get("lang")]
    return pos + neg, np.array([1] * len(pos) + [0] * len(neg))


def _ridge(X, y):
    from sklearn.linear_model import Ridge
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    scaler.scale_[scaler.scale_ == 0] = 1.0
    return scaler, Ridge(alpha=RIDGE_ALPHA).fit(scaler.transform(X), y)


def _logistic(X, y):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    scaler.scale_[scaler.scale_ == 0] = 1.0
    return scaler, LogisticRegression(C=TRANSLATION_C, max_iter=2000, random_state=SEED).fit(scaler.transform(X), y)


def knots_of(X: np.ndarray) -> np.ndarray:
    return np.quantile(X, KNOT_QUANTILES, axis=0).T.astype(np.float32)


def fit_similarity(X: np.ndarray, y: np.ndarray):
    knots = knots_of(X)
    scaler, model = _ridge(sim.splines(X, knots), y)
    return knots, scaler, model


def predict_similarity(fitted, X: np.ndarray) -> np.ndarray:
    knots, scaler, model = fitted
    overall = model.predict(scaler.transform(sim.splines(X, knots)))
    return np.clip((4.0 - overall) / 3.0, 0.0, 1.0)


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float(np.sum(pred & y))
    p = tp / max(float(np.sum(pred)), 1.0)
    r = tp / max(float(np.sum(y)), 1.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The cut maximising F1 (midpoint between neighbouring scores)."""
    s = np.unique(scores)
    cuts = (s[1:] + s[:-1]) / 2 if len(s) > 1 else s
    f1 = [prf(y.astype(bool), scores >= c)[2] for c in cuts]
    return float(cuts[int(np.argmax(f1))])


def same_story_labels(overall: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(scored mask, same) for the pairs the issue defines: <= 1.5 same, >= 3 not, between unscored."""
    return (overall <= SAME) | (overall >= NOT_SAME), overall <= SAME


def oof_similarity(X: np.ndarray, y: np.ndarray, fold_groups: np.ndarray, folds: int = 5,
                   never_same: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One shuffle's out-of-fold similarity of every pair and the same-story threshold its training
    fold chose (on the ``overall`` <= 1.5 vs >= 3 pairs). ``never_same`` pairs count as different
    stories when a threshold is chosen (a veto applied in training too)."""
    from sklearn.model_selection import GroupKFold

    scored, same = same_story_labels(y)
    oof, cut = np.zeros(len(y)), np.zeros(len(y))
    for train, test in GroupKFold(folds).split(X, y, fold_groups):
        fitted = fit_similarity(X[train], y[train])
        oof[test] = predict_similarity(fitted, X[test])
        inner = predict_similarity(fitted, X[train])
        if never_same is not None:
            inner[never_same[train]] = -1.0
        m = scored[train]
        cut[test] = best_threshold(inner[m], same[train][m])
    return oof, cut


def out_of_fold(articles, pairs, profs, folds: int = 5, seeds: tuple[int, ...] = (SEED,),
                veto: np.ndarray | None = None) -> dict:
    """Out-of-fold Pearson, same-story P/R/F1 and translation P/R/F1 (thresholds chosen inside
    each training fold), averaged over shuffles of the grouped folds. ``veto`` (per pair, from
    :func:`names_apart_pairs`) overturns same-story decisions as the corpus's stories do; the
    thresholds are chosen without it, as the shipped model's is."""
    from scipy.stats import pearsonr
    from sklearn.model_selection import GroupKFold

    X = np.stack([sim.pair_features(profs[p["id1"]], profs[p["id2"]]) for p in pairs])
    y = np.array([p["overall"] for p in pairs], dtype=float)
    g = groups([(p["id1"], p["id2"]) for p in pairs], articles)
    tpairs, ty = translation_pairs(articles, pairs)
    TX = np.stack([tr.translation_features(profs[a], profs[b]) for a, b in tpairs])
    tg = groups(tpairs, articles)
    scored, same = same_story_labels(y)
    out: dict[str, list] = {"pearson": [], "same_story": [], "translation": []}
    for seed in seeds:
        rng = np.random.RandomState(seed)
        perm = rng.permutation(max(g.max(), tg.max()) + 1)
        oof, cut = oof_similarity(X, y, perm[g], folds)
        out["pearson"].append(float(pearsonr(oof, -y)[0]))
        decided = (oof >= cut) if veto is None else (oof >= cut) & ~veto
        out["same_story"].append(prf(same[scored], decided[scored]))
        tp = np.zeros(len(ty), dtype=bool)
        for train, test in GroupKFold(folds).split(TX, ty, perm[tg]):
            scaler, model = _logistic(TX[train], ty[train])
            inner = model.predict_proba(scaler.transform(TX[train]))[:, 1]
            tp[test] = model.predict_proba(scaler.transform(TX[test]))[:, 1] >= best_threshold(inner, ty[train])
        out["translation"].append(prf(ty.astype(bool), tp))
    return {
        "pearson": float(np.mean(out["pearson"])),
        "same_story": [float(v) for v in np.mean(out["same_story"], axis=0)],
        "translation": [float(v) for v in np.mean(out["translation"], axis=0)],
        "pairs": len(pairs), "same_story_pairs": int(scored.sum()),
        "translation_pairs": [int(ty.sum()), int(len(ty) - ty.sum())], "folds": folds, "seeds": list(seeds),
    }


def train(data: str | Path | None = None) -> dict:
    articles, pairs = load(data)
    profs = profiles_for(articles)
    scores = out_of_fold(articles, pairs, profs, seeds=(SEED, SEED + 1, SEED + 2))
    X = np.stack([sim.pair_features(profs[p["id1"]], profs[p["id2"]]) for p in pairs])
    y = np.array([p["overall"] for p in pairs], dtype=float)
    knots, scaler, model = fit_similarity(X, y)
    scored, same = same_story_labels(y)
    fitted = predict_similarity((knots, scaler, model), X)
    common = {"trained_on": "SemEval-2022 Task 8 (../shared/data/similarity/semeval2022t8), research use",
              "encoder": "multilingual USE v3 (recoupe.vectors)"}
    linear_model.save(
        linear_model.MODELS_DIR / sim.MODEL_NAME,
        coef=model.coef_[None, :], intercept=[model.intercept_], scale_mean=scaler.mean_, scale_std=scaler.scale_,
        labels=["overall"],
        meta={"name": sim.MODEL_NAME, "version": "4", "features": list(sim.FEATURES), "knots": knots.tolist(),
              "basis": f"x and quadratic B-splines on the knots (recoupe.corpus.similarity.splines)", "alpha": RIDGE_ALPHA, "same_story_threshold": best_threshold(fitted[scored], same[scored]),
              "out_of_fold": {k: scores[k] for k in ("pearson", "same_story", "pairs", "folds", "seeds")}, **common},
    )
    tpairs, ty = translation_pairs(articles, pairs)
    TX = np.stack([tr.translation_features(profs[a], profs[b]) for a, b in tpairs])
    tscaler, tmodel = _logistic(TX, ty)
    linear_model.save(
        linear_model.MODELS_DIR / tr.MODEL_NAME,
        coef=tmodel.coef_, intercept=tmodel.intercept_, scale_mean=tscaler.mean_, scale_std=tscaler.scale_,
        labels=["translation"],
        meta={"name": tr.MODEL_NAME, "version": "1", "features": list(tr.FEATURES), "C": TRANSLATION_C,
              "threshold": best_threshold(tmodel.predict_proba(tscaler.transform(TX))[:, 1], ty),
              "out_of_fold": {k: scores[k] for k in ("translation", "translation_pairs", "folds", "seeds")}, **common},
    )
    linear_model.load.cache_clear()
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with articles.jsonl and pairs.jsonl (default: ../shared)")
    args = parser.parse_args(argv)
    scores = train(args.data)
    print(json.dumps(scores, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
