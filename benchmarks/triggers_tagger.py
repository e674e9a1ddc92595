"""Issue 15 item 3: a word tagger for the persuasion trigger spans, measured by triggers@2's CV
(the grid that chose triggers@3's decoding; NOTES.md, issue 15, "Eighth round"; MODEL_CARD.md of ``triggers``).

    PYTHONPATH=$PWD/src python benchmarks/triggers_tagger.py [--cache DIR] [--setups ru,fr,en]
        [--decoders mbr+soft,...] [--tagger-epochs 2 --tagger-lr 0.02] [--hashed-only]

Setups (the same pairs, folds and training sets as ``recoupe.training.triggers``):
- ``ru`` (development, where the decoding is chosen): Russian 2-fold grouped by article, each fold
  trained on en/ge/it/po + the other Russian fold (``choose_operating_point``'s protocol);
- ``fr``: French 3-fold grouped by article, trained on the five other languages + the other folds;
- ``en``: English 2-fold, likewise.
Each fold trains the lexical model and the sentence scorer (triggers@2's recipe) and the word
tagger below, cached as .npz under ``--cache`` (``TAGGER_REUSE=DIR`` reuses another run's lexical
model and sentence scorer and retrains only the tagger); then every decoder is scored on the
held-out pairs with ``_span_metrics``: hit rate, mean best char-F1, mean length.

The tagger is ``training.triggers.train_tagger``: per word of the paragraph, a logistic "inside a
gold span of the technique" over 14 hashed features (``triggers.candidates``'s word view: the word,
its 5-letter prefix, the tokens one and two before and after, the two bigrams it is part of, its
distance from the sentence's start and end, its clause's start / end / rank in the sentence,
inside quotation marks, shape, whether the sentence holds '?' or '!', which sentence, a bias), each
shared and crossed with the technique as in the lexical model, and (unless ``--hashed-only``) the
word's piece vector beside its neighbours' (``triggers.word_vectors``). No encoder call.

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
With the piece vectors (the default; the two runs above were ``--hashed-only``), fixed before that run:
the highest Russian char-F1 among all decoders whose Russian hit rate is at most 0.02 below ``mbr``'s.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from recoupe.analysis import triggers  # noqa: E402
from recoupe.training import triggers as T  # noqa: E402
from recoupe.training.data import LANGS  # noqa: E402

DENSE = True  # --hashed-only clears it: the tagger without the words' piece vectors (the first runs)
COLUMNS = None  # --columns: only these of the hashed word features (e.g. 13, the bias: piece vectors alone)


def fold_models(name, train, cache: Path, epochs: int, learning_rate: float):
    path = cache / f"{name}.npz"
    if path.exists():
        with np.load(path) as d:
            rows = json.loads(str(d["rows"]))
            techniques = json.loads(str(d["techniques"])) if "techniques" in d.files else sorted({p.technique for p in train})
            tagger = (d["tagger"], d["dense"] if "dense" in d.files else None, techniques)
            return (d["lexical"], triggers.SentenceScorer(d["coef"], d["intercept"], rows), tagger)
    t0 = time.time()
    reuse = Path(os.environ.get("TAGGER_REUSE", "/nonexistent")) / f"{name}.npz"
    if reuse.exists():  # the lexical model and sentence scorer of an earlier run (same recipe, same pairs)
        with np.load(reuse) as d:
            lexical = d["lexical"]
            scorer = triggers.SentenceScorer(d["coef"], d["intercept"], json.loads(str(d["rows"])))
    else:
        lexical = T.train_weights(train)
        scorer = T.train_sentence_scorer(train)
    tagger = T.train_tagger(train, epochs, learning_rate, dense=DENSE, columns=COLUMNS)
    extra = {"tagger": tagger[0], "techniques": json.dumps(tagger[2])}
    if tagger[1] is not None:
        extra["dense"] = tagger[1]
    np.savez(path, lexical=lexical, coef=scorer.coef, intercept=scorer.intercept, rows=json.dumps(scorer.rows), **extra)
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
        model = T._model(lexical, scorer, [], tagger)
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
            dense = model.dense_terms(cands, [p.technique]) if model.tagger_dense is not None else None
            view = cands if COLUMNS is None else dataclasses.replace(cands, word_features=cands.word_features[:, COLUMNS])
            z = triggers.tagger_logits(view, model.tagger, [triggers.technique_salt(p.technique)], dense)[0]
            out.append((p, cands, scores, lp, z))
        triggers.candidates.cache_clear()
    return out


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
            every = np.arange(len(c))
            return span_of(c, int(np.argmax(triggers.soft_f1(c, triggers.word_probabilities(c, z, lp, g), every))))
        d[f"soft g={g}"] = soft
        for lam in (0.25, 0.5, 1.0, 2.0):
            def mbrsoft(c, sc, lp, z, g=g, lam=lam):  # the shipped decoding at (g, lam) = (1, 2)
                return triggers.best_span(c, sc, 0.5, triggers.word_probabilities(c, z, lp, g), lam)[:2]
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
    ap.add_argument("--columns", default="", help="only these hashed word features (comma-separated indices)")
    ap.add_argument("--hashed-only", action="store_true", help="the tagger without the words' piece vectors")
    args = ap.parse_args()
    global DENSE, COLUMNS
    DENSE = not args.hashed_only
    COLUMNS = None if not args.columns else [int(x) for x in args.columns.split(",")]
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
        aucs = [auc(z, T.word_labels(c, p.gold)) for p, c, sc, lp, z in rows if c is not None]
        print(f"tagger: mean within-paragraph word AUC {np.mean([a for a in aucs if a is not None]):.3f}; "
              f"share of words inside gold {np.mean([T.word_labels(c, p.gold).mean() for p, c, *_ in rows if c is not None]):.3f}")
        res = evaluate(rows, dec)
        print(f"\n{name}: {len(rows)} pairs; decoder: hit / char-F1 / mean length")
        for dn, (h, f, n) in res.items():
            print(f"  {dn:28s} {h:.3f} {f:.3f} {n:6.1f}", flush=True)
        with open(cache / f"results-{name}.json", "w") as fh:
            json.dump(res, fh, indent=1)


if __name__ == "__main__":
    main()
