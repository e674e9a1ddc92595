"""Body-extraction quality on the article-extraction-benchmark pages, recoupe vs bare trafilatura.

Why shingles: comparing 4-word shingles (as scrapinghub/article-extraction-benchmark does) rewards
getting the article's running text right without caring about whitespace or line breaks, and
penalises extra text (furniture) and missing text alike.

Two scoring styles are printed side by side:

- ``page-mean``: tokens are ``\\w+`` runs, lowercased; per page precision, recall and F1 over the
  multiset of 4-gram shingles, then the mean over pages (an empty prediction scores 0).
- ``benchmark``: the benchmark's own ``evaluate.py`` style (re-implemented): case-sensitive tokens,
  per-page tp/fp/fn normalised to sum to 1, precision averaged over pages that predicted something,
  recall over pages with a ground truth, F1 is the harmonic mean of those two means; optional
  bootstrap 95% intervals.

The *cut check* measures what the furniture layer costs: the share of ground-truth shingles that
recoupe's pre-split text (``ExtractedDocument.text``) had and its body no longer has. It should be ~0.

Run: ``python benchmarks/eval_extraction.py [--limit N] [--json out.json]`` or ``recoupe eval extraction``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from recoupe import paths

NGRAM = 4
_TOKEN_RE = re.compile(r"\w+")


# --------------------------------------------------------------------------- metric


def tokenize(text: str | None, *, lowercase: bool = True) -> list[str]:
    """Split on whitespace and punctuation (``\\w+`` runs), like the benchmark."""
    text = text or ""
    return _TOKEN_RE.findall(text.lower() if lowercase else text)


def shingles(text: str | None, n: int = NGRAM, *, lowercase: bool = True) -> Counter:
    """Multiset of n-token shingles; a text shorter than ``n`` tokens gives one shorter shingle."""
    tokens = tokenize(text, lowercase=lowercase)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def match_counts(true: Counter, pred: Counter) -> tuple[int, int, int]:
    """(tp, fp, fn) between two shingle multisets."""
    tp = sum((true & pred).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def page_prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall, F1 of one page; nothing expected and nothing predicted is perfect."""
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    ci: dict[str, float] = field(default_factory=dict)

    def fmt(self) -> str:
        def one(name: str) -> str:
            value = f"{getattr(self, name):.3f}"
            return value + (f"±{self.ci[name]:.3f}" if name in self.ci else "")

        return f"P={one('precision')} R={one('recall')} F1={one('f1')}"


def page_mean_scores(counts: Sequence[tuple[int, int, int]]) -> Scores:
    """Mean over pages of per-page P, R and F1 (each page weighs the same)."""
    per_page = [page_prf(*c) for c in counts]
    return Scores(*(statistics.fmean(col) for col in zip(*per_page, strict=True)))


def _benchmark_from_normalised(norm: Sequence[tuple[float, float, float]]) -> Scores:
    precisions = [tp / (tp + fp) for tp, fp, fn in norm if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, fp, fn in norm if tp + fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def benchmark_scores(counts: Sequence[tuple[int, int, int]], n_bootstrap: int = 0, seed: int = 0) -> Scores:
    """The benchmark's scoring: counts normalised per page, P and R averaged, F1 of the averages.

    ``counts`` must come from case-sensitive shingles to match the published numbers. As in the
    original, a page that predicted nothing is left out of the precision average (not scored 0).
    """
    norm = []
    for tp, fp, fn in counts:
        total = tp + fp + fn
        norm.append((tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0))
    scores = _benchmark_from_normalised(norm)
    if n_bootstrap > 1 and len(norm) > 1:
        rng = random.Random(seed)
        samples = [_benchmark_from_normalised(rng.choices(norm, k=len(norm))) for _ in range(n_bootstrap)]
        scores.ci = {
            name: 1.96 * statistics.stdev(getattr(s, name) for s in samples)
            for name in ("precision", "recall", "f1")
        }
    return scores


def lost_shingles(truth: Counter, before: Counter, after: Counter) -> int:
    """Ground-truth shingles present ``before`` a step and gone ``after`` it."""
    kept_before = truth & before
    return sum((kept_before - (truth & after)).values())


# --------------------------------------------------------------------------- data


def shared_dir(explicit: str | os.PathLike | None = None) -> Path | None:
    """``../shared`` beside the repository (or ``$RECOUPE_SHARED``); None when absent."""
    candidates = [explicit, paths.shared_dir(), Path.cwd().parent / "shared"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "data").is_dir():
            return Path(candidate)
    return None


@dataclass
class Page:
    id: str
    url: str
    raw: bytes
    truth: str

    @property
    def html(self) -> str:
        return self.raw.decode("utf-8", errors="replace")

    @property
    def hostname(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.url).hostname or ""


def load_benchmark(shared: Path, limit: int | None = None) -> list[Page]:
    """The scrapinghub pages in id order (stable, so ``--limit`` always picks the same pages)."""
    root = shared / "data" / "extraction" / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, truth[page_id].get("url", ""), raw, truth[page_id].get("articleBody") or ""))
    return pages


