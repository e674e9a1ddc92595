"""``create_app(settings)``: one FastAPI app serving the /v1 API and the web UI."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware

import recoupe
from recoupe.service import (api_analyze, api_corpus, api_crosscheck, api_examples, api_meta, api_sources, pages,
                             problems)
from recoupe.service.corpus_access import update_stories
from recoupe.service.engine import Engine
from recoupe.service.guards import HostCheck, SecurityHeaders, SizeLimit
from recoupe.service.settings import ServiceSettings

DESCRIPTION = """recoupe reads news articles the way a verification desk does: furniture, entities,
quotes and speakers, hedges, check-worthy claims, the source chain and what the rating lists say.
Errors are problem details (RFC 9457). Writes (analyses, ingestion) need `Authorization: Bearer
<token>` when the server was started with a token or listens on a non-loopback address."""


def create_app(settings: ServiceSettings | None = None, *, engine: Engine | None = None, corpus=None) -> FastAPI:
    """The app. ``corpus``: an open ``Corpus`` to serve; else the one at ``settings.db`` (default: the
    CLI's, ``$RECOUPE_DB`` or ``$RECOUPE_HOME/corpus.db``) unless ``settings.corpus`` is False."""
    settings = settings or ServiceSettings()
    owns_engine = engine is None  # an engine given by the caller (tests, several apps) is the caller's to close
    engine = engine or Engine(max_pending=settings.max_pending, batch=settings.batch)
    if corpus is None and settings.corpus:
        from recoupe.corpus import Corpus

        corpus = Corpus(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warm:
            engine.warm()
        if corpus is not None and settings.warm:
            engine.submit(update_stories, corpus)  # articles the CLI ingested join their stories
        yield
        if owns_engine:
            engine.close()
        if getattr(app.state, "fetcher", None) is not None:
            app.state.fetcher.close()

    app = FastAPI(title="recoupe", version=recoupe.__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.engine = engine
    app.state.corpus = corpus
    app.state.fetcher = None
    problems.install(app)

    for router in (api_meta.router, api_analyze.router, api_corpus.router, api_crosscheck.router, api_sources.router,
                   api_examples.router, pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")

    # Outermost last: security headers wrap everything, including the size limit's 413.
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-Recoupe-Token"])
    hosts = settings.trusted_hosts()
    if hosts is not None:
        app.add_middleware(HostCheck, allowed=hosts)
    app.add_middleware(SizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    return app
