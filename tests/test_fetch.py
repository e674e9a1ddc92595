"""The guarded fetcher against a real HTTP server on this machine (no mocks): loopback and private
addresses refused, also through a redirect; timeouts, size cap, User-Agent, per-host politeness."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from recoupe.ingest.fetch import Fetcher, FetchError, refusal

PAGE = b"<html><head><title>Un titre</title></head><body><article><p>" + b"Bonjour le monde. " * 50 + b"</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    seen: list = []
    waiting = 0  # /slowish requests between their arrival and their answer: the client is still waiting
    waiting_peak = 0
    lock = threading.Lock()

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802
        cls = type(self)
        cls.seen.append((self.path, self.headers.get("User-Agent"), self.headers.get("Host")))
        if self.path.startswith("/redirect-to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/redirect-to/"):].replace("__", "://", 1))
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self._page(PAGE)
        elif self.path == "/slowish":
            # counted only until the answer is written: the client cannot have freed its slot before
            # it got the answer, so this count never includes a request the client already finished
            with cls.lock:
                cls.waiting += 1
                cls.waiting_peak = max(cls.waiting_peak, cls.waiting)
            time.sleep(0.3)
            with cls.lock:
                cls.waiting -= 1
            self._page(PAGE)
        elif self.path == "/big":
            self._page(b"<html><body>" + b"x" * 300_000 + b"</body></html>")
        elif self.path == "/binary":
            self._page(b"\x89PNG....", "image/png")
        elif self.path == "/feed.rss":
            host = self.headers.get("Host")
            items = "".join(f"<item><title>Article {i}</title><link>http://{host}/article-{i}</link>"
                            f"<description>short</description></item>" for i in (1, 2))
            self._page(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test feed</title>{items}"
                       f"</channel></rss>".encode(), "application/rss+xml")
        elif self.path == "/missing":
            self.send_response(404)
            self.end_headers()
        else:
            self._page(PAGE)

    def _page(self, body: bytes, ctype: str = "text/html; charset=utf-8"):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("ip,why", [("127.0.0.1", "loopback"), ("10.0.0.1", "private"), ("192.168.1.5", "private"),
                                    ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"),
                                    ("::1", "loopback"), ("::ffff:10.0.0.1", "private"), ("0.0.0.0", "unspecified"),
                                    ("100.64.0.1", "private")])
def test_refused_addresses(ip, why):
    assert refusal(ip) is not None
    assert why in refusal(ip) or refusal(ip) == "not globally routable"


def test_public_addresses_allowed():
    assert refusal("93.184.216.34") is None
    assert refusal("2606:4700:4700::1111") is None


def test_loopback_and_private_urls_refused(server):
    with Fetcher() as f:
        with pytest.raises(FetchError, match="loopback"):
            f.fetch(server + "/a")
        with pytest.raises(FetchError, match="private"):
            f.fetch("http://10.0.0.1/")
        with pytest.raises(FetchError, match="loopback"):
            f.fetch("http://localhost/")  # after DNS resolution
        with pytest.raises(FetchError, match="only http"):
            f.fetch("file:///etc/passwd")
    assert not any(p == "/a" for p, *_ in Handler.seen)


def test_allow_private_fetches_with_user_agent(server):
    with Fetcher(allow_private=True) as f:
        page = f.fetch(server + "/ok")
    assert page.status == 200 and b"Bonjour" in page.content
    path, agent, host = Handler.seen[-1]
    assert path == "/ok" and agent.startswith("recoupe/")
    assert host == server.split("//")[1]


def test_redirect_to_loopback_refused(server):
    # The first hop is accepted as if public (``trusted``); its redirect to another loopback
    # address, and to a private one, must be refused at the redirect.
    port = server.rsplit(":", 1)[1]
    with Fetcher(trusted={"127.0.0.1"}) as f:
        assert f.fetch(server + "/plain").status == 200
        with pytest.raises(FetchError, match=r"127\.0\.0\.2.*loopback"):
            f.fetch(f"{server}/redirect-to/http__127.0.0.2:{port}/secret")
        with pytest.raises(FetchError, match="10.0.0.1.*private"):
            f.fetch(f"{server}/redirect-to/http__10.0.0.1/admin")
        with pytest.raises(FetchError, match="::1.*loopback"):
            f.fetch(f"{server}/redirect-to/http__[::1]:{port}/secret")
    assert not any(p == "/secret" for p, *_ in Handler.seen)


def test_redirect_followed_when_allowed(server):
    with Fetcher(allow_private=True) as f:
        page = f.fetch(f"{server}/redirect-to/{server.replace('://', '__')}/final")
    assert page.url.endswith("/final") and len(page.redirects) == 1


def test_timeout_size_type_status(server):
    with Fetcher(allow_private=True, timeout=0.5, connect_timeout=0.5) as f:
        with pytest.raises(FetchError, match="timed out"):
            f.fetch(server + "/slow")
    with Fetcher(allow_private=True, max_bytes=100_000) as f:
        with pytest.raises(FetchError, match="too large"):
            f.fetch(server + "/big")
        with pytest.raises(FetchError, match="not a text page"):
            f.fetch(server + "/binary")
        with pytest.raises(FetchError, match="HTTP 404"):
            f.fetch(server + "/missing")
        failed = f.document(server + "/missing")
        assert failed.error.startswith("HTTP 404")


def test_at_most_two_requests_per_host(server):
    Handler.waiting_peak = 0
    with Fetcher(allow_private=True) as f:
        docs = list(f.documents([server + "/slowish"] * 6, concurrency=6))
    assert all(d.html and "Bonjour" in d.html for d in docs)
    assert Handler.waiting_peak == 2  # six asked at once, never more than two waiting on one host


def test_feed_entries_fetched_with_fetch(server):
    from recoupe.ingest.inputs import iter_inputs

    docs = list(iter_inputs(feeds=[server + "/feed.rss"], fetch=True, allow_private=True))
    assert [d.url for d in docs] == [f"{server}/article-1", f"{server}/article-2"]
    assert all("Bonjour" in d.html and d.hints["publisher"] == "Test feed" for d in docs)
    assert docs[0].hints["title"] == "Article 1"
    refused = list(iter_inputs(feeds=[server + "/feed.rss"], fetch=True))
    assert len(refused) == 1 and "loopback" in refused[0].error
