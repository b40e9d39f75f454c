"""Names and notes are printed as typed: never read as Rich markup, never sent to the terminal raw.

A name such as `[/]` used to stop a command after its change was saved, so a retry
added the person twice; `[link=…]` printed a hyperlink; an escape sequence reached the
terminal. Each command that prints a name is run with such names here.
"""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import Console

from infointerview.careers.models import Occupation, TargetOccupation
from infointerview.cli import context, main
from infointerview.cli.output import one_line, plain, shown, visible
from infointerview.interviews.models import Interview, ThankYou
from infointerview.outreach.models import ContactRequest
from infointerview.people.models import OrganizationLead, Person

HOSTILE = {
    "closing tag": ("[/]", "[/]"),
    "hyperlink": ("[link=https://evil.example]x[/link]", "[link=https://evil.example]x[/link]"),
    # The escape character is shown as the four characters \x1b.
    "clear screen": ("Dana\x1b[2J", "Dana\\x1b[2J"),
}


@pytest.fixture
def run(alice, capsys, monkeypatch):
    """Run a command as alice; wide enough that no name is cut short in a table."""
    monkeypatch.setattr(context.console, "_width", 200)

    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err, out + err
        return code, out, err

    return run


def printed(run, literal, *argv):
    code, out, err = run(*argv)
    assert code == 0, err
    assert literal in out, out
    return out


