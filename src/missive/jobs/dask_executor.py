"""Run ingest on a Dask cluster: workers read, screen, clean, extract and build rows; the client stores.

The input is cut into shards (groups of small files; a JSONL or WARC file as a
whole; a large plain JSONL file in byte ranges cut at line ends). Each shard
is one task whose result is, per page, the table rows ``write_batch`` would
write (page compressed, reports as JSON: ``store.prepared``). The client keeps
only a few tasks in flight, takes results as they complete, and writes them in
atomic batches of ``Limits.batch_size`` pages through the same store code as
``ingest_paths``, then resolves once over the whole store. The store therefore
ends up the same as after a single-process run, while the client, which shares
the machine with the workers on a small one, does little more than the
transactions.

Workers need missive installed (a ``LocalCluster`` started here has it). The
per-page time limit does not apply on workers: it relies on SIGALRM, which
only the main thread of a process receives, and Dask runs tasks in threads.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .. import ingest
from ..errors import ConfigError, InputError
from ..ingest.dumps import read_jsonl
from ..ingest.walk import STDIN, iter_paths
from ..model import Page, Skip
from ..settings import Limits
from ..store.base import Batch, Store
from ..store.prepared import BatchRows, batch_rows
from .pipeline import IngestSummary, note_read_skip, process_page, results_batch
from .resolving import resolve_store

#: Small files are grouped until a shard holds this many files or bytes.
SHARD_FILES = 64
SHARD_BYTES = 16 * 1024 * 1024
#: A plain (not gzipped) JSONL file larger than this is split into ranges of about this size.
SPLIT_BYTES = 32 * 1024 * 1024
#: ... and one smaller than that, into this many ranges per worker thread, none under
#: MIN_SPLIT_BYTES: a single dump then keeps every worker busy, and the last task
#: to finish is short, so workers wait little for each other at the end.
RANGES_PER_THREAD = 4
MIN_SPLIT_BYTES = 1024 * 1024
#: Tasks kept in flight per worker thread: enough to keep workers busy while one task
#: runs late (results are written in input order), few enough to bound memory.
IN_FLIGHT_PER_THREAD = 4
#: Dask settings for a local cluster, whose workers share the client's cores. By default
#: a worker samples its task's stack every 10 ms (the profiler, for the dashboard) and
#: every server polls its event loop, memory and system many times a second: idle, the
#: client and two workers then took 12% of a core, and the sampler holds the GIL the
#: task needs. Slower polls still catch a worker out of memory within a second.
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


@dataclass(frozen=True)
class Shard:
    """One task's input: whole files, or one line-aligned byte range of a JSONL file."""

    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None  # None: the whole file(s)
    first_line: int = 1  # number of the range's first line within its file


@dataclass(frozen=True)
class KnownPage:
    """A page the store held before the run: the worker read it but did no other work on it."""

    hash: str


@dataclass(frozen=True)
class PageRows:
    """What a worker made of one new page: the rows to store, and what the summary counts."""

    hash: str
    rows: BatchRows
    screened: str | None = None  # why the pre-filter set the page aside
    skip: Skip | None = None


@dataclass(frozen=True)
class ShardResult:
    """What a worker made of one shard, in reading order."""

    items: tuple[PageRows | KnownPage | Skip, ...]


def _line_starts(path: str, size: int, step: int) -> list[tuple[int, int]]:
    """Cut points (offset, line number) at line starts about every ``step`` bytes, with offset 0 first."""
    cuts = [(0, 1)]
    line = 1
    position = 0
    target = step
    with open(path, "rb") as handle:
        while target < size:
            # Count the newlines up to the target, then move to the next line start.
            while position < target:
                block = handle.read(min(1 << 20, target - position))
                if not block:
                    return cuts
                line += block.count(b"\n")
                position += len(block)
            rest = handle.readline()
            if not rest:
                break
            position += len(rest)
            line += rest.endswith(b"\n")
            if position < size:
                cuts.append((position, line))
            target = position + step
    return cuts


