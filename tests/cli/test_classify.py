"""infointerview occupations classify: the matcher on its own, from arguments or a file."""

import json

import pytest

from infointerview.careers.onet_import import import_release
from infointerview.cli import main
from tests.careers.onet_fixture import write_release


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def release_28(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))


def test_each_title_gets_its_occupation_confidence_level_and_deciding_words(release_28, capsys):
    code, out, _ = run(
        capsys, "occupations", "classify", "Senior Sign Painter at Acme", "Puzzle programming"
    )
    assert code == 0
    assert "→ 27-9002.00 Sign Painters (sure 1.00, applied;" in out
    assert "experienced (senior)" in out and "sign, painter" in out
    assert "→ 15-9001.00 Puzzle Programmers (sure 0.50, to confirm;" in out


def test_json_and_a_file_of_titles_one_a_line(release_28, capsys, tmp_path):
    titles = tmp_path / "titles.txt"
    titles.write_text("Widget Designer II\n\n  Muralist  \n", encoding="utf-8")
    code, out, _ = run(
        capsys, "occupations", "classify", "--file", str(titles), "--json", "--limit", "2"
    )
    assert code == 0
    found = json.loads(out)
    assert [f["title"] for f in found] == ["Widget Designer II", "Muralist"]
    assert [f["code"] for f in found] == ["27-9001.00", "27-9002.00"]
    assert found[0]["level"] == "experienced" and found[0]["level_words"] == ["ii"]
    assert found[0]["applied"] is True and found[0]["words"] == ["widget", "designer"]
    assert len(found[0]["candidates"]) <= 2


def test_no_titles_or_an_unreadable_file_is_one_line_on_stderr(release_28, capsys, tmp_path):
    code, _, err = run(capsys, "occupations", "classify")
    assert code == 1 and "give job titles" in err and err.count("\n") == 1
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Ébéniste\n".encode("latin-1"))
    code, _, err = run(capsys, "occupations", "classify", "--file", str(latin))
    assert code == 1 and "is not UTF-8 text" in err and err.count("\n") == 1
