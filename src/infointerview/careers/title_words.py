"""A job title as people write it, reduced to the words that name an occupation.

"Senior UX Designer at Shopify" names the occupation with "user experience designer";
"senior" says the person's level, and "at Shopify" the organization. Titles in O*NET and
titles typed by people go through the same reduction, so they meet as equals.

Level words (shown to the user with every match, see docs/title-matcher.md):
- entry: intern, trainee, junior, jr, associate, entry level, graduate, and the grades
  I and 1;
- experienced: senior, sr, staff, principal, lead, and the grades II, III, IV, 2, 3, 4;
- supervisor: manager, head, director, VP (vice president), chief, C-level titles
  (CEO, CTO…), supervisor, president.
Entry and experienced words are dropped before matching: a senior accountant is an
accountant. Supervisor words stay, because O*NET has occupations of their own for them
(Marketing Managers, Chief Executives); "head of" and "VP" read as "manager".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ENTRY, EXPERIENCED, SUPERVISOR = "entry", "experienced", "supervisor"

ENTRY_WORDS = {"intern", "internship", "trainee", "junior", "associate", "graduate", "i", "1"}
EXPERIENCED_WORDS = {"senior", "staff", "principal", "lead", "ii", "iii", "iv", "2", "3", "4"}
LEVEL_ONLY = ENTRY_WORDS | EXPERIENCED_WORDS
SUPERVISOR_WORDS = {
    "manager",
    "director",
    "chief",
    "head",
    "vp",
    "supervisor",
    "president",
    "superintendent",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cio",
    "cmo",
}
LEVEL_WORDS = LEVEL_ONLY | SUPERVISOR_WORDS
# Read as another word before anything else; a level word after the expansion still counts.
ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "dir": "director",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "devs": "developers",
    "swe": "software engineer",
    "sde": "software engineer",
    "admin": "administrator",
    "asst": "assistant",
    "assoc": "associate",
    "coord": "coordinator",
    "tech": "technician",
    "techs": "technicians",
    "rep": "representative",
    "acct": "accountant",
    "ux": "user experience",
    "ui": "user interface",
    "hr": "human resources",
    "it": "information technology",
    "qa": "quality assurance",
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "cna": "certified nursing assistant",
    "np": "nurse practitioner",
    "pa": "physician assistant",
    "md": "physician",
    "dds": "dentist",
    "cpa": "certified public accountant",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "cmo": "chief marketing officer",
    "svp": "vp",
    "evp": "vp",
    "avp": "vp",
    "ml": "machine learning",
    "ai": "artificial intelligence",
    "pm": "project manager",
}
PHRASES = {
    "vice president": "vp",
    "vice-president": "vp",
    "head of": "head",
    "entry level": "junior",
    "entry-level": "junior",
    "front end": "frontend",
    "front-end": "frontend",
    "back end": "backend",
    "back-end": "backend",
    "full stack": "fullstack",
    "full-stack": "fullstack",
}
PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in PHRASES) + r")\b")
STOPWORDS = {"and", "of", "the", "or", "in", "for", "to", "a", "an", "on", "with", "&"}
# An organization or a second role follows these; only what comes before names the work.
CUT_AT = re.compile(r"\s(?:at|@)\s|\s@|\s[|•·]\s?|\s[-–—]\s|;|\s/\s")
DASH = re.compile(r"\s[-–—]\s")
ASSISTANT_TO = re.compile(r"\b(assistant) to\b.*")  # 'to the CEO' names whom, not the work
PARENTHESES = re.compile(r"\(([^)]*)\)")
WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Reading:
    """What a title says: the words that name the work, and the level they imply."""

    words: tuple[str, ...]
    level: str
    level_words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def unaccented(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Plural to singular, so 'nurses' meets 'Nurse' and 'designers' meets 'Designer'."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _expanded(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        spelt = ABBREVIATIONS.get(word)
        if spelt is None:
            out.append(word)
        else:
            out.extend(spelt.split())
    return out


def main_part(title: str) -> str:
    """The title before any organization or second role.

    'UX Designer at Shopify' → 'UX Designer'.
    """
    text = " " + " ".join(title.split()) + " "
    first = CUT_AT.split(text, maxsplit=1)[0]
    return first if first.strip() else text


def after_dash(title: str) -> str:
    """What follows ' - ' in a title: an organization, or a field ('Manager - Construction')."""
    parts = DASH.split(title, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def read(title: str, cut: bool = True) -> Reading:
    """The words of a title (stemmed, abbreviations spelled out) and its level.

    cut=False keeps the whole text: O*NET's own titles have no organization to drop.
    """
    text = title.lower()
    if not text.isascii():
        text = unaccented(text)
    if cut:
        reading = _read(main_part(text))
        if set(reading.level_words) != set(reading.words):
            return reading  # else 'Intern - Marketing': the part before the dash is a level
    return _read(text)


def _read(text: str) -> Reading:
    if "(" in text:
        text = PARENTHESES.sub(" ", text)
    if " to " in text:
        text = ASSISTANT_TO.sub(r"\1", text)
    text = PHRASE.sub(lambda found: PHRASES[found.group()], text)
    words = _expanded(WORD.findall(text))
    level, said = _level_of(words)
    kept = [stem(w) for w in words if w not in LEVEL_ONLY and w not in STOPWORDS]
    if "vp" in kept or "head" in kept:  # 'VP of Sales' is read 'sales manager'
        kept = [w for w in kept if w not in ("vp", "head")] + ["manager"]
    if not kept:  # 'Associate' alone, or 'Lead': the word is all there is
        kept = [stem(w) for w in words if w not in STOPWORDS]
    return Reading(tuple(kept), level, tuple(said))


def _level_of(words: list[str]) -> tuple[str, list[str]]:
    """The highest level any word names; entry when none does."""
    if LEVEL_WORDS.isdisjoint(words):
        return ENTRY, []
    for level, named in ((SUPERVISOR, SUPERVISOR_WORDS), (EXPERIENCED, EXPERIENCED_WORDS)):
        said = [w for w in words if w in named]
        if said:
            return level, said
    return ENTRY, [w for w in words if w in ENTRY_WORDS]


def parenthesised(title: str) -> list[str]:
    """'Registered Nurse (RN)' is also written 'RN': the short forms inside parentheses."""
    return [inner.strip() for inner in PARENTHESES.findall(title) if inner.strip()]
