"""After the interview: thank-you notes, what was learned, and keeping in touch."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.accounts.validation import validate
from infointerview.interviews.models import Insight, Interview, ThankYou
from infointerview.lib import placeholders
from infointerview.lib.day_words import long_day
from infointerview.lib.errors import FieldRefused, Refused
from infointerview.lib.mail import mailto
from infointerview.lib.wording import career_phrase
from infointerview.people.models import Person

THANKS_TO_INTERVIEWEE = """Dear {{ their_name }},

Thank you for taking the time to talk with me on {{ interview_day }} about your {{ career }}. {{ highlight }}

Your advice has given me a much clearer picture of the work and of my next steps. I will let you know how things turn out.

With thanks,
{{ my_name }}
"""

THANKS_TO_INTRODUCER = """Dear {{ their_name }},

Thank you for introducing me to {{ interviewee }}. We talked on {{ interview_day }}, and I learned a great deal about a {{ career }}.

I am grateful for your help,
{{ my_name }}
"""


# One sentence per kind of insight, written whole: a label such as "Advice on my
# strengths and weaknesses" pasted after "what you said about" does not read as English.
HIGHLIGHTS = {
    Insight.Kind.ADVICE: (
        "I especially valued your honest advice on where my strengths lie and what I should "
        "work on."
    ),
    Insight.Kind.PROS: "I especially enjoyed hearing what you find rewarding in the work.",
    Insight.Kind.CONS: "I especially valued your frankness about the hard parts of the job.",
    Insight.Kind.TYPICAL_DAY: "It was especially helpful to hear what a typical day is like.",
    Insight.Kind.WAYS_IN: "I especially valued your suggestions on ways into the field.",
    Insight.Kind.OPPORTUNITIES: (
        "I especially valued hearing how I could try the work through volunteering, an "
        "internship or part-time work."
    ),
}


@dataclass
class ThanksDue:
    interview: Interview
    recipient: Person

    @property
    def is_introducer(self) -> bool:
        return self.recipient.pk != self.interview.person_id


def recipients(interview: Interview) -> list[Person]:
    people = [interview.person]
    if interview.person.introduced_by_id:
        people.append(interview.person.introduced_by)
    return people


def happened(status: str, starts_at: datetime, minutes: int, now: datetime) -> bool:
    """Held, or scheduled and over by `now`; for rows read as values, not whole interviews."""
    return status == Interview.Status.HELD or (
        status == Interview.Status.SCHEDULED and starts_at + timedelta(minutes=minutes) <= now
    )


def has_happened(interview: Interview, now: datetime) -> bool:
    return happened(interview.status, interview.starts_at, interview.minutes, now)


# What a reminder (and `today --json`) reads of an interview: whole rows hold what was
# learned and the plan, which cost more to build than a list of reminders spends on them.
INTERVIEW_SHOWN = (
    "public_id",
    "person",
    "starts_at",
    "time_zone",
    "minutes",
    "mode",
    "place",
    "status",
    "fit_rating",
)
# And of the people to thank for it.
THANKS_SHOWN = (
    *INTERVIEW_SHOWN,
    "person__public_id",
    "person__name",
    "person__introduced_by__public_id",
    "person__introduced_by__name",
)


def thanks_due(owner, now: datetime, limit: int | None = None) -> tuple[list[ThanksDue], int]:
    """Every interview that has happened owes thanks, shown until each note is sent.

    Returns the first notes owed (all of them without a limit) and how many are owed.
    One read says, for every interview that may have happened, which of its notes went
    out; only the interviews shown are then loaded, so the work grows with what is shown.
    """
    sent = ThankYou.objects.filter(interview=OuterRef("pk"), sent_on__isnull=False)
    owed = (
        Interview.objects.filter(owner=owner, starts_at__lte=now)
        .exclude(status=Interview.Status.CANCELLED)
        .annotate(
            thanked=Exists(sent.filter(recipient=OuterRef("person_id"))),
            introducer_thanked=Exists(sent.filter(recipient=OuterRef("person__introduced_by"))),
        )
        .filter(Q(thanked=False) | Q(person__introduced_by__isnull=False, introducer_thanked=False))
        .order_by("starts_at", "id")
        .values_list(
            "pk",
            "starts_at",
            "minutes",
            "status",
            "thanked",
            "introducer_thanked",
            "person__introduced_by",
        )
    )
    notes = [
        (pk, recipient)
        for pk, starts_at, minutes, status, thanked, introducer_thanked, introducer in owed
        if happened(status, starts_at, minutes, now)
        for recipient, owes in (
            ("person", not thanked),
            ("introducer", introducer and not introducer_thanked),
        )
        if owes
    ]
    shown = notes if limit is None else notes[:limit]
    interviews = Interview.objects.filter(pk__in={pk for pk, _ in shown}).select_related(
        "person", "person__introduced_by"
    )
    if limit is not None:  # a page shows names and days, the command line whole records
        interviews = interviews.only(*THANKS_SHOWN)
    loaded = interviews.in_bulk()
    due = [
        ThanksDue(
            loaded[pk],
            loaded[pk].person if recipient == "person" else loaded[pk].person.introduced_by,
        )
        for pk, recipient in shown
    ]
    return due, len(notes)


@dataclass
class Standing:
    """Where someone stands in the interview steps, to lead their page with."""

    interview: Interview | None
    happened: bool  # whether that interview has taken place
    interviewed: bool
    thanked: bool


def standing(owner, person: Person, now: datetime) -> Standing:
    """The interview to show first (the next to come, else the latest held) and whether
    they were interviewed and thanked; a fixed number of queries whatever the history."""
    interviews = list(
        Interview.objects.filter(owner=owner, person=person)
        .exclude(status=Interview.Status.CANCELLED)
        .order_by("starts_at", "id")
    )
    held = [i for i in interviews if has_happened(i, now)]
    to_come = [i for i in interviews if i not in held]
    thanked = ThankYou.objects.filter(
        owner=owner, recipient=person, interview__person=person, sent_on__isnull=False
    ).exists()
    lead = to_come[0] if to_come else (held[-1] if held else None)
    return Standing(lead, bool(held) and not to_come, bool(held), thanked)


def _draft_text(owner, interview: Interview, recipient: Person) -> str:
    profile = profile_for(owner)
    local = interview.starts_at.astimezone(timezone.get_current_timezone())
    insight = interview.insights.filter(kind=Insight.Kind.ADVICE).first() or (
        interview.insights.first()
    )
    values = {
        "their_name": recipient.name,
        "my_name": profile.name_for_drafts(),
        "interview_day": long_day(local, with_year=False),
        "career": career_phrase(interview.person.occupation),
        "interviewee": interview.person.name,
        "highlight": HIGHLIGHTS[insight.kind] if insight else "",
    }
    template = (
        THANKS_TO_INTERVIEWEE if recipient.pk == interview.person_id else (THANKS_TO_INTRODUCER)
    )
    return placeholders.render(template, values)


@transaction.atomic
def thank_you(owner, interview: Interview, recipient: Person | None = None) -> ThankYou:
    """The thank-you draft for this recipient (the interviewee unless said otherwise).

    Until it is sent the draft follows the latest insights and the user's name.
    """
    recipient = recipient or interview.person
    if recipient.pk not in {p.pk for p in recipients(interview)}:
        raise Refused(f"{recipient.name} was not part of this interview")
    existing = ThankYou.objects.filter(interview=interview, recipient=recipient).first()
    if existing and existing.sent_on:
        return existing
    if existing:
        existing.body = _draft_text(owner, interview, recipient)
        existing.save(update_fields=["body", "updated_at"])
        return existing
    return ThankYou.objects.create(
        owner=owner,
        interview=interview,
        recipient=recipient,
        body=_draft_text(owner, interview, recipient),
    )


def mailto_link(thanks: ThankYou) -> str:
    """A link that opens the thank-you in the user's mail program, addressed when we can."""
    return mailto(thanks.recipient.email, "Thank you", thanks.body)


