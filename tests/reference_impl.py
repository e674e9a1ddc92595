"""The implementations that faster ones replaced, kept only as references for exactness tests.

Each function here is the code the runtime ran before a speed change (issue 9); the tests assert
the new code gives byte-identical results on real articles. Not imported by ``recoupe``.
"""

from __future__ import annotations

import zlib

import numpy as np

from recoupe.analysis import style as _style
from recoupe.analysis.triggers import (
    _BOS, _CLAUSE, _EOS, _FIXED_KINDS, _QUOTE, _SENT_END, _T_BIGRAM, _T_PREFIX, _T_WORD, _TOKEN, LENGTH_BUCKETS,
    MAX_WINDOW, Candidates, _empty, _mix, shared_scores,
)


def triggers_candidates(paragraph: str) -> Candidates:
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


def triggers_candidate_scores(cands: Candidates, weights: np.ndarray, salt: int, shared=None) -> np.ndarray:
    """(c,) linear score of every candidate for the technique whose salt is given.

    ``shared`` is :func:`shared_scores` of the same candidates, when several techniques are
    scored on one paragraph (the technique-free half of the features is then summed once)."""
    shared_tok, shared_fixed = shared if shared is not None else shared_scores(cands, weights)
    tok = shared_tok + weights[cands.token_ids ^ salt].sum(axis=1)
    cum = np.r_[0.0, np.cumsum(tok)]
    inside = (cum[cands.tok_end] - cum[cands.tok_start]) * cands.inv_sqrt
    return inside + shared_fixed + weights[cands.fixed ^ salt].sum(axis=1)


def style_features(text: str) -> np.ndarray:
    """Language-light style counts of one text, in the order of ``STYLE_NAMES``."""
    words = _style._WORD.findall(text)
    n_words = max(len(words), 1)
    n_sent = max(len(_style._SENT_END.findall(text)), 1)
    lower = [w.lower() for w in words]
    per100 = 100.0 / n_words
    feats = [
        np.log1p(len(words)),
        min(len(words) / n_sent, 80.0) / 20.0,
        text.count("?") / n_sent,
        text.count("!") / n_sent,
        len(_style._QUOTES.findall(text)) * per100,
        sum(any(c.isdigit() for c in w) for w in words) / n_words,
        sum(w[0].isupper() for w in words[1:]) / n_words,
        sum(w in _style._FIRST for w in lower) * per100,
        sum(w in _style._SECOND for w in lower) * per100,
        (text.count("…") + text.count("...")) / n_sent,
        text.count("(") * per100,
        text.count(":") / n_sent,
        sum(len(w) for w in words) / n_words / 5.0,
        (text.count("—") + text.count("–") + text.count(" - ")) * per100,
    ]
    return np.asarray(feats, dtype=np.float32)


def relations_units(doc):
    """Sentences cut again at line breaks, by visiting every token (relations._units before)."""
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text:
                if t.i > start:
                    yield doc[start : t.i]
                start = t.i + 1
        if start < sent.end:
            yield doc[start : sent.end]
