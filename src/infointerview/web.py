"""What the web views share: turning user errors into pages and messages, and no caching."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.forms.utils import flatatt
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.defaults import page_not_found

from infointerview.form_renderer import escaped
from infointerview.lib import long_writes
from infointerview.lib.errors import NotFound, UserError


class UserErrorMiddleware:
    """Another user's id, or one that never existed, is a 404 like any other.

    A write that gave up waiting for a long import is a page saying what is running,
    not a 500: nothing was saved, and the same form can simply be sent again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, NotFound):
            return page_not_found(request, exception)
        if isinstance(exception, UserError):
            messages.error(request, str(exception))
            return redirect(back_url(request))
        if long_writes.is_busy(exception):
            return busy_page(request)
        return None


def busy_page(request: HttpRequest) -> HttpResponse:
    message = long_writes.busy_message(timezone.get_current_timezone())
    context = {"message": message, "back": back_url(request)}
    response = render(request, "busy.html", context, status=503)
    response["Retry-After"] = "60"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, with the log's place on a personal install so the fault can be reported.

    Rendered without the request's context: nothing in it may need the session, the user
    or the database, which may be what failed. A career center (PostgreSQL) keeps its log
    on the server, where a student cannot read it.
    """
    personal = not settings.DATABASE_URL
    context = {"personal": personal, "log_file": settings.LOG_FILE if personal else None}
    return HttpResponseServerError(loader.render_to_string("500.html", context))


class NoStoreMiddleware:
    """Pages hold private notes: no browser or proxy keeps a copy, unless a view says otherwise.

    A view that sets its own Cache-Control (the calendar feed) keeps it. Static files are
    answered by WhiteNoise before this runs, so they stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response


def back_url(request: HttpRequest) -> str:
    """The page the user came from, when it is one of ours."""
    referer = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        return referer
    return reverse("agenda:today")


def form_errors(form) -> str:
    """A form's problems as one message line, for pages that redirect instead of re-rendering."""

    def label(name: str) -> str:
        field = form.fields.get(name)
        return str(field.label or name.replace("_", " ")) if field else "Form"

    return "; ".join(f"{label(name)}: {' '.join(errors)}" for name, errors in form.errors.items())


def refused_on_form(form, error: UserError) -> None:
    """Show a refusal beside the field it is about, or above the form."""
    field = getattr(error, "field", None)
    form.add_error(field if field in form.fields else None, str(error))


class LongSelect(forms.Select):
    """A select of hundreds of options (time zones, wage areas) written in one pass.

    Django draws each option through a template of its own, which at that size costs a
    page tens of milliseconds, and even `format_html` per option costs several. Flat
    choices only; grouped ones are drawn as Django does.
    """

    def render(self, name, value, attrs=None, renderer=None) -> str:
        if any(isinstance(label, list | tuple) for _, label in self.choices):
            return super().render(name, value, attrs, renderer)
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escaped(choice)}"'
            f"{' selected' if str(choice) in chosen else ''}>{escaped(label)}</option>"
            for choice, label in self.choices
        )
        final = {**self.build_attrs(self.attrs, attrs), "name": name}
        return format_html("<select{}>{}</select>", flatatt(final), mark_safe(options))
