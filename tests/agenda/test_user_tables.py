"""Export and restore read one registry of tables; no table with user data is left out."""

from django.apps import apps

from infointerview.accounts.tables import user_tables

# Owned rows that are deliberately not in the export, and why.
NOT_EXPORTED = {
    "accounts.Profile": "exported on its own, as the 'profile' object",
    "accounts.SignInLink": "a one-time secret, useless on another computer",
    "agenda.CalendarFeed": "a secret address; a restored account makes a new one",
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def test_every_model_with_an_owner_is_registered_or_deliberately_left_out():
    owned = {
        _label(model)
        for model in apps.get_models()
        if model.__module__.startswith("infointerview.")
        and any(field.name == "owner" for field in model._meta.concrete_fields)
    }
    registered = {_label(table.model) for table in user_tables()}
    assert owned - set(NOT_EXPORTED) == registered
    assert set(NOT_EXPORTED) <= owned


def test_a_table_comes_after_every_table_it_links_to():
    seen = set()
    for table in user_tables():
        links = {
            field.related_model
            for field in table.model._meta.concrete_fields
            if field.is_relation and field.name != "owner"
        }
        assert links - {table.model} <= seen, table.name
        seen.add(table.model)
