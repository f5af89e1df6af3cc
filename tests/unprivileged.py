"""Running the CLI without root's powers, so that read-only and unreadable folders mean what they mean to a
user: under root (CI containers) the command runs through ``setpriv`` without the capabilities that override
file permissions; otherwise as the current user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return DROP


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """``cli.py ARGS`` in a fresh process, bound by file permissions."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [*_prefix(), sys.executable, str(ROOT / "cli.py"), *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=300,
    )


@pytest.fixture()
def space() -> Iterator[Path]:
    """A folder the unprivileged user may write in (pytest's tmp_path is private to root)."""
    d = Path(tempfile.mkdtemp(prefix="councilx-test-"))
    d.chmod(0o777)
    yield d
    for p in d.rglob("*"):  # make everything removable again
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o777)
    shutil.rmtree(d)


def share(root: Path) -> None:
    """Let the unprivileged user read and write everything under ``root`` (made by this process)."""
    for p in [root, *root.rglob("*")]:
        p.chmod(0o777 if p.is_dir() else 0o666)
