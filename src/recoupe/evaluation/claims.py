"""Claim matching on CLEF-2020 CheckThat! Task 2: rank the verified claims for each tweet.

    recoupe eval claims [--data DIR] [--predictions FILE]

DIR holds ``verified_claims.docs.tsv`` and split folders (``train/``, ``dev/``, ``test/``...),
each with ``tweets.queries.tsv`` and, when labelled, ``tweet-vclaim-pairs.qrels``; default
``../shared/data/claims/clef2020-checkthat-task2``. Every split found is ranked by
:class:`recoupe.corpus.claimmatch.ClaimIndex` (the claim matcher of the Python API, which
corroboration inside a story also runs: ``corpus/corroboration.py``) and, where qrels
exist, scored with MAP@5 (the task's official measure), beside the two views alone (sentence
vectors, BM25). The re-ranker trained on ``train``: its ``train`` score is in-sample, ``dev`` is
held out. ``--predictions`` writes ``{split, tweet_id, ranked: [vclaim_id x 10]}`` per line.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np


def main(argv: list[str] | None = None) -> int:
    from recoupe.corpus import claimmatch as cm
    from recoupe.training import claimmatch as T
    from recoupe.training.similarity import cached_encoder

    parser = argparse.ArgumentParser(prog="recoupe eval claims", description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder with verified_claims.docs.tsv and split folders")
    parser.add_argument("--predictions", help="write one JSON line per tweet here")
    parser.add_argument("--json", help="also write MAP@5 per split and view to this file")
    args = parser.parse_args(argv)
    scores: dict = {}
    try:
        index = T.build_index(args.data)
        folders = T.splits(args.data)
    except (FileNotFoundError, IndexError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    listed = len(index.ids) + sum(len(v) for v in index.duplicates.values())
    print(f"{listed} verified claims ({len(index.ids)} once duplicates are merged); splits: {', '.join(f.name for f in folders) or 'none'}; "
          f"re-ranker {cm.producer()}")
    out = open(args.predictions, "w", encoding="utf-8") if args.predictions else None
    try:
        for folder in folders:
            qids, queries, qrels = T.load_split(folder)
            qvecs = T.query_vectors(queries, cached_encoder(f"clef2020-{folder.name}"))
            ap = {"recoupe": [], "vectors only": [], "BM25 only": []}
            for n, (qid, q) in enumerate(zip(qids, queries)):
                cand, X = index.features(q, qvecs[n])
                order = np.argsort(-cm.rerank(X))
                ranked = [index.ids[cand[i]] for i in order[:10]]
                if out:
                    out.write(json.dumps({"split": folder.name, "tweet_id": qid, "ranked": ranked}) + "\n")
                if qrels is not None and qrels.get(qid):
                    ap["recoupe"].append(T.average_precision(ranked, qrels[qid]))
                    for name, col in (("vectors only", 2), ("BM25 only", None)):
                        s = X[:, col] if col is not None else X[:, 3] + X[:, 4]
                        ap[name].append(T.average_precision([index.ids[cand[i]] for i in np.argsort(-s)[:5]], qrels[qid]))
            note = " (in-sample: the re-ranker trained here)" if folder.name == "train" else ""
            if qrels is None:
                print(f"  {folder.name}: {len(qids)} tweets, no qrels: predictions only")
                continue
            print(f"  {folder.name}: {len(ap['recoupe'])} labelled tweets{note}")
            for name, v in ap.items():
                print(f"    {name:<14} MAP@5 {np.mean(v):.4f}" + ("   (target >= 0.85)" if name == "recoupe" else ""))
            scores[folder.name] = {name: float(np.mean(v)) for name, v in ap.items()}
    finally:
        if out:
            out.close()
            print(f"predictions written to {args.predictions}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(scores, fh, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
