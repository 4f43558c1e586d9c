"""Fixtures for the real-browser tests: a JupyterLab server and a Chromium page.

When Chromium or Playwright is missing these fixtures *fail* (never skip) with a message
saying how to install them: a browser test that silently passes would hide a broken set-up.
"""

from __future__ import annotations

import pytest

from lab_harness import INSTALL_HINT, BrowserSetupError, LabPage, LabServer, find_chromium, launch_chromium


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    try:
        return find_chromium()
    except BrowserSetupError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def playwright_session(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright's Python package is not installed.\n" + INSTALL_HINT,
                    pytrace=False)
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(playwright_session):
    try:
        b = launch_chromium(playwright_session)
    except Exception as exc:  # noqa: BLE001 - report any launch failure with the hint
        pytest.fail(f"Chromium would not start: {exc}\n{INSTALL_HINT}", pytrace=False)
    yield b
    b.close()


@pytest.fixture
def lab_root(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    return root


@pytest.fixture
def lab_server(lab_root, tmp_path):
    server = LabServer(lab_root, tmp_path / "lab")
    try:
        server.start()
    except (RuntimeError, TimeoutError) as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def lab_page(browser, lab_server):
    context = browser.new_context(viewport={"width": 1400, "height": 1500})
    page = context.new_page()
    page.set_default_timeout(30_000)
    lp = LabPage(page, lab_server)
    yield lp
    context.close()
