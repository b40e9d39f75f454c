from pathlib import Path

import typer

from infointerview.cli import context

interview_app = typer.Typer(
    help="Schedule, prepare, hold and follow up interviews.", no_args_is_help=True
)
calendar_app = typer.Typer(help="Calendar files.", no_args_is_help=True)


def _person_and_interview(reference: str):
    from infointerview.interviews.services import interview_with
    from infointerview.people.services import find_person

    owner = context.acting_user()
    person = find_person(owner, reference)
    return owner, person, interview_with(owner, person)


@interview_app.command("schedule")
def schedule(
    person: str,
    at: str = typer.Option(..., help="'YYYY-MM-DD HH:MM' in your time zone."),
    minutes: int = typer.Option(25, help="Length; 20–30 is usual."),
    mode: str = typer.Option("in-person", help="in-person, phone or video."),
    place: str = typer.Option("", help="Address or video link."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    from infointerview.interviews.services import schedule as schedule_interview
    from infointerview.people.services import find_person

    owner = context.acting_user()
    interview = schedule_interview(
        owner, find_person(owner, person), at, minutes=minutes, mode=mode, place=place
    )
    if as_json:
        context.print_json(interview.to_dict())
        return
    context.console.print(
        f"Interview with {interview.person.name} on {interview.starts_at:%A %d %B at %H:%M}, "
        f"{interview.minutes} minutes."
    )


@interview_app.command("reschedule")
def reschedule(
    person: str,
    at: str = typer.Option(..., help="'YYYY-MM-DD HH:MM'"),
    minutes: int = typer.Option(None),
    reason: str = typer.Option(""),
) -> None:
    from infointerview.interviews.services import reschedule as move

    owner, _, interview = _person_and_interview(person)
    move(owner, interview, at, minutes=minutes, reason=reason)
    context.console.print(f"Moved to {interview.starts_at:%A %d %B at %H:%M}.")


@interview_app.command("cancel")
def cancel(person: str, reason: str = typer.Option("")) -> None:
    from infointerview.interviews.services import cancel as call_off

    owner, _, interview = _person_and_interview(person)
    call_off(owner, interview, reason)
    context.console.print("Cancelled; its history is kept.")


@interview_app.command("plan")
def plan(
    person: str,
    purpose: list[str] = typer.Option(
        [],
        help="realities, choosing, focusing, unknown, "
        "strengths, preparation, opportunities, organization",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Questions for the interview, chosen by purpose and fitted to its length."""
    from infointerview.interviews.planning import build_plan, plan_for

    owner, _, interview = _person_and_interview(person)
    current = plan_for(interview)
    if purpose or not current.questions:
        current = build_plan(owner, interview, purpose or None)
    if as_json:
        context.print_json(current.to_dict())
        return
    out = context.console
    out.print(f"[bold]Interview with {interview.person.name}[/] — {interview.minutes} minutes")
    for number, question in enumerate(current.questions, start=1):
        out.print(
            f"{number:2}. {question.text} [dim](~{question.minutes:g} min)[/]", soft_wrap=True
        )
    fits = "fits" if current.fits else "[red]is too long[/]"
    out.print(f"Planned {current.total_minutes:g} minutes with hello and thanks: {fits}.")


@interview_app.command("notes")
def notes(
    person: str,
    question: int = typer.Option(None, help="Question number, to add a note to it."),
    text: str = typer.Option("", help="The note to add to that question."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Show the notes taken, or add one to a question."""
    from infointerview.interviews.planning import plan_for
    from infointerview.interviews.services import save_notes
    from infointerview.lib.errors import Refused

    owner, _, interview = _person_and_interview(person)
    questions = plan_for(interview).questions
    if question is not None:
        if not 1 <= question <= len(questions):
            raise Refused(f"no question {question}: the plan has {len(questions)}")
        chosen = questions[question - 1]
        joined = f"{chosen.notes}\n{text}".strip() if chosen.notes else text
        save_notes(owner, interview, {str(chosen.public_id): joined})
        chosen.notes = joined
    if as_json:
        context.print_json([{"question": q.text, "notes": q.notes} for q in questions])
        return
    for number, q in enumerate(questions, start=1):
        context.console.print(f"[bold]{number}. {q.text}[/]", soft_wrap=True)
        context.console.print(q.notes or "[dim](no notes)[/]", soft_wrap=True)


@interview_app.command("thank")
def thank(
    person: str,
    sent: bool = typer.Option(False, "--sent", help="Record that the thank-you went out."),
    on: str = typer.Option(None, help="Day it was sent (YYYY-MM-DD)."),
) -> None:
    """Print the thank-you draft, or mark it sent."""
    from infointerview.interviews.afterwards import mark_thanks_sent, recipients, thank_you

    owner, _, interview = _person_and_interview(person)
    for recipient in recipients(interview):
        note = thank_you(owner, interview, recipient)
        if sent:
            mark_thanks_sent(owner, note, context.day_option(on))
            context.console.print(f"Thank-you to {recipient.name} marked sent.")
        else:
            context.console.print(f"[bold]To {recipient.name}[/]")
            context.console.print(note.body, markup=False, highlight=False, soft_wrap=True)


@calendar_app.command("export")
def export(file: Path = typer.Argument(..., help="Where to write the .ics file.")) -> None:
    """Write upcoming interviews and follow-up calls to an .ics file."""
    from infointerview.agenda.calendar import upcoming_ics

    data = upcoming_ics(context.acting_user())
    file.write_bytes(data)
    context.console.print(f"Wrote {data.count(b'BEGIN:VEVENT')} events to {file}.")
