"""Drafts read as a careful person would write them: articles, one address block."""

import pytest
from django.urls import reverse

from infointerview.outreach.services import draft
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY


@pytest.mark.parametrize(
    ("source", "detail", "phrase"),
    [
        ("association", "AIGA Seattle member directory", "in the AIGA Seattle member directory"),
        ("association", "the AIGA Seattle directory", "in the AIGA Seattle directory"),
        ("association", "My club's roster", "in My club's roster"),
        ("alumni", "Lakeside alumni list", "on the Lakeside alumni list"),
        ("publication", "Communication Arts", "I read about your work in Communication Arts"),
    ],
)
def test_a_source_detail_gets_the_phrase_it_needs(alice, designers, source, detail, phrase):
    person = add_person(
        alice, "Dana Lee", occupation="Graphic Designers", source=source, source_detail=detail
    )
    request = draft(alice, person, "email", today=WEDNESDAY)
    assert f"{phrase}." in request.body


def test_a_letter_names_the_organization_once(alice_client, alice, designers):
    person = add_person(
        alice,
        "Dana Lee",
        occupation="Graphic Designers",
        job_title="Art Director",
        organization="Northwind Studio",
        postal_address="Northwind Studio\n12 Pike Street\nSeattle, WA 98101",
    )
    request = draft(alice, person, "letter", today=WEDNESDAY)
    page = alice_client.get(reverse("outreach:letter", args=[request.public_id])).content.decode()
    recipient = page.split('<address class="recipient">')[1].split("</address>")[0]
    assert recipient.count("Northwind Studio") == 1
    assert recipient.index("Dana Lee") < recipient.index("Art Director")
    assert recipient.index("Northwind Studio") < recipient.index("12 Pike Street")


def test_a_letter_without_the_organization_in_the_address_adds_it(alice, designers):
    person = add_person(
        alice,
        "Dana Lee",
        occupation="Graphic Designers",
        organization="Northwind Studio",
        postal_address="12 Pike Street\nSeattle, WA 98101",
    )
    assert person.letter_address_lines() == [
        "Dana Lee",
        "Northwind Studio",
        "12 Pike Street",
        "Seattle, WA 98101",
    ]
