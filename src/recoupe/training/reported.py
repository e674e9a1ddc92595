"""Cross-validate (and ship) the reported-speech filter: ``python -m recoupe.training.reported``.

Data: the attribution set (30 French and 14 English articles), analysed once with the rules; every
wide candidate of ``recoupe.analysis.quotes.reported`` is recorded with its feature row. A candidate
is a positive when its content, located as the README's scorer locates it (first occurrence), overlaps
a gold quote. Folds: ``recoupe.training.speakers.folds`` (5 per language by file-name position,
grouped by article), both languages pooled in every training fold. Only the candidates the rules did
not take (neither their verb nor their content) can be added; C and the threshold are chosen on the
pooled out-of-fold quote F1 over all 44 articles with the quote precision at 0.85 or more in each
language; French development (even positions) / held-out (odd) and English are printed apart.

    python -m recoupe.training.reported [--dry-run] [--cache FILE] [--train open|all] [--curve] [--list] [--C C] [--threshold T]

``--C`` and ``--threshold`` keep an operating point chosen in the pipeline (``recoupe eval attribution``): the
counts here come before the speaker step, which drops the filter's quotes nobody is attributed to, so
their best threshold can fall where speakers right drop (NOTES, issue 14, session 12: at .45 against
.48, dev1 speakers .774 against .787, French human .843 against .854).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from recoupe.analysis import linear_model
from recoupe.analysis.quotes.reported import FEATURES, MODEL_NAME
from recoupe.evaluation.attribution import load
from recoupe.evaluation.spans import _gold_span, _overlap, locate
from recoupe.training.data import SEED
from recoupe.training.fitting import standard_scaler
from recoupe.training.speakers import EXTRA_SETS, FIGURES_ONLY, K, annotated, extra_folds, folds

C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.3, 0.96, 0.025))
MIN_PRECISION = 0.85  # the bar on quote precision, each language
VERSION = "1"  # the gold alone; "2" with the extra annotated articles (--extra); "1s" with silver rows (--silver)
_RULE = (FEATURES.index("rule_cue"), FEATURES.index("rule_content"))


@dataclass
class Article:
    lang: str
    name: str
    fold: int
    half: str
    gold: list            # (span, kind)
    rule: list            # located rule predictions
    X: np.ndarray
    spans: list           # located candidate contents (None: not in the file)
    texts: list
    hits: list            # gold indices each candidate overlaps

    @property
    def open(self) -> np.ndarray:
        if not len(self.X):
            return np.zeros(0, dtype=bool)
        return (self.X[:, _RULE[0]] == 0) & (self.X[:, _RULE[1]] == 0)


def record(data: Path) -> dict:
    texts = []
    for lang in ("fr", "en"):
        gold, articles = load(data, lang)
        texts += [(lang, name, articles[name]) for name in sorted(gold)]
    return record_texts(texts)


def record_texts(texts: list[tuple[str, str, str]]) -> dict:
    """The rules' quotes and every wide candidate of each (lang, name, text), keyed ``lang|name``."""
    from recoupe import Analyzer, AnalyzerConfig
    from recoupe.analysis.quotes.reported import recording

    analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))
    out = {}
    for lang, name, text in texts:
        sink: list = []
        with recording(sink):
            report = next(iter(analyzer.findings_many([text], lang=lang)))
        seen, cands = set(), []
        for c in (c for doc in sink for c in doc):  # a body parsed in sections may record a sentence twice
            key = (c["text"], c["cue"], tuple(c["x"]))
            if key not in seen:
                seen.add(key)
                cands.append(c)
        out[f"{lang}|{name}"] = {"rule": [q.content.text for q in report.quotes], "cands": cands, "text": text}
    analyzer.close()
    return out


# Silver rows (issue 14, s14silver): unannotated SemEval-2023 Task 3 articles of the genre data,
# labelled by the rules (a wide candidate is positive when its content overlaps a rule quote).
SILVER_DIR = ("data", "genre", "semeval2023t3")


def silver_texts(data: Path, per_lang: int, langs: tuple[str, ...] = ("fr", "en")) -> list[tuple[str, str, str]]:
    """The first ``per_lang`` SemEval articles of each language (file-name order) that are not in the
    attribution set, compared by whitespace-normalised text (a copy re-saved with other line breaks is
    still the same article), so no annotated article ever gives a silver row."""
    from recoupe.paths import require_shared

    def norm(t: str) -> str:
        return " ".join(t.split())

    annotated_texts = set()
    for lang in ("fr", "en"):
        annotated_texts |= {norm(t) for t in load(data, lang)[1].values()}
    out = []
    for lang in langs:
        folder = require_shared(*SILVER_DIR, lang, "articles")
        n = 0
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if norm(text) in annotated_texts or not text.strip():
                continue
            out.append((lang, path.name, text))
            n += 1
            if n >= per_lang:
                break
    return out


