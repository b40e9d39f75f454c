"""The title matcher's index kept in the data folder (`stored_index`), so a new process
loads it in a blink instead of building it (several seconds)."""

from __future__ import annotations

import numpy as np

from infointerview.careers.stored_index import StoredIndex, require, require_bounded

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


def check(parts: dict) -> None:
    """Refuse parts that would make matching fail or point at the wrong rows."""
    words, occupations = len(parts["features"]), len(parts["codes"])
    require(len(parts["titles"]) == occupations and len(parts["idf"]) == words)
    require(len(parts["base"]) == (occupations if words else 0))
    require(len(parts["calibration"]) in (0, 3))
    require_bounded(parts["lift_indptr"], words, parts["lift_indices"], occupations)
    require(len(parts["lift_data"]) == len(parts["lift_indices"]))
    require_bounded(
        parts["exact_starts"], len(parts["exact_keys"]), parts["exact_codes"], occupations
    )
    require(len(parts["exact_weights"]) == len(parts["exact_codes"]))


STORED = StoredIndex(
    NAME,
    ARRAYS,
    TEXTS,
    ("title_words.py", "title_matcher.py", "title_index_file.py", "title_matches.py"),
    check,
)
path_in, key, save, load = STORED.path_in, STORED.key, STORED.save, STORED.load
