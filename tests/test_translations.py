"""The fr, es and pt catalogs are complete, compiled, and in step with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
TRANSLATED = ["fr", "es", "pt"]


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
