"""The analysis off the event loop: one worker thread holding the analyzer, a bounded queue.

A thread, not a process: the models load once (about 1.5 GB for both languages and the sentence
encoder) and the analysis releases the GIL often enough (numpy, spaCy's Cython loops) for the event
loop to keep answering reads while it runs (measured by benchmarks/serve.py). Pending analyses
beyond ``max_pending`` are refused with 503 and Retry-After rather than queued without bound.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from recoupe.ingest import Failed, RawDocument, from_string
from recoupe.model import Analysis
from recoupe.service.problems import ProblemError

WARM_TEXT = ("Selon l'Agence France-Presse, le ministre a déclaré mardi que le budget serait revu. "
             "According to Reuters, the minister said on Tuesday that the budget would be revised.")


class Engine:
    def __init__(self, max_pending: int = 32) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recoupe-analysis")
        self._pending = 0
        self._lock = threading.Lock()
        self.max_pending = max_pending
        self.ready = threading.Event()
        self._analyzer = None

    # -- the analyzer ----------------------------------------------------------------------------
    def _get_analyzer(self):
        """The engine's Analyzer (``recoupe.Analyzer`` when the package has it, else the module
        functions, which share the same process-wide models)."""
        if self._analyzer is None:
            import recoupe

            factory = getattr(recoupe, "Analyzer", None)
            self._analyzer = factory() if factory is not None else _ModuleAnalyzer()
        return self._analyzer

    def _run(self, raw: RawDocument, lang: str | None) -> Analysis | Failed:
        analyzer = self._get_analyzer()
        result = next(iter(analyzer.analyze_many([raw], lang=lang)))
        self.ready.set()
        return result

    def warm(self) -> None:
        """Load the models in the background (one tiny article per language)."""
        self._executor.submit(self._run, from_string(WARM_TEXT, source="<warm-up>"), None)

    @property
    def pending(self) -> int:
        return self._pending

    async def analyze(self, raw: RawDocument, lang: str | None = None) -> Analysis:
        with self._lock:
            if self._pending >= self.max_pending:
                raise ProblemError(503, f"{self._pending} analyses already waiting; try again shortly",
                                   slug="busy", headers={"Retry-After": "5"})
            self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            result = await loop.run_in_executor(self._executor, self._run, raw, lang)
        finally:
            with self._lock:
                self._pending -= 1
        if isinstance(result, Failed):
            raise ProblemError(422, result.error, slug="unanalysable", title="The document could not be analysed")
        return result

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class _ModuleAnalyzer:
    """Stand-in with the Analyzer's ``analyze_many`` signature over ``recoupe.pipeline``."""

    def analyze_many(self, items, lang=None):
        from recoupe.pipeline import analyze_many

        return analyze_many(items, lang=lang)
