from django import forms

from infointerview.careers.models import Level, TargetOccupation


class TargetForm(forms.Form):
    name = forms.CharField(max_length=200, label="Occupation", help_text="e.g. Graphic Designers")
    level = forms.ChoiceField(choices=Level.choices, label="Level you would enter at")
    why = forms.CharField(max_length=500, required=False, label="Why it interests you")


class ShortlistForm(forms.Form):
    level = forms.ChoiceField(choices=Level.choices, label="Level you would enter at")
    why = forms.CharField(max_length=500, required=False, label="Why it interests you")


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=TargetOccupation.Status.choices)
    why = forms.CharField(max_length=500, required=False, label="Why")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)


class RenameForm(forms.Form):
    name = forms.CharField(max_length=200, label="New name")


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        queryset=TargetOccupation.objects.none(),
        label="Merge into",
        help_text="Its people, leads and research join that list, after its own.",
        to_field_name="public_id",
    )

    def __init__(self, *args, target: TargetOccupation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = TargetOccupation.objects.filter(
            owner_id=target.owner_id
        ).exclude(pk=target.pk)
