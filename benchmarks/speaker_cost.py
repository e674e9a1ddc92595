"""What the speaker scorer costs: CPU time of the quote and hedge steps with and without it.

    python benchmarks/speaker_cost.py [--n 20] [--rounds 3]

Parses the first ``n`` French and ``n`` English SemEval-2023 articles (``../shared/data/genre/
semeval2023t3/<lang>/articles``, sorted by name) once, then, in the same process and alternating,
times ``find_quotes`` + ``find_hedges`` over every parsed Doc with the rules alone (the scorer step
bypassed: the speaker each quote had before it existed) and with the speaker scorer;
the per-Doc caches the quote step builds are cleared before each pass. Prints the best of
``rounds`` for each, per language, and the ratio.
"""

from __future__ import annotations

import argparse
import time

from recoupe.analysis.hedges import find_hedges
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
    arms = {"rules alone": lambda doc, cand, found, *rest: found, "speaker scorer": scored}
    for lang in ("fr", "en"):
        folder = require_shared("data", "genre", "semeval2023t3", lang, "articles")
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[: args.n]]
        nlp = get_nlp(lang, ("recoupe_entities", "recoupe_quotes", "recoupe_hedges"))
        docs = list(nlp.pipe(texts))
        times = {arm: [] for arm in arms}
        for _ in range(args.rounds):
            for arm, speaker_step in arms.items():
                speakers._scored = speaker_step
                times[arm].append(_pass(docs))
        speakers._scored = scored
        best = {k: min(v) for k, v in times.items()}
        base = best["rules alone"]
        print(f"{lang}: {len(docs)} articles, quotes + hedges CPU, best of {args.rounds}: "
              + ", ".join(f"{arm} {t:.3f} s ({t / base - 1:+.1%})" for arm, t in best.items()))


if __name__ == "__main__":
    main()
