"""Addresses of records by public id, reversed once and filled in for every row.

Reversing an address costs about as much as the rest of a row on the long pages (a
Today or People page reverses eighty), and every row's address differs only in its id.
Loaded as a template builtin: ``{{ person.public_id|address:"agenda:person" }}``.
"""

from __future__ import annotations

from functools import lru_cache
from uuid import UUID

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse

register = template.Library()

STAND_IN = "00000000-0000-0000-0000-000000000000"


@lru_cache(maxsize=256)
def _around_id(name: str, prefix: str, rest: tuple[str, ...]) -> tuple[str, str]:
    """The address before and after its id; the prefix keys the cache since it is in it."""
    before, found, after = reverse(name, args=[STAND_IN, *rest]).partition(STAND_IN)
    if not found:
        raise ValueError(f"the address {name!r} does not take a public id first")
    return before, after


def address_of(name: str, public_id: UUID, *rest: str) -> str:
    """`reverse(name, args=[public_id, *rest])`, without reversing again for each row."""
    if not isinstance(public_id, UUID):
        raise TypeError(f"{name!r} needs a public id, not {public_id!r}")
    before, after = _around_id(name, get_script_prefix(), rest)
    return f"{before}{public_id}{after}"


@register.filter
def address(public_id: UUID, name: str) -> str:
    return address_of(name, public_id)


@receiver(setting_changed)
def _forget_addresses(*, setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _around_id.cache_clear()
