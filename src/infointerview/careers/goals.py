"""What the user wants from work, and whether an occupation offers it.

The earnings floor and the preparation limit filter; work values re-rank; skills and
work context are reported. A goal the imported data cannot answer is said so, never
silently dropped. Earnings follow BLS's marks: a wage not released is unknown and kept,
a top-coded wage meets any floor, an hourly-only wage counts 2,080 hours a year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from infointerview.accounts.services import profile_for
from infointerview.accounts.validation import validate
from infointerview.careers.models import (
    Goals,
    Skill,
    WageEstimate,
    WorkContext,
    soc_for,
)
from infointerview.careers.models.interests import WORK_VALUES
from infointerview.careers.wages import NATIONAL, broad_group
from infointerview.lib.errors import Refused
from infointerview.lib.money import money

HOURS_A_YEAR = 2080
IMPORTANT = 3.5  # skill importance (1–5) or work-context level (1–5) that counts as "has it"
PREPARATION = {
    1: "little or no preparation",
    2: "some preparation: usually high school",
    3: "medium preparation: usually vocational training or an associate's degree",
    4: "considerable preparation: a bachelor's usually needed",
    5: "extensive preparation: a graduate degree usually needed",
}


@dataclass
class UserGoals:
    goals: Goals
    areas: dict[str, str]  # "state" and "metro" OEWS area codes from Settings


def goals_for(owner) -> UserGoals:
    """The latest saved goals (or none set), with the wage areas from Settings."""
    goals = Goals.objects.filter(owner=owner).first() or Goals(owner=owner)
    profile = profile_for(owner)
    return UserGoals(goals, {"state": profile.wage_state, "metro": profile.wage_metro})


def _named(names: list[str], allowed: list[str], what: str, hint: str) -> list[str]:
    """The names as the data spells them, any case; an unknown one is refused.

    Before the table is imported there is nothing to check against: the names are kept
    as typed, and the matches say the goal could not be applied yet.
    """
    by_key = {name.casefold(): name for name in allowed}
    chosen = []
    for name in (n for n in names if n.strip()):
        known = by_key.get(name.strip().casefold()) if allowed else " ".join(name.split())
        if known is None:
            raise Refused(f"unknown {what} {name.strip()[:60]!r}: {hint}")
        if known not in chosen:
            chosen.append(known)
    return chosen


def skill_names() -> list[str]:
    return sorted(set(Skill.objects.values_list("element", flat=True)))


def context_names() -> list[str]:
    return sorted(set(WorkContext.objects.values_list("element", flat=True)))


@transaction.atomic
def save_goals(
    owner,
    min_wage: int | None = None,
    wage_area: str = Goals.Area.NATIONAL,
    max_job_zone: int | None = None,
    work_values: list[str] | None = None,
    skills: list[str] | None = None,
    work_context: list[str] | None = None,
) -> Goals:
    """Replace the user's goals; a goal left empty is not applied."""
    goals = Goals.objects.filter(owner=owner).first() or Goals(owner=owner)
    goals.min_wage, goals.wage_area, goals.max_job_zone = min_wage, wage_area, max_job_zone
    goals.work_values = _named(
        work_values or [], list(WORK_VALUES), "work value", f"use one of {', '.join(WORK_VALUES)}"
    )
    goals.skills = _named(
        skills or [], skill_names(), "skill", "see `infointerview explore goals --list skills`"
    )
    goals.work_context = _named(
        work_context or [],
        context_names(),
        "work context",
        "see `infointerview explore goals --list context`",
    )
    validate(goals)
    goals.save()
    return goals


@dataclass
class Earnings:
    """One occupation's median in one area, as far as BLS released it."""

    area_title: str
    annual: int | None
    top_coded: bool = False
    hourly_only: bool = False

    def meets(self, floor: int) -> bool | None:
        """True or False, or None when the median was not released."""
        if self.top_coded:
            return True
        return None if self.annual is None else self.annual >= floor

    def text(self) -> str:
        if self.hourly_only:  # as Browse writes it; compared with a floor at 2,080 hours
            return f"${self.annual / HOURS_A_YEAR:,.2f} an hour"
        return money(self.annual, self.top_coded)


def _earnings(area_title: str, annual, hourly, top_coded: str) -> Earnings:
    if "annual_median" in top_coded.split(","):
        return Earnings(area_title, annual, top_coded=True)
    if annual is None and hourly is not None:
        return Earnings(area_title, round(hourly * HOURS_A_YEAR), hourly_only=True)
    return Earnings(area_title, annual)


