"""A seeded fuzzing run (bench/fuzz.py): 100 mutated inputs of all five formats through the real `batch`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import fuzz
from extract import load_document
from models.errors import CouncilxError

FORMATS = {".pdf", ".docx", ".html", ".txt", ".md"}


def test_the_seeded_set_is_the_same_every_time_and_covers_every_format_and_mutation():
    seeds = fuzz.seed_inputs()
    first = [fuzz.make_input(seeds, 16, i) for i in range(100)]
    assert first == [fuzz.make_input(seeds, 16, i) for i in range(100)]
    assert {Path(name).suffix for name, _ in first} == FORMATS
    names = [fuzz.make_input(seeds, 16, i)[0] for i in range(400)]
    used = {op for name in names for op in Path(name).stem.split("-", 1)[1].split("+")}
    mutations = {f.__name__ for f in fuzz.GENERIC} | {f.__name__ for fs in fuzz.SPECIFIC.values() for f in fs}
    assert used == mutations


def test_a_seeded_run_of_100_inputs_is_clean(tmp_path: Path):
    fuzz.write_inputs(tmp_path / "in", 100, seed=16)
    c = fuzz.run_campaign(tmp_path / "in", tmp_path / "out", workers=2, timeout=60, max_memory=2048)
    assert c.problems == [], fuzz.report(c)
    assert c.files == len(c.rows) == 100
    assert {Path(r["path"]).suffix for r in c.rows} == FORMATS
    assert c.ok and c.failed and c.ok + c.failed == 100
    assert 0 < c.peak_at[0] < 2048


def test_the_checks_catch_what_the_criteria_forbid(tmp_path: Path):
    """The checker itself: a traceback, a crash, a two-line reason, a missing row and a leftover temporary file."""
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (tmp_path / "in" / name).write_text("x", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    rows = [
        {"path": str(tmp_path / "in" / "a.txt"), "status": "failed", "error": "unexpected error (KeyError): 'x'"},
        {"path": str(tmp_path / "in" / "b.txt"), "status": "failed", "error": "line one\nline two"},
        {"path": str(tmp_path / "in" / "c.txt"), "status": "failed", "error": "timed out after 60 s", "seconds": 61.5},
    ]
    (out / "manifest.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (out / ".a.json.1234.tmp").write_text("{", encoding="utf-8")
    c = fuzz.Campaign(files=4, exit_code=1, worker_peaks={7: 2100.0})
    fuzz.check(c, tmp_path / "in", out, "", "Traceback (most recent call last):", 60, 2048)
    text = "\n".join(c.problems)
    for expected in (
        "a traceback was printed",
        "manifest rows do not match the inputs (3 rows for 4 inputs)",
        "a.txt: unexpected error",
        "b.txt: not a one-line reason",
        "c.txt: timed out",
        "c.txt: ran 61.5 s, past the 60 s timeout",
        "worker 7 peaked at 2100 MB, over the 2048 MB limit",
        "outputs do not match the ok rows: extra ['.a.json.1234.tmp']",
    ):
        assert expected in text, (expected, text)


def test_overlap_resolution_keeps_what_the_pairwise_rule_keeps():
    """The linear _resolve_overlaps (it was quadratic: the campaign's 150 KB texts timed out) against the rule
    it implements: drop a span inside a longer kept one."""
    import random
    from types import SimpleNamespace

    from pipelines.extractors.organisations import OrganisationsExtractor

    def pairwise(cands):
        out = []
        for c in sorted(cands, key=lambda c: (c.start, -(c.end - c.start))):
            if not any(o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start for o in out):
                out.append(c)
        return out

    rng = random.Random(16)
    for _ in range(2000):
        spans = [(s := rng.randint(0, 30), s + rng.randint(1, 10)) for _ in range(rng.randint(0, 15))]
        cands = [SimpleNamespace(start=a, end=b, n=i) for i, (a, b) in enumerate(spans)]
        assert [c.n for c in OrganisationsExtractor._resolve_overlaps(cands)] == [c.n for c in pairwise(cands)]


@pytest.mark.parametrize(
    ("index", "error", "warning"),
    [
        (290, "not a valid PDF: the content is text with no %PDF- header (damaged, or not a PDF)", None),
        (1100, "not a valid PDF: the content is text with no %PDF- header (damaged, or not a PDF)", None),
        (1373, None, "the UTF-16 text ends in half a character, which was dropped"),
    ],
    ids=["pdf-header-flipped", "pdf-header-cut", "utf16-odd-length"],
)
def test_what_the_2000_input_campaign_found(tmp_path: Path, index: int, error: str | None, warning: str | None):
    """Inputs of the seed-16 campaign that ended badly: a PDF whose header a bit flip broke was refused as
    '.pdf files are not reports the tool reads'; a UTF-16 file of odd length was refused as malformed."""
    name, data = fuzz.make_input(fuzz.seed_inputs(), 16, index)
    path = tmp_path / name
    path.write_bytes(data)
    if error:
        with pytest.raises(CouncilxError) as e:
            load_document(path)
        assert e.value.reason == error and str(e.value) == f"{path}: {error}"  # errors name their file
    else:
        assert warning in load_document(path).warnings
