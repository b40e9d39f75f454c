from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "infointerview.careers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from infointerview.accounts.tables import register
        from infointerview.careers.models import Goals, InterestProfile, TargetOccupation

        register("targets", TargetOccupation)
        register("interest_profiles", InterestProfile)
        register("goals", Goals)
