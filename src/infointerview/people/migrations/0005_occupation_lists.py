"""Each occupation name people or leads were listed under becomes a target occupation.

Names that differ only in case and spacing are one list (folded with casefold(), which
knows every alphabet); a typo stays a list of its own, to be renamed or merged later.
"""

from collections import Counter, defaultdict

from django.db import migrations


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def forward(apps, schema_editor):
    targets = apps.get_model("careers", "TargetOccupation")
    listed = [apps.get_model("people", "Person"), apps.get_model("people", "OrganizationLead")]
    spellings: dict[int, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for model in listed:
        for owner_id, name in model.objects.exclude(occupation="").values_list(
            "owner_id", "occupation"
        ):
            spellings[owner_id][_key(name)][" ".join(name.split())] += 1
    for owner_id, by_key in spellings.items():
        existing = {t.name_key: t for t in targets.objects.filter(owner_id=owner_id)}
        for key, names in by_key.items():
            if key not in existing:
                name = sorted(names.items(), key=lambda item: (-item[1], item[0]))[0][0]
                existing[key] = targets.objects.create(
                    owner_id=owner_id, name=name, name_key=key, status="exploring", level="entry"
                )
        for model in listed:
            rows = list(model.objects.filter(owner_id=owner_id).exclude(occupation=""))
            for row in rows:
                row.target = existing[_key(row.occupation)]
            model.objects.bulk_update(rows, ["target"], batch_size=500)


def backward(apps, schema_editor):
    for name in ("Person", "OrganizationLead"):
        model = apps.get_model("people", name)
        rows = list(model.objects.filter(target__isnull=False).select_related("target"))
        for row in rows:
            row.occupation = row.target.name
        model.objects.bulk_update(rows, ["occupation"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("people", "0004_person_target")]

    operations = [migrations.RunPython(forward, backward)]
