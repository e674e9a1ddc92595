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

A word tagger (triggers@3) gives a second, word-level opinion: per word, a logistic "inside the
trigger" over hashed features of the word and its neighbours (shared and technique-crossed, as
above) and the word's piece vector (the sentence encoder's own input embeddings of its pieces, a
table look-up: ``vectors.piece_vector``). Its probabilities form a soft gold, and the decoding adds
each candidate's character F1 against it to the candidate's expected gain (``best_span``).
"""

from __future__ import annotations

import bisect
import json
import re
import zlib
import threading
from dataclasses import dataclass, field
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
# triggers@3, the word tagger: each of the decoded candidates' gain gets TAGGER_WEIGHT x its
# character F1 against the tagger's soft gold, the tagger's logits first raised by
# TAGGER_SENTENCE_WEIGHT x the sentence scorer's log-probability (relative to uniform). Chosen on
# Russian (benchmarks/triggers_tagger.py --dense, triggers@2's 2-fold protocol), the rule fixed
# beforehand: the highest char-F1 among all decoders of its grid hitting at most 0.02 less often
# than triggers@2: ru 0.732 / 0.476 / 149.0 against 0.715 / 0.465 / 140.6 (hit / char-F1 / length).
# Written into meta.json by training.
TAGGER_WEIGHT = 2.0
TAGGER_SENTENCE_WEIGHT = 1.0
MAX_WINDOW = 8  # word windows of 1..8 words; longer candidates must follow clause boundaries
LENGTH_BUCKETS = np.array([1, 2, 3, 4, 6, 9, 14, 22, 35])  # a span of n words falls in bucket searchsorted(n)

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_SENT_END = frozenset(".!?…")
_PROJECTION_LOCK = threading.Lock()
_CLAUSE = frozenset(",;:()[]«»\"“”„‘’—–")
_QUOTE = frozenset("«»\"“”„‘")
# Fixed (per-candidate) feature kinds; each is a salt of the mixing hash.
(_F_FIRST, _F_LAST, _F_PREV, _F_NEXT, _F_LEN, _F_ALIGN, _F_QUESTION, _F_EXCLAIM, _F_QUOTE, _F_POS,
 _F_BIAS, _F_LEN_ALIGN, _F_CAPS, _F_SHAPE) = range(1, 15)
_T_WORD, _T_PREFIX, _T_BIGRAM = 20, 21, 22
_BOS, _EOS = zlib.crc32(b"<s>"), zlib.crc32(b"</s>")
_FIXED_KINDS = np.array([_F_FIRST, _F_LAST, _F_PREV, _F_NEXT, _F_LEN, _F_ALIGN, _F_QUESTION, _F_EXCLAIM, _F_QUOTE,
                         _F_POS, _F_BIAS, _F_LEN_ALIGN, _F_CAPS, _F_SHAPE], dtype=np.uint64)

# The tagger's per-word feature kinds (salts of the mixing hash): the word, its prefix, the tokens
# one and two before and after it, the bigrams it ends and starts, its place in the sentence and
# in its clause, inside quotation marks, its shape, how the sentence ends, which sentence, a bias.
_TAG_KINDS = np.arange(40, 54, dtype=np.uint64)
TAG_FEATURES = len(_TAG_KINDS)
_OPEN_QUOTE, _CLOSE_QUOTE = frozenset("«“„‘"), frozenset("»”")
_TAG_POSITIONS = np.array([1, 2, 3, 5, 8, 13, 21])  # buckets of a word's distance from its sentence's start / end
_TAG_POSITION_BUCKET = np.searchsorted(_TAG_POSITIONS, np.arange(23))  # the same, as a table (22+: the last)
_TAG_NEIGHBOURS = np.array([1, 3, 0, 4])  # offsets into the padded hashes: tokens -1, +1, -2, +2
_TAG_WORD_LENGTHS = np.array([3, 6, 10])  # buckets of a word's length in characters


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
    # The tagger's view (triggers@3): one row per word token.
    word_tokens: np.ndarray | None = None  # (w,) token index of each word
    word_sentence: np.ndarray | None = None  # (w,) sentence number of each word
    word_features: np.ndarray | None = None  # (w, TAG_FEATURES) buckets of each word's tagger features
    word_start: np.ndarray | None = None  # (w,) character offsets of each word
    word_end: np.ndarray | None = None
    word_text: tuple[str, ...] = ()  # each word as written

    def __len__(self) -> int:
        return len(self.char_start)


def _empty() -> Candidates:
    z = np.zeros(0, dtype=np.int64)
    return Candidates(z, z, z, z, np.zeros(0), np.zeros((0, 14), dtype=np.int64), np.zeros((0, 3), dtype=np.int64), [],
                      z, z, np.zeros((0, len(_TAG_KINDS)), dtype=np.int64), z, z)


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
    word_text, digits = [], []
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
            word_text.append(text)
            digits.append(first.isdigit())
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

    # The tagger's features, one row per word (see _TAG_KINDS). Inside quotation marks: « “ „ ‘ open,
    # » ” close, " toggles; a mark itself counts as inside after it opens, outside after it closes.
    quoted = np.zeros(n, dtype=bool)
    depth = since = 0
    for k, column in marks if quote_before.any() else ():
        if column == 2:
            quoted[since:k] = depth > 0
            mark = paragraph[starts[k]]
            depth = depth + 1 if mark in _OPEN_QUOTE else max(depth - 1, 0) if mark in _CLOSE_QUOTE else (
                (0 if depth else 1) if mark == '"' else depth)
            since = k
    quoted[since:] = depth > 0
    word_sentence = np.cumsum(new_sent) - 1  # index into `sentences`
    j = np.arange(nw)
    pos, to_end = j - first_of_sent[word_sentence], last_of_sent[word_sentence] - j
    clause_rank = np.cumsum(new_clause) - 1
    clause_rank = clause_rank - clause_rank[first_of_sent][word_sentence]
    tok_sent = np.array(sent, dtype=np.int64)
    ends_with = np.zeros((tok_sent[-1] + 1, 2), dtype=np.int64)  # '?' / '!' anywhere in the sentence
    for k, column in marks:
        if column < 2:
            ends_with[tok_sent[k], column] = 1
    hx = np.empty(n + 4, dtype=np.uint64)  # token k at k + 2, two BOS before and two EOS after
    hx[:2], hx[2:-2], hx[-2:] = _BOS, h, _EOS
    length_chars = ends[words] - starts[words]
    capital = np.zeros(n, dtype=bool)
    capital[caps] = True
    digit = np.array(digits, dtype=np.int64)
    ws = wsent
    tag = np.empty((nw, TAG_FEATURES), dtype=np.uint64)
    tag[:, 0] = h[words]
    tag[:, 1] = np.array(hp, dtype=np.uint64)[words]
    tag[:, 2:6] = hx[words[:, None] + _TAG_NEIGHBOURS]  # tokens -1, +1, -2, +2
    tag[:, 6] = tag[:, 2] * np.uint64(1000003) ^ tag[:, 0]
    tag[:, 7] = tag[:, 0] * np.uint64(1000003) ^ tag[:, 3]
    tag[:, 8] = _TAG_POSITION_BUCKET[np.minimum(pos, 22)] * 8 + _TAG_POSITION_BUCKET[np.minimum(to_end, 22)]
    tag[:, 9] = new_clause + 2 * last_clause + 4 * np.minimum(clause_rank, 3)
    tag[:, 10] = quoted[words]
    tag[:, 11] = (capital[words] + 2 * upper[words] + 4 * digit
                  + 8 * np.searchsorted(_TAG_WORD_LENGTHS, length_chars))
    tag[:, 12] = ends_with[ws, 0] + 2 * ends_with[ws, 1] + 4 * np.minimum(word_sentence, 3) \
        + 16 * (word_sentence == word_sentence[-1])
    tag[:, 13] = 0  # bias
    return Candidates(char_start, char_end, ti, tj, 1.0 / np.sqrt(span_words), fixed, token_ids, sentences,
                      words, word_sentence, _mix(tag, _TAG_KINDS), starts[words], ends[words], tuple(word_text))


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


def word_vectors(cands: Candidates) -> np.ndarray:
    """(w, 512): each word's piece vector (``vectors.piece_vector``: the encoder's input embeddings
    of its pieces, a table look-up, no encoder pass)."""
    from recoupe.vectors import piece_vectors

    return piece_vectors(list(cands.word_text))


def dense_terms(dense: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """(k, w): the dense tagger rows ``dense`` (k, 1024) read against [each word's vector, the mean
    of its two neighbours' vectors] (zeros past the paragraph's edges), as one projection of the
    words (``vectors``, (w, 512)) and a shift of it."""
    k, dim = len(dense), vectors.shape[1]
    return _near_sum(dense.reshape(2 * k, dim) @ vectors.T)


def _near_sum(proj: np.ndarray) -> np.ndarray:
    """(k, w) from (2k, w) projections, rows alternating (own, neighbours): own + the mean of the
    neighbours' projections."""
    own, near = proj[0::2], proj[1::2]
    z = own.copy()
    z[:, 1:] += 0.5 * near[:, :-1]
    z[:, :-1] += 0.5 * near[:, 1:]
    return z


