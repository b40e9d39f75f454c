from django import forms

from infointerview.accounts.validation import DayField
from infointerview.outreach.models import Channel


class DraftForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices, widget=forms.RadioSelect)
    call_on = DayField(
        required=False,
        label="I will telephone on",
        help_text="Letters and e-mails: leave empty for 3 business days (e-mail) or 5 (letter).",
    )


class SentForm(forms.Form):
    on = DayField(label="Sent on")

    def __init__(self, *args, **kwargs):
        # Its "on" shares a page with the log form's: the ids must differ.
        kwargs.setdefault("auto_id", "sent_%s")
        super().__init__(*args, **kwargs)


class TemplateForm(forms.Form):
    subject = forms.CharField(max_length=300, required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}))


class AttemptForm(forms.Form):
    """Correcting one attempt; ids carry the attempt's, as a page lists several."""

    on = DayField(label="On")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, data=None, *, attempt):
        super().__init__(
            data,
            initial={"on": attempt.on, "note": attempt.note},
            auto_id=f"attempt-{attempt.public_id}-%s",
        )
        self.attempt = attempt
