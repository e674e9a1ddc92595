"""Quotes, speakers, hedges and cited sources against the hand-annotated attribution gold.

Implements the scorer of ``../shared/data/attribution/README.md`` so figures compare:

* every predicted quote (its ``content.text``) and hedge (its span text) is located in the article
  file at the first occurrence of that text (this reproduces the README's recorded figures;
  ``--nearest`` uses the report's offsets instead, which places short repeated hedge spans such as
  *pourrait* where they are); it **matches** a gold item when the two character spans overlap;
* quotes: precision = predictions overlapping some gold quote / predictions; recall = gold quotes
  overlapped by some prediction / gold quotes. Per kind: precision over the predictions of that
  kind, recall over the gold quotes of that kind (matching ignores the kind, as the README does);
* speaker accuracy: among matched gold quotes, the share whose *first* overlapping prediction (in
  text order) names the speaker: a content word of the gold ``speaker`` (4+ letters, accents
  folded, not a function word) appears among the words of the predicted speaker span or its
  ``speaker_canonical``, one letter of slack (edit distance 1) on words of 6+ letters;
* hedges: borderline gold items count neither for recall nor against precision (a prediction that
  overlaps only borderline items leaves the denominator); kind accuracy over matched strict gold
  hedges, first overlapping prediction (recoupe's ``declined_comment`` is the guidelines' ``declined``);
* cited sources: a gold source is found when a source-chain link or a quote's speaker names it
  (same word rule) or sits on its evidence span; with the right role when a chain link of the same
  role (``origin`` / ``cited``) does, a quote's speaker counting as ``cited``.

    recoupe eval attribution                    # both languages, full set and the two halves
    recoupe eval attribution --lang fr --data DIR
    recoupe eval attribution --half dev         # only even-indexed articles (held: odd)

Speakers: the learned candidate scorer (``resources/models/speakers``) was trained on this set;
an article it was trained on (known by its digest, listed in the model's ``meta.json``) is analysed
with the model of the cross-validation fold that left it out, so that the figures printed for this
set are out-of-fold; any other article gets the shipped model (trained on every annotated article).
The reported-speech filter (``resources/models/reported``, same folds) reads the same fold, so the
quote figures on this set are out-of-fold too.

``--data`` is any folder with the same layout (``<lang>/articles/*.txt`` and ``<lang>/gold.json``).
The halves split each language's articles sorted by file name: even positions are the development
half, odd positions the held-out half (see NOTES.md: rules are tuned on the first only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from recoupe.analysis.quotes.candidates import SPEAKER_MODEL_NAME, fold_model, fold_of
from recoupe.analysis.text import fold
from recoupe.evaluation import extra_attribution
from recoupe.evaluation.spans import _gold_span, _overlap, locate

HEDGE_KIND_ALIASES = {"declined_comment": "declined"}
# Function words of 4+ letters that do not name anyone (French and English), so that
# "porte-parole de la Maison Blanche" is matched on "maison"/"blanche"/"porte", not on "dans".
FUNCTION_WORDS = frozenset("""
dans pour avec sans sous vers chez entre selon leur leurs cette celui celle ceux celles autre autres plus
tous toutes tout toute avait sont etait depuis apres avant aussi comme quand dont mais elle elles
from with that this these those their they them which other about into over under also have were been
some than there where when what while
""".split())


def content_words(text: str) -> list[str]:
    """Folded words of 4+ letters that are not function words."""
    return [w for w in re.findall(r"\w+", fold(text)) if len(w) >= 4 and not w.isdigit() and w not in FUNCTION_WORDS]


def names_speaker(gold_speaker: str, predicted: Iterable[str | None]) -> bool:
    """Does any predicted text (speaker span, canonical name) name the gold speaker?"""
    words = {w for text in predicted if text for w in re.findall(r"\w+", fold(text))}
    for g in content_words(gold_speaker):
        if g in words:
            return True
        if len(g) >= 6 and any(abs(len(w) - len(g)) <= 1 and Levenshtein.distance(g, w) <= 1 for w in words):
            return True
    return False


@dataclass
class Counts:
    """Raw counts, summed over articles; ratios are computed at the end (micro-averages)."""

    pred: dict[str, int] = field(default_factory=dict)        # predicted quotes per kind
    pred_ok: dict[str, int] = field(default_factory=dict)     # ... overlapping some gold quote
    gold: dict[str, int] = field(default_factory=dict)        # gold quotes per kind
    gold_found: dict[str, int] = field(default_factory=dict)  # ... overlapped by some prediction
    speaker_ok: int = 0
    kind_ok: int = 0
    hedge_pred: int = 0       # predictions counted for precision (not only on borderline items)
    hedge_pred_ok: int = 0
    hedge_gold: int = 0       # strict gold hedges
    hedge_found: int = 0
    hedge_kind_ok: int = 0
    sources: int = 0
    sources_found: int = 0
    sources_role_ok: int = 0
    articles: int = 0

    def add(self, other: "Counts") -> None:
        for name, value in vars(other).items():
            if isinstance(value, dict):
                mine = getattr(self, name)
                for k, v in value.items():
                    mine[k] = mine.get(k, 0) + v
            else:
                setattr(self, name, getattr(self, name) + value)


def _bump(d: dict[str, int], key: str, by: int = 1) -> None:
    d[key] = d.get(key, 0) + by


def score_article(article: str, gold: dict, report, nearest: bool = False) -> Counts:
    """Counts for one article file, its gold entry and recoupe's report on it (``nearest``: locate
    predictions by the report's offsets instead of the first occurrence of their text)."""
    c = Counts(articles=1)
    body = report.body or ""
    shift = max(article.find(body[:200].strip()) - (len(body[:200]) - len(body[:200].lstrip())), 0) if body else 0

    def locate_at(text: str, start: int) -> tuple[int, int] | None:
        return locate(article, text, start + shift if nearest else None)
    preds = []
    for q in report.quotes:
        span = locate_at(q.content.text, q.content.start)
        if span is not None:
            preds.append((span, q))
    preds.sort(key=lambda p: p[0])
    golds = [(_gold_span(article, g["evidence"]), g) for g in gold.get("quotes", [])]
    for span, q in preds:
        _bump(c.pred, q.kind)
        if any(_overlap(span, g) for g, _ in golds):
            _bump(c.pred_ok, q.kind)
    for g_span, g in golds:
        _bump(c.gold, g["kind"])
        first = next((q for span, q in preds if _overlap(span, g_span)), None)
        if first is None:
            continue
        _bump(c.gold_found, g["kind"])
        said = [first.speaker.text if first.speaker else None, first.speaker_canonical]
        c.speaker_ok += names_speaker(g["speaker"], said)
        c.kind_ok += first.kind == g["kind"]
    hedge_preds = []
    for h in report.hedges:
        span = locate_at(h.text, h.start)
        if span is not None:
            hedge_preds.append((span, h))
    hedge_preds.sort(key=lambda p: p[0])
    gold_hedges = [(_gold_span(article, h["evidence"]), h) for h in gold.get("hedges", [])]
    strict = [(s, h) for s, h in gold_hedges if not h.get("borderline")]
    for span, h in hedge_preds:
        hits = [g for s, g in gold_hedges if _overlap(span, s)]
        if hits and all(g.get("borderline") for g in hits):
            continue
        c.hedge_pred += 1
        c.hedge_pred_ok += bool(hits)
    for s, g in strict:
        c.hedge_gold += 1
        first = next((h for span, h in hedge_preds if _overlap(span, s)), None)
        if first is not None:
            c.hedge_found += 1
            c.hedge_kind_ok += HEDGE_KIND_ALIASES.get(first.kind, first.kind) == g["kind"]
    links = []
    for link in report.source_chain or []:
        span = locate_at(link.evidence.text, link.evidence.start)
        links.append((span, link))
    for src in gold.get("sources", []):
        c.sources += 1
        s_span = _gold_span(article, src["evidence"])
        roles = {link.role for span, link in links
                 if names_speaker(src["name"], [link.name]) or (span is not None and _overlap(span, s_span))}
        for span, q in preds:
            speaker_span = None
            if q.speaker is not None:
                speaker_span = locate_at(q.speaker.text, q.speaker.start)
            if names_speaker(src["name"], [q.speaker.text if q.speaker else None, q.speaker_canonical]) or (
                    speaker_span is not None and _overlap(speaker_span, s_span)):
                roles.add("cited")
        c.sources_found += bool(roles)
        c.sources_role_ok += src["role"] in roles
    return c


