"""An .eml draft goes to exactly the one person it is for, whatever their name holds."""

from __future__ import annotations

import email
from email import policy

import pytest
from django.urls import reverse

from infointerview.accounts.services import profile_for
from infointerview.lib.mail import mailbox, one_line
from infointerview.outreach.services import draft
from tests.conftest import WEDNESDAY

NAMES = [
    "Evil <a@evil.example>, Victim",
    "Dana\nLee",
    "Dana\r\nBcc: everyone@evil.example",
    'Dana "DJ" Lee',
    "Lee, Dana",
    "Ødegård, Åse",
]


def downloaded(client, request) -> email.message.EmailMessage:
    response = client.get(reverse("outreach:eml", args=[request.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "message/rfc822"
    return email.message_from_bytes(response.content, policy=policy.default)


@pytest.mark.parametrize("name", NAMES)
def test_a_name_never_adds_a_recipient_and_the_page_answers(alice_client, alice, dana, name):
    dana.name = name  # as an import or a restore may store it
    dana.save()
    message = downloaded(alice_client, draft(alice, dana, "email", today=WEDNESDAY))
    recipients = message["To"].addresses
    assert [a.addr_spec for a in recipients] == ["dana@example.com"]
    assert recipients[0].display_name == one_line(name)
    assert message["Cc"] is None and message["Bcc"] is None
    assert [a.addr_spec for a in message["From"].addresses] == ["alice@example.org"]


@pytest.mark.parametrize(
    "subject", ["Hello\nBcc: everyone@evil.example", "Two\r\nlines", "A\u2028B", "Tab\there"]
)
def test_a_subject_with_line_breaks_is_one_line(alice_client, alice, dana, subject):
    request = draft(alice, dana, "email", today=WEDNESDAY)
    request.subject = subject
    request.save()
    message = downloaded(alice_client, request)
    assert message["Subject"] == one_line(subject)
    assert "\n" not in message["Subject"] and message["Bcc"] is None


def test_the_sender_s_own_name_is_quoted_too(alice_client, alice, dana):
    profile = profile_for(alice)
    profile.full_name = "Alice <x@evil.example>, Moreno\nBcc: y@evil.example"
    profile.save()
    message = downloaded(alice_client, draft(alice, dana, "email", today=WEDNESDAY))
    assert [a.addr_spec for a in message["From"].addresses] == ["alice@example.org"]
    assert message["Bcc"] is None


def test_a_domain_in_another_script_is_written_so_mail_programs_read_it(alice_client, alice, dana):
    dana.emails = ["dana@bücher.example"]
    dana.save()
    message = downloaded(alice_client, draft(alice, dana, "email", today=WEDNESDAY))
    assert [a.addr_spec for a in message["To"].addresses] == ["dana@xn--bcher-kva.example"]


def test_a_malformed_stored_address_is_a_message_not_an_error_page(alice_client, alice, dana):
    dana.emails = ["dana@example.com, other@evil.example"]
    dana.save()
    request = draft(alice, dana, "email", today=WEDNESDAY)
    response = alice_client.get(reverse("outreach:eml", args=[request.public_id]), follow=True)
    assert response.status_code == 200
    assert "is not an e-mail address a mail program accepts" in response.content.decode()


@pytest.mark.parametrize(
    ("text", "line"),
    [("a\nb", "a b"), ("a\r\n\r\nb", "a b"), ("\nx\n", "x"), ("a\x00b", "a b"), ("plain", "plain")],
)
def test_one_line_folds_breaks_to_a_space(text, line):
    assert one_line(text) == line


def test_a_mailbox_is_one_address_whatever_the_name():
    assert str(mailbox("Evil <a@evil.example>, Victim", "dana@example.com")) == (
        '"Evil <a@evil.example>, Victim" <dana@example.com>'
    )
