"""Explore with no data: download O*NET and the wages in the background, or upload the file."""

import io
import json
import os
import stat
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from infointerview.careers import data_setup
from infointerview.careers.models import Occupation, WageEstimate
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.lib.safe_files import Limits
from tests.careers.file_server import FileServer
from tests.careers.oews_fixture import write_bls_zip, write_csv
from tests.careers.onet_fixture import zip_release

START = reverse("careers:start_download")
UPLOAD = reverse("careers:upload_data")
EXPLORE = reverse("careers:explore")
NOW = datetime(2026, 11, 26, 16, 0, tzinfo=UTC)


@pytest.fixture
def home(settings, tmp_path):
    """A personal install's data folder, whichever database the suite runs on."""
    settings.HOME = tmp_path / "home"
    settings.HOME.mkdir()
    settings.DATABASE_URL = ""
    return settings.HOME


@pytest.fixture
def release(tmp_path):
    return zip_release(tmp_path / "db_29_0_text.zip", "29.0")


@pytest.fixture
def files(release, tmp_path):
    return {
        "/db_29_0_text.zip": release.read_bytes(),
        "/oesm25all.zip": write_bls_zip(tmp_path / "oesm25all.zip").read_bytes(),
    }


@pytest.fixture(autouse=True)
def _fresh_search():
    cache.forget()
    yield
    cache.forget()


def test_explore_without_data_offers_the_download_and_the_upload(alice_client, home):
    html = alice_client.get(EXPLORE).content.decode()
    assert f'action="{START}"' in html and "Download O*NET and the wages" in html
    assert f'action="{UPLOAD}"' in html and 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html


def test_an_occupation_page_without_data_offers_it_too(alice_client, home):
    response = alice_client.get(reverse("agenda:occupation", args=["27-1024.00"]))
    assert response.status_code == 200
    assert f'action="{START}"' in response.content.decode()


def test_in_a_career_center_only_staff_may_start_or_upload(
    alice_client, alice, home, settings, release
):
    settings.DATABASE_URL = "postgres://center.example/infointerview"
    html = alice_client.get(EXPLORE).content.decode()
    assert START not in html and "Ask the career center's staff" in html
    assert alice_client.post(START, {"what": "all"}).status_code == 403
    with release.open("rb") as file:
        assert alice_client.post(UPLOAD, {"file": file}).status_code == 403
    assert not data_setup.status_file().exists() and not Occupation.objects.exists()


def test_on_a_personal_install_another_account_may_not_start(client, alice, bob, home):
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    assert "Ask the person who set up this app" in client.get(EXPLORE).content.decode()
    assert client.post(START, {"what": "all"}).status_code == 403
    assert not data_setup.status_file().exists()


def test_staff_start_a_process_of_its_own(alice, alice_client, home, settings, monkeypatch):
    settings.DATABASE_URL = "postgres://center.example/infointerview"
    alice.is_staff = True
    alice.save()
    marker = home / "ran"
    monkeypatch.setattr(
        data_setup,
        "command",
        lambda what, file=None: [
            sys.executable,
            "-c",
            f"open({str(marker)!r}, 'w').write(str(__import__('os').getpid()))",
        ],
    )
    response = alice_client.post(START, {"what": "all"})
    assert response.status_code == 302 and response["Location"] == EXPLORE
    for _ in range(100):
        if marker.exists() and marker.read_text():
            break
        time.sleep(0.05)
    assert int(marker.read_text()) != os.getpid()


def test_a_post_that_names_nothing_starts_nothing(alice_client, home, monkeypatch):
    monkeypatch.setattr(data_setup, "command", lambda what, file=None: pytest.fail("started"))
    response = alice_client.post(START, follow=True)
    assert "Nothing to download was chosen" in response.content.decode()
    assert not data_setup.status_file().exists()


def test_with_the_occupations_here_only_the_wages_are_offered(alice_client, home, release):
    import_release(release)
    html = alice_client.get(EXPLORE).content.decode()
    assert 'name="what" value="wages"' in html and "Download the wages" in html
    assert data_setup.command("wages")[-1] == "--wages-only"


def test_a_second_start_while_one_runs_is_refused(alice_client, home, monkeypatch):
    data_setup.write_status(data_setup.Status(state="running", started=NOW, pid=os.getpid()))
    monkeypatch.setattr(data_setup, "command", lambda what, file=None: pytest.fail("started twice"))
    response = alice_client.post(START, {"what": "all"}, follow=True)
    assert "is still running" in response.content.decode()


