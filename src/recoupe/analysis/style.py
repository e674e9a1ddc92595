"""Features shared by the genre and persuasion models: paragraphs, their vectors, and style.

Both models read the same paragraph vectors, made from the sentence vectors the claims component
already computes (``recoupe.analysis.claims.sentence_vectors``): each paragraph's vector is the
unit mean of its sentences' vectors (:func:`pooled_paragraph_vectors`), so an article pays one
pass of the sentence encoder for claims, genre and persuasion, and the models read the whole
paragraph rather than its first 40 words (persuasion micro-F1 +0.009 French, +0.013 on the other
languages: NOTES.md, issue 15). A text with no parse is split by :func:`split_sentences`.
Style features are counts of punctuation, quotes, digits and pronouns that mean the same thing
in every training language, so what the models learn on German or Russian carries to French.
"""

from __future__ import annotations

import bisect
import re

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


MIN_SENTENCE_WORDS = 3


def sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text[start:end]`` between line breaks, trimmed, of at least
    ``MIN_SENTENCE_WORDS`` words: in plain-text articles a line break always ends a sentence, and
    shorter pieces are title fragments, bullets and bylines. Both sentence splitters below (the
    parser's, through the claims component, and the regular expression) go through here."""
    out, pos = [], start
    for line in re.split(r"(\n)", text[start:end]):
        s, e = pos, pos + len(line)
        pos = e
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if len(_WORD.findall(text[s:e])) >= MIN_SENTENCE_WORDS:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds for a text without a spaCy parse (a language with no pipeline): a split
    after ``.!?…``, then :func:`sentence_pieces`. The parsed languages use the parser's sentences
    (``recoupe.analysis.claims.sentence_vectors``)."""
    return [piece for m in _SENTENCE.finditer(text) for piece in sentence_pieces(text, m.start(), m.end())]


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors of ``texts`` (the multilingual sentence encoder, one call)."""
    from recoupe.vectors import encode as encode_texts

    return encode_texts(list(texts))


def text_sentence_vectors(text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
    """(bounds, vectors) of the sentences of a text with no parse: :func:`split_sentences`, encoded."""
    bounds = split_sentences(text)
    return bounds, encode([text[s:e] for s, e in bounds])


def paragraph_vectors(body: str, spans: list[tuple[int, int]],
                      sentences: tuple[list[tuple[int, int]], np.ndarray] | None = None) -> np.ndarray:
    """(n, 512) vectors of the paragraphs ``spans`` of ``body``, pooled from ``sentences`` (bounds,
    vectors: ``claims.sentence_vectors`` of the Doc), or, for a text with no parse, from
    :func:`text_sentence_vectors`."""
    bounds, vecs = sentences if sentences is not None else text_sentence_vectors(body)
    return pooled_paragraph_vectors(body, spans, bounds, vecs)


def sentence_ranges(spans: list[tuple[int, int]], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each paragraph ``span``, the range [lo, hi) of the sentences (``bounds``, in text order) that
    start inside it: a sentence belongs to the paragraph its first character is in. One rule for every
    reader of the sentence vectors per paragraph (the pooled paragraph vector, persuasion's sentence view)."""
    starts = [s for s, _ in bounds]
    return [(bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)) for s, e in spans]


def pooled_paragraph_vectors(body: str, spans: list[tuple[int, int]], bounds: list[tuple[int, int]],
                             vecs: np.ndarray) -> np.ndarray:
    """(n, 512) paragraph vectors from sentence vectors: the unit mean of the vectors of the
    sentences (``bounds``, offsets into ``body``) that start inside each paragraph ``span``. A
    sentence belongs to the paragraph its first character is in (the splitters cut sentences at
    line breaks, so with line paragraphs none straddles two). A paragraph with no sentence (a
    fragment under ``MIN_SENTENCE_WORDS`` words: a short title line, a byline) is encoded alone
    from its first ``MAX_WORDS`` words, all such paragraphs in one encoder call."""
    out = np.zeros((len(spans), vecs.shape[1] if len(vecs) else 512), dtype=np.float32)
    empty = []
    for i, (lo, hi) in enumerate(sentence_ranges(spans, bounds)):
        if hi > lo:
            out[i] = _unit(vecs[lo:hi].mean(axis=0))
        else:
            empty.append(i)
    if empty:
        out[empty] = encode([truncate(body[spans[i][0]:spans[i][1]]) for i in empty])
    return out


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
        # (a word of letters only has no digit: the character test runs on the few others)
        sum(1 for w in words if not w.isalpha() and any(c.isdigit() for c in w)) / n_words,
        sum(1 for w in words[1:] if w[0].isupper()) / n_words,
        sum(1 for w in lower if w in _FIRST) * per100,
        sum(1 for w in lower if w in _SECOND) * per100,
        (text.count("…") + text.count("...")) / n_sent,
        text.count("(") * per100,
        text.count(":") / n_sent,
        sum(map(len, words)) / n_words / 5.0,
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
