"""Today proposes where to start on a list nobody has been contacted from yet."""

import pytest
from django.urls import reverse

from infointerview.agenda.services import today
from infointerview.careers.services import add_target
from infointerview.outreach.models import ContactRequest
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY


def first_on(alice, occupation="Graphic Designers"):
    agenda = today(alice, NOW, WEDNESDAY)
    return {target.name: first for target, first in agenda.untouched()}[occupation]


def test_the_first_name_on_an_untouched_list_is_proposed(alice, designers):
    ravi = add_person(alice, "Ravi Shah", occupation=designers, phones=["555-0101"])
    add_person(alice, "Kim Ode", occupation=designers, emails=["kim@example.com"])
    first = first_on(alice)
    assert (first.person, first.channel) == (ravi, "phone")
    assert first.how() == "by telephone"


@pytest.mark.parametrize(
    ("details", "channel", "how"),
    [
        (
            {"introduced_by": "Sam Park", "emails": ["kim@example.com"]},
            "introduction",
            "through Sam Park, who can introduce you",
        ),
        ({"emails": ["kim@example.com"], "postal_address": "1 Main St"}, "email", "by e-mail"),
        ({"postal_address": "1 Main St\nSeattle", "phones": ["555-0101"]}, "letter", "by letter"),
        ({}, "phone", "by telephone"),
    ],
)
def test_the_channel_follows_the_methods_order(alice, designers, details, channel, how):
    add_person(alice, "Kim Ode", occupation=designers, **details)
    first = first_on(alice)
    assert (first.channel, first.how()) == (channel, how)


def test_a_list_with_nobody_on_it_still_asks_for_names(alice, designers):
    add_target(alice, "Nurses")
    add_person(alice, "Kim Ode", occupation=designers)
    assert first_on(alice, "Nurses") is None
    nurses = today(alice, NOW, WEDNESDAY).to_dict()["targets_without_contact"]
    assert [(t["name"], t["first"]) for t in nurses if t["name"] == "Nurses"] == [("Nurses", None)]


def test_the_command_lines_json_names_the_first_person_and_channel(alice, dana):
    [designers] = today(alice, NOW, WEDNESDAY).to_dict()["targets_without_contact"]
    assert designers["first"]["person"]["name"] == "Dana Lee"
    assert designers["first"]["channel"] == "email"


def test_today_offers_to_draft_to_the_first_name(alice_client, alice, dana):
    page = alice_client.get(reverse("agenda:today")).content.decode()
    assert "start with" in page and "Dana Lee</a> by e-mail" in page
    assert reverse("outreach:draft", args=[dana.public_id]) in page
    assert "Draft the e-mail" in page
    assert "add a person" not in page
    response = alice_client.post(
        reverse("outreach:draft", args=[dana.public_id]), {"channel": "email"}
    )
    assert response.status_code == 302
    assert ContactRequest.objects.get(person=dana).channel == "email"
