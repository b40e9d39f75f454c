from django.urls import reverse


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


def test_htmx_is_configured_without_eval_or_injected_styles(alice_client):
    html = alice_client.get(reverse("agenda:today")).content.decode()
    assert '"allowEval": false' in html
    assert '"includeIndicatorStyles": false' in html


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


def test_session_and_csrf_cookies_are_http_only(settings):
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.CSRF_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
