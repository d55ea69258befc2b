"""A Batch turned into table rows before its write transaction opens.

``write_batch`` builds these rows itself. A Dask worker builds them for the
pages it processed (the page compressed, the reports encoded as JSON), so the
client that owns the store only runs the transaction (``write_rows``). Both
paths write through the same ``SqlStore._write_rows``, so they store alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Skip
from . import rows
from .base import Batch

Row = dict[str, Any]


@dataclass(frozen=True)
class BatchRows:
    """The rows of one atomic write, in batch order; stamped with the write time when written.

    ``pages`` lack ``ingested_at``; each of ``actors`` comes with the id and page of
    the report that named it: a page already stored adds no actor, and where two
    reports name one actor differently, the report last by id gives its row.
    """

    pages: Sequence[Row] = ()
    documents: Sequence[Row] = ()
    reports: Sequence[Row] = ()
    actors: Sequence[tuple[str, str, Row]] = ()
    skips: Sequence[Skip] = ()

    @staticmethod
    def join(parts: Iterable[BatchRows]) -> BatchRows:
        """One write out of several (say, one per page), keeping their order."""
        pages: list[Row] = []
        documents: list[Row] = []
        reports: list[Row] = []
        actors: list[tuple[str, str, Row]] = []
        skips: list[Skip] = []
        for part in parts:
            pages.extend(part.pages)
            documents.extend(part.documents)
            reports.extend(part.reports)
            actors.extend(part.actors)
            skips.extend(part.skips)
        return BatchRows(pages, documents, reports, actors, skips)


def batch_rows(batch: Batch) -> BatchRows:
    """The rows ``write_batch`` writes for ``batch``: pure work, no database needed."""
    pages = []
    for page in batch.pages:
        row = rows.page_row(page, "", batch.version)
        del row["ingested_at"]
        pages.append(row)
    return BatchRows(
        pages=pages,
        documents=[rows.document_row(d) for d in batch.documents],
        reports=[rows.report_row(r) for r in batch.reports],
        actors=[(r.id, r.page_hash, rows.actor_row(a)) for r in batch.reports for a in (r.sender, r.recipient)],
        skips=list(batch.skips),
    )
