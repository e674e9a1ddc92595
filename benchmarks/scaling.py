"""How the cost of one analysis grows with the length of the text (issue 10).

    .venv/bin/python benchmarks/scaling.py [--sizes 1000,10000,100000,1000000] [--light] [--stages]

Texts are the French SemEval-2023 articles in ../shared (``fr/articles/*.txt``) concatenated, in
file order, and cut at the size (repeated if the corpus is shorter). Each size runs in its own
subprocess: the models are loaded and warmed on a short article first, then ``recoupe.analyze``
runs once on the long text; the child reports wall time, CPU time and peak resident memory
(``ru_maxrss``: the whole process, models included). ``--stages`` also prints where the time went
(spaCy's model components vs each recoupe component vs the report layers), from a profile.

The exponent k of time ~ size^k is fitted between the two largest sizes (target: <= 1.15 from
100k to 1M characters; peak memory under 3 GB at 1M).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

CHILD = r"""
import json, resource, sys, time, cProfile, pstats, io
sys.path.insert(0, {src!r})
from recoupe.pipeline import analyze, Options
size, light, stages = {size}, {light}, {stages}
text = open({path!r}, encoding="utf-8").read()
options = Options(genre=not light, persuasion=not light, credibility=not light, time_budget=None)
analyze(text[:3000], options=options)  # load and warm the models
rss_warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
profile = cProfile.Profile() if stages else None
t0, c0 = time.perf_counter(), time.process_time()
if profile: profile.enable()
report = analyze(text[:size], options=options)
if profile: profile.disable()
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
out = dict(size=size, wall=wall, cpu=cpu, peak=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
           warm_peak=rss_warm, entities=len(report.entities), quotes=len(report.quotes), claims=len(report.claims),
           warnings=report.warnings)
if profile:
    st = pstats.Stats(profile)
    wanted = {{"find_entities": "entities", "find_quotes": "quotes", "find_hedges": "hedges", "find_irony": "irony",
               "find_claims": "claims", "classify_genre": "genre", "detect_persuasion": "persuasion",
               "assess": "credibility", "attach_source_chain": "chain", "extract": "extract", "predict": "spacy models"}}
    found = {{}}
    for (file, line, name), row in st.stats.items():
        if name in wanted and ("recoupe" in file or name == "predict" and "thinc/model.py" in file):
            found[wanted[name]] = found.get(wanted[name], 0.0) + row[3]
    out["stages"] = found
print("RESULT " + json.dumps(out))
"""


def corpus_text(limit_chars: int) -> str:
    from recoupe.paths import require_shared

    folder = require_shared("data", "genre", "semeval2023t3", "fr", "articles")
    parts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    text = "\n\n".join(parts)
    while len(text) < limit_chars:
        text += "\n\n" + text
    return text[:limit_chars]


def run(size: int, path: Path, light: bool, stages: bool) -> dict:
    code = CHILD.format(src=str(SRC), size=size, light=light, stages=stages, path=str(path))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"size {size}: child failed\n{proc.stderr[-3000:]}")
    return json.loads(line[len("RESULT "):])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--light", action="store_true", help="no genre, persuasion or credibility")
    parser.add_argument("--stages", action="store_true", help="profile and print time per stage")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        path.write_text(corpus_text(max(sizes)), encoding="utf-8")
        rows = []
        print(f"{'chars':>10} {'wall s':>9} {'cpu s':>9} {'peak MB':>9} {'warm MB':>9} {'entities':>9} {'quotes':>7} {'claims':>7}")
        for size in sizes:
            r = run(size, path, args.light, args.stages)
            rows.append(r)
            print(f"{size:>10,} {r['wall']:>9.2f} {r['cpu']:>9.2f} {r['peak'] / 2**20:>9,.0f} {r['warm_peak'] / 2**20:>9,.0f} "
                  f"{r['entities']:>9} {r['quotes']:>7} {r['claims']:>7}", flush=True)
            if r.get("stages"):
                print("           " + ", ".join(f"{k} {v:.2f}s" for k, v in sorted(r["stages"].items(), key=lambda kv: -kv[1])))
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        ratio = math.log(b["size"] / a["size"])
        print(f"exponent {a['size']:,} -> {b['size']:,} chars: wall {math.log(b['wall'] / a['wall']) / ratio:.2f}, "
              f"cpu {math.log(b['cpu'] / a['cpu']) / ratio:.2f} (target <= 1.15); "
              f"peak memory at {b['size']:,}: {b['peak'] / 2**30:.2f} GB (target < 3 GB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