def silver_rows(recorded: dict, zero: tuple[int, ...] = _RULE) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, y, is_french) over every wide candidate of the silver articles: y = 1 when its content
    overlaps a rule quote (both located as the scorer locates them). The columns ``zero`` (the
    rules' cue / content flags, which are the label itself here) are set to 0, as they are on every
    open candidate the filter reads."""
    X, y = [], []
    for rec in recorded.values():
        text = rec["text"]
        rule = [s for t in rec["rule"] if (s := locate(text, t)) is not None]
        for c in rec["cands"]:
            s = locate(text, c["text"])
            if s is None:
                continue
            x = list(c["x"])
            for j in zero:
                x[j] = 0.0
            X.append(x)
            y.append(int(any(_overlap(s, r) for r in rule)))
    X = np.array(X) if X else np.zeros((0, len(FEATURES)))
    return X, np.array(y, dtype=int), X[:, FEATURES.index("french")] == 1 if len(X) else np.zeros(0, dtype=bool)


def _article(lang: str, name: str, fold: int, half: str, text: str, golds: list, rec: dict) -> Article:
    """One article's recorded candidates, located as the scorer locates them and labelled by the gold
    quotes (``golds``: (span, kind)) they overlap."""
    rule = [s for t in rec["rule"] if (s := locate(text, t)) is not None]
    spans = [locate(text, c["text"]) for c in rec["cands"]]
    hits = [[k for k, (g, _) in enumerate(golds) if s is not None and _overlap(s, g)] for s in spans]
    X = np.array([c["x"] for c in rec["cands"]]) if rec["cands"] else np.zeros((0, len(FEATURES)))
    return Article(lang, name, fold, half, golds, rule, X, spans, [c["text"] for c in rec["cands"]], hits)


def extra_articles(recorded: dict, extra: list) -> list[Article]:
    """The extra annotated articles (``evaluation.extra_attribution``) as training articles of their
    own folds (``speakers.extra_folds``), labelled as the gold's are; their half is their set (``dev1``,
    ``dev2``), so the figures on them are out-of-fold and printed apart."""
    fold = extra_folds(extra)
    return [_article(a.lang, a.name, fold[(a.lang, a.name)], a.set, a.text,
                     [(tuple(q["span"]), q["kind"]) for q in a.quotes], recorded[f"{a.lang}|{a.name}"])
            for a in sorted(extra, key=lambda a: (a.lang, a.name))]


def articles(data: Path, recorded: dict) -> list[Article]:
    fold = folds(data)
    out = []
    for lang, name, article_gold, texts, article_half in annotated(data):
        text = texts[name]
        golds = [(_gold_span(text, g["evidence"]), g["kind"]) for g in article_gold.get("quotes", [])]
        out.append(_article(lang, name, fold[(lang, name)], article_half, text, golds, recorded[f"{lang}|{name}"]))
    return out


def coverage(arts: list[Article]) -> None:
    """Gold quotes (indirect, all) overlapped by the rules, by any wide candidate, and by one the rules did not take."""
    for label, sel in (("French dev", lambda a: a.lang == "fr" and a.half == "dev"),
                       ("French held", lambda a: a.lang == "fr" and a.half == "held"),
                       ("English", lambda a: a.lang == "en" and a.half in ("dev", "held"))):
        row = {}
        for kind in ("indirect", None):
            n = rule = wide = extra = 0
            for a in filter(sel, arts):
                for k, (g, gk) in enumerate(a.gold):
                    if kind and gk != kind:
                        continue
                    n += 1
                    r = any(_overlap(s, g) for s in a.rule)
                    rule += r
                    wide += any(k in h for h in a.hits)
                    extra += not r and any(k in h for h, o in zip(a.hits, a.open) if o)
            row[kind or "all"] = (n, rule, wide, extra)
        n_open = sum(int(a.open.sum()) for a in filter(sel, arts))
        n_pos = sum(bool(h) for a in filter(sel, arts) for h, o in zip(a.hits, a.open) if o)
        print(f"  {label:<12} indirect gold {row['indirect'][0]}: rules {row['indirect'][1]}, wide {row['indirect'][2]},"
              f" missed by the rules but covered {row['indirect'][3]} | all gold {row['all'][0]}: rules {row['all'][1]},"
              f" missed-but-covered {row['all'][3]} | open candidates {n_open}, on gold {n_pos}")


def _train_rows(arts: list[Article], mode: str):
    X, y = [], []
    for a in arts:
        if not len(a.X):
            continue
        keep = a.open if mode == "open" else np.ones(len(a.X), dtype=bool)
        keep = keep & np.array([s is not None for s in a.spans])
        X.append(a.X[keep])
        y.append(np.array([int(bool(h)) for h, k in zip(a.hits, keep) if k]))
    return np.vstack(X), np.concatenate(y)


def fit(arts: list[Article], C: float, mode: str, silver=None):
    """``silver``: (X, y, weight) rows added to every training fold (never from an annotated article)."""
    X, y = _train_rows(arts, mode)
    w = np.ones(len(y))
    if silver is not None and silver[2] > 0 and len(silver[0]):
        X, y, w = np.vstack([X, silver[0]]), np.concatenate([y, silver[1]]), np.concatenate([w, np.full(len(silver[1]), silver[2])])
    scaler = standard_scaler(X)
    clf = LogisticRegression(C=C, max_iter=5000, random_state=SEED).fit(scaler.transform(X), y, sample_weight=w)
    return scaler, clf.coef_[0], clf.intercept_[0]


def out_of_fold(arts: list[Article], C: float, mode: str, silver=None) -> list[np.ndarray]:
    probs = [np.zeros(0)] * len(arts)
    for f in range(K):
        scaler, w, b = fit([a for a in arts if a.fold != f], C, mode, silver)
        for n, a in enumerate(arts):
            if a.fold == f and len(a.X):
                probs[n] = 1.0 / (1.0 + np.exp(-(scaler.transform(a.X) @ w + b)))
    return probs


def added(a: Article, p: np.ndarray, threshold: float) -> list[int]:
    """Indices of the open candidates kept, as ``reported.scored_quotes`` keeps them: most probable
    first, none overlapping another kept one (the rules' own were ruled out by the open test)."""
    kept: list[int] = []
    spans: list = []
    for k in sorted(range(len(p)), key=lambda k: -p[k]):
        if p[k] < threshold:
            break
        s = a.spans[k]
        if not a.open[k] or s is None or any(_overlap(s, o) for o in spans):
            continue
        kept.append(k)
        spans.append(s)
    return kept


def counts(arts: list[Article], probs, threshold: float | None, select) -> tuple[int, int, int, int]:
    """(predictions, right predictions, gold, gold found) with the kept candidates added."""
    pred = ok = gold = found_n = 0
    for a, p in zip(arts, probs):
        if not select(a):
            continue
        found = {k for k, (g, _) in enumerate(a.gold) if any(_overlap(s, g) for s in a.rule)}
        pred += len(a.rule)
        ok += sum(any(_overlap(s, g) for g, _ in a.gold) for s in a.rule)
        gold += len(a.gold)
        if threshold is not None:
            for k in added(a, p, threshold):
                pred += 1
                ok += bool(a.hits[k])
                found |= set(a.hits[k])
        found_n += len(found)
    return pred, ok, gold, found_n


def prf(c: tuple[int, int, int, int]) -> tuple[float, float, float]:
    P, R = c[1] / c[0] if c[0] else 0.0, c[3] / c[2] if c[2] else 0.0
    return P, R, 2 * P * R / (P + R) if P + R else 0.0


GROUPS = {
    "fr dev": lambda a: a.lang == "fr" and a.half == "dev",
    "fr held": lambda a: a.lang == "fr" and a.half == "held",
    "fr": lambda a: a.lang == "fr" and a.half in ("dev", "held"),
    "en": lambda a: a.lang == "en" and a.half in ("dev", "held"),
    **{name: (lambda a, name=name: a.lang == "fr" and a.half == name) for name in EXTRA_SETS},
    "en extra": lambda a: a.lang == "en" and a.half in EXTRA_SETS,
    "all": lambda a: a.half not in FIGURES_ONLY,  # what the operating point is chosen on: dev2, dev5 are only read
}


def main(argv: list[str] | None = None) -> int:
    from recoupe.paths import require_shared

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--train", choices=("open", "all"), default="open")
    parser.add_argument("--curve", action="store_true", help="print the added counts at every C and threshold")
    parser.add_argument("--list", action="store_true", help="print the kept candidates (not the French held-out half)")
    parser.add_argument("--silver", type=int, default=0, metavar="N",
                        help="add rule-labelled rows of N unannotated SemEval articles per language to every fold")
    parser.add_argument("--silver-cache", type=Path)
    parser.add_argument("--silver-weight", type=float, default=0.3)
    parser.add_argument("--silver-lang", choices=("fr", "en", "both"), default="both")
    parser.add_argument("--extra", action="store_true",
                        help="train on the extra annotated French articles too (evaluation.extra_attribution), in folds")
    parser.add_argument("--extra-cache", type=Path)
    parser.add_argument("--C", type=float, default=None,
                        help="keep this regularisation (choose the threshold only, or nothing with --threshold): the "
                             "grid's choice moves with a few candidates more or less (session 12: 0.01 -> 0.03 for two "
                             "more of 4,642), and the pipeline's speakers with it")
    parser.add_argument("--threshold", type=float, default=None,
                        help="keep this operating point (choose C only): the pipeline's, measured after the speaker "
                             "step drops the quotes nobody is attributed to, which the counts here do not see")
    args = parser.parse_args(argv)
    data = require_shared("data", "attribution")
    if args.cache and args.cache.exists():
        recorded = json.loads(args.cache.read_text())
    else:
        recorded = record(data)
        if args.cache:
            args.cache.write_text(json.dumps(recorded))
    arts = articles(data, recorded)
    silver, extra_texts = None, None
    if args.silver:
        if args.silver_cache and args.silver_cache.exists():
            rec_silver = json.loads(args.silver_cache.read_text())
        else:
            langs = ("fr", "en") if args.silver_lang == "both" else (args.silver_lang,)
            rec_silver = record_texts(silver_texts(data, args.silver, langs))
            if args.silver_cache:
                args.silver_cache.write_text(json.dumps(rec_silver))
        Xs, ys, fr = silver_rows(rec_silver)
        keep = np.ones(len(ys), dtype=bool) if args.silver_lang == "both" else fr == (args.silver_lang == "fr")
        silver = (Xs[keep], ys[keep], args.silver_weight)
        print(f"silver: {len(rec_silver)} articles, {int(keep.sum())} rows ({int(ys[keep].sum())} positive), weight {args.silver_weight}")
    if args.extra:
        from recoupe.evaluation import extra_attribution

        if silver is not None:
            parser.error("--extra and --silver are separate experiments")
        extra = extra_attribution.load()
        if args.extra_cache and args.extra_cache.exists():
            rec_extra = json.loads(args.extra_cache.read_text())
        else:
            rec_extra = record_texts([(a.lang, a.name, a.text) for a in extra])
            if args.extra_cache:
                args.extra_cache.write_text(json.dumps(rec_extra))
        arts += extra_articles(rec_extra, extra)
        extra_texts = {f"{a.lang}|{a.name}": a.text for a in extra}
        print(f"extra: {len(extra)} annotated articles ({', '.join(f'{h} {sum(a.half == h for a in arts)}' for h in EXTRA_SETS)})")
    print(f"{sum(len(a.X) for a in arts)} wide candidates; coverage of the gold quotes:")
    coverage(arts)
    rules = {g: counts(arts, [None] * len(arts), None, sel) for g, sel in GROUPS.items()}
    best = None
    for C in C_GRID if args.C is None else (args.C,):
        probs = out_of_fold(arts, C, args.train, silver)
        for t in THRESHOLDS if args.threshold is None else (args.threshold,):
            fr, en, al = (prf(counts(arts, probs, t, GROUPS[g])) for g in ("fr", "en", "all"))
            if min(fr[0], en[0]) < MIN_PRECISION:
                continue
            if best is None or al[2] > best[0] + 1e-9:
                best = (al[2], C, t, probs)
    if best is None:
        parser.error(f"no operating point keeps the quote precision at {MIN_PRECISION} or more in each language"
                     + "".join(f" with {n} {v}" for n, v in (("C", args.C), ("threshold", args.threshold)) if v is not None))
    _, C, t, probs = best
    print(f"chosen C {C}, threshold {t} (pooled out-of-fold F1, P >= {MIN_PRECISION} in each language"
          + "".join(f", {n} given" for n, v in (("C", args.C), ("threshold", args.threshold)) if v is not None) + ")")
    for g, sel in GROUPS.items():
        if not rules[g][2]:
            continue  # a group with no article in this run (the extra sets without --extra)
        r, m = rules[g], counts(arts, probs, t, sel)
        print(f"  {g:<8} rules P {prf(r)[0]:.3f} R {prf(r)[1]:.3f} F1 {prf(r)[2]:.3f} ({r[1]}/{r[0]} pred, {r[3]}/{r[2]} gold)"
              f"   + filter P {prf(m)[0]:.3f} R {prf(m)[1]:.3f} F1 {prf(m)[2]:.3f} ({m[1]}/{m[0]}, {m[3]}/{m[2]})")
    if args.curve:
        for C_c in C_GRID:
            probs_c = out_of_fold(arts, C_c, args.train, silver)
            for t_c in THRESHOLDS[::2]:
                row = []
                for g in ("fr dev", "fr held", "en"):
                    r, m = rules[g], counts(arts, probs_c, t_c, GROUPS[g])
                    row.append(f"{g} +{m[1] - r[1]} right +{m[0] - m[1] - r[0] + r[1]} wrong +{m[3] - r[3]} gold")
                print(f"  C {C_c:<5} t {t_c:.3f}: " + " | ".join(row))
    chosen = {g: counts(arts, probs, t, sel) for g, sel in GROUPS.items()}
    gain = prf(chosen["all"])[2] > prf(rules["all"])[2]
    print("the filter raises the pooled out-of-fold F1" if gain else "the filter does NOT raise the pooled F1: not shipped")
    if args.list:
        for a, p in zip(arts, probs):
            if a.lang == "fr" and a.half == "held":
                continue
            for k in added(a, p, t):
                print(f"    {a.lang} {a.half} {'OK ' if a.hits[k] else 'BAD'} {p[k]:.2f} {a.texts[k][:90]!r}")
    if args.dry_run or not gain:
        return 0
    ship(arts, C, t, args.train, silver, {g: {"rules": [round(x, 4) for x in prf(rules[g])],
                                      "filter": [round(x, 4) for x in prf(chosen[g])],
                                      "counts_rules": list(rules[g]), "counts_filter": list(chosen[g])}
                                  for g in GROUPS if rules[g][2]},
         extra_texts)
    print(f"shipped {linear_model.MODELS_DIR / MODEL_NAME}")
    return 0


def ship(arts: list[Article], C: float, threshold: float, mode: str, silver, scores: dict,
         extra_texts: dict[str, str] | None = None) -> None:
    """Row 0 trained on every article, row 1 + f without fold f; all on the full set's scaling.
    ``extra_texts``: file -> text of the extra annotated articles trained on (their digests and folds
    go in the card beside the gold's)."""
    from recoupe.analysis.quotes.candidates import article_key
    from recoupe.evaluation.gate import data_digest
    from recoupe.paths import require_shared, shared_dir
    from recoupe.training.speakers import DATA_FILES, fold_rows

    scaler_all, coefs, intercepts = fold_rows(lambda items: fit(items, C, mode, silver), arts)
    digest, _ = data_digest(shared_dir(), DATA_FILES)
    texts = {lang: load(require_shared("data", "attribution"), lang)[1] for lang in ("fr", "en")}
    extra_texts = extra_texts or {}

    def text_of(a: Article) -> str:
        return extra_texts[f"{a.lang}|{a.name}"] if a.half in EXTRA_SETS else texts[a.lang][a.name]
    version = "2" if extra_texts else VERSION if silver is None else "1s"
    meta = {"name": MODEL_NAME, "version": version, "data_digest": digest,
            "trained_on": f"attribution gold, {sum(len(a.X) for a in arts)} wide candidates of {len(arts)} articles"
                          + (f" ({len(extra_texts)} of them articles of evaluation.extra_attribution)" if extra_texts else "")
                          + (f"; silver: {len(silver[1])} rule-labelled wide candidates of unannotated SemEval-2023"
                             f" Task 3 articles ({int(silver[1].sum())} positive, weight {silver[2]}, rule flags zeroed)"
                             if silver is not None else ""),
            "features": list(FEATURES), "rows": "0: every article; 1 + f: without fold f (folds as speakers@1)",
            "C": C, "threshold": threshold, "train": mode, "k_folds": K,
            "folds": {article_key(text_of(a)): a.fold for a in arts}, "scores": scores}
    if extra_texts:
        from recoupe.evaluation import extra_attribution

        meta["extra"] = {"articles": len(extra_texts), "files": {
            f"recoupe/evaluation/{p.name}": extra_attribution.digest(p.read_text(encoding="utf-8"))
            for lang in extra_attribution.LANGS if (p := extra_attribution.path_for(lang)).exists()}}
    if silver is not None:  # a gold-only model keeps reported@1's meta exactly
        meta["silver"] = {"rows": len(silver[1]), "positive": int(silver[1].sum()), "weight": silver[2],
                          "source": "/".join(SILVER_DIR)}
    linear_model.save(linear_model.MODELS_DIR / MODEL_NAME, coef=np.vstack(coefs), intercept=np.array(intercepts),
                      scale_mean=scaler_all.mean_, scale_std=scaler_all.scale_, labels=["quote"], meta=meta)


if __name__ == "__main__":
    raise SystemExit(main())
