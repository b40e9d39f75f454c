"""Who you know, on the occupation, shortlist and person pages, and their one-click actions."""

import pytest
from django.urls import reverse

from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_to_shortlist
from infointerview.outreach.models import Channel, ContactRequest
from infointerview.people.acquaintances import acquaintances_of, record_knows
from infointerview.people.models import Acquaintance, Person
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release

CODE = "27-9001.00"  # Widget Designers, in the O*NET test release


@pytest.fixture
def widgets(alice, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    yield add_to_shortlist(alice, CODE)
    cache.forget()


@pytest.fixture
def wendy(alice, widgets):
    """Someone alice knows who designs widgets, on no list yet."""
    wendy = add_person(alice, "Wendy Widget", organization="Acme Widgets")
    wendy.onet_code = CODE
    wendy.save()
    return wendy


def test_the_occupation_page_shows_who_you_know_and_who_can_introduce_you(
    alice_client, alice, wendy
):
    record_knows(alice, add_person(alice, "Kim Ode"), wendy)
    page = alice_client.get(reverse("agenda:occupation", args=[CODE])).content.decode()
    assert 'id="who-you-know"' in page
    assert "Wendy Widget" in page and "knows Wendy Widget" in page
    assert "Put on the list" in page


def test_one_click_puts_the_person_on_the_occupations_list(alice_client, wendy, widgets):
    url = reverse("agenda:put_on_list", args=[wendy.public_id, widgets.public_id])
    response = alice_client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith("#who-you-know")
    wendy.refresh_from_db()
    assert wendy.target == widgets


def test_another_user_cannot_put_alices_person_on_a_list(bob_client, wendy, widgets):
    url = reverse("agenda:put_on_list", args=[wendy.public_id, widgets.public_id])
    assert bob_client.post(url).status_code == 404
    wendy.refresh_from_db()
    assert wendy.target is None


def test_the_shortlist_counts_who_you_know_in_each_occupation(alice_client, wendy):
    page = alice_client.get(reverse("careers:targets")).content.decode()
    assert "Who you know" in page
    assert "1 person in it (1 at your level)" in page


def test_knows_is_recorded_from_the_person_page(alice_client, alice, dana):
    kim = add_person(alice, "Kim Ode")
    url = reverse("agenda:knows", args=[dana.public_id])
    response = alice_client.post(url, {"name": "Kim Ode", "note": "Neighbours"})
    assert response.status_code == 302
    assert acquaintances_of(alice, dana) == [kim]
    page = alice_client.get(reverse("agenda:person", args=[dana.public_id])).content.decode()
    assert "Ask Kim Ode to introduce you" in page


def test_an_unknown_name_is_said_on_the_page_and_nothing_is_recorded(alice_client, dana):
    url = reverse("agenda:knows", args=[dana.public_id])
    response = alice_client.post(url, {"name": "Nobody Here"}, follow=True)
    assert "no person named" in response.content.decode()
    assert not Acquaintance.objects.exists()


def test_a_link_is_removed_from_the_person_page(alice_client, alice, dana):
    kim = add_person(alice, "Kim Ode")
    record_knows(alice, dana, kim)
    url = reverse("agenda:forget_knows", args=[dana.public_id, kim.public_id])
    assert alice_client.post(url).status_code == 302
    assert not Acquaintance.objects.exists()


def test_another_user_cannot_link_or_unlink_alices_people(bob_client, alice, dana):
    kim = add_person(alice, "Kim Ode")
    record_knows(alice, dana, kim)
    assert (
        bob_client.post(reverse("agenda:knows", args=[dana.public_id]), {"name": "Kim"}).status_code
        == 404
    )
    forget = reverse("agenda:forget_knows", args=[dana.public_id, kim.public_id])
    assert bob_client.post(forget).status_code == 404
    assert Acquaintance.objects.count() == 1


def test_an_acquaintance_is_asked_for_the_introduction(alice_client, alice, dana):
    kim = add_person(alice, "Kim Ode", address_as="Kim")
    record_knows(alice, dana, kim)
    url = reverse("agenda:introduction_through", args=[dana.public_id, kim.public_id])
    response = alice_client.post(url)
    request = ContactRequest.objects.get(person=dana)
    assert response["Location"] == reverse("outreach:request", args=[request.public_id])
    assert request.channel == Channel.INTRODUCTION
    assert request.body.startswith("Dear Kim,\n")
    assert "would like to talk with Dana Lee" in request.body
    assert Person.objects.get(pk=dana.pk).introduced_by == kim


def test_someone_not_recorded_as_knowing_them_is_refused(alice_client, alice, dana):
    stranger = add_person(alice, "Sam Stranger")
    url = reverse("agenda:introduction_through", args=[dana.public_id, stranger.public_id])
    response = alice_client.post(url, follow=True)
    assert "is not recorded as knowing Dana Lee" in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert Person.objects.get(pk=dana.pk).introduced_by is None
