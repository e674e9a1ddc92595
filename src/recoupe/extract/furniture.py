"""Separating page furniture from article text, line by line.

Works on plain text and on what trafilatura leaves behind. A line becomes furniture through
one of three mechanisms, each named in its ``producer``:

* ``rule:furniture.cue.<kind>``: a French/English cue at the start of the line
  (``resources/lexicons/furniture_cues.toml``), e.g. *Lire aussi*, *Laisser un commentaire*.
* ``rule:furniture.shape.<kind>``: the line's shape alone, for shapes prose never takes:
  an image slug (``mark-twain-portrait``), a repeated title.
* ``rule:furniture.zone``: short lines in the head or tail of the page whose neighbours are
  furniture (a reader comment between a video teaser and a comment form).

Body lines are never cut by shape or zone alone when they read like prose (long, or ending in
sentence punctuation), so the layer errs on the side of keeping text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from recoupe.model import BodySegment, Furniture
from recoupe.settings import setting

SENTENCE_END = re.compile(r"[.!?…»”\"')\]:;]\s*$")
SLUG = re.compile(r"^(?=[^a-z]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+){1,8}(?:\.(?:jpe?g|png|gif|webp))?$")
FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg)$", re.I)
LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[•·\-–*])\s+")
WORD = re.compile(r"\w+", re.UNICODE)
HEAD_LINES = 5
SECTION_HEADER = re.compile(r"(?::|\.\.\.|…|\b(?:aussi|also|stories|articles?|more|next|related|rubrique|sujet|lus))\s*$", re.I)
COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+)?(?:commentaires?|comments?|réactions?|user comments|top rated comments|replies)\b", re.I
)


@dataclass
class Line:
    start: int
    end: int
    text: str
    words: int
    kind: str | None = None
    producer: str | None = None
    confidence: float | None = None

    @property
    def prose(self) -> bool:
        """Reads like article prose: long, or a full sentence of some length."""
        return self.words >= 25 or (self.words >= 8 and bool(SENTENCE_END.search(self.text)))


@dataclass
class FurnitureSplit:
    body: str
    body_map: list[BodySegment]
    furniture: list[Furniture]
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class CueKind:
    kind: str
    confidence: float
    start: re.Pattern | None  # one alternation of the kind's start cues: matches where any of them does
    short: re.Pattern | None  # likewise for the cues searched anywhere in a short line
    max_words: int


def _any_of(patterns: list[str], anchored: bool) -> re.Pattern | None:
    """One expression that matches (at the start, or anywhere) where one of ``patterns`` would:
    a line is tried against one alternation instead of each cue in turn (the cues have no
    back-references or inline flags, so grouping them changes no match)."""
    if not patterns:
        return None
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"^(?:{joined})" if anchored else joined, re.I)


@lru_cache(maxsize=1)
def cue_kinds() -> tuple[CueKind, ...]:
    raw = tomllib.loads(
        resources.files("recoupe.resources.lexicons").joinpath("furniture_cues.toml").read_text("utf-8")
    )
    kinds = []
    for name, spec in raw.items():
        kinds.append(
            CueKind(
                kind=spec.get("kind", name),
                confidence=float(spec.get("confidence", setting("furniture", "default_cue_confidence"))),
                start=_any_of(spec.get("start", []), anchored=True),
                short=_any_of(spec.get("short", []), anchored=False),
                max_words=int(spec.get("max_words", 40)),
            )
        )
    return tuple(kinds)


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(WORD.findall(text))


def split_lines(text: str) -> list[Line]:
    lines = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        offset = match.start() + (len(raw) - len(raw.lstrip()))
        lines.append(Line(offset, offset + len(stripped), stripped, len(stripped.split())))
    return lines


def _cue(line: Line) -> tuple[str, float, str] | None:
    cue_text = LIST_ITEM.sub("", line.text)
    for kind in cue_kinds():
        if line.words > max(kind.max_words, 40) and kind.kind not in ("provenance",):
            continue
        if line.words <= kind.max_words and kind.start is not None and kind.start.match(cue_text):
            return kind.kind, kind.confidence, f"rule:furniture.cue.{kind.kind}"
        if line.words <= kind.max_words and kind.short is not None and kind.short.search(cue_text):
            return kind.kind, kind.confidence * 0.9, f"rule:furniture.cue.{kind.kind}"
    return None


def _shape(line: Line, title_norm: str | None, title_seen: bool) -> tuple[str, float, str] | None:
    """Shapes prose never takes. Only the title printed again at the head of the page counts as a
    duplicate: other repeated lines (subheadings, table headers, a title reused as a section
    heading further down) are nearly always article text."""
    text = LIST_ITEM.sub("", line.text)
    if line.words <= 12 and (SLUG.match(text) or FILE_NAME.match(text)):
        return "image_slug", 0.9, "rule:furniture.shape.image_slug"
    if title_seen and title_norm and line.words <= 40 and _normal(text) == title_norm:
        return "title_duplicate", 0.95, "rule:furniture.shape.title_duplicate"
    return None


def _comment_threads(lines: list[Line]) -> None:
    """After a comment header in the page's tail, every line is a reader comment, prose or not."""
    for i, line in enumerate(lines):
        in_tail = i >= len(lines) // 2 or (i > 0 and lines[i - 1].kind is not None)
        if line.kind == "comment_form" and in_tail and COMMENT_HEADER.match(line.text):
            for later in lines[i + 1 :]:
                if later.kind is None:
                    later.kind, later.confidence, later.producer = "comment", 0.8, "rule:furniture.comment_thread"
            return


