"""`infointerview explore`: interests, goals and the occupations that match them."""

from __future__ import annotations

from pathlib import Path

import typer
from django.utils import timezone
from rich.table import Table

from infointerview.careers import goals as goal_service
from infointerview.careers import interests
from infointerview.careers.matches import matches_for
from infointerview.careers.models import Goals, InterestProfile
from infointerview.careers.models.interests import ITEM_COUNT, TYPE_NAMES, WORK_VALUES
from infointerview.cli import context
from infointerview.cli.output import plain, shown
from infointerview.lib.day_words import short_day
from infointerview.lib.errors import Refused
from infointerview.lib.money import money

explore_app = context.Commands(
    help="Choose what to explore: your interests, your goals, matching occupations.",
    no_args_is_help=True,
)

KEYS = {"l": "like", "u": "unsure", "d": "dislike", "like": "like", "unsure": "unsure"}
KEYS |= {"dislike": "dislike", "?": "unsure", "n": "unsure", "not sure": "unsure"}


def _given_profile(owner, scores: str | None, code: str | None) -> InterestProfile | None:
    """A profile from --scores or --code, which joins the history."""
    if scores and code:
        raise Refused("give --scores or --code, not both")
    if scores:
        return interests.profile_from_scores(owner, interests.parse_scores(scores), timezone.now())
    if code:
        return interests.profile_from_code(owner, code, timezone.now())
    return None


def _print_profile(profile: InterestProfile) -> None:
    table = Table("Type", "Score", "", title=f"Your interests ({profile.get_source_display()})")
    scale = profile.scale or max(profile.scores().values()) or 1
    for letter, score in profile.scores().items():
        bar = "█" * round(20 * score / scale)
        table.add_row(f"{letter} {TYPE_NAMES[letter]}", f"{score:g}", bar)
    context.console.print(table)
    top = profile.top_three()
    context.console.print(f"Top three: [bold]{top}[/]")
    for letter in top:
        context.console.print(f"  {TYPE_NAMES[letter]}: {interests.MEANINGS[letter]}")
    context.console.print("Next: `infointerview explore matches`.")


def _ask(owner) -> InterestProfile | None:
    """Each unanswered question in turn; every answer is saved as it is given."""
    started = interests.in_progress(owner)
    answers = started.given() if started else {}
    if answers:
        context.console.print(f"Welcome back: {len(answers)} of {ITEM_COUNT} answered.")
    context.console.print(
        "Would you like doing this as work? l = like, u = not sure, d = dislike, q = stop "
        "(answers so far are kept)."
    )
    for number in interests.unanswered(answers):
        text = interests.ITEMS[number][1]
        while True:
            try:
                reply = typer.prompt(f"{number}/{ITEM_COUNT} {text}", prompt_suffix=" [l/u/d] ")
            except (typer.Abort, EOFError):
                reply = "q"
            reply = reply.strip().lower()
            if reply in ("q", "quit"):
                context.console.print(
                    "Stopped; your answers are kept. Run `infointerview explore interests` "
                    "to go on."
                )
                return None
            if reply in KEYS:
                break
            context.console.print("Answer l (like), u (not sure) or d (dislike); q stops.")
        interests.save_answers(owner, {str(number): KEYS[reply]})
    return interests.finish_questionnaire(owner, timezone.now())


