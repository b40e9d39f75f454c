"""OEWS wages: every file type, unreleased and top-coded figures, and O*NET → SOC mapping."""

import pytest

from infointerview.careers.charts import wage_chart
from infointerview.careers.models import WageEstimate
from infointerview.careers.wages import WageFileError, import_wages, wages_for
from tests.careers.oews_fixture import ROWS, write_bls_zip, write_csv


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: write_csv(tmp / "oews.csv"),
        lambda tmp: write_csv(tmp / "oews.csv.gz", compress=True),
        lambda tmp: write_bls_zip(tmp / "oesm25nat.zip"),
    ],
    ids=["csv", "csv.gz", "bls-zip-with-xlsx"],
)
def test_each_file_type_imports_the_same_estimates(db, tmp_path, make):
    report = import_wages(make(tmp_path))
    assert report.rows == 6
    assert report.skipped["industry-specific rows"] == 1
    widget = WageEstimate.objects.get(soc_code="27-9001", area_code="0000000")
    assert widget.annual_median == 62400
    assert widget.employment == 12340
    assert widget.annual_p90 is None
    assert widget.top_coded == ["annual_p90"]
    california = WageEstimate.objects.get(soc_code="27-9001", area_code="0600000")
    assert california.annual_median == 72800  # the cross-industry row, not the industry one


def test_a_top_coded_percentile_is_drawn_and_written_at_the_top_code(db, tmp_path):
    import_wages(write_csv(tmp_path / "oews.csv"))
    chart = wage_chart(wages_for("27-9001.00"))
    nation = next(bar for bar in chart.bars if bar.label == "National")
    assert nation.range_text.endswith("$239,200+")
    assert nation.p90 > nation.p75 > nation.median  # not folded back onto the median


def test_the_bls_zip_skips_its_field_descriptions(db, tmp_path):
    report = import_wages(write_bls_zip(tmp_path / "oesm25nat.zip"))
    assert "oesm25nat/field_descriptions.xlsx: not an OEWS data table" in report.skipped
    assert WageEstimate.objects.get(soc_code="27-9001", area_code="0000000").year == 2025


def test_unreleased_figures_are_unknown_not_zero(db, tmp_path):
    import_wages(write_csv(tmp_path / "oews.csv"))
    puzzle = WageEstimate.objects.get(soc_code="15-9001")
    assert puzzle.annual_median is None
    assert puzzle.employment is None
    assert puzzle.top_coded == []


def test_reimporting_the_same_file_changes_nothing(db, tmp_path):
    path = write_csv(tmp_path / "oews.csv")
    import_wages(path)
    before = list(WageEstimate.objects.order_by("pk").values())
    assert import_wages(path).unchanged
    assert list(WageEstimate.objects.order_by("pk").values()) == before


def test_a_newer_file_replaces_the_areas_it_covers_only(db, tmp_path):
    import_wages(write_csv(tmp_path / "old.csv"))
    national_only = [row[:] for row in ROWS if row[0] == "0000000"]
    national_only[1][11] = "64000"
    import_wages(write_csv(tmp_path / "new.csv", national_only))
    assert WageEstimate.objects.get(soc_code="27-9001", area_code="0000000").annual_median == 64000
    assert WageEstimate.objects.get(soc_code="27-9001", area_code="0600000").annual_median == 72800


def test_a_specialty_takes_its_parent_soc_code(db, tmp_path):
    import_wages(write_csv(tmp_path / "oews.csv"))
    [national, california] = wages_for("27-9001.03", ["0600000"])
    assert national.estimate.soc_code == "27-9001"
    assert not national.via_group
    assert california.estimate.area_title == "California"


def test_a_code_bls_publishes_only_as_a_group_uses_the_group_and_says_so(db, tmp_path):
    import_wages(write_csv(tmp_path / "oews.csv"))
    [national] = wages_for("27-9004.00")
    assert national.via_group
    assert national.estimate.soc_code == "27-9000"
    assert "only the group 27-9000 (Design Group)" in national.note()


def test_a_damaged_file_is_refused_and_keeps_what_was_stored(db, tmp_path):
    import_wages(write_csv(tmp_path / "good.csv"))
    before = WageEstimate.objects.count()
    broken = tmp_path / "broken.csv"
    broken.write_text(write_csv(tmp_path / "x.csv").read_text() + "0000000,National,1\n")
    with pytest.raises(WageFileError, match="broken.csv line 9: 3 columns"):
        import_wages(broken)
    assert WageEstimate.objects.count() == before


def test_a_file_without_oews_columns_is_refused(db, tmp_path):
    other = tmp_path / "contacts.csv"
    other.write_text("name,email\nDana,dana@example.com\n")
    with pytest.raises(WageFileError, match="no OEWS estimates"):
        import_wages(other)


def test_the_nation_is_found_whatever_code_the_file_gives_it(db, tmp_path):
    """Some BLS downloads write the nation's area as "99" rather than "0000000"."""
    rows = [[("99" if cell == "0000000" else cell) for cell in row] for row in ROWS]
    import_wages(write_csv(tmp_path / "oews.csv", rows))
    (national,) = wages_for("27-9001.00")
    assert national.estimate.annual_median == 62400
