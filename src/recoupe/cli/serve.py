"""``recoupe serve``: the REST API and the web UI on one port."""

from __future__ import annotations

import os
import re

import typer

from recoupe.service.settings import DEFAULT_MAX_REQUEST_BYTES


def serve(
    db: str = typer.Option(None, "--db", envvar="RECOUPE_DB", help="Corpus store URL (the CLI's corpus)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str = typer.Option(None, "--token", envvar="RECOUPE_TOKEN", show_envvar=True,
                              help="Token required for writes; needed for writes on a non-loopback address."),
    cors_origin: list[str] = typer.Option([], "--cors-origin", help="Allow this origin (repeatable); no CORS otherwise."),
    max_request_bytes: int = typer.Option(DEFAULT_MAX_REQUEST_BYTES, "--max-request-bytes", help="Largest request body."),
    batch: int = typer.Option(4, "--batch", min=1, help="Analyses waiting together run as one batch of at most N."),
) -> None:
    """Serve the /v1 API (OpenAPI at /openapi.json, docs at /docs) and the web UI."""
    import uvicorn

    from recoupe.service import ServiceSettings, create_app
    from recoupe.service.settings import is_loopback

    settings = ServiceSettings(host=host, port=port, db=db, token=token or None, cors_origins=list(cors_origin),
                               max_request_bytes=max_request_bytes, batch=batch)
    if not is_loopback(host) and not settings.token:
        typer.echo(f"warning: listening on {host} without a token: writes (analyses, ingestion) are refused; "
                   "start with --token or RECOUPE_TOKEN to allow them", err=True)
    try:
        app = create_app(settings)
    except Exception as exc:  # a bad --db URL, an unreachable database: one line, not a traceback
        first = str(exc).splitlines()[0] if str(exc) else ""
        where = re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", db) if db else "the default location"
        typer.echo(f"error: cannot open the corpus at {where}: {type(exc).__name__}: {first}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"recoupe: http://{'[' + host + ']' if ':' in host else host}:{port}/  (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("RECOUPE_LOG_LEVEL", "info"), server_header=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
