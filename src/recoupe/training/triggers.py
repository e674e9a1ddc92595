"""Train and evaluate the persuasion trigger-span model (``recoupe.analysis.triggers``).

    python -m recoupe.training.triggers [--no-eval]

Each training example is a (paragraph, technique) pair of SemEval-2023 Task 3 (six languages)
with at least one gold span of that technique in the paragraph. The model scores every candidate
span of the paragraph; training pushes the softmax over candidates towards the candidates whose
character F1 with a gold span is within 0.1 of the best reachable (listwise loss, AdaGrad on the
hashed weights, fixed seed and order, so reruns write the same files).

Gold spans come from ``data.load_semeval``, which shifts SemEval's offsets (they count a CRLF
as two characters) into the text as it reads it.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import io  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from collections import Counter, defaultdict  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import numpy as np  # noqa: E402

from recoupe.analysis import triggers  # noqa: E402
from recoupe.training import data  # noqa: E402
from recoupe.training.data import LANGS, SEED, cache_dir, load_semeval  # noqa: E402
from recoupe.vectors import encode  # noqa: E402
from recoupe.training.fitting import run_training_cli  # noqa: E402

VERSION = "2"
EPOCHS = 3
LEARNING_RATE = 0.05
L2 = 1e-4
TARGET_MARGIN = 0.1  # candidates within this F1 of the best one are the targets
FR_FOLDS, EN_FOLDS = 3, 2
TOP_TECHNIQUES = 6
MIN_PAIRS_BY_TECHNIQUE = 20  # per-technique hit rate and char-F1 for techniques with this many held-out pairs
FR_REPEAT = 1
SENTENCE_C = 1.0  # inverse L2 strength of the sentence scorer
MIN_SENTENCE_POSITIVES = 100  # a technique gets its own sentence scorer from this many positive sentences


@dataclass
class Pair:
    lang: str
    article: str
    paragraph: str
    technique: str
    gold: list[tuple[int, int]]  # offsets into paragraph
    line: int = 0  # index of the paragraph among the article's non-blank lines (the title is 0)
    sentences: tuple | None = None  # (bounds into paragraph, vectors) as the pipeline computes them


def load_pairs(lang: str) -> list[Pair]:
    """Every (paragraph, technique) pair of one language with a gold span, in file order."""
    pairs = []
    for art in load_semeval(lang):
        if not art.spans:
            continue
        spans = art.spans
        for index, (line, offset) in enumerate(zip(art.line_texts, art.line_offsets)):
            paragraph = line.strip()
            start = offset + len(line) - len(line.lstrip())
            end = start + len(paragraph)
            by_technique: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for technique, s, e in spans:
                s, e = max(s, start) - start, min(e, end) - start
                if e - s > 0 and paragraph[s:e].strip():
                    by_technique[technique].append((s, e))
            for technique in sorted(by_technique):
                pairs.append(Pair(lang, art.id, paragraph, technique, sorted(by_technique[technique]), index))
    return pairs


def attach_sentences(lang: str, pairs: list[Pair]) -> list[Pair]:
    """Fill each pair's ``sentences`` as the pipeline computes them: the article's lines joined,
    split by ``data._sentence_bounds`` (spaCy's parser for fr/en), the sentences that start in the
    paragraph encoded. Cached under the data cache (``trigger-sentences-{lang}.npz``)."""
    path = cache_dir() / f"trigger-sentences-{lang}-{data.VECTORS}.npz"
    wanted = sorted({(p.article, p.line) for p in pairs})
    keys = [f"{a}\t{i}" for a, i in wanted]
    table = None
    if path.exists():
        with np.load(path) as cached:
            if list(cached["keys"]) == keys:
                table = (cached["counts"], cached["bounds"], cached["vecs"])
    if table is None:
        lines_needed: dict[str, set[int]] = defaultdict(set)
        for a, i in wanted:
            lines_needed[a].add(i)
        articles = [art for art in load_semeval(lang) if art.id in lines_needed]
        texts = ["\n".join(x.strip() for x in art.line_texts) for art in articles]
        all_bounds = data._sentence_bounds(texts, lang)
        found: dict[tuple[str, int], list[tuple[int, int]]] = {}
        sentence_texts = []
        for art, text, bounds in zip(articles, texts, all_bounds):
            offsets = np.cumsum([0] + [len(x.strip()) + 1 for x in art.line_texts[:-1]])
            for i in sorted(lines_needed[art.id]):
                start, end = int(offsets[i]), int(offsets[i]) + len(art.line_texts[i].strip())
                inside = [(b0 - start, min(b1, end) - start) for b0, b1 in bounds if start <= b0 < end]
                found[(art.id, i)] = inside
                sentence_texts.extend(text[start + b0 : start + b1] for b0, b1 in inside)
        counts = np.array([len(found[k]) for k in wanted], dtype=np.int64)
        flat = np.array([b for k in wanted for b in found[k]], dtype=np.int64).reshape(-1, 2)
        by_key_texts, pos = {}, 0
        for k, inside in found.items():  # insertion order = the order sentence_texts was filled in
            by_key_texts[k] = sentence_texts[pos : pos + len(inside)]
            pos += len(inside)
        print(f"encoding {len(sentence_texts)} {lang} sentences", flush=True)
        vecs = encode([t for k in wanted for t in by_key_texts[k]])
        np.savez(path, keys=np.array(keys), counts=counts, bounds=flat, vecs=vecs.astype(np.float32))
        table = (counts, flat, vecs)
    counts, flat, vecs = table
    cuts = np.cumsum(np.r_[0, counts])
    where = {k: (cuts[n], cuts[n + 1]) for n, k in enumerate(wanted)}
    for p in pairs:
        lo, hi = where[(p.article, p.line)]
        p.sentences = ([(int(a), int(b)) for a, b in flat[lo:hi]], vecs[lo:hi])
    return pairs


def _f1(cs: np.ndarray, ce: np.ndarray, gold: list[tuple[int, int]]) -> np.ndarray:
    """Best character-overlap F1 of each span (cs, ce) with any gold span."""
    best = np.zeros(len(cs))
    for s, e in gold:
        inter = np.clip(np.minimum(ce, e) - np.maximum(cs, s), 0, None)
        best = np.maximum(best, 2.0 * inter / ((ce - cs) + (e - s)))
    return best


def train_weights(pairs: list[Pair], epochs: int = EPOCHS, fr_repeat: int = FR_REPEAT) -> np.ndarray:
    """Hashed weights (2**HASH_BITS,) fitted on the pairs by listwise AdaGrad; French pairs are
    visited ``fr_repeat`` times per epoch, French being the language that matters most here."""
    weights = np.zeros(1 << triggers.HASH_BITS, dtype=np.float64)
    accum = np.full_like(weights, 1e-8)
    prepared = []
    for pair in pairs:
        cands = triggers.candidates(pair.paragraph)
        if not len(cands):
            continue
        f1 = _f1(cands.char_start, cands.char_end, pair.gold)
        target = (f1 >= f1.max() - TARGET_MARGIN).astype(np.float64)
        item = (cands, triggers.technique_salt(pair.technique), target / target.sum())
        prepared.extend([item] * (fr_repeat if pair.lang == "fr" else 1))
    rng = np.random.default_rng(SEED)
    for epoch in range(epochs):
        loss = 0.0
        for k in rng.permutation(len(prepared)):
            cands, salt, target = prepared[k]
            scores = triggers.candidate_scores(cands, weights, salt)
            p = np.exp(scores - scores.max())
            p /= p.sum()
            loss -= float(np.log(p[target > 0]).mean())
            g = p - target
            d = np.zeros(len(cands.token_ids) + 1)
            gi = g * cands.inv_sqrt
            np.add.at(d, cands.tok_start, gi)
            np.add.at(d, cands.tok_end, -gi)
            g_tok = np.cumsum(d)[:-1]
            m = cands.fixed.shape[1]
            ids = np.concatenate(
                [cands.fixed.ravel(), (cands.fixed ^ salt).ravel(), cands.token_ids.ravel(), (cands.token_ids ^ salt).ravel()]
            )
            grads = np.concatenate([np.repeat(g, m), np.repeat(g, m), np.repeat(g_tok, 3), np.repeat(g_tok, 3)])
            uniq, inverse = np.unique(ids, return_inverse=True)
            step = np.bincount(inverse, weights=grads) + L2 * weights[uniq]
            accum[uniq] += step * step
            weights[uniq] -= LEARNING_RATE * step / np.sqrt(accum[uniq])
        print(f"  epoch {epoch + 1}: mean loss {loss / max(len(prepared), 1):.3f} over {len(prepared)} pairs", flush=True)
    # All caches of candidates were built for training; free them.
    triggers.candidates.cache_clear()
    return weights.astype(np.float32)


def sentence_rows(pairs: list[Pair]):
    """Features, labels and techniques of every sentence of the pairs whose paragraph has two
    sentences or more (a one-sentence paragraph has nothing to choose): label 1 when a gold span
    of the pair's technique overlaps the sentence."""
    X, y, tech = [], [], []
    for p in pairs:
        bounds, vecs = p.sentences
        if len(bounds) < 2:
            continue
        X.append(triggers.sentence_features(vecs))
        y.extend(int(any(s < ge and e > gs for gs, ge in p.gold)) for s, e in bounds)
        tech.extend([p.technique] * len(bounds))
    return np.vstack(X), np.array(y), np.array(tech)


def train_sentence_scorer(pairs: list[Pair], c: float = SENTENCE_C) -> triggers.SentenceScorer:
    """One logistic regression per technique with MIN_SENTENCE_POSITIVES positive sentences, and a
    shared one over all techniques for the others (lbfgs: deterministic on one thread)."""
    from sklearn.linear_model import LogisticRegression

    X, y, tech = sentence_rows(pairs)
    own = [t for t in sorted(set(tech)) if y[tech == t].sum() >= MIN_SENTENCE_POSITIVES and (y[tech == t] == 0).sum() > 0]
    coefs, intercepts = [], []
    for t in own + [None]:
        keep = slice(None) if t is None else tech == t
        lr = LogisticRegression(C=c, max_iter=2000).fit(X[keep], y[keep])
        coefs.append(lr.coef_[0])
        intercepts.append(lr.intercept_[0])
    return triggers.SentenceScorer(np.array(coefs, dtype=np.float32), np.array(intercepts, dtype=np.float32),
                                   {t: i for i, t in enumerate(own)})


def _model(weights: np.ndarray, scorer, techniques) -> triggers.TriggerModel:
    return triggers.TriggerModel(weights, {t: triggers.technique_salt(t) for t in techniques}, {}, scorer)


def _all_pairs() -> dict[str, list[Pair]]:
    return {lang: attach_sentences(lang, load_pairs(lang)) for lang in LANGS}


def _save_npz(path, **arrays) -> None:
    """np.savez_compressed, but with fixed zip timestamps so a rerun writes identical bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, array in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def train() -> None:
    by_lang = _all_pairs()
    pairs = [p for lang in LANGS for p in by_lang[lang]]
    print(f"training on {len(pairs)} (paragraph, technique) pairs", flush=True)
    weights = train_weights(pairs)
    scorer = train_sentence_scorer(pairs)
    out = triggers.MODEL_DIR
    out.mkdir(parents=True, exist_ok=True)
    # Almost every bucket is used (shared + 23 technique-crossed copies), so dense float16 is smallest.
    _save_npz(out / "weights.npz", weights=weights.astype(np.float16))
    _save_npz(out / "sentences.npz", coef=scorer.coef.astype(np.float32), intercept=scorer.intercept.astype(np.float32))
    techniques = sorted({p.technique for p in pairs})
    meta = {
        "name": triggers.MODEL_NAME,
        "version": VERSION,
        "hash_bits": triggers.HASH_BITS,
        "hashing": "crc32 of lower-cased tokens, mixed per feature kind (analysis/triggers.py _mix); "
        "technique-crossed copy = bucket XOR crc32(technique)",
        "max_window_words": triggers.MAX_WINDOW,
        "length_buckets": triggers.LENGTH_BUCKETS.tolist(),
        "features": "inside: word, 5-char prefix, bigram (sum / sqrt(words)); edges: first/last word, "
        "previous/next token; length bucket, clause/sentence alignment, '?', '!', quotes, capitals, "
        "position, shape; each shared and crossed with the technique",
        "techniques": techniques,
        "sentence_weight": triggers.SENTENCE_WEIGHT,
        "sentence_overlap_weight": triggers.SENTENCE_OVERLAP_WEIGHT,
        "sentence_scorer": {
            "features": "[sentence vector, sentence vector - paragraph mean] (2 x 512), the pipeline's sentence "
            "vectors (multilingual USE v3); label: a gold span of the technique overlaps the sentence; "
            "paragraphs of two sentences or more",
            "techniques": sorted(scorer.rows, key=scorer.rows.get),
            "shared_row": "last row of coef: all techniques pooled, for the techniques not listed",
            "c": SENTENCE_C,
            "min_positives": MIN_SENTENCE_POSITIVES,
        },
        "training": {
            "pairs": {lang: len(by_lang[lang]) for lang in LANGS},
            "gold_spans_in_pairs": {lang: sum(len(p.gold) for p in by_lang[lang]) for lang in LANGS},
            "epochs": EPOCHS,
            "learning_rate": LEARNING_RATE,
            "l2": L2,
            "target_margin": TARGET_MARGIN,
            "seed": SEED,
        },
        "nonzero_weights": int(np.count_nonzero(weights)),
        "licence": "SemEval-2023 Task 3 data: research use only; this model inherits that",
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    triggers.load.cache_clear()


def _folds(pairs: list[Pair], k: int) -> list[int]:
    """Fold of each pair, grouped by article (a seeded shuffle of the sorted article ids)."""
    articles = sorted({p.article for p in pairs})
    order = np.random.default_rng(SEED).permutation(len(articles))
    fold_of = {articles[i]: rank % k for rank, i in enumerate(order)}
    return [fold_of[p.article] for p in pairs]


def _span_metrics(pred: tuple[int, int] | None, gold: list[tuple[int, int]]) -> tuple[float, float, int]:
    if pred is None:
        return 0.0, 0.0, 0
    s, e = pred
    hit = any(s < ge and e > gs for gs, ge in gold)
    f1 = float(_f1(np.array([s]), np.array([e]), gold)[0])
    return float(hit), f1, e - s


def _predictions(pairs: list[Pair], weights: np.ndarray, scorer=None) -> dict[str, list]:
    """Each method's predicted (start, end) per pair; the random baseline draws with a fixed seed.
    ``triggers`` is the shipped decoding (lexical + sentence scorer at the shipped operating point),
    ``lexical`` the lexical model alone as triggers@1 decoded it, ``best_sentence`` the whole
    sentence the sentence scorer ranks first."""
    rng = np.random.default_rng(SEED)
    names = ["triggers", "lexical", "triggers_top1", "best_sentence", "first_sentence", "longest_sentence",
             "random_candidate"]
    out = {name: [] for name in names}
    techniques = sorted({p.technique for p in pairs})
    model = _model(weights, scorer, techniques)
    for pair in pairs:
        cands = triggers.candidates(pair.paragraph)
        if not len(cands):
            for v in out.values():
                v.append(None)
            continue
        lexical = triggers.candidate_scores(cands, weights, triggers.technique_salt(pair.technique))
        s, e, _ = triggers.best_span(cands, lexical, triggers.OVERLAP_WEIGHT)
        out["lexical"].append((s, e))
        bounds, vecs = pair.sentences
        use = scorer is not None and len(bounds) > 1
        scores = triggers.technique_scores(cands, model, [pair.technique], pair.sentences,
                                           triggers.SENTENCE_WEIGHT)[0] if use else lexical
        s, e, _ = triggers.best_span(cands, scores, triggers.SENTENCE_OVERLAP_WEIGHT if use else triggers.OVERLAP_WEIGHT)
        out["triggers"].append((s, e))
        top = int(np.argmax(scores))  # diagnostic: the single best-scored candidate, no MBR decoding
        out["triggers_top1"].append((int(cands.char_start[top]), int(cands.char_end[top])))
        if use:
            out["best_sentence"].append(bounds[int(np.argmax(scorer.log_probs(vecs, [pair.technique])[0]))])
        else:
            out["best_sentence"].append(max(cands.sentences, key=lambda x: x[1] - x[0]) if not bounds else bounds[0])
        out["first_sentence"].append(cands.sentences[0])
        out["longest_sentence"].append(max(cands.sentences, key=lambda x: x[1] - x[0]))
        r = int(rng.integers(len(cands)))
        out["random_candidate"].append((int(cands.char_start[r]), int(cands.char_end[r])))
    return out


SENTENCE_WEIGHTS = (0.0, 0.5, 1.0, 2.0, 4.0, 8.0)  # the operating-point grid (choose_operating_point)
OVERLAP_WEIGHTS = (0.0, 0.25, 0.5)
DEV_TRAIN, DEV_CHOOSE, DEV_READ = ("en", "ge", "it", "po"), "ru", "fr"
DEV_FOLDS = 2


def _curve(pairs: list[Pair], weights: np.ndarray, scorer) -> list[dict]:
    """Hit rate, mean best char-F1 and mean length of every (sentence weight, overlap weight) pair
    of the grid on ``pairs``; the lexical scores and sentence term are computed once per pair."""
    techniques = sorted({p.technique for p in pairs})
    model = _model(weights, scorer, techniques)
    grid = [(a, w) for a in SENTENCE_WEIGHTS for w in OVERLAP_WEIGHTS]
    rows = {g: [] for g in grid}
    for pair in pairs:
        cands = triggers.candidates(pair.paragraph)
        if not len(cands):
            for g in grid:
                rows[g].append(_span_metrics(None, pair.gold))
            continue
        lexical = triggers.candidate_scores(cands, weights, triggers.technique_salt(pair.technique))
        term = None
        if len(pair.sentences[0]) > 1:
            term = triggers.sentence_term(cands, pair.sentences[0], scorer.log_probs(pair.sentences[1], [pair.technique]))[0]
        for a, w in grid:
            scores = lexical if term is None or a == 0 else lexical + a * term
            s, e, _ = triggers.best_span(cands, scores, w)
            rows[(a, w)].append(_span_metrics((s, e), pair.gold))
    out = []
    for (a, w), r in rows.items():
        r = np.array(r)
        out.append({"sentence_weight": a, "overlap_weight": w, "hit_rate": round(float(r[:, 0].mean()), 3),
                    "mean_best_f1": round(float(r[:, 1].mean()), 3), "mean_length_chars": round(float(r[:, 2].mean()), 1)})
    return out


def choose_operating_point(by_lang: dict[str, list[Pair]]) -> dict:
    """Draw the (sentence weight, overlap weight) curve on Russian as the French evaluation sees
    French: 2-fold grouped by article, each fold trained on en/ge/it/po plus the other Russian fold
    (the language is in training, as French is in the shipped model). Choose there: the highest
    mean char-F1 among the settings whose hit rate is at least the lexical model's as triggers@1
    decoded it (weight 0, overlap 0.5). French (never trained on here) is read afterwards with the
    first fold's models."""
    held = by_lang[DEV_CHOOSE]
    folds = _folds(held, DEV_FOLDS)
    others = [p for lang in DEV_TRAIN for p in by_lang[lang]]
    rows: dict[str, list] = {DEV_CHOOSE: [], DEV_READ: []}
    sizes = []
    for f in range(DEV_FOLDS):
        train = others + [p for p, x in zip(held, folds) if x != f]
        test = [p for p, x in zip(held, folds) if x == f]
        print(f"operating point, {DEV_CHOOSE} fold {f + 1}/{DEV_FOLDS}: training on {'/'.join(DEV_TRAIN)} + the other "
              f"{DEV_CHOOSE} fold ({len(train)} pairs)", flush=True)
        weights = train_weights(train)
        scorer = train_sentence_scorer(train)
        rows[DEV_CHOOSE].append(_curve(test, weights, scorer))
        sizes.append(len(test))
        if f == 0:
            rows[DEV_READ].append(_curve(by_lang[DEV_READ], weights, scorer))
        triggers.candidates.cache_clear()
    # pool the folds' curves, each weighted by its number of pairs
    dev = []
    for k in range(len(rows[DEV_CHOOSE][0])):
        r = dict(rows[DEV_CHOOSE][0][k])
        for key in ("hit_rate", "mean_best_f1", "mean_length_chars"):
            r[key] = round(sum(c[k][key] * n for c, n in zip(rows[DEV_CHOOSE], sizes)) / sum(sizes), 3)
        dev.append(r)
    curves = {DEV_CHOOSE: dev, DEV_READ: rows[DEV_READ][0]}
    base = next(r for r in dev if r["sentence_weight"] == 0 and r["overlap_weight"] == 0.5)
    allowed = [r for r in dev if r["hit_rate"] >= base["hit_rate"]]
    chosen = max(allowed, key=lambda r: (r["mean_best_f1"], -r["mean_length_chars"]))
    print(f"\n  {'weight':>6s} {'overlap':>7s} | {DEV_CHOOSE} hit  char-F1   len | {DEV_READ} hit  char-F1   len")
    for r, f in zip(dev, curves[DEV_READ]):
        mark = " <- chosen" if r is chosen else ""
        print(f"  {r['sentence_weight']:6.1f} {r['overlap_weight']:7.2f} | {r['hit_rate']:.3f}  {r['mean_best_f1']:.3f} "
              f"{r['mean_length_chars']:6.1f} | {f['hit_rate']:.3f}  {f['mean_best_f1']:.3f} {f['mean_length_chars']:6.1f}{mark}")
    return {"train": list(DEV_TRAIN), "choose_on": f"{DEV_CHOOSE}, {DEV_FOLDS}-fold, other fold in training",
            "read_afterwards": DEV_READ,
            "chosen": {"sentence_weight": chosen["sentence_weight"], "overlap_weight": chosen["overlap_weight"]},
            "curve": curves}


def _summarise(pairs: list[Pair], preds: dict[str, list]) -> dict:
    top = [t for t, _ in Counter(p.technique for p in pairs).most_common(TOP_TECHNIQUES)]
    common = [t for t, n in Counter(p.technique for p in pairs).most_common() if n >= MIN_PAIRS_BY_TECHNIQUE]
    result = {"pairs": len(pairs), "gold_span_median_chars": float(np.median([e - s for p in pairs for s, e in p.gold]))}
    for method, spans in preds.items():
        rows = np.array([_span_metrics(sp, p.gold) for sp, p in zip(spans, pairs)])
        techniques = np.array([p.technique for p in pairs])
        result[method] = {
            "hit_rate": round(float(rows[:, 0].mean()), 3),
            "mean_best_f1": round(float(rows[:, 1].mean()), 3),
            "mean_length_chars": round(float(rows[:, 2].mean()), 1),
            "median_length_chars": float(np.median(rows[:, 2])),
            "hit_rate_by_technique": {t: round(float(rows[techniques == t, 0].mean()), 3) for t in top},
            "by_technique": {t: {"pairs": int((techniques == t).sum()),
                                 "hit_rate": round(float(rows[techniques == t, 0].mean()), 3),
                                 "char_f1": round(float(rows[techniques == t, 1].mean()), 3),
                                 "mean_length_chars": round(float(rows[techniques == t, 2].mean()), 1)}
                             for t in common},
        }
    return result


def _cross_validate(by_lang: dict[str, list[Pair]], lang: str, k: int) -> dict:
    """Grouped k-fold over the language's articles; train = other languages + other folds."""
    held = by_lang[lang]
    others = [p for other in LANGS if other != lang for p in by_lang[other]]
    folds = _folds(held, k)
    preds: dict[str, list] = {}
    ordered: list[Pair] = []
    for f in range(k):
        test = [p for p, x in zip(held, folds) if x == f]
        train = others + [p for p, x in zip(held, folds) if x != f]
        print(f"{lang} fold {f + 1}/{k}: train {len(train)} pairs, test {len(test)}", flush=True)
        weights = train_weights(train)
        scorer = train_sentence_scorer(train)
        for method, spans in _predictions(test, weights, scorer).items():
            preds.setdefault(method, []).extend(spans)
        ordered.extend(test)
        triggers.candidates.cache_clear()
    return _summarise(ordered, preds)


def _print(lang: str, scores: dict) -> None:
    print(f"\n{lang}: {scores['pairs']} held-out (paragraph, technique) pairs, gold span median "
          f"{scores['gold_span_median_chars']:.0f} chars")
    methods = ["triggers", "lexical", "triggers_top1", "best_sentence", "first_sentence", "longest_sentence",
               "random_candidate"]
    print(f"  {'method':18s} {'hit':>6s} {'bestF1':>7s} {'len':>6s}")
    for m in methods:
        s = scores[m]
        print(f"  {m:18s} {s['hit_rate']:6.3f} {s['mean_best_f1']:7.3f} {s['mean_length_chars']:6.1f}")
    print("  hit rate by technique: " + " | ".join(methods))
    for t in scores["triggers"]["hit_rate_by_technique"]:
        print(f"    {t:34s} " + " ".join(f"{scores[m]['hit_rate_by_technique'][t]:.3f}" for m in methods))
    print(f"  shipped decoding, per technique ({MIN_PAIRS_BY_TECHNIQUE}+ pairs): pairs, hit, char-F1, mean length")
    for t, v in scores["triggers"].get("by_technique", {}).items():
        print(f"    {t:34s} {v['pairs']:5d} {v['hit_rate']:6.3f} {v['char_f1']:6.3f} {v['mean_length_chars']:6.1f}")


def _timing(pairs: list[Pair]) -> dict:
    """Mean cost of find_trigger per (paragraph, technique) pair over 1,000 French pairs, with the
    paragraph's sentence vectors (as the pipeline calls it) and without (the lexical model alone):
    a first pass from an empty cache (a paragraph's candidates are built once, shared by its
    techniques), then a second pass with every paragraph's candidates cached."""
    triggers.load()
    sample = pairs[:1000]
    out = {}
    for name, with_sentences in (("", True), ("lexical_", False)):
        triggers.candidates.cache_clear()
        for label in ("cold", "cached"):
            t0 = time.perf_counter()
            for p in sample:
                triggers.find_trigger(p.paragraph, p.technique, p.lang, p.sentences if with_sentences else None)
            out[f"{name}ms_per_call_{label}"] = round((time.perf_counter() - t0) / max(len(sample), 1) * 1000, 3)
    print(f"\nfind_trigger, ms per (paragraph, technique), {len(sample)} French pairs: with sentence vectors "
          f"{out['ms_per_call_cold']:.3f} from an empty cache, {out['ms_per_call_cached']:.3f} cached; lexical only "
          f"{out['lexical_ms_per_call_cold']:.3f} / {out['lexical_ms_per_call_cached']:.3f}")
    return out


def evaluate() -> dict:
    """Held-out span scores for French (3-fold) and English (2-fold), beside three baselines."""
    by_lang = _all_pairs()
    scores = {"operating_point": choose_operating_point(by_lang)}
    scores["fr"] = _cross_validate(by_lang, "fr", FR_FOLDS)
    _print("fr", scores["fr"])
    scores["en"] = _cross_validate(by_lang, "en", EN_FOLDS)
    _print("fr", scores["fr"])
    _print("en", scores["en"])
    scores["timing"] = _timing(by_lang["fr"])
    return scores


if __name__ == "__main__":
    run_training_cli(
        "Train the persuasion trigger-span model on SemEval-2023 Task 3 and ship it.",
        triggers.MODEL_NAME,
        train,
        evaluate,
    )
