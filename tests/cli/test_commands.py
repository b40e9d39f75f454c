"""The command line, run as written in the documentation, against the test database."""

import json

import pytest

from infointerview.cli import main
from infointerview.outreach.models import Attempt, ContactRequest
from infointerview.people.models import Person


@pytest.fixture
def run(db, capsys):
    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_the_documented_session_works_end_to_end(run):
    assert run("targets", "add", "Graphic Designers", "--level", "entry")[0] == 0
    code, _, _ = run(
        "people",
        "add",
        "Dana Lee",
        "--occupation",
        "Graphic Designers",
        "--level",
        "entry",
        "--source",
        "alumni",
        "--source-detail",
        "Alumni office list",
        "--email",
        "dana@example.com",
        "--phone",
        "555-0100",
        "--organization",
        "Brightline",
        "--title",
        "Junior Designer",
        "--introduced-by",
        "Sam Park",
    )
    assert code == 0
    code, out, _ = run("people", "list", "--occupation", "Graphic Designers", "--json")
    listed = json.loads(out)
    assert [p["name"] for p in listed] == ["Dana Lee"]
    assert listed[0]["introduced_by"] == "Sam Park"
    code, out, _ = run("outreach", "draft", "Dana Lee", "--channel", "email")
    assert code == 0
    call_on = ContactRequest.objects.get().call_on
    assert f"{call_on:%A}, {call_on:%B} {call_on.day}" in out
    assert run("outreach", "sent", "Dana Lee")[0] == 0
    code, out, _ = run("today", "--on", str(call_on), "--json")
    agenda = json.loads(out)
    assert [c["person"] for c in agenda["calls_due"]] == ["Dana Lee"]
    assert agenda["calls_due"][0]["next_call_kind"] == "follow-up"
    code, out, _ = run(
        "outreach",
        "log",
        "Dana Lee",
        "--outcome",
        "agreed",
        "--at",
        f"{call_on} 15:00",
        "--mode",
        "phone",
        "--json",
    )
    assert json.loads(out)["interview"]["mode"] == "phone"
    code, out, _ = run("today", "--on", str(call_on), "--json")
    assert [i["person"] for i in json.loads(out)["interviews"]] == ["Dana Lee"]


def test_json_output_is_only_json(run):
    run("targets", "add", "Nurses")
    code, out, err = run("targets", "list", "--json")
    assert code == 0
    assert json.loads(out)[0]["name"] == "Nurses"
    assert err == ""


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["outreach", "log", "Nobody", "--outcome", "busy"], "no person named 'Nobody'"),
        (["outreach", "log", "Dana Lee", "--outcome", "shrug"], "unknown outcome 'shrug'"),
        (
            ["outreach", "log", "Dana Lee", "--outcome", "no-answer", "--on", "2026-02-30"],
            "bad date",
        ),
        (["outreach", "sent", "Dana Lee", "--on", "soon"], "bad date"),
        (["outreach", "draft", "Dana Lee", "--channel", "fax"], "unknown channel 'fax'"),
        (["people", "add", "X", "--level", "guru"], "unknown level"),
        (["people", "list", "--bogus"], "No such option"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_changes_nothing(run, argv, message):
    run("people", "add", "Dana Lee", "--occupation", "Graphic Designers")
    people_before = Person.objects.count()
    code, out, err = run(*argv)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: ")
    assert message in err
    assert Person.objects.count() == people_before
    assert Attempt.objects.count() == 0
    assert ContactRequest.objects.count() == 0


def test_an_ambiguous_name_lists_the_candidates(run):
    run("people", "add", "Dana Lee", "--occupation", "Graphic Designers")
    code, _, err = run("people", "add", "Dana Lee", "--occupation", "Nurses")
    assert code == 1 and "already a Dana Lee (Graphic Designers); add --allow-duplicate" in err
    run("people", "add", "Dana Lee", "--occupation", "Nurses", "--allow-duplicate")
    code, _, err = run("outreach", "draft", "Dana Lee", "--channel", "phone")
    assert code == 1
    assert "matches 2 people" in err
    assert "(Graphic Designers)" in err and "(Nurses)" in err
    dana_id = err.split("(Nurses) ")[1].split(";")[0].split(" ")[0]
    assert run("outreach", "draft", dana_id, "--channel", "phone")[0] == 0


def test_commands_refuse_to_guess_between_several_accounts(run, alice, bob):
    code, _, err = run("targets", "list")
    assert code == 1
    assert "--user" in err
    assert run("--user", "bob", "targets", "add", "Nurses")[0] == 0
    code, out, _ = run("--user", "alice", "targets", "list", "--json")
    assert json.loads(out) == []


def test_the_user_can_be_chosen_by_environment(run, alice, bob, monkeypatch):
    monkeypatch.setenv("INFOINTERVIEW_USER", "bob")
    run("targets", "add", "Nurses")
    code, out, _ = run("--user", "bob", "targets", "list", "--json")
    assert [t["name"] for t in json.loads(out)] == ["Nurses"]


def test_leads_turn_into_people(run):
    run("leads", "add", "Acme Print", "--occupation", "Graphic Designers", "--department", "design")
    code, out, _ = run("today", "--json")
    assert [lead["organization"] for lead in json.loads(out)["leads"]] == ["Acme Print"]
    assert run("leads", "named", "Acme Print", "--name", "Lee Wong")[0] == 0
    code, out, _ = run("people", "list", "--json")
    assert json.loads(out)[0]["source"] == "organization"


def test_text_too_long_for_its_column_is_refused_on_every_database(run):
    code, _, err = run("people", "add", "x" * 300)
    assert code == 1 and "name is 300 characters long; at most 200 fit" in err
    code, _, err = run("targets", "add", "y" * 250)
    assert code == 1 and "at most 200 fit" in err
    assert Person.objects.count() == 0


def test_how_to_address_someone_is_used_by_the_drafts(run):
    assert run("people", "add", "Dana Lee", "--address-as", "Dr. Lee")[0] == 0
    code, out, _ = run("outreach", "draft", "Dana Lee", "--channel", "email")
    assert code == 0 and "Dear Dr. Lee," in out
