"""A day reads the same on a page, in a notice and on the command line."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.cli import main
from infointerview.interviews.models import Interview
from infointerview.lib.day_words import long_day, long_moment
from infointerview.outreach.models import ContactRequest
from tests.conftest import CHICAGO


def test_the_next_call_day_reads_the_same_in_the_notice_the_page_and_the_terminal(
    alice_client, alice, dana, capsys
):
    alice_client.post(reverse("outreach:draft", args=[dana.public_id]), {"channel": "email"})
    today = profile_for(alice).today(timezone.now())
    response = alice_client.post(
        reverse("outreach:sent", args=[dana.public_id]), {"on": str(today)}, follow=True
    )
    due = ContactRequest.objects.get(person=dana).next_call_on
    words = long_day(due)
    assert f"due {words}." in response.content.decode()  # the notice
    person_page = alice_client.get(reverse("agenda:person", args=[dana.public_id]))
    assert f"due <strong>{words}</strong>" in person_page.content.decode()
    assert main(["--user", "alice", "today", "--on", str(due)]) == 0
    assert f"Today, {words}" in capsys.readouterr().out


def test_an_interview_time_reads_the_same_on_its_pages_and_in_the_terminal(
    alice_client, alice, dana, capsys
):
    day = profile_for(alice).today(timezone.now()) + timedelta(days=9)
    when = f"{day} 23:30"
    assert main(["--user", "alice", "interview", "schedule", "Dana Lee", "--at", when]) == 0
    interview = Interview.objects.get(person=dana)
    words = long_moment(interview.starts_at.astimezone(CHICAGO))
    assert words.endswith(" at 23:30")
    assert words in capsys.readouterr().out
    for page in (
        reverse("agenda:person", args=[dana.public_id]),
        reverse("interviews:detail", args=[interview.public_id]),
    ):
        assert words in alice_client.get(page).content.decode(), page
