"""Features shared by the genre and persuasion models: paragraphs, their vectors, and style.

Both models read the same paragraph vectors, computed once per body (``paragraph_vectors`` is
cached; ``prefetch_paragraph_vectors`` fills the cache for a whole batch in one encoder call), so
running genre after persuasion costs no second pass of the sentence encoder. Each paragraph is
embedded from its first ``MAX_WORDS`` words: the encoder's cost grows with length, and 25 words
instead of 40 cost both models several points (NOTES.md).
Style features are counts of punctuation, quotes, digits and pronouns that mean the same thing
in every training language, so what the models learn on German or Russian carries to French.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

MAX_WORDS = 40
# Genre and satire read the title and the lead paragraphs' vectors: the lead sets the tone, and
# a fixed count keeps their cost flat on long articles.
LEAD_PARAGRAPHS = 5

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+", re.UNICODE)
_SENT_END = re.compile(r"[.!?…]+(?:\s|$)")
_QUOTES = re.compile(r"[«»\"“”„]")
# First/second person forms in the six training languages (fr en de it pl ru): opinion pieces
# address and involve the reader; reporting keeps to the third person.
_FIRST = frozenset(
    "je j me m moi nous mon ma mes notre nos i me my we us our ich mich mir wir uns unser meine mein "
    "io mi noi ci mio mia nostro nostra ja mnie mi my nas nam mój moja nasz nasza я меня мне мы нас нам "
    "наш наша мой моя".split()
)
_SECOND = frozenset(
    "vous tu te toi votre vos ton ta tes you your du dich dir ihr euch dein deine tu ti voi vi tuo tua "
    "vostro vostra ty ciebie tobie wy was wam twój wasz ты тебя тебе вы вас вам ваш ваша твой".split()
)

# Reporting attributes what it states to a source; opinion asserts. Said-verbs and "according to"
# in the six training languages (fr en de it pl ru); a short list, like the pronouns above.
_ATTRIBUTION = re.compile(
    r"\b(said|says|told|according to|announced|stated|reported|déclaré|a dit|a indiqué|selon|a affirmé|"
    r"a annoncé|a expliqué|a précisé|sagte|sagt|erklärte|laut|teilte|berichtete|ha detto|ha dichiarato|"
    r"secondo|ha affermato|ha spiegato|powiedział|powiedziała|według|poinformował|stwierdził|oświadczył|"
    r"сказал|сказала|заявил|заявила|сообщил|сообщила|по словам|по данным|отметил)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
REPORTING_CUE_NAMES = ("attributed_sentences", "quoted_sentences")

STYLE_NAMES = (
    "log_words",
    "words_per_sentence",
    "questions_per_sentence",
    "exclamations_per_sentence",
    "quotes_per_100_words",
    "digit_words",
    "capitalised_words",
    "first_person",
    "second_person",
    "ellipses_per_sentence",
    "parentheses_per_100_words",
    "colons_per_sentence",
    "mean_word_length",
    "dashes_per_100_words",
)


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed, so ``body[start:end]`` is the paragraph."""
    spans = []
    for m in _LINE.finditer(body):
        text = m.group()
        stripped = text.strip()
        if stripped:
            start = m.start() + (len(text) - len(text.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def truncate(text: str, max_words: int = MAX_WORDS) -> str:
    """The first ``max_words`` whitespace words: what the encoder sees of a paragraph."""
    words = text.split()
    return text if len(words) <= max_words else " ".join(words[:max_words])


class VectorCache:
    """Paragraph vectors keyed by an article's paragraph texts, at most ``size`` articles (least
    recently used out first): genre and persuasion read the same ones, and a batch prefetches a
    whole chunk of articles in one encoder call. An ``Analyzer`` keeps one per chunk and makes it
    the active cache while it assembles the chunk's reports (:func:`active_cache`); a call outside
    any uses the small default cache of the process."""

    def __init__(self, size: int | None = 64) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[str, ...], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the pipeline prefetches on its encoder thread

    def get(self, key: tuple[str, ...]) -> np.ndarray | None:
        return self.entries.get(key)

    def put(self, key: tuple[str, ...], vecs: np.ndarray) -> np.ndarray:
        with self._lock:
            self.entries[key] = vecs
            self.entries.move_to_end(key)
            while self.size is not None and len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return vecs

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()


CACHE_ARTICLES = 64
_DEFAULT = VectorCache(CACHE_ARTICLES)
_VECTORS = _DEFAULT.entries  # the default cache's entries (tests inspect them)
_ACTIVE: ContextVar[VectorCache | None] = ContextVar("recoupe_vector_cache", default=None)


def _cache() -> VectorCache:
    return _ACTIVE.get() or _DEFAULT


@contextmanager
def active_cache(cache: VectorCache):
    """Make ``cache`` the one :func:`paragraph_vectors` reads and fills, in this context."""
    token = _ACTIVE.set(cache)
    try:
        yield cache
    finally:
        _ACTIVE.reset(token)


def _encode(texts: list[str]) -> np.ndarray:
    from recoupe.vectors import encode

    return encode([truncate(t) for t in texts])


def paragraph_vectors(texts: list[str] | tuple[str, ...]) -> np.ndarray:
    """(n, 512) vectors of the texts' first words, cached so genre and persuasion share them."""
    key = tuple(texts)
    cache = _cache()
    vecs = cache.get(key)
    return vecs if vecs is not None else cache.put(key, _encode(list(key)))


def prefetch_paragraph_vectors(articles: list[list[str]], cache: VectorCache | None = None) -> None:
    """Encode the paragraphs of several articles in one encoder call (larger batches run faster
    per paragraph) and keep them in ``cache`` (default: the active one) for :func:`paragraph_vectors`."""
    cache = cache or _cache()
    keys = list(dict.fromkeys(tuple(t) for t in articles if t and cache.get(tuple(t)) is None))
    if not keys:
        return
    vecs = _encode([text for key in keys for text in key])
    bounds = np.cumsum([0] + [len(key) for key in keys])
    for key, lo, hi in zip(keys, bounds[:-1], bounds[1:]):
        cache.put(key, vecs[lo:hi])


def clear_vector_cache() -> None:
    """Forget every paragraph vector of the default cache (benchmarks: each timed run pays the encoder)."""
    _DEFAULT.clear()


def paragraph_texts(body: str, paragraphs: list[tuple[int, int]] | None) -> tuple[list[tuple[int, int]], list[str]]:
    """(spans, texts) of the non-blank paragraphs the genre and persuasion models read."""
    spans = paragraphs if paragraphs is not None else split_paragraphs(body)
    spans = [(s, e) for s, e in spans if body[s:e].strip()]
    return spans, [body[s:e] for s, e in spans]


def style_features(text: str) -> np.ndarray:
    """Language-light style counts of one text, in the order of ``STYLE_NAMES``."""
    words = _WORD.findall(text)
    n_words = max(len(words), 1)
    n_sent = max(len(_SENT_END.findall(text)), 1)
    lower = [w.lower() for w in words]
    per100 = 100.0 / n_words
    feats = [
        np.log1p(len(words)),
        min(len(words) / n_sent, 80.0) / 20.0,
        text.count("?") / n_sent,
        text.count("!") / n_sent,
        len(_QUOTES.findall(text)) * per100,
        sum(any(c.isdigit() for c in w) for w in words) / n_words,
        sum(w[0].isupper() for w in words[1:]) / n_words,
        sum(w in _FIRST for w in lower) * per100,
        sum(w in _SECOND for w in lower) * per100,
        (text.count("…") + text.count("...")) / n_sent,
        text.count("(") * per100,
        text.count(":") / n_sent,
        sum(len(w) for w in words) / n_words / 5.0,
        (text.count("—") + text.count("–") + text.count(" - ")) * per100,
    ]
    return np.asarray(feats, dtype=np.float32)


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def article_features(title_vec: np.ndarray, para_vecs: np.ndarray, body: str, title: str) -> np.ndarray:
    """Satire input, and the first part of the genre input: mean lead-paragraph vector, title
    vector, style of body and of title."""
    lead = para_vecs[:LEAD_PARAGRAPHS]
    mean = _unit(lead.mean(axis=0)) if len(lead) else np.zeros_like(title_vec)
    return np.concatenate(
        [mean, title_vec, style_features(body), style_features(title), [np.log1p(body.count("\n") + 1)]]
    ).astype(np.float32)


def reporting_cues(text: str) -> np.ndarray:
    """Share of sentences that cite a source and that hold a quote, in ``REPORTING_CUE_NAMES`` order."""
    sentences = [s for s in _SENTENCE.findall(text) if s.strip()] or [""]
    n = len(sentences)
    return np.asarray(
        [sum(bool(_ATTRIBUTION.search(s)) for s in sentences) / n, sum(bool(_QUOTES.search(s)) for s in sentences) / n],
        dtype=np.float32,
    )


def genre_features(title_vec: np.ndarray, para_vecs: np.ndarray, body: str, title: str) -> np.ndarray:
    """Genre input: :func:`article_features`, the unit mean of every paragraph's vector (the
    encoder has embedded them all for persuasion anyway) and the body's reporting cues."""
    whole = _unit(para_vecs.mean(axis=0)) if len(para_vecs) else np.zeros_like(title_vec)
    return np.concatenate(
        [article_features(title_vec, para_vecs, body, title), whole, reporting_cues(body)]
    ).astype(np.float32)


def genre_feature_blocks(dim: int = 512) -> list[tuple[str, int]]:
    """(name, width) of each block of :func:`genre_features`, in order: vector blocks are
    content, the rest are named counts a reader can check against the text."""
    return [
        ("lead paragraphs' content", dim),
        ("title's content", dim),
        *[(f"body {name}", 1) for name in STYLE_NAMES],
        *[(f"title {name}", 1) for name in STYLE_NAMES],
        ("log_paragraphs", 1),
        ("all paragraphs' content", dim),
        *[(f"body {name}", 1) for name in REPORTING_CUE_NAMES],
    ]


def paragraph_features(vecs: np.ndarray, texts: list[str]) -> np.ndarray:
    """Persuasion input, one row per paragraph: its vector, the article's mean vector, its style
    and its relative position (techniques cluster in titles and conclusions)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, 2 * vecs.shape[1] + len(STYLE_NAMES) + 1), dtype=np.float32)
    mean = np.broadcast_to(_unit(vecs.mean(axis=0)), vecs.shape)
    styles = np.vstack([style_features(t) for t in texts])
    position = (np.arange(n, dtype=np.float32) / max(n - 1, 1))[:, None]
    return np.hstack([vecs, mean, styles, position]).astype(np.float32)
