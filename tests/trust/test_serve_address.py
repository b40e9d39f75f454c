"""`serve` prints an address only once it listens, and links on the public address."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from infointerview.accounts.models import SignInLink
from infointerview.cli import main

COMMAND = str(Path(sys.executable).parent / "infointerview")
PUBLIC = "https://careers.example.edu"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(home: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INFOINTERVIEW_USER")}
    env.pop("INFOINTERVIEW_PUBLIC_URL", None)
    return {**env, "INFOINTERVIEW_HOME": str(home), **extra}


def links_made(home: Path) -> int:
    with sqlite3.connect(home / "infointerview.sqlite3") as database:
        return database.execute("SELECT count(*) FROM accounts_signinlink").fetchone()[0]


def refused(home: Path, *argv: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [COMMAND, "serve", *argv], env=environment(home), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stdout == ""  # no "running", no link
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("error: ")
    assert links_made(home) == 0
    return done


def test_a_busy_port_is_one_line_and_no_link(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = refused(tmp_path, "--port", str(port))
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in done.stderr


@pytest.mark.parametrize("port", ["0", "70000"])
def test_a_port_out_of_range_is_one_line_and_no_link(tmp_path, port):
    done = refused(tmp_path, "--port", port)
    assert f"--port {port} is out of range" in done.stderr


@pytest.fixture
def public_server(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        [COMMAND, "serve", "--port", str(port)],
        env=environment(tmp_path, INFOINTERVIEW_PUBLIC_URL=PUBLIC + "/"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines, link, answered = [], None, False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and link is None:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "/accounts/sign-in/" in line:
            link = line.strip()
            # Printed only once listening: the port answers at once, without a retry.
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                answered = True
    try:
        yield port, lines, link, answered
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_prints_the_public_address_once_it_listens(public_server):
    port, lines, link, answered = public_server
    assert answered
    assert f"infointerview is running at {PUBLIC}/" in "".join(lines)
    assert link.startswith(f"{PUBLIC}/accounts/sign-in/")
    local = link.replace(PUBLIC, f"http://127.0.0.1:{port}")
    with urllib.request.urlopen(local, timeout=10) as response:
        assert response.status == 200  # the printed path is the app's own


@pytest.fixture
def run(db, capsys, monkeypatch):
    def run(*argv, public: str | None = None):
        if public is not None:
            monkeypatch.setenv("INFOINTERVIEW_PUBLIC_URL", public)
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.delenv("INFOINTERVIEW_PUBLIC_URL", raising=False)
    return run


def test_sign_in_link_uses_the_public_address_and_the_link_signs_in(run, alice, client):
    code, out, _ = run("--user", "alice", "sign-in-link", public=PUBLIC)
    assert code == 0
    link = out.strip()
    assert link.startswith(f"{PUBLIC}/accounts/sign-in/")
    response = client.post(link.removeprefix(PUBLIC))
    assert response.status_code == 302 and response["Location"] == reverse("agenda:today")


def test_sign_in_link_without_a_public_address_points_at_this_machine(run, alice):
    code, out, _ = run("--user", "alice", "sign-in-link", "--host", "::1", "--port", "8123")
    assert code == 0 and out.startswith("http://[::1]:8123/accounts/sign-in/")


def test_a_public_address_that_is_not_one_is_refused_in_one_line(run, alice):
    code, out, err = run("--user", "alice", "sign-in-link", public="careers.example.edu")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "INFOINTERVIEW_PUBLIC_URL='careers.example.edu'" in err
    assert not SignInLink.objects.exists()
