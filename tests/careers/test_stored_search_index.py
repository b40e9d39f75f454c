"""The search index kept in the data folder: used by a new process, never trusted blindly."""

import numpy as np
import pytest

from infointerview.careers import search, search_file
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import SearchIndex, build_index, cache
from tests.careers.onet_fixture import write_release

QUERIES = ["widget designers", "widgit desgner", "sign", "muralist", "senior puzzle", "xyzzy"]


@pytest.fixture
def home(settings, tmp_path):
    settings.HOME = tmp_path / "home"
    settings.HOME.mkdir()
    cache.forget()
    yield settings.HOME
    cache.forget()


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))


def results(index_or_search, queries=QUERIES):
    find = getattr(index_or_search, "search", index_or_search)
    return {q: [h.to_dict() for h in find(q, 10)] for q in queries}


def a_new_process():
    cache.forget()


def test_a_new_process_loads_the_index_instead_of_building_it(home, onet, monkeypatch):
    built = results(search.search)
    assert (home / "search-index.npz").exists()
    a_new_process()
    monkeypatch.setattr(search, "build_index", lambda: pytest.fail("built again"))
    assert results(search.search) == built


def test_a_stored_index_answers_exactly_like_a_built_one(home, onet):
    index = build_index()
    path = home / "copy.npz"
    search_file.save(path, "k", index.parts)
    assert results(SearchIndex(search_file.load(path, "k"))) == results(index)


def test_an_import_makes_the_stored_index_stale(home, onet, tmp_path):
    assert search.search("kite maker") == []
    import_release(write_release(tmp_path / "v29", "29.0"))
    a_new_process()
    assert search.search("kite maker")[0].code == "27-9003.00"
    widgets = search.search("widget designers")[0]
    assert (widgets.code, widgets.retired_in) == ("27-9001.00", "29.0")


def test_a_file_for_other_data_is_ignored(home, onet):
    path = home / "search-index.npz"
    search_file.save(path, "some other import", build_index().parts)
    assert search_file.load(path, "this import") is None
    assert search.search("widget designers")[0].code == "27-9001.00"
    assert search_file.load(path, search_file.key(search.data_version())) is not None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a zip at all",
        lambda data: data[: len(data) // 2],
        lambda data: data[:5000] + bytes(b ^ 0xFF for b in data[5000:5100]) + data[5100:],
    ],
    ids=["empty", "garbage", "truncated", "flipped bytes"],
)
def test_a_damaged_file_is_rebuilt_not_an_error(home, onet, damage):
    expected = results(search.search)
    path = home / "search-index.npz"
    path.write_bytes(damage(path.read_bytes()))
    a_new_process()
    assert results(search.search) == expected
    assert search_file.load(path, search_file.key(search.data_version())) is not None


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("post_docs", lambda a: a + 1000),
        ("post_starts", lambda a: a[:-1]),
        ("group_of_doc", lambda a: a[::-1].copy()),
        ("kinds", lambda a: a + 7),
        ("gram_words", lambda a: -a),
    ],
)
def test_a_file_that_does_not_hold_together_is_ignored(home, onet, name, change):
    parts = dict(build_index().parts)
    parts[name] = change(parts[name])
    path = home / "bad.npz"
    search_file.save(path, "k", parts)
    assert search_file.load(path, "k") is None


def test_the_file_is_replaced_whole_and_leaves_nothing_behind(home, onet):
    search.search("widget")
    assert [p.name for p in home.iterdir() if p.is_file()] == ["search-index.npz"]


def test_a_data_folder_that_cannot_be_written_only_costs_a_rebuild(settings, onet, tmp_path):
    (tmp_path / "a file").write_text("")
    settings.HOME = tmp_path / "a file" / "home"
    cache.forget()
    assert search.search("widget designers")[0].code == "27-9001.00"
    cache.forget()


def test_texts_are_kept_as_they_were(home):
    parts = SearchIndex.from_entries(
        [(1, "11-1111.00", "Café Owners", "", "title", "Café Owners")]
    ).parts
    search_file.save(home / "one.npz", "k", parts)
    loaded = search_file.load(home / "one.npz", "k")
    assert (loaded["titles"], loaded["texts"], loaded["retired"]) == (
        ["Café Owners"],
        ["Café Owners"],
        [""],
    )
    assert loaded["occupation_ids"].dtype == np.int64


def test_an_empty_database_stores_an_empty_index(home, db):
    assert search.search("graphic designer") == []
    a_new_process()
    assert search.search("graphic designer") == []
