"""Compare: the shortlist side by side, from O*NET, BLS and the user's own interviews."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infointerview.accounts.services import create_owner, profile_for
from infointerview.agenda.compare import compare_shortlist
from infointerview.careers.interests import ITEMS, finish_questionnaire, profile_from_scores
from infointerview.careers.matches import correlation
from infointerview.careers.models import Interest, Occupation, TargetOccupation
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_target, add_to_shortlist, set_status
from infointerview.careers.wages import import_wages
from infointerview.interviews.afterwards import record_learning
from infointerview.interviews.models import Insight, Interview
from infointerview.interviews.services import cancel, schedule
from infointerview.people.models import Person
from infointerview.people.services import add_person
from tests.careers.oews_fixture import write_csv
from tests.careers.onet_fixture import write_release
from tests.conftest import NOW

CALIFORNIA = "0600000"
# Widget Designers' six interest scores, R-I-A-S-E-C: the test release has only R and A.
WIDGET_INTERESTS = {"Investigative": 2.0, "Social": 2.5, "Enterprising": 4.0, "Conventional": 1.5}
ARTISTIC = {"R": 1, "I": 2, "A": 7, "S": 2, "E": 3, "C": 1}


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    import_wages(write_csv(tmp_path / "oews.csv"))
    widget = Occupation.objects.get(code="27-9001.00")
    Interest.objects.bulk_create(
        Interest(occupation=widget, element=name, value=value)
        for name, value in WIDGET_INTERESTS.items()
    )
    cache.forget()
    yield
    cache.forget()


@pytest.fixture
def shortlist(alice, onet):
    """Two O*NET occupations, a name never linked to O*NET, and one ruled out."""
    profile = profile_for(alice)
    profile.wage_state = CALIFORNIA
    profile.save()
    add_to_shortlist(alice, "27-9001.00")
    add_to_shortlist(alice, "27-9002.00")
    add_target(alice, "Lighthouse Keepers")
    puzzles = add_to_shortlist(alice, "15-9001.00")
    set_status(alice, puzzles, TargetOccupation.Status.RULED_OUT, why="too solitary")
    return alice


def _sides(owner, **options):
    comparison = compare_shortlist(owner, profile_for(owner).wage_areas(), **options)
    return comparison, {side.title: side for side in comparison.sides}


def _interview(owner, person, fit_rating, insights, days_ago=3):
    interview = schedule(owner, person, NOW - timedelta(days=days_ago))
    record_learning(owner, interview, fit_rating=fit_rating, insights=insights, now=NOW)
    return interview


def test_each_shortlisted_occupation_has_its_wages_preparation_values_and_tasks(shortlist):
    comparison, sides = _sides(shortlist)
    assert list(sides) == ["Lighthouse Keepers", "Sign Painters", "Widget Designers"]
    widget = sides["Widget Designers"]
    assert widget.wage_lines() == [
        ("National", "$62,400", False),
        ("California", "$72,800", False),
    ]
    assert widget.zone.name == "Job Zone 4" and widget.zone.education == "Education 4"
    assert widget.education == [("Bachelor's Degree", 60.0), ("Post-Secondary Certificate", 40.0)]
    assert widget.work_values == {"Achievement": 5.5}
    assert widget.tasks == ["Main task of widget designers.", "Occasional side task."]
    painters = sides["Sign Painters"]
    assert painters.wage_lines()[0] == ("National", "$58,000", True)  # the broad group's
    assert comparison.work_value_rows() == [("Achievement", [None, 5.5, 5.5])]


def test_a_name_not_linked_to_onet_keeps_its_column_with_what_interviews_taught(shortlist):
    keeper = add_person(shortlist, "Ida Lamp", occupation="Lighthouse Keepers")
    _interview(shortlist, keeper, 4, {"pros": "Quiet nights", "cons": "Stairs"})
    comparison, sides = _sides(shortlist)
    lighthouse = sides["Lighthouse Keepers"]
    assert lighthouse.occupation is None and lighthouse.fit is None
    assert lighthouse.wages == [] and lighthouse.tasks == []
    assert lighthouse.learned.interviews == 1 and lighthouse.learned.average_fit == 4
    assert lighthouse.learned.insights["What is good about the work"] == [
        ("Ida Lamp", "Quiet nights")
    ]
    assert comparison.insight_kinds == ["What is good about the work", "What is hard about it"]
    data = comparison.to_dict()["occupations"][0]
    assert data["onet_code"] is None and data["from_your_interviews"]["interviews"] == 1


def test_interviews_count_for_the_list_and_for_people_in_its_occupation_but_not_cancelled(
    shortlist,
):
    dana = add_person(shortlist, "Dana Lee", occupation="Widget Designers")
    sam = add_person(shortlist, "Sam Park")
    Person.objects.filter(pk=sam.pk).update(onet_code="27-9001.00")
    _interview(shortlist, dana, 5, {"typical_day": "Sketching"})
    _interview(shortlist, sam, 3, {"ways_in": "A portfolio"}, days_ago=2)
    cancel(shortlist, schedule(shortlist, dana, NOW + timedelta(days=5)))
    _, sides = _sides(shortlist)
    widget = sides["Widget Designers"].learned
    assert widget.interviews == 2 and widget.average_fit == 4.0
    assert widget.insights["A typical day"] == [("Dana Lee", "Sketching")]
    assert widget.insights["Ways in"] == [("Sam Park", "A portfolio")]
    assert sides["Sign Painters"].learned.interviews == 0


def test_a_cell_keeps_its_newest_insights_and_counts_the_earlier_ones(alice_client, shortlist):
    dana = add_person(shortlist, "Dana Lee", occupation="Widget Designers")
    for days_ago, text in ((9, "Old"), (6, "Middle"), (3, "New")):
        _interview(shortlist, dana, 4, {"pros": text}, days_ago=days_ago)
    _, sides = _sides(shortlist, latest_insights=2)
    widget = sides["Widget Designers"].learned
    assert widget.insights["What is good about the work"] == [
        ("Dana Lee", "Middle"),
        ("Dana Lee", "New"),
    ]
    assert widget.more == {"What is good about the work": 1} and widget.interviews == 3
    _, everything = _sides(shortlist)
    assert len(everything["Widget Designers"].learned.insights["What is good about the work"]) == 3
    page = alice_client.get(reverse("agenda:compare")).content.decode()
    assert "Old" not in page and page.index("New") < page.index("Middle")  # newest first
    link = reverse("agenda:occupation", args=["27-9001.00"]) + "#learned"
    assert f'1 earlier · <a href="{link}">see all for Widget Designers</a>' in page


def test_interest_fit_waits_for_a_profile_then_fits_where_o_net_has_the_six_scores(shortlist):
    _, sides = _sides(shortlist)
    assert sides["Widget Designers"].fit.text == "no interest profile yet"
    profile_from_scores(shortlist, ARTISTIC, NOW)
    _, sides = _sides(shortlist)
    widget = sides["Widget Designers"].fit
    expected = correlation([1, 2, 7, 2, 3, 1], [3.0, 2.0, 6.5, 2.5, 4.0, 1.5])
    assert widget.score == pytest.approx(expected)
    assert widget.text == "strong fit; its interests: Artistic, Enterprising, Realistic"
    assert sides["Sign Painters"].fit.text == "no O*NET interest data"


def test_a_flat_profile_gets_no_fit_and_says_why(shortlist):
    finish_questionnaire(shortlist, NOW, {str(number): "unsure" for number in ITEMS})
    _, sides = _sides(shortlist)
    assert sides["Widget Designers"].fit.score is None
    assert "flat" in sides["Widget Designers"].fit.text


def test_ruled_out_occupations_are_left_out_unless_asked_for(shortlist):
    comparison, sides = _sides(shortlist)
    assert "Puzzle Programmers" not in sides
    assert comparison.ruled_out == ["Puzzle Programmers"]
    _, sides = _sides(shortlist, ruled_out=True)
    assert sides["Puzzle Programmers"].wage_lines()[0] == ("National", "not released", False)


def test_the_compare_page_shows_the_columns_and_prints(alice_client, shortlist):
    dana = add_person(shortlist, "Dana Lee", occupation="Widget Designers")
    _interview(shortlist, dana, 5, {"pros": "obsidian-pros"})
    response = alice_client.get(reverse("agenda:compare"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Widget Designers", "Lighthouse Keepers", "$72,800", "California", "Job Zone 4"):
        assert text in html
    assert "obsidian-pros" in html and "5.0/5" in html
    assert "Not linked to O*NET" in html and "no interest profile yet" in html
    assert "data-print" in html and "CC BY 4.0" in html
    assert "Puzzle Programmers" in html and "?ruled_out=on" in html
    included = alice_client.get(reverse("agenda:compare"), {"ruled_out": "on"}).content.decode()
    assert "not released" in included and "Leave out the occupations you ruled out" in included


def test_an_empty_shortlist_says_where_to_start(alice_client):
    html = alice_client.get(reverse("agenda:compare")).content.decode()
    assert "Nothing to compare yet" in html and reverse("careers:explore") in html


def test_the_shortlist_page_links_to_compare(alice_client, shortlist):
    html = alice_client.get(reverse("careers:targets")).content.decode()
    assert reverse("agenda:compare") in html


def _history(owner, lists: int, interviews: int) -> None:
    """Lists linked to O*NET or not, people on them, interviews with insights and ratings."""
    codes = ["27-9001.00", "27-9002.00", "15-9001.00", ""]
    targets = [
        TargetOccupation.objects.create(owner=owner, name=f"List {n}", onet_code=codes[n % 4])
        for n in range(lists)
    ]
    people = [add_person(owner, f"Person {n}", occupation=t) for n, t in enumerate(targets)]
    rows = Interview.objects.bulk_create(
        Interview(
            owner=owner,
            person=people[n % len(people)],
            starts_at=NOW - timedelta(days=n + 1),
            status=Interview.Status.HELD,
            fit_rating=n % 5 + 1,
        )
        for n in range(interviews)
    )
    Insight.objects.bulk_create(
        Insight(owner=owner, interview=row, kind=Insight.Kind.PROS, text=f"Good {n}")
        for n, row in enumerate(rows)
    )
    profile_from_scores(owner, ARTISTIC, NOW)


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("agenda:compare")).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("small, large", [((2, 10), (2, 1000)), ((2, 20), (20, 20))])
def test_compare_does_as_many_queries_whatever_the_shortlist_and_history(
    client, onet, small, large
):
    counts = []
    for name, (lists, interviews) in (("small", small), ("large", large)):
        owner = create_owner(name, time_zone="America/Chicago")
        _history(owner, lists, interviews)
        client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")
        counts.append(_queries(client))
    assert counts[0] == counts[1]


def test_education_missing_from_the_release_is_said_once_not_left_as_dashes(alice_client, alice):
    add_target(alice, "Graphic Designers")
    page = alice_client.get("/occupations/compare/").content.decode()
    assert "not in the imported O*NET release" in page
