"""An import adds the people a file names once, says why, and never undoes the user's edits."""

import shutil
from pathlib import Path

import pytest

from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.people.imports.batch import PlanChanged, import_contacts
from infointerview.people.models import ImportBatch, ImportedPerson, Person, Source
from infointerview.people.services import add_person, same_person_as, update_person
from tests.careers.onet_fixture import write_release
from tests.conftest import NOW

FILES = Path(__file__).parent / "files"


def run(owner, name: str, **options):
    return import_contacts(owner, FILES / name, now=NOW, **options)


def snapshot(owner):
    return sorted(
        (p.name, p.organization, p.job_title, tuple(p.emails), p.notes, p.updated_at)
        for p in Person.objects.filter(owner=owner)
    )


def test_a_linkedin_import_creates_people_on_no_list_with_its_batch(alice):
    plan, batch = run(alice, "Connections.csv")
    assert plan.counts["created"] == 6
    people = Person.objects.filter(owner=alice)
    assert people.count() == 6
    assert {p.target_id for p in people} == {None}
    assert {p.source for p in people} == {Source.COWORKER}
    assert {p.source_detail for p in people} == {"LinkedIn connections: Connections.csv"}
    assert (batch.file_name, batch.file_format, batch.imported_at) == (
        "Connections.csv",
        "linkedin",
        NOW,
    )
    assert batch.counts["created"] == 6 and len(batch.checksum) == 64
    assert {link.person for link in batch.people.all()} == set(people)


def test_the_same_file_twice_changes_nothing(alice):
    for name in ("Connections.csv", "apple_3_0.vcf", "google_contacts_2019.csv", "alumni_list.csv"):
        run(alice, name)
    before = snapshot(alice)
    batches = ImportBatch.objects.count()
    for name in ("Connections.csv", "apple_3_0.vcf", "google_contacts_2019.csv", "alumni_list.csv"):
        plan, batch = run(alice, name)
        assert batch is None
        assert plan.counts["created"] == plan.counts["updated"] == plan.counts["merged"] == 0
    assert snapshot(alice) == before
    assert ImportBatch.objects.count() == batches


def test_a_dry_run_writes_nothing_and_says_what_would_happen(alice, dana):
    before = snapshot(alice)
    plan, batch = run(alice, "Connections.csv", dry_run=True)
    assert batch is None
    assert snapshot(alice) == before
    assert not ImportBatch.objects.exists() and not ImportedPerson.objects.exists()
    dana_row = next(step for step in plan.steps if step.name == "Dana Lee")
    assert (dana_row.outcome, dana_row.why) == (
        "merged",
        "already listed as Dana Lee (same name and organization)",
    )
    assert plan.counts == {
        "created": 5,
        "updated": 0,
        "merged": 1,
        "unchanged": 0,
        "skipped": 0,
        "conflicts": 0,
    }


def test_someone_already_listed_gets_blanks_filled_and_keeps_what_the_user_wrote(alice, dana):
    update_person(
        alice,
        dana,
        name="Dana Lee",
        occupation=dana.target,
        emails=dana.emails,
        organization="Brightline Studio",
        job_title="Designer",
    )
    plan, _ = run(alice, "Connections.csv")
    dana.refresh_from_db()
    assert dana.linkedin_url == "https://www.linkedin.com/in/dana-lee-4b1a27"
    assert dana.job_title == "Designer"
    assert dana.target.name == "Graphic Designers"
    step = next(step for step in plan.steps if step.name == "Dana Lee")
    assert step.conflicts == ["job title: kept 'Designer', the file says 'Junior Designer'"]
    assert Person.objects.filter(owner=alice, name="Dana Lee").count() == 1


def test_a_field_the_import_set_follows_the_file_until_the_user_changes_it(alice, tmp_path):
    file = tmp_path / "Connections.csv"
    shutil.copy(FILES / "Connections.csv", file)
    run(alice, "Connections.csv")
    file.write_text(file.read_text().replace("UX Designer", "Senior UX Designer"))
    plan, _ = import_contacts(alice, file, now=NOW)
    jose = Person.objects.get(name="José Núñez")
    assert jose.job_title == "Senior UX Designer"
    assert next(s for s in plan.steps if s.name == "José Núñez").outcome == "updated"

    update_person(
        alice,
        jose,
        name=jose.name,
        emails=jose.emails,
        organization=jose.organization,
        notes=jose.notes,
        job_title="Design Lead",
    )
    plan, batch = run(alice, "Connections.csv")
    jose.refresh_from_db()
    assert jose.job_title == "Design Lead"
    assert batch is None
    step = next(s for s in plan.steps if s.name == "José Núñez")
    assert step.outcome == "unchanged"
    assert step.conflicts == ["job title: kept 'Design Lead', the file says 'UX Designer'"]


def test_contacts_match_by_email_or_linkedin_address_whatever_the_name(alice):
    run(alice, "google_contacts_2019.csv")
    run(alice, "google_contacts_2024.csv")
    rosa = Person.objects.get(owner=alice, name="Rosa Martínez")
    assert Person.objects.filter(owner=alice).count() == 3
    assert rosa.emails == ["rosa@example.es", "rosa.martinez@example.com"]
    run(alice, "apple_3_0.vcf")
    run(alice, "Connections.csv")
    assert Person.objects.filter(owner=alice, name="Dana Lee").count() == 1


