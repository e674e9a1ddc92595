"""The hand-set constants of the rule-based analysis, read once from ``resources/analysis.toml``.

Kept in a data file, beside what chose each value, so that changing one is a reviewed change of
configuration rather than an edit buried in code.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

SETTINGS_FILE = Path(__file__).resolve().parent / "resources" / "analysis.toml"


@lru_cache(maxsize=1)
def _settings() -> dict:
    return tomllib.loads(SETTINGS_FILE.read_text(encoding="utf-8"))


def setting(section: str, key: str):
    """One constant (KeyError, naming it, when absent: a typo must not fall back silently)."""
    try:
        return _settings()[section][key]
    except KeyError:
        raise KeyError(f"{section}.{key} missing from {SETTINGS_FILE.name}") from None
