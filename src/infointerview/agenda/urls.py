from django.urls import path

from infointerview.agenda.views import (
    account,
    calendar,
    compare,
    merging,
    occupation,
    people,
    settings,
    today,
    undo,
    who_you_know,
)

app_name = "agenda"
urlpatterns = [
    path("", today.today_page, name="today"),
    path("progress/", today.progress_page, name="progress"),
    path("people/", people.people_page, name="people"),
    path("people/<uuid:public_id>/", people.person_page, name="person"),
    path("people/<uuid:public_id>/move/<str:direction>/", people.move, name="move_person"),
    path("people/duplicates/", merging.duplicates_page, name="duplicates"),
    path("people/merge/", merging.merge, name="merge_people"),
    path("people/different/", merging.different, name="different_people"),
    path("people/<uuid:public_id>/knows/", who_you_know.knows, name="knows"),
    path(
        "people/<uuid:public_id>/knows/<uuid:other_id>/forget/",
        who_you_know.forget,
        name="forget_knows",
    ),
    path(
        "people/<uuid:public_id>/introduction/<uuid:introducer_id>/",
        who_you_know.introduction,
        name="introduction_through",
    ),
    path(
        "people/<uuid:public_id>/put-on/<uuid:target_id>/",
        who_you_know.put_on_list,
        name="put_on_list",
    ),
    path("outreach/person/<uuid:public_id>/undo/", undo.undo_latest, name="undo_attempt"),
    path("outreach/person/<uuid:public_id>/log/", people.log_outcome, name="log_outcome"),
    path("occupations/explore/<str:code>/", occupation.occupation, name="occupation"),
    path(
        "occupations/explore/<str:code>/research/",
        occupation.add_research,
        name="occupation_research",
    ),
    path("occupations/compare/", compare.compare_page, name="compare"),
    path("accounts/settings/", settings.settings_page, name="settings"),
    path("accounts/settings/profile/", settings.save_profile, name="save_profile"),
    path("accounts/settings/password/", settings.set_password, name="set_password"),
    path("accounts/settings/delete/", account.delete_account_page, name="delete_account"),
    path("accounts/export.json", settings.export_json, name="export_json"),
    path("accounts/people.csv", settings.export_people_csv, name="export_people_csv"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/new-address/", calendar.new_feed_address, name="new_feed_address"),
    path("calendar/export.ics", calendar.export, name="export"),
    path("calendar/call/<uuid:public_id>.ics", calendar.call, name="call"),
    path("calendar/feed/<str:token>.ics", calendar.feed, name="feed"),
    path("interviews/<uuid:public_id>/interview.ics", calendar.interview_ics, name="interview_ics"),
]
