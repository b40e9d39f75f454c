"""`interview record` for a meeting that already took place, and the plan's questions
changed one at a time (remove, move, add, reword) for `interview plan`."""

from __future__ import annotations

import typer
from django.utils import timezone

from infointerview.cli import context
from infointerview.cli.output import shown
from infointerview.interviews import planning, services
from infointerview.interviews.models import DEFAULT_MINUTES
from infointerview.lib.errors import Refused
from infointerview.people.services import find_person


def new_meeting(service, person: str, at: str, *, minutes: int, mode: str, place: str):
    """An interview to come (`services.schedule`) or held (`services.record_interview`),
    from the options both commands share."""
    owner = context.acting_user()
    return service(
        owner,
        find_person(owner, person),
        context.moment_option(owner, at),
        minutes=minutes,
        mode=mode,
        place=place,
        now=timezone.now(),
    )


def change_plan(
    owner,
    interview,
    *,
    remove: int | None = None,
    move: int | None = None,
    to: int | None = None,
    add: str | None = None,
    edit: int | None = None,
    text: str | None = None,
    minutes: float | None = None,
) -> str:
    """Apply the one change asked for; what was done, in a line. Nothing asked: ''."""
    options = {"--remove": remove, "--move": move, "--add": add, "--edit": edit}
    asked = [name for name, value in options.items() if value is not None]
    if len(asked) > 1:
        raise Refused(f"one change at a time: {' and '.join(asked)} were both given")
    if (to is not None) != (move is not None):
        raise Refused("--move N and --to M go together: which question, and to which number")
    if (text is not None) and edit is None:
        raise Refused("--text goes with --edit N: which question to reword")
    if minutes is not None and add is None and edit is None:
        raise Refused("--minutes goes with --add or --edit")
    if remove is not None:
        question = planning.question_number(interview, remove)
        planning.remove_question(owner, question)
        return f"Removed question {remove}: {question.text}"
    if move is not None:
        planning.move_question(owner, planning.question_number(interview, move), to)
        return f"Moved question {move} to {to}."
    if add is not None:
        planning.add_own_question(owner, interview, add, 2.0 if minutes is None else minutes)
        return "Added your question at the end."
    if edit is not None:
        if text is None:
            raise Refused('--edit N needs --text "…": the question as you will ask it')
        planning.edit_question(owner, planning.question_number(interview, edit), text, minutes)
        return f"Question {edit} changed; it stays when you choose other purposes."
    return ""


def show_plan(interview, current: planning.Plan) -> None:
    out = context.console
    out.print(
        f"[bold]Interview with {shown(interview.person.name)}[/] — {interview.minutes} minutes"
    )
    for number, question in enumerate(current.questions, start=1):
        mark = " [dim](yours)[/]" if question.source == planning.OWN else ""
        out.print(
            f"{number:2}. {shown(question.text)} [dim](~{question.minutes:g} min)[/]{mark}",
            soft_wrap=True,
        )
    fits = "fits" if current.fits else "[red]is too long: remove a question (--remove N)[/]"
    out.print(f"Planned {current.total_minutes:g} minutes with hello and thanks: {fits}.")


def register(interview_app: typer.Typer) -> None:
    @interview_app.command("record")
    def record(
        person: str,
        at: str = typer.Option(..., help="When it took place: 'YYYY-MM-DD HH:MM', your time."),
        minutes: int = typer.Option(DEFAULT_MINUTES, help="How long it lasted."),
        mode: str = typer.Option("in-person", help="in-person, phone or video."),
        place: str = typer.Option("", help="Address or video link."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        """Record an interview that already took place, to write the thanks and notes."""
        interview = new_meeting(
            services.record_interview, person, at, minutes=minutes, mode=mode, place=place
        )
        if as_json:
            context.print_json(interview.to_dict())
            return
        context.console.print(
            f"Recorded the interview with {shown(interview.person.name)} on "
            f"{context.when(interview.starts_at)} as held. Next: `infointerview interview "
            "thank` and what you learned.",
            soft_wrap=True,
        )
