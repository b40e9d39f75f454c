"""Today gathers everything due, computed when read."""

from datetime import date

from django.urls import reverse

from infointerview.agenda.outcomes import record_outcome
from infointerview.agenda.services import today
from infointerview.careers.services import add_target
from infointerview.outreach.services import draft, mark_next_name_seen, mark_sent
from infointerview.people.leads import add_lead
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY, at


def test_a_new_target_shows_as_nobody_contacted_until_someone_is(alice, dana):
    add_target(alice, "Nurses")
    agenda = today(alice, NOW, WEDNESDAY)
    assert {t.name for t in agenda.targets_without_contact} == {"Graphic Designers", "Nurses"}
    draft(alice, dana, "phone", today=WEDNESDAY)
    assert [t.name for t in today(alice, NOW, WEDNESDAY).targets_without_contact] == ["Nurses"]


def test_an_agreed_interview_appears(alice, dana):
    record_outcome(alice, dana, "agreed", on=WEDNESDAY, interview_at=at("2026-12-04 10:00"))
    agenda = today(alice, NOW, WEDNESDAY)
    assert [i.person for i in agenda.interviews] == [dana]
    assert not agenda.calls_due
    assert today(alice, NOW, date(2026, 12, 5)).interviews == []


def test_an_ended_request_proposes_the_next_name_until_dealt_with(alice, dana):
    ravi = add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    record_outcome(alice, dana, "declined", on=WEDNESDAY)
    ended = today(alice, NOW, WEDNESDAY).ended
    assert [(e.request.person, e.proposed) for e in ended] == [(dana, ravi)]
    assert "whom else" in ended[0].advice()
    later = today(alice, NOW, date(2027, 1, 15)).ended
    assert [e.proposed for e in later] == [ravi]
    draft(alice, ravi, "phone", today=WEDNESDAY)
    assert today(alice, NOW, WEDNESDAY).ended == []


def test_an_ended_request_can_be_marked_done(alice, dana):
    record_outcome(alice, dana, "declined", on=WEDNESDAY)
    mark_next_name_seen(alice, today(alice, NOW, WEDNESDAY).ended[0].request)
    assert today(alice, NOW, WEDNESDAY).ended == []


def test_with_nobody_left_the_proposal_is_empty(alice, dana):
    record_outcome(alice, dana, "declined", on=WEDNESDAY)
    assert today(alice, NOW, WEDNESDAY).ended[0].proposed is None


def test_a_referral_is_proposed_next(alice, dana):
    result = record_outcome(alice, dana, "referred", on=WEDNESDAY, referred_name="Kim Ode")
    assert today(alice, NOW, WEDNESDAY).ended[0].proposed == result.referral


def test_open_leads_are_listed_to_call(alice, designers):
    add_lead(alice, "Acme Print", "Graphic Designers")
    assert [lead.organization for lead in today(alice, NOW, WEDNESDAY).leads] == ["Acme Print"]


def test_organizations_to_call_keep_their_places_on_the_lists(alice, designers):
    add_lead(alice, "Acme Print", "Graphic Designers")
    moved = add_lead(alice, "Bright Studio", "Graphic Designers")
    moved.position = -1  # moved ahead of Acme on the list
    moved.save(update_fields=["position"])
    leads = today(alice, NOW, WEDNESDAY, limit=10).leads
    assert [(lead.organization, lead.calls_made) for lead in leads] == [
        ("Bright Studio", 0),
        ("Acme Print", 0),
    ]


def test_follow_ups_later_this_week_are_shown_as_coming_up(alice, dana):
    draft(alice, dana, "email", today=WEDNESDAY)
    mark_sent(alice, dana, on=WEDNESDAY)
    agenda = today(alice, NOW, WEDNESDAY)
    assert agenda.calls_due == []
    assert [r.person for r in agenda.coming_up] == [dana]


def test_one_users_agenda_never_shows_anothers(alice, bob, dana):
    draft(alice, dana, "phone", today=WEDNESDAY)
    add_target(bob, "Nurses")
    agenda = today(bob, NOW, WEDNESDAY)
    assert agenda.calls_due == []
    assert [t.name for t in agenda.targets_without_contact] == ["Nurses"]


def test_someone_already_met_is_not_proposed_next_and_counts_as_contact(alice, dana):
    from infointerview.interviews.services import schedule

    schedule(alice, dana, at("2026-12-10 14:30"))
    ravi = add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers")
    record_outcome(alice, ravi, "declined", on=WEDNESDAY)
    add_target(alice, "Nurses")
    nurse = add_person(alice, "Jo Nurse", occupation="Nurses")
    assert [t.name for t in today(alice, NOW, WEDNESDAY).targets_without_contact] == ["Nurses"]
    schedule(alice, nurse, at("2026-12-11 09:00"))
    agenda = today(alice, NOW, WEDNESDAY)
    assert agenda.ended[0].proposed == kim
    assert agenda.targets_without_contact == []


def test_the_page_shows_the_first_calls_and_says_how_many_more(alice_client, alice, designers):
    from django.utils import timezone

    from infointerview.accounts.services import profile_for
    from infointerview.agenda.views.today import FIRST_ROWS

    day = profile_for(alice).today(timezone.now())  # the page reads the clock
    for n in range(FIRST_ROWS + 3):
        person = add_person(alice, f"Caller {n:02}", occupation=designers)
        draft(alice, person, "phone", today=day)
    page = alice_client.get(reverse("agenda:today")).content.decode()
    assert "Caller 00" in page and f"Caller {FIRST_ROWS:02}" not in page
    assert "3 more — show all" in page
    everything = alice_client.get(reverse("agenda:today") + "?all=1").content.decode()
    assert f"Caller {FIRST_ROWS + 2:02}" in everything and "more — show all" not in everything
    agenda = today(alice, timezone.now(), limit=FIRST_ROWS)
    assert len(agenda.calls_due) == FIRST_ROWS and agenda.more()["calls_due"] == 3


def test_next_names_show_the_first_ten_and_say_how_many_more(alice_client, alice):
    from django.utils import timezone

    from infointerview.accounts.services import profile_for
    from infointerview.agenda.views.today import FIRST_ROWS

    day = profile_for(alice).today(timezone.now())  # the page reads the clock
    for n in range(FIRST_ROWS + 3):  # each on a list of their own, so none is dealt with
        person = add_person(alice, f"Decliner {n:02}", occupation=f"Trade {n:02}")
        record_outcome(alice, person, "declined", on=day)
    page = alice_client.get(reverse("agenda:today")).content.decode()
    assert page.count("ask whom else they would suggest") == FIRST_ROWS
    assert '<a href="?all=1#ended">3 more — show all</a>' in page
    everything = alice_client.get(reverse("agenda:today") + "?all=1").content.decode()
    assert everything.count("ask whom else they would suggest") == FIRST_ROWS + 3
    assert today(alice, timezone.now(), limit=FIRST_ROWS).more()["ended"] == 3
