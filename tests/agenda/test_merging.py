"""Merging two records of one person keeps the first and moves everything of the second's."""

from datetime import timedelta

import pytest

from infointerview.agenda.merging import merge, proposed_duplicates
from infointerview.agenda.outcomes import record_outcome
from infointerview.careers.services import add_target
from infointerview.interviews.afterwards import thank_you
from infointerview.interviews.models import Interview, ThankYou
from infointerview.interviews.research import add_entry
from infointerview.interviews.services import record_interview
from infointerview.lib.errors import Refused
from infointerview.outreach.models import ContactRequest
from infointerview.outreach.services import draft
from infointerview.people.acquaintances import acquaintances_of, record_knows
from infointerview.people.leads import add_lead, lead_gave_name, log_lead_call
from infointerview.people.models import ImportBatch, ImportedPerson, Person
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY

DAY = WEDNESDAY


@pytest.fixture
def twin(alice, designers):
    """Dana again, typed a second time with another address and what only it knows."""
    return add_person(
        alice,
        "Dana Lee",
        allow_duplicate=True,
        emails=["DANA@example.com", "dana.lee@studio.example"],
        phones=["555-0199"],
        organization="Brightline Studio",
        postal_address="12 Pine St",
        tags=["alumni", "designer"],
        notes="Met at the portfolio night.",
    )


def test_duplicates_are_proposed_by_email_and_by_name_and_organization(alice, dana, twin):
    (pair,) = proposed_duplicates(alice)
    assert (pair.keep, pair.drop) == (dana, twin)
    assert pair.reasons == ["the same e-mail", "the same name and organization"]


def test_people_who_only_share_a_name_are_not_proposed(alice, dana):
    add_person(alice, "Dana Lee", allow_duplicate=True, organization="Elsewhere Inc")
    assert proposed_duplicates(alice) == []


def test_other_accounts_are_never_proposed(alice, bob, dana):
    add_person(bob, "Dana Lee", emails=["dana@example.com"], organization="Brightline Studio")
    assert proposed_duplicates(alice) == []
    assert proposed_duplicates(bob) == []


def test_merge_moves_attempts_interviews_thanks_and_research(alice, dana, twin):
    draft(alice, twin, "phone", today=DAY - timedelta(days=9))
    record_outcome(alice, twin, "no-answer", on=DAY - timedelta(days=8))
    interview = record_interview(alice, twin, NOW - timedelta(days=3), now=NOW)
    thanks = thank_you(alice, interview)
    entry = add_entry(alice, subject="person", title="Dana's portfolio", interview=interview)

    result = merge(alice, dana, twin, today=DAY)

    assert not Person.objects.filter(pk=twin.pk).exists()
    request = ContactRequest.objects.get(owner=alice)
    assert request.person == dana and request.attempts.count() == 1
    assert Interview.objects.get(pk=interview.pk).person == dana
    assert ThankYou.objects.get(pk=thanks.pk).recipient == dana
    assert entry.__class__.objects.get(pk=entry.pk).interview.person == dana
    assert "Merged Dana Lee into Dana Lee" in result.summary()


def test_merge_keeps_what_the_first_has_and_takes_what_only_the_second_knew(alice, dana, twin):
    merge(alice, dana, twin, today=DAY)
    dana.refresh_from_db()
    assert dana.emails == ["dana@example.com", "dana.lee@studio.example"]
    assert dana.phones == ["555-0100", "555-0199"]
    assert dana.postal_address == "12 Pine St"
    assert dana.tags == ["alumni", "designer"]
    assert dana.notes == "Met at the portfolio night."
    assert dana.source_detail == "Alumni office list 2026"
    assert dana.target.name == "Graphic Designers"


def test_of_two_open_requests_the_one_with_more_attempts_stays_open(alice, dana, twin):
    draft(alice, dana, "phone", today=DAY - timedelta(days=9))
    record_outcome(alice, dana, "no-answer", on=DAY - timedelta(days=8))
    draft(alice, twin, "phone", today=DAY - timedelta(days=9))
    record_outcome(alice, twin, "no-answer", on=DAY - timedelta(days=8))
    record_outcome(alice, twin, "message", on=DAY - timedelta(days=6))

    result = merge(alice, dana, twin, today=DAY)

    requests = {r.attempts.count(): r for r in ContactRequest.objects.filter(person=dana)}
    assert requests[2].status == ContactRequest.Status.OPEN
    assert requests[1].status == ContactRequest.Status.MERGED
    assert requests[1].ended_on == DAY and requests[1].next_name_seen
    assert result.ended_request.pk == requests[1].pk


