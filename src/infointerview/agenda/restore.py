"""Restoring a JSON export: in one transaction, matched by public id, never duplicated.

A row already here is updated to the exported values; a missing one is created; a
public id held by another account is refused, so an export cannot reach anyone
else's data. Restoring the same file twice changes nothing.

Every row is checked before anything is written: each value has the JSON type the
export writes, every link names a row of the same file, and the model's own checks
(choices, lengths, the fixed 1900–2100 range) run as a form's would. Nothing here
depends on today, so an old backup always restores. The first bad row refuses the
whole file, and what was stored before stays as it was.
"""

from __future__ import annotations

import copy
import json
import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, models, transaction

from infointerview.accounts.services import profile_for
from infointerview.accounts.tables import user_tables
from infointerview.accounts.validation import (
    validate,
    validate_in_range,
    validate_moment_in_range,
)
from infointerview.careers.lists import list_for, target_named
from infointerview.lib import long_writes
from infointerview.lib.errors import Refused

# Far above any real export (a few kilobytes a person); a larger file is refused unread,
# since parsing JSON takes several times its size in memory.
LARGEST_FILE = 256 * 1024 * 1024
FORMAT_VERSIONS = (1, 2)
NOT_RESTORED = ("id", "owner", "public_id", "created_at", "updated_at")


@dataclass
class RestoreReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, table: str) -> None:
        counts = getattr(self, kind)
        counts[table] = counts.get(table, 0) + 1


def read_export(path: Path, largest: int = LARGEST_FILE) -> dict:
    """The export in a file; a missing, oversized or damaged file is refused in one line."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise Refused(f"{path} is a folder; give the JSON file that export wrote")
        if size > largest:
            raise Refused(
                f"{path} is {size:,} bytes, more than the {largest:,} an export may be; "
                "nothing was restored"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Refused(f"{path} does not exist") from None
    except OSError as error:
        raise Refused(f"{path} cannot be read ({error.strerror})") from None
    return parse_export(raw, str(path), largest)


def parse_export(raw: bytes | str, name: str = "the file", largest: int = LARGEST_FILE) -> dict:
    """JSON text as an export's data; NaN, Infinity and runaway nesting are refused."""
    if len(raw) > largest:
        raise Refused(f"{name} is larger than the {largest:,} bytes an export may be")
    try:
        return json.loads(raw, parse_constant=_no_constant)
    except RecursionError:
        raise Refused(f"{name} nests deeper than any export; nothing was restored") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise Refused(f"{name} is not a JSON export ({error})") from None


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number an export holds")


def restore_file(owner, path: Path) -> RestoreReport:
    return restore(owner, read_export(path))


def restore(owner, data: dict) -> RestoreReport:
    """Bring back an export, all or nothing; other writes meanwhile can say what runs."""
    with long_writes.running("a restore"):
        try:
            return _restore(owner, data)
        except RecursionError:
            raise Refused("the export nests deeper than any export; nothing was restored") from None
        except OperationalError as error:
            if long_writes.is_busy(error):
                raise Refused(long_writes.busy_message()) from None
            raise


@transaction.atomic
def _restore(owner, data: dict) -> RestoreReport:
    _check_format(data)
    report = RestoreReport()
    listed = _lists_by_name(owner, data) if data.get("version", 1) == 1 else set()
    _check_rows(data, listed)
    _restore_profile(owner, data.get("profile"), report)
    for table, model in ((t.name, t.model) for t in user_tables()):
        rows = data.get(table, [])
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


def _check_format(data) -> None:
    if not isinstance(data, dict) or data.get("format") != "infointerview-export":
        raise Refused("this is not an infointerview export (JSON with format infointerview-export)")
    version = data.get("version", 1)
    if type(version) is not int or version not in FORMAT_VERSIONS:
        raise Refused(
            f"export format version {_shown(version)} is not one this version reads "
            f"({', '.join(map(str, FORMAT_VERSIONS))}); update infointerview and try again"
        )


def _shown(value) -> str:
    """A value as the message quotes it: short, whatever the file holds."""
    try:
        text = repr(value)
    except RecursionError:
        return "a value nested too deeply"
    return text if len(text) <= 60 else f"{text[:57]}..."


def _check_rows(data: dict, listed: set[str]) -> None:
    """Every row's shape and links, before anything is written: the first bad row refuses."""
    tables = user_tables()
    ids: dict[type[models.Model], set[str]] = {}
    for table in tables:
        rows = data.get(table.name, [])
        if not isinstance(rows, list):
            raise Refused(f"{table.name}: expected a list of rows, not {_shown(rows)}")
        seen = ids.setdefault(table.model, set())
        for index, row in enumerate(rows):
            where = f"{table.name} row {index + 1}"
            if not isinstance(row, dict):
                raise Refused(f"{where}: expected an object, not {_shown(row)}")
            public_id = _public_id(row, where)
            if public_id in seen:
                raise Refused(f"{where}: public_id {public_id} appears twice in the file")
            seen.add(public_id)
    ids.setdefault(_list_model(), set()).update(listed)
    for table in tables:
        fields = _restored_fields(table.model)
        for index, row in enumerate(data.get(table.name, [])):
            where = f"{table.name} row {index + 1}"
            for field_object in fields:
                if field_object.name in row:
                    _check_value(where, field_object, row[field_object.name], ids)


