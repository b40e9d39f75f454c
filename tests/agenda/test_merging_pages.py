"""The duplicates page, and merging from it."""

from django.urls import reverse

from infointerview.people.models import Person
from infointerview.people.services import add_person


def twin_of(owner):
    return add_person(
        owner, "Dana M. Lee", emails=["dana@example.com"], organization="Brightline Studio"
    )


def test_the_page_proposes_records_sharing_an_email(alice_client, alice, dana):
    twin_of(alice)
    page = alice_client.get(reverse("agenda:duplicates")).content.decode()
    assert "Dana Lee and Dana M. Lee" in page
    assert "The same e-mail." in page
    assert page.count('action="/people/merge/"') == 2


def test_the_people_page_leads_to_the_duplicates(alice_client, dana):
    page = alice_client.get(reverse("agenda:people")).content.decode()
    assert f'href="{reverse("agenda:duplicates")}"' in page


def test_the_page_says_when_there_are_none(alice_client, dana):
    page = alice_client.get(reverse("agenda:duplicates")).content.decode()
    assert "No duplicates found." in page


def test_merging_keeps_the_chosen_record_and_goes_to_its_page(alice_client, alice, dana):
    twin = twin_of(alice)
    response = alice_client.post(
        reverse("agenda:merge_people"), {"keep": twin.public_id, "other": dana.public_id}
    )
    assert response["Location"] == reverse("agenda:person", args=[twin.public_id])
    assert list(Person.objects.filter(owner=alice)) == [twin]
    twin.refresh_from_db()
    assert twin.phones == ["555-0100"] and twin.job_title == "Junior Designer"


def test_a_form_without_both_people_is_refused_and_nothing_changes(alice_client, alice, dana):
    twin = twin_of(alice)
    response = alice_client.post(
        reverse("agenda:merge_people"), {"keep": dana.public_id}, follow=True
    )
    assert "Merge into it: This field is required." in response.content.decode()
    assert Person.objects.filter(pk=twin.pk).exists()


def test_another_users_records_cannot_be_merged(alice, bob_client, bob, dana):
    twin = twin_of(alice)
    response = bob_client.post(
        reverse("agenda:merge_people"), {"keep": dana.public_id, "other": twin.public_id}
    )
    assert response.status_code == 404
    assert Person.objects.filter(owner=alice).count() == 2
    page = bob_client.get(reverse("agenda:duplicates")).content.decode()
    assert "Dana" not in page


def test_hundreds_of_pairs_come_a_page_at_a_time_in_the_same_few_queries(
    alice_client, alice, django_assert_max_num_queries
):
    for number in range(60):
        add_person(alice, f"Pat {number:02}", organization="Acme", emails=[f"p{number}@a.example"])
        add_person(
            alice,
            f"Pat {number:02}",
            allow_duplicate=True,
            organization="Acme",
            emails=[f"p{number}@b.example"],
        )
    with django_assert_max_num_queries(12):
        first = alice_client.get(reverse("agenda:duplicates")).content.decode()
    assert "Pairs 1–25 of 60." in first and first.count("Not the same person") == 25
    assert "Pat 00 and" not in first  # one name: the heading names it once
    last = alice_client.get(reverse("agenda:duplicates") + "?page=3").content.decode()
    assert "Pairs 51–60 of 60." in last and "<h2>Pat 59</h2>" in last
