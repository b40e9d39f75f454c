"""The questionnaire's scoring, and the other ways to give a profile."""

import pytest

from infointerview.careers.interests import (
    ITEMS,
    MEANINGS,
    finish_questionnaire,
    history,
    in_progress,
    parse_code,
    parse_scores,
    profile_from_code,
    profile_from_scores,
    read_answers_file,
    save_answers,
    score_answers,
)
from infointerview.careers.models import InterestProfile
from infointerview.careers.models.interests import LETTERS
from infointerview.lib.errors import Refused
from tests.conftest import NOW


def test_there_are_ten_items_of_each_type_and_no_two_alike():
    assert sorted(ITEMS) == list(range(1, 61))
    assert {letter: sum(1 for t, _ in ITEMS.values() if t == letter) for letter in LETTERS} == (
        dict.fromkeys(LETTERS, 10)
    )
    assert len({text for _, text in ITEMS.values()}) == 60
    assert set(MEANINGS) == set(LETTERS)


def test_like_scores_two_unsure_one_dislike_nothing():
    answers = {n: "dislike" for n in ITEMS}
    artistic = [n for n, (t, _) in ITEMS.items() if t == "A"]
    social = [n for n, (t, _) in ITEMS.items() if t == "S"]
    answers.update({n: "like" for n in artistic})
    answers.update({n: "unsure" for n in social[:4]})
    scores = score_answers(answers)
    assert scores == {"R": 0, "I": 0, "A": 20, "S": 4, "E": 0, "C": 0}


def test_answers_are_kept_half_way_and_the_profile_is_scored_when_all_are_given(alice):
    save_answers(alice, {str(n): "like" for n in range(1, 31)})
    assert len(in_progress(alice).given()) == 30
    with pytest.raises(
        Refused, match="30 of 60 questions have no answer yet, the first is number 31"
    ):
        finish_questionnaire(alice, NOW)
    assert len(in_progress(alice).given()) == 30
    with pytest.raises(Refused, match="29 of 60"):
        finish_questionnaire(alice, NOW, {"31": "unsure"})
    assert len(in_progress(alice).given()) == 31  # what came with the refusal is kept
    profile = finish_questionnaire(alice, NOW, {str(n): "dislike" for n in range(31, 61)})
    assert profile.finished_at == NOW
    assert profile.scores() == {"R": 10, "I": 10, "A": 10, "S": 10, "E": 10, "C": 10}
    assert in_progress(alice) is None


def test_retaking_keeps_the_history(alice):
    profile_from_code(alice, "AES", NOW)
    profile_from_code(alice, "SEC", NOW.replace(year=2027))
    assert [p.code for p in history(alice)] == ["SEC", "AES"]


def test_a_code_scores_seven_five_three_and_one_for_the_others(alice):
    profile = profile_from_code(alice, "aes", NOW)
    assert profile.scores() == {"R": 1, "I": 1, "A": 7, "S": 3, "E": 5, "C": 1}
    assert profile.top_three() == "AES"
    assert profile.source == InterestProfile.Source.CODE


def test_scores_on_any_scale_are_kept_as_given(alice):
    profile = profile_from_scores(alice, parse_scores("R=20, I=30,A=70,S=40,E=60,C=10"), NOW)
    assert profile.top_three() == "AES"
    assert profile.scale == 70


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("R=2,I=3", "no score for A \\(Artistic\\), S \\(Social\\)"),
        ("R=2,I=3,A=7,S=4,E=6,C=-1", "“C=-1” is not LETTER=NUMBER"),
        ("R=2,R=3", "R comes twice"),
        ("X=1", "“X=1” is not LETTER=NUMBER"),
    ],
)
def test_bad_scores_are_refused_naming_the_fault(text, problem):
    with pytest.raises(Refused, match=problem):
        parse_scores(text)


@pytest.mark.parametrize("code", ["", "AESR", "AXE", "AA"])
def test_a_bad_code_is_refused(code):
    with pytest.raises(Refused, match="Holland code"):
        parse_code(code)


def test_an_answers_file_is_read_line_by_line(tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text("# my answers\n1,like\n\n2, Dislike\n3,not sure  # hmm\n", encoding="utf-8")
    assert read_answers_file(path) == {"1": "like", "2": "dislike", "3": "unsure"}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("1,like\n61,like\n", "answers.txt line 2: write a question number from 1 to 60"),
        ("1,like\n2,maybe\n", "answers.txt line 2"),
        ("1,like\n1,dislike\n", "answers.txt line 2: question 1 is answered twice"),
    ],
)
def test_a_bad_answers_file_names_the_line(tmp_path, content, problem):
    path = tmp_path / "answers.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(Refused, match=problem):
        read_answers_file(path)
