"""Calendar expressions in news text, resolved to inclusive periods against a reference date.

A small grammar over the raw text: one regex (built from ``calendar.json`` and
``date_words.json``) finds atomic expressions — days, weekdays, months, quarters,
halves, years, decades, relative periods ("last month", "two weeks ago") — and a
second pass joins them into ranges ("Oct. 31 to Nov. 11 this year"), open periods
("since 2021") and periods that run to the reference date ("January till now").
Missing years are filled from the reference date, preferring the past in past-tense
sentences and the future in future ones. Nothing here raises on odd text: an
expression that cannot be resolved keeps its span and gets ``None`` values.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterable

from ..resources import alternation, read_json

Tense = str | None  # "past", "future" or None (present / unknown)


@dataclass(frozen=True)
class Period:
    """An inclusive calendar period; ``end`` is ``None`` for an open period."""

    start: dt.date | None
    end: dt.date | None
    granularity: str
    open_end: bool = False


@dataclass
class Atom:
    """One date expression found in the text, before resolution."""

    start: int
    end: int
    kind: str
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def has_year(self) -> bool:
        return self.values.get("y") is not None or self.values.get("yrel") is not None


# --- calendar arithmetic --------------------------------------------------------------

def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe(build: Callable[[], Period]) -> Period | None:
    try:
        return build()
    except (ValueError, OverflowError):
        return None


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def month_period(year: int, month: int) -> Period:
    return Period(dt.date(year, month, 1), month_end(year, month), "month")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(dt.date(year, first, 1), month_end(year, first + 2), "quarter")


def half_period(year: int, half: int) -> Period:
    return Period(dt.date(year, 1 if half == 1 else 7, 1), dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31), "half")


def week_period(day: dt.date) -> Period:
    monday = day - dt.timedelta(days=day.weekday())
    return Period(monday, monday + dt.timedelta(days=6), "week")


def decade_period(first_year: int) -> Period:
    return Period(dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31), "decade")


def day_period(day: dt.date) -> Period:
    return Period(day, day, "day")


# --- the grammar -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    return {**read_json("calendar.json"), **read_json("date_words.json")}


def alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


YEAR = r"(?:1[6-9]|20)\d\d"
# A full stop belongs to a month only when it abbreviates one ("Aug." but not "April.").
ABBREVIATION_DOT = r"(?:(?<=\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec))\.|(?<=\bsept)\.)?"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"


@lru_cache(maxsize=1)
def grammar() -> re.Pattern[str]:
    t = tables()
    month = rf"(?:{alternation(t['months'])})"
    weekday = rf"(?:{alternation(w for w in t['weekdays'] if len(w) > 4)})"
    ordinal = rf"(?:{alternation([*t['ordinals'], *(w for w in t['last_ordinals'] if w != 'last')])})"
    count = rf"(?:\d+|{alternation(t['counts'])})"
    shift = rf"(?:{alternation(t['relative_shifts'])})"

    def yref(tag: str) -> str:
        return rf"(?:(?P<{tag}_y>{YEAR})|(?P<{tag}_yr>this|last|next|the\s+current|the\s+previous|the\s+following)\s+year(?:'s)?)"

    alternatives = [
        rf"(?P<iso>(?P<iso_y>{YEAR})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)(?P<iso_d>{DAY}))(?![\d:]|\.\d)",
        rf"(?P<us>(?P<us_m>1[0-2]|0?[1-9])/(?P<us_d>{DAY})/(?P<us_y>{YEAR}))(?!\d)",
        rf"(?P<wdd>(?P<wdd_w>{weekday}),?\s+)?(?P<md>(?P<md_m>{month})\.?\s+(?P<md_d>{DAY})(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+(?:{yref('md')}))?)",
        rf"(?P<dm>(?P<dm_d>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{month})\b{ABBREVIATION_DOT}(?:,?\s+(?:{yref('dm')}))?)",
        rf"(?P<my>(?P<my_m>{month})\.?,?\s+(?:of\s+)?(?:{yref('my')}))",
        rf"(?P<qa>(?:{yref('qa')})\s+(?P<qa_o>{ordinal})[\s-]quarter)",
        rf"(?P<q>(?P<q_o>{ordinal})[\s-]quarter(?:\s+of\s+(?:{yref('q')}))?)",
        rf"(?P<qn>\bQ(?P<qn_n>[1-4])(?:\s*(?P<qn_y>{YEAR})|\s+of\s+(?P<qn_y2>{YEAR}))?)\b",
        rf"(?P<ha>(?:{yref('ha')})\s+(?P<ha_o>first|second|1st|2nd|{alternation(t['last_ordinals'])})\s+half)",
        rf"(?P<h>(?P<h_o>first|second|1st|2nd|{alternation(t['last_ordinals'])})\s+half(?:\s+of\s+(?:{yref('h')}))?)",
        rf"(?P<hn>\bH(?P<hn_n>[12])(?:\s*(?P<hn_y>{YEAR}))?)\b",
        rf"(?P<fm>first\s+(?P<fm_n>{count})\s+(?P<fm_u>months|quarters)(?:\s+of\s+(?:{yref('fm')}))?)",
        rf"(?P<dec>(?P<dec_y>(?:1[6-9]|20)\d0)'?s)\b",
        rf"(?P<ago>(?P<ago_n>{count})\s+(?P<ago_u>day|week|month|year|decade)s?\s+(?P<ago_w>{alternation(t['ago_words'])}))\b",
        rf"(?P<rel>(?P<rel_s>{shift})\s+(?P<rel_u>{alternation(t['relative_units'])}))\b",
        rf"(?P<we>weekend)\b",
        rf"(?P<wd>(?:(?P<wd_s>last|next|this|coming)\s+)?(?P<wd_w>{weekday})(?:\s+(?P<wd_p>{alternation(t['day_parts'])}))?)\b",
        rf"(?P<dw>{alternation(t['day_words'])})\b",
        rf"(?P<ms>(?P<ms_s>last|this|next|coming)\s+(?P<ms_m>{alternation(m for m in t['months'] if len(m) > 3 or m == 'may')}))\b",
        rf"(?P<mo>{month})\b(?P<mo_dot>{ABBREVIATION_DOT})",
        rf"(?P<ana>(?P<ana_d>latest|that|same|comparable|year-ago|year-earlier|year-before|prior-year)\s+(?:(?P<ana_a>year-ago|year-earlier|fiscal)\s+)?(?P<ana_u>quarter|period)|(?<=the\s)quarter(?!\s+(?:of|century|mile|point|final))|year-(?:ago|earlier))\b",
        rf"(?P<fy>(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<fy_y>{YEAR}))\b",
        rf"(?P<yr>{YEAR})(?![\d%]|,\d|\.\d|-(?:year|old))",
    ]
    return re.compile(r"(?<![\w$€£¥/.])(?<![A-Za-z]-)(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


@lru_cache(maxsize=1)
def _helpers() -> dict[str, re.Pattern[str]]:
    t = tables()
    return {
        "till_now": re.compile(rf"\s*(?:{alternation(t['till_now'])})\b", re.IGNORECASE),
        "range_link": re.compile(r"\s*(?:to|through|thru|until|till|til|-|–|—|and)\s*", re.IGNORECASE),
        "since": re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE),
        "between": re.compile(r"\bbetween\s+$", re.IGNORECASE),
        "edge": re.compile(rf"\b(?P<edge>{alternation(t['period_edges'])})\s+of\s+(?:the\s+)?$", re.IGNORECASE),
        "hedge": re.compile(rf"\b(?P<hedge>{alternation(t['period_hedges'])})[\s-]+$", re.IGNORECASE),
        "year_cue": re.compile(rf"\b(?:{alternation(t['year_cues'])})\s+(?:the\s+)?(?:(?:early|late|mid|end\s+of)\s+)?$", re.IGNORECASE),
    }


def _year_ref(groups: dict[str, Any], tag: str) -> dict[str, Any]:
    if groups.get(f"{tag}_y"):
        return {"y": int(groups[f"{tag}_y"])}
    relative = groups.get(f"{tag}_yr")
    if relative:
        word = relative.lower().split()[-1]
        return {"yrel": tables()["relative_shifts"].get(word, 0)}
    return {}


def _ordinal(word: str) -> int | None:
    t = tables()
    word = word.lower()
    return t["ordinals"].get(word)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return tables()["counts"].get(word)


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _atom(match: re.Match[str]) -> Atom | None:
    """The atom a grammar match stands for, or ``None`` when it is not a date after all."""
    g = match.groupdict()
    t = tables()
    months, weekdays = t["months"], t["weekdays"]
    start, end = match.start(), match.end()
    if g["iso"]:
        return Atom(start, end, "day", {"y": int(g["iso_y"]), "m": int(g["iso_m"]), "d": int(g["iso_d"])})
    if g["us"]:
        return Atom(start, end, "day", {"y": int(g["us_y"]), "m": int(g["us_m"]), "d": int(g["us_d"])})
    if g["md"]:
        if not _capitalised(g["md_m"]):
            return None
        return Atom(start, end, "day", {"m": months[g["md_m"].lower()], "d": int(g["md_d"]), **_year_ref(g, "md")})
    if g["dm"]:
        if not _capitalised(g["dm_m"]):
            return None
        return Atom(start, end, "day", {"m": months[g["dm_m"].lower()], "d": int(g["dm_d"]), **_year_ref(g, "dm")})
    if g["my"]:
        if not _capitalised(g["my_m"]):
            return None
        return Atom(start, end, "month", {"m": months[g["my_m"].lower()], **_year_ref(g, "my")})
    for tag in ("qa", "q"):
        if g[tag]:
            word = g[f"{tag}_o"].lower()
            quarter = 4 if word in t["last_ordinals"] else _ordinal(word)
            return Atom(start, end, "quarter", {"q": quarter, **_year_ref(g, tag)})
    if g["qn"]:
        year = g["qn_y"] or g["qn_y2"]
        return Atom(start, end, "quarter", {"q": int(g["qn_n"]), **({"y": int(year)} if year else {})})
    for tag in ("ha", "h"):
        if g[tag]:
            word = g[f"{tag}_o"].lower()
            half = 2 if word in t["last_ordinals"] else _ordinal(word)
            return Atom(start, end, "half", {"h": half, **_year_ref(g, tag)})
    if g["hn"]:
        return Atom(start, end, "half", {"h": int(g["hn_n"]), **({"y": int(g["hn_y"])} if g["hn_y"] else {})})
    if g["fm"]:
        n = _count(g["fm_n"])
        months_n = n * (3 if g["fm_u"].lower().startswith("quarter") else 1) if n else None
        if not months_n or months_n > 12:
            return None
        return Atom(start, end, "first_months", {"n": months_n, **_year_ref(g, "fm")})
    if g["dec"]:
        return Atom(start, end, "decade", {"y": int(g["dec_y"])})
    if g["ago"]:
        n = _count(g["ago_n"])
        if n is None:
            return None
        sign = t["ago_words"][g["ago_w"].lower()]
        return Atom(start, end, "ago", {"n": n * sign, "unit": g["ago_u"].lower()})
    if g["rel"]:
        return Atom(start, end, "rel", {"shift": t["relative_shifts"][g["rel_s"].lower()], "unit": g["rel_u"].lower()})
    if g["we"]:
        return Atom(start, end, "weekend", {})
    if g["wd"]:
        if not _capitalised(g["wd_w"]):
            return None
        return Atom(start, end, "weekday", {"w": weekdays[g["wd_w"].lower()], "shift": (g["wd_s"] or "").lower()})
    if g["dw"]:
        return Atom(start, end, "dayword", {"offset": t["day_words"][g["dw"].lower()]})
    if g["ms"]:
        if not _capitalised(g["ms_m"]):
            return None
        return Atom(start, end, "month_shift", {"m": months[g["ms_m"].lower()], "shift": g["ms_s"].lower()})
    if g["ana"]:
        text = g["ana"].lower()
        if (g["ana_u"] or "").lower() == "period" and not re.search(r"year-|prior-year|comparable", text):
            return None
        return Atom(start, end, "anaphor", {"year_back": bool(re.search(r"year-|prior-year|comparable", text))})
    if g["mo"]:
        word = g["mo"]
        full = len(word) > 3 and word.lower() not in ("sept",)
        if not _capitalised(word) or not (full or g["mo_dot"] or word.lower() == "sept"):
            return None
        return Atom(start, end, "month", {"m": months[word.lower()]})
    if g["fy"]:
        return Atom(start, end, "year", {"y": int(g["fy_y"])})
    if g["yr"]:
        return Atom(start, end, "year", {"y": int(g["yr"]), "bare": True})
    return None


# --- resolution ---------------------------------------------------------------------------

def _with_year(atom: Atom, year: int) -> Period | None:
    v = atom.values
    kind = atom.kind
    if kind == "day":
        return _safe(lambda: day_period(dt.date(year, v["m"], v["d"])))
    if kind == "month":
        return _safe(lambda: month_period(year, v["m"]))
    if kind == "quarter":
        return _safe(lambda: quarter_period(year, v["q"]))
    if kind == "half":
        return _safe(lambda: half_period(year, v["h"]))
    if kind == "year":
        return _safe(lambda: year_period(year))
    if kind == "first_months":
        return _safe(lambda: Period(dt.date(year, 1, 1), month_end(year, v["n"]), "range"))
    return None


def _infer_year(atom: Atom, ref: dt.date, tense: Tense) -> Period | None:
    """Fill a missing year with the occurrence nearest the reference date, where a step
    against the sentence's tense counts extra: past-tense text looks back, future text
    ahead, and news in general reports what has happened."""
    candidates = [p for y in (ref.year - 1, ref.year, ref.year + 1) if (p := _with_year(atom, y)) is not None]
    if not candidates:
        return None
    ahead_weight, behind_weight = {"past": (4, 1), "future": (1, 4)}.get(tense or "", (2, 1))

    def cost(period: Period) -> int:
        if period.start <= ref <= period.end:
            return 0
        if period.end < ref:
            return behind_weight * (ref - period.end).days
        return ahead_weight * (period.start - ref).days

    return min(candidates, key=cost)


def _relative(unit: str, shift: int, ref: dt.date) -> Period | None:
    if unit == "week":
        return week_period(ref + dt.timedelta(weeks=shift))
    if unit == "weekend":
        return _weekend(ref, shift)
    if unit == "month":
        return month_period(*add_months(ref.year, ref.month, shift))
    if unit == "quarter":
        year, month = add_months(ref.year, 3 * ((ref.month - 1) // 3) + 1, 3 * shift)
        return quarter_period(year, (month - 1) // 3 + 1)
    if unit == "year":
        return year_period(ref.year + shift)
    if unit == "decade":
        return decade_period(ref.year // 10 * 10 + 10 * shift)
    return None


def _weekend(ref: dt.date, shift: int) -> Period:
    """The Saturday–Sunday on or before the reference date (shifted by whole weeks)."""
    saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    saturday += dt.timedelta(weeks=shift)
    return Period(saturday, saturday + dt.timedelta(days=1), "week")


def _weekday(weekday: int, shift: str, ref: dt.date, tense: Tense) -> Period:
    back = (ref.weekday() - weekday) % 7
    if shift == "last":
        return day_period(ref - dt.timedelta(days=back or 7))
    if shift == "next":
        return day_period(ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7))
    if tense == "future" or shift in ("coming", "this") and tense != "past":
        return day_period(ref + dt.timedelta(days=(weekday - ref.weekday()) % 7))
    return day_period(ref - dt.timedelta(days=back))


def _ago(n: int, unit: str, ref: dt.date) -> Period | None:
    if unit == "day":
        return day_period(ref + dt.timedelta(days=n))
    if unit == "week":
        return week_period(ref + dt.timedelta(weeks=n))
    if unit == "month":
        return month_period(*add_months(ref.year, ref.month, n))
    if unit == "year":
        return year_period(ref.year + n)
    if unit == "decade":
        return decade_period((ref.year + 10 * n) // 10 * 10)
    return None


def _month_shift(month: int, shift: str, ref: dt.date) -> Period:
    """"last May" is the most recent May before this month; "next May" the first after it."""
    if shift == "last":
        return month_period(ref.year if month < ref.month else ref.year - 1, month)
    if shift in ("next", "coming"):
        return month_period(ref.year if month > ref.month else ref.year + 1, month)
    return month_period(ref.year, month)


def shift_years(period: Period, years: int) -> Period | None:
    """The same calendar period ``years`` later (earlier when negative)."""
    if period.start is None or period.end is None:
        return None
    end_year = period.end.year + years
    last_day = month_end(end_year, period.end.month).day
    return _safe(lambda: Period(period.start.replace(year=period.start.year + years),
                                period.end.replace(year=end_year, day=min(period.end.day, last_day)),
                                period.granularity))


def latest_quarter(ref: dt.date) -> Period:
    """The last quarter that ended before the reference date."""
    year, month = add_months(ref.year, 3 * ((ref.month - 1) // 3) + 1, -3)
    return quarter_period(year, (month - 1) // 3 + 1)


def resolve(atom: Atom, ref: dt.date | None, tense: Tense = None) -> Period | None:
    """The period an atom names, or ``None`` when it needs a reference date it lacks."""
    v = atom.values
    if v.get("y") is not None and atom.kind not in ("decade",):
        return _with_year(atom, v["y"])
    if atom.kind == "decade":
        return _safe(lambda: decade_period(v["y"]))
    if ref is None:
        return None
    if v.get("yrel") is not None:
        return _with_year(atom, ref.year + v["yrel"])
    if atom.kind in ("day", "month", "quarter", "half", "first_months"):
        return _infer_year(atom, ref, tense)
    if atom.kind == "rel":
        return _safe(lambda: _relative(v["unit"], v["shift"], ref))
    if atom.kind == "weekend":
        return _weekend(ref, 0) if tense != "future" else _weekend(ref + dt.timedelta(days=6), 0)
    if atom.kind == "weekday":
        return _weekday(v["w"], v["shift"], ref, tense)
    if atom.kind == "dayword":
        return day_period(ref + dt.timedelta(days=v["offset"]))
    if atom.kind == "ago":
        return _safe(lambda: _ago(v["n"], v["unit"], ref))
    if atom.kind == "month_shift":
        return _safe(lambda: _month_shift(v["m"], v["shift"], ref))
    if atom.kind == "anaphor":
        quarter = latest_quarter(ref)
        return shift_years(quarter, -1) if v["year_back"] else quarter
    return None


def apply_edge(period: Period | None, edge: str | None) -> Period | None:
    """"end of 2022" → 2022-12-31 as a day; "beginning of March" → March 1."""
    if period is None or edge is None or period.start is None or period.end is None:
        return period
    return day_period(period.end if edge == "end" else period.start)


# --- finding expressions in text -----------------------------------------------------------

@dataclass(frozen=True)
class DateMatch:
    """A resolved date expression: its span and its period (values ``None`` when unresolved)."""

    start: int
    end: int
    date_start: dt.date | None
    date_end: dt.date | None
    open_end: bool
    granularity: str


def find_atoms(text: str, year_evidence: Callable[[int, int], bool] = lambda s, e: False) -> list[Atom]:
    """Atomic date expressions in text order. A bare year ("2009") counts only after a cue
    word ("in", "since", "from" …) or where ``year_evidence(start, end)`` says so (the
    base NER's DATE spans)."""
    helpers = _helpers()
    atoms = []
    for match in grammar().finditer(text):
        atom = _atom(match)
        if atom is None:
            continue
        before = text[max(0, atom.start - 30) : atom.start]
        if atom.values.get("bare") and not (
            helpers["year_cue"].search(before) or year_evidence(atom.start, atom.end)
            or (atoms and atoms[-1].kind == "year" and helpers["range_link"].fullmatch(text[atoms[-1].end : atom.start]))
        ):
            continue
        edge = helpers["edge"].search(before)
        if edge and atom.kind in ("year", "month", "quarter", "half", "rel", "decade") and (atom.kind != "rel" or atom.values["unit"] != "week"):
            atom.values["edge"] = tables()["period_edges"][edge.group("edge").lower()]
            atom.start = atom.start - (len(before) - edge.start())
        else:
            hedge = helpers["hedge"].search(before)
            if hedge and atom.kind in ("year", "month", "decade", "quarter", "rel"):
                atom.start = atom.start - (len(before) - hedge.start())
        atoms.append(atom)
    return atoms


def _carry_year(left: Atom, right: Atom) -> None:
    """In "Oct. 31 to Nov. 11 this year" the year written once applies to both ends."""
    if left.has_year or not right.has_year or left.kind not in ("day", "month", "quarter", "half"):
        return
    if right.values.get("y") is not None:
        year = right.values["y"]
        if left.values.get("m", 0) > right.values.get("m", 13):
            year -= 1
        left.values["y"] = year
    else:
        left.values["yrel"] = right.values["yrel"]


def find_dates(text: str, ref: dt.date | None, tense_at: Callable[[int], Tense] = lambda i: None,
               year_evidence: Callable[[int, int], bool] = lambda s, e: False) -> list[DateMatch]:
    """Every date expression in ``text`` with its period resolved against ``ref``.

    >>> [(m.start, m.date_start.isoformat(), m.date_end, m.open_end) for m in find_dates("Sales have grown since 2021.", None)]
    [(23, '2021-01-01', None, True)]
    >>> [(m.date_start.isoformat(), m.date_end.isoformat(), m.granularity) for m in find_dates("from 2018 to 2023", None)]
    [('2018-01-01', '2023-12-31', 'range')]
    >>> find_dates("last year", None)[0].date_start is None
    True
    >>> find_dates("\u200b%$ 31/31/2031 Mayday", None)
    []
    """
    helpers = _helpers()
    atoms = find_atoms(text, year_evidence)
    results: list[DateMatch] = []
    anchor: tuple[int, Period] | None = None  # the last quarter or half named, for "a year earlier"
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        tense = tense_at(atom.start)
        before = text[max(0, atom.start - 12) : atom.start]
        nxt = atoms[index + 1] if index + 1 < len(atoms) else None
        link = helpers["range_link"].fullmatch(text[atom.end : nxt.start]) if nxt else None
        is_and = link is not None and "and" in link.group().lower()
        if nxt and link and (not is_and or helpers["between"].search(before)) and _rangeable(atom, nxt):
            _carry_year(atom, nxt)
            left = apply_edge(resolve(atom, ref, tense), atom.values.get("edge"))
            right = apply_edge(resolve(nxt, ref, tense), nxt.values.get("edge"))
            if atom.kind == nxt.kind == "weekday" and left is not None:
                right = day_period(left.start + dt.timedelta(days=(nxt.values["w"] - atom.values["w"]) % 7))
            if left and right and left.start and right.end and left.start <= right.end:
                results.append(DateMatch(atom.start, nxt.end, left.start, right.end, False, "range"))
            else:
                results.append(DateMatch(atom.start, nxt.end, None, None, False, "range"))
            index += 2
            continue
        till = helpers["till_now"].match(text, atom.end)
        period = apply_edge(resolve(atom, ref, "past" if till else tense), atom.values.get("edge"))
        period = _in_context(atom, period, anchor)
        if period is not None and period.granularity in ("quarter", "half") and atom.kind != "anaphor":
            anchor = (atom.end, period)
        if till:
            start_day = period.start if period else None
            results.append(DateMatch(atom.start, till.end(), start_day, ref if start_day else None, False, "range"))
        elif helpers["since"].search(before) and before.rstrip().lower().endswith("since") and atom.kind not in ("dayword",):
            results.append(DateMatch(atom.start, atom.end, period.start if period else None, None, True,
                                     period.granularity if period else _granularity(atom)))
        else:
            results.append(DateMatch(atom.start, atom.end, period.start if period else None,
                                     period.end if period else None, False,
                                     period.granularity if period else _granularity(atom)))
        index += 1
    return results


ANCHOR_REACH = 600  # characters within which "a year earlier" refers back to a named quarter


def _in_context(atom: Atom, period: Period | None, anchor: tuple[int, Period] | None) -> Period | None:
    """In results reporting, "a year earlier", "the year-ago quarter" and "the quarter"
    refer to the quarter (or half) named just before, not to the whole year."""
    if anchor is None or atom.start - anchor[0] > ANCHOR_REACH:
        return period
    named = anchor[1]
    if atom.kind == "anaphor":
        return shift_years(named, -1) if atom.values["year_back"] else named
    if atom.kind == "ago" and atom.values["unit"] == "year" and atom.values["n"] == -1:
        return shift_years(named, -1)
    return period


def _rangeable(left: Atom, right: Atom) -> bool:
    """Two atoms that can be the ends of one range (not "Tuesday to 2021")."""
    calendar_kinds = {"day", "month", "quarter", "half", "year", "decade", "weekday"}
    if left.kind not in calendar_kinds or right.kind not in calendar_kinds:
        return False
    return (left.kind == "weekday") == (right.kind == "weekday")


def _granularity(atom: Atom) -> str:
    return {
        "day": "day", "weekday": "day", "dayword": "day", "month": "month", "quarter": "quarter",
        "half": "half", "year": "year", "decade": "decade", "weekend": "week", "first_months": "range",
        "month_shift": "month", "anaphor": "quarter",
    }.get(atom.kind, atom.values.get("unit", "day") if atom.kind in ("rel", "ago") else "day")
