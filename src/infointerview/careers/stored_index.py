"""An index kept in the data folder, so a new process loads it instead of building it.

One numpy archive, read without pickle: arrays of numbers, and lists of text kept as one
blob each. Its key covers the imported tables (release, checksum, time of import) and the
code that builds the index, so a new import or an upgrade makes it stale. A stale,
damaged or unwritable file only costs a rebuild: it is never an error. The search index
(`search_file`) and the title matcher's (`title_index_file`) are kept this way.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)


class Inconsistent(ValueError):
    """Stored parts that would make the index fail or point at the wrong rows."""


def require(condition: bool) -> None:
    if not condition:
        raise Inconsistent("inconsistent index")


def require_bounded(starts: np.ndarray, rows: int, values: np.ndarray, bound: int) -> None:
    """Rows of `values` cut at `starts` (one more than rows), each value below `bound`."""
    require(len(starts) == rows + 1 and starts[0] == 0 and starts[-1] == len(values))
    require(bool(np.all(np.diff(starts) >= 0)))
    require(len(values) == 0 or (values.min() >= 0 and values.max() < bound))


def _blob(texts: list[str]) -> np.ndarray:
    """Texts each ended by NUL: one array, split again in milliseconds."""
    joined = "".join(f"{text}\0" for text in texts)
    if joined.count("\0") != len(texts):
        raise ValueError("a text contains NUL")
    return np.frombuffer(joined.encode(), dtype=np.uint8)


def _texts(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode().split("\0")[:-1]


class StoredIndex:
    """One kind of stored index: its file name, its parts, and what built it."""

    def __init__(
        self,
        name: str,
        arrays: dict[str, type],
        texts: tuple[str, ...],
        built_by: tuple[str, ...],
        check: Callable[[dict], None],
    ):
        self.name, self.arrays, self.texts = name, arrays, texts
        self.built_by = (*built_by, Path(__file__).name)
        self.check = check

    def path_in(self, home: str | Path) -> Path:
        return Path(home) / self.name

    @cached_property
    def _code_version(self) -> str | None:
        """Any change to the modules that build the index makes older files stale."""
        digest = hashlib.sha256()
        try:
            for module in self.built_by:
                digest.update(Path(__file__).with_name(module).read_bytes())
        except OSError:
            return None  # installed without sources: no way to tell, so no file
        return digest.hexdigest()

    def key(self, version: tuple) -> str | None:
        """What a file must say it was built from; None when files cannot be trusted."""
        code = self._code_version
        if code is None:
            return None
        return hashlib.sha256(f"{code}\n{version!r}".encode()).hexdigest()

    def save(self, path: Path, key: str, parts: dict) -> None:
        """Write to a temporary file beside it, then rename: readers see all of it or none."""
        temporary = None
        try:
            arrays = {name: np.asarray(parts[name], dtype=t) for name, t in self.arrays.items()}
            texts = {name: _blob(parts[name]) for name in self.texts}
            with tempfile.NamedTemporaryFile(
                dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp", delete=False
            ) as file:
                temporary = Path(file.name)
                np.savez(file, key=_blob([key]), **arrays, **texts)
            os.replace(temporary, path)
        except (OSError, ValueError) as error:
            logger.info("%s not stored: %s", path, error)
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def load(self, path: Path, key: str) -> dict | None:
        """The stored parts when the file is for this key and sound; else None."""
        try:
            with np.load(path, allow_pickle=False) as stored:
                if _texts(stored["key"]) != [key]:
                    return None
                parts = {name: stored[name] for name in self.arrays}
                parts.update({name: _texts(stored[name]) for name in self.texts})
            for name, kind in self.arrays.items():
                require(parts[name].dtype == kind and parts[name].ndim == 1)
            self.check(parts)
        except FileNotFoundError:
            return None
        except Exception as error:  # a damaged file fails in many ways; each means rebuild
            logger.info("%s ignored: %s", path, error)
            return None
        return parts
