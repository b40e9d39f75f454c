"""Getting the O*NET and wage data from the web page: a download and import in the background.

A web request only starts the work. A separate process downloads and imports whatever
is missing, writing how far it got to a small status file in the data folder, which
the page reads every few seconds. A process outlives the request that started it, and
the imports leave their `long_writes` note, so a write they hold up says what is running.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from django.conf import settings
from django.contrib.auth import get_user_model

from infointerview.careers.download import BlsRefused, download, download_wages
from infointerview.careers.files import file_limits
from infointerview.careers.models import Occupation, WageEstimate
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.services import link_free_text_occupations
from infointerview.careers.wages import import_wages
from infointerview.lib.errors import Refused, UserError
from infointerview.lib.safe_files import Archive, FileRefused, kept_aside

STATUS_NAME = "data-download.json"
# A status written just before its process started has no process id for a moment.
STARTING_GRACE = timedelta(minutes=2)
# How long the page keeps saying that a download finished.
SHOWN_AFTER = timedelta(minutes=30)
WRITE_EVERY_BYTES = 512 * 1024
ON_THIS_PAGE = "upload it on this page"
Clock = Callable[[], datetime]


@dataclass
class Status:
    """Where the background download is: running (with a step and bytes) or finished."""

    state: str  # "running", "done" or "failed"
    started: datetime
    step: str = "Starting"
    done: int = 0
    total: int | None = None
    message: str = ""
    finished: datetime | None = None
    pid: int | None = None
    unit: str = "bytes"  # or "rows", while a table is imported

    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.total) if self.total else None

    @property
    def amount(self) -> str:
        """How far it got: '12.3 of 40 MB', or '25,000 rows'."""
        if self.unit == "rows":
            return f"{self.done:,} rows"
        done = f"{self.done / 1_000_000:,.1f}"
        return f"{done} of {self.total / 1_000_000:,.0f} MB" if self.total else f"{done} MB"

    def recent(self, now: datetime) -> bool:
        """Worth showing: running, or finished a short while ago."""
        return self.running or (self.finished is not None and now - self.finished < SHOWN_AFTER)


def status_file() -> Path:
    return Path(settings.HOME) / STATUS_NAME


def write_status(status: Status) -> None:
    """Replace the file whole, so a reader never sees half of it (0600: the umask is 077)."""
    path = status_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    data = {
        **asdict(status),
        "started": status.started.isoformat(),
        "finished": status.finished.isoformat() if status.finished else None,
    }
    partial.write_text(json.dumps(data), encoding="utf-8")
    partial.replace(path)


def read_status(now: datetime) -> Status | None:
    """The last download's status; one whose process is gone is reported as stopped."""
    _reap()
    try:
        data = json.loads(status_file().read_text(encoding="utf-8"))
        status = Status(**data)
        status.started = datetime.fromisoformat(data["started"])
        status.finished = datetime.fromisoformat(data["finished"]) if data["finished"] else None
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if status.running and not _still_running(status, now):
        status.state, status.finished = "failed", now
        status.message = "the download stopped before it finished; start it again"
    return status


