from django.urls import path

from infointerview.outreach import views

app_name = "outreach"
urlpatterns = [
    path("person/<uuid:public_id>/draft/", views.draft, name="draft"),
    path("person/<uuid:public_id>/sent/", views.sent, name="sent"),
    path("person/<uuid:public_id>/introduced/", views.introduced, name="introduced"),
    path("request/<uuid:public_id>/", views.request_page, name="request"),
    path("request/<uuid:public_id>/letter/", views.letter, name="letter"),
    path("request/<uuid:public_id>/email.eml", views.eml, name="eml"),
    path("request/<uuid:public_id>/practice/", views.practice, name="practice"),
    path("attempt/<uuid:public_id>/edit/", views.edit_attempt, name="edit_attempt"),
    path("request/<uuid:public_id>/next-name-seen/", views.next_name_seen, name="next_name_seen"),
    path("templates/", views.templates_page, name="templates"),
    path("templates/<str:channel>/", views.template_edit, name="template"),
    path("templates/<str:channel>/reset/", views.reset_template, name="reset_template"),
]
