"""The shortlist side by side: what O*NET and BLS say, and what the user's interviews said.

A fixed number of queries whatever the shortlist and the interview history hold: every
table is read once for all the occupations compared, then shared out. A shortlisted
name not linked to O*NET still has its column, with what the interviews taught.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q
from django.urls import reverse

from infointerview.careers.browse import median_of
from infointerview.careers.matches import correlation, fit_words, high_points, is_flat
from infointerview.careers.matches import latest_profile as latest_interest_profile
from infointerview.careers.models import (
    EducationCategory,
    EducationLevel,
    Interest,
    JobZoneReference,
    Occupation,
    TargetOccupation,
    Task,
    WageEstimate,
    WorkValue,
    soc_for,
)
from infointerview.careers.models.interests import LETTERS, TYPE_NAMES
from infointerview.careers.wages import NATIONAL, Wages, broad_group
from infointerview.interviews.models import Insight, Interview

TOP_TASKS = 5
TOP_EDUCATION = 2
NO_PROFILE = "no interest profile yet"
FLAT_PROFILE = "your interest profile is flat: every type scores the same"
NO_INTEREST_DATA = "no O*NET interest data"


@dataclass
class Fit:
    """How the occupation's O*NET interests fit the user's latest profile."""

    score: float | None
    text: str

    def to_dict(self) -> dict:
        score = None if self.score is None else round(self.score, 3)
        return {"score": score, "text": self.text}


@dataclass
class Learned:
    """What the user's own interviews said about one occupation."""

    interviews: int = 0
    ratings: list[int] = field(default_factory=list)
    insights: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Per kind, how many older insights were left out when only the latest were kept.
    more: dict[str, int] = field(default_factory=dict)

    @property
    def average_fit(self) -> float | None:
        return round(sum(self.ratings) / len(self.ratings), 1) if self.ratings else None

    def to_dict(self) -> dict:
        return {
            "interviews": self.interviews,
            "average_fit_rating": self.average_fit,
            "insights": {
                kind: [{"person": who, "text": text} for who, text in items]
                for kind, items in self.insights.items()
            },
        }


@dataclass
class Side:
    """One shortlisted occupation's column."""

    target: TargetOccupation
    occupation: Occupation | None = None
    fit: Fit | None = None
    wages: list[Wages] = field(default_factory=list)
    zone: JobZoneReference | None = None
    education: list[tuple[str, float]] = field(default_factory=list)
    work_values: dict[str, float] = field(default_factory=dict)
    tasks: list[str] = field(default_factory=list)
    learned: Learned = field(default_factory=Learned)

    @property
    def title(self) -> str:
        return self.target.name

    @cached_property
    def page(self) -> str:
        """The occupation's page ('' without an O*NET occupation), reversed once a column."""
        return reverse("agenda:occupation", args=[self.occupation.code]) if self.occupation else ""

    def wage_lines(self) -> list[tuple[str, str, bool]]:
        """(area, median as people read it, whether it is the broad group's)."""
        return [
            (w.estimate.area_title, median_of(w.estimate).text, w.via_group) for w in self.wages
        ]

    def to_dict(self) -> dict:
        o = self.occupation
        return {
            "name": self.target.name,
            "status": self.target.status,
            "level": self.target.level,
            "onet_code": o.code if o else None,
            "onet_title": o.title if o else None,
            "interest_fit": self.fit.to_dict() if self.fit else None,
            "wages": [w.to_dict() for w in self.wages],
            "job_zone": {
                "zone": o.job_zone if o else None,
                "name": self.zone.name if self.zone else None,
                "education": self.zone.education if self.zone else None,
            },
            "education": [{"level": level, "percent": pct} for level, pct in self.education],
            "work_values": self.work_values,
            "top_tasks": self.tasks,
            "from_your_interviews": self.learned.to_dict(),
        }


