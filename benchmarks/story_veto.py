"""Same people, different event as a veto on the same-story decision, measured out-of-fold on SemEval.

    python benchmarks/story_veto.py [--shuffles 3] [--clusters] [--threshold-without-veto]

The rule (:func:`recoupe.corpus.similarity.names_apart`, applied by
:func:`recoupe.corpus.translations.story_similarity`): two articles are not the same story when
each title names a person or organisation that the other article never mentions. It needs named
entities, so it is measured where recoupe has an entity finder: SemEval-2022 T8 pairs whose two
articles are English or French, entities from the spaCy models recoupe loads (``recoupe.nlp.MODELS``;
``PERSON``/``PER`` and ``ORG`` spans, each span its own canonical name: recoupe's entity component
also merges ``Zuckerberg`` into ``Mark Zuckerberg``, which the last-word check of ``names_apart``
covers). The similarity features and the model are exactly ``recoupe eval similarity``'s (text-only
profiles, grouped 5-fold, the same shuffles); the veto acts on the decision only (the similarity
number is unchanged, so Pearson is too), and each fold's threshold is chosen on its training pairs
with the veto applied (``--threshold-without-veto``: as the shipped model's, chosen without it). SemEval articles carry no date, so time proximity cannot be measured here.

Printed: how often the veto fires on same-story (``overall <= 1.5``), different (``>= 3``) and
in-between pairs, genuine and machine-translated (``augmented``); how many of the pairs the model
calls the same story it overturns, right and wrong; out-of-fold P/R/F1 with and without it, on all
pairs and on the English/French pairs; and the seeds' outcome (``../shared/seeds``, analysed by
recoupe) as a consequence. ``--clusters`` also measures it at the story level
(:func:`clusters`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.corpus import similarity as sim  # noqa: E402
from recoupe.training import similarity as T  # noqa: E402

def seeds_outcome() -> str:
    import recoupe
    from recoupe.corpus import translations as tr
    from recoupe.corpus.records import from_report, profiles_of
    from recoupe.paths import require_shared

    paths = sorted(require_shared("seeds").glob("0*.txt"))[:2]
    recs = [from_report(recoupe.analyze(p.read_text(encoding="utf-8")).model_dump(mode="json"), article_id=p.stem)
            for p in paths]
    a, b = profiles_of(recs)
    return (f"seeds: title names {sorted(a.title_names)} / {sorted(b.title_names)}; names apart {sim.names_apart(a, b)}; "
            f"similarity {sim.similarity(a, b):.3f}, story similarity {tr.story_similarity(a, b):.3f} "
            f"(threshold {sim.same_story_threshold():.3f}); same story {tr.same_story(a, b)}")


def clusters(articles: dict[str, dict], pairs: list[dict], profs: dict[str, sim.Profile],
             nprof: dict[str, sim.Profile]) -> None:
    """Story-level: every article of the pairs assigned in id order (undated) by the corpus's
    ``StoryIndex``, English and French ones with their entities; each labelled pair scored by
    whether its two articles share a story. The similarity model is the shipped one, trained on
    these pairs (in-sample); the candidate recall (the partner's story among the candidates when
    the later article is assigned) does not depend on it. With and without exact search for
    undated articles (``stories.EXACT_MAX``) and with and without the veto."""
    from recoupe.corpus import stories as S
    from recoupe.corpus import translations as tr

    y = np.array([p["overall"] for p in pairs], dtype=float)
    scored, same = T.same_story_labels(y)
    order = sorted({i for p in pairs for i in (p["id1"], p["id2"])})
    rank = {i: k for k, i in enumerate(order)}
    partners: dict[str, list[str]] = {}
    for p, sc, sm in zip(pairs, scored, same):
        if sc and sm:
            a, b = sorted((p["id1"], p["id2"]), key=rank.get)
            partners.setdefault(b, []).append(a)
    exact, apart = S.EXACT_MAX, tr.names_apart
    print(f"\nstories over the {len(order)} articles of the pairs (undated, in id order; {int((scored & same).sum())} "
          f"same-story pairs):")
    for name, exact_max, veto in (("LSH only, no veto", 0, False), ("LSH only, veto", 0, True),
                                  ("exact search, no veto", exact, False), ("exact search, veto", exact, True)):
        S.EXACT_MAX = exact_max
        tr.names_apart = apart if veto else (lambda a, b: False)
        index, found, total = S.StoryIndex(), 0, 0
        for i in order:
            p = nprof.get(i, profs[i])
            if i in partners:
                cands = set(index.candidates(p, []))
                total += len(partners[i])
                found += sum(index.by_id[index.story_of[a]] in cands for a in partners[i])
            index.assign(i, p)
        together = np.array([index.story_of[p["id1"]] == index.story_of[p["id2"]] for p in pairs])
        pr = T.prf(same[scored], together[scored])
        print(f"  {name:<22} partner's story among the candidates {found / max(total, 1):.3f}; same story "
              f"P {pr[0]:.3f} R {pr[1]:.3f} F1 {pr[2]:.3f}; {len(index.stories)} stories")
    S.EXACT_MAX, tr.names_apart = exact, apart


def main(argv: list[str] | None = None) -> int:
    from scipy.stats import pearsonr

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shuffles", type=int, default=3)
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--clusters", action="store_true", help="also cluster the articles into stories")
    parser.add_argument("--threshold-without-veto", action="store_true",
                        help="choose each fold's threshold as the shipped model does (no veto), then veto")
    args = parser.parse_args(argv)
    articles, pairs = T.load()
    encode = T.cached_encoder("semeval2022t8")
    profs = T.profiles_for(articles, encode)
    X = np.stack([sim.pair_features(profs[p["id1"]], profs[p["id2"]]) for p in pairs])
    y = np.array([p["overall"] for p in pairs], dtype=float)
    scored, same = T.same_story_labels(y)
    g = T.groups([(p["id1"], p["id2"]) for p in pairs], articles)
    tpairs, _ = T.translation_pairs(articles, pairs)
    size = max(g.max(), T.groups(tpairs, articles).max()) + 1  # the shuffles of T.out_of_fold

    langs = T.ENTITY_LANGS
    sub = np.array([articles[p["id1"]]["lang"] in langs and articles[p["id2"]]["lang"] in langs for p in pairs])
    nprof = T.entity_profiles(articles, {i for p, s in zip(pairs, sub) if s for i in (p["id1"], p["id2"])}, encode)
    veto = np.array([bool(s) and sim.names_apart(nprof[p["id1"]], nprof[p["id2"]]) for p, s in zip(pairs, sub)])
    aug = np.array([bool(p.get("augmented")) for p in pairs])

    def run(v: np.ndarray) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
        pear, res_all, res_sub = [], [], []
        dec0 = None
        for seed in range(T.SEED, T.SEED + args.shuffles):
            perm = np.random.RandomState(seed).permutation(size)
            oof, cut = T.oof_similarity(X, y, perm[g], never_same=None if args.threshold_without_veto else v)
            dec = (oof >= cut) & ~v
            dec0 = dec if dec0 is None else dec0
            pear.append(pearsonr(oof, -y)[0])
            res_all.append(T.prf(same[scored], dec[scored]))
            res_sub.append(T.prf(same[scored & sub], dec[scored & sub]))
        return float(np.mean(pear)), np.mean(res_all, axis=0), np.mean(res_sub, axis=0), dec0

    print(f"{len(pairs)} pairs; English/French pairs (both sides NER): {int(sub.sum())} "
          f"({int((sub & scored & same).sum())} same story, {int((sub & scored & ~same).sum())} different, "
          f"{int((sub & ~scored).sum())} in between)")
    for name, mask in (("same story", scored & same), ("different", scored & ~same), ("in between", ~scored)):
        print(f"  veto fires on {name:<10}: {int((veto & mask & ~aug).sum())} genuine + {int((veto & mask & aug).sum())} "
              f"augmented of {int((mask & sub).sum())}")
    base, with_veto = run(np.zeros(len(y), dtype=bool)), run(veto)
    pred = base[3]
    print(f"  of the pairs the model calls the same story (first shuffle), the veto overturns "
          f"{int((veto & pred & scored & same).sum())} same-story and {int((veto & pred & scored & ~same).sum())} "
          f"different ({int((veto & pred & ~scored).sum())} in between)")
    print(f"{'':<14} {'Pearson':>8} {'all pairs P / R / F1':>24} {'en/fr pairs P / R / F1':>26}")
    for name, r in (("model alone", base), ("with the veto", with_veto)):
        print(f"{name:<14} {r[0]:8.4f} {r[1][0]:7.4f} {r[1][1]:6.4f} {r[1][2]:6.4f} {r[2][0]:9.4f} {r[2][1]:6.4f} {r[2][2]:6.4f}")
    for k in np.flatnonzero(veto & (pred | (scored & same))):
        p = pairs[k]
        a, b = nprof[p["id1"]], nprof[p["id2"]]
        print(f"  overall {p['overall']:.2f}{' augmented' if aug[k] else ''}{' (called same)' if pred[k] else ''}: "
              f"{sorted(a.title_names)} / {sorted(b.title_names)}")
    if args.clusters:
        clusters(articles, pairs, profs, nprof)
    if not args.no_seeds:
        print(seeds_outcome())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