def mark_thanks_sent(owner, thanks: ThankYou, on: date) -> ThankYou:
    thanks.sent_on = on
    validate(thanks)
    thanks.save(update_fields=["sent_on", "updated_at"])
    return thanks


@transaction.atomic
def record_learning(
    owner,
    interview: Interview,
    *,
    learned: str = "",
    fit_rating: int | None = None,
    insights: dict[str, str] | None = None,
    keep_in_touch_on: date | None = None,
    now: datetime,
) -> Interview:
    """What the user learned; insight texts replace those of the same kind.

    An insight saved again unchanged is kept as it was, so that it keeps its place among
    the latest: the form sends every kind each time.
    """
    if fit_rating is not None and not 1 <= fit_rating <= 5:
        raise Refused("rate the fit from 1 (not for me) to 5 (a great fit)")
    held_on = interview.starts_at.astimezone(ZoneInfo(interview.time_zone)).date()
    if keep_in_touch_on is not None and keep_in_touch_on < held_on:
        raise FieldRefused(
            "keep_in_touch_on",
            f"a reminder to keep in touch comes after the interview ({long_day(held_on)})",
        )
    for kind, text in (insights or {}).items():
        if kind not in Insight.Kind.values:
            raise Refused(f"unknown kind of insight {kind!r}")
        text = text.strip()
        saved = interview.insights.filter(kind=kind)
        if list(saved.values_list("text", flat=True)) == ([text] if text else []):
            continue
        saved.delete()
        if text:
            insight = Insight(owner=owner, interview=interview, kind=kind, text=text)
            validate(insight)
            insight.save()
    interview.learned = learned
    interview.fit_rating = fit_rating
    interview.keep_in_touch_on = keep_in_touch_on
    if interview.status == Interview.Status.SCHEDULED and has_happened(interview, now):
        interview.status = Interview.Status.HELD
    validate(interview)
    interview.save()
    return interview


