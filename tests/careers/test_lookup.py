"""A code or an exact name is answered from the database, the same way the index would."""

import pytest

from infointerview.careers import lookup, search
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from tests.careers.onet_fixture import write_release


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    yield
    cache.forget()


def codes(hits):
    return [(h.code, h.matched_kind, h.matched) for h in hits]


def test_a_code_or_its_prefix_finds_the_occupations_under_it(onet):
    assert codes(lookup.exact("27-9001.00")) == [("27-9001.00", "code", "27-9001.00")]
    assert codes(lookup.exact(" 27-9002 ")) == [("27-9002.00", "code", "27-9002.00")]
    assert lookup.exact("99-9999.00") == []
    assert [h.code for h in lookup.exact("27-9001", limit=1)] == ["27-9001.00"]


def test_search_answers_codes_the_same_way(onet):
    for query in ("27-9001.00", "27-9002", "15-9001", "99-9999"):
        assert search.search(query) == lookup.by_code(query)


def test_an_exact_title_or_alternate_title_ignores_case(onet):
    assert codes(lookup.exact("widget designers")) == [("27-9001.00", "title", "Widget Designers")]
    assert codes(lookup.exact("MURALIST")) == [("27-9002.00", "alternate", "Muralist")]


def test_a_title_comes_before_alternates_and_each_occupation_once(onet):
    from infointerview.careers.models import AlternateTitle, Occupation

    puzzles = Occupation.objects.get(code="15-9001.00")
    AlternateTitle.objects.create(occupation=puzzles, title="Widget Designers")
    AlternateTitle.objects.create(occupation=puzzles, title="widget designers")
    assert codes(lookup.exact("Widget Designers")) == [
        ("27-9001.00", "title", "Widget Designers"),
        ("15-9001.00", "alternate", "Widget Designers"),
    ]
    assert len(lookup.exact("Widget Designers", limit=1)) == 1


def test_anything_else_is_left_to_the_search_index(onet):
    assert lookup.exact("widget designer") is None
    assert lookup.exact("widgit designers") is None
    assert lookup.exact("   ") is None
    assert lookup.exact("Senior Widget Designer") is None  # a reported title: searched
