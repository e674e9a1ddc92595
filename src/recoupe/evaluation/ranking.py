"""Does the credibility score order articles the way the rating lists order their publishers?

For every scrapinghub benchmark page (ground-truth.json gives each page's url) whose domain the
lists rate, score the article, then for each list X count the article pairs that X orders (X
rates both publishers differently) and the share that the score orders the same way. To avoid
circularity the score is computed with list X removed (leave-one-list-out); with ``--strict`` the
lists derived from X are removed as well (idiap golden truth is mostly MBFC labels).

    recoupe eval ranking                 # publisher-level analysis (url only)
    recoupe eval ranking --full          # recoupe.analyze on each page's HTML
    recoupe eval ranking --decodex PATH  # Décodex file if not imported

Décodex is taken from $RECOUPE_HOME (``recoupe sources import``) or ../shared when present.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from itertools import combinations
from pathlib import Path

from recoupe.assess import assess
from recoupe.model import Analysis, Publisher
from recoupe.sources import Registry
from recoupe.sources.ratings import Ratings

from recoupe.paths import shared_dir

SHARED = shared_dir()
PAGES = SHARED / "data" / "extraction" / "scrapinghub"
DERIVED_FROM = {"mbfc": {"golden"}}  # lists built (mostly) from another list


def list_score(registry: Ratings, list_id: str, url: str) -> float | None:
    match = registry.lookup_domain(url)
    scores = [r.score for r in (match.ratings if match else []) if r.list == list_id and r.score is not None]
    return sum(scores) / len(scores) if scores else None


def article(url: str, page_id: str, full: bool) -> Analysis:
    if full:
        import recoupe

        html = gzip.decompress((PAGES / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        return recoupe.analyze(html, url=url, options=recoupe.AnalyzerConfig(credibility=False))
    return Analysis(language="und", body="", url=url, publisher=Publisher(url=url))


def concordance(xs: list[float], ys: list[float]) -> tuple[float, int, float]:
    """Share of pairs ordered alike over the pairs list X orders (score ties count half),
    the number of such pairs, and the share among the pairs the score does not tie."""
    agree = total = ties = 0.0
    for (x1, y1), (x2, y2) in combinations(zip(xs, ys), 2):
        if x1 == x2:
            continue
        total += 1
        if abs(y1 - y2) < 1e-9:
            ties += 1
        elif (x1 > x2) == (y1 > y2):
            agree += 1
    nan = float("nan")
    return ((agree + ties / 2) / total if total else nan), int(total), (agree / (total - ties) if total > ties else nan)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="run recoupe.analyze on each page's HTML")
    parser.add_argument("--strict", action="store_true", help="also drop lists derived from the held-out one")
    parser.add_argument("--decodex", type=Path, default=SHARED / "data" / "reliability" / "decodex.json")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    if not (PAGES / "ground-truth.json").exists():
        sys.exit(f"../shared absent: no {PAGES}/ground-truth.json")
    extra = [(args.decodex, "decodex")] if args.decodex.exists() else []
    full_registry = Ratings.from_lists(Registry(extra_files=extra).lists.values())
    pages = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    rated = {pid: p["url"] for pid, p in pages.items() if (m := full_registry.lookup_domain(p["url"])) and m.ratings}
    print(f"{len(rated)} of {len(pages)} pages have a rated publisher "
          f"({len({full_registry.lookup_domain(u).domain for u in rated.values()})} domains); "
          f"analysis: {'recoupe.analyze (full)' if args.full else 'publisher only (url)'}")
    analyses, failures = {}, 0
    for pid, url in rated.items():
        try:
            analyses[pid] = article(url, pid, args.full)
        except Exception as exc:  # the full pipeline is optional here: fall back to the publisher alone
            failures += 1
            analyses[pid] = article(url, pid, False)
            if failures == 1:
                print(f"recoupe.analyze failed ({type(exc).__name__}: {exc}); using publisher-only analyses")
    if failures:
        print(f"{failures} page(s) fell back to publisher-only analysis")
    print(f"{'held-out list':<14} {'pages':>5} {'pairs':>6} {'concordant':>10} {'untied':>7}"
          "   (score computed without the held-out list; untied = over pairs the score does not tie)")
    results: dict = {"analysis": "full" if args.full else "publisher", "held_out": {}}
    for held_out in full_registry.lists:
        dropped = {held_out} | (DERIVED_FROM.get(held_out, set()) if args.strict else set())
        ratings = full_registry.without(*dropped)
        xs, ys = [], []
        for pid, url in rated.items():
            truth = list_score(full_registry, held_out, url)
            if truth is None:
                continue
            judgement = assess(analyses[pid], ratings)  # judges the findings alone, held-out list left out
            signals, cred = judgement.signals, judgement.credibility
            publisher_known = any(s.name == "publisher_rating" and s.value is not None for s in signals)
            if cred.score is None or not publisher_known:
                continue  # only the held-out list rates this publisher: nothing to compare
            xs.append(truth)
            ys.append(cred.score)
        share, n_pairs, untied = concordance(xs, ys)
        print(f"{held_out + (' (strict)' if dropped != {held_out} else ''):<14} {len(xs):>5} {n_pairs:>6} "
              f"{share:>10.3f} {untied:>7.3f}")
        results["held_out"][held_out] = {"pages": len(xs), "pairs": n_pairs, "concordant": share, "untied": untied}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
