"""One way of writing a day, whatever the machine's locale."""

import locale
from datetime import date, datetime

import pytest

from infointerview.lib import day_words


def test_a_day_is_written_out_in_full_with_and_without_its_year():
    assert day_words.long_day(date(2026, 12, 1)) == "Tuesday, December 1, 2026"
    assert day_words.long_day(date(2026, 12, 1), with_year=False) == "Tuesday, December 1"
    assert day_words.short_day(date(2026, 12, 1)) == "Tue, Dec 1, 2026"
    assert day_words.month_day(date(2026, 12, 1)) == "Dec 1"
    assert day_words.letter_day(date(2026, 12, 1)) == "December 1, 2026"


def test_a_moment_carries_its_24_hour_clock():
    moment = datetime(2026, 12, 3, 23, 30)
    assert day_words.long_moment(moment) == "Thursday, December 3, 2026 at 23:30"
    assert day_words.short_moment(moment) == "Thu, Dec 3, 2026, 23:30"


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(1900, 1, 1), "Monday, January 1, 1900"),
        (date(2100, 12, 31), "Friday, December 31, 2100"),
    ],
)
def test_the_first_and_last_days_the_app_keeps(day, words):
    assert day_words.long_day(day) == words


def test_the_words_do_not_follow_the_machines_locale():
    before = locale.setlocale(locale.LC_TIME)
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert day_words.long_day(date(2026, 12, 1)) == "Tuesday, December 1, 2026"
        finally:
            locale.setlocale(locale.LC_TIME, before)
