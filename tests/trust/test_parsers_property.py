"""Whatever a file or a field holds: a one-line refusal or a valid result, never a traceback.

Restore is also held to "never a partial write": when it refuses, everything stored
before is still there, unchanged.
"""

from __future__ import annotations

import json
import string
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infointerview.accounts.tables import user_tables
from infointerview.accounts.validation import DayField, MomentField
from infointerview.agenda.export import export_data
from infointerview.agenda.restore import parse_export, restore
from infointerview.interviews.services import schedule
from infointerview.lib import placeholders
from infointerview.lib.business_days import parse_day
from infointerview.lib.dates import FIRST_DAY, LAST_DAY
from infointerview.lib.errors import Refused
from infointerview.outreach.services import draft, log_outcome
from tests.conftest import NOW, WEDNESDAY, at

WITH_DATABASE = settings(
    deadline=None,
    max_examples=30,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
QUICK = settings(deadline=None)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["", "2026-12-02", "2026-12-02T10:00:00+00:00", "9999-12-31", "entry"])
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)
TABLES = [table.name for table in user_tables()]
ZONES = st.sampled_from(
    ["UTC", "America/Chicago", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"]
)


@pytest.fixture
def filled(alice, dana):
    """An account with a list, a person, a request, a call and an interview."""
    draft(alice, dana, "phone", today=WEDNESDAY)
    log_outcome(alice, dana, "no-answer", on=WEDNESDAY)
    schedule(alice, dana, at("2026-12-10 14:30"))
    return alice


def stored(owner) -> str:
    return json.dumps(export_data(owner, NOW), sort_keys=True)


def restored_or_refused(owner, data) -> None:
    """The property every restore holds, whatever it is given."""
    before = stored(owner)
    try:
        restore(owner, data)
    except Refused as error:
        assert "\n" not in str(error) and str(error)
        assert stored(owner) == before, "a refused restore changed what was stored"


@WITH_DATABASE
@given(
    extra=st.dictionaries(st.sampled_from([*TABLES, "profile", "version"]), json_values),
)
def test_any_json_under_the_export_s_name_is_restored_or_refused(filled, extra):
    restored_or_refused(filled, {"format": "infointerview-export", "version": 2, **extra})


FILLED_TABLES = ["targets", "people", "contact_requests", "attempts", "interviews"]


@pytest.mark.parametrize("table", FILLED_TABLES)
@WITH_DATABASE
@given(choice=st.data(), value=json_values)
def test_any_value_in_any_field_of_a_real_export_is_restored_or_refused(
    filled, table, choice, value
):
    data = export_data(filled, NOW)
    row = data[table][0]
    field = choice.draw(st.sampled_from(sorted(row)) | st.text(max_size=10))
    row[field] = value
    restored_or_refused(filled, data)


WRONG_TYPES = [None, 1.5, True, -1, "text", "", [1], ["text"], {"a": [1]}, [[[]]]]


@pytest.mark.parametrize("table", FILLED_TABLES)
def test_every_field_given_a_value_of_the_wrong_type_is_restored_or_refused(filled, table):
    """Each value of each JSON type in each field: random draws can miss one field."""
    before, changed = stored(filled), False
    for field in sorted(json.loads(before)[table][0]):
        for value in WRONG_TYPES:
            data = json.loads(before)
            data[table][0][field] = value
            try:
                restore(filled, data)
                changed = True
            except Refused as error:
                assert "\n" not in str(error)
    if not changed:
        assert stored(filled) == before


@WITH_DATABASE
@given(choice=st.data(), rows=st.lists(json_values, max_size=3))
def test_any_rows_added_to_a_real_export_are_restored_or_refused(filled, choice, rows):
    data = export_data(filled, NOW)
    table = choice.draw(st.sampled_from(TABLES))
    data[table].extend(rows)
    data["version"] = choice.draw(st.sampled_from([1, 2]))
    restored_or_refused(filled, data)


@WITH_DATABASE
@given(anything=json_values)
def test_json_of_any_shape_is_refused_as_not_an_export(filled, anything):
    restored_or_refused(filled, anything)


@QUICK
@given(raw=st.binary(max_size=200) | st.text(max_size=200))
def test_any_bytes_parse_as_json_or_are_refused_in_one_line(raw):
    try:
        parse_export(raw)
    except Refused as error:
        assert "\n" not in str(error)


@QUICK
@given(depth=st.integers(min_value=1, max_value=200_000))
def test_nesting_of_any_depth_parses_or_is_refused(depth):
    try:
        parse_export("[" * depth + "]" * depth)
    except Refused as error:
        assert "nests deeper" in str(error)


# Templates: the placeholder language of drafts.

names = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=12)
single_line = st.text(
    alphabet=st.characters(blacklist_categories=["Cc", "Zl", "Zp", "Cs"]), max_size=40
)


