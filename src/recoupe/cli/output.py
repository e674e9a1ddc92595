"""Where ``recoupe analyze`` writes: streamed, atomic, resumable, and valid when interrupted.

Each report is written (and flushed) as soon as it is ready, in every format. With ``-o`` the
reports go to a hidden temporary file beside the target, renamed over it at the end, so a crash
or ``kill -9`` never leaves a half-written or truncated output; with ``--resume`` (JSON formats)
the reports already in the output are kept and their sources skipped. SIGINT and SIGTERM close
the JSON array before the process exits; a signal that arrives during a write waits for it.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived; the output is closed cleanly. A BaseException, like
    KeyboardInterrupt, so the per-document ``except Exception`` of the batch does not swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class SignalGuard:
    """Turn SIGINT/SIGTERM into :class:`Interrupted`, deferred while a report is being written."""

    def __init__(self) -> None:
        self.writing = False
        self.pending: int | None = None
        self.previous: dict[int, object] = {}

    def _handler(self, signum, frame) -> None:
        if self.writing:
            self.pending = signum
            return
        raise Interrupted(signum)

    def __enter__(self) -> "SignalGuard":
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                self.previous[signum] = signal.signal(signum, self._handler)
            except ValueError:  # not the main thread: signals stay as they were
                pass
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)

    @contextmanager
    def writing_block(self):
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending is not None:
            signum, self.pending = self.pending, None
            raise Interrupted(signum)


def read_previous(path: Path, fmt: str) -> list[str]:
    """The complete reports already in ``path`` (JSON texts), dropping a torn last one."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8", errors="replace")
    reports: list[str] = []
    if fmt == "jsonl":
        for line in text.split("\n"):
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                reports.append(line)
        return reports
    decoder = json.JSONDecoder()
    pos = text.find("[")
    if pos < 0:
        return []
    pos += 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return reports
        try:
            value, end = decoder.raw_decode(text, pos)
        except ValueError:
            return reports  # a report cut by kill -9: everything before it is kept
        if isinstance(value, dict):
            reports.append(json.dumps(value, ensure_ascii=False, indent=2))
        pos = end


def sources_of(reports: list[str]) -> set[str]:
    done = set()
    for report in reports:
        try:
            source = json.loads(report).get("source")
        except ValueError:
            continue
        if isinstance(source, str):
            done.add(source)
    return done


# Characters JSON leaves raw in strings but str.splitlines (and many JSONL readers) treat as line
# breaks: written as \u escapes, so one report stays one line.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def report_json(analysis, indent: int | None = None) -> str:
    return analysis.to_json(indent=indent).translate(_LINE_BREAKS)


class ReportWriter:
    """Writes reports one at a time: to stdout, to ``path`` through a temporary file renamed at
    the end, or (``append=True``, for ``--resume``) into ``path`` itself, which stays a complete
    JSON array or JSONL file after every report."""

    TAIL = "\n]\n"

    def __init__(self, fmt: str, path: Path | None, *, append: bool = False, render=None) -> None:
        self.fmt, self.path, self.render, self.append = fmt, path, render, append
        self.count = 0
        self.tmp: Path | None = None
        if path is None:
            self.out: IO[str] = sys.stdout
        elif append:
            previous = read_previous(path, fmt)
            self.done = sources_of(previous)
            self._rewrite(previous)  # drops a report torn by kill -9
            self.out = path.open("r+b")  # bytes: offsets to seek back over the closing bracket
            self.out.seek(0, os.SEEK_END)
            self.count = len(previous)
        else:
            self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            self.out = self.tmp.open("w", encoding="utf-8")

    def _rewrite(self, reports: list[str]) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            if self.fmt == "jsonl":
                fh.write("".join(r + "\n" for r in reports))
            elif reports:
                fh.write("[\n" + ",\n".join(reports) + self.TAIL)
            else:
                fh.write("[]\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def write(self, analysis) -> None:
        if self.fmt == "text":
            self.render(analysis, self.out)
        elif self.append and self.fmt == "jsonl":
            self.out.write((report_json(analysis) + "\n").encode("utf-8"))
        elif self.fmt == "jsonl":
            self.out.write(report_json(analysis) + "\n")
        elif self.append:  # keep the file a valid array: overwrite the closing bracket
            report = report_json(analysis, 2)
            if self.count == 0:
                self.out.seek(0)
                self.out.truncate()
                self.out.write(("[\n" + report + self.TAIL).encode("utf-8"))
            else:
                self.out.seek(-len(self.TAIL), os.SEEK_END)
                self.out.write((",\n" + report + self.TAIL).encode("utf-8"))
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + report_json(analysis, 2))
        self.count += 1
        self.out.flush()
        if self.append:
            os.fsync(self.out.fileno())

    def close(self) -> None:
        """Finish the array and move the temporary file into place."""
        if self.fmt == "json" and not self.append:
            self.out.write("[]\n" if self.count == 0 else self.TAIL)
        self.out.flush()
        if self.path is not None:
            os.fsync(self.out.fileno())
            self.out.close()
        if self.tmp is not None:
            os.replace(self.tmp, self.path)
            self.tmp = None

    def abandon(self) -> None:
        """An unexpected error: remove the temporary file, leave any previous output untouched."""
        if self.tmp is not None:
            self.out.close()
            self.tmp.unlink(missing_ok=True)
            self.tmp = None
