"""CPU that the French word view (persuasion@6) adds to genre + persuasion per article: the same
parsed Docs (first 30 French SemEval articles, claims component's sentence vectors already on them)
run through ``genre_of_doc`` + ``persuasion_of_doc`` with the shipped words weight and with it set to
0 (the view skipped), alternating, best of 5 each; with and without trigger spans.

    PYTHONPATH=$PWD/src python benchmarks/persuasion_words_cost.py
"""
import time
import warnings

warnings.simplefilter("ignore")
from recoupe.analysis import genre, linear_model, persuasion, triggers  # noqa: E402

from recoupe.training.data import load_semeval  # noqa: E402

articles = load_semeval("fr")[:30]


from recoupe.nlp import build_nlp  # noqa: E402

nlp = build_nlp("fr")
docs = []
for a in articles:
    doc = nlp(a.body)
    doc._.recoupe_title, doc._.recoupe_paragraphs = a.title, None
    docs.append(doc)
model = linear_model.load("persuasion")
weight = model.meta["words_weight"]


def run(with_triggers: bool) -> float:
    triggers.candidates.cache_clear()
    t0 = time.process_time()
    for doc in docs:
        genre.genre_of_doc(doc)
        persuasion.persuasion_of_doc(doc, triggers=with_triggers)
    return time.process_time() - t0


for with_triggers in (False, True):
    best = {"words view": [], "no words view": []}
    run(with_triggers)  # warm
    for _ in range(5):
        for name, w in (("words view", weight), ("no words view", 0.0)):
            model.meta["words_weight"] = w
            best[name].append(run(with_triggers))
    model.meta["words_weight"] = weight
    on, off = min(best["words view"]), min(best["no words view"])
    print(f"triggers {'on ' if with_triggers else 'off'}: genre + persuasion {1000 * off / len(docs):.2f} -> "
          f"{1000 * on / len(docs):.2f} ms CPU per article ({100 * (on - off) / off:+.1f}%)", flush=True)
