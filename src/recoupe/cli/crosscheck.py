"""Cross-checking commands: ``stories``, ``story ID``, ``claims --story ID``, ``graph``, ``export``.

Each takes ``--db``; listings take ``--format text|json|jsonl``. ``stories`` first assigns the
articles ingested since the last call to stories (incrementally), so the listing is current.
Article text is hostile: the text output escapes it (``recoupe.cli.corpus._safe``).
"""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path

import typer
from rich.table import Table

from recoupe.cli.corpus import DB, FORMAT, Format, _emit, _open, _safe, stderr, stdout


class ExportFormat(str, Enum):
    json = "json"
    csv = "csv"
    claimreview = "claimreview"
    gexf = "gexf"
    graphml = "graphml"


def register(app: typer.Typer) -> None:
    app.command()(stories)
    app.command()(story)
    app.command()(claims)
    app.command()(graph)
    app.command()(export)


def _fail(exc: Exception) -> None:
    stderr.print(f"error: {_safe(str(exc))}")
    raise typer.Exit(1)


def stories(db: str = DB, format: Format = FORMAT,
            limit: int = typer.Option(100, "--limit", "-n", help="At most this many stories (0: all).")) -> None:
    """Stories across outlets and languages, largest first (new articles are assigned first)."""
    from recoupe.corpus import crosscheck as cc

    corpus = _open(db)
    added = cc.update_stories(corpus)
    if added and format is Format.text:
        stderr.print(f"{added} new article(s) assigned to stories")
    rows = cc.stories(corpus, limit=limit or None)
    table = Table("id", "articles", "languages", "first seen", "title", box=None)
    _emit(rows, format, table, lambda r: (r["id"], str(r["articles"]), ",".join(r["languages"]),
                                          _safe(r["first_seen"] or "", 10), _safe(r["title"], 70)))


def story(story_id: str = typer.Argument(..., help="A story id or a unique prefix."), db: str = DB,
          format: Format = FORMAT) -> None:
    """One story: its articles and its independent origins (relays under each)."""
    from recoupe.corpus import crosscheck as cc

    corpus = _open(db)
    try:
        s = cc.story(corpus, story_id)
    except Exception as exc:  # unknown id: one line
        _fail(exc)
    if format is not Format.text:
        print(json.dumps(s, ensure_ascii=False, indent=2 if format is Format.json else None, default=str))
        return
    stdout.print(f"[bold]{_safe(s['title'])}[/bold]  ({s['id']}, {', '.join(s['languages'])}, first seen "
                 f"{_safe(s['first_seen'] or 'unknown')})")
    for a in s["articles"]:
        stdout.print(f"  {a['id'][:12]}  {a['language']}  {_safe(a['outlet'] or '?', 30)}  {_safe(a['url'] or '', 80)}")
    stdout.print(f"[bold]{len(s['origins'])} independent origin(s)[/bold]")
    for o in s["origins"]:
        rated = ", ".join(f"{r['list']}: {r.get('label')}" for r in o["ratings"][:3]) or "unrated"
        stdout.print(f"  {_safe(o['name'] or '?')} ({_safe(o['domain'] or 'no domain')}; {_safe(rated)}) — "
                     f"{len(o['articles'])} article(s): {_safe(o['reason'])}")
        for relay in o["relays"]:
            via = f" via {_safe(', '.join(relay['via']))}" if relay["via"] else ""
            stdout.print(f"      {_safe(relay['outlet'] or '?')}{via}")


def claims(story_id: str = typer.Option(..., "--story", help="The story whose claims to corroborate."),
           db: str = DB, format: Format = FORMAT) -> None:
    """A story's claims matched across articles and languages, with their independent origins."""
    from recoupe.corpus import crosscheck as cc

    corpus = _open(db)
    try:
        rows = cc.story_claims(corpus, story_id)
    except Exception as exc:
        _fail(exc)
    table = Table("origins", "articles", "first", "conflicts", "claim", box=None)
    _emit(rows, format, table, lambda c: (
        str(c["origin_count"]), str(len(c["articles"])), _safe(c["first_appearance"]["outlet"] or "?", 20),
        "yes" if c["conflicting_numbers"] or c["denials"] else "", _safe(c["claim"], 90)))


