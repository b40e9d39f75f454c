"""A fault leaves something to report: a request line, the traceback, and a page that helps.

The log goes to the console and to a file in the data folder that only its user can read.
Sign-in links and calendar feed addresses work without a password, so their tokens never
reach the log, whichever logger writes the line.
"""

import logging
import os
import stat
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from gunicorn.config import Config
from gunicorn.glogging import Logger as GunicornLogger

from infointerview.lib import env as parse
from infointerview.lib.private_files import prepare_data_folder
from infointerview.logs import PrivateFileHandler
from tests.test_serve import fetch, free_port

SIGN_IN_TOKEN = "Qx7sign-in-token-not-to-log"
FEED_TOKEN = "Zk4feed-token-not-to-log"
FAILING_URLS = "tests.trust.error_urls"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def log_written():
    """What the running app appends to its log file during the test."""
    path = settings.LOG_FILE
    start = path.stat().st_size if path.exists() else 0

    def written() -> str:
        with path.open("rb") as file:
            file.seek(start)
            return file.read().decode("utf-8")

    return written


@pytest.fixture
def failing_client(settings):
    settings.DATABASE_URL = ""  # a personal install
    return Client(raise_request_exception=False)


def test_the_log_file_is_in_the_data_folder_the_tests_use():
    assert settings.LOG_FILE == settings.HOME / "infointerview.log"
    assert "INFOINTERVIEW_HOME" in os.environ


@pytest.mark.urls(FAILING_URLS)
def test_a_failing_page_is_the_styled_page_with_a_way_back_and_where_the_log_is(failing_client):
    # No database fixture: the page must render when the database is what failed.
    response = failing_client.get(f"/accounts/sign-in/{SIGN_IN_TOKEN}/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Something went wrong</h1>" in html
    assert '<link rel="stylesheet" href="/static/infointerview/app.css">' in html
    assert '<a href="/">Back to Today</a>' in html
    assert f"<code>{settings.HOME / 'infointerview.log'}</code>" in html
    assert "<script" not in html and "<style" not in html and "style=" not in html
    assert "default-src 'none'" in response["Content-Security-Policy"]


@pytest.mark.urls(FAILING_URLS)
def test_a_career_center_page_does_not_show_where_the_server_keeps_its_log(
    failing_client, settings
):
    settings.DATABASE_URL = "postgres://center.example.edu/infointerview"

    html = failing_client.get(f"/calendar/feed/{FEED_TOKEN}.ics").content.decode()

    assert "Something went wrong" in html
    assert "infointerview.log" not in html
    assert "tell whoever runs this site" in html


@pytest.mark.urls(FAILING_URLS)
def test_the_failure_is_logged_with_its_traceback_and_without_the_tokens(
    failing_client, log_written
):
    failing_client.get(f"/accounts/sign-in/{SIGN_IN_TOKEN}/")
    failing_client.get(f"/calendar/feed/{FEED_TOKEN}.ics")

    log = log_written()
    assert "ERROR django.request: Internal Server Error: /accounts/sign-in/[redacted]/\n" in log
    assert "Traceback (most recent call last):" in log
    assert 'raise RuntimeError(f"the page {request.path} failed")' in log
    assert "RuntimeError: the page /accounts/sign-in/[redacted]/ failed\n" in log
    assert "RuntimeError: the page /calendar/feed/[redacted].ics failed\n" in log
    assert "INFO infointerview.requests: GET /accounts/sign-in/[redacted]/ 500 " in log
    assert "INFO infointerview.requests: GET /calendar/feed/[redacted].ics 500 " in log
    assert SIGN_IN_TOKEN not in log and FEED_TOKEN not in log
    assert mode(settings.LOG_FILE) == 0o600


def test_a_bad_request_and_a_refusal_have_the_same_look(client):
    bad = client.get("/", HTTP_HOST="not-a-host-of-ours.example")
    assert bad.status_code == 400
    assert '<link rel="stylesheet" href="/static/infointerview/app.css">' in bad.content.decode()
    assert "Back to Today" in bad.content.decode()
    csrf_client = Client(enforce_csrf_checks=True)
    refused = csrf_client.post("/accounts/login/", {"username": "alice", "password": "x"})
    assert refused.status_code == 403
    assert "The form could not be sent" in refused.content.decode()
    assert "Back to Today" in refused.content.decode()


def test_gunicorns_own_access_log_hides_the_tokens_too(tmp_path):
    config = Config()
    config.set("accesslog", str(tmp_path / "access.log"))
    gunicorn_log = GunicornLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/accounts/sign-in/{SIGN_IN_TOKEN}/",
        "PATH_INFO": f"/accounts/sign-in/{SIGN_IN_TOKEN}/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"http://127.0.0.1:8000/calendar/feed/{FEED_TOKEN}.ics",
    }
    response = SimpleNamespace(status="200 OK", sent=120, headers=[])
    try:
        gunicorn_log.access(response, SimpleNamespace(headers=[]), environ, timedelta(0, 0, 4))
    finally:
        for handler in list(gunicorn_log.access_log.handlers):
            gunicorn_log.access_log.removeHandler(handler)
            handler.close()

    line = (tmp_path / "access.log").read_text()
    assert '"GET /accounts/sign-in/[redacted]/ HTTP/1.1" 200 120' in line
    assert '"http://127.0.0.1:8000/calendar/feed/[redacted].ics"' in line
    assert SIGN_IN_TOKEN not in line and FEED_TOKEN not in line


