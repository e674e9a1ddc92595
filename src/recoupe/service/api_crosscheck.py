"""Cross-checking over HTTP (``recoupe.corpus.crosscheck``): stories across outlets and
languages, a story with its independent origins, its claims corroborated by independent origin,
the relation graph (JSON, GEXF, GraphML) and exports (JSON, ClaimReview drafts).

Whatever runs the sentence encoder (assigning stories, matching claims) runs on the engine's
thread, never beside an analysis; claims of a story are cached until its articles or the ratings
snapshot change."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from recoupe.model import Rating
from recoupe.service.corpus_access import answer, assign_stories, corpus_of
from recoupe.service.guards import require_write_token
from recoupe.service.pagination import Page, PageParams, paginate
from recoupe.service.problems import ProblemError, responses

router = APIRouter(prefix="/v1", tags=["cross-check"])


def _cc():
    from recoupe.corpus import crosscheck

    return crosscheck


def _answer(call, *args, **kw):
    return answer(call, *args, slug="unknown-story", **kw)


# -- models -------------------------------------------------------------------------------------------------

class StorySummary(BaseModel):
    id: str
    title: str | None = None
    languages: list[str] = []
    articles: int
    first_seen: str | None = None


class StoryArticle(BaseModel):
    id: str
    url: str | None = None
    outlet: str | None = None
    domain: str | None = None
    language: str | None = None
    title: str | None = None
    date: str | None = None


class Relay(BaseModel):
    article: str
    outlet: str | None = None
    url: str | None = None
    via: list[str] = []


class Origin(BaseModel):
    """One independent origin: the articles that count once under it, and why."""

    name: str | None = None
    domain: str | None = None
    articles: list[str] = []
    relays: list[Relay] = []
    reason: str = ""
    ratings: list[Rating] = []


class Story(BaseModel):
    id: str
    title: str | None = None
    languages: list[str] = []
    first_seen: str | None = None
    articles: list[StoryArticle]
    origins: list[Origin]


class Support(BaseModel):
    article: str
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    text: str
    status: str | None = None
    date: str | None = None


class ClaimOrigin(BaseModel):
    name: str | None = None
    domain: str | None = None
    ratings: list[Rating] = []
    supporting: list[Support]


class CorroboratedClaim(BaseModel):
    claim: str
    articles: list[str]
    independent_origins: list[ClaimOrigin]
    origin_count: int
    conflicting_numbers: list[dict] = []
    denials: list[dict] = []
    first_appearance: dict | None = None


class GraphNode(BaseModel):
    key: str
    name: str
    label: str | None = None
    articles: list[str] = []


class GraphEvidence(BaseModel):
    article: str
    url: str | None = None
    text: str
    start: int | None = None
    end: int | None = None
    sentence: list[int] | None = None
    producer: str | None = None
    status: str | None = None


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    predicate: str
    articles: list[str] = []
    evidence: list[GraphEvidence] = []
    statuses: dict[str, int] = {}
    independent_origins: int | None = None
    status: str | None = None


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class StoriesUpdated(BaseModel):
    assigned: int = Field(description="Articles that joined or started a story")


# -- stories ------------------------------------------------------------------------------------------------

@router.post("/stories/update", response_model=StoriesUpdated, dependencies=[Depends(require_write_token)],
             summary="Assign articles not yet in a story (the API's ingest does it itself)",
             responses=responses(401, 403, 404, 503))
async def update_stories(request: Request) -> StoriesUpdated:
    return StoriesUpdated(assigned=await assign_stories(request))


@router.get("/stories", response_model=Page[StorySummary], summary="Stories, largest first",
            responses=responses(404, 422))
def stories(request: Request, page: PageParams = Depends()) -> dict:
    corpus = corpus_of(request)
    return paginate(lambda limit, offset: _cc().stories(corpus, limit=limit + offset)[offset:], page)


StoryId = Path(..., min_length=3, max_length=64, pattern=r"^[0-9a-zA-Z_-]+$")


def _story_key(request: Request, story_id: str) -> tuple:
    """What a story's computed views depend on: its articles, the ratings snapshot, the analyser."""
    from recoupe.corpus import engine as eng

    corpus = corpus_of(request)
    cc = _cc()
    sid = _answer(cc.resolve_story, corpus, story_id)
    return (sid, tuple(sorted(cc._members(corpus, sid))), eng.ratings_id(), eng.current_analyzer())


@router.get("/stories/{story_id}", response_model=Story, summary="A story: its articles and independent origins",
            responses=responses(404, 422))
