"""Annual wages as people read them.

BLS leaves some figures unreleased and caps others at a top code; the text says so
rather than show a number that is not known.
"""

from __future__ import annotations


def money(value: int | None, top_coded: bool = False, *, compact: bool = False) -> str:
    """`compact` marks a top-coded floor with "+" where a drawing has no room for words."""
    if value is None:
        return "not released"
    if not top_coded:
        return f"${value:,}"
    return f"${value:,}{'+' if compact else ' or more'}"
