from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "infointerview.interviews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from infointerview.accounts.tables import register
        from infointerview.interviews.models import (
            Insight,
            Interview,
            InterviewChange,
            PlannedQuestion,
            ResearchEntry,
            ThankYou,
        )

        register("interviews", Interview)
        register("interview_changes", InterviewChange)
        register("questions", PlannedQuestion)
        register("insights", Insight)
        register("thank_yous", ThankYou)
        register("research", ResearchEntry)
