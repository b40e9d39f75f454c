from django.urls import path

from infointerview.people import import_views, occupation_match_views, views

app_name = "people"
urlpatterns = [
    path("add/", views.add, name="add"),
    path("import/", import_views.upload, name="import_contacts"),
    path("import/confirm/", import_views.confirm, name="confirm_import"),
    path("occupation-suggestions/", views.occupation_suggestions, name="occupation_suggestions"),
    path("occupation-input/", views.occupation_input, name="occupation_input"),
    path("<uuid:public_id>/edit/", views.edit, name="edit"),
    path("<uuid:public_id>/delete/", views.delete, name="delete"),
    path("<uuid:public_id>/onet-proposal/", views.onet_proposal, name="onet_proposal"),
    path("occupations/", occupation_match_views.waiting, name="occupation_matches"),
    path(
        "<uuid:public_id>/occupation/yes/",
        occupation_match_views.confirm,
        name="confirm_occupation_match",
    ),
    path(
        "<uuid:public_id>/occupation/pick/",
        occupation_match_views.pick,
        name="pick_occupation_match",
    ),
    path(
        "<uuid:public_id>/occupation/not-sure/",
        occupation_match_views.not_sure,
        name="not_sure_occupation_match",
    ),
    path("leads/add/", views.add_lead, name="add_lead"),
    path("leads/<uuid:public_id>/", views.lead, name="lead"),
    path("leads/<uuid:public_id>/close/", views.close_lead, name="close_lead"),
    path("leads/<uuid:public_id>/calls/", views.log_lead_call, name="log_lead_call"),
]
