from pathlib import Path

import typer
from django.conf import settings
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from infointerview.accounts.services import profile_for
from infointerview.careers import lookup
from infointerview.careers.download import download, onet_url, sha256
from infointerview.careers.occupations import occupation_page
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache, search
from infointerview.careers.services import link_free_text_occupations
from infointerview.careers.title_list import titles_in
from infointerview.careers.title_matcher import TOP, TitleMatch
from infointerview.careers.title_matches import match_titles
from infointerview.careers.wages import import_wages
from infointerview.cli import context
from infointerview.cli.occupation_text import print_page
from infointerview.cli.output import plain, shown
from infointerview.lib.errors import Refused
from infointerview.people import occupation_matches
from infointerview.people.services import find_person

occupations_app = context.Commands(
    help="Occupations from O*NET: import, search, show.", no_args_is_help=True
)
wages_app = context.Commands(help="BLS OEWS wages.", no_args_is_help=True)


def _import_and_report(path: Path, release: str | None, as_json: bool) -> None:
    with context.console.status(f"Importing {shown(path.name)}…"):
        report = import_release(path, release)
        cache.forget()
        links = link_free_text_occupations()
    if as_json:
        context.print_json({**report.to_dict(), "links": links.__dict__})
        return
    out = context.console
    out.print(f"O*NET {shown(report.release)}: {report.added} new occupations.")
    for table in report.tables:
        detail = f"{table.rows:,} rows" if table.status == "imported" else table.status
        note = f" — {table.note}" if table.note else ""
        out.print(plain(f"  {table.name}: {detail}{note}"))
    if report.retired:
        retired = ", ".join(report.retired)
        out.print(plain(f"  No longer in O*NET {report.release}: {retired} (kept)"))
    for code, old, new in report.renamed:
        out.print(plain(f"  Renamed {code}: {old} → {new}"))
    out.print(f"Linked {links.applied} of your occupations; {links.proposed} proposed to confirm.")


