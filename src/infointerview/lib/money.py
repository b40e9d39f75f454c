"""Annual wages as people read them.

BLS leaves some figures unreleased and caps others at a top code; the text says so
rather than show a number that is not known.
"""

from __future__ import annotations

# The top code of annual wages in the OEWS files: "#" there means this much or more.
TOP_CODE_ANNUAL = 239_200


def money(value: int | None, top_coded: bool = False, *, compact: bool = False) -> str:
    """`compact` marks a top-coded floor with "+" where a drawing has no room for words.

    A top-coded figure is stored without a number (the file gives "#"), so it is written
    as the top code itself.
    """
    if top_coded:
        floor = TOP_CODE_ANNUAL if value is None else value
        return f"${floor:,}{'+' if compact else ' or more'}"
    if value is None:
        return "not released"
    return f"${value:,}"
