from django import forms

from infointerview.interviews.models import Interview
from infointerview.outreach.models import Channel, Outcome


class DateInput(forms.DateInput):
    input_type = "date"


class DraftForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, widget=forms.RadioSelect)
    call_on = forms.DateField(
        required=False,
        widget=DateInput,
        label="I will telephone on",
        help_text="Letters and e-mails: leave empty for 3 business days (e-mail) or 5 (letter).",
    )


class SentForm(forms.Form):
    on = forms.DateField(widget=DateInput, label="Sent on")


class LogForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices)
    on = forms.DateField(widget=DateInput, label="On")
    call_back_on = forms.DateField(required=False, widget=DateInput, label="Call back on")
    referred_name = forms.CharField(max_length=200, required=False, label="Referred to")
    interview_at = forms.CharField(
        max_length=20,
        required=False,
        label="Meeting at",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    mode = forms.ChoiceField(choices=Interview.Mode.choices, initial=Interview.Mode.IN_PERSON)
    place = forms.CharField(max_length=300, required=False, label="Address or video link")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def clean_interview_at(self) -> str:
        return self.cleaned_data["interview_at"].replace("T", " ")[:16]


class TemplateForm(forms.Form):
    subject = forms.CharField(max_length=300, required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}))
