"""The search index kept in the data folder, so a new process loads it instead of building it.

One numpy archive, read without pickle. Its key covers the imported tables (release,
checksum, time of import) and the code that builds the index, so a new import or an
upgrade makes it stale. A stale, damaged or unwritable file only costs a rebuild: it is
never an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

NAME = "search-index.npz"
# Each array with its type; and the lists of text, kept as one blob each.
ARRAYS = {
    "occupation_ids": np.int64,
    "group_of_doc": np.int32,
    "kinds": np.int8,
    "post_docs": np.int32,
    "post_starts": np.int64,
    "gram_words": np.int32,
    "gram_starts": np.int64,
}
TEXTS = ("codes", "titles", "retired", "texts", "word_list", "gram_list")
KIND_COUNT = 4  # search.KINDS
BUILT_BY = ("search.py", "search_file.py")


def path_in(home: str | Path) -> Path:
    return Path(home) / NAME


@lru_cache(maxsize=1)
def _code_version() -> str | None:
    """Any change to the modules that build the index makes older files stale."""
    digest = hashlib.sha256()
    try:
        for name in BUILT_BY:
            digest.update(Path(__file__).with_name(name).read_bytes())
    except OSError:
        return None  # installed without sources: no way to tell, so no file
    return digest.hexdigest()


def key(version: tuple) -> str | None:
    """What a file must say it was built from; None when files cannot be trusted."""
    code = _code_version()
    if code is None:
        return None
    return hashlib.sha256(f"{code}\n{version!r}".encode()).hexdigest()


def _blob(texts: list[str]) -> np.ndarray:
    """Texts each ended by NUL: one array, split again in milliseconds."""
    joined = "".join(f"{text}\0" for text in texts)
    if joined.count("\0") != len(texts):
        raise ValueError("a text contains NUL")
    return np.frombuffer(joined.encode(), dtype=np.uint8)


def _texts(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode().split("\0")[:-1]


def save(path: Path, key: str, parts: dict) -> None:
    """Write to a temporary file beside it, then rename: readers see all of it or none."""
    temporary = None
    try:
        arrays = {name: np.asarray(parts[name], dtype=kind) for name, kind in ARRAYS.items()}
        texts = {name: _blob(parts[name]) for name in TEXTS}
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".search-index-", suffix=".tmp", delete=False
        ) as file:
            temporary = Path(file.name)
            np.savez(file, key=_blob([key]), **arrays, **texts)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:
        logger.info("search index not stored in %s: %s", path, error)
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
        logger.info("search index in %s ignored: %s", path, error)
        return None
    return parts


def _starts(starts: np.ndarray, rows: int, values: np.ndarray, bound: int) -> None:
    _require(len(starts) == rows + 1 and starts[0] == 0 and starts[-1] == len(values))
    _require(bool(np.all(np.diff(starts) >= 0)))
    _require(len(values) == 0 or (values.min() >= 0 and values.max() < bound))


def check(parts: dict) -> None:
    """Refuse parts that would make search fail or point at the wrong rows."""
    for name, kind in ARRAYS.items():
        _require(parts[name].dtype == kind and parts[name].ndim == 1)
    docs, groups = len(parts["texts"]), len(parts["codes"])
    _require(len(parts["kinds"]) == docs == len(parts["group_of_doc"]))
    _require(len(parts["occupation_ids"]) == groups == len(parts["titles"]))
    _require(groups == len(parts["retired"]))
    steps = np.diff(parts["group_of_doc"], prepend=-1)
    _require(bool(np.all((steps == 0) | (steps == 1))))
    _require(docs == 0 or parts["group_of_doc"][-1] == groups - 1)
    _require(docs == 0 or (parts["kinds"].min() >= 0 and parts["kinds"].max() < KIND_COUNT))
    words = len(parts["word_list"])
    _starts(parts["post_starts"], words, parts["post_docs"], docs)
    _starts(parts["gram_starts"], len(parts["gram_list"]), parts["gram_words"], words)


def _require(condition: bool) -> None:
    if not condition:
        raise ValueError("inconsistent search index")