def test_the_page_follows_a_running_download(alice_client, home):
    started = datetime.now(UTC)
    data_setup.write_status(
        data_setup.Status(
            state="running",
            started=started,
            step="Downloading O*NET",
            done=5_000_000,
            total=20_000_000,
            pid=os.getpid(),
        )
    )
    html = alice_client.get(EXPLORE).content.decode()
    assert 'id="data-setup"' in html and 'hx-swap="outerHTML"' in html
    assert 'hx-trigger="every 2s"' in html and f'hx-get="{EXPLORE}"' in html
    assert "Downloading O*NET" in html and "5.0 of 20 MB" in html and 'value="25"' in html
    assert f'href="{EXPLORE}">Refresh</a>' in html
    polled = {"HX-Request": "true", "HX-Target": "data-setup"}
    partial = alice_client.get(EXPLORE, headers=polled).content.decode()
    assert "<html" not in partial and "Downloading O*NET" in partial


def test_a_download_whose_process_died_is_reported_as_stopped(alice_client, home):
    gone = data_setup.Status(state="running", started=datetime.now(UTC), pid=2**22 + 7)
    data_setup.write_status(gone)
    html = alice_client.get(EXPLORE).content.decode()
    assert "every 2s" not in html
    assert "The download did not finish: the download stopped before it finished" in html


def test_the_status_file_is_private(home):
    old = os.umask(0o077)
    try:
        data_setup.write_status(data_setup.Status(state="running", started=NOW))
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_setup.status_file().stat().st_mode) == 0o600


def _clock():
    return NOW


def test_fetch_missing_imports_both_and_says_so(db, home, files):
    with FileServer(files) as server:
        status = data_setup.fetch_missing(
            server.url("/db_29_0_text.zip"), server.url("/oesm25all.zip"), _clock
        )
    assert status.state == "done", status.message
    assert status.message.startswith("imported O*NET 29.0 (3 occupations) and ")
    assert status.message.endswith(" wage estimates.")
    assert Occupation.objects.filter(code="27-9003.00").exists() and WageEstimate.objects.exists()
    saved = json.loads(data_setup.status_file().read_text())
    assert saved["state"] == "done" and saved["pid"] == os.getpid()


def test_wages_only_leaves_onet_alone(db, home, files):
    with FileServer(files) as server:
        status = data_setup.fetch_missing(
            server.url("/db_29_0_text.zip"), server.url("/oesm25all.zip"), _clock, wages_only=True
        )
    assert status.state == "done" and "wage estimates" in status.message
    assert not Occupation.objects.exists() and WageEstimate.objects.exists()
    assert [path for _, path in server.requests] == ["/oesm25all.zip"]


def test_a_refusal_by_bls_keeps_the_occupations_and_says_to_upload(db, home, files):
    files["/oesm25all.zip"] = 403
    with FileServer(files) as server:
        status = data_setup.fetch_missing(
            server.url("/db_29_0_text.zip"), server.url("/oesm25all.zip"), _clock
        )
    assert status.state == "failed"
    assert status.message == (
        "imported O*NET 29.0 (3 occupations); then BLS refused the download; download it in "
        "a browser from https://www.bls.gov/oes/tables.htm, then upload it on this page"
    )
    assert Occupation.objects.exists() and not WageEstimate.objects.exists()


def test_the_page_says_when_it_finished(alice_client, home, files):
    with FileServer(files) as server:
        data_setup.fetch_missing(
            server.url("/db_29_0_text.zip"), server.url("/oesm25all.zip"), lambda: datetime.now(UTC)
        )
    html = alice_client.get(EXPLORE).content.decode()
    assert "Finished " in html and "imported O*NET 29.0 (3 occupations) and" in html
    assert f'action="{START}"' not in html


def _record_commands(monkeypatch, code: str) -> list:
    """The commands the page starts, recorded; each runs as a Python process doing `code`."""
    commands = []

    def record(what, file=None):
        commands.append((what, file))
        return [sys.executable, "-c", code]

    monkeypatch.setattr(data_setup, "command", record)
    return commands


@pytest.fixture
def started(monkeypatch):
    """The commands started, run as a process that ends at once doing nothing."""
    return _record_commands(monkeypatch, "pass")


@pytest.fixture
def still_running(monkeypatch):
    """As `started`, but the process lasts until the test ends, as an import would: one that
    ended at once could be gone before the page is drawn, which then shows it stopped."""
    yield _record_commands(monkeypatch, "import time; time.sleep(60)")
    for process in data_setup._started:
        process.kill()
        process.wait()


