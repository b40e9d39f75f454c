"""`wages sync`: the BLS wage file downloaded and imported, as `occupations sync` does for O*NET.

Also the download the web page starts in the background, and the offer `init` makes
in a terminal to fetch both, so that someone who never opens a terminal again still
gets the data.
"""

from __future__ import annotations

from pathlib import Path

import typer
from django.conf import settings
from django.utils import timezone
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from infointerview.careers import data_setup
from infointerview.careers.download import (
    download_wages,
    onet_url,
    remote_size,
    sha256,
    wages_url,
)
from infointerview.cli import context
from infointerview.cli.occupations import sync as occupations_sync
from infointerview.cli.occupations import wages_import
from infointerview.cli.output import one_line, shown
from infointerview.lib.errors import UserError


def sync_wages(url: str | None, as_json: bool) -> None:
    """Download the BLS file with a progress bar, print its checksum, import it."""
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=context.console, disable=as_json) as bar:
        task = bar.add_task("Downloading BLS wages", total=None)
        path = download_wages(
            wages_url(url),
            Path(settings.HOME) / "downloads",
            lambda done, total: bar.update(task, completed=done, total=total),
        )
    if not as_json:
        context.console.print(f"Downloaded {shown(path.name)} (sha256 {sha256(path)})")
    wages_import(path, as_json)


def _about(url: str) -> str:
    size = remote_size(url)
    return f" (about {size / 1_000_000:,.0f} MB)" if size else ""


def offer_data(interactive: bool) -> None:
    """In a terminal, offer to download what is missing; never ask anywhere else.

    A download that fails says why in one line and leaves the rest of set-up done.
    """
    if not interactive:
        return
    needed = data_setup.missing()
    offers = [
        ("occupations", "the O*NET occupation data", onet_url(), occupations_sync),
        ("wages", "the BLS wage data", wages_url(), sync_wages),
    ]
    for kind, what, url, fetch in offers:
        if not needed[kind] or not typer.confirm(f"Download {what} now{_about(url)}?"):
            continue
        try:
            fetch(url=url, as_json=False)
        except UserError as error:
            context.console.print(one_line(f"Not downloaded: {error}"), markup=False)


def register(wages_app: typer.Typer) -> None:
    @wages_app.command("sync")
    def sync(
        url: str = typer.Option(None, help="Where to download from (INFOINTERVIEW_WAGES_URL)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Download the BLS OEWS wage file (all areas) and import it.

        BLS often refuses downloads by programs: then download it in a browser and
        run `infointerview wages import FILE`.
        """
        sync_wages(url, as_json)

    @wages_app.command("fetch-missing", hidden=True)
    def fetch_missing(
        onet: str = typer.Option(None, help="O*NET address (INFOINTERVIEW_ONET_URL)."),
        wages: str = typer.Option(None, help="BLS address (INFOINTERVIEW_WAGES_URL)."),
        wages_only: bool = typer.Option(False, "--wages-only", help="Leave O*NET alone."),
        file: Path = typer.Option(None, help="Import this file instead of downloading."),
    ) -> None:
        """Download and import what is missing, writing progress for the web page that starts it."""
        status = data_setup.fetch_missing(
            onet_url(onet), wages_url(wages), timezone.now, wages_only, file
        )
        if status.state == "failed":
            raise UserError(status.message)
        context.console.print(status.message)
