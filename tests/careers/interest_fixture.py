"""A handful of occupations with known interest profiles, so the right order is known."""

from __future__ import annotations

from infointerview.careers.models import Interest, Occupation, WorkValue
from infointerview.careers.models.interests import LETTERS, TYPE_NAMES

# R, I, A, S, E, C on O*NET's 1–7 scale.
PROFILES = {
    "27-1024.00": ("Graphic Designers", 4, (2.0, 2.5, 7.0, 2.0, 4.0, 3.0)),
    "27-2012.00": ("Producers and Directors", 4, (1.5, 2.0, 6.5, 3.5, 6.5, 2.5)),
    "29-1141.00": ("Registered Nurses", 3, (3.0, 5.0, 1.5, 7.0, 2.5, 3.0)),
    "43-3031.00": ("Bookkeeping Clerks", 3, (1.5, 2.0, 1.0, 2.0, 3.0, 7.0)),
    "17-2051.00": ("Civil Engineers", 4, (5.5, 6.0, 2.0, 1.5, 3.0, 4.5)),
}
NO_DATA = ("99-9999.00", "Unlisted Workers", 2)
VALUES = {
    "27-1024.00": {
        "Independence": 6.0,
        "Achievement": 5.0,
        "Working Conditions": 5.0,
        "Relationships": 3.0,
    },
    "27-2012.00": {"Independence": 3.0, "Achievement": 5.5, "Relationships": 5.5},
}


def occupations_with_interests() -> None:
    for code, (title, zone, scores) in PROFILES.items():
        occupation = Occupation.objects.create(code=code, title=title, job_zone=zone)
        Interest.objects.bulk_create(
            Interest(occupation=occupation, element=TYPE_NAMES[letter], value=value)
            for letter, value in zip(LETTERS, scores, strict=True)
        )
        WorkValue.objects.bulk_create(
            WorkValue(occupation=occupation, element=name, value=value)
            for name, value in VALUES.get(code, {}).items()
        )
    code, title, zone = NO_DATA
    Occupation.objects.create(code=code, title=title, job_zone=zone)
