"""The analysis off the event loop: one worker thread holding one ``recoupe.Analyzer``.

A thread, not a process: the models load once (about 1.5 GB for both languages and the sentence
encoder), and the analysis releases the GIL often enough (numpy, spaCy's Cython loops) for the
event loop to keep answering reads while it runs (benchmarks/serve.py measures it). Requests that
arrive while an analysis runs are analysed together in the next batch (one ``nlp.pipe`` and one
encoder call, as the CLI batches files). Analyses waiting beyond ``max_pending`` are refused with
503 and Retry-After rather than queued without bound. Other work that needs the analyzer (corpus
ingestion) runs on the same thread through :meth:`Engine.run`, so the analyzer is never shared
between threads.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from recoupe.ingest import Failed, RawDocument, from_string
from recoupe.model import Analysis
from recoupe.service.problems import ProblemError

WARM_TEXT = ("Selon l'Agence France-Presse, le ministre a déclaré mardi que le budget serait revu. "
             "According to Reuters, the minister said on Tuesday that the budget would be revised.")
# Analyses waiting together run as one batch (one nlp.pipe and one encoder call per language).
# Chosen with benchmarks/serve.py, 8 closed-loop clients on a ~600-word article, 2 shared cores:
# batch 1: 1.43/s; 2: 1.76/s; 4: 2.09-3.02/s; 8: 1.53/s; 16: 1.36-1.61/s (analyses per second).
DEFAULT_BATCH = 4


class Engine:
    def __init__(self, max_pending: int = 32, analyzer=None, batch: int = DEFAULT_BATCH) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recoupe-analysis")
        self._lock = threading.Lock()
        self._queue: list[tuple[RawDocument, str | None, Future]] = []
        self._draining = False
        self._pending = 0
        self.max_pending = max_pending
        self.batch = max(1, batch)
        self.ready = threading.Event()
        self._analyzer = analyzer

    @property
    def analyzer(self):
        """The engine's Analyzer; only ever used on the engine's thread."""
        if self._analyzer is None:
            from recoupe import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer

    @property
    def pending(self) -> int:
        return self._pending

    def warm(self) -> None:
        """Load the models in the background (one short article in each language)."""
        self._admit()
        fut: Future = Future()
        fut.add_done_callback(lambda f: self._release())
        with self._lock:
            self._queue.append((from_string(WARM_TEXT, source="<warm-up>"), None, fut))
            self._kick()

    def _admit(self) -> None:
        with self._lock:
            if self._pending >= self.max_pending:
                raise ProblemError(503, f"{self._pending} analyses already waiting; try again shortly",
                                   slug="busy", headers={"Retry-After": "5"})
            self._pending += 1

    def _release(self) -> None:
        with self._lock:
            self._pending -= 1

    def _kick(self) -> None:  # with the lock held
        if not self._draining:
            self._draining = True
            self._executor.submit(self._drain)

    def _drain(self) -> None:
        """On the engine thread: analyse what is queued, a batch at a time, until the queue is empty."""
        while True:
            with self._lock:
                batch, self._queue = self._queue[:self.batch], self._queue[self.batch:]
                if not batch:
                    self._draining = False
                    return
            by_lang: dict[str | None, list[tuple[RawDocument, Future]]] = {}
            for raw, lang, fut in batch:
                by_lang.setdefault(lang, []).append((raw, fut))
            for lang, items in by_lang.items():
                try:
                    results = list(self.analyzer.analyze_many([raw for raw, _ in items], lang=lang))
                except Exception as exc:  # the analyzer itself broke: every waiting request gets the error
                    for _, fut in items:
                        fut.set_exception(exc)
                    continue
                for (_, fut), result in zip(items, results):
                    fut.set_result(result)
            self.ready.set()

    async def analyze(self, raw: RawDocument, lang: str | None = None) -> Analysis:
        self._admit()
        fut: Future = Future()
        try:
            with self._lock:
                self._queue.append((raw, lang, fut))
                self._kick()
            result = await asyncio.wrap_future(fut)
        finally:
            self._release()
        if isinstance(result, Failed):
            raise ProblemError(422, result.error, slug="unanalysable", title="The document could not be analysed")
        return result

    async def run(self, fn, *args):
        """Run ``fn(analyzer, *args)`` on the engine thread (after the analyses queued before it)."""
        self._admit()
        try:
            return await asyncio.wrap_future(self._executor.submit(fn, self.analyzer, *args))
        finally:
            self._release()

    def close(self) -> None:
        """Stop taking work, let the batch in progress finish, and free the analyzer's models."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        if self._analyzer is not None:
            self._analyzer.close()
            self._analyzer = None
