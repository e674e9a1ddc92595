"""CPU per article that claims, genre and persuasion (with their vectors and trigger spans) cost
in the pipeline: the full findings minus a run without them, on the first 20 French SemEval
articles, one process, ``Analyzer.analyze_many``, warm, best of 2 (CPU of all threads).

    PYTHONPATH=$PWD/src python benchmarks/shared_vectors_cost.py
    # the tree before issue 15's third round, for comparison:
    git archive a4b0e07 src | tar -x -C /tmp/before
    RECOUPE_SHARED=$PWD/../shared PYTHONPATH=/tmp/before/src python benchmarks/shared_vectors_cost.py
"""
import time, warnings, sys
warnings.simplefilter("ignore")
from recoupe.training.data import load_semeval
from recoupe.pipeline import Analyzer, AnalyzerConfig
from recoupe.nlp import COMPONENTS
from recoupe.analysis import triggers

texts = ["\n".join([a.title, a.body]) for a in load_semeval("fr")[:20]]
without = tuple(n for n, _ in COMPONENTS if n != "recoupe_claims")
configs = {"full": AnalyzerConfig(credibility=False),
           "no claims/genre/persuasion": AnalyzerConfig(credibility=False, genre=False, persuasion=False, components=without)}
res = {}
for name, cfg in configs.items():
    an = Analyzer(cfg)
    list(an.analyze_many(texts, lang="fr"))  # warm
    best = None
    for _ in range(2):
        triggers.candidates.cache_clear()
        try:
            from recoupe.analysis import style
            style.clear_vector_cache()
        except AttributeError:
            pass
        t0, w0 = time.process_time(), time.perf_counter()
        out = list(an.analyze_many(texts, lang="fr"))
        cpu, wall = time.process_time() - t0, time.perf_counter() - w0
        assert all(not hasattr(r, "error") for r in out)
        best = (cpu, wall) if best is None or cpu < best[0] else best
    res[name] = best
    print(f"{name:30s} CPU {1000*best[0]/len(texts):7.1f} ms/article  wall {1000*best[1]/len(texts):7.1f}", flush=True)
d = res["full"][0] - res["no claims/genre/persuasion"][0]
print(f"claims + genre + persuasion (+ vectors, triggers): {1000*d/len(texts):.1f} ms CPU per article")
