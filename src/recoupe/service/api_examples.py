"""The bundled demo articles (written for recoupe, in ``resources/demo``), so a first-time user can
try the analysis without finding an article: ``GET /v1/examples`` and ``/v1/examples/{name}``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from pydantic import BaseModel

from recoupe.service.problems import ProblemError, responses

router = APIRouter(prefix="/v1/examples", tags=["examples"])


class Example(BaseModel):
    name: str
    title: str
    language: str | None


class ExampleContent(Example):
    content: str


@lru_cache(maxsize=1)
def _examples() -> dict[str, ExampleContent]:
    folder = Path(str(resources.files("recoupe.resources").joinpath("demo")))
    found = {}
    for path in sorted(folder.glob("*")):
        if path.suffix not in (".txt", ".html"):
            continue
        content = path.read_text(encoding="utf-8")
        title = content.strip().splitlines()[0][:120] if path.suffix == ".txt" else _html_title(content) or path.stem
        lang = next((part for part in path.stem.split("_") if part in ("fr", "en")), None)
        found[path.name] = ExampleContent(name=path.name, title=title, language=lang, content=content)
    return found


def _html_title(html: str) -> str | None:
    import re

    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    return " ".join(m.group(1).split())[:120] if m else None


@router.get("", response_model=list[Example], summary="The bundled demo articles")
def examples() -> list[Example]:
    return [Example(name=e.name, title=e.title, language=e.language) for e in _examples().values()]


@router.get("/{name}", response_model=ExampleContent, summary="One demo article's text", responses=responses(404))
def example(name: str) -> ExampleContent:
    found = _examples().get(name)
    if found is None:
        raise ProblemError(404, f"no example named {name!r}", slug="not-found")
    return found
