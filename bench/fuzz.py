"""A fuzzing campaign: the project's own samples, mutated into a seeded set of inputs, run through `batch`.

    python bench/fuzz.py                       # 2,000 inputs, seed 16, 2 workers
    python bench/fuzz.py --count 100 -j 1      # a quick run
    python bench/fuzz.py --only 1234           # write input 1234 of the seeded set (to keep as a test)

The seeds are the reports in data/raw/ and a few made here (PDF, Word, HTML, text, Markdown, in equal shares).
Each input is one seed with one to three mutations: bit flips, truncation at a random point, chunks spliced in
from other seeds, repeated or cut chunks; broken XML, members and zip records in Word files; broken
cross-reference tables, startxref, streams and objects in PDFs; mixed encodings, invalid UTF-8 and NUL runs in
text; broken tags, entities and deep nesting in HTML. Input ``i`` depends only on the seed and ``i``.

The inputs go through ``cli.py batch --no-model`` with ``--timeout`` and ``--max-memory``, while this script
samples each worker's resident memory (with its children) every 50 ms. The run is clean when: the batch
finishes (exit status 0 or 1); no traceback is printed; every input has one manifest row, ``ok`` or ``failed``
with a one-line reason that is not an unexpected error or a dead worker; no file runs past the timeout (none is
stopped by it either); no worker goes over the memory limit; and the output folder holds exactly one whole JSON
per ``ok`` row and nothing else (no temporary files). Exit status 1 when it is not.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipelines.engines.memory import child_pids, tree_rss_mb  # noqa: E402

FORMATS = ("pdf", "docx", "html", "txt", "md")
MAX_BYTES = 200_000  # inputs are capped at this size (a long report's text), so that time goes to parsing


# --- seeds --------------------------------------------------------------------------------------------------


def _paragraphs(rng: random.Random) -> list[tuple[str, str]]:
    councils = ("Worcester City Council", "Kent County Council", "Torbay Council", "Malvern Hills District Council")
    out = [("heading", "Shared Services Partnership Update")]
    for n in range(1, 7):
        a, b = rng.sample(councils, 2)
        out.append(("paragraph", f"{n}.1 {a} and {b} agreed on {n + 3} March 2024 to save £{n * 15},000 a year."))
        out.append(("list_item", f"({chr(96 + n)}) note the review in September 202{n}"))
    return out


def seed_inputs() -> dict[str, list[bytes]]:
    """The samples of each format: data/raw/ and some made here (the same bytes every time: no dates)."""
    from reportlab import rl_config

    from tests.extract.makers import make_docx, make_html, make_pdf, make_text

    rl_config.invariant = 1  # no creation date or random file ID in the PDFs

    seeds: dict[str, list[bytes]] = {f: [] for f in FORMATS}
    for p in sorted((ROOT / "data" / "raw").iterdir()):
        fmt = {".htm": "html", ".markdown": "md"}.get(p.suffix, p.suffix.lstrip("."))
        if fmt in seeds:
            seeds[fmt].append(p.read_bytes())
    rng = random.Random(0)
    paras = _paragraphs(rng)
    lines = [t for _, t in paras]
    seeds["pdf"] += [
        make_pdf([lines[:5], lines[5:]], table=[["Workstream", "Lead", "Saving"], ["Waste", "Kent", "£90k"]]),
        make_pdf([["# Report to: Cabinet", *lines]] * 3),
    ]
    seeds["docx"].append(_dateless(make_docx(paras)))
    seeds["html"].append(make_html(paras))
    seeds["txt"] += [make_text(paras), make_text(paras).decode().encode("cp1252", "replace")]
    md = "# Shared Services\n\n" + "\n".join(("- " if k == "list_item" else "\n") + t for k, t in paras)
    seeds["md"].append((md + "\n\n| Lead | Saving |\n|---|---|\n| Kent | £90k |\n").encode())
    return seeds


# --- mutations ----------------------------------------------------------------------------------------------


def bit_flips(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def truncate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    return data[: rng.randrange(1, len(data))]


def splice(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    other = rng.choice(pool)
    a = rng.randrange(len(other))
    chunk = other[a : a + rng.randint(1, 4096)]
    i = rng.randrange(len(data) + 1)
    j = i + (rng.randint(0, len(chunk)) if rng.random() < 0.5 else 0)  # insert, or overwrite
    return data[:i] + chunk + data[j:]


def repeat_chunk(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    i = rng.randrange(len(data))
    chunk = data[i : i + rng.randint(1, 512)]
    return data[:i] + chunk * rng.randint(2, 400) + data[i:]


def cut_chunk(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, max(1, len(data) // 4)) :]


def _sub_random(rng: random.Random, data: bytes, pattern: bytes, make) -> bytes:
    """Replace one random match of ``pattern`` with ``make(match)``."""
    found = list(re.finditer(pattern, data, re.S))
    if not found:
        return bit_flips(rng, data, [])
    m = rng.choice(found)
    return data[: m.start()] + make(m) + data[m.end() :]


def pdf_xref(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Break the cross-reference table: wrong offsets, a lost keyword, a bogus entry count, or garbage."""
    how = rng.randrange(4)
    if how == 0:
        return _sub_random(rng, data, rb"\d{10} \d{5} [nf]", lambda m: b"%010d 00000 n" % rng.randrange(10**10))
    if how == 1:
        return data.replace(b"xref", rng.choice([b"xreg", b"", b"xref xref"]), 1)
    if how == 2:
        return _sub_random(rng, data, rb"xref\s+\d+ \d+", lambda m: b"xref\n0 %d" % rng.choice([0, 1, 10**9, -5]))
    return _sub_random(
        rng, data, rb"xref.*?trailer", lambda m: b"xref\n" + bytes(rng.randrange(256) for _ in range(200))
    )


