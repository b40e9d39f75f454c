"""The title matcher over the imported O*NET release: one index per process, rebuilt
when an import changes the tables.

`match_titles` is what the rest of the app calls, for one title or a whole address book.
"""

from __future__ import annotations

import threading

from django.conf import settings

from infointerview.careers import title_index_file
from infointerview.careers.models import AlternateTitle, Occupation, ReportedTitle
from infointerview.careers.search import data_version
from infointerview.careers.title_matcher import Entry, TitleIndex, TitleMatch


def build_index() -> TitleIndex:
    """O*NET's current titles, alternate titles (and their short forms) and reported titles."""
    current = dict(Occupation.objects.filter(retired_in="").values_list("code", "title"))
    entries: list[Entry] = [(code, title, "title") for code, title in current.items()]
    alternates = AlternateTitle.objects.values_list("occupation__code", "title", "short_title")
    for code, title, short in alternates.order_by("id"):
        entries.append((code, title, "alternate"))
        if short and short != "n/a":
            entries.append((code, short, "short"))
    reported = ReportedTitle.objects.values_list("occupation__code", "title").order_by("id")
    entries += [(code, title, "reported") for code, title in reported]
    return TitleIndex(entries, current)


def load_or_build(version: tuple) -> TitleIndex:
    """The index stored for this data if it is sound; else a new one, stored for next time."""
    home = getattr(settings, "HOME", None)
    stored_key = title_index_file.key(version)
    if home is None or stored_key is None:
        return build_index()
    path = title_index_file.path_in(home)
    parts = title_index_file.load(path, stored_key)
    if parts is not None:
        return TitleIndex.from_parts(parts)
    index = build_index()
    title_index_file.save(path, stored_key, index.parts)
    return index


class _Cache:
    def __init__(self):
        self.lock = threading.Lock()
        self.index: TitleIndex | None = None
        self.version: tuple | None = None

    def get(self) -> TitleIndex:
        """Checked against the tables on every call: one query, for a whole batch."""
        version = data_version()
        with self.lock:
            if self.index is None or version != self.version:
                self.index, self.version = load_or_build(version), version
            return self.index

    def forget(self) -> None:
        with self.lock:
            self.index, self.version = None, None


cache = _Cache()


def match_titles(titles: list[str], organizations: list[str] | None = None) -> list[TitleMatch]:
    """The likeliest O*NET occupation of each job title, in order, with its confidence.

    A match with `applied` true is sure enough to link without asking; the others are
    for the user to confirm. The organization, when given, and what follows a dash are
    tried with a title that is not sure on its own (`TitleIndex.match_in_context`).
    """
    return cache.get().match_in_context(titles, organizations)
