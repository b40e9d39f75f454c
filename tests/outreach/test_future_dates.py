"""What happened is logged once it has happened: no attempt or outcome dated ahead of today."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.agenda.outcomes import record_outcome
from infointerview.lib.errors import Refused
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.outreach.services import draft, log_outcome, mark_sent
from tests.conftest import NOW, WEDNESDAY

THURSDAY = WEDNESDAY + timedelta(days=1)


def test_an_outcome_dated_tomorrow_is_refused_and_nothing_is_logged(alice, dana):
    with pytest.raises(Refused, match=r"the day it happened \(2026-12-03\) is after today"):
        record_outcome(alice, dana, "no-answer", on=THURSDAY, now=NOW)
    assert not Attempt.objects.exists()
    assert not ContactRequest.objects.exists()


def test_an_outcome_dated_today_is_logged(alice, dana):
    record_outcome(alice, dana, "no-answer", on=WEDNESDAY, now=NOW)
    assert Attempt.objects.get().on == WEDNESDAY


def test_the_service_refuses_a_future_attempt_whoever_calls_it(alice, dana):
    with pytest.raises(Refused, match="after today"):
        log_outcome(alice, dana, "busy", on=THURSDAY, today=WEDNESDAY)
    assert not Attempt.objects.exists()


def test_sending_cannot_be_dated_in_the_future(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    with pytest.raises(Refused, match=r"the day it went out \(2026-12-03\) is after today"):
        mark_sent(alice, dana, on=THURSDAY, today=WEDNESDAY)
    assert ContactRequest.objects.get().stage == ContactRequest.Stage.DRAFTED


def _tomorrow(alice):
    return profile_for(alice).today(timezone.now()) + timedelta(days=1)


def test_the_web_refuses_an_outcome_dated_tomorrow(alice_client, alice, dana):
    response = alice_client.post(
        reverse("agenda:log_outcome", args=[dana.public_id]),
        {"outcome": "no-answer", "on": _tomorrow(alice).isoformat(), "mode": "in-person"},
        follow=True,
    )
    assert "is after today" in response.content.decode()
    assert not Attempt.objects.exists()


def test_the_web_refuses_marking_sent_tomorrow(alice_client, alice, dana):
    draft(alice, dana, "email", today=profile_for(alice).today(timezone.now()))
    response = alice_client.post(
        reverse("outreach:sent", args=[dana.public_id]),
        {"on": _tomorrow(alice).isoformat()},
        follow=True,
    )
    assert "is after today" in response.content.decode()
    assert ContactRequest.objects.get().stage == ContactRequest.Stage.DRAFTED


def test_progress_shows_even_with_an_attempt_in_a_later_week(alice_client, alice, dana):
    request = ContactRequest.objects.create(owner=alice, person=dana, channel="phone")
    today = profile_for(alice).today(timezone.now())
    for later in (1, 8, 30):
        Attempt.objects.create(
            owner=alice, request=request, outcome="no-answer", on=today + timedelta(days=later)
        )
    Attempt.objects.create(owner=alice, request=request, outcome="no-answer", on=today)
    response = alice_client.get(reverse("agenda:progress"))
    assert response.status_code == 200
    assert response.context["progress"].weeks[-1].attempts == 1


def test_a_refused_log_comes_back_with_what_was_typed(alice_client, alice, dana):
    from django.urls import reverse

    draft(alice, dana, "phone", today=WEDNESDAY)
    response = alice_client.post(
        reverse("agenda:log_outcome", args=[dana.public_id]),
        {
            "outcome": "no-answer",
            "on": "2100-01-04",
            "mode": "in-person",
            "note": "rang the front desk twice",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "rang the front desk twice" in page
    assert "is after today" in page
    assert "--" not in page.split("is after today")[1][:80]
