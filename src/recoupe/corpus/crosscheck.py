"""Cross-checking on the store: the adapter between :class:`recoupe.corpus.Corpus` and the
in-memory stories, corroboration, graph and exports.

    from recoupe.corpus import Corpus
    from recoupe.corpus import crosscheck as cc
    corpus = Corpus()
    cc.update_stories(corpus)            # new articles join a story or start one; nothing re-clustered
    cc.stories(corpus); cc.story(corpus, sid); cc.story_claims(corpus, sid); cc.graph(corpus)
"""

from __future__ import annotations

import io
import json

import numpy as np
from sqlalchemy import select

from recoupe.corpus import similarity as sim
from recoupe.corpus import store as t
from recoupe.corpus.crosscheck_tables import ArticleProfile, Story, StoryMember
from recoupe.corpus.records import ArticleRecord, from_report, parse_date, profiles_of
from recoupe.corpus.stories import StoryIndex

CHUNK = 500  # ids per IN (...) query
_ARRAYS = ("title_vec", "lead_vec", "head_vec", "full_vec", "next_vec", "sent_vecs", "sent_chars")


def dump_profile(p: sim.Profile) -> bytes:
    buf = io.BytesIO()
    meta = {"lang": p.lang, "numbers": sorted(p.numbers), "names": sorted(p.names),
            "date": p.date.isoformat() if p.date else None, "chars": p.chars, "title_names": sorted(p.title_names)}
    np.savez_compressed(buf, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                        **{k: getattr(p, k).astype(np.float16 if k.endswith("vecs") else np.float32) for k in _ARRAYS})
    return buf.getvalue()


def load_profile(data: bytes) -> sim.Profile:
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        meta = json.loads(bytes(z["meta"]).decode())
        arrays = {k: z[k].astype(np.float32) for k in _ARRAYS}
    return sim.Profile(lang=meta["lang"], numbers=frozenset(meta["numbers"]), names=frozenset(meta["names"]),
                       date=parse_date(meta["date"]), chars=meta["chars"],
                       title_names=frozenset(meta.get("title_names") or ()), **arrays)


def records(corpus, ids: list[str] | None = None) -> list[ArticleRecord]:
    """Records of the stored articles (all, or the given ids), oldest first."""
    with corpus.session() as s:
        q = select(t.Article, t.DuplicateMember.group_id).outerjoin(
            t.DuplicateMember, t.DuplicateMember.article_id == t.Article.id)
        if ids is not None:
            q = q.where(t.Article.id.in_(ids))
        rows = s.execute(q).all()
        out = [from_report(a.report(), article_id=a.id, url=a.url, duplicate_group=g) for a, g in rows]
        for r, (a, _) in zip(out, rows):
            r.domain = r.domain or a.domain
            r.publisher = r.publisher or a.publisher
    out.sort(key=lambda r: (r.date is None, r.date.timestamp() if r.date else 0.0, r.id))
    return out


def _index(corpus) -> StoryIndex:
    """The story index rebuilt from the stored assignments and profiles (no encoding)."""
    index = StoryIndex()
    with corpus.session() as s:
        rows = s.execute(select(StoryMember, ArticleProfile.data, Story.title, t.Article.language)
                         .join(ArticleProfile, ArticleProfile.article_id == StoryMember.article_id)
                         .join(Story, Story.id == StoryMember.story_id)
                         .join(t.Article, t.Article.id == StoryMember.article_id)
                         .order_by(StoryMember.joined, StoryMember.article_id)).all()
        keys: dict[str, list[str]] = {}
        members = [m.article_id for m, *_ in rows]
        for i in range(0, len(members), CHUNK):  # SQLite caps the parameters of one statement
            for aid, key in s.execute(select(t.Entity.article_id, t.Entity.key)
                                      .where(t.Entity.article_id.in_(members[i : i + CHUNK]))).all():
                keys.setdefault(aid, []).append(key)
    for member, data, title, language in rows:
        index.restore(member.story_id, title, member.article_id, load_profile(data), keys.get(member.article_id, []),
                      language, member.similarity)
    return index


