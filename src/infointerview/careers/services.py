"""The shortlist of target occupations."""

from __future__ import annotations

from django.db import transaction

from infointerview.careers.models import Level, TargetOccupation
from infointerview.lib.errors import NotFound, Refused


def parse_level(text: str) -> str:
    wanted = text.strip().lower()
    aliases = {"manager": Level.SUPERVISOR, "supervisor/manager": Level.SUPERVISOR}
    if wanted in aliases:
        return aliases[wanted]
    if wanted in Level.values:
        return wanted
    raise Refused(f"unknown level {text!r}: use one of {', '.join(Level.values)}")


@transaction.atomic
def add_target(owner, name: str, level: str = Level.ENTRY, why: str = "") -> TargetOccupation:
    name = " ".join(name.split())
    if not name:
        raise Refused("an occupation needs a name, e.g. 'Graphic Designers'")
    if TargetOccupation.objects.filter(owner=owner, name__iexact=name).exists():
        raise Refused(f"{name!r} is already on your shortlist")
    return TargetOccupation.objects.create(
        owner=owner, name=name, level=parse_level(level), why=why
    )


def list_targets(owner) -> list[TargetOccupation]:
    return list(TargetOccupation.objects.filter(owner=owner))


def target_named(owner, name: str) -> TargetOccupation | None:
    return TargetOccupation.objects.filter(owner=owner, name__iexact=name.strip()).first()


def get_target(owner, public_id) -> TargetOccupation:
    try:
        return TargetOccupation.objects.get(owner=owner, public_id=public_id)
    except (TargetOccupation.DoesNotExist, ValueError):
        raise NotFound("no such occupation on your shortlist") from None
