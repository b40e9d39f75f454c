"""Typing an occupation on the web offers the lists there are and asks about near misses."""

from django.urls import reverse


def test_the_add_page_offers_the_users_lists(alice_client, designers):
    page = alice_client.get(reverse("people:add")).content.decode()
    assert '<option value="Graphic Designers">' in page
    assert 'list="occupation-lists"' in page
    assert reverse("people:occupation_suggestions") in page


def test_a_near_miss_is_answered_with_did_you_mean(alice_client, designers):
    response = alice_client.get(
        reverse("people:occupation_suggestions"), {"occupation": "Graphic Desigers"}
    )
    html = response.content.decode()
    assert "Did you mean" in html and ">Graphic Designers</button>" in html
    exact = alice_client.get(
        reverse("people:occupation_suggestions"), {"occupation": "graphic designers"}
    )
    assert exact.content.decode().strip() == ""


def test_choosing_the_suggestion_fills_the_box(alice_client, designers):
    response = alice_client.get(
        reverse("people:occupation_input"), {"occupation": "Graphic Designers"}
    )
    html = response.content.decode()
    assert 'id="id_occupation"' in html and 'value="Graphic Designers"' in html
    assert "hx-get" in html


def test_another_users_lists_are_never_offered(bob_client, designers):
    page = bob_client.get(reverse("people:add")).content.decode()
    assert "Graphic Designers" not in page
    response = bob_client.get(
        reverse("people:occupation_suggestions"), {"occupation": "Graphic Desigers"}
    )
    assert "Graphic Designers" not in response.content.decode()


def test_a_near_miss_posted_without_javascript_asks_first(alice_client, designers):
    from infointerview.people.models import Person

    data = {"name": "Dana Lee", "occupation": "Grafic Designers", "level": "entry"}
    data["source"] = "friend"
    response = alice_client.post(reverse("people:add"), data)
    assert response.status_code == 200
    assert "Did you mean “Graphic Designers”?" in response.content.decode()
    assert not Person.objects.exists()
    alice_client.post(reverse("people:add"), {**data, "new_occupation": "on"})
    assert Person.objects.get().occupation == "Grafic Designers"
