"""Template filters that write days and moments in the app's one style (lib.day_words).

Loaded as a template builtin, so every page writes dates the same way without
``{% load %}``. A moment is shown on the user's own clock, as Django's ``date`` does.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from infointerview.lib import day_words

register = template.Library()

WITHOUT_YEAR = "without year"


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _year_choice(argument: str) -> bool:
    if argument not in ("", WITHOUT_YEAR):
        raise template.TemplateSyntaxError(f"use |…_day or |…_day:{WITHOUT_YEAR!r}")
    return argument != WITHOUT_YEAR


@register.filter
def long_day(value: date | datetime | None, argument: str = "") -> str:
    return day_words.long_day(_local(value), with_year=_year_choice(argument)) if value else ""


@register.filter
def short_day(value: date | datetime | None, argument: str = "") -> str:
    return day_words.short_day(_local(value), with_year=_year_choice(argument)) if value else ""


@register.filter
def month_day(value: date | datetime | None) -> str:
    return day_words.month_day(_local(value)) if value else ""


@register.filter
def letter_day(value: date | datetime | None) -> str:
    return day_words.letter_day(_local(value)) if value else ""


@register.filter
def long_moment(value: datetime | None) -> str:
    return day_words.long_moment(_local(value)) if value else ""


@register.filter
def short_moment(value: datetime | None) -> str:
    return day_words.short_moment(_local(value)) if value else ""
