from django import forms
from django.urls import reverse_lazy

from infointerview.accounts.validation import DayField
from infointerview.careers.lists import close_names
from infointerview.careers.models import Level, TargetOccupation
from infointerview.lib.errors import Refused
from infointerview.people.models import LeadCall, Source
from infointerview.people.services import clean_emails
from infointerview.people.submissions import SubmittedOnce


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


class OccupationInput(forms.TextInput):
    """The name of a list: the user's lists offered as they type, and 'did you mean …?'
    (from the server, by htmx) for a near miss of a list or an O*NET title."""

    template_name = "people/widgets/occupation.html"

    def __init__(self, attrs=None):
        super().__init__(
            {
                "list": "occupation-lists",
                "autocomplete": "off",
                "hx-get": reverse_lazy("people:occupation_suggestions"),
                "hx-trigger": "input changed delay:400ms",
                "hx-target": "#occupation-suggestions",
                "aria-describedby": "occupation-suggestions",
                **(attrs or {}),
            }
        )
        self.lists: list[str] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["lists"] = self.lists
        return context


NEW_LIST_LABEL = "Start a new list with this name"


class ListsOffered:
    """Forms with an occupation field offer the owner's lists in it, and refuse a near
    miss of one (as the command line does) unless the user ticks 'start a new list'."""

    owner = None

    def offer_lists(self, owner) -> None:
        self.owner = owner
        names = TargetOccupation.objects.filter(owner=owner).values_list("name", flat=True)
        self.fields["occupation"].widget.lists = list(names)

    def clean(self):
        cleaned = super().clean()
        occupation = cleaned.get("occupation")
        if occupation and self.owner is not None and not cleaned.get("new_occupation"):
            close = close_names(self.owner, occupation)
            if close:
                names = " or ".join(f"“{name}”" for name in close)
                self.add_error(
                    "occupation",
                    f"Did you mean {names}? Tick “{NEW_LIST_LABEL}” to keep “{occupation}”.",
                )
        cleaned.pop("new_occupation", None)
        return cleaned


class PersonForm(ListsOffered, SubmittedOnce):
    name = forms.CharField(max_length=200)
    # Shown as a checkbox only once the name turns out to be listed already.
    add_anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)
    address_as = forms.CharField(
        max_length=200,
        required=False,
        label="How to address them",
        help_text="As in “Dear …,”: e.g. Dana, Ms. Lee, Dr. Lee. Empty: the full name.",
    )
    occupation = forms.CharField(max_length=200, required=False, widget=OccupationInput)
    new_occupation = forms.BooleanField(required=False, label=NEW_LIST_LABEL)
    level = forms.ChoiceField(choices=Level.choices, initial=Level.ENTRY)
    job_title = forms.CharField(max_length=200, required=False)
    organization = forms.CharField(max_length=200, required=False)
    linkedin_url = forms.URLField(
        max_length=200, required=False, label="LinkedIn profile", assume_scheme="https"
    )
    source = forms.ChoiceField(choices=Source.choices, label="Where the name came from")
    source_detail = forms.CharField(
        max_length=200, required=False, label="Detail", help_text="e.g. Alumni office list 2026"
    )
    introduced_by = forms.CharField(
        max_length=200, required=False, help_text="Who introduced or referred them"
    )
    emails = forms.CharField(
        required=False, label="E-mail", help_text="Several: separate by commas"
    )
    phones = forms.CharField(required=False, label="Telephone")
    postal_address = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    tags = forms.CharField(required=False, help_text="Separate by commas")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def clean_emails(self) -> str:
        """Checked here too, so that a bad address is shown beside its box with the rest."""
        try:
            clean_emails(_split(self.cleaned_data["emails"]))
        except Refused as error:
            raise forms.ValidationError(str(error)) from None
        return self.cleaned_data["emails"]

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        for apart in ("address_as", "submission", "add_anyway"):
            data.pop(apart)
        data["emails"] = _split(data["emails"])
        data["phones"] = _split(data["phones"])
        data["tags"] = _split(data["tags"])
        data["introduced_by"] = data["introduced_by"] or None
        return data

    def how_to_address(self) -> str:
        return self.cleaned_data["address_as"].strip()

    def ask_to_confirm(self, listed: str) -> None:
        """'there is already a Dana Lee (Graphic Designers) — add anyway?', with the box."""
        self.fields["add_anyway"].widget = forms.CheckboxInput()
        self.fields["add_anyway"].label = "Add anyway"
        self.add_error("add_anyway", f"{listed} — add anyway?")


class LeadForm(ListsOffered, SubmittedOnce):
    organization = forms.CharField(max_length=200)
    occupation = forms.CharField(max_length=200, widget=OccupationInput)
    new_occupation = forms.BooleanField(required=False, label=NEW_LIST_LABEL)
    department = forms.CharField(
        max_length=200, required=False, help_text="Whom to ask for, e.g. the design department"
    )
    phone = forms.CharField(max_length=50, required=False)
    call_script = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Leave empty for the suggested script",
    )


class LeadCloseForm(forms.Form):
    reason = forms.CharField(max_length=300, required=False, label="What happened")


class LeadNamedForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name they gave you")
    job_title = forms.CharField(max_length=200, required=False)
    phone = forms.CharField(max_length=50, required=False, label="Direct telephone")


class LeadCallForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=LeadCall.Outcome.choices, widget=forms.RadioSelect, label="What happened"
    )
    on = DayField(label="Called on")
    note = forms.CharField(max_length=500, required=False)
