"""The Dask engine: the same jobs on a distributed cluster (``pip install 'councilx[distributed]'``)."""

from __future__ import annotations

import os
import pickle
import select
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from models.manifest import ManifestEntry
from pipelines.engines import (
    WORKER_PRELOAD,
    EngineError,
    Job,
    default_workers,
    failed_entry,
    run_job,
    take,
    timeout_message,
    warm,
)
from pipelines.engines.memory import (
    DEFAULT_MAX_MEMORY_MB,
    POLL_SECONDS,
    cap_address_space,
    kill_tree,
    memory_message,
    tree_rss_mb,
)
from pipelines.output import remove_temps_of


def run_job_limited(job: Job, timeout: float | None, max_memory: float | None = None) -> ManifestEntry:
    """Run a job in a forked child, killed after ``timeout`` seconds or past ``max_memory`` MB (POSIX);
    in-process otherwise.

    Used on Dask workers, which cannot start ``multiprocessing`` children (they are daemons).
    The child inherits the worker's loaded model, so forking costs little. The memory limit works as
    the local engine's (``pipelines/engines/memory.py``): the child caps its address space, the parent
    watches its resident memory.
    """
    if not (timeout or max_memory) or not hasattr(os, "fork"):
        return run_job(job)
    warm(job.settings)
    rfd, wfd = os.pipe()
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:  # child: run, send the pickled row, exit without cleanup handlers
        os.close(rfd)
        try:
            if max_memory:
                cap_address_space(max_memory)
            data = pickle.dumps(run_job(job))
            with os.fdopen(wfd, "wb") as fh:
                fh.write(data)
        finally:
            os._exit(0)
    os.close(wfd)
    try:
        return _read_child(rfd, pid, job, timeout, t0, max_memory)
    finally:
        os.close(rfd)


def _read_child(
    rfd: int, pid: int, job: Job, timeout: float | None, t0: float, max_memory: float | None
) -> ManifestEntry:
    chunks: list[bytes] = []
    while True:
        left = t0 + timeout - time.monotonic() if timeout else POLL_SECONDS
        ready, _, _ = select.select([rfd], [], [], max(0.0, min(left, POLL_SECONDS) if max_memory else left))
        over = not ready and max_memory and tree_rss_mb(pid) > max_memory
        if over or (not ready and timeout and time.monotonic() - t0 >= timeout):
            kill_tree(pid)
            os.waitpid(pid, 0)
            remove_temps_of(job.out)
            reason = memory_message(max_memory) if over else timeout_message(timeout)  # type: ignore[arg-type]
            return failed_entry(job, reason, time.monotonic() - t0)
        if not ready:
            continue
        chunk = os.read(rfd, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    try:
        return pickle.loads(b"".join(chunks))
    except (pickle.UnpicklingError, EOFError, ValueError):
        return failed_entry(job, f"worker process died (status {status})", time.monotonic() - t0)


class DaskEngine:
    """The same jobs on a Dask distributed cluster (``pip install 'councilx[distributed]'``).

    Inputs and the output folder must be on storage every worker sees under the same paths.
    Without ``scheduler`` a LocalCluster of ``workers`` single-threaded processes is started.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        timeout: float | None = None,
        window: int | None = None,
        max_memory: float | None = DEFAULT_MAX_MEMORY_MB,
    ):
        self.scheduler = scheduler
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.window = window
        self.max_memory = max_memory

    def _client(self) -> tuple[Any, Any]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError("the dask engine needs: pip install 'councilx[distributed]'") from None
        if self.scheduler:
            try:
                return Client(self.scheduler, timeout="30s"), None
            except (OSError, TimeoutError) as e:
                raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler}: {e}") from None
        cluster = LocalCluster(
            n_workers=self.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            preload=list(WORKER_PRELOAD),
            # The same limit, twice: Dask's own on each worker process (its nanny restarts a worker past 95%
            # of it), and ours on the forked child each document runs in (run_job_limited).
            memory_limit=f"{self.max_memory:g}MiB" if self.max_memory else "auto",
        )
        return Client(cluster), cluster

    def map(self, jobs: Iterable[Job]) -> Iterator[ManifestEntry]:
        """Yield one row per job as the cluster finishes them; at most ``window`` in flight."""
        from dask.distributed import as_completed

        client, cluster = self._client()
        try:
            threads = sum(client.nthreads().values()) or self.workers
            window = self.window or 2 * threads
            it = iter(jobs)
            futures, pending = as_completed(), {}
            for job in take(it, window):
                self._submit(client, job, futures, pending)
            for fut in futures:
                yield _result(fut, pending.pop(fut.key))
                for job in take(it, 1):
                    self._submit(client, job, futures, pending)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _submit(self, client: Any, job: Job, futures: Any, pending: dict[str, Job]) -> None:
        if self.scheduler:  # remote workers have their own working folder: relative paths mean nothing there
            job = replace(job, path=job.path.absolute(), out=job.out.absolute())
        fut = client.submit(run_job_limited, job, self.timeout, self.max_memory, pure=False)
        pending[fut.key] = job
        futures.add(fut)


def _result(fut: Any, job: Job) -> ManifestEntry:
    """The task's row; a failed row when the task itself failed (its worker died, say)."""
    try:
        return fut.result()
    except Exception as e:  # noqa: BLE001 - e.g. KilledWorker; one file must not stop the batch
        return failed_entry(job, f"the Dask task failed ({type(e).__name__})")
