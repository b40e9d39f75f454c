"""Django's own markup for the common form widgets, written without going through templates.

A widget drawn through its templates (the input, then its attributes, then each option)
costs about half a millisecond; a page with two small forms spent more on them than on
its data. The markup is that of Django's templates of the same names, which
tests/web/test_form_renderer.py compares it with; anything else is drawn by templates.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from django.forms.renderers import TemplatesSetting
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"
# Every one of these is Django's input.html and nothing else.
INPUTS = ["input", "text", "email", "number", "url", "password", "hidden", "checkbox"]
INPUTS += ["date", "datetime", "time", "search", "tel", "color"]


def _text(value: object) -> str:
    """`{{ value }}`: localised and escaped as a template writes it."""
    shown = localize(template_localtime(value))
    return conditional_escape(shown if isinstance(shown, str) else str(shown))


def escaped(value: object) -> str:
    """`{{ value|stringformat:'s' }}`: what `conditional_escape` gives, without the lazy-text
    check it pays on every call, which hundreds of options a page add up."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{escaped(widget["value"])}"'
    return (
        f'<input type="{escaped(widget["type"])}" name="{escaped(widget["name"])}"'
        f"{value}{_attrs(widget['attrs'])}>"
    )


def _input_option(widget: dict) -> str:
    """A radio button or a checkbox of a group, drawn one by one (`radio.tag`)."""
    tag = _input(widget)
    if not widget.get("wrap_label"):
        return tag
    target = widget["attrs"].get("id")
    label_for = f' for="{_text(target)}"' if target else ""
    return f"<label{label_for}>{tag}\n {_text(widget['label'])}</label>"


def _textarea(widget: dict) -> str:
    value = _text(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{escaped(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'
    )


def _option(option: dict) -> str:
    return (
        f'<option value="{escaped(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_text(option['label'])}</option>"
    )


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{escaped(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != f"{WIDGETS}select_option.html":
                return None
            parts.append(f"\n  {_option(option)}\n")  # the option's template ends a line
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


DRAWN: dict[str, Callable[[dict], str | None]] = {
    **{f"{WIDGETS}{name}.html": _input for name in INPUTS},
    **{f"{WIDGETS}{name}_option.html": _input_option for name in ("radio", "checkbox", "input")},
    f"{WIDGETS}textarea.html": _textarea,
    f"{WIDGETS}select.html": _select,
}


class FormRenderer(TemplatesSetting):
    """The project's templates for forms, with the common widgets drawn in Python."""

    def render(self, template_name, context, request=None) -> SafeString:
        draw = DRAWN.get(template_name)
        drawn = draw(context["widget"]) if draw else None
        if drawn is None:
            return super().render(template_name, context, request)
        return mark_safe(drawn)