@dataclass
class OccupationLearning:
    """Everything learned about one occupation, across all its interviews."""

    occupation: str
    interviews: list[Interview] = field(default_factory=list)
    insights: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def average_fit(self) -> float | None:
        ratings = [i.fit_rating for i in self.interviews if i.fit_rating]
        return round(sum(ratings) / len(ratings), 1) if ratings else None

    @property
    def summaries(self) -> list[Interview]:
        """The interviews the user summed up in their own words."""
        return [i for i in self.interviews if i.learned.strip()]


def learning_about(owner, name: str, target=None, onet_code: str = "") -> OccupationLearning:
    """What interviews taught about an occupation: its list's people, or anyone in its code."""
    interviews = (
        Interview.objects.filter(owner=owner)
        .exclude(status=Interview.Status.CANCELLED)
        .select_related("person")
    )
    matches = Q(pk__in=[])
    if target is not None:
        matches |= Q(person__target=target)
    if onet_code:
        matches |= Q(person__onet_code=onet_code) | Q(person__target__onet_code=onet_code)
    result = OccupationLearning(occupation=name, interviews=list(interviews.filter(matches)))
    found: dict[str, list[tuple[str, str]]] = {}
    for insight in Insight.objects.filter(interview__in=result.interviews).select_related(
        "interview__person"
    ):
        found.setdefault(insight.kind, []).append((insight.interview.person.name, insight.text))
    # In the order the form asks them, not by the stored key.
    result.insights = {label: found[kind] for kind, label in Insight.Kind.choices if kind in found}
    return result


def mark_kept_in_touch(owner, interview: Interview) -> Interview:
    interview.kept_in_touch = True
    interview.save(update_fields=["kept_in_touch", "updated_at"])
    return interview


def keep_in_touch_due(owner, day: date):
    """People to update on how things went, earliest promise first (a query, to slice)."""
    return (
        Interview.objects.filter(owner=owner, keep_in_touch_on__lte=day, kept_in_touch=False)
        .select_related("person")
        .order_by("keep_in_touch_on", "id")
    )