# --------------------------------------------------------------------------- systems


def trafilatura_text(html: str, **options) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, **options) or ""


def recoupe_document(page: Page):
    """recoupe's extractor on the raw bytes, as a user would call it (imported lazily)."""
    from recoupe.extract import extract

    return extract(page.raw, url=page.url)  # let recoupe sniff the type, as for a user's file


@dataclass
class SystemRun:
    name: str
    texts: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def run_system(name: str, pages: Iterable[Page], fn: Callable[[Page], str]) -> SystemRun:
    """Run one extractor over the pages; a crash on a page scores as an empty body, and is counted."""
    run = SystemRun(name)
    start = time.perf_counter()
    for page in pages:
        try:
            run.texts[page.id] = fn(page) or ""
        except Exception as exc:  # an evaluation must finish and show the failure
            run.texts[page.id] = ""
            run.errors[page.id] = f"{type(exc).__name__}: {exc}"
    run.seconds = time.perf_counter() - start
    return run


def score_run(run: SystemRun, pages: Sequence[Page], n_bootstrap: int = 0) -> dict[str, Scores]:
    lower = [match_counts(shingles(p.truth), shingles(run.texts[p.id])) for p in pages]
    exact = [
        match_counts(shingles(p.truth, lowercase=False), shingles(run.texts[p.id], lowercase=False))
        for p in pages
    ]
    return {"page-mean": page_mean_scores(lower), "benchmark": benchmark_scores(exact, n_bootstrap)}


# --------------------------------------------------------------------------- cut check


@dataclass
class CutReport:
    """How much ground truth the furniture layer removed, and which furniture items carried it."""

    truth_in_text: int = 0
    truth_cut: int = 0
    page_shares: list[tuple[float, str]] = field(default_factory=list)
    cutting_items: list[tuple[float, str, str, str]] = field(default_factory=list)  # share, page, kind, text
    furniture_kinds: Counter = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.truth_cut / self.truth_in_text if self.truth_in_text else 0.0


def cut_check(pages: Sequence[Page], documents: dict[str, object]) -> CutReport:
    report = CutReport()
    for page in pages:
        doc = documents.get(page.id)
        if doc is None:
            continue
        truth = shingles(page.truth)
        in_text = sum((truth & shingles(doc.text)).values())
        cut = lost_shingles(truth, shingles(doc.text), shingles(doc.body))
        report.truth_in_text += in_text
        report.truth_cut += cut
        if in_text:
            report.page_shares.append((cut / in_text, page.id))
        for item in doc.furniture:
            report.furniture_kinds[item.kind] += 1
            item_shingles = shingles(item.text)
            if sum(item_shingles.values()) and len(tokenize(item.text)) >= 3:
                share = sum((item_shingles & truth).values()) / sum(item_shingles.values())
                if share >= 0.5:
                    report.cutting_items.append((share, page.hostname, item.kind, item.text))
    report.page_shares.sort(reverse=True)
    return report


