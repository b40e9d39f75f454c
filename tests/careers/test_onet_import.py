"""Importing O*NET releases: every table, idempotence, retire/rename, absent and bad files."""

import zipfile

import pytest

from infointerview.careers.models import (
    AlternateTitle,
    EducationCategory,
    EducationLevel,
    Interest,
    JobZoneReference,
    Occupation,
    OnetTable,
    RelatedOccupation,
    ReportedTitle,
    Skill,
    Task,
    TechnologySkill,
    WorkContext,
    WorkValue,
)
from infointerview.careers.onet_import import import_release
from infointerview.careers.onet_source import OnetFileError
from tests.careers.onet_fixture import write_release, zip_release


@pytest.fixture
def v28(tmp_path):
    return write_release(tmp_path / "v28", "28.0")


@pytest.fixture
def v29_zip(tmp_path):
    return zip_release(tmp_path / "db_29_0_text.zip", "29.0")


def test_every_file_type_is_read(db, v28):
    report = import_release(v28)
    assert report.release == "28.0"
    assert Occupation.objects.count() == 3
    widget = Occupation.objects.get(code="27-9001.00")
    assert widget.title == "Widget Designers"
    assert widget.job_zone == 4
    assert AlternateTitle.objects.filter(occupation=widget).count() == 1
    assert AlternateTitle.objects.get(title="Muralist").short_title == ""
    assert ReportedTitle.objects.get(occupation=widget).shown_in_my_next_move
    tasks = list(widget.tasks.all())
    assert [t.task_id for t in tasks] == [100, 200]
    assert tasks[0].importance == 4.5
    assert [i.element for i in widget.interests.all()] == ["Artistic", "Realistic"]
    assert WorkValue.objects.filter(occupation=widget).get().value == 5.5
    assert RelatedOccupation.objects.get(occupation=widget).related_code == "27-9002.00"
    assert sorted(
        EducationLevel.objects.filter(occupation=widget).values_list("category", flat=True)
    ) == [3, 6]
    assert EducationCategory.objects.get(scale="RL", category=6).description == "Bachelor's Degree"
    assert JobZoneReference.objects.count() == 5
    tech = TechnologySkill.objects.get(occupation=widget)
    assert tech.hot and not tech.in_demand
    assert Skill.objects.filter(occupation=widget).get().value == 3.9
    assert WorkContext.objects.filter(occupation=widget).get().value == 4.2
    assert OnetTable.objects.get(name="Alternate Titles.txt").release == "28.0"


def test_reimporting_the_same_release_changes_nothing(db, v28):
    import_release(v28)
    before = {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Occupation, AlternateTitle, Task, Interest, TechnologySkill, JobZoneReference)
    }
    report = import_release(v28)
    assert {t.status for t in report.tables} == {"unchanged"}
    after = {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Occupation, AlternateTitle, Task, Interest, TechnologySkill, JobZoneReference)
    }
    assert after == before


def test_the_report_lists_the_reference_tables_imported_then_unchanged(db, v28):
    reference = ("Job Zone Reference.txt", "Education, Training, and Experience Categories.txt")
    first = {t.name: t for t in import_release(v28).tables}
    assert [(first[n].status, first[n].rows) for n in reference] == [
        ("imported", 5),
        ("imported", 2),
    ]
    second = {t.name: t.status for t in import_release(v28).tables}
    assert [second[n] for n in reference] == ["unchanged", "unchanged"]


def test_task_ratings_are_reapplied_when_the_tasks_are_replaced(db, v28, tmp_path):
    import_release(v28)
    newer = write_release(tmp_path / "v28b", "28.0")
    corrupt(newer, "Task Statements.txt", b"Occasional side task.", b"Rare side task.")
    report = import_release(newer)
    assert {t.name: t.status for t in report.tables}["Task Ratings.txt"] == "imported"
    assert Task.objects.get(task_id=200).importance == 2.1


def test_a_newer_release_retires_and_renames_without_breaking_links(db, v28, v29_zip):
    import_release(v28)
    old_widget_pk = Occupation.objects.get(code="27-9001.00").pk
    report = import_release(v29_zip)
    assert report.release == "29.0"
    assert report.retired == ["27-9001.00"]
    assert report.renamed == [("27-9002.00", "Sign Painters", "Sign and Mural Artists")]
    assert report.added == 1
    widget = Occupation.objects.get(code="27-9001.00")
    assert widget.pk == old_widget_pk
    assert widget.retired_in == "29.0"
    assert widget.title == "Widget Designers"
    signs = Occupation.objects.get(code="27-9002.00")
    assert (signs.title, signs.previous_title) == ("Sign and Mural Artists", "Sign Painters")
    assert TechnologySkill.objects.filter(in_demand=True).count() == 3
    assert OnetTable.objects.get(name="Occupation Data.txt").release == "29.0"


