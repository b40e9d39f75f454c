"""`infointerview leads log`: a switchboard call that got nowhere, from the command line."""

import json

from infointerview.cli import main
from infointerview.people.leads import add_lead
from infointerview.people.models import LeadCall, OrganizationLead, Person


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_three_calls_without_a_name_close_the_lead(capsys, alice, designers):
    add_lead(alice, "Acme Print", "Graphic Designers")
    code, out, err = run(capsys, "leads", "log", "Acme Print", "--outcome", "no-answer")
    assert (code, err) == (0, "")
    assert "Logged the call to Acme Print (department that does this work). 2 more calls" in out
    run(capsys, "leads", "log", "acme print", "--outcome", "no-name", "--on", "2026-11-02")
    code, out, _ = run(capsys, "leads", "log", "Acme Print", "--outcome", "no-answer")
    assert "Closed the lead for Acme Print" in out
    assert OrganizationLead.objects.get().status == OrganizationLead.Status.CLOSED
    assert LeadCall.objects.filter(on="2026-11-02").count() == 1


def test_the_call_can_be_printed_as_json(capsys, alice, designers):
    add_lead(alice, "Acme Print", "Graphic Designers")
    code, out, _ = run(
        capsys, "leads", "log", "Acme Print", "--outcome", "declined", "--note", "No", "--json"
    )
    printed = json.loads(out)
    assert (printed["call"]["outcome"], printed["call"]["note"]) == ("declined", "No")
    assert printed["lead"]["status"] == "closed"
    assert printed["calls_left"] == 2


def test_errors_are_one_line_and_log_nothing(capsys, alice, designers):
    add_lead(alice, "Acme Print", "Graphic Designers")
    for argv, message in [
        (["Acme Print", "--outcome", "voicemail"], "unknown outcome 'voicemail'"),
        (["Acme Print", "--outcome", "no-answer", "--on", "2999-01-01"], "2100"),
        (["Acme Print", "--outcome", "no-answer", "--on", "soon"], "soon"),
        (["Nowhere Inc", "--outcome", "no-answer"], "no open lead for an organization named"),
    ]:
        code, out, err = run(capsys, "leads", "log", *argv)
        assert code == 1 and out == "" and err.count("\n") == 1 and message in err, err
    assert not LeadCall.objects.exists()


def test_today_names_where_to_start_on_an_untouched_list(capsys, alice, dana):
    code, out, _ = run(capsys, "today")
    assert code == 0
    assert "• Nobody contacted yet for Graphic Designers: start with Dana Lee by e-mail" in out


def test_people_add_refuses_a_listed_name_unless_allowed(capsys, alice, dana):
    code, _, err = run(capsys, "people", "add", "dana lee", "--occupation", "Nurses")
    assert code == 1 and "there is already a Dana Lee (Graphic Designers)" in err
    assert run(capsys, "people", "add", "Dana Lee", "--allow-duplicate")[0] == 0
    assert Person.objects.filter(owner=alice, name="Dana Lee").count() == 2
