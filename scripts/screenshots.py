"""Make the README screenshots with the tool itself: docs/review.png and docs/overview.png.

    python scripts/screenshots.py [--corpus DIR]   (needs chromium and chromium-driver, and selenium)

The review page is of a sample in data/raw; the overview is of a batch over --corpus (default data/raw),
run with --review so that its report table links to review pages. The overview is captured whole
(the window is sized to the page, up to MAX_HEIGHT pixels).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH, MAX_HEIGHT = 1400, 3000


def batch(corpus: Path, out: Path) -> Path:
    """A batch with review pages over ``corpus`` into ``out``, then its overview page."""
    subprocess.run(
        [sys.executable, "cli.py", "batch", str(corpus), "-o", str(out), "--review", "-j", "1"], cwd=ROOT, check=True
    )
    subprocess.run([sys.executable, "cli.py", "summary", str(out)], cwd=ROOT, check=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ROOT / "data" / "raw",
        help="folder of reports for the overview screenshot (default: data/raw)",
    )
    args = parser.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    tmp = Path(tempfile.mkdtemp())
    out = batch(ROOT / "data" / "raw", tmp / "processed")
    overview = out if args.corpus.resolve() == (ROOT / "data" / "raw").resolve() else batch(args.corpus, tmp / "corpus")
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tempfile.mkdtemp()}",
        f"--window-size={WIDTH},900",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    try:
        (ROOT / "docs").mkdir(exist_ok=True)
        driver.get((out / "wychavon-shared-revenues-cabinet-2024.html").as_uri())
        driver.save_screenshot(str(ROOT / "docs" / "review.png"))
        driver.get((overview / "overview.html").as_uri())
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(WIDTH, min(MAX_HEIGHT, height + 140))  # + the window's own frame
        driver.save_screenshot(str(ROOT / "docs" / "overview.png"))
    finally:
        driver.quit()
    print("wrote docs/review.png and docs/overview.png")


if __name__ == "__main__":
    main()
