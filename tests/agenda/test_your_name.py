"""On the first visit Today asks the user's name, so drafts never say 'My name is root'."""

from django.test import Client
from django.urls import reverse

from infointerview.accounts.models import Profile
from infointerview.accounts.services import create_owner, profile_for


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_today_asks_the_name_of_a_user_without_one(db):
    browser = signed_in(create_owner("root"))
    page = browser.get(reverse("agenda:today")).content.decode()
    assert "What is your name?" in page
    assert 'name="full_name"' in page


def test_the_name_given_is_kept_and_not_asked_again(db):
    root = create_owner("root")
    browser = signed_in(root)
    response = browser.post(reverse("agenda:today"), {"full_name": "  Jordan   Reyes "})
    assert response["Location"] == reverse("agenda:today")
    assert Profile.objects.get(owner=root).full_name == "Jordan Reyes"
    page = browser.get(reverse("agenda:today")).content.decode()
    assert "What is your name?" not in page
    assert "Thank you, Jordan Reyes" in page


def test_not_now_is_remembered_and_changes_nothing(db):
    root = create_owner("root")
    browser = signed_in(root)
    browser.post(reverse("agenda:today"), {"full_name": ""})
    assert profile_for(root).full_name == ""
    page = browser.get(reverse("agenda:today")).content.decode()
    assert "What is your name?" not in page
    assert "change it in Settings" in page


def test_a_user_with_a_name_is_not_asked(alice_client):
    page = alice_client.get(reverse("agenda:today")).content.decode()
    assert "What is your name?" not in page


def test_a_name_too_long_is_refused_and_nothing_is_saved(db):
    root = create_owner("root")
    browser = signed_in(root)
    response = browser.post(reverse("agenda:today"), {"full_name": "x" * 201}, follow=True)
    assert "at most 200 characters" in response.content.decode()
    assert profile_for(root).full_name == ""


def test_an_account_without_a_profile_gets_one(db):
    root = create_owner("root")
    Profile.objects.filter(owner=root).delete()
    signed_in(root).post(reverse("agenda:today"), {"full_name": "Jordan Reyes"})
    assert Profile.objects.get(owner=root).full_name == "Jordan Reyes"