@dataclass
class Comparison:
    sides: list[Side]
    ruled_out: list[str] = field(default_factory=list)
    work_value_names: list[str] = field(default_factory=list)
    insight_kinds: list[str] = field(default_factory=list)

    @property
    def any_interviews(self) -> bool:
        return any(side.learned.interviews for side in self.sides)

    @property
    def any_education(self) -> bool:
        """Whether the imported release holds the education table at all."""
        return any(side.education for side in self.sides)

    def work_value_rows(self) -> list[tuple[str, list[float | None]]]:
        return [
            (name, [side.work_values.get(name) for side in self.sides])
            for name in self.work_value_names
        ]

    def insight_rows(self) -> list[tuple[str, list[tuple[Side, list[tuple[str, str]], int]]]]:
        """Per kind of insight, each side's cell: its insights and how many more there are."""
        return [
            (
                kind,
                [
                    (side, side.learned.insights.get(kind, []), side.learned.more.get(kind, 0))
                    for side in self.sides
                ],
            )
            for kind in self.insight_kinds
        ]

    def to_dict(self) -> dict:
        return {
            "occupations": [side.to_dict() for side in self.sides],
            "ruled_out_not_shown": self.ruled_out,
        }


def compare_shortlist(
    owner,
    area_codes: list[str] | None = None,
    ruled_out: bool = False,
    latest_insights: int | None = None,
) -> Comparison:
    """The user's shortlist, side by side; ruled-out occupations only when asked for.

    With `latest_insights`, each cell keeps that many of its newest insights and counts
    the rest: a page of twenty columns could not show hundreds of them, nor print them.
    """
    targets = list(TargetOccupation.objects.filter(owner=owner))
    shown = [t for t in targets if ruled_out or t.status != TargetOccupation.Status.RULED_OUT]
    comparison = Comparison(
        sides=[Side(target=t) for t in shown],
        ruled_out=[t.name for t in targets if t not in shown],
    )
    linked = [side for side in comparison.sides if side.target.onet_code]
    occupations = {
        o.code: o for o in Occupation.objects.filter(code__in=[s.target.onet_code for s in linked])
    }
    for side in linked:
        side.occupation = occupations.get(side.target.onet_code)
    found = [side for side in comparison.sides if side.occupation]
    _occupation_data(found)
    _wages(found, [NATIONAL, *(area_codes or [])])
    _fits(owner, found)
    _learned(owner, comparison.sides, latest_insights)
    comparison.work_value_names = sorted({name for s in found for name in s.work_values})
    comparison.insight_kinds = [
        label
        for label in Insight.Kind.labels
        if any(label in s.learned.insights for s in comparison.sides)
    ]
    return comparison


def _occupation_data(sides: list[Side]) -> None:
    """Job zone, education, work values and top tasks: one query per table for all sides."""
    by_id = {side.occupation.pk: side for side in sides}
    zones = {z.zone: z for z in JobZoneReference.objects.all()}
    for side in sides:
        side.zone = zones.get(side.occupation.job_zone)
    names = {
        c.category: c.description.split(" - ")[0]
        for c in EducationCategory.objects.filter(scale="RL")
    }
    shares: dict[int, list[tuple[str, float]]] = {}
    for level in EducationLevel.objects.filter(occupation_id__in=by_id, scale="RL", percent__gt=0):
        label = names.get(level.category, f"Category {level.category}")
        shares.setdefault(level.occupation_id, []).append((label, level.percent))
    for pk, levels in shares.items():
        by_id[pk].education = sorted(levels, key=lambda lp: -lp[1])[:TOP_EDUCATION]
    for value in WorkValue.objects.filter(occupation_id__in=by_id):
        by_id[value.occupation_id].work_values[value.element] = value.value
    tasks: dict[int, list[tuple]] = {}
    for pk, *task in Task.objects.filter(occupation_id__in=by_id).values_list(
        "occupation_id", "importance", "task_type", "task_id", "text"
    ):  # read as values: hundreds of tasks to pick five from each
        tasks.setdefault(pk, []).append(task)
    for pk, rows in tasks.items():
        rows.sort(key=lambda t: (-(t[0] or 0), t[1] != "Core", t[2]))
        by_id[pk].tasks = [text for *_, text in rows[:TOP_TASKS]]


