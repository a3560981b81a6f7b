"""The keyboard focus can be seen everywhere: its ring contrasts 3:1 with what is
around it (WCAG 2.2, focus appearance)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RING_AND_BACKGROUND = """(element) => {
  const ring = getComputedStyle(element).outlineColor;
  let node = element.parentElement;
  while (node && getComputedStyle(node).backgroundColor === "rgba(0, 0, 0, 0)") {
    node = node.parentElement;
  }
  return [ring, node ? getComputedStyle(node).backgroundColor : "rgb(255, 255, 255)",
          getComputedStyle(element).outlineStyle];
}"""


def luminance(css_color: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_color)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(("language", "zone"), [("en", "Asia/Tokyo"), ("fr", "Africa/Dakar")])
def test_the_focus_ring_contrasts_in_the_header_and_on_the_page(
    live_server, open_page, language, zone
):
    page = open_page(time_zone=zone)
    page.goto(f"{live_server.url}/{language}/")
    rings = []
    for _ in range(14):  # the header's links and pickers, then the page's own
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        expect(focused).to_have_count(1)
        ring, background, style = focused.evaluate(RING_AND_BACKGROUND)
        assert style != "none", focused.evaluate("e => e.outerHTML")
        rings.append((focused.evaluate("e => e.closest('header') !== null"), ring, background))
    assert any(in_header for in_header, _, _ in rings)
    assert any(not in_header for in_header, _, _ in rings)
    for in_header, ring, background in rings:
        assert contrast(ring, background) >= 3, (in_header, ring, background)
