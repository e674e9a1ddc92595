"""What the speaker scorer and the reported-speech filter cost: CPU time of the quote and hedge steps.

    python benchmarks/speaker_cost.py [--n 20] [--rounds 3]

Parses the first ``n`` French and ``n`` English SemEval-2023 articles (``../shared/data/genre/
semeval2023t3/<lang>/articles``, sorted by name) once, then, in the same process and alternating,
times ``find_quotes`` + ``find_hedges`` over every parsed Doc with the rules alone (the scorer step
bypassed: the speaker each quote had before it existed), with the speaker scorer, and with the
speaker scorer and the reported-speech filter (``quotes.reported``: its candidates and model);
the per-Doc caches the quote step builds are cleared before each pass. Prints the best of
``rounds`` for each, per language, and the ratio.
"""

from __future__ import annotations

import argparse
import time

from recoupe.analysis.hedges import find_hedges
import recoupe.analysis.quotes as quotes_step
from recoupe.analysis.quotes import find_quotes, speakers
from recoupe.nlp import get_nlp
from recoupe.paths import require_shared

CACHES = ("recoupe_entity_index", "recoupe_entity_gender", "recoupe_entity_descriptions", "recoupe_sentence_starts",
          "recoupe_body_mentions", "recoupe_role_holder", "recoupe_institution_heads", "recoupe_plural_subjects",
          "recoupe_speech_tokens_fr", "recoupe_speech_tokens_en")


def _pass(docs) -> float:
    for doc in docs:
        for key in CACHES:
            doc.user_data.pop(key, None)
    t0 = time.process_time()
    for doc in docs:
        find_quotes(doc)
        find_hedges(doc)
    return time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    scored = speakers._scored
    filtered = quotes_step.scored_quotes
    rules = lambda doc, cand, found, *rest: found  # noqa: E731
    none = lambda *args: []  # noqa: E731
    arms = {"rules alone": (rules, none), "speaker scorer": (scored, none), "scorer + reported filter": (scored, filtered)}
    for lang in ("fr", "en"):
        folder = require_shared("data", "genre", "semeval2023t3", lang, "articles")
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[: args.n]]
        nlp = get_nlp(lang, ("recoupe_entities", "recoupe_quotes", "recoupe_hedges"))
        docs = list(nlp.pipe(texts))
        times = {arm: [] for arm in arms}
        for _ in range(args.rounds):
            for arm, (speaker_step, reported_step) in arms.items():
                speakers._scored = speaker_step
                quotes_step.scored_quotes = reported_step
                times[arm].append(_pass(docs))
        speakers._scored = scored
        quotes_step.scored_quotes = filtered
        best = {k: min(v) for k, v in times.items()}
        base = best["rules alone"]
        print(f"{lang}: {len(docs)} articles, quotes + hedges CPU, best of {args.rounds}: "
              + ", ".join(f"{arm} {t:.3f} s ({t / base - 1:+.1%})" for arm, t in best.items()))


if __name__ == "__main__":
    main()
