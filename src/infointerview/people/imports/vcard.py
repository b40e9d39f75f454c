"""vCard 2.1, 3.0 and 4.0 files with one or many cards, read with vobject.

Each card is handed to vobject alone, so a damaged card names its own line. Outlook's
vCard 2.1 breaks a quoted-printable value with '=' at the end of a line and goes on at
the start of the next, which vobject does not join; that is done here first. Photos
and everything else a card may hold beyond what a person needs are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator

import vobject

from infointerview.people.imports.contacts import (
    Contact,
    ContactsFile,
    linkedin_address,
    one_line,
)

ENCODINGS = ("utf-8", "cp1252")


def looks_like(first_text: str) -> bool:
    return first_text.strip().upper().startswith("BEGIN:VCARD")


def contacts(file: ContactsFile) -> Iterator[Contact]:
    found = False
    for line, text in _cards(file):
        found = True
        try:
            card = vobject.readOne(text, validate=False, ignoreUnreadable=True)
        except Exception as error:  # vobject raises many kinds for a damaged card
            problem = " ".join(str(error).split())[:200] or error.__class__.__name__
            raise file.refuse(f"the card here cannot be read ({problem})", line) from None
        yield _contact(card, line)
    if not found:
        raise file.refuse("holds no vCard (no BEGIN:VCARD line); is this the right file?")


def _cards(file: ContactsFile) -> Iterator[tuple[int, str]]:
    """(line where it begins, text) of each card, soft line breaks joined."""
    lines: list[str] = []
    start = depth = 0
    pending = ""
    skipping = False
    for number, raw in enumerate(file.lines(ENCODINGS), start=1):
        text = pending + raw.rstrip("\r\n")
        if _soft_break(text):
            pending = text[:-1]
            continue
        pending = ""
        upper = text.strip().upper()
        if skipping and text[:1] in (" ", "\t"):
            continue
        skipping = _is_photo(upper)
        if skipping or (depth and not upper):
            continue
        if upper.startswith("BEGIN:VCARD"):
            if depth == 0:
                start, lines = number, []
            depth += 1
        elif depth == 0:
            if upper:
                raise file.refuse("is not a vCard: text outside BEGIN:VCARD … END:VCARD", number)
            continue
        lines.append(text)
        if upper.startswith("END:VCARD"):
            depth -= 1
            if depth == 0:
                yield start, "\r\n".join(lines) + "\r\n"
    if depth:
        raise file.refuse("a card has no END:VCARD: the file is cut short", start)


def _is_photo(upper: str) -> bool:
    """A photo (or logo, or sound) is most of a card's bytes and nothing a person needs."""
    name = upper.partition(":")[0].partition(";")[0].rpartition(".")[2]
    return name in ("PHOTO", "LOGO", "SOUND")


def _soft_break(text: str) -> bool:
    name, colon, _ = text.partition(":")
    return text.endswith("=") and bool(colon) and "QUOTED-PRINTABLE" in name.upper()


def _values(card, name: str) -> list:
    return [item.value for item in card.contents.get(name, [])]


def _text(value) -> str:
    if isinstance(value, list):
        return one_line(" ".join(str(v) for v in value))
    return one_line(str(value))


def _name(card) -> str:
    full = next((_text(v) for v in _values(card, "fn") if _text(v)), "")
    if full:
        return full
    for name in _values(card, "n"):
        parts = [name.prefix, name.given, name.additional, name.family, name.suffix]
        return one_line(" ".join(_text(p) for p in parts))
    return ""


def _organization(card) -> str:
    for org in _values(card, "org"):
        units = org if isinstance(org, list) else [org]
        return one_line(str(units[0])) if units else ""
    return ""


def _address(card) -> str:
    for address in _values(card, "adr"):
        if isinstance(address, str):
            return address.strip()
        lines = [address.street, address.extended, address.city, address.region]
        lines += [address.code, address.country]
        return "\n".join(_text(part) for part in lines if _text(part))
    return ""


def _contact(card, line: int) -> Contact:
    websites = [_text(v) for v in _values(card, "url")]
    notes = [str(v).strip() for v in _values(card, "note") if str(v).strip()]
    return Contact(
        line=line,
        name=_name(card),
        emails=[_text(v) for v in _values(card, "email") if _text(v)],
        phones=[_text(v).removeprefix("tel:") for v in _values(card, "tel") if _text(v)],
        organization=_organization(card),
        job_title=next((_text(v) for v in _values(card, "title") if _text(v)), ""),
        linkedin_url=next((url for url in map(linkedin_address, websites) if url), ""),
        postal_address=_address(card),
        notes=notes,
    )
