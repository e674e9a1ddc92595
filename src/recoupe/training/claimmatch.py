"""Train the claim-matching re-ranker on CLEF-2020 CheckThat! Task 2 (train split) and ship it.

    python -m recoupe.training.claimmatch [--data DIR]

Each training tweet's candidates (:meth:`recoupe.corpus.claimmatch.ClaimIndex.features`) are
labelled by the qrels (a claim listed twice in the collection is ranked once, under its first
listing: :func:`recoupe.corpus.claimmatch.dedup_key`); a logistic regression on their scores becomes
``resources/models/claimmatch``. The dev split is never used for fitting; ``recoupe eval claims``
scores it.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np

from recoupe.analysis import linear_model
from recoupe.corpus import claimmatch as cm

SEED = 13
# Chosen by 5-fold train CV MAP@5 (grouped by tweet): C=1 0.880, C=0.1 0.878; class weights
# "balanced" 0.870 (the dev split played no part in the choice).
C = 1.0


def data_dir(data: str | Path | None = None) -> Path:
    from recoupe.paths import require_shared

    return Path(data) if data else require_shared("data", "claims", "clef2020-checkthat-task2")


_SWALLOWED = re.compile(r"\n\d+\t")  # a line that starts the way a row does, inside a field


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file whose fields may be quoted the CSV way (``"A ""law"" ..."``, a
    quoted field may span lines: the verified claims hold such fields, and splitting on lines made
    bogus claims of their second lines), without the header line when there is one (its first
    column is empty or a column name, never an id)."""
    import csv
    import io

    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    rows = [r for r in csv.reader(io.StringIO(raw, newline=""), delimiter="\t") if any(x.strip() for x in r)]
    if any(_SWALLOWED.search(x) for r in rows for x in r):
        # an unbalanced quote opening a field swallowed the next rows: the file is not CSV-quoted
        rows = [line.split("\t") for line in raw.splitlines() if line.strip()]
    if rows and (not rows[0][0].strip() or rows[0][0].strip().lower() in {"id", "tweet_id", "vclaim_id", "qid"}):
        rows = rows[1:]
    return rows


def load_vclaims(data: str | Path | None = None) -> tuple[list[str], list[str], list[str]]:
    rows = read_tsv(data_dir(data) / "verified_claims.docs.tsv")
    return [r[0] for r in rows], [r[1] if len(r) > 1 else "" for r in rows], [r[2] if len(r) > 2 else "" for r in rows]


def splits(data: str | Path | None = None) -> list[Path]:
    """Every sub-folder holding a ``tweets.queries.tsv`` (train, dev, test, ...)."""
    return sorted(p.parent for p in data_dir(data).glob("*/tweets.queries.tsv"))


def load_split(folder: Path) -> tuple[list[str], list[str], dict[str, set[str]] | None]:
    rows = read_tsv(folder / "tweets.queries.tsv")
    qrels_path = folder / "tweet-vclaim-pairs.qrels"
    qrels = None
    if qrels_path.exists():
        qrels = {}
        with open(qrels_path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 4 and parts[3] != "0":
                    qrels.setdefault(parts[0], set()).add(parts[2])
    return [r[0] for r in rows], [r[1] if len(r) > 1 else "" for r in rows], qrels


def build_index(data: str | Path | None = None) -> cm.ClaimIndex:
    from recoupe.training.similarity import cached_encoder

    ids, texts, titles = load_vclaims(data)
    return cm.ClaimIndex(ids, texts, titles, encode=cached_encoder("clef2020-vclaims"))


def average_precision(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    """AP@k as the CheckThat! scorer computes it (precision at each hit, over min(|relevant|, k))."""
    hits, total = 0, 0.0
    for i, r in enumerate(ranked[:k]):
        if r in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0


def candidate_rows(index: cm.ClaimIndex, qids, queries, qrels):
    from recoupe.training.similarity import cached_encoder

    qvecs = query_vectors(queries, cached_encoder("clef2020-tweets"))
    X, y, group = [], [], []
    for n, (qid, q) in enumerate(zip(qids, queries)):
        cand, F = index.features(q, qvecs[n])
        X.append(F)
        y.append(np.array([index.ids[c] in qrels.get(qid, ()) for c in cand]))
        group.append(np.full(len(cand), n))
    return np.vstack(X), np.concatenate(y), np.concatenate(group)


def query_vectors(queries: list[str], encode) -> list[np.ndarray]:
    """Each query's :func:`~recoupe.corpus.claimmatch.query_texts` vectors, encoded in one batch."""
    texts = [cm.query_texts(q) for q in queries]
    flat = encode([t for ts in texts for t in ts])
    out, i = [], 0
    for ts in texts:
        out.append(flat[i : i + len(ts)])
        i += len(ts)
    return out


def fit(X, y):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    scaler.scale_[scaler.scale_ == 0] = 1.0
    return scaler, LogisticRegression(C=C, max_iter=3000, random_state=SEED).fit(scaler.transform(X), y)


def train(data: str | Path | None = None) -> dict:
    index = build_index(data)
    folder = data_dir(data) / "train"
    qids, queries, qrels = load_split(folder)
    X, y, group = candidate_rows(index, qids, queries, qrels)
    recall = float(np.mean([bool(y[group == n].any()) for n in range(len(qids)) if qrels.get(qids[n])]))
    # 5-fold CV over tweets, for the record
    from sklearn.model_selection import GroupKFold

    aps = []
    for tr, te in GroupKFold(5).split(X, y, group):
        scaler, model = fit(X[tr], y[tr])
        s = model.decision_function(scaler.transform(X[te]))
        for n in np.unique(group[te]):
            m = group[te] == n
            order = np.argsort(-s[m])
            labels = y[te][m][order]
            rel = qrels.get(qids[n], set())
            ranked = [str(k) if lab else f"-{k}" for k, lab in enumerate(labels)]
            aps.append(average_precision(ranked, {str(k) for k, lab in enumerate(labels) if lab} if rel else set()))
    scaler, model = fit(X, y)
    scores = {"train_cv_map5": float(np.mean(aps)), "candidate_recall": recall, "tweets": len(qids)}
    linear_model.save(
        linear_model.MODELS_DIR / cm.MODEL_NAME,
        coef=model.coef_, intercept=model.intercept_, scale_mean=scaler.mean_, scale_std=scaler.scale_,
        labels=["match"],
        meta={"name": cm.MODEL_NAME, "version": "2", "features": list(cm.FEATURES), "C": C, "scores": scores,
              "trained_on": "CLEF-2020 CheckThat! Task 2 train split (free for research use)"},
    )
    linear_model.load.cache_clear()
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data")
    args = parser.parse_args(argv)
    print(json.dumps(train(args.data), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
