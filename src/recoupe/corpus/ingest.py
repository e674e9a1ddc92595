"""The ingest runner: inputs in, articles committed one by one, each whole or not at all.

Per input, cheapest test first:
1. its digest (URL + raw bytes) is in ``inputs``: already read, nothing to do (this is what makes a
   re-ingest fast: no extraction, no parse);
2. it is extracted (body vs furniture, a few ms) and its article id (body digest + canonical URL)
   is already stored: the input is recorded against it, nothing analysed;
3. the same body is stored under another URL: an exact copy, its findings are copied (not analysed
   again) with this page's own metadata and judged for this publisher;
4. otherwise it goes to the analyser (in this process, or on Dask workers) and its report is written
   in one transaction: article, findings rows, judgement, input, LSH bands, duplicate group.

A crash (even ``kill -9``) loses at most the articles not yet committed; their inputs are not in
``inputs``, so the same command again analyses exactly those.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError

from recoupe.corpus import dedup, engine
from recoupe.corpus import store as t
from recoupe.corpus.keys import article_id, canonical_url, content_hash, domain_of, input_hash
from recoupe.corpus.rows import finding_rows, judgement_row
from recoupe.ingest import Failed, RawDocument

LOOKUP_BLOCK = 256  # inputs checked against the store per query


@dataclass
class Work:
    """One input that needs writing: what it is, and its extraction for the exact-copy path."""

    raw: RawDocument
    input_hash: str
    body_hash: str
    article_id: str
    canonical: str | None
    extracted: object
    replace: bool = False


@dataclass
class Written:
    """A result already stored where it was computed (Dask workers writing to PostgreSQL)."""

    outcome: str  # added, near-duplicate or known


@dataclass
class IngestStats:
    added: int = 0  # analysed and stored
    copied: int = 0  # exact body copies under another URL: stored, not analysed
    known: int = 0  # inputs already read (or an article already stored)
    near_duplicates: int = 0  # stored articles that joined a duplicate group
    failed: int = 0
    seconds: float = 0.0
    run_id: int | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.copied + self.known + self.failed

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("run_id", "added", "copied", "known", "near_duplicates", "failed",
                                              "seconds")}


class LocalBackend:
    """Analyses in this process, in chunks through the pipeline's batched ``nlp.pipe``."""

    def __init__(self, config: dict | None = None, chunk: int = 16) -> None:
        self.analyzer = engine.make_analyzer(config)
        self.chunk = chunk

    def run(self, work: Iterable[Work], lang: str | None, run_id: int | None = None) -> Iterator[tuple[Work, object]]:
        batch: list[Work] = []
        for item in work:
            batch.append(item)
            if len(batch) >= self.chunk:
                yield from zip(batch, engine.analyze_many(self.analyzer, [w.raw for w in batch], lang=lang))
                batch = []
        if batch:
            yield from zip(batch, engine.analyze_many(self.analyzer, [w.raw for w in batch], lang=lang))

    def close(self) -> None:
        pass


Event = Callable[[str, str, str | None], None]  # (kind, source, detail)


