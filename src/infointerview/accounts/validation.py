"""Checking rows before they are stored, with one way to tell the user what is wrong.

Services build a row, call ``validate`` (Django's ``full_clean``) and save; the model's
own fields say what is allowed, so choices, lengths and the date range are written
down once. ``refused`` is the one place a ``ValidationError`` becomes a ``Refused``.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import available_timezones

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import RegexValidator, validate_email
from django.db import models

from infointerview.lib.dates import moment_out_of_range, out_of_range
from infointerview.lib.errors import Refused


def validate_in_range(value: date | datetime) -> None:
    problem = out_of_range(value)
    if problem:
        raise ValidationError(problem, code="out_of_range")


def validate_moment_in_range(value: datetime) -> None:
    """A stored moment, checked so that the user's time zone, whichever, can show it."""
    problem = moment_out_of_range(value)
    if problem:
        raise ValidationError(problem, code="out_of_range")


def _label(model: type[models.Model] | None, name: str) -> str:
    if model is not None and name != "__all__":
        try:
            return str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:  # a check named after no single field
            pass
    return name.replace("_", " ")


def _sentence(model, name: str, error: ValidationError, value) -> str:
    label = _label(model, name)
    params = error.params or {}
    if error.code == "invalid_choice":
        field = model._meta.get_field(name) if model is not None else None
        allowed = ", ".join(str(v) for v, _ in field.flatchoices) if field is not None else ""
        return f"unknown {label} {params.get('value', value)!r}: use one of {allowed}"
    if error.code == "max_length":
        length, limit = params["show_value"], params["limit_value"]
        return f"{label} is {length} characters long; at most {limit} fit"
    if error.code == "blank":
        return f"{label} is needed"
    message = error.message % params if params else error.message
    return f"{label}: {message}" if name != "__all__" else str(message)


def refused(error: ValidationError, instance: models.Model | None = None) -> Refused:
    """The first problem, as one line naming the field: enough to fix it and try again."""
    model = type(instance) if instance is not None else None
    if hasattr(error, "error_dict"):
        name, errors = next(iter(error.error_dict.items()))
        value = getattr(instance, name, None) if instance is not None else None
        return Refused(_sentence(model, name, errors[0], value))
    return Refused(_sentence(model, "__all__", error.error_list[0], None))


def validate(instance: models.Model, exclude: list[str] | None = None) -> None:
    """Check a row against its fields before saving it; refuse with one line if it fails."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise refused(error, instance) from None


class DayField(forms.DateField):
    """A date a person types or picks, within the range the app keeps."""

    default_validators = [validate_in_range]

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)


class MomentField(forms.DateTimeField):
    """A date and time in the user's own time zone (the one the request runs in)."""

    default_validators = [validate_in_range]
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        )
        super().__init__(**kwargs)


def validate_time_zone(name: str) -> None:
    """An IANA time zone name this computer knows, e.g. America/Chicago."""
    if name not in available_timezones():
        raise ValidationError(f"unknown time zone {name!r}", code="time_zone")


validate_onet_code = RegexValidator(
    r"^\d{2}-\d{4}\.\d{2}$", "an O*NET-SOC code looks like 27-1024.00", code="onet_code"
)


def validate_texts(value) -> None:
    """A list of short texts, as JSON lists of phones and tags hold."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError("expected a list of texts", code="texts")


def validate_emails(value) -> None:
    validate_texts(value)
    for address in value:
        validate_email(address)
