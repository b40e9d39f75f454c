"""What an import would do, row by row, before anything is written.

The file's contacts are matched with the people already listed by the rules of
`people.services.same_person_as` (same e-mail, same LinkedIn address, or same name at
the same organization), here over an index built once, as thousands of rows are
matched at a time. A matched person gets what is blank filled, and fields an earlier
import set updated; a field the user changed since is kept and reported as a conflict.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

from infointerview.careers.models import name_key
from infointerview.lib.errors import Refused
from infointerview.lib.safe_files import sha256_of
from infointerview.lib.typed import quoted
from infointerview.people.imports.contacts import Contact, opened
from infointerview.people.imports.formats import SOURCES, contacts_in, detected
from infointerview.people.models import ImportBatch, ImportedPerson, Person, Source
from infointerview.people.services import same_organization, source_named

# Fields with one value, which an import may set; lists (e-mails, phones, tags) only grow.
FIELDS = ImportedPerson.VALUES
LISTS = ("emails", "phones", "tags")
OUTCOMES = ("created", "updated", "merged", "unchanged", "skipped")
# Each value is checked as it comes in (`_drop_bad_values`), not by a full_clean of the
# whole person: ten thousand of those would take seconds.
NAME_LENGTH = Person._meta.get_field("name").max_length


@dataclass
class Step:
    """What happens to one row of the file, and why."""

    line: int
    name: str
    outcome: str
    why: str = ""
    person: Person | None = None
    changes: dict[str, object] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    # Values of the row a person cannot hold (a malformed e-mail…), said and not kept.
    left_out: list[str] = field(default_factory=list)
    # Every value imports have set on the person once this row is in.
    values: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "name": self.name,
            "outcome": self.outcome,
            "why": self.why,
            "changes": sorted(self.changes),
            "conflicts": self.conflicts,
        }


@dataclass
class Plan:
    file_name: str
    file_format: str
    checksum: str
    source: str
    steps: list[Step]

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(step.outcome for step in self.steps)
        counts = {outcome: counted[outcome] for outcome in OUTCOMES}
        counts["conflicts"] = sum(len(step.conflicts) for step in self.steps)
        return counts

    @property
    def format_label(self) -> str:
        return ImportBatch.Format(self.file_format).label

    @property
    def writes(self) -> bool:
        return any(step.outcome in ("created", "updated", "merged") for step in self.steps)

    def to_dict(self) -> dict:
        return {
            "file": self.file_name,
            "format": self.file_format,
            "source": self.source,
            "counts": self.counts,
            "rows": [step.to_dict() for step in self.steps],
        }


def make_plan(
    owner,
    path: Path,
    *,
    file_name: str | None = None,
    file_format: str | None = None,
    source: str | None = None,
    mapping: dict[str, str] | None = None,
) -> Plan:
    """Read the file and say what importing it would do; nothing is written."""
    path = Path(path)
    with opened(path) as file:
        chosen = file_format or detected(file)
        contacts = contacts_in(file, chosen, mapping or {})
    chosen_source = source_named(source) if source else SOURCES[chosen]
    if chosen_source not in Source.values:
        raise Refused(f"source {source!r}: give one of {', '.join(Source.values)}")
    name = file_name or path.name
    detail = f"{ImportBatch.Format(chosen).label}: {name}"[:200]
    known = Known(owner)
    steps = [known.place(contact, chosen_source, detail) for contact in contacts]
    return Plan(name, chosen, sha256_of(path), chosen_source, steps)


class Known:
    """The owner's people, indexed as `same_person_as` compares them, plus the file's own."""

    def __init__(self, owner):
        self.owner = owner
        self.by_email: dict[str, Person] = {}
        self.by_url: dict[str, Person] = {}
        self.by_name: dict[str, list[Person]] = {}
        self.first_line: dict[int, int] = {}  # id(person) -> line of the file that named them
        self.imported: dict[int, dict[str, str]] = {}  # id(person) -> values imports set
        people = {p.pk: p for p in Person.objects.filter(owner=owner).order_by("pk")}
        for person in people.values():
            self._index(person)
        links = ImportedPerson.objects.filter(owner=owner).only("person_id", *FIELDS)
        for link in links.order_by("pk"):
            if link.person_id in people:
                self.imported[id(people[link.person_id])] = link.values

    def _index(self, person: Person, *, known: bool = False) -> None:
        """Index a person's addresses, and their name unless they are indexed already."""
        for email in person.emails:
            self.by_email.setdefault(email.casefold(), person)
        if person.linkedin_url:
            self.by_url.setdefault(person.linkedin_url.lower(), person)
        if not known:
            self.by_name.setdefault(name_key(person.name), []).append(person)

    def match(self, contact: Contact) -> tuple[Person | None, str]:
        for email in contact.emails:
            if email.casefold() in self.by_email:
                return self.by_email[email.casefold()], "same e-mail address"
        if contact.linkedin_url.lower() in self.by_url:
            return self.by_url[contact.linkedin_url.lower()], "same LinkedIn address"
        for person in self.by_name.get(name_key(contact.name), []):
            other_profile = person.linkedin_url and contact.linkedin_url != person.linkedin_url
            if contact.linkedin_url and other_profile:
                continue  # two LinkedIn profiles are two people, whatever their names
            if same_organization(person.organization, contact.organization):
                both = person.organization and contact.organization
                return person, "same name and organization" if both else "same name"
        return None, ""

    def place(self, contact: Contact, source: str, detail: str) -> Step:
        step = Step(contact.line, contact.name, "skipped")
        if contact.left_out:
            step.why = contact.left_out
            return step
        if not contact.name:
            step.why = "no name in this row"
            return step
        dropped = _drop_bad_values(contact)
        step.left_out = dropped
        person, reason = self.match(contact)
        if person is None:
            return self._create(contact, step, source, detail, dropped)
        step.person = person
        step.values = dict(self.imported.get(id(person), {}))
        earlier = self.first_line.get(id(person))
        _fill(person, contact, step, earlier)
        if earlier:
            step.outcome = "merged" if step.changes else "unchanged"
            step.why = f"same person as line {earlier} ({reason})"
        else:
            self.first_line[id(person)] = contact.line
            if not step.changes:
                step.outcome, step.why = "unchanged", f"{person.name} already as the file says"
            elif id(person) in self.imported:
                step.outcome, step.why = "updated", f"imported before ({reason})"
            else:
                step.outcome, step.why = "merged", f"already listed as {person.name} ({reason})"
        self.imported[id(person)] = step.values
        self._index(person, known=True)
        step.why = "; ".join(part for part in (step.why, *dropped) if part)
        return step

    def _create(
        self, contact: Contact, step: Step, source: str, detail: str, dropped: list[str]
    ) -> Step:
        person = Person(
            owner=self.owner,
            name=contact.name,
            emails=_unique(contact.emails),
            phones=_unique(contact.phones),
            organization=contact.organization,
            job_title=contact.job_title,
            linkedin_url=contact.linkedin_url,
            postal_address=contact.postal_address,
            notes="\n".join(contact.notes),
            tags=sorted(set(contact.tags)),
            source=source,
            source_detail=detail,
        )
        if len(person.name) > NAME_LENGTH:
            step.why = f"a name is at most {NAME_LENGTH} characters, not {len(person.name)}"
            return step
        step.outcome, step.person = "created", person
        step.why = "; ".join(["new", *dropped])
        step.values = {name: getattr(person, name) for name in FIELDS if getattr(person, name)}
        step.changes = dict(step.values)
        self.first_line[id(person)] = contact.line
        self.imported[id(person)] = step.values
        self._index(person)
        return step


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.casefold(), value)
    return list(seen.values())


