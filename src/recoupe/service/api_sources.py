"""Source lookup: what every loaded rating list says about an outlet, and which lists are loaded."""

from __future__ import annotations

from fastapi import APIRouter, Query
from pydantic import BaseModel

from recoupe.model import Rating
from recoupe.service.problems import ProblemError, responses

router = APIRouter(prefix="/v1/sources", tags=["sources"])


class OutletRatings(BaseModel):
    """One outlet and each list's rating of it; ``unrated_by`` names the loaded lists that are silent."""

    query: str
    name: str | None
    domain: str
    matched_by: str
    ratings: list[Rating]
    unrated_by: list[str]
    related: dict[str, list[Rating]]
    alternatives: list[str]


class RatingListInfo(BaseModel):
    id: str
    outlets: int
    date: str | None
    licence: str | None
    scale: str | None


def _registry():
    """The process's ratings snapshot: the same lists the analyses are judged with, loaded once."""
    from recoupe.sources.ratings import default_ratings

    return default_ratings()


@router.get("/lookup", response_model=OutletRatings, summary="What the rating lists say about an outlet",
            responses=responses(404, 422))
def lookup(q: str = Query(..., min_length=1, max_length=300, description="Outlet name, domain, URL or social account")
           ) -> OutletRatings:
    registry = _registry()
    match = registry.lookup(q)
    if match is None:
        raise ProblemError(404, f"no loaded list knows {q!r} (lists: {', '.join(registry.lists)})",
                           slug="unknown-outlet")
    rated = {r.list for r in match.ratings}
    return OutletRatings(query=q, name=match.name, domain=match.domain, matched_by=match.matched_by,
                         ratings=match.ratings, unrated_by=[i for i in registry.lists if i not in rated],
                         related=match.related, alternatives=match.alternatives)


@router.get("/lists", response_model=list[RatingListInfo], summary="The loaded rating lists")
def lists() -> list[RatingListInfo]:
    return [RatingListInfo(id=rl.id, outlets=len(rl.ratings), date=rl.date, licence=rl.licence, scale=rl.scale)
            for rl in _registry().lists.values()]
