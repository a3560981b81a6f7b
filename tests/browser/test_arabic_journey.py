"""An Arabic reader: the home page, the program and an activity right to left, mirrored,
with French and Latin text isolated inside, screenshots kept, and axe clean."""

import struct
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Kept after the run to look at (var/ is not committed).
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def header_sides(page) -> tuple[float, float, float]:
    """The left edges of the site's name and of the account menu, and the page width."""
    brand = page.locator(".brand").bounding_box()
    menu = page.locator(".account-menu").bounding_box()
    width = page.evaluate("document.documentElement.clientWidth")
    return brand["x"], menu["x"], width


def text_box(locator) -> dict:
    """Where the text itself sits, whatever the width of the box that holds it."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const box = range.getBoundingClientRect();
            return {x: box.x, width: box.width};
        }"""
    )


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    png = page.screenshot(path=str(path), full_page=True)
    # A real picture of the whole page: a PNG as wide as the window, and as tall as the page.
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == page.viewport_size["width"]
    assert height >= page.evaluate("document.documentElement.scrollHeight")
    return path


def test_an_arabic_reader_reads_the_forum_right_to_left(live_server, open_page):
    intention_text()
    edition = make_edition("vos-ar")
    edition.set_translation(
        "ar", {"title": "الفضاء المفتوح 2026", "tagline": "منتدى يبنيه المشاركون"}
    )
    edition.save()
    organizer = UserFactory(display_name="Lucía Pérez", is_public=True)
    french = make_activity(
        edition,
        title="Jardins partagés ?",
        summary="Cultiver ensemble en ville.",
        languages=["fr"],
        original_language="fr",
        organizer=organizer,
    )
    translated = make_activity(
        edition, title="Radio communautaire", languages=["es"], original_language="es"
    )
    translated.set_translation("ar", {"title": "الإذاعة المجتمعية", "summary": "أصوات الأحياء."})
    translated.save()
    Activity.objects.filter(pk__in=[french.pk, translated.pk]).update(is_featured=True)

    # In English the header starts on the left: the site's name before the account menu.
    page = open_page(time_zone="Africa/Cairo", locale="ar-EG")
    page.goto(f"{live_server.url}/en/")
    # On a first visit the times are rendered again in the browser's zone (Cairo).
    expect(page.locator("html")).to_have_attribute("data-tz-source", "cookie")
    brand_x, menu_x, width = header_sides(page)
    assert brand_x < menu_x
    assert brand_x < width / 2

    # In Arabic the page is right to left and the header mirrored: the name on the right.
    page.goto(f"{live_server.url}/ar/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    brand_x, menu_x, width = header_sides(page)
    assert brand_x > menu_x
    assert brand_x > width / 2
    expect(page.get_by_role("link", name="تسجيل الدخول")).to_be_visible()
    # The French title keeps its own language and direction inside the Arabic page.
    title = page.get_by_role("link", name="Jardins partagés ?").first
    expect(title).to_have_attribute("lang", "fr")
    expect(title).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("link", name="الإذاعة المجتمعية").first).to_be_visible()
    screenshot(page, "ar-home")
    assert_accessible(page)

    # The program: the edition's Arabic title, times in Cairo named in Arabic.
    page.goto(f"{live_server.url}/ar/editions/{edition.slug}/program/?day=all")
    expect(page.get_by_role("heading", level=1)).to_contain_text("برنامج الفضاء المفتوح 2026")
    expect(page.locator("main")).to_contain_text("القاهرة")
    card = page.locator(".activity-card", has_text="Jardins partagés")
    # A Latin name is isolated so that it never reorders the Arabic words around it.
    expect(card.locator("bdi", has_text="Lucía Pérez")).to_have_count(1)
    # Cards start on the right: a card's title ends near the right edge of its card.
    card_box = card.bounding_box()
    title_box = card.get_by_role("link", name="Jardins partagés ?").bounding_box()
    assert title_box["x"] + title_box["width"] > card_box["x"] + card_box["width"] * 0.7
    screenshot(page, "ar-program")
    assert_accessible(page)

    # The activity page: the original named in Arabic, a way to ask for a translation.
    page.goto(f"{live_server.url}/ar{french.get_absolute_url()[3:]}")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Jardins partagés ?")
    expect(heading).to_have_attribute("dir", "ltr")
    expect(page.locator(".translation-note")).to_contain_text("باللغة الفرنسية")
    expect(page.get_by_role("button", name="طلب ترجمة")).to_be_visible()
    heading_box = heading.bounding_box()
    words = text_box(heading)
    # A left-to-right title inside a right-to-left page still lines up with the page's
    # start, on the right: its words end at the right edge of the heading.
    assert words["x"] + words["width"] > heading_box["x"] + heading_box["width"] - 2
    assert words["x"] > heading_box["x"] + heading_box["width"] / 3
    screenshot(page, "ar-activity")
    assert_accessible(page)
