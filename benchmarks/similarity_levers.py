"""Levers for article similarity (Pearson) and the same-story decision, measured out-of-fold.

    python benchmarks/similarity_levers.py [--shuffles 3] [--first-shuffle 13] [--only 1 2 3 soft combo]

Each lever is added to the similarity features (:func:`recoupe.corpus.similarity.pair_features`)
and scored exactly as ``recoupe eval similarity`` scores the shipped model (grouped 5-fold by
article component, the same three shuffles, thresholds chosen inside each training fold,
:func:`recoupe.training.similarity.oof_similarity`); model levers replace the ridge. Issue 12,
third similarity round (NOTES.md):

0. (shipped) :func:`recoupe.corpus.similarity.soft_match`, the soft BERTScore-style match of the
   title and sentences the profile already holds, at five temperatures, beside the hard max; and
   :func:`~recoupe.corpus.similarity.window_match`, the same over the title and text windows;
1. whole-document alignment: every sentence of both articles encoded (vectors cached on disk by
   :func:`recoupe.training.similarity.cached_encoder`), BERTScore-style greedy precision, recall and
   F1 over sentence vectors (plain, weighted by sentence length, by position), the share of
   sentences with a partner above a cosine, and the length-weighted document centroid cosine;
2. numbers and dates written in the texts (normalised) and quoted strings in common;
3. the model: histogram gradient boosting with monotone constraints, the ridge with interactions of
   the top features.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.analysis.text import _quoted_spans, fold  # noqa: E402
from recoupe.corpus import similarity as sim  # noqa: E402
from recoupe.training import similarity as T  # noqa: E402


# ---------------------------------------------------------------- lever 1: whole-document alignment

def whole_sentences(articles: dict[str, dict], encode) -> dict[str, np.ndarray]:
    """Every sentence of title + body (no cap), encoded; with their lengths."""
    texts, spans = [], {}
    for i, a in sorted(articles.items()):
        title, body = sim.title_and_body(a.get("text") or "")
        sents = [title, *sim.split_sentences(body)]
        spans[i] = (len(texts), sents)
        texts.extend(sents)
    vecs = encode(texts)
    return {i: (vecs[s : s + len(sents)], np.array([len(t) for t in sents], np.float32)) for i, (s, sents) in spans.items()}


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def bertscore(va, la, vb, lb) -> dict[str, list[float]]:
    S = va @ vb.T
    ba, bb = S.max(axis=1), S.max(axis=0)  # each sentence's best partner in the other article
    p, r = float(ba.mean()), float(bb.mean())
    wp, wr = float(np.average(ba, weights=la)), float(np.average(bb, weights=lb))
    pos_a, pos_b = 1 / np.sqrt(np.arange(1, len(ba) + 1)), 1 / np.sqrt(np.arange(1, len(bb) + 1))
    pp, pr = float(np.average(ba, weights=pos_a)), float(np.average(bb, weights=pos_b))
    ca, cb = (va * la[:, None]).sum(0), (vb * lb[:, None]).sum(0)
    cent = float(ca @ cb / (np.linalg.norm(ca) * np.linalg.norm(cb)))
    cov = []
    for t in (0.4, 0.5, 0.6, 0.7):
        cov += [min((ba >= t).mean(), (bb >= t).mean()), max((ba >= t).mean(), (bb >= t).mean())]
    return {
        "bertscore F1, min, max (plain)": [_f(p, r), min(p, r), max(p, r)],
        "bertscore F1, min, max (length-weighted)": [_f(wp, wr), min(wp, wr), max(wp, wr)],
        "bertscore F1, min, max (position-weighted 1/sqrt(i))": [_f(pp, pr), min(pp, pr), max(pp, pr)],
        "document centroid cosine (length-weighted)": [cent],
        "share with a partner >= 0.4/0.5/0.6/0.7 (min, max)": [float(c) for c in cov],
    }


# ---------------------------------------------------------------- lever 2: numbers, dates, quotes

# Month names (CLDR gregorian "format" and "stand-alone" wide forms, nominative and genitive where
# they differ) for the SemEval languages; Chinese dates are written with digits (N月M日).
MONTHS = {
    1: "january jan januar janner enero janvier gennaio styczen stycznia ocak январь января يناير",
    2: "february feb februar febrero fevrier febbraio luty lutego subat февраль февраля فبراير",
    3: "march mar marz marzo mars marzec marca mart март марта مارس",
    4: "april apr abril avril aprile kwiecien kwietnia nisan апрель апреля ابريل",
    5: "may mai mayo maggio maj maja mayis май мая مايو",
    6: "june jun juni junio juin giugno czerwiec czerwca haziran июнь июня يونيو",
    7: "july jul juli julio juillet luglio lipiec lipca temmuz июль июля يوليو",
    8: "august aug agosto aout sierpien sierpnia agustos август августа اغسطس",
    9: "september sep sept septiembre setiembre septembre settembre wrzesien wrzesnia eylul сентябрь сентября سبتمبر",
    10: "october oct oktober octubre octobre ottobre pazdziernik pazdziernika ekim октябрь октября اكتوبر",
    11: "november nov noviembre novembre listopad listopada kasim ноябрь ноября نوفمبر",
    12: "december dec dezember diciembre decembre dicembre grudzien grudnia aralik декабрь декабря ديسمبر",
}
_MONTH = {w: m for m, ws in MONTHS.items() for w in ws.split()}


def _key(w: str) -> str:
    # fold, then the Polish/Turkish letters NFKD leaves alone, and Arabic alef forms
    return fold(w).translate(str.maketrans("łıأإآ", "liااا")).rstrip(".")


_TOKEN = re.compile(r"\d{1,4}|[^\W\d_]+", re.UNICODE)
_ZH_DATE = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")


def dates_in(text: str) -> frozenset[tuple[int, int]]:
    """(month, day) of every date written with a month name next to a day number (either order)."""
    out = {(int(m), int(d)) for m, d in _ZH_DATE.findall(text) if 1 <= int(m) <= 12 and 1 <= int(d) <= 31}
    toks = [t.group() for t in _TOKEN.finditer(text)]
    for k, t in enumerate(toks):
        m = _MONTH.get(_key(t))
        if not m:
            continue
        for j in (k - 1, k - 2, k + 1):  # "3 March", "3 de marzo", "March 3"
            if 0 <= j < len(toks) and toks[j].isdigit() and 1 <= int(toks[j]) <= 31:
                out.add((m, int(toks[j])))
                break
    return frozenset(out)


def quotes_in(text: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """Quoted strings of three words or more (folded words) and their word trigrams."""
    qs, grams = set(), set()
    for s, e in _quoted_spans(text):
        words = tuple(sim._WORD.findall(fold(text[s:e])))
        if len(words) >= 3:
            qs.add(" ".join(words))
            grams.update(zip(words, words[1:], words[2:]))
    return frozenset(qs), frozenset(grams)


def _jac(a, b):
    return len(a & b) / len(a | b) if a and b else 0.0


def _ov(a, b):
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def written(text: str) -> dict:
    nums = sim.numbers_in(text)
    q, g = quotes_in(text)
    words = tuple(sim._WORD.findall(fold(text)))
    return {"dates": dates_in(text), "years": frozenset(n for n in nums if _YEAR.match(n)),
            "nonyear": frozenset(n for n in nums if not _YEAR.match(n)),
            "big": frozenset(n for n in nums if not _YEAR.match(n) and len(n) >= 3),
            "quotes": q, "qgrams": g, "trigrams": frozenset(zip(words, words[1:], words[2:]))}


def written_features(a: dict, b: dict) -> dict[str, list[float]]:
    # quoted trigrams found anywhere in the other text (a quote reported once as a quote, once not)
    qa = len(a["qgrams"] & b["trigrams"]) / len(a["qgrams"]) if a["qgrams"] else 0.0
    qb = len(b["qgrams"] & a["trigrams"]) / len(b["qgrams"]) if b["qgrams"] else 0.0
    return {
        "dates in common (Jaccard, overlap, both have dates)": [_jac(a["dates"], b["dates"]), _ov(a["dates"], b["dates"]),
                                                                float(bool(a["dates"]) and bool(b["dates"]))],
        "numbers other than years (Jaccard, overlap)": [_jac(a["nonyear"], b["nonyear"]), _ov(a["nonyear"], b["nonyear"])],
        "numbers of 3+ digits other than years (Jaccard, overlap)": [_jac(a["big"], b["big"]), _ov(a["big"], b["big"])],
        "quoted strings (same quote, quoted trigrams in the other text max/min)": [
            float(bool(a["quotes"] & b["quotes"])), max(qa, qb), min(qa, qb)],
    }


# ---------------------------------------------------------------- lever 3: models

BASE = [f for f in sim.FEATURES if not f.startswith(("soft_match", "window_match"))]  # the 18 before this round


def hgb_factory(monotone: bool, **kw):
    from sklearn.ensemble import HistGradientBoostingRegressor

    # overall falls (more alike) as every cosine / overlap feature rises; same_lang, sent_ratio free
    signs = {f: -1 for f in BASE}
    signs.update(same_lang=0, sent_ratio=0, days_apart=1, align_order=0)
    cst = [signs[f] for f in BASE] if monotone else None

    def fit(X, y):
        params = dict(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20,
                      l2_regularization=1.0, random_state=T.SEED)
        params.update(kw)
        m = HistGradientBoostingRegressor(monotonic_cst=cst, **params).fit(X, y)
        return ("hgb", m)

    return fit


def interactions(X: np.ndarray, top: list[int]) -> np.ndarray:
    cols = [X[:, i] * X[:, j] for k, i in enumerate(top) for j in top[k + 1:]]
    return np.hstack([X, np.stack(cols, axis=1)]) if cols else X


def soft_columns(profs, pairs, temperature: float) -> np.ndarray:
    """:func:`recoupe.corpus.similarity.soft_match` of every pair at another temperature."""
    kept = sim.SOFT_MATCH_TEMPERATURE
    sim.SOFT_MATCH_TEMPERATURE = temperature
    try:
        return np.array([sim.soft_match(profs[p["id1"]], profs[p["id2"]]) for p in pairs], np.float32)
    finally:
        sim.SOFT_MATCH_TEMPERATURE = kept


def main(argv: list[str] | None = None) -> int:
    from scipy.stats import pearsonr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shuffles", type=int, default=3)
    parser.add_argument("--first-shuffle", type=int, default=T.SEED, help="13 = the gate's shuffles; 100 for others")
    parser.add_argument("--only", nargs="*", help="levers: 1 2 3 soft combo (default all)")
    args = parser.parse_args(argv)
    only = set(args.only or ["1", "2", "3", "soft", "combo"])
    articles, pairs = T.load()
    encode = T.cached_encoder("semeval2022t8")
    profs = T.profiles_for(articles, encode)
    XS = np.stack([sim.pair_features(profs[p["id1"]], profs[p["id2"]]) for p in pairs])
    # the 18 features before this round (the shipped model adds soft_match_ and window_match_min / _max)
    X = XS[:, [sim.FEATURES.index(f) for f in BASE]]
    y = np.array([p["overall"] for p in pairs], dtype=float)
    g = T.groups([(p["id1"], p["id2"]) for p in pairs], articles)
    tpairs, _ = T.translation_pairs(articles, pairs)
    size = max(g.max(), T.groups(tpairs, articles).max()) + 1  # the shuffles of T.out_of_fold
    scored, same = T.same_story_labels(y)
    perms = [np.random.RandomState(s).permutation(size) for s in range(args.first_shuffle, args.first_shuffle + args.shuffles)]

    def run(XX, fit=None, predict=None):
        from sklearn.model_selection import GroupKFold

        pear, f1 = [], []
        for perm in perms:
            if fit is None:
                oof, cut = T.oof_similarity(XX, y, perm[g])
            else:
                oof, cut = np.zeros(len(y)), np.zeros(len(y))
                for train, test in GroupKFold(5).split(XX, y, perm[g]):
                    m = fit(XX[train], y[train])
                    oof[test] = predict(m, XX[test])
                    inner = predict(m, XX[train])
                    ms = scored[train]
                    cut[test] = T.best_threshold(inner[ms], same[train][ms])
            pear.append(pearsonr(oof, -y)[0])
            f1.append(T.prf(same[scored], (oof >= cut)[scored])[2])
        return float(np.mean(pear)), float(np.mean(f1)), [round(float(v), 4) for v in pear], [round(float(v), 3) for v in f1]

    def show(name, r):
        print(f"{name:<72} {r[0]:.4f} {r[1]:.3f}   {r[2]} {r[3]}", flush=True)

    print(f"{len(pairs)} pairs, shuffles from {args.first_shuffle} x {args.shuffles}")
    print(f"{'lever':<72} Pearson F1    per shuffle")
    soft = [sim.FEATURES.index(f) for f in ("soft_match_min", "soft_match_max")]
    window = [sim.FEATURES.index(f) for f in ("window_match_min", "window_match_max")]
    show("(the 18 features, ridge with hinges)", run(X))
    show(f"+ soft_match min/max (temperature {sim.SOFT_MATCH_TEMPERATURE})", run(np.hstack([X, XS[:, soft]])))
    show("shipped: + soft_match and window_match min/max", run(XS))
    if "soft" in only:
        for temp in (0.02, 0.05, 0.1, 0.2, 0.5):
            show(f"soft: + soft_match min/max at temperature {temp}", run(np.hstack([X, soft_columns(profs, pairs, temp)])))
        hard = []
        for p in pairs:
            a, b = profs[p["id1"]], profs[p["id2"]]
            S = np.vstack([a.title_vec[None], a.sent_vecs]) @ np.vstack([b.title_vec[None], b.sent_vecs]).T
            pr, rc = float(S.max(1).mean()), float(S.max(0).mean())
            hard.append([min(pr, rc), max(pr, rc)])
        show("soft: hard max instead (greedy BERTScore, title + sentences, min/max)", run(np.hstack([X, np.array(hard, np.float32)])))
        am = sim.FEATURES.index("align_mean")
        show("soft: 18 + soft_match, minus align_mean (collinear with it)", run(np.delete(np.hstack([X, XS[:, soft]]), am, axis=1)))
        win = np.array([np.stack([getattr(profs[p["id1"]], w) for w in sim.WINDOWS])
                        @ np.stack([getattr(profs[p["id2"]], w) for w in sim.WINDOWS]).T for p in pairs])
        hard_win = np.stack([np.minimum(win.max(2).mean(1), win.max(1).mean(1)), np.maximum(win.max(2).mean(1), win.max(1).mean(1))], 1)
        show("window: 18 + soft_match + window match with the hard max", run(np.hstack([X, XS[:, soft], hard_win])))
        show("window: 18 + soft_match + the largest cross-window cosine", run(np.hstack([X, XS[:, soft], win.reshape(len(win), -1).max(1)[:, None]])))
        units = []
        for p in pairs:
            a, b = profs[p["id1"]], profs[p["id2"]]
            ua = np.vstack([np.stack([getattr(a, w) for w in sim.WINDOWS]), a.sent_vecs])
            ub = np.vstack([np.stack([getattr(b, w) for w in sim.WINDOWS]), b.sent_vecs])
            units.append(sim._soft_best(ua @ ub.T))
        show("window: 18 + one soft match over windows and sentences together", run(np.hstack([X, np.array(units, np.float32)])))
    extra: dict[str, np.ndarray] = {}
    if "1" in only or "combo" in only:
        t = time.time()
        ws = whole_sentences(articles, encode)
        print(f"  whole-document sentences: {sum(len(v[0]) for v in ws.values())} for {len(ws)} articles "
              f"({time.time() - t:.1f} s with the cache)", flush=True)
        feats = [bertscore(*ws[p["id1"]], *ws[p["id2"]]) for p in pairs]
        for name in feats[0]:
            extra["1: " + name] = np.array([f[name] for f in feats], np.float32)
    if "2" in only or "combo" in only:
        wr = {i: written(a.get("text") or "") for i, a in articles.items()}
        feats = [written_features(wr[p["id1"]], wr[p["id2"]]) for p in pairs]
        for name in feats[0]:
            extra["2: " + name] = np.array([f[name] for f in feats], np.float32)
        have = np.array([bool(wr[p["id1"]]["dates"]) and bool(wr[p["id2"]]["dates"]) for p in pairs])
        print(f"  pairs where both articles write a date: {have.sum()}; a quote of 3+ words in both: "
              f"{sum(bool(wr[p['id1']]['quotes']) and bool(wr[p['id2']]['quotes']) for p in pairs)}", flush=True)
    for name, E in extra.items():
        if name[0] in only:
            show(name, run(np.hstack([X, E])))
            if name[0] == "2":
                show(name + " (on the shipped features)", run(np.hstack([XS, E])))
    if "3" in only:
        def pred_hgb(m, XX):
            return np.clip((4.0 - m[1].predict(XX)) / 3.0, 0.0, 1.0)

        for mono in (False, True):
            for kw in ({}, {"max_iter": 600, "learning_rate": 0.03}, {"max_leaf_nodes": 7, "max_iter": 500},
                       {"max_depth": 2, "max_iter": 300, "min_samples_leaf": 30}):
                show(f"3: HistGradientBoosting {'monotone' if mono else 'free'} {kw or 'defaults'}", run(X, hgb_factory(mono, **kw), pred_hgb))
        top = [BASE.index(f) for f in ("cos_lead", "cos_full", "cos_title", "align_mean", "names_overlap", "same_lang")]
        show("3: ridge + pairwise products of 6 top features (then hinges)", run(interactions(X, top)))
        show("3: ridge + pairwise products of 4 top cosines (then hinges)", run(interactions(X, top[:4])))
        sl = X[:, BASE.index("same_lang")][:, None]
        show("3: ridge + every feature times same_lang (then hinges)", run(np.hstack([X, X * sl])))
    if "combo" in only and extra:
        E = np.hstack([v for k, v in extra.items() if k[0] == "1"])
        show("combo: every lever-1 feature", run(np.hstack([X, E])))
        E2 = np.hstack([v for k, v in extra.items() if k[0] == "2"])
        show("combo: every lever-2 feature", run(np.hstack([X, E2])))
        show("combo: levers 1 + 2", run(np.hstack([X, E, E2])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
