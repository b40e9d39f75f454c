"""Forms of the pages that span stages: Settings, and recording what happened on a call."""

from functools import cache
from zoneinfo import available_timezones

from django import forms

from infointerview.accounts.models import Profile
from infointerview.accounts.validation import DayField, MomentField
from infointerview.careers.models import WageEstimate
from infointerview.interviews.models import Interview
from infointerview.outreach.models import Outcome
from infointerview.web import LongSelect

# Where the time zones people pick from are: "America/Chicago", not the older aliases
# ("US/Central", "CST6CDT") or names such as "Factory" and "localtime".
REGIONS = {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia"}
REGIONS |= {"Europe", "Indian", "Pacific"}


@cache
def _time_zones() -> list[tuple[str, str]]:
    """Read from the system's time zone files once: a walk of hundreds of them per page
    cost Settings a third of its time."""
    zones = [zone for zone in available_timezones() if zone.split("/")[0] in REGIONS]
    return [("UTC", "UTC"), *((zone, zone) for zone in sorted(zones))]


def _areas(area_types: list[int]) -> list[tuple[str, str]]:
    rows = (
        WageEstimate.objects.filter(soc_code="00-0000", area_type__in=area_types)
        .order_by("area_title")
        .values_list("area_code", "area_title")
    )
    return [("", "—"), *rows]


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=[],
        widget=LongSelect,
        help_text="Days and times are shown in it. An interview already planned keeps its "
        "moment, so after a change its clock time reads in the new zone.",
    )
    wage_state = forms.ChoiceField(
        choices=[], required=False, label="Your state, for wages", widget=LongSelect
    )
    wage_metro = forms.ChoiceField(
        choices=[], required=False, label="Your area, for wages", widget=LongSelect
    )

    class Meta:
        model = Profile
        fields = Profile.USER_FIELDS
        labels = {"full_name": "Your name", "introduction": "About you, in one line"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zones = _time_zones()
        current = self.instance.time_zone
        if current and current not in dict(zones):  # an alias set before: still shown, kept
            zones = [(current, current), *zones]
        self.fields["time_zone"].choices = zones
        self.fields["wage_state"].choices = _areas([2, 3])
        self.fields["wage_metro"].choices = _areas([4, 6])
        if len(self.fields["wage_state"].choices) == 1:
            self.fields["wage_state"].help_text = "Import OEWS wages to choose one."


class LogForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices)
    on = DayField(label="On")
    call_back_on = DayField(required=False, label="Call back on")
    referred_name = forms.CharField(max_length=200, required=False, label="Referred to")
    interview_at = MomentField(required=False, label="Meeting at")
    mode = forms.ChoiceField(choices=Interview.Mode.choices, initial=Interview.Mode.IN_PERSON)
    place = forms.CharField(max_length=300, required=False, label="Address or video link")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
