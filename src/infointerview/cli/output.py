"""What people typed or stored is printed as text: never as markup, never as terminal commands.

Rich reads `[...]` in a printed string as markup, so a name such as `[/]` would stop the
command (after its change was saved) and `[link=https://…]x[/link]` would print a
hyperlink. A raw escape character in a name could clear the screen or retitle the
window. Every value that did not come from this code goes through `shown()` before it
is put in a Rich markup string, `plain()` when it is printed alone or as a table cell,
`one_line()` before it is put in an error line, and `safe_json()` before JSON reaches
the terminal.

Control characters are written the way Python writes them in a string literal: the
escape character as the four characters `\\x1b`, a carriage return as `\\r`, a right-to-left
override as `\\u202e`. A byte that was not UTF-8 (an argument Python could not decode)
is shown as the byte, `\\xff`. Newlines and tabs stay as they are in `shown()`, so
notes and letters keep their lines; `one_line()` writes them as `\\n` and `\\t`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys

from rich.console import Console
from rich.markup import escape
from rich.text import Text

# C0 and C1 control characters and DEL, the marks that reorder text on screen
# (bidirectional embeddings, overrides and isolates), and lone surrogates.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_HIDDEN = re.compile(f"[{_CONTROL}]")
_HIDDEN_OR_BREAK = re.compile(f"[{_CONTROL}\n\t]")


def _written_out(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte Python could not decode, kept as a surrogate
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(code, f"\\x{code:02x}")
    return f"\\u{code:04x}"


def visible(text: object) -> str:
    """The text with its control characters written out, lines and tabs kept."""
    return _HIDDEN.sub(_written_out, str(text))


# A "[" that opens no tag, after backslashes: Rich reads the last of them as escaping
# it, and its escape() guards only brackets that open a tag.
_LONE_BRACKET = re.compile(r"(\\+)(?=\[(?![a-z#/@][^\[]*?\]))")
# Backslashes ending the value, before the tag that follows it in the markup: Rich
# halves them, and its escape() doubles only a single one.
_FINAL_BACKSLASHES = re.compile(r"(\\+)\Z")


def shown(text: object) -> str:
    """The text, ready to go inside a Rich markup string, printed as typed.

    Final backslashes are doubled so that they cannot escape a tag that follows; at the
    very end of a string they then show twice, so a value printed alone uses `plain()`.
    Backslashes before a bracket that opens no tag get one more, which Rich takes away.
    """
    written = _LONE_BRACKET.sub(lambda run: run.group(1) + "\\", visible(text))
    return escape(_FINAL_BACKSLASHES.sub(lambda run: run.group(1) * 2, written))


def plain(text: object) -> Text:
    """The text as a Rich value that is never read as markup: printed alone or in a table."""
    return Text(visible(text))


def one_line(text: object) -> str:
    """The text on one line, every control character written out (for stderr, not Rich)."""
    return _HIDDEN_OR_BREAK.sub(_written_out, str(text))


def safe_json(text: str) -> str:
    """JSON whose strings hold no character a terminal acts on.

    `json.dumps` already escapes C0 controls; this escapes the rest of the set above as
    `\\uXXXX`, which JSON reads back as the same characters.
    """
    return _HIDDEN.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def drop_output() -> None:
    """Send what is left of the output nowhere, so a closed pipe raises no more errors."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def write(text: str) -> None:
    """Plain text to standard output; a reader that went away ends the output, as below."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        drop_output()


class Terminal(Console):
    """The console commands print to, once their work is done.

    A reader that went away (`infointerview people list | head -1`) ends the output,
    not the command: Rich would exit with 1 after the change was saved.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        drop_output()
