"""Each draft says what the method requires; an edited template that drops it is flagged."""

import email
from datetime import date

import pytest

from infointerview.outreach import drafts
from infointerview.outreach.services import (
    check_template,
    draft,
    eml_bytes,
    mailto_link,
    reset_template,
    resistance_answers,
    save_template,
)
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_a_letter_or_email_says_who_why_how_long_how_found_and_the_call_day(alice, dana, channel):
    request = draft(alice, dana, channel, call_on=date(2026, 12, 8), today=WEDNESDAY)
    text = request.body
    assert "Alice Moreno" in text
    assert "a second-year design student at Lakeside College" in text
    assert "career as a graphic designer" in text
    assert "information, not asking for a job" in text
    assert "20–30 minutes" in text
    assert "I found your name on the Alumni office list 2026" in text
    assert "Tuesday, December 8" in text
    assert "{{" not in text + request.subject


def test_a_phone_script_has_each_step_and_answers_to_resistance(alice, dana):
    request = draft(alice, dana, "phone", today=WEDNESDAY)
    steps = drafts.practice_steps(request.body)
    assert steps[0].startswith("Hello, may I speak with Dana Lee")
    assert any("good time" in step for step in steps)
    assert any("Alice Moreno" in step for step in steps)
    assert any("Alumni office list" in step for step in steps)
    assert any("not asking for a job" in step for step in steps)
    answers = " ".join(answer for _, answer in resistance_answers(alice, dana))
    assert "not looking for a job" in answers
    assert "better time" in answers
    assert "telephone instead" in answers
    assert "Whom else would you suggest" in answers


def test_an_introduction_asks_the_acquaintance_to_introduce_or_allow_mention(alice, designers):
    sam = add_person(alice, "Sam Park")
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)
    body = draft(alice, kim, "introduction", today=WEDNESDAY).body
    assert body.startswith("Dear Sam Park")
    assert "Kim Ode" in body
    assert "introduce me" in body
    assert "mention your name" in body
    assert "not asking for a job" in body


@pytest.mark.parametrize("channel", ["email", "letter", "phone", "introduction"])
def test_every_built_in_template_is_complete(channel):
    check = check_template(
        channel, drafts.BUILT_IN_SUBJECT.get(channel, ""), drafts.BUILT_IN_BODY[channel]
    )
    assert check.ok, check.problems()


def test_an_edited_template_missing_the_call_day_is_flagged_but_kept(alice, dana):
    body = drafts.BUILT_IN_BODY["email"].replace(
        "I will telephone you on {{ call_day }} to see whether we can find a time.", ""
    )
    check = save_template(alice, "email", "Hello", body)
    assert not check.ok
    assert [e.label for e in check.missing] == ["the day you will telephone for an answer"]
    assert check.problems() == ["missing: the day you will telephone for an answer"]
    request = draft(alice, dana, "email", today=WEDNESDAY)
    assert request.subject == "Hello"
    assert "I will telephone you on" not in request.body
    reset_template(alice, "email")
    assert "I will telephone you on" in draft(alice, dana, "email", today=WEDNESDAY).body


def test_a_phone_template_without_asking_for_a_good_time_is_flagged():
    check = check_template(
        "phone", "", "Hi {{ their_name }}, {{ my_name }} {{ how_found }} {{ purpose }}"
    )
    assert [e.label for e in check.missing] == ["asking whether this is a good time"]


def test_the_email_downloads_as_an_eml_any_mail_program_opens(alice, dana):
    request = draft(alice, dana, "email", today=WEDNESDAY)
    message = email.message_from_bytes(eml_bytes(alice, request))
    assert message["To"] == "Dana Lee <dana@example.com>"
    assert message["From"] == "Alice Moreno <alice@example.org>"
    assert message["Subject"] == "Could I learn about your career as a graphic designer?"
    assert "Monday, December 7" in message.get_payload(decode=True).decode()


def test_the_mailto_link_carries_subject_and_body(alice, dana):
    link = mailto_link(draft(alice, dana, "email", today=WEDNESDAY))
    assert link.startswith("mailto:dana%40example.com?subject=Could%20I%20learn")
    assert "Monday%2C%20December%207" in link


def test_a_subject_cannot_smuggle_extra_mail_headers(alice, dana):
    save_template(alice, "email", "Hello\nBcc: everyone@example.com", drafts.BUILT_IN_BODY["email"])
    message = email.message_from_bytes(
        eml_bytes(alice, draft(alice, dana, "email", today=WEDNESDAY))
    )
    assert message["Subject"] == "Hello Bcc: everyone@example.com"
    assert message["Bcc"] is None


def test_hostile_names_are_escaped_on_pages(alice_client, alice):
    from django.urls import reverse

    from infointerview.people.services import add_person

    person = add_person(alice, '<script>alert("x")</script>', occupation="Graphic Designers")
    html = alice_client.get(reverse("agenda:person", args=[person.public_id])).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
