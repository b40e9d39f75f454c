"""What the user likes doing (a RIASEC interest profile) and what they want from work (goals).

Each finished profile is kept, so retaking the questionnaire adds to a history; the
latest one drives the ranked matches.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from infointerview.accounts.models import Owned

# Holland's six types, in the order O*NET lists them.
LETTERS = ("R", "I", "A", "S", "E", "C")
TYPE_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
FIELDS = {letter: name.lower() for letter, name in TYPE_NAMES.items()}
ANSWERS = ("like", "unsure", "dislike")
ITEM_COUNT = 60
WORK_VALUES = (
    "Achievement",
    "Independence",
    "Recognition",
    "Relationships",
    "Support",
    "Working Conditions",
)


def validate_answers(value) -> None:
    """Answers are a list of texts, item n at place n − 1: like, unsure, dislike or "" (none yet).

    A list of texts, as every JSON field of the app is, so export and restore read it alike.
    """
    if not isinstance(value, list) or len(value) > ITEM_COUNT:
        raise ValidationError(f"answers must be a list of at most {ITEM_COUNT} texts")
    for number, answer in enumerate(value, 1):
        if answer not in (*ANSWERS, ""):
            raise ValidationError(f"item {number}: {answer!r} is not like, unsure or dislike")


def _validate_names(value, allowed: tuple[str, ...] | None, what: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{what} must be a list of names")
    for name in value:
        if len(name) > 150 or (allowed is not None and name not in allowed):
            raise ValidationError(f"unknown {what} {name[:40]!r}: use one of {', '.join(allowed)}")


def validate_work_values(value) -> None:
    _validate_names(value, WORK_VALUES, "work value")


def validate_element_names(value) -> None:
    _validate_names(value, None, "element")


def _score() -> models.FloatField:
    return models.FloatField(default=0, validators=[MinValueValidator(0)])


class InterestProfile(Owned):
    """One interest profile: a questionnaire (finished or in progress), or scores entered."""

    class Source(models.TextChoices):
        QUESTIONNAIRE = "questionnaire", "Questionnaire"
        SCORES = "scores", "Scores entered"
        CODE = "code", "Holland code entered"

    source = models.CharField(max_length=20, choices=Source.choices)
    answers = models.JSONField(default=list, blank=True, validators=[validate_answers])
    realistic = _score()
    investigative = _score()
    artistic = _score()
    social = _score()
    enterprising = _score()
    conventional = _score()
    scale = models.FloatField(
        default=20,
        validators=[MinValueValidator(0)],
        help_text="The top of the scale the scores are on, for the chart.",
    )
    code = models.CharField(max_length=3, blank=True, help_text="The Holland code entered.")
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-finished_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.top_three()}"

    def given(self) -> dict[str, str]:
        """The answers given so far, by item number ("1"…"60")."""
        return {str(n): answer for n, answer in enumerate(self.answers, 1) if answer}

    def keep_answers(self, answers: dict[str, str]) -> None:
        merged = {**self.given(), **answers}
        self.answers = [merged.get(str(n), "") for n in range(1, ITEM_COUNT + 1)]

    def scores(self) -> dict[str, float]:
        return {letter: getattr(self, field) for letter, field in FIELDS.items()}

    def set_scores(self, scores: dict[str, float]) -> None:
        for letter, field in FIELDS.items():
            setattr(self, field, float(scores.get(letter, 0)))

    def top_three(self) -> str:
        """The three highest letters; ties keep O*NET's R-I-A-S-E-C order."""
        scores = self.scores()
        return "".join(sorted(LETTERS, key=lambda letter: -scores[letter])[:3])

    def to_dict(self) -> dict:
        return {
            "id": str(self.public_id),
            "source": self.source,
            "scores": self.scores(),
            "scale": self.scale,
            "top_three": self.top_three(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }


# No occupation's median comes near it: a floor above is a typing slip.
MAX_WAGE_FLOOR = 10_000_000


class Goals(Owned):
    """What the user wants from an occupation; every goal may be left empty."""

    class Area(models.TextChoices):
        NATIONAL = "national", "Nationally"
        STATE = "state", "In my state"
        METRO = "metro", "In my metropolitan area"

    min_wage = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_WAGE_FLOOR)],
        help_text="Annual earnings floor, in dollars.",
    )
    wage_area = models.CharField(max_length=10, choices=Area.choices, default=Area.NATIONAL)
    max_job_zone = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="The most preparation you are willing to do (O*NET job zone 1–5).",
    )
    work_values = models.JSONField(default=list, blank=True, validators=[validate_work_values])
    skills = models.JSONField(default=list, blank=True, validators=[validate_element_names])
    work_context = models.JSONField(default=list, blank=True, validators=[validate_element_names])

    class Meta:
        # No one-per-user constraint: a restore onto an account that set goals of its own
        # must not clash; the latest saved goals apply.
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return f"goals of {self.owner}"

    def is_empty(self) -> bool:
        return not (
            self.min_wage
            or self.max_job_zone
            or self.work_values
            or self.skills
            or self.work_context
        )
