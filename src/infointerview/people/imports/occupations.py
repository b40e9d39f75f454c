"""O*NET occupations for imported job titles: linked when the title is O*NET's own, else proposed.

As `careers.services.link_free_text_occupations` decides for one text: an occupation's
title, or an alternate title only one occupation has, is sure; anything else gets the
occupation search's best answer, for the user to accept or decline. For thousands of
titles at once, O*NET's titles are read once into a dictionary.
"""

from __future__ import annotations

from collections.abc import Iterable

from infointerview.careers.models import AlternateTitle, Occupation
from infointerview.careers.search import search


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _exact_titles() -> dict[str, str]:
    """Folded title -> code, for titles that name exactly one occupation."""
    codes: dict[str, set[str]] = {}
    for title, code in AlternateTitle.objects.values_list("title", "occupation__code"):
        codes.setdefault(_key(title), set()).add(code)
    exact = {title: found.pop() for title, found in codes.items() if len(found) == 1}
    for title, code in Occupation.objects.filter(retired_in="").values_list("title", "code"):
        exact[_key(title)] = code
    return exact


def occupations_for(titles: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each title's (linked code, proposed code); one of them at most, either may be ''."""
    wanted = {title.strip() for title in titles if title.strip()}
    if not wanted:
        return {}
    exact = _exact_titles()
    found = {}
    for title in wanted:
        code = exact.get(_key(title))
        if code:
            found[title] = (code, "")
        else:
            hits = search(title, limit=1)
            found[title] = ("", hits[0].code if hits else "")
    return found
