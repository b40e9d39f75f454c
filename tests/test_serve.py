"""`infointerview serve` on a fresh home: the path `make run` takes, exercised for real."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INFOINTERVIEW_USER")}
    env["INFOINTERVIEW_HOME"] = str(tmp_path / "home")
    command = [str(Path(sys.executable).parent / "infointerview"), "serve", "--port", str(port)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "/accounts/sign-in/" in line:
            break
    try:
        yield port, lines, tmp_path / "home"
    finally:
        process.terminate()
        process.wait(timeout=20)


def fetch(url: str) -> tuple[int, str]:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_prints_the_address_and_a_sign_in_link_and_answers(server):
    port, lines, home = server
    output = "".join(lines)
    assert f"http://127.0.0.1:{port}/" in output
    link = next(line.strip() for line in lines if "/accounts/sign-in/" in line)
    status, html = fetch(f"http://127.0.0.1:{port}/accounts/login/")
    assert status == 200
    assert "Sign in" in html
    status, html = fetch(link)
    assert status == 200
    assert (home / "infointerview.sqlite3").exists()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/infointerview/app.css") as css:
        assert css.status == 200
