"""`occupations sync` against a real HTTP server on 127.0.0.1: complete, interrupted, offline."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from infointerview.careers.download import DownloadError, download
from infointerview.careers.models import Occupation
from infointerview.cli import main
from infointerview.lib.safe_files import Limits
from tests.careers.onet_fixture import zip_release
from tests.trust.files_fixture import MB, encrypted, zip_bomb


class ReleaseServer:
    """Serves one file; can cut the first response short, and honours Range requests."""

    def __init__(self, payload: bytes, cut_first_at: int | None = None):
        self.payload = payload
        self.cut_first_at = cut_first_at
        self.ranges: list[str | None] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if not self.path.endswith(".zip"):
                    self.send_error(404, "Not Found")
                    return
                wanted = self.headers.get("Range")
                server.ranges.append(wanted)
                start = int(wanted.split("=")[1].rstrip("-")) if wanted else 0
                body = server.payload[start:]
                self.send_response(206 if wanted else 200)
                self.send_header("Content-Type", "application/zip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.cut_first_at is not None and len(server.ranges) == 1:
                    self.wfile.write(body[: server.cut_first_at])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(body)

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.http.shutdown()
        self.http.server_close()

    def url(self, name="db_29_0_text.zip"):
        return f"http://127.0.0.1:{self.http.server_address[1]}/{name}"


@pytest.fixture
def release_zip(tmp_path):
    return zip_release(tmp_path / "source.zip", "29.0").read_bytes()


def test_sync_downloads_and_imports(db, tmp_path, settings, capsys, release_zip):
    settings.HOME = tmp_path / "home"
    with ReleaseServer(release_zip) as server:
        code = main(["occupations", "sync", "--url", server.url(), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["release"] == "29.0"
    assert Occupation.objects.filter(code="27-9003.00").exists()
    assert (tmp_path / "home" / "downloads" / "db_29_0_text.zip").read_bytes() == release_zip


def test_an_interrupted_download_says_so_and_resumes(tmp_path, release_zip):
    folder = tmp_path / "downloads"
    seen = []
    with ReleaseServer(release_zip, cut_first_at=len(release_zip) // 2) as server:
        with pytest.raises(DownloadError, match="run the same command again"):
            download(server.url(), folder)
        assert (folder / "db_29_0_text.zip.part").stat().st_size == len(release_zip) // 2
        path = download(server.url(), folder, lambda done, total: seen.append((done, total)))
    assert path.read_bytes() == release_zip
    assert server.ranges == [None, f"bytes={len(release_zip) // 2}-"]
    assert seen[-1] == (len(release_zip), len(release_zip))
    assert not (folder / "db_29_0_text.zip.part").exists()


def test_offline_gives_a_clear_message(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DownloadError, match="cannot reach 127.0.0.1.*occupations import"):
        download(f"http://127.0.0.1:{port}/db_30_0_text.zip", tmp_path)


def test_a_missing_file_on_the_server_is_reported(tmp_path, release_zip):
    with ReleaseServer(release_zip) as server, pytest.raises(DownloadError, match="answered 404"):
        download(server.url("nothing.txt"), tmp_path)


def test_a_damaged_download_is_discarded(tmp_path):
    server = ReleaseServer(b"this is not a zip file at all")
    with server, pytest.raises(DownloadError, match="damaged"):
        download(server.url(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_sync_errors_are_one_line(db, tmp_path, settings, capsys):
    settings.HOME = tmp_path
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = main(["occupations", "sync", "--url", f"http://127.0.0.1:{port}/db_30_0_text.zip"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("error: cannot reach")


def test_a_download_past_the_import_limit_is_stopped_and_removed(tmp_path, settings, release_zip):
    settings.FILE_LIMITS = Limits(member_bytes=1000, total_bytes=len(release_zip) // 2)
    folder = tmp_path / "downloads"
    refused = pytest.raises(DownloadError, match="more than an import may expand to")
    with ReleaseServer(release_zip) as server, refused:
        download(server.url(), folder)
    assert list(folder.iterdir()) == []


def test_a_downloaded_zip_bomb_is_discarded(tmp_path, settings):
    settings.FILE_LIMITS = Limits(member_bytes=MB, total_bytes=100 * MB)
    bomb = zip_bomb(tmp_path / "bomb.zip", "db_30_0_text/Task Statements.txt", 5 * MB)
    folder = tmp_path / "downloads"
    with ReleaseServer(bomb.read_bytes()) as server, pytest.raises(DownloadError) as error:
        download(server.url(), folder)
    assert str(error.value).startswith(
        "the download is damaged or too large: db_29_0_text.zip.part, "
        "db_30_0_text/Task Statements.txt: expands to 5 MB more than the 1 MB allowed"
    )
    assert list(folder.iterdir()) == []


def test_sync_of_an_encrypted_release_is_one_line_and_imports_nothing(
    db, tmp_path, settings, capsys, release_zip
):
    settings.HOME = tmp_path / "home"
    locked = encrypted(zip_release(tmp_path / "locked.zip", "29.0")).read_bytes()
    with ReleaseServer(locked) as server:
        code = main(["occupations", "sync", "--url", server.url()])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and "is encrypted" in err
    assert not Occupation.objects.exists()
