"""The app's addresses, with pages that fail where a sign-in link and a calendar feed live."""

from django.http import HttpRequest
from django.urls import include, path

from infointerview.urls import handler500  # noqa: F401 (read by Django from the root urlconf)


def fails(request: HttpRequest, token: str):
    raise RuntimeError(f"the page {request.path} failed")


urlpatterns = [
    path("accounts/sign-in/<str:token>/", fails),
    path("calendar/feed/<str:token>.ics", fails),
    path("", include("infointerview.urls")),
]
