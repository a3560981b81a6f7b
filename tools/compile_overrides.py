"""Compile the hand-written catalogs in ``locale_overrides/`` (such as the informal
Spanish of the account pages) whose ``.mo`` is missing or older than the ``.po``. The
copied Brazilian catalogs come with their own ``.mo`` and are left alone. ``make
messages`` runs this; the ``.mo`` files are committed."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for po in sorted((ROOT / "locale_overrides").glob("*/*/LC_MESSAGES/django.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalog = read_po(source)
        with mo.open("wb") as target:
            write_mo(target, catalog)
        print(f"compiled {po.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
