import ipaddress

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import etag, require_POST, require_safe

from infointerview.agenda import calendar
from infointerview.interviews.services import get_interview
from infointerview.outreach.services import get_request

FEED_KEPT_SECONDS = 900


def _ics(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _feed_version(request: HttpRequest, token: str) -> str:
    """Looked up once: the view below reuses the owner and version the ETag was made from."""
    request.feed_owner, request.feed_now = calendar.owner_of_feed(token), timezone.now()
    request.feed_version = calendar.feed_version(request.feed_owner, request.feed_now)
    return request.feed_version


@require_safe
@cache_control(private=True, max_age=FEED_KEPT_SECONDS)
@etag(_feed_version)
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscription feed: no sign-in, the secret token is the key."""
    owner = request.feed_owner
    key = f"calendar-feed:{owner.pk}:{request.feed_version}"
    feed_text = cache.get(key)
    if feed_text is None:  # calendars ask every few minutes; build it once per change
        feed_text = calendar.upcoming_ics(owner, request.feed_now)
        cache.set(key, feed_text, FEED_KEPT_SECONDS)
    return HttpResponse(feed_text, content_type="text/calendar")


@login_required
@require_safe
def export(request: HttpRequest) -> HttpResponse:
    return _ics(calendar.upcoming_ics(request.user, timezone.now()), "infointerview.ics")


@login_required
@require_safe
def call(request: HttpRequest, public_id: str) -> HttpResponse:
    contact = get_request(request.user, public_id)
    return _ics(calendar.call_ics(contact, timezone.now()), f"call-{contact.public_id}.ics")


@login_required
@require_safe
def interview_ics(request: HttpRequest, public_id: str) -> HttpResponse:
    interview = get_interview(request.user, public_id)
    return _ics(
        calendar.interview_ics(interview, timezone.now()), f"interview-{interview.public_id}.ics"
    )


def _on_loopback(request: HttpRequest) -> bool:
    """Served at 127.0.0.1 or localhost: calendar services on the internet cannot reach it."""
    host, _ = split_domain_port(request.get_host())
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _page(request: HttpRequest, **context) -> HttpResponse:
    context["on_loopback"] = _on_loopback(request)
    return render(request, "agenda/calendar.html", context)


@login_required
@require_safe
def calendar_page(request: HttpRequest) -> HttpResponse:
    """The address is not stored, so this page says when it was made and offers a new one."""
    return _page(request, feed=calendar.feed_of(request.user))


@login_required
@require_POST
def new_feed_address(request: HttpRequest) -> HttpResponse:
    """Shows the new address in its answer: the only time it is ever shown."""
    replaced = calendar.feed_of(request.user) is not None
    token = calendar.new_feed_token(request.user)
    address = request.build_absolute_uri(reverse("agenda:feed", args=[token]))
    if replaced:
        messages.success(request, "New address made; the old one no longer works.")
    return _page(request, address=address)