def _prf(ok_p: int, n_p: int, ok_r: int, n_r: int) -> tuple[float, float, float]:
    p = ok_p / n_p if n_p else 0.0
    r = ok_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    quotes_p: float
    quotes_r: float
    quotes_f1: float
    speaker: float
    quote_kind: float
    hedges_p: float
    hedges_r: float
    hedges_f1: float
    hedge_kind: float
    sources_found: float
    sources_role: float
    per_kind: dict[str, tuple[float, float, float, int, int]]
    counts: Counts


def scores(c: Counts) -> Scores:
    p, r, f = _prf(sum(c.pred_ok.values()), sum(c.pred.values()), sum(c.gold_found.values()), sum(c.gold.values()))
    hp, hr, hf = _prf(c.hedge_pred_ok, c.hedge_pred, c.hedge_found, c.hedge_gold)
    matched = sum(c.gold_found.values())
    per_kind = {}
    for kind in ("direct", "indirect", "according_to"):
        kp, kr, kf = _prf(c.pred_ok.get(kind, 0), c.pred.get(kind, 0), c.gold_found.get(kind, 0), c.gold.get(kind, 0))
        per_kind[kind] = (kp, kr, kf, c.pred.get(kind, 0), c.gold.get(kind, 0))
    return Scores(p, r, f, c.speaker_ok / matched if matched else 0.0, c.kind_ok / matched if matched else 0.0,
                  hp, hr, hf, c.hedge_kind_ok / c.hedge_found if c.hedge_found else 0.0,
                  c.sources_found / c.sources if c.sources else 0.0,
                  c.sources_role_ok / c.sources if c.sources else 0.0, per_kind, c)