def test_an_upload_is_kept_and_imported_in_the_background(
    alice_client, home, release, still_running
):
    with release.open("rb") as file:
        response = alice_client.post(UPLOAD, {"file": file}, follow=True)
    kept = home / "downloads" / "db_29_0_text.zip"
    assert still_running == [("file", kept)]
    assert kept.read_bytes() == release.read_bytes()
    assert 'hx-trigger="every 2s"' in response.content.decode()


def test_the_kept_release_is_imported_by_the_same_import(db, home, release):
    status = data_setup.fetch_missing("http://unused", "http://unused", _clock, file=release)
    assert status.message == "imported O*NET 29.0 (3 occupations)."
    assert Occupation.objects.count() == 3 and not WageEstimate.objects.exists()


def test_a_kept_wage_file_is_imported_by_the_same_import(db, home, tmp_path):
    wages = write_csv(tmp_path / "oews.csv")
    status = data_setup.fetch_missing("http://unused", "http://unused", _clock, file=wages)
    assert status.state == "done" and status.message.endswith(" wage estimates.")
    assert WageEstimate.objects.exists() and not Occupation.objects.exists()
    again = data_setup.fetch_missing("http://unused", "http://unused", _clock, file=wages)
    assert again.message == "imported nothing new from oews.csv, imported before."


def test_a_kept_file_that_is_no_data_fails_in_one_line(db, home, tmp_path):
    other = tmp_path / "notes.csv"
    other.write_text("name,phone\nDana,555\n")
    status = data_setup.fetch_missing("http://unused", "http://unused", _clock, file=other)
    assert status.state == "failed"
    assert status.message.startswith("notes.csv: no OEWS estimates found")


def test_a_process_that_ends_without_a_word_is_reported_as_stopped(alice_client, home, started):
    alice_client.post(START, {"what": "all"})
    pid = json.loads(data_setup.status_file().read_text())["pid"]
    for _ in range(200):
        status = data_setup.read_status(datetime.now(UTC))
        if not status.running:
            break
        time.sleep(0.05)
    assert pid != os.getpid() and status.state == "failed"
    html = alice_client.get(EXPLORE).content.decode()
    assert "The download did not finish: the download stopped before it finished" in html


def test_a_bad_upload_is_refused_in_one_line_and_changes_nothing(alice_client, home, started):
    upload = io.BytesIO(b"PK\x03\x04 this is no zip")
    upload.name = "db_30_0_text.zip"
    html = alice_client.post(UPLOAD, {"file": upload}, follow=True).content.decode()
    assert "Not imported: db_30_0_text.zip is not a readable zip file" in html
    assert started == [] and not (home / "downloads" / "db_30_0_text.zip").exists()


def test_an_upload_past_the_limit_is_refused(alice_client, home, settings, release, started):
    settings.FILE_LIMITS = Limits(member_bytes=100, total_bytes=100)
    with release.open("rb") as file:
        html = alice_client.post(UPLOAD, {"file": file}, follow=True).content.decode()
    assert "Not imported: db_29_0_text.zip is larger than the 100 bytes" in html
    assert started == []


def test_the_background_process_downloads_and_imports(alice_client, home, files, monkeypatch):
    """The real thing: the page starts `infointerview wages fetch-missing` in its own process,
    which works in the data folder's own database and reports through the status file."""
    with FileServer(files) as server:
        monkeypatch.setenv("INFOINTERVIEW_ONET_URL", server.url("/db_29_0_text.zip"))
        monkeypatch.setenv("INFOINTERVIEW_WAGES_URL", server.url("/oesm25all.zip"))
        monkeypatch.delenv("DATABASE_URL", raising=False)
        assert alice_client.post(START, {"what": "all"}).status_code == 302
        deadline = time.monotonic() + 180
        status = data_setup.read_status(datetime.now(UTC))
        while status.running and time.monotonic() < deadline:
            time.sleep(0.5)
            status = data_setup.read_status(datetime.now(UTC))
    assert status.state == "done", status.message
    assert status.message.startswith("imported O*NET 29.0 (3 occupations) and ")
    assert (home / "downloads" / "oesm25all.zip").exists()
    assert stat.S_IMODE(data_setup.status_file().stat().st_mode) == 0o600
    assert timedelta(0) <= status.finished - status.started < timedelta(minutes=3)
