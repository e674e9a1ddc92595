"""Corpus commands: ``ingest``, ``articles``, ``show``, ``regrade``, ``duplicates``, ``failures``, ``db upgrade``.

Each takes ``--db`` (default ``$RECOUPE_DB``, else ``$RECOUPE_HOME/corpus.db``); each listing takes
``--format text|json|jsonl``. Article text is hostile: everything printed from it goes through
``_safe`` (rich markup escaped, control characters removed).
"""

from __future__ import annotations

import json
import re
import sys
import time
from enum import Enum

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

stdout = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 140)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)  # one-line messages stay one line

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


DB = typer.Option(None, "--db", help="Database URL or SQLite path (default $RECOUPE_DB, else $RECOUPE_HOME/corpus.db).")
FORMAT = typer.Option(Format.text, "--format", "-f", help="text (readable), json or jsonl.")


def _safe(text, width: int | None = None) -> str:
    text = "" if text is None else _CONTROL.sub(" ", str(text))
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return escape(text)


def _open(db: str | None):
    from recoupe.corpus import Corpus

    try:
        return Corpus(db)
    except Exception as exc:  # a bad URL, an unreachable server: one line, not a traceback
        stderr.print(f"error: cannot open the corpus at {_safe(db or 'the default location')}: "
                     f"{_safe(type(exc).__name__)}: {_safe(str(exc).splitlines()[0] if str(exc) else '')}")
        raise typer.Exit(2) from None


def _emit(rows: list[dict], format: Format, table: Table | None = None, render_row=None) -> None:
    if format is Format.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif format is Format.jsonl:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False, default=str))
    else:
        for row in rows:
            table.add_row(*render_row(row))
        stdout.print(table)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(articles)
    app.command()(show)
    app.command()(regrade)
    app.command()(duplicates)
    app.command()(failures)
    db_app = typer.Typer(no_args_is_help=True, help="The corpus database: migrations and status.")
    db_app.command("upgrade")(db_upgrade)
    db_app.command("status")(db_status)
    app.add_typer(db_app, name="db")


