"""Once they agreed, the person's page leads with the interview, and says how far it got."""

from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.agenda.outcomes import record_outcome
from infointerview.interviews.afterwards import mark_thanks_sent, thank_you
from infointerview.interviews.services import cancel, record_interview, schedule
from tests.conftest import at


def page(client, person) -> str:
    return client.get(reverse("agenda:person", args=[person.public_id])).content.decode()


def test_after_agreed_the_interview_comes_before_the_contact_forms(alice_client, alice, dana):
    today = profile_for(alice).today(timezone.now())
    result = record_outcome(
        alice, dana, "agreed", on=today, interview_at=at("2099-03-02 10:00"), place="Studio 5"
    )
    interview = result.interview
    html = page(alice_client, dana)
    lead = html.index("Your interview is coming up")
    assert lead < html.index("<h2>Contact</h2>") and lead < html.index("Log what happened")
    assert "Monday, March 2, 2099 at 10:00" in html and "Studio 5" in html
    for step in ("plan", "conduct", "afterwards"):
        assert reverse(f"interviews:{step}", args=[interview.public_id]) in html
    assert reverse("agenda:interview_ics", args=[interview.public_id]) in html
    assert "<summary>Contact and calls</summary>" in html
    assert "Interviewed</span>" not in html and "Thanked</span>" not in html


def test_once_held_the_person_is_interviewed_and_afterwards_is_the_next_step(
    alice_client, alice, dana
):
    record_interview(alice, dana, at("2026-01-05 10:00"), now=timezone.now())
    html = page(alice_client, dana)
    assert '<span class="badge status-held">Interviewed</span>' in html
    assert "Thanked</span>" not in html
    assert "Your interview</h2>" in html
    assert 'class="button primary" href="/interviews/' in html
    assert "3. Afterwards: thank-you and what you learned" in html


def test_once_the_thank_you_is_sent_the_person_is_thanked(alice_client, alice, dana):
    interview = record_interview(alice, dana, at("2026-01-05 10:00"), now=timezone.now())
    mark_thanks_sent(alice, thank_you(alice, interview), profile_for(alice).today(timezone.now()))
    html = page(alice_client, dana)
    assert '<span class="badge status-held">Interviewed</span>' in html
    assert '<span class="badge status-agreed">Thanked</span>' in html


def test_without_an_interview_the_page_leads_with_contact_as_before(alice_client, alice, dana):
    cancel(alice, schedule(alice, dana, at("2099-03-02 10:00")))
    html = page(alice_client, dana)
    assert "Your interview" not in html and "Contact and calls" not in html
    assert "Schedule an interview" in html
