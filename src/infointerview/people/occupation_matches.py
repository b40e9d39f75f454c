"""The O*NET occupations proposed for people from their job titles, waiting for the user's word.

The title matcher links a title it is sure of; any other match is proposed here:
"Senior UX Designer at Shopify → Web and Digital Interface Designers? yes / pick another /
not sure". The user's choice always wins: a code they said "not sure" to, like one they
picked another over, is kept in the person's declined codes and never proposed again,
even after a new O*NET import.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from infointerview.careers.models import Level, Occupation
from infointerview.careers.services import answer_proposal
from infointerview.careers.title_matcher import Candidate
from infointerview.careers.title_matches import match_titles
from infointerview.careers.title_words import read
from infointerview.lib.errors import NotFound, Refused
from infointerview.people.models import Person


@dataclass
class Proposal:
    """One person's proposed occupation, with why the matcher proposed it."""

    person: Person
    code: str
    occupation: str
    confidence: float | None
    words: tuple[str, ...]
    level: str
    level_words: tuple[str, ...]
    others: list[Candidate]  # the other likely occupations, to pick instead


PAGE = 50


def count_waiting(owner) -> int:
    return Person.objects.filter(owner=owner).exclude(proposed_onet_code="").count()


def waiting(owner, start: int = 0, count: int | None = None) -> list[Proposal]:
    """People whose proposed O*NET occupation awaits confirmation, by name: all of them,
    or `count` from `start` (a page)."""
    people = Person.objects.filter(owner=owner).exclude(proposed_onet_code="")
    people = people.order_by("name", "id")
    people = list(people[start : start + count] if count is not None else people)
    if not people:
        return []
    codes = {p.proposed_onet_code for p in people}
    titles = dict(Occupation.objects.filter(code__in=codes).values_list("code", "title"))
    matches = match_titles(
        [p.job_title or p.occupation for p in people], [p.organization for p in people]
    )
    found = []
    for person, match in zip(people, matches, strict=True):
        code = person.proposed_onet_code
        same = match.code == code
        found.append(
            Proposal(
                person=person,
                code=code,
                occupation=titles.get(code, code),
                confidence=match.confidence if same else None,
                words=match.words if same else (),
                level=match.level,
                level_words=match.level_words,
                others=[
                    c
                    for c in (match.candidates if match.code else ())
                    if c.code != code and c.code not in person.declined_onet_codes
                ],
            )
        )
    return found


@transaction.atomic
def confirm(owner, person: Person) -> Person:
    """Yes: the proposed occupation is linked, and a level the title states is kept."""
    answer_proposal(owner, person, accept=True)
    _take_level(person)
    return person


@transaction.atomic
def not_sure(owner, person: Person) -> Person:
    """Not sure: nothing is linked, and this occupation is never proposed again."""
    answer_proposal(owner, person, accept=False)
    return person


@transaction.atomic
def pick_another(owner, person: Person, code: str) -> Person:
    """The user's own choice: linked, and the proposal set aside for good."""
    occupation = Occupation.objects.filter(code=code.strip()).first()
    if occupation is None:
        raise NotFound(f"no O*NET occupation has the code {code!r}: pick one from the list")
    if not person.proposed_onet_code:
        raise Refused(f"no O*NET match is waiting for your word on {person}")
    declined = {*person.declined_onet_codes, person.proposed_onet_code} - {occupation.code}
    person.declined_onet_codes = sorted(declined)
    person.onet_code, person.proposed_onet_code = occupation.code, ""
    person.save(
        update_fields=["onet_code", "proposed_onet_code", "declined_onet_codes", "updated_at"]
    )
    _take_level(person)
    return person


def _take_level(person: Person) -> None:
    """A title's level words raise the default entry level; a level chosen is kept."""
    if person.level != Level.ENTRY or not person.job_title:
        return
    reading = read(person.job_title)
    if reading.level_words:
        person.level = reading.level
        person.save(update_fields=["level", "updated_at"])
