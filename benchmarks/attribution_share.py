"""The attribution step's share of the per-article time (issue 14's cost bound), on any checkout of recoupe.

    .venv/bin/python benchmarks/attribution_share.py [--limit N] [--rounds R]
    PYTHONPATH=/path/to/an/older/checkout/src .venv/bin/python benchmarks/attribution_share.py

Issue 14 allows the attribution step to cost at most 20% more than its share of the per-article time
when the issue was filed. Components change their inputs from one version to the next (the models
read paragraphs since session 19), so the share is measured the same way on both versions, through
the public entry point only: the full default analysis (``analyze_many``) of the French SemEval
articles, with the CPU time spent inside the ``recoupe_quotes`` and ``recoupe_hedges`` spaCy components
counted apart (each wrapped after a warm-up pass has built the pipelines). Each round keeps the
analysis's total; the best round is printed. Run it with ``PYTHONPATH`` pointing at a checkout of the
commit the issue started from (2bc2495) for the reference share, then on the current tree.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

if not os.environ.get("PYTHONPATH"):  # a PYTHONPATH names the checkout to measure; else this tree's
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from spacy.language import Language  # noqa: E402

import recoupe.pipeline as pipeline  # noqa: E402
from recoupe.paths import require_shared  # noqa: E402

ATTRIBUTION = ("recoupe_quotes", "recoupe_hedges")


class _Timed:
    """A spaCy component that adds its CPU time to a shared counter."""

    def __init__(self, proc, spent: list[float]):
        self.proc, self.spent = proc, spent

    def __call__(self, doc):
        start = time.process_time()
        try:
            return self.proc(doc)
        finally:
            self.spent[0] += time.process_time() - start

    def __getattr__(self, name):  # the wrapped component's attributes (not ``proc`` itself: no recursion on a copy)
        if name == "proc":
            raise AttributeError(name)
        return getattr(self.proc, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40, help="French SemEval articles analysed")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds after the warm-up; the best is kept")
    args = parser.parse_args(argv)
    folder = require_shared("data", "genre", "semeval2023t3", "fr", "articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:args.limit]]
    # the older versions call their options object Options, the newer AnalyzerConfig
    config = getattr(pipeline, "AnalyzerConfig", None) or getattr(pipeline, "Options")

    def run() -> float:
        start = time.process_time()
        failed = [r for r in pipeline.analyze_many(texts, lang="fr", options=config()) if type(r).__name__ == "Failed"]
        if failed:
            raise SystemExit(f"{len(failed)} articles failed: {failed[0]}")
        return time.process_time() - start

    run()  # the warm-up builds the pipelines and loads the models
    spent = [0.0]
    wrapped = 0
    for nlp in (o for o in gc.get_objects() if isinstance(o, Language)):
        for i, (name, proc) in enumerate(nlp._components):
            if name in ATTRIBUTION and not isinstance(proc, _Timed):
                nlp._components[i] = (name, _Timed(proc, spent))
                wrapped += 1
    if not wrapped:
        raise SystemExit("no attribution component found in the pipelines the analysis built")
    best = None
    for _ in range(args.rounds):
        spent[0] = 0.0
        total = run()
        if best is None or total < best[0]:
            best = (total, spent[0])
    total, attribution = best
    n = len(texts)
    print(f"{n} French articles, {pipeline.__file__}")
    print(f"per article: {1000 * total / n:.1f} ms in all, {1000 * attribution / n:.1f} ms in"
          f" {' + '.join(ATTRIBUTION)}: attribution share {attribution / total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
