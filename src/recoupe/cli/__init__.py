"""The ``recoupe`` command line: analyse articles, print the schema, look up sources, evaluate."""

from __future__ import annotations

import importlib
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from recoupe.ingest import DEFAULT_MAX_BYTES, Failed, iter_paths
from recoupe.model import Analysis

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cross-check news articles.")
stdout = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 120)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)  # one-line messages stay one line


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


def _size(text: str) -> int:
    """``3GB``, ``500M``, ``2048`` (bytes) -> bytes."""
    units = {"": 1, "B": 1, "K": 2**10, "KB": 2**10, "M": 2**20, "MB": 2**20, "G": 2**30, "GB": 2**30}
    text = text.strip().upper()
    number = text.rstrip("KMGB")
    try:
        return int(float(number) * units[text[len(number):]])
    except (ValueError, KeyError):
        raise typer.BadParameter(f"not a size: {text!r} (e.g. 3GB, 500MB)") from None


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories, JSONL corpora, or '-' for standard input."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (readable), json (array) or jsonl."),
    lang: str = typer.Option(None, "--lang", help="Force the language (fr, en) instead of detecting it."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse inputs larger than this (an input over 20 million characters is refused whatever this says; an article over 3 million after extraction too)."),
    output: Path = typer.Option(None, "--output", "-o",
                                help="Write the reports here (through a temporary file renamed at the end)."),
    resume: bool = typer.Option(False, "--resume", help="With -o and -f json/jsonl: keep the reports already "
                                "in the output, skip their sources, and append each new report as it is ready."),
    genre: bool = typer.Option(True, "--genre/--no-genre", help="Genre classification."),
    persuasion: bool = typer.Option(True, "--persuasion/--no-persuasion", help="Persuasion techniques."),
    triggers: bool = typer.Option(True, "--triggers/--no-triggers",
                                  help="The phrase that triggered each persuasion technique (about 10-20 ms per article)."),
    credibility: bool = typer.Option(True, "--credibility/--no-credibility", help="Credibility signals and grade."),
    time_budget: float = typer.Option(300.0, "--time-budget", help="Seconds one document may take (0: no limit); "
                                      "over it the document fails and the batch goes on."),
    max_memory: str = typer.Option(None, "--max-memory", help="Memory ceiling of the process (e.g. 3GB); a document "
                                   "that takes it over fails and the batch goes on."),
) -> None:
    """Analyse articles: furniture, entities, quotes, hedges, claims, source chain, credibility."""
    from recoupe.cli.output import Interrupted, ReportWriter, SignalGuard
    from recoupe.pipeline import Options, analyze_many
    from recoupe.report import render, terminal_safe

    if resume and (output is None or format is Format.text):
        raise typer.BadParameter("--resume needs --output and --format json or jsonl")
    options = Options(genre=genre, persuasion=persuasion, persuasion_triggers=triggers, credibility=credibility,
                      max_bytes=max_bytes, time_budget=time_budget or None,
                      memory_ceiling=_size(max_memory) if max_memory else None)

    def render_to(analysis: Analysis, out) -> None:
        render(analysis, stdout if out is sys.stdout else Console(file=out, highlight=False, width=120))

    try:
        writer = ReportWriter(format.value, output, append=resume, render=render_to)
    except OSError as exc:
        stderr.print(f"error: cannot write {escape(str(output))}: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from None
    done = getattr(writer, "done", set())
    failures = skipped = 0
    expected = _count_hint(paths)
    show_progress = (expected is None or expected > 1) and stderr.is_terminal
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=stderr, disable=not show_progress)

    def pending():
        nonlocal skipped
        for item in iter_paths(paths, max_bytes=max_bytes):
            if done and not isinstance(item, Failed) and item.source in done:
                skipped += 1
                continue
            yield item

    interrupted = None
    try:
        with SignalGuard() as guard, progress:
            task = progress.add_task("", total=expected)
            try:
                for result in analyze_many(pending(), lang=lang, options=options):
                    progress.advance(task)
                    if isinstance(result, Failed):
                        failures += 1
                        print(f"error: {terminal_safe(result.source)}: {terminal_safe(result.error)}",
                              file=sys.stderr, flush=True)
                        continue
                    progress.update(task, description=escape(terminal_safe(Path(result.source or "").name[:40])))
                    with guard.writing_block():
                        writer.write(result)
            except Interrupted as exc:
                interrupted = exc
            with guard.writing_block():
                writer.close()
    except OSError as exc:  # the output cannot be written (disk full, removed directory)
        writer.abandon()
        stderr.print(f"error: cannot write the reports: {escape(exc.strerror or str(exc))}")
        raise typer.Exit(2) from None
    except BaseException:
        writer.abandon()
        raise
    where = escape(terminal_safe(str(output))) if output else None
    if skipped:
        stderr.print(f"{skipped} document(s) already in {where}: skipped")
    if interrupted is not None:
        what = f"; the reports so far are in {where} (continue with --resume)" if where else ""
        stderr.print(f"interrupted by {interrupted}{what}")
        raise typer.Exit(128 + interrupted.signum)
    if output:
        stderr.print(f"reports written to {where}")
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
    from recoupe.report import render, terminal_safe

    out_dir.mkdir(parents=True, exist_ok=True)
    demo_dir = resources.files("recoupe.resources").joinpath("demo")
    paths = sorted(str(p) for p in Path(str(demo_dir)).glob("*.*") if p.suffix in (".txt", ".html"))
    jsonl = out_dir / "reports.jsonl"
    text = out_dir / "reports.txt"
    with jsonl.open("w", encoding="utf-8") as fj, text.open("w", encoding="utf-8") as ft:
        console = Console(file=ft, highlight=False, width=110)
        for result in analyze_many(iter_paths(paths)):
            if isinstance(result, Failed):
                print(f"error: {terminal_safe(result.source)}: {terminal_safe(result.error)}", file=sys.stderr, flush=True)
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
