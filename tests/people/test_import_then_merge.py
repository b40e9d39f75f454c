"""Import, merge the duplicates, import the same files again: nobody is created twice."""

from infointerview.agenda.merging import merge
from infointerview.people.imports.batch import import_contacts
from infointerview.people.models import Person
from tests.conftest import NOW, WEDNESDAY


def test_after_a_merge_the_same_files_create_no_one(alice, tmp_path):
    alumni = tmp_path / "alumni.csv"
    alumni.write_text("Name,Email,Employer,Title\nKim Ode,kim@example.com,Harbor Museum,Curator\n")
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:K. Ode\r\nEMAIL:kim.ode@example.org\r\n"
        "URL:https://www.linkedin.com/in/kim-ode\r\nEND:VCARD\r\n"
    )
    import_contacts(alice, alumni, now=NOW)
    import_contacts(alice, cards, now=NOW)
    kim, k = Person.objects.get(name="Kim Ode"), Person.objects.get(name="K. Ode")
    merge(alice, kim, k, today=WEDNESDAY)
    for path in (alumni, cards):
        plan, batch = import_contacts(alice, path, now=NOW)
        assert plan.counts["created"] == 0 and batch is None
    kim = Person.objects.get(owner=alice)
    assert kim.emails == ["kim@example.com", "kim.ode@example.org"]
    assert kim.linkedin_url == "https://www.linkedin.com/in/kim-ode"
