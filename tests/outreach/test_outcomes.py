"""Every row of the outcome table: what counts toward three attempts, and what each ends."""

from datetime import date

import pytest

from infointerview.agenda.outcomes import record_outcome
from infointerview.interviews.models import Interview
from infointerview.lib.errors import Refused
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.outreach.services import draft, mark_sent
from infointerview.people.models import Person, Source
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY, at


@pytest.fixture
def ravi(alice, designers):
    return add_person(alice, "Ravi Shah", occupation="Graphic Designers")


@pytest.fixture
def emailed(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    return mark_sent(alice, dana, on=WEDNESDAY)


@pytest.mark.parametrize("outcome", ["no-answer", "message", "no-reply"])
def test_the_third_counted_attempt_moves_on_and_proposes_the_next_name(
    alice, dana, ravi, emailed, outcome
):
    first = record_outcome(alice, dana, outcome, on=date(2026, 12, 7))
    assert first.request.status == ContactRequest.Status.OPEN
    assert first.request.next_call_kind == ContactRequest.NextCall.CALL_AGAIN
    record_outcome(alice, dana, outcome, on=date(2026, 12, 8))
    third = record_outcome(alice, dana, outcome, on=date(2026, 12, 10))
    assert third.request.status == ContactRequest.Status.MOVED_ON
    assert third.request.next_call_on is None
    assert third.next_person == ravi
    assert "move on" in third.advice


def test_counted_outcomes_mix_toward_the_three(alice, dana, emailed):
    record_outcome(alice, dana, "no-reply", on=date(2026, 12, 7))
    record_outcome(alice, dana, "no-answer", on=date(2026, 12, 8))
    result = record_outcome(alice, dana, "message", on=date(2026, 12, 9))
    assert result.request.status == ContactRequest.Status.MOVED_ON


def test_busy_does_not_count_and_sets_a_call_back(alice, dana, emailed):
    record_outcome(alice, dana, "no-answer", on=date(2026, 12, 7))
    record_outcome(alice, dana, "no-answer", on=date(2026, 12, 8))
    result = record_outcome(
        alice, dana, "busy", on=date(2026, 12, 9), call_back_on=date(2026, 12, 14)
    )
    assert result.request.status == ContactRequest.Status.OPEN
    assert result.request.counted_attempts() == 2
    assert result.request.next_call_on == date(2026, 12, 14)
    assert result.request.next_call_kind == ContactRequest.NextCall.CALL_BACK


def test_declined_ends_at_once_and_prompts_for_other_names(alice, dana, ravi, emailed):
    result = record_outcome(alice, dana, "declined", on=date(2026, 12, 7))
    assert result.request.status == ContactRequest.Status.DECLINED
    assert "whom else" in result.advice
    assert result.next_person == ravi


def test_referred_creates_the_referral_at_the_top_of_the_list(alice, dana, ravi, emailed):
    result = record_outcome(alice, dana, "referred", on=date(2026, 12, 7), referred_name="Kim Ode")
    assert result.request.status == ContactRequest.Status.REFERRED
    kim = result.referral
    assert kim.source == Source.REFERRAL
    assert kim.introduced_by == dana
    assert kim.occupation == "Graphic Designers"
    names = list(
        Person.objects.filter(owner=alice, target__name="Graphic Designers").values_list(
            "name", flat=True
        )
    )
    assert names[0] == "Kim Ode"


def test_agreed_schedules_the_interview(alice, dana, emailed):
    result = record_outcome(
        alice,
        dana,
        "agreed",
        on=date(2026, 12, 7),
        interview_at=at("2026-12-10 14:30"),
        mode="video",
        place="https://meet.example.org/dana",
    )
    assert result.request.status == ContactRequest.Status.AGREED
    interview = Interview.objects.get(owner=alice, person=dana)
    assert interview.mode == "video"
    assert interview.place == "https://meet.example.org/dana"
    assert interview.minutes == 25
    assert interview.starts_at.isoformat() == "2026-12-10T20:30:00+00:00"  # 14:30 in Chicago


@pytest.mark.parametrize(
    ("outcome", "extra", "message"),
    [
        ("maybe", {}, "unknown outcome"),
        ("referred", {}, "whom they referred"),
        ("agreed", {}, "when you will meet"),
        ("agreed", {"interview_at": at("9999-12-03 10:00")}, "outside 1900–2100"),
        ("agreed", {"interview_at": "2026-12-10 14:30", "mode": "carrier-pigeon"}, "unknown mode"),
        ("busy", {"call_back_on": date(2026, 12, 1)}, "before"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(alice, dana, emailed, outcome, extra, message):
    with pytest.raises(Refused, match=message):
        record_outcome(alice, dana, outcome, on=date(2026, 12, 7), **extra)
    assert Attempt.objects.count() == 0
    emailed.refresh_from_db()
    assert emailed.status == ContactRequest.Status.OPEN
    assert Interview.objects.count() == 0


def test_logging_on_an_ended_request_is_refused(alice, dana, emailed):
    record_outcome(alice, dana, "declined", on=date(2026, 12, 7))
    with pytest.raises(Refused, match="ended"):
        record_outcome(alice, dana, "no-answer", on=date(2026, 12, 8))


def test_a_cold_call_without_a_draft_starts_a_telephone_request(alice, dana):
    result = record_outcome(alice, dana, "no-answer", on=WEDNESDAY)
    assert result.request.channel == "phone"
    assert result.request.counted_attempts() == 1
