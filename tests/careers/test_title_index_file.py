"""The title index kept in the data folder: a new process loads it instead of building it."""

import pytest

from infointerview.careers import title_index_file, title_matches
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import data_version
from tests.careers.onet_fixture import write_release


@pytest.fixture
def home(db, tmp_path, settings):
    settings.HOME = str(tmp_path / "home")
    (tmp_path / "home").mkdir()
    import_release(write_release(tmp_path / "v28", "28.0"))
    return tmp_path / "home"


def test_the_stored_index_answers_as_the_one_just_built(home, monkeypatch):
    built = title_matches.load_or_build(data_version())
    assert title_index_file.path_in(home).exists()
    monkeypatch.setattr(title_matches, "build_index", lambda: pytest.fail("built again"))
    loaded = title_matches.load_or_build(data_version())
    asked = ["Senior Sign Painter at Acme", "Puzzle programming lead", "Muralist"]
    assert [m.to_dict() for m in loaded.match(asked)] == [m.to_dict() for m in built.match(asked)]


def test_a_damaged_or_stale_file_is_rebuilt_not_an_error(home, tmp_path):
    title_matches.load_or_build(data_version())
    path = title_index_file.path_in(home)
    path.write_bytes(path.read_bytes()[:500])
    index = title_matches.load_or_build(data_version())
    assert index.match(["Sign Painter"])[0].code == "27-9002.00"
    import_release(write_release(tmp_path / "v29", "29.0"))
    index = title_matches.load_or_build(data_version())
    assert index.match(["Kite Maker"])[0].code == "27-9003.00"
