"""What one ``recoupe serve`` process is configured with; read once, never from the environment
inside the app (the CLI turns flags and environment variables into this)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

# 10 MB: a saved news page with inline scripts and styles is rarely above 3 MB; the ingest layer
# refuses documents over 20 MB anyway, and a request body is held in memory while it is read.
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024
# Analyses waiting for the analysis thread beyond this get 503 + Retry-After instead of queueing
# without bound (one analysis is ~0.3-1 s on a shared 2-core machine: 32 is under a minute).
DEFAULT_MAX_PENDING = 32

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class ServiceSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    db: str | None = None  # corpus store URL (SQLite path or PostgreSQL URL); None = the CLI's default store
    corpus: bool = True  # serve a corpus at all (False: analysis and sources only)
    token: str | None = None  # required for writes when set, and always on a non-loopback bind
    cors_origins: list[str] = field(default_factory=list)  # no CORS unless given
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES
    max_pending: int = DEFAULT_MAX_PENDING
    allowed_hosts: list[str] | None = None  # Host headers accepted; None = loopback names on a loopback bind
    batch: int = 4  # analyses waiting together run as one batch of at most this many (see engine.DEFAULT_BATCH)
    warm: bool = True  # load the models in the background at start-up, so the first request is not the slow one

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def writes_open(self) -> bool:
        """Writes need no token only on a loopback bind with no token configured."""
        return self.loopback and not self.token

    def trusted_hosts(self) -> list[str] | None:
        """Host headers to accept. On a loopback bind, only loopback names: a page on another site
        cannot reach the server through DNS rebinding. Otherwise any (the token guards writes)."""
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        return list(LOOPBACK_HOSTS) if self.loopback else None
