"""Make the README screenshots with the tool itself: docs/review.png and docs/overview.png.

    python scripts/screenshots.py   (needs chromium and chromium-driver, and selenium)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    out = Path(tempfile.mkdtemp()) / "processed"
    subprocess.run([sys.executable, "cli.py", "batch", "data/raw", "-o", str(out), "--review"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, "cli.py", "summary", str(out)], cwd=ROOT, check=True)
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tempfile.mkdtemp()}", "--window-size=1400,900"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    try:
        (ROOT / "docs").mkdir(exist_ok=True)
        driver.get((out / "wychavon-shared-revenues-cabinet-2024.html").as_uri())
        driver.save_screenshot(str(ROOT / "docs" / "review.png"))
        driver.set_window_size(1400, 1150)
        driver.get((out / "overview.html").as_uri())
        driver.save_screenshot(str(ROOT / "docs" / "overview.png"))
    finally:
        driver.quit()
    print("wrote docs/review.png and docs/overview.png")


if __name__ == "__main__":
    main()
