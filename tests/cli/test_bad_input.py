"""Bad input on the command line: one line on stderr, the right exit code, nothing changed.

Exit code 1 is a refusal (the input is understood and cannot be done); 2 is an
argument that cannot be parsed at all.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

from infointerview.accounts.services import profile_for
from infointerview.careers.models import AlternateTitle, Occupation
from infointerview.careers.search import cache
from infointerview.cli import main
from infointerview.interviews import services as interviews
from infointerview.interviews.models import ThankYou
from infointerview.lib import long_writes
from infointerview.people import leads
from tests.conftest import at

LONG = "a" * 130_000  # longer than SQLite's LIKE pattern limit
DANA = "Dana Lee"

# (argv, exit code); {folder}, {missing}, {text} and {json} are files made per test.
CASES = {
    "people add: empty name": (["people", "add", ""], 1),
    "people add: 130,000-character name": (["people", "add", LONG], 1),
    "people add: unknown level": (["people", "add", "Sam", "--level", "boss"], 1),
    "people add: unknown source": (["people", "add", "Sam", "--source", "nowhere"], 1),
    "people add: bad e-mail": (["people", "add", "Sam", "--email", "not-an-address"], 1),
    "people add: long introducer": (["people", "add", "Sam", "--introduced-by", LONG], 1),
    "people add: long occupation": (["people", "add", "Sam", "--occupation", LONG], 1),
    "people list: long occupation": (["people", "list", "--occupation", LONG], 1),
    "people: unknown option": (["people", "add", "Sam", "--colour", "red"], 2),
    "leads add: no occupation": (["leads", "add", "Brightline"], 2),
    "leads add: long organization": (["leads", "add", LONG, "--occupation", "Designers"], 1),
    "leads named: long organization": (["leads", "named", LONG, "--name", "Sam"], 1),
    "leads named: unknown organization": (["leads", "named", "Nowhere", "--name", "Sam"], 1),
    "shortlist add: long name": (["shortlist", "add", LONG, "--name-only"], 1),
    "shortlist add: long O*NET title": (["shortlist", "add", LONG], 1),
    "shortlist add: O*NET title, unknown level": (
        ["shortlist", "add", "Layout Artist", "--level", "boss"],
        1,
    ),
    "shortlist add: unknown level": (["shortlist", "add", "Kite Makers", "--level", "boss"], 1),
    "shortlist status: long name": (["shortlist", "status", LONG, "confirmed"], 1),
    "shortlist status: unknown status": (
        ["shortlist", "status", "Graphic Designers", "done"],
        1,
    ),
    "shortlist rename: long name": (["shortlist", "rename", LONG, "Designers"], 1),
    "shortlist merge: unknown lists": (["shortlist", "merge", "Nope", "Neither"], 1),
    "shortlist link: long name": (["shortlist", "link", LONG, "--yes"], 1),
    "targets list: unknown option": (["targets", "list", "--all"], 2),
    "outreach draft: long person": (["outreach", "draft", LONG, "--channel", "email"], 1),
    "outreach draft: unknown channel": (["outreach", "draft", DANA, "--channel", "pigeon"], 1),
    "outreach draft: five-digit year": (
        ["outreach", "draft", DANA, "--channel", "email", "--call-on", "99999-01-01"],
        1,
    ),
    "outreach draft: 30 February": (
        ["outreach", "draft", DANA, "--channel", "email", "--call-on", "2026-02-30"],
        1,
    ),
    "outreach sent: year 9999": (["outreach", "sent", DANA, "--on", "9999-12-31"], 1),
    "outreach introduced: five-digit year": (
        ["outreach", "introduced", DANA, "--on", "99999-01-01"],
        1,
    ),
    "outreach log: unknown outcome": (["outreach", "log", DANA, "--outcome", "maybe"], 1),
    "outreach log: agreed in year 9999": (
        ["outreach", "log", DANA, "--outcome", "agreed", "--at", "9999-12-31 23:59"],
        1,
    ),
    "outreach log: call back in year 1": (
        ["outreach", "log", DANA, "--outcome", "busy", "--call-back", "0001-01-01"],
        1,
    ),
    "interview schedule: year 9999, west of UTC": (
        ["interview", "schedule", DANA, "--at", "9999-12-31 23:59"],
        1,
    ),
    "interview schedule: year 1": (["interview", "schedule", DANA, "--at", "0001-01-01 00:00"], 1),
    "interview schedule: huge length": (
        ["interview", "schedule", DANA, "--at", "2099-01-01 10:00", "--minutes", "9" * 20],
        1,
    ),
    "interview schedule: length not a number": (
        ["interview", "schedule", DANA, "--at", "2099-01-01 10:00", "--minutes", "long"],
        2,
    ),
    "interview schedule: not a time": (["interview", "schedule", DANA, "--at", "tomorrow"], 1),
    "interview reschedule: five-digit year": (
        ["interview", "reschedule", "Sam Park", "--at", "99999-01-01 10:00"],
        1,
    ),
    "interview notes: huge question number": (
        ["interview", "notes", "Sam Park", "--question", "9" * 20, "--text", "x"],
        1,
    ),
    "interview notes: question 0": (
        ["interview", "notes", "Sam Park", "--question", "0", "--text", "x"],
        1,
    ),
    "interview thank: sent on 30 February": (
        ["interview", "thank", "Sam Park", "--sent", "--on", "2026-02-30"],
        1,
    ),
    "interview thank: long person": (["interview", "thank", LONG], 1),
    "interview plan: unknown purpose": (["interview", "plan", "Sam Park", "--purpose", "fun"], 1),
    "interview cancel: long person": (["interview", "cancel", LONG], 1),
    "calendar export: a folder": (["calendar", "export", "{folder}"], 1),
    "calendar export: no such folder": (["calendar", "export", "{missing}/x.ics"], 1),
    "today: five-digit year": (["today", "--on", "99999-01-01"], 1),
    "today: month 13": (["today", "--on", "2026-13-01"], 1),
    "today: year 9999": (["today", "--on", "9999-12-31"], 1),
    "occupations import: no such file": (["occupations", "import", "{missing}"], 1),
    "occupations import: not a zip": (["occupations", "import", "{text}"], 1),
    "occupations import: empty folder": (["occupations", "import", "{folder}"], 1),
    "occupations search: limit 0": (["occupations", "search", "nurse", "--limit", "0"], 2),
    "occupations show: long code": (["occupations", "show", LONG], 1),
    "wages import: a folder": (["wages", "import", "{folder}"], 1),
    "wages import: no such file": (["wages", "import", "{missing}"], 1),
    "restore: a folder": (["restore", "{folder}"], 1),
    "restore: no such file": (["restore", "{missing}"], 1),
    "restore: not JSON": (["restore", "{text}"], 1),
    "restore: JSON that is not an export": (["restore", "{json}"], 1),
    "export: a folder": (["export", "{folder}"], 1),
    "export: no such folder": (["export", "{missing}/x.json"], 1),
    "export: people CSV to a folder": (["export", "{missing}.json", "--people-csv", "{folder}"], 1),
    "--user: long name": (["--user", LONG, "today"], 1),
    "--user: unknown account": (["--user", "nobody", "today"], 1),
    "unknown command": (["teleport"], 2),
}

# A user east of UTC: year 1 at midnight is still year 0 in UTC.
EAST_CASES = {
    "interview schedule: year 1, east of UTC": (
        ["interview", "schedule", DANA, "--at", "0001-01-01 00:00"],
        1,
    ),
    "interview schedule: year 9999, east of UTC": (
        ["interview", "schedule", DANA, "--at", "9999-12-31 23:59"],
        1,
    ),
    "outreach log: agreed in year 1, east of UTC": (
        ["outreach", "log", DANA, "--outcome", "agreed", "--at", "0001-01-01 00:30"],
        1,
    ),
}


@pytest.fixture
def world(alice, dana, designers):
    """alice's data: Dana on the designers' list, an interview held with Sam, a lead.

    O*NET has an occupation, so that lookups by title meet rows to compare.
    """
    occupation = Occupation.objects.create(code="27-1024.00", title="Graphic Designers")
    AlternateTitle.objects.create(occupation=occupation, title="Layout Artist")
    cache.forget()
    sam = leads.lead_gave_name(
        alice, leads.add_lead(alice, "Brightline", "Graphic Designers"), "Sam Park"
    )
    interviews.schedule(alice, sam, at("2026-11-30 10:00"), minutes=25, mode="phone")
    leads.add_lead(alice, "Northwind", "Graphic Designers")
    return alice


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (tmp_path / "notes.txt").write_text("not a zip, not JSON\n", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2, 3]\n", encoding="utf-8")
    return {
        "folder": str(folder),
        "missing": str(tmp_path / "missing"),
        "text": str(tmp_path / "notes.txt"),
        "json": str(tmp_path / "list.json"),
    }


def row_counts() -> dict[str, int]:
    """Rows in every table, the user tables of `accounts.tables` among them."""
    return {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def refused(capsys, argv, code):
    before = row_counts()
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert err.startswith("error: ") and err.count("\n") == 1, err[:2000]
    assert "Traceback" not in err and len(err) < 1000, err[:2000]
    assert row_counts() == before


@pytest.mark.parametrize("argv, code", CASES.values(), ids=CASES.keys())
def test_bad_input_is_one_line_and_changes_nothing(world, files, capsys, argv, code):
    refused(capsys, [arg.format(**files) if "{" in arg else arg for arg in argv], code)


@pytest.mark.parametrize("argv, code", EAST_CASES.values(), ids=EAST_CASES.keys())
def test_dates_at_the_ends_of_time_east_of_utc(world, capsys, argv, code):
    profile = profile_for(world)
    profile.time_zone = "Asia/Tokyo"
    profile.save()
    refused(capsys, argv, code)


def test_a_search_for_very_long_text_finds_nothing(world, capsys):
    assert main(["occupations", "search", LONG]) == 0
    assert capsys.readouterr().out.startswith("No occupation matches.")


def test_a_refused_thank_you_stores_no_draft(world, capsys):
    refused(capsys, ["interview", "thank", "Sam Park", "--sent", "--on", "2026-02-30"], 1)
    assert not ThankYou.objects.exists()


CONSOLE_SCRIPT = Path(sys.executable).parent / "infointerview"


def script(home: Path, *argv: bytes, **variables: bytes) -> subprocess.CompletedProcess:
    """The installed command in its own process, so its arguments can be any bytes."""
    env = {k: v for k, v in os.environb.items() if not k.startswith(b"INFOINTERVIEW_")}
    env.pop(b"DATABASE_URL", None)
    env.update({b"INFOINTERVIEW_HOME": bytes(home), b"LC_ALL": b"C.UTF-8"})
    env.update({k.encode(): v for k, v in variables.items()})
    return subprocess.run([bytes(CONSOLE_SCRIPT), *argv], env=env, capture_output=True, timeout=60)


def counts_in(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


NOT_UTF8 = {
    "people add": ([b"people", b"add", b"Dana \xff\xfe"], b"Dana \\xff\\xfe is not UTF-8 text"),
    "outreach draft": ([b"outreach", b"draft", b"\xff", b"--channel", b"email"], b"\\xff"),
    "--user": ([b"--user", b"\xe9", b"today"], b"\\xe9 is not UTF-8 text"),
    "a tag": ([b"people", b"add", b"Sam", b"--tag", b"ok", b"--tag", b"\xc3"], b"\\xc3"),
}


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    home.chmod(0o700)
    done = script(home, b"people", b"add", b"Dana Lee")
    assert done.returncode == 0, done.stderr
    return home


@pytest.mark.parametrize("argv, shown", NOT_UTF8.values(), ids=NOT_UTF8.keys())
def test_arguments_that_are_not_utf8_are_refused_as_unparsable(home, argv, shown):
    database = home / "infointerview.sqlite3"
    before = counts_in(database)
    done = script(home, *argv)
    assert done.returncode == 2
    assert done.stderr.startswith(b"error: ") and done.stderr.count(b"\n") == 1, done.stderr
    assert shown in done.stderr
    assert counts_in(database) == before


def private(folder: Path) -> None:
    """As the app makes its own files, so that it has no warning to print about them."""
    folder.chmod(0o700)
    for file in folder.iterdir():
        file.chmod(0o600)


def test_a_locked_database_is_one_line_naming_what_runs(home, monkeypatch):
    """A write that gives up waiting for another one says what holds the lock."""
    database = home / "infointerview.sqlite3"
    before = counts_in(database)
    monkeypatch.setenv("INFOINTERVIEW_HOME", str(home))  # where the note is left
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with long_writes.running("a wages import"):
            private(home / "running")
            done = script(home, b"people", b"add", b"Sam Park")
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert done.returncode == 1
    assert done.stderr.startswith(b"error: a wages import started "), done.stderr
    assert done.stderr.endswith(b"is running; try again in a minute (nothing was changed)\n")
    assert done.stderr.count(b"\n") == 1
    assert counts_in(database) == before


def test_an_account_name_in_the_environment_that_is_not_utf8_is_refused(home):
    env = {"INFOINTERVIEW_USER": b"\xe9"}
    done = script(home, b"today", **env)
    assert done.returncode == 1
    assert done.stderr == b"error: INFOINTERVIEW_USER=\\xe9 is not UTF-8 text\n"


def test_a_file_name_that_is_not_utf8_is_a_file_name(home, tmp_path):
    done = script(home, b"restore", bytes(tmp_path) + b"/\xff.json")
    assert done.returncode == 1
    assert done.stderr.count(b"\n") == 1 and b"\\xff.json does not exist" in done.stderr


def test_restore_refuses_a_deeply_nested_file_in_one_line(tmp_path, capsys, db):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["restore", str(deep)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nests deeper" in err
