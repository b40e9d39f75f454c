"""The long selects of Settings are written in one pass and read as Django's would."""

from django import forms

from infointerview.web import LongSelect


class AreaForm(forms.Form):
    area = forms.ChoiceField(
        choices=[("", "—"), ("42660", "Seattle <& Tacoma>"), ("0600000", "California")],
        required=False,
        help_text="For wages",
        widget=LongSelect,
    )


def test_the_chosen_option_is_selected_and_text_is_escaped():
    html = str(AreaForm({"area": "42660"})["area"])
    assert '<option value="42660" selected>Seattle &lt;&amp; Tacoma&gt;</option>' in html
    assert '<option value="0600000">California</option>' in html
    for attribute in ('name="area"', 'id="id_area"', 'aria-describedby="id_area_helptext"'):
        assert attribute in html.split(">")[0]


def test_it_posts_back_what_django_s_own_select_would():
    ours, django = AreaForm({"area": "0600000"}), AreaForm({"area": "0600000"})
    django.fields["area"].widget = forms.Select(choices=django.fields["area"].choices)
    assert ours.is_valid() and django.is_valid()
    assert ours.cleaned_data == django.cleaned_data == {"area": "0600000"}
    assert str(ours["area"]).count("<option") == str(django["area"]).count("<option") == 3


def test_grouped_choices_are_drawn_as_django_draws_them():
    widget = LongSelect(choices=[("West", [("wa", "Washington"), ("or", "Oregon")])])
    assert '<optgroup label="West">' in widget.render("state", "or")


def test_every_hint_on_settings_has_the_id_its_field_points_to(alice_client):
    """Without wages imported, the state's hint says to import them."""
    page = alice_client.get("/accounts/settings/").content.decode()
    assert 'id="id_time_zone"' in page and "selected>America/Chicago</option>" in page
    assert 'aria-describedby="id_wage_state_helptext"' in page
    assert '<small class="hint" id="id_wage_state_helptext">Import OEWS wages' in page
