"""From raw text or HTML to an article: body, furniture and metadata.

One entry point, :func:`extract`. HTML goes through trafilatura (with its metadata), then
everything, HTML leftovers and plain text alike, goes through the furniture splitter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from recoupe import guard
from recoupe.extract.furniture import FurnitureSplit, split_furniture
from recoupe.ingest import RawDocument, sniff_html
from recoupe.model import BodySegment, Furniture

__all__ = ["ExtractedDocument", "extract", "split_furniture", "FurnitureSplit"]

TITLE_MAX_WORDS = 30
HTML_TYPES = {"html", "text/html", "application/xhtml+xml", "xhtml"}


@dataclass
class ExtractedDocument:
    body: str
    body_map: list[BodySegment]
    furniture: list[Furniture]
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    publisher: str | None = None
    hostname: str | None = None
    url: str | None = None
    description: str | None = None
    producer: str = "rule:extract.text"
    warnings: list[str] = field(default_factory=list)


def _split_authors(author: str | None) -> list[str]:
    if not author:
        return []
    parts = re.split(r"\s*(?:;|,| and | et |&)\s*", author)
    return [p.strip() for p in parts if p.strip()]


BYLINE = re.compile(r"^(?:par|by)\s+(?P<names>[^,|—–·]+?)\s*(?:[,|—–·].*)?$", re.I)


def _byline_authors(line: str) -> list[str]:
    """``Par Hélène Marchal et Paul Roy, publié le 3 mars`` → the two names (cut at , | — · )."""
    found = BYLINE.match(line.strip())
    if not found:
        return []
    return [a for a in _split_authors(found.group("names")) if a[:1].isupper() and len(a.split()) <= 4]


def _hostname(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host.lower() if host else None


def _plain_title(text: str) -> str | None:
    """The first line is the title when it is short and does not read as a sentence."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = len(first.split())
    if 2 <= words <= TITLE_MAX_WORDS and not re.search(r"[.:;]\s*$", first):
        return first
    return None


def _from_html(html: str, url: str | None) -> tuple[str, dict]:
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=False,
    )
    if result is None:
        return "", {}
    meta = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    # Character references (&#27;, &#xD800;) reach the text only now, after the input's repair:
    # the extracted text and metadata are repaired again (one for one, offsets kept).
    meta = {k: guard.repair_text(v)[0] if isinstance(v, str) else v for k, v in meta.items()}
    text, repairs = guard.sanitize(result.text or "") if hasattr(result, "text") else (meta.get("text") or "", [])
    meta["warnings"] = repairs
    return text, meta


def _unsplit_if_unsupported(text: str, split: FurnitureSplit) -> tuple[FurnitureSplit, str | None]:
    """Furniture rules read French and English lines (cues, word counts, sentence ends); in a
    language without a pipeline (Chinese has no spaces between words) they can call every line
    furniture. Then the whole text is the body, so the report says which language it is rather
    than "no article text"."""
    from recoupe.analysis.language import UNDETERMINED, identify
    from recoupe.nlp import supported

    lang, _ = identify(text)
    if supported(lang) or lang == UNDETERMINED:
        return split, None
    body = BodySegment(start=0, end=len(text), source_start=0)
    return FurnitureSplit(body=text, body_map=[body], furniture=[]), (
        f"furniture separation skipped: no rules for language '{lang}' (every line looked like furniture)")


def extract(
    raw: RawDocument | str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    title: str | None = None,
) -> ExtractedDocument:
    """Read one article: body text (verbatim), furniture, title, authors, date, publisher."""
    if isinstance(raw, RawDocument):
        doc = raw
    else:
        if isinstance(raw, bytes):
            from recoupe.ingest import decode_bytes

            raw, _ = decode_bytes(raw)
        kind = (content_type or "").split(";")[0].strip().lower()
        is_html = kind in HTML_TYPES or (not kind and sniff_html(raw))
        doc = RawDocument(source="<string>", html=raw if is_html else None, text=None if is_html else raw)
    url = url or doc.url
    hints = doc.hints
    warnings: list[str] = []
    if doc.html is not None:
        text, meta = _from_html(doc.html, url)
        warnings += [f"extracted text: {w}" for w in meta.get("warnings", [])]
        if not text.strip():
            warnings.append("trafilatura found no article text in the HTML")
        producer = "model:trafilatura@2.3.1"
        found_title = hints.get("title") or title or meta.get("title")
        authors = _split_authors(meta.get("author"))
        date = meta.get("date")
        publisher = meta.get("sitename")
        url = url or meta.get("url")
        description = meta.get("description")
    else:
        text = doc.text or ""
        producer = "rule:extract.text"
        found_title = hints.get("title") or title or _plain_title(text)
        authors, date, publisher, description = [], None, None, None
    if hints.get("authors"):
        authors = hints["authors"] if isinstance(hints["authors"], list) else _split_authors(str(hints["authors"]))
    split = split_furniture(text, title=found_title, lang=hints.get("lang"))
    if not split.body.strip() and text.strip():
        split, warning = _unsplit_if_unsupported(text, split)
        warnings += [warning] if warning else []
    if not authors:
        authors = [name for f in split.furniture if f.kind == "byline" for name in _byline_authors(f.text)]
    return ExtractedDocument(
        body=split.body,
        body_map=split.body_map,
        furniture=split.furniture,
        text=text,
        title=found_title,
        authors=authors,
        date=hints.get("date") or date,
        publisher=hints.get("publisher") or publisher,
        hostname=_hostname(url),
        url=url,
        description=description,
        producer=producer,
        warnings=warnings,
    )
