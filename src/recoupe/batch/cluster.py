"""The Dask backend of ``recoupe ingest --workers N`` / ``--scheduler tcp://HOST:8786``.

- :class:`AnalyzerPlugin` is registered on every worker (present and future): it builds the
  analyser once when the worker starts, so models are loaded per worker, never pickled into tasks.
- A task is a small chunk of raw documents (what the pipeline batches through ``nlp.pipe``); a
  bounded number of chunks is in flight, so memory stays flat on any input size, and results are
  yielded as they complete, not in input order.
- A worker that dies mid-chunk: the scheduler reruns its tasks on the other workers (Dask's
  ``allowed-failures``); a chunk that still cannot finish (it keeps killing workers) becomes
  failures for its documents, stored with the error, and the batch goes on.
- Who writes: with SQLite (one writer allowed) results come back to the ingesting process, which
  commits them article by article. With PostgreSQL (``store_url``) each worker commits its own
  articles and only the outcome comes back; the duplicate search is serialised by an advisory lock
  (see ``corpus.ingest.store_article``), so concurrent writers still find each other's copies.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from recoupe.ingest import Failed

PLUGIN = "recoupe-analyzer"
CHUNK = 8  # documents per task: large enough for nlp.pipe batching, small enough to rebalance
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker so none waits for the writer


class AnalyzerPlugin(WorkerPlugin):
    """Builds one analyser per worker process when the worker starts."""

    name = PLUGIN

    def __init__(self, config: dict | None = None) -> None:
        self.config = config
        self.analyzer = None

    def setup(self, worker) -> None:
        from recoupe.corpus import engine

        self.analyzer = engine.make_analyzer(self.config)


def _analyzer():
    from recoupe.corpus import engine

    plugin = get_worker().plugins.get(PLUGIN)
    return plugin.analyzer if plugin is not None and plugin.analyzer is not None else engine.make_analyzer()


def analyze_chunk(docs: list, lang: str | None) -> list:
    """Run on a worker: (findings, judgement) as JSON-ready dicts, or Failed, per document of a
    chunk, in order. Dicts, not pydantic models: dumping them here keeps that work off the single
    writer, and plain dicts pickle faster."""
    from recoupe.corpus import engine

    return [r if isinstance(r, Failed) else (engine.dump_findings(r[0]), engine.dump_judgement(r[1]))
            for r in engine.analyze_many(_analyzer(), docs, lang=lang)]


_STORES: dict = {}


def analyze_and_write(items: list, lang: str | None, store_url: str, run_id: int | None) -> list:
    """Run on a worker: analyse a chunk and commit each article to the (PostgreSQL) store here;
    return ``Written`` outcomes or ``Failed``."""
    from recoupe.corpus import Corpus, engine
    from recoupe.corpus.ingest import Written, write_report

    corpus = _STORES.get(store_url)
    if corpus is None:
        corpus = _STORES[store_url] = Corpus(store_url, upgrade=False)
    out = []
    for item, result in zip(items, engine.analyze_many(_analyzer(), [w.raw for w in items], lang=lang)):
        if isinstance(result, Failed):
            out.append(result)
            continue
        try:
            out.append(Written(write_report(corpus, item, result, run_id)))
        except Exception as exc:  # the store refused this article: one failure, the chunk goes on
            out.append(Failed(item.raw.source, f"store failed on the worker: {type(exc).__name__}: {exc}"))
    return out


class DaskBackend:
    def __init__(self, workers: int | None = None, scheduler: str | None = None, *, config: dict | None = None,
                 chunk: int = CHUNK, memory_limit: str = "4GiB", store_url: str | None = None) -> None:
        self.chunk = chunk
        # workers write themselves only to a store that takes concurrent writers
        self.store_url = store_url if store_url and store_url.startswith("postgresql") else None
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, set_as_default=False)
        else:
            self.cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                        dashboard_address=None, memory_limit=memory_limit,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster, set_as_default=False)
        self.client.register_plugin(AnalyzerPlugin(config), name=PLUGIN)

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def run(self, work: Iterable, lang: str | None, run_id: int | None = None) -> Iterator[tuple[object, object]]:
        items = iter(work)
        inflight: dict = {}
        pending = as_completed(loop=self.client.loop)
        exhausted = False

        def fill() -> None:
            nonlocal exhausted
            limit = self.workers() * IN_FLIGHT_PER_WORKER
            while not exhausted and len(inflight) < limit:
                batch = []
                for item in items:
                    batch.append(item)
                    if len(batch) >= self.chunk:
                        break
                if len(batch) < self.chunk:
                    exhausted = True
                if not batch:
                    return
                if self.store_url:
                    future = self.client.submit(analyze_and_write, batch, lang, self.store_url, run_id, pure=False)
                else:
                    future = self.client.submit(analyze_chunk, [w.raw for w in batch], lang, pure=False)
                inflight[future] = batch
                pending.add(future)

        fill()
        while inflight:
            future = next(pending)
            batch = inflight.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # KilledWorker after repeated deaths, or an unexpected task error
                results = [Failed(w.raw.source, f"analysis on Dask failed: {type(exc).__name__}: {exc}")
                           for w in batch]
            yield from zip(batch, results)
            fill()

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()
