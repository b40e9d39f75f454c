"""`infointerview account delete`: asks in a terminal, needs --yes elsewhere, never guesses."""

import io

import pytest
from django.contrib.auth import get_user_model

from infointerview.cli import main
from infointerview.people.models import Person


class Terminal(io.StringIO):
    """What the user types, read as from a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def run(db, capsys):
    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def accounts() -> list[str]:
    return sorted(get_user_model().objects.values_list("username", flat=True))


def test_yes_deletes_the_named_account_and_says_what_went(run, dana, bob):
    code, out, err = run("account", "delete", "--user", "alice", "--yes")
    assert (code, err) == (0, "")
    assert out.startswith("Deleted the account alice: occupations on your shortlist: 1; people: 1;")
    assert accounts() == ["bob"]
    assert not Person.objects.exists()


def test_the_account_may_be_named_before_the_command_too(run, dana, bob):
    assert run("--user", "alice", "account", "delete", "--yes")[0] == 0
    assert accounts() == ["bob"]


def test_without_yes_and_without_a_terminal_it_refuses(run, dana):
    code, out, err = run("account", "delete")
    assert code == 1
    assert err == (
        "error: deleting 'alice' cannot be undone: add --yes to confirm (nothing was deleted)\n"
    )
    assert accounts() == ["alice"]


def test_in_a_terminal_it_shows_what_goes_and_deletes_once_the_name_is_typed(
    run, dana, monkeypatch
):
    monkeypatch.setattr("sys.stdin", Terminal("alice\n"))
    code, out, _ = run("account", "delete")
    assert code == 0
    assert "This deletes the account alice for good: occupations on your shortlist: 1;" in out
    assert "Deleted the account alice" in out
    assert accounts() == []


def test_in_a_terminal_another_answer_deletes_nothing(run, dana, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal("yes\n"))
    code, _, err = run("account", "delete")
    assert (code, err) == (1, "error: that is not the account's name; nothing was deleted\n")
    assert Person.objects.count() == 1


def test_with_several_accounts_it_must_be_told_which(run, alice, bob):
    code, _, err = run("account", "delete", "--yes")
    assert code == 1
    assert "several accounts exist" in err
    assert accounts() == ["alice", "bob"]


def test_with_no_account_there_is_nothing_to_delete_and_none_is_made(run):
    code, _, err = run("account", "delete", "--yes")
    assert (code, err) == (1, "error: there is no account to delete\n")
    assert accounts() == []
