"""Reading sources into RawDocuments: decoding, size limits, type sniffing.

Nothing here interprets the article: it only turns files, directories, JSONL corpora and
standard input into text with hints, or into a clear per-document error.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


LATIN_SINGLE_BYTE = {
    "ascii", "utf_8", "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9",
    "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp858",
}


class IngestError(Exception):
    """A document that cannot be read; the message is one line for the user."""


@dataclass
class RawDocument:
    """One article as read, before extraction."""

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    hints: dict = field(default_factory=dict)
    encoding: str | None = None

    @property
    def content(self) -> str:
        return self.html if self.html is not None else (self.text or "")


@dataclass
class Failed:
    """A source that could not be read; batches keep going past it."""

    source: str
    error: str


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode with BOM detection, strict UTF-8, then a charset guess; never silently assume."""
    if not data:
        raise IngestError("empty input")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    if _looks_binary(data):
        raise IngestError("binary content (not text, HTML or JSONL)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = (best.encoding if best else None) or "cp1252"
    # Latin-script single-byte guesses are indistinguishable on short texts; for a French and
    # English news tool the Windows Western code page is by far the likeliest of them.
    if encoding.replace("-", "_").lower() in LATIN_SINGLE_BYTE:
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252(replace)"
    return text, encoding


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(8, len(head) // 20)


def sniff_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or any(
        tag in head for tag in ("<body", "<head", "<article", "<div", "<p>", "<meta ")
    )


def from_string(content: str, *, source: str = "<string>", url: str | None = None, hints: dict | None = None) -> RawDocument:
    hints = dict(hints or {})
    if sniff_html(content):
        return RawDocument(source=source, html=content, url=url, hints=hints)
    return RawDocument(source=source, text=content, url=url, hints=hints)


def _from_record(record: dict, source: str) -> RawDocument:
    if not isinstance(record, dict):
        raise IngestError("JSONL line is not an object")
    hints = {k: record[k] for k in ("title", "date", "publisher", "authors", "lang") if record.get(k)}
    url = record.get("url")
    if isinstance(record.get("html"), str) and record["html"].strip():
        return RawDocument(source=source, html=record["html"], url=url, hints=hints)
    if isinstance(record.get("text"), str) and record["text"].strip():
        return RawDocument(source=source, text=record["text"], url=url, hints=hints)
    raise IngestError("JSONL record has no non-empty 'text' or 'html'")


def iter_jsonl(text: str, source: str) -> Iterator[RawDocument | Failed]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{source}:{lineno}"
        try:
            yield _from_record(json.loads(line), name)
        except json.JSONDecodeError as exc:
            yield Failed(name, f"invalid JSON: {exc.msg}")
        except IngestError as exc:
            yield Failed(name, str(exc))


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    """Yield the documents in one file (several for JSONL)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Failed(source, f"too large: {size:,} bytes > limit {max_bytes:,} (raise --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failed(source, f"unreadable: {exc.strerror or exc}")
        return
    if path.suffix.lower() == ".gz":
        import gzip

        try:
            data = gzip.decompress(data)
        except OSError as exc:
            yield Failed(source, f"broken gzip: {exc}")
            return
        if len(data) > max_bytes:
            yield Failed(source, f"too large once decompressed: {len(data):,} bytes > limit {max_bytes:,}")
            return
        path = path.with_suffix("")
    try:
        text, encoding = decode_bytes(data)
    except IngestError as exc:
        yield Failed(source, str(exc))
        return
    if not text.strip():
        yield Failed(source, "empty input (only whitespace)")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(text, source)
        return
    doc = from_string(text, source=source) if suffix not in HTML_SUFFIXES else RawDocument(source=source, html=text)
    doc.encoding = encoding
    yield doc


def iter_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    """Expand files, directories (recursively, sorted) and '-' (stdin) into documents, in input order."""
    for item in paths:
        if item == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Failed("<stdin>", f"too large: > limit {max_bytes:,} bytes")
                continue
            try:
                text, _ = decode_bytes(data)
            except IngestError as exc:
                yield Failed("<stdin>", str(exc))
                continue
            first = text.lstrip()[:1]
            if first == "{" and all(l.strip().startswith("{") for l in text.splitlines() if l.strip()):
                yield from iter_jsonl(text, "<stdin>")
            elif not text.strip():
                yield Failed("<stdin>", "empty input")
            else:
                yield from_string(text, source="<stdin>")
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield from read_file(child, max_bytes=max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield Failed(item, "no such file or directory")