def ingest(
    paths: list[str] = typer.Argument(None, help="Files, directories, JSONL, WARC(.gz), feed files (.rss/.atom/.xml), "
                                                 "http(s) URLs, or '-' for standard input."),
    urls: str = typer.Option(None, "--urls", help="A file of URLs to fetch, one per line."),
    feed: list[str] = typer.Option(None, "--feed", help="An RSS/Atom feed (file or URL); repeatable."),
    fetch: bool = typer.Option(False, "--fetch", help="Fetch feed entries' pages instead of using the feed's text."),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="Allow fetching loopback, private and link-local addresses."),
    db: str = DB,
    workers: int = typer.Option(0, "--workers", "-w", help="Analyse on a local Dask cluster of N worker processes."),
    scheduler: str = typer.Option(None, "--scheduler", help="Use an existing Dask cluster (tcp://HOST:8786)."),
    lang: str = typer.Option(None, "--lang", help="Force the language instead of detecting it."),
    reanalyze: bool = typer.Option(False, "--reanalyze", help="Replace reports made by an older analyser version."),
    max_bytes: int = typer.Option(20 * 1024 * 1024, "--max-bytes", help="Refuse inputs larger than this."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Summary as text or json."),
) -> None:
    """Analyse articles into the corpus: idempotent (re-ingesting adds nothing), resumable after a crash."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from recoupe.ingest.inputs import iter_inputs

    if not (paths or urls or feed):
        stderr.print("error: nothing to ingest (give paths, URLs, --urls FILE or --feed)")
        raise typer.Exit(2)
    corpus = _open(db)
    items = iter_inputs(paths or [], urls_file=urls, feeds=feed or [], fetch=fetch, allow_private=allow_private,
                        max_bytes=max_bytes)
    progress = Progress(TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(), TimeRemainingColumn(),
                        TextColumn("[red]{task.fields[failed]} failed"), console=stderr,
                        disable=not stderr.is_terminal)
    state = {"failed": 0, "done": 0, "start": time.perf_counter()}
    task = progress.add_task("", total=None, rate=0.0, failed=0)

    def on_event(kind: str, source: str, detail: str | None) -> None:
        state["done"] += 1
        if kind == "failed":
            state["failed"] += 1
            print(f"error: {_CONTROL.sub(' ', source)}: {_CONTROL.sub(' ', detail or '')}", file=sys.stderr, flush=True)
        elapsed = max(time.perf_counter() - state["start"], 1e-6)
        progress.update(task, completed=state["done"], rate=state["done"] / elapsed, failed=state["failed"])

    command = "recoupe ingest " + " ".join(sys.argv[2:])[:2000]
    try:
        with progress:
            stats = corpus.ingest(items, workers=workers, scheduler=scheduler, lang=lang, reanalyze=reanalyze,
                                  command=command, on_event=on_event)
    except KeyboardInterrupt:
        stderr.print("interrupted: what was committed stays; run the same command again to finish")
        raise typer.Exit(130) from None
    summary = stats.to_dict() | {"db": corpus.url}
    if format is Format.text:
        stderr.print(f"{stats.added} analysed, {stats.copied} exact copies, {stats.known} already stored, "
                     f"{stats.failed} failed in {stats.seconds:.1f} s -> {_safe(corpus.url)}")
    else:
        print(json.dumps(summary, ensure_ascii=False))
    if stats.failed:
        raise typer.Exit(1)


def articles(
    db: str = DB,
    outlet: str = typer.Option(None, "--outlet", help="Domain (subdomains included) or publisher name."),
    language: str = typer.Option(None, "--language", "--lang", help="ISO 639-1 code."),
    since: str = typer.Option(None, "--since", help="Dated on or after (ISO prefix: 2024, 2024-05, 2024-05-03)."),
    until: str = typer.Option(None, "--until", help="Dated on or before (ISO prefix)."),
    grade: str = typer.Option(None, "--grade", help="Credibility grade(s) under the current ratings, e.g. D,E."),
    genre: str = typer.Option(None, "--genre", help="reporting, opinion or satire."),
    search: str = typer.Option(None, "--search", help="Words in the title."),
    limit: int = typer.Option(50, "--limit", "-n"),
    offset: int = typer.Option(0, "--offset"),
    format: Format = FORMAT,
) -> None:
    """List stored articles, newest first, filtered by outlet, language, date, grade, genre."""
    corpus = _open(db)
    rows = corpus.articles(outlet=outlet, language=language, since=since, until=until, grade=grade, genre=genre,
                           search=search, limit=limit, offset=offset)
    table = Table("id", "date", "lang", "outlet", "grade", "genre", "dup", "title", box=None, header_style="bold")
    _emit(rows, format, table, lambda r: (
        r["id"][:10], _safe(r["date"] or "", 10), r["language"], _safe(r["domain"] or r["publisher"] or "", 28),
        r["grade"] or "", r["genre"] or "", str(r["duplicate_group"] or ""), _safe(r["title"] or "(no title)", 70)))
    if format is Format.text:
        stderr.print(f"{len(rows)} article(s) shown of {corpus.count()} in {_safe(corpus.url)}")


def show(
    article_id: str = typer.Argument(..., help="Article id or a unique prefix (6+ characters)."),
    db: str = DB,
    format: Format = typer.Option(Format.text, "--format", "-f",
                                  help="text (the report), json (article and full report)."),
) -> None:
    """Show one stored article: metadata, duplicates, judgements and its full report."""
    from recoupe.corpus import CorpusError

    corpus = _open(db)
    try:
        info = corpus.article(article_id)
        report = corpus.report(info["id"])
    except CorpusError as exc:
        stderr.print(f"error: {_safe(str(exc))}")
        raise typer.Exit(1) from None
    if format is not Format.text:
        info.pop("body", None)
        info["report"] = report.model_dump(mode="json", by_alias=True)
        print(json.dumps(info, ensure_ascii=False, indent=2 if format is Format.json else None, default=str))
        return
    from recoupe.report import render

    stdout.print(f"[bold]{info['id']}[/bold]  {_safe(info['url'] or info['source'] or '')}")
    stdout.print(f"analyser {info['analyzer']}  ingested {info['ingested'][:19]}"
                 + (f"  exact copy of {info['exact_copy_of']}" if info["exact_copy_of"] else ""))
    for j in info["judgements"]:
        stdout.print(f"judged {j['grade']} ({j['score']}) under ratings {j['ratings_id']}"
                     + (" [current]" if j["current"] else ""))
    if info["duplicates"]:
        g = info["duplicates"]
        stdout.print(f"duplicate group {g['id']}: origin {g['origin']} ({_safe(g['origin_reason'])})")
        for m in g["members"]:
            stdout.print(f"  {m['relation']:<12} {m['article_id'][:10]}  {_safe(m['domain'] or '', 30)}  "
                         f"containment {m['containment']:.2f}")
    render(_sanitised(report), stdout)


def _sanitised(report):
    """The report with control characters removed from every string (render escapes markup)."""
    data = report.model_dump(mode="json", by_alias=True)

    def clean(value):
        if isinstance(value, str):
            return _CONTROL.sub(" ", value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return type(report).model_validate(clean(data))


def regrade(
    db: str = DB,
    force: bool = typer.Option(False, "--force", help="Judge every article again, even those already judged."),
    format: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Re-judge stored findings with the current ratings snapshot (no re-parsing)."""
    corpus = _open(db)
    result = corpus.regrade(force=force)
    if format is Format.text:
        stderr.print(f"{result['judged']} article(s) judged under ratings {result['ratings_id']}; "
                     f"grade changed for {result['grade_changed']}")
    else:
        print(json.dumps(result))


