"""What the user typed, repeated in a message: in quotes, invisible characters shown, cut short."""

from infointerview.lib.typed import LONGEST, quoted


def test_text_is_put_in_quotes_as_typed():
    assert quoted("dana@") == "“dana@”"
    assert quoted("  Zoë O'Neil  ") == "“Zoë O'Neil”"


def test_invisible_characters_cannot_hide_or_reorder_the_message():
    shown = quoted("evil\u202e gnp.exe\x07\n")
    assert "\u202e" not in shown and "\x07" not in shown
    assert shown == "“evil\\u202e gnp.exe\\x07”"


def test_long_text_is_cut_short_with_an_ellipsis():
    shown = quoted("x" * 100_000)
    assert len(shown) == LONGEST + 2 and shown.endswith("…”")
