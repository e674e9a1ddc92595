"""CPU per article of genre + persuasion on already-parsed French Docs (first 30 French SemEval
articles, parsed once by the full French pipeline, so the claims component's sentence vectors are
on them): ``genre_of_doc`` + ``persuasion_of_doc``, with and without trigger spans, best of 7.
Run it on two trees to compare (issue 15, fifth round: persuasion@5 with its n-gram view against
persuasion@6 with the word view):

    PYTHONPATH=$PWD/src python benchmarks/persuasion_words_cost.py
    git archive 271c988 src | tar -x -C /tmp/before
    RECOUPE_SHARED=$PWD/../shared PYTHONPATH=/tmp/before/src python benchmarks/persuasion_words_cost.py
"""
import time
import warnings

warnings.simplefilter("ignore")
from recoupe.analysis import genre, persuasion, triggers  # noqa: E402
from recoupe.nlp import build_nlp  # noqa: E402
from recoupe.training.data import load_semeval  # noqa: E402

nlp = build_nlp("fr")
docs = []
for a in load_semeval("fr")[:30]:
    doc = nlp(a.body)
    doc._.recoupe_title, doc._.recoupe_paragraphs = a.title, None
    docs.append(doc)


def run(with_triggers: bool) -> float:
    triggers.candidates.cache_clear()
    t0 = time.process_time()
    for doc in docs:
        genre.genre_of_doc(doc)
        persuasion.persuasion_of_doc(doc, triggers=with_triggers)
    return time.process_time() - t0


for with_triggers in (False, True):
    run(with_triggers)  # warm: models loaded
    best = min(run(with_triggers) for _ in range(7))
    print(f"triggers {'on ' if with_triggers else 'off'}: genre + persuasion {1000 * best / len(docs):.2f} ms CPU per article",
          flush=True)
