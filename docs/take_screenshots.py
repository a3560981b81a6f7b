"""Take the README's screenshots from a site started with `make run` (demo data loaded).

.venv/bin/python docs/take_screenshots.py [http://127.0.0.1:8000]
"""

import datetime as dt
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
# The demo's upcoming edition (VOS 5) is on 20–21 December of this year, or of the next
# once the 13th has passed.
_today = dt.datetime.now(dt.UTC).date()
YEAR = _today.year + (_today >= dt.date(_today.year, 12, 13))
OUT = Path(__file__).parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(
            timezone_id="America/Caracas", viewport={"width": 1100, "height": 760}
        )
        page = context.new_page()
        page.goto(f"{BASE}/es/")
        page.wait_for_selector('html[data-tz-source="cookie"]')
        page.screenshot(path=OUT / "home.png")

        page.goto(f"{BASE}/es/accounts/login/")
        page.fill("#id_login", "lucia@demo.vos.example")
        page.fill("#id_password", "open-space-demo")
        page.click("main button[type=submit]")
        page.wait_for_selector("text=Lucía Hernández")
        page.goto(f"{BASE}/es/profile/")
        page.screenshot(path=OUT / "profile.png")

        page.goto(f"{BASE}/es/editions/")
        page.click("text=VOS 5")
        page.click("a[href$='/propose/']")
        page.click(".slot:not(.slot--full) label")
        page.screenshot(path=OUT / "propose.png", full_page=False, clip=_below(page, ".slot-grid"))

        visitor = browser.new_context(
            timezone_id="Asia/Kolkata", viewport={"width": 1100, "height": 900}
        )
        page = visitor.new_page()
        page.goto(f"{BASE}/en/editions/vos-2/program/?day=2020-05-16")
        page.wait_for_selector('html[data-tz-source="cookie"]')
        page.screenshot(path=OUT / "program.png")
        page.goto(f"{BASE}/en/editions/vos-2/program/?day=2020-05-16&view=grid")
        page.screenshot(path=OUT / "timeline.png")

        dakar = browser.new_context(
            timezone_id="Africa/Dakar", viewport={"width": 1100, "height": 760}, locale="fr-FR"
        )
        page = dakar.new_page()
        page.goto(f"{BASE}/fr/news/")
        page.get_by_role("link", name="Deux lettres au Secrétaire général de l’ONU").click()
        page.wait_for_selector("article h1")
        page.screenshot(path=OUT / "news.png")

        cairo = browser.new_context(
            timezone_id="Africa/Cairo", viewport={"width": 1100, "height": 900}
        )
        page = cairo.new_page()
        page.goto(f"{BASE}/ar/editions/vos-5-{YEAR}/program/?day={YEAR}-12-21")
        page.wait_for_selector('html[data-tz-source="cookie"]')
        page.screenshot(path=OUT / "program-ar.png")

        dakar = browser.new_context(
            timezone_id="Africa/Dakar", viewport={"width": 1100, "height": 900}
        )
        page = dakar.new_page()
        page.goto(f"{BASE}/en/editions/vos-5-{YEAR}/forum/")
        page.get_by_role("link", name="Climate, land and food sovereignty").click()
        page.wait_for_selector('html[data-tz-source="cookie"]')
        page.get_by_label("Order").select_option("supported")
        page.get_by_role("button", name="Show").click()
        page.screenshot(path=OUT / "forum.png", clip=_below(page, "h1", height=820))
        browser.close()


def _below(page, selector: str, height: int = 700) -> dict:
    box = page.locator(selector).bounding_box()
    return {"x": 0, "y": max(box["y"] - 20, 0), "width": 1100, "height": height}


if __name__ == "__main__":
    main()
