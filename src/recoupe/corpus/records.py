"""What cross-checking reads of one stored article: a plain record built from its findings report,
so stories, corroboration and the graph work the same on the store, on a list of reports, or in
tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from recoupe.corpus.keys import domain_of, entity_key


@dataclass
class ArticleRecord:
    id: str
    url: str | None
    domain: str | None
    publisher: str | None
    language: str
    title: str | None
    date: datetime | None
    body: str
    entities: list[dict] = field(default_factory=list)  # {key, canonical, label, mentions: [text, ...]}
    claims: list[dict] = field(default_factory=list)
    chain: list[dict] = field(default_factory=list)  # {name, domain, role}
    relations: list[dict] = field(default_factory=list)
    hedges: list[dict] = field(default_factory=list)
    duplicate_group: int | None = None
    furniture: str = ""  # the page furniture's text (provenance and translation notices live there)

    @property
    def outlet(self) -> str | None:
        return self.publisher or self.domain

    @property
    def keys(self) -> list[str]:
        return [e["key"] for e in self.entities]


def parse_date(value) -> datetime | None:
    """An ISO date (possibly partial) as an aware datetime, or None."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip().replace("Z", "+00:00")
    for candidate in (text, text[:19], text[:10], text[:7] + "-01", text[:4] + "-01-01"):
        try:
            d = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        return d if d.tzinfo else d.replace(tzinfo=timezone.utc)
    return None


def from_report(report: dict, *, article_id: str, url: str | None = None, duplicate_group: int | None = None) -> ArticleRecord:
    """A record from a findings report (``Analysis`` as a dict)."""
    url = url or report.get("url")
    pub = report.get("publisher") or {}
    entities = [{"key": entity_key(e["label"], e["canonical"]), "canonical": e["canonical"], "label": e["label"],
                 "mentions": sorted({m.get("text") for m in e.get("mentions") or [] if m.get("text")})}
                for e in report.get("entities") or []]
    return ArticleRecord(
        id=article_id, url=url, domain=pub.get("domain") or domain_of(url), publisher=pub.get("name"),
        language=report.get("language") or "und", title=report.get("title"), date=parse_date(report.get("date")),
        body=report.get("body") or "", entities=entities, claims=list(report.get("claims") or []),
        chain=[{"name": c.get("name"), "domain": c.get("domain"), "role": c.get("role")}
               for c in report.get("source_chain") or []],
        relations=list(report.get("relations") or []), hedges=list(report.get("hedges") or []),
        duplicate_group=duplicate_group,
        furniture="\n".join(f.get("text") or "" for f in report.get("furniture") or []),
    )


def profiles_of(records: list[ArticleRecord], encode=None):
    """Similarity profiles of records (one encoder call)."""
    from recoupe.corpus import similarity as sim

    items = [{"text": r.body, "title": r.title, "lang": r.language, "date": r.date,
              "entities": [e["canonical"] for e in r.entities], "title_entities": r.entities} for r in records]
    return sim.profiles(items, **({"encode": encode} if encode else {}))
