"""The fr, es, pt and ar catalogs are complete, compiled, in step with the code, and keep
every placeholder and tag of the English; English is the source of the five."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
TRANSLATED = ["fr", "es", "pt", "ar"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%s|%s")
TAG = re.compile(r"</?[a-z]+")


def catalog(language: str, root: Path = LOCALE):
    with (root / language / "LC_MESSAGES" / "django.po").open("rb") as po:
        return read_po(po, locale=language)


def frozen(value):
    if isinstance(value, bytes):  # babel's .mo reader leaves contexts as bytes
        return value.decode()
    return tuple(value) if isinstance(value, list | tuple) else value


def messages_of(cat) -> dict:
    return {(message.context, frozen(message.id)): message for message in cat if message.id}


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_has_every_message_translated(language):
    untranslated = [
        message.id
        for message in messages_of(catalog(language)).values()
        if message.fuzzy
        or not message.string
        or (isinstance(message.string, tuple) and not all(message.string))
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalog_matches_source(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        compiled = {
            (frozen(message.context), frozen(message.id)): frozen(message.string)
            for message in read_mo(mo)
            if message.id
        }
    source = {
        key: frozen(message.string) for key, message in messages_of(catalog(language)).items()
    }
    assert compiled == source


def test_catalogs_are_in_step_with_the_code(tmp_path):
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(LOCALE, tmp_path / "locale")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "--locale",
            "fr",
            "--no-obsolete",
            "--add-location",
            "file",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path / "src")},
    )
    assert result.returncode == 0, result.stderr
    fresh = set(messages_of(catalog("fr", tmp_path / "locale")))
    committed = set(messages_of(catalog("fr")))
    assert sorted(fresh - committed) == []
    assert sorted(committed - fresh) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_and_tags(language):
    """A translation that drops "%(title)s" or adds one crashes the page it is on; one
    that loses a <code> shows markup as text. Arabic may leave the number out of its
    singular and dual forms ("نشاط واحد", "نشاطان"), as its grammar does."""
    wrong = []
    for message in messages_of(catalog(language)).values():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(PLACEHOLDER.findall(text) for text in ids))
        for form, text in enumerate(strings):
            found = set(PLACEHOLDER.findall(text))
            spared = len(ids) > 1 and language == "ar" and form in (1, 2)
            if found - wanted or (wanted - found and not spared):
                wrong.append((ids[0], text))
            if sorted(TAG.findall(text)) != sorted(TAG.findall(ids[0])):
                wrong.append((ids[0], text))
    assert wrong == []


def test_arabic_catalog_has_the_six_plural_forms():
    arabic = catalog("ar")
    assert arabic.num_plurals == 6
    plurals = [m for m in messages_of(arabic).values() if isinstance(m.id, tuple)]
    assert plurals
    assert all(len(m.string) == 6 for m in plurals)
