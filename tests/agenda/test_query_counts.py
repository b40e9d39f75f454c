"""Pages do the same number of queries whatever the size of the history behind them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from infointerview.agenda.calendar import new_feed_token
from infointerview.agenda.outcomes import record_outcome
from infointerview.careers.services import add_target
from infointerview.interviews.afterwards import record_learning
from infointerview.interviews.services import schedule
from infointerview.outreach.services import draft
from infointerview.people.leads import add_lead, log_lead_call
from infointerview.people.services import add_person
from tests.conftest import NOW

OUTCOMES = ["no-answer", "declined", "busy", "message"]


def _history(owner, people: int, lists: int):
    """People spread over lists; every third contacted, every tenth met and written up.

    Pages read the real clock, so the history is dated from it; each list ends with a
    refusal, so every size has a next name to propose, and has a twin list nobody on
    which was contacted, so that Today proposes where to start.
    """
    now = timezone.now()
    day = now.date()
    targets = [add_target(owner, f"Occupation {n}") for n in range(lists)]
    for target in targets:
        lead = add_lead(owner, f"Studio for {target.name}", target.name)
        log_lead_call(owner, lead, "no-answer", day - timedelta(days=1), today=day)
    first = None
    for n in range(people):
        person = add_person(owner, f"Person {n}", occupation=targets[n % lists])
        first = first or person
        if n % 3 == 0:
            draft(owner, person, "phone", today=day - timedelta(days=7))
            record_outcome(owner, person, OUTCOMES[n % 4], on=day - timedelta(days=5))
        if n % 10 == 1:
            interview = schedule(owner, person, now - timedelta(days=n % 20 + 1))
            record_learning(owner, interview, fit_rating=4, insights={"pros": "Calm"}, now=now)
    for target in targets:
        last = add_person(owner, f"Last on {target.name}", occupation=target)
        add_person(owner, f"Next on {target.name}", occupation=target)
        draft(owner, last, "phone", today=day - timedelta(days=3))
        record_outcome(owner, last, "declined", on=day - timedelta(days=2))
        # A list nobody has been contacted from: Today proposes its first name.
        untouched = add_target(owner, f"Untouched {target.name}")
        introducer = add_person(owner, f"Introducer for {target.name}")
        add_person(
            owner, f"First on {untouched.name}", occupation=untouched, introduced_by=introducer
        )
    return first


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


PAGES = [
    lambda person: reverse("agenda:today"),
    lambda person: reverse("agenda:people"),
    # The People page filtered by name, by list, and further on: at 10 people the second
    # page is the first again, which must cost the same as a real second page at 1,000.
    lambda person: reverse("agenda:people") + "?q=Person+1",
    lambda person: reverse("agenda:people") + f"?list={person.target.public_id}",
    lambda person: reverse("agenda:people") + "?page=2",
    lambda person: reverse("agenda:people") + f"?q=Person&list={person.target.public_id}&page=2",
    lambda person: reverse("agenda:progress"),
    lambda person: reverse("agenda:person", args=[person.public_id]),
    lambda person: reverse("careers:targets"),
    lambda person: reverse("agenda:settings"),
]


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_a_page_does_as_many_queries_at_1000_people_as_at_10(client, page, db):
    from infointerview.accounts.services import create_owner

    counts = []
    for size, name in ((10, "small"), (1000, "large")):
        owner = create_owner(name, time_zone="America/Chicago")
        person = _history(owner, size, 2)
        client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
        counts.append(_queries(client, PAGES[page](person)))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("page", range(len(PAGES)))
def test_a_page_does_as_many_queries_at_50_lists_as_at_2(client, page, db):
    from infointerview.accounts.services import create_owner

    counts = []
    for lists, name in ((2, "few"), (50, "many")):
        owner = create_owner(name, time_zone="America/Chicago")
        person = _history(owner, 100, lists)
        client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
        counts.append(_queries(client, PAGES[page](person)))
    assert counts[0] == counts[1]


def test_the_feed_does_as_many_queries_at_1000_interviews_as_at_10(client, db):
    from infointerview.accounts.services import create_owner

    counts = []
    for size, name in ((10, "small"), (1000, "large")):
        owner = create_owner(name, time_zone="America/Chicago")
        person = add_person(owner, "Dana Lee", occupation="Graphic Designers")
        for n in range(size):
            schedule(owner, person, NOW + timedelta(hours=n))
        counts.append(_queries(client, reverse("agenda:feed", args=[new_feed_token(owner)])))
    assert counts[0] == counts[1]
