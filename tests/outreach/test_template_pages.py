"""The user's own wording is saved from its page and can go back to the built-in one."""

from django.urls import reverse

from infointerview.outreach.models import DraftTemplate
from infointerview.outreach.services import save_template


def test_going_back_to_the_built_in_wording_drops_the_users_own(alice_client, alice):
    save_template(alice, "email", "Hello", "My own words about {{ career }}")
    page = alice_client.get(reverse("outreach:template", args=["email"])).content.decode()
    assert reverse("outreach:reset_template", args=["email"]) in page
    response = alice_client.post(reverse("outreach:reset_template", args=["email"]), follow=True)
    assert response.redirect_chain == [(reverse("outreach:template", args=["email"]), 302)]
    assert "Back to the built-in wording." in response.content.decode()
    assert not DraftTemplate.objects.exists()


def test_another_user_cannot_reset_my_wording(bob_client, alice):
    save_template(alice, "email", "Hello", "My own words")
    bob_client.post(reverse("outreach:reset_template", args=["email"]))
    assert DraftTemplate.objects.get().body == "My own words"


def test_an_unknown_channel_is_404(alice_client):
    response = alice_client.post(reverse("outreach:reset_template", args=["pigeon"]))
    assert response.status_code == 404
