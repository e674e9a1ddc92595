"""Train, cross-validate and ship the speaker candidate scorer: ``python -m recoupe.training.speakers``.

Data: the hand-annotated attribution set (``../shared/data/attribution/``, 30 French and 14
English articles). Every article is analysed once with the rules deciding, recording for each quote
its speaker candidates and their features (``recoupe.analysis.quotes.candidates``); a gold quote is
paired with its first overlapping prediction exactly as the README's scorer does, and a candidate
is a positive when what the quote would then say (speaker phrase or canonical name) names the gold
speaker under the scorer's word rule. Quotes whose candidates all agree carry no label and are left
out.

Folds: grouped by article, ``K`` folds per language (articles sorted by file name, position mod K),
French and English pooled. For each C of the grid the lock policy is learned: the scorer is
cross-validated free on every speaker-phrase kind (``candidates.lock_kind``), and a kind is locked
(the rules' speaker stands) where the rules are right at least as often as the out-of-fold scorer.
C, with its policy, is chosen on the pooled out-of-fold speaker accuracy over every annotated
article, both languages (issue 14, fifth pass: the development half alone had started to be
over-fitted); the development (even positions) and held-out (odd) halves are printed beside it.
The shipped file holds the model trained on every article (row 0) and each fold's model (row 1 +
fold), all on one standardisation, with the lock policy and each training article's digest and
fold, so that ``recoupe eval attribution`` on this set analyses every article with the model that
did not see it.

    python -m recoupe.training.speakers            # cross-validate, print, ship if it beats the rules
    python -m recoupe.training.speakers --dry-run  # cross-validate and print only
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from recoupe.analysis import linear_model
from recoupe.analysis.quotes.candidates import (
    FEATURES,
    LOCK_KINDS,
    RULE_LOCKS,
    SPEAKER_MODEL_NAME,
    article_key,
    decide,
    fold_model,
    open_rows,
    recording,
)
from recoupe.evaluation.attribution import halves, load, names_speaker
from recoupe.evaluation.extra_attribution import FIGURES_ONLY, SETS
from recoupe.evaluation.spans import _gold_span, _overlap, locate
from recoupe.training.data import SEED
from recoupe.training.fitting import standard_scaler

K = 5
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
VERSION = "1"
DATA_FILES = ["data/attribution/fr/gold.json", "data/attribution/en/gold.json", "data/attribution/fr/articles",
              "data/attribution/en/articles"]

EXTRA_SETS = tuple(SETS)  # the extra annotated articles' sets (``evaluation.extra_attribution``)


@dataclass
class Item:
    """One matched gold quote: the candidates of the prediction that answers it."""

    lang: str
    article: str
    fold: int
    half: str
    X: np.ndarray  # candidates x features
    y: np.ndarray  # 1 where the candidate names the gold speaker
    rule_index: int | None
    kind: str | None = None  # the speaker phrase's lock kind (``candidates.lock_kind``)
    said: list = None  # what the quote would say with each candidate (for reading errors)
    gold: str = ""


def record_articles(data: Path, extra: list = ()) -> dict[tuple[str, str], tuple[str, list[dict]]]:
    """(lang, file) -> (article text, recorded quotes), the rules deciding."""
    from recoupe import Analyzer, AnalyzerConfig

    analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))
    out = {}
    fold = folds(data, extra)
    for lang, name, _, articles, _ in annotated(data, extra):
        sink: list[dict] = []
        # the article's fold: the reported-speech filter (same folds) uses the row that left it out
        with fold_model(fold[(lang, name)]), recording(sink):
            report = next(iter(analyzer.findings_many([articles[name]], lang=lang)))
        n_quotes = len(getattr(report, "quotes", []) or [])
        if len(sink) != n_quotes:
            raise RuntimeError(f"{name}: {len(sink)} records for {n_quotes} quotes")
        out[(lang, name)] = (articles[name], sink)
    analyzer.close()
    return out


def folds(data: Path, extra: list = ()) -> dict[tuple[str, str], int]:
    """Article -> fold: file-name position mod K within each language's human set, and within the
    extra annotated French articles (``evaluation.extra_attribution``) when they are used."""
    out = {}
    for lang in ("fr", "en"):
        gold, _ = load(data, lang)
        for i, name in enumerate(sorted(gold)):
            out[(lang, name)] = i % K
    return out | extra_folds(extra)


def extra_folds(extra: list) -> dict[tuple[str, str], int]:
    """(lang, file) -> fold of the extra annotated articles: file-name position mod K within their language."""
    out = {}
    for lang in sorted({a.lang for a in extra}):
        for i, a in enumerate(sorted((a for a in extra if a.lang == lang), key=lambda a: a.name)):
            out[(lang, a.name)] = i % K
    return out


def annotated(data: Path, extra: list = ()):
    """Each annotated article as (lang, name, its gold, its texts, its half), in the folds' order; the
    extra annotated articles come last, their half being their set (``dev1``, ``dev2``)."""
    for lang in ("fr", "en"):
        gold, texts = load(data, lang)
        half = {n: h for h, names in halves(gold).items() for n in names}
        for name in sorted(gold):
            yield lang, name, gold[name], texts, half[name]
    if extra:
        from recoupe.evaluation.extra_attribution import as_gold

        for lang in ("fr", "en"):
            mine = [a for a in extra if a.lang == lang]
            gold, texts = as_gold(mine)
            sets = {a.name: a.set for a in mine}
            for name in sorted(gold):
                yield lang, name, gold[name], texts, sets[name]


def items(data: Path, recorded: dict, extra: list = ()) -> list[Item]:
    """Matched gold quotes with their candidates, labelled by the scorer's rule."""
    fold = folds(data, extra)
    out = []
    for lang, name, article_gold, _, article_half in annotated(data, extra):
        text, records = recorded[(lang, name)]
        preds = sorted(((span, r) for r in records if (span := locate(text, r["text"])) is not None),
                       key=lambda p: p[0])
        for g in article_gold.get("quotes", []):
            g_span = _gold_span(text, g["evidence"])
            first = next((r for span, r in preds if _overlap(span, g_span)), None)
            if first is None:
                continue
            if "inherits" in first:  # a floating or pull quote: its source's candidates decide
                first = records[first["inherits"]] if first["inherits"] is not None else None
            if first is None or not first["X"]:
                continue
            y = np.array([names_speaker(g["speaker"], said) for said in first["said"]], dtype=int)
            out.append(Item(lang, name, fold[(lang, name)], article_half, np.array(first["X"]), y,
                            first["rule_index"], first.get("lock_kind"), first["said"], g["speaker"]))
    return out


