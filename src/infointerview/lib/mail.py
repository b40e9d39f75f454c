"""Mail drafts: links that open the user's mail program, and headers built from parts.

A header is never pasted together from user text: a name such as
``Evil <a@evil.example>, Victim`` would read as two recipients, and a line break
would end the header. Names become the quoted display name of one address, and
line breaks in any header are folded to spaces.
"""

from __future__ import annotations

import re
from email.headerregistry import Address
from urllib.parse import quote

from infointerview.lib.errors import Refused
from infointerview.lib.typed import quoted

# Line breaks of every kind and the other control characters a header cannot hold.
BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def mailto(address: str, subject: str, body: str) -> str:
    return f"mailto:{quote(address)}?subject={quote(subject)}&body={quote(body)}"


def one_line(text: str) -> str:
    """Header text on one line: each run of line breaks or control characters is a space."""
    return BREAKS.sub(" ", text).strip()


def mailbox(name: str, address: str) -> Address:
    """Exactly one address: the name is only ever its (quoted) display name.

    A domain in another script is written in its ASCII (IDNA) form, which every mail
    program reads; a malformed address is refused rather than guessed at.
    """
    try:
        local, _, domain = address.rpartition("@")
        ascii_address = f"{local}@{domain.encode('idna').decode('ascii')}"
        return Address(display_name=one_line(name), addr_spec=ascii_address)
    except (ValueError, IndexError, UnicodeError):
        raise Refused(
            f"{quoted(address)} is not an e-mail address a mail program accepts;"
            " correct it and try again"
        ) from None
