"""Forms for the questionnaire, scores or a code entered directly, and goals."""

from __future__ import annotations

from django import forms

from infointerview.careers.goals import PREPARATION
from infointerview.careers.interests import ITEMS, parse_code, parse_scores
from infointerview.careers.models import Goals
from infointerview.careers.models.interests import MAX_WAGE_FLOOR, WORK_VALUES
from infointerview.lib.errors import Refused

ANSWER_CHOICES = [("like", "Like"), ("unsure", "Not sure"), ("dislike", "Dislike")]


class QuestionnaireForm(forms.Form):
    """One radio group per item, `q1`…`q60`; an item left blank is simply not answered yet."""

    def __init__(self, *args, answers: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        for number, (_, text) in ITEMS.items():
            self.fields[f"q{number}"] = forms.ChoiceField(
                label=f"{number}. {text}",
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                required=False,
                initial=answers.get(str(number)),
            )

    def answers(self) -> dict[str, str]:
        return {name.removeprefix("q"): value for name, value in self.cleaned_data.items() if value}


class EnterProfileForm(forms.Form):
    scores = forms.CharField(
        required=False,
        max_length=200,
        label="Scores you already have",
        help_text="Any scale, e.g. R=2,I=3,A=7,S=4,E=6,C=1",
    )
    code = forms.CharField(
        required=False, max_length=10, label="Or a Holland code", help_text="e.g. AES"
    )

    def clean(self):
        data = super().clean()
        scores, code = data.get("scores", "").strip(), data.get("code", "").strip()
        if bool(scores) == bool(code):
            raise forms.ValidationError("Give your scores or a Holland code (one of the two).")
        try:
            data["parsed"] = ("scores", parse_scores(scores)) if scores else ("code", code)
            if code:
                parse_code(code)
        except Refused as error:
            self.add_error("scores" if scores else "code", str(error).split(": ", 1)[-1])
        return data


class GoalsForm(forms.Form):
    min_wage = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_WAGE_FLOOR,
        label="Earnings floor (a year, $)",
        help_text="Leave empty for none.",
    )
    wage_area = forms.ChoiceField(choices=Goals.Area.choices, label="Judged")
    max_job_zone = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        label="Preparation you are willing to do",
        choices=[
            ("", "Any"),
            *((z, f"Up to job zone {z}: {t}") for z, t in PREPARATION.items()),
        ],
    )
    work_values = forms.MultipleChoiceField(
        required=False,
        choices=[(v, v) for v in WORK_VALUES],
        widget=forms.CheckboxSelectMultiple,
        label="Work values that matter to you",
    )

    def __init__(self, *args, skills: list[str], context: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices, label in (
            ("skills", skills, "Skills you want to use"),
            ("work_context", context, "Work context you want"),
        ):
            if choices:
                self.fields[name] = forms.MultipleChoiceField(
                    required=False,
                    choices=[(c, c) for c in choices],
                    widget=forms.SelectMultiple(attrs={"size": 6}),
                    label=label,
                )
