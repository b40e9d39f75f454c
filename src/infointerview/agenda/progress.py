"""Progress through the method: a funnel, weekly activity, counts by list, latest insights."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Exists, OuterRef, Q

from infointerview.accounts.services import profile_for
from infointerview.careers.models import TargetOccupation
from infointerview.interviews.afterwards import happened
from infointerview.interviews.models import Insight, Interview, ThankYou
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.people.models import Person

WEEKS = 8
CHART_WIDTH = 560
BAR_HEIGHT = 26
BASELINE = 140


@dataclass
class Bar:
    label: str
    value: int
    y: int = 0
    width: float = 0


@dataclass
class Week:
    start: date
    attempts: int
    interviews: int
    x: float = 0
    attempts_height: float = 0
    interviews_height: float = 0

    @property
    def attempts_y(self) -> float:
        return BASELINE - self.attempts_height

    @property
    def interviews_y(self) -> float:
        return BASELINE - self.interviews_height


@dataclass
class Progress:
    funnel: list[Bar]
    weeks: list[Week]
    occupations: list[OccupationSummary] = field(default_factory=list)
    latest: list[Insight] = field(default_factory=list)
    funnel_height: int = 0
    weeks_peak: int = 0


def _people_by_list(owner) -> dict[int | None, dict[str, int]]:
    """People on each list (None: on none) and how many of them were contacted: a request
    sent or introduced, a call made, or a meeting; a draft not yet sent is not contact."""
    called = Attempt.objects.filter(request=OuterRef("pk"))
    reached = ContactRequest.objects.filter(person=OuterRef("pk")).filter(
        Q(stage__in=[ContactRequest.Stage.SENT, ContactRequest.Stage.INTRODUCED])
        | Q(Exists(called))
    )
    met = Interview.objects.filter(person=OuterRef("pk"))
    contacted = Q(Exists(reached) | Exists(met))
    return _per_list(
        Person.objects.filter(owner=owner),
        "target_id",
        people=Count("pk"),
        contacted=Count("pk", filter=contacted),
    )


def _interviews_by_list(owner) -> dict[int | None, dict]:
    """Interviews on each list (the cancelled left out), their average fit, and the people
    who agreed to one (cancelled or not): grouped on their own rather than joined to the
    requests, whose product grows with the square of the history."""
    kept = ~Q(status=Interview.Status.CANCELLED)
    return _per_list(
        Interview.objects.filter(person__owner=owner),
        "person__target_id",
        count=Count("id", filter=kept),
        fit=Avg("fit_rating", filter=kept),
        agreed=Count("person", distinct=True),
    )


def _per_list(rows, list_field: str, **totals) -> dict[int | None, dict]:
    """The totals of these rows for each list, keyed by the list's id (None: on none)."""
    grouped = rows.order_by().values(list_field).annotate(**totals)
    return {row.pop(list_field): row for row in grouped}


def _interviews_until(owner, end: datetime) -> list[tuple[int, datetime, int, str]]:
    """Every interview not cancelled that starts before `end`, as (person, start, minutes,
    status): what was held, for the funnel, and when, for the weekly chart."""
    return list(
        Interview.objects.filter(owner=owner, starts_at__lt=end)
        .exclude(status=Interview.Status.CANCELLED)
        .values_list("person_id", "starts_at", "minutes", "status")
    )


def _funnel(owner, by_list: dict, met: dict, interviews: list, now: datetime) -> list[Bar]:
    """Each stage counts people who reached it, so the bars never grow downwards."""
    held = {
        person_id
        for person_id, starts_at, minutes, status in interviews
        if happened(status, starts_at, minutes, now)
    }
    thanked = ThankYou.objects.filter(owner=owner, sent_on__isnull=False)
    bars = [
        Bar("People listed", sum(c["people"] for t, c in by_list.items() if t is not None)),
        Bar("Contacted", sum(c["contacted"] for c in by_list.values())),
        Bar("Agreed", sum(c["agreed"] for c in met.values())),
        Bar("Interviewed", len(held)),
        Bar("Thanked", thanked.values("interview__person_id").distinct().count()),
    ]
    top = max(b.value for b in bars) or 1
    for index, bar in enumerate(bars):
        bar.y = index * (BAR_HEIGHT + 10)
        bar.width = max(2, (CHART_WIDTH - 200) * bar.value / top)
    return bars


def _weeks(owner, interviews: list, today: date, zone: ZoneInfo) -> list[Week]:
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    weeks = [Week(start, 0, 0) for start in starts]
    per_day = (
        Attempt.objects.filter(owner=owner, on__gte=starts[0], on__lte=today)
        .values("on")
        .annotate(count=Count("id"))
        .values_list("on", "count")
    )
    for day, count in per_day:
        weeks[(day - starts[0]).days // 7].attempts += count
    # Each interview in the week of the user's own day, not of the day in UTC.
    for _, moment, _, _ in interviews:
        index = (moment.astimezone(zone).date() - starts[0]).days // 7
        if 0 <= index < WEEKS:
            weeks[index].interviews += 1
    peak = max([w.attempts for w in weeks] + [w.interviews for w in weeks] + [1])
    for index, week in enumerate(weeks):
        week.x = 40 + index * 64
        week.attempts_height = 120 * week.attempts / peak
        week.interviews_height = 120 * week.interviews / peak
    return weeks


LATEST_INSIGHTS = 5


@dataclass
class OccupationSummary:
    """One list's counts; what people said about it is on the occupation's page."""

    target: TargetOccupation
    people: int
    contacted: int
    interviews: int
    average_fit: float | None


def _summaries(owner, by_list: dict, met: dict) -> list[OccupationSummary]:
    return [
        OccupationSummary(
            target=t,
            people=by_list.get(t.pk, {}).get("people", 0),
            contacted=by_list.get(t.pk, {}).get("contacted", 0),
            interviews=met.get(t.pk, {}).get("count", 0),
            average_fit=_rounded(met.get(t.pk, {}).get("fit")),
        )
        for t in TargetOccupation.objects.filter(owner=owner)
    ]


def _latest_insights(owner) -> list[Insight]:
    """The last few things people told the user, whichever occupation they were about."""
    return list(
        Insight.objects.filter(owner=owner)
        .select_related("interview__person__target")
        .only(
            "kind",
            "text",
            "created_at",
            "interview__public_id",
            "interview__person__name",
            "interview__person__target__name",
            "interview__person__target__onet_code",
        )
        .order_by("-created_at", "-id")[:LATEST_INSIGHTS]
    )


def _rounded(fit: float | None) -> float | None:
    return round(fit, 1) if fit is not None else None


def progress(owner, now: datetime) -> Progress:
    zone = ZoneInfo(profile_for(owner).time_zone)
    today = now.astimezone(zone).date()
    by_list, met = _people_by_list(owner), _interviews_by_list(owner)
    interviews = _interviews_until(
        owner, datetime.combine(today + timedelta(days=1), time.min, tzinfo=zone)
    )
    result = Progress(
        funnel=_funnel(owner, by_list, met, interviews, now),
        weeks=_weeks(owner, interviews, today, zone),
    )
    result.funnel_height = len(result.funnel) * (BAR_HEIGHT + 10)
    result.occupations = _summaries(owner, by_list, met)
    result.latest = _latest_insights(owner)
    return result
