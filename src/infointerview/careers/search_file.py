"""The search index kept in the data folder (`stored_index`), so a new process loads it
instead of building it."""

from __future__ import annotations

import numpy as np

from infointerview.careers.stored_index import StoredIndex, require, require_bounded

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


def check(parts: dict) -> None:
    """Refuse parts that would make search fail or point at the wrong rows."""
    docs, groups = len(parts["texts"]), len(parts["codes"])
    require(len(parts["kinds"]) == docs == len(parts["group_of_doc"]))
    require(len(parts["occupation_ids"]) == groups == len(parts["titles"]))
    require(groups == len(parts["retired"]))
    steps = np.diff(parts["group_of_doc"], prepend=-1)
    require(bool(np.all((steps == 0) | (steps == 1))))
    require(docs == 0 or parts["group_of_doc"][-1] == groups - 1)
    require(docs == 0 or (parts["kinds"].min() >= 0 and parts["kinds"].max() < KIND_COUNT))
    words = len(parts["word_list"])
    require_bounded(parts["post_starts"], words, parts["post_docs"], docs)
    require_bounded(parts["gram_starts"], len(parts["gram_list"]), parts["gram_words"], words)


STORED = StoredIndex(NAME, ARRAYS, TEXTS, ("search.py", "search_file.py", "title_words.py"), check)
path_in, key, save, load = STORED.path_in, STORED.key, STORED.save, STORED.load
