"""The web pages drive the same services as the command line."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.outreach.models import ContactRequest
from infointerview.people.models import Person


def test_every_page_renders(alice_client, dana):
    urls = [
        reverse("agenda:today"),
        reverse("agenda:people"),
        reverse("people:add"),
        reverse("people:add_lead"),
        reverse("careers:targets"),
        reverse("outreach:templates"),
        reverse("agenda:settings"),
        *[
            reverse("outreach:template", args=[c])
            for c in ["email", "letter", "phone", "introduction"]
        ],
    ]
    for url in urls:
        assert alice_client.get(url).status_code == 200, url


def test_an_unknown_template_channel_is_404(alice_client):
    assert alice_client.get(reverse("outreach:template", args=["pigeon"])).status_code == 404


def test_adding_a_person_through_the_form(alice_client, alice, designers):
    response = alice_client.post(
        reverse("people:add"),
        {
            "name": "Kim Ode",
            "occupation": "Graphic Designers",
            "level": "entry",
            "source": "teacher",
            "emails": "kim@example.com, kim.ode@example.net",
            "tags": "print, web",
        },
    )
    kim = Person.objects.get(owner=alice, name="Kim Ode")
    assert response.status_code == 302
    assert kim.emails == ["kim@example.com", "kim.ode@example.net"]
    assert kim.tags == ["print", "web"]


def test_a_bad_email_keeps_the_form_and_stores_nothing(alice_client, alice):
    response = alice_client.post(
        reverse("people:add"),
        {"name": "Kim", "level": "entry", "source": "friend", "emails": "kim at example"},
    )
    assert response.status_code == 200
    assert b"not an e-mail address" in response.content
    assert not Person.objects.filter(name="Kim").exists()


def test_draft_send_and_log_through_the_web(alice_client, alice, dana):
    alice_client.post(reverse("outreach:draft", args=[dana.public_id]), {"channel": "email"})
    request = ContactRequest.objects.get(person=dana)
    page = alice_client.get(reverse("outreach:request", args=[request.public_id]))
    assert b"mailto:dana%40example.com" in page.content
    today = profile_for(alice).today(timezone.now())
    sent_on = today - timedelta(days=6)
    alice_client.post(reverse("outreach:sent", args=[dana.public_id]), {"on": str(sent_on)})
    request.refresh_from_db()
    assert request.stage == ContactRequest.Stage.SENT
    alice_client.post(
        reverse("agenda:log_outcome", args=[dana.public_id]),
        {"outcome": "no-answer", "on": str(today), "mode": "in-person"},
    )
    assert request.attempts.count() == 1


def test_a_refused_action_shows_the_reason_and_changes_nothing(alice_client, dana):
    response = alice_client.post(
        reverse("outreach:sent", args=[dana.public_id]), {"on": "2026-11-20"}, follow=True
    )
    assert b"nothing drafted for Dana Lee" in response.content
    assert not ContactRequest.objects.exists()


def test_reordering_with_htmx_returns_just_the_list(alice_client, alice, dana):
    from infointerview.people.services import add_person

    ravi = add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    response = alice_client.post(
        reverse("agenda:move_person", args=[ravi.public_id, "up"]), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith("<section")
    assert html.index("Ravi Shah") < html.index("Dana Lee")


def test_an_incomplete_template_is_flagged_on_its_page(alice_client):
    alice_client.post(
        reverse("outreach:template", args=["letter"]),
        {"subject": "", "body": "Dear {{ their_name }}, I am {{ my_name }}."},
    )
    page = alice_client.get(reverse("outreach:template", args=["letter"])).content.decode()
    assert "missing something" in page
    assert "the day you will telephone for an answer" in page
