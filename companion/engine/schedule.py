"""When is the next reminder? Pure computation on the user's wall clock with ``zoneinfo``.

A reminder belongs to a *local date*: each enabled date of the user's calendar gets exactly one occurrence.
Its instant is the chosen wall-clock time on that date, with two DST rules:

- a time that does not exist that day (the clocks jump forward over it) is moved forward by the jump
  (02:30 on the spring change in Paris → 03:30): fold=0 uses the offset in force before the change;
- a time that happens twice (the clocks go back) is the first of the two.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

EVERY_DAY = 0b1111111
WEEKDAYS = 0b0011111
LATE_GRACE = timedelta(hours=1)
"""A reminder that is late by less than this is still sent after midnight (a 23:50 reminder at 00:10)."""


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """The timezone called ``name`` (cached: building a ZoneInfo reads a file)."""
    return ZoneInfo(name)


def valid_timezone(name: str) -> bool:
    """True if ``name`` is an IANA timezone this machine knows."""
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError, IsADirectoryError):
        return False
    return True


@dataclass(frozen=True)
class Occurrence:
    """One reminder: its instant (UTC) and the local date it belongs to."""

    due_at: datetime
    local_date: date


def local_instant(day: date, minute: int, tz: ZoneInfo) -> datetime:
    """The UTC instant of ``minute`` past midnight on ``day`` in ``tz`` (DST rules in the module docstring)."""
    wall = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz).replace(fold=0)
    return wall.astimezone(UTC)


def next_occurrence(minute: int, timezone: str, days: int, after: datetime) -> Occurrence | None:
    """The first occurrence strictly after ``after`` on an enabled day, or None if no day is enabled."""
    if not days & EVERY_DAY:
        return None
    tz = zone(timezone)
    # Start one day early: a late time moved forward by a DST jump may belong to yesterday's date.
    start = after.astimezone(tz).date() - timedelta(days=1)
    for offset in range(9):
        day = start + timedelta(days=offset)
        if not days & (1 << day.weekday()):
            continue
        due = local_instant(day, minute, tz)
        if due > after:
            return Occurrence(due, day)
    raise AssertionError("an enabled weekday always occurs within nine days")


def local_date(instant: datetime, timezone: str) -> date:
    """The user's calendar date at ``instant``."""
    return instant.astimezone(zone(timezone)).date()


def still_timely(occurrence: Occurrence, now: datetime, timezone: str) -> bool:
    """Send a missed reminder only on its own local day (or if barely late); older ones are skipped."""
    return local_date(now, timezone) == occurrence.local_date or now - occurrence.due_at <= LATE_GRACE


def parse_hhmm(text: str) -> int | None:
    """``"7:05"``, ``"07h05"``, ``"19 h"`` or ``"19:30"`` → minutes past midnight; None if it is not a time."""
    cleaned = text.strip().lower().replace(" ", "").replace("h", ":").replace(".", ":")
    if cleaned.endswith(":"):
        cleaned += "00"
    hours, sep, minutes = cleaned.partition(":")
    if not sep:
        minutes = "00"
    digits = (hours + minutes).isascii() and hours.isdigit() and minutes.isdigit()  # not '²' or '٣'
    if not (digits and len(hours) <= 2 and len(minutes) == 2):
        return None
    h, m = int(hours), int(minutes)
    if h > 23 or m > 59:
        return None
    return h * 60 + m


_FRENCH_CITIES = {"bruxelles": "Europe/Brussels", "la reunion": "Indian/Reunion", "reunion": "Indian/Reunion",
                  "londres": "Europe/London", "geneve": "Europe/Zurich", "calcutta": "Asia/Kolkata",
                  "new york": "America/New_York", "los angeles": "America/Los_Angeles",
                  "bamako": "Africa/Bamako", "abidjan": "Africa/Abidjan"}
"""French city names that differ from the IANA ones."""


@lru_cache(maxsize=1)
def _known_timezones() -> dict[str, str]:
    from zoneinfo import available_timezones

    names: dict[str, str] = dict(_FRENCH_CITIES)
    for name in sorted(available_timezones()):
        names.setdefault(name.lower(), name)
        city = name.rsplit("/", 1)[-1].lower().replace("_", " ")
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            names.setdefault(city, name)
    return names


def find_timezone(text: str) -> str | None:
    """``"Europe/Paris"``, ``"europe/paris"`` or a city like ``"Montreal"`` → the IANA name, or None."""
    decomposed = unicodedata.normalize("NFKD", " ".join(text.strip().split()).lower())
    typed = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not typed or len(typed) > 64:
        return None
    name = _known_timezones().get(typed) or _known_timezones().get(typed.replace(" ", "_"))
    if name is None and valid_timezone(text.strip()):
        name = text.strip()
    return name
