"""Is one article a translation of the other? Sentence-by-sentence alignment across languages.

A translation keeps the sentences, their order and their numbers; a different article about the
same story in another language shares the topic but not the sentence-by-sentence alignment. The
decision is a logistic model (``resources/models/translation``, trained by
``python -m recoupe.training.similarity`` with machine translations as positives and
cross-lingual same-story pairs as hard negatives) over :func:`translation_features`, computed from
the same :class:`~recoupe.corpus.similarity.Profile` the stories use. What the text says about
itself (*traduit par*, *Version originale*, *translated from*) is reported beside the score as
evidence, and decides the direction when the dates cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from recoupe.corpus.similarity import Profile, alignment, names_apart, same_story_threshold, similarity

MODEL_NAME = "translation"

FEATURES = (
    "align_strong", "align_order", "align_mean", "align_top", "cos_full", "sent_ratio",
    "numbers_jaccard", "chars_log_ratio",
)

# Phrases by which an article says it is a translation (source: the wording of French, English,
# German, Spanish and Italian outlets' translation notices, e.g. Business Insider France's
# "Version originale", Courrier international's "traduit de l'anglais").
_CUES = re.compile(
    r"\b(?:version originale|article original|traduit(?:e|es|s)? (?:de l'|de l’|du |de |par )|traduction(?: de| :)"
    r"|translated (?:from|by)|this article (?:was )?originally (?:appeared|published) (?:in|on)|original article"
    r"|übersetzt (?:aus|von)|originalversion|traducido (?:del|de|por)|versión original|tradotto (?:da|dal)"
    r"|versione originale)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cue:
    text: str
    start: int
    end: int


def translation_cues(text: str) -> list[Cue]:
    """Where the text says it is a translation (offsets into ``text``)."""
    return [Cue(m.group(), m.start(), m.end()) for m in _CUES.finditer(text)]


def translation_features(a: Profile, b: Profile) -> np.ndarray:
    al = alignment(a, b)
    na, nb = len(a.sent_vecs), len(b.sent_vecs)
    nums = len(a.numbers & b.numbers) / len(a.numbers | b.numbers) if a.numbers and b.numbers else 0.0
    chars = abs(np.log((a.chars + 1) / (b.chars + 1)))
    return np.array([
        al["align_strong"], al["align_order"], al["align_mean"], al["align_top"], float(a.full_vec @ b.full_vec),
        min(na, nb) / max(na, nb, 1), nums, min(chars, 3.0),
    ], dtype=np.float32)


def _model():
    from recoupe.analysis.linear_model import load

    return load(MODEL_NAME)


def probability_from_features(X: np.ndarray) -> np.ndarray:
    return _model().sigmoid(np.atleast_2d(X))[:, 0]


def translation_probability(a: Profile, b: Profile) -> float:
    """Probability that one of the two articles translates the other. Articles in the same
    language are never translations of each other (they are duplicates or syndications)."""
    if a.lang and b.lang and a.lang == b.lang:
        return 0.0
    return float(probability_from_features(translation_features(a, b)[None, :])[0])


def threshold() -> float:
    return float(_model().meta["threshold"])


def is_translation(a: Profile, b: Profile) -> bool:
    return translation_probability(a, b) >= threshold()


def which_translates(a_text: str, b_text: str, a_date=None, b_date=None) -> int | None:
    """Given a translation pair, which one is the translation: 0 (a), 1 (b) or None when nothing
    tells. The text saying so (*traduit par*, *Version originale*) decides first, then the later date."""
    ca, cb = bool(translation_cues(a_text)), bool(translation_cues(b_text))
    if ca != cb:
        return 0 if ca else 1
    if a_date and b_date and a_date != b_date:
        return 0 if a_date > b_date else 1
    return None


def producer() -> str:
    return _model().producer


# -- the decisions stories make: similarity or translation ------------------------------------------


def same_story(a: Profile, b: Profile) -> bool:
    """Same story: one translates the other (SemEval's pairs never pair an article with its own
    translation, so the similarity model has not learnt that case), or similar enough and not
    :func:`~recoupe.corpus.similarity.names_apart` (each title names a person or organisation the
    other article never mentions: same people, different event)."""
    return story_similarity(a, b) >= same_story_threshold()


def story_similarity(a: Profile, b: Profile, threshold: float | None = None) -> float:
    """The similarity stories use: 1 for a translation, else the article similarity, kept just under
    the same-story ``threshold`` (default the model's) when the titles are names apart. Measured on
    SemEval-2022 T8 with NER on the English and French pairs: ``python benchmarks/story_veto.py``."""
    if a.lang != b.lang and is_translation(a, b):
        return 1.0
    s = similarity(a, b)
    if names_apart(a, b):
        cut = same_story_threshold() if threshold is None else threshold
        return min(s, float(np.nextafter(cut, 0.0)))
    return s
