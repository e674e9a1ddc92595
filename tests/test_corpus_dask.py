"""Ingest on a real local Dask cluster: the same articles and findings as in one process, and a
worker killed with SIGKILL mid-batch loses nothing (its chunks are redone on the other worker)."""

from __future__ import annotations

import os
import signal
from importlib import resources
from pathlib import Path

import pytest

from recoupe.batch import DaskBackend
from recoupe.corpus import Corpus
from recoupe.corpus.ingest import ingest
from recoupe.ingest import RawDocument

DEMO = Path(str(resources.files("recoupe.resources").joinpath("demo")))


def _documents() -> list[RawDocument]:
    """Distinct real-text documents from the demo articles: each article whole, and each
    paragraph pair of the French ones as its own short piece."""
    docs = []
    for path in sorted(DEMO.glob("*.txt")) + sorted(DEMO.glob("*.html")):
        content = path.read_text(encoding="utf-8")
        kind = "html" if path.suffix == ".html" else "text"
        docs.append(RawDocument(source=str(path), **{kind: content}))
        if kind == "text":
            paragraphs = [p for p in content.split("\n\n") if len(p.split()) > 15]
            for i in range(0, len(paragraphs) - 1, 2):
                docs.append(RawDocument(source=f"{path}#{i}", text="\n\n".join(paragraphs[i:i + 2])))
    return docs


@pytest.fixture(scope="module")
def backend():
    b = DaskBackend(workers=2, chunk=1)
    yield b
    b.close()


class _Keep(DaskBackend):
    """The module's cluster, not closed by each ingest."""

    def __init__(self, shared: DaskBackend) -> None:
        self.__dict__.update(shared.__dict__)

    def close(self) -> None:
        pass


@pytest.mark.slow
def test_dask_ingest_matches_one_process(backend, tmp_path):
    docs = _documents()
    assert len(docs) >= 6
    local = Corpus(f"sqlite:///{tmp_path / 'local.db'}")
    local.ingest(iter(docs))
    dask = Corpus(f"sqlite:///{tmp_path / 'dask.db'}")
    stats = ingest(dask, iter(docs), backend=_Keep(backend))
    assert stats.failed == 0 and stats.added + stats.copied == local.count()
    assert {a["id"] for a in dask.articles()} == {a["id"] for a in local.articles()}
    drop = {"runs", "failures"}
    assert {k: v for k, v in dask.stats().items() if k not in drop} == \
           {k: v for k, v in local.stats().items() if k not in drop}
    # each worker built its analyser once, in its plugin
    built = backend.client.run(lambda dask_worker: dask_worker.plugins["recoupe-analyzer"].analyzer is not None)
    assert all(built.values()) and len(built) == 2


@pytest.mark.slow
def test_worker_killed_mid_batch_loses_nothing(backend, tmp_path):
    docs = _documents()
    pids = backend.client.run(os.getpid)
    assert len(pids) == 2
    victim = sorted(pids.values())[0]
    killed = []

    def on_event(kind, source, detail):
        if kind == "added" and not killed:
            os.kill(victim, signal.SIGKILL)  # the nanny restarts it; its chunks go to the other worker
            killed.append(victim)

    c = Corpus(f"sqlite:///{tmp_path / 'c.db'}")
    stats = ingest(c, iter(docs), backend=_Keep(backend), on_event=on_event)
    assert killed
    assert stats.failed == 0, stats.errors
    assert stats.added + stats.copied + stats.known == len(docs)
    assert c.stats()["inputs"] == len(docs)


@pytest.mark.slow
def test_existing_cluster_by_scheduler_address(backend, tmp_path):
    """``--scheduler tcp://...``: an existing cluster is used, and left running."""
    address = backend.cluster.scheduler_address
    assert address.startswith("tcp://")
    docs = _documents()[:2]
    c = Corpus(f"sqlite:///{tmp_path / 'c.db'}")
    stats = c.ingest(iter(docs), scheduler=address)
    assert stats.failed == 0 and stats.added + stats.copied == 2
    assert len(backend.client.scheduler_info()["workers"]) == 2  # still up after the ingest closed its client
