"""An occupation page for the terminal."""

from infointerview.careers.occupations import WAGES_SOURCE, OccupationPage, attribution
from infointerview.cli.context import console
from infointerview.cli.output import plain, shown
from infointerview.lib.money import money


def print_page(page: OccupationPage) -> None:
    o = page.occupation
    console.print(f"[bold]{shown(o.title)}[/] ({shown(o.code)})")
    if o.retired_in:
        console.print(f"[yellow]No longer in O*NET {shown(o.retired_in)}.[/]")
    console.print(plain(o.description), soft_wrap=True)
    if page.alternates:
        console.print(
            f"\n[bold]Also called:[/] {shown(', '.join(page.alternates))}", soft_wrap=True
        )
    if page.tasks:
        console.print("\n[bold]What they do most[/]")
        for task in page.tasks:
            console.print(f"  • {shown(task.text)}", soft_wrap=True, highlight=False)
    if page.zone:
        console.print(
            f"\n[bold]{shown(page.zone.name)}[/]\n  Education: {shown(page.zone.education)}",
            soft_wrap=True,
        )
        console.print(f"  Experience: {shown(page.zone.experience)}", soft_wrap=True)
    if page.interests:
        top = shown(", ".join(f"{i.element} {i.value:.1f}" for i in page.interests[:3]))
        console.print(f"\n[bold]Interests (RIASEC, 1–7):[/] {top}")
    if page.work_values:
        top = shown(", ".join(f"{v.element} {v.value:.1f}" for v in page.work_values[:3]))
        console.print(f"[bold]Work values:[/] {top}")
    if page.technology:
        console.print(
            f"[bold]Technology:[/] {shown(', '.join(t.example for t in page.technology))}",
            soft_wrap=True,
        )
    for wages in page.wages:
        e = wages.estimate
        top = set(e.top_coded)
        console.print(
            f"\n[bold]Wages, {shown(e.area_title)}[/] ({shown(e.year or 'OEWS')}): median "
            f"{money(e.annual_median, 'annual_median' in top)}, 10th–90th percentile "
            f"{money(e.annual_p10)} – {money(e.annual_p90, 'annual_p90' in top)}"
            + (f"; {e.employment:,} employed" if e.employment else "")
        )
        if wages.note():
            console.print(f"  {shown(wages.note())}")
    if page.related:
        related = "; ".join(f"{r.title} ({r.code})" for r in page.related)
        console.print(f"\n[bold]Related:[/] {shown(related)}", soft_wrap=True)
    console.print(
        f"\n[dim]{shown(attribution())}\nWages: {shown(WAGES_SOURCE)}.[/]", soft_wrap=True
    )
