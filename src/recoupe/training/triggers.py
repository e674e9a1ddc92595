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
from recoupe.training.data import LANGS, SEED, load_semeval  # noqa: E402
from recoupe.training.fitting import run_training_cli  # noqa: E402

VERSION = "1"
EPOCHS = 3
LEARNING_RATE = 0.05
L2 = 1e-4
TARGET_MARGIN = 0.1  # candidates within this F1 of the best one are the targets
FR_FOLDS, EN_FOLDS = 3, 2
TOP_TECHNIQUES = 6
MIN_PAIRS_BY_TECHNIQUE = 20  # per-technique hit rate and char-F1 for techniques with this many held-out pairs
FR_REPEAT = 1


@dataclass
class Pair:
    lang: str
    article: str
    paragraph: str
    technique: str
    gold: list[tuple[int, int]]  # offsets into paragraph


def load_pairs(lang: str) -> list[Pair]:
    """Every (paragraph, technique) pair of one language with a gold span, in file order."""
    pairs = []
    for art in load_semeval(lang):
        if not art.spans:
            continue
        spans = art.spans
        for line, offset in zip(art.line_texts, art.line_offsets):
            paragraph = line.strip()
            start = offset + len(line) - len(line.lstrip())
            end = start + len(paragraph)
            by_technique: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for technique, s, e in spans:
                s, e = max(s, start) - start, min(e, end) - start
                if e - s > 0 and paragraph[s:e].strip():
                    by_technique[technique].append((s, e))
            for technique in sorted(by_technique):
                pairs.append(Pair(lang, art.id, paragraph, technique, sorted(by_technique[technique])))
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


def _all_pairs() -> dict[str, list[Pair]]:
    return {lang: load_pairs(lang) for lang in LANGS}


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
    out = triggers.MODEL_DIR
    out.mkdir(parents=True, exist_ok=True)
    # Almost every bucket is used (shared + 23 technique-crossed copies), so dense float16 is smallest.
    _save_npz(out / "weights.npz", weights=weights.astype(np.float16))
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


def _predictions(pairs: list[Pair], weights: np.ndarray) -> dict[str, list]:
    """Each method's predicted (start, end) per pair; the random baseline draws with a fixed seed."""
    rng = np.random.default_rng(SEED)
    out = {"triggers": [], "triggers_top1": [], "first_sentence": [], "longest_sentence": [], "random_candidate": []}
    for pair in pairs:
        cands = triggers.candidates(pair.paragraph)
        if not len(cands):
            for v in out.values():
                v.append(None)
            continue
        scores = triggers.candidate_scores(cands, weights, triggers.technique_salt(pair.technique))
        s, e, _ = triggers.best_span(cands, scores)
        out["triggers"].append((s, e))
        top = int(np.argmax(scores))  # diagnostic: the single best-scored candidate, no MBR decoding
        out["triggers_top1"].append((int(cands.char_start[top]), int(cands.char_end[top])))
        out["first_sentence"].append(cands.sentences[0])
        out["longest_sentence"].append(max(cands.sentences, key=lambda x: x[1] - x[0]))
        r = int(rng.integers(len(cands)))
        out["random_candidate"].append((int(cands.char_start[r]), int(cands.char_end[r])))
    return out


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
        for method, spans in _predictions(test, weights).items():
            preds.setdefault(method, []).extend(spans)
        ordered.extend(test)
        triggers.candidates.cache_clear()
    return _summarise(ordered, preds)


def _print(lang: str, scores: dict) -> None:
    print(f"\n{lang}: {scores['pairs']} held-out (paragraph, technique) pairs, gold span median "
          f"{scores['gold_span_median_chars']:.0f} chars")
    methods = ["triggers", "triggers_top1", "first_sentence", "longest_sentence", "random_candidate"]
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
    """Mean cost of find_trigger per (paragraph, technique) pair: a first pass over 1,000 French pairs
    from an empty cache (a paragraph's candidates are built once, shared by its techniques), then a
    second pass with every paragraph's candidates cached."""
    triggers.load()
    triggers.candidates.cache_clear()
    sample = pairs[:1000]
    t0 = time.perf_counter()
    for p in sample:
        triggers.find_trigger(p.paragraph, p.technique, p.lang)
    cold = (time.perf_counter() - t0) / max(len(sample), 1)
    t0 = time.perf_counter()
    for p in sample:
        triggers.find_trigger(p.paragraph, p.technique, p.lang)
    warm = (time.perf_counter() - t0) / max(len(sample), 1)
    print(f"\nfind_trigger: {cold * 1000:.3f} ms per (paragraph, technique) from an empty cache, "
          f"{warm * 1000:.3f} ms with the paragraph's candidates cached ({len(sample)} French pairs)")
    return {"ms_per_call_cold": round(cold * 1000, 3), "ms_per_call_cached": round(warm * 1000, 3)}


def evaluate() -> dict:
    """Held-out span scores for French (3-fold) and English (2-fold), beside three baselines."""
    by_lang = _all_pairs()
    scores = {"fr": _cross_validate(by_lang, "fr", FR_FOLDS)}
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
