"""Linking typed occupations and job titles to O*NET through the title matcher."""

import pytest

from infointerview.careers.lists import close_names
from infointerview.careers.onet_import import import_release
from infointerview.careers.services import add_target, answer_proposal, link_free_text_occupations
from infointerview.cli import main
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release


@pytest.fixture
def release_28(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))


def test_a_sure_job_title_is_linked_with_the_level_it_states(alice, release_28):
    ana = add_person(alice, "Ana", job_title="Senior Widget Designers at Acme")
    ben = add_person(alice, "Ben", job_title="Widget Designer", level="supervisor")
    report = link_free_text_occupations()
    ana.refresh_from_db()
    ben.refresh_from_db()
    assert (ana.onet_code, ana.level) == ("27-9001.00", "experienced")
    assert (ben.onet_code, ben.level) == ("27-9001.00", "supervisor")  # chosen, kept
    assert report.applied == 2


def test_an_unsure_match_is_proposed_and_a_no_is_remembered_across_imports(
    alice, release_28, tmp_path
):
    target = add_target(alice, "Puzzle programming")
    link_free_text_occupations()
    target.refresh_from_db()
    assert (target.onet_code, target.proposed_onet_code) == ("", "15-9001.00")
    answer_proposal(alice, target, accept=False)
    import_release(write_release(tmp_path / "v29", "29.0"))
    report = link_free_text_occupations()
    target.refresh_from_db()
    assert (target.onet_code, target.proposed_onet_code) == ("", "")
    assert report.proposed == 0


def test_occupations_link_uses_the_matcher(alice, release_28, capsys):
    add_person(alice, "Ana", job_title="Sr. Sign Painter @ Bright Signs")
    add_person(alice, "Ben", job_title="Puzzle programming lead")
    assert main(["occupations", "link"]) == 0
    assert "Linked 1; proposed 1; no match 0." in capsys.readouterr().out


def test_did_you_mean_offers_the_occupation_a_typed_title_names(alice, release_28):
    assert close_names(alice, "Senior widget designer at Acme") == ["Widget Designers"]
    assert close_names(alice, "sign painter") == ["Sign Painters"]
    assert close_names(alice, "Widget Designers") == []
    assert close_names(alice, "Zqxv wobbling") == []


def test_a_proposal_still_waiting_is_counted_as_proposed_when_linked_again(alice, release_28):
    add_person(alice, "Ana", job_title="Widget design")
    first = link_free_text_occupations()
    again = link_free_text_occupations()
    assert first.proposed == again.proposed == 1 and again.unmatched == 0
