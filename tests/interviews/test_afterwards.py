"""Thank-you notes stay in Today until sent; insights roll up per occupation."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infointerview.agenda.services import today
from infointerview.interviews.afterwards import (
    learning_about,
    mark_thanks_sent,
    record_learning,
    thank_you,
)
from infointerview.interviews.services import schedule
from infointerview.lib.errors import Refused
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY

CHICAGO = ZoneInfo("America/Chicago")  # alice's time zone


def past(hours: int = 2) -> datetime:
    return NOW - timedelta(hours=hours)


@pytest.fixture
def held(alice, designers):
    sam = add_person(alice, "Sam Park")
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers", introduced_by=sam)
    return schedule(alice, kim, past(), minutes=25)


def test_thanks_are_due_to_the_interviewee_and_the_introducer_until_sent(alice, held):
    due = today(alice, NOW).thanks
    assert sorted(d.recipient.name for d in due) == ["Kim Ode", "Sam Park"]
    note = thank_you(alice, held)
    assert note.body.startswith("Dear Kim Ode,")
    assert "career as a graphic designer" in note.body
    mark_thanks_sent(alice, note, WEDNESDAY)
    assert [d.recipient.name for d in today(alice, NOW).thanks] == ["Sam Park"]
    introducer_note = thank_you(alice, held, held.person.introduced_by)
    assert "Thank you for introducing me to Kim Ode" in introducer_note.body
    mark_thanks_sent(alice, introducer_note, WEDNESDAY)
    assert today(alice, NOW).thanks == []


def test_no_thanks_are_due_before_the_interview_or_after_a_cancellation(alice, dana):
    from infointerview.interviews.services import cancel

    future = NOW + timedelta(days=2)
    schedule(alice, dana, future)
    assert today(alice, NOW).thanks == []
    gone = schedule(alice, dana, past())
    cancel(alice, gone)
    assert today(alice, NOW).thanks == []


def test_thanks_only_go_to_people_of_the_interview(alice, held, dana):
    with pytest.raises(Refused, match="not part of this interview"):
        thank_you(alice, held, dana)


def test_insights_and_fit_roll_up_per_occupation(alice, held, designers):
    other = add_person(alice, "Lee Wong", occupation="Graphic Designers")
    second = schedule(alice, other, past(30), minutes=20)
    record_learning(
        alice,
        held,
        learned="Lots of revisions",
        fit_rating=4,
        insights={"pros": "Making things people see", "cons": "Tight deadlines"},
        now=NOW,
    )
    record_learning(
        alice, second, fit_rating=2, insights={"cons": "Clients who micromanage"}, now=NOW
    )
    learning = learning_about(alice, "Graphic Designers", designers)
    assert len(learning.interviews) == 2
    assert learning.average_fit == 3.0
    assert list(learning.insights) == ["What is good about the work", "What is hard about it"]
    assert [i.learned for i in learning.summaries] == ["Lots of revisions"]
    assert learning.insights["What is hard about it"] == [
        ("Kim Ode", "Tight deadlines"),
        ("Lee Wong", "Clients who micromanage"),
    ]
    held.refresh_from_db()
    assert held.status == "held"


def test_a_fit_rating_must_be_one_to_five(alice, held):
    with pytest.raises(Refused, match="1"):
        record_learning(alice, held, fit_rating=9, now=NOW)


def test_keep_in_touch_reminders_come_due(alice, held):
    record_learning(alice, held, keep_in_touch_on=date(2027, 3, 1), now=NOW)
    assert today(alice, NOW, date(2027, 2, 28)).keep_in_touch == []
    assert [i.person.name for i in today(alice, NOW, date(2027, 3, 1)).keep_in_touch] == ["Kim Ode"]


def test_the_progress_funnel_never_grows_downwards(alice, held, dana):
    from infointerview.agenda.progress import progress

    bars = {bar.label: bar.value for bar in progress(alice, NOW).funnel}
    assert bars == {"People listed": 2, "Contacted": 1, "Agreed": 1, "Interviewed": 1, "Thanked": 0}
    mark_thanks_sent(alice, thank_you(alice, held), WEDNESDAY)
    assert progress(alice, NOW).funnel[-1].value == 1


def test_an_unsent_draft_follows_the_latest_insights(alice, held):
    thank_you(alice, held)
    record_learning(alice, held, insights={"advice": "Build a portfolio of small jobs"}, now=NOW)
    assert "I especially valued your honest advice on where my strengths lie" in (
        thank_you(alice, held).body
    )


def test_a_keep_in_touch_reminder_goes_once_done(alice_client, alice, held):
    from django.urls import reverse

    record_learning(alice, held, keep_in_touch_on=date(2026, 12, 2), now=NOW)
    assert today(alice, NOW).keep_in_touch
    alice_client.post(reverse("interviews:kept_in_touch", args=[held.public_id]))
    assert today(alice, NOW).keep_in_touch == []


def test_a_reminder_to_keep_in_touch_cannot_come_before_the_interview(alice, held):
    with pytest.raises(Refused, match="after the interview"):
        record_learning(alice, held, keep_in_touch_on=date(2026, 11, 1), now=NOW)


def test_saving_what_was_learned_again_keeps_the_insights_not_changed(alice, held):
    first = {"pros": "Making things", "cons": "Deadlines", "advice": "Build a portfolio"}
    record_learning(alice, held, insights=first, now=NOW)
    before = {i.kind: (i.pk, i.created_at) for i in held.insights.all()}
    record_learning(alice, held, insights={**first, "cons": "Clients", "ways_in": ""}, now=NOW)
    after = {i.kind: (i.pk, i.created_at, i.text) for i in held.insights.all()}
    assert after["pros"][:2] == before["pros"] and after["advice"][:2] == before["advice"]
    assert after["cons"][0] != before["cons"][0] and after["cons"][2] == "Clients"
    assert "ways_in" not in after
