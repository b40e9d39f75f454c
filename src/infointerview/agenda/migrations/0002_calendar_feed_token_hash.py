import hashlib

from django.db import migrations


def hash_tokens(apps, schema_editor):
    """Each address already subscribed to keeps working: its secret is replaced by its hash."""
    CalendarFeed = apps.get_model("agenda", "CalendarFeed")
    for feed in CalendarFeed.objects.all():
        feed.token_hash = hashlib.sha256(feed.token_hash.encode()).hexdigest()
        feed.save(update_fields=["token_hash"])


class Migration(migrations.Migration):
    """The calendar feed keeps only the hash of its secret, like sign-in links."""

    dependencies = [
        ("agenda", "0001_calendar_feed"),
    ]

    operations = [
        migrations.RenameField(model_name="calendarfeed", old_name="token", new_name="token_hash"),
        # Going back leaves the hashes: addresses made before then stop working.
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
    ]
