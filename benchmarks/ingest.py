"""Ingest throughput on real articles, in one run: bare ``Analyzer.analyze_many``; ``recoupe ingest``
in one process; on a local Dask cluster with 1 and with 2 workers; and re-ingesting the same
corpus. Prints articles/s for each and the ratios the corpus issue sets (storage overhead <= 10 %,
2 workers >= 1.7x one worker on a 2-core machine, re-ingest >= 50x the first pass).

Articles: the French and English SemEval-2023 Task 3 articles in ../shared/data/genre (real news
text, 571 of them), the first ``--limit`` (default 300) in a fixed order alternating languages.
Absolute figures depend on the machine: take the final ones on a quiet machine (nothing else
running), since the 1- vs 2-worker ratio measures free cores as much as recoupe.

    python benchmarks/ingest.py [--limit 300] [--skip-dask] [--ceiling]

``--ceiling`` first measures what the machine allows: two independent processes, each running the
bare analysis (encoder inline, one core each) over the first 120 articles, against one such process.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

from recoupe.ingest import RawDocument
from recoupe.paths import require_shared


def load(limit: int) -> list[RawDocument]:
    base = require_shared("data", "genre", "semeval2023t3")
    fr = sorted((base / "fr" / "articles").glob("*.txt"))
    en = sorted((base / "en" / "articles").glob("*.txt"))
    order = [p for pair in zip(fr, en) for p in pair] + en[len(fr):]
    return [RawDocument(source=str(p), text=p.read_text(encoding="utf-8")) for p in order[:limit]]


def clear_caches() -> None:
    """Per-article caches would hold the texts of an earlier pass (as benchmarks/throughput.py does)."""
    from recoupe.analysis import triggers

    triggers.candidates.cache_clear()
    gc.collect()


def _bare_worker(docs, barrier, queue) -> None:
    from recoupe.pipeline import Analyzer, AnalyzerConfig

    analyzer = Analyzer(AnalyzerConfig())
    list(analyzer.analyze_many(docs[:8]))  # models loaded and warm before the clock starts
    barrier.wait()
    start = time.perf_counter()
    n = sum(1 for _ in analyzer.analyze_many(docs))
    queue.put((n, time.perf_counter() - start))


def ceiling(docs: list[RawDocument]) -> float:
    """Articles/s of two independent bare processes over one: how far two cores carry this work
    with no Dask, no writer and nothing shared (the 2-worker ratio's ceiling on this machine)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    rates = []
    for k in (1, 2):
        barrier, queue = ctx.Barrier(k), ctx.Queue()
        procs = [ctx.Process(target=_bare_worker, args=(docs, barrier, queue)) for _ in range(k)]
        for p in procs:
            p.start()
        results = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        rates.append(sum(n for n, _ in results) / max(s for _, s in results))
    print(f"machine ceiling: bare analysis in 1 process {rates[0]:.2f} articles/s, in 2 independent processes "
          f"{rates[1]:.2f} articles/s: {rates[1] / rates[0]:.2f}x", flush=True)
    return rates[1] / rates[0]


def timed(label: str, n: int, fn) -> float:
    clear_caches()
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu  # this process only (not Dask workers)
    rate = n / seconds
    print(f"{label:<34} {n:>5} articles in {seconds:8.1f} s  {rate:8.2f} articles/s  "
          f"(CPU here {1000 * cpu / n:7.1f} ms/article)  {out or ''}", flush=True)
    return rate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--ceiling", action="store_true", help="first measure two bare processes against one")
    args = ap.parse_args(argv)
    docs = load(args.limit)
    if args.ceiling:
        ceiling(docs[:120])
    n = len(docs)
    from recoupe.corpus import Corpus, engine
    from recoupe.corpus.ingest import LocalBackend, ingest

    tmp = Path(tempfile.mkdtemp(prefix="recoupe-bench-"))
    analyzer = engine.make_analyzer()
    list(analyzer.analyze_many(docs[:16]))  # a whole chunk: every model and lazy import loaded before timing
    print(f"{n} real articles (SemEval-2023 fr/en); store under {tmp}")

    results = []

    def bare():
        results.extend(engine.analyze_many(analyzer, iter(docs)))
        return f"({sum(1 for r in results if not isinstance(r, tuple))} failed)"

    rates = {"bare": timed("bare Analyzer.analyze_many", n, bare)}

    def store_only():
        """What ingest adds to the analysis, alone: input digest, extraction for the article id,
        the article's transaction (rows, judgement, LSH bands, duplicate check)."""
        from recoupe.corpus.ingest import _prepare, input_hash

        store = Corpus(f"sqlite:///{tmp / 'store-only.db'}")
        for doc, result in zip(docs, results):
            item = _prepare(doc, input_hash(doc.content, doc.url))
            if isinstance(result, tuple) and not isinstance(item, Exception) and hasattr(item, "article_id"):
                store.write_report(item, result, None)
        return f"({store.count()} stored)"

    rates["store"] = timed("ingest's own work (no analysis)", n, store_only)

    local_backend = LocalBackend()
    local_backend.analyzer = analyzer  # the same warm analyser as the bare pass
    c0 = Corpus(f"sqlite:///{tmp / 'one-process.db'}")
    rates["ingest"] = timed("ingest, one process", n, lambda: ingest(c0, iter(docs), backend=local_backend).to_dict())

    last = c0
    if not args.skip_dask:
        from recoupe.batch import DaskBackend

        for workers in (1, 2):
            start = time.perf_counter()
            backend = DaskBackend(workers=workers)
            warm = backend.client.run(lambda dask_worker: [  # both languages' pipelines, as the bare pass had
                dask_worker.plugins["recoupe-analyzer"].analyzer.analyze(d.content).language for d in docs[:4]])
            print(f"  ({workers} worker(s) started and warmed up in {time.perf_counter() - start:.1f} s: {warm})")
            c = Corpus(f"sqlite:///{tmp / f'dask-{workers}.db'}")
            rates[f"dask{workers}"] = timed(f"ingest, Dask {workers} worker(s)", n,
                                            lambda: ingest(c, iter(docs), backend=backend).to_dict())
            last = c
    rates["reingest"] = timed("re-ingest (same inputs)", n,
                              lambda: ingest(last, iter(docs), backend=local_backend).to_dict())

    print()
    overhead = rates["bare"] / rates["ingest"] - 1
    print(f"storage overhead, one process: {overhead:+.1%} (target <= 10%); ingest's own work alone: "
          f"{rates['bare'] / rates['store']:.1%} of the analysis time")
    if "dask1" in rates:
        print(f"storage overhead, Dask 1 worker: {rates['bare'] / rates['dask1'] - 1:+.1%}")
        print(f"2 workers vs 1 worker: {rates['dask2'] / rates['dask1']:.2f}x (target >= 1.7x on 2 free cores)")
    first = rates.get("dask2", rates["ingest"])
    print(f"re-ingest vs first pass: {rates['reingest'] / first:.0f}x (target >= 50x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
