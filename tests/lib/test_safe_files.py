"""Damaged archives are refused in one line naming the file, whatever zipfile makes of them."""

import zipfile

import pytest

from infointerview.lib.errors import UserError
from infointerview.lib.safe_files import Archive, Limits


class Damaged(UserError):
    pass


def test_a_zip_member_without_a_name_is_refused_as_damage(tmp_path):
    path = tmp_path / "db_30_0_text.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"anything")  # found by a property test
    with pytest.raises(Damaged, match=r"db_30_0_text.zip is not a readable zip file .*no name"):
        Archive(path, Limits(), error=Damaged, zip_only=True)
