"""A write made while a long import holds SQLite's write lock: one line, never a traceback.

Real processes on a real data folder: one holds the lock the way an import does (its
note written first, then a write transaction), the others try to write.
"""

import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import textwrap
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.test_serve import free_port

BIN = Path(sys.executable).parent / "infointerview"

HOLD_THE_LOCK = textwrap.dedent(
    """
    import sys, time
    import django
    django.setup()
    from django.db import transaction
    from infointerview.lib import long_writes
    from infointerview.accounts.models import Profile

    with long_writes.running("a wages import"):
        with transaction.atomic():
            Profile.objects.update(full_name="Held by the import")
            print("holding", flush=True)
            time.sleep(float(sys.argv[1]))
    """
)

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="SQLite's single writer is what this tests"
)


def environment(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INFOINTERVIEW_USER")}
    env["INFOINTERVIEW_HOME"] = str(home)
    env["DJANGO_SETTINGS_MODULE"] = "infointerview.settings"
    return env


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    subprocess.run([str(BIN), "init"], env=environment(home), check=True, capture_output=True)
    return home


def hold_the_lock(home: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(seconds)],
        env=environment(home),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


def people_named(home: Path, name: str) -> int:
    with sqlite3.connect(home / "infointerview.sqlite3") as database:
        return database.execute(
            "SELECT count(*) FROM people_person WHERE name = ?", (name,)
        ).fetchone()[0]


def test_a_command_that_cannot_write_says_what_is_running(home):
    holder = hold_the_lock(home, 30)
    try:
        result = subprocess.run(
            [str(BIN), "people", "add", "Dana Lee", "--source", "friend"],
            env=environment(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.terminate()
        holder.wait(timeout=20)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.search(r"a wages import started \d\d:\d\d is running; try again", lines[0])
    assert people_named(home, "Dana Lee") == 0


def test_a_command_waits_for_a_short_write_and_succeeds(home):
    holder = hold_the_lock(home, 1.5)
    try:
        result = subprocess.run(
            [str(BIN), "people", "add", "Dana Lee", "--source", "friend"],
            env=environment(home),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.wait(timeout=20)
    assert result.returncode == 0, result.stderr
    assert people_named(home, "Dana Lee") == 1


def test_the_note_of_a_killed_import_is_ignored(home):
    holder = hold_the_lock(home, 30)
    holder.kill()
    holder.wait(timeout=20)
    assert list((home / "running").glob("*.json")), "a killed process leaves its note behind"
    result = subprocess.run(
        [str(BIN), "people", "add", "Dana Lee", "--source", "friend"],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert people_named(home, "Dana Lee") == 1


class Browser:
    """Just enough of a browser: cookies, and the CSRF token read back from its cookie."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def get(self, path: str) -> tuple[int, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, path: str, fields: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@pytest.fixture
def signed_in(home):
    port = free_port()
    server = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port)],
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        link = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and link is None:
            line = server.stdout.readline()
            if not line:
                break
            if "/accounts/sign-in/" in line:
                link = line.strip().split()[-1]
        assert link, "serve printed no sign-in link"
        base = f"http://127.0.0.1:{port}"
        browser = Browser(base)
        path = urllib.parse.urlsplit(link).path
        for _ in range(100):
            try:
                browser.get(path)
                break
            except urllib.error.URLError:
                time.sleep(0.2)
        browser.post(path, {})
        yield browser
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_page_that_cannot_write_says_what_is_running(home, signed_in):
    status, _ = signed_in.get("/people/add/")
    assert status == 200
    holder = hold_the_lock(home, 30)
    try:
        status, html = signed_in.post(
            "/people/add/", {"name": "Dana Lee", "source": "friend", "level": "entry"}
        )
    finally:
        holder.terminate()
        holder.wait(timeout=20)
    assert status == 503, html[:3000]
    assert re.search(r"A wages import started \d\d:\d\d is running; try again", html)
    assert "Traceback" not in html
    assert people_named(home, "Dana Lee") == 0
