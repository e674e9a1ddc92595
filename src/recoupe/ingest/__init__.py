"""Reading sources into RawDocuments: decoding, size limits, type sniffing.

Nothing here interprets the article: it only turns files, directories, JSONL corpora and
standard input into text with hints, or into a clear per-document error.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.ingest.decode import Decoded, IngestError, decode

__all__ = ["RawDocument", "Failed", "IngestError", "Decoded", "decode", "decode_bytes", "iter_paths", "iter_jsonl",
           "read_file", "walk", "from_string", "sniff_html", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# JSONL fields and the types they may have (None is always allowed).
RECORD_FIELDS = {"text": (str,), "html": (str,), "url": (str,), "title": (str,), "date": (str,),
                 "publisher": (str,), "lang": (str,), "authors": (str, list)}


@dataclass
class RawDocument:
    """One article as read, before extraction."""

    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    hints: dict = field(default_factory=dict)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)  # what reading repaired (bad bytes, guessed encoding)

    @property
    def content(self) -> str:
        return self.html if self.html is not None else (self.text or "")


@dataclass
class Failed:
    """A source that could not be read; batches keep going past it."""

    source: str
    error: str


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode with BOM detection, UTF-16/32 sniffing, UTF-8 (a few bad bytes repaired), then a
    charset guess; never silently assume (see :mod:`recoupe.ingest.decode`)."""
    decoded = decode(data)
    return decoded.text, decoded.encoding


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
        raise IngestError(f"JSONL line is not an object (got {type(record).__name__})")
    for key, types in RECORD_FIELDS.items():
        value = record.get(key)
        if value is not None and not isinstance(value, types):
            raise IngestError(f"field {key!r} must be {' or '.join(_TYPE_NAMES[t] for t in types)}, got {_json_type(value)}")
    if isinstance(record.get("authors"), list) and not all(isinstance(a, str) for a in record["authors"]):
        raise IngestError("field 'authors' must be a list of strings")
    hints = {k: record[k] for k in ("title", "date", "publisher", "authors", "lang") if record.get(k)}
    url = record.get("url")
    if isinstance(record.get("html"), str) and record["html"].strip():
        return RawDocument(source=source, html=record["html"], url=url, hints=hints)
    if isinstance(record.get("text"), str) and record["text"].strip():
        return RawDocument(source=source, text=record["text"], url=url, hints=hints)
    raise IngestError("JSONL record has no non-empty 'text' or 'html'")


_TYPE_NAMES = {str: "a string", list: "a list"}


def _json_type(value) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number",
            str: "a string"}.get(type(value), type(value).__name__)


def iter_jsonl(text: str, source: str, warnings: list[str] = ()) -> Iterator[RawDocument | Failed]:
    """One record per ``\n``-terminated line: JSON strings may hold U+2028, form feeds or other
    characters ``str.splitlines`` would split at."""
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        name = f"{source}:{lineno}"
        try:
            doc = _from_record(json.loads(line), name)
        except json.JSONDecodeError as exc:
            yield Failed(name, f"invalid JSON: {exc.msg} (column {exc.colno})")
        except RecursionError:
            yield Failed(name, "invalid JSON: nested too deeply")
        except IngestError as exc:
            yield Failed(name, str(exc))
        else:
            doc.warnings = list(warnings)
            yield doc


def source_name(path: Path | str) -> str:
    """The path as text for reports and error lines: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates, which no JSON writer or terminal accepts) become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a regular file"


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes (the file may have grown since stat)."""
    with path.open("rb") as fh:
        return fh.read(max_bytes + 1)


def _gunzip(path: Path, max_bytes: int) -> bytes:
    """Decompress with a cap: a small archive must not expand into memory without bound."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except EOFError:
        raise IngestError("truncated gzip archive (ends before its end-of-stream marker)") from None
    except (OSError, zlib.error) as exc:
        raise IngestError(f"broken gzip: {exc}") from None
    if len(data) > max_bytes:
        raise IngestError(f"too large once decompressed: > limit {max_bytes:,} bytes (raise --max-bytes)")
    return data


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    """Yield the documents in one file (several for JSONL). FIFOs and devices are refused
    without opening them (opening a FIFO blocks; /dev/zero never ends)."""
    source = source_name(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Failed(source, f"not a regular file ({_kind(info.st_mode)}): skipped")
            return
        if info.st_size > max_bytes and path.suffix.lower() != ".gz":
            yield Failed(source, f"too large: {info.st_size:,} bytes > limit {max_bytes:,} (raise --max-bytes)")
            return
        if path.suffix.lower() == ".gz":
            data = _gunzip(path, max_bytes)
            path = path.with_suffix("")
        else:
            data = _read_capped(path, max_bytes)
            if len(data) > max_bytes:
                yield Failed(source, f"too large: > limit {max_bytes:,} bytes (raise --max-bytes)")
                return
    except IngestError as exc:
        yield Failed(source, str(exc))
        return
    except OSError as exc:
        yield Failed(source, f"unreadable: {exc.strerror or exc}")
        return
    try:
        decoded = decode(data)
    except IngestError as exc:
        yield Failed(source, str(exc))
        return
    text = decoded.text
    if not text.strip():
        yield Failed(source, "empty input (only whitespace)")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(text, source, decoded.warnings)
        return
    doc = from_string(text, source=source) if suffix not in HTML_SUFFIXES else RawDocument(source=source, html=text)
    doc.encoding = decoded.encoding
    doc.warnings = list(decoded.warnings)
    yield doc


def walk(directory: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    """Files under a directory, sorted by name at each level, hidden names skipped; an
    unreadable directory, a FIFO or a device inside is reported, never blocked on or skipped
    silently. Symbolic links to directories are not followed (no cycles)."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield Failed(source_name(directory), f"unreadable directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            linked_dir = not is_dir and entry.is_symlink() and path.is_dir()
        except OSError as exc:
            yield Failed(source_name(path), f"unreadable: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from walk(path, max_bytes=max_bytes)
        elif linked_dir:
            yield Failed(source_name(path), "symbolic link to a directory: not followed")
        else:
            yield from read_file(path, max_bytes=max_bytes)


def _read_stdin(max_bytes: int) -> Iterator[RawDocument | Failed]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failed("<stdin>", f"too large: > limit {max_bytes:,} bytes")
        return
    try:
        decoded = decode(data)
    except IngestError as exc:
        yield Failed("<stdin>", str(exc))
        return
    text = decoded.text
    records = [line for line in text.split("\n") if line.strip()]
    if not records:
        yield Failed("<stdin>", "empty input")
    elif all(line.lstrip().startswith("{") for line in records):
        yield from iter_jsonl(text, "<stdin>", decoded.warnings)
    else:
        doc = from_string(text, source="<stdin>")
        doc.encoding, doc.warnings = decoded.encoding, list(decoded.warnings)
        yield doc


def iter_paths(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Failed]:
    """Expand files, directories (recursively, sorted) and '-' (stdin) into documents, in input order."""
    for item in paths:
        if item == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(item)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield Failed(source_name(item), "no such file or directory")
            continue
        except OSError as exc:
            yield Failed(source_name(item), f"unreadable: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from walk(path, max_bytes=max_bytes)
        else:
            yield from read_file(path, max_bytes=max_bytes)