def fit(train: list[Item], C: float, locks: frozenset[str]):
    """Candidates the scorer may choose, of quotes it decides (phrase kind not locked) whose
    candidates disagree."""
    rows = [(it.X[m], it.y[m]) for it in train if it.kind not in locks | RULE_LOCKS
            for m in [open_rows(it.X, it.rule_index)] if 0 < it.y[m].sum() < m.sum()]
    X = np.vstack([x for x, _ in rows])
    y = np.concatenate([y for _, y in rows])
    scaler = standard_scaler(X)
    clf = LogisticRegression(C=C, max_iter=3000, random_state=SEED).fit(scaler.transform(X), y)
    return scaler, clf.coef_[0], clf.intercept_[0]


def choose(scaler, coef, intercept, it: Item, locks: frozenset[str]) -> int | None:
    """The runtime's decision (``speakers._scored``): the learned locks and the rules' own (``RULE_LOCKS``)."""
    if it.kind in locks | RULE_LOCKS:
        return it.rule_index
    p = 1.0 / (1.0 + np.exp(-(scaler.transform(it.X) @ coef + intercept)))
    return decide(p, it.X, it.rule_index)


def right(it: Item, choice: int | None) -> int:
    return int(choice is not None and bool(it.y[choice]))


def cross_validate(all_items: list[Item], C: float, locks: frozenset[str]) -> dict[int, int]:
    """Out-of-fold: item index -> 1 if the model trained without its fold names the gold speaker."""
    out = {}
    for f in range(K):
        train = [it for it in all_items if it.fold != f]
        scaler, coef, intercept = fit(train, C, locks)
        for n, it in enumerate(all_items):
            if it.fold == f:
                out[n] = right(it, choose(scaler, coef, intercept, it, locks))
    return out