@QUICK
@given(text=st.text(), values=st.dictionaries(names, st.text()))
def test_any_template_renders_without_error(text, values):
    assert isinstance(placeholders.render(text, values), str)


@QUICK
@given(text=st.text())
def test_with_no_values_every_placeholder_stays_visible(text):
    assert placeholders.names_in(placeholders.render(text, {})) == placeholders.names_in(text)


@QUICK
@given(name=single_line, secret=single_line)
def test_a_value_is_written_as_it_is_and_never_read_as_a_template(name, secret):
    """A contact named '{{ my_email }}' shows those characters, not the user's address."""
    text = "Dear {{ their_name }},"
    filled = placeholders.render(text, {"their_name": name, "my_email": secret})
    assert filled == f"Dear {name},"


# Dates: the command line's YYYY-MM-DD and the forms' day and moment fields.


@QUICK
@given(text=st.text(max_size=30))
def test_any_text_is_a_day_or_a_message_saying_how_to_write_one(text):
    try:
        day = parse_day(text)
    except ValueError as error:
        assert "YYYY-MM-DD" in str(error)
    else:
        assert isinstance(day, date)


@QUICK
@given(day=st.dates())
def test_every_day_written_as_yyyy_mm_dd_reads_back(day):
    assert parse_day(f" {day.isoformat()}\n") == day


@QUICK
@given(text=st.text(max_size=30) | st.dates().map(date.isoformat))
def test_the_day_field_gives_a_day_in_range_or_a_form_error(text):
    try:
        day = DayField().clean(text)
    except ValidationError:
        return
    assert FIRST_DAY <= day <= LAST_DAY


@QUICK
@given(day=st.dates())
def test_the_day_field_keeps_exactly_the_fixed_range(day):
    try:
        assert DayField().clean(day.isoformat()) == day
        assert FIRST_DAY <= day <= LAST_DAY
    except ValidationError as error:
        assert not FIRST_DAY <= day <= LAST_DAY
        assert "the years this app keeps" in error.messages[0]


@QUICK
@given(
    text=st.text(max_size=30) | st.datetimes().map(lambda m: m.strftime("%Y-%m-%dT%H:%M")),
    zone=ZONES,
)
def test_the_moment_field_gives_a_moment_in_range_or_a_form_error(text, zone):
    with timezone.override(ZoneInfo(zone)):
        try:
            moment = MomentField().clean(text)
        except ValidationError:
            return
        assert moment.tzinfo is not None
        assert FIRST_DAY <= timezone.localtime(moment).date() <= LAST_DAY


@QUICK
@given(
    moment=st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2100, 12, 31, 23, 59),
    ).map(lambda m: m.replace(second=0, microsecond=0)),
    zone=ZONES,
)
def test_every_moment_in_range_reads_back_unless_the_clocks_skip_it(moment, zone):
    with timezone.override(ZoneInfo(zone)):
        try:
            read = MomentField().clean(moment.strftime("%Y-%m-%dT%H:%M"))
        except ValidationError:
            local = moment.replace(tzinfo=ZoneInfo(zone))
            utc = ZoneInfo("UTC")
            skipped = local.astimezone(utc).astimezone(local.tzinfo).replace(tzinfo=None) != moment
            repeated = local.replace(fold=1).utcoffset() != local.utcoffset()
            assert skipped or repeated, "only a time the clocks skip or repeat is refused"
            return
        assert timezone.localtime(read).replace(tzinfo=None) == moment


def test_the_strategies_reach_the_edges_of_the_range():
    """Guards the generators above: the range's ends are a day apart from what is refused."""
    assert DayField().clean(FIRST_DAY.isoformat()) == FIRST_DAY
    with pytest.raises(ValidationError):
        DayField().clean((FIRST_DAY - timedelta(days=1)).isoformat())
    assert DayField().clean(LAST_DAY.isoformat()) == LAST_DAY
