"""The corpus's one door into the analysis engine: findings, judgements, stamps, the ratings id.

Everything the store needs from the analyser goes through these functions, so a change of the
engine's API is a change in this file only. A report is kept in two parts: the *findings* (what
the text says; kept as long as the analyser's stamps stand) and the *judgement* (ratings of the
publisher and chain links, signals, credibility; redone when the ratings snapshot changes,
without re-parsing).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache

from recoupe.ingest import Failed, RawDocument
from recoupe.model import Analysis, Judgement


def make_analyzer(config: dict | None = None):
    """What a process (or a Dask worker) builds once and reuses."""
    from recoupe.pipeline import Analyzer, AnalyzerConfig

    return Analyzer(AnalyzerConfig(**(config or {})))


def analyze_many(analyzer, items: Iterable[RawDocument], lang: str | None = None
                 ) -> Iterator[tuple[Analysis, Judgement] | Failed]:
    """(findings, judgement) per document in input order, or ``Failed``; the judgement uses the
    analyser's ratings snapshot."""
    from recoupe.assess import assess

    for result in analyzer.findings_many(items, lang=lang):
        if isinstance(result, Failed):
            yield result
            continue
        try:
            yield result, assess(result, analyzer.ratings, analyzer._assess_config)
        except Exception as exc:  # a judgement that fails must not stop the stream
            yield Failed(result.source, f"assessment failed: {type(exc).__name__}: {exc}")


def stamps(findings: Analysis | dict | None) -> dict:
    """The findings' stamps without the judgement's part (ratings id, scoring config)."""
    if isinstance(findings, Analysis):
        data = findings.stamps.model_dump(mode="json") if findings.stamps is not None else {}
    elif hasattr(findings, "model_dump"):  # a Stamps
        data = findings.model_dump(mode="json")
    else:
        data = dict((findings or {}).get("stamps") or {})
    data.pop("ratings_id", None)
    data.pop("assess_config_digest", None)
    return data


def analyzer_digest(stamp: dict) -> str:
    """The version a stored report is compared against (``--reanalyze`` replaces older ones)."""
    return hashlib.sha256(json.dumps(stamp, sort_keys=True).encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def current_analyzer() -> str:
    from recoupe.pipeline import AnalyzerConfig, analyzer_for

    return analyzer_digest(stamps(analyzer_for(AnalyzerConfig()).stamps))


def ratings_id() -> str:
    """The id of the ratings snapshot loaded now: judgements are stored per snapshot."""
    return _ratings().id


def _ratings():
    from recoupe.sources.ratings import default_ratings

    return default_ratings()


def dump_findings(findings: Analysis) -> dict:
    return findings.findings().model_dump(mode="json", by_alias=True)


def dump_judgement(judgement: Judgement) -> dict:
    return judgement.model_dump(mode="json", by_alias=True)


def judge(findings: dict) -> dict:
    """Judge stored findings with the ratings loaded now (no parsing: a few ms per article)."""
    from recoupe.assess import assess

    return dump_judgement(assess(Analysis.model_validate(findings), _ratings()))


def apply(findings: dict, judgement: dict | None) -> Analysis:
    """The full report: stored findings with a stored judgement laid over them."""
    analysis = Analysis.model_validate(findings)
    return Judgement.model_validate(judgement).apply(analysis) if judgement else analysis