def table(all_items: list[Item], oof: dict[int, int]) -> dict:
    """Speaker accuracy of the rules and of the out-of-fold model, per language and half."""
    res = {}
    extra = any(it.half in EXTRA_SETS for it in all_items)
    # full: the human set; choice: what C is chosen on (every set but those only ever read)
    wanted = {"dev": ("dev",), "held": ("held",), "full": ("dev", "held"), **{s: (s,) for s in EXTRA_SETS},
              "choice": ("dev", "held", *(s for s in EXTRA_SETS if s not in FIGURES_ONLY))}
    for lang in ("fr", "en", "all"):
        for half in ("dev", "held", "full") + ((*EXTRA_SETS, "choice") if extra else ()):
            idx = [n for n, it in enumerate(all_items) if (lang == "all" or it.lang == lang)
                   and it.half in wanted[half]]
            rules = sum(right(all_items[n], all_items[n].rule_index) for n in idx)
            model = sum(oof[n] for n in idx)
            res[f"{lang} {half}"] = {"n": len(idx), "rules": round(rules / len(idx), 4) if idx else 0.0,
                                    "model": round(model / len(idx), 4) if idx else 0.0}
    return res


def by_kind(all_items: list[Item], oof: dict[int, int]) -> dict[str, dict]:
    """Per lock kind: items, right by the rules, right by the out-of-fold scorer (no lock)."""
    out = {}
    for kind in LOCK_KINDS:  # the figures-only extra sets never choose anything
        idx = [n for n, it in enumerate(all_items) if it.kind == kind and it.half not in FIGURES_ONLY]
        out[kind] = {"n": len(idx), "rules": sum(right(all_items[n], all_items[n].rule_index) for n in idx),
                     "model": sum(oof[n] for n in idx)}
    return out


# the scorer must beat the rules by this many quotes, out of fold, to take a phrase kind from them:
# a one-quote edge is noise (session 10: at C 0.1 the scorer was right on 197 of 228 name phrases and
# the rules on 196; unlocking names on that edge lost right speakers on articles outside the set)
UNLOCK_MARGIN = 2


def lock_policy(kinds: dict[str, dict]) -> frozenset[str]:
    """Lock a phrase kind unless the unlocked scorer is right more often than the rules, out of fold,
    by ``UNLOCK_MARGIN`` quotes or more (a tie or a one-quote edge keeps the rules: fewer decisions
    left to the model)."""
    return frozenset(k for k, v in kinds.items() if v["model"] - v["rules"] < UNLOCK_MARGIN)


