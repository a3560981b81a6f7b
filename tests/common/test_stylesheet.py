"""The stylesheet is ready to be mirrored for languages written right to left."""

import re
from pathlib import Path

import vos

STYLESHEET = Path(vos.__file__).parent / "static" / "vos" / "css" / "vos.css"
PHYSICAL = re.compile(
    r"(?<![-\w])(left|right)\s*:|(margin|padding|border)-(left|right)\b"
    r"|text-align:\s*(left|right)|float:\s*(left|right)"
)


def test_no_physical_left_or_right_in_the_stylesheet():
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.S)
    found = [line.strip() for line in css.splitlines() if PHYSICAL.search(line)]
    assert found == []
