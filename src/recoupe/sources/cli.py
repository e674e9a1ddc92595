"""``recoupe sources``: look an outlet up in every list, import a list, see what is loaded."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from recoupe.report import escape, terminal_safe
from recoupe.sources.registry import FORMATS, ListIdError, build_shipped, get_registry, import_rating_list

app = typer.Typer(help="Publisher rating lists (Décodex, MBFC, idiap golden truth, Lin et al., your own).",
                  no_args_is_help=True)
console = Console()
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one-line messages stay one line


@app.command()
def lookup(query: str = typer.Argument(..., metavar="NAME_OR_URL"),
           as_json: bool = typer.Option(False, "--json", help="Print the match as JSON.")) -> None:
    """What every loaded list says about an outlet (name, domain, URL or social account)."""
    registry = get_registry()
    match = registry.lookup(query)
    if as_json:
        typer.echo(json.dumps(match.to_dict() if match else None, ensure_ascii=False, indent=2))
        raise typer.Exit(0 if match else 1)
    if match is None:
        console.print(f"[yellow]No list knows {query!r}.[/yellow] Loaded lists: {', '.join(registry.lists)}")
        raise typer.Exit(1)
    console.print(f"[bold]{match.name or match.domain}[/bold]  {match.domain}  (matched by {match.matched_by})")
    table = Table("list", "label (native scale)", "score 0-1", "date", "note")
    rated = {r.list for r in match.ratings}
    for rating in match.ratings:
        score = "" if rating.score is None else f"{rating.score:.2f}"
        table.add_row(rating.list, rating.label or "", score, rating.date or "", (rating.note or "")[:90])
    for list_id in registry.lists:
        if list_id not in rated:
            table.add_row(list_id, "[dim]not rated[/dim]", "", "", "")
    console.print(table)
    for domain, ratings in match.related.items():
        summary = ", ".join(f"{r.list} {r.label}" for r in ratings) or "unrated"
        console.print(f"  same name, other domain (may be unrelated): {domain}: {summary}")
    if match.alternatives:
        console.print(f"  the name could also mean: {', '.join(match.alternatives[:5])}")


@app.command("import")
def import_(file: Path = typer.Argument(..., exists=True, dir_okay=False),
            fmt: str = typer.Option(..., "--format", help="|".join(FORMATS)),
            list_id: str = typer.Option(None, "--id", help="List id for csv/json user lists (default: the list's "
                                        "own id, else the file name): lower-case letters, digits, '-' and '_'."),
            replace: bool = typer.Option(False, "--replace", help="Allow an id that is a shipped list's (mbfc, "
                                         "golden, lin): your list is then used instead of it.")
            ) -> None:
    """Convert a rating list once into the local store ($RECOUPE_HOME/ratings/)."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    try:
        imported = import_rating_list(file, fmt, list_id, replace=replace)
    except ListIdError as exc:
        err.print(f"error: {escape(terminal_safe(exc))}")
        raise typer.Exit(2) from None
    get_registry.cache_clear()
    if imported.replaced == "shipped":
        console.print(f"[yellow]list {escape(imported.list_id)} replaces the shipped list of the same id[/yellow]")
    elif imported.replaced == "imported":
        console.print(f"list {escape(imported.list_id)} replaces your earlier import of it")
    console.print(f"imported {escape(terminal_safe(file))} as {escape(terminal_safe(imported.path))}")


@app.command("lists")
def lists() -> None:
    """Loaded lists with their counts, licences, dates and scales."""
    table = Table("list", "outlets", "date", "licence", "native scale -> 0-1")
    for rating_list in get_registry().lists.values():
        table.add_row(rating_list.id, str(len(rating_list.ratings)), rating_list.date or "unknown",
                      rating_list.licence, rating_list.scale)
    console.print(table)


@app.command("build-shipped", hidden=True)
def build(shared_dir: Path = typer.Argument(Path("../shared/data/reliability"))) -> None:
    """Maintainers: regenerate the shipped lists from the raw, licence-compatible files."""
    for path in build_shipped(shared_dir):
        console.print(f"wrote {path}")
