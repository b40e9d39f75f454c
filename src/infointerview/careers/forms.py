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
    into = forms.ChoiceField(
        label="Merge into",
        help_text="Its people, leads and research join that list, after its own.",
    )

    def __init__(self, *args, target: TargetOccupation, others: list[TargetOccupation], **kwargs):
        """The other lists come in from the page, which has them already."""
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [
            (str(other.public_id), other.name) for other in others if other.pk != target.pk
        ]
