"""The form that records what happened on a call, for any page that shows a person."""

from django import template
from django.utils import timezone

from infointerview.accounts.services import profile_for
from infointerview.agenda.forms import LogForm

register = template.Library()


@register.inclusion_tag("agenda/_log_form.html", takes_context=True)
def outcome_form(context, person) -> dict:
    owner = context["request"].user
    return {
        "person": person,
        "log_form": context.get("log_form")
        or LogForm(initial={"on": profile_for(owner).today(timezone.now())}),
        "csrf_token": context.get("csrf_token"),
    }
