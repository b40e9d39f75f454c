"""The interest questionnaire and the other ways to state an interest profile.

Sixty work activities, ten for each of Holland's six types (RIASEC), written for this
app. Each answer scores like 2, not sure 1, dislike 0, so a type scores 0–20. People who
already know their scores or Holland code enter them instead; every finished profile is
kept, so the history shows how interests moved.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from django.db import transaction

from infointerview.accounts.validation import validate
from infointerview.careers.models import InterestProfile
from infointerview.careers.models.interests import ANSWERS, ITEM_COUNT, LETTERS, TYPE_NAMES
from infointerview.lib.errors import Refused
from infointerview.lib.typed import quoted

_ACTIVITIES = {
    "R": [
        "Repair a bicycle or a small engine",
        "Build a bookshelf from boards",
        "Plant and look after a vegetable garden",
        "Drive a delivery truck on a daily route",
        "Wire a light switch or an outlet",
        "Operate a forklift in a warehouse",
        "Lay tiles on a bathroom floor",
        "Care for farm animals",
        "Set up and run a machine that cuts metal parts",
        "Fix a leaking pipe under a sink",
    ],
    "I": [
        "Test water samples for pollution in a laboratory",
        "Work out why a computer program gives a wrong answer",
        "Study how a disease spreads through a town",
        "Read research articles about how the brain works",
        "Examine cells under a microscope",
        "Analyze weather data to forecast storms",
        "Design an experiment to test an idea",
        "Find out which chemicals make a paint fade in sunlight",
        "Solve a hard mathematics problem",
        "Study the stars with a telescope",
    ],
    "A": [
        "Sketch the characters for a comic book",
        "Write a short story or a poem",
        "Play an instrument in a band",
        "Design the layout of a magazine page",
        "Act in a play",
        "Photograph people for a portrait series",
        "Make up the steps of a dance",
        "Choose the colors and furniture for a room",
        "Compose music for a film",
        "Sculpt a figure in clay",
    ],
    "S": [
        "Teach a child to read",
        "Help someone recovering from an injury learn to walk again",
        "Listen to a person's problems and help them find a way forward",
        "Coach a youth sports team",
        "Look after older people in a care home",
        "Lead a class on healthy cooking",
        "Help families at a food bank",
        "Show new students around a school",
        "Help people find work that suits them",
        "Tutor an adult who is learning English",
    ],
    "E": [
        "Start a business of your own",
        "Persuade a client to sign a contract",
        "Run a team meeting and decide what happens next",
        "Sell products at a trade fair",
        "Manage a shop's staff and budget",
        "Campaign for a seat on the town council",
        "Negotiate the price of a building",
        "Pitch an idea to investors",
        "Plan the marketing of a new product",
        "Lead a group of volunteers raising money",
    ],
    "C": [
        "Keep the accounts of a small business",
        "Enter orders into a database without mistakes",
        "Check the figures in a report for errors",
        "Set up a filing system for an office",
        "Prepare the payroll for a company's staff",
        "Keep the stock records of a storeroom",
        "Schedule appointments for a busy office",
        "Fill in tax forms by following the rules",
        "Proofread documents against a style guide",
        "Track shipments and keep their records up to date",
    ],
}

# Item n belongs to type LETTERS[(n - 1) % 6]: the types take turns, so a person who
# stops half-way has answered about as many items of each.
ITEMS: dict[int, tuple[str, str]] = {
    index * 6 + turn + 1: (letter, _ACTIVITIES[letter][index])
    for index in range(10)
    for turn, letter in enumerate(LETTERS)
}
POINTS = {"like": 2, "unsure": 1, "dislike": 0}
QUESTIONNAIRE_TOP = 20
CODE_SCORES = (7, 5, 3)  # O*NET's 1–7 scale: first letter 7, second 5, third 3, others 1
CODE_OTHERS = 1

MEANINGS = {
    "R": "Doing: practical, hands-on work with tools, machines, plants or animals, "
    "often outdoors, with results you can see.",
    "I": "Thinking: observing, researching and analysing; finding out how things work "
    "and solving problems with ideas.",
    "A": "Creating: self-expression in designs, words, sound, movement or images, with "
    "room to work without a fixed routine.",
    "S": "Helping: teaching, caring for, advising and serving people.",
    "E": "Persuading: leading, selling, starting projects and taking risks to reach goals.",
    "C": "Organizing: data, records and clear procedures, where accuracy and order count.",
}

LARGEST_ANSWERS_FILE = 64 * 1024


def score_answers(answers: dict[int, str]) -> dict[str, float]:
    """Each type's points: like 2, not sure 1, dislike 0, over its ten items."""
    scores = dict.fromkeys(LETTERS, 0.0)
    for item, answer in answers.items():
        scores[ITEMS[int(item)][0]] += POINTS[answer]
    return scores


def unanswered(answers: dict) -> list[int]:
    return [n for n in ITEMS if str(n) not in answers]


def in_progress(owner) -> InterestProfile | None:
    """The questionnaire the user started and has not finished, to come back to."""
    return InterestProfile.objects.filter(
        owner=owner, source=InterestProfile.Source.QUESTIONNAIRE, finished_at=None
    ).first()


