from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "infointerview.people"
    default_auto_field = "django.db.models.BigAutoField"
