"""``POST /v1/analyze`` (JSON: text, HTML or a URL to fetch) and ``POST /v1/analyze/upload``
(a file): one article in, its full report out."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from pydantic import BaseModel, Field, model_validator

from recoupe.ingest import IngestError, RawDocument, decode_bytes, from_string
from recoupe.model import Analysis
from recoupe.service.fetching import fetch_article
from recoupe.service.guards import require_write_token
from recoupe.service.problems import ProblemError, responses

router = APIRouter(prefix="/v1", tags=["analyse"])

Lang = Literal["fr", "en"]


class AnalyzeRequest(BaseModel):
    """Give ``text`` (plain text or HTML, sniffed) or ``html``; or only ``url`` to have the server
    fetch the page (public addresses only). With text or HTML, ``url`` is the page's address,
    used for the publisher's domain. Title, publisher, date and authors override what is found."""

    text: str | None = Field(None, description="Plain text or HTML of the article")
    html: str | None = Field(None, description="HTML of the page")
    url: str | None = Field(None, max_length=2048, description="Address of the article (fetched when no text/html)")
    lang: Lang | None = Field(None, description="Force the language instead of detecting it")
    title: str | None = Field(None, max_length=1000)
    publisher: str | None = Field(None, max_length=300)
    date: str | None = Field(None, max_length=40)
    authors: list[str] | None = None

    @model_validator(mode="after")
    def _one_input(self):
        given = [k for k in ("text", "html") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError("give text or html, not both")
        if not given and not self.url:
            raise ValueError("give text, html or url")
        return self

    def hints(self) -> dict:
        return {k: v for k, v in (("title", self.title), ("publisher", self.publisher), ("date", self.date),
                                  ("authors", self.authors)) if v}


def report_response(report: Analysis) -> Response:
    """The report as JSON straight from its model: the route still declares ``Analysis`` for the
    schema, but FastAPI does not validate and re-encode a model the engine just built (a third of
    the cost of reading a stored report)."""
    return Response(report.model_dump_json(by_alias=True), media_type="application/json")


def _raw(content: str, *, source: str, url: str | None, hints: dict, html: bool | None = None) -> RawDocument:
    if not content.strip():
        raise ProblemError(422, "empty input", slug="unanalysable", title="The document could not be analysed")
    if html is None:
        return from_string(content, source=source, url=url, hints=hints)
    return RawDocument(source=source, html=content if html else None, text=None if html else content,
                       url=url, hints=hints)


@router.post("/analyze", response_model=Analysis, response_model_by_alias=True,
             dependencies=[Depends(require_write_token)], summary="Analyse one article",
             responses=responses(401, 403, 413, 422, 502, 503))
async def analyze(body: AnalyzeRequest, request: Request) -> Response:
    """Furniture, entities, quotes, hedges, claims, source chain, genre, persuasion, credibility."""
    if body.text is not None or body.html is not None:
        content = body.html if body.html is not None else body.text
        raw = _raw(content, source=body.url or "<request>", url=body.url, hints=body.hints(),
                   html=True if body.html is not None else None)
    else:
        raw = await fetch_article(request.app, body.url, hints=body.hints())
    return report_response(await request.app.state.engine.analyze(raw, body.lang))


@router.post("/analyze/upload", response_model=Analysis, response_model_by_alias=True,
             dependencies=[Depends(require_write_token)], summary="Analyse an uploaded file",
             responses=responses(401, 403, 413, 422, 503))
async def analyze_upload(request: Request, file: UploadFile = File(..., description="Text or HTML file"),
                         lang: Lang | None = Form(None), url: str | None = Form(None, max_length=2048)
                         ) -> Response:
    """A saved page (.html) or a text file; the encoding is detected."""
    data = await file.read()
    try:
        content, _ = decode_bytes(data)
    except IngestError as exc:
        raise ProblemError(422, str(exc), slug="unreadable", title="The file could not be read") from exc
    name = (file.filename or "upload").rsplit("/", 1)[-1]
    is_html = True if name.lower().endswith((".html", ".htm", ".xhtml")) else None
    raw = _raw(content, source=name, url=url, hints={}, html=is_html)
    return report_response(await request.app.state.engine.analyze(raw, lang))
