"""List names are matched regardless of how an accent was typed or invisible characters.

Recomputes each target's key with the new rule; two lists that now share a key keep
their own (the later one gets a suffix) so nothing is merged without the user.
"""

import unicodedata

from django.db import migrations


def _key(name: str) -> str:
    composed = unicodedata.normalize("NFC", name)
    visible = "".join(ch for ch in composed if unicodedata.category(ch) != "Cf")
    return unicodedata.normalize("NFKC", " ".join(visible.split())).casefold()


def refold(apps, schema_editor):
    targets = apps.get_model("careers", "TargetOccupation")
    taken = set()
    rows = list(targets.objects.order_by("owner_id", "id"))
    for target in rows:
        key = _key(target.name)
        if (target.owner_id, key) in taken:
            key = f"{key}#{target.pk}"
        taken.add((target.owner_id, key))
        target.name_key = f"#{target.pk}"  # a free key first, so swaps never collide
        target.save(update_fields=["name_key"])
        target.name_key = key
    for target in rows:
        target.save(update_fields=["name_key"])


class Migration(migrations.Migration):
    dependencies = [("careers", "0008_checked_on_save")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
