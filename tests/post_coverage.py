"""Every URL that accepts a POST has a test that posts to it: the recording half.

A pytest plugin (loaded from tests/conftest.py) that wraps `django.test.Client.request`
for the whole session and remembers, per view name (`namespace:url_name`, exactly as
`resolve()` gives it), each POST a test made and how it was answered. The check itself
is tests/web/test_every_post_is_tested.py, which this plugin moves to the end of the run
and lets fail only when the whole suite was selected.
"""

from __future__ import annotations

import os
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CHECK_MODULE = TESTS / "web" / "test_every_post_is_tested.py"
# Playwright drives Chromium against a live server, never the test Client, so what the
# browser tests post cannot be recorded here; leaving them out is not a partial run.
NOT_RECORDABLE = [TESTS / "browser"]


@dataclass
class Post:
    test: str
    status: int | None  # None: the view raised and the test Client re-raised it
    reached_view: bool


@dataclass
class Recorder:
    posts: dict[str, list[Post]] = field(default_factory=lambda: defaultdict(list))
    paused: bool = False
    deselected: int = 0

    def names_posted_to(self) -> set[str]:
        """View names that at least one POST reached (not refused on the way in)."""
        return {name for name, posts in self.posts.items() if any(p.reached_view for p in posts)}


recorder = Recorder()


@contextmanager
def not_recorded():
    """For the check's own probing POSTs, which must not count as tests of anything."""
    recorder.paused, before = True, recorder.paused
    try:
        yield
    finally:
        recorder.paused = before


def _reached_view(response) -> bool:
    """False when the POST was stopped before the view's own code: 404, 405, CSRF, sign-in."""
    from django.conf import settings
    from django.shortcuts import resolve_url

    if response.status_code in (403, 404, 405):
        return False
    if response.status_code == 302:
        return not response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?")
    return True


def _record(request: dict, response) -> None:
    from django.urls import Resolver404, resolve

    if recorder.paused or request.get("REQUEST_METHOD") != "POST":
        return
    try:
        name = resolve(request["PATH_INFO"]).view_name
    except Resolver404:
        return
    test = os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" ", 1)[0]
    if response is None:
        recorder.posts[name].append(Post(test, None, True))
    else:
        recorder.posts[name].append(Post(test, response.status_code, _reached_view(response)))


def pytest_configure(config):
    from django.test import Client

    original = Client.request

    def recording_request(self, **request):
        response = None
        try:
            response = original(self, **request)
        finally:
            _record(request, response)
        return response

    Client.request = recording_request
    config.stash[_original_key] = original


def pytest_unconfigure(config):
    from django.test import Client

    original = config.stash.get(_original_key, None)
    if original is not None:
        Client.request = original


_original_key = pytest.StashKey()


def pytest_deselected(items):
    recorder.deselected += len(items)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(session, config, items):
    # Outermost wrapper: runs after every other plugin has filtered and reordered.
    result = yield
    last = [item for item in items if item.path == CHECK_MODULE]
    items[:] = [item for item in items if item.path != CHECK_MODULE] + last
    return result


def why_partial(session) -> str | None:
    """Why this run cannot judge POST coverage, or None when the whole suite was selected."""
    config = session.config
    if hasattr(config, "workerinput"):
        return "tests ran in several processes; each recorded only its own POSTs"
    if recorder.deselected:
        return f"{recorder.deselected} tests were deselected (-k, -m, --deselect or --lf)"
    if any("::" in arg for arg in config.args):
        return "single tests were named on the command line"
    patterns = config.getini("python_files")
    on_disk = {
        path
        for pattern in patterns
        for path in TESTS.rglob(pattern)
        if not any(path.is_relative_to(skip) for skip in NOT_RECORDABLE)
    }
    collected = {item.path for item in session.items}
    missing = sorted(str(path.relative_to(TESTS.parent)) for path in on_disk - collected)
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        return f"{len(missing)} test files were not selected ({shown})"
    return None
