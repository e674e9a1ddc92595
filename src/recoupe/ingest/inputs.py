"""Every kind of input ``recoupe ingest`` reads, as one stream of RawDocuments and Failures:
files, directories, JSONL and standard input (as ``recoupe analyze`` reads them), WARC archives,
RSS/Atom feeds (files or URLs), and URLs fetched through the guarded fetcher."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import json

from recoupe.ingest import DEFAULT_MAX_BYTES, JSONL_SUFFIXES, Failed, IngestError, RawDocument, iter_paths
from recoupe.ingest.feeds import read_feed
from recoupe.ingest.warc import is_warc, read_warc

FEED_SUFFIXES = (".rss", ".atom", ".xml")


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def read_url_list(path: str) -> Iterator[str | Failed]:
    """URLs one per line ('#' comments and blank lines skipped)."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        yield Failed(path, f"unreadable URL list: {exc.strerror or exc}")
        return
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield line if is_url(line) else Failed(f"{path}:{n}", f"not an http(s) URL: {line[:80]}")


def iter_inputs(items: Iterable[str] = (), *, urls_file: str | None = None, feeds: Iterable[str] = (),
                fetch: bool = False, allow_private: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
                fetcher=None) -> Iterator[RawDocument | Failed]:
    """Expand the command line into documents, in order. ``fetch`` also fetches feed entries' pages."""
    owned = fetcher is None
    fetcher_box: list = [fetcher]

    def get_fetcher():
        if fetcher_box[0] is None:
            from recoupe.ingest.fetch import Fetcher

            fetcher_box[0] = Fetcher(allow_private=allow_private, max_bytes=max_bytes)
        return fetcher_box[0]

    try:
        urls: list[str] = []

        def flush_urls():
            if urls:
                yield from get_fetcher().documents(list(urls))
                urls.clear()

        for item in items:
            if is_url(item):
                urls.append(item)
                continue
            yield from flush_urls()
            yield from _local(item, max_bytes, get_fetcher, fetch)
        yield from flush_urls()
        for feed in feeds:
            yield from read_feed(feed, fetcher=get_fetcher() if is_url(feed) or fetch else None,
                                 fetch_pages=fetch, max_bytes=max_bytes)
        if urls_file:
            for url in read_url_list(urls_file):
                if isinstance(url, Failed):
                    yield url
                else:
                    urls.append(url)
                    if len(urls) >= 64:
                        yield from flush_urls()
            yield from flush_urls()
    finally:
        if owned and fetcher_box[0] is not None:
            fetcher_box[0].close()


def _local(item: str, max_bytes: int, get_fetcher, fetch: bool) -> Iterator[RawDocument | Failed]:
    path = Path(item)
    if item != "-" and path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
            yield from _local(str(child), max_bytes, get_fetcher, fetch)
        return
    if is_warc(item):
        yield from read_warc(item, max_bytes=max_bytes)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from stream_jsonl(path, max_bytes=max_bytes)
    elif item.lower().endswith(FEED_SUFFIXES):
        yield from read_feed(item, fetcher=get_fetcher() if fetch else None, fetch_pages=fetch, max_bytes=max_bytes)
    else:
        yield from iter_paths([item], max_bytes=max_bytes)


def stream_jsonl(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    """A JSONL corpus read line by line: any size of file in constant memory, and a line over
    ``max_bytes`` (or broken) is one failure while the other lines are read."""
    from recoupe.ingest import _from_record

    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Failed(str(path), f"unreadable: {exc.strerror or exc}")
        return
    with fh:
        n = 0
        while True:
            try:
                line = fh.readline(max_bytes + 1)
            except OSError as exc:
                yield Failed(f"{path}:{n + 1}", f"unreadable: {exc.strerror or exc}")
                return
            if not line:
                return
            n += 1
            name = f"{path}:{n}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                    line = fh.readline(1 << 20)
                yield Failed(name, f"JSONL line too large: > limit {max_bytes:,} bytes (raise --max-bytes)")
                continue
            if not line.strip():
                continue
            try:
                yield _from_record(json.loads(line.decode("utf-8-sig")), name)
            except UnicodeDecodeError:
                yield Failed(name, "JSONL line is not UTF-8")
            except json.JSONDecodeError as exc:
                yield Failed(name, f"invalid JSON: {exc.msg}")
            except IngestError as exc:
                yield Failed(name, str(exc))
