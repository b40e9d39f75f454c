"""The shortlist linked to O*NET, and linking free-text occupations after an import."""

import pytest

from infointerview.careers.models import TargetOccupation
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import (
    add_target,
    add_to_shortlist,
    answer_proposal,
    link_free_text_occupations,
    set_status,
)
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.services import add_person
from tests.careers.onet_fixture import write_release


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    yield
    cache.forget()


def test_a_code_or_exact_title_goes_on_the_shortlist(alice, onet):
    by_code = add_to_shortlist(alice, "27-9001.00", level="entry", why="I like widgets")
    assert (by_code.name, by_code.onet_code, by_code.why) == (
        "Widget Designers",
        "27-9001.00",
        "I like widgets",
    )
    by_title = add_to_shortlist(alice, "sign painters")
    assert by_title.onet_code == "27-9002.00"
    by_alternate = add_to_shortlist(alice, "Puzzle Programmer Specialist")
    assert by_alternate.onet_code == "15-9001.00"


def test_an_unclear_name_is_refused_with_likely_codes(alice, onet):
    with pytest.raises(Refused, match="27-9001.00 Widget Designers"):
        add_to_shortlist(alice, "widget")
    with pytest.raises(NotFound):
        add_to_shortlist(alice, "zzzzzz qqqq")
    assert not TargetOccupation.objects.exists()


def test_a_free_text_target_gets_linked_when_shortlisted(alice, onet):
    add_target(alice, "Widget Designers")
    add_to_shortlist(alice, "27-9001.00")
    assert TargetOccupation.objects.get().onet_code == "27-9001.00"


def test_after_an_import_sure_names_are_linked_and_others_proposed(alice, bob, db, tmp_path):
    exact = add_target(alice, "Widget Designers")
    vague = add_target(alice, "Widget design")
    person = add_person(alice, "Ana", occupation="sign painters", job_title="Widget Designer")
    bobs = add_target(bob, "Puzzle Programmers")
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    report = link_free_text_occupations()
    for row in (exact, vague, person, person.target, bobs):
        row.refresh_from_db()
    assert exact.onet_code == "27-9001.00"
    assert person.target.onet_code == "27-9002.00"
    # 'Widget Designer' is O*NET's own title, singular: sure enough to link.
    assert person.onet_code == "27-9001.00" and person.proposed_onet_code == ""
    assert bobs.onet_code == "15-9001.00"
    assert vague.onet_code == "" and vague.proposed_onet_code == "27-9001.00"
    assert (report.applied, report.proposed) == (4, 1)
    answer_proposal(alice, vague, accept=True)
    assert vague.onet_code == "27-9001.00"
    cache.forget()


def test_a_link_survives_the_code_leaving_onet(alice, db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    target = add_to_shortlist(alice, "27-9001.00")
    import_release(write_release(tmp_path / "v29", "29.0"))
    target.refresh_from_db()
    assert target.onet_code == "27-9001.00"
    from infointerview.careers.occupations import occupation_page

    assert occupation_page("27-9001.00").occupation.retired_in == "29.0"
    cache.forget()


def test_confirming_or_ruling_out_keeps_the_reason(alice, onet):
    target = add_to_shortlist(alice, "27-9001.00")
    set_status(alice, target, "ruled_out", "dream job not so dreamy after all")
    target.refresh_from_db()
    assert (target.status, target.why) == ("ruled_out", "dream job not so dreamy after all")
    with pytest.raises(Refused, match="unknown status"):
        set_status(alice, target, "maybe")


def test_searching_before_any_import_finds_nothing(db):
    from infointerview.careers.search import search

    cache.forget()
    assert search("graphic designer") == []
    assert search("15-1252") == []


def test_a_refused_match_is_never_proposed_again(alice, db, tmp_path):
    vague = add_target(alice, "Widget design")
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    link_free_text_occupations()
    vague.refresh_from_db()
    answer_proposal(alice, vague, accept=False)
    link_free_text_occupations()
    vague.refresh_from_db()
    assert (vague.onet_code, vague.proposed_onet_code) == ("", "")
    assert vague.declined_onet_codes == ["27-9001.00"]
    cache.forget()
