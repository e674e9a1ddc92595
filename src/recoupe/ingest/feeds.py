"""RSS and Atom feeds (feedparser) into RawDocuments.

Without ``fetch`` an entry is read from what the feed carries (its content, else its summary),
with the entry's link, title, date and the feed's title as hints; with ``fetch`` the entry's page
is fetched through the guarded :class:`~recoupe.ingest.fetch.Fetcher`. A document that is not a
feed (an HTML page, junk) is one failure, never an empty success.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from recoupe.ingest import Failed, RawDocument, sniff_html


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def parse_feed(data: bytes | str, source: str, *, fetcher=None) -> Iterator[RawDocument | Failed]:
    """The entries of one feed; ``fetcher`` (a Fetcher) fetches each entry's page instead."""
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        head = data[:2000].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2000]
        what = "an HTML page" if sniff_html(head) else "not RSS or Atom"
        reason = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") and not sniff_html(head) else ""
        yield Failed(source, f"not a feed ({what}{reason})")
        return
    feed_title = parsed.feed.get("title")
    if not parsed.entries:
        yield Failed(source, "feed has no entries")
        return
    for i, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        hints = {k: v for k, v in (("title", entry.get("title")), ("publisher", feed_title),
                                   ("date", _iso(entry.get("published_parsed") or entry.get("updated_parsed"))),
                                   ("authors", [a.get("name") for a in entry.get("authors", []) if a.get("name")]))
                 if v}
        name = f"{source}#{i}" if not link else link
        if fetcher is not None:
            if not link:
                yield Failed(f"{source}#{i}", "feed entry has no link to fetch")
                continue
            yield fetcher.document(link, hints=hints)
            continue
        content = entry.get("content") or []
        html = content[0].get("value") if content else entry.get("summary")
        if not html or not html.strip():
            yield Failed(name, "feed entry carries no text (use --fetch to fetch its page)")
            continue
        yield RawDocument(source=name, html=html if sniff_html(html) or "<" in html else None,
                          text=None if ("<" in html) else html, url=link, hints=hints)


def read_feed(location: str, *, fetcher=None, fetch_pages: bool = False, max_bytes: int | None = None
              ) -> Iterator[RawDocument | Failed]:
    """A feed from a file path or an http(s) URL (fetched with ``fetcher``)."""
    if location.startswith(("http://", "https://")):
        if fetcher is None:
            yield Failed(location, "a feed URL needs a fetcher")
            return
        from recoupe.ingest.fetch import FetchError

        try:
            data = fetcher.fetch(location).content
        except FetchError as exc:
            yield Failed(location, str(exc))
            return
    else:
        from pathlib import Path

        try:
            path = Path(location)
            if max_bytes is not None and path.stat().st_size > max_bytes:
                yield Failed(location, f"too large: {path.stat().st_size:,} bytes > limit {max_bytes:,}")
                return
            data = path.read_bytes()
        except OSError as exc:
            yield Failed(location, f"unreadable: {exc.strerror or exc}")
            return
    yield from parse_feed(data, location, fetcher=fetcher if fetch_pages else None)
