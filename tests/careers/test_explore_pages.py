"""The Explore page, its live search partial, occupation pages and the shortlist page."""

import pytest
from django.urls import reverse

from infointerview.accounts.services import profile_for
from infointerview.careers.models import TargetOccupation
from infointerview.careers.onet_import import import_release
from infointerview.careers.search import cache
from infointerview.careers.wages import import_wages
from tests.careers.oews_fixture import write_csv
from tests.careers.onet_fixture import write_release


@pytest.fixture
def onet(db, tmp_path):
    import_release(write_release(tmp_path / "v28", "28.0"))
    import_wages(write_csv(tmp_path / "oews.csv"))
    cache.forget()
    yield
    cache.forget()


def test_explore_without_data_says_how_to_get_it(alice_client, settings):
    settings.DATABASE_URL = ""  # a personal install, whichever database the suite runs on
    html = alice_client.get(reverse("careers:explore")).content.decode()
    assert "infointerview occupations sync" in html


def test_search_renders_a_full_page_and_an_htmx_partial(alice_client, onet):
    page = alice_client.get(reverse("careers:explore"), {"q": "widgit desgner"})
    assert b"Widget Designers" in page.content
    assert b"<html" in page.content
    partial = alice_client.get(
        reverse("careers:explore"), {"q": "widgit desgner"}, headers={"HX-Request": "true"}
    )
    assert b"Widget Designers" in partial.content
    assert b"<html" not in partial.content


def test_an_occupation_page_shows_the_data_wages_and_attribution(alice_client, alice, onet):
    profile = profile_for(alice)
    profile.wage_state = "0600000"
    profile.save()
    html = alice_client.get(reverse("agenda:occupation", args=["27-9001.00"])).content.decode()
    assert "Design widgets for household" in html
    assert "Main task of widget designers." in html
    assert "Job Zone 4" in html
    assert "<svg" in html and "California" in html
    assert "$62,400" in html and "$72,800" in html
    assert "CC BY 4.0" in html and "O*NET 28.0 Database" in html
    assert "Reading Comprehension" in html and "Spend Time Sitting" in html


def test_adding_to_the_shortlist_from_an_occupation_page(alice_client, alice, onet):
    url = reverse("agenda:occupation", args=["27-9002.00"])
    shortlist = reverse("careers:shortlist_occupation", args=["27-9002.00"])
    response = alice_client.post(shortlist, {"level": "entry", "why": "murals!"})
    assert response.status_code == 302 and response["Location"] == url
    target = TargetOccupation.objects.get(owner=alice)
    assert (target.onet_code, target.why) == ("27-9002.00", "murals!")
    assert b"On your shortlist" in alice_client.get(url).content


def test_an_unknown_code_is_404(alice_client, onet):
    assert alice_client.get(reverse("agenda:occupation", args=["99-9999.00"])).status_code == 404


def test_another_user_cannot_change_my_shortlist(client, alice, bob, onet):
    from infointerview.careers.services import add_to_shortlist

    target = add_to_shortlist(alice, "27-9001.00")
    client.force_login(bob, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("careers:target_status", args=[target.public_id]), {"status": "ruled_out"}
    )
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.status == "exploring"


def test_the_research_log_of_an_occupation(alice_client, alice, onet):
    url = reverse("agenda:occupation", args=["27-9001.00"])
    response = alice_client.post(
        reverse("agenda:occupation_research", args=["27-9001.00"]),
        {
            "subject": "occupation",
            "source_kind": "ooh",
            "title": "OOH entry",
            "url": "https://example.org/ooh",
            "notes": "Growth is slow.",
        },
    )
    assert response.status_code == 302 and response["Location"] == url
    html = alice_client.get(url).content.decode()
    assert "OOH entry" in html and "Growth is slow." in html
    assert not TargetOccupation.objects.exists()


def test_a_refused_source_comes_back_as_typed_with_its_form_open(alice_client, alice, onet):
    typed = {
        "subject": "occupation",
        "source_kind": "ooh",
        "title": "A page I read",
        "url": "javascript:alert(1)",
        "notes": "Worth a second look",
    }
    response = alice_client.post(reverse("agenda:occupation_research", args=["27-9001.00"]), typed)
    assert response.status_code == 400
    page = response.content.decode()
    assert '<details id="add-source" open>' in page
    assert 'name="title" value="A page I read"' in page and "Worth a second look</textarea>" in page
    assert 'class="error"' in page
    from infointerview.interviews.models import ResearchEntry

    assert not ResearchEntry.objects.exists()


def test_a_job_zone_without_its_description_is_still_given(alice_client, onet):
    from infointerview.careers.models import JobZoneReference, Occupation

    JobZoneReference.objects.all().delete()  # a release without Job Zone Reference.txt
    zone = Occupation.objects.get(code="27-9001.00").job_zone
    page = alice_client.get(reverse("agenda:occupation", args=["27-9001.00"])).content.decode()
    assert f"<strong>Job zone {zone}</strong>" in page and "No job zone" not in page


def test_what_was_learned_in_the_user_s_own_words_shows_on_the_occupation_page(
    alice_client, alice, onet
):
    from datetime import timedelta

    from infointerview.careers.services import add_to_shortlist
    from infointerview.interviews.afterwards import record_learning
    from infointerview.interviews.services import schedule
    from infointerview.people.services import add_person
    from tests.conftest import NOW

    target = add_to_shortlist(alice, "27-9001.00")
    kim = add_person(alice, "Kim Ode", occupation=target)
    interview = schedule(alice, kim, NOW - timedelta(days=2))
    record_learning(alice, interview, learned="Less drawing\nthan I thought", now=NOW)
    page = alice_client.get(reverse("agenda:occupation", args=["27-9001.00"])).content.decode()
    assert "<h3>In your own words</h3>" in page
    assert "Less drawing<br>than I thought" in page and ">Kim Ode</a>" in page


def test_a_source_added_on_an_occupation_s_page_is_about_the_occupation(alice_client, onet):
    url = reverse("agenda:occupation", args=["27-9001.00"])
    alice_client.post(
        reverse("agenda:occupation_research", args=["27-9001.00"]),
        {"subject": "person", "source_kind": "other", "title": "A designer's blog"},
    )
    page = alice_client.get(url).content.decode()
    assert "A designer&#x27;s blog" in page and 'name="subject"' not in page
