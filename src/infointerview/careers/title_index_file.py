"""The title matcher's index kept in the data folder, so a new process loads it in a blink
instead of building it (several seconds).

One numpy archive, read without pickle, like the search index (`search_file`). Its key
covers the imported tables and the code that builds the index; a stale, damaged or
unwritable file only costs a rebuild, never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from infointerview.careers.search_file import _blob, _texts

logger = logging.getLogger(__name__)

NAME = "title-index.npz"
ARRAYS = {
    "idf": np.float32,
    "lift_data": np.float32,
    "lift_indices": np.int32,
    "lift_indptr": np.int64,
    "base": np.float32,
    "exact_starts": np.int64,
    "exact_codes": np.int32,
    "exact_weights": np.float32,
    "calibration": np.float64,
}
TEXTS = ("features", "exact_keys", "codes", "titles")
BUILT_BY = ("title_words.py", "title_matcher.py", "title_index_file.py", "title_matches.py")


def path_in(home: str | Path) -> Path:
    return Path(home) / NAME


@lru_cache(maxsize=1)
def _code_version() -> str | None:
    digest = hashlib.sha256()
    try:
        for name in BUILT_BY:
            digest.update(Path(__file__).with_name(name).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def key(version: tuple) -> str | None:
    code = _code_version()
    return None if code is None else hashlib.sha256(f"{code}\n{version!r}".encode()).hexdigest()


def save(path: Path, key: str, parts: dict) -> None:
    """Write beside it, then rename: readers see all of it or none."""
    temporary = None
    try:
        arrays = {name: np.asarray(parts[name], dtype=kind) for name, kind in ARRAYS.items()}
        texts = {name: _blob(parts[name]) for name in TEXTS}
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".title-index-", suffix=".tmp", delete=False
        ) as file:
            temporary = Path(file.name)
            np.savez(file, key=_blob([key]), **arrays, **texts)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:
        logger.info("title index not stored in %s: %s", path, error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def load(path: Path, key: str) -> dict | None:
    """The stored parts when the file is for this key and sound; else None."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            if _texts(stored["key"]) != [key]:
                return None
            parts = {name: stored[name] for name in ARRAYS}
            parts.update({name: _texts(stored[name]) for name in TEXTS})
        check(parts)
    except FileNotFoundError:
        return None
    except Exception as error:  # a damaged file fails in many ways; each means rebuild
        logger.info("title index in %s ignored: %s", path, error)
        return None
    return parts


def check(parts: dict) -> None:
    """Refuse parts that would make matching fail or point at the wrong rows."""
    for name, kind in ARRAYS.items():
        _require(parts[name].dtype == kind and parts[name].ndim == 1)
    words, occupations = len(parts["features"]), len(parts["codes"])
    _require(len(parts["titles"]) == occupations and len(parts["idf"]) == words)
    _require(len(parts["base"]) == (occupations if words else 0))
    _require(len(parts["calibration"]) in (0, 3))
    _bounded(parts["lift_indptr"], words, parts["lift_indices"], occupations)
    _require(len(parts["lift_data"]) == len(parts["lift_indices"]))
    _bounded(parts["exact_starts"], len(parts["exact_keys"]), parts["exact_codes"], occupations)
    _require(len(parts["exact_weights"]) == len(parts["exact_codes"]))


def _bounded(starts: np.ndarray, rows: int, values: np.ndarray, bound: int) -> None:
    _require(len(starts) == rows + 1 and starts[0] == 0 and starts[-1] == len(values))
    _require(bool(np.all(np.diff(starts) >= 0)))
    _require(len(values) == 0 or (values.min() >= 0 and values.max() < bound))


def _require(condition: bool) -> None:
    if not condition:
        raise ValueError("inconsistent title index")
