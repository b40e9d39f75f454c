"""The real O*NET 27.0 then 30.0 releases and the OEWS 2025 wages, imported once here."""

import csv
import gzip
import random

import pytest
from django.db import transaction

from infointerview.careers import search_file
from infointerview.careers.models import (
    AlternateTitle,
    Interest,
    Occupation,
    RelatedOccupation,
    ReportedTitle,
    Task,
)
from infointerview.careers.occupations import occupation_page
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import SearchIndex, build_index, cache, search
from infointerview.careers.wages import import_wages, wages_for
from tests.shared_data import shared_path


def data_rows(path, scale=None):
    with open(path, encoding="utf-8") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if scale is None or r["Scale ID"] == scale]


@pytest.fixture(scope="module")
def real(django_db_setup, django_db_blocker):
    """Import once for this module inside a transaction rolled back afterwards."""
    onet27 = shared_path("onet", "27.0")
    onet30 = shared_path("onet", "30.0")
    oews = shared_path("oews", "oews-2025-cross-industry.csv.gz")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            reports = {
                "27.0": import_release(onet27),
                "30.0": import_release(onet30, release="30.0"),
                "oews": import_wages(oews),
            }
            cache.forget()
            yield {"paths": {"27.0": onet27, "30.0": onet30, "oews": oews}, **reports}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.forget()


def test_the_newer_release_updates_its_tables_and_keeps_the_others(real, db):
    assert real["27.0"].release == "27.0"
    assert real["30.0"].release == "30.0"
    thirty = real["paths"]["30.0"]
    assert Occupation.objects.count() == len(data_rows(thirty / "Occupation Data.txt"))
    assert AlternateTitle.objects.count() == len(data_rows(thirty / "Alternate Titles.txt"))
    assert Task.objects.count() == len(data_rows(thirty / "Task Statements.txt"))
    assert Interest.objects.count() == len(data_rows(thirty / "Interests.txt", scale="OI"))
    twenty_seven = real["paths"]["27.0"]
    assert ReportedTitle.objects.count() == len(
        data_rows(twenty_seven / "Sample of Reported Titles.txt")
    )
    assert RelatedOccupation.objects.count() == len(
        data_rows(twenty_seven / "Related Occupations.txt")
    )
    assert set(real["30.0"].absent()) >= {
        "Sample of Reported Titles.txt",
        "Related Occupations.txt",
    }


def test_reimporting_the_real_release_changes_nothing(real, db):
    report = import_release(real["paths"]["30.0"], release="30.0")
    assert {t.status for t in report.tables} <= {"unchanged", "absent"}


def test_misspelt_titles_find_their_occupation(real, db):
    """At least 200 typos made from real titles: the right occupation in the top 5 for 90 %."""
    rng = random.Random(2026)

    def misspell(word):
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice(["drop", "swap", "double", "replace"])
        if kind == "drop":
            return word[:i] + word[i + 1 :]
        if kind == "swap":
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind == "double":
            return word[:i] + word[i] + word[i:]
        return word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]

    occupations = list(Occupation.objects.values_list("code", "title"))
    rng.shuffle(occupations)
    tried = found = 0
    misses = []
    for code, title in occupations:
        words = title.split()
        long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if not long_words:
            continue
        i = rng.choice(long_words)
        words[i] = misspell(words[i])
        query = " ".join(words)
        tried += 1
        if code in [hit.code for hit in search(query, limit=5)]:
            found += 1
        else:
            misses.append(query)
        if tried == 250:
            break
    assert tried >= 200
    assert found / tried >= 0.9, misses[:20]


def test_the_stored_index_answers_every_query_like_a_built_one(real, db, tmp_path):
    """Titles, alternates, typos and prefixes: the same hits, scores and order."""
    rng = random.Random(7)
    titles = list(Occupation.objects.values_list("title", flat=True))
    alternates = list(AlternateTitle.objects.values_list("title", flat=True)[:3000])
    queries = rng.sample(titles, 150) + rng.sample(alternates, 150)
    queries += [q[: rng.randrange(3, len(q))] for q in rng.sample(titles, 150)]
    queries += [q.replace("e", "a", 1).replace("i", "", 1) for q in rng.sample(titles, 150)]
    built = build_index()
    search_file.save(tmp_path / "index.npz", "key", built.parts)
    stored = SearchIndex(search_file.load(tmp_path / "index.npz", "key"))
    for query in queries:
        assert stored.search(query, 10) == built.search(query, 10), query


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("15-1252", "15-1252.00"),
        ("15-1252.00", "15-1252.00"),
        ("registered nurse", "29-1141.00"),
        ("sofware developer", "15-1252.00"),
        ("graphic designer", "27-1024.00"),
    ],
)
def test_codes_and_common_titles_come_first(real, db, query, code):
    assert search(query, limit=3)[0].code == code


def test_an_occupation_page_has_everything(real, db):
    page = occupation_page("15-1252.00", ["0600000"]).to_dict()
    assert page["title"] == "Software Developers"
    assert len(page["tasks"]) == 8
    assert page["job_zone"]["zone"] == 4
    assert page["interests"][0]["interest"] == "Investigative"
    assert page["technology"]
    assert page["related"]
    assert [w["area"] for w in page["wages"]] == ["National", "California"]
    assert "CC BY 4.0" in page["attribution"]


def test_real_wages_match_the_bls_file(real, db):
    with gzip.open(real["paths"]["oews"], "rt") as file:
        national = {row["OCC_CODE"]: row for row in csv.DictReader(file) if row["AREA_TYPE"] == "1"}
    [developers] = wages_for("15-1252.00")
    assert developers.estimate.annual_median == int(national["15-1252"]["A_MEDIAN"])
    [buyers] = wages_for("13-1021.00")
    assert buyers.via_group and buyers.estimate.soc_code == "13-1020"
    assert "13-1021" not in national