WRITER = """
import logging, sys
from infointerview.logs import PrivateFileHandler
handler = PrivateFileHandler(sys.argv[1], encoding="utf-8", delay=True)
log = logging.getLogger("writer")
log.addHandler(handler)
log.setLevel(logging.INFO)
for number in range(200):
    log.info("%s %s %s", sys.argv[2], number, sys.argv[2] * 40000)
"""


def test_several_processes_append_to_one_file_without_mixing_their_records(tmp_path):
    path = tmp_path / "infointerview.log"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name]) for name in "abc"]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0, 0]

    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 600
    for line in lines:
        name, number, body = line.split(" ")
        assert body == name * 40000, f"record {name} {number} was cut by another process"
    assert mode(path) == 0o600


def test_a_log_moved_away_by_logrotate_is_started_again_private(tmp_path):
    path = tmp_path / "infointerview.log"
    handler = PrivateFileHandler(str(path), encoding="utf-8", delay=True)
    log = logging.getLogger("test.rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        log.warning("before")
        path.rename(tmp_path / "infointerview.log.1")
        log.warning("after")
    finally:
        log.removeHandler(handler)
        handler.close()

    assert (tmp_path / "infointerview.log.1").read_text() == "before\n"
    assert path.read_text() == "after\n"
    assert mode(path) == 0o600


def test_a_log_an_older_version_left_open_is_narrowed_at_start(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    for name in ("infointerview.log", "infointerview.log.1"):
        (home / name).write_text("old\n")
        (home / name).chmod(0o644)

    warnings = prepare_data_folder(home, chosen_by_user=True)

    assert mode(home / "infointerview.log") == mode(home / "infointerview.log.1") == 0o600
    assert len(warnings) == 2


def test_the_log_settings_are_read_strictly(tmp_path):
    assert parse.log_file({}, tmp_path) == tmp_path / "infointerview.log"
    assert parse.log_file({"INFOINTERVIEW_LOG_FILE": ""}, tmp_path) is None
    chosen = {"INFOINTERVIEW_LOG_FILE": str(tmp_path / "app.log")}
    assert parse.log_file(chosen, tmp_path) == tmp_path / "app.log"
    with pytest.raises(parse.SettingError, match="the folder .*/missing does not exist"):
        parse.log_file({"INFOINTERVIEW_LOG_FILE": str(tmp_path / "missing" / "a.log")}, tmp_path)
    assert parse.log_level({}) == "INFO"
    assert parse.log_level({"INFOINTERVIEW_LOG_LEVEL": "warning"}) == "WARNING"
    with pytest.raises(parse.SettingError, match="INFOINTERVIEW_LOG_LEVEL='loud' is not a log"):
        parse.log_level({"INFOINTERVIEW_LOG_LEVEL": "loud"})


@pytest.fixture
def served(tmp_path):
    """`infointerview serve` on a fresh home, its console read as it comes."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOINTERVIEW_")}
    env.pop("DATABASE_URL", None)
    env["INFOINTERVIEW_HOME"] = str(tmp_path / "home")
    command = [str(Path(sys.executable).parent / "infointerview"), "serve", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    console: list[str] = []
    reader = threading.Thread(target=lambda: console.extend(process.stdout), daemon=True)
    reader.start()
    try:
        yield port, console, tmp_path / "home"
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_for(console: list[str], text: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = [line for line in list(console) if text in line]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in:\n{''.join(console)}")


def test_the_real_server_logs_each_request_on_the_console_and_in_the_file(served):
    port, console, home = served
    link = wait_for(console, "/accounts/sign-in/").strip()
    token = link.rstrip("/").rsplit("/", 1)[1]

    status, _ = fetch(f"http://127.0.0.1:{port}/accounts/login/")
    assert status == 200
    with urllib.request.urlopen(link) as response:
        assert response.status == 200

    assert "INFO infointerview.requests: GET /accounts/login/ 200 " in wait_for(
        console, "GET /accounts/login/ 200"
    )
    wait_for(console, "GET /accounts/sign-in/[redacted]/ 200")
    log = (home / "infointerview.log").read_text()
    assert "INFO infointerview.requests: GET /accounts/login/ 200 " in log
    assert "GET /accounts/sign-in/[redacted]/ 200 " in log
    assert token not in log
    assert mode(home / "infointerview.log") == 0o600
