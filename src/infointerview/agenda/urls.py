from django.urls import path

from infointerview.agenda import views

app_name = "agenda"
urlpatterns = [path("", views.today_page, name="today")]
