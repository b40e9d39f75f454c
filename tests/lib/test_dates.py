"""The fixed range of days the app keeps, and the allowance for stored moments."""

from datetime import UTC, date, datetime

from infointerview.lib.dates import moment_out_of_range, out_of_range


def test_the_first_and_last_day_are_kept_and_the_days_beyond_are_not():
    assert out_of_range(date(1900, 1, 1)) == out_of_range(date(2100, 12, 31)) == ""
    assert "1899-12-31 is outside 1900–2100" in out_of_range(date(1899, 12, 31))
    assert "2101-01-01 is outside" in out_of_range(date(2101, 1, 1))


def test_a_stored_moment_may_read_a_day_beyond_in_utc_when_a_time_zone_shows_it_inside():
    assert moment_out_of_range(datetime(2101, 1, 1, 5, 59, tzinfo=UTC)) == ""
    assert moment_out_of_range(datetime(1899, 12, 31, 20, 0, tzinfo=UTC)) == ""
    assert "2101-01-02" in moment_out_of_range(datetime(2101, 1, 2, 15, 0, tzinfo=UTC))


def test_the_ends_of_the_calendar_are_refused_not_crashed_on():
    assert "9999-12-31" in moment_out_of_range(datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
    assert "0001-01-01" in moment_out_of_range(datetime(1, 1, 1, 1, 0, tzinfo=UTC))
