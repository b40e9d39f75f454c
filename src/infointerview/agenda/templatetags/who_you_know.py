"""Sections any page can show: who you know in an occupation, and whom a person knows."""

from django import template

from infointerview.agenda import who_you_know as network
from infointerview.agenda.views.who_you_know import KnowsForm
from infointerview.careers.services import target_for_code
from infointerview.people.acquaintances import acquaintances_of

register = template.Library()


@register.inclusion_tag("agenda/_who_you_know.html", takes_context=True)
def who_you_know(context, onet_code: str) -> dict:
    """On an occupation's page, when it is on the shortlist."""
    owner = context["request"].user
    target = target_for_code(owner, onet_code)
    found = network.who_you_know(owner, target) if target is not None else None
    return {"found": found, "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("agenda/_who_you_know_shortlist.html", takes_context=True)
def who_you_know_on_shortlist(context, targets) -> dict:
    owner = context["request"].user
    return {"counts": network.counts_for_shortlist(owner, list(targets))}


@register.inclusion_tag("agenda/_who_you_know_person.html", takes_context=True)
def whom_they_know(context, person) -> dict:
    """On a person's page: whom they know, and asking one of them for an introduction."""
    owner = context["request"].user
    return {
        "person": person,
        "acquaintances": acquaintances_of(owner, person),
        "knows_form": KnowsForm(auto_id="knows_%s"),
        "csrf_token": context.get("csrf_token"),
    }