def pdf_startxref(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    value = rng.choice([b"0", b"-1", b"99999999999999999999", b"%d" % rng.randrange(len(data)), b"abc"])
    return _sub_random(rng, data, rb"startxref\s+\d+", lambda m: b"startxref\n" + value)


def pdf_stream(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Break a stream: a wrong /Length, corrupt compressed bytes, a lost endstream, a wrong filter."""
    how = rng.randrange(4)
    if how == 0:
        return _sub_random(rng, data, rb"/Length \d+", lambda m: b"/Length %d" % rng.choice([0, 1, 10**9, -1]))
    if how == 1:
        return _sub_random(
            rng,
            data,
            rb"stream\r?\n(.*?)endstream",
            lambda m: b"stream\n" + bit_flips(rng, m.group(1) or b"x", []) + b"endstream",
        )
    if how == 2:
        return data.replace(b"endstream", b"", rng.randint(1, 3))
    return _sub_random(
        rng,
        data,
        rb"/Filter\s*\[?\s*/\w+",
        lambda m: rng.choice([b"/Filter /DCTDecode", b"/Filter /Bogus", b"/Filter /JBIG2Decode"]),
    )


def pdf_objects(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Break the object graph: lost endobj, a page tree that points at itself, a giant page, odd numbers."""
    how = rng.randrange(4)
    if how == 0:
        return data.replace(b"endobj", b"", rng.randint(1, 5))
    if how == 1:
        return _sub_random(rng, data, rb"/Kids \[[^\]]*\]", lambda m: b"/Kids [1 0 R 1 0 R 2 0 R]")
    if how == 2:
        box = rng.choice([b"[0 0 14400 14400]", b"[0 0 1e30 1e30]", b"[0 0 -5 0]", b"[0 0 595 842] /UserUnit 75000"])
        return _sub_random(rng, data, rb"/MediaBox \[[^\]]*\]", lambda m: b"/MediaBox " + box)
    return _sub_random(rng, data, rb"\d+ 0 obj", lambda m: b"%d 0 obj" % rng.choice([0, 2**31, 99999999]))


XML_BREAKS = (
    lambda rng, x: x[: rng.randrange(len(x))],
    lambda rng, x: re.sub(rb"</w:[a-zA-Z]+>", b"", x, count=rng.randint(1, 50)),
    lambda rng, x: x.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>unclosed", 1),
    lambda rng, x: x.replace(b"<w:t>", b"<w:t>&undefined;", 1),
    lambda rng, x: x.replace(b"<w:t>", b"<w:t>\x01\x02\x0b", 1),
    lambda rng, x: x.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"urn:other", 1),
    lambda rng, x: x.replace(b"<w:body>", b"<w:body>" + b"<w:tbl><w:tr><w:tc>" * rng.randint(100, 3000), 1),
    lambda rng, x: x.replace(b"<w:t>", b"<w:t>" + "é€".encode("utf-16") * 20, 1),
    lambda rng, x: b"",
)


def _put(z: zipfile.ZipFile, name: str, body: bytes) -> None:
    """Add a member with a fixed date, so that the same seed makes the same bytes."""
    z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body, compress_type=z.compression)


