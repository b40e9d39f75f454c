"""From a job title to an O*NET occupation: fast enough for a whole address book, and sure
only when it has reason to be.

Three steps, all on whole batches (see docs/title-matcher.md):
1. The title is read (`title_words.read`): organization and level words set aside.
2. An exact title, alternate title or reported title with those words decides at once.
3. Otherwise every occupation is scored by Complement Naive Bayes (Rennie et al., 2003)
   over scikit-learn TF-IDF words and word pairs of all of O*NET's titles: a few sparse
   matrix products for the whole batch.
A ranked answer's confidence is a probability fitted (logistic regression) on titles
held out of the index when it is built, so "0.6" means about six in ten are right; an
exact one's is the share of O*NET's uses of those words that name it.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from infointerview.careers.title_words import Reading, after_dash, parenthesised, read

if TYPE_CHECKING:
    import scipy.sparse as sp

# scikit-learn and SciPy are imported where they are used: every command loads this
# module, and only the ones that match titles should pay for them (about a second).

# Matches this sure are applied; the rest wait for the user's word. Chosen so that the
# applied matches are right at least nine times in ten (bench/bench_titles.py measures it).
THRESHOLD = 0.93
# Less sure than this, a match is not even proposed: the user would mostly be told no.
PROPOSE_FROM = 0.35
# A title of one word ('Coordinator', 'Manager', 'Director') names many kinds of work,
# even when O*NET happens to list it under one occupation: it is asked, never applied.
ONE_WORD_CAP = 0.5
ALPHA = 0.05  # smoothing of the word counts
KIND_WEIGHT = {"title": 3.0, "alternate": 1.0, "short": 1.0, "reported": 1.0}
HELD_OUT = 3000  # alternate titles left out once at build time to fit the confidence
MIN_HELD_OUT = 100  # with fewer, ranked answers keep an even 0.5 and all wait for the user
SEED = 20260
CHUNK = 2048  # titles scored at once: bounds the dense scores at CHUNK × occupations
MEMORY = 200_000  # titles (and unknown words) remembered before starting afresh
TOP = 5
TYPO_LENGTH = 5  # shorter words are too easily another word
TYPO_SCORE = 88
EXACT_BONUS = 1000.0  # an exact title outranks any count of shared words

EMPTY_MODEL = {
    "features": [],
    "idf": np.zeros(0, np.float32),
    "lift_data": np.zeros(0, np.float32),
    "lift_indices": np.zeros(0, np.int32),
    "lift_indptr": np.zeros(1, np.int64),
    "base": np.zeros(0, np.float32),
    "exact_keys": [],
    "exact_starts": np.zeros(1, np.int64),
    "exact_codes": np.zeros(0, np.int32),
    "exact_weights": np.zeros(0, np.float32),
}

# Words that say what kind of organization it is, not what the person does there.
COMPANY_WORDS = {"inc", "llc", "ltd", "corp", "corporation", "company", "co", "group", "gmbh"}

Entry = tuple[str, str, str]  # O*NET-SOC code, text, kind (title, alternate, short, reported)


class Explanation(NamedTuple):
    words: tuple[str, ...]
    candidates: tuple[Candidate, ...]


class Candidate(NamedTuple):
    code: str
    title: str
    confidence: float

    def to_dict(self) -> dict:
        return {"code": self.code, "title": self.title, "confidence": round(self.confidence, 3)}


@dataclass(slots=True)
class TitleMatch:
    """The occupation a title most likely names, how sure that is, and why.

    The words that decided it and the runners-up are worked out when first asked for:
    a batch of thousands of titles needs neither.
    """

    title: str
    code: str
    occupation: str
    confidence: float
    reading: Reading
    exact: bool
    explain: Callable[[TitleMatch], Explanation] | None = field(default=None, repr=False)
    explained: Explanation | None = field(default=None, repr=False)

    @property
    def level(self) -> str:
        return self.reading.level

    @property
    def level_words(self) -> tuple[str, ...]:
        return self.reading.level_words

    @property
    def words(self) -> tuple[str, ...]:
        """The words of the title that decided it, strongest first."""
        return self._explained().words

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The likeliest occupations, this one first."""
        return self._explained().candidates

    def _explained(self) -> Explanation:
        if self.explained is None:
            self.explained = self.explain(self) if self.explain else Explanation((), ())
        return self.explained

    @property
    def applied(self) -> bool:
        """Sure enough to link without asking."""
        return bool(self.code) and self.confidence >= THRESHOLD

    @property
    def worth_asking(self) -> bool:
        """Sure enough to propose for the user's word (applied ones included)."""
        return bool(self.code) and self.confidence >= PROPOSE_FROM

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "code": self.code or None,
            "occupation": self.occupation or None,
            "confidence": round(self.confidence, 3),
            "applied": self.applied,
            "level": self.level,
            "level_words": list(self.level_words),
            "words": list(self.words),
            "exact": self.exact,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def _readings(entries: list[Entry]) -> list[tuple[str, str, float]]:
    """(words, code, weight) for every entry and the short forms in its parentheses."""
    out = []
    for code, text, kind in entries:
        weight = KIND_WEIGHT[kind]
        for variant in (text, *parenthesised(text)):
            words = read(variant, cut=False).text
            if words:
                out.append((words, code, weight))
    return out