def load(data: Path, lang: str) -> tuple[dict[str, dict], dict[str, str]]:
    """(gold by file name, article text by file name) for one language folder."""
    folder = data / lang
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles = {name: (folder / "articles" / name).read_text(encoding="utf-8") for name in gold}
    return gold, articles


def halves(names: Iterable[str]) -> dict[str, set[str]]:
    """Development half (even positions in file-name order) and held-out half (odd)."""
    ordered = sorted(names)
    return {"dev": set(ordered[0::2]), "held": set(ordered[1::2])}


def analyse(texts: dict[str, str], lang: str) -> dict[str, object]:
    """recoupe's findings (no genre, persuasion or judgement: the scorer reads none of them) by file name."""
    from recoupe import Analyzer, AnalyzerConfig
    from recoupe.ingest import Failed

    analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))
    groups: dict[int | None, list[str]] = {}
    for name in sorted(texts):  # an article the speaker model was trained on: the fold model without it
        groups.setdefault(fold_of(texts[name]), []).append(name)
    out = {}
    for fold, names in sorted(groups.items(), key=lambda g: -1 if g[0] is None else g[0]):
        with fold_model(fold):
            for name, result in zip(names, analyzer.findings_many((texts[n] for n in names), lang=lang)):
                if isinstance(result, Failed):
                    print(f"error: {name}: {result.error}", file=sys.stderr)
                    continue
                out[name] = result
    analyzer.close()
    return dict(sorted(out.items()))


def evaluate(data: Path, lang: str, only: set[str] | None = None, nearest: bool = False) -> dict[str, Counts]:
    """Per-article counts for one language (``only``: a subset of file names)."""
    gold, articles = load(data, lang)
    if only is not None:
        gold = {k: v for k, v in gold.items() if k in only}
    reports = analyse({k: articles[k] for k in gold}, lang)
    return {name: score_article(articles[name], gold[name], reports[name], nearest) for name in sorted(reports)}


def _total(per_article: dict[str, Counts], names: Iterable[str] | None = None) -> Counts:
    total = Counts()
    for name, c in per_article.items():
        if names is None or name in names:
            total.add(c)
    return total


