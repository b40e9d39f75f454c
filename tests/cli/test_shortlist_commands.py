"""`shortlist add` takes O*NET codes and titles once O*NET is imported, names before."""

import pytest

from infointerview.careers.models import TargetOccupation
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.cli import main
from tests.careers.onet_fixture import write_release


@pytest.fixture
def run(db, capsys):
    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def onet(db, tmp_path):
    cache.forget()
    import_release(write_release(tmp_path / "release", "29.0"), None)
    yield
    cache.forget()


def test_before_onet_is_imported_a_name_is_added_as_typed(run):
    code, out, _ = run("shortlist", "add", "Kite Makers", "--level", "experienced")
    assert code == 0 and "Added Kite Makers (experienced)" in out
    target = TargetOccupation.objects.get()
    assert (target.name, target.onet_code) == ("Kite Makers", "")


def test_with_onet_a_code_or_a_title_links_the_occupation(run, onet):
    code, out, _ = run("shortlist", "add", "27-9003.00")
    assert code == 0 and "On your shortlist: Kite Makers (27-9003.00)" in out
    assert run("shortlist", "add", "kite makers")[0] == 0
    target = TargetOccupation.objects.get()
    assert (target.name, target.onet_code) == ("Kite Makers", "27-9003.00")


def test_with_onet_an_unknown_name_is_refused_and_points_to_name_only(run, onet):
    code, out, err = run("shortlist", "add", "Balloon Folders")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "--name-only" in err
    assert TargetOccupation.objects.count() == 0
    code, out, _ = run("shortlist", "add", "Balloon Folders", "--name-only")
    assert code == 0 and "Added Balloon Folders" in out
    assert TargetOccupation.objects.get().onet_code == ""


def test_a_bad_level_is_refused_as_a_bad_level(run, onet):
    code, _, err = run("shortlist", "add", "27-9003.00", "--level", "guru")
    assert code == 1 and "unknown level 'guru'" in err and "--name-only" not in err
    assert TargetOccupation.objects.count() == 0


def test_targets_is_a_hidden_alias_of_shortlist(run):
    code, out, _ = run("--help")
    assert code == 0 and "shortlist" in out and "targets" not in out
    assert run("targets", "add", "Nurses")[0] == 0
    code, out, _ = run("shortlist", "status", "Nurses", "confirmed")
    assert code == 0 and "Nurses: confirmed." in out
    code, out, _ = run("targets", "list")
    assert "Nurses" in out and "Confirmed" in out


def test_rename_and_merge_lists_from_the_command_line(run, alice):
    run("--user", "alice", "people", "add", "Ana", "--occupation", "Kite Makers")
    run("--user", "alice", "people", "add", "Bo", "--occupation", "Kyte Makers", "--new-occupation")
    code, out, _ = run("--user", "alice", "shortlist", "rename", "kyte makers", "Kite Maker")
    assert code == 0 and "Renamed to Kite Maker" in out
    code, out, _ = run("--user", "alice", "shortlist", "merge", "Kite Maker", "Kite Makers")
    assert code == 0 and "Merged into Kite Makers: 2 people" in out
    assert list(TargetOccupation.objects.values_list("name", flat=True)) == ["Kite Makers"]
    code, _, err = run("--user", "alice", "shortlist", "merge", "Nope", "Kite Makers")
    assert code == 1 and "'Nope' is not on your shortlist" in err


def test_a_name_close_to_a_list_asks_did_you_mean(run, alice):
    run("--user", "alice", "people", "add", "Ana", "--occupation", "Kite Makers")
    code, _, err = run("--user", "alice", "people", "add", "Bo", "--occupation", "Kite Makrs")
    assert code == 1 and "did you mean 'Kite Makers'?" in err and "--new-occupation" in err
    assert TargetOccupation.objects.count() == 1


def test_a_proposed_link_is_answered_yes_or_no(run, alice):
    from infointerview.careers.services import add_target

    target = add_target(alice, "Kite folk")
    target.proposed_onet_code = "27-9003.00"
    target.save()
    code, out, _ = run("--user", "alice", "shortlist", "link", "Kite folk", "--no")
    assert code == 0 and "not linked" in out
    target.refresh_from_db()
    assert target.declined_onet_codes == ["27-9003.00"] and target.proposed_onet_code == ""
    code, _, err = run("--user", "alice", "shortlist", "link", "Kite folk", "--yes")
    assert code == 1 and "no O*NET match is waiting" in err
