"""The corpus tables (SQLAlchemy 2) and the engine they live in: SQLite by default, PostgreSQL for teams.

One schema for both back ends. Findings are flattened into queryable tables (entities with a
cross-article key, mentions, quotes, hedges, claims and their normalised numbers, source-chain
links) beside the full findings report kept as JSON. Judgements are kept apart, one per article and
ratings snapshot, so a new rating list re-judges stored findings without re-parsing anything.
The schema is created and evolved by the Alembic revisions in ``migrations/`` (``recoupe db upgrade``).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text,
    UniqueConstraint, create_engine, event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Run(Base):
    """One ``recoupe ingest`` invocation: what it read and how it ended."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished: Mapped[datetime | None] = mapped_column(DateTime)
    command: Mapped[str | None] = mapped_column(Text)
    analyzer: Mapped[str | None] = mapped_column(String(64))
    added: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="running")  # running, done, interrupted


class Article(Base):
    """One article, identified by ``id`` = digest of its body and canonical URL (``content_hash`` is
    the body's digest alone, shared by exact copies published under another URL)."""

    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(255), index=True)
    publisher: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(40), index=True)  # ISO 8601 as extracted; sorts as text
    authors: Mapped[list] = mapped_column(JSON, default=list)
    body: Mapped[str] = mapped_column(Text)
    furniture: Mapped[list] = mapped_column(JSON, default=list)
    source: Mapped[str | None] = mapped_column(Text)
    genre: Mapped[str | None] = mapped_column(String(16))
    findings: Mapped[dict] = mapped_column(JSON)  # the report, judgement fields empty, body in ``body``
    analyzer: Mapped[str] = mapped_column(String(64), index=True)  # digest of the stamps below
    stamps: Mapped[dict] = mapped_column(JSON)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    shingles: Mapped[int] = mapped_column(Integer, default=0)
    exact_of: Mapped[str | None] = mapped_column(String(24))  # copied, not analysed: same body as that article
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    ingested: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    entities: Mapped[list[Entity]] = relationship(back_populates="article", cascade="all, delete-orphan",
                                                  passive_deletes=True)

    def report(self) -> dict:
        """The stored findings report whole (its body is kept once, in the ``body`` column)."""
        return {**self.findings, "body": self.body}


class Input(Base):
    """An input already read (digest of its URL and raw bytes) and the article it became: re-reading
    it is a set lookup, not an extraction."""

    __tablename__ = "inputs"
    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(255), index=True)  # cross-article: "PER:mark zuckerberg"
    canonical: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(8))
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    roles: Mapped[list] = mapped_column(JSON, default=list)
    article: Mapped[Article] = relationship(back_populates="entities")
    mentions: Mapped[list[Mention]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    in_furniture: Mapped[bool] = mapped_column(Boolean, default=False)


class Quote(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(Text)
    speaker_key: Mapped[str | None] = mapped_column(String(255), index=True)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    producer: Mapped[str] = mapped_column(String(80))


class Hedge(Base):
    __tablename__ = "hedges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str | None] = mapped_column(Text)
    producer: Mapped[str] = mapped_column(String(80))


class Claim(Base):
    __tablename__ = "claims"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    attributed_to: Mapped[str | None] = mapped_column(Text)
    entities: Mapped[list] = mapped_column(JSON, default=list)
    producer: Mapped[str] = mapped_column(String(80))
    quantities: Mapped[list[ClaimNumber]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class ClaimNumber(Base):
    """A normalised number in a claim (44000000 USD, 2016-12): what corroboration compares."""

    __tablename__ = "claim_numbers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float, index=True)
    unit: Mapped[str | None] = mapped_column(String(32))
    currency: Mapped[str | None] = mapped_column(String(8))
    date: Mapped[str | None] = mapped_column(String(32))


class ChainLink(Base):
    __tablename__ = "chain_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    domain: Mapped[str | None] = mapped_column(String(255), index=True)
    role: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    producer: Mapped[str] = mapped_column(String(80))


class Judgement(Base):
    """Ratings, signals and credibility of one article under one ratings snapshot."""

    __tablename__ = "judgements"
    __table_args__ = (UniqueConstraint("article_id", "ratings_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    ratings_id: Mapped[str] = mapped_column(String(64), index=True)
    grade: Mapped[str | None] = mapped_column(String(4), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    judgement: Mapped[dict] = mapped_column(JSON)  # publisher/chain ratings, signals, credibility
    judged: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DuplicateGroup(Base):
    """Near-duplicates of one text; copies on other domains are syndication of ``origin_id``."""

    __tablename__ = "duplicate_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin_id: Mapped[str | None] = mapped_column(String(24))
    origin_reason: Mapped[str | None] = mapped_column(String(32))  # wire, earliest date, first ingested
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DuplicateMember(Base):
    __tablename__ = "duplicate_members"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("duplicate_groups.id", ondelete="CASCADE"), index=True)
    similar_to: Mapped[str | None] = mapped_column(String(24))
    jaccard: Mapped[float] = mapped_column(Float)
    containment: Mapped[float] = mapped_column(Float)
    relation: Mapped[str] = mapped_column(String(16))  # origin, duplicate (same domain), syndication


class LshBand(Base):
    """One MinHash LSH band of an article: candidates are articles sharing any (band, hash)."""

    __tablename__ = "lsh_bands"
    __table_args__ = (Index("ix_lsh_bands_hash", "hash"),)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger)


class Failure(Base):
    """An input that could not be read or analysed: one row per input, the latest error."""

    __tablename__ = "failures"
    source: Mapped[str] = mapped_column(String(512), primary_key=True)
    error: Mapped[str] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    when: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# -- where the store is and how to open it ----------------------------------------------------------

def default_url() -> str:
    """``$RECOUPE_DB``, else SQLite at ``$RECOUPE_HOME/corpus.db`` (default ``~/.local/share/recoupe``)."""
    if os.environ.get("RECOUPE_DB"):
        return normalise_url(os.environ["RECOUPE_DB"])
    from recoupe.sources.registry import recoupe_home

    return f"sqlite:///{recoupe_home() / 'corpus.db'}"


def normalise_url(url: str) -> str:
    """Accept a bare file path for SQLite and ``postgresql://`` for psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    """An engine with the settings the ingest relies on: for SQLite, WAL (readers never block the
    writer), a busy timeout instead of immediate 'database is locked', foreign keys on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a commit survives a process kill
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)
