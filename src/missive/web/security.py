"""What keeps the desk safe to expose: headers, body limits, tokens, CSRF, rate limits.

``GuardMiddleware`` wraps the whole app (pure ASGI, outside FastAPI's own error
handling) so that every response, including a crash or an oversized body,
carries the security headers and the one JSON error shape.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
import threading
import time
from collections import deque
from typing import Any, Awaitable, Callable

from fastapi import Request

from .errors import ApiError, error_body

log = logging.getLogger("missive.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
CSRF_COOKIE = "missive_csrf"
CSRF_FIELD = "csrf_token"

Scope = dict[str, Any]
Message = dict[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class _TooLarge(Exception):
    pass


class GuardMiddleware:
    """Add security headers, cap request bodies, and turn crashes into a JSON 500."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secure(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._fail(send_secure, 413, "too_large", f"request body exceeds {self.max_body} bytes")
            return
        seen = 0

        async def receive_capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, receive_capped, send_secure)
        except _TooLarge:
            if not started:
                await self._fail(send_secure, 413, "too_large", f"request body exceeds {self.max_body} bytes")
        except Exception:  # the last line of defence: log it, show no trace to the client
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await self._fail(send_secure, 500, "internal", "the server could not complete the request")

    @staticmethod
    async def _fail(send: Callable[[Message], Awaitable[None]], status: int, code: str, message: str) -> None:
        body = json.dumps(error_body(code, message)).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def check_token(configured: str | None, presented: str | None) -> None:
    """Allow a write only with the configured token (403 when none is configured, 401 if wrong)."""
    if not configured:
        raise ApiError(403, "this server is read-only: no write token is configured")
    if not presented or not hmac.compare_digest(presented.encode(), configured.encode()):
        raise ApiError(401, "a valid bearer token is required for writes", headers={"WWW-Authenticate": "Bearer"})


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, if any."""
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def csrf_token(request: Request) -> tuple[str, bool]:
    """The session's CSRF token from its cookie, or a new one (and whether it is new)."""
    current = request.cookies.get(CSRF_COOKIE, "")
    if len(current) >= 32 and current.isalnum():
        return current, False
    return secrets.token_hex(32), True


def check_csrf(request: Request, submitted: str | None) -> None:
    """Reject a form post whose hidden token does not match the session cookie."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(cookie.encode(), submitted.encode()):
        raise ApiError(403, "the form's CSRF token is missing or does not match; reload the page and retry")


class RateLimiter:
    """A sliding-window limit per client for writes, so one client cannot flood the store."""

    def __init__(self, limit: int, window_s: float = 60.0):
        self.limit = limit
        self.window_s = window_s
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Raise a 429 ApiError when ``client`` has used up its writes in the window."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(client, deque())
            while hits and now - hits[0] > self.window_s:
                hits.popleft()
            if len(hits) >= self.limit:
                retry = int(self.window_s - (now - hits[0])) + 1
                raise ApiError(429, "too many writes; retry later", headers={"Retry-After": str(retry)})
            hits.append(now)
