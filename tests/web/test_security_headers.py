import json
import runpy
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from infointerview.accounts.services import issue_sign_in_link
from infointerview.people.services import add_person


def test_pages_carry_a_strict_content_security_policy(alice_client):
    response = alice_client.get(reverse("agenda:today"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'"


def test_pages_forbid_framing_and_sniffing(alice_client):
    response = alice_client.get(reverse("agenda:people"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


class _Tags(HTMLParser):
    """Start tags with their attributes, unescaped as a browser reads them."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def tags(response, name: str) -> list[dict[str, str]]:
    return [attrs for tag, attrs in _Tags(response.content.decode()).found if tag == name]


def test_htmx_loads_from_our_origin_with_a_config_the_policy_allows(alice_client, dana):
    signed_out = Client().get(reverse("accounts:login"))
    names = ["agenda:today", "agenda:people"]
    for page in [signed_out, *(alice_client.get(reverse(name)) for name in names)]:
        policy = page["Content-Security-Policy"]
        assert "unsafe-eval" not in policy and "unsafe-inline" not in policy
        [meta] = [m for m in tags(page, "meta") if m.get("name") == "htmx-config"]
        config = json.loads(meta["content"])  # htmx ignores a config it cannot parse
        # Each of these, left on, would need what the policy forbids: eval, inline style,
        # inline script.
        assert config["allowEval"] is False
        assert config["includeIndicatorStyles"] is False
        assert config["allowScriptTags"] is False
        sources = [script["src"] for script in tags(page, "script")]
        assert any("htmx" in src for src in sources), page.request["PATH_INFO"]
        for src in sources:
            assert src.startswith("/static/"), src
            served = alice_client.get(src)
            assert served.status_code == 200, src
            assert served["Content-Type"].startswith("text/javascript"), src


def test_htmx_requests_carry_the_pages_csrf_token_and_are_accepted(alice, dana):
    ravi = add_person(alice, "Ravi Shah", occupation="Graphic Designers")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    page = browser.get(reverse("agenda:people"))
    [body] = tags(page, "body")
    hx_headers = json.loads(body["hx-headers"])  # what htmx adds to every request it sends
    move = reverse("agenda:move_person", args=[ravi.public_id, "up"])
    refused = browser.post(move, headers={"HX-Request": "true"})
    assert refused.status_code == 403
    accepted = browser.post(move, headers={"HX-Request": "true", **hx_headers})
    assert accepted.status_code == 200
    html = accepted.content.decode()
    assert html.index("Ravi Shah") < html.index("Dana Lee")


def test_no_page_has_inline_script_or_event_handlers(alice_client, dana):
    import re

    for url in [
        reverse("agenda:today"),
        reverse("agenda:people"),
        reverse("people:add"),
        reverse("agenda:person", args=[dana.public_id]),
        reverse("careers:targets"),
        reverse("outreach:templates"),
        reverse("agenda:settings"),
    ]:
        html = alice_client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\son[a-z]+\s*=", html), url
        assert "style=" not in html, url


def cookie_flags(response, name: str) -> dict[str, str]:
    """The attributes of one Set-Cookie header, e.g. {'httponly': '', 'samesite': 'Lax'}."""
    header = response.cookies[name].output(header="").strip()
    attributes = [part.strip() for part in header.split(";")[1:]]
    return {key.lower(): value for key, _, value in (a.partition("=") for a in attributes)}


@pytest.mark.parametrize(("secure_cookies", "secure"), [("false", False), ("true", True)])
def test_session_and_csrf_cookies_are_http_only_same_site_and_secure_when_configured(
    client, alice, settings, monkeypatch, tmp_path, secure_cookies, secure
):
    import infointerview.settings as project_settings

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("INFOINTERVIEW_HOME", str(tmp_path))
    monkeypatch.setenv("INFOINTERVIEW_SECURE_COOKIES", secure_cookies)
    configured = runpy.run_path(project_settings.__file__)
    for name in ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]:
        setattr(settings, name, configured[name])

    login_page = client.get(reverse("accounts:login"))
    signed_in = client.post(
        reverse("accounts:sign_in_link", args=[issue_sign_in_link(alice, timezone.now())])
    )
    assert signed_in.status_code == 302
    for response, name in [(login_page, "csrftoken"), (signed_in, "sessionid")]:
        flags = cookie_flags(response, name)
        assert "httponly" in flags, name
        assert flags["samesite"] == "Lax", name
        assert ("secure" in flags) is secure, name
