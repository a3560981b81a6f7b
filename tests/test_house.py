"""The import rule of the README's development section: an import inside a function is
an exception, and every exception says why."""

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "vos"
NOQA = re.compile(r"#\s*noqa:[^#\n]*PLC0415(?P<rest>[^\n]*)")


def test_every_import_inside_a_function_says_why():
    silent = []
    for path in SOURCE.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = NOQA.search(line)
            if match and not re.match(r"\s*-\s*\S", match.group("rest")):
                silent.append(f"{path.relative_to(SOURCE)}:{number}")
    assert silent == []


def test_the_check_finds_a_silent_exception():
    assert NOQA.search("import x  # noqa: PLC0415").group("rest") == ""
    assert NOQA.search("import x  # noqa: F401, PLC0415 - declares").group("rest") == " - declares"
