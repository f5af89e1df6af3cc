"""The review page and overview in a real headless Chromium: highlights, side panel, click-to-scroll."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver (installed by .ci/run)"
)

LONG = (
    "Title of report: Shared Waste Service\n\nReport to: Cabinet\n\n"
    + "\n\n".join(f"{i}. Background paragraph {i} about the shared service and its governance." for i in range(1, 80))
    + "\n\n90. The partnership between Adur District Council and Worthing Borough Council saved £110,000 "
    "in July 2023.\n"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chrome')}",
        "--window-size=1280,900",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    from pipelines import Settings, run_batch
    from pipelines.render import render_overview
    from pipelines.review import review_pages

    root = tmp_path_factory.mktemp("pages")
    (root / "in").mkdir()
    (root / "in" / "waste.txt").write_text(LONG, encoding="utf-8")
    out = root / "out"
    run_batch(root / "in", out, Settings(use_model=False))
    review_pages(out, Settings(use_model=False))
    (out / "overview.html").write_text(render_overview(out), encoding="utf-8")
    return out


def test_review_page_highlights_and_scrolls_to_evidence(browser, pages, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get((pages / "waste.html").as_uri())
    assert browser.find_elements(By.CSS_SELECTOR, "mark.f-partners")
    assert browser.find_elements(By.CSS_SELECTOR, "#panel a.item")
    link = browser.find_element(By.CSS_SELECTOR, 'a.item[data-target="ev-savings-0"]')
    before = browser.execute_script("return document.getElementById('text').scrollTop")
    link.click()
    after = browser.execute_script("return document.getElementById('text').scrollTop")
    target = browser.find_element(By.ID, "ev-savings-0")
    visible = browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", target
    )
    assert after > before and visible
    assert "flash" in target.get_attribute("class")
    browser.save_screenshot(str(tmp_path / "review.png"))
    assert (tmp_path / "review.png").stat().st_size > 10_000


def test_overview_shows_network_and_links(browser, pages, tmp_path):
    from selenium.webdriver.common.by import By

    browser.get((pages / "overview.html").as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "#network circle.node")) == 2
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline circle")
    browser.find_element(By.CSS_SELECTOR, "#reports a").click()
    assert browser.current_url.endswith("waste.html")
    browser.save_screenshot(str(tmp_path / "overview.png"))


def _rgb_luminance(css: str) -> float:
    """Relative luminance (WCAG 2) of a computed colour such as 'rgb(29, 29, 31)'."""
    import re

    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", css)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_review_legend_chips_have_readable_contrast(browser, pages):
    """Issue 18: the computed text and background colours of every legend chip differ by at least 4.5:1."""
    from selenium.webdriver.common.by import By

    browser.get((pages / "waste.html").as_uri())
    chips = browser.find_elements(By.CSS_SELECTOR, "header .chip")
    assert len(chips) >= 7
    for chip in chips:
        fg, bg = (
            browser.execute_script(f"return getComputedStyle(arguments[0]).{p}", chip)
            for p in ("color", "backgroundColor")
        )
        hi, lo = sorted((_rgb_luminance(fg), _rgb_luminance(bg)), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, (chip.text, fg, bg)
