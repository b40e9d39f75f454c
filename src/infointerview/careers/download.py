"""Downloading the O*NET text release and the BLS wage file, resuming where a download stopped."""

from __future__ import annotations

import http.client
import os
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

from infointerview.careers.files import file_limits
from infointerview.lib.errors import UserError
from infointerview.lib.safe_files import TOTAL_SETTING, Archive, sha256_of

DEFAULT_ONET_URL = "https://www.onetcenter.org/dl_files/database/db_30_0_text.zip"
# OEWS May 2025, all areas (nation, states, metro areas) in one zip of workbooks.
DEFAULT_WAGES_URL = "https://www.bls.gov/oes/special-requests/oesm25all.zip"
# Where a person downloads the same files in a browser when BLS refuses a script.
WAGES_PAGE = "https://www.bls.gov/oes/tables.htm"
ONET_IMPORT = "`infointerview occupations import FILE.zip`"
WAGES_IMPORT = "`infointerview wages import FILE`"
CHUNK = 256 * 1024
TIMEOUT = 30

Progress = Callable[[int, int | None], None]


class DownloadError(UserError):
    pass


class BlsRefused(DownloadError):
    """BLS answered 403, as it often does to downloads it takes for scripts."""

    def __init__(self, then: str = WAGES_IMPORT):
        super().__init__(
            f"BLS refused the download; download it in a browser from {WAGES_PAGE}, then {then}"
        )


def onet_url(given: str | None = None) -> str:
    return given or os.environ.get("INFOINTERVIEW_ONET_URL") or DEFAULT_ONET_URL


def wages_url(given: str | None = None) -> str:
    return given or os.environ.get("INFOINTERVIEW_WAGES_URL") or DEFAULT_WAGES_URL


class _Forbidden(DownloadError):
    pass


def download_wages(url: str, folder: Path, progress: Progress | None = None) -> Path:
    """The BLS wage file (a zip, or a CSV plain or gzipped); a refusal says what to do."""
    try:
        return download(url, folder, progress, import_with=WAGES_IMPORT, zip_only=False)
    except _Forbidden:
        raise BlsRefused() from None


def download(
    url: str,
    folder: Path,
    progress: Progress | None = None,
    import_with: str = ONET_IMPORT,
    zip_only: bool = True,
) -> Path:
    """Fetch url into folder; a partial file is continued with an HTTP Range request.

    `import_with` is the command that imports a file fetched another way, named when
    the server cannot be reached. The file is read through within the import limits
    before it is kept.
    """
    name = Path(urlparse(url).path).name or "download.zip"
    folder.mkdir(parents=True, exist_ok=True)
    final, part = folder / name, folder / f"{name}.part"
    done = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"User-Agent": "infointerview"})
    if done:
        request.add_header("Range", f"bytes={done}-")
    host = urlparse(url).netloc or url
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT)
    except urllib.error.HTTPError as error:
        if error.code == 416 and done:
            part.unlink()
            return download(url, folder, progress, import_with, zip_only)
        kind = _Forbidden if error.code == 403 else DownloadError
        raise kind(f"{host} answered {error.code} {error.reason} for {url}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DownloadError(
            f"cannot reach {host} ({reason}): check the connection, or download the file "
            f"another way and run {import_with}"
        ) from None
    largest = file_limits().total_bytes
    with response:
        if response.status != 206:
            done = 0
        length = response.headers.get("Content-Length")
        total = done + int(length) if length else None
        received = done
        try:
            with open(part, "ab" if done else "wb") as out:
                while chunk := response.read(CHUNK):
                    out.write(chunk)
                    received += len(chunk)
                    if received > largest:
                        raise _too_large(part, largest)
                    if progress:
                        progress(received, total)
        except (TimeoutError, http.client.IncompleteRead, ConnectionError, OSError) as error:
            raise DownloadError(
                f"the download stopped after {received // 1024} KB ({error.__class__.__name__}); "
                "run the same command again to continue where it stopped"
            ) from None
    if total is not None and received < total:
        raise DownloadError(
            f"the download stopped after {received // 1024} of {total // 1024} KB; "
            "run the same command again to continue where it stopped"
        )
    _check_file(part, zip_only)
    part.replace(final)
    return final


def _too_large(part: Path, largest: int) -> DownloadError:
    part.unlink(missing_ok=True)
    return DownloadError(
        f"the download passed {largest // (1024 * 1024):,} MB, more than an import may "
        f"expand to; check the address, or raise {TOTAL_SETTING}"
    )


def _check_file(path: Path, zip_only: bool) -> None:
    """Read every member within the import limits, so a damaged zip or a bomb is not kept."""
    try:
        with Archive(path, file_limits(), error=DownloadError, zip_only=zip_only) as archive:
            archive.check()
    except DownloadError as error:
        path.unlink()
        raise DownloadError(f"the download is damaged or too large: {error}") from None


def sha256(path: Path) -> str:
    return sha256_of(path)


def remote_size(url: str, timeout: float = 5) -> int | None:
    """The size a server gives for url (a HEAD request), or None when it does not say."""
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "infointerview"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
    except (urllib.error.URLError, OSError, ValueError):
        return None
    return int(length) if length and length.isdigit() else None
