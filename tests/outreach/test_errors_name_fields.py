"""Refusals name what to give in words, and the form field they are about, never a flag."""

from datetime import date

import pytest

from infointerview.agenda.forms import LogForm
from infointerview.agenda.outcomes import record_outcome
from infointerview.outreach.forms import DraftForm, SentForm
from infointerview.outreach.services import FieldRefused, draft, mark_sent
from tests.conftest import NOW, WEDNESDAY


@pytest.mark.parametrize(
    ("outcome", "extra", "field"),
    [
        ("agreed", {}, "interview_at"),
        ("referred", {}, "referred_name"),
        ("busy", {"call_back_on": date(2026, 12, 1)}, "call_back_on"),
        ("no-answer", {"on": date(2026, 12, 3)}, "on"),
    ],
)
def test_outcome_refusals_name_a_field_of_the_log_form(alice, dana, outcome, extra, field):
    with pytest.raises(FieldRefused) as refused:
        record_outcome(alice, dana, outcome, **{"on": WEDNESDAY, **extra}, now=NOW)
    assert refused.value.field == field and field in LogForm.base_fields
    assert "--" not in str(refused.value)


def test_draft_and_sent_refusals_name_fields_of_their_forms(alice, dana):
    with pytest.raises(FieldRefused) as refused:
        draft(alice, dana, "email", today=WEDNESDAY, call_on=WEDNESDAY)
    assert refused.value.field == "call_on" and "call_on" in DraftForm.base_fields
    draft(alice, dana, "email", today=WEDNESDAY, call_on=date(2026, 12, 4))
    with pytest.raises(FieldRefused) as refused:
        mark_sent(alice, dana, on=date(2026, 12, 4))
    assert refused.value.field == "on" and "on" in SentForm.base_fields
    assert "--" not in str(refused.value)