def tagger_logits(cands: Candidates, tag_weights: np.ndarray, salts: list[int],
                  dense: np.ndarray | None = None) -> np.ndarray:
    """(len(salts), w): each technique's logit that each word of the paragraph lies inside its trigger
    (the tagger: shared and technique-crossed hashed weights over the word's features), plus
    ``dense``, (k, w), the piece-vector part (:func:`dense_terms`, or ``TriggerModel.dense_terms``)."""
    shared = tag_weights[cands.word_features].sum(axis=1)
    salts = np.asarray(salts, dtype=np.int64)[:, None, None]
    z = shared + tag_weights[cands.word_features ^ salts].sum(axis=2)
    return z if dense is None else z + dense


# Words whose projections a model keeps (TriggerModel.dense_terms): 48 floats each, so 6 MB at most;
# the table starts again when full, which changes no logit. A French article has ~500 distinct words.
PROJECTION_CACHE = 32_768


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
    tagger: np.ndarray | None = None  # (2**HASH_BITS,) float32, the word tagger's hashed weights (triggers@3)
    tagger_dense: np.ndarray | None = None  # (1 + techniques, 1024), summed_dense: shared row, then shared + own
    tagger_rows: dict[str, int] | None = None  # technique -> its row of tagger_dense

    projections: dict = field(default_factory=dict, compare=False, repr=False)  # see dense_terms

    def dense_rows(self, techniques: list[str]) -> np.ndarray:
        """(k, 1024) each technique's dense tagger weights (the shared row plus its own, if any)."""
        rows = self.tagger_rows or {}
        return self.tagger_dense[[rows.get(t, 0) for t in techniques]]

    def dense_terms(self, cands: Candidates, techniques: list[str]) -> np.ndarray:
        """(k, w) :func:`dense_terms` of the techniques' rows, each word's projection on every row
        computed once and kept (``PROJECTION_CACHE`` words): a paragraph then costs a look-up per
        word and one small gather, not (w, 512) vectors."""
        cache = self.projections
        with _PROJECTION_LOCK:
            if not cache:
                cache.update(rows={}, table=np.zeros((1024, 2 * len(self.tagger_dense)), dtype=np.float32))
            rows, words = cache["rows"], cands.word_text
            try:  # every word already projected (the usual case): one pass
                index = [rows[w] for w in words]
                missing = []
            except KeyError:
                missing = [w for w in dict.fromkeys(words) if w not in rows]
            if missing:
                if len(rows) + len(missing) > PROJECTION_CACHE:
                    rows.clear()
                    missing = list(dict.fromkeys(words))
                start, table = len(rows), cache["table"]
                if start + len(missing) > len(table):
                    grown = np.zeros((max(2 * len(table), start + len(missing)), table.shape[1]), dtype=np.float32)
                    grown[:start] = table[:start]
                    table = cache["table"] = grown
                from recoupe.vectors import piece_vectors

                dim = self.tagger_dense.shape[1] // 2
                table[start : start + len(missing)] = piece_vectors(missing) @ self.tagger_dense.reshape(-1, dim).T
                for i, w in enumerate(missing):
                    rows[w] = start + i
                index = [rows[w] for w in words]
            proj = cache["table"][index]  # (w, 2 * rows): (own, neighbours) per row
        tech_rows = self.tagger_rows or {}
        cols = np.array([[2 * tech_rows.get(t, 0), 2 * tech_rows.get(t, 0) + 1] for t in techniques]).ravel()
        return _near_sum(proj[:, cols].T)

    @property
    def producer(self) -> str:
        return f"model:{self.meta['name']}@{self.meta['version']}"


