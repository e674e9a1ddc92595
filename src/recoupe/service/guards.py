"""What protects the server from the articles and the network: security headers with a
Content-Security-Policy that allows no inline script, a request size limit enforced while the body
streams in, and the write token."""

from __future__ import annotations

import hmac
import json

from fastapi import Request

from recoupe.service.problems import MEDIA_TYPE, ProblemError

# No inline script or style, nothing from another origin: a string that slipped into the DOM as
# markup still could not run. img-src allows data: for the UI's own generated icons only.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware: adds the headers to every HTTP response (API, pages, assets, errors)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SizeLimit:
    """Refuses request bodies over ``max_bytes``: at once from Content-Length, or as soon as a
    chunked body crosses the limit. In the second case this middleware answers 413 itself, tells
    the app the client went away, and drops whatever the app still tries to send."""

    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    return await self._refuse(scope, send)
        seen = 0
        refused = False
        started = False

        async def counting_receive():
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    if not started:
                        await self._refuse(scope, send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            nonlocal started
            if refused:
                return
            started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)

    async def _refuse(self, scope, send):
        body = json.dumps({"type": "urn:recoupe:problem:too-large", "title": "Content Too Large", "status": 413,
                           "detail": f"request body over the limit of {self.max_bytes} bytes",
                           "instance": scope.get("path", "")}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-recoupe-token")


def require_write_token(request: Request) -> None:
    """Dependency of every write route (anything that analyses, ingests or changes the store).

    A cross-site page can make a browser send a form POST to a loopback server; writes therefore
    also refuse an Origin header naming another site, token or not."""
    settings = request.app.state.settings
    origin = request.headers.get("origin")
    if origin:  # "null" (sandboxed frames, file: pages) is another site too
        own = f"{request.url.scheme}://{request.headers.get('host', '')}"
        if origin != own and origin not in settings.cors_origins:
            raise ProblemError(403, f"cross-origin write from {origin} refused", slug="cross-origin")
    if settings.writes_open:
        return
    if not settings.token:
        raise ProblemError(403, "writes are disabled: the server listens on a non-loopback address without a "
                                "token (start it with --token or RECOUPE_TOKEN)", slug="writes-disabled")
    presented = _presented_token(request)
    if presented is None or not hmac.compare_digest(presented.encode(), settings.token.encode()):
        raise ProblemError(401, "this endpoint needs the server's token (Authorization: Bearer <token>)",
                           slug="token-required", headers={"WWW-Authenticate": 'Bearer realm="recoupe"'})


class HostCheck:
    """Answers only to the given Host names (a loopback server: loopback names), so a page on
    another site cannot reach it through DNS rebinding; refusals are problem details."""

    def __init__(self, app, allowed: list[str]) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed}

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = ""
        for name, value in scope.get("headers", []):
            if name == b"host":
                host = value.decode("latin-1").lower()
                break
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name in self.allowed or name.strip("[]") in self.allowed:
            return await self.app(scope, receive, send)
        body = json.dumps({"type": "urn:recoupe:problem:host-refused", "title": "Bad Request", "status": 400,
                           "detail": "this server answers only to loopback host names",
                           "instance": scope.get("path", "")}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
