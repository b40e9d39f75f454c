"""The small placeholder language of user-editable outreach templates.

`{{ name }}` is replaced by a string from an explicit dictionary and nothing else:
unlike a Django template, an edited draft can never reach other data or run code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{\{[ \t]*([a-z_]+)[ \t]*\}\}")  # within one line, as render fills
LEFT_EMPTY = re.compile(r"^[\s·,;|–-]+$")


def names_in(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill known placeholders; unknown ones stay visible so the user notices them.

    A line left with nothing but separators (an empty phone number) is dropped.
    """

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return values[name] if name in values else match.group(0)

    lines = []
    for line in text.splitlines():
        filled = PLACEHOLDER.sub(fill, line)
        if PLACEHOLDER.search(line) and (not filled.strip() or LEFT_EMPTY.match(filled)):
            continue
        lines.append(filled)
    return "\n".join(lines).strip("\n") + ("\n" if text.endswith("\n") else "")
