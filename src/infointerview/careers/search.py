"""Typo-tolerant occupation search over titles, alternate and reported titles and descriptions.

The whole index lives in memory (a few MB for a full release), is kept in the data folder
for the next process (see `search_file`), and answers in well under a millisecond: each
query word is matched to the index's words exactly, by prefix (for live search) and by
edit distance (typos), then titles are scored with numpy over postings, weighting rarer
words higher and preferring titles the query covers fully.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
import time
from functools import lru_cache

import numpy as np
from django.conf import settings
from rapidfuzz import fuzz, process

from infointerview.careers import search_file
from infointerview.careers.lookup import Hit, by_code, is_code
from infointerview.careers.models import (
    AlternateTitle,
    Occupation,
    OnetTable,
    ReportedTitle,
)
from infointerview.careers.title_words import stem

WORD = re.compile(r"[a-z0-9]{2,}")
POSSESSIVE = re.compile(r"['’]s\b")
STOPWORDS = {"and", "of", "the", "or", "in", "for", "to", "a", "an", "all", "other", "on", "with"}
KINDS = ("title", "alternate", "reported", "description")
KIND_WEIGHT = np.array([1.0, 0.92, 0.9, 0.45], dtype=np.float32)  # in the order of KINDS
MATCHED_CHARS = 160  # of the text that matched, kept to show with a hit
PREFIX_SIMILARITY = 0.85
FUZZY_CUTOFF = 72
MAX_SPELLINGS = 200  # words sharing the most three-letter pieces, compared letter by letter
RECHECK_SECONDS = 5.0
BREADTH = 0.04  # many titles matching the whole query is a sign of the right occupation


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _misspelt_stopword(token: str) -> bool:
    """'Ohter' in 'Engineers, All Ohter' is noise, not a word to match."""
    return any(len(w) >= 4 and fuzz.ratio(token, w) >= 80 for w in STOPWORDS)


def words(text: str) -> list[str]:
    text = POSSESSIVE.sub("", text.lower())
    return [stem(w) for w in WORD.findall(text) if w not in STOPWORDS]


Entry = tuple[int, str, str, str, str, str]  # occupation id, code, title, retired_in, kind, text


def _slices(values: np.ndarray, starts: np.ndarray) -> list[np.ndarray]:
    """Row i of a compressed table: values[starts[i]:starts[i + 1]] (views, no copies)."""
    bounds = starts.tolist()
    return [values[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _compress(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Lists of ids as one array and where each list starts: quick to store and to load."""
    starts = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=starts[1:])
    values = np.fromiter((v for r in rows for v in r), dtype=np.int32, count=int(starts[-1]))
    return values, starts


