"""Writing outputs safely: atomic JSON files, collision-free names, manifest appends."""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from models.errors import OutputError
from models.manifest import ManifestEntry

MANIFEST_NAME = "manifest.jsonl"


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, fsync, then rename into place.

    The temporary file is created with mode 0666 less the umask, as any new file is, so the
    output ends with the permissions the user expects (0644 under umask 022), not 0600.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(path)
    except OSError as e:
        raise cannot_write(path, e) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise cannot_write(path, e) from None
        raise


def cannot_write(path: Path, error: OSError) -> OutputError:
    """One sentence naming the output and why it cannot be written (a read-only folder, a file where a folder
    should be, a full disk), instead of the OS error about a temporary file."""
    folder = path.parent
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return OutputError(f"cannot write {path}: {parent} is a file, not a folder", path)
            folder = parent
            break
    reason = (error.strerror or str(error)).lower()
    where = f" (the folder {folder} is read-only for you)" if isinstance(error, PermissionError) else ""
    return OutputError(f"cannot write {path}: {reason}{where}", path)


def _create_temp(path: Path) -> tuple[int, str]:
    """A new ``.<name>.<random>.tmp`` beside ``path``, opened for writing; the umask sets its mode."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise OutputError(f"cannot create a temporary file beside {path}", path)


STREAM_NAMES = ("<stdin>", "<bytes>", "<stream>")  # source.path of a report read from no file


def find_source(source_path: str, json_file: Path | None = None) -> Path | None:
    """The input file a report JSON was made from, or None when it is gone.

    ``source.path`` is absolute since 0.5; an older, relative one is tried from the current folder, then
    from the JSON file's folder.
    """
    path = Path(source_path)
    tries = [path] if path.is_absolute() else [path, *([json_file.parent / path] if json_file else [])]
    return next((p for p in tries if p.is_file()), None)


def source_gone(source_path: str, json_file: Path | None = None) -> bool:
    """True when a report's input file no longer exists (never for a report read from a stream)."""
    return source_path not in STREAM_NAMES and find_source(source_path, json_file) is None


OWN_PAGE_MARKS = (b" \xe2\x80\x94 councilx review</title>", b"<title>councilx overview</title>")


