from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "infointerview.outreach"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from infointerview.accounts.tables import register
        from infointerview.outreach.models import Attempt, ContactRequest, DraftTemplate

        register("contact_requests", ContactRequest)
        register("attempts", Attempt)
        register("templates", DraftTemplate)
