from pathlib import Path

import typer
from django.db import transaction
from django.utils import timezone

from infointerview.agenda.calendar import upcoming_ics
from infointerview.cli import context, interview_steps
from infointerview.cli.output import plain, shown
from infointerview.interviews import afterwards, planning, services
from infointerview.lib.errors import Refused
from infointerview.people.services import find_person

interview_app = context.Commands(
    help="Schedule, prepare, hold and follow up interviews.", no_args_is_help=True
)
calendar_app = context.Commands(help="Calendar files.", no_args_is_help=True)


def _person_and_interview(reference: str):
    owner = context.acting_user()
    person = find_person(owner, reference)
    return owner, person, services.interview_with(owner, person)


@interview_app.command("schedule")
def schedule(
    person: str,
    at: str = typer.Option(..., help="'YYYY-MM-DD HH:MM' in your time zone."),
    minutes: int = typer.Option(25, help="Length; 20–30 is usual."),
    mode: str = typer.Option("in-person", help="in-person, phone or video."),
    place: str = typer.Option("", help="Address or video link."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    interview = interview_steps.new_meeting(
        services.schedule, person, at, minutes=minutes, mode=mode, place=place
    )
    if as_json:
        context.print_json(interview.to_dict())
        return
    context.console.print(
        f"Interview with {shown(interview.person.name)} on {context.when(interview.starts_at)}, "
        f"{interview.minutes} minutes."
    )


@interview_app.command("reschedule")
def reschedule(
    person: str,
    at: str = typer.Option(..., help="'YYYY-MM-DD HH:MM'"),
    minutes: int = typer.Option(None),
    reason: str = typer.Option(""),
) -> None:
    owner, _, interview = _person_and_interview(person)
    services.reschedule(
        owner,
        interview,
        context.moment_option(owner, at),
        minutes=minutes,
        reason=reason,
        now=timezone.now(),
    )
    context.console.print(f"Moved to {context.when(interview.starts_at)}.")


@interview_app.command("cancel")
def cancel(person: str, reason: str = typer.Option("")) -> None:
    owner, _, interview = _person_and_interview(person)
    services.cancel(owner, interview, reason)
    context.console.print("Cancelled; its history is kept.")


@interview_app.command("plan")
def plan(
    person: str,
    purpose: list[str] = typer.Option(
        [],
        help="realities, choosing, focusing, unknown, "
        "strengths, preparation, opportunities, organization",
    ),
    remove: int = typer.Option(None, help="Remove question N."),
    move: int = typer.Option(None, help="Move question N (with --to M)."),
    to: int = typer.Option(None, help="The number it moves to."),
    add: str = typer.Option(None, help="Add your own question at the end."),
    edit: int = typer.Option(None, help="Reword question N (with --text)."),
    text: str = typer.Option(None, help="The new wording, with --edit."),
    minutes: float = typer.Option(None, help="Minutes for the added or edited question."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Questions for the interview, chosen by purpose and fitted to its length; then
    change them one at a time (--remove, --move/--to, --add, --edit/--text)."""
    owner, _, interview = _person_and_interview(person)
    if purpose or planning.needs_plan(interview):
        planning.build_plan(owner, interview, purpose or None)
    done = interview_steps.change_plan(
        owner,
        interview,
        remove=remove,
        move=move,
        to=to,
        add=add,
        edit=edit,
        text=text,
        minutes=minutes,
    )
    current = planning.plan_for(interview)
    if as_json:
        context.print_json(current.to_dict())
        return
    if done:
        context.console.print(plain(done), soft_wrap=True)
    interview_steps.show_plan(interview, current)


@interview_app.command("notes")
def notes(
    person: str,
    question: int = typer.Option(None, help="Question number, to add a note to it."),
    text: str = typer.Option("", help="The note to add to that question."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Show the notes taken, or add one to a question."""
    owner, _, interview = _person_and_interview(person)
    questions = planning.plan_for(interview).questions
    if question is not None:
        if not 1 <= question <= len(questions):
            raise Refused(f"no question {question}: the plan has {len(questions)}")
        chosen = questions[question - 1]
        joined = f"{chosen.notes}\n{text}".strip() if chosen.notes else text
        services.save_notes(owner, interview, {str(chosen.public_id): joined}, now=timezone.now())
        chosen.notes = joined
    if as_json:
        context.print_json([{"question": q.text, "notes": q.notes} for q in questions])
        return
    for number, q in enumerate(questions, start=1):
        context.console.print(f"[bold]{number}. {shown(q.text)}[/]", soft_wrap=True)
        context.console.print(plain(q.notes) if q.notes else "[dim](no notes)[/]", soft_wrap=True)


@interview_app.command("thank")
def thank(
    person: str,
    sent: bool = typer.Option(False, "--sent", help="Record that the thank-you went out."),
    on: str = typer.Option(None, help="Day it was sent (YYYY-MM-DD)."),
) -> None:
    """Print the thank-you draft, or mark it sent."""
    owner, _, interview = _person_and_interview(person)
    day = context.day_or_today(owner, on)  # a bad day is refused before any draft is made
    with transaction.atomic():
        notes = [
            afterwards.thank_you(owner, interview, recipient)
            for recipient in afterwards.recipients(interview)
        ]
        if sent:
            for note in notes:
                afterwards.mark_thanks_sent(owner, note, day)
    for note in notes:
        if sent:
            context.console.print(f"Thank-you to {shown(note.recipient.name)} marked sent.")
        else:
            context.console.print(f"[bold]To {shown(note.recipient.name)}[/]")
            context.console.print(plain(note.body), soft_wrap=True)


@calendar_app.command("export")
def export(file: Path = typer.Argument(..., help="Where to write the .ics file.")) -> None:
    """Write upcoming interviews and follow-up calls to an .ics file."""
    data = upcoming_ics(context.acting_user(), timezone.now())
    file.write_bytes(data)
    context.console.print(f"Wrote {data.count(b'BEGIN:VEVENT')} events to {shown(file)}.")
