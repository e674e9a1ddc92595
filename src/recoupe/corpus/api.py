"""``Corpus``: the store in Python, the one object the CLI, the service and cross-checking use.

    >>> from recoupe.corpus import Corpus
    >>> corpus = Corpus("sqlite:///corpus.db")          # or None: $RECOUPE_DB, else $RECOUPE_HOME/corpus.db
    >>> corpus.ingest(recoupe.ingest.iter_paths(["articles/"]))
    >>> corpus.articles(outlet="lemonde.fr", language="fr", grade="D")
    >>> corpus.report(article_id)                         # the full Analysis, judged by the current ratings

Every listing returns plain dicts (JSON-ready); ``report`` returns the pydantic ``Analysis``.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from recoupe.corpus import engine as eng
from recoupe.corpus import ingest as ing
from recoupe.corpus import store as t
from recoupe.corpus.keys import fold
from recoupe.corpus.store import default_url, make_engine, normalise_url, utcnow


class CorpusError(Exception):
    """A request the store cannot answer (unknown or ambiguous id, schema too old); one line."""


class Corpus:
    def __init__(self, url: str | None = None, *, upgrade: bool = True) -> None:
        """Open (and by default create or migrate) the store at ``url``."""
        self.url = normalise_url(url) if url else default_url()
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if upgrade:
            from recoupe.corpus.migrate import upgrade as run_upgrade

            run_upgrade(self.engine)

    def __repr__(self) -> str:
        return f"Corpus({self.engine.url.render_as_string(hide_password=True)!r})"

    def __reduce__(self):  # Dask and multiprocessing ship a Corpus as its URL
        return (Corpus, (self.url,), None)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterable[Session]:
        with self._sessions() as s:
            yield s

    # -- ingest ------------------------------------------------------------------------------------

    def ingest(self, items, *, workers: int = 0, scheduler: str | None = None, lang: str | None = None,
               reanalyze: bool = False, command: str | None = None, on_event=None) -> ing.IngestStats:
        """Analyse and store ``items`` (RawDocuments or Failed, e.g. from ``recoupe.ingest.iter_paths``).
        ``workers`` > 0 runs a local Dask cluster of that many processes; ``scheduler`` uses an existing one."""
        backend = None
        if workers or scheduler:
            from recoupe.batch import DaskBackend

            backend = DaskBackend(workers=workers or None, scheduler=scheduler, store_url=self.url)
        return ing.ingest(self, items, backend=backend, lang=lang, reanalyze=reanalyze, command=command,
                          on_event=on_event)

    def add(self, report, *, source: str | None = None) -> str:
        """Store one already analysed report (``Analysis``); returns its article id."""
        from recoupe.ingest import RawDocument

        body_hash = ing.content_hash(report.body)
        canonical = ing.canonical_url(report.url)
        raw = RawDocument(source=source or report.source or "<report>", text=report.body, url=report.url)
        item = ing.Work(raw, ing.input_hash(report.body, report.url), body_hash, ing.article_id(body_hash, canonical),
                        canonical, None)
        item.replace = self.article_status(item.article_id, body_hash) in ("stored", "stale")
        ing.write_report(self, item, report, None)
        return item.article_id

    # used by the ingest runner
    def known_inputs(self, hashes: Iterable[str]) -> set[str]:
        hashes = list(hashes)
        if not hashes:
            return set()
        with self.session() as s:
            return set(s.scalars(select(t.Input.hash).where(t.Input.hash.in_(hashes))))

    def article_status(self, article_id: str, body_hash: str) -> str:
        """'stored' (current analyser), 'stale' (older analyser), 'copy' (same body elsewhere) or 'new'."""
        with self.session() as s:
            found = s.execute(select(t.Article.analyzer).where(t.Article.id == article_id)).first()
            if found is not None:
                return "stored" if found[0] == eng.current_analyzer() else "stale"
            if s.execute(select(t.Article.id).where(t.Article.content_hash == body_hash).limit(1)).first():
                return "copy"
        return "new"

    def record_input(self, item, run_id) -> None:
        with self.session() as s, s.begin():
            s.merge(t.Input(hash=item.input_hash, article_id=item.article_id, source=item.raw.source,
                            url=item.raw.url, run_id=run_id))

    def record_failure(self, source: str, error: str, run_id: int | None) -> None:
        key = ing._failure_key(source)
        with self.session() as s, s.begin():
            row = s.get(t.Failure, key)
            if row is None:
                s.add(t.Failure(source=key, error=error, run_id=run_id))
            else:
                row.error, row.run_id, row.attempts, row.when = error, run_id, row.attempts + 1, utcnow()

    def write_report(self, item, report, run_id) -> str:
        return ing.write_report(self, item, report, run_id)

    def write_copy(self, item, run_id) -> bool:
        return ing.write_copy(self, item, run_id)

    def finish_run(self, stats: ing.IngestStats, status: str) -> None:
        with self.session() as s, s.begin():
            run = s.get(t.Run, stats.run_id)
            if run is not None:
                run.finished, run.status = utcnow(), status
                run.added, run.skipped, run.failed = stats.added + stats.copied, stats.known, stats.failed

    # -- reading -----------------------------------------------------------------------------------

    def resolve(self, id_or_prefix: str) -> str:
        """The full article id for an id or a unique prefix (at least 6 characters)."""
        with self.session() as s:
            if s.get(t.Article, id_or_prefix) is not None:
                return id_or_prefix
            if len(id_or_prefix) < 6:
                raise CorpusError(f"no article {id_or_prefix!r} (give at least 6 characters of its id)")
            found = s.scalars(select(t.Article.id).where(t.Article.id.startswith(id_or_prefix)).limit(2)).all()
        if not found:
            raise CorpusError(f"no article {id_or_prefix!r}")
        if len(found) > 1:
            raise CorpusError(f"ambiguous id prefix {id_or_prefix!r}")
        return found[0]

    def articles(self, *, outlet: str | None = None, language: str | None = None, since: str | None = None,
                 until: str | None = None, grade: str | None = None, genre: str | None = None,
                 search: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Article summaries, newest first. ``outlet`` matches the domain (or a subdomain) or the
        publisher's name; dates are ISO prefixes (``2024``, ``2024-05``, ``2024-05-03``) compared on
        the article's date; ``grade`` is the credibility grade under the current ratings snapshot."""
        rid = eng.ratings_id()
        j = select(t.Judgement).where(t.Judgement.ratings_id == rid).subquery()
        q = select(t.Article, j.c.grade, j.c.score).outerjoin(j, j.c.article_id == t.Article.id)
        if outlet:
            o = outlet.lower().removeprefix("www.")
            q = q.where(or_(t.Article.domain == o, t.Article.domain.like(f"%.{o}"),
                            func.lower(t.Article.publisher) == o))
        if language:
            q = q.where(t.Article.language == language)
        if since:
            q = q.where(t.Article.date >= since)
        if until:
            q = q.where(t.Article.date < _after(until))
        if grade:
            q = q.where(j.c.grade.in_([g.strip().upper() for g in grade.split(",")]))
        if genre:
            q = q.where(t.Article.genre == genre)
        if search:
            q = q.where(t.Article.title.ilike(f"%{search}%"))
        q = q.order_by(t.Article.date.desc().nulls_last(), t.Article.ingested.desc(), t.Article.id)
        if limit is not None:
            q = q.limit(limit)
        q = q.offset(offset)
        with self.session() as s:
            groups = {}
            rows = s.execute(q).all()
            if rows:
                groups = dict(s.execute(select(t.DuplicateMember.article_id, t.DuplicateMember.group_id).where(
                    t.DuplicateMember.article_id.in_([r[0].id for r in rows]))).all())
            return [_summary(a, g, sc, groups.get(a.id)) for a, g, sc in rows]

    def count(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(t.Article))

    def stats(self) -> dict:
        """Row counts per table: what an ingest added, what a re-ingest must leave unchanged."""
        tables = [t.Article, t.Input, t.Entity, t.Mention, t.Quote, t.Hedge, t.Claim, t.ClaimNumber, t.ChainLink,
                  t.Judgement, t.DuplicateGroup, t.DuplicateMember, t.LshBand, t.Failure, t.Run]
        with self.session() as s:
            return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in tables}

    def article(self, id_or_prefix: str) -> dict:
        """One article: its summary, body, furniture, stamps, findings counts, judgements and duplicate group."""
        aid = self.resolve(id_or_prefix)
        with self.session() as s:
            a = s.get(t.Article, aid)
            judged = s.scalars(select(t.Judgement).where(t.Judgement.article_id == aid)
                               .order_by(t.Judgement.judged.desc())).all()
            current = next((j for j in judged if j.ratings_id == eng.ratings_id()), None)
            member = s.get(t.DuplicateMember, aid)
            out = _summary(a, current.grade if current else None, current.score if current else None,
                           member.group_id if member else None)
            f = a.findings
            out.update(
                body=a.body, furniture=a.furniture, source=a.source, stamps=a.stamps, analyzer=a.analyzer,
                exact_copy_of=a.exact_of, ingested=a.ingested.isoformat(),
                counts={k: len(f.get(k) or []) for k in ("entities", "quotes", "hedges", "claims", "source_chain")},
                judgements=[{"ratings_id": j.ratings_id, "grade": j.grade, "score": j.score,
                             "judged": j.judged.isoformat(), "current": j is current} for j in judged],
                duplicates=self.duplicate_group(member.group_id) if member else None,
            )
            return out

    def findings(self, id_or_prefix: str) -> dict:
        """The stored findings report (no ratings, signals or credibility)."""
        aid = self.resolve(id_or_prefix)
        with self.session() as s:
            return s.get(t.Article, aid).report()

    def judgement(self, id_or_prefix: str, ratings_id: str | None = None) -> dict | None:
        """The judgement under ``ratings_id`` (default: the current snapshot), or None if not judged yet."""
        aid = self.resolve(id_or_prefix)
        with self.session() as s:
            j = s.scalars(select(t.Judgement).where(t.Judgement.article_id == aid,
                                                    t.Judgement.ratings_id == (ratings_id or eng.ratings_id()))).first()
            return None if j is None else {"ratings_id": j.ratings_id, "grade": j.grade, "score": j.score,
                                           **j.judgement}

    def report(self, id_or_prefix: str, ratings_id: str | None = None):
        """The full ``Analysis``: findings with the judgement of ``ratings_id`` (default: current;
        judged on the fly, not stored, when that snapshot has not been applied yet)."""
        findings = self.findings(id_or_prefix)
        judged = self.judgement(id_or_prefix, ratings_id)
        if judged is None and ratings_id is None:
            judged = eng.judge(findings)
        return eng.apply(findings, judged)

    # -- findings queries --------------------------------------------------------------------------

    def _rows(self, q, columns) -> list[dict]:
        with self.session() as s:
            return [dict(zip(columns, r)) for r in s.execute(q).all()]

    def entities(self, *, key: str | None = None, name: str | None = None, label: str | None = None,
                 article: str | None = None, limit: int | None = 1000) -> list[dict]:
        """Entities per article. ``name`` matches the folded canonical name anywhere in the key."""
        e = t.Entity
        q = select(e.article_id, e.key, e.canonical, e.label, e.mention_count, e.roles)
        if key:
            q = q.where(e.key == key)
        if name:
            q = q.where(e.key.like(f"%{fold(name)}%"))
        if label:
            q = q.where(e.label == label)
        if article:
            q = q.where(e.article_id == self.resolve(article))
        return self._rows(q.order_by(e.key, e.article_id).limit(limit),
                          ["article_id", "key", "canonical", "label", "mentions", "roles"])

    def entity_index(self, *, label: str | None = None, min_articles: int = 1, limit: int | None = 100) -> list[dict]:
        """Cross-article entities: each key with the number of articles naming it, most named first."""
        e = t.Entity
        n = func.count(func.distinct(e.article_id))
        q = select(e.key, e.label, func.min(e.canonical), n).group_by(e.key, e.label).having(n >= min_articles)
        if label:
            q = q.where(e.label == label)
        return self._rows(q.order_by(n.desc(), e.key).limit(limit), ["key", "label", "canonical", "articles"])

    def mentions(self, article: str) -> list[dict]:
        m = t.Mention
        q = select(m.entity_id, m.text, m.start, m.end, m.in_furniture).where(m.article_id == self.resolve(article))
        return self._rows(q.order_by(m.start), ["entity_id", "text", "start", "end", "in_furniture"])

    def quotes(self, *, speaker: str | None = None, article: str | None = None, kind: str | None = None,
               limit: int | None = 1000) -> list[dict]:
        qt = t.Quote
        q = select(qt.article_id, qt.position, qt.kind, qt.text, qt.start, qt.end, qt.speaker, qt.speaker_role, qt.cue,
                   qt.producer)
        if speaker:
            q = q.where(qt.speaker_key.like(f"%{fold(speaker)}%"))
        if article:
            q = q.where(qt.article_id == self.resolve(article))
        if kind:
            q = q.where(qt.kind == kind)
        return self._rows(q.order_by(qt.article_id, qt.position).limit(limit),
                          ["article_id", "position", "kind", "text", "start", "end", "speaker", "speaker_role", "cue",
                           "producer"])

    def hedges(self, *, article: str | None = None, kind: str | None = None, limit: int | None = 1000) -> list[dict]:
        h = t.Hedge
        q = select(h.article_id, h.kind, h.text, h.start, h.end, h.sentence, h.producer)
        if article:
            q = q.where(h.article_id == self.resolve(article))
        if kind:
            q = q.where(h.kind == kind)
        return self._rows(q.order_by(h.article_id, h.start).limit(limit),
                          ["article_id", "kind", "text", "start", "end", "sentence", "producer"])

    def claims(self, *, article: str | None = None, min_score: float | None = None, status: str | None = None,
               value: float | None = None, limit: int | None = 1000) -> list[dict]:
        """Claims with their normalised numbers; ``value`` finds claims stating that number."""
        c = t.Claim
        q = select(c)
        if article:
            q = q.where(c.article_id == self.resolve(article))
        if min_score is not None:
            q = q.where(c.score >= min_score)
        if status:
            q = q.where(c.status == status)
        if value is not None:
            q = q.where(c.id.in_(select(t.ClaimNumber.claim_id).where(t.ClaimNumber.value == value)))
        with self.session() as s:
            out = []
            for claim in s.scalars(q.order_by(c.article_id, c.position).limit(limit)):
                out.append({"article_id": claim.article_id, "position": claim.position, "text": claim.text,
                            "start": claim.start, "end": claim.end, "score": claim.score, "status": claim.status,
                            "attributed_to": claim.attributed_to, "entities": claim.entities,
                            "numbers": [{"kind": n.kind, "text": n.text, "value": n.value, "unit": n.unit,
                                         "currency": n.currency, "date": n.date} for n in claim.quantities]})
            return out

    def chain_links(self, *, article: str | None = None, domain: str | None = None, role: str | None = None,
                    limit: int | None = 1000) -> list[dict]:
        cl = t.ChainLink
        q = select(cl.article_id, cl.position, cl.name, cl.domain, cl.role, cl.evidence, cl.start, cl.end, cl.producer)
        if article:
            q = q.where(cl.article_id == self.resolve(article))
        if domain:
            q = q.where(cl.domain == domain)
        if role:
            q = q.where(cl.role == role)
        return self._rows(q.order_by(cl.article_id, cl.position).limit(limit),
                          ["article_id", "position", "name", "domain", "role", "evidence", "start", "end", "producer"])

    # -- duplicates --------------------------------------------------------------------------------

    def duplicate_group(self, group_id: int) -> dict | None:
        with self.session() as s:
            g = s.get(t.DuplicateGroup, group_id)
            if g is None:
                return None
            members = s.execute(select(t.DuplicateMember, t.Article.domain, t.Article.url, t.Article.date)
                                .join(t.Article, t.Article.id == t.DuplicateMember.article_id)
                                .where(t.DuplicateMember.group_id == group_id)
                                .order_by(t.Article.date.nulls_last(), t.DuplicateMember.article_id)).all()
            return {"id": g.id, "origin": g.origin_id, "origin_reason": g.origin_reason,
                    "members": [{"article_id": m.article_id, "relation": m.relation, "similar_to": m.similar_to,
                                 "jaccard": m.jaccard, "containment": m.containment, "domain": d, "url": u, "date": dt}
                                for m, d, u, dt in members]}

    def duplicate_groups(self, *, limit: int | None = 100, offset: int = 0) -> list[dict]:
        with self.session() as s:
            ids = s.scalars(select(t.DuplicateGroup.id).order_by(t.DuplicateGroup.id).limit(limit).offset(offset)).all()
        return [self.duplicate_group(i) for i in ids]

    def group_of(self, id_or_prefix: str) -> dict | None:
        aid = self.resolve(id_or_prefix)
        with self.session() as s:
            m = s.get(t.DuplicateMember, aid)
        return self.duplicate_group(m.group_id) if m else None

    # -- runs, failures, regrade -------------------------------------------------------------------

    def failures(self, limit: int | None = 100) -> list[dict]:
        f = t.Failure
        return self._rows(select(f.source, f.error, f.run_id, f.attempts).order_by(f.when.desc()).limit(limit),
                          ["source", "error", "run_id", "attempts"])

    def runs(self, limit: int | None = 20) -> list[dict]:
        r = t.Run
        rows = self._rows(select(r.id, r.started, r.finished, r.status, r.added, r.skipped, r.failed, r.command)
                          .order_by(r.id.desc()).limit(limit),
                          ["id", "started", "finished", "status", "added", "known", "failed", "command"])
        for row in rows:
            row["started"] = row["started"].isoformat() if row["started"] else None
            row["finished"] = row["finished"].isoformat() if row["finished"] else None
        return rows

    def regrade(self, *, force: bool = False, batch: int = 200, on_article=None) -> dict:
        """Judge every stored article that has no judgement under the current ratings snapshot
        (``force``: all of them again) from its stored findings, without re-parsing."""
        rid = eng.ratings_id()
        judged = changed = 0
        with self.session() as s:
            done = select(t.Judgement.article_id).where(t.Judgement.ratings_id == rid)
            q = select(t.Article.id) if force else select(t.Article.id).where(t.Article.id.not_in(done))
            ids = s.scalars(q.order_by(t.Article.id)).all()
        for start in range(0, len(ids), batch):
            with self.session() as s, s.begin():
                for a in s.scalars(select(t.Article).where(t.Article.id.in_(ids[start:start + batch]))):
                    judgement = eng.judge(a.report())
                    old = s.scalars(select(t.Judgement).where(t.Judgement.article_id == a.id,
                                                              t.Judgement.ratings_id == rid)).first()
                    previous = s.scalars(select(t.Judgement.grade).where(t.Judgement.article_id == a.id)
                                         .order_by(t.Judgement.judged.desc()).limit(1)).first()
                    if old is not None:
                        s.delete(old)
                        s.flush()
                    row = ing.judgement_row(a.id, rid, judgement)
                    s.add(row)
                    judged += 1
                    changed += previous is not None and previous != row.grade
                    if on_article:
                        on_article(a.id)
        return {"ratings_id": rid, "judged": judged, "grade_changed": changed}


def _after(prefix: str) -> str:
    """The smallest ISO string after every date starting with ``prefix`` ('2024-05' -> '2024-05\\uffff')."""
    return prefix + "\uffff"


def _summary(a: t.Article, grade, score, group) -> dict:
    return {"id": a.id, "url": a.url, "canonical_url": a.canonical_url, "domain": a.domain, "publisher": a.publisher,
            "language": a.language, "title": a.title, "date": a.date, "authors": a.authors, "genre": a.genre,
            "grade": grade, "score": score, "duplicate_group": group}