@dataclass
class GoalData:
    """Everything the goals need, loaded once for all occupations."""

    goals: Goals
    wages: dict[tuple[str, str], Earnings] = field(default_factory=dict)
    floor_areas: list[str] = field(default_factory=list)
    local_area: str = ""
    area_titles: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, float]] = field(default_factory=dict)
    skills: dict[str, dict[str, float]] = field(default_factory=dict)
    context: dict[str, dict[str, float]] = field(default_factory=dict)
    apply_floor: bool = False
    apply_zone: bool = False
    notes: list[str] = field(default_factory=list)

    def earnings(self, code: str, area: str) -> Earnings | None:
        """`wages` are by O*NET code and area, each already its SOC code's or broad group's."""
        return self.wages.get((code, area))


def ratings(model, elements) -> dict[str, dict[str, float]]:
    """An O*NET ratings table as {occupation code: {element: value}}, for these elements."""
    table: dict[str, dict[str, float]] = {}
    rows = model.objects.filter(element__in=elements).values_list(
        "occupation__code", "element", "value"
    )
    for code, element, value in rows:
        table.setdefault(code, {})[element] = value
    return table


def load_wages(
    codes: list[str], area_codes: set[str]
) -> tuple[dict[tuple[str, str], Earnings], dict[str, str]]:
    """Medians of these occupations (and their broad groups) in these areas, and area names.

    Asked for by SOC code and area together, which the table's unique index answers
    directly; by area alone SQLite would read every estimate of every area.
    """
    socs = {soc_for(code) for code in codes}
    rows = WageEstimate.objects.filter(
        soc_code__in=socs | {broad_group(soc) for soc in socs}, area_code__in=area_codes
    ).values_list(
        "soc_code", "area_code", "area_title", "annual_median", "hourly_median", "top_coded_columns"
    )
    wages, titles = {}, {}
    for soc, area, title, annual, hourly, top in rows:
        wages[soc, area] = _earnings(title, annual, hourly, top)
        titles[area] = title
    return wages, titles


def _floor_areas(goals: Goals, areas: dict[str, str], notes: list[str]) -> list[str]:
    """Where the floor is judged: the chosen area, then the wider ones it falls back to."""
    chain = {"metro": ["metro", "state"], "state": ["state"]}.get(goals.wage_area, [])
    found = [areas[kind] for kind in chain if areas.get(kind)]
    if chain and (not found or found[0] != areas.get(chain[0])):
        wider = "your state" if found else "national figures"
        notes.append(
            f"Settings name no {'metropolitan area' if chain[0] == 'metro' else 'state'} "
            f"for wages, so the earnings floor uses {wider}."
        )
    return [*found, NATIONAL]


def load_goal_data(goals: Goals, areas: dict[str, str], reference) -> GoalData:
    """The goals against the reference data (wages, work values, job zones) already loaded.

    `reference` has `wages`, `area_titles`, `values` and `has_job_zones`; skills and work
    context, seldom asked for, are read here when a goal names them.
    """
    data = GoalData(goals, wages=reference.wages, area_titles=reference.area_titles)
    data.local_area = areas.get("metro") or areas.get("state") or ""
    if goals.min_wage:
        if data.wages:
            data.apply_floor = True
            data.floor_areas = _floor_areas(goals, areas, data.notes)
        else:
            data.notes.append(
                "The earnings floor could not be applied: no wage data is imported "
                "(`infointerview wages sync`)."
            )
    if goals.max_job_zone:
        data.apply_zone = reference.has_job_zones
        if not data.apply_zone:
            data.notes.append(_missing("The preparation goal", "Job Zones"))
    if goals.work_values:
        if reference.values:
            data.values = reference.values
        else:
            data.notes.append(_missing("Work values", "Work Values"))
    for wanted, model, attr, what, table in (
        (goals.skills, Skill, "skills", "The skills goal", "Skills"),
        (goals.work_context, WorkContext, "context", "The work context goal", "Work Context"),
    ):
        if not wanted:
            continue
        if not model.objects.exists():
            data.notes.append(_missing(what, table))
            continue
        setattr(data, attr, ratings(model, wanted))
    return data