def ingest(corpus, items: Iterable[RawDocument | Failed], *, backend=None, lang: str | None = None,
           reanalyze: bool = False, command: str | None = None, on_event: Event | None = None) -> IngestStats:
    """Read ``items`` into the corpus; see the module docstring. Never raises for one bad input."""
    stats = IngestStats()
    started = time.perf_counter()
    current = engine.current_analyzer()
    notify = on_event or (lambda kind, source, detail: None)
    with corpus.session() as s, s.begin():
        run = t.Run(command=command, analyzer=current)
        s.add(run)
        s.flush()
        stats.run_id = run.id
    backend = backend or LocalBackend()
    waiting: dict[str, list[Work]] = {}  # body digest -> copies waiting for the first one's report

    def fail(source: str, error: str) -> None:
        stats.failed += 1
        stats.errors.append((source, error))
        corpus.record_failure(source, error, stats.run_id)
        notify("failed", source, error)

    def pending() -> Iterator[Work]:
        for block in _blocks(items, LOOKUP_BLOCK):
            docs = [d for d in block if not isinstance(d, Failed)]
            for d in block:
                if isinstance(d, Failed):
                    fail(d.source, d.error)
            hashes = {id(d): input_hash(d.content, d.url) for d in docs}
            known = corpus.known_inputs(hashes.values()) if not reanalyze else set()
            for d in docs:
                if hashes[id(d)] in known:
                    stats.known += 1
                    notify("known", d.source, None)
                    continue
                item = _prepare(d, hashes[id(d)])
                if isinstance(item, Failed):
                    fail(item.source, item.error)
                    continue
                status = corpus.article_status(item.article_id, item.body_hash)
                if status == "stored" or (status == "stale" and not reanalyze):
                    corpus.record_input(item, stats.run_id)
                    stats.known += 1
                    notify("known", d.source, None)
                    continue
                item.replace = status == "stale"
                if status == "copy":
                    if _copy(corpus, item, stats, notify):
                        continue
                if item.body_hash in waiting:
                    waiting[item.body_hash].append(item)
                    continue
                waiting[item.body_hash] = []
                yield item

    try:
        for item, result in backend.run(pending(), lang, run_id=stats.run_id):
            copies = waiting.pop(item.body_hash, [])
            if isinstance(result, Failed):
                fail(item.raw.source, result.error)
                for copy in copies:
                    fail(copy.raw.source, f"same body as {item.raw.source}, which failed: {result.error}")
                continue
            if isinstance(result, Written):
                outcome = result.outcome
            else:
                outcome = corpus.write_report(item, result, stats.run_id)
            if outcome in ("added", "near-duplicate"):
                stats.added += 1
                stats.near_duplicates += outcome == "near-duplicate"
                notify("added", item.raw.source, item.article_id)
            else:
                stats.known += 1
                notify("known", item.raw.source, None)
            for copy in copies:
                _copy(corpus, copy, stats, notify)
        status = "done"
    except BaseException:
        status = "interrupted"
        raise
    finally:
        backend.close()
        stats.seconds = round(time.perf_counter() - started, 3)
        corpus.finish_run(stats, status)
    return stats


def _copy(corpus, item: Work, stats: IngestStats, notify: Event) -> bool:
    if corpus.write_copy(item, stats.run_id):
        stats.copied += 1
        notify("copied", item.raw.source, item.article_id)
        return True
    return False


def _blocks(items: Iterable, size: int) -> Iterator[list]:
    block = []
    for item in items:
        block.append(item)
        if len(block) >= size:
            yield block
            block = []
    if block:
        yield block


def _prepare(raw: RawDocument, ihash: str) -> Work | Failed:
    from recoupe.extract import extract

    try:
        ex = extract(raw)
    except Exception as exc:  # a broken page is one failure, not the end of the batch
        return Failed(raw.source, f"extraction failed: {type(exc).__name__}: {exc}")
    if not ex.body.strip():
        return Failed(raw.source, ex.warnings[0] if ex.warnings else "no article text left after furniture separation")
    body_hash = content_hash(ex.body)
    canonical = canonical_url(ex.url or raw.url)
    return Work(raw, ihash, body_hash, article_id(body_hash, canonical), canonical, ex)


# -- writing (called by Corpus, inside one transaction per article) ---------------------------------

def article_from_report(item: Work, findings: dict, stamp: dict, run_id: int | None, exact_of: str | None = None
                        ) -> t.Article:
    publisher = findings.get("publisher") or {}
    url = findings.get("url") or item.raw.url
    sk = dedup.sketch(findings["body"])
    article = t.Article(
        id=item.article_id, content_hash=item.body_hash, url=url, canonical_url=item.canonical,
        domain=domain_of(item.canonical or url) or publisher.get("domain"), publisher=publisher.get("name"),
        language=findings.get("language") or "und", title=findings.get("title"),
        # a web archive's capture date stands in when the page states none (publication is no later)
        date=findings.get("date") or ((item.raw.hints.get("crawled") or "")[:10] or None),
        authors=findings.get("authors") or [], body=findings["body"], furniture=findings.get("furniture") or [],
        source=item.raw.source, genre=(findings.get("genre") or {}).get("label"),
        findings={k: v for k, v in findings.items() if k != "body"},
        analyzer=engine.analyzer_digest(stamp), stamps=stamp, minhash=sk.to_bytes(), shingles=len(sk.shingles),
        exact_of=exact_of, run_id=run_id,
    )
    article._sketch = sk  # reused by the duplicate search in the same transaction
    return article


