"""Next-due computation across timezones and DST changes (hypothesis), and the small parsers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.engine.schedule import (
    EVERY_DAY,
    Occurrence,
    find_timezone,
    local_instant,
    next_occurrence,
    parse_hhmm,
    still_timely,
)

ZONES = ["Europe/Paris", "Europe/London", "America/New_York", "America/Santiago", "Australia/Lord_Howe",
         "Pacific/Chatham", "Asia/Kolkata", "America/Havana", "Africa/Casablanca", "Pacific/Apia", "UTC",
         "America/St_Johns", "Asia/Tehran"]

zones = st.sampled_from(ZONES)
minutes = st.integers(0, 24 * 60 - 1)
masks = st.integers(1, EVERY_DAY)
instants = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31),
                        timezones=st.just(UTC))


def exists(day: date, minute: int, zone: str) -> bool:
    """True if the wall-clock time happens on that day (not skipped by a DST jump)."""
    wall = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=ZoneInfo(zone))
    return wall.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) == wall.replace(tzinfo=None)


@settings(max_examples=400, deadline=None)
@given(minute=minutes, zone=zones, days=masks, after=instants)
def test_next_is_strictly_later_on_an_enabled_day_and_the_first_one(minute: int, zone: str, days: int,
                                                                    after: datetime) -> None:
    found = next_occurrence(minute, zone, days, after)
    assert found is not None
    assert found.due_at > after
    assert found.due_at.tzinfo is not None and found.due_at.utcoffset() == timedelta(0)
    assert days & (1 << found.local_date.weekday())
    # No enabled local date has its instant between ``after`` and the one found.
    tz = ZoneInfo(zone)
    start = after.astimezone(tz).date() - timedelta(days=2)
    for offset in range(12):
        day = start + timedelta(days=offset)
        if days & (1 << day.weekday()) and day != found.local_date:
            instant = local_instant(day, minute, tz)
            assert not (after < instant < found.due_at), (day, instant)


@settings(max_examples=400, deadline=None)
@given(minute=minutes, zone=zones, days=masks, after=instants)
def test_wall_clock_is_the_chosen_time_or_moved_forward_over_a_gap(minute: int, zone: str, days: int,
                                                                   after: datetime) -> None:
    found = next_occurrence(minute, zone, days, after)
    assert found is not None
    local = found.due_at.astimezone(ZoneInfo(zone))
    chosen = datetime(found.local_date.year, found.local_date.month, found.local_date.day, minute // 60, minute % 60)
    shift = local.replace(tzinfo=None) - chosen
    if exists(found.local_date, minute, zone):
        assert shift == timedelta(0)
        # A repeated hour (clocks going back) gives the first of the two instants.
        earlier = found.due_at - timedelta(hours=1)
        assert not (earlier.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == chosen and earlier > after)
    else:
        assert timedelta(0) < shift <= timedelta(hours=2)


@settings(max_examples=150, deadline=None)
@given(minute=minutes, zone=zones, days=masks, after=instants)
def test_a_sequence_gives_one_reminder_per_enabled_local_date(minute: int, zone: str, days: int,
                                                              after: datetime) -> None:
    seen: list[Occurrence] = []
    cursor = after
    for _ in range(20):
        found = next_occurrence(minute, zone, days, cursor)
        assert found is not None
        seen.append(found)
        cursor = found.due_at
    dates = [o.local_date for o in seen]
    assert len(set(dates)) == len(dates)
    assert all(a.due_at < b.due_at for a, b in zip(seen, seen[1:], strict=False))
    assert dates == sorted(dates)
    # Every enabled date between the first and the last is there.
    day, expected = dates[0], []
    while day <= dates[-1]:
        if days & (1 << day.weekday()):
            expected.append(day)
        day += timedelta(days=1)
    assert dates == expected


def test_paris_spring_gap_and_autumn_repeat() -> None:
    spring = next_occurrence(2 * 60 + 30, "Europe/Paris", EVERY_DAY, datetime(2026, 3, 28, 12, tzinfo=UTC))
    assert spring == Occurrence(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), date(2026, 3, 29))  # 03:30 CEST
    autumn = next_occurrence(2 * 60 + 30, "Europe/Paris", EVERY_DAY, datetime(2026, 10, 24, 12, tzinfo=UTC))
    assert autumn == Occurrence(datetime(2026, 10, 25, 0, 30, tzinfo=UTC), date(2026, 10, 25))  # the first 02:30
    # Right after the first 02:30, the second 02:30 of that night is not another reminder: next is the 26th.
    after = next_occurrence(2 * 60 + 30, "Europe/Paris", EVERY_DAY, autumn.due_at)
    assert after is not None and after.local_date == date(2026, 10, 26)


def test_no_enabled_day_means_no_reminder() -> None:
    assert next_occurrence(600, "Europe/Paris", 0, datetime(2026, 1, 1, tzinfo=UTC)) is None


def test_missed_reminders_are_sent_the_same_day_only() -> None:
    due = next_occurrence(9 * 60, "Europe/Paris", EVERY_DAY, datetime(2026, 5, 4, 0, tzinfo=UTC))
    assert due is not None
    assert still_timely(due, due.due_at + timedelta(hours=12), "Europe/Paris")  # 21:00 the same day
    assert not still_timely(due, due.due_at + timedelta(hours=16), "Europe/Paris")  # the next morning
    late = next_occurrence(23 * 60 + 50, "Europe/Paris", EVERY_DAY, datetime(2026, 5, 4, 0, tzinfo=UTC))
    assert late is not None and still_timely(late, late.due_at + timedelta(minutes=20), "Europe/Paris")


@given(st.integers(0, 23), st.integers(0, 59))
def test_parse_hhmm_round_trips(hours: int, mins: int) -> None:
    assert parse_hhmm(f"{hours}:{mins:02d}") == hours * 60 + mins
    assert parse_hhmm(f"{hours:02d}h{mins:02d}") == hours * 60 + mins


@given(st.text(max_size=12))
def test_parse_hhmm_never_raises(text: str) -> None:
    value = parse_hhmm(text)
    assert value is None or 0 <= value < 24 * 60


def test_parse_hhmm_examples() -> None:
    assert parse_hhmm("21h") == 21 * 60
    assert parse_hhmm(" 7:05 ") == 7 * 60 + 5
    assert parse_hhmm("24:00") is None
    assert parse_hhmm("bonjour") is None
    assert parse_hhmm("²") is None  # a digit to str.isdigit, not to int()


def test_find_timezone() -> None:
    assert find_timezone("Europe/Paris") == "Europe/Paris"
    assert find_timezone("europe/paris") == "Europe/Paris"
    assert find_timezone("Réunion") == "Indian/Reunion"
    assert find_timezone("New York") == "America/New_York"
    assert find_timezone("Bruxelles") == "Europe/Brussels" and find_timezone("La Réunion") == "Indian/Reunion"
    assert find_timezone("Londres") == "Europe/London"
    assert find_timezone("../../etc/passwd") is None
    assert find_timezone("Atlantide") is None
