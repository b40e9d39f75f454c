from django.urls import path

from infointerview.agenda import views

app_name = "agenda"
urlpatterns = [
    path("", views.today_page, name="today"),
    path("progress/", views.progress_page, name="progress"),
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/new-address/", views.new_feed_address, name="new_feed_address"),
    path("calendar/export.ics", views.export, name="export"),
    path("calendar/call/<uuid:public_id>.ics", views.call, name="call"),
    path("calendar/feed/<str:token>.ics", views.feed, name="feed"),
]
