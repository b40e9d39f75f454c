"""Names fold one way whichever path they take: plain ASCII skips Unicode normalisation."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from infointerview.careers.models import name_key, tidy_name
from infointerview.people.services import person_key


def unicode_key(name: str) -> str:
    """The general rule spelled out: compose, drop invisible characters, single spaces,
    compatibility forms, fold case, take accents off."""
    composed = unicodedata.normalize("NFC", name)
    visible = "".join(ch for ch in composed if unicodedata.category(ch) != "Cf")
    folded = unicodedata.normalize("NFKC", " ".join(visible.split())).casefold()
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_an_ascii_name_folds_as_the_general_rule_folds_it(name):
    assert person_key(name) == unicode_key(name)
    assert name_key(name) == unicode_key(name)
    assert tidy_name(name) == " ".join(name.split())


def test_accented_and_plain_spellings_meet():
    assert person_key("  JOSÉ\u200b  Muñoz ") == person_key("jose munoz") == "jose munoz"
    assert name_key("Graphic\u00a0Designers") == name_key("graphic designers")
    assert tidy_name("Cafe\u0301  Owners") == "Café Owners"
