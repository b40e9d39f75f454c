"""Browse by field: the SOC major groups, each field's occupations with wage and job zone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infointerview.careers import browse
from infointerview.careers.models import Occupation
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.wages import import_wages
from tests.careers.oews_fixture import ROWS, write_csv
from tests.careers.onet_fixture import write_release

NATION = ["0000000", "National", "1", "US", "000000", "Cross-industry"]
# Three more arts occupations: one paid by the hour, one top-coded, one BLS does not publish.
MORE = [
    ("27-2011.00", "Actors", 2),
    ("27-1011.00", "Art Directors", 5),
    ("27-4099.00", "Media Workers, All Other", None),
]
MORE_WAGES = [
    [*NATION, "27-2011", "Actors", "detailed", "55000", "29.05", "*", "*", "*", "*", "*"],
    [*NATION, "27-1011", "Art Directors", "detailed", "40000", "#", "#", "90000", "*", "*", "#"],
]


@pytest.fixture
def shelf(db, tmp_path):
    """The test release's three occupations, three more in the arts, and one retired."""
    import_release(write_release(tmp_path / "v28", "28.0"))
    Occupation.objects.bulk_create(
        [Occupation(code=code, title=title, job_zone=zone) for code, title, zone in MORE]
        + [Occupation(code="27-3099.00", title="Town Criers", job_zone=1, retired_in="25.0")]
    )
    import_wages(write_csv(tmp_path / "oews.csv", [*ROWS, *MORE_WAGES]))
    cache.forget()
    yield
    cache.forget()


def _titles(page) -> list[str]:
    return [row.occupation.title for row in page.rows]


def test_fields_are_the_23_soc_major_groups_with_their_current_occupations(shelf):
    fields = browse.fields()
    assert len(fields) == 23
    assert fields[0].name == "Management Occupations" and fields[-1].code == "55"
    counts = {f.code: f.occupations for f in fields}
    assert counts["27"] == 5  # the retired Town Criers are not on the shelf
    assert counts["15"] == 1 and counts["11"] == 0


def test_a_field_lists_its_occupations_with_national_median_and_job_zone(shelf):
    page = browse.field_page("27")
    assert page.field.name == "Arts, Design, Entertainment, Sports, and Media Occupations"
    shown = {row.occupation.title: (row.median.text, row.occupation.job_zone) for row in page.rows}
    assert shown == {
        "Actors": ("$29.05 an hour", 2),
        "Art Directors": ("$239,200 or more", 5),
        "Media Workers, All Other": ("no wage figures", None),
        "Sign Painters": ("$58,000", 3),
        "Widget Designers": ("$62,400", 4),
    }
    by_title = {row.occupation.title: row for row in page.rows}
    assert by_title["Sign Painters"].median.via_group
    assert not by_title["Widget Designers"].median.via_group


def test_a_field_sorts_by_title_wage_or_job_zone_with_unknowns_last_either_way(shelf):
    assert _titles(browse.field_page("27")) == [
        "Actors",
        "Art Directors",
        "Media Workers, All Other",
        "Sign Painters",
        "Widget Designers",
    ]
    # An hourly wage compares at 2,080 hours a year: $29.05 is $60,424.
    by_wage = ["Art Directors", "Widget Designers", "Actors", "Sign Painters"]
    assert _titles(browse.field_page("27", "-wage")) == [*by_wage, "Media Workers, All Other"]
    assert _titles(browse.field_page("27", "wage")) == [*by_wage[::-1], "Media Workers, All Other"]
    assert _titles(browse.field_page("27", "zone"))[:2] == ["Actors", "Sign Painters"]
    assert _titles(browse.field_page("27", "-zone"))[-1] == "Media Workers, All Other"


def test_the_field_page_sorts_through_plain_links(alice_client, shelf):
    url = reverse("careers:field", args=["27"])
    html = alice_client.get(url).content.decode()
    assert 'href="?sort=-title"' in html and 'href="?sort=-wage"' in html
    assert 'aria-sort="ascending"' in html
    html = alice_client.get(url, {"sort": "-wage"}).content.decode()
    assert html.index("Art Directors") < html.index("Widget Designers") < html.index("Actors")
    assert 'href="?sort=wage"' in html and 'aria-sort="descending"' in html
    assert "$239,200 or more" in html and "$29.05 an hour" in html
    assert "CC BY 4.0" in html


def test_an_unknown_sort_shows_the_usual_order(alice_client, shelf):
    response = alice_client.get(reverse("careers:field", args=["27"]), {"sort": "salary';--"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Actors") < html.index("Widget Designers")


def test_an_unknown_field_is_not_found(alice_client, shelf):
    assert alice_client.get(reverse("careers:field", args=["99"])).status_code == 404


def test_the_fields_page_links_each_field_that_has_occupations(alice_client, shelf):
    html = alice_client.get(reverse("careers:fields")).content.decode()
    assert reverse("careers:field", args=["27"]) in html
    assert reverse("careers:field", args=["11"]) not in html
    assert "5 occupations" in html and "Military Specific Occupations" in html


def test_explore_links_to_browsing_by_field(alice_client, shelf):
    html = alice_client.get(reverse("careers:explore")).content.decode()
    assert reverse("careers:fields") in html


def test_without_onet_the_fields_page_offers_the_data(alice_client):
    html = alice_client.get(reverse("careers:fields")).content.decode()
    assert "Browse by field" in html and 'id="data-setup"' in html


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _occupations(count: int) -> None:
    Occupation.objects.bulk_create(
        Occupation(code=f"27-{5000 + n}.00", title=f"Shelf Occupation {n}", job_zone=n % 5 + 1)
        for n in range(count)
    )


@pytest.mark.parametrize("sort", ["title", "-wage", "zone"])
def test_browse_pages_do_as_many_queries_at_1000_occupations_as_at_10(alice_client, shelf, sort):
    counts = []
    for more in (10, 990):
        _occupations(more)
        counts.append(
            (
                _queries(alice_client, reverse("careers:fields")),
                _queries(alice_client, reverse("careers:field", args=["27"]) + f"?sort={sort}"),
            )
        )
        Occupation.objects.filter(title__startswith="Shelf Occupation").delete()
    assert counts[0] == counts[1]
