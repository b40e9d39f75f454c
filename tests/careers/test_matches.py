"""Ranking occupations by interest fit, on occupations whose right order is known."""

import pytest

from infointerview.careers.interests import (
    ITEMS,
    finish_questionnaire,
    profile_from_code,
    profile_from_scores,
)
from infointerview.careers.matches import (
    FLAT,
    NO_PROFILE,
    interest_fit,
    latest_profile,
    matches_for,
)
from infointerview.lib.errors import Refused
from tests.careers.interest_fixture import NO_DATA, occupations_with_interests
from tests.conftest import NOW

ARTISTIC = {"R": 1, "I": 2, "A": 7, "S": 2, "E": 3, "C": 1}


@pytest.fixture
def known(db):
    occupations_with_interests()


def codes(result):
    return [m.code for m in result.results]


def test_scores_the_same_for_every_type_are_refused(alice):
    with pytest.raises(Refused, match="every type has the same score"):
        profile_from_scores(alice, dict.fromkeys("RIASEC", 4), NOW)


def test_an_artistic_profile_puts_the_artistic_occupations_first(alice, known):
    profile_from_scores(alice, ARTISTIC, NOW)
    result = matches_for(alice)
    assert codes(result)[:2] == ["27-1024.00", "27-2012.00"]
    assert codes(result)[-1] == NO_DATA[0]
    assert result.results[0].fit > 0.9
    assert result.results[-1].fit is None
    assert result.results[-1].reason.startswith("no O*NET interest data")


def test_every_result_gives_a_reason(alice, known):
    profile_from_code(alice, "AES", NOW)
    result = matches_for(alice)
    assert result.results[0].code == "27-2012.00"  # A and E high, as AES
    assert result.results[0].reason.startswith("strong Artistic, Enterprising and Social fit")
    assert "job zone 4: a bachelor's usually needed" in result.results[0].reason
    assert all(m.reason for m in result.results)


def test_the_ranking_does_not_depend_on_the_scale_of_the_scores(alice, bob, known):
    profile_from_scores(alice, ARTISTIC, NOW)
    profile_from_scores(bob, {k: v * 13 + 40 for k, v in ARTISTIC.items()}, NOW)
    assert codes(matches_for(alice)) == codes(matches_for(bob))


def test_a_social_profile_puts_nurses_first_and_bookkeeping_conventional_first(alice, bob, known):
    profile_from_code(alice, "SIR", NOW)
    profile_from_code(bob, "CE", NOW)
    assert codes(matches_for(alice))[0] == "29-1141.00"
    assert codes(matches_for(bob))[0] == "43-3031.00"


def test_a_flat_profile_gets_a_message_instead_of_a_ranking(alice, known):
    """Every activity 'not sure': the questionnaire's profile is flat."""
    finish_questionnaire(alice, NOW, {str(number): "unsure" for number in ITEMS})
    result = matches_for(alice)
    assert result.message == FLAT
    assert result.results == []


def test_no_profile_yet_says_how_to_make_one(alice, known):
    result = matches_for(alice)
    assert result.message == NO_PROFILE


def test_the_latest_profile_is_the_one_used(alice, known):
    from datetime import timedelta

    profile_from_code(alice, "CE", NOW)
    newest = profile_from_scores(alice, ARTISTIC, NOW + timedelta(days=1))
    assert latest_profile(alice) == newest
    assert codes(matches_for(alice))[0] == "27-1024.00"


def test_interest_fit_of_one_occupation(alice, bob, known):
    profile_from_scores(alice, ARTISTIC, NOW)
    assert interest_fit(alice, "27-1024.00") > 0.9
    assert interest_fit(alice, "43-3031.00") < 0
    assert interest_fit(alice, NO_DATA[0]) is None
    assert interest_fit(bob, "27-1024.00") is None  # bob has no profile


def test_the_limit_keeps_the_best(alice, known):
    profile_from_scores(alice, ARTISTIC, NOW)
    assert codes(matches_for(alice, limit=2)) == ["27-1024.00", "27-2012.00"]


def test_shared_high_points_break_a_tie(alice, known):
    from infointerview.careers.models import Interest, Occupation

    # The user is as Artistic as Conventional, so two occupations, one of each, fit
    # equally; the one whose first letter is the user's first (A, by R-I-A-S-E-C order)
    # comes first, although the alphabet would put the other first.
    conventional = Occupation.objects.create(code="11-0001.00", title="A Tie", job_zone=3)
    artistic = Occupation.objects.create(code="11-0002.00", title="B Tie", job_zone=3)
    names = ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"]
    for occupation, scores in ((conventional, (1, 1, 1, 1, 1, 7)), (artistic, (1, 1, 7, 1, 1, 1))):
        Interest.objects.bulk_create(
            Interest(occupation=occupation, element=n, value=v)
            for n, v in zip(names, scores, strict=True)
        )
    profile_from_scores(alice, {"R": 1, "I": 1, "A": 7, "S": 1, "E": 1, "C": 7}, NOW)
    ranked = codes(matches_for(alice))
    assert interest_fit(alice, "11-0001.00") == pytest.approx(interest_fit(alice, "11-0002.00"))
    assert ranked.index("11-0002.00") < ranked.index("11-0001.00")


def test_new_interest_data_is_seen_at_once(alice, known):
    from infointerview.careers.models import Interest, Occupation

    profile_from_scores(alice, ARTISTIC, NOW)
    assert codes(matches_for(alice))[0] == "27-1024.00"
    # As an import does: the table's rows replaced by new ones.
    bookkeeping = Occupation.objects.get(code="43-3031.00")
    rows = list(Interest.objects.filter(occupation=bookkeeping))
    Interest.objects.filter(occupation=bookkeeping).delete()
    for row in rows:
        row.pk, row.value = None, {"Artistic": 7.0, "Conventional": 1.0}.get(row.element, 2.0)
    Interest.objects.bulk_create(rows)
    assert codes(matches_for(alice))[0] == "43-3031.00"


def test_without_any_interest_data_occupations_are_listed_and_it_is_said(alice, db):
    from infointerview.careers.matches import NO_INTEREST_DATA
    from infointerview.careers.models import Occupation

    Occupation.objects.create(code="27-1024.00", title="Graphic Designers", job_zone=4)
    profile_from_scores(alice, ARTISTIC, NOW)
    result = matches_for(alice)
    assert result.notes == [NO_INTEREST_DATA]
    assert [(m.code, m.fit) for m in result.results] == [("27-1024.00", None)]
