"""A local cluster shares the client's cores, so its workers spend them on tasks, not on sampling themselves."""

from __future__ import annotations

import pytest

from missive.jobs import dask_executor


def _settings() -> tuple[object, object]:
    import dask

    return dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval")


@pytest.mark.slow
def test_local_workers_run_without_the_stack_sampler() -> None:
    with dask_executor.dask_client(workers=2) as client:
        seen = client.run(_settings)  # type: ignore[attr-defined]
    assert len(seen) == 2
    for profiled, tick in seen.values():
        assert profiled is False and tick == dask_executor.LOCAL_CONFIG["distributed.admin.tick.interval"]
