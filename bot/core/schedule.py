"""Post-time arithmetic for the daily briefing: when a guild's briefing is due, in its time zone.

Pure: "now" is always an argument (an aware datetime), nothing here reads a clock, sleeps, or
touches Discord or SQLite. The only outside data read is the IANA time zone database (through
`zoneinfo`).

Rules, per guild and local date:
- the briefing is due at the configured wall-clock time in the guild's zone on that date;
- a wall time that does not exist that day (spring forward, e.g. 02:30 in Europe/Berlin on the
  last Sunday of March) is due at the next valid instant, the moment the clocks jump (03:00);
- an ambiguous wall time (fall back, 02:30 happens twice) is due at its first occurrence; the
  store's one-claim-per-(guild, local date) makes it post once either way;
- a bot that was down at the due time posts when it comes back the same local day, flagged late
  (more than `LATE_AFTER` after the due time); a local day it missed entirely is never posted
  afterwards (only today's slot is ever considered);
- a slot that fell before the briefing was configured (`active_since`) is not owed: setting the
  time to 08:00 at 10:00 means tomorrow at 08:00, not now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

#: A post this long after its due time is marked late (the loop itself wakes within seconds).
LATE_AFTER = timedelta(minutes=10)

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ScheduleError(ValueError):
    """A time or time zone the user gave that cannot be used."""


def parse_time(text: str) -> time:
    """Parse "HH:MM" (24-hour, "8:05" allowed) into a time, or raise ScheduleError."""
    match = _HHMM.match(text.strip())
    if match is None:
        raise ScheduleError(f"“{text}” is not a time of day; use HH:MM, e.g. 08:30.")
    return time(int(match.group(1)), int(match.group(2)))


def format_time(at: time) -> str:
    """Format a time of day as HH:MM."""
    return f"{at.hour:02d}:{at.minute:02d}"


@lru_cache(maxsize=1)
def timezone_names() -> tuple[str, ...]:
    """Return every IANA zone name the zone database knows, sorted."""
    return tuple(sorted(available_timezones()))


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    """Return the zone with this IANA name (case-insensitive), or raise ScheduleError."""
    wanted = name.strip()
    if wanted not in timezone_names():
        exact = {n.casefold(): n for n in timezone_names()}.get(wanted.casefold())
        if exact is None:
            raise ScheduleError(f"“{name}” is not an IANA time zone name (e.g. Europe/Berlin).")
        wanted = exact
    try:
        return ZoneInfo(wanted)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ScheduleError(f"“{name}” is not a known time zone.") from exc


def suggest_timezones(partial: str, *, limit: int = 25) -> list[str]:
    """Zone names for autocomplete: prefix matches first, then names containing the text."""
    needle = partial.strip().casefold().replace(" ", "_")
    names = timezone_names()
    if not needle:
        common = ("UTC", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo")
        return list(common[:limit])
    prefix = [n for n in names if n.casefold().startswith(needle)]
    city = [n for n in names if n not in prefix and n.casefold().split("/")[-1].startswith(needle)]
    rest = [n for n in names if n not in prefix and n not in city and needle in n.casefold()]
    return (prefix + city + rest)[:limit]


def local_date(now: datetime, tz: ZoneInfo) -> date:
    """Return the calendar date it is in the zone at the instant `now`."""
    return _aware(now).astimezone(tz).date()


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes given to the schedule must be timezone-aware")
    return moment


def due_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """Return the UTC instant the briefing of local date `day` is due.

    A wall time skipped by a spring-forward change resolves to the instant the clocks jump (the
    next valid instant); an ambiguous one resolves to its first occurrence (fold=0).
    """
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    candidates = (first.astimezone(UTC), second.astimezone(UTC))
    for candidate in sorted(candidates):
        if candidate.astimezone(tz).replace(tzinfo=None) == wall:
            return candidate  # exists (the earlier instant if ambiguous)
    # Nonexistent: the gap lies between the two readings; find the transition instant.
    lo, hi = sorted(candidates)
    after = hi.astimezone(tz).utcoffset()
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).utcoffset() == after:
            hi = mid
        else:
            lo = mid
    return hi.replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class Due:
    """Post now: the slot of `day` is due (since `at`), `late` if well past it."""

    day: date
    at: datetime
    late: bool


@dataclass(frozen=True, slots=True)
class Wait:
    """Nothing to post before `until`, when the slot of `day` falls due."""

    day: date
    until: datetime


Decision = Due | Wait


def decide(
    now: datetime,
    at: time,
    tz: ZoneInfo,
    *,
    last_day: date | None,
    active_since: datetime | None = None,
    late_after: timedelta = LATE_AFTER,
) -> Decision:
    """Decide whether a guild's briefing is due at `now`, or until when to wait.

    `last_day` is the latest local date whose slot is already claimed (posted or being posted).
    Only today's slot is ever due: a day missed entirely is skipped, not posted later.
    """
    now = _aware(now).astimezone(UTC)
    today = local_date(now, tz)
    slot = due_instant(today, at, tz)
    owed = last_day is None or last_day < today
    if owed and active_since is not None and slot < _aware(active_since):
        owed = False  # configured after today's time: the first briefing is tomorrow's
    if owed and now >= slot:
        return Due(today, slot, late=now - slot > late_after)
    if owed:
        return Wait(today, slot)
    tomorrow = today + timedelta(days=1)
    return Wait(tomorrow, due_instant(tomorrow, at, tz))


def next_post(
    now: datetime,
    at: time,
    tz: ZoneInfo,
    *,
    last_day: date | None,
    active_since: datetime | None = None,
) -> tuple[date, datetime]:
    """Return the local date and UTC instant of the next briefing (now, if one is due)."""
    decision = decide(now, at, tz, last_day=last_day, active_since=active_since)
    if isinstance(decision, Due):
        return decision.day, _aware(now).astimezone(UTC)
    return decision.day, decision.until