def test_the_same_person_twice_in_one_file_is_one_person(alice, tmp_path):
    file = tmp_path / "alumni.csv"
    file.write_text(
        "Name,Email,Employer\n"
        "Kim Ode,kim@example.com,Harbor Museum\n"
        "Kim Ode,kim.ode@example.org,Harbor Museum\n"
        "Kim Ode,,City Transit\n"
    )
    plan, _ = import_contacts(alice, file, now=NOW)
    assert [s.outcome for s in plan.steps] == ["created", "merged", "created"]
    assert plan.steps[1].why == "same person as line 2 (same name and organization)"
    kims = Person.objects.filter(owner=alice, name="Kim Ode").order_by("pk")
    assert [k.emails for k in kims] == [["kim@example.com", "kim.ode@example.org"], []]
    assert run_again(alice, file).counts["unchanged"] == 3


def run_again(owner, path):
    plan, batch = import_contacts(owner, path, now=NOW)
    assert batch is None
    return plan


def test_rows_without_a_name_or_not_willing_are_skipped_with_the_reason(alice, tmp_path):
    file = tmp_path / "alumni.csv"
    file.write_text("Name,Email,Willing to talk\n,x@example.com,yes\nAl Ng,not-an-address,no\n")
    plan, batch = import_contacts(alice, file, now=NOW)
    assert [(s.outcome, s.why) for s in plan.steps] == [
        ("skipped", "no name in this row"),
        ("skipped", "the list says they are not willing to talk"),
    ]
    assert batch is None and not Person.objects.exists()


def test_a_malformed_email_is_left_out_and_said(alice, tmp_path):
    file = tmp_path / "alumni.csv"
    file.write_text("Name,Email\nAl Ng,not-an-address\n")
    plan, _ = import_contacts(alice, file, now=NOW)
    assert plan.steps[0].why == "new; “not-an-address” is not an e-mail address, left out"
    assert Person.objects.get(name="Al Ng").emails == []


def test_source_can_be_given_for_the_whole_file(alice):
    run(alice, "vcard_4_0.vcf", source="association")
    assert Person.objects.get().source == Source.ASSOCIATION


def test_a_confirmation_after_the_people_changed_is_refused_with_the_new_preview(alice):
    preview, _ = run(alice, "alumni_list.csv", dry_run=True)
    add_person(alice, "Avery Johnson", emails=["avery.johnson@example.edu"])
    with pytest.raises(PlanChanged) as changed:
        run(alice, "alumni_list.csv", expected=preview.counts)
    assert changed.value.plan.counts["merged"] == 1
    assert Person.objects.filter(owner=alice).count() == 1


def test_another_users_people_are_never_matched(alice, bob, dana):
    run(bob, "Connections.csv")
    assert Person.objects.filter(owner=bob, name="Dana Lee").count() == 1
    dana.refresh_from_db()
    assert dana.linkedin_url == ""


def test_same_person_as_knows_emails_linkedin_addresses_and_organizations(alice, dana):
    run(alice, "vcard_4_0.vcf")
    amara = Person.objects.get(name="Amara Diallo")
    assert same_person_as(alice, "Someone", emails=["DANA@example.com"]) == [dana]
    assert same_person_as(
        alice, "A. Diallo", linkedin_url="https://www.linkedin.com/in/amara-diallo"
    ) == [amara]
    assert same_person_as(alice, "dana lee", organization="Brightline Studio") == [dana]
    assert same_person_as(alice, "dana lee", organization="") == [dana]
    assert same_person_as(alice, "dana lee", organization="City Transit") == []
    assert same_person_as(alice, "dana lee") == [dana]


def test_two_linkedin_profiles_of_one_name_at_one_company_are_two_people(alice, tmp_path):
    file = tmp_path / "Connections.csv"
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    file.write_text(
        header
        + "Kim,Ode,https://www.linkedin.com/in/kim-ode-1,,Harbor Museum,Designer,1 Jan 2024\n"
        + "Kim,Ode,https://www.linkedin.com/in/kim-ode-2,,Harbor Museum,Curator,1 Jan 2024\n"
    )
    plan, _ = import_contacts(alice, file, now=NOW)
    assert [s.outcome for s in plan.steps] == ["created", "created"]
    assert run_again(alice, file).counts["unchanged"] == 2


def test_a_later_row_for_the_same_person_fills_blanks_and_never_undoes_an_earlier_one(
    alice, tmp_path
):
    file = tmp_path / "alumni.csv"
    file.write_text(
        "Name,Email,Employer,Title\n"
        "Kim Ode,kim@example.com,Harbor Museum,Designer\n"
        "Kim Ode,kim.ode@example.org,Harbor Museum,Curator\n"
    )
    plan, _ = import_contacts(alice, file, now=NOW)
    assert plan.steps[1].conflicts == ["job title: kept 'Designer' from line 2, not 'Curator'"]
    kim = Person.objects.get(owner=alice)
    assert (kim.job_title, kim.emails) == ("Designer", ["kim@example.com", "kim.ode@example.org"])
    again = run_again(alice, file)
    assert [s.outcome for s in again.steps] == ["unchanged", "unchanged"]


def test_a_title_the_matcher_is_sure_of_is_linked_and_any_other_is_proposed(alice, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    cache.forget()
    file = tmp_path / "alumni.csv"
    file.write_text(
        "Name,Title\nKim Ode,Widget Designer\nAl Ng,Senior widget person\n"
        "Sam Park,Consultant\nLi Wei,\n"
    )
    import_contacts(alice, file, now=NOW)
    codes = {p.name: (p.onet_code, p.proposed_onet_code) for p in Person.objects.all()}
    assert codes == {
        "Kim Ode": ("27-9001.00", ""),
        "Al Ng": ("", "27-9001.00"),
        "Sam Park": ("", ""),
        "Li Wei": ("", ""),
    }
