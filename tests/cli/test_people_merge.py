"""`infointerview people duplicates | merge | knows | who` from the command line."""

import json

from infointerview.cli import main
from infointerview.outreach.models import ContactRequest
from infointerview.outreach.services import draft
from infointerview.people.acquaintances import acquaintances_of
from infointerview.people.models import Acquaintance, Person
from infointerview.people.services import add_person
from tests.conftest import WEDNESDAY


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def second_dana(alice):
    return add_person(
        alice,
        "Dana M. Lee",
        emails=["dana@example.com"],
        phones=["555-0199"],
        organization="Brightline Studio",
    )


def test_duplicates_are_listed_and_merged(capsys, alice, dana):
    twin = second_dana(alice)
    draft(alice, twin, "phone", today=WEDNESDAY)
    code, out, _ = run(capsys, "people", "duplicates", "--json")
    (pair,) = json.loads(out)
    assert (pair["keep"]["name"], pair["drop"]["name"]) == ("Dana Lee", "Dana M. Lee")
    assert pair["reasons"] == ["the same e-mail"]

    code, out, err = run(capsys, "people", "merge", "Dana Lee", str(twin.public_id))

    assert (code, err) == (0, "")
    assert "Merged Dana M. Lee into Dana Lee: 1 record moved." in out
    assert list(Person.objects.filter(owner=alice)) == [dana]
    assert ContactRequest.objects.get().person == dana
    assert run(capsys, "people", "duplicates")[1] == "No duplicates found.\n"


def test_merging_someone_with_themselves_is_one_line_and_changes_nothing(capsys, alice, dana):
    code, out, err = run(capsys, "people", "merge", "Dana Lee", "dana lee")
    assert code == 1 and out == "" and err.count("\n") == 1 and "same record" in err
    assert Person.objects.filter(owner=alice).count() == 1


def test_knows_links_two_people_and_can_forget_it(capsys, alice, dana):
    kim = add_person(alice, "Kim Ode")
    code, out, _ = run(capsys, "people", "knows", "Kim Ode", "Dana Lee", "--note", "Neighbours")
    assert (code, out) == (0, "Noted: Kim Ode knows Dana Lee.\n")
    assert acquaintances_of(alice, dana) == [kim]
    code, out, _ = run(capsys, "people", "knows", "Kim Ode", "Dana Lee", "--forget")
    assert out == "Kim Ode and Dana Lee no longer linked.\n"
    assert not Acquaintance.objects.exists()


def test_knows_an_unknown_name_is_one_line(capsys, alice, dana):
    code, out, err = run(capsys, "people", "knows", "Dana Lee", "Nobody Here")
    assert code == 1 and err.count("\n") == 1 and "no person named 'Nobody Here'" in err
    assert not Acquaintance.objects.exists()


def test_who_lists_the_people_known_in_an_occupation(capsys, alice, designers, dana):
    designers.onet_code = "27-1024.00"
    designers.save()
    dana.onet_code = "27-1024.00"
    dana.save()
    kim = add_person(alice, "Kim Ode")
    run(capsys, "people", "knows", "Kim Ode", "Dana Lee")

    code, out, _ = run(capsys, "people", "who", "Graphic Designers", "--json")

    printed = json.loads(out)
    (person,) = printed["people"]
    assert person["name"] == "Dana Lee" and person["at_your_level"]
    assert person["introducers"] == [
        {"id": str(kim.public_id), "name": "Kim Ode", "steps": 1, "how": "knows Dana Lee"}
    ]
    code, out, _ = run(capsys, "people", "who", "27-1024.00")
    assert "Dana Lee" in out and "Kim Ode — knows Dana Lee" in out


def test_who_for_an_occupation_not_on_the_shortlist_is_one_line(capsys, alice):
    code, out, err = run(capsys, "people", "who", "Nurses")
    assert code == 1 and err.count("\n") == 1 and "not on your shortlist" in err


def test_an_introduction_can_be_drafted_through_any_acquaintance(capsys, alice, dana):
    add_person(alice, "Kim Ode")
    run(capsys, "people", "knows", "Kim Ode", "Dana Lee")
    code, out, _ = run(
        capsys,
        "outreach",
        "draft",
        "Dana Lee",
        "--channel",
        "introduction",
        "--introducer",
        "Kim Ode",
    )
    assert code == 0 and "Kim" in out
    assert ContactRequest.objects.get(person=dana).channel == "introduction"
    assert Person.objects.get(pk=dana.pk).introduced_by.name == "Kim Ode"


def test_an_introducer_not_recorded_as_knowing_them_is_one_line(capsys, alice, dana):
    add_person(alice, "Kim Ode")
    code, _, err = run(
        capsys,
        "outreach",
        "draft",
        "Dana Lee",
        "--channel",
        "introduction",
        "--introducer",
        "Kim Ode",
    )
    assert code == 1 and "Kim Ode is not recorded as knowing Dana Lee" in err
    assert not ContactRequest.objects.exists()


def test_the_duplicates_table_shows_whole_ids_to_merge_by(capsys, alice, dana, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    twin = second_dana(alice)
    code, out, _ = run(capsys, "people", "duplicates")
    assert code == 0
    assert f"Dana Lee {dana.public_id}\n  and Dana M. Lee {twin.public_id}\n" in out
