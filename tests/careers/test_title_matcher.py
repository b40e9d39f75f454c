"""The title matcher on a small O*NET of its own: exact titles, the threshold, the words that
decided, typos and the memory of titles already asked."""

import pytest

from infointerview.careers.title_matcher import THRESHOLD, TitleIndex

TITLES = {
    "27-1024.00": "Graphic Designers",
    "15-1255.00": "Web and Digital Interface Designers",
    "15-1252.00": "Software Developers",
    "13-2011.00": "Accountants and Auditors",
    "29-1141.00": "Registered Nurses",
}
ALTERNATES = [
    ("27-1024.00", "Graphic Artist"),
    ("27-1024.00", "Logo Designer"),
    ("15-1255.00", "User Experience Designer (UX Designer)"),
    ("15-1255.00", "Web Designer"),
    ("15-1252.00", "Software Engineer"),
    ("15-1252.00", "Application Developer"),
    ("13-2011.00", "Staff Accountant"),
    ("13-2011.00", "Auditor"),
    ("29-1141.00", "Registered Nurse (RN)"),
    ("29-1141.00", "Staff Nurse"),
    # One word that O*NET happens to list under one occupation only.
    ("13-2011.00", "Coordinator"),
    # O*NET itself gives this title to two occupations: no sure answer.
    ("27-1024.00", "Digital Designer"),
    ("15-1255.00", "Digital Designer"),
]


@pytest.fixture(scope="module")
def index():
    entries = [(code, title, "title") for code, title in TITLES.items()]
    entries += [(code, title, "alternate") for code, title in ALTERNATES]
    return TitleIndex(entries, TITLES)


def test_an_exact_title_of_one_occupation_is_applied(index):
    (match,) = index.match(["Senior UX Designer at Shopify"])
    assert (match.code, match.occupation) == ("15-1255.00", "Web and Digital Interface Designers")
    assert match.exact and match.confidence == 1.0 >= THRESHOLD and match.applied
    assert (match.level, match.level_words) == ("experienced", ("senior",))
    assert match.words == ("user", "experience", "designer")


def test_a_title_two_occupations_share_is_proposed_not_applied(index):
    (match,) = index.match(["Digital Designer"])
    assert match.code in {"27-1024.00", "15-1255.00"}
    assert match.confidence == 0.5 and not match.applied
    assert {c.code for c in match.candidates[:2]} == {"27-1024.00", "15-1255.00"}


def test_a_title_matched_by_its_words_waits_for_the_user_when_confidence_is_unknown(index):
    (match,) = index.match(["Freelance Logo and Graphic Art Designer"])
    assert match.code == "27-1024.00" and not match.exact
    assert match.confidence < THRESHOLD and not match.applied
    assert "logo" in match.words and "graphic" in match.words


def test_the_level_is_read_from_the_title_and_shown(index):
    found = index.match(["Junior Accountant", "Accountant II", "Accounting Manager"])
    assert [m.level for m in found] == ["entry", "experienced", "supervisor"]
    assert [m.level_words for m in found] == [("junior",), ("ii",), ("manager",)]
    assert [m.code for m in found[:2]] == ["13-2011.00", "13-2011.00"]


def test_abbreviations_and_typos_find_the_occupation(index):
    nurse, engineer = index.match(["RN, ICU", "Sofware Enginer"])
    assert nurse.code == "29-1141.00"
    assert engineer.code == "15-1252.00"


def test_a_title_with_no_known_word_has_no_match(index):
    (match,) = index.match(["Zqxv Wobbler"])
    assert (match.code, match.confidence, match.applied, match.candidates) == ("", 0.0, False, ())


def test_repeated_titles_are_answered_once_and_in_order(index):
    index.memo.clear()
    found = index.match(["Auditor", "Web Designer", "Auditor"])
    assert [m.code for m in found] == ["13-2011.00", "15-1255.00", "13-2011.00"]
    assert found[0] is found[2] and len(index.memo) == 2


def test_words_after_a_dash_and_the_organization_help_an_unsure_title(index):
    alone, after_dash = index.match(["Designer"])[0], index.match_in_context(["Designer - Web"])[0]
    assert after_dash.code == "15-1255.00" and after_dash.confidence > alone.confidence
    assert after_dash.title == "Designer - Web"
    (nothing,) = index.match(["Associate"])
    (nurse,) = index.match_in_context(["Associate"], ["Registered Nurse Staffing Inc"])
    assert nothing.code == "" and nurse.code == "29-1141.00"
    assert (nurse.title, nurse.level) == ("Associate", "entry")


def test_a_one_word_title_is_asked_about_never_applied(index):
    """'Coordinator' names many kinds of work, whatever occupation O*NET lists it under."""
    (match,) = index.match(["Coordinator"])
    assert match.code == "13-2011.00" and match.exact
    assert match.confidence == 0.5 and not match.applied and match.worth_asking
