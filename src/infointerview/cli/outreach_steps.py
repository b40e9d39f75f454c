"""`outreach attempts`, `edit-attempt` and `undo`: a mistake in what was logged is never
permanent; `voicemail` and `follow-up`: what to say when nobody answers."""

from __future__ import annotations

import typer

from infointerview.agenda import undo as undoing
from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.lib.errors import NotFound
from infointerview.outreach import attempts as attempt_rules
from infointerview.outreach import services
from infointerview.people.services import find_person


def _attempt_row(number: int, attempt) -> dict:
    return {
        "number": number,
        **attempt.to_dict(),
        "request": attempt.request.get_channel_display(),
    }


def register(outreach_app: typer.Typer) -> None:
    @outreach_app.command("attempts")
    def attempts(
        person: str,
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Every attempt to reach a person, numbered for `edit-attempt --number`."""
        owner = context.acting_user()
        rows = [
            _attempt_row(number, attempt)
            for number, attempt in enumerate(
                attempt_rules.attempts_of(owner, find_person(owner, person)), 1
            )
        ]
        if as_json:
            context.print_json(rows)
            return
        if not rows:
            context.console.print("Nothing logged yet.")
        for row in rows:
            note = f" — {row['note']}" if row["note"] else ""
            context.console.print(
                plain(f"{row['number']}. {row['on']} {row['outcome']} ({row['request']}){note}")
            )

    @outreach_app.command("edit-attempt")
    def edit_attempt(
        person: str,
        number: int = typer.Option(
            None, help="Which attempt (see `outreach attempts`); default the latest."
        ),
        on: str = typer.Option(None, help="The day it really happened (YYYY-MM-DD)."),
        note: str = typer.Option(None, help="The note, replacing the one there."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Correct the day or the note of an attempt; the next call follows the day."""
        owner = context.acting_user()
        attempt = attempt_rules.attempt_numbered(owner, find_person(owner, person), number)
        attempt = attempt_rules.edit_attempt(
            owner,
            attempt,
            on=context.day_option(on) or attempt.on,
            note=attempt.note if note is None else note,
            today=context.today(owner),
        )
        if as_json:
            context.print_json({**attempt.to_dict(), "request": attempt.request.to_dict()})
            return
        context.console.print(
            f"Corrected: {attempt.get_outcome_display()} on {context.on_day(attempt.on)}."
        )

    @outreach_app.command("undo")
    def undo(
        person: str,
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Take back the latest attempt logged, and the interview or referral it added."""
        owner = context.acting_user()
        who = find_person(owner, person)
        undone = undoing.undo_latest(owner, who)
        if as_json:
            request = undone.taken.request
            context.print_json(
                {
                    "undone": {"outcome": undone.taken.outcome, "on": undone.taken.on.isoformat()},
                    "request": request.to_dict() if request else None,
                    "interview_removed": undone.interview_removed,
                    "referral_removed": undone.referral_removed or None,
                }
            )
            return
        context.console.print(plain(undone.summary()))

    @outreach_app.command("voicemail")
    def voicemail(person: str) -> None:
        """What to say when the call reaches voicemail."""
        owner = context.acting_user()
        text = services.voicemail(owner, find_person(owner, person))
        context.console.print(plain(text), soft_wrap=True)

    @outreach_app.command("follow-up")
    def follow_up(
        person: str,
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """A short note for an e-mail or letter with no reply by the promised day."""
        owner = context.acting_user()
        who = find_person(owner, person)
        request = services.open_request(owner, who)
        if request is None:
            raise NotFound(f"no request to {who.name} is in progress")
        subject, body = services.follow_up_note(owner, request)
        if as_json:
            context.print_json({"subject": subject, "body": body})
            return
        context.console.print(f"[bold]Subject:[/] {shown(subject)}\n")
        context.console.print(plain(body), soft_wrap=True)
