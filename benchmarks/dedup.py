"""Measure the near-duplicate detector (recoupe.corpus.dedup) on pairs built from real articles.

Positives: a real article and a copy of it changed the way syndicated copies are changed —
page furniture added (share prompts, newsletter box, related-link headlines taken from *other*
articles, photo credit), truncated to its first 40-80 % of paragraphs, light edits (about 3 % of
words replaced, a sentence dropped, a number changed, lines re-wrapped), or all of these.
Negatives: different articles about the same story in the same language (SemEval-2022 Task 8
pairs scored ``overall`` <= 2 by the annotators: same events, different outlets — the hard case),
and different stories (``overall`` >= 3.5).

Sources: ../shared/data/similarity/semeval2022t8 (articles of the same-language pairs) and the
English and French articles of ../shared/data/genre/semeval2023t3. The detector is run exactly as
the corpus runs it: LSH bands of the MinHash signature decide candidates, containment of word
shingles measured on the two texts decides. ``--sweep`` prints other shingle sizes and thresholds.

    python benchmarks/dedup.py [--limit N] [--sweep]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys

from recoupe.corpus import dedup
from recoupe.paths import require_shared

FURNITURE = ["Share on Facebook", "Share on Twitter", "Subscribe to our newsletter to get the news every morning",
             "Partager sur Facebook", "Abonnez-vous à notre newsletter", "Photo: AFP", "Lire aussi :",
             "Read more:", "Advertisement", "Publicité", "Comments (12)", "Sign up for free",
             "Related articles", "Most read", "© All rights reserved"]


def load(limit: int | None) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    sim = require_shared("data", "similarity", "semeval2022t8")
    articles = {}
    for line in (sim / "articles.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        articles[d["id"]] = d["text"]
    same_story, different = [], []
    texts: list[str] = []
    seen = set()
    for line in (sim / "pairs.jsonl").open(encoding="utf-8"):
        p = json.loads(line)
        if p["lang1"] != p["lang2"] or p.get("augmented") or p["id1"] not in articles or p["id2"] not in articles:
            continue
        pair = (articles[p["id1"]], articles[p["id2"]])
        if p["overall"] <= 2:
            same_story.append(pair)
        elif p["overall"] >= 3.5:
            different.append(pair)
        for i in (p["id1"], p["id2"]):
            if i not in seen:
                seen.add(i)
                texts.append(articles[i])
    genre = require_shared("data", "genre", "semeval2023t3")
    for lang in ("en", "fr"):
        for path in sorted((genre / lang / "articles").glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8"))
    texts = [t for t in texts if len(t.split()) >= 60]
    if limit:
        texts, same_story, different = texts[:limit], same_story[:limit], different[:limit]
    return texts, same_story, different


def paragraphs(text: str) -> list[str]:
    parts = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    return parts if len(parts) > 1 else re.split(r"(?<=[.!?])\s+", text)


def with_furniture(text: str, rng: random.Random, others: list[str]) -> str:
    paras = paragraphs(text)
    related = [paragraphs(o)[0][:120] for o in rng.sample(others, 3)]
    out = [rng.choice(FURNITURE), *paras[:2], rng.choice(FURNITURE), *paras[2:],
           "Read more:", *related, rng.choice(FURNITURE), rng.choice(FURNITURE)]
    return "\n".join(out)


def truncated(text: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    keep = max(1, round(len(paras) * rng.uniform(0.4, 0.8)))
    return "\n".join(paras[:keep])


def edited(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    if len(sentences) > 3:
        del sentences[rng.randrange(1, len(sentences))]
    words = " ".join(sentences).split(" ")
    for _ in range(max(1, len(words) * 3 // 100)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    out = " ".join(words)
    out = re.sub(r"\d+", lambda m: str(int(m.group()) + 1) if rng.random() < 0.3 else m.group(), out, count=3)
    # re-wrap at about 70 characters, as a copy pasted through another CMS might be
    return re.sub(r"(.{70,}?) ", r"\1\n", out)


def variants(texts: list[str], rng: random.Random) -> list[tuple[str, str, str]]:
    vocabulary = [w for t in texts[:200] for w in t.split()[:50]]
    out = []
    for i, text in enumerate(texts):
        kind = ("furniture", "truncated", "edited", "all")[i % 4]
        if kind == "furniture":
            copy = with_furniture(text, rng, texts)
        elif kind == "truncated":
            copy = truncated(text, rng)
        elif kind == "edited":
            copy = edited(text, rng, vocabulary)
        else:
            copy = with_furniture(truncated(edited(text, rng, vocabulary), rng), rng, texts)
        out.append((kind, text, copy))
    return out


def detect(a: str, b: str, k: int, threshold: float) -> tuple[bool, float]:
    """The corpus's decision: a shared LSH band makes a candidate, containment decides."""
    sa, sb = dedup.sketch(a, k), dedup.sketch(b, k)
    candidate = bool(set(sa.bands()) & set(sb.bands()))
    _, containment = dedup.overlap(sa.shingles, sb.shingles)
    return candidate and containment >= threshold, containment


def score(positives, negatives, k: int, threshold: float) -> dict:
    tp = sum(detect(a, b, k, threshold)[0] for _, a, b in positives)
    fp_same = sum(detect(a, b, k, threshold)[0] for a, b in negatives["same story"])
    fp_diff = sum(detect(a, b, k, threshold)[0] for a, b in negatives["different story"])
    fp = fp_same + fp_diff
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / len(positives) if positives else 0.0
    return {"k": k, "threshold": threshold, "tp": tp, "fn": len(positives) - tp, "fp_same_story": fp_same,
            "fp_different": fp_diff, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="At most N articles and N pairs of each kind.")
    ap.add_argument("--sweep", action="store_true", help="Also other shingle sizes and thresholds.")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    texts, same_story, different = load(args.limit)
    rng = random.Random(args.seed)
    positives = variants(texts, rng)
    negatives = {"same story": same_story, "different story": different}
    print(f"{len(positives)} positive pairs (real article vs a changed copy), {len(same_story)} same-story and "
          f"{len(different)} different-story negative pairs")
    settings = [(dedup.SHINGLE, dedup.CONTAINMENT_MIN)]
    if args.sweep:
        settings += [(k, th) for k in (3, 4, 5, 7) for th in (0.3, 0.4, 0.5, 0.6, 0.7) if (k, th) != settings[0]]
    for k, th in settings:
        s = score(positives, negatives, k, th)
        tag = " (shipped)" if (k, th) == (dedup.SHINGLE, dedup.CONTAINMENT_MIN) else ""
        print(f"shingle {k} words, containment >= {th:.1f}{tag}: precision {s['precision']:.3f} recall "
              f"{s['recall']:.3f} F1 {s['f1']:.3f}  (tp {s['tp']}, fn {s['fn']}, false positives: "
              f"{s['fp_same_story']} same story, {s['fp_different']} different story)")
        if (k, th) == (dedup.SHINGLE, dedup.CONTAINMENT_MIN):
            for kind in ("furniture", "truncated", "edited", "all"):
                sub = [x for x in positives if x[0] == kind]
                hit = sum(detect(a, b, k, th)[0] for _, a, b in sub)
                print(f"  recall on {kind:<10} copies: {hit / len(sub):.3f} ({hit}/{len(sub)})")
            worst = sorted(((detect(a, b, k, th)[1], a[:70]) for a, b in same_story), reverse=True)[:3]
            print("  highest containment among same-story pairs:",
                  ", ".join(f"{c:.2f}" for c, _ in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