class _Model:
    """Word weights per occupation, and exact titles, from (words, code, weight) rows.

    Set up from `parts` (numbers and lists only, see `title_index_file`), so a model read from
    the data folder and one just built run the same code.
    """

    @classmethod
    def build(cls, rows: list[tuple[str, str, float]], codes: list[str]) -> _Model:
        import scipy.sparse as sp
        from sklearn.feature_extraction.text import TfidfVectorizer

        code_id = {c: i for i, c in enumerate(codes)}
        exact: dict[str, Counter] = defaultdict(Counter)
        for words, code, weight in rows:
            exact[words][code_id[code]] += weight
        vectorizer = TfidfVectorizer(
            token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32
        )
        docs = vectorizer.fit_transform([r[0] for r in rows])
        owner = sp.csr_matrix(
            (
                np.array([r[2] for r in rows], dtype=np.float32),
                ([code_id[r[1]] for r in rows], np.arange(len(rows))),
            ),
            shape=(len(codes), len(rows)),
        )
        counts = (owner @ docs).tocsr()  # occupation × word: how much its titles use it
        every = np.asarray(counts.sum(axis=0)).ravel() + ALPHA
        complement_total = every.sum() - np.asarray(counts.sum(axis=1)).ravel()
        # Complement NB scores -log P(word | the other occupations). That splits into a
        # part shared by all occupations (dropped: it ranks nothing), a sparse part for the
        # words an occupation uses, and a per-occupation constant times the query's weight.
        lift = counts.copy()
        lift.data = np.log(every[counts.indices]) - np.log(every[counts.indices] - counts.data)
        lift = lift.T.tocsr().astype(np.float32)  # word × occupation
        base = np.log(complement_total).astype(np.float32)
        keys = list(exact)
        exact_codes = [list(exact[k].items()) for k in keys]
        return cls(
            {
                "features": vectorizer.get_feature_names_out().tolist(),
                "idf": vectorizer.idf_.astype(np.float32),
                "lift_data": lift.data,
                "lift_indices": lift.indices.astype(np.int32),
                "lift_indptr": lift.indptr.astype(np.int64),
                "base": base - base.min(),
                "exact_keys": keys,
                "exact_starts": np.cumsum([0] + [len(c) for c in exact_codes]).astype(np.int64),
                "exact_codes": np.array([o for c in exact_codes for o, _ in c], dtype=np.int32),
                "exact_weights": np.array([w for c in exact_codes for _, w in c], dtype=np.float32),
            },
            len(codes),
        )

    def __init__(self, parts: dict, occupations: int):
        import scipy.sparse as sp

        self.parts = parts
        self.features: list[str] = parts["features"]
        self.vocabulary = {feature: i for i, feature in enumerate(self.features)}
        self.idf = parts["idf"]
        self.lift = sp.csr_matrix(
            (parts["lift_data"], parts["lift_indices"], parts["lift_indptr"]),
            shape=(len(self.features), occupations),
        )
        lift = self.lift.tocoo()
        self.lift_of = dict(
            zip(
                zip(lift.col.tolist(), lift.row.tolist(), strict=True),
                lift.data.tolist(),
                strict=True,
            )
        )
        self.base = parts["base"]
        bounds = parts["exact_starts"].tolist()
        codes, weights = parts["exact_codes"].tolist(), parts["exact_weights"].tolist()
        self.exact = {
            key: dict(zip(codes[a:b], weights[a:b], strict=True))
            for key, a, b in zip(parts["exact_keys"], bounds[:-1], bounds[1:], strict=True)
        }
        self.words_by_letter: dict[str, list[str]] = defaultdict(list)
        for feature in self.features:
            if " " not in feature:
                self.words_by_letter[feature[0]].append(feature)
        self.spellings: dict[str, str] = {}

    def rank(self, texts: list[str], count: int = 2) -> Ranking:
        """The best occupations for each text, best first, with what the confidence needs."""
        queries = self.vectors(texts)
        scores = (queries @ self.lift).toarray()
        scores += np.asarray(queries.sum(axis=1)) * self.base[None, :]
        share = np.zeros(len(texts))
        for row, text in enumerate(texts):
            found = self.exact.get(text)
            if found:
                total = sum(found.values())
                for occupation, weight in found.items():
                    scores[row, occupation] += EXACT_BONUS * weight / total
                share[row] = max(found.values()) / total
                if " " not in text:
                    share[row] = min(share[row], ONE_WORD_CAP)
        top, top_scores = _best(scores, count)
        return Ranking(queries, top, top_scores, share)

    def vectors(self, texts: list[str]) -> sp.csr_matrix:
        """The vectorizer's own TF-IDF rows, without its general tokenizer.

        The words are already read (`title_words.read`), so a dictionary lookup per word
        and word pair does what `transform` does, several times faster.
        """
        import scipy.sparse as sp

        vocabulary, idf = self.vocabulary, self.idf
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            words = [w if w in vocabulary else self.spelt(w) for w in text.split()]
            found = {vocabulary.get(w) for w in words}
            found.update(vocabulary.get(f"{a} {b}") for a, b in zip(words, words[1:], strict=False))
            found.discard(None)
            indices.extend(found)
            indptr.append(len(indices))
        columns = np.array(indices, dtype=np.int32)
        rows = sp.csr_matrix(
            (idf[columns], columns, np.array(indptr)), shape=(len(texts), len(idf))
        )
        lengths = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
        return sp.diags(1 / np.maximum(lengths, 1e-12)).dot(rows).tocsr()

    def spelt(self, word: str) -> str:
        """A word O*NET's titles do not use, read as the one it is likely a typo of.

        Compared letter by letter (RapidFuzz) with the title words that begin alike; each
        unknown word is looked up once.
        """
        if len(self.spellings) > MEMORY:
            self.spellings.clear()
        if word not in self.spellings:
            found = None
            if len(word) >= TYPO_LENGTH and not word.isdigit():
                found = process.extractOne(
                    word,
                    self.words_by_letter.get(word[0], ()),
                    scorer=fuzz.ratio,
                    score_cutoff=TYPO_SCORE,
                )
            self.spellings[word] = found[0] if found else word
        return self.spellings[word]

    def deciding_words(self, queries: sp.csr_matrix, row: int, occupation: int) -> tuple[str, ...]:
        """The title's words that count for this occupation, strongest first."""
        start, end = queries.indptr[row], queries.indptr[row + 1]
        weighed = []
        for feature, value in zip(
            queries.indices[start:end].tolist(), queries.data[start:end].tolist(), strict=True
        ):
            lift = self.lift_of.get((occupation, feature), 0.0)
            if lift > 0:
                weighed.append((value * lift, self.features[feature]))
        words: list[str] = []
        for _, feature in sorted(weighed, reverse=True):
            words += [w for w in feature.split() if w not in words]
        return tuple(words)


