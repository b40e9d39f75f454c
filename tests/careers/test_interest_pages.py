"""The interest, goals and matches pages: answers kept as given, results, one-click shortlist."""

import pytest

from infointerview.careers.interests import ITEMS, profile_from_code, save_answers
from infointerview.careers.models import Goals, InterestProfile, TargetOccupation
from tests.careers.interest_fixture import occupations_with_interests
from tests.conftest import NOW

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def known(alice):
    occupations_with_interests()


def test_the_questionnaire_shows_sixty_items_and_the_answers_so_far(alice_client, alice):
    save_answers(alice, {"1": "like", "2": "dislike"})
    page = alice_client.get("/occupations/interests/questions/").content.decode()
    assert page.count("<fieldset>") == 60
    assert "2 of 60 answered" in page
    assert 'hx-post="/occupations/interests/answers/"' in page
    assert 'value="like" required' not in page  # an item may wait for its answer
    assert 'name="q1" value="like" id="id_q1_0" checked' in page


def test_each_answer_is_saved_as_it_is_given(alice_client, alice):
    response = alice_client.post("/occupations/interests/answers/", {"q1": "like"}, **HTMX)
    assert response.status_code == 200
    assert "1 of 60 answered" in response.content.decode()
    response = alice_client.post("/occupations/interests/answers/", {"q1": "like", "q7": "dislike"})
    assert response.status_code == 302  # without htmx: back to the questionnaire
    assert InterestProfile.objects.get().given() == {"1": "like", "7": "dislike"}


def test_a_made_up_answer_is_not_stored(alice_client, alice):
    alice_client.post("/occupations/interests/answers/", {"q1": "love", "q99": "like"}, **HTMX)
    assert InterestProfile.objects.get().given() == {}


def test_submitting_half_way_keeps_the_answers_and_says_what_is_left(alice_client, alice):
    response = alice_client.post("/occupations/interests/questions/", {"q1": "like"}, follow=True)
    assert "59 of 60 questions have no answer yet, the first is number 2" in (
        response.content.decode()
    )
    profile = InterestProfile.objects.get()
    assert profile.given() == {"1": "like"} and profile.finished_at is None


def test_submitting_every_answer_gives_the_result_with_its_chart(alice_client, alice):
    answers = {f"q{n}": "like" if letter == "A" else "dislike" for n, (letter, _) in ITEMS.items()}
    response = alice_client.post("/occupations/interests/questions/", answers)
    assert response.status_code == 302 and response.url == "/occupations/interests/"
    page = alice_client.get("/occupations/interests/").content.decode()
    assert "Your profile: ARI" in page  # ties after A keep the R-I-A-S-E-C order
    assert "<svg" in page and 'class="bar top"' in page
    assert "Creating: self-expression" in page
    assert InterestProfile.objects.get().finished_at is not None


def test_scores_or_a_code_entered_join_the_history(alice_client, alice):
    alice_client.post("/occupations/interests/enter/", {"code": "AES"})
    alice_client.post("/occupations/interests/enter/", {"scores": "R=1,I=2,A=7,S=2,E=3,C=1"})
    assert [p.top_three() for p in InterestProfile.objects.all()] == ["AEI", "AES"]
    page = alice_client.get("/occupations/interests/").content.decode()
    assert "History" in page and "Scores entered" in page and "Holland code entered" in page