def duplicates(
    db: str = DB,
    limit: int = typer.Option(50, "--limit", "-n"),
    format: Format = FORMAT,
) -> None:
    """List near-duplicate groups: origin, syndicated copies and duplicates with their containment."""
    corpus = _open(db)
    groups = corpus.duplicate_groups(limit=limit)
    table = Table("group", "origin", "why", "members", box=None, header_style="bold")
    _emit(groups, format, table, lambda g: (
        str(g["id"]), g["origin"][:10], _safe(g["origin_reason"]),
        "; ".join(f"{m['relation']} {m['article_id'][:8]} {_safe(m['domain'] or '', 25)} ({m['containment']:.2f})"
                  for m in g["members"])))


def failures(
    db: str = DB,
    limit: int = typer.Option(100, "--limit", "-n"),
    format: Format = FORMAT,
) -> None:
    """List inputs that failed, with their latest error."""
    corpus = _open(db)
    rows = corpus.failures(limit=limit)
    table = Table("source", "error", "run", "attempts", box=None, header_style="bold")
    _emit(rows, format, table, lambda r: (_safe(r["source"], 60), _safe(r["error"], 80), str(r["run_id"]),
                                          str(r["attempts"])))


def db_upgrade(db: str = DB) -> None:
    """Create the corpus schema or migrate it to the latest revision (idempotent)."""
    from recoupe.corpus import Corpus
    from recoupe.corpus.migrate import upgrade

    corpus = Corpus(db, upgrade=False) if db else Corpus(upgrade=False)
    try:
        before, after = upgrade(corpus.engine)
    except Exception as exc:
        stderr.print(f"error: migration failed: {_safe(type(exc).__name__)}: {_safe(str(exc).splitlines()[0])}")
        raise typer.Exit(2) from None
    stderr.print(f"{_safe(corpus.url)}: schema {before or 'empty'} -> {after}")


def db_status(db: str = DB, format: Format = typer.Option(Format.text, "--format", "-f")) -> None:
    """Schema revision and row counts."""
    from recoupe.corpus.migrate import current, head

    corpus = _open(db)
    info = {"db": corpus.url, "revision": current(corpus.engine), "head": head(), "rows": corpus.stats(),
            "runs": corpus.runs(limit=5)}
    if format is not Format.text:
        print(json.dumps(info, ensure_ascii=False, default=str))
        return
    stdout.print(f"{_safe(info['db'])}  revision {info['revision']} (head {info['head']})")
    for name, n in info["rows"].items():
        stdout.print(f"  {name:<18} {n:>10,}")
