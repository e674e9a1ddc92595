"""Pages fetched for the API (``POST /v1/analyze {url}``, ingestion by URL), only through the
guarded fetcher of the ingest layer: http(s) only, every address the host resolves to must be
public (no loopback, private, link-local...), checked again at every redirect, connection pinned
to the checked address, size and time limits."""

from __future__ import annotations

import asyncio

from recoupe.ingest import Failed, RawDocument
from recoupe.service.problems import ProblemError


def fetcher(app):
    """One guarded fetcher per app (thread-safe; limits requests per host)."""
    if getattr(app.state, "fetcher", None) is None:
        from recoupe.ingest.fetch import Fetcher

        app.state.fetcher = Fetcher(max_bytes=app.state.settings.max_request_bytes)
    return app.state.fetcher


async def fetch_article(app, url: str, *, hints: dict) -> RawDocument:
    result = await asyncio.to_thread(fetcher(app).document, url, hints)
    if isinstance(result, Failed):
        if result.error.startswith(("refused", "invalid URL")):
            raise ProblemError(422, result.error, slug="url-refused", title="This address is not fetched")
        raise ProblemError(502, result.error, slug="fetch-failed", title="The page could not be fetched")
    return result
