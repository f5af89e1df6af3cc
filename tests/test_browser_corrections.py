"""Issue 17 in a real headless Chromium: correct a report on `review --serve`, then see it downstream."""

import sqlite3

import pytest

import councilx
from extract import load_document
from pipelines.corrections import load_correction
from tests.test_browser import CHROMIUM, DRIVER, browser  # noqa: F401 - the shared browser fixture
from tests.test_cli import run
from tests.test_corrections import MISSED
from tests.test_review_server import serving  # noqa: F401 - the shared server fixture

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver (installed by .ci/run)"
)

SELECT = """
var text = document.getElementById('text'), wanted = arguments[0];
var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT), n, nodes = [], all = '';
while ((n = walker.nextNode())) {
  if (n.parentElement.closest('.page-break')) { continue; }
  nodes.push([n, all.length]); all += n.nodeValue;
}
var at = all.indexOf(wanted);
if (at < 0) { return false; }
function point(pos) {
  for (var k = nodes.length - 1; k >= 0; k--) { if (nodes[k][1] <= pos) { return [nodes[k][0], pos - nodes[k][1]]; } }
}
var a = point(at), b = point(at + wanted.length), r = document.createRange();
r.setStart(a[0], a[1]); r.setEnd(b[0], b[1]);
var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
return true;
"""


def _saved(browser, n: int) -> None:  # noqa: F811 - the fixture's name
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 20).until(
        lambda d: d.find_element("id", "cx-status").text == f"saved ({n} change(s))",
        message="the change was not saved",
    )


def test_reject_fix_and_add_in_the_browser_then_downstream(browser, serving, tmp_path):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base, raw, out, corr = serving
    browser.get(base + "/r/waste")
    lga = browser.find_element(
        By.XPATH, "//li[a[@data-field='organisations' and starts-with(., 'Local Government Association')]]"
    )
    lga.find_element(By.CSS_SELECTOR, ".cx-wrong-btn").click()
    _saved(browser, 1)
    assert "cx-reject" in lga.get_attribute("class")

    saving = browser.find_element(By.XPATH, "//li[a[@data-field='savings']]")
    saving.find_element(By.CSS_SELECTOR, ".cx-fix-btn").click()
    saving.find_element(By.CSS_SELECTOR, ".cx-form input").send_keys("£125,000")
    saving.find_element(By.CSS_SELECTOR, ".cx-save-btn").click()
    _saved(browser, 2)
    assert "125000" in saving.find_element(By.CSS_SELECTOR, ".cx-note").text

    assert browser.execute_script(SELECT, MISSED)
    assert browser.find_element(By.ID, "cx-bar").is_displayed()
    Select(browser.find_element(By.ID, "cx-field")).select_by_value("recommendations")
    browser.find_element(By.ID, "cx-add").click()
    _saved(browser, 3)
    assert MISSED in browser.find_element(By.ID, "cx-added-list").text
    browser.save_screenshot(str(tmp_path / "correcting.png"))
    assert (tmp_path / "correcting.png").stat().st_size > 10_000

    # the correction file holds exactly those three changes
    saved = load_correction(corr / "waste.json")
    text = load_document(raw / "waste.md").text
    assert [(d.field, d.action) for d in saved.decisions] == [
        ("organisations", "reject"),
        ("savings", "fix"),
        ("recommendations", "add"),
    ]
    assert saved.decisions[0].item.startswith("Local Government Association@")
    assert saved.decisions[1].value == {"amount": 125000}
    span = saved.decisions[2].evidence
    assert text[span.start : span.end] == MISSED == span.quote

    # export --format sqlite and summary show them
    db = tmp_path / "c.db"
    assert run("export", str(out), "-f", "sqlite", "-o", str(db), "--corrections", str(corr)).returncode == 0
    con = sqlite3.connect(db)
    assert "Local Government Association" not in [x for (x,) in con.execute("SELECT name FROM organisations")]
    assert con.execute("SELECT amount FROM savings").fetchall() == [(125000.0,)]
    assert con.execute("SELECT text FROM recommendations WHERE method = 'corrected'").fetchall() == [(MISSED,)]
    page = tmp_path / "overview.html"
    assert run("summary", str(out), "-o", str(page), "--corrections", str(corr)).returncode == 0
    assert "£125k" in page.read_text(encoding="utf-8")

    # a second batch run leaves them in place
    before = (corr / "waste.json").read_bytes()
    assert run("batch", str(raw), "-o", str(out), "-j", "0", "--no-model", "--force").returncode == 0
    assert (corr / "waste.json").read_bytes() == before
    report = councilx.read_reports(out, corr)[0]
    assert report.savings[0].amount == 125000 and report.recommendations[-1].text == MISSED
