"""The corpus's one door into the analysis engine: findings, judgements, stamps, the ratings id.

Everything the store needs from the analyser goes through these functions, so following the
engine's API (issue 9: ``Analyzer``, ``assess``, ``Ratings`` snapshots) is a change in this file only.
A report is split in two: the *findings* (what the text says; kept as long as the analyser's
version stands) and the *judgement* (ratings of the publisher and chain links, signals,
credibility; redone whenever the ratings snapshot changes, without re-parsing).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache

from recoupe.ingest import Failed, RawDocument
from recoupe.model import SCHEMA_VERSION, Analysis


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def make_analyzer(config: dict | None = None):
    """What a process (or Dask worker) builds once and reuses: the engine's Analyzer when it exists,
    else the options of the functional pipeline."""
    import recoupe

    analyzer_cls = getattr(recoupe, "Analyzer", None)
    if analyzer_cls is not None:
        return analyzer_cls()
    from recoupe.pipeline import Options

    return Options(**(config or {}))


def analyze_many(analyzer, items: Iterable[RawDocument], lang: str | None = None) -> Iterator[Analysis | Failed]:
    """Full reports (findings and judgement) in input order; ``Failed`` for what could not be read."""
    if hasattr(analyzer, "analyze_many"):
        yield from analyzer.analyze_many(items, lang=lang)
        return
    from recoupe.pipeline import analyze_many as pipeline_many

    yield from pipeline_many(items, lang=lang, options=analyzer)


def stamps(report: Analysis | None = None) -> dict:
    """What produced a report: the engine's own stamps (component versions, config digest) when it
    sets them, else the package and schema versions."""
    own = getattr(report, "stamps", None) if report is not None else None
    if own:
        data = own if isinstance(own, dict) else own.model_dump()
        return {k: v for k, v in data.items() if k != "ratings_id"}
    import recoupe

    return {"recoupe": recoupe.__version__, "schema": SCHEMA_VERSION}


def analyzer_digest(stamp: dict) -> str:
    """The version a stored report is compared against (``--reanalyze`` replaces older ones)."""
    return _digest(stamp)[:16]


@lru_cache(maxsize=1)
def current_analyzer() -> str:
    return analyzer_digest(stamps())


@lru_cache(maxsize=1)
def ratings_id() -> str:
    """Digest of the rating lists loaded now: judgements are stored per snapshot."""
    try:
        from recoupe.sources.ratings import default_ratings  # the engine's immutable snapshot

        return default_ratings().id
    except ImportError:
        pass
    from recoupe.sources import get_registry

    registry = get_registry()
    return _digest({i: l.to_json() for i, l in sorted(registry.lists.items())})[:16]


# -- findings vs judgement --------------------------------------------------------------------------

def split(report: Analysis) -> tuple[dict, dict]:
    """(findings, judgement) as JSON-ready dicts; findings carry no ratings, signals or credibility."""
    data = report.model_dump(mode="json", by_alias=True)
    judgement = {
        "publisher": {"domain": data["publisher"].get("domain"), "ratings": data["publisher"].get("ratings", [])},
        "source_chain": [{"domain": link.get("domain"), "ratings": link.get("ratings", [])}
                         for link in data.get("source_chain", [])],
        "signals": data.get("signals", []),
        "credibility": data.get("credibility"),
    }
    data["publisher"]["ratings"] = []
    for link in data.get("source_chain", []):
        link["ratings"] = []
    data["signals"] = []
    data["credibility"] = None
    data.pop("stamps", None)
    return data, judgement


def apply(findings: dict, judgement: dict | None) -> Analysis:
    """The full report: stored findings with a stored judgement laid over them."""
    data = json.loads(json.dumps(findings))
    if judgement:
        data["publisher"]["ratings"] = judgement["publisher"]["ratings"]
        data["publisher"]["domain"] = data["publisher"].get("domain") or judgement["publisher"]["domain"]
        for link, judged in zip(data.get("source_chain", []), judgement.get("source_chain", [])):
            link["ratings"] = judged["ratings"]
            link["domain"] = link.get("domain") or judged["domain"]
        data["signals"] = judgement["signals"]
        data["credibility"] = judgement["credibility"]
    return Analysis.model_validate(data)


def judge(findings: dict) -> dict:
    """Re-judge stored findings with the ratings loaded now (no parsing: a few ms per article)."""
    analysis = Analysis.model_validate(findings)
    try:
        from recoupe.assess import assess  # the engine's pure judgement

        return split(assess(analysis, _ratings()).apply(analysis))[1]
    except ImportError:
        pass
    from recoupe.credibility import assess as legacy_assess

    analysis.signals, analysis.credibility = legacy_assess(analysis)
    return split(analysis)[1]


def _ratings():
    from recoupe.sources.ratings import default_ratings

    return default_ratings()
