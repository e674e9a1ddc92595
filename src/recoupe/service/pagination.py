"""Lists come back a page at a time: ``limit`` and ``offset`` in, ``next_offset`` out (null on
the last page). One row more than asked is read to know whether another page exists, so no
count query runs over the whole corpus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

T = TypeVar("T")
MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class PageParams:
    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Items per page"),
                 offset: int = Query(0, ge=0, le=10_000_000, description="Items to skip")) -> None:
        self.limit = limit
        self.offset = offset


def paginate(fetch: Callable[[int, int], list], page: PageParams) -> dict:
    """``fetch(limit, offset)`` returns rows; the page holds ``page.limit`` of them."""
    rows = fetch(page.limit + 1, page.offset)
    more = len(rows) > page.limit
    return {"items": rows[:page.limit], "limit": page.limit, "offset": page.offset,
            "next_offset": page.offset + page.limit if more else None}


def paginate_list(rows: list, page: PageParams) -> dict:
    """For sources that only take a limit: read offset + limit + 1 rows and slice."""
    return paginate(lambda limit, offset: rows[offset:offset + limit], page)
