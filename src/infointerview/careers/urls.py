from django.urls import path

from infointerview.careers import views

app_name = "careers"
urlpatterns = [path("", views.targets_page, name="targets")]
