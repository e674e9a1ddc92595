"""Where recoupe finds data beside the project (``../shared``) and its own local store."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """``$RECOUPE_SHARED``, else ``../shared`` beside the project checkout (may not exist)."""
    env = os.environ.get("RECOUPE_SHARED")
    return Path(env) if env else PROJECT_ROOT.parent / "shared"


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or a clear error for command-line evaluations."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: evaluations read the data sets in ../shared (or set RECOUPE_SHARED)"
        )
    return path
