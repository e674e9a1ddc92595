"""Judgement apart from findings: ``assess(findings, ratings, config) -> Judgement``, pure.

The findings (entities, quotes, chain...) depend on the text and the package only. What the rating
lists say about the outlets in them, the signals and the grade depend also on a ``Ratings``
snapshot and the scoring configuration; they are computed here, on a copy, and returned as a new
``Judgement`` stamped with the snapshot id. A corpus keeps findings once and re-judges them when a
list changes (``recoupe regrade``) without parsing anything again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from recoupe.assess.credibility import grade_in_place, load_config
from recoupe.model import Analysis, Judgement
from recoupe.sources.ratings import Ratings, default_ratings


def config_digest(cfg: dict) -> str:
    return "sha256:" + hashlib.sha256(json.dumps(cfg, sort_keys=True, default=str).encode()).hexdigest()[:16]


def resolve_config(config: dict | str | Path | None) -> dict:
    """A config dict as given, a TOML path, or the default (``resources/credibility.toml``)."""
    if isinstance(config, dict):
        return config
    return load_config(str(config) if config else None)


def assess(findings: Analysis, ratings: Ratings | None = None, config: dict | str | Path | None = None) -> Judgement:
    """Rate the outlets of ``findings`` with ``ratings`` (default: shipped + imported lists), score
    the signals with ``config``, and return the judgement. ``findings`` is not changed."""
    ratings = ratings if ratings is not None else default_ratings()
    cfg = resolve_config(config)
    # ``findings()`` gives the publisher and each chain link as new objects, the only parts the
    # grading fills in; the rest is read only, so no deep copy (it was half the judgement's cost)
    work = findings.findings()
    signals, credibility = grade_in_place(work, ratings, cfg)
    return Judgement(ratings_id=ratings.id, config_digest=config_digest(cfg), publisher=work.publisher,
                     source_chain=work.source_chain, signals=signals, credibility=credibility)


__all__ = ["Judgement", "assess", "config_digest", "resolve_config"]
