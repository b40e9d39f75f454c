from django.urls import path

from infointerview.careers import browse_views, data_views, interest_views, views

app_name = "careers"
urlpatterns = [
    path("", views.targets_page, name="targets"),
    path("<uuid:public_id>/status/", views.target_status, name="target_status"),
    path("<uuid:public_id>/proposal/", views.target_proposal, name="target_proposal"),
    path("<uuid:public_id>/rename/", views.rename_target, name="rename_target"),
    path("<uuid:public_id>/merge/", views.merge_target, name="merge_target"),
    path("explore/", views.explore, name="explore"),
    path("fields/", browse_views.fields_page, name="fields"),
    path("fields/<str:group>/", browse_views.field_page, name="field"),
    path("interests/", interest_views.interests_page, name="interests"),
    path("interests/questions/", interest_views.questionnaire, name="questionnaire"),
    path("interests/answers/", interest_views.save_answers, name="save_answers"),
    path("interests/enter/", interest_views.enter_profile, name="enter_profile"),
    path("goals/", interest_views.goals_page, name="goals"),
    path("matches/", interest_views.matches_page, name="matches"),
    path("matches/<str:code>/shortlist/", interest_views.shortlist_match, name="shortlist_match"),
    path("data/download/", data_views.start_download, name="start_download"),
    path("data/upload/", data_views.upload_data, name="upload_data"),
    path("explore/<str:code>/shortlist/", views.shortlist_occupation, name="shortlist_occupation"),
]