def on_scale(common, own, w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
    """A model fitted on ``own``'s standardisation rewritten on ``common``'s (same decisions):
    (x - m_f)/s_f = (m - m_f)/s_f + (s/s_f) u, with u = (x - m)/s."""
    return w * common.scale_ / own.scale_, float(b + w @ ((common.mean_ - own.mean_) / own.scale_))


def fold_rows(fit_rows, items: list) -> tuple:
    """The shipped rows: 0 fitted on every article, 1 + f without fold f, all rewritten on the full
    set's standardisation (``fit_rows(items) -> (scaler, coef, intercept)``; items carry ``fold``)."""
    scaler_all, coef_all, b_all = fit_rows(items)
    coefs, intercepts = [coef_all], [b_all]
    for f in range(K):
        sc, w, b = fit_rows([it for it in items if it.fold != f])
        w, b = on_scale(scaler_all, sc, w, b)
        coefs.append(w)
        intercepts.append(b)
    return scaler_all, coefs, intercepts


def ship(all_items: list[Item], C: float, locks: frozenset[str], data: Path, results: dict, digest: str,
         extra: list = ()) -> None:
    """Row 0 trained on every article, row 1 + f without fold f; all on the full set's scaling."""
    scaler_all, coefs, intercepts = fold_rows(lambda items: fit(items, C, locks), all_items)
    m, s = scaler_all.mean_, scaler_all.scale_
    fold_of = {}
    for lang in ("fr", "en"):
        gold, articles = load(data, lang)
        for i, name in enumerate(sorted(gold)):
            fold_of[article_key(articles[name])] = i % K
    fold = extra_folds(extra)
    for a in extra:
        fold_of[article_key(a.text)] = fold[(a.lang, a.name)]
    meta = {
        "name": SPEAKER_MODEL_NAME,
        "version": "2" if extra else VERSION,  # 2: with the extra annotated articles
        "trained_on": f"attribution gold, {len(all_items)} matched quotes of 44 articles (30 fr, 14 en)"
                      + (f" and {len(extra)} articles of evaluation.extra_attribution" if extra else ""),
        "data_digest": digest,
        "features": list(FEATURES),
        "rows": "0: every article; 1 + f: without fold f",
        "C": C,
        "locks": sorted(locks),
        "k_folds": K,
        "folds": fold_of,
        "scores": results,
    }
    linear_model.save(linear_model.MODELS_DIR / SPEAKER_MODEL_NAME, coef=np.vstack(coefs),
                      intercept=np.array(intercepts), scale_mean=m, scale_std=s, labels=["speaker"], meta=meta)


def main(argv: list[str] | None = None) -> int:
    from recoupe.evaluation.gate import data_digest
    from recoupe.paths import require_shared, shared_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="cross-validate and print, ship nothing")
    parser.add_argument("--cache", type=Path, help="read/write the recorded candidates here (JSON)")
    parser.add_argument("--extra", action="store_true",
                        help="train on the extra annotated French articles too (evaluation.extra_attribution), in folds")
    args = parser.parse_args(argv)
    data = require_shared("data", "attribution")
    extra = []
    if args.extra:
        from recoupe.evaluation import extra_attribution

        extra = extra_attribution.load()
    if args.cache and args.cache.exists():
        raw = json.loads(args.cache.read_text())
        recorded = {tuple(k.split("|", 1)): (v[0], v[1]) for k, v in raw.items()}
    else:
        recorded = record_articles(data, extra)
        if args.cache:
            args.cache.write_text(json.dumps({f"{k[0]}|{k[1]}": v for k, v in recorded.items()}))
    all_items = items(data, recorded, extra)
    by_c, policy = {}, {}
    for C in C_GRID:
        # the lock policy at this C: per phrase kind, the rules against the scorer left free everywhere
        kinds = by_kind(all_items, cross_validate(all_items, C, frozenset()))
        policy[C] = lock_policy(kinds)
        res = table(all_items, cross_validate(all_items, C, policy[C]))
        by_c[C] = res
        print(f"C {C}: unlocked, right of n by rules / scorer: "
              + "  ".join(f"{k} {v['rules']}/{v['model']} of {v['n']}" for k, v in kinds.items()))
        print(f"  locks {sorted(policy[C])}: " + "  ".join(
            f"{k} {v['model']:.3f} (rules {v['rules']:.3f}, n {v['n']})"
            for k, v in res.items() if k.startswith("all") or k.endswith("full")))
    # chosen on the pooled out-of-fold accuracy over every annotated article (both halves, both
    # languages): the best estimate of unseen articles (issue 14, fifth pass); a tie keeps the smaller C
    key = "all choice" if args.extra else "all full"  # the figures-only extra sets are only ever read
    best = max(C_GRID, key=lambda C: (by_c[C][key]["model"], -C))
    res, locks = by_c[best], policy[best]
    print(f"chosen C {best}, locks {sorted(locks)} (all articles, out-of-fold)")
    for k, v in res.items():
        print(f"  {k:<10} rules {v['rules']:.3f}  model out-of-fold {v['model']:.3f}  ({v['n']} matched gold quotes)")
    beats = all(res[f"{lang} {half}"]["model"] > res[f"{lang} {half}"]["rules"]
                for lang in ("all",) for half in ("dev", "held", "full"))
    print("beats the rules on both halves and overall" if beats else "does NOT beat the rules everywhere")
    if args.dry_run:
        return 0
    if not beats:
        print("not shipped")
        return 1
    digest, _ = data_digest(shared_dir(), DATA_FILES)
    results = {"C": best, "locks": sorted(locks), "by_C": {str(c): v for c, v in by_c.items()},
               "locks_by_C": {str(c): sorted(v) for c, v in policy.items()}, "chosen": res}
    ship(all_items, best, locks, data, results, digest, extra)
    print(f"shipped {linear_model.MODELS_DIR / SPEAKER_MODEL_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
