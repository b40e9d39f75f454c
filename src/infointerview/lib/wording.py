"""Turning an occupation title into words that read naturally inside a sentence.

O*NET titles are plural ("Graphic Designers", "Accountants and Auditors"); a letter
needs "a career as a graphic designer". Free text that is not plural
("graphic design") reads as "a career in graphic design".
"""

from __future__ import annotations

import re

KEEP_AS_IS = {"analysis", "basis", "business", "sales", "arts", "goods", "news", "services"}


def _singular(word: str) -> str:
    lower = word.lower()
    if lower in KEEP_AS_IS or lower.endswith("ss") or not lower.endswith("s"):
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(ch|sh|x)es$", lower):
        return word[:-2]
    return word[:-1]


def _is_plural_title(title: str) -> bool:
    head = title.split(",")[0].split()
    return bool(head) and _singular(head[-1]) != head[-1]


def career_phrase(title: str) -> str:
    """'career as a graphic designer' or 'career in graphic design'."""
    title = " ".join(title.split())
    if not title:
        return "career"
    head, _, rest = title.partition(",")
    if not _is_plural_title(title):
        return f"career in {title.lower()}"
    parts = [" ".join([*p.split()[:-1], _singular(p.split()[-1])]) for p in head.split(" and ")]
    singular = " and ".join(parts).lower()
    if rest.strip():
        singular = f"{singular} ({rest.strip().lower()})"
    article = "an" if singular[0] in "aeiou" else "a"
    return f"career as {article} {singular}"