def store_article(s, item: Work, findings: dict, judgement: dict, stamp: dict, run_id: int | None,
                  exact_of: str | None = None) -> t.Article:
    """Everything one article writes; the caller owns the transaction."""
    if item.replace:
        s.execute(delete(t.Article).where(t.Article.id == item.article_id))
        s.flush()
    article = article_from_report(item, findings, stamp, run_id, exact_of)
    s.add(article)
    s.add_all(finding_rows(article.id, findings))
    s.add(judgement_row(article.id, judgement["ratings_id"], judgement))
    s.execute(delete(t.Input).where(t.Input.hash == item.input_hash))  # only with --reanalyze can it exist
    s.add(t.Input(hash=item.input_hash, article_id=article.id, source=item.raw.source, url=item.raw.url,
                  run_id=run_id))
    s.flush()
    if s.get_bind().dialect.name == "postgresql":
        # Concurrent writers (Dask workers) take turns from here to commit, so each one's duplicate
        # search sees the articles the others committed: no near-duplicate pair slips between two.
        s.execute(text("SELECT pg_advisory_xact_lock(7262637571)"))
    matches = dedup.near_duplicates(s, article.id, article._sketch)
    dedup.index(s, article.id, article._sketch)
    article._group = dedup.assign(s, article, matches)
    s.execute(delete(t.Failure).where(t.Failure.source == _failure_key(item.raw.source)))
    return article


def _failure_key(source: str) -> str:
    return source[:512]


def write_report(corpus, item: Work, result, run_id: int | None) -> str:
    """Store (findings, judgement) as analysed; a full report is judged again from its findings."""
    if isinstance(result, tuple):
        analysis, judged = result
        findings, judgement = engine.dump_findings(analysis), engine.dump_judgement(judged)
    else:
        findings = engine.dump_findings(result)
        judgement = engine.judge(findings)
    stamp = engine.stamps(findings)
    try:
        with corpus.session() as s, s.begin():
            article = store_article(s, item, findings, judgement, stamp, run_id)
    except IntegrityError:  # another writer stored the same article first (PostgreSQL, several writers)
        with corpus.session() as s, s.begin():
            if s.get(t.Article, item.article_id) is None:
                raise
            s.merge(t.Input(hash=item.input_hash, article_id=item.article_id, source=item.raw.source,
                            url=item.raw.url, run_id=run_id))
        return "known"
    return "near-duplicate" if article._group is not None else "added"


def write_copy(corpus, item: Work, run_id: int | None) -> bool:
    """Store an exact body copy under its own URL from the findings of the stored original."""
    with corpus.session() as s, s.begin():
        original = s.scalars(select(t.Article).where(t.Article.content_hash == item.body_hash)
                             .order_by(t.Article.ingested).limit(1)).first()
        if original is None:
            return False
        findings = original.report()
        ex = item.extracted
        findings.update(source=item.raw.source, url=ex.url or item.raw.url, title=ex.title or findings.get("title"),
                        authors=ex.authors or [], date=ex.date,
                        furniture=[f.model_dump(mode="json", by_alias=True) for f in ex.furniture],
                        publisher={"name": ex.publisher, "domain": ex.hostname, "url": ex.url, "ratings": [],
                                   "producer": findings.get("publisher", {}).get("producer")})
        store_article(s, item, findings, engine.judge(findings), original.stamps, run_id, exact_of=original.id)
    return True
