"""Engines that map ``process_one`` over many inputs: local worker processes or a Dask cluster.

Both take an iterable of :class:`Job` and yield one :class:`ManifestEntry` per job, in
completion order, holding only the jobs in flight (inputs are streamed). Workers write
the JSON outputs themselves (atomically); the caller writes the manifest rows.

The local engine keeps its own small pool of ``multiprocessing`` workers, one pipe each,
rather than ``concurrent.futures``: a document that runs past ``timeout`` is stopped by
killing its worker, which a shared executor queue would not survive, and a fresh worker
takes its place.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import select
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from models.errors import CouncilxError
from models.manifest import ManifestEntry
from pipelines.settings import PIPELINE_VERSION, Settings

ENGINES = ("local", "dask")


class EngineError(CouncilxError):
    """The engine itself could not run (workers would not start, scheduler unreachable)."""


@dataclass(frozen=True)
class Job:
    """One input to process: where it is, where its JSON goes, and how."""

    path: Path
    out: Path
    settings: Settings
    force: bool = False


def run_job(job: Job) -> ManifestEntry:
    """Process one job in this process (never raises for a bad input)."""
    from pipelines.batch import process_one

    return process_one(job.path, job.out, job.settings, job.force)


def warm(settings: Settings) -> None:
    """Import the pipeline and load the spaCy model once, before the first document."""
    from pipelines.nlp import build_nlp

    build_nlp(settings.use_model)


def failed_entry(job: Job, error: str, seconds: float = 0.0) -> ManifestEntry:
    """A failed manifest row for a job that did not return its own (timeout, dead worker)."""
    return ManifestEntry(path=str(job.path), status="failed", error=error, seconds=round(seconds, 3),
                         pipeline_version=PIPELINE_VERSION)


def timeout_message(timeout: float) -> str:
    """The error text of a document stopped by ``--timeout``."""
    return f"timed out after {timeout:g} s"


def default_workers() -> int:
    """The CPUs this process may use (the default of ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- engines


class InlineEngine:
    """Every job in this process, one after another (``--workers 0``; no timeout)."""

    def map(self, jobs: Iterable[Job]) -> Iterator[ManifestEntry]:
        """Yield one row per job, in input order."""
        for job in jobs:
            yield run_job(job)


def _worker_main(conn: Connection, settings: Settings, func: Callable[[Job], ManifestEntry]) -> None:
    """Worker loop: warm up, say ready, then run ``func`` on each job until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warm(settings)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("peak_rss_mb", _peak_rss_mb()) if job is None else func(job))
        except (BrokenPipeError, OSError):  # the parent is gone (killed): nothing to report to
            return
        if job is None:
            return


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB (0 where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    started: float  # when it was spawned, then when its current job was sent
    ready: bool = False
    job: Job | None = None
    done: int = 0


def _context() -> Any:
    """forkserver on POSIX (safe with threads, and imports once in the server), else spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipelines.batch", "pipelines.core", "spacy"])
        return ctx
    return mp.get_context("spawn")


class LocalEngine:
    """A pool of worker processes on this machine, each loading the model once."""

    def __init__(self, workers: int | None = None, timeout: float | None = None, startup_timeout: float = 120.0,
                 func: Callable[[Job], ManifestEntry] = run_job, max_jobs: int = 250):
        """Args:
            workers: Worker processes (default: the CPU count).
            timeout: Seconds a job may run before its worker is killed and the job failed.
            startup_timeout: Seconds a worker may take to import and load the model.
            func: What a worker runs per job (an importable function; tests pass their own).
            max_jobs: Jobs after which a worker is replaced, so that memory stays flat over long
                batches (spaCy's string store only grows).
        """
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.func = func
        self.max_jobs = max_jobs
        self.peak_rss_mb = 0.0  # the largest worker's peak memory, known once map() has finished

    def _spawn(self, ctx: Any, settings: Settings) -> _Worker:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child, settings, self.func), daemon=True, name="councilx-worker")
        proc.start()
        child.close()
        return _Worker(proc, parent, time.monotonic())

    def _stop(self, w: _Worker, kill: bool = False) -> None:
        """Ask a worker to finish (noting its peak memory), or kill it."""
        if not kill:
            try:
                w.conn.send(None)
                if w.conn.poll(5):
                    _, mb = w.conn.recv()
                    self.peak_rss_mb = max(self.peak_rss_mb, mb)
            except (OSError, EOFError, ValueError, TypeError):
                pass
            w.proc.join(5)
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join()
        w.conn.close()

    def map(self, jobs: Iterable[Job]) -> Iterator[ManifestEntry]:
        """Yield one row per job as workers finish them."""
        it = iter(jobs)
        first = next(it, None)
        if first is None:
            return
        ctx, settings = _context(), first.settings
        it = _chain(first, it)
        pool = [self._spawn(ctx, settings) for _ in range(self.workers)]
        exhausted = False
        try:
            while True:
                exhausted = self._dispatch(pool, it) or exhausted
                busy = [w for w in pool if w.job is not None or not w.ready]
                if exhausted and not any(w.job is not None for w in pool):
                    return
                wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=self._wait_for(busy))
                for i, w in enumerate(pool):
                    entry = self._check(w)
                    if entry is not None:
                        yield entry
                    if w.done >= self.max_jobs and w.job is None:
                        self._stop(w)
                    if not w.proc.is_alive() and w.job is None and not exhausted:
                        w.conn.close()
                        pool[i] = self._spawn(ctx, settings)
        finally:
            for w in pool:
                self._stop(w, kill=w.job is not None or not w.ready)

    @staticmethod
    def _dispatch(pool: list[_Worker], it: Iterator[Job]) -> bool:
        """Give a job to every idle worker; True when the inputs ran out."""
        for w in pool:
            if w.ready and w.job is None and w.proc.is_alive():
                job = next(it, None)
                if job is None:
                    return True
                w.job, w.started = job, time.monotonic()
                w.conn.send(job)
        return False

    def _wait_for(self, busy: list[_Worker]) -> float | None:
        """Seconds until the nearest deadline (a document's timeout), or None to wait for any event."""
        if not self.timeout:
            return 1.0
        now = time.monotonic()
        left = [w.started + self.timeout - now for w in busy if w.job is not None]
        return max(0.0, min(left)) + 0.01 if left else 1.0

    def _check(self, w: _Worker) -> ManifestEntry | None:
        """Collect a finished job, or fail it when its worker died or ran past the timeout."""
        if w.conn.closed:  # retired after max_jobs and not replaced
            return None
        if w.conn.poll():
            try:
                msg = w.conn.recv()
            except (EOFError, OSError):
                msg = None
            if msg == "ready":
                w.ready = True
                return None
            if isinstance(msg, ManifestEntry):
                w.job, w.done = None, w.done + 1
                return msg
        if not w.ready:
            if not w.proc.is_alive() or time.monotonic() - w.started > self.startup_timeout:
                raise EngineError(f"a worker process could not start (exit code {w.proc.exitcode})")
            return None
        if w.job is None:
            return None
        elapsed = time.monotonic() - w.started
        if not w.proc.is_alive():
            job, w.job = w.job, None
            return failed_entry(job, f"worker process died (exit code {w.proc.exitcode})", elapsed)
        if self.timeout and elapsed > self.timeout:
            job, w.job = w.job, None
            w.proc.kill()
            w.proc.join()
            return failed_entry(job, timeout_message(self.timeout), elapsed)
        return None


