"""Progress through the method: a funnel, weekly activity, and each occupation's story."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber

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
    funnel_height: int = 0
    weeks_peak: int = 0


def _funnel(owner, now: datetime) -> list[Bar]:
    """Each stage counts people who reached it, so the bars never grow downwards."""
    people = Person.objects.filter(owner=owner)
    asked = ContactRequest.objects.filter(person=OuterRef("pk"))
    met = Interview.objects.filter(person=OuterRef("pk"))
    held = {
        person_id
        for person_id, starts_at, minutes, status in Interview.objects.filter(
            owner=owner, starts_at__lte=now
        )
        .exclude(status=Interview.Status.CANCELLED)
        .values_list("person_id", "starts_at", "minutes", "status")
        if happened(status, starts_at, minutes, now)
    }
    thanked = ThankYou.objects.filter(owner=owner, sent_on__isnull=False)
    counts = people.aggregate(
        listed=Count("pk", filter=Q(target__isnull=False)),
        contacted=Count("pk", filter=Q(Exists(asked)) | Q(Exists(met))),
        agreed=Count("pk", filter=Q(Exists(met))),
    )
    bars = [
        Bar("People listed", counts["listed"]),
        Bar("Contacted", counts["contacted"]),
        Bar("Agreed", counts["agreed"]),
        Bar("Interviewed", len(held)),
        Bar("Thanked", thanked.values("interview__person_id").distinct().count()),
    ]
    top = max(b.value for b in bars) or 1
    for index, bar in enumerate(bars):
        bar.y = index * (BAR_HEIGHT + 10)
        bar.width = max(2, (CHART_WIDTH - 200) * bar.value / top)
    return bars


def _weeks(owner, today: date, zone: ZoneInfo) -> list[Week]:
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
    # Bounds in the user's time zone rather than each row's date taken in the database.
    first = datetime.combine(starts[0], time.min, tzinfo=zone)
    after = datetime.combine(today + timedelta(days=1), time.min, tzinfo=zone)
    for moment in Interview.objects.filter(
        owner=owner, starts_at__gte=first, starts_at__lt=after
    ).values_list("starts_at", flat=True):
        index = (moment.astimezone(zone).date() - starts[0]).days // 7
        if 0 <= index < WEEKS:
            weeks[index].interviews += 1
    peak = max([w.attempts for w in weeks] + [w.interviews for w in weeks] + [1])
    for index, week in enumerate(weeks):
        week.x = 40 + index * 64
        week.attempts_height = 120 * week.attempts / peak
        week.interviews_height = 120 * week.interviews / peak
    return weeks


LATEST_INSIGHTS = 3


@dataclass
class OccupationSummary:
    """One list's counts and its latest insights; the occupation's page has the rest."""

    target: TargetOccupation
    people: int
    requests: int
    interviews: int
    average_fit: float | None
    latest: list[Insight] = field(default_factory=list)


def _summaries(owner) -> list[OccupationSummary]:
    """Counts grouped by list, one query per kind of row, and the latest insights in one more.

    Grouping each table on its own avoids joining people to requests to interviews, whose
    product grows with the square of the history.
    """
    targets = list(TargetOccupation.objects.filter(owner=owner))
    people = _per_list(Person.objects.filter(owner=owner), "target_id", count=Count("id"))
    # Scoped through the person (the same owner): SQLite then walks people by list and
    # each one's rows by index, instead of every request and then its person.
    requests = _per_list(
        ContactRequest.objects.filter(person__owner=owner), "person__target_id", count=Count("id")
    )
    interviews = _per_list(
        Interview.objects.filter(person__owner=owner).exclude(status=Interview.Status.CANCELLED),
        "person__target_id",
        count=Count("id"),
        fit=Avg("fit_rating"),
    )
    latest: dict[int, list[Insight]] = defaultdict(list)
    insights = (
        Insight.objects.filter(owner=owner, interview__person__target__isnull=False)
        .annotate(
            target_id=F("interview__person__target_id"),
            place=Window(
                RowNumber(),
                partition_by=[F("interview__person__target_id")],
                order_by=[F("created_at").desc(), F("id").desc()],
            ),
        )
        .filter(place__lte=LATEST_INSIGHTS)
        .select_related("interview__person")
        .only("kind", "text", "created_at", "interview__id", "interview__person__name")
    )
    for insight in insights:
        latest[insight.target_id].append(insight)
    return [
        OccupationSummary(
            target=t,
            people=people.get(t.pk, {}).get("count", 0),
            requests=requests.get(t.pk, {}).get("count", 0),
            interviews=interviews.get(t.pk, {}).get("count", 0),
            average_fit=_rounded(interviews.get(t.pk, {}).get("fit")),
            latest=latest[t.pk],
        )
        for t in targets
    ]


def _per_list(rows, list_field: str, **totals) -> dict[int, dict]:
    grouped = rows.order_by().values(list_field).annotate(**totals)
    return {row.pop(list_field): row for row in grouped}


def _rounded(fit: float | None) -> float | None:
    return round(fit, 1) if fit is not None else None


def progress(owner, now: datetime) -> Progress:
    zone = ZoneInfo(profile_for(owner).time_zone)
    today = now.astimezone(zone).date()
    result = Progress(funnel=_funnel(owner, now), weeks=_weeks(owner, today, zone))
    result.funnel_height = len(result.funnel) * (BAR_HEIGHT + 10)
    result.occupations = _summaries(owner)
    return result
