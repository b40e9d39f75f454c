from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "infointerview.careers"
    default_auto_field = "django.db.models.BigAutoField"
