"""Claim matching inside a story, measured with the code corroboration runs.

    python benchmarks/claim_pairs.py [--clef] [--limit N]

``recoupe.corpus.corroboration.matched_pairs`` decides which claims of a story's articles state the
same thing: a ``ClaimIndex`` (the matcher ``recoupe eval claims`` scores) proposes candidates; one
language is decided by its re-ranker, two languages by the sentence-vector cosine confirmed by shared
actors or numbers. Nobody annotated claims across a story's articles, so this measures what the data
allows, on ``../shared`` (read at run time):

- **across languages** (SemEval-2022 Task 8 machine translations with as many sentences as their
  original): sentence k of the original and sentence k of its translation state the same thing
  (positives); every other sentence pair of the two articles is a hard negative (same story, another
  statement). Precision and recall of the matched pairs.
- **false matches**: sentence pairs matched between two articles annotated as different stories
  (``overall >= 3``), per article pair, same language and across languages; beside them the pairs
  matched between same-story articles (``overall <= 1.5``), which are unlabelled (more is not
  necessarily better).
- ``--clef``: the decisions on CLEF-2020 CheckThat! Task 2 candidates (every candidate of every
  tweet: the right verified claims against the others; one language, English): the re-ranker's cut
  chosen on ``train`` (its own training split, so in-sample), precision/recall on ``dev``.

Sentences stand in for claims (every sentence of 20 characters or more), the language-light names
and numbers of :mod:`recoupe.corpus.similarity` for the entities and quantities the analysis would
give. The baseline is the rule corroboration used before (vectors propose, actors or numbers
confirm, in every language), run in the same process.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.corpus import corroboration as co  # noqa: E402
from recoupe.corpus import similarity as sim  # noqa: E402
from recoupe.training import similarity as T  # noqa: E402

MIN_CHARS = 20


def claims_of(aid: str, text: str) -> list[tuple[str, dict]]:
    _, body = sim.title_and_body(text)
    out = []
    for s in sim.split_sentences(body)[: sim.MAX_SENTENCES]:
        if len(s) >= MIN_CHARS:
            out.append((aid, {"text": s, "entities": sorted(sim.names_in(s)),
                              "quantities": [{"kind": "number", "value": float(n)} for n in sorted(sim.numbers_in(s))]}))
    return out


def baseline_pairs(claims, encode) -> list[tuple[int, int]]:
    """The rule before the single code path: every pair with cosine >= PROPOSE_COS, confirmed."""
    vecs = encode([c["text"] for _, c in claims])
    S = vecs @ vecs.T
    return [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
            if claims[i][0] != claims[j][0] and S[i, j] >= co.PROPOSE_COS and co._confirmed(claims[i][1], claims[j][1], S[i, j])]


def semeval(limit: int | None) -> None:
    articles, pairs = T.load()
    encode = T.cached_encoder("semeval2022t8")
    langs = {i: a.get("lang") for i, a in articles.items()}
    # across languages: machine translations with the same sentence count as their original
    tps = [(str(a["translated_from"]), i) for i, a in sorted(articles.items())
           if a.get("machine_translated") and str(a.get("translated_from")) in articles
           and langs[str(a["translated_from"])] != a.get("lang")]
    counts = {"new": [0, 0, 0], "baseline": [0, 0, 0]}  # tp, matched, positives
    used = 0
    for src, mt in tps[:limit]:
        a, b = claims_of(src, articles[src]["text"]), claims_of(mt, articles[mt]["text"])
        if len(a) != len(b) or len(a) < 2:
            continue
        used += 1
        claims = a + b
        gold = {(k, len(a) + k) for k in range(len(a))}
        for name, got in (("new", co.matched_pairs(claims, langs, encode)), ("baseline", baseline_pairs(claims, encode))):
            got = set(got)
            counts[name][0] += len(got & gold)
            counts[name][1] += len(got)
            counts[name][2] += len(gold)
    print(f"across languages: {used} machine translations with as many sentences as their original "
          f"({counts['new'][2]} aligned sentence pairs)")
    for name, (tp, m, pos) in counts.items():
        print(f"  {name:<9} precision {tp / max(m, 1):.3f}  recall {tp / max(pos, 1):.3f}  ({m} pairs matched)")
    # pairs matched between different-story and same-story articles
    rows: dict[tuple[str, str, str], list[int]] = {}
    for p in pairs[:limit]:
        o = p.get("overall")
        if o is None or 1.5 < o < 3:
            continue
        kind = "same story" if o <= 1.5 else "different stories"
        lang = "same language" if langs[p["id1"]] == langs[p["id2"]] else "across languages"
        claims = claims_of(p["id1"], articles[p["id1"]]["text"]) + claims_of(p["id2"], articles[p["id2"]]["text"])
        if not claims:
            continue
        for name, got in (("new", co.matched_pairs(claims, langs, encode)), ("baseline", baseline_pairs(claims, encode))):
            rows.setdefault((kind, lang, name), []).append(len(got))
    print("sentence pairs matched per article pair (mean; share of article pairs with any match):")
    for (kind, lang, name), v in sorted(rows.items()):
        v = np.array(v)
        print(f"  {kind:<17} {lang:<16} {name:<9} {v.mean():.2f}  {np.mean(v > 0):.3f}  (n={len(v)})")


def clef() -> None:
    from recoupe.corpus import claimmatch as cm
    from recoupe.training import claimmatch as C

    index = C.build_index()
    scored = {}
    for split in ("train", "dev"):
        qids, queries, qrels = C.load_split(C.data_dir() / split)
        X, y, _ = C.candidate_rows(index, qids, queries, qrels)
        # the index's shared numbers and names covered stand for the actors and numbers an analysis gives
        confirmed = (X[:, cm.FEATURES.index("numbers_shared")] > 0) | (X[:, cm.FEATURES.index("names_covered")] > 0)
        scored[split] = (cm.rerank(X), y.astype(bool), X[:, cm.FEATURES.index("cos_max")], confirmed)
    p, y, *_ = scored["train"]
    cut = T.best_threshold(p, y)
    print(f"CLEF-2020 re-ranker as a same-claim decision: F1-best cut on train {cut:.3f} "
          f"(shipped SAME_CLAIM_P {co.SAME_CLAIM_P})")
    for split, (p, y, cos, confirmed) in scored.items():
        close = cos >= co.SAME_COS
        for name, pred in (("re-ranker alone", p >= co.SAME_CLAIM_P), ("vectors alone", cos >= co.PROPOSE_COS),
                           ("vectors + actors or numbers (before)", close | ((cos >= co.PROPOSE_COS) & confirmed)),
                           ("vectors + re-ranker (one language)", close | ((cos >= co.PROPOSE_COS) & (p >= co.SAME_CLAIM_P)))):
            pr = T.prf(y, pred)
            print(f"  {split:<5} {name:<37} P {pr[0]:.3f}  R {pr[1]:.3f}  F1 {pr[2]:.3f}  ({int(y.sum())} right of {len(y)} candidates)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clef", action="store_true", help="also the re-ranker's cut on CLEF-2020 (about 4 minutes)")
    parser.add_argument("--no-semeval", action="store_true", help="skip the SemEval figures")
    parser.add_argument("--limit", type=int, help="first N translations and pairs only")
    args = parser.parse_args(argv)
    if not args.no_semeval:
        semeval(args.limit)
    if args.clef:
        clef()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
