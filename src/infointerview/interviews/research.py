"""Research before an interview: what to check, and what the user read, per occupation."""

from __future__ import annotations

from django.db.models import Q

from infointerview.accounts.validation import validate
from infointerview.careers.models import TargetOccupation
from infointerview.interviews.models import Interview, ResearchEntry
from infointerview.lib.errors import Refused

CHECKLIST = {
    "occupation": [
        "Read the occupation's page here (from O*NET)",
        "Read the Occupational Outlook Handbook entry",
        "Look at a professional association's site or a trade magazine",
    ],
    "organization": [
        "Read the organization's website: what it makes or does, for whom",
        "Look for recent news about it",
    ],
    "person": [
        "Know their role and how long they have done this work",
        "Note anything they have written or said publicly",
    ],
}


def add_entry(
    owner,
    *,
    subject: str,
    title: str,
    interview: Interview | None = None,
    onet_code: str = "",
    source_kind: str = "other",
    url: str = "",
    notes: str = "",
) -> ResearchEntry:
    """Note a source; read on an occupation's page, it joins that occupation's list if any.

    Browsing an occupation never puts it on the shortlist.
    """
    if not title.strip():
        raise Refused("say what you read or checked")
    target = None
    if interview is not None:
        target = interview.person.target
        onet_code = onet_code or interview.person.onet_code or (target.onet_code if target else "")
    elif onet_code:
        target = TargetOccupation.objects.filter(owner=owner, onet_code=onet_code).first()
    entry = ResearchEntry(
        owner=owner,
        interview=interview,
        onet_code=onet_code,
        target=target,
        subject=subject,
        source_kind=source_kind,
        title=title.strip(),
        url=url,
        notes=notes,
    )
    validate(entry)
    entry.save()
    return entry


def _about(owner, onet_code: str = "", target=None):
    matches = Q(pk__in=[])
    if onet_code:
        matches |= Q(onet_code=onet_code)
    if target is not None:
        matches |= Q(target=target)
    return ResearchEntry.objects.filter(matches, owner=owner, subject="occupation")


def for_interview(owner, interview: Interview) -> dict[str, list[ResearchEntry]]:
    """This interview's notes, plus the occupation's research log from any interview."""
    found: dict[str, list[ResearchEntry]] = {s: [] for s in ResearchEntry.Subject.values}
    person = interview.person
    code = person.onet_code or (person.target.onet_code if person.target else "")
    entries = ResearchEntry.objects.filter(owner=owner, interview=interview) | _about(
        owner, code, person.target
    )
    for entry in entries.distinct():
        found[entry.subject].append(entry)
    return found


def for_occupation(owner, onet_code: str = "", target=None) -> list[ResearchEntry]:
    return list(_about(owner, onet_code, target))
