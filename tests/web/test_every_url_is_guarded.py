"""Every URL the app serves, asked by an anonymous visitor and by another signed-in user.

The URLs come from the resolver, so a new page is probed the day it is added: this file
must say how to fill its arguments (with alice's real ids) and whether it is public,
or the first test fails naming it. Anonymous visitors are sent to sign in (or refused);
bob, signed in, gets a 404 for alice's ids and his own empty pages elsewhere. Neither
ever sees a word of alice's, and nothing of hers changes, whatever they GET or POST.

Static files are served by whitenoise before the URL configuration is consulted, so
they are not among these URLs; they hold nobody's data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from infointerview.agenda.calendar import new_feed_token
from infointerview.agenda.export import export_data
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_to_shortlist
from infointerview.interviews import afterwards, planning, research
from infointerview.interviews.services import schedule
from infointerview.outreach.services import draft, log_outcome, save_template
from infointerview.people.leads import add_lead
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release
from tests.conftest import NOW, WEDNESDAY, at
from tests.post_coverage import not_recorded

CODE = "27-9001.00"  # Widget Designers, in the O*NET test release

# Words only alice's rows hold: none may appear on a page anyone else is shown.
ALICES_WORDS = [
    "Alice Moreno",
    "Dana Lee",
    "Brightline Studio",
    "Ulla Quillfeather",
    "Zephyrine Works",
    "moonlit-ledger-note",
    "saffron-template-wording",
    "obsidian-insight",
    "cobalt-research-title",
    "vermilion-question",
    "heliotrope-why",
]

# How to fill each page's arguments: the name of one of alice's things (see `alices_things`)
# or a literal value. A page with alice's id in it must be a 404 (or 403/405) for bob.
FILL: dict[str, dict[str, str]] = {
    "agenda:today": {},
    "agenda:progress": {},
    "agenda:people": {},
    "agenda:person": {"public_id": "person"},
    "agenda:move_person": {"public_id": "person", "direction": "=up"},
    "agenda:log_outcome": {"public_id": "person"},
    "agenda:occupation": {"code": f"={CODE}"},
    "agenda:settings": {},
    "agenda:save_profile": {},
    "agenda:set_password": {},
    "agenda:delete_account": {},
    "agenda:export_json": {},
    "agenda:export_people_csv": {},
    "agenda:calendar": {},
    "agenda:new_feed_address": {},
    "agenda:export": {},
    "agenda:call": {"public_id": "phone_request"},
    "agenda:interview_ics": {"public_id": "interview"},
    "careers:targets": {},
    "careers:target_status": {"public_id": "target"},
    "careers:target_proposal": {"public_id": "target"},
    "careers:rename_target": {"public_id": "target"},
    "careers:merge_target": {"public_id": "target"},
    "careers:explore": {},
    "careers:shortlist_occupation": {"code": f"={CODE}"},
    "people:add": {},
    "people:import_contacts": {},
    "people:confirm_import": {},
    "people:occupation_suggestions": {},
    "people:occupation_input": {},
    "people:edit": {"public_id": "person"},
    "people:delete": {"public_id": "person"},
    "people:onet_proposal": {"public_id": "person"},
    "people:occupation_matches": {},
    "people:confirm_occupation_match": {"public_id": "person"},
    "people:pick_occupation_match": {"public_id": "person"},
    "people:not_sure_occupation_match": {"public_id": "person"},
    "people:add_lead": {},
    "people:lead": {"public_id": "lead"},
    "people:close_lead": {"public_id": "lead"},
    "outreach:draft": {"public_id": "person"},
    "outreach:sent": {"public_id": "person"},
    "outreach:introduced": {"public_id": "person"},
    "outreach:request": {"public_id": "email_request"},
    "outreach:letter": {"public_id": "email_request"},
    "outreach:eml": {"public_id": "email_request"},
    "outreach:practice": {"public_id": "phone_request"},
    "outreach:next_name_seen": {"public_id": "email_request"},
    "outreach:templates": {},
    "outreach:template": {"channel": "=email"},
    "outreach:reset_template": {"channel": "=email"},
    "interviews:schedule": {"person_id": "person"},
    "interviews:detail": {"public_id": "interview"},
    "interviews:reschedule": {"public_id": "interview"},
    "interviews:cancel": {"public_id": "interview"},
    "interviews:plan": {"public_id": "interview"},
    "interviews:plan_purposes": {"public_id": "interview"},
    "interviews:plan_question": {"public_id": "interview"},
    "interviews:plan_print": {"public_id": "interview"},
    "interviews:conduct": {"public_id": "interview"},
    "interviews:notes": {"public_id": "interview"},
    "interviews:referral": {"public_id": "interview"},
    "interviews:afterwards": {"public_id": "interview"},
    "interviews:thanks_sent": {"public_id": "interview", "person_id": "person"},
    "interviews:research": {"public_id": "interview"},
    "agenda:occupation_research": {"code": f"={CODE}"},
    "interviews:kept_in_touch": {"public_id": "interview"},
    "interviews:plan_question_edit": {"public_id": "interview", "question_id": "question"},
    "interviews:plan_question_remove": {"public_id": "interview", "question_id": "question"},
    "interviews:plan_question_up": {"public_id": "interview", "question_id": "question"},
    "interviews:plan_question_down": {"public_id": "interview", "question_id": "question"},
    "people:log_lead_call": {"public_id": "lead"},
    "outreach:edit_attempt": {"public_id": "attempt"},
    "agenda:undo_attempt": {"public_id": "person"},
    "careers:start_download": {},
    "careers:upload_data": {},
    "careers:fields": {},
    "careers:field": {"group": "=27"},
    "careers:interests": {},
    "careers:questionnaire": {},
    "careers:save_answers": {},
    "careers:enter_profile": {},
    "careers:goals": {},
    "careers:matches": {},
    "careers:shortlist_match": {"code": f"={CODE}"},
    "agenda:duplicates": {},
    "agenda:merge_people": {},
    "agenda:different_people": {},
    "agenda:knows": {"public_id": "person"},
    "agenda:forget_knows": {"public_id": "person", "other_id": "person"},
    "agenda:introduction_through": {"public_id": "person", "introducer_id": "person"},
    "agenda:put_on_list": {"public_id": "person", "target_id": "target"},
    "agenda:compare": {},
}


@dataclass
class Public:
    """A URL anyone may ask for, and the statuses it answers an anonymous GET and POST with."""

    arguments: dict[str, str]
    get: set[int]
    post: set[int]


PUBLIC: dict[str, Public] = {
    # The sign-in form; bob, already signed in, is sent on to Today.
    "accounts:login": Public({}, get={200}, post={200}),
    "accounts:logout": Public({}, get={405}, post={302}),
    # A made-up link: GET only shows the button, POST says the link does not work.
    "accounts:sign_in_link": Public({"token": "=not-a-real-token"}, get={200}, post={410}),
    # The calendar feed's token is its key: a made-up one finds nothing.
    "agenda:feed": Public({"token": "=not-a-real-token"}, get={404}, post={405}),
}


@pytest.fixture
def alices_things(alice, dana, tmp_path):
    """One of everything alice can have, each holding words only she has written."""
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    target = add_to_shortlist(alice, CODE, why="heliotrope-why")
    ulla = add_person(
        alice,
        "Ulla Quillfeather",
        occupation=target.name,
        introduced_by=dana,
        notes="moonlit-ledger-note",
    )
    email_request = draft(alice, dana, "email", today=WEDNESDAY)
    phone_request = draft(alice, ulla, "phone", today=WEDNESDAY)
    logged = log_outcome(alice, ulla, "no-answer", on=WEDNESDAY, note="moonlit-ledger-note")
    lead = add_lead(alice, "Zephyrine Works", target.name)
    save_template(alice, "email", "Hello", "saffron-template-wording {{ their_name }}")
    interview = schedule(alice, dana, at("2026-11-30 10:00"))
    planning.build_plan(alice, interview)
    question = planning.add_own_question(alice, interview, "vermilion-question?")
    afterwards.record_learning(alice, interview, learned="obsidian-insight", fit_rating=4, now=NOW)
    afterwards.thank_you(alice, interview)
    research.add_entry(alice, subject="occupation", title="cobalt-research-title", onet_code=CODE)
    research.add_entry(alice, subject="person", title="cobalt-research-title", interview=interview)
    new_feed_token(alice)
    yield {
        "person": dana,
        "target": target,
        "lead": lead,
        "email_request": email_request,
        "phone_request": phone_request,
        "interview": interview,
        "attempt": logged.attempt,
        "question": question,
    }
    cache.forget()


def _patterns(patterns=None, prefix: str = "", namespace: str = ""):
    """(view name, route with <converter:name> parts) for every URL, includes walked."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


