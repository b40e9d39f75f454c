"""`infointerview backup`: a consistent copy while the app runs, that restores as documented.

Real processes on a real data folder: the test holds a write transaction open the way
a running import does, backs up meanwhile, then restores by copying the file into place.
"""

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from infointerview.accounts.backups import back_up
from tests.conftest import NOW

BIN = Path(sys.executable).parent / "infointerview"


def environment(home: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INFOINTERVIEW_USER")}
    env["INFOINTERVIEW_HOME"] = str(home)
    return env | extra


def infointerview(home: Path, *argv: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN), *argv],
        env=environment(home, **extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


def names(home: Path) -> list[str]:
    listed = infointerview(home, "people", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return sorted(person["name"] for person in json.loads(listed.stdout))


def test_a_backup_made_during_a_write_holds_what_was_committed_and_restores(tmp_path):
    home = tmp_path / "home"
    assert infointerview(home, "init").returncode == 0
    assert infointerview(home, "people", "add", "Dana Lee").returncode == 0
    database = home / "infointerview.sqlite3"
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE people_person SET name = 'Not saved yet'")
    try:
        made = infointerview(home, "backup")
    finally:
        writer.execute("COMMIT")
        writer.close()
    assert made.returncode == 0, made.stderr
    (backup,) = (home / "backups").iterdir()
    assert made.stdout.startswith(f"Backed up to {backup} (")
    assert "kB" in made.stdout
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "backups").stat().st_mode) == 0o700
    assert infointerview(home, "people", "add", "Sam Park").returncode == 0
    assert names(home) == ["Not saved yet", "Sam Park"]

    # The restore, as docs/user-guide.md describes it.
    aside = tmp_path / "aside"
    aside.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if (home / f"infointerview.sqlite3{suffix}").exists():
            shutil.move(home / f"infointerview.sqlite3{suffix}", aside)
    shutil.copy(backup, database)
    assert names(home) == ["Dana Lee"]


def test_the_newest_ten_are_kept_by_default_and_files_it_did_not_make_stay(tmp_path):
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as making:
        making.execute("CREATE TABLE t (x)")
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "before-the-move.sqlite3").write_text("mine")
    (folder / "infointerview-notes.txt").write_text("mine too")
    made = [back_up(database, folder, NOW + timedelta(hours=hour)) for hour in range(12)]
    assert made[-1].removed == [made[1].path]
    ours = sorted(path for path in folder.iterdir() if path.name.endswith("Z.sqlite3"))
    assert ours == [backup.path for backup in made[2:]]
    assert (folder / "before-the-move.sqlite3").read_text() == "mine"
    assert (folder / "infointerview-notes.txt").read_text() == "mine too"
    assert made[0].path.name == "infointerview-2026-12-02T180000.000000Z.sqlite3"


def test_keep_says_how_many_stay(tmp_path):
    home = tmp_path / "home"
    assert infointerview(home, "init").returncode == 0
    for _ in range(3):
        assert infointerview(home, "backup", "--keep", "2").returncode == 0
    assert len(list((home / "backups").iterdir())) == 2
    refused = infointerview(home, "backup", "--keep", "0")
    assert (refused.returncode, refused.stderr) == (1, "error: --keep 0: keep at least 1 backup\n")


def test_there_is_nothing_to_back_up_before_the_database_exists(tmp_path):
    refused = infointerview(tmp_path / "home", "backup")
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: no database at ")
    assert not (tmp_path / "home" / "backups").exists()


def test_on_postgresql_it_refuses_and_names_pg_dump(tmp_path):
    # Nothing listens on port 1: the refusal must come before any connection.
    refused = infointerview(
        tmp_path / "home", "backup", DATABASE_URL="postgres://nobody@127.0.0.1:1/none"
    )
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("error: backup copies the SQLite database; on PostgreSQL")
    assert "pg_dump --format=custom" in refused.stderr
    assert not (tmp_path / "home" / "backups").exists()


def test_it_copies_the_database_as_it_is_without_migrating_it_first(tmp_path):
    """Taken before an upgrade, a backup must hold the database the old version wrote."""
    home = tmp_path / "home"
    home.mkdir()
    with sqlite3.connect(home / "infointerview.sqlite3") as old:
        old.execute("CREATE TABLE written_by_an_older_version (x)")
    made = infointerview(home, "backup")
    assert made.returncode == 0, made.stderr
    (backup,) = (home / "backups").iterdir()
    for database in (home / "infointerview.sqlite3", backup):
        with sqlite3.connect(database) as reading:
            tables = reading.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            assert [name for (name,) in tables] == ["written_by_an_older_version"]


def test_a_wider_backups_folder_it_did_not_make_is_reported_not_changed(tmp_path):
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(database) as making:
        making.execute("CREATE TABLE t (x)")
    folder = tmp_path / "backups"
    folder.mkdir()
    folder.chmod(0o755)
    made = back_up(database, folder, NOW)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert made.warnings == [
        f"the backups folder {folder} is open to other users (mode 0755); "
        f"they cannot read the backups but can see them; to hide them: chmod 700 {folder}"
    ]