def _dateless(data: bytes) -> bytes:
    """The zip with every member dated 1980-01-01, as _put writes them."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in src.namelist():
            _put(z, n, src.read(n))
    return out.getvalue()


def docx_xml(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Break the XML of one member (word/document.xml most often) and zip the file again."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        names = src.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return bit_flips(rng, data, pool)
    xml = [n for n in names if n.endswith((".xml", ".rels"))]
    target = "word/document.xml" if "word/document.xml" in names and rng.random() < 0.7 else rng.choice(xml or names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])) as z:
        for n in names:
            try:
                body = src.read(n)
            except Exception:  # noqa: BLE001 - a member the earlier mutation broke: drop it
                continue
            if n == target:
                body = rng.choice(XML_BREAKS)(rng, body)
            _put(z, n, body)
    return out.getvalue()


def docx_members(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Drop or duplicate a member, or damage a zip record (local header, central directory)."""
    how = rng.randrange(3)
    if how == 2:
        i = data.rfind(b"PK\x01\x02") if rng.random() < 0.5 else data.find(b"PK\x03\x04", 1)
        i = max(i, 0)
        return data[:i] + bit_flips(rng, data[i : i + 46], []) + data[i + 46 :]
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        names = src.namelist()
        drop = rng.choice(names)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the duplicate member is the point
            for n in names:
                if n != drop:
                    _put(z, n, src.read(n))
                elif how == 1:
                    _put(z, n, src.read(n))
                    _put(z, n, b"<dup/>")
        return out.getvalue()
    except Exception:  # noqa: BLE001 - already broken: damage it some more
        return bit_flips(rng, data, pool)


BAD_SEQUENCES = (
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\x80\x81",
)


