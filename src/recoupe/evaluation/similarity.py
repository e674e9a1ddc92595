"""Article similarity, same-story and translation decisions on SemEval-2022 Task 8 pairs.

    recoupe eval similarity [--data DIR] [--predictions FILE] [--no-cv]

DIR holds ``articles.jsonl`` ({id, lang, text, machine_translated, translated_from?}) and
``pairs.jsonl`` ({pair_id, id1, id2, overall?}); default ``../shared/data/similarity/semeval2022t8``.
Every number comes from the code the corpus runs (:mod:`recoupe.corpus.similarity`,
:mod:`recoupe.corpus.translations`) with the shipped models:

- Pearson of the similarity with ``-overall``;
- same story (``overall <= 1.5``) vs not (``>= 3``): precision, recall, F1 of the shipped decision
  (the stories' decision: the similarity threshold, and the names-apart veto where both articles are
  English or French, the languages recoupe finds entities in);
- translation detection: machine translations with their originals as positives, cross-lingual
  same-story pairs as hard negatives.

The shipped models were trained on the visible pairs, so on them the shipped scores are in-sample;
the out-of-fold figures (grouped 5-fold CV, three shuffles, thresholds chosen inside each training
fold) are the honest ones and are printed beside unless ``--no-cv``. Pairs without ``overall``
only get predictions.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np


def main(argv: list[str] | None = None) -> int:
    from recoupe.corpus import similarity as sim
    from recoupe.corpus import translations as tr
    from recoupe.training import similarity as T

    parser = argparse.ArgumentParser(prog="recoupe eval similarity", description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with articles.jsonl and pairs.jsonl")
    parser.add_argument("--predictions", help="write one JSON line per pair here")
    parser.add_argument("--no-cv", action="store_true", help="skip the out-of-fold figures")
    parser.add_argument("--json", help="also write the scores to this file")
    args = parser.parse_args(argv)
    scores: dict = {}
    try:
        articles, pairs = T.load(args.data)
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    missing = [p["pair_id"] for p in pairs if p["id1"] not in articles or p["id2"] not in articles]
    if missing:
        print(f"warning: {len(missing)} pair(s) name articles absent from articles.jsonl; skipped", file=sys.stderr)
        pairs = [p for p in pairs if p["id1"] in articles and p["id2"] in articles]
    print(f"{len(articles)} articles, {len(pairs)} pairs; encoding (cached under $RECOUPE_CACHE) ...", flush=True)
    profs = T.profiles_for(articles)
    X = np.stack([sim.pair_features(profs[p["id1"]], profs[p["id2"]]) for p in pairs]) if pairs else np.zeros((0, len(sim.FEATURES)))
    similarity = sim.similarity_from_features(X) if len(X) else np.zeros(0)
    # the stories' decision: similar enough, unless the titles are names apart (each names a person or
    # organisation the other never mentions; entities found in English and French, as the corpus does)
    veto = T.names_apart_pairs(articles, pairs) if pairs else np.zeros(0, dtype=bool)
    same_pred = (similarity >= sim.same_story_threshold()) & ~veto
    trans = np.array([tr.translation_probability(profs[p["id1"]], profs[p["id2"]]) for p in pairs])
    trans_pred = trans >= tr.threshold()
    print(f"models: {sim.producer()} (same story from {sim.same_story_threshold():.3f}), "
          f"{tr.producer()} (from {tr.threshold():.3f})")

    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out:
            for p, s, ss, t in zip(pairs, similarity, same_pred, trans_pred):
                out.write(json.dumps({"pair_id": p.get("pair_id", f"{p['id1']}_{p['id2']}"), "similarity": round(float(s), 4),
                                      "same_story": bool(ss), "translation": bool(t)}) + "\n")
        print(f"predictions written to {args.predictions}")

    labelled = np.array([p.get("overall") is not None for p in pairs], dtype=bool)
    if labelled.sum() >= 3:
        from scipy.stats import pearsonr

        y = np.array([p["overall"] if p.get("overall") is not None else np.nan for p in pairs], dtype=float)[labelled]
        s = similarity[labelled]
        scored, same = T.same_story_labels(y)
        sp, sr, sf = T.prf(same[scored], same_pred[labelled][scored])
        print(f"\nshipped models on these {int(labelled.sum())} labelled pairs"
              f"{' (in-sample: the models trained on them)' if not args.data else ''}:")
        print(f"  Pearson(similarity, -overall)  {pearsonr(s, -y)[0]:.4f}    (plain 600-char cosine: "
              f"{pearsonr(X[labelled, sim.FEATURES.index('cos_lead')], -y)[0]:.4f})")
        print(f"  same story ({int(same[scored].sum())} same / {int((~same[scored]).sum())} not)  "
              f"P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
        scores["shipped"] = {"pearson": float(pearsonr(s, -y)[0]), "same_story": {"p": sp, "r": sr, "f1": sf}}
    else:
        print("no overall scores: predictions only")
    tpairs, ty = T.translation_pairs(articles, [p for p in pairs if p.get("overall") is not None])
    if ty.sum() and (ty == 0).sum():
        tpred = np.array([tr.is_translation(profs[a], profs[b]) for a, b in tpairs])
        tp, trr, tf = T.prf(ty.astype(bool), tpred)
        print(f"  translation ({int(ty.sum())} machine translations / {int((ty == 0).sum())} cross-lingual same-story)  "
              f"P {tp:.3f}  R {trr:.3f}  F1 {tf:.3f}")
        scores.setdefault("shipped", {})["translation"] = {"p": tp, "r": trr, "f1": tf}
    if not args.no_cv and labelled.sum() >= 50:
        lp = [p for p in pairs if p.get("overall") is not None]
        oof = T.out_of_fold(articles, lp, profs, seeds=(T.SEED, T.SEED + 1, T.SEED + 2),
                            veto=veto[[p.get("overall") is not None for p in pairs]])
        print("\nout of fold (grouped 5-fold CV on these pairs, 3 shuffles):")
        print(f"  Pearson {oof['pearson']:.4f}   (target >= 0.78)")
        print("  same story   P {:.3f}  R {:.3f}  F1 {:.3f}   (target F1 >= 0.85)".format(*oof["same_story"]))
        print("  translation  P {:.3f}  R {:.3f}  F1 {:.3f}   (target F1 >= 0.95)".format(*oof["translation"]))
        scores["out_of_fold"] = {"pearson": oof["pearson"],
                                 "same_story": dict(zip(("p", "r", "f1"), oof["same_story"])),
                                 "translation": dict(zip(("p", "r", "f1"), oof["translation"]))}
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(scores, fh, indent=2, default=float)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
