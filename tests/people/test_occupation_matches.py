"""The confirm screen: proposed O*NET occupations answered yes, another picked, or not sure."""

import pytest

from infointerview.careers.onet_import import import_release
from infointerview.careers.services import link_free_text_occupations
from infointerview.people import occupation_matches
from infointerview.people.models import Person
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release


@pytest.fixture
def release_28(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))


def proposed(alice, name, job_title, organization=""):
    person = add_person(alice, name, job_title=job_title, organization=organization)
    link_free_text_occupations()
    person.refresh_from_db()
    return person


def test_the_page_lists_each_person_whose_match_awaits_their_word(alice, alice_client, release_28):
    ana = proposed(alice, "Ana", "Puzzle programming lead", "Riddle Co")
    linked = proposed(alice, "Ben", "Sign Painter")
    assert ana.proposed_onet_code == "15-9001.00" and ana.onet_code == ""
    assert linked.onet_code == "27-9002.00" and linked.proposed_onet_code == ""
    page = alice_client.get("/people/occupations/").content.decode()
    assert "Puzzle programming lead" in page and "Riddle Co" in page
    assert "Puzzle Programmers" in page and "15-9001.00" in page
    assert "level: experienced (lead)" in page
    assert 'placeholder="O*NET code, e.g. 15-1252.00"' in page  # nothing else shares its words
    assert "Ben" not in page


def test_yes_links_it_and_keeps_the_level_the_title_states(alice, alice_client, release_28):
    ana = proposed(alice, "Ana", "Puzzle programming lead")
    response = alice_client.post(f"/people/{ana.public_id}/occupation/yes/")
    assert response.status_code == 302
    ana.refresh_from_db()
    assert (ana.onet_code, ana.proposed_onet_code, ana.level) == ("15-9001.00", "", "experienced")


def test_not_sure_is_never_proposed_again_even_after_a_new_import(
    alice, alice_client, release_28, tmp_path
):
    ana = proposed(alice, "Ana", "Puzzle programming lead")
    alice_client.post(f"/people/{ana.public_id}/occupation/not-sure/")
    ana.refresh_from_db()
    assert (ana.onet_code, ana.proposed_onet_code) == ("", "")
    assert ana.declined_onet_codes == ["15-9001.00"]
    import_release(write_release(tmp_path / "v29", "29.0"))
    link_free_text_occupations()
    ana.refresh_from_db()
    assert (ana.onet_code, ana.proposed_onet_code) == ("", "")
    assert occupation_matches.waiting(alice) == []


def test_picking_another_links_it_and_sets_the_proposal_aside(alice, alice_client, release_28):
    ana = proposed(alice, "Ana", "Puzzle programming lead")
    response = alice_client.post(
        f"/people/{ana.public_id}/occupation/pick/", {"code": "27-9001.00"}
    )
    assert response.status_code == 302
    ana.refresh_from_db()
    assert (ana.onet_code, ana.proposed_onet_code) == ("27-9001.00", "")
    assert ana.declined_onet_codes == ["15-9001.00"]


def test_a_made_up_code_is_refused_and_changes_nothing(alice, alice_client, release_28):
    ana = proposed(alice, "Ana", "Puzzle programming lead")
    alice_client.post(f"/people/{ana.public_id}/occupation/pick/", {"code": "99-9999.00"})
    alice_client.post(f"/people/{ana.public_id}/occupation/pick/", {"code": "not a code"})
    ana.refresh_from_db()
    assert (ana.onet_code, ana.proposed_onet_code) == ("", "15-9001.00")


def test_another_users_person_is_not_found(alice, bob, client, release_28):
    ana = proposed(alice, "Ana", "Puzzle programming lead")
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(f"/people/{ana.public_id}/occupation/yes/").status_code == 404
    assert client.get("/people/occupations/").content.decode().count("Ana") == 0
    assert Person.objects.get(pk=ana.pk).proposed_onet_code == "15-9001.00"
