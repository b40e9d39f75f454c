"""Progress: the funnel and the weekly chart count what happened, in the user's own days."""

from datetime import date

from infointerview.agenda.progress import progress
from infointerview.interviews.services import schedule
from infointerview.outreach.services import draft
from infointerview.people.services import add_person
from tests.conftest import NOW, at


def test_a_sunday_evening_interview_counts_in_the_week_it_was_held(alice, dana):
    # 20:00 on Sunday in Chicago is already Monday in UTC: the chart goes by alice's day.
    schedule(alice, dana, at("2026-11-29 20:00"), now=at("2026-11-20 09:00"))
    weeks = {week.start: week.interviews for week in progress(alice, NOW).weeks}
    assert weeks[date(2026, 11, 23)] == 1
    assert weeks[date(2026, 11, 30)] == 0


def test_the_funnel_counts_people_listed_contacted_and_met(alice, dana, designers):
    asked = add_person(alice, "Sam Ortiz", occupation=designers)
    add_person(alice, "Not yet", occupation=designers)
    draft(alice, asked, "phone", today=date(2026, 11, 20))
    schedule(alice, dana, at("2026-11-25 10:00"), now=at("2026-11-20 09:00"))
    bars = {bar.label: bar.value for bar in progress(alice, NOW).funnel}
    assert (bars["People listed"], bars["Contacted"], bars["Agreed"]) == (3, 2, 1)
