"""Event calendars: the dates a recurring or one-off event occupies in a given year.

Rules are data (``models/data/events.jsonl``): fixed days ("Double 11" → Nov 11),
spans (Golden Week), the n-th weekday of a month (Thanksgiving), offsets from another
event (Black Friday), the Chinese lunar calendar (Spring Festival, Mid-Autumn, via
``lunardate``), Easter (via ``dateutil``), and dated editions of a series (the Paris
2024 Olympic Games).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

logger = logging.getLogger("newsfacts")

Span = tuple[dt.date, dt.date]


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _lunar(year: int, month: int, day: int) -> dt.date | None:
    from lunardate import LunarDate

    try:
        return LunarDate(year, month, day).to_solar_date()
    except (ValueError, AttributeError):
        try:
            return LunarDate(year, month, day).toSolarDate()
        except ValueError:
            return None


def event_span(rule: dict[str, Any] | None, year: int, calendars: dict[str, dict[str, Any]]) -> Span | None:
    """The dates ``rule`` gives in ``year``, or ``None`` when it gives none.

    >>> event_span({"fixed": [11, 11]}, 2023, {})
    (datetime.date(2023, 11, 11), datetime.date(2023, 11, 11))
    >>> event_span({"nth_weekday": [11, 3, 4]}, 2024, {})[0]
    datetime.date(2024, 11, 28)
    >>> event_span({"lunar": [1, 1]}, 2024, {})[0]
    datetime.date(2024, 2, 10)
    >>> event_span({"fixed": [2, 30]}, 2023, {}) is None
    True
    """
    if not rule:
        return None
    try:
        if "fixed" in rule:
            day = dt.date(year, *rule["fixed"])
            return day, day
        if "span" in rule:
            (m1, d1), (m2, d2) = rule["span"]
            return dt.date(year, m1, d1), dt.date(year, m2, d2)
        if "nth_weekday" in rule:
            day = _nth_weekday(year, *rule["nth_weekday"])
            return day, day
        if "after" in rule:
            base_name, days = rule["after"]
            base = event_span(calendars.get(base_name), year, calendars)
            if base is None:
                return None
            day = base[0] + dt.timedelta(days=days)
            return day, day
        if "lunar" in rule:
            day = _lunar(year, *rule["lunar"])
            return (day, day) if day else None
        if "easter" in rule:
            from dateutil.easter import easter

            day = easter(year) + dt.timedelta(days=rule["easter"])
            return day, day
    except (ValueError, TypeError, OverflowError) as err:
        logger.debug("calendar rule %s gives no date in %s: %s", rule, year, err)
    return None


def edition_name(template: str, edition: dict[str, Any]) -> str:
    """Canonical name of a series edition: "Paris 2024 Olympic Games"."""
    season = f"{edition['season']} " if edition.get("season") else ""
    return template.format(city=edition.get("city", ""), year=edition.get("year", ""), season=season).strip()


def pick_edition(editions: list[dict[str, Any]], city: str | None, year: int | None,
                 season: str | None, ref: dt.date | None) -> dict[str, Any] | None:
    """The edition a mention names: by city and/or year and season; otherwise the one nearest
    the reference date."""
    def matches_city(edition: dict[str, Any]) -> bool:
        names = [edition.get("city", ""), *edition.get("aliases", [])]
        return city is None or any(city.lower() == n.lower() for n in names)

    candidates = [
        e for e in editions
        if matches_city(e) and (year is None or e["year"] == year)
        and (season is None or (e.get("season") or "Summer").lower() == season.lower())
    ]
    if not candidates:
        return None
    if ref is None:
        return candidates[-1] if year is None and city is None else candidates[0]

    def distance(edition: dict[str, Any]) -> int:
        start, end = dt.date.fromisoformat(edition["start"]), dt.date.fromisoformat(edition["end"])
        if start <= ref <= end:
            return 0
        return min(abs((start - ref).days), abs((end - ref).days))

    return min(candidates, key=distance)
