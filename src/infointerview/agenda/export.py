"""Everything a user has entered, as JSON (whole) or CSV (people), keyed by public ids."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from infointerview import __version__
from infointerview.accounts.services import profile_for
from infointerview.accounts.tables import user_tables
from infointerview.lib.spreadsheet_cells import guarded
from infointerview.people.models import Person

SKIPPED = {"id", "owner", "owner_id"}
# 2: the list a person, lead or research entry is on is a target id, not a name.
FORMAT_VERSION = 2


def _value(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(queryset, owner_id: int) -> list[dict]:
    """Every field of each row; links to other rows become their public ids."""
    rows = []
    model = queryset.model
    links = {
        f.attname: f.related_model
        for f in model._meta.concrete_fields
        if f.is_relation and f.name != "owner"
    }
    public_ids: dict[tuple, str] = {}
    for related in set(links.values()):
        if hasattr(related, "public_id"):
            mine = related.objects.filter(owner_id=owner_id)  # not every account's rows
            for pk, public_id in mine.values_list("pk", "public_id"):
                public_ids[(related, pk)] = str(public_id)
    for row in queryset.order_by("pk").values():
        entry = {}
        for key, value in row.items():
            if key in SKIPPED:
                continue
            if key in links:
                entry[key.removesuffix("_id")] = public_ids.get((links[key], value))
            else:
                entry[key] = str(value) if key == "public_id" else _value(value)
        rows.append(entry)
    return rows


def export_data(owner, now: datetime) -> dict:
    profile = profile_for(owner)
    return {
        "format": "infointerview-export",
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(),
        "account": owner.get_username(),
        "profile": {name: getattr(profile, name) for name in profile.USER_FIELDS},
        **{
            table.name: _rows(table.model.objects.filter(owner=owner), owner.pk)
            for table in user_tables()
        },
    }


PEOPLE_COLUMNS = [
    "id",
    "name",
    "occupation",
    "onet_code",
    "level",
    "job_title",
    "organization",
    "emails",
    "phones",
    "postal_address",
    "source",
    "source_detail",
    "introduced_by",
    "tags",
    "notes",
]


def people_csv(owner) -> str:
    """People for a spreadsheet; a cell that would run as a formula is written as text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=PEOPLE_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for person in Person.objects.filter(owner=owner).select_related("introduced_by", "target"):
        row = person.to_dict()
        for key in ("emails", "phones", "tags"):
            row[key] = "; ".join(row[key])
        writer.writerow({key: guarded(str(row.get(key) or "")) for key in PEOPLE_COLUMNS})
    return out.getvalue()
