"""Settings: what drafts say about the user, and the time zone that decides 'today'."""

from django.urls import reverse

from infointerview.accounts.services import profile_for
from infointerview.outreach.services import draft
from tests.conftest import WEDNESDAY

PROFILE = {
    "full_name": "Alice M. Moreno",
    "introduction": "a design graduate looking at print work",
    "email": "alice.moreno@example.org",
    "phone": "555-0199",
    "time_zone": "Europe/Lisbon",
    "wage_state": "",
    "wage_metro": "",
}


def test_saved_settings_are_what_the_next_draft_says(alice_client, alice, dana):
    response = alice_client.post(reverse("agenda:save_profile"), PROFILE)
    assert response.status_code == 302 and response["Location"] == reverse("agenda:settings")
    alice = type(alice).objects.get(pk=alice.pk)  # as the next request or command sees her
    profile = profile_for(alice)
    assert (profile.full_name, profile.email, profile.time_zone) == (
        "Alice M. Moreno",
        "alice.moreno@example.org",
        "Europe/Lisbon",
    )
    body = draft(alice, dana, "email", today=WEDNESDAY).body
    assert "Alice M. Moreno" in body
    assert "a design graduate looking at print work" in body
    assert "Settings saved." in alice_client.get(response["Location"]).content.decode()


def test_a_new_time_zone_says_that_planned_times_now_read_in_it(alice_client, alice):
    moved = alice_client.post(reverse("agenda:save_profile"), PROFILE, follow=True)
    assert "Times now read in Europe/Lisbon time" in moved.content.decode()
    again = alice_client.post(reverse("agenda:save_profile"), PROFILE, follow=True)
    page = again.content.decode()
    assert "Settings saved." in page and "Times now read" not in page


def test_an_unknown_time_zone_shows_the_form_again_and_saves_nothing(alice_client, alice):
    response = alice_client.post(
        reverse("agenda:save_profile"), {**PROFILE, "time_zone": "Mars/Olympus_Mons"}
    )
    assert response.status_code == 400
    assert "Select a valid choice. Mars/Olympus_Mons is not one of the available choices." in (
        response.content.decode()
    )
    profile = profile_for(alice)
    assert (profile.full_name, profile.time_zone) == ("Alice Moreno", "America/Chicago")


def test_each_user_saves_only_their_own_settings(bob_client, alice, bob):
    response = bob_client.post(reverse("agenda:save_profile"), {**PROFILE, "full_name": "Bob N."})
    assert response.status_code == 302
    assert profile_for(bob).full_name == "Bob N."
    assert profile_for(alice).full_name == "Alice Moreno"
    assert profile_for(alice).time_zone == "America/Chicago"


def test_the_time_zones_offered_are_region_and_city_names(alice_client, alice):
    page = alice_client.get(reverse("agenda:settings")).content.decode()
    for offered in ("UTC", "America/Chicago", "Europe/Lisbon", "Pacific/Auckland"):
        assert f'<option value="{offered}"' in page
    for left_out in ("Factory", "localtime", "US/Pacific", "EST5EDT", "Etc/GMT+5"):
        assert f'<option value="{left_out}"' not in page
    response = alice_client.post(
        reverse("agenda:save_profile"), {**PROFILE, "time_zone": "Factory"}
    )
    assert response.status_code == 400 and profile_for(alice).time_zone == "America/Chicago"


def test_an_older_time_zone_name_set_before_is_still_shown_and_kept(alice_client, alice):
    profile = profile_for(alice)
    profile.time_zone = "US/Pacific"
    profile.save()
    page = alice_client.get(reverse("agenda:settings")).content.decode()
    assert '<option value="US/Pacific" selected>' in page
    response = alice_client.post(
        reverse("agenda:save_profile"), {**PROFILE, "time_zone": "US/Pacific"}
    )
    assert response.status_code == 302 and profile_for(alice).time_zone == "US/Pacific"
