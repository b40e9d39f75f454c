from zoneinfo import available_timezones

from django import forms

from infointerview.accounts.models import Profile


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=[])

    class Meta:
        model = Profile
        fields = ["full_name", "introduction", "email", "phone", "time_zone"]
        labels = {"full_name": "Your name", "introduction": "About you, in one line"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(z, z) for z in sorted(available_timezones())]
