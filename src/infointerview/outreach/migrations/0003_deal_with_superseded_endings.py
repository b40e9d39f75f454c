"""Ended requests already followed by a request to someone else on the list are dealt with.

Today used to work this out on every visit; from now on outreach records it when the
next request is made, so this marks the history once.
"""

from collections import defaultdict

from django.db import migrations, models

AWAITING_NEXT_NAME = ["moved_on", "declined", "referred"]


def mark(apps, schema_editor):
    requests = apps.get_model("outreach", "ContactRequest")
    by_list = defaultdict(list)
    rows = requests.objects.filter(person__target__isnull=False).values(
        "pk",
        "owner_id",
        "person_id",
        "person__target_id",
        "status",
        "next_name_seen",
        "created_at",
        "updated_at",
    )
    for row in rows:
        by_list[(row["owner_id"], row["person__target_id"])].append(row)
    dealt_with = []
    for rows in by_list.values():
        for row in rows:
            if row["status"] not in AWAITING_NEXT_NAME or row["next_name_seen"]:
                continue
            if any(
                other["person_id"] != row["person_id"] and other["created_at"] >= row["updated_at"]
                for other in rows
            ):
                dealt_with.append(row["pk"])
    for start in range(0, len(dealt_with), 500):
        requests.objects.filter(pk__in=dealt_with[start : start + 500]).update(next_name_seen=True)


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0002_dates_within_the_kept_range"),
        ("people", "0006_remove_free_text_occupation"),
    ]

    operations = [
        migrations.AlterField(
            model_name="contactrequest",
            name="next_name_seen",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "The user has dealt with the next name: marked it done, or has since "
                    "contacted someone else on the list."
                ),
            ),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
