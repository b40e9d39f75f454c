from django import forms

from infointerview.accounts.validation import DayField, MomentField
from infointerview.interviews.models import Insight, Interview, ResearchEntry
from infointerview.interviews.question_bank import PURPOSES


class MeetingForm(forms.Form):
    starts_at = MomentField(label="Date and time")
    minutes = forms.IntegerField(min_value=5, max_value=180, initial=25, help_text="20–30 is usual")
    mode = forms.ChoiceField(choices=Interview.Mode.choices)
    place = forms.CharField(
        max_length=300, required=False, label="Address or video link", help_text="Optional"
    )


class ScheduleForm(MeetingForm):
    took_place = forms.BooleanField(
        required=False,
        label="This interview already took place",
        help_text="Record it as held, to write the thank-you and what you learned.",
    )


class RescheduleForm(MeetingForm):
    reason = forms.CharField(max_length=300, required=False, label="Reason")


class QuestionForm(forms.Form):
    """A question of the plan, as the user words it."""

    text = forms.CharField(max_length=500, label="Question")
    minutes = forms.FloatField(min_value=0.5, max_value=15, label="Minutes")


class CancelForm(forms.Form):
    reason = forms.CharField(max_length=300, required=False)


class PurposeForm(forms.Form):
    purposes = forms.MultipleChoiceField(
        choices=list(PURPOSES.items()),
        widget=forms.CheckboxSelectMultiple,
        label="What do you want to learn?",
    )


class OwnQuestionForm(forms.Form):
    text = forms.CharField(max_length=500, label="Your own question")
    minutes = forms.FloatField(min_value=0.5, max_value=15, initial=2)


class ReferralForm(forms.Form):
    name = forms.CharField(max_length=200, label="They suggested I talk to")
    note = forms.CharField(max_length=500, required=False, label="Why, or how to reach them")


class LearningForm(forms.Form):
    learned = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label="What I learned"
    )
    fit_rating = forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        required=False,
        label="How well does this work fit me?",
        choices=[
            ("", "—"),
            (1, "1 — not for me"),
            (2, "2"),
            (3, "3 — not sure"),
            (4, "4"),
            (5, "5 — a great fit"),
        ],
    )
    keep_in_touch_on = DayField(required=False, label="Remind me to update them on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in Insight.Kind.choices:
            self.fields[f"insight_{kind}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 2}), required=False, label=label
            )

    def insights(self) -> dict[str, str]:
        return {kind: self.cleaned_data[f"insight_{kind}"] for kind in Insight.Kind.values}


class ResearchForm(forms.Form):
    subject = forms.ChoiceField(choices=ResearchEntry.Subject.choices)
    source_kind = forms.ChoiceField(choices=ResearchEntry.SourceKind.choices, label="Source")
    title = forms.CharField(max_length=300, label="What you read or checked")
    url = forms.URLField(required=False, label="Link", assume_scheme="https")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class OccupationResearchForm(ResearchForm):
    """From an occupation's page, what was read is about the occupation: a note about a
    person or an organization belongs to an interview, whose page shows it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["subject"]

    def entry(self) -> dict:
        return {**self.cleaned_data, "subject": ResearchEntry.Subject.OCCUPATION}