def mixed_encodings(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Re-encode chunks of the text in different encodings, with invalid sequences and BOMs between them."""
    text = data.decode("utf-8", "replace")
    cuts = sorted(rng.randrange(len(text) + 1) for _ in range(rng.randint(1, 6)))
    out, start = [], 0
    for end in [*cuts, len(text)]:
        enc = rng.choice(["utf-8", "cp1252", "latin-1", "utf-16-le", "utf-16", "utf-8-sig", "cp437"])
        out.append(text[start:end].encode(enc, "replace"))
        if rng.random() < 0.5:
            out.append(rng.choice(BAD_SEQUENCES))
        start = end
    return b"".join(out)


def odd_text(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """NUL runs, stray controls, odd Unicode, very long lines, deep Markdown nesting."""
    pieces = [
        b"\x00" * rng.randint(1, 5000),
        b"\x0c\x0b\x1b\r",
        "\u2028\ufeff\u202e\u0301\U0001f600".encode(),
        b"x" * rng.randint(10_000, 100_000),
        b"1.1.1.1.1.1.1.1 " * rng.randint(100, 5000),
        b"> " * rng.randint(100, 3000) + b"- " * rng.randint(100, 3000) + b"text\n",
        b"| a " * rng.randint(100, 3000) + b"|\n",
        b"#" * rng.randint(7, 2000) + b" heading\n",
        "£".encode() * rng.randint(100, 20000),
    ]
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(pieces) + data[i:]


def html_markup(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Broken tags, unclosed comments and scripts, entity soup, deep nesting, a lying charset."""
    pieces = [
        b"<div>" * rng.randint(100, 20000),
        b"<!-- never closed",
        b"<script>var x = '",
        b"&#x110000;&#0;&#xD800;&bogus;&amp" * rng.randint(1, 200),
        b'<meta charset="utf-16"><meta charset="shift_jis">',
        b"<table>" + b"<tr><td>" * rng.randint(10, 5000),
        b"<p " + b'a="' * rng.randint(1, 2000),
        b"<" * rng.randint(1, 10000),
    ]
    i = rng.randrange(len(data) + 1)
    data = data[:i] + rng.choice(pieces) + data[i:]
    return data.replace(b">", b"", rng.randint(0, 3))


GENERIC = (bit_flips, truncate, splice, repeat_chunk, cut_chunk)
SPECIFIC = {
    "pdf": (pdf_xref, pdf_startxref, pdf_stream, pdf_objects),
    "docx": (docx_xml, docx_members),
    "html": (html_markup, mixed_encodings),
    "txt": (mixed_encodings, odd_text),
    "md": (mixed_encodings, odd_text),
}


def make_input(seeds: dict[str, list[bytes]], seed: int, index: int) -> tuple[str, bytes]:
    """Input ``index`` of the set made with ``seed``: its name and bytes (the same every time)."""
    rng = random.Random(f"{seed}:{index}")
    fmt = FORMATS[index % len(FORMATS)]
    data = rng.choice(seeds[fmt])
    pool = [d for ds in seeds.values() for d in ds]
    ops = [rng.choice(SPECIFIC[fmt])] if rng.random() < 0.6 else []
    ops += [rng.choice(GENERIC) for _ in range(rng.randint(0 if ops else 1, 2))]
    rng.shuffle(ops)
    for op in ops:
        data = op(rng, data, pool)[:MAX_BYTES] or b" "
    return f"{index:05d}-{'+'.join(op.__name__ for op in ops)}.{fmt}", data


def write_inputs(folder: Path, count: int, seed: int, only: int | None = None) -> list[Path]:
    seeds = seed_inputs()
    paths = []
    for i in [only] if only is not None else range(count):
        name, data = make_input(seeds, seed, i)
        path = folder / name.rsplit(".", 1)[1] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


# --- the run and its checks -------------------------------------------------------------------------------


@dataclass
class Campaign:
    files: int = 0
    rows: list[dict] = field(default_factory=list)
    exit_code: int | None = None
    seconds: float = 0.0
    worker_peaks: dict[int, float] = field(default_factory=dict)  # worker pid -> peak MB
    peak_at: tuple[float, float] = (0.0, 0.0)  # (MB, when) of the largest sample
    finished: dict[str, float] = field(default_factory=dict)  # path -> when its row arrived
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> int:
        return sum(r["status"] == "ok" for r in self.rows)

    @property
    def failed(self) -> int:
        return sum(r["status"] == "failed" for r in self.rows)


def _sample(pid: int, campaign: Campaign, stop: threading.Event, t0: float) -> None:
    """Every 50 ms, each worker's resident memory with its children (workers: the CLI's grandchildren)."""
    while not stop.wait(0.05):
        for child in child_pids(pid):
            for worker in child_pids(child):
                mb = tree_rss_mb(worker)
                campaign.worker_peaks[worker] = max(campaign.worker_peaks.get(worker, 0.0), mb)
                if mb > campaign.peak_at[0]:
                    campaign.peak_at = (mb, time.monotonic() - t0)


def run_campaign(inputs: Path, out: Path, workers: int, timeout: float, max_memory: float) -> Campaign:
    """Run ``cli.py batch`` over ``inputs`` and check the criteria (``Campaign.problems`` lists what failed)."""
    campaign = Campaign(files=sum(1 for p in inputs.rglob("*") if p.is_file()))
    cmd = [sys.executable, str(ROOT / "cli.py"), "batch", str(inputs), "-o", str(out), "--no-model", "--jsonl"]
    cmd += ["-j", str(workers), "--timeout", f"{timeout:g}", "--max-memory", f"{max_memory:g}"]
    stop = threading.Event()
    t0 = time.monotonic()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT)
        sampler = threading.Thread(target=_sample, args=(proc.pid, campaign, stop, t0), daemon=True)
        sampler.start()
        stdout = []
        for line in proc.stdout:  # type: ignore[union-attr]
            stdout.append(line)
            try:
                campaign.finished[json.loads(line)["path"]] = time.monotonic() - t0
            except (ValueError, KeyError, TypeError):
                pass
        campaign.exit_code = proc.wait()
        stop.set()
        sampler.join()
        err.seek(0)
        stderr = err.read()
    campaign.seconds = time.monotonic() - t0
    check(campaign, inputs, out, "".join(stdout), stderr, timeout, max_memory)
    return campaign


CRASHES = ("unexpected error", "worker process died", "the dask task failed")


