"""Two versions side by side, word by word: what the older one loses is marked <del>,
what the newer one gains <ins>; plain HTML, readable without JavaScript."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Words, the spaces between them and each mark of punctuation on its own, so that the
# text comes back exactly as typed and "you." → "you urgently." is one word added.
TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString, int]:
    """(the old text marked, the new text marked, how many changes)."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    left, right, changes = [], [], 0
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = escape("".join(before[i1:i2])), escape("".join(after[j1:j2]))
        if operation == "equal":
            left.append(removed)
            right.append(added)
            continue
        changes += 1
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    # Every piece was escaped above; only our own tags are added.
    return mark_safe("".join(left)), mark_safe("".join(right)), changes  # noqa: S308
