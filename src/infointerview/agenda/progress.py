"""Progress through the method: a funnel, weekly activity, and each occupation's story."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from infointerview.accounts.services import profile_for
from infointerview.careers.models import TargetOccupation
from infointerview.interviews.afterwards import OccupationLearning, has_happened, learning_about
from infointerview.interviews.models import Interview, ThankYou
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
    occupations: list[tuple[TargetOccupation, OccupationLearning, int, int]] = field(
        default_factory=list
    )
    funnel_height: int = 0
    weeks_peak: int = 0


def _funnel(owner) -> list[Bar]:
    """Each stage counts people who reached it, so the bars never grow downwards."""
    people = Person.objects.filter(owner=owner).exclude(occupation="")
    interviews = list(Interview.objects.filter(owner=owner).select_related("person"))
    agreed = {i.person_id for i in interviews}
    contacted = (
        set(ContactRequest.objects.filter(owner=owner).values_list("person_id", flat=True)) | agreed
    )
    interviewed = {i.person_id for i in interviews if has_happened(i)}
    thanked = set(
        ThankYou.objects.filter(owner=owner, sent_on__isnull=False).values_list(
            "interview__person_id", flat=True
        )
    )
    bars = [
        Bar("People listed", people.count()),
        Bar("Contacted", len(contacted)),
        Bar("Agreed", len(agreed)),
        Bar("Interviewed", len(interviewed)),
        Bar("Thanked", len(thanked)),
    ]
    top = max(b.value for b in bars) or 1
    for index, bar in enumerate(bars):
        bar.y = index * (BAR_HEIGHT + 10)
        bar.width = max(2, (CHART_WIDTH - 200) * bar.value / top)
    return bars


def _weeks(owner, today: date) -> list[Week]:
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    weeks = [Week(start, 0, 0) for start in starts]
    attempts = Attempt.objects.filter(owner=owner, on__gte=starts[0]).values_list("on", flat=True)
    for day in attempts:
        weeks[(day - starts[0]).days // 7].attempts += 1
    for moment in Interview.objects.filter(
        owner=owner, starts_at__date__gte=starts[0], starts_at__date__lte=today
    ).values_list("starts_at", flat=True):
        index = (moment.date() - starts[0]).days // 7
        if 0 <= index < WEEKS:
            weeks[index].interviews += 1
    peak = max([w.attempts for w in weeks] + [w.interviews for w in weeks] + [1])
    for index, week in enumerate(weeks):
        week.x = 40 + index * 64
        week.attempts_height = 120 * week.attempts / peak
        week.interviews_height = 120 * week.interviews / peak
    return weeks


def progress(owner) -> Progress:
    today = profile_for(owner).today()
    result = Progress(funnel=_funnel(owner), weeks=_weeks(owner, today))
    result.funnel_height = len(result.funnel) * (BAR_HEIGHT + 10)
    for target in TargetOccupation.objects.filter(owner=owner):
        people = Person.objects.filter(owner=owner, occupation__iexact=target.name).count()
        requests = ContactRequest.objects.filter(
            owner=owner, person__occupation__iexact=target.name
        ).count()
        result.occupations.append(
            (target, learning_about(owner, target.name, target.onet_code), people, requests)
        )
    return result
