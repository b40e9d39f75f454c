"""Every URL that accepts a POST has a test that posts to it.

Most defects found so far were in POST paths no test had ever reached. This check runs
last (tests/post_coverage.py moves it there and records every POST made through the
test Client during the session). It finds the URLs that accept a POST by asking each
one: a signed-in POST with placeholder arguments is answered 405 when the view refuses
the method, and anything else (a redirect, a form with errors, a 404 for the made-up
id) when it lets the POST in.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, converters, get_resolver, resolve
from django.urls.resolvers import RoutePattern

from infointerview.accounts.services import create_owner
from tests.post_coverage import not_recorded, recorder, why_partial

# Pages that only show something yet serve a POST like a GET. Every such page now
# refuses POST with 405 (@require_safe); a name put here must be a deliberate exception,
# and the check below fails as soon as it is not one any more.
READ_ONLY_PAGES_THAT_DO_NOT_REFUSE_POST: set[str] = set()


# Values that look like what each <str:…> of ours carries; any other name gets "placeholder".
PLAUSIBLE_STRINGS = {
    "code": "15-1252.00",
    "direction": "up",
    "channel": "email",
    "token": "not-a-real-token",
}


@dataclass
class Probe:
    url: str
    post: int
    get: int
    post_templates: list[str]
    get_templates: list[str]


def _placeholder(name: str, converter) -> str:
    if isinstance(converter, converters.UUIDConverter):
        return converter.to_url(uuid.uuid4())
    if isinstance(converter, converters.IntConverter):
        return converter.to_url(1)
    if isinstance(converter, converters.PathConverter):
        return "placeholder/path"
    if isinstance(converter, converters.StringConverter):  # str and slug
        return converter.to_url(PLAUSIBLE_STRINGS.get(name, "placeholder"))
    pytest.fail(f"no placeholder for the <{type(converter).__name__}:{name}> converter")


def _route(pattern) -> str:
    if not isinstance(pattern, RoutePattern):
        pytest.fail(f"cannot build a URL for {pattern!r}: only path() routes are probed")
    return re.sub(
        r"<(?:[^>:]+:)?([^>]+)>",
        lambda found: _placeholder(found[1], pattern.converters[found[1]]),
        str(pattern),
    )


def every_url(patterns=None, prefix: str = "/") -> list[str]:
    """One concrete URL per pattern, namespaces and includes walked recursively."""
    urls = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            urls += every_url(entry.url_patterns, prefix + _route(entry.pattern))
        elif isinstance(entry, URLPattern):
            urls.append(prefix + _route(entry.pattern))
    return urls


def probe_every_url() -> dict[str, Probe]:
    """How each URL answers a signed-in POST and GET; the answers are not recorded as tests."""
    prober = create_owner("post-prober")
    client = Client(raise_request_exception=False)
    probes = {}
    with not_recorded():
        for url in every_url():
            name = resolve(url).view_name
            client.force_login(prober, backend="django.contrib.auth.backends.ModelBackend")
            post = client.post(url)
            client.force_login(prober, backend="django.contrib.auth.backends.ModelBackend")
            get = client.get(url)
            probes[name] = Probe(
                url=url,
                post=post.status_code,
                get=get.status_code,
                post_templates=[t.name for t in post.templates],
                get_templates=[t.name for t in get.templates],
            )
    return probes


@pytest.mark.django_db
def test_every_url_that_accepts_a_post_has_a_test_that_posts_to_it(request):
    partial = why_partial(request.session)
    if partial:
        pytest.skip(f"POST coverage is only judged when the whole suite runs: {partial}")
    probes = probe_every_url()
    accepting = {name for name, probe in probes.items() if probe.post != 405}
    to_test = accepting - READ_ONLY_PAGES_THAT_DO_NOT_REFUSE_POST
    reached = recorder.names_posted_to()
    refused_only = sorted(to_test & set(recorder.posts) - reached)
    untested = sorted(to_test - set(recorder.posts))
    problems = []
    if untested:
        problems.append("No test posts to these URLs:")
        problems += [f"  {name}  (POST {probes[name].url})" for name in untested]
    if refused_only:
        problems.append("Tests post to these only to be refused (404, 405, 403 or sign-in):")
        problems += [
            f"  {name}  by {sorted({p.test for p in recorder.posts[name]})}"
            for name in refused_only
        ]
    if problems:
        problems.append(
            "Write a test that posts to each as its owner and checks what changed; "
            "a page that only shows something should refuse POST (@require_safe)."
        )
        if request.session.testsfailed:
            problems.append(
                f"({request.session.testsfailed} tests failed earlier in this run; "
                "a POST they never reached is missing here too.)"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_read_only_pages_listed_still_serve_a_post_like_a_get():
    probes = probe_every_url()
    stale = []
    for name in sorted(READ_ONLY_PAGES_THAT_DO_NOT_REFUSE_POST):
        probe = probes.get(name)
        if probe is None:
            stale.append(f"{name}: no such URL any more")
        elif probe.post == 405:
            stale.append(f"{name}: now refuses POST, so take it off the list")
        elif (probe.post, probe.post_templates) != (probe.get, probe.get_templates):
            stale.append(
                f"{name}: answers POST with {probe.post} {probe.post_templates} but GET with "
                f"{probe.get} {probe.get_templates}, so it handles POST and needs a test"
            )
    assert not stale, "\n".join(stale)
