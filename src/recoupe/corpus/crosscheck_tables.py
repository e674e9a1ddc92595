"""Tables of the cross-checking layer (Alembic revision 0002): stories, their members, and each
article's similarity profile (vectors kept so a new article is compared without re-encoding)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from recoupe.corpus.store import Base, utcnow


class Story(Base):
    __tablename__ = "stories"
    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[str | None] = mapped_column(String(40), index=True)
    last_seen: Mapped[str | None] = mapped_column(String(40))
    languages: Mapped[list] = mapped_column(JSON, default=list)
    created: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class StoryMember(Base):
    __tablename__ = "story_members"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    similarity: Mapped[float] = mapped_column(Float)
    joined: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ArticleProfile(Base):
    __tablename__ = "article_profiles"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(64))  # producer of the similarity model it was made for
    data: Mapped[bytes] = mapped_column(LargeBinary)
