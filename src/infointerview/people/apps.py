from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "infointerview.people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from infointerview.accounts.tables import register
        from infointerview.careers.services import link_text_of
        from infointerview.people.models import (
            Acquaintance,
            ImportBatch,
            ImportedPerson,
            LeadCall,
            OrganizationLead,
            Person,
        )

        register("people", Person)
        register("organization_leads", OrganizationLead)
        register("lead_calls", LeadCall)
        register("acquaintances", Acquaintance)
        register("import_batches", ImportBatch)
        register("imported_people", ImportedPerson)
        link_text_of(Person, "job_title")
