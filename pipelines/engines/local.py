"""The local engine: a small pool of worker processes, each loading the model once.

It keeps its own ``multiprocessing`` workers, one pipe each, rather than
``concurrent.futures``: a document that runs past ``timeout``, or whose worker goes over
``max_memory`` (see ``pipelines/engines/memory.py``), is stopped by killing its worker, which a
shared executor queue would not survive, and a fresh worker takes its place.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from multiprocessing.connection import Connection, wait
from pathlib import Path
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
from pipelines.settings import Settings


def _worker_main(
    conn: Connection, settings: Settings, func: Callable[[Job], ManifestEntry], max_memory: float | None = None
) -> None:
    """Worker loop: warm up, cap memory, say ready, then run ``func`` on each job until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warm(settings)
    if max_memory:
        cap_address_space(max_memory)
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


def _start_hint() -> str:
    """What to do when workers die on start: a script's own code runs again in each worker process (it is
    imported there), so a script that calls ``run_batch`` at its top level starts workers from the workers."""
    import sys

    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if not script or Path(script).stem in ("cli", "councilx", "councilx-script"):  # not a user's script
        return ""
    return (
        f"; if {main.__file__} calls run_batch at its top level, put the call under "
        '`if __name__ == "__main__":` (each worker process imports the script again), or pass workers=0'
    )


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    started: float  # when it was spawned, then when its current job was sent
    ready: bool = False
    job: Job | None = None
    done: int = 0


def _context() -> Any:
    """forkserver on POSIX (safe with threads, and imports once in the server), else spawn.

    Our own packages are not preloaded by default: Python 3.11's forkserver imports them before
    it has the parent's ``sys.path``, so preloading them could pick up another copy of them (the
    one in the current folder) than the parent runs. ``WORKER_PRELOAD`` is the exception.
    """
    # One BLAS/OpenMP thread per worker: the workers are the parallelism, and numpy's default of a
    # thread per core oversubscribes the CPUs (the forkserver reads these when it imports numpy).
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["spacy", "pdfplumber", "pypdfium2", "pydantic", *WORKER_PRELOAD])
        return ctx
    return mp.get_context("spawn")


class LocalEngine:
    """A pool of worker processes on this machine, each loading the model once."""

    def __init__(
        self,
        workers: int | None = None,
        timeout: float | None = None,
        startup_timeout: float = 120.0,
        func: Callable[[Job], ManifestEntry] = run_job,
        max_jobs: int = 250,
        max_memory: float | None = DEFAULT_MAX_MEMORY_MB,
    ):
        """Args:
        workers: Worker processes (default: the CPU count).
        timeout: Seconds a job may run before its worker is killed and the job failed.
        startup_timeout: Seconds a worker may take to import and load the model.
        func: What a worker runs per job (an importable function; tests pass their own).
        max_jobs: Jobs after which a worker is replaced, so that memory stays flat over long
            batches (spaCy's string store only grows).
        max_memory: MB of resident memory a worker (with its children) may use; past it the worker is
            killed and replaced, and its job failed. None: no limit.
        """
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.func = func
        self.max_jobs = max_jobs
        self.max_memory = max_memory
        self.peak_rss_mb = 0.0  # the largest worker's peak memory, known once map() has finished

    def _spawn(self, ctx: Any, settings: Settings) -> _Worker:
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=_worker_main, args=(child, settings, self.func, self.max_memory), daemon=True, name="councilx-worker"
        )
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
        head = take(it, self.workers)  # no more workers than jobs: each one loads the model
        if not head:
            return
        ctx, settings = _context(), head[0].settings
        it = chain(head, it)
        pool = [self._spawn(ctx, settings) for _ in head]
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
                try:
                    w.conn.send(job)
                except OSError:  # it died just now: _check reports the job as failed
                    pass
        return False

    def _wait_for(self, busy: list[_Worker]) -> float:
        """Seconds to wait for an event: until the nearest deadline (a document's timeout), at most 1
        (at most ``POLL_SECONDS`` while a memory limit is watched)."""
        most = POLL_SECONDS if self.max_memory and any(w.job is not None for w in busy) else 1.0
        if not self.timeout:
            return most
        now = time.monotonic()
        left = [w.started + self.timeout - now for w in busy if w.job is not None]
        return min(most, max(0.0, min(left)) + 0.01) if left else most

    def _check(self, w: _Worker) -> ManifestEntry | None:
        """Collect a finished job, or fail it when its worker died, ran past the timeout or went over the memory limit."""
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
                raise EngineError(f"a worker process could not start (exit code {w.proc.exitcode}){_start_hint()}")
            return None
        if w.job is None:
            return None
        elapsed = time.monotonic() - w.started
        if not w.proc.is_alive():
            job, w.job = w.job, None
            remove_temps_of(job.out)
            return failed_entry(job, f"worker process died (exit code {w.proc.exitcode})", elapsed)
        if self.timeout and elapsed > self.timeout:
            return self._kill(w, timeout_message(self.timeout), elapsed)
        if self.max_memory:
            rss = tree_rss_mb(w.proc.pid)
            self.peak_rss_mb = max(self.peak_rss_mb, rss)
            if rss > self.max_memory:
                return self._kill(w, memory_message(self.max_memory), elapsed)
        return None

    @staticmethod
    def _kill(w: _Worker, reason: str, elapsed: float) -> ManifestEntry:
        """Kill a worker over a limit (the loop in ``map`` replaces it) and fail its job; no temporary file is left."""
        job, w.job = w.job, None
        kill_tree(w.proc.pid)
        w.proc.join()
        remove_temps_of(job.out)
        return failed_entry(job, reason, elapsed)
