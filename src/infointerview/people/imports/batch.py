"""Carrying out an import: the plan made again inside one transaction, then written.

The plan is made inside the transaction, so what is written is what the data says at
that moment; a caller that showed a preview passes the counts it showed, and a plan
that differs is refused (the web page then shows the new preview). A file that would
change nothing writes nothing, not even a batch: the same file twice changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from pathlib import Path

from django.db import transaction

from infointerview.careers.models import Level
from infointerview.careers.title_matches import match_titles
from infointerview.lib import long_writes
from infointerview.lib.errors import Refused
from infointerview.people.imports.plan import Plan, Step, make_plan
from infointerview.people.models import ImportBatch, ImportedPerson, Person
from infointerview.people.services import next_position

BATCH_SIZE = 500


class PlanChanged(Refused):
    """The people changed between the preview and the import: look again."""

    def __init__(self, plan: Plan):
        super().__init__("your people changed since the preview: check the new one and confirm")
        self.plan = plan


def import_contacts(
    owner,
    path: Path,
    *,
    now: datetime,
    file_name: str | None = None,
    file_format: str | None = None,
    source: str | None = None,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    expected: dict[str, int] | None = None,
) -> tuple[Plan, ImportBatch | None]:
    """Import a contacts file (or with `dry_run` only say what importing it would do)."""
    options = {
        "file_name": file_name,
        "file_format": file_format,
        "source": source,
        "mapping": mapping,
    }
    if dry_run:
        return make_plan(owner, path, **options), None
    with long_writes.running("a contacts import"), transaction.atomic():
        plan = make_plan(owner, path, **options)
        if expected is not None and plan.counts != expected:
            raise PlanChanged(plan)
        if not plan.writes:
            return plan, None
        return plan, _write(owner, plan, now)


def _write(owner, plan: Plan, now: datetime) -> ImportBatch:
    batch = ImportBatch.objects.create(
        owner=owner,
        file_name=plan.file_name[:255],
        file_format=plan.file_format,
        checksum=plan.checksum,
        imported_at=now,
        source=plan.source,
        **plan.counts,
    )
    touched: dict[int, Step] = {}
    final_values: dict[int, dict[str, str]] = {}
    changed: dict[int, set[str]] = defaultdict(set)
    for step in plan.steps:
        if step.outcome in ("created", "updated", "merged"):
            touched.setdefault(id(step.person), step)
            changed[id(step.person)] |= set(step.changes)
        if step.person is not None:
            final_values[id(step.person)] = step.values
    _link_occupations(
        [step.person for step in plan.steps if "job_title" in step.changes and step.person]
    )
    people = [step.person for step in touched.values()]
    new = [person for person in people if person.pk is None]
    _update([p for p in people if p.pk is not None], changed, now)
    position = next_position(owner)
    for offset, person in enumerate(new):
        person.position = position + offset
    Person.objects.bulk_create(new, batch_size=BATCH_SIZE)
    ImportedPerson.objects.bulk_create(
        [
            ImportedPerson(
                owner=owner,
                batch=batch,
                person=step.person,
                line=step.line,
                outcome=step.outcome,
                **final_values[id(step.person)],
            )
            for step in touched.values()
        ],
        batch_size=BATCH_SIZE,
    )
    return batch


def _update(people: list[Person], changed: dict[int, set[str]], now: datetime) -> None:
    """People already listed, saved with only the fields the file changed.

    Grouped by those fields: an update of two columns is far cheaper than of ten.
    """
    groups: dict[tuple[str, ...], list[Person]] = defaultdict(list)
    for person in people:
        person.updated_at = now
        fields = changed[id(person)] | {"updated_at"}
        if "job_title" in fields:
            fields |= {"onet_code", "proposed_onet_code", "level"}
        groups[tuple(sorted(fields))].append(person)
    for fields, group in groups.items():
        Person.objects.bulk_update(group, fields, batch_size=BATCH_SIZE)


def _link_occupations(people: list[Person]) -> None:
    """Each new title's O*NET occupation, by the title matcher, all titles in one batch.

    A match it is sure of is linked (and a level the title states kept, as the matcher
    reads it); any other is proposed for the user's word. Only people not linked yet;
    an occupation the user declined is never offered again.
    """
    wanted = [p for p in people if not p.onet_code and p.job_title.strip()]
    if not wanted:
        return
    organizations = [p.organization for p in wanted]
    matches = match_titles(
        [p.job_title for p in wanted], organizations if any(organizations) else None
    )
    for person, match in zip(wanted, matches, strict=True):
        if not match.worth_asking or match.code in person.declined_onet_codes:
            continue
        if match.applied:
            person.onet_code, person.proposed_onet_code = match.code, ""
            if match.level_words and person.level == Level.ENTRY:
                person.level = match.level
        else:
            person.proposed_onet_code = match.code
