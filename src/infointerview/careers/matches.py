"""Occupations ranked by how well their O*NET interest profile fits the user's.

The fit is the Pearson correlation of the six RIASEC scores: it compares the shape of
two profiles, so scores on any scale rank alike. Ties go to the occupation sharing more
of the user's three high-point letters. Goals filter (earnings floor, preparation) or
re-rank (work values); docs/interests.md says how and why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from infointerview.careers.goals import GoalCheck, check_goals, goals_for, load_goal_data
from infointerview.careers.models import Interest, InterestProfile, Occupation
from infointerview.careers.models.interests import LETTERS, TYPE_NAMES

FIT_WORDS = ((0.75, "strong"), (0.5, "good"), (0.25, "some"), (-2.0, "weak"))
VALUE_WEIGHT = 0.25  # how far work values may move an occupation, against a fit of −1 to 1
FLAT = (
    "Your profile has the same score for every type, so no occupation fits it better "
    "than another. Retake the questionnaire answering more items like or dislike, or "
    "enter scores that differ."
)
NO_PROFILE = "No interest profile yet: answer the questionnaire or enter your scores or code."
NO_OCCUPATIONS = (
    "No O*NET occupations yet: download them with `infointerview init` or import a "
    "release with `infointerview occupations import`."
)
NO_INTEREST_DATA = (
    "The imported O*NET release has no interest data (Interests.txt): occupations are "
    "listed without a fit. Import a release that has it with `infointerview occupations import`."
)


def latest_profile(owner) -> InterestProfile | None:
    """The newest finished profile: the one matches use."""
    return (
        InterestProfile.objects.filter(owner=owner)
        .exclude(finished_at=None)
        .order_by("-finished_at", "-pk")
        .first()
    )


def correlation(a: list[float], b: list[float]) -> float | None:
    """Pearson's r; None when either side is flat (the same everywhere)."""
    n = len(a)
    mean_a, mean_b = sum(a) / n, sum(b) / n
    da = [x - mean_a for x in a]
    db = [y - mean_b for y in b]
    spread = math.sqrt(sum(x * x for x in da) * sum(y * y for y in db))
    if spread < 1e-12:
        return None
    return sum(x * y for x, y in zip(da, db, strict=True)) / spread


def is_flat(scores: dict[str, float]) -> bool:
    return max(scores.values()) - min(scores.values()) < 1e-9


def high_points(values: list[float]) -> str:
    """The three highest letters; ties keep the R-I-A-S-E-C order."""
    order = sorted(range(6), key=lambda i: -values[i])
    return "".join(LETTERS[i] for i in order[:3])


def interest_table() -> dict[str, list[float]]:
    """Each occupation's six OI scores, in R-I-A-S-E-C order; codes lacking any are left out."""
    column = {name: i for i, name in enumerate(TYPE_NAMES[letter] for letter in LETTERS)}
    table: dict[str, list[float | None]] = {}
    rows = Interest.objects.filter(element__in=column).values_list(
        "occupation__code", "element", "value"
    )
    for code, element, value in rows:
        table.setdefault(code, [None] * 6)[column[element]] = value
    return {code: values for code, values in table.items() if None not in values}


def interest_fit(owner, onet_code: str) -> float | None:
    """How well one occupation fits the user's latest profile, −1 to 1; None when unknown."""
    profile = latest_profile(owner)
    if profile is None or is_flat(profile.scores()):
        return None
    values = dict(
        Interest.objects.filter(occupation__code=onet_code).values_list("element", "value")
    )
    theirs = [values.get(TYPE_NAMES[letter]) for letter in LETTERS]
    if None in theirs:
        return None
    return correlation(list(profile.scores().values()), theirs)


def fit_words(fit: float) -> str:
    return next(word for bound, word in FIT_WORDS if fit >= bound)


def _names(letters: str) -> str:
    names = [TYPE_NAMES[letter] for letter in letters]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


@dataclass
class Match:
    code: str
    title: str
    job_zone: int | None
    fit: float | None
    high_points: str
    shared: str
    goals: GoalCheck
    rank_score: float = 0.0

    @property
    def fit_text(self) -> str:
        if self.fit is None:
            return "no O*NET interest data"
        if self.shared:
            return f"{fit_words(self.fit)} {_names(self.shared)} fit"
        return f"{fit_words(self.fit)} fit (its interests: {_names(self.high_points)})"

    @property
    def reason(self) -> str:
        return "; ".join(part for part in (self.fit_text, *self.goals.facts) if part)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "fit": None if self.fit is None else round(self.fit, 3),
            "high_points": self.high_points,
            "job_zone": self.job_zone,
            "reason": self.reason,
            "goals_met": self.goals.met,
            "goals_unmet": self.goals.unmet,
            "has_interest_data": self.fit is not None,
        }


@dataclass
class Matches:
    profile: InterestProfile | None
    results: list[Match] = field(default_factory=list)
    hidden: int = 0
    notes: list[str] = field(default_factory=list)
    message: str = ""

    def to_dict(self) -> dict:
        return {
            "profile": self.profile.to_dict() if self.profile else None,
            "message": self.message or None,
            "notes": self.notes,
            "hidden_by_goals": self.hidden,
            "results": [m.to_dict() for m in self.results],
        }


def _sort_key(match: Match, user_top: str) -> tuple:
    first = 1 if match.high_points[:1] == user_top[:1] else 0
    return (-match.rank_score, -len(match.shared), -first, match.title, match.code)


def rank(
    scores: dict[str, float], goals, areas: dict[str, str], show_all: bool = False
) -> tuple[list[Match], int, list[str]]:
    """Every current occupation, fitted, checked against the goals and ordered.

    `areas` are the user's state and metro wage areas from Settings. Returns the list,
    how many the goals left out, and notes on goals that could not be applied.
    """
    data = load_goal_data(goals, areas)
    table = interest_table()
    mine = [scores[letter] for letter in LETTERS]
    user_top = high_points(mine)
    fitted, unfitted, hidden = [], [], 0
    occupations = Occupation.objects.filter(retired_in="").values_list("code", "title", "job_zone")
    for code, title, job_zone in occupations:
        theirs = table.get(code)
        fit = correlation(mine, theirs) if theirs else None
        check = check_goals(data, code, job_zone)
        if check.unmet_filters and not show_all:
            hidden += 1
            continue
        points = high_points(theirs) if theirs else ""
        shared = "".join(letter for letter in user_top if letter in points)
        match = Match(code, title, job_zone, fit, points, shared, check)
        if fit is None:
            unfitted.append(match)
            continue
        match.rank_score = fit + VALUE_WEIGHT * check.value_lean
        fitted.append(match)
    fitted.sort(key=lambda m: _sort_key(m, user_top))
    unfitted.sort(key=lambda m: (m.title, m.code))
    return fitted + unfitted, hidden, data.notes


def matches_for(owner, show_all: bool = False, limit: int | None = None) -> Matches:
    """The user's latest profile against every occupation, with their goals applied."""
    from_settings = goals_for(owner)
    profile = latest_profile(owner)
    result = Matches(profile)
    if profile is None:
        result.message = NO_PROFILE
        return result
    if is_flat(profile.scores()):
        result.message = FLAT
        return result
    if not Occupation.objects.exists():
        result.message = NO_OCCUPATIONS
        return result
    ranked, result.hidden, result.notes = rank(
        profile.scores(), from_settings.goals, from_settings.areas, show_all
    )
    if ranked and ranked[0].fit is None:
        result.notes.insert(0, NO_INTEREST_DATA)
    result.results = ranked[:limit] if limit else ranked
    return result
