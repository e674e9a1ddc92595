"""The span inside a paragraph that triggered a persuasion technique (model ``triggers``).

The persuasion model flags whole paragraphs; this picks, for one flagged technique, the phrase or
clause most likely to carry it. Candidates are word windows (1-8 words) and runs of clauses
within a sentence, plus pairs of whole sentences. Each is scored by one linear model over hashed
lexical features (words, word prefixes, bigrams inside the span; the words at and around its
edges; its length, whether it is a whole clause or sentence, '?', '!', quotes, capitals), every
feature present twice: once shared by all techniques and once crossed with the technique, so rare
techniques fall back on what the frequent ones learnt. Training (``recoupe.training.triggers``)
maximises the softmax likelihood of the candidates that best match SemEval-2023 Task 3's gold
spans. No sentence encoder is called: features are a few hashes per word and the scoring is a
handful of numpy gathers, so a paragraph costs well under a millisecond per technique.

Which sentence carries the technique is read from the sentence vectors the pipeline has already
computed (the claims component's ``doc._.sentence_vectors``): a per-technique logistic scorer over
each sentence's vector and its difference from the paragraph's mean (``SentenceScorer``, trained
on the same gold spans) gives every sentence of the paragraph a log-probability of holding the
trigger, and each candidate's lexical score gets ``SENTENCE_WEIGHT`` times the mean
log-probability of the sentences it covers. Without sentence vectors the lexical model decides
alone (as triggers@1 did).
"""

from __future__ import annotations

import bisect
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_NAME = "triggers"
MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / MODEL_NAME

HASH_BITS = 20
MASK = (1 << HASH_BITS) - 1
DECODE_TOP = 40  # candidates weighed against each other when decoding
# Weight of "overlaps the trigger" against its character F1 in the decoding gain (best_span).
# triggers@1 used 0.5 (mean 172 characters on French against a 41-character gold median).
OVERLAP_WEIGHT = 0.5
# With sentence vectors: the sentence scorer's weight, and the decoding's overlap weight; both
# chosen on Russian, 2-fold grouped by article, each fold trained on en/ge/it/po + the other
# Russian fold (training.triggers.choose_operating_point; the whole curve is in MODEL_CARD.md):
# the highest char-F1 among settings hitting at least as often as the lexical model alone
# (ru hit 0.714 vs 0.709, char-F1 0.465 vs 0.427, 140.3 vs 163.9 characters). Written into
# meta.json by training.
SENTENCE_WEIGHT = 2.0
SENTENCE_OVERLAP_WEIGHT = 0.5
MAX_WINDOW = 8  # word windows of 1..8 words; longer candidates must follow clause boundaries
LENGTH_BUCKETS = np.array([1, 2, 3, 4, 6, 9, 14, 22, 35])  # a span of n words falls in bucket searchsorted(n)

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_SENT_END = frozenset(".!?…")
_CLAUSE = frozenset(",;:()[]«»\"“”„‘’—–")
_QUOTE = frozenset("«»\"“”„‘")
# Fixed (per-candidate) feature kinds; each is a salt of the mixing hash.
(_F_FIRST, _F_LAST, _F_PREV, _F_NEXT, _F_LEN, _F_ALIGN, _F_QUESTION, _F_EXCLAIM, _F_QUOTE, _F_POS,
 _F_BIAS, _F_LEN_ALIGN, _F_CAPS, _F_SHAPE) = range(1, 15)
_T_WORD, _T_PREFIX, _T_BIGRAM = 20, 21, 22
_BOS, _EOS = zlib.crc32(b"<s>"), zlib.crc32(b"</s>")
_FIXED_KINDS = np.array([_F_FIRST, _F_LAST, _F_PREV, _F_NEXT, _F_LEN, _F_ALIGN, _F_QUESTION, _F_EXCLAIM, _F_QUOTE,
                         _F_POS, _F_BIAS, _F_LEN_ALIGN, _F_CAPS, _F_SHAPE], dtype=np.uint64)


