"""Deleting an account leaves nothing of the user in any table, and nothing of anyone else goes.

Alice and bob each get a row in every table the app has (through the services, as the
pages and commands make them), sessions, sign-in links, a calendar feed and sign-in
attempts. After alice's account is deleted, every table is searched for her.
"""

import os
from importlib import import_module
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.db import models
from django.db.models import Q
from django.test import Client
from django.urls import reverse

from infointerview.accounts.services import create_owner, issue_sign_in_link
from infointerview.accounts.tables import user_tables
from infointerview.agenda.account_deletion import delete_account, what_will_be_removed
from infointerview.agenda.export import export_data
from infointerview.agenda.merging import mark_different
from infointerview.careers.goals import save_goals
from infointerview.careers.interests import profile_from_code, save_answers
from infointerview.careers.services import add_target
from infointerview.interviews import afterwards, planning, research
from infointerview.interviews.services import reschedule, schedule
from infointerview.lib.env import home_dir
from infointerview.outreach.services import draft, log_outcome, save_template
from infointerview.people.acquaintances import record_knows
from infointerview.people.imports import pending as pending_uploads
from infointerview.people.imports.batch import import_contacts
from infointerview.people.leads import add_lead, log_lead_call
from infointerview.people.services import add_person
from tests.conftest import NOW, WEDNESDAY, at

AXES = [AccessAttempt, AccessLog, AccessFailureLog]


def fill_every_table(user, word: str) -> None:
    """A row of `user` in every table, each holding `word` where it holds text."""
    add_target(user, f"{word} Designers", level="entry")
    save_answers(user, {"1": "like"})
    profile_from_code(user, "AES", NOW)
    save_goals(user, min_wage=50000, work_values=["Independence"])
    friend = add_person(user, f"{word} Friend", occupation=f"{word} Designers")
    person = add_person(
        user, f"{word} Person", occupation=f"{word} Designers", introduced_by=friend
    )
    record_knows(user, friend, person, note=f"{word} neighbours")
    contacts = Path(__file__).parents[1] / "people" / "files" / "vcard_4_0.vcf"
    import_contacts(user, contacts, now=NOW)
    mark_different(user, friend, add_person(user, f"{word} Friend", allow_duplicate=True))
    lead = add_lead(user, f"{word} Studio", f"{word} Designers")
    log_lead_call(user, lead, "no-answer", WEDNESDAY, today=WEDNESDAY, note=f"{word} rang")
    draft(user, person, "phone", today=WEDNESDAY)
    log_outcome(user, person, "no-answer", on=WEDNESDAY, note=f"{word} rang twice")
    save_template(user, "email", f"{word} hello", f"{word} wording {{{{ their_name }}}}")
    interview = schedule(user, person, at("2026-12-10 14:30"))
    reschedule(user, interview, at("2026-12-11 14:30"), reason=f"{word} moved")
    planning.build_plan(user, interview)
    afterwards.record_learning(
        user, interview, learned=f"{word} learned", insights={"pros": f"{word} pros"}, now=NOW
    )
    afterwards.thank_you(user, interview)
    research.add_entry(user, subject="person", title=f"{word} research", interview=interview)
    issue_sign_in_link(user, NOW)
    for _ in range(2):  # two browsers signed in (which logs it); one makes a calendar feed address
        browser = Client()
        browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert browser.post(reverse("agenda:new_feed_address")).status_code in (200, 302)
    # A failed attempt after them: signing in clears the attempts before it.
    for model in AXES:
        extra = {"get_data": "", "post_data": "", "failures_since_start": 1}
        model.objects.create(
            username=user.get_username(),
            ip_address="127.0.0.1",
            user_agent=f"{word} browser",
            http_accept="*/*",
            path_info="/accounts/login/",
            **(extra if model is AccessAttempt else {}),
        )


@pytest.fixture
def everyone(alice, bob):
    fill_every_table(alice, "Saffron")
    fill_every_table(bob, "Cobalt")
    return alice, bob


def session_owners() -> list[str]:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return [
        store().decode(row.session_data).get(SESSION_KEY)
        for row in store.get_model_class().objects.all()
    ]


def text_fields(model) -> list[str]:
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def rows_holding(word: str) -> dict[str, int]:
    """Every row of every table with `word` in any of its text, by table."""
    found = {}
    for model in apps.get_models():
        fields = text_fields(model)
        if not fields:
            continue
        matches = Q()
        for name in fields:
            matches |= Q(**{f"{name}__icontains": word})
        count = model.objects.filter(matches).count()
        if count:
            found[model._meta.label] = count
    return found