def plan_shards(
    paths: Iterable[str], limits: Limits = Limits(), split_bytes: int | None = None, min_ranges: int = 1
) -> Iterator[Shard | Skip]:
    """Cut the input into shards in reading order; a path that cannot be listed becomes a Skip.

    A plain JSONL file is cut into ranges of at most ``split_bytes``, and into at
    least ``min_ranges`` where that leaves each range ``MIN_SPLIT_BYTES`` or more.
    """
    split_bytes = split_bytes or SPLIT_BYTES
    group: list[str] = []
    group_bytes = 0
    for item in iter_paths(paths):
        if isinstance(item, Skip):
            yield item
            continue
        if item == STDIN:
            raise InputError("standard input cannot be shared out to workers; ingest it without --workers/--dask")
        fmt, gzipped = ingest.format_of(item)
        try:
            size = os.path.getsize(item)
        except OSError:
            size = 0  # the worker's reader reports why it cannot be read
        if fmt in ("jsonl", "json", "warc", "sniff"):
            if group:
                yield Shard(tuple(group))
                group, group_bytes = [], 0
            step = min(split_bytes, max(MIN_SPLIT_BYTES, -(-size // max(min_ranges, 1))))
            if fmt == "jsonl" and not gzipped and size > step:
                cuts = _line_starts(item, size, step)
                ends = [offset for offset, _ in cuts[1:]] + [size]
                for (start, line), end in zip(cuts, ends):
                    yield Shard((item,), start, end, line)
            else:
                yield Shard((item,))
            continue
        group.append(item)
        group_bytes += size
        if len(group) >= SHARD_FILES or group_bytes >= SHARD_BYTES:
            yield Shard(tuple(group))
            group, group_bytes = [], 0
    if group:
        yield Shard(tuple(group))


def _renumber(page_or_skip: Page | Skip, path: str, offset: int) -> Page | Skip:
    """Give a record read from a byte range the ``path#N`` name it has when the whole file is read."""
    prefix = f"{path}#"
    if not page_or_skip.source.startswith(prefix):
        return page_or_skip
    number = int(page_or_skip.source[len(prefix):]) + offset
    return dataclasses.replace(page_or_skip, source=f"{prefix}{number}")


def _read_shard(shard: Shard, limits: Limits) -> Iterator[Page | Skip]:
    if shard.end is None:
        yield from ingest.read_pages(shard.paths, limits=limits)
        return
    (path,) = shard.paths
    with open(path, "rb") as handle:
        handle.seek(shard.start)
        chunk = io.BytesIO(handle.read(shard.end - shard.start))
    for item in read_jsonl(chunk, path, limits):
        yield _renumber(item, path, shard.first_line - 1)


def run_shard(shard: Shard, limits: Limits = Limits(), known: frozenset[str] = frozenset()) -> ShardResult:
    """Worker task: read, screen, clean, extract and build the rows of every page of one shard.

    Pages in ``known`` are only read. Rows, not model objects, go back: they are
    what the client writes, and plain dicts are cheaper for it to unpickle.
    """
    items: list[PageRows | KnownPage | Skip] = []
    for item in _read_shard(shard, limits):
        if isinstance(item, Skip):
            items.append(item)
        elif item.hash in known:
            items.append(KnownPage(item.hash))  # neither processed nor sent back whole
        else:
            result = process_page(item, limits)
            rows = batch_rows(results_batch([result]))
            items.append(PageRows(item.hash, rows, result.screened, result.skip))
    return ShardResult(tuple(items))


class _Writer:
    """Client side: store shard results in atomic batches, counting as ``ingest_paths`` does."""

    def __init__(self, store: Store, limits: Limits, summary: IngestSummary) -> None:
        self.store, self.limits, self.summary = store, limits, summary
        self.seen: set[str] = set()

    def write(self, result: ShardResult) -> None:
        pending: list[PageRows] = []
        for item in result.items:
            if isinstance(item, Skip):
                note_read_skip(item, self.summary, self.store)
                continue
            self.summary.read += 1
            if isinstance(item, KnownPage):
                self.summary.known += 1
                continue
            pending.append(item)
            if len(pending) >= self.limits.batch_size:
                self._flush(pending)
                pending = []
        self._flush(pending)

    def _flush(self, results: list[PageRows]) -> None:
        if not results:
            return
        known = self.store.known_pages(r.hash for r in results)
        fresh: list[PageRows] = []
        for r in results:
            if r.hash in known or r.hash in self.seen:
                self.summary.known += 1
                continue
            self.seen.add(r.hash)
            fresh.append(r)
        written = self.store.write_rows(BatchRows.join(r.rows for r in fresh))
        self.summary.new += written.new_pages
        self.summary.known += written.known_pages
        self.summary.reports += written.new_reports
        self.summary.screened += sum(1 for r in fresh if r.screened)
        self.summary.skips.extend(r.skip for r in fresh if r.skip is not None)


def _result_or_skips(future: object, shard: Shard) -> ShardResult:
    """The task's result; if the worker failed (died, ran out of memory), a Skip per file of the shard."""
    try:
        return future.result()  # type: ignore[attr-defined]
    except Exception as exc:  # noqa: BLE001 - one lost task must not end the run; it is reported
        where = f" bytes {shard.start}-{shard.end}" if shard.end is not None else ""
        reason = f"worker failed on this shard{where}: {type(exc).__name__}: {exc}"
        return ShardResult(tuple(Skip(path, "ingest", reason) for path in shard.paths))


def _stored_hashes(store: Store, client: object) -> object:
    """The store's page hashes, sent once to every worker (a future), or an empty set.

    Workers then skip cleaning and extracting pages stored by an earlier run, and
    send back only their hash: a re-run over the same crawl costs reading alone.
    """
    hashes = store.page_hashes() if hasattr(store, "page_hashes") else set()
    if not hashes:
        return frozenset()
    return client.scatter(frozenset(hashes), broadcast=True)  # type: ignore[attr-defined]


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[object]:
    """A ``distributed.Client``: to ``scheduler`` if given, else to a new local cluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster  # imported here: plain runs never pay for it

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    if count < 1:
        raise ConfigError(f"--workers must be at least 1, got {count}")
    with dask.config.set(LOCAL_CONFIG):
        with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                yield client


def ingest_paths_dask(
    paths: Iterable[str],
    store: Store,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    limits: Limits = Limits(),
    on_progress: Callable[[IngestSummary], None] | None = None,
    resolve: bool = True,
) -> IngestSummary:
    """Ingest ``paths`` with Dask workers doing the per-page work; same store as ``ingest_paths``."""
    from distributed import as_completed

    summary = IngestSummary()
    writer = _Writer(store, limits, summary)
    with dask_client(scheduler, workers) as client:
        threads = sum(client.nthreads().values()) or 1  # type: ignore[attr-defined]
        known = _stored_hashes(store, client)
        window = IN_FLIGHT_PER_THREAD * threads
        plan = plan_shards(paths, limits, min_ranges=RANGES_PER_THREAD * threads)
        running = as_completed()
        # Results are written in shard order, as a single process would read them, so
        # which copy of a repeated page is kept never depends on timing. A result that
        # completes early waits in ``done``; running + waiting never exceeds ``window``.
        done: dict[int, ShardResult] = {}
        index_of: dict[str, int] = {}
        shards_by_index: dict[int, Shard] = {}
        submitted = written = 0

        def submit_next() -> bool:
            nonlocal submitted
            for shard in plan:
                if isinstance(shard, Skip):
                    summary.skips.append(shard)
                    store.write_batch(Batch(skips=[shard]))
                    continue
                future = client.submit(run_shard, shard, limits, known, pure=False)  # type: ignore[attr-defined]
                index_of[future.key] = submitted
                shards_by_index[submitted] = shard
                running.add(future)
                submitted += 1
                return True
            return False

        while submitted < window and submit_next():
            pass
        for future in running:
            index = index_of.pop(future.key)
            done[index] = _result_or_skips(future, shards_by_index.pop(index))
            future.release()
            while written in done:
                writer.write(done.pop(written))
                written += 1
                if on_progress:
                    on_progress(summary)
            while submitted - written < window and submit_next():
                pass
    if resolve:
        summary.events = resolve_store(store)
    return summary
