"""Wage ranges drawn as SVG on the server, so the page needs no script."""

from __future__ import annotations

import math
from dataclasses import dataclass

from infointerview.careers.wages import Wages
from infointerview.lib.money import TOP_CODE_ANNUAL, money

WIDTH = 640
LEFT = 150
RIGHT = 24
ROW = 46
TOP = 14
AXIS = 30


@dataclass
class WageBar:
    label: str
    y: int
    p10: float
    p25: float
    median: float
    p75: float
    p90: float
    median_text: str
    range_text: str
    employment_text: str
    note: str

    @property
    def box_width(self) -> float:
        return max(self.p75 - self.p25, 2.0)


@dataclass
class WageChart:
    width: int
    height: int
    bars: list[WageBar]
    ticks: list[tuple[float, str]]
    axis_y: int
    summary: str


def _nice_step(span: float) -> float:
    raw = span / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def _figure(estimate, column: str) -> int | None:
    """A percentile as drawn: a top-coded one ("#" in the file) stands at the top code."""
    value = getattr(estimate, column)
    if value is None and column in estimate.top_coded:
        return TOP_CODE_ANNUAL
    return value


def wage_chart(wages: list[Wages]) -> WageChart | None:
    """Each area: a line from the 10th to the 90th percentile, a box for the middle half."""
    usable = [w for w in wages if _figure(w.estimate, "annual_median") is not None]
    if not usable:
        return None
    values = [
        v
        for w in usable
        for v in (_figure(w.estimate, c) for c in ("annual_p10", "annual_p90", "annual_median"))
        if v is not None
    ]
    step = _nice_step(max(values) - 0 or 1)
    high = math.ceil(max(values) / step) * step
    span = WIDTH - LEFT - RIGHT

    def x(value: int | None, fallback: int) -> float:
        return LEFT + span * (value if value is not None else fallback) / high

    bars = []
    for index, wage in enumerate(usable):
        e = wage.estimate
        top = set(e.top_coded)
        median = _figure(e, "annual_median")
        bars.append(
            WageBar(
                label=e.area_title,
                y=TOP + index * ROW,
                p10=x(_figure(e, "annual_p10"), median),
                p25=x(_figure(e, "annual_p25"), median),
                median=x(median, 0),
                p75=x(_figure(e, "annual_p75"), median),
                p90=x(_figure(e, "annual_p90"), median),
                median_text=money(e.annual_median, "annual_median" in top, compact=True),
                range_text=f"{money(e.annual_p10)} – "
                f"{money(e.annual_p90, 'annual_p90' in top, compact=True)}",
                employment_text=f"{e.employment:,}" if e.employment else "—",
                note=wage.note(),
            )
        )
    axis_y = TOP + len(bars) * ROW
    ticks = [
        (LEFT + span * value / high, f"${value / 1000:,.0f}k")
        for value in [step * i for i in range(int(high / step) + 1)]
    ]
    summary = "; ".join(
        f"{b.label}: median {b.median_text}, 10th–90th {b.range_text}" for b in bars
    )
    return WageChart(WIDTH, axis_y + AXIS, bars, ticks, axis_y, summary)
