"""Pages fetched for ``POST /v1/analyze {url}``, only through the guarded fetcher of the ingest
layer (``recoupe.ingest.fetch``: public addresses only, re-checked after DNS and every redirect)."""

from __future__ import annotations

import asyncio

from recoupe.ingest import RawDocument
from recoupe.service.problems import ProblemError


async def fetch_article(url: str, *, max_bytes: int, hints: dict) -> RawDocument:
    try:
        from recoupe.ingest import fetch
    except ImportError:
        raise ProblemError(501, "this installation has no URL fetcher: paste the text or upload the page",
                           slug="no-fetcher") from None
    raw = await asyncio.to_thread(fetch.fetch, url, max_bytes=max_bytes)
    raw.hints.update(hints)
    return raw