def _checked(answers: dict) -> dict[str, str]:
    checked = {}
    for item, answer in answers.items():
        if not (str(item).isdigit() and int(item) in ITEMS):
            raise Refused(f"item {item!r} is not a question number from 1 to {ITEM_COUNT}")
        if answer not in ANSWERS:
            raise Refused(f"item {item}: answer {answer!r} is not like, unsure or dislike")
        checked[str(int(item))] = answer
    return checked


@transaction.atomic
def save_answers(owner, answers: dict) -> InterestProfile:
    """Keep answers as they are given, so the user can leave half-way and come back."""
    profile = in_progress(owner) or InterestProfile(
        owner=owner, source=InterestProfile.Source.QUESTIONNAIRE, scale=QUESTIONNAIRE_TOP
    )
    profile.keep_answers(_checked(answers))
    validate(profile)
    profile.save()
    return profile


def finish_questionnaire(owner, now: datetime, answers: dict | None = None) -> InterestProfile:
    """Score the questionnaire once every item has an answer; it joins the history.

    The answers given are saved first, in their own transaction, so a refusal for
    missing items still keeps them.
    """
    profile = save_answers(owner, answers or {})
    missing = unanswered(profile.given())
    if missing:
        raise Refused(
            f"{len(missing)} of {ITEM_COUNT} questions have no answer yet, the first is "
            f"number {missing[0]}; your answers so far are kept"
        )
    profile.set_scores(score_answers(profile.given()))
    profile.finished_at = now
    profile.save()
    return profile


def _finished(owner, now: datetime, source: str, scores: dict, scale: float, code: str = ""):
    profile = InterestProfile(owner=owner, source=source, scale=scale, code=code, finished_at=now)
    profile.set_scores(scores)
    validate(profile)
    profile.save()
    return profile


def profile_from_scores(owner, scores: dict[str, float], now: datetime) -> InterestProfile:
    """Scores from elsewhere, on any scale: matching compares shapes, not sizes.

    The same score for every type ranks nothing, and would replace a profile that does:
    it is refused rather than kept."""
    if len(set(scores.values())) == 1:
        raise Refused(
            "scores: every type has the same score, so they say nothing about what suits "
            "you; give the scores your test reported, or answer the questionnaire"
        )
    top = max(scores.values())
    return _finished(owner, now, InterestProfile.Source.SCORES, scores, top if top > 7 else 7)


def profile_from_code(owner, code: str, now: datetime) -> InterestProfile:
    letters = parse_code(code)
    scores = dict.fromkeys(LETTERS, float(CODE_OTHERS))
    for letter, score in zip(letters, CODE_SCORES, strict=False):
        scores[letter] = float(score)
    return _finished(owner, now, InterestProfile.Source.CODE, scores, 7, code="".join(letters))


def parse_code(text: str) -> list[str]:
    letters = list(text.strip().upper())
    if not 1 <= len(letters) <= 3 or any(letter not in LETTERS for letter in letters):
        raise Refused(
            f"Holland code {quoted(text)}: give one to three of the letters R, I, A, S, E, C,"
            " e.g. AES"
        )
    if len(set(letters)) != len(letters):
        raise Refused(f"Holland code {quoted(text)}: each letter may come once")
    return letters


SCORE = re.compile(r"\s*([RIASEC])\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*", re.IGNORECASE)


def parse_scores(text: str) -> dict[str, float]:
    """'R=2,I=3,A=7,S=4,E=6,C=1': all six letters, non-negative numbers on any scale."""
    scores: dict[str, float] = {}
    for part in text.split(","):
        found = SCORE.fullmatch(part)
        if not found:
            raise Refused(
                f"scores: {quoted(part)} is not LETTER=NUMBER (a number of 0 or more); "
                "write e.g. R=2,I=3,A=7,S=4,E=6,C=1"
            )
        letter, value = found.group(1).upper(), float(found.group(2))
        if letter in scores:
            raise Refused(f"scores: {letter} comes twice")
        scores[letter] = value
    missing = [letter for letter in LETTERS if letter not in scores]
    if missing:
        names = ", ".join(f"{m} ({TYPE_NAMES[m]})" for m in missing)
        raise Refused(f"scores: no score for {names}; give all six, e.g. R=2,I=3,A=7,S=4,E=6,C=1")
    return scores


def read_answers_file(path: Path) -> dict[str, str]:
    """One `item-number,like|unsure|dislike` a line; blank lines and `#` comments are skipped."""
    path = Path(path)
    try:
        if path.stat().st_size > LARGEST_ANSWERS_FILE:
            raise Refused(f"{path.name}: larger than any answers file; give one line per question")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise Refused(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise Refused(f"{path.name}: not UTF-8 text") from None
    except OSError as error:
        raise Refused(f"{path}: cannot be read ({error.strerror})") from None
    answers: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        item, _, answer = (part.strip() for part in line.partition(","))
        answer = answer.lower().replace("not sure", "unsure")
        if not (item.isdigit() and int(item) in ITEMS) or answer not in ANSWERS:
            raise Refused(
                f"{path.name} line {number}: write a question number from 1 to {ITEM_COUNT}, "
                "a comma and like, unsure or dislike, e.g. 12,like"
            )
        if str(int(item)) in answers:
            raise Refused(f"{path.name} line {number}: question {item} is answered twice")
        answers[str(int(item))] = answer
    return answers


def history(owner) -> list[InterestProfile]:
    """Finished profiles, newest first."""
    return list(InterestProfile.objects.filter(owner=owner).exclude(finished_at=None))
