"""Browser tests: Debian's Chromium driven by Playwright, with an axe-core check."""

import os
from pathlib import Path

import pytest

from tests.conftest import require_component

CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in the test thread; Django must still allow
# the test's own database calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    require_component(Path(CHROMIUM).exists(), f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """A fresh browser profile whose own time zone is the one given."""
    contexts = []

    def open_page(time_zone: str = "Europe/Paris", locale: str = "en-US", javascript=True):
        context = browser.new_context(
            timezone_id=time_zone, locale=locale, java_script_enabled=javascript
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.without_javascript = not javascript
        return page

    yield open_page
    for context in contexts:
        context.close()


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    if getattr(page, "without_javascript", False):
        _assert_accessible_as_served(page)
        return
    results = _axe_once_settled(page, Axe())
    problems = [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert problems == [], f"{page.url}: {problems}"


def _axe_once_settled(page, axe):
    """A click that follows a link returns once the navigation has started: axe-core
    must run on the page it leads to, not on a document being replaced."""
    from playwright.sync_api import Error

    for _ in range(3):
        page.wait_for_load_state("load")
        try:
            return axe.run(page)
        except Error as error:
            if "documentElement" not in str(error) and "context was destroyed" not in str(error):
                raise
            page.wait_for_timeout(250)
    page.wait_for_load_state("load")
    return axe.run(page)


def _assert_accessible_as_served(page) -> None:
    """axe-core needs scripts to run: the page as a browser without JavaScript shows it
    is checked in a second page that serves the same HTML at the same address."""
    html = page.content()
    context = page.context.browser.new_context()
    try:
        copy = context.new_page()
        copy.route(page.url, lambda route: route.fulfill(body=html, content_type="text/html"))
        copy.goto(page.url)
        assert_accessible(copy)
    finally:
        context.close()