@pytest.mark.parametrize("name, literal", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_name_is_added_once_and_printed_as_typed_everywhere(run, name, literal):
    printed(run, f"Added {literal} (", "shortlist", "add", name, "--name-only")
    assert TargetOccupation.objects.filter(name=name).count() == 1
    printed(run, f"Added {literal} (", "people", "add", name, "--occupation", name)
    assert Person.objects.filter(name=name).count() == 1
    printed(run, literal, "people", "list")
    printed(run, literal, "shortlist", "list")
    printed(run, literal, "outreach", "draft", name, "--channel", "email")
    assert ContactRequest.objects.count() == 1
    call_on = str(ContactRequest.objects.get().call_on)
    run("outreach", "sent", name)
    printed(run, literal, "today", "--on", call_on)
    printed(
        run,
        "Interview on",
        "outreach",
        "log",
        name,
        "--outcome",
        "agreed",
        "--at",
        f"{call_on} 10:00",
    )
    printed(run, f"Interview with {literal},", "today", "--on", call_on)
    printed(run, f"Interview with {literal} —", "interview", "plan", name)
    printed(run, literal, "interview", "notes", name, "--question", "1", "--text", name)
    printed(run, f"To {literal}", "interview", "thank", name)
    printed(run, f"Thank-you to {literal} marked sent.", "interview", "thank", name, "--sent")
    assert ThankYou.objects.count() == 1 and Interview.objects.count() == 1
    printed(run, f"{literal}: confirmed.", "shortlist", "status", name, "confirmed")
    printed(run, f"Renamed to {literal}!.", "shortlist", "rename", name, f"{name}!")
    printed(run, f"{literal}!: proposed O*NET match none;", "shortlist", "link", f"{name}!")
    run("shortlist", "add", "Designers", "--name-only")
    printed(run, f"Merged into {literal}!:", "shortlist", "merge", "Designers", f"{name}!")


@pytest.mark.parametrize("name, literal", HOSTILE.values(), ids=HOSTILE.keys())
def test_names_given_by_a_call_or_a_referral_are_printed_as_typed(run, name, literal):
    printed(run, f"call {literal}", "leads", "add", name, "--occupation", "Designers")
    printed(run, f"Call {literal}", "people", "list", "--occupation", "Designers")
    printed(run, f"Added {literal} in place", "leads", "named", name, "--name", name)
    assert OrganizationLead.objects.count() == 1
    run("people", "add", "Sam Park", "--occupation", "Designers")
    run("outreach", "draft", "Sam Park", "--channel", "phone")
    printed(
        run,
        f"Added {literal} 2 at the top",
        "outreach",
        "log",
        "Sam Park",
        "--outcome",
        "referred",
        "--referred",
        f"{name} 2",
    )
    assert Person.objects.filter(name__startswith=name).count() == 2


@pytest.mark.parametrize("name, literal", HOSTILE.values(), ids=HOSTILE.keys())
def test_occupation_text_from_a_release_is_printed_as_typed(run, name, literal):
    Occupation.objects.create(code="27-1024.00", title=name, description=f"About {name}.")
    printed(run, f"About {literal}.", "occupations", "show", "27-1024.00")
    printed(run, literal, "occupations", "search", "27-1024")


def test_file_names_are_printed_as_typed(run, tmp_path):
    file = tmp_path / "[red]x\x1b[2J.json"
    printed(run, "[red]x\\x1b[2J.json.", "export", str(file))
    assert json.loads(file.read_text(encoding="utf-8"))["people"] == []


def test_an_error_naming_hostile_text_is_one_visible_line(run):
    code, out, err = run("outreach", "draft", "[/]\x1b[2J\nnobody", "--channel", "email")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "[/]\\x1b[2J\\nnobody" in err


def test_json_output_escapes_what_a_terminal_would_act_on(run):
    run("people", "add", "Dana\x9b2J\u202eLee")
    code, out, _ = run("people", "list", "--json")
    assert "\x9b" not in out and "\u202e" not in out
    assert "Dana\\u009b2J\\u202eLee" in out
    assert json.loads(out)[0]["name"] == "Dana\x9b2J\u202eLee"


SCRIPT = str(Path(sys.executable).parent / "infointerview")


def environment(home: Path, **variables: str) -> dict[str, str]:
    home.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOINTERVIEW_")}
    env.pop("DATABASE_URL", None)
    env.update(INFOINTERVIEW_HOME=str(home), **variables)
    return env


def test_a_terminal_that_cannot_show_a_name_does_not_fail_the_command(tmp_path):
    """Printing comes after the change is saved, so it must not report a failure."""
    env = environment(tmp_path / "home", PYTHONIOENCODING="ascii")
    script = [SCRIPT]
    added = subprocess.run(
        [*script, "people", "add", "Zoë Ångström"], env=env, capture_output=True, timeout=60
    )
    assert added.returncode == 0, added.stderr
    assert b"Added Zo\\xeb \\xc5ngstr\\xf6m (" in added.stdout
    listed = subprocess.run(
        [*script, "people", "list", "--json"], env=env, capture_output=True, timeout=60
    )
    assert [p["name"] for p in json.loads(listed.stdout)] == ["Zoë Ångström"]


def test_a_reader_that_went_away_does_not_fail_the_command(tmp_path):
    """`infointerview people add Dana | true`: the person is added, once, and it says so."""
    env = environment(tmp_path / "home")
    for argv in (["people", "add", "Dana Lee"], ["people", "list"], ["people", "list", "--json"]):
        reader, writer = os.pipe()
        os.close(reader)
        try:
            done = subprocess.run(
                [SCRIPT, *argv], env=env, stdout=writer, stderr=subprocess.PIPE, timeout=60
            )
        finally:
            os.close(writer)
        assert (done.returncode, done.stderr) == (0, b""), argv
    listed = subprocess.run(
        [SCRIPT, "people", "list", "--json"], env=env, capture_output=True, timeout=60
    )
    assert [p["name"] for p in json.loads(listed.stdout)] == ["Dana Lee"]


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.characters(exclude_characters="\t")))
# Found by this test: a backslash before a bracket that opens no tag, and backslashes
# ending the text before the tag that follows it.
@example("\\[")
@example("a\\\\")
@example("\\\\[x] \\")
def test_any_text_prints_exactly_as_written_out(text):
    """Whatever the text, Rich prints the written-out form: no markup, no control character."""
    console = Console(file=io.StringIO(), emoji=False, width=100)
    console.print(f"[bold]{shown(text)}[/]|", plain(text), sep="", soft_wrap=True, end="")
    printed = console.file.getvalue()
    assert printed == f"{visible(text)}|{visible(text)}"
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", printed)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", one_line(text))