def graph(db: str = DB, format: Format = FORMAT,
          story_id: str = typer.Option(None, "--story", help="Only this story's articles.")) -> None:
    """The relation graph: entity pairs, predicate, status and independent origins behind each edge."""
    from recoupe.corpus import crosscheck as cc

    corpus = _open(db)
    try:
        g = cc.graph(corpus, story_id)
    except Exception as exc:
        _fail(exc)
    names = {k: n["name"] for k, n in g.nodes.items()}
    rows = [{**e, "source_name": names[e["source"]], "target_name": names[e["target"]]} for e in g.edges]
    table = Table("subject", "predicate", "object", "status", "origins", box=None)
    _emit(rows, format, table, lambda e: (_safe(e["source_name"], 30), e["predicate"], _safe(e["target_name"], 30),
                                          e["status"], str(e["independent_origins"])))


def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="json, csv, claimreview, gexf or graphml."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (a directory for csv)."),
    db: str = DB,
    story_id: str = typer.Option(None, "--story", help="Only this story (required for claimreview)."),
    claim: list[int] = typer.Option(None, "--claim", help="claimreview: which of the story's claims (index in "
                                                          "`recoupe claims --story`), repeatable; default all."),
    author: str = typer.Option(None, "--author", help="claimreview: the fact-checking organisation "
                                                      "(default $RECOUPE_CLAIMREVIEW_AUTHOR)."),
    author_url: str = typer.Option(None, "--author-url", help="claimreview: the organisation's URL."),
) -> None:
    """Export stories, findings or the relation graph."""
    from recoupe.corpus import crosscheck as cc
    from recoupe.corpus import export as ex

    corpus = _open(db)
    try:
        if format is ExportFormat.csv:
            ids = cc._members(corpus, cc.resolve_story(corpus, story_id)) if story_id else None
            with corpus.session() as s:
                from sqlalchemy import select

                from recoupe.corpus import store as t

                q = select(t.Article)
                if ids is not None:
                    q = q.where(t.Article.id.in_(ids))
                reports = [(a.id, a.report()) for a in s.scalars(q).all()]
            files = ex.write_csv(reports, output)
            stderr.print(f"{len(files)} CSV files written to {output}")
            return
        if format is ExportFormat.claimreview:
            if not story_id:
                raise ValueError("claimreview needs --story")
            name = author or os.environ.get("RECOUPE_CLAIMREVIEW_AUTHOR")
            found = cc.story_claims(corpus, story_id)
            chosen = [found[i] for i in claim] if claim else found
            recs = {r.id: r for r in cc.records(corpus, cc._members(corpus, cc.resolve_story(corpus, story_id)))}
            docs = [ex.claimreview(c, recs, {"name": name, **({"url": author_url} if author_url else {})})
                    for c in chosen]
            output.write_text(ex.to_json(docs), encoding="utf-8")
        elif format in (ExportFormat.gexf, ExportFormat.graphml):
            g = cc.graph(corpus, story_id)
            text = ex.to_gexf(g) if format is ExportFormat.gexf else ex.to_graphml(g)
            (ex.validate_gexf if format is ExportFormat.gexf else ex.validate_graphml)(text)
            output.write_text(text, encoding="utf-8")
        else:
            cc.update_stories(corpus)
            listing = cc.stories(corpus, limit=None)
            if story_id:
                listing = [s for s in listing if s["id"] == cc.resolve_story(corpus, story_id)]
            data = {"stories": [cc.story(corpus, s["id"]) for s in listing], "graph": cc.graph(corpus, story_id).to_dict()}
            output.write_text(ex.to_json(data), encoding="utf-8")
    except IndexError:
        _fail(ValueError("--claim index out of range"))
    except (ValueError, LookupError) as exc:
        _fail(exc)
    except Exception as exc:
        from recoupe.corpus.api import CorpusError

        if isinstance(exc, CorpusError):
            _fail(exc)
        raise
    stderr.print(f"written to {output}")
