"""The subscription address is shown once, when made; a new one revokes the old."""

import re

from django.urls import reverse
from django.utils import timezone

from infointerview.agenda.calendar import new_feed_token
from infointerview.agenda.models import CalendarFeed
from infointerview.lib.day_words import letter_day


def shown_address(response) -> str:
    [address] = re.findall(r'value="http://testserver(/calendar/feed/[^"]+)"', response.text)
    return address


def test_making_an_address_shows_it_once(alice_client, alice):
    page = alice_client.get(reverse("agenda:calendar"))
    assert "You have no address yet." in page.text
    assert "/calendar/feed/" not in page.text
    assert not CalendarFeed.objects.exists()  # looking made nothing

    made = alice_client.post(reverse("agenda:new_feed_address"))

    assert made.status_code == 200
    assert made["Cache-Control"] == "no-store"
    assert "Copy this address now: it is shown only this once." in made.text
    address = shown_address(made)
    assert alice_client.get(address).status_code == 200
    again = alice_client.get(reverse("agenda:calendar"))
    assert "/calendar/feed/" not in again.text
    made_on = letter_day(timezone.localtime(CalendarFeed.objects.get().created_at))
    assert f"Your address was shown once, when it was made on {made_on};" in again.text
    assert "Make a new address" in again.text


def test_a_new_address_works_and_the_old_one_stops(alice_client, alice):
    old = reverse("agenda:feed", args=[new_feed_token(alice)])
    response = alice_client.post(reverse("agenda:new_feed_address"))
    assert response.status_code == 200
    assert "New address made; the old one no longer works." in response.text
    new = shown_address(response)
    assert new != old
    assert alice_client.get(old).status_code == 404
    assert alice_client.get(new).status_code == 200


def test_another_users_new_address_leaves_mine_working(bob_client, alice, bob):
    mine = reverse("agenda:feed", args=[new_feed_token(alice)])
    bobs = reverse("agenda:feed", args=[new_feed_token(bob)])
    response = bob_client.post(reverse("agenda:new_feed_address"))
    assert response.status_code == 200
    assert bob_client.get(bobs).status_code == 404
    assert bob_client.get(shown_address(response)).status_code == 200
    assert bob_client.get(mine).status_code == 200


def test_the_database_holds_only_a_hash_of_the_address(alice):
    token = new_feed_token(alice)
    [stored] = CalendarFeed.objects.values_list("token_hash", flat=True)
    assert token not in stored
    assert len(stored) == 64


LOCAL_ONLY = "only this computer can reach"


def test_on_a_local_address_the_download_comes_first_and_subscribing_is_explained(
    alice_client,
):
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
        page = alice_client.get(reverse("agenda:calendar"), HTTP_HOST=host).text
        assert LOCAL_ONLY in page, host
        assert page.index("<h2>Download</h2>") < page.index("<h2>Subscribe</h2>")


def test_on_a_public_address_subscribing_comes_first(alice_client, settings):
    settings.ALLOWED_HOSTS = ["careers.example.edu"]
    page = alice_client.get(reverse("agenda:calendar"), HTTP_HOST="careers.example.edu").text
    assert LOCAL_ONLY not in page
    assert page.index("<h2>Subscribe</h2>") < page.index("<h2>Download</h2>")
