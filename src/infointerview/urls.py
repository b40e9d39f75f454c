from django.urls import include, path

urlpatterns = [
    path("", include("infointerview.agenda.urls")),
    path("accounts/", include("infointerview.accounts.urls")),
    path("people/", include("infointerview.people.urls")),
    path("occupations/", include("infointerview.careers.urls")),
    path("outreach/", include("infointerview.outreach.urls")),
    path("interviews/", include("infointerview.interviews.urls")),
]

handler500 = "infointerview.web.server_error"
