"""Organization leads: when there is no name yet, call an organization that employs such workers."""

from __future__ import annotations

import uuid
from datetime import date

from django.db import transaction

from infointerview.accounts.validation import validate
from infointerview.careers.lists import list_for
from infointerview.lib.day_words import long_day
from infointerview.lib.errors import Ambiguous, NotFound, Refused
from infointerview.lib.wording import career_phrase
from infointerview.people.models import LeadCall, OrganizationLead, Person, Source
from infointerview.people.services import add_person, likeliest_of, next_position, same_person_as

ORGANIZATION_LENGTH = OrganizationLead._meta.get_field("organization").max_length
# As with people: three calls that bring no name, then move on to the next organization.
THREE_CALLS = 3

DEFAULT_LEAD_SCRIPT = (
    "Hello, my name is {me}. I'm exploring a {career} and would like to "
    "talk briefly with someone who does that work. Could you put me through to the "
    "{department}, or tell me whom I might ask?"
)


@transaction.atomic
def add_lead(
    owner,
    organization: str,
    occupation: str,
    *,
    department: str = "",
    phone: str = "",
    call_script: str = "",
    notes: str = "",
) -> OrganizationLead:
    organization = " ".join(organization.split())
    if not organization or not occupation.strip():
        raise Refused("a lead needs an organization and the occupation you are exploring")
    lead = OrganizationLead(
        owner=owner,
        organization=organization,
        target=list_for(owner, occupation),
        department=department.strip() or "department that does this work",
        phone=phone.strip(),
        call_script=call_script.strip(),
        notes=notes,
        position=next_position(owner),
    )
    validate(lead)
    lead.save()
    return lead


def lead_script(lead: OrganizationLead, my_name: str) -> str:
    if lead.call_script:
        return lead.call_script
    return DEFAULT_LEAD_SCRIPT.format(
        me=my_name, career=career_phrase(lead.occupation), department=lead.department
    )


def get_lead(owner, public_id) -> OrganizationLead:
    return OrganizationLead.owned_by(owner, public_id, "organization lead")


def find_lead(owner, reference: str) -> OrganizationLead:
    reference = reference.strip()
    try:
        return get_lead(owner, uuid.UUID(reference))
    except ValueError:
        pass
    if len(reference) > ORGANIZATION_LENGTH:  # names nothing; SQLite refuses such a pattern
        raise NotFound(
            f"no lead has an organization name of {len(reference):,} characters "
            f"(they are at most {ORGANIZATION_LENGTH})"
        )
    matches = list(
        OrganizationLead.objects.filter(
            owner=owner, organization__iexact=reference, status=OrganizationLead.Status.OPEN
        )
    )
    if not matches:
        raise NotFound(f"no open lead for an organization named {reference!r}")
    if len(matches) > 1:
        raise Ambiguous(
            f"{reference!r} has {len(matches)} open leads: give the id",
            [f"{m} {m.public_id}" for m in matches],
        )
    return matches[0]


@transaction.atomic
def lead_gave_name(
    owner,
    lead: OrganizationLead,
    name: str,
    *,
    job_title: str = "",
    phone: str = "",
    email: str = "",
) -> Person:
    """The call yielded a name: that person takes the lead's place on the list.

    A name already listed is that person: the lead is done, and nobody is added twice.
    """
    if lead.status != OrganizationLead.Status.OPEN:
        raise Refused(f"the lead for {lead} is already {lead.get_status_display().lower()}")
    same = same_person_as(owner, name)
    if same:
        return _named_someone_listed(lead, likeliest_of(same, lead.target))
    person = add_person(
        owner,
        name,
        occupation=lead.target,
        source=Source.ORGANIZATION,
        source_detail=f"Called {lead}",
        organization=lead.organization,
        job_title=job_title,
        phones=[phone or lead.phone] if (phone or lead.phone) else [],
        emails=[email] if email else [],
    )
    person.position = lead.position
    person.save(update_fields=["position"])
    lead.status = OrganizationLead.Status.NAMED
    lead.person = person
    lead.save(update_fields=["status", "person", "updated_at"])
    return person


def _named_someone_listed(lead: OrganizationLead, person: Person) -> Person:
    lead.status = OrganizationLead.Status.NAMED
    if OrganizationLead.objects.filter(person=person).exists():
        lead.notes = f"{lead.notes}\nGave the name {person.name}, already on your list.".strip()
    else:
        lead.person = person
    lead.save(update_fields=["status", "person", "notes", "updated_at"])
    return person


def close_lead(owner, lead: OrganizationLead, reason: str = "") -> OrganizationLead:
    """The call led nowhere: the lead leaves Today and the list, with the reason kept."""
    _refuse_if_done(lead)
    lead.status = OrganizationLead.Status.CLOSED
    if reason:
        lead.notes = f"{lead.notes}\n{reason}".strip()
    lead.save(update_fields=["status", "notes", "updated_at"])
    return lead


def _refuse_if_done(lead: OrganizationLead) -> None:
    if lead.status != OrganizationLead.Status.OPEN:
        raise Refused(f"the lead for {lead} is already {lead.get_status_display().lower()}")


@transaction.atomic
def log_lead_call(
    owner, lead: OrganizationLead, outcome: str, on: date, *, today: date, note: str = ""
) -> LeadCall:
    """A call to the switchboard that brought no name. A refusal closes the lead, and so
    does the third call without a name, as the three-attempt rule does for people."""
    _refuse_if_done(lead)
    if outcome not in LeadCall.Outcome.values:
        raise Refused(f"unknown outcome {outcome!r}: choose " + ", ".join(LeadCall.Outcome.values))
    if on > today:
        raise Refused(f"the day of the call ({on}) is after today ({today}): log it once made")
    call = LeadCall(owner=owner, lead=lead, outcome=outcome, on=on, note=note.strip())
    validate(call)
    call.save()
    if outcome == LeadCall.Outcome.DECLINED:
        close_lead(owner, lead, f"Declined to help on {on}.")
    elif lead.calls.count() >= THREE_CALLS:
        close_lead(owner, lead, f"{THREE_CALLS} calls without a name; last on {long_day(on)}.")
    return call


def calls_left(lead: OrganizationLead) -> int:
    """How many more calls the rule allows before moving on to another organization."""
    return max(THREE_CALLS - lead.calls.count(), 0)
