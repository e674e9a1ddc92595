"""Latency and load of ``recoupe serve`` on loopback.

    .venv/bin/python benchmarks/serve.py [--requests 12] [--reads 200] [--url http://127.0.0.1:8000]

Starts ``recoupe serve`` in its own process on a free loopback port with a temporary corpus (or
uses ``--url``), waits for the models, adds the demo articles to the corpus, then prints:
  * p50 / p95 / max latency of ``POST /v1/analyze`` on a ~600-word French article, with 1 client
    and with 8 concurrent clients (every request's text differs by a line, so nothing is cached);
  * 200 concurrent reads of a story page (``GET /v1/stories/{id}`` when the server has stories,
    else a stored article's report, the same kind of read) fired while 8 clients keep analysing:
    how many failed, and their p50 / p95 / max.
Everything is bounded: a per-request timeout, a fixed number of requests, the server stopped at
the end. The article: the French SemEval-2023 article in ../shared closest to 600 words, else the
demo articles joined (printed either way).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TIMEOUT = httpx.Timeout(300.0, connect=10.0)


def article_text() -> tuple[str, str]:
    from recoupe.paths import shared_dir

    folder = shared_dir() / "data" / "genre" / "semeval2023t3" / "fr" / "articles"
    if folder.is_dir():
        texts = [(abs(len(p.read_text(encoding="utf-8").split()) - 600), p) for p in sorted(folder.glob("*.txt"))]
        if texts:
            _, best = min(texts)
            return best.read_text(encoding="utf-8"), f"../shared SemEval fr {best.name}"
    demo = ROOT / "src" / "recoupe" / "resources" / "demo"
    parts = [(demo / n).read_text(encoding="utf-8") for n in ("01_verdalys_fr.txt", "03_tribune_fr.txt")]
    text = "\n\n".join(parts)
    while len(text.split()) < 600:
        text += "\n\n" + parts[0].split("\n\n", 2)[-1]
    return text, "demo articles 01 + 03 joined"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(values: list[float]) -> str:
    if not values:
        return "no samples"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"p50 {statistics.median(ordered) * 1000:7.0f} ms   p95 {p95 * 1000:7.0f} ms   "
            f"max {ordered[-1] * 1000:7.0f} ms   (n={len(ordered)})")


async def analyse(client: httpx.AsyncClient, text: str, tag: str) -> float:
    started = time.perf_counter()
    r = await client.post("/v1/analyze", json={"text": f"{text}\n\nMis à jour : version {tag}."})
    r.raise_for_status()
    return time.perf_counter() - started


async def clients(client, text: str, n_clients: int, per_client: int, tag: str) -> list[float]:
    async def one(c: int) -> list[float]:
        return [await analyse(client, text, f"{tag}-{c}-{i}") for i in range(per_client)]

    results = await asyncio.gather(*(one(c) for c in range(n_clients)))
    return [x for r in results for x in r]


async def reads_during_analyses(client, text: str, path: str, n_reads: int, writers: int = 8
                                ) -> tuple[list[float], list[str], int]:
    stop = asyncio.Event()
    done = 0

    async def keep_analysing(c: int) -> None:
        nonlocal done
        i = 0
        while not stop.is_set():
            await analyse(client, text, f"load-{c}-{i}")
            done += 1
            i += 1

    async def read() -> tuple[float | None, str | None]:
        started = time.perf_counter()
        try:
            r = await client.get(path)
            if r.status_code != 200:
                return None, f"HTTP {r.status_code}"
            return time.perf_counter() - started, None
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"

    tasks = [asyncio.create_task(keep_analysing(c)) for c in range(writers)]
    if tasks:
        await asyncio.sleep(1.0)  # the analyses are running
    outcomes = await asyncio.gather(*(read() for _ in range(n_reads)))
    stop.set()
    await asyncio.gather(*tasks)
    return [t for t, e in outcomes if t is not None], [e for _, e in outcomes if e], done


async def run(base: str, requests: int, reads: int) -> int:
    text, origin = article_text()
    print(f"article: {origin}, {len(text.split())} words")
    limits = httpx.Limits(max_connections=reads + 16, max_keepalive_connections=reads + 16)
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT, limits=limits) as client:
        deadline = time.monotonic() + 300
        while True:  # models loaded (the server warms them at start-up)
            try:
                if (await client.get("/v1/health")).json()["models_loaded"]:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                print("server not ready after 300 s")
                return 1
            await asyncio.sleep(0.5)
        demo = await client.get("/v1/examples")
        documents = [{"text": (await client.get(f"/v1/examples/{e['name']}")).json()["content"]} for e in demo.json()]
        await client.post("/v1/ingest", json={"documents": documents})
        await analyse(client, text, "warm")  # the first long article pays one-off costs
        stories = await client.get("/v1/stories", params={"limit": 1})
        if stories.status_code == 200 and stories.json().get("items"):
            path, what = f"/v1/stories/{stories.json()['items'][0]['id']}", "story page"
        else:
            first = (await client.get("/v1/articles", params={"limit": 1})).json()["items"][0]["id"]
            path, what = f"/v1/articles/{first}/report", "stored article report (no stories on this server)"
        print(f"POST /v1/analyze, 1 client,   {requests} requests:      "
              f"{percentiles(await clients(client, text, 1, requests, 'one'))}")
        started = time.perf_counter()
        eight = await clients(client, text, 8, max(1, requests // 4), "eight")
        wall = time.perf_counter() - started
        print(f"POST /v1/analyze, 8 clients, {len(eight)} requests:      {percentiles(eight)}   "
              f"({len(eight) / wall:.2f} analyses/s)")
        idle_ok, idle_errors, _ = await reads_during_analyses(client, text, path, reads, writers=0)
        print(f"GET {what}: {reads} concurrent reads, no analysis running: {len(idle_ok)} ok, "
              f"{len(idle_errors)} failed; {percentiles(idle_ok)}")
        ok, errors, analysed = await reads_during_analyses(client, text, path, reads)
        print(f"GET {what}: {reads} concurrent reads during analyses: {len(ok)} ok, {len(errors)} failed; "
              f"{percentiles(ok)}; {analysed} analyses completed meanwhile")
        for e in sorted(set(errors))[:5]:
            print(f"  error: {e}")
        return 1 if errors or idle_errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=12, help="analyses with 1 client; with 8 clients each sends max(1, requests // 4)")
    parser.add_argument("--reads", type=int, default=200)
    parser.add_argument("--url", help="use a running server instead of starting one")
    parser.add_argument("--batch", type=int, default=None, help="the server's --batch (default: its own)")
    args = parser.parse_args(argv)
    if args.url:
        return asyncio.run(run(args.url, args.requests, args.reads))
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="recoupe-bench-") as tmp:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   RECOUPE_LOG_LEVEL="warning")
        env.setdefault("RECOUPE_HOME", os.environ.get("RECOUPE_HOME") or str(Path(tmp) / "home"))
        server = subprocess.Popen([sys.executable, "-m", "recoupe", "serve", "--port", str(port),
                                   "--db", f"sqlite:///{tmp}/bench.db"]
                                  + (["--batch", str(args.batch)] if args.batch else []), env=env)
        try:
            return asyncio.run(run(f"http://127.0.0.1:{port}", args.requests, args.reads))
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    sys.exit(main())
