"""Print the quotes, hedges and irony recoupe finds in real French articles, for a human precision read.

This prints every finding with its sentence and a running number, for a reader to mark right or
wrong on articles nobody annotated; the scored evaluation against the hand-annotated gold is
``recoupe eval attribution`` (:mod:`recoupe.evaluation.attribution`).  Usage:

    recoupe eval quotes --n 10            # first 10 SemEval-2023 fr articles
    recoupe eval quotes --n 10 --skip 40  # the next ones
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from recoupe.nlp import get_nlp
from recoupe.paths import shared_dir

COMPONENTS = ("recoupe_entities", "recoupe_quotes", "recoupe_hedges", "recoupe_irony")


def build_pipeline(lang: str):
    """The recoupe pipeline restricted to entities, quotes, hedges and irony."""
    return get_nlp(lang, COMPONENTS)


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10, help="number of articles")
    parser.add_argument("--skip", type=int, default=0, help="articles to skip first (sorted by name)")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--dir", type=Path, default=None, help="folder of .txt articles")
    args = parser.parse_args(argv)
    folder = args.dir or shared_dir() / "data" / "genre" / "semeval2023t3" / args.lang / "articles"
    if not folder.is_dir():
        print(f"no articles at {folder}", file=sys.stderr)
        return 2
    paths = sorted(folder.glob("*.txt"))[args.skip : args.skip + args.n]
    nlp = build_pipeline(args.lang)
    counts: Counter = Counter()
    started = time.time()
    item = 0
    for path in paths:
        doc = nlp(path.read_text(encoding="utf-8", errors="replace"))
        print(f"\n=== {path.name}")
        for q in doc._.quotes:
            item += 1
            counts[f"quote:{q.kind}"] += 1
            speaker = q.speaker.text if q.speaker else None
            print(f"[{item}] QUOTE {q.kind} {q.producer} conf={q.confidence}\n"
                  f"     cue={q.cue.text if q.cue else None!r} speaker={speaker!r} -> {q.speaker_canonical!r}"
                  f" role={q.speaker_role!r}\n     content={_short(q.content.text)!r}")
        for h in doc._.hedges:
            item += 1
            counts[f"hedge:{h.kind}"] += 1
            print(f"[{item}] HEDGE {h.kind} {h.producer} conf={h.confidence} cue={h.text!r}\n"
                  f"     sentence={_short(h.sentence.text if h.sentence else '')!r}")
        for irony in doc._.irony:
            item += 1
            counts["irony"] += 1
            print(f"[{item}] IRONY conf={irony.confidence} {_short(irony.text)!r}\n"
                  f"     evidence={[e.text for e in irony.evidence]}")
    elapsed = time.time() - started
    print(f"\n{len(paths)} articles in {elapsed:.1f}s; findings: {dict(sorted(counts.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
