"""JSON bodies built once: for routes whose data already has the declared response shape.

FastAPI would validate a returned dict against the ``response_model``, dump it
back to a dict and encode that (three passes, most of a listing's time). Where
the data is built to the schema by construction (and a test holds the two equal),
the route returns :func:`json_response` instead; the ``response_model`` stays
declared for the OpenAPI schema.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response

try:  # orjson encodes several times faster; the stdlib gives the same JSON
    import orjson

    def dumps(data: Any) -> bytes:
        """``data`` as compact UTF-8 JSON."""
        return orjson.dumps(data)

except ImportError:  # pragma: no cover - orjson is a declared dependency

    def dumps(data: Any) -> bytes:
        """``data`` as compact UTF-8 JSON."""
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def json_response(data: Any, status_code: int = 200) -> Response:
    """A JSON response of ``data`` encoded in one pass, no validation."""
    return Response(content=dumps(data), status_code=status_code, media_type="application/json")
