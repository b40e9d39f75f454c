from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infointerview.lib.business_days import add_business_days, parse_day


def test_it_skips_the_weekend():
    wednesday = date(2026, 12, 2)
    assert add_business_days(wednesday, 3) == date(2026, 12, 7)  # Monday
    assert add_business_days(wednesday, 5) == date(2026, 12, 9)  # next Wednesday


def test_it_counts_a_weekend_start_from_monday():
    saturday = date(2026, 12, 5)
    assert add_business_days(saturday, 1) == date(2026, 12, 7)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(1, 30))
def test_it_always_lands_on_a_weekday_after_the_start(start, days):
    result = add_business_days(start, days)
    assert result > start
    assert result.weekday() < 5


@pytest.mark.parametrize("text", ["2026-13-01", "tomorrow", "20261201", "2026-02-30", ""])
def test_it_refuses_bad_dates_with_the_format_to_use(text):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day(text)