def test_introductions_on_both_sides_follow_the_merge(alice, dana, twin):
    kim = add_person(alice, "Kim Ode")
    twin.introduced_by = kim
    twin.save()
    referral = add_person(alice, "Sam Roe", introduced_by=twin)

    merge(alice, dana, twin, today=DAY)

    dana.refresh_from_db()
    referral.refresh_from_db()
    assert dana.introduced_by == kim
    assert referral.introduced_by == dana


def test_a_record_that_introduced_the_other_leaves_no_self_introduction(alice, dana, twin):
    dana.introduced_by = twin
    dana.save()
    merge(alice, dana, twin, today=DAY)
    dana.refresh_from_db()
    assert dana.introduced_by is None


def test_acquaintances_move_once_and_never_to_oneself(alice, dana, twin):
    kim = add_person(alice, "Kim Ode")
    record_knows(alice, twin, kim)
    record_knows(alice, dana, kim)
    record_knows(alice, dana, twin)

    merge(alice, dana, twin, today=DAY)

    assert acquaintances_of(alice, dana) == [kim]


def test_an_organization_lead_and_its_calls_follow_the_person(alice, dana, twin):
    lead = add_lead(alice, "Brightline Studio", "Graphic Designers")
    log_lead_call(alice, lead, "no-answer", DAY - timedelta(days=2), today=DAY)
    lead_gave_name(alice, lead, "Dana L.")
    named = lead.__class__.objects.get(pk=lead.pk).person

    merge(alice, dana, named, today=DAY)

    lead.refresh_from_db()
    assert lead.person == dana and lead.calls.count() == 1


def test_merging_a_person_with_themselves_is_refused(alice, dana):
    with pytest.raises(Refused, match="same record"):
        merge(alice, dana, dana, today=DAY)


def test_another_users_person_is_refused_and_nothing_changes(alice, bob, dana):
    theirs = add_person(bob, "Dana Lee")
    with pytest.raises(Refused, match="your own"):
        merge(alice, dana, theirs, today=DAY)
    assert Person.objects.filter(pk=theirs.pk).exists()


def test_the_same_linkedin_profile_however_copied_is_proposed(alice, dana):
    dana.linkedin_url = "https://www.linkedin.com/in/dana-lee-4b1a27"
    dana.save()
    other = add_person(alice, "D. Lee", allow_duplicate=True)
    other.linkedin_url = "http://linkedin.com/in/Dana-Lee-4b1a27/"
    other.save()
    (pair,) = proposed_duplicates(alice)
    assert (pair.keep, pair.drop, pair.reasons) == (dana, other, ["the same LinkedIn profile"])


def test_what_an_import_recorded_follows_the_kept_record(alice, dana, twin):
    batch = ImportBatch.objects.create(
        owner=alice,
        file_name="Connections.csv",
        file_format="linkedin",
        checksum="0" * 64,
        imported_at=NOW,
        source="friend",
    )
    ImportedPerson.objects.create(owner=alice, batch=batch, person=twin, line=4, outcome="created")
    merge(alice, dana, twin, today=DAY)
    assert ImportedPerson.objects.get().person == dana


def test_a_merge_that_fails_part_way_changes_nothing(alice, dana, twin, monkeypatch):
    draft(alice, twin, "phone", today=DAY)

    def refuse(instance, exclude=None):
        raise Refused("the kept record would not be valid")

    monkeypatch.setattr("infointerview.agenda.merging.validate", refuse)
    with pytest.raises(Refused):
        merge(alice, dana, twin, today=DAY)
    assert Person.objects.filter(pk=twin.pk).exists()
    assert ContactRequest.objects.get().person == twin


def test_a_record_on_another_list_joins_the_kept_ones_list_and_says_so(alice, dana, twin):
    twin.target = add_target(alice, "Illustrators")
    twin.save()
    result = merge(alice, dana, twin, today=DAY)
    assert result.summary().endswith(
        "Dana Lee stays on the list for Graphic Designers, not Illustrators."
    )
    dana.refresh_from_db()
    assert dana.target.name == "Graphic Designers"
