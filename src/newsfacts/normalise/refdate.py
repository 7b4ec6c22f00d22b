"""Find an article's reference (publication) date in its own header or dateline.

Only dates that a header states with a full year count: a labelled date
("Published: 2020/6/10 21:38:40"), a line that is nothing but a date or timestamp
("2023-11-13 18:56:30"), or a wire dateline ("BEIJING, Nov. 13, 2023 (Xinhua) --").
A dateline without a year ("(Yicai) July 30 --") leaves the date unresolved rather
than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..resources import read_json

HEADER_CHARS = 1500
HEADER_LINES = 12


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    calendar = read_json("calendar.json")
    month = "|".join(sorted(calendar["months"], key=len, reverse=True))
    labels = "|".join(re.escape(x) for x in sorted(calendar["dateline_labels"], key=len, reverse=True))
    numeric = r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
    mdy = rf"(?P<mon>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)(?!\d)"
    dmy = rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon2>{month})\.?,?\s+(?P<year2>(?:19|20)\d\d)(?!\d)"
    any_date = rf"(?:{numeric}|{mdy}|{dmy})"
    time = r"(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|Z|[+-]\d{2}:?\d{2})?)?"
    return {
        "labelled": re.compile(rf"\b(?:{labels})\b\s*(?:on|at)?\s*[:\-]?\s*{any_date}", re.IGNORECASE),
        "line": re.compile(rf"^\s*(?:[A-Za-z]+,?\s+)?{any_date}{time}\s*$", re.IGNORECASE | re.MULTILINE),
        "dateline": re.compile(rf"^[A-Z][A-Za-z .'-]*,\s+{any_date}\s*(?:\([^)]*\))?\s*(?:--|—|–|-)", re.MULTILINE | re.IGNORECASE),
    }


def _date_from(match: re.Match[str]) -> dt.date | None:
    months = read_json("calendar.json")["months"]
    groups = match.groupdict()
    try:
        if groups.get("y"):
            return dt.date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        if groups.get("mon"):
            return dt.date(int(groups["year"]), months[groups["mon"].lower()], int(groups["day"]))
        if groups.get("mon2"):
            return dt.date(int(groups["year2"]), months[groups["mon2"].lower()], int(groups["day2"]))
    except (ValueError, KeyError):
        return None
    return None


def detect_published(text: str) -> dt.date | None:
    """The publication date stated in the article's header, or ``None``.

    >>> detect_published("Source: Agency\\n2021-03-04 09:10:11\\nBody text.")
    datetime.date(2021, 3, 4)
    >>> detect_published("Source:Global Times Published: 2020/6/10 21:38:40")
    datetime.date(2020, 6, 10)
    >>> detect_published("LONDON, 5 March 2019 (Reuters) -- Shares fell.")
    datetime.date(2019, 3, 5)
    >>> detect_published("(Yicai) July 30 -- Sales rose.") is None
    True
    """
    head = "\n".join(text[:HEADER_CHARS].splitlines()[:HEADER_LINES])
    for name in ("labelled", "line", "dateline"):
        for match in _patterns()[name].finditer(head):
            found = _date_from(match)
            if found is not None:
                return found
    return None