def update_stories(corpus, batch: int = 64) -> int:
    """Assign every article not yet in a story, oldest first; returns how many were assigned."""
    with corpus.session() as s:
        pending = s.scalars(select(t.Article.id).where(
            t.Article.id.not_in(select(StoryMember.article_id)), t.Article.exact_of.is_(None))
            .order_by(t.Article.date.nulls_last(), t.Article.id)).all()
    if not pending:
        return 0
    index = _index(corpus)
    for i in range(0, len(pending), batch):
        chunk = records(corpus, list(pending[i : i + batch]))
        profs = profiles_of(chunk)
        with corpus.session() as s:
            for r, p in zip(chunk, profs):
                sid, score = index.assign(r.id, p, keys=r.keys, language=r.language, title=r.title)
                story = index.story(sid)
                row = s.get(Story, sid) or Story(id=sid, title=story.title)
                row.first_seen = story.first_seen.isoformat() if story.first_seen else None
                row.last_seen = story.last_seen.isoformat() if story.last_seen else None
                row.languages = sorted(story.languages)
                s.add(row)
                s.flush()
                s.add(StoryMember(article_id=r.id, story_id=sid, similarity=float(score)))
                s.merge(ArticleProfile(article_id=r.id, model=sim.producer(), data=dump_profile(p)))
            s.commit()
    return len(pending)


def _members(corpus, sid: str) -> list[str]:
    with corpus.session() as s:
        return list(s.scalars(select(StoryMember.article_id).where(StoryMember.story_id == sid)).all())


def _profiles(corpus, ids: list[str]) -> dict[str, sim.Profile]:
    with corpus.session() as s:
        return {aid: load_profile(d) for aid, d in s.execute(
            select(ArticleProfile.article_id, ArticleProfile.data).where(ArticleProfile.article_id.in_(ids))).all()}


def resolve_story(corpus, id_or_prefix: str) -> str:
    from recoupe.corpus.api import CorpusError

    with corpus.session() as s:
        found = s.scalars(select(Story.id).where(Story.id.startswith(id_or_prefix)).limit(2)).all()
    if len(found) != 1:
        raise CorpusError(f"no story {id_or_prefix!r}" if not found else f"ambiguous story prefix {id_or_prefix!r}")
    return found[0]


def stories(corpus, limit: int | None = 100) -> list[dict]:
    """Story summaries, largest first: id, title, languages, article count, first seen."""
    from sqlalchemy import func

    with corpus.session() as s:
        q = (select(Story, func.count(StoryMember.article_id)).join(StoryMember, StoryMember.story_id == Story.id)
             .group_by(Story.id).order_by(func.count(StoryMember.article_id).desc(), Story.first_seen, Story.id))
        if limit:
            q = q.limit(limit)
        return [{"id": st.id, "title": st.title, "languages": st.languages, "articles": n, "first_seen": st.first_seen}
                for st, n in s.execute(q).all()]


def _ratings():
    from recoupe.sources.ratings import default_ratings

    return default_ratings()


def story(corpus, id_or_prefix: str) -> dict:
    """One story: its articles (id, URL, outlet, language, date) and its independent origins."""
    from recoupe.corpus.corroboration import origin_groups, translation_links

    sid = resolve_story(corpus, id_or_prefix)
    ids = _members(corpus, sid)
    recs = records(corpus, ids)
    profs = _profiles(corpus, ids)
    origins = origin_groups(recs, profs, _ratings())
    translation_of = translation_links(recs, profs)
    with corpus.session() as s:
        st = s.get(Story, sid)
        head = {"id": st.id, "title": st.title, "languages": st.languages, "first_seen": st.first_seen}
    return {**head, "articles": [{"id": r.id, "url": r.url, "outlet": r.outlet, "domain": r.domain,
                                  "language": r.language, "title": r.title,
                                  "date": r.date.isoformat() if r.date else None,
                                  "translation_of": translation_of.get(r.id)} for r in recs],
            "origins": [o.to_dict() for o in origins]}


def story_claims(corpus, id_or_prefix: str) -> list[dict]:
    from recoupe.corpus.corroboration import corroborate

    sid = resolve_story(corpus, id_or_prefix)
    ids = _members(corpus, sid)
    return corroborate(records(corpus, ids), _profiles(corpus, ids), _ratings())


def graph(corpus, story_id: str | None = None):
    """The relation graph of the corpus (or of one story), edges counting independent origins."""
    from recoupe.corpus.corroboration import origin_groups
    from recoupe.corpus.graph import build_graph

    ids = _members(corpus, resolve_story(corpus, story_id)) if story_id else None
    recs = records(corpus, ids)
    with_rel = [r for r in recs if r.relations]
    origins = origin_groups(with_rel, None)
    return build_graph(recs, {aid: k for k, o in enumerate(origins) for aid in o.articles})
