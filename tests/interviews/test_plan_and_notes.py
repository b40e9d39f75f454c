"""Plans fitted to the time, drawn from O*NET and research; notes and referrals."""

import pytest
from django.urls import reverse

from infointerview.careers.lists import existing_target
from infointerview.careers.onet_import import import_release
from infointerview.interviews.planning import build_plan
from infointerview.interviews.question_bank import BANK
from infointerview.interviews.research import add_entry
from infointerview.interviews.services import save_notes, schedule, suggested_in_interview
from infointerview.lib.errors import Refused
from infointerview.people.models import Person
from infointerview.people.services import add_person, list_of_names
from tests.careers.onet_fixture import write_release
from tests.conftest import NOW, at


@pytest.mark.parametrize("minutes", [20, 25, 30])
@pytest.mark.parametrize(
    "purposes",
    [
        ["realities"],
        ["realities", "preparation", "strengths"],
        list(("choosing", "focusing", "unknown", "opportunities")),
    ],
)
def test_the_plan_fits_the_time_agreed(alice, dana, minutes, purposes):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=minutes)
    plan = build_plan(alice, interview, purposes)
    assert plan.fits
    assert plan.total_minutes <= minutes
    left = minutes - plan.total_minutes
    asked = {q.text for q in plan.questions}
    unasked = [q for q in BANK if q.purpose in purposes and q.text not in asked]
    assert all(q.minutes > left for q in unasked), "a chosen question would still have fit"
    assert plan.questions[-1].purpose == "referrals"
    assert {q.purpose for q in plan.questions} <= {*purposes, "referrals"}


JSON = "application/json"  # what the autosave script asks for


def test_questions_come_from_onet_and_research_when_known(alice, db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    person = add_person(alice, "Wes", occupation="Widget Designers")
    person.onet_code = "27-9001.00"
    person.save()
    add_entry(
        alice,
        subject="occupation",
        onet_code="27-9001.00",
        title="the OOH",
        source_kind="ooh",
        notes="Most widget designers work in small studios. More text.",
    )
    interview = schedule(alice, person, at("2026-12-10 14:30"), minutes=30)
    texts = [q.text for q in build_plan(alice, interview, ["realities", "preparation"]).questions]
    assert "How much of your week goes to this: “Main task of widget designers”?" in texts
    assert "Which of these do you use daily: Adobe Illustrator?" in texts
    assert (
        "I read in the OOH that Most widget designers work in small studios — "
        "is that your experience?"
    ) in texts


def test_replanning_keeps_questions_that_have_notes(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    first = build_plan(alice, interview, ["realities"]).questions[0]
    save_notes(alice, interview, {str(first.public_id): "Long days before deadlines"}, now=NOW)
    plan = build_plan(alice, interview, ["preparation"])
    assert plan.questions[0].notes == "Long days before deadlines"
    assert plan.fits


def test_an_unknown_purpose_is_refused(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    with pytest.raises(Refused, match="unknown purpose 'gossip'"):
        build_plan(alice, interview, ["gossip"])


def test_notes_autosave_through_the_endpoint(alice_client, alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    question = build_plan(alice, interview).questions[0]
    url = reverse("interviews:notes", args=[interview.public_id])
    response = alice_client.post(
        url, {f"q-{question.public_id}": "Clients change their minds"}, HTTP_ACCEPT=JSON
    )
    assert response.json() == {"saved": 1, "changed": 1}
    question.refresh_from_db()
    assert question.notes == "Clients change their minds"


def test_notes_saved_without_javascript_come_back_to_the_page(alice_client, alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    question = build_plan(alice, interview).questions[0]
    url = reverse("interviews:notes", args=[interview.public_id])
    response = alice_client.post(url, {f"q-{question.public_id}": "Long days"}, follow=True)
    assert response.redirect_chain == [
        (reverse("interviews:conduct", args=[interview.public_id]), 302)
    ]
    assert b"Notes saved." in response.content
    question.refresh_from_db()
    assert question.notes == "Long days"
    assert question.notes_saved_at is not None


def test_notes_cannot_be_written_into_another_interview(alice_client, alice, bob, dana):
    mine = schedule(alice, dana, at("2026-12-10 14:30"))
    other_person = add_person(bob, "Ola", occupation="Nurses")
    theirs = schedule(bob, other_person, at("2026-12-10 14:30"))
    their_question = build_plan(bob, theirs).questions[0]
    url = reverse("interviews:notes", args=[mine.public_id])
    response = alice_client.post(
        url, {f"q-{their_question.public_id}": "overwritten"}, HTTP_ACCEPT=JSON
    )
    assert response.status_code == 400
    their_question.refresh_from_db()
    assert their_question.notes == ""


def test_a_suggested_name_becomes_a_referral_at_the_top(alice, dana):
    add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    kim = suggested_in_interview(alice, interview, "Kim Ode", note="runs the print shop")
    assert kim.source == "referral"
    assert kim.introduced_by == dana
    assert kim.notes == "runs the print shop"
    assert list_of_names(alice, existing_target(alice, "Graphic Designers"))[0].person == kim
    assert Person.objects.filter(owner=alice, name="Kim Ode").count() == 1


def test_a_25_minute_plan_asks_every_default_question_and_leaves_time_for_hello_and_thanks(
    alice, dana
):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=25)
    plan = build_plan(alice, interview)
    assert [(q.source, q.minutes) for q in plan.questions] == [
        ("real-day", 3),
        ("prep-education", 2),
        ("real-like", 2),
        ("prep-experience", 2),
        ("real-hard", 2),
        ("prep-read", 1.5),
        ("real-hours", 1.5),
        ("real-change", 2),
        ("refer-who", 1.5),
    ]
    assert plan.total_minutes == 21.5  # 17.5 of questions, 4 of hello and thanks
    assert plan.fits


def test_a_20_minute_plan_leaves_out_the_question_that_no_longer_fits(alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"), minutes=20)
    plan = build_plan(alice, interview)
    texts = [q.text for q in plan.questions]
    assert "How is the work changing, and what will it look like in five years?" not in texts
    assert texts[-1] == "Whom else would you suggest I talk to, and may I mention your name?"
    assert plan.total_minutes == 19.5  # 15.5 of questions, 4 of hello and thanks
    assert plan.fits
