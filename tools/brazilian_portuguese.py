"""Copy the Brazilian Portuguese catalogs of the packages we show to people into
``locale_overrides/``, as their "pt".

The site speaks Brazilian Portuguese under the language code "pt" (most forum
participants who write Portuguese are in Brazil). Django and django-allauth ship a
European "pt" ("Palavra-passe", "Enviámos-lhe") beside their "pt_BR", so the account
pages and emails would mix both norms. LOCALE_PATHS lists these copies after our own
catalog and before the packages' own, so the Brazilian wording wins. ``make messages``
runs this after an upgrade of either package.
"""

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def package_dir(name: str) -> Path:
    return Path(importlib.util.find_spec(name).origin).parent


SOURCES = {
    "allauth": package_dir("allauth") / "locale",
    "auth": package_dir("django") / "contrib" / "auth" / "locale",
    "django": package_dir("django") / "conf" / "locale",
}


def main() -> None:
    for name, locale in SOURCES.items():
        target = ROOT / "locale_overrides" / name / "pt" / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        for suffix in ("po", "mo"):
            shutil.copyfile(
                locale / "pt_BR" / "LC_MESSAGES" / f"django.{suffix}", target / f"django.{suffix}"
            )
        print(f"{name}: pt_BR copied as pt")


if __name__ == "__main__":
    main()