def rows_linking_to_missing_rows() -> dict[str, int]:
    """Rows whose foreign keys point at a row that is gone (SQLite checks only at commit)."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not field.many_to_one and not field.one_to_one:
                continue
            related = field.related_model._default_manager.values("pk")
            dangling = (
                model._default_manager.exclude(**{f"{field.attname}__isnull": True})
                .exclude(**{f"{field.attname}__in": related})
                .count()
            )
            if dangling:
                found[f"{model._meta.label}.{field.name}"] = dangling
    return found


def rows_owned_by(user_pk: int) -> dict[str, int]:
    """Rows of every table with a link to this user's id, whatever the link is called."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is get_user_model():
                count = model._default_manager.filter(**{field.attname: user_pk}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def test_before_it_every_table_that_links_to_users_holds_some_of_each(everyone):
    alice, _ = everyone
    assert all(what_will_be_removed(alice).values()), what_will_be_removed(alice)
    links_to_users = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is get_user_model()
    }
    assert set(rows_owned_by(alice.pk)) == links_to_users
    assert {f"{table.model._meta.label}.owner" for table in user_tables()} <= links_to_users
    assert str(alice.pk) in session_owners()


def test_nothing_of_the_user_remains_in_any_table_and_the_other_user_keeps_all(everyone):
    alice, bob = everyone
    alice_pk = alice.pk
    bobs = (export_data(bob, NOW), what_will_be_removed(bob))

    removed = delete_account(alice)

    # two typed, one imported from a vCard, one look-alike kept apart
    assert removed["people"] == 4 and removed["signed-in sessions"] == 2
    assert not get_user_model().objects.filter(pk=alice_pk).exists()
    assert rows_owned_by(alice_pk) == {}
    assert rows_holding("Saffron") == {}
    assert rows_holding("alice") == {}
    assert rows_linking_to_missing_rows() == {}
    assert str(alice_pk) not in session_owners()
    assert not any(model.objects.filter(username="alice").exists() for model in AXES)
    assert (export_data(bob, NOW), what_will_be_removed(bob)) == bobs
    assert session_owners().count(str(bob.pk)) == 2


def test_a_session_recorded_under_no_user_is_found_by_what_it_holds(alice):
    client = Client()
    client.force_login(alice, backend="django.contrib.auth.backends.ModelBackend")
    model = import_module(settings.SESSION_ENGINE).SessionStore.get_model_class()
    if any(field.name == "user" for field in model._meta.concrete_fields):
        model.objects.update(user=None)  # as saved before users were recorded on sessions
    assert what_will_be_removed(alice)["signed-in sessions"] == 1
    delete_account(alice)
    assert model.objects.count() == 0


def test_a_user_with_nothing_yet_is_deleted_too(db):
    user = get_user_model().objects.create_user("newcomer")
    delete_account(user)
    assert not get_user_model().objects.exists()


def test_deleting_the_only_account_does_not_leave_the_next_command_without_one(db):
    user = create_owner("solo")
    delete_account(user)
    assert rows_owned_by(user.pk) == {}


def test_contacts_files_waiting_for_an_import_go_with_the_account(
    alice, bob, tmp_path, monkeypatch
):
    monkeypatch.setenv("INFOINTERVIEW_HOME", str(tmp_path))
    contacts = Path(__file__).parents[1] / "people" / "files" / "vcard_4_0.vcf"
    for owner in (alice, bob):
        with contacts.open("rb") as stream:
            pending_uploads.keep(owner, stream, "contacts.vcf")
    uploads = home_dir(os.environ) / pending_uploads.FOLDER_NAME
    assert len(list(uploads.iterdir())) == 2

    removed = delete_account(alice)

    assert removed["contacts files waiting for an import"] == 1
    assert [p.name.split("-")[0] for p in uploads.iterdir()] == [str(bob.pk)]


def test_sign_in_records_under_the_name_typed_in_another_case_go_too(alice, db):
    other = get_user_model().objects.create_user("Alice")  # a second account, its own name
    for typed in ("alice", "ALICE", "Alice", "bob"):
        AccessFailureLog.objects.create(
            username=typed, ip_address="127.0.0.1", user_agent="x", path_info="/"
        )
    delete_account(alice)
    assert sorted(AccessFailureLog.objects.values_list("username", flat=True)) == ["Alice", "bob"]
    assert get_user_model().objects.filter(pk=other.pk).exists()