def summed_dense(dense: np.ndarray) -> np.ndarray:
    """The tagger's dense weights as stored (row 0 shared, row i technique i's own) turned into what
    a technique reads: row 0 the shared row (for a technique without its own), row i shared + own."""
    summed = dense + dense[0]
    summed[0] = dense[0]
    return summed


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
    tagger = dense = rows = None
    if (MODEL_DIR / "tagger.npz").exists():
        with np.load(MODEL_DIR / "tagger.npz", allow_pickle=False) as data:
            tagger, dense = data["weights"].astype(np.float32), summed_dense(data["dense"].astype(np.float32))
        rows = {t: i + 1 for i, t in enumerate(meta["tagger"]["techniques"])}
    return TriggerModel(weights=weights, salts=salts, meta=meta, sentences=scorer, tagger=tagger, tagger_dense=dense,
                        tagger_rows=rows)


def word_probabilities(cands: Candidates, logits: np.ndarray, log_probs: np.ndarray | None = None,
                       sentence_weight: float = 0.0) -> np.ndarray:
    """(w,) or (k, w): each word's probability of lying inside the trigger: the tagger's logit,
    plus ``sentence_weight`` times the sentence scorer's log-probability of the word's sentence
    relative to a uniform choice (0 when the sentence is as likely as any); ``log_probs`` (n,) or
    (k, n) over the paragraph's n sentences, as ``logits`` is for one technique or k."""
    if log_probs is not None and sentence_weight and log_probs.shape[-1] > 1:
        n = log_probs.shape[-1]
        logits = logits + sentence_weight * (log_probs[..., np.minimum(cands.word_sentence, n - 1)] + np.log(n))
    return 1.0 / (1.0 + np.exp(-logits))


