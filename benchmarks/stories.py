"""Per-article story assignment time as the corpus grows: 1k, 10k and 100k articles.

    python benchmarks/stories.py [--sizes 1000,10000,100000] [--real]

Profiles are SYNTHETIC at every size (title, lead and sentence vectors drawn around random story
centres, dates spread over a year, names from a story's pool), because encoding 100,000 real
articles would take hours here; ``--real`` adds a run on the 2,775 real SemEval-2022 articles
(undated, so the LSH and entity-key path) from the training cache. The assignment code is
``recoupe.corpus.stories.StoryIndex``, the one the corpus runs, with the shipped similarity model.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.corpus import similarity as sim  # noqa: E402
from recoupe.corpus.stories import StoryIndex  # noqa: E402

DIM = 512


def _unit(x):
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def synthetic(n: int, seed: int = 13):
    """n profiles in n/5 stories of ~5 articles, over 365 days."""
    rng = np.random.RandomState(seed)
    n_stories = max(1, n // 5)
    centres = _unit(rng.standard_normal((n_stories, DIM)))
    start = datetime(2026, 1, 1)
    story_day = rng.uniform(0, 365, n_stories)
    out = []
    for k in range(n):
        s = rng.randint(n_stories)
        def near(scale, c=centres[s]):
            return _unit(c + scale * rng.standard_normal(DIM) / np.sqrt(DIM))
        sents = np.stack([near(1.2) for _ in range(8)])
        out.append((f"a{k}", sim.Profile(
            lang="en", title_vec=near(0.8), lead_vec=near(0.6), head_vec=near(0.7), full_vec=near(0.6),
            next_vec=near(0.9), sent_vecs=sents, sent_chars=np.full(8, 120, np.float32),
            numbers=frozenset({str(s % 97 + 10)}), names=frozenset({f"name{s}", f"name{s + 1}"}),
            date=start + timedelta(days=float(story_day[s] + rng.uniform(0, 2))), chars=1000,
        ), [f"PER:name{s}"]))
    return out


def run(items, label: str) -> None:
    index = StoryIndex()
    t0, c0 = time.perf_counter(), time.process_time()
    for aid, p, keys in items:
        index.assign(aid, p, keys=keys, language=p.lang)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    # wall time depends on what else the machine runs; CPU time (all threads) is what the work costs
    print(f"{label:<32} {len(items):>7} articles  {len(index.stories):>7} stories  "
          f"{1000 * dt / len(items):6.2f} ms/article wall ({dt:6.1f} s)  {1000 * dc / len(items):6.2f} ms CPU "
          f"({dc:6.1f} s)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--real", action="store_true")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        run(synthetic(n), "synthetic profiles, dated")
    if args.real:
        from recoupe.training.similarity import load, profiles_for

        articles, _ = load()
        profs = profiles_for(articles)
        run([(i, p, sorted(p.names)[:5]) for i, p in profs.items()], "real SemEval articles, undated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
