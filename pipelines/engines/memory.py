"""The per-worker memory limit (``--max-memory``): a watchdog on resident memory and an address-space backstop.

Two layers, because each alone falls short with spaCy, numpy, PDFium and Tesseract in one worker:

- The engine polls each busy worker's resident memory (its own and its children's, e.g. Tesseract's)
  every ``POLL_SECONDS`` and kills a worker that goes over the limit; the file gets a failed row saying so,
  and a fresh worker takes its place. Resident memory is what takes a machine, and killing from outside
  works whatever the worker is doing (inside C code, ignoring signals).
- A file that allocates faster than the poll could still overshoot, so each worker also caps its own
  address space (``RLIMIT_AS``) at the limit above what it holds once the model is loaded. Capping the
  whole address space at the limit would refuse memory that is only reserved (thread stacks, malloc
  arenas, mapped model files), which with spaCy and numpy loaded is about twice what is resident.
  Past the cap an allocation fails: Python code gets a MemoryError (a failed row), C code may
  abort (the worker dies; a failed row too).

Linux only (``/proc``); elsewhere no limit is enforced.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MAX_MEMORY_MB = 2048.0
POLL_SECONDS = 0.1


def memory_message(limit_mb: float) -> str:
    """The error text of a file stopped by ``--max-memory``."""
    return f"stopped: used over {limit_mb:g} MB of memory (the --max-memory limit)"


def _status_kb(pid: int | str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def child_pids(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            out += [int(x) for x in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
        except (OSError, ValueError):
            continue
    return out


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (only ``pid`` where ``/proc`` does not say)."""
    todo, seen = [pid], []
    while todo and len(seen) < 256:
        p = todo.pop()
        if p not in seen:
            seen.append(p)
            todo += child_pids(p)
    return seen


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MB (0 where ``/proc`` does not say)."""
    return _status_kb(pid, "VmRSS") / 1024


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants, in MB (0 where ``/proc`` does not say)."""
    return sum(rss_mb(p) for p in process_tree(pid))


def kill_tree(pid: int) -> None:
    """SIGKILL ``pid`` and its descendants (a worker and, say, the Tesseract it started)."""
    import signal

    for p in process_tree(pid):
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            continue


def cap_address_space(limit_mb: float) -> None:
    """Cap this process's address space at ``limit_mb`` above its present size (the backstop above)."""
    try:
        import resource
    except ImportError:  # Windows
        return
    now = _status_kb("self", "VmSize") * 1024
    if not now:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = now + int(limit_mb * 1024 * 1024)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
