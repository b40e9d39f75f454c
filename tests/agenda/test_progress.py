"""Progress: the funnel and the weekly chart count what happened, in the user's own days."""

from datetime import date

from django.urls import reverse

from infointerview.agenda.progress import progress
from infointerview.careers.services import add_target
from infointerview.interviews.afterwards import record_learning
from infointerview.interviews.services import cancel, schedule
from infointerview.outreach.services import draft, log_outcome, mark_sent
from infointerview.people.services import add_person
from tests.conftest import NOW, at


def test_a_sunday_evening_interview_counts_in_the_week_it_was_held(alice, dana):
    # 20:00 on Sunday in Chicago is already Monday in UTC: the chart goes by alice's day.
    schedule(alice, dana, at("2026-11-29 20:00"), now=at("2026-11-20 09:00"))
    weeks = {week.start: week.interviews for week in progress(alice, NOW).weeks}
    assert weeks[date(2026, 11, 23)] == 1
    assert weeks[date(2026, 11, 30)] == 0


def test_the_funnel_counts_people_listed_contacted_and_met(alice, dana, designers):
    called = add_person(alice, "Sam Ortiz", occupation=designers)
    written = add_person(alice, "Not yet", occupation=designers)
    draft(alice, called, "phone", today=date(2026, 11, 20))
    log_outcome(alice, called, "no-answer", on=date(2026, 11, 20), today=date(2026, 11, 20))
    draft(alice, written, "email", today=date(2026, 11, 20))  # written, not sent: no contact
    schedule(alice, dana, at("2026-11-25 10:00"), now=at("2026-11-20 09:00"))
    bars = {bar.label: bar.value for bar in progress(alice, NOW).funnel}
    assert (bars["People listed"], bars["Contacted"], bars["Agreed"]) == (3, 2, 1)
    mark_sent(alice, written, on=date(2026, 11, 21), today=date(2026, 11, 21))
    bars = {bar.label: bar.value for bar in progress(alice, NOW).funnel}
    assert bars["Contacted"] == 3


def test_each_list_counts_its_people_those_contacted_and_interviews_not_cancelled(
    alice, dana, designers
):
    asked = add_person(alice, "Sam Ortiz", occupation=designers)
    add_person(alice, "Not yet", occupation=designers)
    draft(alice, asked, "phone", today=date(2026, 11, 20))
    schedule(alice, dana, at("2026-11-25 10:00"), now=at("2026-11-20 09:00"))
    cancel(alice, schedule(alice, asked, at("2026-11-24 10:00"), now=at("2026-11-20 09:00")))
    result = progress(alice, NOW)
    (summary,) = result.occupations
    assert (summary.people, summary.contacted, summary.interviews) == (3, 2, 1)
    # Agreeing and then cancelling is still agreeing; the chart shows the one interview held.
    assert {bar.label: bar.value for bar in result.funnel}["Agreed"] == 2
    assert sum(week.interviews for week in result.weeks) == 1


def test_the_latest_insights_are_the_newest_five_whatever_the_list(alice, dana, designers):
    nurses = add_target(alice, "Registered Nurses")
    ravi = add_person(alice, "Ravi Nair", occupation=nurses)
    first = schedule(alice, dana, at("2026-11-20 10:00"), now=at("2026-11-19 09:00"))
    second = schedule(alice, ravi, at("2026-11-21 10:00"), now=at("2026-11-19 09:00"))
    record_learning(alice, first, insights={"pros": "A", "cons": "B", "advice": "C"}, now=NOW)
    record_learning(alice, second, insights={"pros": "D", "cons": "E", "typical_day": "F"}, now=NOW)
    latest = progress(alice, NOW).latest
    assert [insight.text for insight in latest] == ["F", "E", "D", "C", "B"]


def test_the_progress_page_names_who_said_it_and_about_which_list(alice, dana, designers, client):
    interview = schedule(alice, dana, at("2026-11-20 10:00"), now=at("2026-11-19 09:00"))
    record_learning(alice, interview, insights={"ways_in": "Build a portfolio first"}, now=NOW)
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("agenda:progress")).content.decode()
    latest = page[page.index('id="latest"') : page.index("By occupation")]
    assert "Build a portfolio first" in latest
    link = reverse("interviews:afterwards", args=[interview.public_id])
    assert f'href="{link}">Dana Lee</a>, Graphic Designers' in latest