def _sections(lines: list[Line]) -> None:
    """Under a bare section header of related links (*Vous aimerez aussi…*, *Related stories*),
    the headline-like lines that follow belong to it, up to the next prose line or cue."""
    for i, line in enumerate(lines):
        if line.kind != "related_link" or line.words > 6 or not SECTION_HEADER.search(line.text):
            continue
        for later in lines[i + 1 :]:
            if later.kind is not None or later.prose or later.words > 20:
                break
            later.kind, later.confidence, later.producer = "related_link", 0.7, "rule:furniture.section"


def _zone(lines: list[Line]) -> None:
    """Mark short non-prose lines in head and tail runs that are framed by furniture."""
    n = len(lines)
    if n < 3:
        return
    first_prose = next((i for i, l in enumerate(lines) if l.prose and l.kind is None), n)
    last_prose = next((i for i in range(n - 1, -1, -1) if lines[i].prose and lines[i].kind is None), -1)
    tail = range(last_prose + 1, n)
    head = range(0, first_prose)
    for zone in (tail, head):
        cues = sum(1 for i in zone if lines[i].kind)
        if cues < 2:
            continue
        has_comment_cue = any(lines[i].kind == "comment_form" for i in zone)
        for i in zone:
            line = lines[i]
            if line.kind or line.prose or (zone is head and i == 0):
                continue
            before = lines[i - 1].kind if i > 0 else "edge"
            after = lines[i + 1].kind if i + 1 < n else "edge"
            if before and after:
                line.kind = "comment" if (zone is tail and has_comment_cue) else "other"
                line.confidence = setting("furniture", "zone_confidence")
                line.producer = "rule:furniture.zone"


def split_furniture(text: str, *, title: str | None = None, lang: str | None = None) -> FurnitureSplit:
    """Split text into a verbatim body and reported furniture.

    ``body`` is the kept lines, joined by their original separators where they were adjacent
    and by a blank line where furniture was removed between them; ``body_map`` maps body offsets
    back to ``text``.
    """
    lines = split_lines(text)
    title_norm = _normal(title) if title else (_normal(lines[0].text) if lines else None)
    title_seen = False
    for index, line in enumerate(lines):
        found = _cue(line) or _shape(line, title_norm, title_seen and index < HEAD_LINES)
        if found:
            line.kind, line.confidence, line.producer = found
        title_seen = title_seen or _normal(line.text) == title_norm
    _comment_threads(lines)
    _sections(lines)
    _zone(lines)
    return _assemble(text, lines)


def _assemble(text: str, lines: list[Line]) -> FurnitureSplit:
    body_parts: list[str] = []
    body_map: list[BodySegment] = []
    furniture: list[Furniture] = []
    cursor = 0
    previous_kept: Line | None = None
    cut_since_previous = False
    for line in lines:
        if line.kind:
            furniture.append(
                Furniture(
                    index=len(furniture),
                    kind=line.kind,
                    text=line.text,
                    source_start=line.start,
                    source_end=line.end,
                    producer=line.producer or "rule:furniture",
                    confidence=line.confidence,
                )
            )
            cut_since_previous = True
            continue
        if previous_kept is not None:
            separator = "\n\n" if cut_since_previous else text[previous_kept.end : line.start]
            if "\n" not in separator:
                separator = "\n"
            body_parts.append(separator)
            cursor += len(separator)
        body_map.append(BodySegment(start=cursor, end=cursor + len(line.text), source_start=line.start))
        body_parts.append(line.text)
        cursor += len(line.text)
        previous_kept = line
        cut_since_previous = False
    return FurnitureSplit("".join(body_parts), body_map, furniture, lines)
