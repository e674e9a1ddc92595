"""Issue 15 item 3: a word tagger for the persuasion trigger spans, measured by triggers@2's CV
(measured, not shipped: NOTES.md, issue 15, "Eighth round"; MODEL_CARD.md of ``triggers``).

This is the hashed-features tagger. The tagger with the words' piece vectors (triggers@3, over the
cost budget, not on this branch's head) and this grid run against it are in commit a96786f
(``benchmarks/triggers_tagger.py`` there, its tagger in ``src/recoupe/training/triggers.py``).

    PYTHONPATH=$PWD/src python benchmarks/triggers_tagger.py [--cache DIR] [--setups ru,fr,en]
        [--decoders mbr+soft,...] [--tagger-epochs 2 --tagger-lr 0.02]

Setups (the same pairs, folds and training sets as ``recoupe.training.triggers``):
- ``ru`` (development, where the decoding is chosen): Russian 2-fold grouped by article, each fold
  trained on en/ge/it/po + the other Russian fold (``choose_operating_point``'s protocol);
- ``fr``: French 3-fold grouped by article, trained on the five other languages + the other folds;
- ``en``: English 2-fold, likewise.
Each fold trains the lexical model and the sentence scorer (triggers@2's recipe) and the word
tagger below, cached as .npz under ``--cache`` (``TAGGER_REUSE=DIR`` reuses another run's lexical
model and sentence scorer and retrains only the tagger); then every decoder is scored on the
held-out pairs with ``_span_metrics``: hit rate, mean best char-F1, mean length.

The tagger: per word of the paragraph, a logistic "inside a gold span of the technique" over
14 hashed features (the word, its 5-letter prefix, the tokens one and two before and after, the
two bigrams it is part of, its distance from the sentence's start and end, its clause's start /
end / rank in the sentence, inside quotation marks, shape, whether the sentence holds '?' or '!',
which sentence, a bias), each shared and crossed with the technique as in the lexical model;
AdaGrad, one paragraph's words per step, seeded order. No encoder call.

Decoders:
- ``mbr``: triggers@2 (lexical + 2 x sentence term, MBR with overlap weight 0.5);
- ``mbr+tag b t``: the same, each candidate's score plus b x the sum over its words of (logit - t);
- ``tag t g``: the tagger alone: in each sentence the contiguous words maximising the sum of
  (logit - t), the sentence chosen by that sum + g x the sentence scorer's log-probability;
- ``soft g``: the candidate with the best character F1 against the tagger's soft gold (each word
  weighted by its probability; g adds the sentence scorer's log-probability to the logits);
- ``mbr+soft g l``: triggers@2's MBR gain plus l x that soft F1, over the same 40 candidates;
- ``hyb t k``: ``tag t 1`` when its sum exceeds k, else ``mbr``.
The rule fixed before reading French and English: the highest Russian char-F1 among the
``mbr+soft`` settings whose Russian hit rate is at least ``mbr``'s (ties: the shorter).
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

import zlib  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from functools import lru_cache  # noqa: E402

from recoupe.analysis import triggers  # noqa: E402
from recoupe.training import triggers as T  # noqa: E402
from recoupe.training.data import LANGS, SEED  # noqa: E402

_TAG_KINDS = np.arange(40, 54, dtype=np.uint64)  # one salt of triggers._mix per tagger feature
_OPEN_QUOTE, _CLOSE_QUOTE = frozenset("«“„‘"), frozenset("»”")
_POSITIONS = np.array([1, 2, 3, 5, 8, 13, 21])  # buckets of a word's distance from its sentence's start / end
_WORD_LENGTHS = np.array([3, 6, 10])  # buckets of a word's length in characters
TAG_L2 = 1e-4


@dataclass(frozen=True)
class WordView:
    """The tagger's view of a paragraph, one row per word, aligned with ``triggers.candidates``
    (the same tokens and sentence numbers)."""

    word_tokens: np.ndarray  # (w,) token index of each word
    word_sentence: np.ndarray  # (w,) index into candidates(paragraph).sentences
    word_start: np.ndarray
    word_end: np.ndarray
    features: np.ndarray  # (w, 14) buckets


@lru_cache(maxsize=512)
def word_view(paragraph: str) -> WordView:
    """The tokens as ``triggers.candidates`` splits them (same regex, sentence and clause rules)."""
    starts, ends, h, hp, sent, clause, word_k, quoted, caps, upper, ask, shout = ([] for _ in range(12))
    s = c = depth = 0
    ended = False
    for m in triggers._TOKEN.finditer(paragraph):
        text = m.group()
        lower = text.lower()
        k = len(starts)
        starts.append(m.start())
        ends.append(m.end())
        h.append(zlib.crc32(lower.encode("utf-8")))
        hp.append(zlib.crc32(lower[:5].encode("utf-8")))
        if text[0].isalnum() or text[0] == "_":
            word_k.append(k)
        if ended and not (text in triggers._QUOTE or text in triggers._SENT_END or text in ")]"):
            s += 1
            c += 1
            ended = False
        if text in triggers._CLAUSE and not ended:
            c += 1
        sent.append(s)
        clause.append(c)
        if text in triggers._SENT_END:
            ended = True
        if text in _OPEN_QUOTE:
            depth += 1
        elif text in _CLOSE_QUOTE:
            depth = max(depth - 1, 0)
        elif text == '"':
            depth = 0 if depth else 1
        quoted.append(depth > 0)
        caps.append(text[0].isupper())
        upper.append(len(text) > 1 and text.isupper())
        if text == "?":
            ask.append(s)
        if text == "!":
            shout.append(s)
    words = np.array(word_k, dtype=np.int64)
    n, nw = len(starts), len(words)
    h = np.array(h, dtype=np.uint64)
    wsent, wclause = np.array(sent, dtype=np.int64)[words], np.array(clause, dtype=np.int64)[words]
    new_sent = np.r_[True, wsent[1:] != wsent[:-1]] if nw else np.zeros(0, dtype=bool)
    new_clause = np.r_[True, wclause[1:] != wclause[:-1]] if nw else np.zeros(0, dtype=bool)
    last_sent, last_clause = np.append(new_sent[1:], True)[:nw], np.append(new_clause[1:], True)[:nw]
    first_of_sent, last_of_sent = np.flatnonzero(new_sent), np.flatnonzero(last_sent)
    word_sentence = np.cumsum(new_sent) - 1
    j = np.arange(nw)
    pos, to_end = j - first_of_sent[word_sentence], last_of_sent[word_sentence] - j
    clause_rank = np.cumsum(new_clause) - 1
    clause_rank = clause_rank - clause_rank[first_of_sent][word_sentence]
    marks = np.zeros((max(sent, default=0) + 1, 2), dtype=np.int64)
    marks[ask, 0] = 1
    marks[shout, 1] = 1
    hx = np.empty(n + 4, dtype=np.uint64)  # token k at k + 2, two BOS before and two EOS after
    hx[:2], hx[2:-2], hx[-2:] = triggers._BOS, h, triggers._EOS
    starts, ends = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    length = ends[words] - starts[words]
    digit = np.array([paragraph[starts[k]].isdigit() for k in word_k], dtype=np.int64)
    tag = np.empty((nw, len(_TAG_KINDS)), dtype=np.uint64)
    tag[:, 0] = h[words]
    tag[:, 1] = np.array(hp, dtype=np.uint64)[words]
    tag[:, 2] = hx[words + 1]
    tag[:, 3] = hx[words + 3]
    tag[:, 4] = hx[words]
    tag[:, 5] = hx[words + 4]
    tag[:, 6] = hx[words + 1] * np.uint64(1000003) ^ h[words]
    tag[:, 7] = h[words] * np.uint64(1000003) ^ hx[words + 3]
    tag[:, 8] = np.searchsorted(_POSITIONS, pos) * 8 + np.searchsorted(_POSITIONS, to_end)
    tag[:, 9] = new_clause + 2 * last_clause + 4 * np.minimum(clause_rank, 3)
    tag[:, 10] = np.array(quoted, dtype=np.int64)[words]
    tag[:, 11] = np.array(caps, dtype=bool)[words] + 2 * np.array(upper, dtype=bool)[words] + 4 * digit \
        + 8 * np.searchsorted(_WORD_LENGTHS, length)
    tag[:, 12] = marks[wsent, 0] + 2 * marks[wsent, 1] + 4 * np.minimum(word_sentence, 3) \
        + 16 * (word_sentence == (word_sentence[-1] if nw else 0))
    tag[:, 13] = 0  # bias
    return WordView(words, word_sentence, starts[words], ends[words], triggers._mix(tag, _TAG_KINDS))


def tagger_logits(view: WordView, weights: np.ndarray, salt: int) -> np.ndarray:
    """(w,) the technique's logit that each word lies inside its trigger (shared + crossed weights)."""
    return weights[view.features].sum(axis=1) + weights[view.features ^ salt].sum(axis=1)


