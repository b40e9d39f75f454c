"""`infointerview explore`: the questionnaire, scores or a code, goals and matches."""

import io
import json

import pytest

from infointerview.careers.interests import ITEMS
from infointerview.careers.models import Goals, InterestProfile
from infointerview.cli import main
from tests.careers.interest_fixture import occupations_with_interests


@pytest.fixture
def run(db, capsys, monkeypatch):
    def run(*argv, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def known(alice):
    occupations_with_interests()


def test_an_answers_file_gives_a_profile_with_its_top_three(run, alice, tmp_path):
    path = tmp_path / "answers.txt"
    lines = [f"{n},{'like' if letter == 'A' else 'dislike'}" for n, (letter, _) in ITEMS.items()]
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run("explore", "interests", "--answers", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["scores"]["A"] == 20 and result["top_three"][0] == "A"


def test_a_bad_answers_file_is_refused_in_one_line_and_nothing_is_kept(run, alice, tmp_path):
    path = tmp_path / "answers.txt"
    path.write_text("1,like\n2,perhaps\n", encoding="utf-8")
    code, out, err = run("explore", "interests", "--answers", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "answers.txt line 2" in err
    assert InterestProfile.objects.count() == 0


def test_the_questions_are_asked_in_turn_and_kept_when_the_user_stops(run, alice):
    code, out, _ = run("explore", "interests", stdin="l\nd\nmaybe\nu\nq\n")
    assert code == 0
    assert "Answer l (like), u (not sure) or d (dislike)" in out
    assert "Stopped; your answers are kept" in out
    assert InterestProfile.objects.get().given() == {"1": "like", "2": "dislike", "3": "unsure"}
    code, out, _ = run("explore", "interests", stdin="l\n" * 57)
    assert code == 0
    assert "Welcome back: 3 of 60 answered." in out
    assert "4/60 Teach a child to read" in out and "Repair a bicycle" not in out
    profile = InterestProfile.objects.get()
    assert profile.finished_at is not None
    assert "Top three:" in out


def test_matches_from_scores_on_any_scale_rank_alike(run, known):
    code, out, _ = run("explore", "matches", "--scores", "R=1,I=2,A=7,S=2,E=3,C=1", "--json")
    assert code == 0
    first = [m["code"] for m in json.loads(out)["results"]]
    code, out, _ = run(
        "explore", "matches", "--scores", "R=10, I=20, A=70, S=20, E=30, C=10", "--json"
    )
    assert [m["code"] for m in json.loads(out)["results"]] == first
    assert first[:2] == ["27-1024.00", "27-2012.00"]
    assert InterestProfile.objects.count() == 2  # both joined the history


def test_matches_show_a_reason_and_the_limit(run, known):
    code, out, _ = run("explore", "matches", "--code", "AES", "--limit", "2")
    assert code == 0
    assert "Producers and Directors" in out and "Graphic Designers" in out
    assert "Registered Nurses" not in out
    assert "strong Artistic," in out and "Registered Nurses" not in out


def test_matches_without_a_profile_say_how_to_make_one(run, known):
    code, out, _ = run("explore", "matches")
    assert code == 0 and "No interest profile yet" in out


def test_a_bad_code_is_refused_in_one_line(run, known):
    code, out, err = run("explore", "matches", "--code", "AXE")
    assert code == 1 and err.count("\n") == 1 and "Holland code “AXE”" in err
    assert InterestProfile.objects.count() == 0


def test_goals_are_set_kept_and_applied(run, known):
    code, out, _ = run("explore", "goals", "--job-zone", "3", "--value", "independence")
    assert code == 0 and "Preparation: up to job zone 3" in out
    code, out, _ = run("explore", "goals", "--min-wage", "55000", "--json")
    goals = json.loads(out)
    assert goals["max_job_zone"] == 3 and goals["min_wage"] == 55000
    assert goals["work_values"] == ["Independence"]
    assert Goals.objects.count() == 1
    code, out, _ = run("explore", "matches", "--code", "AES", "--json")
    result = json.loads(out)
    assert "27-1024.00" not in [m["code"] for m in result["results"]]  # job zone 4
    assert result["hidden_by_goals"] == 3  # the three in job zone 4
    assert result["notes"] == [
        "The earnings floor could not be applied: no wage data is imported "
        "(`infointerview wages sync`)."
    ]
    code, out, _ = run("explore", "goals", "--job-zone", "0", "--min-wage", "0")
    assert "Preparation: any" in out and "Earnings floor: none" in out
    assert "Work values: Independence" in out  # what was not given is kept
    code, out, _ = run("explore", "goals", "--clear")
    assert "Work values: none chosen" in out


def test_listing_skills_of_a_release_without_them_says_so(run, known):
    code, out, _ = run("explore", "goals", "--list", "skills")
    assert code == 0 and "has no skills table" in out
    code, out, _ = run("explore", "goals", "--list", "values")
    assert "Working Conditions" in out
