"""The widgets drawn without templates are, byte for byte, what Django's templates draw."""

import re
from datetime import date

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe

from infointerview.form_renderer import DRAWN, FormRenderer

HOSTILE = "\"<b>&'</b> \u00e9\u202e \n second line"


class EveryWidget(forms.Form):
    name = forms.CharField(max_length=50, help_text="Who", initial=HOSTILE)
    email = forms.EmailField(required=False)
    age = forms.IntegerField(min_value=1, initial=1000)
    score = forms.FloatField(required=False, initial=2.5)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), initial=date(1900, 1, 1))
    site = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), initial="x")
    hidden = forms.CharField(widget=forms.HiddenInput, initial="<&>")
    agree = forms.BooleanField(required=False, initial=True)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), initial=HOSTILE)
    empty_notes = forms.CharField(widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(choices=[("", "—"), ("a", HOSTILE), ("b", 1000), (3, "Three")])
    grouped = forms.ChoiceField(
        choices=[("", "none"), ("West <&>", [("wa", "Washington"), ("or", "Oregon")])],
        initial="or",
    )
    several = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], initial=["x", "y"])
    flags = forms.CharField(
        widget=forms.TextInput(
            attrs={"autofocus": True, "hidden": False, "data-n": 0, "data-s": mark_safe("<i>")}
        )
    )
    when = forms.ChoiceField(choices=[("d", date(2026, 12, 3))])
    radio = forms.ChoiceField(choices=[("r", "R <&>"), ("s", 2)], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(
        choices=[("p", "P"), ("q", "Q")], widget=forms.CheckboxSelectMultiple, initial=["q"]
    )


def _both(form: forms.Form) -> list[tuple[str, str]]:
    pairs = []
    for field in form:
        ours = field.as_widget()
        field.form.renderer = TemplatesSetting()
        theirs = field.as_widget()
        field.form.renderer = FormRenderer()
        pairs.append((ours, theirs))
    return pairs


@pytest.mark.parametrize("data", [None, {"name": HOSTILE, "age": "x", "kind": "zz"}])
def test_every_widget_is_drawn_as_django_s_templates_draw_it(data):
    form = EveryWidget(data, renderer=FormRenderer())
    form.is_valid()
    for ours, theirs in _both(form):
        assert ours == theirs


@pytest.mark.parametrize("name", ["radio", "boxes"])
def test_each_choice_of_a_group_is_drawn_as_django_draws_it(name):
    ours = EveryWidget({"radio": "s"}, renderer=FormRenderer())[name]
    theirs = EveryWidget({"radio": "s"}, renderer=TemplatesSetting())[name]
    for mine, django in zip(ours, theirs, strict=True):
        assert mine.tag() == django.tag()  # as _form_fields.html draws them
        assert str(mine) == str(django)  # the input inside its label


class WithoutTemplates(FormRenderer):
    def get_template(self, template_name):
        assert template_name not in DRAWN, f"{template_name} went through its template"
        return super().get_template(template_name)


def test_the_drawn_widgets_are_the_common_ones_and_templates_draw_the_rest():
    drawn = {re.sub(r".*/(\w+)\.html", r"\1", name) for name in DRAWN}
    assert {"text", "email", "number", "checkbox", "textarea", "select", "hidden"} <= drawn
    assert "radio" not in drawn  # a whole group is drawn by its templates, each choice is not
    form = EveryWidget(renderer=WithoutTemplates())
    for field in form:
        if field.name in ("radio", "boxes"):
            assert all(choice.tag().startswith("<input") for choice in field)
        else:
            assert field.as_widget().startswith(("<input", "<select", "<textarea"))


def test_the_project_draws_its_forms_with_it(alice_client, dana):
    from django.conf import settings

    assert settings.FORM_RENDERER == "infointerview.form_renderer.FormRenderer"
    page = alice_client.get(f"/people/{dana.public_id}/edit/").content.decode()
    assert 'name="name" value="Dana Lee"' in page
