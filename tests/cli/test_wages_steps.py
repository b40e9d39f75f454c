"""`wages sync` and the offer `init` makes in a terminal, against an HTTP server on 127.0.0.1."""

import io
import json
import os
import pty
import re
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from infointerview.careers.models import Occupation, WageEstimate, WageImport
from infointerview.cli import main
from infointerview.cli.wages_steps import offer_data
from tests.careers.file_server import FileServer
from tests.careers.oews_fixture import write_bls_zip
from tests.careers.onet_fixture import zip_release

BIN = Path(sys.executable).parent / "infointerview"
REFUSED = (
    "error: BLS refused the download; download it in a browser from "
    "https://www.bls.gov/oes/tables.htm, then `infointerview wages import FILE`\n"
)


@pytest.fixture
def bls_zip(tmp_path):
    return write_bls_zip(tmp_path / "oesm25all.zip").read_bytes()


@pytest.fixture
def home(settings, tmp_path):
    settings.HOME = tmp_path / "home"
    return settings.HOME


def test_wages_sync_downloads_prints_the_checksum_and_imports(db, home, capsys, bls_zip):
    with FileServer({"/oesm25all.zip": bls_zip}) as server:
        code = main(["wages", "sync", "--url", server.url("/oesm25all.zip")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Downloaded oesm25all.zip (sha256 " in out and "Imported" in out
    assert WageEstimate.objects.filter(soc_code="27-9001").exists()
    assert (home / "downloads" / "oesm25all.zip").read_bytes() == bls_zip


def test_wages_sync_reads_its_address_from_the_environment(db, home, capsys, bls_zip, monkeypatch):
    with FileServer({"/oesm25all.zip": bls_zip}) as server:
        monkeypatch.setenv("INFOINTERVIEW_WAGES_URL", server.url("/oesm25all.zip"))
        code = main(["wages", "sync", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["rows"] == WageEstimate.objects.count() > 0


def test_a_refusal_by_bls_is_one_line_saying_what_to_do(db, home, capsys):
    with FileServer({"/oesm25all.zip": 403}) as server:
        code = main(["wages", "sync", "--url", server.url("/oesm25all.zip")])
    _, err = capsys.readouterr()
    assert code == 1
    assert err == REFUSED
    assert not WageEstimate.objects.exists() and not WageImport.objects.exists()
    assert list((home / "downloads").iterdir()) == []


def test_offline_the_message_names_the_wages_import(db, home, capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = main(["wages", "sync", "--url", f"http://127.0.0.1:{port}/oesm25all.zip"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("error: cannot reach 127.0.0.1")
    assert "`infointerview wages import FILE`" in err


def test_a_file_that_is_not_found_is_one_line(db, home, capsys):
    with FileServer({}) as server:
        code = main(["wages", "sync", "--url", server.url("/oesm25all.zip")])
    _, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "answered 404" in err


@pytest.fixture
def files_env(tmp_path, bls_zip):
    """What a command run in its own process needs to download from a local server."""
    release = zip_release(tmp_path / "release.zip", "29.0").read_bytes()
    files = {"/db_29_0_text.zip": release, "/oesm25all.zip": bls_zip}
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "INFOINTERVIEW_USER")}
    with FileServer(files) as server:
        env["INFOINTERVIEW_ONET_URL"] = server.url("/db_29_0_text.zip")
        env["INFOINTERVIEW_WAGES_URL"] = server.url("/oesm25all.zip")
        yield env


@pytest.fixture
def servers(tmp_path, bls_zip, monkeypatch):
    release = zip_release(tmp_path / "release.zip", "29.0").read_bytes()
    files = {"/db_29_0_text.zip": release, "/oesm25all.zip": bls_zip}
    with FileServer(files) as server:
        monkeypatch.setenv("INFOINTERVIEW_ONET_URL", server.url("/db_29_0_text.zip"))
        monkeypatch.setenv("INFOINTERVIEW_WAGES_URL", server.url("/oesm25all.zip"))
        yield server


def test_init_in_a_terminal_offers_both_downloads(db, home, servers, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("y\ny\n"))
    offer_data(interactive=True)
    out, _ = capsys.readouterr()
    size = len(servers.files["/db_29_0_text.zip"]) / 1_000_000
    assert f"Download the O*NET occupation data now (about {size:,.0f} MB)? [y/N]" in out
    assert "Download the BLS wage data now (about 0 MB)? [y/N]" in out
    assert Occupation.objects.filter(code="27-9003.00").exists()
    assert WageEstimate.objects.exists()


def test_answering_no_downloads_nothing(db, home, servers, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\nn\n"))
    offer_data(interactive=True)
    assert not Occupation.objects.exists() and not WageEstimate.objects.exists()
    assert [method for method, _ in servers.requests] == ["HEAD", "HEAD"]


def test_a_refused_download_at_init_says_so_and_goes_on(db, home, servers, capsys, monkeypatch):
    servers.files["/oesm25all.zip"] = 403
    monkeypatch.setattr("sys.stdin", io.StringIO("y\ny\n"))
    offer_data(interactive=True)
    out, _ = capsys.readouterr()
    assert Occupation.objects.exists()
    assert "Not downloaded: BLS refused the download" in out


def test_without_a_terminal_nothing_is_asked_or_downloaded(db, home, servers, capsys):
    offer_data(interactive=False)
    assert servers.requests == []
    assert not Occupation.objects.exists()


def _converse(command: list[str], env: dict, answers: dict[str, str], timeout: float = 120) -> str:
    """Run command in a pseudo-terminal, answering each prompt that appears; all it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    seen, answered = "", set()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal closed: the command ended
                    break
                if not chunk:
                    break
                seen += chunk.decode(errors="replace")
            for prompt, answer in answers.items():
                if prompt in seen and prompt not in answered:
                    os.write(leader, answer.encode())
                    answered.add(prompt)
            if process.poll() is not None and not ready:
                break
    finally:
        os.close(leader)
        process.wait(timeout=30)
    assert process.returncode == 0, seen
    return re.sub(r"\x1b\[[0-9;]*m", "", seen)


def test_init_in_a_terminal_asks_and_downloads(tmp_path, files_env):
    env = {**files_env, "INFOINTERVIEW_HOME": str(tmp_path / "home")}
    out = _converse(
        [str(BIN), "init", "--full-name", "Alice Moreno"],
        env,
        {"occupation data now": "y\n", "wage data now": "n\n"},
    )
    assert "Download the O*NET occupation data now (about " in out and "[y/N]" in out
    assert "O*NET 29.0: 3 new occupations" in out
    shown = subprocess.run(
        [str(BIN), "occupations", "search", "kite", "--json"], env=env, capture_output=True
    )
    assert json.loads(shown.stdout)[0]["code"] == "27-9003.00"


def test_init_without_a_terminal_never_asks(db, home, servers, capsys):
    assert main(["init"]) == 0
    out, _ = capsys.readouterr()
    assert "Download" not in out and servers.requests == []
