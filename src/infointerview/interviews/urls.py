from django.urls import path

from infointerview.interviews import views

app_name = "interviews"
urlpatterns = [
    path("schedule/<uuid:person_id>/", views.schedule, name="schedule"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/reschedule/", views.reschedule, name="reschedule"),
    path("<uuid:public_id>/cancel/", views.cancel, name="cancel"),
    path("<uuid:public_id>/plan/", views.plan, name="plan"),
    path("<uuid:public_id>/plan/purposes/", views.plan_purposes, name="plan_purposes"),
    path("<uuid:public_id>/plan/questions/", views.plan_question, name="plan_question"),
    path(
        "<uuid:public_id>/plan/questions/<uuid:question_id>/",
        views.plan_question_edit,
        name="plan_question_edit",
    ),
    path(
        "<uuid:public_id>/plan/questions/<uuid:question_id>/remove/",
        views.plan_question_remove,
        name="plan_question_remove",
    ),
    path(
        "<uuid:public_id>/plan/questions/<uuid:question_id>/up/",
        views.plan_question_move,
        {"direction": "up"},
        name="plan_question_up",
    ),
    path(
        "<uuid:public_id>/plan/questions/<uuid:question_id>/down/",
        views.plan_question_move,
        {"direction": "down"},
        name="plan_question_down",
    ),
    path("<uuid:public_id>/plan/print/", views.plan_print, name="plan_print"),
    path("<uuid:public_id>/conduct/", views.conduct, name="conduct"),
    path("<uuid:public_id>/notes/", views.notes, name="notes"),
    path("<uuid:public_id>/referral/", views.referral, name="referral"),
    path("<uuid:public_id>/afterwards/", views.after, name="afterwards"),
    path("<uuid:public_id>/thanks/<uuid:person_id>/sent/", views.thanks_sent, name="thanks_sent"),
    path("<uuid:public_id>/research/", views.add_research, name="research"),
    path("<uuid:public_id>/kept-in-touch/", views.kept_in_touch, name="kept_in_touch"),
]
