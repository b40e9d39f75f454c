"""What the user typed, as a message repeats it back to them."""

from __future__ import annotations

from infointerview.lib.safe_files import printable

LONGEST = 60


def quoted(text: str, longest: int = LONGEST) -> str:
    """In quotes, with invisible characters (controls, direction marks) written out so that
    they cannot hide or reorder the message, and cut short: the form holds the whole of it."""
    shown = printable(text.strip())
    if len(shown) > longest:
        shown = shown[: longest - 1] + "…"
    return f"“{shown}”"
