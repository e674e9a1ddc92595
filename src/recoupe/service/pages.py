"""The web UI and the API page, both shipped in ``static/``: no CDN, no inline script (the CSP
forbids it), the API page built in the browser from ``/openapi.json``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse

STATIC = Path(__file__).parent / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


@router.get("/docs")
def docs() -> FileResponse:
    return FileResponse(STATIC / "docs.html", media_type="text/html; charset=utf-8")


@router.get("/redoc")
def redoc() -> RedirectResponse:
    return RedirectResponse("/docs")
