"""Research noted before an interview, from the interview's page."""

import pytest
from django.urls import reverse

from infointerview.interviews.models import ResearchEntry
from infointerview.interviews.services import schedule
from tests.conftest import at

READ = {
    "subject": "organization",
    "source_kind": "website",
    "title": "Brightline's website",
    "url": "https://brightline.example/about",
    "notes": "A studio of twelve; mostly packaging.",
}


@pytest.fixture
def interview(alice, dana):
    return schedule(alice, dana, at("2026-12-10 14:30"))


def test_what_was_read_is_kept_with_the_interview_and_its_list(alice_client, dana, interview):
    url = reverse("interviews:detail", args=[interview.public_id])
    response = alice_client.post(reverse("interviews:research", args=[interview.public_id]), READ)
    assert response.status_code == 302 and response["Location"] == url
    entry = ResearchEntry.objects.get(interview=interview)
    assert (entry.subject, entry.source_kind, entry.title, entry.url) == (
        "organization",
        "website",
        "Brightline's website",
        "https://brightline.example/about",
    )
    assert entry.target == dana.target
    page = alice_client.get(url).content.decode()
    assert "Added to your research." in page
    assert "A studio of twelve; mostly packaging." in page


@pytest.mark.parametrize(
    "bad", [{"title": ""}, {"url": "not a link at all"}, {"subject": "gossip"}]
)
def test_an_incomplete_note_says_what_is_missing_and_keeps_nothing(alice_client, interview, bad):
    response = alice_client.post(
        reverse("interviews:research", args=[interview.public_id]), {**READ, **bad}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert '<small class="error">' in page  # beside the field, the rest as typed
    assert "A studio of twelve; mostly packaging.</textarea>" in page
    assert not ResearchEntry.objects.exists()


def test_another_user_cannot_add_research_to_an_interview(bob_client, interview):
    response = bob_client.post(reverse("interviews:research", args=[interview.public_id]), READ)
    assert response.status_code == 404
    assert not ResearchEntry.objects.exists()