def test_a_code_that_returns_is_no_longer_retired(db, v28, v29_zip):
    import_release(v28)
    import_release(v29_zip)
    OnetTable.objects.all().delete()
    import_release(v28)
    assert Occupation.objects.get(code="27-9001.00").retired_in == ""
    assert Occupation.objects.get(code="27-9003.00").retired_in == "28.0"


def test_absent_files_are_reported_and_their_tables_keep_what_they_had(db, v28, tmp_path):
    import_release(v28)
    partial = write_release(tmp_path / "partial", "29.0", leave_out=("Alternate Titles.txt",))
    report = import_release(partial)
    assert "Alternate Titles.txt" in report.absent()
    assert AlternateTitle.objects.filter(title="Widget Designer Specialist").exists()
    assert TechnologySkill.objects.filter(in_demand=True).exists()


def test_the_release_comes_from_the_zip_name_when_there_is_no_read_me(db, tmp_path):
    folder = write_release(tmp_path / "files", "28.0", leave_out=("Read Me.txt",))
    with pytest.raises(OnetFileError, match="--release"):
        import_release(folder)
    assert import_release(folder, release="28.0").release == "28.0"
    archive = tmp_path / "db_31_2_text.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in folder.iterdir():
            out.write(file, file.name)
    assert import_release(archive).release == "31.2"


def test_a_folder_or_zip_without_any_o_net_table_is_refused_and_changes_nothing(db, v28, tmp_path):
    import_release(v28)
    before = list(OnetTable.objects.values_list("name", "release", "sha256"))
    empty = tmp_path / "db_30_0_text"
    empty.mkdir()
    (empty / "notes.txt").write_text("not O*NET")
    archive = tmp_path / "db_30_0_text.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(empty / "notes.txt", "db_30_0_text/notes.txt")
    for source in (empty, archive):
        with pytest.raises(OnetFileError, match=f"{source.name} holds none of O.NET's tables"):
            import_release(source)
    assert list(OnetTable.objects.values_list("name", "release", "sha256")) == before


def corrupt(folder, file_name, old, new):
    path = folder / file_name
    path.write_bytes(path.read_bytes().replace(old, new, 1))


@pytest.mark.parametrize(
    ("file_name", "old", "new", "message"),
    [
        ("Task Statements.txt", b"\tCore\t20", b"\tCore", "Task Statements.txt line 2: 6 columns"),
        (
            "Interests.txt",
            b"6.5",
            b"high",
            "Interests.txt line 2: Data Value 'high' is not a number",
        ),
        (
            "Alternate Titles.txt",
            b"Alternate Title",
            b"Other Name",
            "Alternate Titles.txt line 1: no column",
        ),
        (
            "Work Values.txt",
            b"Achievement",
            "Achievement".encode("utf-16"),
            "Work Values.txt line 2: not UTF-8",
        ),
    ],
)
def test_a_damaged_file_names_the_file_and_line_and_keeps_nothing(
    db, v28, tmp_path, file_name, old, new, message
):
    import_release(v28)
    before = Occupation.objects.count(), AlternateTitle.objects.count(), OnetTable.objects.count()
    newer = write_release(tmp_path / "v29", "29.0")
    corrupt(newer, file_name, old, new)
    with pytest.raises(OnetFileError) as error:
        import_release(newer)
    assert message in str(error.value)
    assert (
        Occupation.objects.count(),
        AlternateTitle.objects.count(),
        OnetTable.objects.count(),
    ) == before
    assert not Occupation.objects.filter(code="27-9003.00").exists()


def test_a_corrupt_zip_is_refused_clearly(db, tmp_path, v29_zip):
    truncated = tmp_path / "db_29_0_text.zip"
    truncated.write_bytes(v29_zip.read_bytes()[:200])
    with pytest.raises(OnetFileError, match="not a readable zip"):
        import_release(truncated)
    assert Occupation.objects.count() == 0


def test_a_zip_with_a_damaged_member_is_refused(db, tmp_path):
    path = zip_release(tmp_path / "db_29_0_text.zip", "29.0")
    data = bytearray(path.read_bytes())
    marker = data.find(b"Occupation Data.txt") + 60
    data[marker : marker + 20] = b"\x00" * 20
    path.write_bytes(bytes(data))
    with pytest.raises(OnetFileError, match="damaged|not a readable"):
        import_release(path)
    assert Occupation.objects.count() == 0


def test_a_missing_path_is_refused(db, tmp_path):
    with pytest.raises(OnetFileError, match="does not exist"):
        import_release(tmp_path / "nowhere.zip")


@pytest.mark.parametrize("name", ["Work Values.txt", "Occupation Data.txt", "Interests.txt"])
def test_a_zero_byte_in_any_table_is_refused_naming_its_line(db, tmp_path, name):
    """PostgreSQL refuses to store one: found here, it is one line, not a database error."""
    folder = write_release(tmp_path / "v29", "29.0")
    damaged = folder / name
    lines = damaged.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1][:12] + "\x00" + lines[1][13:]
    damaged.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(OnetFileError, match=rf"{name} line 2: holds a zero byte"):
        import_release(folder, release="29.0")
    assert not Occupation.objects.exists()