class SearchIndex:
    """The searchable form of the titles and descriptions.

    Made from `parts` (see `search_file.ARRAYS` and `TEXTS`), which is what a file keeps,
    so an index read from a file and one just built are set up by the same code.
    """

    def __init__(self, parts: dict):
        self.parts = parts
        self.texts: list[str] = parts["texts"]
        self.kinds: np.ndarray = parts["kinds"]
        self.group_of_doc = parts["group_of_doc"].astype(np.int64)
        self.occupations = list(
            zip(
                parts["occupation_ids"].tolist(),
                parts["codes"],
                parts["titles"],
                parts["retired"],
                strict=True,
            )
        )
        self.word_list: list[str] = parts["word_list"]
        self.vocab = {word: i for i, word in enumerate(self.word_list)}
        self.words_sorted = sorted(self.word_list)
        self.word_lengths = np.array([len(w) for w in self.word_list], dtype=np.int32)
        self.grams = dict(
            zip(parts["gram_list"], _slices(parts["gram_words"], parts["gram_starts"]), strict=True)
        )
        self.postings = _slices(parts["post_docs"], parts["post_starts"])
        total = len(self.texts)
        self.idf = np.array(
            [math.log(1 + total / n) for n in np.diff(parts["post_starts"]).tolist()],
            dtype=np.float32,
        )
        distinct_words = np.bincount(parts["post_docs"], minlength=total)
        self.lengths = np.maximum(distinct_words, 1).astype(np.float32)
        self.weights = KIND_WEIGHT[self.kinds]
        self.candidates = lru_cache(maxsize=4096)(self._candidates)

    @classmethod
    def from_entries(cls, entries: list[Entry]) -> SearchIndex:
        """entries grouped by occupation, each occupation's title first."""
        vocab: dict[str, int] = {}
        postings: list[list[int]] = []
        for doc, entry in enumerate(entries):
            for token in dict.fromkeys(words(entry[5])):
                word_id = vocab.setdefault(token, len(vocab))
                if word_id == len(postings):
                    postings.append([])
                postings[word_id].append(doc)
        grams: dict[str, list[int]] = {}
        for index, word in enumerate(vocab):
            for gram in _trigrams(word):
                grams.setdefault(gram, []).append(index)
        occupation_of_doc = np.array([e[0] for e in entries], dtype=np.int64)
        first_of_group = np.r_[True, occupation_of_doc[1:] != occupation_of_doc[:-1]][
            : len(entries)
        ]
        heads = [entries[i] for i in np.flatnonzero(first_of_group)]
        post_docs, post_starts = _compress(postings)
        gram_words, gram_starts = _compress(list(grams.values()))
        return cls(
            {
                "occupation_ids": np.array([e[0] for e in heads], dtype=np.int64),
                "codes": [e[1] for e in heads],
                "titles": [e[2] for e in heads],
                "retired": [e[3] for e in heads],
                "group_of_doc": (np.cumsum(first_of_group) - 1).astype(np.int32),
                "kinds": np.array([KINDS.index(e[4]) for e in entries], dtype=np.int8),
                "texts": [e[5][:MATCHED_CHARS] for e in entries],
                "word_list": list(vocab),
                "post_docs": post_docs,
                "post_starts": post_starts,
                "gram_list": list(grams),
                "gram_words": gram_words,
                "gram_starts": gram_starts,
            }
        )

    def _candidates(self, token: str) -> tuple[tuple[int, float], ...]:
        """Index words a query word may mean, with how sure we are of each.

        A word the index knows is taken as written (plus longer words it begins);
        only unknown words are looked up by edit distance, the costly part.
        """
        found: dict[str, float] = {}
        known = token in self.vocab
        if known:
            found[token] = 1.0
        if len(token) >= 3:
            start = bisect.bisect_left(self.words_sorted, token)
            for word in self.words_sorted[start : start + 12]:
                if not word.startswith(token):
                    break
                found.setdefault(word, PREFIX_SIMILARITY)
        if len(token) >= 4 and not known:
            for word, score, _ in process.extract(
                token,
                self._similar_spellings(token),
                scorer=fuzz.ratio,
                limit=6,
                score_cutoff=FUZZY_CUTOFF,
            ):
                similarity = (score / 100) ** 2
                if similarity > found.get(word, 0):
                    found[word] = similarity
        return tuple((self.vocab[w], s) for w, s in found.items())

    def _similar_spellings(self, token: str) -> list[str]:
        """Index words sharing enough three-letter pieces with token to be a typo of it."""
        postings = [self.grams[g] for g in _trigrams(token) if g in self.grams]
        if not postings:
            return []
        counts = np.bincount(np.concatenate(postings), minlength=len(self.word_list))
        counts[np.abs(self.word_lengths - len(token)) > 2] = 0
        needed = max(1, len(token) - 6)
        likely = np.flatnonzero(counts >= needed)
        if len(likely) > MAX_SPELLINGS:
            likely = likely[np.argpartition(-counts[likely], MAX_SPELLINGS)[:MAX_SPELLINGS]]
        return [self.word_list[i] for i in likely]

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Occupations by words of their titles and descriptions (codes: see `search`)."""
        if not self.texts:
            return []
        tokens = [t for t in dict.fromkeys(words(query)) if not _misspelt_stopword(t)][:8]
        if not tokens:
            return []
        found_docs, found_values = [], []
        best_possible = 0.0
        for token in tokens:
            candidates = self.candidates(token)
            if not candidates:
                best_possible += float(self.idf.max())
                continue
            weight = float(self.idf[max(candidates, key=lambda c: c[1])[0]])
            best_possible += weight
            docs = np.concatenate([self.postings[w] for w, _ in candidates])
            values = np.concatenate(
                [np.full(len(self.postings[w]), s * weight, np.float32) for w, s in candidates]
            )
            order = np.lexsort((-values, docs))
            docs, values = docs[order], values[order]
            first = np.r_[True, docs[1:] != docs[:-1]]
            found_docs.append(docs[first])
            found_values.append(values[first])
        if not found_docs:
            return []
        docs, inverse = np.unique(np.concatenate(found_docs), return_inverse=True)
        total = np.bincount(inverse, weights=np.concatenate(found_values))
        matched = np.bincount(inverse)
        coverage = np.minimum(matched / self.lengths[docs], 1.0)
        scores = total / best_possible * self.weights[docs] * (0.75 + 0.25 * coverage)
        groups = self.group_of_doc[docs]
        breadth = np.bincount(groups[matched >= len(tokens)], minlength=len(self.occupations))
        order = np.lexsort((-scores, groups))
        first = np.r_[True, groups[order][1:] != groups[order][:-1]]
        best_docs, best_groups = docs[order][first], groups[order][first]
        group_scores = scores[order][first] * (1 + BREADTH * np.log1p(breadth[best_groups]))
        ranked = np.argsort(-group_scores, kind="stable")[:limit]
        return [
            self._hit(int(best_groups[i]), int(best_docs[i]), float(group_scores[i]))
            for i in ranked
        ]

    def _hit(self, group: int, best_doc: int, score: float) -> Hit:
        occupation_id, code, title, retired_in = self.occupations[group]
        kind = KINDS[self.kinds[best_doc]]
        return Hit(occupation_id, code, title, score, self.texts[best_doc], kind, retired_in)


def build_index() -> SearchIndex:
    entries: list[Entry] = []
    alternates: dict[int, list[str]] = {}
    for occupation_id, title in AlternateTitle.objects.values_list("occupation_id", "title"):
        alternates.setdefault(occupation_id, []).append(title)
    reported: dict[int, list[str]] = {}
    for occupation_id, title in ReportedTitle.objects.values_list("occupation_id", "title"):
        reported.setdefault(occupation_id, []).append(title)
    occupations = Occupation.objects.order_by("id").values_list(
        "id", "code", "title", "retired_in", "description"
    )
    for occupation_id, code, title, retired_in, description in occupations:
        head = (occupation_id, code, title, retired_in)
        entries.append((*head, "title", title))
        seen = {title.lower()}
        for kind, texts in (("alternate", alternates), ("reported", reported)):
            for text in texts.get(occupation_id, []):
                if text.lower() not in seen:
                    seen.add(text.lower())
                    entries.append((*head, kind, text))
        if description:
            entries.append((*head, "description", description))
    return SearchIndex.from_entries(entries)


def data_version() -> tuple:
    """Changes with every import that changed a table (the time tells two databases apart)."""
    return tuple(
        (name, release, sha256, str(imported_at))
        for name, release, sha256, imported_at in OnetTable.objects.order_by("name").values_list(
            "name", "release", "sha256", "imported_at"
        )
    )


def load_or_build(version: tuple) -> SearchIndex:
    """The index stored for this data if it is sound; else a new one, stored for next time.

    A one-off command then reads a file instead of building the index in every process.
    """
    home = getattr(settings, "HOME", None)
    key = search_file.key(version)
    if home is None or key is None:
        return build_index()
    path = search_file.path_in(home)
    parts = search_file.load(path, key)
    if parts is not None:
        return SearchIndex(parts)
    index = build_index()
    search_file.save(path, key, index.parts)
    return index


class _Cache:
    """One index per process, replaced when an import has changed the tables."""

    def __init__(self):
        self.lock = threading.Lock()
        self.index: SearchIndex | None = None
        self.version: tuple | None = None
        self.checked = 0.0

    def get(self) -> SearchIndex:
        now = time.monotonic()
        if self.index is not None and now - self.checked < RECHECK_SECONDS:
            return self.index
        with self.lock:
            version = data_version()  # read before the data, so a file is never newer than its key
            if self.index is None or version != self.version:
                self.index, self.version = load_or_build(version), version
            self.checked = now
            return self.index

    def forget(self) -> None:
        with self.lock:
            self.index, self.version, self.checked = None, None, 0.0


cache = _Cache()


def search(query: str, limit: int = 10) -> list[Hit]:
    """Codes and code prefixes straight from the database; anything else through the index."""
    if is_code(query):
        return by_code(query, limit)
    return cache.get().search(query.strip(), limit)