def check(campaign: Campaign, inputs: Path, out: Path, stdout: str, stderr: str, timeout: float, max_memory: float):
    problems = campaign.problems
    if campaign.exit_code not in (0, 1):
        problems.append(f"batch exit status {campaign.exit_code}: {stderr.strip()[-300:]}")
    if "Traceback" in stdout or "Traceback" in stderr:
        problems.append("a traceback was printed")
    manifest = out / "manifest.jsonl"
    rows = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines()] if manifest.exists() else []
    campaign.rows = rows
    paths = Counter(r["path"] for r in rows)
    expected = {str(p) for p in inputs.rglob("*") if p.is_file()}
    if set(paths) != expected or any(n > 1 for n in paths.values()):
        problems.append(f"manifest rows do not match the inputs ({len(rows)} rows for {len(expected)} inputs)")
    for r in rows:
        name = Path(r["path"]).name
        if r["status"] not in ("ok", "failed"):
            problems.append(f"{name}: status {r['status']}")
        elif r["status"] == "failed":
            error = r.get("error") or ""
            if not error.strip() or "\n" in error:
                problems.append(f"{name}: not a one-line reason: {error!r}")
            if error.lower().startswith(CRASHES) or error.startswith("timed out") or "--max-memory" in error:
                problems.append(f"{name}: {error}")
        if (r.get("seconds") or 0) > timeout + 1:
            problems.append(f"{name}: ran {r['seconds']} s, past the {timeout:g} s timeout")
    for pid, mb in campaign.worker_peaks.items():
        if mb > max_memory:
            problems.append(f"worker {pid} peaked at {mb:.0f} MB, over the {max_memory:g} MB limit")
    problems += check_outputs(out, rows)


def check_outputs(out: Path, rows: list[dict]) -> list[str]:
    """Exactly one whole JSON per ok row, of that input; nothing else."""
    problems = []
    ok = {Path(r["output"]).name: r for r in rows if r["status"] == "ok"}
    found = {p.name for p in out.iterdir()} - {"manifest.jsonl"} if out.exists() else set()
    if found != set(ok):
        problems.append(
            f"outputs do not match the ok rows: extra {sorted(found - set(ok))[:5]}, missing {sorted(set(ok) - found)[:5]}"
        )
    for name in found & set(ok):
        try:
            data = json.loads((out / name).read_text(encoding="utf-8"))
            if data["source"]["sha256"] != ok[name]["sha256"]:
                problems.append(f"{name}: the JSON is of another input")
        except (ValueError, KeyError, OSError) as e:
            problems.append(f"{name}: not a whole JSON ({type(e).__name__})")
    return problems


def reason(error: str) -> str:
    """An error with its numbers and file-specific parts blanked, to count failures by reason."""
    error = re.sub(r"\d[\d,.]*", "N", error)
    return re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", error)


def report(c: Campaign, top: int = 5) -> str:
    lines = [
        f"files {c.files}, ok {c.ok}, failed {c.failed}, batch exit status {c.exit_code}, {c.seconds:.0f} s",
        "failed by reason:",
    ]
    reasons = Counter(reason(r["error"] or "") for r in c.rows if r["status"] == "failed")
    lines += [f"  {n:5d}  {why}" for why, n in reasons.most_common()]
    lines.append("slowest:")
    slow = sorted(c.rows, key=lambda r: -(r.get("seconds") or 0))[:top]
    lines += [f"  {r['seconds']:7.2f} s  {Path(r['path']).name}  ({r['status']})" for r in slow]
    mb, when = c.peak_at
    running = [
        Path(r["path"]).name
        for r in c.rows
        if c.finished.get(r["path"], -1) >= when >= c.finished.get(r["path"], -1) - (r.get("seconds") or 0) - 0.1
    ]
    lines.append(
        f"largest memory: {mb:.0f} MB in one worker (with its children), while running: {', '.join(running) or '?'}"
    )
    lines.append(f"workers started: {len(c.worker_peaks)}")
    lines.append("clean" if not c.problems else f"NOT CLEAN ({len(c.problems)} problems):")
    lines += [f"  {p}" for p in c.problems[:50]]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("-j", "--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--max-memory", type=float, default=2048.0)
    ap.add_argument("--keep", type=Path, help="make the inputs and outputs here (default: a temporary folder)")
    ap.add_argument("--only", type=int, help="only write input ONLY of the seeded set (into --keep) and stop")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="councilx-fuzz-") as tmp:
        base = args.keep or Path(tmp)
        if args.only is not None:
            print(write_inputs(args.keep or Path("."), args.count, args.seed, args.only)[0])
            return 0
        write_inputs(base / "in", args.count, args.seed)
        c = run_campaign(base / "in", base / "out", args.workers, args.timeout, args.max_memory)
        print(report(c))
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
