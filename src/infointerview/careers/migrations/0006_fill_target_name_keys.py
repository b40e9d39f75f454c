from django.db import migrations


def fill(apps, schema_editor):
    """Each name folded; a second spelling of one key (possible before) keeps its own."""
    targets = apps.get_model("careers", "TargetOccupation")
    taken = set()
    for target in targets.objects.order_by("owner_id", "id"):
        key = " ".join(target.name.split()).casefold()
        if (target.owner_id, key) in taken:
            key = f"{key}#{target.pk}"
        taken.add((target.owner_id, key))
        target.name_key = key
        target.save(update_fields=["name_key"])


class Migration(migrations.Migration):
    dependencies = [("careers", "0005_target_name_key")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
