from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "infointerview.agenda"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from infointerview.accounts.tables import register
        from infointerview.agenda.models import DifferentPeople

        register("different_people", DifferentPeople)
