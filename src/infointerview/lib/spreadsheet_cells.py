"""CSV cells that a spreadsheet shows as text and never runs as a formula.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula, so a contact named
``=HYPERLINK("https://evil.example", "click")`` would become a live link. As OWASP
recommends, such a cell is written with a single quote in front, which the spreadsheet
hides and reads as "this is text". A cell that already starts with a quote gets one
more, so that ``unguarded`` can always undo ``guarded`` exactly.

One exception keeps phone numbers readable: ``+`` or ``-`` followed only by digits,
spaces and ``( ) . / -`` (``+1 555 0100``, ``-12``) is left as it is. With no letters
it can name no function and no other cell, so at worst a spreadsheet does arithmetic.
"""

from __future__ import annotations

import re

QUOTE = "'"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", QUOTE)
PHONE_LIKE = re.compile(r"[+-][0-9 ().\-/]*[0-9][0-9 ().\-/]*")


def guarded(cell: str) -> str:
    """The cell as it should be written to a CSV that people open in a spreadsheet."""
    if not cell.startswith(FORMULA_STARTS) or PHONE_LIKE.fullmatch(cell):
        return cell
    return QUOTE + cell


def unguarded(cell: str) -> str:
    """The text a guarded cell stood for: reading our own CSV back gives what was written."""
    if cell.startswith(QUOTE) and guarded(cell[1:]) == cell:
        return cell[1:]
    return cell
