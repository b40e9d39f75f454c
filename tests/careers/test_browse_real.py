"""Browse and Compare on the real O*NET 30.0 files and the OEWS 2025 national wages."""

import pytest
from django.db import transaction

from infointerview.agenda.compare import compare_shortlist
from infointerview.careers import browse
from infointerview.careers.interests import profile_from_scores
from infointerview.careers.models import Occupation
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import add_target, add_to_shortlist
from infointerview.careers.wages import import_wages
from tests.conftest import NOW
from tests.shared_data import shared_path

# The tables Browse and Compare read; the rest of the release is not needed here.
TABLES = [
    "Occupation Data.txt",
    "Job Zones.txt",
    "Interests.txt",
    "Work Values.txt",
    "Task Statements.txt",
]


@pytest.fixture(scope="module")
def real(django_db_setup, django_db_blocker, tmp_path_factory):
    """Links to the shared files in a folder of their own, imported once, rolled back after."""
    onet30 = shared_path("onet", "30.0")
    oews = shared_path("oews", "oews-2025-cross-industry.csv.gz")
    folder = tmp_path_factory.mktemp("onet30")
    for name in TABLES:
        (folder / name).symlink_to(onet30 / name)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            import_release(folder, release="30.0")
            import_wages(oews)
            cache.forget()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.forget()


def _release_codes() -> list[str]:
    path = shared_path("onet", "30.0", "Occupation Data.txt")
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[0] for line in lines if line.strip()]


def test_every_occupation_of_the_release_is_in_one_of_the_23_fields(real, db):
    codes = _release_codes()
    fields = browse.fields()
    assert sum(f.occupations for f in fields) == len(codes) == Occupation.objects.count()
    assert all(f.occupations for f in fields), "every major group has occupations in O*NET 30.0"
    arts = next(f for f in fields if f.code == "27")
    assert arts.occupations == sum(code.startswith("27-") for code in codes)


def test_the_arts_field_sorts_by_wage_with_hourly_only_actors_at_2080_hours(real, db):
    page = browse.field_page("27", "-wage")
    by_code = {row.occupation.code: row for row in page.rows}
    actors = by_code["27-2011.00"]
    assert actors.median.text == "$29.05 an hour" and actors.median.annual == 60424
    known = [row.median.annual for row in page.rows if row.median.annual is not None]
    assert known == sorted(known, reverse=True) and len(known) > 30
    assert all(row.occupation.job_zone for row in page.rows[:10])


def test_compare_on_real_data_fits_an_artistic_profile_to_graphic_designers(real, db, alice):
    add_to_shortlist(alice, "27-1024.00")  # Graphic Designers
    add_to_shortlist(alice, "43-3031.00")  # Bookkeeping, Accounting, and Auditing Clerks
    add_target(alice, "Lighthouse Keepers")
    profile_from_scores(alice, {"R": 1, "I": 2, "A": 7, "S": 2, "E": 3, "C": 1}, NOW)
    comparison = compare_shortlist(alice)
    sides = {
        side.occupation.code if side.occupation else side.title: side for side in comparison.sides
    }
    designers, clerks = sides["27-1024.00"], sides["43-3031.00"]
    assert designers.fit.score > 0.5 > clerks.fit.score
    assert designers.fit.text.startswith("strong fit; its interests: Artistic")
    assert designers.wage_lines()[0][0] == "National" and designers.wage_lines()[0][1].startswith(
        "$"
    )
    assert len(designers.tasks) == 5 and designers.zone is None and designers.occupation.job_zone
    assert set(designers.work_values) == {
        "Achievement",
        "Independence",
        "Recognition",
        "Relationships",
        "Support",
        "Working Conditions",
    }
    assert sides["Lighthouse Keepers"].occupation is None
