"""`shortlist compare`: the shortlist side by side in the terminal, or as JSON."""

import json
from datetime import timedelta

from infointerview.cli import main
from infointerview.interviews.afterwards import record_learning
from infointerview.interviews.services import schedule
from infointerview.people.services import add_person
from tests.agenda.test_compare import onet, shortlist  # noqa: F401 (fixtures)
from tests.conftest import NOW


def _run(capsys, *argv):
    code = main(["--user", "alice", "shortlist", "compare", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_prints_each_occupation_side_by_side(shortlist, capsys):  # noqa: F811
    code, out, err = _run(capsys)
    assert code == 0 and err == ""
    # Names may wrap within their column: the words are looked for one by one.
    for text in ("Widget Designers", "Lighthouse", "$72,800", "Job Zone 4", "not linked"):
        assert text in out
    assert "no interest" in out and "profile yet" in out
    assert "Puzzle Programmers" in out and "--ruled-out" in out


def test_compare_as_json_holds_wages_fit_and_what_interviews_taught(shortlist, capsys):  # noqa: F811
    keeper = add_person(shortlist, "Ida Lamp", occupation="Lighthouse Keepers")
    interview = schedule(shortlist, keeper, NOW - timedelta(days=2))
    record_learning(shortlist, interview, fit_rating=2, insights={"cons": "Stairs"}, now=NOW)
    code, out, _ = _run(capsys, "--json", "--ruled-out")
    assert code == 0
    data = json.loads(out)
    by_name = {o["name"]: o for o in data["occupations"]}
    assert list(by_name) == [
        "Lighthouse Keepers",
        "Puzzle Programmers",
        "Sign Painters",
        "Widget Designers",
    ]
    keeper = by_name["Lighthouse Keepers"]
    assert keeper["onet_code"] is None and keeper["wages"] == []
    assert keeper["from_your_interviews"] == {
        "interviews": 1,
        "average_fit_rating": 2.0,
        "insights": {"What is hard about it": [{"person": "Ida Lamp", "text": "Stairs"}]},
    }
    widget = by_name["Widget Designers"]
    assert [w["area"] for w in widget["wages"]] == ["National", "California"]
    assert widget["job_zone"]["zone"] == 4 and widget["top_tasks"][0].startswith("Main task")
    assert widget["interest_fit"] == {"score": None, "text": "no interest profile yet"}
    assert data["ruled_out_not_shown"] == []


def test_compare_with_nothing_shortlisted_says_how_to_start(alice, capsys):
    code, out, _ = _run(capsys)
    assert code == 0 and "shortlist add" in out
