"""Crash safety with real processes: ``recoupe ingest`` killed with SIGKILL mid-run, then the same
command again, leaves every article exactly once and nothing half-written — on SQLite and on a
real PostgreSQL server started by the test suite (pgserver). Also ingest and re-ingest on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from recoupe.corpus import Corpus
from recoupe.corpus import store as t
from recoupe.paths import shared_dir

N_ARTICLES = 10
SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL 16 (pgserver ships the binaries; as root it runs the server as its own
    unprivileged user), stopped and removed at the end of the session.

    Its data directory is not under pytest's temporary tree: pytest keeps ``/tmp/pytest-of-<user>``
    private (0700) and re-asserts it when a session starts, which locks the server's own user out
    of its files mid-run (seen with two test sessions on one machine)."""
    pgserver = pytest.importorskip("pgserver", reason="pgserver not installed (pip install '.[test]')")
    root = Path(tempfile.mkdtemp(prefix="recoupe-pg-"))
    root.chmod(0o755)
    server = pgserver.get_server(root / "pgdata", cleanup_mode="stop")
    try:
        yield server
    finally:
        server.cleanup()
        shutil.rmtree(root, ignore_errors=True)


def _new_pg_database(server) -> str:
    """A fresh database on the session's server, so each test starts empty."""
    uri = server.get_uri()
    name = "t_" + uuid.uuid4().hex[:10]
    admin = create_engine(uri.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    base, _, query = uri.partition("?")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'corpus.db'}"
    return _new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="module")
def articles_dir(tmp_path_factory):
    source = shared_dir() / "data" / "genre" / "semeval2023t3" / "fr" / "articles"
    if not source.is_dir():
        pytest.skip(f"../shared absent: {source} not available (real articles for the crash test)")
    target = tmp_path_factory.mktemp("articles")
    for path in sorted(source.glob("*.txt"))[:N_ARTICLES]:
        shutil.copy(path, target / path.name)
    return target


def _ingest_cmd(db: str, directory: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "recoupe", "ingest", str(directory), "--db", db, "--format", "json", *extra]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _count(db: str) -> int:
    c = Corpus(db, upgrade=False)
    try:
        with c.session() as s:
            return s.scalar(select(func.count()).select_from(t.Article))
    except Exception:  # schema not created yet by the child
        return 0
    finally:
        c.close()


def _check_whole(c: Corpus) -> None:
    """Nothing half-written: every article has its input, its judgement, its LSH bands, and exactly
    the findings rows its stored report lists; no row points at a missing article."""
    with c.session() as s:
        ids = set(s.scalars(select(t.Article.id)))
        for model in (t.Input, t.Entity, t.Mention, t.Quote, t.Hedge, t.Claim, t.ChainLink, t.Judgement, t.LshBand):
            assert set(s.scalars(select(model.article_id).distinct())) <= ids, model.__tablename__
        assert set(s.scalars(select(t.Input.article_id))) == ids
        assert set(s.scalars(select(t.Judgement.article_id))) == ids
        for a in s.scalars(select(t.Article)):
            for model, key in ((t.Entity, "entities"), (t.Quote, "quotes"), (t.Claim, "claims"), (t.Hedge, "hedges")):
                n = s.scalar(select(func.count()).select_from(model).where(model.article_id == a.id))
                assert n == len(a.findings[key]), (a.id, key)
            assert s.scalar(select(func.count()).select_from(t.LshBand).where(t.LshBand.article_id == a.id)) > 0


@pytest.mark.slow
@pytest.mark.shared
def test_sigkill_mid_ingest_then_resume(db_url, articles_dir):
    Corpus(db_url).close()  # create the schema first, so the count can be polled
    child = subprocess.Popen(_ingest_cmd(db_url, articles_dir), env=_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    try:
        while _count(db_url) < 3 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert child.poll() is None, "the ingest finished before it could be killed: " + child.stderr.read().decode()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL
    c = Corpus(db_url)
    killed_at = c.count()
    assert 3 <= killed_at < N_ARTICLES
    _check_whole(c)

    done = subprocess.run(_ingest_cmd(db_url, articles_dir), env=_env(), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    assert c.count() == N_ARTICLES
    _check_whole(c)
    rows = c.stats()
    assert rows["inputs"] == N_ARTICLES and rows["failures"] == 0
    assert [r["status"] for r in c.runs()][:1] == ["done"]

    again = subprocess.run(_ingest_cmd(db_url, articles_dir), env=_env(), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert '"known": %d' % N_ARTICLES in again.stdout
    assert c.stats() == rows
    c.close()


def test_postgresql_ingest_and_reingest(pg_server):
    """The same store code on PostgreSQL: schema by migration, articles, findings, re-ingest adds nothing."""
    from importlib import resources

    from recoupe.ingest import iter_paths

    url = _new_pg_database(pg_server)
    demo = Path(str(resources.files("recoupe.resources").joinpath("demo")))
    paths = sorted(str(p) for p in demo.glob("*.txt"))
    c = Corpus(url)
    assert c.engine.dialect.name == "postgresql"
    first = c.ingest(iter_paths(paths))
    assert (first.added, first.failed) == (len(paths), 0)
    rows = c.stats()
    again = c.ingest(iter_paths(paths))
    assert (again.added, again.known) == (0, len(paths))
    assert c.stats() == rows
    assert rows["entities"] > 0 and rows["claims"] > 0
    _check_whole(c)
    assert c.articles(language="fr") and c.regrade()["judged"] == 0
    c.close()


@pytest.mark.slow
@pytest.mark.shared
def test_dask_workers_write_to_postgresql_and_survive_a_killed_worker(pg_server, articles_dir):
    """With PostgreSQL the workers commit their own articles; one SIGKILLed mid-batch (possibly
    inside a transaction) leaves every article exactly once."""
    from recoupe.batch import DaskBackend
    from recoupe.corpus.ingest import ingest
    from recoupe.ingest import iter_paths

    url = _new_pg_database(pg_server)
    c = Corpus(url)
    backend = DaskBackend(workers=2, chunk=1, store_url=c.url)
    assert backend.store_url is not None
    victim = sorted(backend.client.run(os.getpid).values())[0]
    killed = []

    def on_event(kind, source, detail):
        if kind == "added" and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    stats = ingest(c, iter_paths([str(articles_dir)]), backend=backend, on_event=on_event)
    assert killed and stats.failed == 0, stats.errors
    assert stats.added + stats.known == N_ARTICLES
    assert c.count() == N_ARTICLES
    _check_whole(c)
    with c.session() as s:  # written by the workers, in the ingest's run
        assert set(s.scalars(select(t.Article.run_id))) == {stats.run_id}
    c.close()
