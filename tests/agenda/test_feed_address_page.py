"""A calendar subscription address shared by mistake is replaced, and the old one stops."""

from django.urls import reverse

from infointerview.agenda.calendar import feed_token


def test_a_new_address_works_and_the_old_one_stops(alice_client, alice):
    old = reverse("agenda:feed", args=[feed_token(alice)])
    response = alice_client.post(reverse("agenda:new_feed_address"))
    assert response.status_code == 302 and response["Location"] == reverse("agenda:calendar")
    new = reverse("agenda:feed", args=[feed_token(alice)])
    page = alice_client.get(response["Location"]).content.decode()
    assert "New address made; the old one no longer works." in page
    assert f'value="http://testserver{new}"' in page
    assert new != old
    assert alice_client.get(old).status_code == 404
    assert alice_client.get(new).status_code == 200


def test_another_users_new_address_leaves_mine_working(bob_client, alice, bob):
    mine = reverse("agenda:feed", args=[feed_token(alice)])
    bobs = feed_token(bob)
    assert bob_client.post(reverse("agenda:new_feed_address")).status_code == 302
    assert feed_token(bob) != bobs
    assert bob_client.get(mine).status_code == 200