def word_labels(view: WordView, gold) -> np.ndarray:
    """1.0 for each word that overlaps a gold span, else 0.0."""
    inside = np.zeros(len(view.word_start), dtype=bool)
    for s, e in gold:
        inside |= (view.word_start < e) & (view.word_end > s)
    return inside.astype(np.float64)


def train_tagger(pairs, epochs: int, learning_rate: float) -> np.ndarray:
    """The tagger's hashed weights: logistic loss per word, AdaGrad over the pairs in a seeded order
    (one paragraph's words per step), L2 on the weights touched."""
    weights = np.zeros(1 << triggers.HASH_BITS, dtype=np.float64)
    accum = np.full_like(weights, 1e-8)
    prepared = []
    for pair in pairs:
        view = word_view(pair.paragraph)
        if not len(view.word_tokens):
            continue
        salt = triggers.technique_salt(pair.technique)
        ids = np.concatenate([view.features, view.features ^ salt], axis=1)
        uniq, inverse = np.unique(ids, return_inverse=True)
        prepared.append((uniq, inverse.reshape(ids.shape), word_labels(view, pair.gold)))
    rng = np.random.default_rng(SEED)
    for epoch in range(epochs):
        loss = 0.0
        for k in rng.permutation(len(prepared)):
            uniq, inverse, y = prepared[k]
            w = weights[uniq]
            p = 1.0 / (1.0 + np.exp(-w[inverse].sum(axis=1)))
            loss -= float(np.mean(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
            step = np.bincount(inverse.ravel(), weights=np.repeat(p - y, inverse.shape[1]),
                               minlength=len(uniq)) + TAG_L2 * w
            accum[uniq] += step * step
            weights[uniq] = w - learning_rate * step / np.sqrt(accum[uniq])
        print(f"  tagger epoch {epoch + 1}: mean loss {loss / max(len(prepared), 1):.3f} over {len(prepared)} pairs",
              flush=True)
    word_view.cache_clear()
    return weights.astype(np.float32)


def fold_models(name, train, cache: Path, epochs: int, learning_rate: float):
    path = cache / f"{name}.npz"
    if path.exists():
        with np.load(path) as d:
            rows = json.loads(str(d["rows"]))
            return (d["lexical"], triggers.SentenceScorer(d["coef"], d["intercept"], rows), d["tagger"])
    t0 = time.time()
    reuse = Path(os.environ.get("TAGGER_REUSE", "/nonexistent")) / f"{name}.npz"
    if reuse.exists():  # the lexical model and sentence scorer of an earlier run (same recipe, same pairs)
        with np.load(reuse) as d:
            lexical = d["lexical"]
            scorer = triggers.SentenceScorer(d["coef"], d["intercept"], json.loads(str(d["rows"])))
    else:
        lexical = T.train_weights(train)
        scorer = T.train_sentence_scorer(train)
    tagger = train_tagger(train, epochs, learning_rate)
    np.savez(path, lexical=lexical, coef=scorer.coef, intercept=scorer.intercept, tagger=tagger,
             rows=json.dumps(scorer.rows))
    print(f"  {name}: trained in {time.time() - t0:.0f} s", flush=True)
    return lexical, scorer, tagger


def held_out(by_lang, lang, k, train_langs, cache, epochs, learning_rate):
    """(pair, lexical scores + sentence term, log-probs of the sentences or None, tagger logits) per held-out pair."""
    held = by_lang[lang]
    folds = T._folds(held, k)
    others = [p for o in train_langs for p in by_lang[o]]
    out = []
    for f in range(k):
        test = [p for p, x in zip(held, folds) if x == f]
        train = others + [p for p, x in zip(held, folds) if x != f]
        print(f"{lang} fold {f + 1}/{k}: train {len(train)}, test {len(test)}", flush=True)
        lexical, scorer, tagger = fold_models(f"{lang}{k}-{f}", train, cache, epochs, learning_rate)
        for p in test:
            cands = triggers.candidates(p.paragraph)
            if not len(cands):
                out.append((p, None, None, None, None))
                continue
            scores = triggers.candidate_scores(cands, lexical, triggers.technique_salt(p.technique))
            lp = None
            if len(p.sentences[0]) > 1:
                lp = scorer.log_probs(p.sentences[1], [p.technique])
                scores = scores + T.triggers.SENTENCE_WEIGHT * triggers.sentence_term(cands, p.sentences[0], lp)[0]
                lp = lp[0]
            view = word_view(p.paragraph)
            z = tagger_logits(view, tagger, triggers.technique_salt(p.technique))
            out.append((p, Both(cands, view), scores, lp, z))
        triggers.candidates.cache_clear()
        word_view.cache_clear()
    return out


class Both:
    """A paragraph's candidates and word view, read as one (attributes of either)."""

    def __init__(self, cands, view):
        self.cands, self.view = cands, view

    def __getattr__(self, name):
        return getattr(self.view if hasattr(self.view, name) else self.cands, name)

    def __len__(self):
        return len(self.cands)


def word_sums(cands, values):
    """Each candidate's sum of ``values`` (one per word) over its words."""
    tok = np.zeros(len(cands.token_ids) + 1)
    tok[cands.word_tokens + 1] = values
    cum = np.cumsum(tok)
    return cum[cands.tok_end] - cum[cands.tok_start]


def tagger_span(cands, z, tau, lp, gamma):
    """(start, end, best sum): the best contiguous run of words within one sentence."""
    v = z - tau
    best = None
    for s in range(len(cands.sentences)):
        idx = np.flatnonzero(cands.word_sentence == s)
        if not len(idx):
            continue
        cum = np.concatenate([[0.0], np.cumsum(v[idx])])
        run_min = np.minimum.accumulate(cum[:-1])
        gain = cum[1:] - run_min
        j = int(np.argmax(gain))
        i = int(np.argmin(cum[: j + 1]))
        total = float(gain[j]) + (gamma * float(lp[s]) if lp is not None and s < len(lp) else 0.0)
        if best is None or total > best[2]:
            best = (int(cands.word_start[idx[i]]), int(cands.word_end[idx[j]]), total, float(gain[j]))
    return best


def word_probs(cands, z, lp, gamma):
    """Each word's probability of lying inside the trigger: the tagger's logit, plus gamma x the
    sentence scorer's log-probability of the word's sentence relative to a uniform choice."""
    if lp is not None and gamma:
        z = z + gamma * (lp[np.minimum(cands.word_sentence, len(lp) - 1)] + np.log(len(lp)))
    return 1.0 / (1.0 + np.exp(-z))


def soft_f1(cands, p):
    """Each candidate's expected-ish character F1 against the tagger's soft gold (words weighted
    by length): 2 * sum_inside(p * len) / (candidate length + sum_all(p * len))."""
    chars = (cands.word_end - cands.word_start).astype(float)
    inside = word_sums(cands, p * chars)
    return 2.0 * inside / ((cands.char_end - cands.char_start) + float((p * chars).sum()))


def span_of(cands, i):
    return int(cands.char_start[i]), int(cands.char_end[i])


def auc(z, y):
    if y.min() == y.max():
        return None
    order = np.argsort(z)
    ranks = np.empty(len(z))
    ranks[order] = np.arange(1, len(z) + 1)
    npos = y.sum()
    return (ranks[y > 0].sum() - npos * (npos + 1) / 2) / (npos * (len(y) - npos))


def evaluate(rows, decoders):
    res = {}
    for name, fn in decoders.items():
        m = np.array([T._span_metrics(None if c is None else fn(c, sc, lp, z), p.gold) for p, c, sc, lp, z in rows])
        res[name] = (m[:, 0].mean(), m[:, 1].mean(), m[:, 2].mean())
    return res


def decoders():
    d = {}

    def mbr(c, sc, lp, z, w=0.5):
        return triggers.best_span(c, sc, w)[:2]
    d["mbr"] = mbr
    for b in (0.25, 0.5, 1.0):
        for t in (-1.0, 0.0, 1.0):
            d[f"mbr+tag b={b} t={t}"] = (lambda b, t: lambda c, sc, lp, z: triggers.best_span(
                c, sc + b * word_sums(c, z - t), 0.5)[:2])(b, t)
    for t in (-0.5, 0.0, 0.5, 1.0):
        for g in (0.0, 1.0, 2.0):
            d[f"tag t={t} g={g}"] = (lambda t, g: lambda c, sc, lp, z: tagger_span(c, z, t, lp, g)[:2])(t, g)
    for g in (0.0, 1.0):
        def soft(c, sc, lp, z, g=g):
            return span_of(c, int(np.argmax(soft_f1(c, word_probs(c, z, lp, g)))))
        d[f"soft g={g}"] = soft
        for lam in (0.25, 0.5, 1.0, 2.0):
            def mbrsoft(c, sc, lp, z, g=g, lam=lam):
                top, gain = triggers.mbr_gain(c, sc, 0.5)
                gain = gain + lam * soft_f1(c, word_probs(c, z, lp, g))[top]
                return span_of(c, int(top[np.argmax(gain)]))
            d[f"mbr+soft g={g} l={lam}"] = mbrsoft
    for t in (0.0, 0.5):
        for k in (0.0, 2.0, 4.0):
            def hyb(c, sc, lp, z, t=t, k=k):
                s = tagger_span(c, z, t, lp, 1.0)
                return s[:2] if s[3] > k else triggers.best_span(c, sc, 0.5)[:2]
            d[f"hyb t={t} k={k}"] = hyb
    return d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/triggers-tagger")
    ap.add_argument("--setups", default="ru,fr,en")
    ap.add_argument("--tagger-epochs", type=int, default=2)  # see main()
    ap.add_argument("--tagger-lr", type=float, default=0.02)
    ap.add_argument("--decoders", default="", help="only the decoders whose name starts with one of these (comma-separated)")
    args = ap.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    by_lang = T._all_pairs()
    setups = {"ru": ("ru", T.DEV_FOLDS, T.DEV_TRAIN), "fr": ("fr", T.FR_FOLDS, [x for x in LANGS if x != "fr"]),
              "en": ("en", T.EN_FOLDS, [x for x in LANGS if x != "en"])}
    dec = decoders()
    if args.decoders:
        dec = {k: v for k, v in dec.items() if k == "mbr" or k.startswith(tuple(args.decoders.split(",")))}
    for name in args.setups.split(","):
        lang, k, train_langs = setups[name]
        rows = held_out(by_lang, lang, k, train_langs, cache, args.tagger_epochs, args.tagger_lr)
        aucs = [auc(z, word_labels(c.view, p.gold)) for p, c, sc, lp, z in rows if c is not None]
        print(f"tagger: mean within-paragraph word AUC {np.mean([a for a in aucs if a is not None]):.3f}; "
              f"share of words inside gold {np.mean([word_labels(c.view, p.gold).mean() for p, c, *_ in rows if c is not None]):.3f}")
        res = evaluate(rows, dec)
        print(f"\n{name}: {len(rows)} pairs; decoder: hit / char-F1 / mean length")
        for dn, (h, f, n) in res.items():
            print(f"  {dn:28s} {h:.3f} {f:.3f} {n:6.1f}", flush=True)
        with open(cache / f"results-{name}.json", "w") as fh:
            json.dump(res, fh, indent=1)


if __name__ == "__main__":
    main()
