"""The forms of a person's page: each label names its own field, a redraft starts from the draft."""

import re
from collections import Counter
from datetime import date

from django.urls import reverse

from infointerview.outreach.services import draft


def test_every_id_on_the_page_is_its_own_while_a_draft_waits_to_be_sent(alice_client, dana):
    draft(dana.owner, dana, "letter", today=date(2026, 11, 20))
    page = alice_client.get(reverse("agenda:person", args=[dana.public_id])).content.decode()
    ids = Counter(re.findall(r' id="([^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    for target in re.findall(r'<label for="([^"]+)"', page):
        assert ids[target] == 1, target
    assert 'for="sent_on"' in page and 'for="id_on"' in page  # sent on, and the log's day


def test_the_redraft_starts_from_the_channel_and_call_day_of_the_draft(alice_client, dana):
    draft(dana.owner, dana, "letter", today=date(2026, 11, 20), call_on=date(2026, 11, 30))
    page = alice_client.get(reverse("agenda:person", args=[dana.public_id])).content.decode()
    assert re.search(r'<input type="radio" name="channel" value="letter"[^>]* checked', page)
    assert 'name="call_on" value="2026-11-30"' in page
