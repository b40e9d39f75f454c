"""Before the lists of names become rows, keep a copy of the SQLite database beside it."""

import sqlite3
from pathlib import Path

from django.conf import settings
from django.db import migrations


def copy_aside(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    accounts = apps.get_model(settings.AUTH_USER_MODEL).objects.using(connection.alias)
    if not accounts.exists():
        return  # a new database: no one's notes to keep, so no copy to puzzle over
    source = Path(connection.settings_dict["NAME"])
    copy = source.with_name(f"{source.name}.before-occupation-lists")
    if copy.exists() or not source.exists():
        return
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


class Migration(migrations.Migration):
    atomic = False
    dependencies = [
        ("people", "0002_person_onet_code_person_proposed_onet_code"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(copy_aside, migrations.RunPython.noop)]
