"""An interest profile drawn as SVG bars on the server, so the page needs no script."""

from __future__ import annotations

from dataclasses import dataclass

from infointerview.careers.models import InterestProfile
from infointerview.careers.models.interests import TYPE_NAMES

WIDTH = 300
HEIGHT = 18


@dataclass
class InterestBar:
    letter: str
    name: str
    score: float
    width: float
    top: bool


@dataclass
class InterestChart:
    width: int
    height: int
    bars: list[InterestBar]
    summary: str


def interest_chart(profile: InterestProfile) -> InterestChart:
    """One bar per type, as long as its share of the scale's top; the top three marked."""
    scores = profile.scores()
    top = profile.scale or max(scores.values()) or 1
    leaders = profile.top_three()
    bars = [
        InterestBar(
            letter,
            TYPE_NAMES[letter],
            score,
            round(max(WIDTH * min(score / top, 1), 2), 1),
            letter in leaders,
        )
        for letter, score in scores.items()
    ]
    summary = "; ".join(f"{b.name} {b.score:g} of {top:g}" for b in bars)
    return InterestChart(WIDTH, HEIGHT, bars, summary)
