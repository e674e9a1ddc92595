"""Web archives (WARC and WARC.gz, via warcio) into RawDocuments: every HTML response with its
target URI and capture date. A truncated or corrupt archive yields what it held up to the damage,
then one failure saying where it stopped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from recoupe.ingest import DEFAULT_MAX_BYTES, Failed, IngestError, RawDocument, decode_bytes

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def read_warc(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    from warcio.archiveiterator import ArchiveIterator

    source = str(path)
    count = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                name = f"{source}:{uri or count}"
                status = record.http_headers.get_statuscode()
                ctype = record.http_headers.get_header("Content-Type") or ""
                if status != "200" or "html" not in ctype.lower():
                    continue
                count += 1
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Failed(name, f"too large: > limit {max_bytes:,} bytes")
                    continue
                missing = getattr(record.raw_stream, "limit", 0)  # bytes the record declared but the file lacks
                if missing:
                    yield Failed(source, f"broken WARC: truncated inside record {count} ({uri}), "
                                         f"{missing:,} bytes missing; {count - 1} page(s) read before it")
                    return
                try:
                    charset = _charset(ctype)
                    try:
                        text = data.decode(charset) if charset else decode_bytes(data)[0]
                    except (LookupError, UnicodeDecodeError):
                        text = decode_bytes(data)[0]
                except IngestError as exc:
                    yield Failed(name, str(exc))
                    continue
                date = record.rec_headers.get_header("WARC-Date")
                yield RawDocument(source=name, html=text, url=uri, hints={"crawled": date} if date else {})
    except OSError as exc:
        yield Failed(source, f"unreadable: {exc.strerror or exc}")
    except Exception as exc:  # warcio raises several types on a truncated or corrupt archive
        yield Failed(source, f"broken WARC after {count} page(s): {type(exc).__name__}: {exc}")