def _check_value(where: str, field_object: models.Field, value, ids: dict) -> None:
    """One value: the JSON type the export writes, and a link to a row of this file."""
    problem = _shape_problem(field_object, value)
    if problem:
        raise Refused(f"{where}: {field_object.name} {problem}")
    related = field_object.related_model if field_object.is_relation else None
    if related in ids and value is not None and _canonical(value) not in ids[related]:
        raise Refused(f"{where}: {field_object.name} {_id(value)} is not in this export")


def _id(value: str) -> str:
    """An id as a message names it: as written when short and printable, else quoted."""
    return value if len(value) <= 60 and value.isprintable() else _shown(value)


def _list_model() -> type[models.Model] | None:
    """The model a version 1 export's list names resolve to."""
    return next((t.model for t in user_tables() if t.name == "targets"), None)


def _canonical(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return value


def _public_id(row: dict, where: str) -> str:
    value = row.get("public_id")
    try:
        if not isinstance(value, str):
            raise ValueError
        return str(uuid.UUID(value))
    except ValueError:
        raise Refused(f"{where}: no valid public_id ({_shown(value)})") from None


def _restored_fields(model) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.editable and f.name not in NOT_RESTORED]


def _shape_problem(field_object: models.Field, value) -> str:
    """Why a value is not what the export writes for this field, or '' when it is."""
    if value is None:
        return "" if field_object.null else "cannot be empty (null)"
    if isinstance(field_object, models.BooleanField):
        expected, ok = "true or false", isinstance(value, bool)
    elif isinstance(field_object, models.IntegerField):
        expected, ok = "a whole number", type(value) is int
    elif isinstance(field_object, models.FloatField):
        expected = "a number"
        ok = type(value) in (int, float) and math.isfinite(value)
    elif isinstance(field_object, models.JSONField):
        expected = "a list of texts"
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        if ok and any("\x00" in item for item in value):
            return "holds a NUL character, which no form accepts"
    else:
        expected, ok = "a text", isinstance(value, str)
        if ok and "\x00" in value:
            return "holds a NUL character, which no form accepts"
    return "" if ok else f"{_shown(value)} cannot be read: expected {expected}"


def _convert(field_object: models.Field, value):
    """The exported text as the field's own type; a moment must say its time zone."""
    if value is None:
        return None
    if isinstance(field_object, models.DateTimeField):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("a moment needs its time zone")
        validate_moment_in_range(moment)
        return moment
    if isinstance(field_object, models.DateField):
        day = date.fromisoformat(value)
        validate_in_range(day)
        return day
    if isinstance(field_object, models.JSONField):
        return value
    return field_object.to_python(value)


def _unreadable(where: str, name: str, value, error: Exception) -> Refused:
    """A value that cannot become the field's type, saying why when the check knows."""
    if isinstance(error, ValidationError) and error.code == "out_of_range":
        return Refused(f"{where}: {name}: {error.messages[0]}")
    return Refused(f"{where}: {name} {_shown(value)} cannot be read")


def _fields(owner, model, row: dict, table: str, index: int, links_to_self: bool) -> dict:
    """Stored values for one exported row; links to the same table only when asked."""
    values = {}
    where = f"{table} row {index + 1}"
    for field_object in _restored_fields(model):
        name = field_object.name
        if name not in row:
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
                raise Refused(f"{where}: {name} {_id(str(value))} is not in this export")
            values[field_object.attname] = target.pk
        else:
            try:
                values[name] = _convert(field_object, value)
            except (TypeError, ValueError, ValidationError) as error:
                raise _unreadable(where, name, value, error) from None
    return values


def _restore_row(owner, model, table, index, row, links_to_self: bool, report) -> None:
    """First pass: the row without links to its own table; second pass: those links."""
    public_id = uuid.UUID(row["public_id"])
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
        except (TypeError, ValueError, ValidationError) as error:
            raise _unreadable(f"{table} row {index + 1}", name, row[name], error) from None
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
        if not isinstance(value, str) or "\x00" in value:
            raise Refused(f"profile: {name} {_shown(value)} cannot be read")
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


def _lists_by_name(owner, data: dict) -> set[str]:
    """A version 1 export names the list each row is on; the name finds (or starts) it.

    Returns the public ids of those lists, which the rows may then link to.
    """
    found = set()
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
            if target:
                found.add(str(target.public_id))
    return found
