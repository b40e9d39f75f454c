"""The occupation and wage commands, as documented."""

import json

import pytest

from infointerview.careers import search
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.cli import main
from tests.careers.oews_fixture import write_csv
from tests.careers.onet_fixture import write_release, zip_release


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_search_show_and_shortlist(db, tmp_path, capsys):
    cache.forget()
    code, out, _ = run(
        capsys, "occupations", "import", str(write_release(tmp_path / "r", "28.0")), "--json"
    )
    assert code == 0 and json.loads(out)["release"] == "28.0"
    code, out, _ = run(
        capsys, "occupations", "import", str(zip_release(tmp_path / "db_29_0_text.zip", "29.0"))
    )
    assert "No longer in O*NET 29.0: 27-9001.00 (kept)" in out
    assert "Renamed 27-9002.00: Sign Painters → Sign and Mural Artists" in out
    assert run(capsys, "wages", "import", str(write_csv(tmp_path / "w.csv")))[0] == 0
    code, out, _ = run(capsys, "occupations", "search", "kite makr", "--json")
    assert json.loads(out)[0]["code"] == "27-9003.00"
    code, out, _ = run(capsys, "occupations", "search", "widget", "--json")
    assert json.loads(out)[0]["retired_in"] == "29.0"
    code, out, _ = run(capsys, "occupations", "show", "27-9001.00", "--json")
    shown = json.loads(out)
    assert shown["retired_in"] == "29.0"
    assert shown["wages"][0]["annual_median"] == 62400
    assert shown["wages"][0]["top_coded"] == ["annual_p90"]
    code, out, _ = run(capsys, "shortlist", "add", "27-9003.00", "--level", "entry")
    assert code == 0
    code, out, _ = run(capsys, "shortlist", "list", "--json")
    assert [t["onet_code"] for t in json.loads(out)] == ["27-9003.00"]
    cache.forget()


def test_bad_files_are_one_line_errors(db, tmp_path, capsys):
    bad = tmp_path / "db_30_0_text.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(capsys, "occupations", "import", str(bad))
    assert code == 1 and err.count("\n") == 1 and "not a readable zip" in err
    code, _, err = run(capsys, "wages", "import", str(tmp_path / "missing.csv"))
    assert code == 1 and "does not exist" in err
    code, _, err = run(capsys, "occupations", "show", "99-9999.00")
    assert code == 1 and "no occupation with code" in err


def test_a_code_or_exact_title_is_answered_without_the_search_index(
    db, tmp_path, capsys, monkeypatch
):
    import_release(write_release(tmp_path / "r", "28.0"))
    cache.forget()
    monkeypatch.setattr(search.cache, "get", lambda: pytest.fail("the index was loaded"))
    for query, code, kind in [
        ("27-9001.00", "27-9001.00", "code"),
        ("27-9002", "27-9002.00", "code"),
        ("widget designers", "27-9001.00", "title"),
        ("Muralist", "27-9002.00", "alternate"),
    ]:
        _, out, _ = run(capsys, "occupations", "search", query, "--json")
        assert [(h["code"], h["matched_kind"]) for h in json.loads(out)] == [(code, kind)]
    _, out, _ = run(capsys, "occupations", "search", "99-9999")
    assert "No occupation matches" in out


def test_a_later_command_loads_the_stored_index(db, tmp_path, capsys, monkeypatch, settings):
    settings.HOME = tmp_path / "home"
    settings.HOME.mkdir()
    import_release(write_release(tmp_path / "r", "28.0"))
    cache.forget()
    _, first, _ = run(capsys, "occupations", "search", "widgit desgner", "--json")
    cache.forget()  # as in a new process
    monkeypatch.setattr(search, "build_index", lambda: pytest.fail("built again"))
    _, again, _ = run(capsys, "occupations", "search", "widgit desgner", "--json")
    assert json.loads(again) == json.loads(first)
    assert json.loads(first)[0]["code"] == "27-9001.00"
    cache.forget()
