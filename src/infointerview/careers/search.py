"""Typo-tolerant occupation search over titles, alternate and reported titles and descriptions.

The whole index lives in memory (a few MB for a full release) and answers in well under
a millisecond: each query word is matched to the index's words exactly, by prefix (for
live search) and by edit distance (typos), then titles are scored with numpy over
postings, weighting rarer words higher and preferring titles the query covers fully.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from infointerview.careers.models import (
    AlternateTitle,
    Occupation,
    OnetTable,
    ReportedTitle,
)

WORD = re.compile(r"[a-z0-9]{2,}")
POSSESSIVE = re.compile(r"['’]s\b")
STOPWORDS = {"and", "of", "the", "or", "in", "for", "to", "a", "an", "all", "other", "on", "with"}
CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")
KIND_WEIGHT = {"title": 1.0, "alternate": 0.92, "reported": 0.9, "description": 0.45}
PREFIX_SIMILARITY = 0.85
FUZZY_CUTOFF = 72
MAX_SPELLINGS = 200  # words sharing the most three-letter pieces, compared letter by letter
RECHECK_SECONDS = 5.0
BREADTH = 0.04  # many titles matching the whole query is a sign of the right occupation


def _stem(word: str) -> str:
    """Plural to singular, so 'nurses' finds 'Nurse' and 'designer' finds 'Designers'."""
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _trigrams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _misspelt_stopword(token: str) -> bool:
    """'Ohter' in 'Engineers, All Ohter' is noise, not a word to match."""
    return any(len(w) >= 4 and fuzz.ratio(token, w) >= 80 for w in STOPWORDS)


def words(text: str) -> list[str]:
    text = POSSESSIVE.sub("", text.lower())
    return [_stem(w) for w in WORD.findall(text) if w not in STOPWORDS]


@dataclass
class Hit:
    occupation_id: int
    code: str
    title: str
    score: float
    matched: str
    matched_kind: str
    retired_in: str

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "score": round(self.score, 4),
            "matched": self.matched,
            "matched_kind": self.matched_kind,
            "retired_in": self.retired_in or None,
        }


class SearchIndex:
    def __init__(self, entries: list[tuple[int, str, str, str, str, str]]):
        """entries: (occupation_id, code, title, retired_in, kind, text), grouped by occupation."""
        self.entries = entries
        vocab: dict[str, int] = {}
        postings: list[list[int]] = []
        lengths = np.zeros(len(entries), dtype=np.float32)
        for doc, (_, _, _, _, _, text) in enumerate(entries):
            tokens = set(words(text))
            lengths[doc] = max(len(tokens), 1)
            for token in tokens:
                word_id = vocab.setdefault(token, len(vocab))
                if word_id == len(postings):
                    postings.append([])
                postings[word_id].append(doc)
        self.vocab = vocab
        self.words_sorted = sorted(vocab)
        self.word_list = list(vocab)
        self.word_lengths = np.array([len(w) for w in self.word_list], dtype=np.int32)
        grams: dict[str, list[int]] = {}
        for index, word in enumerate(self.word_list):
            for gram in _trigrams(word):
                grams.setdefault(gram, []).append(index)
        self.grams = {g: np.array(ids, dtype=np.int32) for g, ids in grams.items()}
        total = len(entries)
        self.postings = [np.array(p, dtype=np.int32) for p in postings]
        self.idf = np.array([math.log(1 + total / len(p)) for p in postings], dtype=np.float32)
        self.lengths = lengths
        self.weights = np.array([KIND_WEIGHT[e[4]] for e in entries], dtype=np.float32)
        occupation_of_doc = np.array([e[0] for e in entries], dtype=np.int64)
        first_of_group = np.r_[True, occupation_of_doc[1:] != occupation_of_doc[:-1]][
            : len(entries)
        ]
        self.group_of_doc = np.cumsum(first_of_group).astype(np.int64) - 1
        self.occupations = [entries[i] for i in np.flatnonzero(first_of_group)]
        self.code_to_group = {entry[1]: group for group, entry in enumerate(self.occupations)}
        self.candidates = lru_cache(maxsize=4096)(self._candidates)

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
        query = query.strip()
        if not self.entries:
            return []
        if CODE.match(query) or re.fullmatch(r"\d{2}-\d{4}", query):
            return self._by_code(query, limit)
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
        occupation_id, code, title, retired_in, _, _ = self.occupations[group]
        entry = self.entries[best_doc]
        return Hit(occupation_id, code, title, score, entry[5][:160], entry[4], retired_in)

    def _by_code(self, query: str, limit: int) -> list[Hit]:
        groups = [g for code, g in self.code_to_group.items() if code.startswith(query)]
        hits = []
        for group in sorted(groups)[:limit]:
            occupation_id, code, title, retired_in, _, _ = self.occupations[group]
            hits.append(Hit(occupation_id, code, title, 1.0, code, "code", retired_in))
        return hits


def build_index() -> SearchIndex:
    entries: list[tuple[int, str, str, str, str, str]] = []
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
    return SearchIndex(entries)


class _Cache:
    """One index per process, rebuilt when an import has changed the tables."""

    def __init__(self):
        self.lock = threading.Lock()
        self.index: SearchIndex | None = None
        self.version: tuple | None = None
        self.checked = 0.0

    def _data_version(self) -> tuple:
        return tuple(OnetTable.objects.order_by("name").values_list("name", "sha256"))

    def get(self) -> SearchIndex:
        now = time.monotonic()
        if self.index is not None and now - self.checked < RECHECK_SECONDS:
            return self.index
        with self.lock:
            version = self._data_version()
            if self.index is None or version != self.version:
                self.index, self.version = build_index(), version
            self.checked = now
            return self.index

    def forget(self) -> None:
        with self.lock:
            self.index, self.version, self.checked = None, None, 0.0


cache = _Cache()


def search(query: str, limit: int = 10) -> list[Hit]:
    return cache.get().search(query, limit)
