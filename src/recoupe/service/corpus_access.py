"""What the corpus and cross-check routes share: the served corpus, its lookup errors as 404s,
and assigning new articles to stories (both ingest and the stories routes do it)."""

from __future__ import annotations

from fastapi import Request

from recoupe.service.problems import ProblemError


def corpus_of(request: Request):
    corpus = getattr(request.app.state, "corpus", None)
    if corpus is None:
        raise ProblemError(404, "this server has no corpus (start it with --db)", slug="no-corpus")
    return corpus


def answer(call, *args, slug: str, **kw):
    """``call(*args, **kw)`` with the corpus's own lookup errors (unknown or ambiguous id) as 404s:
    the corpus resolves ids and prefixes itself, so a route does not look the id up twice."""
    from recoupe.corpus.api import CorpusError

    try:
        return call(*args, **kw)
    except CorpusError as exc:
        raise ProblemError(404, str(exc), slug=slug) from None


def update_stories(analyzer, corpus) -> int:
    """New articles join a story or start one (run on the engine's thread: the encoder runs)."""
    from recoupe.corpus import crosscheck

    return crosscheck.update_stories(corpus)


async def assign_stories(request: Request) -> int:
    corpus = corpus_of(request)
    return await request.app.state.engine.run(lambda analyzer: update_stories(analyzer, corpus))
