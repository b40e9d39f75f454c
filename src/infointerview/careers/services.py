"""The shortlist of target occupations."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models, transaction

from infointerview.accounts.validation import validate
from infointerview.careers.lists import target_named
from infointerview.careers.lookup import LONGEST_TITLE, is_code
from infointerview.careers.models import (
    Level,
    Occupation,
    TargetOccupation,
    name_key,
    tidy_name,
)
from infointerview.careers.title_matcher import PROPOSE_FROM, TitleMatch
from infointerview.careers.title_matches import match_titles
from infointerview.lib.errors import NotFound, Refused

LEVEL_ALIASES = {"manager": Level.SUPERVISOR, "supervisor/manager": Level.SUPERVISOR}


def level_named(text: str) -> str:
    """The level a person means: any case, and 'manager' for supervisor; checked on save."""
    wanted = text.strip().lower()
    return LEVEL_ALIASES.get(wanted, wanted)


@transaction.atomic
def add_target(owner, name: str, level: str = Level.ENTRY, why: str = "") -> TargetOccupation:
    name = tidy_name(name)
    if not name:
        raise Refused("an occupation needs a name, e.g. 'Graphic Designers'")
    if target_named(owner, name) is not None:
        raise Refused(f"{name!r} is already on your shortlist")
    target = TargetOccupation(owner=owner, name=name, level=level_named(level), why=why)
    validate(target)
    target.save()
    return target


def list_targets(owner) -> list[TargetOccupation]:
    return list(TargetOccupation.objects.filter(owner=owner))


def target_for_code(owner, onet_code: str) -> TargetOccupation | None:
    return TargetOccupation.objects.filter(owner=owner, onet_code=onet_code).first()


def occupation_titled(code: str) -> Occupation | None:
    return Occupation.objects.filter(code=code).first() if code else None


def get_target(owner, public_id) -> TargetOccupation:
    return TargetOccupation.owned_by(owner, public_id, "occupation on your shortlist")


def _occupation_for(text: str):
    """The O*NET occupation a name surely means: its code, its title or one alternate title."""
    from infointerview.careers.models import AlternateTitle

    text = " ".join(text.split())
    if len(text) > LONGEST_TITLE:
        return None
    by_code = Occupation.objects.filter(code__in=[text, f"{text}.00"]).first()
    if by_code:
        return by_code
    by_title = Occupation.objects.filter(title__iexact=text, retired_in="").first()
    if by_title:
        return by_title
    codes = set(
        AlternateTitle.objects.filter(title__iexact=text).values_list("occupation_id", flat=True)
    )
    if len(codes) == 1:
        return Occupation.objects.get(pk=codes.pop())
    return None


@transaction.atomic
def add_to_shortlist(owner, code_or_text: str, level: str = Level.ENTRY, why: str = ""):
    """Shortlist an O*NET occupation; an unclear name is refused with likely matches."""
    from infointerview.careers.search import search

    occupation = _occupation_for(code_or_text)
    if occupation is None:
        hits = search(code_or_text, limit=5)
        if not hits:
            raise NotFound(f"no occupation matches {code_or_text!r}")
        choices = "; ".join(f"{h.code} {h.title}" for h in hits)
        raise Refused(f"{code_or_text!r} could be several occupations: {choices} — give the code")
    existing = TargetOccupation.objects.filter(owner=owner).filter(
        models.Q(onet_code=occupation.code) | models.Q(name_key=name_key(occupation.title))
    )
    target = existing.first()
    if target is None:
        target = TargetOccupation(
            owner=owner,
            name=occupation.title,
            onet_code=occupation.code,
            level=level_named(level),
            why=why,
        )
        validate(target)
        target.save()
        return target
    if target.onet_code and target.onet_code != occupation.code:
        raise Refused(f"{target.name!r} is already on your shortlist")
    target.onet_code, target.proposed_onet_code = occupation.code, ""
    target.save(update_fields=["onet_code", "proposed_onet_code", "updated_at"])
    return target


def set_status(
    owner, target: TargetOccupation, status: str, why: str = "", notes: str | None = None
) -> TargetOccupation:
    target.status = status
    if why:
        target.why = why
    if notes is not None:
        target.notes = notes
    validate(target)
    target.save(update_fields=["status", "why", "notes", "updated_at"])
    return target


@dataclass
class LinkReport:
    applied: int = 0
    proposed: int = 0
    unmatched: int = 0


_linked_text: list[tuple[type[models.Model], str]] = [(TargetOccupation, "name")]


def link_text_of(model: type[models.Model], field_name: str) -> None:
    """A later stage's table whose free-text occupation should be linked after an import."""
    if (model, field_name) not in _linked_text:
        _linked_text.append((model, field_name))


def link_free_text_occupations() -> LinkReport:
    """After an import, or when asked: each free-text occupation or job title goes through
    the title matcher (`careers.title_matches`). A match sure enough is linked, any other
    is proposed for the user's word, and a code the user said no or "not sure" to is never
    linked or proposed again. A job title's level words (senior, manager…) raise a
    person's level from the default entry level; they never lower a level chosen.

    Runs over every account's rows, each linked to shared reference data only.
    """
    report = LinkReport()
    for model, field_name in _linked_text:
        rows = list(model.objects.filter(onet_code="").exclude(**{field_name: ""}))
        if not rows:
            continue
        texts = [getattr(row, field_name) for row in rows]
        organizations = [getattr(row, "organization", "") for row in rows]
        matches = match_titles(texts, organizations if any(organizations) else None)
        changed = []
        for row, text, match in zip(rows, texts, matches, strict=True):
            before = (row.onet_code, row.proposed_onet_code, getattr(row, "level", None))
            _link(row, text, match, field_name == "job_title", report)
            if before != (row.onet_code, row.proposed_onet_code, getattr(row, "level", None)):
                changed.append(row)
        fields = ["onet_code", "proposed_onet_code", "updated_at"]
        if field_name == "job_title":
            fields.append("level")
        for row in changed:
            row.save(update_fields=fields)
    return report


def _link(row, text: str, match: TitleMatch, is_job_title: bool, report: LinkReport) -> None:
    declined = set(row.declined_onet_codes)
    sure = _occupation_for(text) if is_code(text) else None
    code = sure.code if sure else match.code if match.applied else ""
    if code and code not in declined:
        row.onet_code, row.proposed_onet_code = code, ""
        if is_job_title and match.level_words and row.level == Level.ENTRY:
            row.level = match.level
        report.applied += 1
        return
    proposal = next((c.code for c in _choices(match) if c.code not in declined), "")
    if proposal:  # proposed now or before: either way it waits for the user's word
        row.proposed_onet_code = proposal
        report.proposed += 1
    else:
        report.unmatched += 1


def _choices(match: TitleMatch):
    """The match, then its runners-up (worked out only when the match was said no to);
    none too unsure to be worth asking about."""
    if match.worth_asking:
        yield match
        yield from (c for c in match.candidates[1:] if c.confidence >= PROPOSE_FROM)


def answer_proposal(owner, row, accept: bool):
    """Yes links the proposed O*NET occupation; no is remembered and never proposed again.

    Works for a target occupation or a person: both carry the same three fields.
    """
    proposal = row.proposed_onet_code
    if not proposal:
        raise Refused(f"no O*NET match is waiting for your word on {row}")
    if accept:
        row.onet_code = proposal
    else:
        row.declined_onet_codes = sorted({*row.declined_onet_codes, proposal})
    row.proposed_onet_code = ""
    row.save(update_fields=["onet_code", "proposed_onet_code", "declined_onet_codes", "updated_at"])
    return row