# --------------------------------------------------------------------------- CLI


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def evaluate(
    pages: Sequence[Page], *, with_recoupe: bool = True, n_bootstrap: int = 0, out=None
) -> dict:
    """Run every system on ``pages``, print the table and the cut check, return the numbers."""
    out = out or sys.stdout
    runs = [
        run_system("trafilatura", pages, lambda p: trafilatura_text(p.html)),
        run_system("trafilatura+recall", pages, lambda p: trafilatura_text(p.html, favor_recall=True)),
    ]
    documents: dict[str, object] = {}
    if with_recoupe:
        try:
            import recoupe.extract  # noqa: F401
        except ImportError as exc:
            print(f"recoupe.extract not importable ({exc}); scoring trafilatura only", file=out)
            with_recoupe = False
    if with_recoupe:

        def body(page: Page) -> str:
            documents[page.id] = recoupe_document(page)
            return documents[page.id].body

        runs.append(run_system("recoupe", pages, body))
        pre_split = SystemRun("recoupe (pre-split)", seconds=0.0)
        pre_split.texts = {pid: documents[pid].text if pid in documents else "" for pid in runs[-1].texts}
        runs.append(pre_split)

    results: dict = {"pages": len(pages), "systems": {}}
    print(f"{len(pages)} pages; shingles of {NGRAM} tokens", file=out)
    print(f"{'system':<22} {'page-mean (lowercased)':<34} {'benchmark style (case-sensitive)':<52} sec  errors", file=out)
    for run in runs:
        scores = score_run(run, pages, n_bootstrap)
        print(
            f"{run.name:<22} {scores['page-mean'].fmt():<34} {scores['benchmark'].fmt():<52} "
            f"{run.seconds:4.0f}  {len(run.errors)}",
            file=out,
        )
        results["systems"][run.name] = {
            "page_mean": vars(scores["page-mean"]),
            "benchmark": vars(scores["benchmark"]),
            "seconds": run.seconds,
            "errors": run.errors,
        }
        for page_id, error in list(run.errors.items())[:5]:
            print(f"    error on {page_id[:12]}: {_clip(error)}", file=out)

    if documents:
        report = cut_check(pages, documents)
        print(
            f"\ncut check: furniture layer removed {report.truth_cut} of {report.truth_in_text} ground-truth "
            f"shingles its input had ({report.share:.2%}); pages with any cut: "
            f"{sum(1 for s, _ in report.page_shares if s > 0)}",
            file=out,
        )
        print("furniture kinds found: " + ", ".join(f"{k}={v}" for k, v in report.furniture_kinds.most_common()), file=out)
        for share, page_id in report.page_shares[:5]:
            if share > 0:
                print(f"  worst page {page_id[:12]}: {share:.1%} of its ground truth cut", file=out)
        # biggest damage first: long items that are ground truth
        report.cutting_items.sort(key=lambda x: (-len(tokenize(x[3])), x[1]))
        if report.cutting_items:
            by_kind = Counter(kind for _, _, kind, _ in report.cutting_items)
            print(
                f"furniture items that are mostly ground truth ({len(report.cutting_items)}; "
                + ", ".join(f"{k}={v}" for k, v in by_kind.most_common())
                + "), longest first:",
                file=out,
            )
        for share, host, kind, text in report.cutting_items[:20]:
            print(f"  [{kind}] {share:.0%} {host}: {_clip(text)}", file=out)
        results["cut"] = {
            "truth_in_text": report.truth_in_text,
            "truth_cut": report.truth_cut,
            "share": report.share,
            "furniture_kinds": dict(report.furniture_kinds),
            "cutting_items": [
                {"share": s, "host": h, "kind": k, "text": t} for s, h, k, t in report.cutting_items
            ],
        }
        base, ours = results["systems"]["trafilatura"], results["systems"]["recoupe"]
        verdict = "OK" if ours["page_mean"]["f1"] >= base["page_mean"]["f1"] - 1e-9 else "WORSE"
        print(
            f"\nrecoupe vs bare trafilatura (page-mean F1): {ours['page_mean']['f1']:.3f} vs "
            f"{base['page_mean']['f1']:.3f} -> {verdict}",
            file=out,
        )
        results["verdict"] = verdict
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="recoupe eval extraction", description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="path to ../shared (default: beside the repo or $RECOUPE_SHARED)")
    parser.add_argument("--limit", type=int, help="only the first N pages (by id)")
    parser.add_argument("--bootstrap", type=int, default=0, help="bootstrap samples for 95%% intervals")
    parser.add_argument("--no-recoupe", action="store_true", help="score the trafilatura baselines only")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if shared is None:
        print("../shared not found (set RECOUPE_SHARED or --shared)", file=sys.stderr)
        return 2
    pages = load_benchmark(shared, args.limit)
    results = evaluate(pages, with_recoupe=not args.no_recoupe, n_bootstrap=args.bootstrap)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if results.get("verdict", "OK") == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
