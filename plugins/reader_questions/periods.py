"""Roundup periods: a month (2026-10) or a quarter (2026-q4)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PERIODS = ("month", "quarter")
MONTH_KEY = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
QUARTER_KEY = re.compile(r"^(\d{4})-q([1-4])$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    key: str    # "2026-10" or "2026-q4": slugs, URLs and intro file names
    label: str  # "October 2026" or "Q4 2026 (October to December)"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def period_of(day: dt.date, kind: str) -> Period:
    if kind == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return quarter_period(day.year, quarter)
    return month_period(day.year, day.month)


def month_period(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last), f"{year}-{month:02d}",
                  f"{calendar.month_name[month]} {year}")


def quarter_period(year: int, quarter: int) -> Period:
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    last = calendar.monthrange(year, last_month)[1]
    label = f"Q{quarter} {year} ({calendar.month_name[first_month]} to {calendar.month_name[last_month]})"
    return Period(dt.date(year, first_month, 1), dt.date(year, last_month, last), f"{year}-q{quarter}", label)


def parse_key(key: str, kind: str) -> Period | None:
    """The period an intro file name stands for, or None if it is not one of ``kind``."""
    if kind == "month" and (match := MONTH_KEY.match(key)):
        return month_period(int(match[1]), int(match[2]))
    if kind == "quarter" and (match := QUARTER_KEY.match(key)):
        return quarter_period(int(match[1]), int(match[2]))
    return None


def example_key(kind: str) -> str:
    return "2026-q4" if kind == "quarter" else "2026-10"