def _print(label: str, s: Scores) -> None:
    c = s.counts
    print(f"{label}: {c.articles} articles, {sum(c.gold.values())} gold quotes, {sum(c.pred.values())} predicted")
    print(f"  quotes   P {s.quotes_p:.3f} R {s.quotes_r:.3f} F1 {s.quotes_f1:.3f}   speaker right {s.speaker:.3f}"
          f"   kind right {s.quote_kind:.3f}")
    for kind, (p, r, f, n_p, n_g) in s.per_kind.items():
        print(f"    {kind:<13} P {p:.3f} R {r:.3f} F1 {f:.3f}   ({n_p} predicted, {n_g} gold)")
    print(f"  hedges   P {s.hedges_p:.3f} R {s.hedges_r:.3f} F1 {s.hedges_f1:.3f}   kind right {s.hedge_kind:.3f}"
          f"   ({c.hedge_pred} predicted scored, {c.hedge_gold} strict gold)")
    print(f"  sources  found {s.sources_found:.3f}   with the right role {s.sources_role:.3f}   ({c.sources} gold)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("fr", "en"), action="append", help="language (default: both)")
    parser.add_argument("--data", type=Path, default=None, help="folder with <lang>/articles and <lang>/gold.json")
    parser.add_argument("--extra", choices=tuple(extra_attribution.SETS), default=None,
                        help="score the extra annotated articles of that set (recoupe.evaluation.extra_attribution:"
                             " assistant annotations of SemEval and FreSaDa articles, read from ../shared) instead of"
                             " the human set")
    parser.add_argument("--half", choices=("dev", "held"), default=None, help="score only one half")
    parser.add_argument("--nearest", action="store_true",
                        help="locate predictions by the report's offsets, not the first occurrence of their text")
    parser.add_argument("--articles", action="store_true", help="also print per-article quote recall")
    parser.add_argument("--json", type=Path, help="also write the scores (per language and half) to this file")
    args = parser.parse_args(argv)
    if args.extra is not None:  # the extra annotations, rebuilt in the attribution layout for this run
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            try:
                data = extra_attribution.materialise(Path(tmp), which=args.extra)
            except FileNotFoundError as exc:
                print(exc, file=sys.stderr)
                return 2
            return _score(args, data)
    if args.data is None:
        from recoupe.paths import require_shared

        try:
            data = require_shared("data", "attribution")
        except FileNotFoundError as exc:
            print(exc, file=sys.stderr)
            return 2
    else:
        data = args.data
    return _score(args, data)


def _score(args: argparse.Namespace, data: Path) -> int:
    """Score and print every language of ``data`` (``args`` as ``main`` parsed them)."""
    results: dict = {}
    langs = args.lang or [code for code in ("fr", "en") if (data / code / "gold.json").exists()]
    if not langs:
        print(f"no <lang>/gold.json under {data}", file=sys.stderr)
        return 2
    for lang in langs:
        if not (data / lang / "gold.json").exists():
            print(f"no gold at {data / lang / 'gold.json'}", file=sys.stderr)
            return 2
        names = json.loads((data / lang / "gold.json").read_text(encoding="utf-8")).keys()
        split = halves(names)
        per_article = evaluate(data, lang, split[args.half] if args.half else None, args.nearest)
        _, texts = load(data, lang)
        seen = sum(fold_of(texts[n]) is not None for n in per_article)
        if seen:
            print(f"{lang}: {seen} of {len(per_article)} articles were in the training set of the speaker model "
                  f"({SPEAKER_MODEL_NAME}: by their digests in its meta.json); each was analysed with the fold model"
                  " trained without it (the reported-speech filter too, same folds), so the speaker and quote"
                  " figures below are out-of-fold")
        if args.half:
            results[lang] = {args.half: asdict(scores(_total(per_article)))}
            _print(f"{lang} {args.half} half", scores(_total(per_article)))
        else:
            results[lang] = {"full": asdict(scores(_total(per_article)))}
            _print(f"{lang} full", scores(_total(per_article)))
            for half, label in (("dev", "development half (even)"), ("held", "held-out half (odd)")):
                results[lang][half] = asdict(scores(_total(per_article, split[half])))
                _print(f"{lang} {label}", scores(_total(per_article, split[half])))
        if args.articles:
            for name, c in per_article.items():
                found, gold = sum(c.gold_found.values()), sum(c.gold.values())
                print(f"    {name}: quotes {found}/{gold}, predicted {sum(c.pred_ok.values())}/{sum(c.pred.values())} right,"
                      f" speakers {c.speaker_ok}/{found}")
        print()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
