"""Same people, different event: candidate signals for the same-story decision, measured out-of-fold.

    python benchmarks/story_signals.py [--shuffles 3]

The two seeds (``../shared/seeds``: Zuckerberg advising Buttigieg's campaign vs Zuckerberg calling
Trump in 2016) land in one story. Each signal below is added to the similarity features
(:func:`recoupe.corpus.similarity.pair_features`) and the model is refitted and scored exactly as
``python -m recoupe.training.similarity`` does (grouped 5-fold, the same shuffles as
``recoupe eval similarity``, thresholds chosen inside each training fold); the last column is the
seeds' similarity under the model fitted on all pairs, beside that model's same-story threshold.
Nothing here ships: the script keeps the measurement reproducible (NOTES.md, issue 12).

Signals: the cosine of titles and of 600-character leads with the names removed ("what happened,
not who"; names as :func:`~recoupe.corpus.similarity.names_in` finds them); the years written in
the lead and in the first 2,000 characters (Jaccard and gap between the latest); how the first three
sentences find a counterpart in the other article; the title's best sentence in the other.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.analysis.text import fold  # noqa: E402
from recoupe.corpus import similarity as sim  # noqa: E402
from recoupe.corpus import translations as tr  # noqa: E402
from recoupe.training import similarity as T  # noqa: E402

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def _masked(text: str, names: frozenset[str]) -> str:
    def keep(m: re.Match) -> str:
        w = m.group()
        named = w[0].isupper() and fold(w.rstrip("'’")) in names
        return "" if named or sim._ACRONYM.fullmatch(w) else w

    return re.sub(r"\s+", " ", sim._WORD.sub(keep, text)).strip()


def extras(items: dict[str, dict], encode) -> dict[str, dict]:
    """Per article: name-masked title and lead vectors, years of the lead and of the first 2,000
    characters."""
    out, texts = {}, []
    for i, it in sorted(items.items()):
        title, body = it.get("title"), it["text"]
        if not title:
            title, body = sim.title_and_body(body)
        whole = body if body.startswith(title) else title + " " + body
        names = sim.names_in(title + "\n" + body)
        texts += [_masked(title, names), _masked(whole[: sim.LEAD_CHARS], names)]
        out[i] = {"years_lead": {int(y) for y in _YEAR.findall(whole[: sim.LEAD_CHARS])},
                  "years_full": {int(y) for y in _YEAR.findall(whole[: sim.FULL_CHARS])}}
    vecs = encode(texts)
    for k, i in enumerate(sorted(items)):
        out[i]["mtitle"], out[i]["mlead"] = vecs[2 * k], vecs[2 * k + 1]
    return out


def _years(a: set, b: set) -> tuple[float, float]:
    if not a or not b:
        return 0.5, 0.0
    return len(a & b) / len(a | b), float(min(abs(max(a) - max(b)), 5))


def signals(pa: sim.Profile, pb: sim.Profile, ea: dict, eb: dict) -> dict[str, list[float]]:
    out = {"masked title cosine": [float(ea["mtitle"] @ eb["mtitle"])],
           "masked lead cosine": [float(ea["mlead"] @ eb["mlead"])],
           "years in the leads": list(_years(ea["years_lead"], eb["years_lead"])),
           "years in 2,000 characters": list(_years(ea["years_full"], eb["years_full"]))}
    lead = [0.0, 0.0, 0.0, 0.0]
    if len(pa.sent_vecs) and len(pb.sent_vecs):
        S = pa.sent_vecs @ pb.sent_vecs.T
        la, lb = S[:3].max(axis=1), S[:, :3].max(axis=0)
        lead = [min(la.mean(), lb.mean()), min((la >= 0.5).mean(), (lb >= 0.5).mean()),
                min(float((pa.title_vec @ pb.sent_vecs.T).max()), float((pb.title_vec @ pa.sent_vecs.T).max())),
                float(S[:3, :3].max())]
    out["lead sentences' best counterpart"] = [float(lead[0])]
    out["lead sentences with a counterpart >= 0.5"] = [float(lead[1])]
    out["title's best sentence in the other"] = [float(lead[2])]
    out["the sentence-alignment signals together"] = [float(v) for v in lead]
    return out


def seeds(encode) -> tuple[list[sim.Profile], dict[str, dict]]:
    import recoupe
    from recoupe.corpus.records import from_report, profiles_of
    from recoupe.paths import require_shared

    paths = sorted(require_shared("seeds").glob("0*.txt"))[:2]
    recs = [from_report(recoupe.analyze(p.read_text(encoding="utf-8")).model_dump(mode="json"), article_id=p.stem)
            for p in paths]
    items = {r.id: {"text": r.body, "title": r.title} for r in recs}
    return profiles_of(recs, encode=encode), extras(items, encode)


def main(argv: list[str] | None = None) -> int:
    from scipy.stats import pearsonr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shuffles", type=int, default=3)
    args = parser.parse_args(argv)
    articles, pairs = T.load()
    encode = T.cached_encoder("semeval2022t8")
    profs = T.profiles_for(articles, encode)
    ext = extras({i: {"text": a.get("text") or "", "title": a.get("title")} for i, a in articles.items()}, encode)
    sp, sx = seeds(encode)
    seed_keys = sorted(sx)
    X = np.stack([sim.pair_features(profs[p["id1"]], profs[p["id2"]]) for p in pairs])
    XS = sim.pair_features(sp[0], sp[1])[None, :]
    y = np.array([p["overall"] for p in pairs], dtype=float)
    sig = [signals(profs[p["id1"]], profs[p["id2"]], ext[p["id1"]], ext[p["id2"]]) for p in pairs]
    sig_seed = signals(sp[0], sp[1], sx[seed_keys[0]], sx[seed_keys[1]])
    g = T.groups([(p["id1"], p["id2"]) for p in pairs], articles)
    tpairs, _ = T.translation_pairs(articles, pairs)
    size = max(g.max(), T.groups(tpairs, articles).max()) + 1  # the shuffles of T.out_of_fold
    scored, same = T.same_story_labels(y)

    def run(XX: np.ndarray, xs: np.ndarray) -> tuple[float, float, float, float]:
        pear, f1 = [], []
        for seed in range(T.SEED, T.SEED + args.shuffles):
            perm = np.random.RandomState(seed).permutation(size)
            oof, cut = T.oof_similarity(XX, y, perm[g])
            pear.append(pearsonr(oof, -y)[0])
            f1.append(T.prf(same[scored], (oof >= cut)[scored])[2])
        fitted = T.fit_similarity(XX, y)
        full = T.predict_similarity(fitted, XX)
        return (float(np.mean(pear)), float(np.mean(f1)), float(T.predict_similarity(fitted, xs)[0]),
                T.best_threshold(full[scored], same[scored]))

    base = run(X, XS)
    near = (X[:, sim.FEATURES.index("cos_lead")] >= 0.6) & (X[:, sim.FEATURES.index("names_jaccard")] <= 0.1)
    print(f"pairs like the seeds (lead cosine >= 0.6, names Jaccard <= 0.1; seeds "
          f"{XS[0, sim.FEATURES.index('cos_lead')]:.2f}, {XS[0, sim.FEATURES.index('names_jaccard')]:.2f}): {int(near.sum())}, "
          f"{int((y[near] <= 1.5).sum())} the same story, {int((y[near] >= 3).sum())} different")
    print(f"{len(pairs)} pairs, {args.shuffles} shuffles; seeds' translation probability "
          f"{tr.translation_probability(sp[0], sp[1]):.3f}")
    print(f"{'signal':<42} {'seeds':>14} {'same / diff':>13} {'Pearson':>8} {'F1':>6} {'seeds sim (thr)':>16}")
    print(f"{'(the 18 features)':<42} {'':>14} {'':>13} {base[0]:8.4f} {base[1]:6.3f} {base[2]:8.3f} ({base[3]:.3f})")
    for name in sig_seed:
        E = np.array([s[name] for s in sig], dtype=np.float32)
        ES = np.array([sig_seed[name]], dtype=np.float32)
        r = run(np.hstack([X, E]), np.hstack([XS, ES]))
        means = f"{E[y <= 1.5, 0].mean():.2f} / {E[y >= 3, 0].mean():.2f}"
        print(f"{name:<42} {', '.join(f'{v:.2f}' for v in ES[0]):>14} {means:>13} {r[0]:8.4f} {r[1]:6.3f} "
              f"{r[2]:8.3f} ({r[3]:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
