"""Queries that name an occupation outright: a code, a title, an alternate title.

Plain database queries, so a one-off command answers them without loading the search
index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from infointerview.careers.models import AlternateTitle, Occupation

CODE = re.compile(r"\d{2}-\d{4}(\.\d{2})?")
# No title or alternate title is longer: a longer query names nothing (and SQLite
# refuses a LIKE pattern of some 50,000 bytes outright).
LONGEST_TITLE = max(
    Occupation._meta.get_field("title").max_length,
    AlternateTitle._meta.get_field("title").max_length,
)


@dataclass
class Hit:
    occupation_id: int
    code: str
    title: str
    score: float
    matched: str
    matched_kind: str
    retired_in: str

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "score": round(self.score, 4),
            "matched": self.matched,
            "matched_kind": self.matched_kind,
            "retired_in": self.retired_in or None,
        }


def is_code(query: str) -> bool:
    return CODE.fullmatch(query.strip()) is not None


def by_code(query: str, limit: int = 10) -> list[Hit]:
    """27-1024 finds 27-1024.00 and its specialties 27-1024.01…, oldest first."""
    query = query.strip()
    rows = Occupation.objects.filter(code__startswith=query).order_by("id")[:limit]
    return [Hit(o.id, o.code, o.title, 1.0, o.code, "code", o.retired_in) for o in rows]


def by_name(query: str, limit: int = 10) -> list[Hit]:
    """Occupations whose title, else alternate title, is the query, ignoring case."""
    query = query.strip()
    if not query or len(query) > LONGEST_TITLE:
        return []
    hits = [
        Hit(o.id, o.code, o.title, 1.0, o.title, "title", o.retired_in)
        for o in Occupation.objects.filter(title__iexact=query).order_by("code")[:limit]
    ]
    seen = {hit.occupation_id for hit in hits}
    alternates = (
        AlternateTitle.objects.filter(title__iexact=query)
        .exclude(occupation_id__in=seen)
        .select_related("occupation")
        .order_by("occupation__code", "id")
    )
    for alternate in alternates:
        o = alternate.occupation
        if len(hits) < limit and o.id not in seen:
            seen.add(o.id)
            hits.append(Hit(o.id, o.code, o.title, 1.0, alternate.title, "alternate", o.retired_in))
    return hits


def exact(query: str, limit: int = 10) -> list[Hit] | None:
    """The answer to a code or an exact name; None when the query needs a real search."""
    if is_code(query):
        return by_code(query, limit)
    return by_name(query, limit) or None
