"""Occupations ranked by how well their O*NET interest profile fits the user's.

The fit is the Pearson correlation of the six RIASEC scores: it compares the shape of
two profiles, so scores on any scale rank alike. Ties go to the occupation sharing more
of the user's three high-point letters. Goals filter (earnings floor, preparation) or
re-rank (work values); docs/interests.md says how and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from infointerview.careers.goals import (
    GoalCheck,
    check_goals,
    goals_for,
    load_goal_data,
    misses_a_filter,
    value_lean,
)
from infointerview.careers.matches_data import centred, high_points, reference_for
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
    da, norm_a = centred(a)
    db, norm_b = centred(b)
    if norm_a < 1e-9 or norm_b < 1e-9:
        return None
    return sum(x * y for x, y in zip(da, db, strict=True)) / (norm_a * norm_b)


def is_flat(scores: dict[str, float]) -> bool:
    return max(scores.values()) - min(scores.values()) < 1e-9


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


def rank(
    scores: dict[str, float],
    goals,
    areas: dict[str, str],
    show_all: bool = False,
    limit: int | None = None,
) -> tuple[list[Match], int, list[str]]:
    """Every current occupation, fitted, filtered by the goals and ordered.

    `areas` are the user's state and metro wage areas from Settings. Returns the first
    `limit` results (all without one), how many the goals left out, and notes on goals
    that could not be applied. Only the results returned get their reasons written.
    """
    reference = reference_for(areas)
    data = load_goal_data(goals, areas, reference)
    mine = [scores[letter] for letter in LETTERS]
    user_top = high_points(mine)
    deviations, norm = centred(mine)
    filtering = data.apply_floor or data.apply_zone
    fitted, unfitted, hidden = [], [], 0
    for code, title, job_zone in reference.occupations:
        if filtering and not show_all and misses_a_filter(data, code, job_zone):
            hidden += 1
            continue
        theirs = reference.interests.get(code)
        if theirs is None:
            unfitted.append((title, code, job_zone))
            continue
        fit = sum(a * b for a, b in zip(deviations, theirs.deviations, strict=True)) / (
            norm * theirs.norm
        )
        score = fit + VALUE_WEIGHT * value_lean(data, code) if data.values else fit
        shared = sum(1 for letter in user_top if letter in theirs.high_points)
        first = theirs.high_points[0] == user_top[0]
        # Rounded, so that fits equal but for float noise count as the tie they are.
        key = (-round(score, 9), -shared, -first)
        fitted.append((*key, title, code, job_zone, fit, theirs.high_points))
    fitted.sort()
    unfitted.sort()
    ordered = [
        (code, title, zone, fit, points) for _, _, _, title, code, zone, fit, points in fitted
    ]
    ordered += [(code, title, zone, None, "") for title, code, zone in unfitted]
    results = []
    for code, title, job_zone, fit, points in ordered[:limit] if limit else ordered:
        shared = "".join(letter for letter in user_top if letter in points)
        check = check_goals(data, code, job_zone)
        results.append(Match(code, title, job_zone, fit, points, shared, check))
    return results, hidden, data.notes


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
    result.results, result.hidden, result.notes = rank(
        profile.scores(), from_settings.goals, from_settings.areas, show_all, limit
    )
    if result.results and result.results[0].fit is None:
        result.notes.insert(0, NO_INTEREST_DATA)
    return result
