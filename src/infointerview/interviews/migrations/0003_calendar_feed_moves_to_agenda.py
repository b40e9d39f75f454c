from django.db import migrations


class Migration(migrations.Migration):
    """The calendar feed now belongs to the agenda app; its table stays where it is."""

    dependencies = [
        ("interviews", "0002_plan_notes_thanks_research"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CalendarFeed")],
            database_operations=[],
        ),
    ]
