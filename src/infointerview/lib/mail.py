"""Links that open a draft in the user's own mail program."""

from urllib.parse import quote


def mailto(address: str, subject: str, body: str) -> str:
    return f"mailto:{quote(address)}?subject={quote(subject)}&body={quote(body)}"
