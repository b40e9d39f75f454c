"""The first and the last moment the app keeps show on every page, export and listing.

The fixed range is 1900-01-01 … 2100-12-31 in the user's own time zone, so a stored
moment may lie up to 14 hours beyond it in UTC. A user in each kind of time zone (the
widest offsets either way, a half-hour one, one that changed by half an hour, and one
with summer time) keeps an interview, calls, a promised call day, attempts, thank-yous,
a keep-in-touch day and research at both ends; every page must answer and show them.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from infointerview.accounts.services import create_owner
from infointerview.agenda.calendar import new_feed_token
from infointerview.agenda.export import export_data
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_to_shortlist
from infointerview.cli import main
from infointerview.interviews.models import Interview, ResearchEntry, ThankYou
from infointerview.lib.dates import FIRST_DAY, LAST_DAY
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.outreach.services import draft, log_outcome
from infointerview.people.models import Person
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release
from tests.conftest import NOW

ZONES = [
    "Etc/GMT-14",  # UTC+14 all along, so 1900-01-01 00:00 is stored as 1899-12-31 10:00 UTC
    "Pacific/Kiritimati",  # UTC+14 now; in 1900 still on its local mean time, -10:29
    "Pacific/Pago_Pago",  # UTC-11
    "Etc/GMT+12",  # UTC-12
    "UTC",
    "America/Chicago",
    "Asia/Kolkata",  # +5:30
    "Australia/Lord_Howe",  # summer time of half an hour
]
CODE = "27-9001.00"  # Widget Designers, in the O*NET test release
FIRST_MOMENT = "1900-01-01 00:00"
LAST_MOMENT = "2100-12-31 23:59"


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    yield
    cache.forget()


def cli(*args: str) -> int:
    return main(["--user", "eve", *args])


def local(text: str, zone: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone))


@pytest.fixture(params=ZONES)
def edges(request, client, onet):
    """Eve, in one time zone, with one of everything at each end of the range.

    Set through the web forms and the command line wherever they accept it; the few
    things no form can set at the edges (a call promised for a day already past, the
    day research was noted) through the services and the rows themselves.
    """
    zone = request.param
    eve = create_owner("eve", full_name="Eve Okafor", time_zone=zone)
    client.force_login(eve, backend="django.contrib.auth.backends.ModelBackend")
    target = add_to_shortlist(eve, CODE)
    first = add_person(eve, "Ada First", occupation=target.name, phones=["555-0101"])
    last = add_person(eve, "Zed Last", occupation=target.name, emails=["zed@example.com"])
    promised = add_person(eve, "Bea Promised", occupation=target.name)

    # The interviews: the first moment on the web (held: it is long past), the last on
    # the command line.
    response = client.post(
        reverse("interviews:schedule", args=[first.public_id]),
        {"starts_at": "1900-01-01T00:00", "minutes": "25", "mode": "phone", "took_place": "on"},
    )
    assert response.status_code == 302, response.content.decode()
    assert cli("interview", "schedule", "Zed Last", "--at", LAST_MOMENT) == 0
    early = Interview.objects.get(person=first)
    late = Interview.objects.get(person=last)

    # Calls: a telephone request called back on the first day (web) ...
    assert cli("outreach", "draft", "Ada First", "--channel", "phone") == 0
    response = client.post(
        reverse("agenda:log_outcome", args=[first.public_id]),
        {"outcome": "no-answer", "on": "1900-01-01", "mode": "in-person"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("agenda:log_outcome", args=[first.public_id]),
        {"outcome": "busy", "on": "1900-01-01", "call_back_on": "1900-01-01", "mode": "phone"},
    )
    assert response.status_code == 302
    # ... an e-mail promising a call on the last day, sent and then called back that day.
    response = client.post(
        reverse("outreach:draft", args=[last.public_id]),
        {"channel": "email", "call_on": "2100-12-31"},
    )
    assert response.status_code == 302
    assert cli("outreach", "sent", "Zed Last") == 0
    # No form logs a day still to come; as of the last days, the services do.
    log_outcome(eve, last, "message", on=date(2100, 12, 30), today=date(2100, 12, 30))
    log_outcome(eve, last, "busy", on=LAST_DAY, call_back_on=LAST_DAY, today=LAST_DAY)
    # A letter promising a call on the first day: only a draft written the day before can.
    draft(eve, promised, "letter", today=date(1899, 12, 31), call_on=FIRST_DAY)
    # An interview moved from the first moment to the last, then cancelled. Scheduled
    # long ago (no form takes a time already past, so the row is set as it was then).
    assert cli("interview", "schedule", "Bea Promised", "--at", "2100-06-01 10:00") == 0
    moved = Interview.objects.get(person=promised)
    Interview.objects.filter(pk=moved.pk).update(starts_at=local(FIRST_MOMENT, zone))
    response = client.post(
        reverse("interviews:reschedule", args=[moved.public_id]),
        {"starts_at": "2100-12-31T23:59", "minutes": "30", "mode": "video", "reason": "moved"},
    )
    assert response.status_code == 302
    response = client.post(reverse("interviews:cancel", args=[moved.public_id]), {"reason": ""})
    assert response.status_code == 302

    # Afterwards: thanks sent on each end, what was learned, and keep-in-touch days.
    assert cli("interview", "thank", "Ada First", "--sent", "--on", "1900-01-01") == 0
    assert cli("interview", "thank", "Zed Last", "--sent", "--on", "2100-12-31") == 0
    for interview, day in ((early, "1900-01-01"), (late, "2100-12-31")):
        response = client.post(
            reverse("interviews:afterwards", args=[interview.public_id]),
            {"learned": f"Learned on {day}", "fit_rating": "4", "keep_in_touch_on": day},
        )
        assert response.status_code == 302, response.content.decode()
        response = client.post(
            reverse("interviews:research", args=[interview.public_id]),
            {"subject": "person", "source_kind": "website", "title": f"Read up for {day}"},
        )
        assert response.status_code == 302
    # Research noted on the occupation's page, dated at each end (no form sets the day).
    for moment in (FIRST_MOMENT, LAST_MOMENT):
        title = f"O*NET page read {moment[:4]}"
        response = client.post(
            reverse("agenda:occupation_research", args=[CODE]),
            {"subject": "occupation", "source_kind": "onet", "title": title},
        )
        assert response.status_code == 302
        ResearchEntry.objects.filter(owner=eve, title=title).update(
            created_at=local(moment, zone), updated_at=local(moment, zone)
        )
    return {
        "zone": zone,
        "user": eve,
        "client": client,
        "early": early,
        "late": late,
        "first": first,
        "last": last,
        "promised": promised,
        "moved": Interview.objects.get(person=promised),
    }


def assert_stored_at_the_edges(edges) -> None:
    eve, zone = edges["user"], ZoneInfo(edges["zone"])
    early, late = edges["early"], edges["late"]
    assert early.starts_at.astimezone(zone).replace(tzinfo=None) == datetime(1900, 1, 1)
    assert late.starts_at.astimezone(zone).replace(tzinfo=None) == datetime(2100, 12, 31, 23, 59)
    calls = dict(
        ContactRequest.objects.filter(owner=eve).values_list("person__name", "next_call_on")
    )
    assert calls == {"Ada First": FIRST_DAY, "Zed Last": LAST_DAY, "Bea Promised": None}
    assert ContactRequest.objects.get(person=edges["promised"]).call_on == FIRST_DAY
    assert ContactRequest.objects.get(person=edges["last"]).call_on == LAST_DAY
    days = sorted(Attempt.objects.filter(owner=eve).values_list("on", flat=True))
    assert (days[0], days[-1]) == (FIRST_DAY, LAST_DAY)
    sent = sorted(ThankYou.objects.filter(owner=eve).values_list("sent_on", flat=True))
    assert sent == [FIRST_DAY, LAST_DAY]
    kept = sorted(
        Interview.objects.filter(owner=eve, keep_in_touch_on__isnull=False).values_list(
            "keep_in_touch_on", flat=True
        )
    )
    assert kept == [FIRST_DAY, LAST_DAY]


def _ics(moment: datetime) -> str:
    return f"DTSTART:{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def pages(edges) -> dict[str, tuple[str, ...]]:
    """Each page, with what it must show of the edges."""
    early, late, moved = edges["early"], edges["late"], edges["moved"]
    zed_call = ContactRequest.objects.get(person=edges["last"])
    return {
        reverse("agenda:today"): ("Ada First", "Zed Last", "Fri, Dec 31, 2100, 23:59"),
        reverse("agenda:today") + "?all=1": ("Ada First", "Zed Last", "Fri, Dec 31, 2100, 23:59"),
        reverse("agenda:progress"): ("Widget Designers",),
        reverse("agenda:people"): ("Ada First", "Zed Last", "Bea Promised"),
        reverse("agenda:person", args=[edges["first"].public_id]): ("1900",),
        reverse("agenda:person", args=[edges["last"].public_id]): ("2100",),
        reverse("agenda:person", args=[edges["promised"].public_id]): ("1900",),
        reverse("interviews:detail", args=[early.public_id]): ("1900",),
        reverse("interviews:detail", args=[late.public_id]): ("2100",),
        reverse("interviews:detail", args=[moved.public_id]): (
            "was Mon, Jan 1, 1900, 00:00",
            "was Fri, Dec 31, 2100, 23:59",
        ),
        reverse("agenda:interview_ics", args=[moved.public_id]): (_ics(moved.starts_at),),
        reverse("interviews:afterwards", args=[early.public_id]): ("1900-01-01",),
        reverse("interviews:afterwards", args=[late.public_id]): ("2100-12-31",),
        reverse("interviews:plan", args=[early.public_id]): ("Ada First",),
        reverse("interviews:plan", args=[late.public_id]): ("Zed Last",),
        reverse("interviews:plan_print", args=[early.public_id]): ("1900",),
        reverse("interviews:plan_print", args=[late.public_id]): ("2100",),
        reverse("interviews:conduct", args=[early.public_id]): ("Ada First",),
        reverse("interviews:conduct", args=[late.public_id]): ("Zed Last",),
        reverse("outreach:request", args=[zed_call.public_id]): ("2100",),
        reverse("agenda:calendar"): (),
        reverse("agenda:interview_ics", args=[early.public_id]): (_ics(early.starts_at),),
        reverse("agenda:interview_ics", args=[late.public_id]): (_ics(late.starts_at),),
        reverse("agenda:call", args=[zed_call.public_id]): ("DTSTART;VALUE=DATE:21001231",),
        reverse("agenda:export"): ("DTSTART;VALUE=DATE:21001231", _ics(late.starts_at)),
        reverse("agenda:export_json"): ("1900-01-01", "2100-12-31"),
        reverse("agenda:export_people_csv"): ("Ada First", "Zed Last"),
        reverse("agenda:settings"): (edges["zone"],),
        reverse("agenda:occupation", args=[CODE]): ("1900", "2100"),
    }


def test_every_page_and_the_feed_show_the_edges(edges):
    assert_stored_at_the_edges(edges)
    client = edges["client"]
    problems = []
    client.raise_request_exception = False
    for url, expected in pages(edges).items():
        response = client.get(url)
        body = response.content.decode()
        if response.status_code != 200:
            problems.append(f"{url}: {response.status_code}")
            continue
        if "Traceback" in body:
            problems.append(f"{url}: a traceback")
        problems += [f"{url}: {text!r} not shown" for text in expected if text not in body]
    assert not problems, "\n".join(problems)
    data = json.loads(client.get(reverse("agenda:export_json")).content)
    assert {"1900-01-01", "2100-12-31"} <= {row["on"] for row in data["attempts"]}
    assert {"1900-01-01", "2100-12-31"} <= {row["keep_in_touch_on"] for row in data["interviews"]}
    token = new_feed_token(edges["user"])
    client.logout()
    response = client.get(reverse("agenda:feed", args=[token]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "DTSTART;VALUE=DATE:21001231" in body
    assert _ics(edges["late"].starts_at) in body
    assert _ics(edges["moved"].starts_at) in body and "STATUS:CANCELLED" in body


def test_the_command_line_lists_the_edges_and_a_backup_of_them_restores(edges, capsys, tmp_path):
    capsys.readouterr()
    checks = {
        ("today",): ("Ada First", "Zed Last", "2100"),
        ("today", "--json"): ("1900-01-01", "2100-12-31"),
        ("today", "--on", "1900-01-01"): ("1900",),
        ("today", "--on", "2100-12-31"): ("2100", "Zed Last"),
        ("people", "list"): ("Ada First", "Zed Last", "Bea Promised"),
        ("shortlist", "list"): ("Widget Designers",),
        ("interview", "plan", "Ada First"): ("Ada First",),
        ("interview", "notes", "Zed Last"): (),
        ("interview", "thank", "Ada First"): ("Ada First",),
    }
    problems = []
    for args, expected in checks.items():
        code = cli(*args)
        out, err = capsys.readouterr()
        if code != 0 or "Traceback" in out + err:
            problems.append(f"{' '.join(args)}: exit {code}: {err.strip()}")
            continue
        problems += [
            f"{' '.join(args)}: {text!r} not printed" for text in expected if text not in out
        ]
    assert cli("calendar", "export", str(tmp_path / "all.ics")) == 0
    assert "DTSTART;VALUE=DATE:21001231" in (tmp_path / "all.ics").read_text()
    assert cli("export", str(tmp_path / "all.json"), "--people-csv", str(tmp_path / "p.csv")) == 0
    assert "2100-12-31" in (tmp_path / "all.json").read_text()
    assert not problems, "\n".join(problems)
    # Restore checks the same fixed range, and nothing that depends on today.
    eve = edges["user"]
    before = what_was_entered(eve)
    Person.objects.filter(owner=eve).delete()
    assert cli("restore", str(tmp_path / "all.json")) == 0
    assert what_was_entered(eve) == before


def what_was_entered(owner) -> dict:
    """The export without the times rows were written, which a restore sets afresh."""
    return {
        name: sorted(
            (
                {k: v for k, v in row.items() if k not in ("created_at", "updated_at")}
                for row in rows
            ),
            key=lambda row: row["public_id"],
        )
        for name, rows in export_data(owner, NOW).items()
        if isinstance(rows, list)
    }


# The days either side of the range: every form and option that reads a day refuses them,
# naming the field on the web, in one line on the command line, and changes nothing.
OUTSIDE = ["1899-12-31", "2101-01-01"]


@pytest.fixture
def dana_interview(alice, dana):
    assert (
        main(["--user", "alice", "interview", "schedule", "Dana Lee", "--at", "2026-12-10 14:30"])
        == 0
    )
    return Interview.objects.get(person=dana)


def web_refusals(dana, interview, day: str) -> list[tuple[str, dict, str]]:
    """(address, form, the field's label) for each form that takes a day or a time."""
    person, meeting = dana.public_id, interview.public_id
    moment = f"{day}T{'23:59' if day < '1900' else '00:00'}"
    return [
        (
            reverse("interviews:schedule", args=[person]),
            {"starts_at": moment, "minutes": "25", "mode": "phone"},
            "Date and time",
        ),
        (
            reverse("interviews:reschedule", args=[meeting]),
            {"starts_at": moment, "minutes": "25", "mode": "phone"},
            "Date and time",
        ),
        (
            reverse("interviews:afterwards", args=[meeting]),
            {"learned": "", "keep_in_touch_on": day},
            "Remind me to update them on",
        ),
        (
            reverse("outreach:draft", args=[person]),
            {"channel": "email", "call_on": day},
            "I will telephone on",
        ),
        (reverse("outreach:sent", args=[person]), {"on": day}, "Sent on"),
        (
            reverse("agenda:log_outcome", args=[person]),
            {"outcome": "no-answer", "on": day, "mode": "phone"},
            "On",
        ),
        (
            reverse("agenda:log_outcome", args=[person]),
            {"outcome": "busy", "on": "2026-12-02", "call_back_on": day, "mode": "phone"},
            "Call back on",
        ),
        (
            reverse("agenda:log_outcome", args=[person]),
            {"outcome": "agreed", "on": "2026-12-02", "interview_at": moment, "mode": "phone"},
            "Meeting at",
        ),
    ]


@pytest.mark.parametrize("day", OUTSIDE)
def test_the_web_refuses_a_day_beside_the_range_naming_the_field(
    alice, alice_client, dana, dana_interview, day
):
    draft(alice, dana, "email", today=date(2026, 12, 2))
    before = export_data(alice, NOW)
    problems = []
    for url, form, label in web_refusals(dana, dana_interview, day):
        response = alice_client.post(url, form, follow=True)
        body = response.content.decode()
        refusal = f"{day} is outside 1900–2100"
        if response.status_code not in (200, 400):
            problems.append(f"{url} {form}: {response.status_code}")
        elif refusal not in body:
            problems.append(f"{url} {form}: no refusal shown")
        elif f"{label}: {refusal}" not in body and not _beside_field(response, label, refusal):
            problems.append(f"{url} {form}: the refusal does not name {label!r}")
    assert not problems, "\n".join(problems)
    assert export_data(alice, NOW) == before


def _beside_field(response, label: str, refusal: str) -> bool:
    """A form shown again names the field by showing the refusal under its label."""
    context = response.context or {}
    forms = [form for form in (context.get("form"), context.get("log_form")) if form is not None]
    return any(
        field.label == label and any(refusal in error for error in field.errors)
        for form in forms
        for field in form
    )


def cli_refusals(day: str) -> list[list[str]]:
    moment = f"{day} {'23:59' if day < '1900' else '00:00'}"
    return [
        ["interview", "schedule", "Dana Lee", "--at", moment],
        ["interview", "reschedule", "Dana Lee", "--at", moment],
        ["interview", "thank", "Dana Lee", "--sent", "--on", day],
        ["outreach", "draft", "Dana Lee", "--channel", "letter", "--call-on", day],
        ["outreach", "sent", "Dana Lee", "--on", day],
        ["outreach", "log", "Dana Lee", "--outcome", "no-answer", "--on", day],
        ["outreach", "log", "Dana Lee", "--outcome", "busy", "--call-back", day],
        ["outreach", "log", "Dana Lee", "--outcome", "agreed", "--at", moment],
        ["today", "--on", day],
    ]


@pytest.mark.parametrize("day", OUTSIDE)
def test_the_command_line_refuses_a_day_beside_the_range_in_one_line(
    alice, dana, dana_interview, capsys, day
):
    draft(alice, dana, "email", today=date(2026, 12, 2))
    before = export_data(alice, NOW)
    capsys.readouterr()
    problems = []
    for args in cli_refusals(day):
        code = main(["--user", "alice", *args])
        out, err = capsys.readouterr()
        if code != 1 or err.count("\n") != 1 or f"{day} is outside 1900–2100" not in err:
            problems.append(f"{' '.join(args)}: exit {code}, {err!r}")
    assert not problems, "\n".join(problems)
    assert export_data(alice, NOW) == before


def test_a_wait_that_would_run_past_the_last_day_ends_on_it(alice, dana, designers):
    kim = add_person(alice, "Kim Ode", occupation="Graphic Designers")
    letter = draft(alice, kim, "letter", today=date(2100, 12, 29))
    assert letter.call_on == LAST_DAY
    draft(alice, dana, "phone", today=date(2100, 12, 28))
    result = log_outcome(alice, dana, "message", on=date(2100, 12, 30))
    assert result.request.next_call_on == LAST_DAY
    assert Attempt.objects.get(request=result.request).on == date(2100, 12, 30)
