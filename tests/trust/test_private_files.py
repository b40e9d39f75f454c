"""The data folder and the app's files in it are readable by their user only.

Real processes started the way users start them, on real files, under the usual umask
022: what a process creates (the folder, the database and its WAL and SHM files, the
secret key) is private, and what an older version left open is narrowed with a warning.
"""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from infointerview.lib.private_files import prepare_data_folder

SRC = Path(__file__).resolve().parents[2] / "src"
BIN = Path(sys.executable).parent

# Run inside each entry point's process, with the database open, so the WAL and SHM
# files still exist when their modes are read.
SHOW_MODES = """
import json, pathlib, stat
from django.conf import settings
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("create table if not exists probe (x integer)")
    cursor.execute("insert into probe values (1)")
home = pathlib.Path(settings.HOME)
modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [home, *home.iterdir()]}
print(json.dumps(modes))
"""
ENTRY_POINTS = {
    "command line": [
        str(BIN / "python"),
        "-c",
        "from infointerview.cli.startup import start_django; start_django()\n" + SHOW_MODES,
    ],
    "wsgi": [str(BIN / "python"), "-c", "import infointerview.wsgi\n" + SHOW_MODES],
    "manage.py": [str(BIN / "python"), str(SRC / "manage.py"), "shell", "-c", SHOW_MODES],
}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(argv: list[str], **environment: str) -> subprocess.CompletedProcess:
    """A process of its own, started under the common umask 022."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOINTERVIEW_")}
    env.pop("DATABASE_URL", None)
    env.update(environment)
    return subprocess.run(
        argv,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),
    )


def widen(path: Path, to: int) -> Path:
    path.chmod(to)
    return path


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_every_entry_point_makes_the_folder_and_the_database_files_private(tmp_path, entry):
    home = tmp_path / "new" / "home"
    done = run(ENTRY_POINTS[entry], INFOINTERVIEW_HOME=str(home))
    assert done.returncode == 0, done.stderr
    modes = json.loads(done.stdout.strip().splitlines()[-1])
    assert modes.pop("home") == 0o700
    assert {"infointerview.sqlite3", "infointerview.sqlite3-wal", "secret_key"} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)


def test_the_command_line_narrows_what_an_older_version_left_open_and_says_so(tmp_path):
    data = tmp_path / "xdg"  # the app's own default location is under XDG_DATA_HOME
    home = data / "infointerview"
    assert run([str(BIN / "infointerview"), "init"], XDG_DATA_HOME=str(data)).returncode == 0
    (home / "downloads").mkdir()
    (home / "running").mkdir()
    (home / "downloads" / "db_30_0_text.zip").write_bytes(b"PK")
    (home / "search-index.npz").write_bytes(b"PK")
    folders = [home, home / "downloads", home / "running"]
    files = [
        home / "infointerview.sqlite3",
        home / "secret_key",
        home / "search-index.npz",
        home / "downloads" / "db_30_0_text.zip",
    ]
    for path in folders:
        widen(path, 0o755)
    for path in files:
        widen(path, 0o644)

    done = run([str(BIN / "infointerview"), "today"], XDG_DATA_HOME=str(data))

    assert done.returncode == 0, done.stderr
    for path in folders:
        assert mode(path) == 0o700, path
        assert f"{path} was readable by other users (mode 0755); it is now 0700" in done.stderr
    for path in files:
        assert mode(path) == 0o600, path
        assert f"{path} was readable by other users (mode 0644); it is now 0600" in done.stderr
    again = run([str(BIN / "infointerview"), "today"], XDG_DATA_HOME=str(data))
    assert again.returncode == 0 and "readable by other users" not in again.stderr


def test_a_folder_the_user_chose_is_warned_about_and_left_as_it_is(tmp_path):
    home = tmp_path / "shared"
    home.mkdir()
    widen(home, 0o755)
    notes = home / "my-notes.txt"
    notes.write_text("mine")
    widen(notes, 0o644)
    secret = home / "secret_key"
    secret.write_text("s" * 60)
    widen(secret, 0o644)

    done = run([str(BIN / "infointerview"), "init"], INFOINTERVIEW_HOME=str(home))

    assert done.returncode == 0, done.stderr
    assert mode(home) == 0o755
    assert mode(notes) == 0o644  # not the app's
    assert mode(secret) == 0o600 and mode(home / "infointerview.sqlite3") == 0o600
    assert (
        f"the data folder {home} is open to other users (mode 0755); if they should not "
        f"read your notes, run: chmod 700 {home}"
    ) in done.stderr


def test_a_link_in_the_data_folder_is_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone else's")
    elsewhere.chmod(0o644)
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "secret_key").symlink_to(elsewhere)

    assert prepare_data_folder(home, chosen_by_user=True) == []
    assert mode(elsewhere) == 0o644


def test_a_private_folder_gives_no_warning(tmp_path):
    home = tmp_path / "home"
    assert prepare_data_folder(home, chosen_by_user=True) == []
    assert mode(home) == 0o700
    (home / "infointerview.sqlite3").touch(mode=0o600)
    assert prepare_data_folder(home, chosen_by_user=False) == []


@pytest.mark.parametrize(("content", "held"), [("", "is empty"), ("short\n", "holds only 5")])
def test_a_cut_short_secret_key_file_stops_start_up_and_says_what_to_do(tmp_path, content, held):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "secret_key").write_text(content)
    (home / "secret_key").chmod(0o600)

    done = run([str(BIN / "infointerview"), "today"], INFOINTERVIEW_HOME=str(home))

    assert done.returncode == 2
    assert done.stderr == (
        f"error: configuration: the secret key file {home / 'secret_key'} {held}"
        f"{' characters' if content else ''}; a key needs at least 32: delete the file to have "
        "a new key made at the next start (everyone is signed out), or set "
        "INFOINTERVIEW_SECRET_KEY\n"
    )
    assert (home / "secret_key").read_text() == content
