"""Restoring a JSON export: in one transaction, matched by public id, never duplicated.

A row already here is updated to the exported values; a missing one is created; a
public id held by another account is refused, so an export cannot reach anyone
else's data. Restoring the same file twice changes nothing.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from infointerview.accounts.services import profile_for
from infointerview.accounts.tables import user_tables
from infointerview.accounts.validation import validate, validate_moment_in_range
from infointerview.careers.lists import list_for, target_named
from infointerview.lib.errors import Refused


@dataclass
class RestoreReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, table: str) -> None:
        counts = getattr(self, kind)
        counts[table] = counts.get(table, 0) + 1


def _convert(field_object: models.Field, value):
    """The exported text as the field's own type; a moment must say its time zone."""
    if value is None:
        return None
    if isinstance(field_object, models.DateTimeField):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("a moment needs its time zone")
        return moment
    if isinstance(field_object, models.DateField):
        return date.fromisoformat(value)
    if isinstance(field_object, models.JSONField):
        return value
    return field_object.to_python(value)


def _fields(owner, model, row: dict, table: str, index: int, links_to_self: bool) -> dict:
    """Stored values for one exported row; links to the same table only when asked."""
    values = {}
    for field_object in model._meta.concrete_fields:
        name = field_object.name
        skipped = ("id", "owner", "public_id", "created_at", "updated_at")
        if name in skipped or not field_object.editable or name not in row:
            continue
        if (field_object.related_model is model) != links_to_self:
            continue
        value = row[name]
        if field_object.is_relation:
            related = field_object.related_model
            if value is None:
                values[field_object.attname] = None
                continue
            try:
                target = related.objects.filter(owner=owner, public_id=value).first()
            except (ValueError, ValidationError):
                target = None
            if target is None:
                raise Refused(f"{table} row {index + 1}: {name} {value} is not in this export")
            values[field_object.attname] = target.pk
        else:
            try:
                values[name] = _convert(field_object, value)
            except (TypeError, ValueError, ValidationError):
                raise Refused(f"{table} row {index + 1}: {name} {value!r} cannot be read") from None
    return values


@transaction.atomic
def restore(owner, data: dict) -> RestoreReport:
    if not isinstance(data, dict) or data.get("format") != "infointerview-export":
        raise Refused("this is not an infointerview export (JSON with format infointerview-export)")
    report = RestoreReport()
    if data.get("version", 1) == 1:
        _lists_by_name(owner, data)
    _restore_profile(owner, data.get("profile"), report)
    for table, model in ((t.name, t.model) for t in user_tables()):
        rows = data.get(table, [])
        if not isinstance(rows, list):
            raise Refused(f"{table}: expected a list of rows")
        for links_to_self in (False, True):
            for index, row in enumerate(rows):
                try:
                    with transaction.atomic():
                        _restore_row(owner, model, table, index, row, links_to_self, report)
                except IntegrityError:
                    raise Refused(
                        f"{table} row {index + 1} clashes with something already stored "
                        "(for example the same occupation under another id); nothing was restored"
                    ) from None
    return report


def _restore_row(owner, model, table, index, row, links_to_self: bool, report) -> None:
    """First pass: the row without links to its own table; second pass: those links."""
    if not isinstance(row, dict):
        raise Refused(f"{table} row {index + 1}: expected an object")
    try:
        public_id = uuid.UUID(str(row.get("public_id")))
    except ValueError:
        raise Refused(f"{table} row {index + 1}: no valid public_id") from None
    values = _fields(owner, model, row, table, index, links_to_self)
    if links_to_self:
        if values:
            model.objects.filter(owner=owner, public_id=public_id).update(**values)
        return
    existing = model.objects.filter(public_id=public_id).first()
    if existing is not None and existing.owner_id != owner.pk:
        raise Refused(f"{table} row {index + 1}: that id belongs to another account")
    times = _times(row, table, index)
    if existing is not None and all(getattr(existing, k) == v for k, v in values.items()):
        report.count("unchanged", table)
        return
    instance = existing or model(owner=owner, public_id=public_id)
    for name, value in values.items():
        setattr(instance, name, value)
    try:
        validate(instance)
    except Refused as error:
        raise Refused(f"{table} row {index + 1}: {error}") from None
    instance.save()
    model.objects.filter(pk=instance.pk).update(**times)
    report.count("created" if existing is None else "updated", table)


def _times(row: dict, table: str, index: int) -> dict:
    """When a row was made and last changed, as exported: a restore is not a new edit."""
    times = {}
    for name in ("created_at", "updated_at"):
        if row.get(name) is None:
            continue
        try:
            times[name] = _convert(models.DateTimeField(), row[name])
            validate_moment_in_range(times[name])
        except (TypeError, ValueError, ValidationError):
            raise Refused(f"{table} row {index + 1}: {name} {row[name]!r} cannot be read") from None
    return times


def _restore_profile(owner, exported, report: RestoreReport) -> None:
    """Name, introduction, time zone and wage areas: what every draft and page uses."""
    if exported is None:
        return
    if not isinstance(exported, dict):
        raise Refused("profile: expected an object")
    profile = profile_for(owner)
    values = {name: exported[name] for name in profile.USER_FIELDS if name in exported}
    for name, value in values.items():
        if not isinstance(value, str):
            raise Refused(f"profile: {name} {value!r} cannot be read")
    changed = {k: v for k, v in values.items() if getattr(profile, k) != v}
    if changed:
        candidate = copy.copy(profile)  # the profile in use stays as it was if refused
        for name, value in changed.items():
            setattr(candidate, name, value)
        try:
            validate(candidate)
        except Refused as error:
            raise Refused(f"profile: {error}") from None
        for name, value in changed.items():
            setattr(profile, name, value)
        profile.save()
        report.count("updated", "profile")
    else:
        report.count("unchanged", "profile")


def _lists_by_name(owner, data: dict) -> None:
    """A version 1 export names the list each row is on; the name finds (or starts) it."""
    for table in ("people", "organization_leads", "research"):
        rows = data.get(table)
        if not isinstance(rows, list):
            continue
        for row in rows:
            if not isinstance(row, dict) or "target" in row:
                continue
            name = row.pop("occupation", "") or ""
            if not isinstance(name, str) or not name.strip():
                continue
            find = target_named if table == "research" else list_for
            target = find(owner, name)
            row["target"] = str(target.public_id) if target else None
