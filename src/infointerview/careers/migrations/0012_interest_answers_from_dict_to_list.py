"""Answers kept for a short while as {"item": "answer"} become the list every JSON field is."""

from django.db import migrations

ITEM_COUNT = 60


def to_list(apps, schema_editor):
    InterestProfile = apps.get_model("careers", "InterestProfile")
    for profile in InterestProfile.objects.all():
        if isinstance(profile.answers, dict):
            given = {str(k): v for k, v in profile.answers.items()}
            profile.answers = [given.get(str(n), "") for n in range(1, ITEM_COUNT + 1)]
            profile.save(update_fields=["answers"])


class Migration(migrations.Migration):
    dependencies = [("careers", "0011_interest_answers_as_a_list")]

    operations = [migrations.RunPython(to_list, migrations.RunPython.noop)]
