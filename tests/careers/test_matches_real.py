"""Matches on the real O*NET 30.0 interests: arts for an artistic profile, and so on."""

import pytest
from django.db import transaction

from infointerview.careers.interests import (
    ITEMS,
    finish_questionnaire,
    profile_from_code,
    profile_from_scores,
)
from infointerview.careers.matches import matches_for
from infointerview.careers.onet_import import import_release
from tests.conftest import NOW
from tests.shared_data import shared_path

ARTISTIC = {"R": 1, "I": 2, "A": 7, "S": 2, "E": 3, "C": 1}


@pytest.fixture(scope="module")
def onet30(django_db_setup, django_db_blocker):
    """Import once for this module inside a transaction rolled back afterwards."""
    path = shared_path("onet", "30.0")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            import_release(path, release="30.0")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def top_ten(owner) -> list[str]:
    return [m.code for m in matches_for(owner, limit=10).results]


def test_an_artistic_profile_puts_arts_design_and_media_in_its_top_ten(onet30, alice):
    profile_from_scores(alice, ARTISTIC, NOW)
    codes = top_ten(alice)
    assert len(codes) == 10
    assert sum(code.startswith("27-") for code in codes) >= 5, codes


def test_a_social_enterprising_conventional_profile_shares_at_most_one(onet30, alice, bob):
    profile_from_scores(alice, ARTISTIC, NOW)
    profile_from_code(bob, "SEC", NOW)
    shared = set(top_ten(alice)) & set(top_ten(bob))
    assert len(shared) <= 1, shared


def test_liking_only_the_artistic_items_gives_an_artistic_top_type(onet30, alice):
    answers = {str(n): "like" if letter == "A" else "dislike" for n, (letter, _) in ITEMS.items()}
    profile = finish_questionnaire(alice, NOW, answers)
    assert profile.top_three()[0] == "A"
    assert sum(code.startswith("27-") for code in top_ten(alice)) >= 5


def test_every_occupation_with_interests_is_ranked_and_the_rest_follow_marked(onet30, alice):
    profile_from_scores(alice, ARTISTIC, NOW)
    results = matches_for(alice).results
    fitted = [m for m in results if m.fit is not None]
    assert len(fitted) == 923
    assert all(m.fit is None for m in results[len(fitted) :])
    assert all(m.reason for m in results)
