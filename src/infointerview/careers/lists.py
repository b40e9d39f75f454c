"""Target occupations as the lists people are on: found by name, renamed, merged, suggested.

A list is one row, so a typo can be renamed or merged into the right list, and two
spellings that differ only in case and spacing are the same list.
"""

from __future__ import annotations

import unicodedata

from django.db import transaction
from django.db.models import Max
from rapidfuzz import fuzz, process

from infointerview.accounts.validation import validate
from infointerview.careers.models import Occupation, TargetOccupation, name_key, tidy_name
from infointerview.careers.title_matches import match_titles
from infointerview.lib.errors import NotFound, Refused

CLOSE_ENOUGH = 85
SUGGEST = 0.5  # how sure the title matcher must be to offer an O*NET occupation


def target_named(owner, name: str) -> TargetOccupation | None:
    return TargetOccupation.objects.filter(owner=owner, name_key=name_key(name)).first()


def existing_target(owner, name: str) -> TargetOccupation:
    target = target_named(owner, name)
    if target is None:
        raise NotFound(f"{name!r} is not on your shortlist")
    return target


def list_for(owner, name: str) -> TargetOccupation | None:
    """The list named so, started as 'exploring' the first time someone is put on it."""
    name = tidy_name(name)
    if not name:
        return None
    target = target_named(owner, name)
    if target is None:
        target = TargetOccupation(owner=owner, name=name)
        validate(target)
        target.save()
    return target


def close_names(owner, text: str, limit: int = 3) -> list[str]:
    """Lists and O*NET occupations a typed name likely means, for 'did you mean …?'.

    The user's own lists by spelling; O*NET's occupations through the title matcher, so
    'Senior UX designer' is offered Web and Digital Interface Designers, not only near
    spellings of a title.
    """
    key = name_key(text)
    if not key:
        return []
    mine = {t.name_key: t.name for t in TargetOccupation.objects.filter(owner=owner)}
    if key in mine:
        return []
    plain = {_unaccented(choice): name for choice, name in mine.items()}
    matches = process.extract(_unaccented(key), list(plain), scorer=fuzz.ratio, limit=limit)
    found = [plain[match] for match, score, _ in matches if score >= CLOSE_ENOUGH]
    found += _occupations_meant(text, key)
    return list(dict.fromkeys(found))[:limit]


def _occupations_meant(text: str, key: str) -> list[str]:
    """O*NET titles the matcher thinks likely; none when the text is one of them already."""
    if not Occupation.objects.exists():
        return []  # nothing imported: no index to build
    match = match_titles([text])[0]
    if not match.code:
        return []
    likely = [c.title for c in match.candidates if c.confidence >= SUGGEST]
    return [] if any(name_key(title) == key for title in likely) else likely


def _unaccented(text: str) -> str:
    """'Ebeniste' is a near miss of 'Ébéniste': compare without the accents."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


@transaction.atomic
def rename_target(owner, target: TargetOccupation, new_name: str) -> TargetOccupation:
    new_name = tidy_name(new_name)
    if not new_name:
        raise Refused("give the list a name")
    other = target_named(owner, new_name)
    if other is not None and other.pk != target.pk:
        raise Refused(f"{other.name!r} is already a list: merge this one into it instead")
    target.name = new_name
    validate(target)
    target.save(update_fields=["name", "updated_at"])
    return target


def _joined(first: str, second: str) -> str:
    return "\n".join(part for part in (first.strip(), second.strip()) if part)


@transaction.atomic
def merge_targets(owner, source: TargetOccupation, into: TargetOccupation) -> TargetOccupation:
    """FROM's people, leads and research join INTO's list after its own, in their order.

    INTO keeps its name, status and level; FROM's reasons and notes are added to its own.
    """
    if source.pk == into.pk:
        raise Refused("a list cannot be merged into itself")
    if source.onet_code and into.onet_code and source.onet_code != into.onet_code:
        raise Refused(
            f"{source.name!r} is linked to O*NET {source.onet_code} and {into.name!r} to "
            f"{into.onet_code}: they are different occupations, so they were not merged"
        )
    people, leads = source.people.all(), source.leads.all()
    lowest = max(
        [into.people.aggregate(top=Max("position"))["top"] or 0]
        + [into.leads.aggregate(top=Max("position"))["top"] or 0]
    )
    moving = sorted([*people, *leads], key=lambda row: (row.position, type(row).__name__, row.pk))
    for offset, row in enumerate(moving, start=1):
        row.position, row.target = lowest + offset, into
        row.save(update_fields=["position", "target", "updated_at"])
    source.research.update(target=into)
    into.why = _joined(into.why, source.why)
    into.notes = _joined(into.notes, source.notes)
    into.onet_code = into.onet_code or source.onet_code
    into.proposed_onet_code = "" if into.onet_code else into.proposed_onet_code
    into.declined_onet_codes = sorted({*into.declined_onet_codes, *source.declined_onet_codes})
    into.save()
    source.delete()
    return into