@explore_app.command("interests")
def interests_command(
    answers: Path = typer.Option(
        None,
        "--answers",
        help="A file of answers, one `item-number,like|unsure|dislike` a line "
        "(`#` starts a comment); `explore questions` lists the items.",
    ),
    scores: str = typer.Option(
        None, "--scores", help="Scores you already have, any scale: R=2,I=3,A=7,S=4,E=6,C=1."
    ),
    code: str = typer.Option(None, "--code", help="A Holland code you already have, e.g. AES."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Answer the interest questionnaire (60 work activities), or enter scores or a code.

    Without options it asks each question in turn and keeps every answer as it is
    given: stop half-way and run it again to go on. Each result joins your history.
    """
    owner = context.acting_user()
    profile = _given_profile(owner, scores, code)
    if profile is None and answers is not None:
        given = interests.read_answers_file(answers)
        profile = interests.finish_questionnaire(owner, timezone.now(), given)
    if profile is None:
        if as_json:
            raise Refused("--json needs --answers, --scores or --code")
        profile = _ask(owner)
        if profile is None:
            return
    if as_json:
        context.print_json(profile.to_dict())
        return
    _print_profile(profile)


@explore_app.command("questions")
def questions() -> None:
    """The 60 questionnaire items, numbered as an --answers file uses them."""
    for number, (letter, text) in interests.ITEMS.items():
        context.console.print(f"{number:>2} {letter} {text}")


@explore_app.command("history")
def history(as_json: bool = typer.Option(False, "--json", help="Print JSON only.")) -> None:
    """Every interest profile you have finished, newest first."""
    profiles = interests.history(context.acting_user())
    if as_json:
        context.print_json([p.to_dict() for p in profiles])
        return
    if not profiles:
        context.console.print("No profile yet: `infointerview explore interests`.")
        return
    table = Table("Day", "How", "Top three", *TYPE_NAMES)
    for p in profiles:
        scores = [f"{s:g}" for s in p.scores().values()]
        day = short_day(timezone.localtime(p.finished_at))
        table.add_row(day, p.get_source_display(), p.top_three(), *scores)
    context.console.print(table)


def _print_goals(goals: Goals) -> None:
    area = goals.get_wage_area_display().lower()
    lines = [
        f"Earnings floor: {money(goals.min_wage)} a year, {area}"
        if goals.min_wage
        else "Earnings floor: none",
        f"Preparation: up to job zone {goals.max_job_zone}"
        if goals.max_job_zone
        else "Preparation: any",
        f"Work values: {', '.join(goals.work_values) or 'none chosen'}",
        f"Skills: {', '.join(goals.skills) or 'none chosen'}",
        f"Work context: {', '.join(goals.work_context) or 'none chosen'}",
    ]
    for line in lines:
        context.console.print(plain(line))


@explore_app.command("goals")
def goals_command(
    min_wage: int = typer.Option(
        None, "--min-wage", min=0, help="Annual earnings floor, e.g. 55000."
    ),
    area: str = typer.Option(
        None, "--area", help="Where the floor is judged: national, state or metro (from Settings)."
    ),
    job_zone: int = typer.Option(
        None, "--job-zone", min=0, max=5, help="The most preparation you will do: job zone 1–5."
    ),
    values: list[str] = typer.Option(
        None, "--value", help=f"A work value that matters (repeat): {', '.join(WORK_VALUES)}."
    ),
    skills: list[str] = typer.Option(None, "--skill", help="A skill you want to use (repeat)."),
    work_context: list[str] = typer.Option(
        None, "--context", help="A work context you want, as O*NET names it (repeat)."
    ),
    clear: bool = typer.Option(False, "--clear", help="Drop every goal first."),
    list_: str = typer.Option(
        None, "--list", help="List the names you can give: values, skills or context."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
) -> None:
    """Show or set your goals; options you leave out keep what they were (0 drops a number)."""
    owner = context.acting_user()
    if list_:
        names = {
            "values": list(WORK_VALUES),
            "skills": goal_service.skill_names(),
            "context": goal_service.context_names(),
        }.get(list_)
        if names is None:
            raise Refused(f"--list {list_!r}: give values, skills or context")
        if not names:
            context.console.print(f"The imported O*NET release has no {list_} table.")
        for name in names:
            context.console.print(plain(name))
        return
    current = Goals() if clear else goal_service.goals_for(owner).goals
    changed = clear or any(
        v is not None and v != [] for v in (min_wage, area, job_zone, values, skills, work_context)
    )
    if changed:

        def pick(given, kept):
            return kept if given is None or given == [] else given

        current = goal_service.save_goals(
            owner,
            min_wage=pick(min_wage, current.min_wage) or None,
            wage_area=pick(area, current.wage_area),
            max_job_zone=pick(job_zone, current.max_job_zone) or None,
            work_values=pick(values, current.work_values),
            skills=pick(skills, current.skills),
            work_context=pick(work_context, current.work_context),
        )
    if as_json:
        fields = ["min_wage", "wage_area", "max_job_zone", "work_values", "skills", "work_context"]
        context.print_json({name: getattr(current, name) for name in fields})
        return
    _print_goals(current)


@explore_app.command("matches")
def matches_command(
    as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    limit: int = typer.Option(20, "--limit", min=1, help="How many occupations to show."),
    show_all: bool = typer.Option(
        False, "--all", help="Keep occupations your goals leave out, marked."
    ),
    scores: str = typer.Option(
        None, "--scores", help="Scores you already have, any scale: R=2,I=3,A=7,S=4,E=6,C=1."
    ),
    code: str = typer.Option(None, "--code", help="A Holland code you already have, e.g. AES."),
) -> None:
    """Occupations ranked by fit with your latest interest profile, with your goals applied.

    --scores or --code first adds that profile to your history. Add a result with
    `infointerview shortlist add CODE`.
    """
    owner = context.acting_user()
    _given_profile(owner, scores, code)
    result = matches_for(owner, show_all=show_all, limit=limit)
    if as_json:
        context.print_json(result.to_dict())
        return
    if result.message:
        context.console.print(plain(result.message))
        return
    for note in result.notes:
        context.console.print(plain(f"Note: {note}"))
    table = Table("#", "Occupation", "Code", "Fit", "Why")
    for number, match in enumerate(result.results, 1):
        why = match.reason
        if match.goals.unmet:
            why += f" — unmet: {', '.join(match.goals.unmet)}"
        fit = "—" if match.fit is None else f"{match.fit:.2f}"
        table.add_row(str(number), plain(match.title), match.code, fit, plain(why))
    context.console.print(table)
    if result.hidden:
        context.console.print(
            f"{result.hidden} occupations left out by your goals: --all shows them."
        )
    context.console.print(
        f"Profile {shown(result.profile.top_three())}. Add one: `infointerview shortlist add CODE`."
    )