def _wages(sides: list[Side], areas: list[str]) -> None:
    """National, then the user's state and metro: each the SOC code's, else its broad group's."""
    socs = {soc_for(side.occupation.code) for side in sides}
    wanted = socs | {broad_group(soc) for soc in socs}
    estimates = {
        (e.soc_code, e.area_code): e
        for e in WageEstimate.objects.filter(soc_code__in=wanted, area_code__in=areas)
    }
    for side in sides:
        soc = soc_for(side.occupation.code)
        for area in areas:
            if (soc, area) in estimates:
                side.wages.append(Wages(estimates[soc, area], soc, via_group=False))
            elif (broad_group(soc), area) in estimates:
                side.wages.append(Wages(estimates[broad_group(soc), area], soc, via_group=True))


def _fits(owner, sides: list[Side]) -> None:
    """The same fit as the ranked matches: the correlation of the six RIASEC scores."""
    profile = latest_interest_profile(owner)
    if profile is None or is_flat(profile.scores()):
        text = NO_PROFILE if profile is None else FLAT_PROFILE
        for side in sides:
            side.fit = Fit(None, text)
        return
    mine = [profile.scores()[letter] for letter in LETTERS]
    names = {TYPE_NAMES[letter]: i for i, letter in enumerate(LETTERS)}
    theirs: dict[int, list[float | None]] = {}
    for pk, element, value in Interest.objects.filter(
        occupation_id__in=[s.occupation.pk for s in sides], element__in=names
    ).values_list("occupation_id", "element", "value"):
        theirs.setdefault(pk, [None] * 6)[names[element]] = value
    for side in sides:
        values = theirs.get(side.occupation.pk)
        score = correlation(mine, values) if values and None not in values else None
        if score is None:
            side.fit = Fit(None, NO_INTEREST_DATA)
            continue
        letters = [TYPE_NAMES[letter] for letter in high_points(values)]
        side.fit = Fit(score, f"{fit_words(score)} fit; its interests: {', '.join(letters)}")


def _learned(owner, sides: list[Side], latest: int | None) -> None:
    """Interviews with people on each list, or working in its O*NET occupation."""
    codes = {side.occupation.code for side in sides if side.occupation}
    interviews = list(
        Interview.objects.filter(owner=owner)
        .exclude(status=Interview.Status.CANCELLED)
        .filter(
            Q(person__target__in=[s.target for s in sides])
            | Q(person__onet_code__in=codes)
            | Q(person__target__onet_code__in=codes)
        )
        .values_list(
            "pk",
            "fit_rating",
            "person__target_id",
            "person__onet_code",
            "person__target__onet_code",
        )
    )
    if not interviews:
        return
    by_target = {side.target.pk: side for side in sides}
    by_code: dict[str, list[Side]] = {}
    for side in sides:
        if side.occupation:
            by_code.setdefault(side.occupation.code, []).append(side)
    belongs: dict[int, list[Side]] = {}
    for pk, rating, target_id, person_code, list_code in interviews:
        found = [by_target[target_id]] if target_id in by_target else []
        found += by_code.get(person_code, []) + by_code.get(list_code, [])
        for side in {id(side): side for side in found}.values():  # once each
            belongs.setdefault(pk, []).append(side)
            side.learned.interviews += 1
            if rating:
                side.learned.ratings.append(rating)
    labels = dict(Insight.Kind.choices)
    insights = (
        Insight.objects.filter(owner=owner, interview_id__in=belongs)
        .order_by("kind", "id")
        .values_list("interview_id", "kind", "interview__person__name", "text")
    )
    for interview_id, kind, name, text in insights:  # read as values: hundreds at a time
        for side in belongs[interview_id]:
            side.learned.insights.setdefault(labels[kind], []).append((name, text))
    if latest is not None:
        for side in sides:
            for kind, items in side.learned.insights.items():
                if len(items) > latest:
                    side.learned.more[kind] = len(items) - latest
                    del items[:-latest]
