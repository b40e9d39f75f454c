"""What the user reads about one occupation: O*NET's description, data and the wages."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from infointerview.careers.models import (
    EducationCategory,
    JobZoneReference,
    Occupation,
    OnetTable,
)
from infointerview.careers.wages import Wages, wages_for
from infointerview.lib.errors import NotFound

ATTRIBUTION = (
    "This page includes information from the O*NET {release} Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. infointerview has modified all or some of "
    "this information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
WAGES_SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics"
# O*NET OnLine's page for a code, which links on to the Occupational Outlook Handbook.
ONET_ONLINE = "https://www.onetonline.org/link/summary/{code}"
# What the Handbook's own search box asks: the BLS site search, kept to the Handbook's pages.
HANDBOOK_SEARCH = "https://data.bls.gov/search/query/results"
HANDBOOK_ENGINE = "013738036195919377644:6ih0hfrgl50"
TOP_TASKS = 8
TOP_TECHNOLOGY = 12


def onet_release() -> str:
    row = OnetTable.objects.filter(name="Occupation Data.txt").first()
    return row.release if row else ""


def attribution() -> str:
    return ATTRIBUTION.format(release=onet_release() or "")


def get_occupation(code: str) -> Occupation:
    try:
        return Occupation.objects.get(code=code.strip())
    except Occupation.DoesNotExist:
        pass
    if len(code.strip()) == 7:
        found = Occupation.objects.filter(code=f"{code.strip()}.00").first()
        if found:
            return found
    raise NotFound(f"no occupation with code {code!r}; search with `occupations search`")


def onet_online_url(code: str) -> str:
    return ONET_ONLINE.format(code=quote(code))


def handbook_search_url(title: str) -> str:
    query = urlencode({"cx": HANDBOOK_ENGINE, "q": f"{title} inurl:bls.gov/ooh/"})
    return f"{HANDBOOK_SEARCH}?{query}"


@dataclass
class OccupationPage:
    occupation: Occupation
    tasks: list = field(default_factory=list)
    zone: JobZoneReference | None = None
    interests: list = field(default_factory=list)
    work_values: list = field(default_factory=list)
    related: list[Occupation] = field(default_factory=list)
    technology: list = field(default_factory=list)
    education: list[tuple[str, float]] = field(default_factory=list)
    wages: list[Wages] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)
    skills: list = field(default_factory=list)
    work_context: list = field(default_factory=list)

    @property
    def onet_online(self) -> str:
        return onet_online_url(self.occupation.code)

    @property
    def handbook_search(self) -> str:
        return handbook_search_url(self.occupation.title)

    def to_dict(self) -> dict:
        o = self.occupation
        return {
            "code": o.code,
            "title": o.title,
            "description": o.description,
            "retired_in": o.retired_in or None,
            "previous_title": o.previous_title or None,
            "tasks": [
                {"task": t.text, "type": t.task_type, "importance": t.importance}
                for t in self.tasks
            ],
            "job_zone": {
                "zone": o.job_zone,
                "name": self.zone.name if self.zone else None,
                "education": self.zone.education if self.zone else None,
                "experience": self.zone.experience if self.zone else None,
                "training": self.zone.training if self.zone else None,
            },
            "interests": [{"interest": i.element, "score": i.value} for i in self.interests],
            "work_values": [{"value": v.element, "score": v.value} for v in self.work_values],
            "related": [{"code": r.code, "title": r.title} for r in self.related],
            "technology": [
                {"example": t.example, "hot": t.hot, "in_demand": t.in_demand}
                for t in self.technology
            ],
            "education": [{"level": level, "percent": pct} for level, pct in self.education],
            "wages": [w.to_dict() for w in self.wages],
            "also_called": self.alternates,
            "skills": [{"skill": s.element, "importance": s.value} for s in self.skills],
            "work_context": [{"context": c.element, "score": c.value} for c in self.work_context],
            "onet_online": self.onet_online,
            "handbook_search": self.handbook_search,
            "attribution": attribution(),
        }


def occupation_page(code: str, area_codes: list[str] | None = None) -> OccupationPage:
    occupation = get_occupation(code)
    page = OccupationPage(occupation=occupation)
    tasks = occupation.tasks.all()
    page.tasks = sorted(
        tasks, key=lambda t: (-(t.importance or 0), t.task_type != "Core", t.task_id)
    )[:TOP_TASKS]
    if occupation.job_zone:
        page.zone = JobZoneReference.objects.filter(zone=occupation.job_zone).first()
    page.interests = list(occupation.interests.all())
    page.work_values = list(occupation.work_values.all())
    codes = list(occupation.related.values_list("related_code", flat=True)[:10])
    by_code = {o.code: o for o in Occupation.objects.filter(code__in=codes)}
    page.related = [by_code[c] for c in codes if c in by_code]
    page.technology = list(occupation.technology.all()[:TOP_TECHNOLOGY])
    names = {
        c.category: c.description.split(" - ")[0]
        for c in EducationCategory.objects.filter(scale="RL")
    }
    page.education = [
        (names.get(level.category, f"Category {level.category}"), level.percent)
        for level in occupation.education.filter(scale="RL", percent__gt=0).order_by("category")
    ]
    page.wages = wages_for(occupation.code, area_codes)
    page.alternates = list(occupation.alternates.values_list("title", flat=True)[:8])
    page.skills = list(occupation.skills.all()[:8])
    page.work_context = list(occupation.context.all()[:8])
    return page
