"""Fetching pages over HTTP without becoming a way into the network it runs in.

A URL given to recoupe (on the command line, in a feed, or to the web service) could point at the
machine itself or at the private network behind it. So, unless ``allow_private=True``:
- the host is resolved first and *every* address it resolves to must be globally routable
  (loopback, private, link-local, multicast, reserved, unspecified, shared and IPv4-mapped private
  addresses are refused);
- the connection goes to the address that was checked (the URL is pinned to it, the Host header
  and TLS server name stay the original host), so a DNS answer that changes between the check
  and the connection cannot slip through;
- redirects are followed by hand, and each hop is checked the same way.
Besides: connect/read timeouts and an overall deadline, a size cap (``Content-Length`` and the
bytes actually read), a ``recoupe`` User-Agent, and at most ``per_host`` requests in flight per host.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from recoupe.ingest import DEFAULT_MAX_BYTES, Failed, IngestError, RawDocument, decode_bytes, sniff_html

USER_AGENT = "recoupe/0.1 (+https://github.com/recoupe; news cross-checking)"
MAX_REDIRECTS = 5
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom",
              "application/json", "application/ld+json")


class FetchError(IngestError):
    """A URL that was not fetched; the message is one line for the user."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    content: bytes
    redirects: list[str] = field(default_factory=list)

    def text(self) -> str:
        return decode_bytes(self.content)[0]


def refusal(ip: str) -> str | None:
    """Why this address must not be fetched from, or None when it is a public unicast address."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    for what, flag in (("loopback", addr.is_loopback), ("link-local", addr.is_link_local),
                       ("multicast", addr.is_multicast), ("unspecified", addr.is_unspecified),
                       ("reserved", addr.is_reserved), ("private", addr.is_private)):
        if flag:
            return what
    if not addr.is_global:
        return "not globally routable"
    return None


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


class Fetcher:
    """A thread-safe guarded HTTP client; one per process is enough.

    ``trusted`` lists addresses accepted despite the policy (an internal mirror you run); the
    policy itself is switched off only by ``allow_private``."""

    def __init__(self, *, timeout: float = 20.0, connect_timeout: float = 10.0, max_bytes: int = DEFAULT_MAX_BYTES,
                 allow_private: bool = False, per_host: int = 2, user_agent: str = USER_AGENT,
                 trusted: Iterable[str] = (), resolver: Callable[[str, int], list[str]] = resolve) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.per_host = per_host
        self.trusted = set(trusted)
        self.resolver = resolver
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self.client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=connect_timeout), follow_redirects=False, trust_env=False,
            headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"},
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _slot(self, host: str) -> threading.Semaphore:
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(self.per_host))

    def check(self, url: str) -> tuple[str, str, int]:
        """(scheme, host, the address to connect to) or FetchError when the URL must not be fetched."""
        try:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"refused: only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
        host = parts.hostname
        if not host:
            raise FetchError("invalid URL: no host")
        try:
            addresses = [host] if _is_ip(host) else self.resolver(host, port)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"cannot resolve {host}: {exc}") from None
        if not addresses:
            raise FetchError(f"cannot resolve {host}")
        if not self.allow_private:
            for ip in addresses:
                if ip in self.trusted:
                    continue
                if (why := refusal(ip)) is not None:
                    where = f"{host} is" if host == ip else f"{host} resolves to {ip},"
                    raise FetchError(f"refused: {where} a {why} address (use --allow-private to fetch it)")
        return parts.scheme, host, addresses[0]

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` with the guards above; raises FetchError with a one-line reason."""
        deadline = time.monotonic() + self.timeout * 2
        redirects: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            scheme, host, ip = self.check(current)
            with self._slot(host):
                response = self._get(current, host, ip, deadline)
            if response[0] in (301, 302, 303, 307, 308):
                location = response[1].get("location")
                if not location:
                    raise FetchError(f"redirect {response[0]} without a Location from {current}")
                redirects.append(current)
                current = urljoin(current, location)
                continue
            status, headers, content = response
            if status >= 400:
                raise FetchError(f"HTTP {status} from {current}")
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and not ctype.startswith(TEXT_TYPES):
                raise FetchError(f"not a text page: {ctype} from {current}")
            return Fetched(current, status, ctype, content, redirects)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")

    def _get(self, url: str, host: str, ip: str, deadline: float) -> tuple[int, httpx.Headers, bytes]:
        parts = urlsplit(url)
        netloc = f"[{ip}]" if ":" in ip else ip
        if parts.port:
            netloc += f":{parts.port}"
        pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        host_header = host if not parts.port else f"{host}:{parts.port}"
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        try:
            with self.client.stream("GET", pinned, headers={"Host": host_header}, extensions=extensions) as r:
                if r.status_code in (301, 302, 303, 307, 308) or r.status_code >= 400:
                    return r.status_code, r.headers, b""
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"too large: {int(declared):,} bytes > limit {self.max_bytes:,} ({url})")
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"too large: more than {self.max_bytes:,} bytes ({url})")
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {self.timeout * 2:.0f} s: {url}")
                    chunks.append(chunk)
                return r.status_code, r.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"timed out: {url}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from None

    def document(self, url: str, hints: dict | None = None) -> RawDocument | Failed:
        """The page at ``url`` as a RawDocument (or a Failed with the reason)."""
        try:
            page = self.fetch(url)
            text = page.text()
        except IngestError as exc:
            return Failed(url, str(exc))
        if not text.strip():
            return Failed(url, "empty page")
        doc = RawDocument(source=url, url=page.url, hints=dict(hints or {}))
        if sniff_html(text) or "html" in page.content_type:
            doc.html = text
        else:
            doc.text = text
        return doc

    def documents(self, urls: Iterable[str], *, concurrency: int = 8, hints: dict | None = None
                  ) -> Iterator[RawDocument | Failed]:
        """Fetch many URLs on ``concurrency`` threads (``per_host`` still applies), in input order."""
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="recoupe-fetch") as pool:
            window: list = []
            for url in urls:
                window.append(pool.submit(self.document, url, hints))
                if len(window) >= concurrency * 4:
                    yield window.pop(0).result()
            for future in window:
                yield future.result()


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False