def _best(scores: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The columns of the count highest scores of each row, best first.

    A few passes of argmax: much quicker than sorting or partitioning every row.
    """
    rows = np.arange(len(scores))
    top = np.empty((len(scores), count), dtype=np.int64)
    values = np.empty((len(scores), count), dtype=scores.dtype)
    for rank in range(count):
        top[:, rank] = scores.argmax(axis=1)
        values[:, rank] = scores[rows, top[:, rank]]
        scores[rows, top[:, rank]] = -np.inf
    return top, values


@dataclass
class Ranking:
    queries: sp.csr_matrix
    top: np.ndarray  # occupations, best first, TOP per text
    scores: np.ndarray
    exact_share: np.ndarray  # of the exact titles with these words, the best one's share

    def features(self) -> np.ndarray:
        """What the confidence of a ranked (not exact) answer is fitted on."""
        return np.column_stack([self.scores[:, 0], self.scores[:, 0] - self.scores[:, 1]])


def _rows_of(entries: list[Entry], titles: dict[str, str]) -> list[tuple[str, str, float]]:
    return [r for r in _readings(entries) if r[1] in titles]


class TitleIndex:
    """All of O*NET's titles, ready to match job titles in batches."""

    def __init__(self, entries: list[Entry], titles: dict[str, str]):
        codes = sorted(titles)
        rows = _rows_of(entries, titles)
        self.titles, self.codes = titles, codes
        model = _Model.build(rows, codes) if rows else None
        self._set_up(model, self._calibrate(entries) if rows else None)

    @classmethod
    def from_parts(cls, parts: dict) -> TitleIndex:
        """An index as `parts` keeps it (see `title_index_file`)."""
        index = cls.__new__(cls)
        index.codes = parts["codes"]
        index.titles = dict(zip(parts["codes"], parts["titles"], strict=True))
        model = _Model(parts, len(index.codes)) if parts["features"] else None
        calibration = parts["calibration"] if len(parts["calibration"]) else None
        index._set_up(model, calibration)
        return index

    def _set_up(self, model: _Model | None, calibration: np.ndarray | None) -> None:
        """calibration: the fitted logistic curve's two weights and its intercept."""
        self.model, self.calibration = model, calibration
        self.memo: dict[str, TitleMatch] = {}
        calibrated = [] if calibration is None else calibration
        self.parts = {
            **(model.parts if model else EMPTY_MODEL),
            "codes": self.codes,
            "titles": [self.titles[c] for c in self.codes],
            "calibration": np.array(calibrated, dtype=np.float64),
        }

    def _calibrate(self, entries: list[Entry]) -> np.ndarray | None:
        """Fit the confidence of ranked answers on alternate titles left out of a trial index."""
        alternates = [i for i, e in enumerate(entries) if e[2] == "alternate"]
        count = min(HELD_OUT, len(alternates) // 5)
        if count < MIN_HELD_OUT:
            return None  # too few titles to tell: every ranked answer waits for the user
        held = set(random.Random(SEED).sample(alternates, count))
        trial = _Model.build(
            _rows_of([e for i, e in enumerate(entries) if i not in held], self.titles),
            self.codes,
        )
        asked = [entries[i] for i in sorted(held) if entries[i][0] in self.titles]
        ranking = trial.rank([read(e[1]).text for e in asked])
        ranked = ranking.exact_share == 0
        right = np.array(
            [self.codes[t] == e[0] for t, e in zip(ranking.top[:, 0], asked, strict=True)]
        )
        features, right = ranking.features()[ranked], right[ranked]
        if right.all() or not right.any():
            return None
        from sklearn.linear_model import LogisticRegression

        fitted = LogisticRegression().fit(features, right)
        return np.array([*fitted.coef_[0], *fitted.intercept_], dtype=np.float64)

    def match(self, titles: list[str]) -> list[TitleMatch]:
        """One answer per title, in order; a title asked before is answered from memory."""
        if len(self.memo) > MEMORY:  # a long-running server forgets rather than grows
            self.memo.clear()
        todo = list(dict.fromkeys(t for t in titles if t not in self.memo))
        answers: dict[str, TitleMatch] = {}
        for start in range(0, len(todo), CHUNK):
            chunk = todo[start : start + CHUNK]
            answers.update(zip(chunk, self._match(chunk), strict=True))
        self.memo.update(answers)
        return [answers.get(t) or self.memo[t] for t in titles]

    def match_in_context(
        self, titles: list[str], organizations: list[str] | None = None
    ) -> list[TitleMatch]:
        """Titles with the words around them, kept when they make the answer surer.

        What follows a dash ('Project Manager - Construction') is tried before a title that
        is not sure on its own. The organization's words only with a title that names no
        occupation alone ('Associate' at 'Mercy Hospital'): with titles that do, they led
        sound answers astray more often than they helped (bench/bench_titles.py).
        """
        if organizations is not None and len(organizations) != len(titles):
            raise ValueError("one organization per title, or none")
        found = self.match(titles)
        retry = {}
        for row, match in enumerate(found):
            if match.applied:
                continue
            around = list(read(after_dash(titles[row]), cut=False).words)
            if organizations and organizations[row] and not match.code:
                around += [w for w in read(organizations[row]).words if w not in COMPANY_WORDS]
            extra = " ".join(around)
            if extra:  # the level words again, so the level stays the title's
                said = " ".join(match.reading.level_words)
                retry[row] = f"{said} {extra} {match.reading.text}"  # the field first
        for row, match in zip(retry, self.match(list(retry.values())), strict=True):
            if match.code and match.confidence > found[row].confidence:
                found[row] = replace(match, title=titles[row])
        return found

    def _match(self, titles: list[str]) -> list[TitleMatch]:
        readings = [read(t) for t in titles]
        if self.model is None:
            return [
                TitleMatch(t, "", "", 0.0, r, False) for t, r in zip(titles, readings, strict=True)
            ]
        # 'Senior Accountant' and 'Accountant II' read alike: each reading is ranked once.
        texts = list(dict.fromkeys(r.text for r in readings))
        row_of = {text: row for row, text in enumerate(texts)}
        ranking = self.model.rank(texts, 2)
        sure = self._confidence(ranking).tolist()
        best = ranking.top[:, 0].tolist()
        exact = (ranking.exact_share > 0).tolist()
        empty = (np.diff(ranking.queries.indptr) == 0).tolist()
        out = []
        for title, reading in zip(titles, readings, strict=True):
            row = row_of[reading.text]
            if empty[row] and not exact[row]:
                out.append(TitleMatch(title, "", "", 0.0, reading, False))
                continue
            code = self.codes[best[row]]
            out.append(
                TitleMatch(
                    title, code, self.titles[code], sure[row], reading, exact[row], self.explain
                )
            )
        return out

    def explain(self, match: TitleMatch) -> Explanation:
        """The words that decided a match, and the likeliest occupations beside it."""
        ranking = self.model.rank([match.reading.text], TOP)
        top, scores = ranking.top[0].tolist(), ranking.scores[0]
        spread = np.exp(np.minimum(scores - scores[0], 0)).tolist()
        candidates = tuple(
            Candidate(self.codes[o], self.titles[self.codes[o]], match.confidence * s)
            for o, s in zip(top, spread, strict=True)
            if o == top[0] or self.model.deciding_words(ranking.queries, 0, o)
        )
        chosen = self.codes.index(match.code)
        words = self.model.deciding_words(ranking.queries, 0, chosen) or match.reading.words
        return Explanation(words, candidates)

    def _confidence(self, ranking: Ranking) -> np.ndarray:
        """Exact titles: the share of O*NET's uses of those words that name the answer;
        ranked answers: the fitted probability of being right."""
        if self.calibration is None:
            ranked = np.full(len(ranking.exact_share), 0.5)
        else:
            weights, intercept = self.calibration[:2], self.calibration[2]
            ranked = 1 / (1 + np.exp(-(ranking.features() @ weights + intercept)))
        return np.where(ranking.exact_share > 0, ranking.exact_share, ranked)
