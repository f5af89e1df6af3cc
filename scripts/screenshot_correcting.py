"""Make docs/correcting.png: the correcting page of `review --serve`, with one item marked wrong, one fixed
and a text selection about to be added (on a sample of data/raw; corrections go to a temporary folder).

    python scripts/screenshot_correcting.py   (needs chromium and chromium-driver, and selenium)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "devon-highways-partnership-2020.md"
SELECT_SENTENCE = """
var text = document.getElementById('text'), marks = text.querySelectorAll('mark.f-recommendations');
var last = marks[marks.length - 1], n = last.nextSibling;
while (n && (n.nodeType !== 3 || !n.nodeValue.trim())) { n = n.nextSibling; }
if (!n) { return false; }
var s0 = n.nodeValue.search(/\\S/), r = document.createRange();
r.setStart(n, s0); r.setEnd(n, Math.min(n.nodeValue.length, s0 + 60));
var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
text.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
return true;
"""


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from pipelines.review_server import make_server

    tmp = Path(tempfile.mkdtemp())
    (tmp / "in").mkdir()
    shutil.copy(SAMPLE, tmp / "in" / SAMPLE.name)
    subprocess.run(
        [sys.executable, "cli.py", "batch", str(tmp / "in"), "-o", str(tmp / "out"), "-j", "0"], cwd=ROOT, check=True
    )
    server = make_server(tmp / "out", tmp / "corrections", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--window-size=1400,900",
        f"--user-data-dir={tempfile.mkdtemp()}",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    try:
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/r/{SAMPLE.stem}")
        items = driver.find_elements(By.CSS_SELECTOR, "#panel a.item[data-field='organisations']")
        if items:
            items[-1].find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, ".cx-wrong-btn").click()
            time.sleep(0.5)
        saving = driver.find_elements(By.CSS_SELECTOR, "#panel a.item[data-field='savings']")
        if saving:
            li = saving[0].find_element(By.XPATH, "..")
            li.find_element(By.CSS_SELECTOR, ".cx-fix-btn").click()
            li.find_element(By.CSS_SELECTOR, ".cx-form input").send_keys("95000")
            li.find_element(By.CSS_SELECTOR, ".cx-save-btn").click()
            time.sleep(0.5)
        driver.execute_script(SELECT_SENTENCE)
        time.sleep(0.3)
        (ROOT / "docs").mkdir(exist_ok=True)
        driver.save_screenshot(str(ROOT / "docs" / "correcting.png"))
    finally:
        driver.quit()
        server.shutdown()
    print("wrote docs/correcting.png")


if __name__ == "__main__":
    main()
