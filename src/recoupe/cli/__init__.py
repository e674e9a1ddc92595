"""The ``recoupe`` command line: analyse articles, print the schema, look up sources, evaluate."""

from __future__ import annotations

import importlib
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from recoupe.ingest import DEFAULT_MAX_BYTES, Failed, iter_paths
from recoupe.model import Analysis

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cross-check news articles.")
stdout = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120)
stderr = Console(stderr=True, highlight=False)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _sources_app():
    try:
        from recoupe.sources.cli import app as sources_app
    except ImportError:
        return None
    return sources_app


if (_sources := _sources_app()) is not None:
    app.add_typer(_sources, name="sources", help="Rating lists: look up, import, list.")

# Command groups that live in their own module of this package, each exposing ``register(app)``:
# corpus (ingest, articles, show, regrade, db), crosscheck (stories, story, claims, graph, export),
# serve (the REST API and web UI).
COMMAND_GROUPS = ("recoupe.cli.corpus", "recoupe.cli.crosscheck", "recoupe.cli.serve")
for _module in COMMAND_GROUPS:
    try:
        importlib.import_module(_module).register(app)
    except ModuleNotFoundError as _exc:
        if _exc.name != _module:
            raise


def _count_hint(paths: list[str]) -> int | None:
    """Documents to expect, for the progress bar (None when a directory or stdin hides it)."""
    if any(p == "-" or Path(p).is_dir() or p.endswith((".jsonl", ".ndjson")) for p in paths):
        return None
    return len(paths)


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories, JSONL corpora, or '-' for standard input."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (readable), json (array) or jsonl."),
    lang: str = typer.Option(None, "--lang", help="Force the language (fr, en) instead of detecting it."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse inputs larger than this."),
    output: Path = typer.Option(None, "--output", "-o", help="Write the reports here instead of stdout."),
    genre: bool = typer.Option(True, "--genre/--no-genre", help="Genre classification."),
    persuasion: bool = typer.Option(True, "--persuasion/--no-persuasion", help="Persuasion techniques."),
    triggers: bool = typer.Option(True, "--triggers/--no-triggers",
                                  help="The phrase that triggered each persuasion technique (about 10-20 ms per article)."),
    credibility: bool = typer.Option(True, "--credibility/--no-credibility", help="Credibility signals and grade."),
) -> None:
    """Analyse articles: furniture, entities, quotes, hedges, claims, source chain, credibility."""
    from recoupe.pipeline import Options, analyze_many

    options = Options(genre=genre, persuasion=persuasion, persuasion_triggers=triggers, credibility=credibility,
                      max_bytes=max_bytes)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failures = 0
    results: list[Analysis] = []
    expected = _count_hint(paths)
    show_progress = (expected is None or expected > 1) and stderr.is_terminal
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=stderr, disable=not show_progress)
    first_json = True
    with progress:
        task = progress.add_task("", total=expected)
        for result in analyze_many(iter_paths(paths, max_bytes=max_bytes), lang=lang, options=options):
            progress.advance(task)
            if isinstance(result, Failed):
                failures += 1
                print(f"error: {result.source}: {result.error}", file=sys.stderr, flush=True)
                continue
            progress.update(task, description=Path(result.source or "").name[:40])
            if format is Format.jsonl:
                out.write(result.to_json() + "\n")
            elif format is Format.json:
                out.write(("[\n" if first_json else ",\n") + result.to_json(indent=2))
                first_json = False
            else:
                results.append(result)
    if format is Format.json:
        out.write("[]\n" if first_json else "\n]\n")
    elif format is Format.text:
        from recoupe.report import render

        console = Console(file=out, highlight=False, width=120) if output else stdout
        for result in results:
            render(result, console)
    if output:
        out.close()
        stderr.print(f"reports written to {output}")
    if failures:
        stderr.print(f"{failures} document(s) failed")
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    print(json.dumps(Analysis.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))


@app.command()
def demo(
    out_dir: Path = typer.Option(Path("demo-output"), "--out", help="Where to write the demo reports."),
) -> None:
    """Analyse the bundled example articles (written for recoupe) and write their reports."""
    from importlib import resources

    from recoupe.pipeline import analyze_many
    from recoupe.report import render

    out_dir.mkdir(parents=True, exist_ok=True)
    demo_dir = resources.files("recoupe.resources").joinpath("demo")
    paths = sorted(str(p) for p in Path(str(demo_dir)).glob("*.*") if p.suffix in (".txt", ".html"))
    jsonl = out_dir / "reports.jsonl"
    text = out_dir / "reports.txt"
    with jsonl.open("w", encoding="utf-8") as fj, text.open("w", encoding="utf-8") as ft:
        console = Console(file=ft, highlight=False, width=110)
        for result in analyze_many(iter_paths(paths)):
            if isinstance(result, Failed):
                print(f"error: {result.source}: {result.error}", file=sys.stderr, flush=True)
                continue
            fj.write(result.to_json() + "\n")
            render(result, console)
            render(result, stdout)
    stdout.print(f"\n[bold]{len(paths)} demo articles analysed.[/bold] Reports: {jsonl} (JSONL), {text} (text)")


EVALUATIONS = {
    "extraction": ("recoupe.evaluation.extraction", "body extraction vs the scrapinghub benchmark and bare trafilatura"),
    "furniture": ("recoupe.evaluation.furniture", "line-level furniture separation on real pages and the seeds"),
    "genre": ("recoupe.evaluation.genre", "genre, satire and persuasion models vs n-gram baselines"),
    "checkworthy": ("recoupe.evaluation.checkworthy", "check-worthiness on CLEF CheckThat! 2024 English"),
    "quotes": ("recoupe.evaluation.quotes", "quotes and hedges on French SemEval articles (for a human read)"),
    "ranking": ("recoupe.evaluation.ranking", "credibility ordering vs the rating lists"),
    "attribution": ("recoupe.evaluation.attribution", "quotes, speakers, hedges and cited sources vs the attribution gold"),
    "similarity": ("recoupe.evaluation.similarity", "article similarity, same story and translations on SemEval-2022 Task 8"),
    "claims": ("recoupe.evaluation.claims", "claim matching (MAP@5) on CLEF-2020 CheckThat! Task 2"),
    "gate": ("recoupe.evaluation.gate", "every claimed quality figure against its floor (what CI checks)"),
}


@app.command(name="eval", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def evaluate(
    ctx: typer.Context,
    what: str = typer.Argument(..., help="One of: " + ", ".join(EVALUATIONS)),
) -> None:
    """Run an evaluation on the data in ../shared and print its scores."""
    if what not in EVALUATIONS:
        stderr.print(f"unknown evaluation {what!r}; choose from {', '.join(EVALUATIONS)}")
        raise typer.Exit(2)
    module = importlib.import_module(EVALUATIONS[what][0])
    code = module.main(list(ctx.args))
    raise typer.Exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    app()