def _mix(values, kind) -> np.ndarray:
    """A deterministic hash of (value, kind) into the model's 2**HASH_BITS buckets (no PYTHONHASHSEED)."""
    a = np.asarray(values, dtype=np.uint64) + (np.asarray(kind, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    a = (a ^ (a >> np.uint64(31))) * np.uint64(0xFF51AFD7ED558CCD)
    return ((a >> np.uint64(29)) & np.uint64(MASK)).astype(np.int64)


def technique_salt(technique: str) -> int:
    """XOR-ed into a feature's bucket to cross it with the technique."""
    return zlib.crc32(technique.encode("utf-8")) & MASK


@dataclass(frozen=True)
class Candidates:
    """A paragraph's candidate spans and their feature buckets (shared by every technique)."""

    char_start: np.ndarray  # (c,) offsets into the paragraph
    char_end: np.ndarray
    tok_start: np.ndarray  # (c,) token range [tok_start, tok_end)
    tok_end: np.ndarray
    inv_sqrt: np.ndarray  # (c,) weight of each inside token: 1 / sqrt(words in the span)
    fixed: np.ndarray  # (c, m) buckets of the per-candidate features
    token_ids: np.ndarray  # (t, 3) buckets of each token's word, prefix and bigram with the previous token
    sentences: list[tuple[int, int]]  # char (start, end) of each sentence, trimmed to words

    def __len__(self) -> int:
        return len(self.char_start)


def _empty() -> Candidates:
    z = np.zeros(0, dtype=np.int64)
    return Candidates(z, z, z, z, np.zeros(0), np.zeros((0, 14), dtype=np.int64), np.zeros((0, 3), dtype=np.int64), [])


# Candidate codes (first word * (words + 1) + span length - 1) are deduplicated with a mask over
# every possible code when there are at most this many (a paragraph of up to ~1,000 words), else
# by sorting; both give the sorted distinct codes. A memory bound, not a tuned constant.
_MASK_CODES = 1 << 20
_TOKEN_KINDS = np.array([_T_WORD, _T_PREFIX, _T_BIGRAM], dtype=np.uint64)


@lru_cache(maxsize=512)
def candidates(paragraph: str) -> Candidates:
    """Every candidate span of the paragraph, cached so the techniques flagged on it share the work."""
    # One pass over the tokens: offsets, hashes of the word and its 5-character prefix, sentence
    # and clause numbers (a sentence ends after . ! ? ... and any closing quotes), marks and capitals.
    starts, ends, h, hp, sent, clause, word_k, marks, caps, all_caps = [], [], [], [], [], [], [], [], [], []
    s = c = 0
    ended = False
    crc32 = zlib.crc32
    for m in _TOKEN.finditer(paragraph):
        text = m.group()
        lower = text.lower()
        first = text[0]
        k = len(starts)
        starts.append(m.start())
        ends.append(m.end())
        h.append(crc32(lower.encode("utf-8")))
        hp.append(crc32(lower[:5].encode("utf-8")))
        if first.isalnum() or first == "_":
            word_k.append(k)
        if ended and not (text in _QUOTE or text in _SENT_END or text in ")]"):
            s += 1
            c += 1
            ended = False
        if text in _CLAUSE and not ended:
            c += 1
        sent.append(s)
        clause.append(c)
        if text in _SENT_END:
            ended = True
        if text == "?":
            marks.append((k, 0))
        elif text == "!":
            marks.append((k, 1))
        elif text in _QUOTE or text in "»”":
            marks.append((k, 2))
        elif first.isupper():
            caps.append(k)
            if len(text) > 1 and text.isupper():
                all_caps.append(k)
    if not word_k:
        return _empty()
    n = len(starts)
    h = np.array(h, dtype=np.uint64)
    prev_h = np.empty(n, dtype=np.uint64)
    prev_h[0], prev_h[1:] = _BOS, h[:-1]
    token_ids = _mix(np.stack([h, np.array(hp, dtype=np.uint64), prev_h * np.uint64(1000003) ^ h], axis=1),
                     _TOKEN_KINDS)

    words = np.array(word_k, dtype=np.int64)
    wsent, wclause = np.array(sent, dtype=np.int64)[words], np.array(clause, dtype=np.int64)[words]
    nw = len(words)
    new_clause = np.empty(nw, dtype=bool)
    new_clause[0] = True
    new_clause[1:] = wclause[1:] != wclause[:-1]
    new_sent = np.empty(nw, dtype=bool)
    new_sent[0] = True
    new_sent[1:] = wsent[1:] != wsent[:-1]
    last_clause = np.append(new_clause[1:], True)
    last_sent = np.append(new_sent[1:], True)

    # Candidate (first word, last word) pairs, as indices into `words`, encoded a * (nw + 1) + (b - a):
    # windows of 1..MAX_WINDOW words within a sentence,
    a = np.arange(nw)[:, None]
    k = np.arange(min(MAX_WINDOW, nw))[None, :]
    b = a + k
    inside = b < nw
    inside[inside] = wsent[a.repeat(k.shape[1], axis=1)[inside]] == wsent[b[inside]]
    codes = [(a * (nw + 1) + k)[inside]]
    # runs of whole clauses within a sentence (clause starts x clause ends),
    first_of_clause, last_of_clause = np.flatnonzero(new_clause), np.flatnonzero(last_clause)
    a = first_of_clause[:, None]
    b = last_of_clause[None, :]
    keep = (a <= b) & (wsent[a] == wsent[b])
    codes.append((a * (nw + 1) + (b - a))[keep])
    # and two consecutive whole sentences.
    first_of_sent, last_of_sent = np.flatnonzero(new_sent), np.flatnonzero(last_sent)
    if len(first_of_sent) > 1:
        codes.append(first_of_sent[:-1] * (nw + 1) + (last_of_sent[1:] - first_of_sent[:-1]))
    if nw * (nw + 1) <= _MASK_CODES:
        seen = np.zeros(nw * (nw + 1), dtype=bool)
        for part in codes:
            seen[part] = True
        codes = np.flatnonzero(seen)
    else:
        codes = np.unique(np.concatenate(codes))
    wa, span_words = np.divmod(codes, nw + 1)
    wb = wa + span_words
    span_words = span_words + 1
    ti, tj = words[wa], words[wb] + 1  # token range [ti, tj)

    starts = np.array(starts, dtype=np.int64)
    ends = np.array(ends, dtype=np.int64)
    char_start, char_end = starts[ti], ends[tj - 1]

    h_ext = np.empty(n + 2, dtype=np.uint64)  # BOS, tokens, EOS
    h_ext[0], h_ext[1:-1], h_ext[-1] = _BOS, h, _EOS
    length = np.searchsorted(LENGTH_BUCKETS, span_words)
    align = new_sent[wa] + 2 * last_sent[wb] + 4 * new_clause[wa] + 8 * last_clause[wb]

    cum = np.zeros((n + 2, 3), dtype=np.int64)  # running counts of '?', '!' and quotes
    for k, column in marks:
        cum[k + 1, column] = 1
    np.cumsum(cum, axis=0, out=cum)
    after = (cum[tj + 1] - cum[ti]) > 0  # inside the span or the token right after it
    cum_caps = np.zeros(n + 1, dtype=np.int64)
    cum_caps[1:][caps] = 1
    cum_caps[1:][words[new_sent]] = 0  # a sentence's first word is capitalised anyway
    np.cumsum(cum_caps, out=cum_caps)
    upper = np.zeros(n, dtype=bool)
    upper[all_caps] = True
    quote_before = np.zeros(n, dtype=bool)
    quote_before[[k for k, column in marks if column == 2]] = True

    raw = np.empty((len(ti), len(_FIXED_KINDS)), dtype=np.uint64)
    raw[:, 0] = h[ti]
    raw[:, 1] = h[tj - 1]
    raw[:, 2] = h_ext[ti]  # the token before
    raw[:, 3] = h_ext[tj + 1]  # the token after
    raw[:, 4] = length
    raw[:, 5] = align
    raw[:, 6] = after[:, 0]
    raw[:, 7] = after[:, 1]
    raw[:, 8] = after[:, 2] + 2 * (quote_before[np.maximum(ti - 1, 0)] & (ti > 0))
    raw[:, 9] = np.minimum((char_start * 4) // max(len(paragraph), 1), 3)  # position in the paragraph
    raw[:, 10] = 0  # bias
    raw[:, 11] = length * 16 + align
    raw[:, 12] = np.minimum(cum_caps[tj] - cum_caps[ti], 3)
    raw[:, 13] = upper[ti] + 2 * upper[tj - 1] + 4 * (char_start == 0) + 8 * (char_end == len(paragraph))
    fixed = _mix(raw, _FIXED_KINDS)
    sentences = list(zip(starts[words[first_of_sent]].tolist(), ends[words[last_of_sent]].tolist()))
    return Candidates(char_start, char_end, ti, tj, 1.0 / np.sqrt(span_words), fixed, token_ids, sentences)


def candidate_scores(cands: Candidates, weights: np.ndarray, salt: int, shared=None) -> np.ndarray:
    """(c,) linear score of every candidate for the technique whose salt is given.

    ``shared`` is :func:`shared_scores` of the same candidates, when several techniques are
    scored on one paragraph (the technique-free half of the features is then summed once)."""
    return lexical_scores(cands, weights, [salt], shared)[0]


def lexical_scores(cands: Candidates, weights: np.ndarray, salts: list[int], shared=None) -> np.ndarray:
    """(len(salts), c): :func:`candidate_scores` of several techniques at once (one gather for all)."""
    shared_tok, shared_fixed = shared if shared is not None else shared_scores(cands, weights)
    salts = np.asarray(salts, dtype=np.int64)[:, None, None]
    tok = shared_tok + weights[cands.token_ids ^ salts].sum(axis=2)  # (k, t), float32
    cum = np.zeros((len(salts), tok.shape[1] + 1), dtype=np.float32)
    cum[:, 1:] = np.cumsum(tok, axis=1)
    inside = (cum[:, cands.tok_end] - cum[:, cands.tok_start]) * cands.inv_sqrt
    return inside + shared_fixed + weights[cands.fixed ^ salts].sum(axis=2)


def shared_scores(cands: Candidates, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The technique-free part of the scores: per token, and per candidate."""
    return weights[cands.token_ids].sum(axis=1), weights[cands.fixed].sum(axis=1)


@dataclass(frozen=True)
class SentenceScorer:
    """Per technique, a logistic scorer of "this sentence holds a gold span of the technique" over
    [sentence vector, sentence vector - paragraph mean]; a technique with too few training
    sentences uses the row trained on all techniques (``shared``)."""

    coef: np.ndarray  # (k, 2 * dim) float32, one row per technique in ``rows`` then the shared row
    intercept: np.ndarray  # (k,)
    rows: dict[str, int]

    def row(self, technique: str) -> int:
        return self.rows.get(technique, len(self.coef) - 1)

    def log_probs(self, vecs: np.ndarray, techniques: list[str]) -> np.ndarray:
        """(len(techniques), n) log-softmax over the paragraph's n sentences of each technique's logit."""
        x = sentence_features(vecs)
        idx = [self.row(t) for t in techniques]
        z = x @ self.coef[idx].T + self.intercept[idx]  # (n, t)
        z = z - z.max(axis=0)
        return (z - np.log(np.exp(z).sum(axis=0))).T


def sentence_features(vecs: np.ndarray) -> np.ndarray:
    """(n, 2 * dim): each sentence vector beside its difference from the paragraph's mean vector."""
    vecs = np.asarray(vecs, dtype=np.float32)
    return np.hstack([vecs, vecs - vecs.mean(axis=0, keepdims=True)])


def sentence_term(cands: Candidates, bounds: list[tuple[int, int]], log_probs: np.ndarray) -> np.ndarray:
    """(t, c): for each technique row of ``log_probs``, each candidate's mean log-probability over
    the sentences (``bounds``, offsets into the paragraph) its characters touch; a candidate before
    the first sentence (or between two) takes the nearest one after it."""
    starts, ends = np.array(bounds, dtype=np.int64).T
    n = len(starts)
    first = np.minimum(np.searchsorted(ends, cands.char_start, side="right"), n - 1)  # first sentence ending after start
    last = np.searchsorted(starts, cands.char_end, side="left") - 1  # last sentence starting before end
    log_probs = np.asarray(log_probs, dtype=np.float64)
    term = log_probs[:, first]
    multi = np.flatnonzero(last > first)  # most candidates lie in one sentence
    if len(multi):
        a, b = first[multi], last[multi]
        cum = np.concatenate([np.zeros((len(log_probs), 1)), np.cumsum(log_probs, axis=1)], axis=1)
        term[:, multi] = (cum[:, b + 1] - cum[:, a]) / (b - a + 1)
    return term


@dataclass(frozen=True)
class TriggerModel:
    weights: np.ndarray  # (2**HASH_BITS,) float32
    salts: dict[str, int]
    meta: dict
    sentences: SentenceScorer | None = None

    @property
    def producer(self) -> str:
        return f"model:{self.meta['name']}@{self.meta['version']}"


@lru_cache(maxsize=None)
def load() -> TriggerModel:
    """The shipped model, read once per process."""
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    with np.load(MODEL_DIR / "weights.npz", allow_pickle=False) as data:
        weights = data["weights"].astype(np.float32)
    salts = {t: technique_salt(t) for t in meta["techniques"]}
    scorer = None
    if (MODEL_DIR / "sentences.npz").exists():
        with np.load(MODEL_DIR / "sentences.npz", allow_pickle=False) as data:
            coef, intercept = data["coef"].astype(np.float32), data["intercept"].astype(np.float32)
        scorer = SentenceScorer(coef, intercept, {t: i for i, t in enumerate(meta["sentence_scorer"]["techniques"])})
    return TriggerModel(weights=weights, salts=salts, meta=meta, sentences=scorer)


def mbr_gain(cands: Candidates, scores: np.ndarray, overlap_weight: float = OVERLAP_WEIGHT) -> tuple[np.ndarray, np.ndarray]:
    """The ``DECODE_TOP`` best-scored candidates and each one's expected gain against the model's
    distribution over them (``best_span`` picks the highest)."""
    k = min(DECODE_TOP, len(scores))
    top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    p = np.exp(scores[top] - scores[top].max())
    p /= p.sum()
    s, e = cands.char_start[top], cands.char_end[top]
    inter = np.clip(np.minimum(e[:, None], e[None, :]) - np.maximum(s[:, None], s[None, :]), 0, None)
    dice = 2.0 * inter / ((e - s)[:, None] + (e - s)[None, :])
    return top, (overlap_weight * (inter > 0) + (1.0 - overlap_weight) * dice) @ p


def best_span(cands: Candidates, scores: np.ndarray, overlap_weight: float = OVERLAP_WEIGHT) -> tuple[int, int, float]:
    """The candidate with the best expected gain under the model, and its overlap probability.

    The top-scored candidate alone is often a short fragment beside the trigger; choosing, among
    the ``DECODE_TOP`` best, the span with the highest expected
    ``overlap_weight`` · overlap + (1 − ``overlap_weight``) · character F1 against the model's
    distribution (minimum Bayes risk) is more often right. The overlap term rewards long spans
    (a whole sentence overlaps almost anything), so its weight trades hits for precision of the
    span (``OVERLAP_WEIGHT``, MODEL_CARD.md).
    """
    top, gain = mbr_gain(cands, scores, overlap_weight)
    best = int(top[np.argmax(gain)])
    start, end = int(cands.char_start[best]), int(cands.char_end[best])
    q = np.exp(scores - scores.max())
    overlap = (cands.char_start < end) & (cands.char_end > start)
    return start, end, float(q[overlap].sum() / q.sum())


def find_trigger(paragraph: str, technique: str, lang: str, sentences=None) -> tuple[int, int, float] | None:
    """(start, end, score) of the span of ``paragraph`` that most likely carries ``technique``.

    ``score`` is the model's probability that the true trigger overlaps the span. ``lang`` is
    accepted for symmetry with the other detectors; the hashed features need no language. None
    when the technique is unknown or the paragraph has no word. ``sentences``: the paragraph's
    sentences as (bounds, vectors), bounds as offsets into ``paragraph`` (the pipeline's sentence
    vectors, :func:`paragraph_sentences`); without them the lexical model decides alone.
    """
    return find_triggers(paragraph, [technique], lang, sentences)[0]


def paragraph_sentences(bounds: list[tuple[int, int]], vecs: np.ndarray, start: int, end: int):
    """The sentences (``bounds`` into a body, ``vecs``) that start inside the paragraph
    ``body[start:end]``, as (bounds into the paragraph, vectors); the rule of
    ``style.pooled_paragraph_vectors`` (a sentence belongs to the paragraph its first character is in)."""
    lo, hi = bisect.bisect_left(bounds, (start,)), bisect.bisect_left(bounds, (end,))  # bounds are sorted
    return [(s - start, min(e, end) - start) for s, e in bounds[lo:hi]], np.asarray(vecs)[lo:hi]


def technique_scores(cands: Candidates, model: TriggerModel, techniques: list[str], sentences=None,
                     sentence_weight: float | None = None) -> list[np.ndarray | None]:
    """Each technique's candidate scores: lexical, plus ``sentence_weight`` times the sentence
    scorer's term when the paragraph's sentence vectors are given (two sentences or more)."""
    shared = shared_scores(cands, model.weights)
    known = [i for i, t in enumerate(techniques) if model.salts.get(t) is not None]
    out: list[np.ndarray | None] = [None] * len(techniques)
    if known:
        for i, scores in zip(known, lexical_scores(cands, model.weights, [model.salts[techniques[i]] for i in known],
                                                   shared)):
            out[i] = scores
    if sentence_weight is None:
        sentence_weight = float(model.meta.get("sentence_weight", SENTENCE_WEIGHT))
    if sentences is None or model.sentences is None or sentence_weight == 0:
        return out
    bounds, vecs = sentences
    if len(bounds) < 2:
        return out
    term = sentence_term(cands, bounds, model.sentences.log_probs(vecs, techniques))
    return [None if o is None else o + sentence_weight * t for o, t in zip(out, term)]


def find_triggers(paragraph: str, techniques: list[str], lang: str, sentences=None) -> list[tuple[int, int, float] | None]:
    """:func:`find_trigger` for several techniques flagged on one paragraph, sharing the work."""
    model = load()
    if not paragraph or not paragraph.strip():
        return [None] * len(techniques)
    cands = candidates(paragraph)
    if not len(cands):
        return [None] * len(techniques)
    with_sentences = sentences is not None and model.sentences is not None and len(sentences[0]) > 1
    overlap = float(model.meta.get("sentence_overlap_weight", SENTENCE_OVERLAP_WEIGHT)) if with_sentences else OVERLAP_WEIGHT
    found = []
    for scores in technique_scores(cands, model, techniques, sentences):
        if scores is None:
            found.append(None)
            continue
        s, e, score = best_span(cands, scores, overlap)
        found.append((s, e, round(score, 4)))
    return found
