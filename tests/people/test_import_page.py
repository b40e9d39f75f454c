"""Importing contacts on the web: the same preview as the command line, checked on confirm."""

import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infointerview.people.models import ImportBatch, Person
from infointerview.people.services import add_person

FILES = Path(__file__).parent / "files"


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("INFOINTERVIEW_HOME", str(tmp_path))
    return tmp_path


def upload(client, name: str, content: bytes | None = None, **fields):
    content = (FILES / name).read_bytes() if content is None else content
    return client.post(
        reverse("people:import_contacts"),
        {"file": SimpleUploadedFile(name, content), **fields},
    )


def token_of(response) -> str:
    return response.context["confirm"].initial["token"]


def waiting_files(folder: Path) -> list[Path]:
    return sorted((folder / "uploads").glob("*")) if (folder / "uploads").exists() else []


def test_the_people_page_offers_the_import(alice_client):
    page = alice_client.get(reverse("agenda:people")).content.decode()
    assert reverse("people:import_contacts") in page
    form = alice_client.get(reverse("people:import_contacts")).content.decode()
    assert 'enctype="multipart/form-data"' in form and "LinkedIn" in form


def test_the_preview_says_what_would_happen_and_saves_nothing(alice_client, alice, dana):
    response = upload(alice_client, "Connections.csv")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: Connections.csv" in page
    assert "<strong>5</strong> new to add" in page
    assert "Line 5 · Dana Lee</strong> — merged: already listed as Dana Lee" in page
    assert Person.objects.count() == 1 and not ImportBatch.objects.exists()


def test_confirming_imports_once_and_forgets_the_upload(alice_client, alice, data_folder):
    token = token_of(upload(alice_client, "alumni_list.csv"))
    response = alice_client.post(reverse("people:confirm_import"), {"token": token})
    assert response.status_code == 302 and response.url == reverse("agenda:people")
    assert Person.objects.filter(owner=alice).count() == 3
    assert ImportBatch.objects.get().file_name == "alumni_list.csv"
    assert waiting_files(data_folder) == []
    again = alice_client.post(reverse("people:confirm_import"), {"token": token})
    assert again.status_code == 404
    assert Person.objects.filter(owner=alice).count() == 3


def test_a_confirmation_after_the_people_changed_shows_the_new_preview(alice_client, alice):
    token = token_of(upload(alice_client, "alumni_list.csv", source="association"))
    add_person(alice, "Avery Johnson", emails=["avery.johnson@example.edu"])
    response = alice_client.post(reverse("people:confirm_import"), {"token": token})
    page = response.content.decode()
    assert response.status_code == 200
    assert "your people changed since the preview" in page
    assert "<strong>1</strong> already listed, to merge with" in page
    assert Person.objects.filter(owner=alice).count() == 1
    alice_client.post(reverse("people:confirm_import"), {"token": token_of(response)})
    assert {p.source for p in Person.objects.filter(owner=alice)} == {"friend", "association"}


def test_a_hostile_file_is_refused_in_one_line_and_nothing_is_kept(
    alice_client, alice, data_folder
):
    response = upload(alice_client, "contacts.vcf", b"BEGIN:VCARD\r\nFN:\x00\r\n")
    assert response.status_code == 400
    assert "contacts.vcf line 2: holds a zero byte: is this the right file?" in (
        response.content.decode()
    )
    assert not Person.objects.exists() and waiting_files(data_folder) == []


def test_an_unknown_column_mapping_is_refused_beside_its_field(alice_client):
    response = upload(alice_client, "alumni_list.csv", mapping="age=Age")
    assert response.status_code == 400
    assert "columns: no field “age”" in response.content.decode()


def test_another_user_cannot_confirm_alices_upload(alice_client, alice, client, bob):
    token = token_of(upload(alice_client, "alumni_list.csv"))
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("people:confirm_import"), {"token": token})
    assert response.status_code == 404
    assert not Person.objects.exists()


def test_a_damaged_token_goes_back_to_the_form(alice_client):
    response = alice_client.post(reverse("people:confirm_import"), {"token": "../../etc"})
    assert response.status_code == 302 and response.url == reverse("people:import_contacts")


def test_an_upload_left_unconfirmed_for_a_day_is_removed_at_the_next(alice_client, data_folder):
    token = token_of(upload(alice_client, "alumni_list.csv"))
    [left] = waiting_files(data_folder)
    day_and_more = left.stat().st_mtime - 25 * 3600
    os.utime(left, (day_and_more, day_and_more))
    upload(alice_client, "vcard_4_0.vcf")
    assert left not in waiting_files(data_folder) and len(waiting_files(data_folder)) == 1
    response = alice_client.post(reverse("people:confirm_import"), {"token": token})
    assert response.status_code == 404
