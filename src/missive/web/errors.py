"""One error shape for every failure: ``{"error": {"code": ..., "message": ...}}``.

Codes are stable (clients branch on them); messages are for people and never
carry stack traces or file paths. HTML pages get the same code and message,
rendered as a page instead of JSON.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, DataError, InputError, MissiveError, NotFoundError, StoreError

log = logging.getLogger("missive.web")

#: HTTP status -> stable error code.
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "bad_request",  # the brief's codes are closed: a wrong method is a bad request
    413: "too_large",
    415: "bad_request",
    422: "bad_request",
    429: "rate_limited",
    500: "internal",
    503: "internal",
}

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


class ApiError(Exception):
    """An HTTP failure with its status, stable code and a message safe to show."""

    def __init__(self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "internal")
        self.message = message
        self.headers = headers or {}


def error_body(code: str, message: str) -> dict[str, Any]:
    """The JSON body of every error response."""
    return {"error": {"code": code, "message": message}}


def error_response(request: Request | None, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """Render an error as JSON for the API, or as an HTML page for the web app."""
    wants_html = request is not None and not request.url.path.startswith("/api") and request.url.path != "/openapi.json"
    templates = getattr(request.app.state, "templates", None) if request is not None else None
    if wants_html and templates is not None:
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "code": code, "message": message}, status_code=status, headers=headers
        )
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _missive_status(exc: MissiveError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, InputError):
        return 400, "bad_request"
    if isinstance(exc, (StoreError, ConfigError, DataError)):
        return 500, "internal"
    return 500, "internal"


def install_error_handlers(app: FastAPI) -> None:
    """Route every failure (HTTP, validation, domain, unexpected) to the one error shape."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = CODES.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal")
        message = {404: "no such resource", 405: "method not allowed"}.get(exc.status_code, str(exc.detail))
        return error_response(request, exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "bad_request", _validation_message(exc))

    @app.exception_handler(MissiveError)
    async def _domain(request: Request, exc: MissiveError) -> Response:
        status, code = _missive_status(exc)
        if status >= 500:
            log.error("store or data failure on %s: %s", request.url.path, exc)
            return error_response(request, status, code, "the server could not complete the request")
        return error_response(request, status, code, str(exc))