def _fill(route: str, arguments: dict[str, str], things: dict) -> str:
    def value(found: re.Match) -> str:
        wanted = arguments[found[1]]
        return wanted[1:] if wanted.startswith("=") else str(things[wanted].public_id)

    return "/" + re.sub(r"<(?:[^>:]+:)?([^>]+)>", value, route)


def _arguments_in(route: str) -> set[str]:
    return set(re.findall(r"<(?:[^>:]+:)?([^>]+)>", route))


def test_every_url_is_known_here():
    problems = []
    for name, route in _patterns():
        known = FILL.get(name, PUBLIC[name].arguments if name in PUBLIC else None)
        if known is None:
            problems.append(f"{name} ({route}): add it to FILL, or to PUBLIC if anyone may ask")
        elif set(known) != _arguments_in(route):
            problems.append(f"{name} ({route}): FILL gives {sorted(known)}")
    stale = (set(FILL) | set(PUBLIC)) - {name for name, _ in _patterns()}
    problems += [f"{name}: no such URL any more" for name in sorted(stale)]
    assert not problems, "\n".join(problems)


def _leaks(response) -> list[str]:
    body = b"".join(response) if response.streaming else response.content
    text = body.decode(errors="replace")
    return [word for word in ALICES_WORDS if word.lower() in text.lower()]


