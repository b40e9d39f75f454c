"""Research notes point at an O*NET code, and at a target when the occupation has one.

Research made while only browsing an occupation's page never creates a target. A name
that matches neither a target nor an O*NET title is kept in the notes.
"""

from django.db import migrations


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def forward(apps, schema_editor):
    research = apps.get_model("interviews", "ResearchEntry")
    targets = apps.get_model("careers", "TargetOccupation")
    occupations = apps.get_model("careers", "Occupation")
    entries = list(research.objects.exclude(occupation=""))
    if not entries:
        return
    codes = {_key(title): code for code, title in occupations.objects.values_list("code", "title")}
    for entry in entries:
        key = _key(entry.occupation)
        entry.target = targets.objects.filter(owner_id=entry.owner_id, name_key=key).first()
        entry.onet_code = codes.get(key) or (entry.target.onet_code if entry.target else "")
        if entry.target is None and not entry.onet_code:
            entry.notes = f"About: {entry.occupation}\n{entry.notes}".strip()
    research.objects.bulk_update(entries, ["target", "onet_code", "notes"], batch_size=500)


def backward(apps, schema_editor):
    research = apps.get_model("interviews", "ResearchEntry")
    occupations = apps.get_model("careers", "Occupation")
    titles = dict(occupations.objects.values_list("code", "title"))
    entries = list(research.objects.select_related("target"))
    for entry in entries:
        entry.occupation = entry.target.name if entry.target else titles.get(entry.onet_code, "")
    research.objects.bulk_update(entries, ["occupation"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("interviews", "0004_research_onet_code"),
        ("people", "0005_occupation_lists"),
        ("careers", "0004_element_ratings_share_one_shape"),
    ]

    operations = [migrations.RunPython(forward, backward)]
