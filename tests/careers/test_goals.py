"""Goals: the earnings floor with BLS's marks and area fallbacks, preparation, work values,
and goals the imported release cannot answer."""

import pytest

from infointerview.accounts.services import profile_for
from infointerview.careers.goals import save_goals
from infointerview.careers.interests import profile_from_scores
from infointerview.careers.matches import matches_for
from infointerview.careers.models import Goals, WageEstimate
from infointerview.lib.errors import Refused
from tests.careers.interest_fixture import occupations_with_interests
from tests.conftest import NOW

ARTISTIC = {"R": 1, "I": 2, "A": 7, "S": 2, "E": 3, "C": 1}
NATION, WASHINGTON, SEATTLE = "0000000", "53", "42660"
AREAS = {
    NATION: ("U.S.", 1),
    WASHINGTON: ("Washington", 2),
    SEATTLE: ("Seattle-Tacoma-Bellevue, WA", 4),
}


def wage(soc, area, annual=None, hourly=None, top=""):
    title, kind = AREAS[area]
    WageEstimate.objects.create(
        soc_code=soc,
        title=soc,
        area_code=area,
        area_title=title,
        area_type=kind,
        annual_median=annual,
        hourly_median=hourly,
        top_coded_columns=top,
    )


@pytest.fixture
def known(alice):
    occupations_with_interests()
    wage("27-1024", NATION, 62960)
    wage("27-1024", SEATTLE, 76720)
    wage("27-2012", NATION)  # `*`: not released
    wage("29-1141", NATION, top="annual_median")  # `#`: at or above the top code
    wage("43-3031", NATION, 47000)
    wage("43-3031", WASHINGTON, 58000)
    wage("17-2051", NATION, hourly=45.0)  # hourly only
    profile = profile_for(alice)
    profile.wage_state, profile.wage_metro = WASHINGTON, SEATTLE
    profile.save()
    profile_from_scores(alice, ARTISTIC, NOW)


def by_code(result):
    return {m.code: m for m in result.results}


def test_the_floor_leaves_out_lower_medians_and_keeps_unknown_top_coded_and_hourly(alice, known):
    save_goals(alice, min_wage=55000)
    result = by_code(matches_for(alice))
    assert "43-3031.00" not in result
    assert matches_for(alice).hidden == 1
    assert "earnings unknown in U.S.: not released, so kept" in result["27-2012.00"].goals.met
    assert "earns at least $55,000 (U.S.)" in result["29-1141.00"].goals.met
    assert "median $239,200 or more nationally" in result["29-1141.00"].reason
    assert "earns at least $55,000 (U.S.)" in result["17-2051.00"].goals.met
    assert "median $45.00 an hour nationally" in result["17-2051.00"].reason


def test_the_reason_gives_national_and_local_medians(alice, known):
    designers = by_code(matches_for(alice))["27-1024.00"]
    assert designers.reason == (
        "strong Artistic and Enterprising fit; median $62,960 nationally, $76,720 in "
        "Seattle-Tacoma-Bellevue, WA; job zone 4: a bachelor's usually needed"
    )


def test_a_missing_metro_figure_falls_back_to_the_state_and_says_so(alice, known):
    save_goals(alice, min_wage=50000, wage_area="metro")
    result = matches_for(alice, show_all=True)
    bookkeeping = by_code(result)["43-3031.00"]
    assert bookkeeping.goals.met == [
        "earns at least $50,000 (Washington (no figure for Seattle-Tacoma-Bellevue, WA))"
    ]
    designers = by_code(result)["27-1024.00"]
    assert designers.goals.met == ["earns at least $50,000 (Seattle-Tacoma-Bellevue, WA)"]


def test_no_metro_in_settings_uses_the_state_and_says_so(alice, known):
    profile = profile_for(alice)
    profile.wage_metro = ""
    profile.save()
    save_goals(alice, min_wage=50000, wage_area="metro")
    result = matches_for(alice)
    assert result.notes == [
        "Settings name no metropolitan area for wages, so the earnings floor uses your state."
    ]
    assert "43-3031.00" in by_code(result)


def test_show_all_keeps_what_the_goals_leave_out_and_marks_it(alice, known):
    save_goals(alice, min_wage=55000, max_job_zone=3)
    hidden = matches_for(alice)
    assert set(by_code(hidden)) == {"29-1141.00", "99-9999.00"}
    everything = matches_for(alice, show_all=True)
    assert everything.hidden == 0
    designers = by_code(everything)["27-1024.00"]
    assert designers.goals.unmet == ["needs more preparation than job zone 3"]
    assert by_code(everything)["43-3031.00"].goals.unmet == ["median below $55,000 (U.S.)"]


def test_work_values_re_rank(alice, known):
    assert [m.code for m in matches_for(alice).results][:2] == ["27-1024.00", "27-2012.00"]
    save_goals(alice, work_values=["relationships"])
    result = matches_for(alice)
    assert [m.code for m in result.results][:2] == ["27-2012.00", "27-1024.00"]
    assert "Relationships among its strongest work values" in result.results[0].goals.met
    assert "Relationships not among its strongest work values" in result.results[1].goals.unmet


def test_an_unknown_work_value_is_refused(alice):
    with pytest.raises(Refused, match="unknown work value 'Fame': use one of Achievement"):
        save_goals(alice, work_values=["Fame"])


def test_a_goal_the_release_has_no_table_for_is_said_so(alice, known):
    save_goals(alice, skills=["Active Listening"], work_context=["Outdoors, Exposed to Weather"])
    result = matches_for(alice)
    assert result.notes == [
        "The skills goal could not be applied: the imported O*NET release has no Skills table.",
        "The work context goal could not be applied: the imported O*NET release has no "
        "Work Context table.",
    ]
    assert len(result.results) == 6


def test_a_floor_without_wage_data_is_said_so(alice, known):
    WageEstimate.objects.all().delete()
    save_goals(alice, min_wage=55000)
    result = matches_for(alice)
    assert result.hidden == 0
    assert result.notes[0].startswith("The earnings floor could not be applied: no wage data")


def test_skills_goals_are_checked_when_the_release_has_them(alice, known):
    from infointerview.careers.models import Occupation, Skill

    designers = Occupation.objects.get(code="27-1024.00")
    Skill.objects.create(occupation=designers, element="Active Listening", value=4.0)
    save_goals(alice, skills=["active listening"])
    result = by_code(matches_for(alice))
    assert "uses Active Listening" in result["27-1024.00"].goals.met
    assert "uses little Active Listening" in result["27-2012.00"].goals.unmet


def test_an_earnings_floor_no_median_comes_near_is_refused_everywhere(alice, known):
    with pytest.raises(Refused, match="min_wage|10000000|10,000,000"):
        save_goals(alice, min_wage=99_999_999_999)
    assert not Goals.objects.filter(owner=alice).exists()
