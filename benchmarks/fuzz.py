"""The long fuzz run (issue 10): many mutants of real articles, any seed.

    .venv/bin/python benchmarks/fuzz.py [--n 4000] [--seed 1] [--full] [--scale 20000] [--chars 0] [--budget 60]

Articles: the French and English SemEval-2023 articles in ../shared (whole, unless --chars cuts
them). Each mutant gets one to three damages (see ``recoupe.evaluation.fuzz``); ``--scale`` bounds inserted
runs (20,000 by default: the issue's pathological ')' run). Prints the counts of analysed and failed
mutants, failure reasons, raw exceptions, offset errors and documents over the budget, the
slowest batch and the peak memory; exits 1 if any invariant broke. The suite runs the short
version (``tests/test_fuzz.py``: 252 mutants of 2,500-character articles, fixed seeds).

Measured: 300 mutants (light, --scale 20000) took 793 s of wall time on a 2-core machine at load 9-12.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.evaluation import fuzz  # noqa: E402
from recoupe.paths import require_shared  # noqa: E402
from recoupe.pipeline import AnalyzerConfig  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--full", action="store_true", help="every layer (genre, persuasion, credibility)")
    parser.add_argument("--scale", type=int, default=20_000, help="longest inserted run")
    parser.add_argument("--chars", type=int, default=0, help="cut each article to this many characters (0: whole)")
    parser.add_argument("--budget", type=float, default=60.0, help="time budget per document, seconds")
    args = parser.parse_args(argv)
    articles = []
    for lang in ("fr", "en"):
        folder = require_shared("data", "genre", "semeval2023t3", lang, "articles")
        articles += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if args.chars:
        articles = [a[: args.chars] for a in articles]
    config = AnalyzerConfig(genre=args.full, persuasion=args.full, credibility=args.full, time_budget=args.budget)
    started = time.monotonic()

    def progress(i: int, r: fuzz.FuzzResult) -> None:
        if i % 100 == 0:
            print(f"  {i:>6} mutants, {time.monotonic() - started:,.0f} s, {len(r.raw_exceptions)} raw exceptions, "
                  f"{len(r.bad_offsets)} offset errors, {len(r.over_budget)} over budget", flush=True)

    r = fuzz.run(articles, seed=args.seed, n=args.n, config=config, scale=args.scale, progress=progress)
    print(f"mutants {r.mutants}, analysed {r.analysed}, failed {sum(r.failed.values())}, spans checked {r.spans:,}")
    print("damages: " + ", ".join(f"{k} {v}" for k, v in sorted(r.damages.items())))
    print("failure reasons: " + ", ".join(f"{k!r} {v}" for k, v in r.failed.most_common(8)))
    print(f"raw exceptions {len(r.raw_exceptions)}, offset errors {len(r.bad_offsets)}, over budget {len(r.over_budget)}")
    for line in (r.raw_exceptions + r.bad_offsets + r.over_budget)[:20]:
        print("  " + line[:300])
    print(f"slowest batch or document {r.slowest:.1f} s; wall {time.monotonic() - started:,.0f} s; "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GB")
    return 0 if r.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
