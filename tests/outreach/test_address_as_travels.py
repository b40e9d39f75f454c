"""How the user addresses someone goes with their data to a new computer."""

from infointerview.agenda.export import export_data
from infointerview.agenda.restore import restore
from infointerview.people.models import Person
from tests.conftest import NOW


def test_how_to_address_someone_survives_export_and_restore(alice, dana):
    dana.address_as = "Ms. Lee"
    dana.save()
    data = export_data(alice, NOW)
    assert data["people"][0]["address_as"] == "Ms. Lee"
    Person.objects.filter(owner=alice).delete()
    restore(alice, data)
    assert Person.objects.get(owner=alice).salutation == "Ms. Lee"
