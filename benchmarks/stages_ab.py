"""Same-process A/B of the entity, hedge, irony and furniture stages: a git revision's code vs the working tree.

    PYTHONPATH=src .venv/bin/python benchmarks/stages_ab.py [--base da69dee] [--limit 40]

The revision's ``entities.py``, ``hedges.py``, ``irony.py``, ``lexicons.py`` (the cue matcher) and
``extract/furniture.py`` are loaded beside the working tree's as separate modules; both run on the
same parsed French and English SemEval-2023 articles in one process (best of 14 runs, CPU time),
and their outputs are checked equal first. Entities run with the per-Doc reads cold (it is the first
recoupe component); hedges and irony with the shared per-Doc reads (token strings, string ids)
already made, as the components before them leave them.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from recoupe.paths import require_shared  # noqa: E402


def _load(name: str, base: str, path: str, folder: Path):
    target = folder / f"{name}.py"
    target.write_text(subprocess.run(["git", "show", f"{base}:{path}"], cwd=ROOT, check=True, capture_output=True,
                                     text=True).stdout, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, target)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _best(fn, items, prep=lambda: None, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        prep()
        start = time.process_time()
        for item in items:
            fn(item)
        times.append(time.process_time() - start)
    return 1000 * min(times) / len(items)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="da69dee")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    from recoupe.analysis import entities, hedges, irony
    from recoupe.extract import furniture
    from recoupe.ingest import from_string
    from recoupe.nlp import build_nlp
    from recoupe.pipeline import AnalyzerConfig, _prepare

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        old_lexicons = _load("old_lexicons", args.base, "src/recoupe/analysis/lexicons.py", folder)
        old_entities = _load("old_entities", args.base, "src/recoupe/analysis/entities.py", folder)
        old_hedges = _load("old_hedges", args.base, "src/recoupe/analysis/hedges.py", folder)
        old_irony = _load("old_irony", args.base, "src/recoupe/analysis/irony.py", folder)
        old_furniture = _load("old_furniture", args.base, "src/recoupe/extract/furniture.py", folder)
    old_hedges.cue_matcher = old_lexicons.cue_matcher
    old_irony.cue_matcher = old_lexicons.cue_matcher

    for lang in ("fr", "en"):
        paths = sorted(require_shared("data", "genre", "semeval2023t3", lang, "articles").glob("*.txt"))[: args.limit]
        texts = [p.read_text(encoding="utf-8") for p in paths]
        prepared = [_prepare(from_string(t), lang, AnalyzerConfig()) for t in texts]
        docs = list(build_nlp(lang).pipe([p.extracted.body for p in prepared]))

        def cold():
            for d in docs:
                for k in [k for k in d.user_data if isinstance(k, str) and k.startswith("recoupe") and k != "recoupe_text"]:
                    del d.user_data[k]

        rows = []
        for name, a, b, prep in (
            ("entities (per-Doc reads cold)", old_entities.find_entities, entities.find_entities, cold),
            ("hedges (shared per-Doc reads made)", old_hedges.find_hedges, hedges.find_hedges, lambda: None),
            ("irony (shared per-Doc reads made)", old_irony.find_irony, irony.find_irony, lambda: None),
        ):
            for d in docs:
                assert [x.model_dump() for x in a(d)] == [x.model_dump() for x in b(d)], name
            rows.append((name, min(_best(a, docs, prep) for _ in range(2)), min(_best(b, docs, prep) for _ in range(2))))
        assert repr([old_furniture.split_furniture(t) for t in texts]) == repr([furniture.split_furniture(t) for t in texts])
        rows.append(("furniture split", min(_best(old_furniture.split_furniture, texts) for _ in range(2)),
                     min(_best(furniture.split_furniture, texts) for _ in range(2))))
        print(f"{lang}, {len(docs)} SemEval-2023 articles, CPU ms per article ({args.base} -> working tree, same outputs):")
        for name, x, y in rows:
            print(f"  {name:<40}{x:7.2f} ->{y:6.2f}  ({y - x:+.2f})")
        print(f"  {'together':<40}{sum(r[1] for r in rows):7.2f} ->{sum(r[2] for r in rows):6.2f}  "
              f"({sum(r[2] - r[1] for r in rows):+.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
