"""Open Graph cards (1200×630 PNG) and QR codes for invitations. The cards are drawn
with Pillow in the forum's colours with DejaVu Sans (bundled: it covers Latin, Greek,
Cyrillic and Arabic; Pillow shapes right-to-left text with raqm), and kept in the cache
by what they show."""

import hashlib
import io
from pathlib import Path

import segno
from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).parent / "fonts"
WIDTH, HEIGHT = 1200, 630
BACKGROUND, INK, ACCENT = (23, 73, 77), (255, 255, 255), (255, 196, 61)
CARD_SECONDS = 7 * 24 * 3600


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _lines(draw: ImageDraw.ImageDraw, text: str, font, width: int, most: int) -> list[str]:
    """The text cut into lines that fit, at most ``most`` (the last one ending in …)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return lines


def card_png(*, title: str, when: str, site_name: str, kicker: str = "") -> bytes:
    """A card: the forum's name, a kicker (the edition), the title, and the dates."""
    key = (
        "card:" + hashlib.sha256("\x1f".join((title, when, site_name, kicker)).encode()).hexdigest()
    )
    stored = cache.get(key)
    if stored is not None:
        return stored
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 72
    draw.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    draw.text((margin, 56), site_name, font=_font(34, bold=True), fill=ACCENT)
    if kicker:
        draw.text((margin, 110), kicker, font=_font(30), fill=INK)
    y = 190
    big = _font(64, bold=True)
    for line in _lines(draw, title, big, WIDTH - 2 * margin, 3):
        draw.text((margin, y), line, font=big, fill=INK)
        y += 80
    draw.text((margin, HEIGHT - 110), when, font=_font(36), fill=ACCENT)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    png = buffer.getvalue()
    cache.set(key, png, CARD_SECONDS)
    return png


def qr_svg(url: str) -> str:
    """A QR code of the address, as SVG, for posters (scales to any size)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=2, title=url)
    return buffer.getvalue().decode()


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()
