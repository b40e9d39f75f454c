"""What an import remembers travels with the user's data: export, restore and deletion."""

from pathlib import Path

from infointerview.agenda.account_deletion import delete_account, what_will_be_removed
from infointerview.agenda.export import export_data, people_csv
from infointerview.agenda.restore import restore
from infointerview.people.imports.batch import import_contacts
from infointerview.people.models import ImportBatch, ImportedPerson, Person
from tests.conftest import NOW

FILES = Path(__file__).parent / "files"


def test_the_export_holds_each_import_and_what_it_set(alice, bob):
    import_contacts(alice, FILES / "vcard_4_0.vcf", now=NOW)
    import_contacts(bob, FILES / "alumni_list.csv", now=NOW)
    data = export_data(alice, NOW)
    [batch] = data["import_batches"]
    assert (batch["file_name"], batch["file_format"], batch["created"]) == (
        "vcard_4_0.vcf",
        "vcard",
        1,
    )
    [link] = data["imported_people"]
    amara = Person.objects.get(owner=alice)
    assert (link["batch"], link["person"]) == (batch["public_id"], str(amara.public_id))
    assert link["linkedin_url"] == "https://www.linkedin.com/in/amara-diallo"
    assert data["people"][0]["linkedin_url"] == amara.linkedin_url


def test_a_restore_brings_back_imports_so_the_same_file_still_changes_nothing(alice):
    import_contacts(alice, FILES / "Connections.csv", now=NOW)
    data = export_data(alice, NOW)
    Person.objects.filter(owner=alice).delete()
    ImportBatch.objects.filter(owner=alice).delete()
    report = restore(alice, data)
    assert report.created["import_batches"] == 1 and report.created["imported_people"] == 6
    jose = Person.objects.get(owner=alice, name="José Núñez")
    jose.job_title = "Design Lead"
    jose.save()
    plan, batch = import_contacts(alice, FILES / "Connections.csv", now=NOW)
    assert batch is None
    assert next(s for s in plan.steps if s.name == "José Núñez").conflicts == [
        "job title: kept 'Design Lead', the file says 'UX Designer'"
    ]


def test_deleting_the_account_deletes_its_imports_and_no_one_elses(alice, bob):
    import_contacts(alice, FILES / "Connections.csv", now=NOW)
    import_contacts(bob, FILES / "Connections.csv", now=NOW)
    assert what_will_be_removed(alice)["import batches"] == 1
    assert what_will_be_removed(alice)["imported people"] == 6
    delete_account(alice)
    assert ImportBatch.objects.get().owner == bob
    assert ImportedPerson.objects.filter(owner=bob).count() == 6
    assert ImportedPerson.objects.count() == 6


def test_a_cell_imported_as_text_is_guarded_when_the_people_are_exported_as_csv(alice):
    import_contacts(alice, FILES / "Connections.csv", now=NOW)
    exported = people_csv(alice)
    assert '\'=HYPERLINK(""https://evil.example"",""Click me"") Click' in exported
    assert "'@SUM(A1)" in exported and "'+Print Buyer" in exported
    odd = Person.objects.get(owner=alice, organization="@SUM(A1)")
    assert odd.name == '=HYPERLINK("https://evil.example","Click me") Click'
