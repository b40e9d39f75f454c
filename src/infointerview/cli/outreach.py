import typer
from django.utils import timezone

from infointerview.agenda.outcomes import record_outcome
from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.outreach import services
from infointerview.people.services import find_person

outreach_app = context.Commands(
    help="Make contact: drafts, sending, and what happened.", no_args_is_help=True
)


@outreach_app.command("draft")
def draft(
    person: str,
    channel: str = typer.Option(..., help="email, letter, phone or introduction."),
    call_on: str = typer.Option(None, help="Day you will telephone for an answer (YYYY-MM-DD)."),
    introducer: str = typer.Option(
        "", help="For an introduction: someone recorded as knowing them (people knows A B)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    owner = context.acting_user()
    who = find_person(owner, person)
    request = services.draft(
        owner,
        who,
        channel,
        today=context.today(owner),
        call_on=context.day_option(call_on),
        introducer=find_person(owner, introducer) if introducer else None,
    )
    warning = services.weekend_warning(request.call_on)
    if as_json:
        context.print_json(
            {
                **request.to_dict(),
                "subject": request.subject,
                "body": request.body,
                "warning": warning or None,
            }
        )
        return
    if request.subject:
        context.console.print(f"[bold]Subject:[/] {shown(request.subject)}\n")
    context.console.print(plain(request.body), soft_wrap=True)
    if request.channel == "phone":
        context.console.print("[bold]If they hesitate[/]")
        for said, answer in services.resistance_answers(owner, who):
            context.console.print(plain(f"  {said} → {answer}"), soft_wrap=True)
    if warning:
        monday = services.monday_instead(request.call_on)
        context.console.print(
            plain(f"{warning} Draft it again with --call-on {monday}."), soft_wrap=True
        )


@outreach_app.command("sent")
def sent(
    person: str,
    on: str = typer.Option(None, help="Day it went out (YYYY-MM-DD); default today."),
) -> None:
    """Record that the letter, e-mail or request for an introduction went out."""
    owner = context.acting_user()
    request = services.mark_sent(
        owner,
        find_person(owner, person),
        on=context.day_or_today(owner, on),
        today=context.today(owner),
    )
    context.console.print(
        f"Marked sent. {request.get_next_call_kind_display()} due "
        f"{context.on_day(request.next_call_on)}."
    )


@outreach_app.command("introduced")
def introduced(
    person: str,
    on: str = typer.Option(None, help="Day of the introduction (YYYY-MM-DD); default today."),
) -> None:
    """The acquaintance made the introduction: call to arrange a date and time."""
    owner = context.acting_user()
    services.mark_introduced(owner, find_person(owner, person), on=context.day_or_today(owner, on))
    context.console.print("Introduced. Call to arrange a date and time.")


@outreach_app.command("log")
def log(
    person: str,
    outcome: str = typer.Option(
        ..., help="no-answer, message, no-reply, busy, declined, referred or agreed."
    ),
    on: str = typer.Option(None, help="Day it happened (YYYY-MM-DD); default today."),
    call_back: str = typer.Option(None, help="With busy: the day to call back."),
    referred: str = typer.Option("", help="With referred: the name they gave you."),
    at: str = typer.Option("", help="With agreed: 'YYYY-MM-DD HH:MM'."),
    mode: str = typer.Option("in-person", help="With agreed: in-person, phone or video."),
    place: str = typer.Option("", help="With agreed: the address or video link."),
    note: str = typer.Option("", help="Anything worth remembering."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    owner = context.acting_user()
    result = record_outcome(
        owner,
        find_person(owner, person),
        outcome,
        on=context.day_or_today(owner, on),
        call_back_on=context.day_option(call_back),
        referred_name=referred,
        interview_at=context.moment_option(owner, at),
        mode=mode,
        place=place,
        note=note,
        now=timezone.now(),
    )
    request = result.request
    if as_json:
        context.print_json(
            {
                **request.to_dict(),
                "advice": result.advice or None,
                "next_person": result.next_person.to_dict() if result.next_person else None,
                "referral": result.referral.to_dict() if result.referral else None,
                "interview": result.interview.to_dict() if result.interview else None,
            }
        )
        return
    out = context.console
    status = request.get_status_display().lower()
    out.print(f"Logged: {result.attempt.get_outcome_display()}. Request {status}.")
    if request.next_call_on:
        out.print(
            f"{request.get_next_call_kind_display()} due {context.on_day(request.next_call_on)}."
        )
    if result.advice:
        out.print(plain(result.advice))
    if result.next_person:
        out.print(f"Next name on the list: [bold]{shown(result.next_person.name)}[/]")
    if result.referral:
        out.print(f"Added [bold]{shown(result.referral.name)}[/] at the top of the list.")
    if result.interview:
        out.print(f"Interview on {context.when(result.interview.starts_at)}.")