def _urls(things) -> list[tuple[str, str, dict[str, str]]]:
    urls = []
    for name, route in _patterns():
        arguments = FILL.get(name) or (PUBLIC[name].arguments if name in PUBLIC else {})
        url = _fill(route, arguments, things)
        assert resolve(url).view_name == name, url
        urls.append((name, url, arguments))
    return urls


def _is_alices(arguments: dict[str, str]) -> bool:
    return any(not value.startswith("=") for value in arguments.values())


def test_anonymous_visitors_are_sent_to_sign_in_and_see_nothing(alice, alices_things):
    before = export_data(alice, NOW)
    client = Client()
    login = reverse("accounts:login")
    problems = []
    with not_recorded():
        for name, url, _ in _urls(alices_things):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                status = response.status_code
                problems += [f"{method.upper()} {url}: shows {w!r}" for w in _leaks(response)]
                if name in PUBLIC:
                    expected = getattr(PUBLIC[name], method)
                    if status not in expected:
                        problems.append(f"{method.upper()} {url}: {status}, not {expected}")
                elif status == 302:
                    if not response["Location"].startswith(login + "?"):
                        problems.append(f"{method.upper()} {url}: sent to {response['Location']}")
                elif status not in (403, 404, 405):
                    problems.append(f"{method.upper()} {url}: {status} to an anonymous visitor")
    assert not problems, "\n".join(problems)
    assert export_data(alice, NOW) == before


def test_another_user_gets_404_for_her_ids_and_only_his_own_pages(alice, bob, alices_things):
    before = export_data(alice, NOW)
    client = Client(raise_request_exception=False)
    problems = []
    with not_recorded():
        for _name, url, arguments in _urls(alices_things):
            for method in ("get", "post"):
                # Signed in afresh each time: bob's POST to sign out must not end the probe.
                client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
                response = getattr(client, method)(url)
                status = response.status_code
                where = f"{method.upper()} {url}"
                problems += [f"{where}: shows {word!r}" for word in _leaks(response)]
                if status >= 500:
                    problems.append(f"{where}: {status}")
                elif _is_alices(arguments) and status not in (403, 404, 405):
                    problems.append(f"{where}: {status} with alice's id, not 404")
    assert not problems, "\n".join(problems)
    assert export_data(alice, NOW) == before


def test_another_users_own_calendar_feed_holds_nothing_of_hers(bob, alices_things):
    response = Client().get(reverse("agenda:feed", args=[new_feed_token(bob)]))
    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.content
    assert not _leaks(response)


def test_the_owner_reaches_each_page_with_her_ids(alice, alices_things):
    """The ids used above are real: the same GETs answer alice herself."""
    client = Client(raise_request_exception=False)
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    problems = []
    for _name, url, arguments in _urls(alices_things):
        if not _is_alices(arguments):
            continue
        status = client.get(url).status_code
        if status not in (200, 405):
            problems.append(f"GET {url}: {status} for alice")
    assert not problems, "\n".join(problems)