@pytest.mark.parametrize(
    "data",
    [{"code": "AXE"}, {"scores": "R=1"}, {}, {"code": "AES", "scores": "R=1,I=1,A=1,S=1,E=1,C=2"}],
)
def test_bad_scores_or_codes_are_refused_and_nothing_is_kept(alice_client, alice, data):
    response = alice_client.post("/occupations/interests/enter/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error"' in page
    for name, typed in data.items():  # what was typed stays in its box
        assert f'name="{name}" value="{typed}"' in page
    assert InterestProfile.objects.count() == 0


def test_goals_are_saved_and_shown_with_the_matches(alice_client, alice, known):
    profile_from_code(alice, "AES", NOW)
    page = alice_client.get("/occupations/goals/").content.decode()
    assert "the imported O*NET release has no Skills table" in page
    response = alice_client.post(
        "/occupations/goals/",
        {"min_wage": "", "wage_area": "national", "max_job_zone": "3", "work_values": ["Support"]},
    )
    assert response.status_code == 302 and response.url == "/occupations/matches/"
    goals = Goals.objects.get()
    assert (goals.max_job_zone, goals.work_values) == (3, ["Support"])
    page = alice_client.get("/occupations/matches/").content.decode()
    assert "3 occupations left out by your goals" in page
    assert "Producers and Directors" not in page
    assert "Work values could not be applied" not in page
    everything = alice_client.get("/occupations/matches/?all=1").content.decode()
    assert "Producers and Directors" in everything
    assert "Misses: needs more preparation than job zone 3" in everything


def test_bad_goals_are_refused_and_nothing_is_kept(alice_client, alice):
    response = alice_client.post("/occupations/goals/", {"min_wage": "-5", "wage_area": "moon"})
    assert response.status_code == 400
    assert Goals.objects.count() == 0


def test_matches_give_a_reason_and_one_click_shortlists(alice_client, alice, known):
    profile_from_code(alice, "AES", NOW)
    page = alice_client.get("/occupations/matches/").content.decode()
    assert "strong Artistic, Enterprising and Social fit" in page
    assert page.index("Producers and Directors") < page.index("Registered Nurses")
    assert "no O*NET interest data" in page
    response = alice_client.post("/occupations/matches/27-2012.00/shortlist/")
    assert response.status_code == 302 and response.url == "/occupations/matches/"
    target = TargetOccupation.objects.get()
    assert (target.owner, target.onet_code) == (alice, "27-2012.00")
    assert "On your shortlist" in alice_client.get("/occupations/matches/").content.decode()


def test_scores_the_same_for_every_type_are_refused_and_keep_the_profile(
    alice_client, alice, known
):
    profile_from_code(alice, "AES", NOW)
    response = alice_client.post(
        "/occupations/interests/enter/", {"scores": "R=3,I=3,A=3,S=3,E=3,C=3"}
    )
    page = response.content.decode()
    assert response.status_code == 400 and "every type has the same score" in page
    assert 'name="scores" value="R=3,I=3,A=3,S=3,E=3,C=3"' in page
    assert InterestProfile.objects.filter(owner=alice).count() == 1
    assert (
        "same score for every type"
        not in alice_client.get("/occupations/matches/").content.decode()
    )


def test_each_user_sees_only_their_own_profile(bob_client, alice, known):
    profile_from_code(alice, "AES", NOW)
    page = bob_client.get("/occupations/interests/").content.decode()
    assert "No interest profile yet" in page
    assert "No interest profile yet" in bob_client.get("/occupations/matches/").content.decode()


@pytest.mark.parametrize("path", ["/occupations/interests/", "/occupations/matches/"])
def test_the_pages_ask_as_many_queries_for_a_long_history_as_for_one(
    alice_client, alice, known, path
):
    from datetime import timedelta

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        alice_client.get(path)  # the kept O*NET data loaded once
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(path).status_code == 200
        return len(captured)

    profile_from_code(alice, "AES", NOW)
    one = queries()
    for day in range(1, 40):
        profile_from_code(alice, "SEC", NOW + timedelta(days=day))
    assert queries() == one


def test_without_a_profile_matches_lead_to_the_questionnaire_and_the_scores(alice_client, known):
    page = alice_client.get("/occupations/matches/").content.decode()
    assert 'href="/occupations/interests/questions/">answer the questionnaire</a>' in page
    assert 'href="/occupations/interests/">enter your scores or Holland code</a>' in page


def test_explore_leads_to_the_interests(alice_client):
    page = alice_client.get("/occupations/explore/").content.decode()
    assert 'href="/occupations/interests/">Start from your interests</a>' in page
