from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "infointerview.outreach"
    default_auto_field = "django.db.models.BigAutoField"
