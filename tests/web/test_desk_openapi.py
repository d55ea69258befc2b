"""Property test of the API against its own OpenAPI schema (schemathesis, bounded).

No generated request may cause a 500, and every response must match the
schema (status code, content type, body), read-only and with a token.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from missive.web import create_app

import desk_corpus

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


_DB = Path(tempfile.mkdtemp(prefix="missive-openapi-")) / "desk.db"
desk_corpus.build(_DB)
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(str(_DB), token="schema-test-token", ingest=lambda files, store: {"read": len(files)})
)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_honours_its_schema(case):
    case.call_and_validate(checks=CHECKS)
