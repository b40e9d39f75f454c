"""infointerview occupations confirm: the confirm screen on the command line."""

import json

import pytest

from infointerview.careers.onet_import import import_release
from infointerview.careers.services import link_free_text_occupations
from infointerview.cli import main
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def waiting(alice, db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    people = [
        add_person(alice, "Ana Ruiz", job_title="Puzzle programming lead", organization="Riddle"),
        add_person(alice, "Ben Okafor", job_title="Widget design"),
    ]
    link_free_text_occupations()
    return people


def test_the_list_and_each_answer(waiting, capsys):
    code, out, _ = run(capsys, "occupations", "confirm")
    assert code == 0
    assert "Ana Ruiz: Puzzle programming lead at Riddle → 15-9001.00 Puzzle Programmers?" in out
    assert "Ben Okafor: Widget design → 27-9001.00 Widget Designers?" in out
    code, out, _ = run(capsys, "occupations", "confirm", "Ana Ruiz", "--yes")
    assert code == 0 and "Linked Ana Ruiz to 15-9001.00." in out
    code, out, _ = run(capsys, "occupations", "confirm", "Ben", "--not-sure", "--json")
    assert json.loads(out)["onet_code"] is None
    code, out, _ = run(capsys, "occupations", "confirm", "--json")
    assert json.loads(out) == []
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert (waiting[0].onet_code, waiting[0].level) == ("15-9001.00", "experienced")
    assert waiting[1].declined_onet_codes == ["27-9001.00"]


def test_picking_another_and_refusals(waiting, capsys):
    code, out, _ = run(capsys, "occupations", "confirm", "Ben", "--pick", "27-9002.00")
    assert code == 0 and "Linked Ben Okafor to 27-9002.00." in out
    code, _, err = run(capsys, "occupations", "confirm", "Ana", "--yes", "--not-sure")
    assert code == 1 and "one of --yes, --not-sure or --pick" in err
    code, _, err = run(capsys, "occupations", "confirm", "Ana", "--pick", "99-9999.00")
    assert code == 1 and "no O*NET occupation has the code" in err
    code, _, err = run(capsys, "occupations", "confirm", "--yes")
    assert code == 1 and "name the person" in err
