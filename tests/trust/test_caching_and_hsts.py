"""Private pages are never kept by a cache; HSTS is sent when a deployment asks for it."""

import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

import infointerview.settings as project_settings
from infointerview.agenda.calendar import new_feed_token
from infointerview.interviews.services import schedule
from infointerview.lib import env
from tests.conftest import at


def test_private_pages_and_files_send_no_store(alice_client, alice, dana):
    interview = schedule(alice, dana, at("2026-12-10 14:30"))
    for url in [
        reverse("agenda:today"),
        reverse("agenda:person", args=[dana.public_id]),
        reverse("agenda:settings"),
        reverse("agenda:calendar"),
        reverse("agenda:export_json"),
        reverse("agenda:export_people_csv"),
        reverse("agenda:export"),
        reverse("agenda:interview_ics", args=[interview.public_id]),
    ]:
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store", url


def test_sign_in_pages_and_refusals_send_no_store(bob_client, dana):
    anonymous = Client()
    assert "no-store" in anonymous.get(reverse("accounts:login"))["Cache-Control"]
    assert anonymous.get(reverse("agenda:today"))["Cache-Control"] == "no-store"
    refused = bob_client.get(reverse("agenda:person", args=[dana.public_id]))
    assert refused.status_code == 404 and refused["Cache-Control"] == "no-store"


def test_the_feed_keeps_its_short_private_caching_also_when_not_modified(client, alice):
    url = reverse("agenda:feed", args=[new_feed_token(alice)])
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "private, max-age=900"
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["Cache-Control"] == "private, max-age=900"


def test_static_files_stay_cacheable(client):
    response = client.get("/static/infointerview/app.js")
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]


def configured(monkeypatch, tmp_path, **environment) -> dict:
    """settings.py read afresh, as a start with this environment would read it."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("INFOINTERVIEW_HOME", str(tmp_path))
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(project_settings.__file__)


def test_hsts_is_off_unless_the_deployment_sets_it(monkeypatch, tmp_path, client, settings):
    assert configured(monkeypatch, tmp_path)["SECURE_HSTS_SECONDS"] == 0
    year = configured(monkeypatch, tmp_path, INFOINTERVIEW_HSTS_SECONDS="31536000")
    settings.SECURE_HSTS_SECONDS = year["SECURE_HSTS_SECONDS"]
    login = reverse("accounts:login")
    assert client.get(login, secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get(login)  # plain HTTP: browsers ignore it


@pytest.mark.parametrize("value", ["a year", "-1", "1.5"])
def test_a_bad_hsts_value_stops_start_up_naming_the_variable(monkeypatch, tmp_path, value):
    with pytest.raises(ImproperlyConfigured, match=f"INFOINTERVIEW_HSTS_SECONDS='{value}'"):
        configured(monkeypatch, tmp_path, INFOINTERVIEW_HSTS_SECONDS=value)


def test_seconds_are_whole_and_not_negative():
    assert env.whole_seconds({"S": " 300 "}, "S", 0) == 300
    assert env.whole_seconds({"S": ""}, "S", 7) == 7
    assert env.whole_seconds({}, "S", 7) == 7
    with pytest.raises(env.SettingError, match="S='-5' is not a number of seconds"):
        env.whole_seconds({"S": "-5"}, "S", 0)