@occupations_app.command("import")
def import_(
    path: Path = typer.Argument(..., help="An O*NET text release: the zip or its folder."),
    release: str = typer.Option(None, help="Release number, when the files do not say, e.g. 30.0"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Import an O*NET text release you already have."""
    _import_and_report(path, release, as_json)


@occupations_app.command("sync")
def sync(
    url: str = typer.Option(None, help="Where to download from (INFOINTERVIEW_ONET_URL)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Download the current O*NET release and import it."""
    address = onet_url(url)
    columns = [
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=context.console, disable=as_json) as bar:
        task = bar.add_task("Downloading O*NET", total=None)
        path = download(
            address,
            Path(settings.HOME) / "downloads",
            lambda done, total: bar.update(task, completed=done, total=total),
        )
    if not as_json:
        context.console.print(f"Downloaded {shown(path.name)} (sha256 {sha256(path)})")
    _import_and_report(path, None, as_json)


@occupations_app.command("search")
def search_(
    text: str,
    limit: int = typer.Option(10, min=1, max=100),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Find occupations by title, alternate title, description or code; typos are fine.

    An exact code or title is answered at once, without loading the search index.
    """
    hits = lookup.exact(text, limit)
    if hits is None:
        hits = search(text, limit)
    if as_json:
        context.print_json([h.to_dict() for h in hits])
        return
    if not hits:
        context.console.print("No occupation matches. Import O*NET first if you have not.")
        return
    table = Table("Code", "Occupation", "Matched")
    for hit in hits:
        retired = f" [dim](not in O*NET {shown(hit.retired_in)})[/]" if hit.retired_in else ""
        matched = (
            ""
            if hit.matched_kind in ("title", "code")
            else plain(f"{hit.matched_kind}: {hit.matched[:60]}")
        )
        table.add_row(plain(hit.code), shown(hit.title) + retired, matched)
    context.console.print(table)


@occupations_app.command("show")
def show(
    code: str,
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Everything known about one occupation, with wages where you live."""
    user = context.acting_user()
    page = occupation_page(code, profile_for(user).wage_areas())
    if as_json:
        context.print_json(page.to_dict())
        return
    print_page(page)


@occupations_app.command("link")
def link() -> None:
    """Link the occupations you typed to O*NET (exact names applied, others proposed)."""
    links = link_free_text_occupations()
    context.console.print(
        f"Linked {links.applied}; proposed {links.proposed}; no match {links.unmatched}."
    )


@occupations_app.command("classify")
def classify(
    titles: list[str] = typer.Argument(None, help="Job titles, e.g. 'Senior UX Designer'."),
    file: Path = typer.Option(None, "--file", help="A text file of job titles, one a line."),
    limit: int = typer.Option(1, min=1, max=TOP, help="Occupations to show for each title."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """The occupation each job title most likely names, how sure, and the words that decided.

    Matches marked "applied" are sure enough to be linked without asking.
    """
    wanted = list(titles or []) + (titles_in(file) if file else [])
    if not wanted:
        raise Refused("give job titles, or --file FILE with one title a line")
    matches = match_titles(wanted)
    if as_json:
        context.print_json([_classified(m, limit) for m in matches])
        return
    out = context.console
    for match in matches:
        if not match.code:
            out.print(plain(f"{match.title} → no match (level {_level(match)})"))
            continue
        applied = (
            ", applied"
            if match.applied
            else ", to confirm"
            if match.worth_asking
            else ", too unsure to propose"
        )
        out.print(
            plain(
                f"{match.title} → {match.code} {match.occupation} (sure {match.confidence:.2f}"
                f"{applied}; level {_level(match)}; decided by {', '.join(match.words)})"
            )
        )
        for other in match.candidates[1:limit]:
            out.print(plain(f"    or {other.code} {other.title} ({other.confidence:.2f})"))
    if not any(m.code for m in matches):
        context.console.print(
            "Import O*NET first if you have not (infointerview occupations sync)."
        )


def _level(match: TitleMatch) -> str:
    said = f" ({', '.join(match.level_words)})" if match.level_words else ""
    return match.level + said


def _classified(match: TitleMatch, limit: int) -> dict:
    found = match.to_dict()
    found["candidates"] = found["candidates"][:limit]
    return found


@occupations_app.command("confirm")
def confirm(
    person: str = typer.Argument(None, help="Whose proposal to answer (name or id)."),
    yes: bool = typer.Option(False, "--yes", help="Link the proposed occupation."),
    not_sure: bool = typer.Option(False, "--not-sure", help="Never propose it again."),
    pick: str = typer.Option(None, "--pick", help="Link this O*NET code instead."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """People whose job title's occupation awaits your word; answer one with an option.

    Without a person: the list, as on People → Occupations to confirm.
    """
    owner = context.acting_user()
    answers = sum([yes, not_sure, pick is not None])
    if person is None:
        if answers:
            raise Refused("name the person whose proposal you answer")
        _print_waiting(occupation_matches.waiting(owner), as_json)
        return
    if answers != 1:
        raise Refused("answer with one of --yes, --not-sure or --pick CODE")
    found = find_person(owner, person)
    if yes:
        occupation_matches.confirm(owner, found)
    elif not_sure:
        occupation_matches.not_sure(owner, found)
    else:
        occupation_matches.pick_another(owner, found, pick)
    found.refresh_from_db()
    if as_json:
        context.print_json(found.to_dict())
    elif found.onet_code:
        context.console.print(plain(f"Linked {found.name} to {found.onet_code}."))
    else:
        context.console.print(plain(f"Noted for {found.name}: it will not be proposed again."))


def _print_waiting(proposals: list, as_json: bool) -> None:
    if as_json:
        context.print_json(
            [
                {
                    "person": p.person.name,
                    "id": str(p.person.public_id),
                    "job_title": p.person.job_title,
                    "organization": p.person.organization,
                    "code": p.code,
                    "occupation": p.occupation,
                    "confidence": None if p.confidence is None else round(p.confidence, 3),
                    "words": list(p.words),
                    "level": p.level,
                    "others": [c.to_dict() for c in p.others],
                }
                for p in proposals
            ]
        )
        return
    if not proposals:
        context.console.print("Nothing to confirm.")
        return
    for p in proposals:
        at = f" at {p.person.organization}" if p.person.organization else ""
        sure = "" if p.confidence is None else f" (sure {p.confidence:.2f})"
        context.console.print(
            plain(f"{p.person.name}: {p.person.job_title}{at} → {p.code} {p.occupation}?{sure}")
        )
    context.console.print(
        'Answer with: infointerview occupations confirm "NAME" --yes | --not-sure | --pick CODE'
    )


@wages_app.command("import")
def wages_import(
    path: Path = typer.Argument(..., help="OEWS file: the BLS zip or xlsx, or CSV (gzip ok)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Import BLS OEWS wage estimates (national, state, metro)."""
    with Progress(
        TextColumn("{task.description}"),
        TextColumn("{task.completed:,} rows"),
        console=context.console,
        disable=as_json,
    ) as bar:
        task = bar.add_task(f"Importing {shown(path.name)}", total=None)
        report = import_wages(path, lambda rows: bar.advance(task, rows))
    if as_json:
        context.print_json(report.to_dict())
    elif report.unchanged:
        context.console.print(f"{shown(path.name)} was imported before; nothing changed.")
    else:
        context.console.print(f"Imported {report.rows:,} wage estimates from {shown(path.name)}.")