def _still_running(status: Status, now: datetime) -> bool:
    if status.pid is None:
        return now - status.started < STARTING_GRACE
    try:
        os.kill(status.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# The processes this server started, so that each is reaped once it ends.
_started: list[subprocess.Popen] = []


def _reap() -> None:
    _started[:] = [process for process in _started if process.poll() is None]


def missing() -> dict[str, bool]:
    """What the app has no data for yet."""
    return {
        "occupations": not Occupation.objects.exists(),
        "wages": not WageEstimate.objects.exists(),
    }


def may_fetch(user) -> bool:
    """Staff may fetch the shared data; on a personal install (no DATABASE_URL), its owner too.

    The owner is the first account, the one `infointerview init` made.
    """
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    if settings.DATABASE_URL:
        return False
    first = get_user_model().objects.order_by("id").values_list("id", flat=True).first()
    return first == user.pk


WHAT = {"all": "O*NET and the wages", "wages": "the wages"}


def command(what: str, file: Path | None = None) -> list[str]:
    """The command that does the work, run with this Python, whatever is on the PATH."""
    run = "import sys; from infointerview.cli import main; sys.exit(main(sys.argv[1:]))"
    only = ["--wages-only"] if what == "wages" else []
    given = ["--file", str(file)] if file is not None else []
    return [sys.executable, "-c", run, "wages", "fetch-missing", *only, *given]


def _refuse_if_running(now: datetime) -> None:
    current = read_status(now)
    if current is not None and current.running:
        raise Refused(
            f"a download started {current.started:%H:%M} UTC is still running; "
            "its progress is on this page"
        )


def start(now: datetime, what: str, file: Path | None = None) -> Status:
    """Start downloading `what` (a key of WHAT), or importing `file`, in a process of its own.

    One at a time. The process's errors go to the log file, where a crash can be found.
    """
    _refuse_if_running(now)
    status = Status(state="running", started=now)
    write_status(status)
    env = {**os.environ, "INFOINTERVIEW_HOME": str(settings.HOME)}
    log = getattr(settings, "LOG_FILE", None)
    with open(log, "ab") if log else nullcontext(subprocess.DEVNULL) as errors:
        process = subprocess.Popen(
            command(what, file),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
    _started.append(process)
    # Written long before the process, still starting Django, writes its first step.
    status.pid = process.pid
    write_status(status)
    return status


def start_import(now: datetime, stream: IO[bytes], name: str) -> Status:
    """Keep a file sent from the page and import it in the background, as a download is.

    The file is copied within the import limits and read through first, so a damaged
    zip, a bomb or a file too large is refused at once, in one line, and not kept.
    """
    _refuse_if_running(now)
    folder = Path(settings.HOME) / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    with kept_aside(stream, name, file_limits()) as aside:
        with Archive(aside, file_limits(), error=FileRefused) as archive:
            archive.check()
        kept = folder / aside.name
        shutil.move(aside, kept)
    return start(now, "file", kept)


class _Reporter:
    """Writes progress to the status file, not more often than every half megabyte."""

    def __init__(self, status: Status):
        self.status = status
        self.written = 0

    def step(self, name: str, unit: str = "bytes") -> None:
        self.status.step, self.status.unit = name, unit
        self.status.done, self.status.total, self.written = 0, None, 0
        self._write()

    def bytes(self, done: int, total: int | None) -> None:
        self.status.done, self.status.total = done, total
        if done - self.written >= WRITE_EVERY_BYTES or done == total:
            self._write()

    def rows(self, count: int) -> None:
        self.status.done += count
        self._write()

    def _write(self) -> None:
        self.written = self.status.done
        self.status.pid = os.getpid()
        write_status(self.status)


def fetch_missing(
    onet_address: str,
    wages_address: str,
    clock: Clock,
    wages_only: bool = False,
    file: Path | None = None,
) -> Status:
    """Download and import what is missing (O*NET, then the wages), or import `file`.

    Never raises a UserError: the status says what went wrong. What finished is kept
    when a later step fails: the O*NET import stands even when BLS refuses the wage
    file, which the user may then upload.
    """
    status = Status(state="running", started=clock(), pid=os.getpid())
    report = _Reporter(status)
    folder = Path(settings.HOME) / "downloads"
    needed = missing()
    done: list[str] = []
    try:
        if file is not None:
            done.append(_import_file(file, report))
        elif needed["occupations"] and not wages_only:
            report.step("Downloading O*NET")
            path = download(onet_address, folder, report.bytes)
            done.append(_import_file(path, report))
        if file is None and needed["wages"]:
            report.step("Downloading BLS wages")
            path = download_wages(wages_address, folder, report.bytes)
            done.append(_import_file(path, report))
    except BlsRefused:
        _finish(status, "failed", _so_far(done) + str(BlsRefused(ON_THIS_PAGE)), clock)
    except UserError as error:
        _finish(status, "failed", _so_far(done) + str(error), clock)
    except Exception as error:
        _finish(status, "failed", _so_far(done) + f"{error.__class__.__name__}: {error}", clock)
        raise
    else:
        _finish(status, "done", f"imported {' and '.join(done) or 'nothing new'}.", clock)
    return status


def _import_file(path: Path, report: _Reporter) -> str:
    """An O*NET release (it holds `Occupation Data.txt`) or a BLS wage file; what it added."""
    if _is_onet(path):
        report.step("Importing O*NET")
        imported = import_release(path)
        cache.forget()
        link_free_text_occupations()
        return f"O*NET {imported.release} ({imported.added:,} occupations)"
    report.step("Importing wages", unit="rows")
    wages = import_wages(path, report.rows)
    if wages.unchanged:
        return f"nothing new from {path.name}, imported before"
    return f"{wages.rows:,} wage estimates"


def _so_far(done: list[str]) -> str:
    return f"imported {' and '.join(done)}; then " if done else ""


def _finish(status: Status, state: str, message: str, clock: Clock) -> None:
    status.state, status.message, status.finished = state, " ".join(message.split()), clock()
    write_status(status)


def _is_onet(path: Path) -> bool:
    with Archive(path, file_limits(), error=FileRefused) as archive:
        return archive.is_archive and any(
            Path(member).name == "Occupation Data.txt" for member in archive.members
        )
