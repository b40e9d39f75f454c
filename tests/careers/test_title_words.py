"""Reading a job title: the organization set aside, abbreviations spelt out, the level kept."""

import pytest

from infointerview.careers.title_words import read


@pytest.mark.parametrize(
    ("title", "level", "said"),
    [
        ("Marketing Intern", "entry", ("intern",)),
        ("Junior Accountant", "entry", ("junior",)),
        ("Associate Product Designer", "entry", ("associate",)),
        ("Accountant I", "entry", ("i",)),
        ("Accountant II", "experienced", ("ii",)),
        ("Software Engineer III", "experienced", ("iii",)),
        ("Sr. Data Scientist", "experienced", ("senior",)),
        ("Staff Engineer", "experienced", ("staff",)),
        ("Principal Architect", "experienced", ("principal",)),
        ("Lead Teacher", "experienced", ("lead",)),
        ("Marketing Manager", "supervisor", ("manager",)),
        ("Head of Design", "supervisor", ("head",)),
        ("Director of Nursing", "supervisor", ("director",)),
        ("VP, Sales", "supervisor", ("vp",)),
        ("Vice President of Sales", "supervisor", ("vp",)),
        ("Chief Financial Officer", "supervisor", ("chief",)),
        ("Graphic Designer", "entry", ()),
    ],
)
def test_level_words_set_the_level(title, level, said):
    reading = read(title)
    assert (reading.level, reading.level_words) == (level, said)


def test_entry_and_experienced_words_are_dropped_but_supervisor_words_stay():
    assert read("Senior Accountant II").words == ("accountant",)
    assert read("Junior Graphic Designer").words == ("graphic", "designer")
    assert read("Marketing Manager").words == ("marketing", "manager")
    assert read("VP of Sales").words == ("sale", "manager")


def test_the_organization_and_a_second_role_are_set_aside():
    assert read("Senior UX Designer at Shopify").words == ("user", "experience", "designer")
    assert read("Founder & CEO | Speaker").words == ("founder", "chief", "executive", "officer")
    assert read("Nurse @ Mercy Hospital").words == ("nurse",)
    assert read("Intern - Marketing").words == ("marketing",)


def test_abbreviations_and_accents_are_read_as_words():
    assert read("RN, ICU").words == ("registered", "nurse", "icu")
    assert read("Ébéniste").words == ("ebeniste",)
    assert read("Registered Nurse (RN)").words == ("registered", "nurse")


def test_a_title_of_only_a_level_word_keeps_it():
    assert read("Associate").words == ("associate",)
