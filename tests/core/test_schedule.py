"""Post-time arithmetic: time zones, both DST changes, downtime, missed days, reconfiguration."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.core.schedule import (
    Due,
    ScheduleError,
    Wait,
    decide,
    due_instant,
    next_post,
    parse_time,
    suggest_timezones,
    zone,
)

BERLIN = zone("Europe/Berlin")
NEW_YORK = zone("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("08:00", time(8)), ("8:05", time(8, 5)), ("23:59", time(23, 59)), (" 00:00 ", time(0))],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "8", "08:60", "noon", "", "08:00:00"])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(ScheduleError):
        parse_time(text)


def test_zone_names() -> None:
    assert zone("europe/berlin").key == "Europe/Berlin"
    with pytest.raises(ScheduleError):
        zone("Mars/Olympus")
    assert suggest_timezones("berl") == ["Europe/Berlin"]
    assert suggest_timezones("Europe/")[0].startswith("Europe/")
    assert len(suggest_timezones("a", limit=25)) == 25
    assert "UTC" in suggest_timezones("")


def test_due_instant_ordinary_days() -> None:
    assert due_instant(date(2026, 7, 1), time(8), BERLIN) == utc(2026, 7, 1, 6)
    assert due_instant(date(2026, 1, 15), time(8), BERLIN) == utc(2026, 1, 15, 7)
    assert due_instant(date(2026, 1, 15), time(8), zone("UTC")) == utc(2026, 1, 15, 8)
    # a zone ahead of UTC whose morning is the previous UTC day
    assert due_instant(date(2026, 1, 15), time(8), zone("Asia/Tokyo")) == utc(2026, 1, 14, 23)


def test_spring_forward_nonexistent_time_posts_at_next_valid_instant() -> None:
    # Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
    assert due_instant(date(2026, 3, 29), time(2, 30), BERLIN) == utc(2026, 3, 29, 1)
    assert due_instant(date(2026, 3, 29), time(2, 0), BERLIN) == utc(2026, 3, 29, 1)
    # times around the gap are unaffected
    assert due_instant(date(2026, 3, 29), time(1, 59), BERLIN) == utc(2026, 3, 29, 0, 59)
    assert due_instant(date(2026, 3, 29), time(3, 0), BERLIN) == utc(2026, 3, 29, 1)
    assert due_instant(date(2026, 3, 29), time(8, 0), BERLIN) == utc(2026, 3, 29, 6)
    # New York, 8 March 2026, 02:30 → 03:00 EDT
    assert due_instant(date(2026, 3, 8), time(2, 30), NEW_YORK) == utc(2026, 3, 8, 7)


def test_fall_back_ambiguous_time_posts_at_first_occurrence_once() -> None:
    # Berlin, 25 October 2026: 02:30 happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    first = due_instant(date(2026, 10, 25), time(2, 30), BERLIN)
    assert first == utc(2026, 10, 25, 0, 30)
    due = decide(first, time(2, 30), BERLIN, last_day=None)
    assert isinstance(due, Due) and due.day == date(2026, 10, 25) and not due.late
    # once claimed, the second 02:30 is not due again: next is tomorrow
    # New York's ambiguous hour is 01:00-02:00 on 1 November 2026
    assert due_instant(date(2026, 11, 1), time(1, 30), NEW_YORK) == utc(2026, 11, 1, 5, 30)
    again = decide(utc(2026, 10, 25, 1, 30), time(2, 30), BERLIN, last_day=date(2026, 10, 25))
    assert again == Wait(date(2026, 10, 26), utc(2026, 10, 26, 1, 30))


def test_daily_sequence_across_both_dst_changes_posts_every_local_day_once() -> None:
    """Simulate a bot waking whenever told to, for a year, in New York at 02:30."""
    at = time(2, 30)
    now = utc(2026, 1, 1, 5)  # midnight in New York
    last: date | None = None
    posted: list[tuple[date, datetime]] = []
    while now < utc(2027, 1, 1, 5):
        decision = decide(now, at, NEW_YORK, last_day=last)
        if isinstance(decision, Due):
            assert not decision.late
            posted.append((decision.day, now))
            last = decision.day
            continue
        assert decision.until > now
        now = decision.until
    days = [d for d, _ in posted]
    assert len(days) == len(set(days))
    assert days[0] == date(2026, 1, 1)
    assert len(days) == 365  # 2026-01-01 .. 2026-12-31
    by_day = dict(posted)
    assert by_day[date(2026, 3, 8)] == utc(2026, 3, 8, 7)  # 03:00 EDT, the gap's end
    assert by_day[date(2026, 11, 1)] == utc(2026, 11, 1, 7, 30)  # 02:30 EST, after fall-back
    assert by_day[date(2026, 7, 1)] == utc(2026, 7, 1, 6, 30)


def test_wait_until_today_then_tomorrow() -> None:
    at = time(8)
    assert decide(utc(2026, 7, 1, 5), at, BERLIN, last_day=None) == Wait(
        date(2026, 7, 1), utc(2026, 7, 1, 6)
    )
    assert decide(utc(2026, 7, 1, 6, 0, 1), at, BERLIN, last_day=date(2026, 7, 1)) == Wait(
        date(2026, 7, 2), utc(2026, 7, 2, 6)
    )


def test_down_at_post_time_posts_late_same_local_day() -> None:
    at = time(8)
    decision = decide(utc(2026, 7, 1, 9), at, BERLIN, last_day=date(2026, 6, 30))
    assert decision == Due(date(2026, 7, 1), utc(2026, 7, 1, 6), late=True)
    # a few seconds after the due time is not late
    on_time = decide(utc(2026, 7, 1, 6, 0, 5), at, BERLIN, last_day=date(2026, 6, 30))
    assert isinstance(on_time, Due) and not on_time.late
    # up to local midnight it is still owed
    decision = decide(utc(2026, 7, 1, 21, 59), at, BERLIN, last_day=None)
    assert isinstance(decision, Due) and decision.late


def test_missed_day_is_never_posted_later() -> None:
    # down from before 08:00 on 1 July until 00:30 on 2 July (Berlin): 1 July is skipped
    at = time(8)
    decision = decide(utc(2026, 7, 1, 22, 30), at, BERLIN, last_day=date(2026, 6, 30))
    assert decision == Wait(date(2026, 7, 2), utc(2026, 7, 2, 6))
    # down for a week: only today's slot matters
    decision = decide(utc(2026, 7, 9, 12), at, BERLIN, last_day=date(2026, 7, 1))
    assert isinstance(decision, Due) and decision.day == date(2026, 7, 9) and decision.late


def test_configured_after_todays_time_starts_tomorrow() -> None:
    at = time(8)
    configured = utc(2026, 7, 1, 8)  # 10:00 in Berlin
    decision = decide(utc(2026, 7, 1, 8, 1), at, BERLIN, last_day=None, active_since=configured)
    assert decision == Wait(date(2026, 7, 2), utc(2026, 7, 2, 6))
    # configured before today's time: today's is owed
    early = utc(2026, 7, 1, 5)
    decision = decide(utc(2026, 7, 1, 6), at, BERLIN, last_day=None, active_since=early)
    assert isinstance(decision, Due)


def test_time_zone_decides_the_local_date() -> None:
    # 23:30 UTC on 1 July is already 2 July in Tokyo and still 1 July in New York
    now = utc(2026, 7, 1, 23, 30)
    tokyo = decide(now, time(8), zone("Asia/Tokyo"), last_day=date(2026, 7, 1))
    assert tokyo == Due(date(2026, 7, 2), utc(2026, 7, 1, 23), late=True)
    tokyo = decide(now, time(8), zone("Asia/Tokyo"), last_day=date(2026, 7, 2))
    assert tokyo == Wait(date(2026, 7, 3), utc(2026, 7, 2, 23))
    ny = decide(now, time(18), NEW_YORK, last_day=date(2026, 6, 30))
    assert isinstance(ny, Due) and ny.day == date(2026, 7, 1)


def test_next_post_and_naive_datetimes_rejected() -> None:
    now = utc(2026, 7, 1, 5)
    assert next_post(now, time(8), BERLIN, last_day=None) == (date(2026, 7, 1), utc(2026, 7, 1, 6))
    due_now = next_post(utc(2026, 7, 1, 7), time(8), BERLIN, last_day=None)
    assert due_now == (date(2026, 7, 1), utc(2026, 7, 1, 7))
    with pytest.raises(ValueError):
        decide(datetime(2026, 7, 1, 5), time(8), BERLIN, last_day=None)


def test_skipped_calendar_day() -> None:
    # Samoa skipped 30 December 2011 entirely; a slot that day resolves to the next instant.
    apia = zone("Pacific/Apia")
    instant = due_instant(date(2011, 12, 30), time(8), apia)
    assert instant.astimezone(apia).date() == date(2011, 12, 31)
    assert instant - due_instant(date(2011, 12, 29), time(8), apia) < timedelta(days=1)
