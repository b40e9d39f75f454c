"""Free-text occupations become lists: nothing lost, spellings merged, typos kept apart."""

from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from infointerview.accounts.services import create_owner
from infointerview.careers.models import TargetOccupation
from infointerview.interviews.models import ResearchEntry
from infointerview.people.models import OrganizationLead, Person

MANAGE = Path(__file__).resolve().parents[2] / "src" / "manage.py"
BEFORE = [
    ("people", "0002_person_onet_code_person_proposed_onet_code"),
    ("interviews", "0003_calendar_feed_moves_to_agenda"),
    ("careers", "0004_element_ratings_share_one_shape"),
]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    return executor.migrate(targets or executor.loader.graph.leaf_nodes()).apps


@pytest.mark.django_db(transaction=True)
def test_every_row_lands_on_a_list_and_the_change_can_be_undone():
    alice, bob = create_owner("alice"), create_owner("bob")
    old = _migrate(BEFORE)
    OldTarget = old.get_model("careers", "TargetOccupation")
    OldPerson = old.get_model("people", "Person")
    OldLead = old.get_model("people", "OrganizationLead")
    OldResearch = old.get_model("interviews", "ResearchEntry")
    OldOccupation = old.get_model("careers", "Occupation")
    OldTarget.objects.create(owner_id=alice.pk, name="Graphic Designers", level="experienced")
    OldOccupation.objects.create(code="27-1024.00", title="Graphic Designers", description="")
    rows = [
        ("Ana", "graphic  designers"),
        ("Bo", "Graphic Designers"),
        ("Émile", "ÉBÉNISTES"),
        ("Eve", "ébénistes"),
        ("Flo", "Straße Planners"),
        ("Gus", "STRASSE PLANNERS"),
        ("Hal", "Grafic Designers"),
        ("Ivy", ""),
    ]
    for position, (name, occupation) in enumerate(rows):
        OldPerson.objects.create(
            owner_id=alice.pk, name=name, occupation=occupation, position=position
        )
    OldPerson.objects.create(owner_id=bob.pk, name="Jo", occupation="Graphic Designers")
    OldLead.objects.create(owner_id=alice.pk, organization="Acme", occupation="Ébénistes")
    OldResearch.objects.create(
        owner_id=alice.pk, occupation="graphic designers", subject="occupation", title="OOH"
    )
    OldResearch.objects.create(
        owner_id=alice.pk, occupation="Astronauts", subject="occupation", title="NASA"
    )

    _migrate()

    lists = {p.name: p.target.name if p.target else None for p in Person.objects.all()}
    assert lists == {
        "Ana": "Graphic Designers",
        "Bo": "Graphic Designers",
        "Émile": "ÉBÉNISTES",
        "Eve": "ÉBÉNISTES",
        "Flo": "STRASSE PLANNERS",
        "Gus": "STRASSE PLANNERS",
        "Hal": "Grafic Designers",
        "Ivy": None,
        "Jo": "Graphic Designers",
    }
    mine = TargetOccupation.objects.filter(owner=alice)
    assert mine.get(name="Graphic Designers").level == "experienced"
    assert mine.filter(name_key="ébénistes").get().status == "exploring"
    assert mine.count() == 4
    assert Person.objects.get(name="Jo").target.owner == bob
    assert OrganizationLead.objects.get().target.name == "ÉBÉNISTES"
    ooh, nasa = ResearchEntry.objects.order_by("title").reverse()
    assert (ooh.onet_code, ooh.target.name) == ("27-1024.00", "Graphic Designers")
    assert (nasa.onet_code, nasa.target, nasa.notes) == ("", None, "About: Astronauts")

    back = _migrate(BEFORE)
    names = dict(back.get_model("people", "Person").objects.values_list("name", "occupation"))
    assert names["Ana"] == "Graphic Designers" and names["Eve"] == "ÉBÉNISTES"
    assert names["Hal"] == "Grafic Designers" and names["Ivy"] == ""
    research = back.get_model("interviews", "ResearchEntry").objects.get(title="OOH")
    assert research.occupation == "Graphic Designers"
    _migrate()


def test_the_sqlite_file_is_copied_aside_before_the_lists_change(tmp_path):
    """Run for real on a data folder: migrate to the old schema, then upgrade."""
    import os
    import sqlite3
    import subprocess
    import sys

    env = {**os.environ, "INFOINTERVIEW_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(MANAGE), "migrate", "--verbosity", "0"]
    subprocess.run([*manage, "people", "0002"], env=env, check=True)
    databases = [p for p in tmp_path.rglob("*.sqlite3") if p.is_file()]
    assert len(databases) == 1
    database = databases[0]
    with sqlite3.connect(database) as old:
        old.execute(
            "INSERT INTO auth_user (password, last_login, is_superuser, username, first_name,"
            " last_name, email, is_staff, is_active, date_joined) VALUES ('!', '2026-11-26', 0,"
            " 'ana', '', '', '', 0, 1, '2026-11-26')"
        )
    subprocess.run(manage, env=env, check=True)
    copy = database.with_name(database.name + ".before-occupation-lists")
    with sqlite3.connect(copy) as kept:
        columns = {row[1] for row in kept.execute("PRAGMA table_info(people_person)")}
        users = kept.execute("SELECT username FROM auth_user").fetchall()
    assert "occupation" in columns and "target_id" not in columns
    assert users == [("ana",)]


def test_a_new_data_folder_gets_no_copy(tmp_path):
    """Nobody's notes are in a database made from nothing, so none is copied aside."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "INFOINTERVIEW_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, str(MANAGE), "migrate", "--verbosity", "0"], env=env, check=True
    )
    assert [p.name for p in tmp_path.rglob("*.sqlite3")] == ["infointerview.sqlite3"]
    assert not list(tmp_path.rglob("*.before-occupation-lists"))
