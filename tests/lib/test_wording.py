import pytest

from infointerview.lib.wording import career_phrase


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Graphic Designers", "career as a graphic designer"),
        ("Accountants and Auditors", "career as an accountant and auditor"),
        (
            "Secretaries and Administrative Assistants",
            "career as a secretary and administrative assistant",
        ),
        ("Coaches and Scouts", "career as a coach and scout"),
        ("Teachers, Middle School", "career as a teacher (middle school)"),
        ("graphic design", "career in graphic design"),
        ("", "career"),
    ],
)
def test_it_reads_naturally_in_a_sentence(title, phrase):
    assert career_phrase(title) == phrase