def is_own_output(path: Path) -> bool:
    """True when ``path`` may be replaced: it does not exist, is empty, or is a file this tool wrote.

    The tool knows its own outputs by their content: a report JSON (an object with ``schema_version``,
    ``source`` and ``pipeline``), a review page or overview (their ``<title>``). Export tables have their
    own check (``pipelines.export.is_own_table``), the SQLite database its ``application_id``.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return True
        with path.open("rb") as fh:
            head = fh.read(4096)
        if any(mark in head for mark in OWN_PAGE_MARKS):
            return True
        if head.lstrip().startswith(b"{"):
            data = json.loads(path.read_text(encoding="utf-8"))
            return isinstance(data, dict) and {"schema_version", "source", "pipeline"} <= data.keys()
    except (OSError, ValueError):
        return False
    return False


def refuse_foreign(outputs: Iterable[Path], force: bool = False) -> None:
    """Refuse to replace an existing file that this tool did not write, unless ``force``.

    Raises:
        OutputError: naming the file.
    """
    if force:
        return
    for out in outputs:
        if not out.is_dir() and not is_own_output(out):
            raise foreign(out)


def foreign(path: Path) -> OutputError:
    return OutputError(
        f"{path} exists and was not written by councilx; choose another output, or give --force to replace it",
        path,
    )


def refuse_clobber(outputs: Iterable[Path], inputs: Iterable[Path] = (), trees: Iterable[Path] = ()) -> None:
    """Refuse, before any work, an output that would replace an input or land in an input folder.

    ``inputs`` are files (or folders) a command reads; ``trees`` are input folders that no output
    may be written into. Paths are compared after resolving symbolic links, and existing files
    also by identity, so a hard link or another spelling of an input is caught too.

    Raises:
        OutputError: naming the output and the input it would replace.
    """
    ins = [(p, p.resolve()) for p in inputs]
    roots = [(t, t.resolve()) for t in trees]
    for out in outputs:
        real = out.resolve()
        for given, r in ins:
            if real == r or _same_file(out, given):
                what = "folder" if r.is_dir() else "file"
                raise OutputError(f"output {out} is the input {what} {given}; choose another output")
        for given, r in roots:
            if real == r:
                raise OutputError(f"output {out} is the input folder {given}; choose an output outside it")
            if r in real.parents:
                raise OutputError(f"output {out} is inside the input folder {given}; choose an output outside it")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def safe_stem(name: str) -> str:
    """A file-name-safe stem: keeps letters (accents too), digits, dot, dash, underscore."""
    stem = unicodedata.normalize("NFC", Path(name).stem)
    stem = re.sub(r"[^\w.\-]+", "_", stem, flags=re.UNICODE).strip("._") or "report"
    return stem[:150]


def output_names(inputs: list[Path], root: Path) -> dict[Path, str]:
    """Map each input to a unique ``<stem>.json`` name; collisions get ``<stem>--<hash8>.json``.

    The hash is of the path relative to ``root``, so names are predictable and stable across runs.
    """
    stems: dict[str, list[Path]] = {}
    for p in inputs:
        stems.setdefault(safe_stem(p.name).lower(), []).append(p)
    out: dict[Path, str] = {}
    for group in stems.values():
        for p in group:
            stem = safe_stem(p.name)
            if len(group) > 1:
                try:
                    rel = p.relative_to(root).as_posix()
                except ValueError:
                    rel = p.as_posix()
                stem = f"{stem}--{hashlib.sha1(rel.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
            out[p] = f"{stem}.json"
    return out


def check_writable(outdir: Path) -> None:
    """Fail before any work when the output folder cannot be created or written."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=outdir, prefix=".write-test.")
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        raise OutputError(f"cannot write to output folder {outdir}: {e.strerror or e}") from None


def remove_stale_temps(outdir: Path) -> int:
    """Delete temporary files left in ``outdir`` by a killed run; return how many.

    Only names this module creates are touched: ``.<name>.<random>.tmp`` from
    :func:`write_text_atomic` and ``.write-test.<random>`` from :func:`check_writable`.
    """
    removed = 0
    for pattern in (".*.tmp", ".write-test.*"):
        for p in outdir.glob(pattern):
            try:
                p.unlink()
                removed += 1
            except OSError:
                continue
    return removed


def remove_temps_of(path: Path) -> None:
    """Delete the temporary files of ``path`` left by a worker killed while writing it (timeout, memory)."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp"):
            try:
                os.unlink(path.parent / name)
            except OSError:
                continue


def repair_manifest(outdir: Path) -> None:
    """Cut a torn last line (from a run killed mid-write) so the next append starts a fresh row."""
    path = outdir / MANIFEST_NAME
    try:
        with path.open("rb+") as fh:
            data = fh.read()
            if not data or data.endswith(b"\n"):
                return
            fh.truncate(data.rfind(b"\n") + 1)
            fh.flush()
            os.fsync(fh.fileno())
    except FileNotFoundError:
        return


def append_manifest(outdir: Path, entry: ManifestEntry) -> None:
    """Append one row to the manifest in a single write and flush it to disk."""
    with (outdir / MANIFEST_NAME).open("a", encoding="utf-8") as fh:
        fh.write(entry.model_dump_json() + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def read_manifest(outdir: Path) -> list[ManifestEntry]:
    """Every readable row of the manifest (a torn last line is ignored)."""
    path = outdir / MANIFEST_NAME
    rows: list[ManifestEntry] = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            rows.append(ManifestEntry.model_validate(json.loads(line)))
        except (ValueError, TypeError):
            continue
    return rows
