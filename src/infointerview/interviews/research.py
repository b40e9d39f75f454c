"""Research before an interview: what to check, and what the user read, per occupation."""

from __future__ import annotations

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
    occupation: str = "",
    source_kind: str = "other",
    url: str = "",
    notes: str = "",
) -> ResearchEntry:
    if subject not in ResearchEntry.Subject.values:
        raise Refused(f"unknown subject {subject!r}")
    if not title.strip():
        raise Refused("say what you read or checked")
    if interview is not None and not occupation:
        occupation = interview.person.occupation
    return ResearchEntry.objects.create(
        owner=owner,
        interview=interview,
        occupation=occupation,
        subject=subject,
        source_kind=source_kind,
        title=title.strip(),
        url=url,
        notes=notes,
    )


def for_interview(owner, interview: Interview) -> dict[str, list[ResearchEntry]]:
    """This interview's notes, plus the occupation's research log from any interview."""
    found: dict[str, list[ResearchEntry]] = {s: [] for s in ResearchEntry.Subject.values}
    entries = ResearchEntry.objects.filter(owner=owner).filter(interview=interview) | (
        ResearchEntry.objects.filter(
            owner=owner,
            subject="occupation",
            occupation__iexact=interview.person.occupation,
        ).exclude(occupation="")
    )
    for entry in entries.distinct():
        found[entry.subject].append(entry)
    return found


def for_occupation(owner, occupation: str) -> list[ResearchEntry]:
    return list(
        ResearchEntry.objects.filter(
            owner=owner, subject="occupation", occupation__iexact=occupation
        )
    )
