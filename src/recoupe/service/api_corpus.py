"""The corpus over HTTP (``recoupe.corpus.Corpus``, the store the CLI uses): ingest, list and
filter articles, an article and its report, entities, duplicate groups, runs and failures."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from recoupe.ingest import Failed, IngestError, RawDocument, decode_bytes, from_string, iter_jsonl
from recoupe.model import Analysis, Furniture
from recoupe.service.api_analyze import AnalyzeRequest, report_response
from recoupe.service.corpus_access import answer, assign_stories, corpus_of
from recoupe.service.guards import require_write_token
from recoupe.service.pagination import Page, PageParams, paginate
from recoupe.service.problems import ProblemError, responses

router = APIRouter(prefix="/v1", tags=["corpus"])

MAX_DOCUMENTS = 200  # per ingest request: larger batches belong to `recoupe ingest` (Dask, feeds, WARC)


def _answer(call, *args):
    return answer(call, *args, slug="unknown-article")


# -- models -------------------------------------------------------------------------------------------

class ArticleSummary(BaseModel):
    id: str
    url: str | None = None
    canonical_url: str | None = None
    domain: str | None = None
    publisher: str | None = None
    language: str | None = None
    title: str | None = None
    date: str | None = None
    authors: list[str] | None = None
    genre: str | None = None
    grade: str | None = Field(None, description="Credibility grade under the current ratings snapshot")
    score: float | None = None
    duplicate_group: int | None = None


class DuplicateMember(BaseModel):
    article_id: str
    relation: str | None = None
    similar_to: str | None = None
    jaccard: float | None = None
    containment: float | None = None
    domain: str | None = None
    url: str | None = None
    date: str | None = None


class DuplicateGroup(BaseModel):
    id: int
    origin: str | None = None
    origin_reason: str | None = None
    members: list[DuplicateMember]


class JudgementSummary(BaseModel):
    ratings_id: str
    grade: str | None = None
    score: float | None = None
    judged: str
    current: bool


class ArticleDetail(ArticleSummary):
    body: str
    furniture: list[Furniture] | list[dict] = []
    source: str | None = None
    stamps: dict | None = None
    analyzer: str | None = None
    exact_copy_of: str | None = None
    ingested: str | None = None
    counts: dict[str, int] = {}
    judgements: list[JudgementSummary] = []
    duplicates: DuplicateGroup | None = None


class EntityRow(BaseModel):
    key: str
    label: str | None = None
    canonical: str | None = None
    articles: int


class EntityQuote(BaseModel):
    article_id: str
    kind: str | None = None
    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    cue: str | None = None
    producer: str | None = None


class EntityDetail(BaseModel):
    key: str
    canonical: str
    label: str | None
    articles: list[ArticleSummary]
    quotes: list[EntityQuote]
    roles: list[str]


class IngestRequest(BaseModel):
    documents: list[AnalyzeRequest] = Field(..., min_length=1, max_length=MAX_DOCUMENTS,
                                            description="Each: text, html, or only url (fetched)")
    lang: Literal["fr", "en"] | None = None
    reanalyze: bool = False


class IngestFailure(BaseModel):
    source: str
    error: str


class IngestResult(BaseModel):
    run_id: int | None
    added: int
    copied: int
    known: int
    near_duplicates: int
    failed: int
    seconds: float
    errors: list[IngestFailure]


class CorpusStats(BaseModel):
    articles: int
    tables: dict[str, int]
    runs: list[dict]
    failures: list[dict]


# -- ingest ---------------------------------------------------------------------------------------------

async def _run_ingest(request: Request, docs: list[RawDocument | Failed], lang: str | None, reanalyze: bool
                      ) -> IngestResult:
    corpus = corpus_of(request)

    def job(analyzer):
        from recoupe.corpus import ingest as ing

        class SharedBackend(ing.LocalBackend):
            """The ingest runner's local backend, on the engine's own Analyzer (one set of models)."""

            def __init__(self) -> None:
                self.analyzer = analyzer
                self.chunk = 16

        return ing.ingest(corpus, docs, backend=SharedBackend(), lang=lang, reanalyze=reanalyze,
                          command="serve: POST /v1/ingest")

    stats = await request.app.state.engine.run(job)
    if stats.added or stats.copied:
        await assign_stories(request)  # the new articles join their stories before the answer
    return IngestResult(run_id=stats.run_id, added=stats.added, copied=stats.copied, known=stats.known,
                        near_duplicates=stats.near_duplicates, failed=stats.failed, seconds=round(stats.seconds, 3),
                        errors=[IngestFailure(source=s, error=e) for s, e in stats.errors])


@router.post("/ingest", response_model=IngestResult, dependencies=[Depends(require_write_token)],
             summary="Analyse documents and store them in the corpus", responses=responses(401, 403, 404, 413, 422, 503))
async def ingest(body: IngestRequest, request: Request) -> IngestResult:
    """Documents already in the corpus (same input) are skipped; copies and near-duplicates are grouped.
    Documents given only by URL are fetched through the guarded fetcher (public addresses only)."""
    corpus_of(request)
    from recoupe.service.fetching import fetcher

    docs: list[RawDocument | Failed] = []
    for i, d in enumerate(body.documents):
        if d.text is not None or d.html is not None:
            content = d.html if d.html is not None else d.text
            source = d.url or f"<request #{i}>"
            raw = (RawDocument(source=source, html=content, url=d.url, hints=d.hints()) if d.html is not None
                   else from_string(content, source=source, url=d.url, hints=d.hints()))
            docs.append(raw)
        else:
            import asyncio

            docs.append(await asyncio.to_thread(fetcher(request.app).document, d.url, d.hints()))
    return await _run_ingest(request, docs, body.lang, body.reanalyze)


@router.post("/ingest/upload", response_model=IngestResult, dependencies=[Depends(require_write_token)],
             summary="Store uploaded files (HTML, text, JSONL corpora)", responses=responses(401, 403, 404, 413, 422, 503))
async def ingest_upload(request: Request, files: list[UploadFile] = File(...),
                        lang: Literal["fr", "en"] | None = Form(None)) -> IngestResult:
    corpus_of(request)
    docs: list[RawDocument | Failed] = []
    for f in files:
        name = (f.filename or "upload").rsplit("/", 1)[-1]
        try:
            text, _ = decode_bytes(await f.read())
        except IngestError as exc:
            docs.append(Failed(name, str(exc)))
            continue
        if name.lower().endswith((".jsonl", ".ndjson")):
            docs.extend(iter_jsonl(text, name))
        elif name.lower().endswith((".html", ".htm", ".xhtml")):
            docs.append(RawDocument(source=name, html=text))
        else:
            docs.append(from_string(text, source=name))
    if len(docs) > MAX_DOCUMENTS * 10:
        raise ProblemError(413, f"{len(docs)} documents: use `recoupe ingest` for more than {MAX_DOCUMENTS * 10}",
                           slug="too-many")
    return await _run_ingest(request, docs, lang, False)


# -- reading --------------------------------------------------------------------------------------------

@router.get("/articles", response_model=Page[ArticleSummary], summary="List and filter the corpus's articles",
            responses=responses(404, 422))
def articles(request: Request, page: PageParams = Depends(),
             outlet: str | None = Query(None, max_length=200, description="Domain (subdomains too) or publisher name"),
             language: str | None = Query(None, max_length=8),
             since: str | None = Query(None, max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
             until: str | None = Query(None, max_length=10, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
             grade: str | None = Query(None, max_length=20, pattern=r"^[A-Fa-f](,[A-Fa-f])*$"),
             genre: Literal["reporting", "opinion", "satire"] | None = None,
             q: str | None = Query(None, max_length=200, description="Words in the title")) -> dict:
    corpus = corpus_of(request)
    return paginate(lambda limit, offset: corpus.articles(outlet=outlet or None, language=language or None,
                                                          since=since or None, until=until or None, grade=grade or None,
                                                          genre=genre, search=q or None, limit=limit, offset=offset),
                    page)


ArticleId = Path(..., min_length=6, max_length=80, pattern=r"^[0-9a-zA-Z_-]+$")


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One stored article",
            responses=responses(404))
def article(request: Request, article_id: str = ArticleId) -> dict:
    corpus = corpus_of(request)
    return _answer(corpus.article, article_id)


@router.get("/articles/{article_id}/report", response_model=Analysis, response_model_by_alias=True,
            summary="A stored article's full report, judged with the current ratings", responses=responses(404))
def article_report(request: Request, article_id: str = ArticleId) -> Response:
    corpus = corpus_of(request)
    return report_response(_answer(corpus.report, article_id))


@router.get("/entities", response_model=Page[EntityRow], summary="People, organisations and places across articles",
            responses=responses(404, 422))
def entities(request: Request, page: PageParams = Depends(),
             label: Literal["PER", "ORG", "LOC", "MISC"] | None = None,
             min_articles: int = Query(1, ge=1, le=100000)) -> dict:
    corpus = corpus_of(request)
    return paginate(lambda limit, offset: corpus.entity_index(label=label, min_articles=min_articles,
                                                              limit=limit + offset)[offset:], page)


@router.get("/entities/{key}", response_model=EntityDetail, summary="One entity: its articles and its quotes",
            responses=responses(404))
def entity(request: Request, key: str = Path(..., min_length=1, max_length=300)) -> EntityDetail:
    corpus = corpus_of(request)
    rows = corpus.entities(key=key, limit=500)
    if not rows:
        raise ProblemError(404, f"no entity {key!r} in the corpus", slug="unknown-entity")
    summaries = []
    for aid in list(dict.fromkeys(r["article_id"] for r in rows))[:100]:
        found = corpus.article(aid)
        summaries.append({k: found.get(k) for k in ArticleSummary.model_fields})
    roles = sorted({r for row in rows for r in (row.get("roles") or []) if isinstance(r, str) and r})
    quotes = corpus.quotes(speaker=rows[0]["canonical"], limit=200)
    return EntityDetail(key=key, canonical=rows[0]["canonical"], label=rows[0]["label"], articles=summaries,
                        quotes=[EntityQuote(**{k: q.get(k) for k in EntityQuote.model_fields}) for q in quotes],
                        roles=roles)


@router.get("/duplicates", response_model=Page[DuplicateGroup], summary="Copies and near-duplicates, grouped",
            responses=responses(404, 422))
def duplicates(request: Request, page: PageParams = Depends()) -> dict:
    corpus = corpus_of(request)
    return paginate(lambda limit, offset: corpus.duplicate_groups(limit=limit, offset=offset), page)


@router.get("/corpus", response_model=CorpusStats, summary="What the corpus holds: counts, recent runs and failures",
            responses=responses(404))
def corpus_stats(request: Request) -> CorpusStats:
    corpus = corpus_of(request)
    return CorpusStats(articles=corpus.count(), tables=corpus.stats(), runs=corpus.runs(limit=10),
                       failures=corpus.failures(limit=20))