def story(request: Request, story_id: str = StoryId) -> Response:
    key = ("story",) + _story_key(request, story_id)
    cache = _cache(request)
    body = cache.get(key)
    if body is None:  # validated against the model once, then served as stored bytes
        body = Story.model_validate(_answer(_cc().story, corpus_of(request), key[1])).model_dump_json().encode()
        cache.put(key, body)
    return Response(body, media_type="application/json")


class _Cache:
    """A story's computed views (the story with its origins, its corroborated claims), valid while
    its articles, the ratings snapshot and the analyser stay the same: the key says so. A story
    read costs ~35 ms of Python (every member's report, origin grouping with translation checks),
    a claims read ~200 ms (sentence encoder); the key itself is two small queries."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict = OrderedDict()
        self._lock = Lock()
        self.size = size

    def get(self, key):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _cache(request: Request) -> _Cache:
    if getattr(request.app.state, "story_cache", None) is None:
        request.app.state.story_cache = _Cache()
    return request.app.state.story_cache


@router.get("/stories/{story_id}/claims", response_model=list[CorroboratedClaim],
            summary="The story's claims, each with its independent origins, conflicts and first appearance",
            responses=responses(404, 422, 503))
async def story_claims(request: Request, story_id: str = StoryId) -> list[dict]:
    import asyncio

    corpus = corpus_of(request)
    key = ("claims",) + await asyncio.to_thread(_story_key, request, story_id)
    cache = _cache(request)
    found = cache.get(key)
    if found is None:
        found = await request.app.state.engine.run(lambda analyzer: _cc().story_claims(corpus, key[1]))
        cache.put(key, found)
    return found


# -- graph and exports ---------------------------------------------------------------------------------------

def _graph(request: Request, story: str | None):
    return _answer(_cc().graph, corpus_of(request), story or None)


StoryFilter = Query(None, min_length=3, max_length=64, pattern=r"^[0-9a-zA-Z_-]+$", description="Only this story")


@router.get("/graph", response_model=Graph, summary="The relation graph: entities across articles, typed relations "
            "with their evidence, status and independent origins", responses=responses(404, 422))
def graph(request: Request, story: str | None = StoryFilter) -> dict:
    return _graph(request, story).to_dict()


@router.get("/graph.{fmt}", summary="The relation graph as GEXF (Gephi) or GraphML, validated before it is sent",
            responses={200: {"content": {"application/xml": {}}, "description": "The graph document"},
                       **responses(404, 422)})
def graph_document(request: Request, fmt: Literal["gexf", "graphml"], story: str | None = StoryFilter) -> Response:
    from recoupe.corpus import export as ex

    g = _graph(request, story)
    text = ex.to_gexf(g) if fmt == "gexf" else ex.to_graphml(g)
    (ex.validate_gexf if fmt == "gexf" else ex.validate_graphml)(text)
    name = f"recoupe-graph{'-' + story if story else ''}.{fmt}"
    return Response(text, media_type="application/xml",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/export", summary="Stories with their articles and origins, and the relation graph, as one JSON document",
            responses=responses(404, 422))
def export(request: Request, story: str | None = StoryFilter) -> dict:
    corpus = corpus_of(request)
    cc = _cc()
    listing = cc.stories(corpus, limit=None)
    if story:
        sid = _answer(cc.resolve_story, corpus, story)
        listing = [s for s in listing if s["id"] == sid]
    return {"stories": [cc.story(corpus, s["id"]) for s in listing], "graph": _graph(request, story).to_dict()}


@router.get("/stories/{story_id}/claimreview", summary="ClaimReview JSON-LD drafts of the story's claims "
            "(reviewRating left for the fact-checker)", responses=responses(404, 422, 503))
async def claimreview(request: Request, story_id: str = StoryId,
                      author: str = Query(..., min_length=1, max_length=200, description="The fact-checking organisation"),
                      author_url: str | None = Query(None, max_length=500),
                      claim: list[int] | None = Query(None, description="Indexes in the story's claims; default all")
                      ) -> list[dict]:
    from recoupe.corpus import export as ex

    claims = await story_claims(request, story_id)
    try:
        chosen = [claims[i] for i in claim] if claim else claims
    except IndexError:
        raise ProblemError(422, f"claim index out of range (the story has {len(claims)} claims)",
                           slug="invalid-request") from None
    corpus = corpus_of(request)
    cc = _cc()
    sid = _answer(cc.resolve_story, corpus, story_id)
    records = {r.id: r for r in cc.records(corpus, cc._members(corpus, sid))}
    who = {"name": author, **({"url": author_url} if author_url else {})}
    return [ex.claimreview(c, records, who) for c in chosen]