def soft_gold(cands: Candidates, probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The tagger's soft gold, ready for :func:`soft_f1`: each word's probability times its length
    in characters, summed up to each token ((…, t + 1)), and its total ((…,)); ``probs`` (w,) or (k, w)."""
    mass = probs * (cands.word_end - cands.word_start)
    cum = np.zeros(probs.shape[:-1] + (len(cands.token_ids) + 1,))
    cum[..., cands.word_tokens + 1] = mass
    np.cumsum(cum, axis=-1, out=cum)
    return cum, mass.sum(axis=-1)


def soft_f1(cands: Candidates, probs: np.ndarray | None, which: np.ndarray, gold=None) -> np.ndarray:
    """The character F1 of the candidates ``which`` against the tagger's soft gold, each word
    counted with its probability of being inside the trigger (and its length in characters):
    2 · Σ_inside p·len / (candidate length + Σ_paragraph p·len). ``gold``: :func:`soft_gold` of
    ``probs`` when already computed."""
    cum, total = soft_gold(cands, probs) if gold is None else gold
    inside = cum[cands.tok_end[which]] - cum[cands.tok_start[which]]
    return 2.0 * inside / ((cands.char_end[which] - cands.char_start[which]) + float(total))


def best_span(cands: Candidates, scores: np.ndarray, overlap_weight: float = OVERLAP_WEIGHT,
              word_probs: np.ndarray | None = None, tagger_weight: float = 0.0, gold=None) -> tuple[int, int, float]:
    """The candidate with the best expected gain under the model, and its overlap probability.

    The top-scored candidate alone is often a short fragment beside the trigger; choosing, among
    the ``DECODE_TOP`` best, the span with the highest expected
    ``overlap_weight`` · overlap + (1 − ``overlap_weight``) · character F1 against the model's
    distribution (minimum Bayes risk) is more often right. The overlap term rewards long spans
    (a whole sentence overlaps almost anything), so its weight trades hits for precision of the
    span (``OVERLAP_WEIGHT``, MODEL_CARD.md).

    With the word tagger's probabilities (``word_probs``, triggers@3), each of those candidates'
    gain also counts ``tagger_weight`` times its :func:`soft_f1` against them: a second, word-level
    opinion on where the trigger lies, weighed in rather than trusted alone (the tagger alone
    decodes worse than the candidates, MODEL_CARD.md). ``gold``: their :func:`soft_gold`, when
    already computed (the techniques of a paragraph share one pass).
    """
    k = min(DECODE_TOP, len(scores))
    top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    p = np.exp(scores[top] - scores[top].max())
    p /= p.sum()
    s, e = cands.char_start[top], cands.char_end[top]
    inter = np.clip(np.minimum(e[:, None], e[None, :]) - np.maximum(s[:, None], s[None, :]), 0, None)
    dice = 2.0 * inter / ((e - s)[:, None] + (e - s)[None, :])
    gain = (overlap_weight * (inter > 0) + (1.0 - overlap_weight) * dice) @ p
    if (word_probs is not None or gold is not None) and tagger_weight:
        gain = gain + tagger_weight * soft_f1(cands, word_probs, top, gold)
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
                     sentence_weight: float | None = None, log_probs: np.ndarray | None = None) -> list[np.ndarray | None]:
    """Each technique's candidate scores: lexical, plus ``sentence_weight`` times the sentence
    scorer's term when the paragraph's sentence vectors are given (two sentences or more).
    ``log_probs``: the sentence scorer's log-probabilities of those sentences, when already computed."""
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
    if log_probs is None:
        log_probs = model.sentences.log_probs(vecs, techniques)
    term = sentence_term(cands, bounds, log_probs)
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
    log_probs = model.sentences.log_probs(sentences[1], techniques) if with_sentences else None
    tagger_weight = float(model.meta.get("tagger_weight", TAGGER_WEIGHT)) if model.tagger is not None else 0.0
    logits = None
    if tagger_weight:
        logits = tagger_logits(cands, model.tagger, [model.salts.get(t, 0) for t in techniques],
                               model.dense_terms(cands, techniques))
    gold = None
    if logits is not None:
        gold = soft_gold(cands, word_probabilities(
            cands, logits, log_probs, float(model.meta.get("tagger_sentence_weight", TAGGER_SENTENCE_WEIGHT))))
    found = []
    for i, scores in enumerate(technique_scores(cands, model, techniques, sentences, log_probs=log_probs)):
        if scores is None:
            found.append(None)
            continue
        s, e, score = best_span(cands, scores, overlap, None, tagger_weight, None if gold is None else (gold[0][i], gold[1][i]))
        found.append((s, e, round(score, 4)))
    return found
