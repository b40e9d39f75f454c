"""An occupation page links to O*NET OnLine and the Handbook, and says where to find names."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from infointerview.careers.occupations import occupation_page
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.interviews.research import add_entry
from tests.careers.onet_fixture import write_release

PAGE = reverse("agenda:occupation", args=["27-9001.00"])


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    yield
    cache.forget()


def test_it_links_to_onet_online_and_a_handbook_search(alice_client, onet):
    html = alice_client.get(PAGE).content.decode()
    assert 'href="https://www.onetonline.org/link/summary/27-9001.00"' in html
    start = html.index('href="https://data.bls.gov/search/query/results?') + len('href="')
    link = urlparse(html[start : html.index('"', start)].replace("&amp;", "&"))
    query = parse_qs(link.query)
    assert query["q"] == ["Widget Designers inurl:bls.gov/ooh/"]
    assert query["cx"] == ["013738036195919377644:6ih0hfrgl50"]


def test_the_command_line_page_has_the_links_too(onet):
    page = occupation_page("27-9001.00").to_dict()
    assert page["onet_online"] == "https://www.onetonline.org/link/summary/27-9001.00"
    assert page["handbook_search"].startswith("https://data.bls.gov/search/query/results?cx=")


def test_associations_and_trade_magazines_are_where_to_find_names(alice_client, alice, bob, onet):
    code = "27-9001.00"
    add_entry(
        alice,
        subject="occupation",
        title="Widget Guild",
        onet_code=code,
        source_kind="association",
        url="https://guild.example.org",
        notes="directory",
    )
    add_entry(
        alice, subject="occupation", title="Widget Monthly", onet_code=code, source_kind="trade"
    )
    add_entry(
        alice, subject="occupation", title="A widget book", onet_code=code, source_kind="book"
    )
    add_entry(
        bob,
        subject="occupation",
        title="Bob's Widget Club",
        onet_code=code,
        source_kind="association",
    )
    html = alice_client.get(PAGE).content.decode()
    names = html[html.index("Where to find names") : html.index("Your research log")]
    assert "Widget Guild" in names and 'href="https://guild.example.org"' in names
    assert "Widget Monthly" in names and "Trade magazine" in names
    assert "A widget book" not in names and "Bob&#x27;s Widget Club" not in html


def test_with_none_noted_it_says_how_to_add_one(alice_client, onet):
    html = alice_client.get(PAGE).content.decode()
    assert "No association or trade magazine noted yet" in html
