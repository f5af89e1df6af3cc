"""`review --serve`: the server's endpoints through HTTP (started on a free port in a thread)."""

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

import councilx
from extract import load_document
from pipelines.corrections import item_key, load_correction
from pipelines.review_server import make_server
from tests.test_cli import run
from tests.test_corrections import MISSED, REPORT


@pytest.fixture()
def serving(tmp_path):
    """(base URL, reports folder, batch folder, corrections folder): a batch of one report, and `review --serve`
    over it running in a thread (shared with the browser tests)."""
    raw, out, corr = tmp_path / "raw", tmp_path / "out", tmp_path / "corrections"
    raw.mkdir()
    (raw / "waste.md").write_text(REPORT, encoding="utf-8")
    assert run("batch", str(raw), "-o", str(out), "-j", "0", "--no-model").returncode == 0
    server = make_server(out, corr, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", raw, out, corr
    server.shutdown()
    server.server_close()


@pytest.fixture()
def served(serving):
    """(base URL, batch folder, corrections folder, report)."""
    base, _, out, corr = serving
    return base, out, corr, councilx.read_reports(out)[0]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def post(url: str, body: object, ctype: str = "application/json") -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": ctype}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_it_listens_on_localhost_only(served):
    base = served[0]
    assert base.startswith("http://127.0.0.1:")


def test_pages_list_the_reports_and_carry_the_controls(served):
    base, _, _, report = served
    status, index = get(base + "/")
    assert status == 200 and 'href="/r/waste"' in index
    status, page = get(base + "/r/waste")
    assert status == 200
    key = item_key("savings", report.savings[0])
    assert f'data-field="savings" data-key="{key}"' in page
    assert 'id="cx-state"' in page and 'id="cx-bar"' in page
    assert get(base + "/r/nothing")[0] == 404
    assert get(base + "/api/waste/correction") == (200, '{"decisions": []}')


def test_three_changes_make_a_correction_file_of_exactly_three_decisions(served):
    base, out, corr, report = served
    lga = next(o for o in report.organisations if o.name == "Local Government Association")
    start = load_document(out / ".." / "raw" / "waste.md").text.index(MISSED)
    changes = [
        {"field": "organisations", "action": "reject", "item": item_key("organisations", lga)},
        {"field": "savings", "action": "fix", "item": item_key("savings", report.savings[0]), "value": {"amount": 5}},
        {
            "field": "recommendations",
            "action": "add",
            "evidence": {"start": start, "end": start + len(MISSED), "quote": MISSED},
        },
    ]
    for c in changes:
        status, body = post(base + "/api/waste/decision", c)
        assert status == 200, body
    saved = load_correction(corr / "waste.json")
    assert [(d.field, d.action) for d in saved.decisions] == [
        ("organisations", "reject"),
        ("savings", "fix"),
        ("recommendations", "add"),
    ]
    assert saved.decisions[2].evidence.page == 1  # the server reads the page off the document
    assert json.loads(get(base + "/api/waste/correction")[1])["decisions"] == [
        json.loads(d.model_dump_json()) for d in saved.decisions
    ]


def test_concurrent_changes_from_two_tabs_are_all_kept(served):
    base, _, corr, report = served
    changes = [
        {"field": f, "action": "right", "item": item_key(f, x)}
        for f in ("partners", "organisations", "dates", "recommendations", "workstreams", "savings")
        for x in getattr(report, f)
    ]
    assert len(changes) >= 10
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda c: post(base + "/api/waste/decision", c), changes))
    assert all(status == 200 for status, _ in results)
    saved = load_correction(corr / "waste.json")
    assert sorted((d.field, d.item) for d in saved.decisions) == sorted((c["field"], c["item"]) for c in changes)


def test_bad_requests_are_refused_with_one_line(served):
    base, _, corr, report = served
    url = base + "/api/waste/decision"
    status, body = post(url, {"field": "organisations", "action": "reject", "item": "Nowhere@1"})
    assert status == 400 and "Nowhere@1" in body["error"]
    status, body = post(
        url, {"field": "recommendations", "action": "add", "evidence": {"start": 0, "end": 3, "quote": "xyz"}}
    )
    assert status == 400 and "select it again" in body["error"]
    status, body = post(url, {"field": "colours", "action": "reject", "item": "x"})
    assert status == 400 and body["error"].startswith("field")
    assert post(url, {"field": "dates"}, ctype="text/plain")[0] == 415
    assert post(base + "/api/other/decision", {"field": "dates", "action": "right", "item": "x"})[0] == 404
    assert not (corr / "waste.json").exists()  # nothing bad was written


def _record_all(corr: str, report_json: str, changes: list[dict], start) -> None:
    """One process writing decisions, as a second `review --serve` on the same folder would."""
    from pathlib import Path

    from models.correction import Decision
    from models.report import Report
    from pipelines.corrections import record_decision

    report = Report.model_validate_json(report_json)
    start.wait(60)  # both processes ready: their writes interleave
    for c in changes:
        record_decision(Path(corr), "waste", report, Decision(**c))


def test_two_processes_writing_one_folder_lose_nothing(served):
    import multiprocessing

    _, _, corr, report = served
    changes = [
        {"field": f, "action": "right", "item": item_key(f, x)}
        for f in ("partners", "organisations", "dates", "recommendations", "workstreams", "savings")
        for x in getattr(report, f)
    ]
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    procs = [
        ctx.Process(target=_record_all, args=(str(corr), report.model_dump_json(), changes[k::2], start))
        for k in (0, 1)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    saved = load_correction(corr / "waste.json")
    assert sorted((d.field, d.item) for d in saved.decisions) == sorted((c["field"], c["item"]) for c in changes)