def _drop_bad_values(contact: Contact) -> list[str]:
    """Values a person cannot hold (a malformed e-mail, an overlong title) are left out, said."""
    said = []
    kept = []
    for email in contact.emails:
        try:
            Person._meta.get_field("emails").run_validators([email])
            kept.append(email)
        except ValidationError:
            said.append(f"{quoted(email)} is not an e-mail address, left out")
    contact.emails = kept
    if contact.linkedin_url:
        try:
            Person._meta.get_field("linkedin_url").run_validators(contact.linkedin_url)
        except ValidationError:
            said.append(f"{contact.linkedin_url!r} is not a web address, left out")
            contact.linkedin_url = ""
    for name in FIELDS:
        limit = Person._meta.get_field(name).max_length
        value = getattr(contact, name)
        if limit and len(value) > limit:
            said.append(f"{name.replace('_', ' ')} longer than {limit} characters, left out")
            setattr(contact, name, "")
    return said


def _fill(person: Person, contact: Contact, step: Step, earlier: int | None = None) -> None:
    """Blank fields filled, fields the imports set updated, the user's own changes kept.

    A person already named `earlier` in the same file only has blanks filled: the first
    row wins, so that importing the file again finds everything as it left it.
    """
    for name in FIELDS:
        new, current = getattr(contact, name), getattr(person, name)
        if not new or new == current:
            continue
        label = name.replace("_", " ")
        if not current or (earlier is None and step.values.get(name) == current):
            setattr(person, name, new)
            step.changes[name] = step.values[name] = new
        elif earlier is not None:
            step.conflicts.append(f"{label}: kept {current!r} from line {earlier}, not {new!r}")
        else:
            step.conflicts.append(f"{label}: kept {current!r}, the file says {new!r}")
    for name in LISTS:
        current = getattr(person, name)
        have = {value.casefold() for value in current}
        added = [v for v in _unique(getattr(contact, name)) if v.casefold() not in have]
        if added:
            setattr(person, name, sorted(current + added) if name == "tags" else current + added)
            step.changes[name] = added
    added_notes = [note for note in contact.notes if note.strip() not in person.notes]
    if added_notes:
        person.notes = "\n".join(part for part in (person.notes, *added_notes) if part)
        step.changes["notes"] = added_notes