# --------------------------------------------------------------------------- dask engine


def run_job_limited(job: Job, timeout: float | None) -> ManifestEntry:
    """Run a job in a forked child, killed after ``timeout`` seconds (POSIX); in-process otherwise.

    Used on Dask workers, which cannot start ``multiprocessing`` children (they are daemons).
    The child inherits the worker's loaded model, so forking costs little.
    """
    if not timeout or not hasattr(os, "fork"):
        return run_job(job)
    warm(job.settings)
    rfd, wfd = os.pipe()
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:  # child: run, send the pickled row, exit without cleanup handlers
        os.close(rfd)
        try:
            data = pickle.dumps(run_job(job))
            with os.fdopen(wfd, "wb") as fh:
                fh.write(data)
        finally:
            os._exit(0)
    os.close(wfd)
    try:
        return _read_child(rfd, pid, job, timeout, t0)
    finally:
        os.close(rfd)


def _read_child(rfd: int, pid: int, job: Job, timeout: float, t0: float) -> ManifestEntry:
    chunks: list[bytes] = []
    while True:
        left = t0 + timeout - time.monotonic()
        ready, _, _ = select.select([rfd], [], [], max(0.0, left))
        if not ready:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return failed_entry(job, timeout_message(timeout), time.monotonic() - t0)
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

    def __init__(self, scheduler: str | None = None, workers: int | None = None, timeout: float | None = None,
                 window: int | None = None):
        self.scheduler = scheduler
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.window = window

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
        cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        return Client(cluster), cluster

    def map(self, jobs: Iterable[Job]) -> Iterator[ManifestEntry]:
        """Yield one row per job as the cluster finishes them; at most ``window`` in flight."""
        from dask.distributed import as_completed

        client, cluster = self._client()
        try:
            threads = sum(client.nthreads().values()) or self.workers
            window = self.window or 2 * threads
            it = iter(jobs)
            futures = as_completed()
            for job in _take(it, window):
                futures.add(client.submit(run_job_limited, job, self.timeout, pure=False))
            for fut in futures:
                yield fut.result()
                for job in _take(it, 1):
                    futures.add(client.submit(run_job_limited, job, self.timeout, pure=False))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _chain(first: Job, rest: Iterator[Job]) -> Iterator[Job]:
    yield first
    yield from rest


def _take(it: Iterator[Job], n: int) -> list[Job]:
    out = []
    for _ in range(n):
        job = next(it, None)
        if job is None:
            break
        out.append(job)
    return out


Engine = InlineEngine | LocalEngine | DaskEngine


def make_engine(name: str = "local", *, workers: int | None = None, timeout: float | None = None,
                scheduler: str | None = None) -> Engine:
    """The engine called ``name`` ("local" or "dask"); local with ``workers=0`` runs in this process."""
    if name == "local":
        if scheduler:
            raise EngineError("--scheduler needs --engine dask")
        if workers == 0:
            if timeout:
                raise EngineError("--timeout needs at least one worker process (--workers 1 or more)")
            return InlineEngine()
        return LocalEngine(workers, timeout)
    if name == "dask":
        return DaskEngine(scheduler, workers, timeout)
    raise EngineError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")


__all__ = ["Job", "Engine", "InlineEngine", "LocalEngine", "DaskEngine", "make_engine", "run_job", "EngineError", "default_workers", "ENGINES"]
