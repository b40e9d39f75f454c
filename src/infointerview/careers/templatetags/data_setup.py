"""The panel that offers the O*NET and wage data, for Explore and the occupation pages."""

from django import template

from infointerview.careers.data_views import panel_context

register = template.Library()


@register.inclusion_tag("careers/_data_setup.html", takes_context=True)
def data_panel(context) -> dict:
    return {**panel_context(context["request"]), "csrf_token": context.get("csrf_token")}
