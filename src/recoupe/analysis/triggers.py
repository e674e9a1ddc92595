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


@lru_cache(maxsize=512)
def candidates(paragraph: str) -> Candidates:
    """Every candidate span of the paragraph, cached so the techniques flagged on it share the work."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(paragraph)]
    is_word = np.array([t[2][0].isalnum() or t[2][0] == "_" for t in toks], dtype=bool)
    if not is_word.any():
        return _empty()
    n = len(toks)
    lower = [t[2].lower() for t in toks]
    h = np.array([zlib.crc32(w.encode("utf-8")) for w in lower], dtype=np.uint64)
    hp = np.array([zlib.crc32(w[:5].encode("utf-8")) for w in lower], dtype=np.uint64)
    prev_h = np.concatenate([[np.uint64(_BOS)], h[:-1]])
    token_ids = np.stack(
        [_mix(h, _T_WORD), _mix(hp, _T_PREFIX), _mix(prev_h * np.uint64(1000003) ^ h, _T_BIGRAM)], axis=1
    )

    # Sentence and clause of every token; a sentence ends after . ! ? … and any closing quotes.
    sent = [0] * n
    clause = [0] * n
    s = c = 0
    ended = False
    for k, (_, _, text) in enumerate(toks):
        if ended and not (text in _QUOTE or text in _SENT_END or text in ")]"):
            s += 1
            c += 1
            ended = False
        if text in _CLAUSE and not ended:
            c += 1
        sent[k], clause[k] = s, c
        if text in _SENT_END:
            ended = True
    sent = np.array(sent, dtype=np.int64)
    words = np.flatnonzero(is_word)
    wsent, wclause = sent[words], np.array(clause, dtype=np.int64)[words]
    nw = len(words)

    # Candidate (first word, last word) pairs, as indices into `words`, encoded a * nw + b.
    codes = []
    idx = np.arange(nw)
    for k in range(min(MAX_WINDOW, nw)):
        a = idx[: nw - k]
        keep = wsent[a] == wsent[a + k]
        codes.append(a[keep] * (nw + 1) + k)
    new_clause = np.empty(nw, dtype=bool)
    new_clause[0] = True
    new_clause[1:] = wclause[1:] != wclause[:-1]
    new_sent = np.empty(nw, dtype=bool)
    new_sent[0] = True
    new_sent[1:] = wsent[1:] != wsent[:-1]
    last_clause = np.append(new_clause[1:], True)
    last_sent = np.append(new_sent[1:], True)
    # Runs of whole clauses within a sentence: clause starts x clause ends.
    first_of_clause, last_of_clause = np.flatnonzero(new_clause), np.flatnonzero(last_clause)
    a = first_of_clause[:, None]
    b = last_of_clause[None, :]
    keep = (a <= b) & (wsent[a] == wsent[b])
    codes.append((a * (nw + 1) + (b - a))[keep])
    # Two consecutive whole sentences.
    first_of_sent, last_of_sent = np.flatnonzero(new_sent), np.flatnonzero(last_sent)
    if len(first_of_sent) > 1:
        codes.append(first_of_sent[:-1] * (nw + 1) + (last_of_sent[1:] - first_of_sent[:-1]))
    codes = np.unique(np.concatenate(codes))
    wa, span_words = np.divmod(codes, nw + 1)
    wb = wa + span_words
    span_words = span_words + 1
    ti, tj = words[wa], words[wb] + 1  # token range [ti, tj)

    starts = np.fromiter((t[0] for t in toks), dtype=np.int64, count=n)
    ends = np.fromiter((t[1] for t in toks), dtype=np.int64, count=n)
    char_start, char_end = starts[ti], ends[tj - 1]

    h_ext = np.empty(n + 2, dtype=np.uint64)  # BOS, tokens, EOS
    h_ext[0], h_ext[1:-1], h_ext[-1] = _BOS, h, _EOS
    prev_tok = h_ext[ti]
    next_tok = h_ext[tj + 1]
    length = np.searchsorted(LENGTH_BUCKETS, span_words)
    align = new_sent[wa] + 2 * last_sent[wb] + 4 * new_clause[wa] + 8 * last_clause[wb]

    marks = np.zeros((n + 1, 4), dtype=np.int64)
    caps = np.zeros(n, dtype=np.int64)
    all_caps = np.zeros(n, dtype=bool)
    for k, (_, _, text) in enumerate(toks):
        if text == "?":
            marks[k, 0] = 1
        elif text == "!":
            marks[k, 1] = 1
        elif text in _QUOTE or text in "»”":
            marks[k, 2] = 1
        elif text[0].isupper():
            caps[k] = 1
            all_caps[k] = len(text) > 1 and text.isupper()
    caps[words[new_sent]] = 0  # a sentence's first word is capitalised anyway
    cum = np.zeros((n + 2, 4), dtype=np.int64)
    cum[1:] = np.cumsum(marks, axis=0)
    after = (cum[tj + 1] - cum[ti]) > 0  # inside the span or the token right after it
    cum_caps = np.zeros(n + 1, dtype=np.int64)
    cum_caps[1:] = np.cumsum(caps)
    n_caps = np.minimum(cum_caps[tj] - cum_caps[ti], 3)
    quoted = after[:, 2] + 2 * (marks[np.maximum(ti - 1, 0), 2] * (ti > 0))
    position = np.minimum((char_start * 4) // max(len(paragraph), 1), 3)
    shape = all_caps[ti] + 2 * all_caps[tj - 1] + 4 * (char_start == 0) + 8 * (char_end == len(paragraph))

    raw = np.stack(
        [h[ti], h[tj - 1], prev_tok, next_tok, length, align, after[:, 0], after[:, 1], quoted, position,
         np.zeros(len(ti), dtype=np.int64), length * 16 + align, n_caps, shape],
        axis=1,
    ).astype(np.uint64)
    fixed = _mix(raw, _FIXED_KINDS)
    sentences = [(int(starts[words[x]]), int(ends[words[y]])) for x, y in zip(first_of_sent, last_of_sent)]
    return Candidates(char_start, char_end, ti, tj, 1.0 / np.sqrt(span_words), fixed, token_ids, sentences)


def candidate_scores(cands: Candidates, weights: np.ndarray, salt: int, shared=None) -> np.ndarray:
    """(c,) linear score of every candidate for the technique whose salt is given.

    ``shared`` is :func:`shared_scores` of the same candidates, when several techniques are
    scored on one paragraph (the technique-free half of the features is then summed once)."""
    shared_tok, shared_fixed = shared if shared is not None else shared_scores(cands, weights)
    tok = shared_tok + weights[cands.token_ids ^ salt].sum(axis=1)
    cum = np.r_[0.0, np.cumsum(tok)]
    inside = (cum[cands.tok_end] - cum[cands.tok_start]) * cands.inv_sqrt
    return inside + shared_fixed + weights[cands.fixed ^ salt].sum(axis=1)


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


def best_span(cands: Candidates, scores: np.ndarray, overlap_weight: float = OVERLAP_WEIGHT) -> tuple[int, int, float]:
    """The candidate with the best expected gain under the model, and its overlap probability.

    The top-scored candidate alone is often a short fragment beside the trigger; choosing, among
    the ``DECODE_TOP`` best, the span with the highest expected
    ``overlap_weight`` · overlap + (1 − ``overlap_weight``) · character F1 against the model's
    distribution (minimum Bayes risk) is more often right. The overlap term rewards long spans
    (a whole sentence overlaps almost anything), so its weight trades hits for precision of the
    span (``OVERLAP_WEIGHT``, MODEL_CARD.md).
    """
    k = min(DECODE_TOP, len(scores))
    top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    p = np.exp(scores[top] - scores[top].max())
    p /= p.sum()
    s, e = cands.char_start[top], cands.char_end[top]
    inter = np.clip(np.minimum(e[:, None], e[None, :]) - np.maximum(s[:, None], s[None, :]), 0, None)
    dice = 2.0 * inter / ((e - s)[:, None] + (e - s)[None, :])
    gain = (overlap_weight * (inter > 0) + (1.0 - overlap_weight) * dice) @ p
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
    out = [None if model.salts.get(t) is None else candidate_scores(cands, model.weights, model.salts[t], shared)
           for t in techniques]
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