def floor_earnings(data: GoalData, code: str) -> tuple[int, Earnings] | None:
    """The first area of the floor's chain with a figure for this occupation, and that figure."""
    for index, area in enumerate(data.floor_areas):
        earnings = data.earnings(code, area)
        if earnings is not None:
            return index, earnings
    return None


def misses_a_filter(data: GoalData, code: str, job_zone: int | None) -> bool:
    """Whether the floor or the preparation limit leaves this occupation out; unknown stays."""
    if data.apply_zone and job_zone is not None and job_zone > data.goals.max_job_zone:
        return True
    if data.apply_floor:
        found = floor_earnings(data, code)
        return found is not None and found[1].meets(data.goals.min_wage) is False
    return False


def value_lean(data: GoalData, code: str) -> float:
    """−1 to 1: how strongly the occupation offers the chosen work values (4 is the middle)."""
    values = data.values.get(code) if data.values else None
    if not values:
        return 0.0
    extents = [values[name] for name in data.goals.work_values if name in values]
    if not extents:
        return 0.0
    return max(-1.0, min(1.0, (sum(extents) / len(extents) - 4) / 3))


def _missing(what: str, table: str) -> str:
    return f"{what} could not be applied: the imported O*NET release has no {table} table."


@dataclass
class GoalCheck:
    """Which goals an occupation meets, the facts behind its reason, and how goals move it."""

    met: list[str] = field(default_factory=list)
    unmet: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    unmet_filters: bool = False
    value_lean: float = 0.0  # −1 to 1: how strongly it offers the chosen work values


def _wage_facts(data: GoalData, code: str, check: GoalCheck) -> None:
    national = data.earnings(code, NATIONAL)
    if national is None:
        check.facts.append("no BLS wages")
    else:
        fact = f"median {national.text()} nationally"
        local = data.earnings(code, data.local_area) if data.local_area else None
        if local is not None:
            fact += f", {local.text()} in {local.area_title}"
        check.facts.append(fact)
    if not data.apply_floor:
        return
    floor = data.goals.min_wage
    found = floor_earnings(data, code)
    if found is None:
        check.met.append(f"earnings unknown: no BLS figure, so kept under the {money(floor)} floor")
        return
    index, earnings = found
    where = earnings.area_title
    if index and data.floor_areas[0] != NATIONAL:
        first = data.area_titles.get(data.floor_areas[0], data.floor_areas[0])
        where += f" (no figure for {first})"
    meets = earnings.meets(floor)
    if meets is None:
        check.met.append(f"earnings unknown in {where}: not released, so kept")
    elif meets:
        check.met.append(f"earns at least {money(floor)} ({where})")
    else:
        check.unmet.append(f"median below {money(floor)} ({where})")
        check.unmet_filters = True


def _value_facts(data: GoalData, code: str, check: GoalCheck) -> None:
    chosen = data.goals.work_values
    values = data.values.get(code)
    if not values:
        check.unmet.append("no work values data")
        return
    strongest = sorted(values.values(), reverse=True)[:3]
    for name in chosen:
        if name in values and values[name] >= strongest[-1]:
            check.met.append(f"{name} among its strongest work values")
        else:
            check.unmet.append(f"{name} not among its strongest work values")
    check.value_lean = value_lean(data, code)


def _rating_facts(table: dict, wanted: list[str], code: str, met: str, unmet: str, check) -> None:
    ratings = table.get(code, {})
    for name in wanted:
        if ratings.get(name, 0) >= IMPORTANT:
            check.met.append(met.format(name))
        else:
            check.unmet.append(unmet.format(name))


def check_goals(data: GoalData, code: str, job_zone: int | None) -> GoalCheck:
    check = GoalCheck()
    _wage_facts(data, code, check)
    if job_zone:
        check.facts.append(f"job zone {job_zone}: {PREPARATION.get(job_zone, '').split(': ')[-1]}")
    if data.apply_zone:
        limit = data.goals.max_job_zone
        if job_zone is None:
            check.met.append("job zone unknown, so kept")
        elif job_zone <= limit:
            check.met.append(f"preparation within job zone {limit}")
        else:
            check.unmet.append(f"needs more preparation than job zone {limit}")
            check.unmet_filters = True
    if data.values:
        _value_facts(data, code, check)
    if data.skills:
        _rating_facts(data.skills, data.goals.skills, code, "uses {}", "uses little {}", check)
    if data.context:
        _rating_facts(data.context, data.goals.work_context, code, "{}", "little of {}", check)
    return check
