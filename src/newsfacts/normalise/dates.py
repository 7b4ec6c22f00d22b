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
from ..regex_index import BranchIndex

# "past", "future", "before" (a past-tense verb the date modifies), "present" (a present-tense
# verb the date modifies: "they meet Monday" schedules), "neutral" (an infinitive: the
# sentence's tense does not apply) or None (unknown)
Tense = str | None
PAST = ("past", "before")


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
SPACE = r"[ \t\u00a0]{1,3}"  # bounded, so that no repetition can backtrack far
GAP = r"\s{1,3}"
DAY_LINK = r"(?:[ \t]?[-–—][ \t]?|\s{1,3}(?:to|through|thru|until|till|and)\s{1,3}(?:the\s{1,3})?)"
NOT_AMOUNT = r"(?![\d%]|:\d|\s{0,2}(?:percent|per\s+cent|%|pc\b))"


@lru_cache(maxsize=1)
def grammar() -> BranchIndex:
    t = tables()
    month = rf"(?:{alternation(t['months'])})"
    weekday = rf"(?:{alternation(w for w in t['weekdays'] if len(w) > 4)})"
    ordinal = rf"(?:{alternation([*t['ordinals'], *(w for w in t['last_ordinals'] if w != 'last')])})"
    count = rf"(?:\d{{1,3}}|{alternation(t['counts'])})"
    shift = rf"(?:{alternation(t['relative_shifts'])})"
    day_words = alternation(t["day_ordinals"]).replace(r"\-", r"[\s-]")
    day = rf"(?:{DAY}(?:st|nd|rd|th)?(?![\w])|(?:{day_words})\b)"
    short_month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"  # without a dot only inside "Apr-Jun 2024"
    month_gap = r"(?:\.[ \t]{0,3}|[ \t]{1,3})"  # "Oct. 3", "Oct 3", "Oct.3rd"
    tens = alternation(w for w in t["spoken_tens"] if t["spoken_tens"][w] >= 10)
    units = alternation(t["spoken_units"])

    def yref(tag: str) -> str:
        return rf"(?:(?P<{tag}_y>{YEAR}|['’]\d\d(?!\d|['’]?s\b))|(?P<{tag}_yr>this|last|next|the\s+current|the\s+previous|the\s+following)\s+year(?:'s)?)"

    alternatives = [
        rf"(?P<iso>(?P<iso_y>{YEAR})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)(?P<iso_d>{DAY}))(?![\d:]|\.\d)",
        rf"(?P<hdm>(?P<hdm_d>{DAY})-(?P<hdm_m>{month})-(?P<hdm_y>{YEAR}|\d\d))(?![\w-])",
        rf"(?P<num>(?P<num_a>{DAY})(?P<num_sep>[-/.])(?P<num_b>{DAY})(?P=num_sep)(?P<num_y>{YEAR}))(?![\d:]|\.\d)",
        rf"(?:(?P<wdr_w>{weekday}),?{SPACE})?(?P<mdr>(?P<mdr_m>{month}){month_gap}(?:the{SPACE})?(?P<mdr_a>{day})(?P<mdr_l>{DAY_LINK})(?P<mdr_b>{day}){NOT_AMOUNT}(?:,?{GAP}(?:{yref('mdr')}))?)",
        rf"(?P<dmr>(?P<dmr_a>{day})(?P<dmr_l>{DAY_LINK})(?P<dmr_b>{day}){SPACE}(?:of{SPACE})?(?P<dmr_m>{month})\b{ABBREVIATION_DOT}(?:,?{GAP}(?:{yref('dmr')}))?)",
        rf"(?P<wdd>(?P<wdd_w>{weekday}),?{SPACE})?(?P<md>(?P<md_m>{month}){month_gap}(?:the{SPACE})?(?P<md_d>{day})(?!\d|:\d)(?:,?{GAP}(?:{yref('md')}))?)",
        rf"(?:(?P<wdm_w>{weekday}),?{SPACE}(?:the{SPACE})?)?(?P<dm>(?P<dm_d>{day}){SPACE}(?:of{SPACE})?(?P<dm_m>{month})\b{ABBREVIATION_DOT}(?:,?{GAP}(?:{yref('dm')}))?)",
        rf"(?P<mq>(?P<mq_m>{month})\.?(?:[\s-](?P<mq_y>{YEAR}))?[\s-](?P<mq_u>quarter|half)\b)",
        rf"(?P<amr>(?P<amr_a>{short_month})[-–](?P<amr_b>{short_month})(?:,?{SPACE}(?P<amr_y>{YEAR})|(?=\s(?:quarter|period)\b)))",
        rf"(?P<hm>(?P<hm_o>first|second|latter)\s+half\s+of\s+(?P<hm_m>{month})\b{ABBREVIATION_DOT}(?:,?{GAP}(?:{yref('hm')}))?)",
        rf"(?P<drm>(?P<drm_d>{day}){SPACE}of{SPACE}(?P<drm_s>this|next|last){SPACE}month)\b",
        rf"(?P<my>(?P<my_m>{month})\.?,?{GAP}(?:of{SPACE})?(?:{yref('my')}))",
        rf"(?P<qa>(?:{yref('qa')})\s+(?P<qa_o>{ordinal})[\s-]quarter)",
        rf"(?P<q>(?:(?P<q_back>year-ago|year-earlier|year-before|prior-year)\s+)?(?P<q_o>{ordinal})[\s-]quarter\b(?:\s+of\s+(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?(?:{yref('q')}))?)",
        rf"(?P<yp>(?P<yp_y>{YEAR})\s+(?:period|quarter)\b(?!-))",
        rf"(?P<lyq>(?:last|previous|prior)\s+year['’]s\s+(?:quarter|period))\b",
        rf"(?P<split>(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?(?P<split_a>{YEAR})[-–/](?P<split_b>(?:1[6-9]|20)\d\d|\d\d)(?![\d%/-]|\.\d))",
        rf"(?P<qn>\b(?:(?P<qn_py>{YEAR})[ -]?(?=Q))?(?:Q(?P<qn_n>[1-4])|(?P<qn_m>[1-4])Q(?=\s?['’]?\d\d|\s?FY))(?:\s?(?P<qn_y>{YEAR})\b|\s?['’](?P<qn_yy>\d\d)\b|(?<=\dQ)(?P<qn_yy2>\d\d)\b|\s+of\s+(?P<qn_y2>{YEAR})\b|\s?(?P<qn_fy>FY\s?(?:{YEAR}|['’]?\d\d))\b)?)(?!\w)",
        rf"(?P<ha>(?:{yref('ha')})\s+(?P<ha_o>first|second|1st|2nd|{alternation(t['last_ordinals'])})\s+half)",
        rf"(?P<h>(?P<h_o>first|second|1st|2nd|{alternation(t['last_ordinals'])})(?:\s+|-(?=half[\s-](?:{alternation(t['half_nouns'])})\b))half(?:\s+of\s+(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?)?(?:{yref('h')}))?)",
        rf"(?P<hn>\b(?:(?P<hn_py>{YEAR})[ -]?(?=H))?(?:H(?P<hn_n>[12])|(?P<hn_m>[12])H(?=\s?['’]?\d\d|\s?FY))(?:\s?(?P<hn_y>{YEAR})\b|\s?['’](?P<hn_yy>\d\d)\b|(?<=\dH)(?P<hn_yy2>\d\d)\b|\s?(?P<hn_fy>FY\s?(?:{YEAR}|['’]?\d\d))\b)?)(?!\w)",
        rf"(?P<fm>(?:first\s+|(?<=[Tt]he\s)(?:(?:latest|most\s+recent)\s+)?)(?P<fm_n>{count})\s+(?P<fm_u>months|quarters)(?:\s+of\s+(?:{yref('fm')}))?)(?![\s-](?:ago|earlier|later|before|after|old|long|ended|ending|to|through|thru|till|until)\b)",
        rf"(?<=[Tt]he\s)(?P<span>(?P<span_w>past|last|previous|preceding|next|coming)\s+(?P<span_n>{count})\s+(?P<span_u>days|weeks|months|years))\b(?![\s-](?:ago|earlier|later|before|after|old|long|ended|ending|to|through)\b)",
        rf"(?P<dec>(?P<dec_y>(?:1[6-9]|20)\d0)['’]?s)\b",
        rf"(?<=the\s)(?P<dea>['’‘](?P<dea_d>\d)0s)\b",
        rf"(?<=the\s)(?P<dew>(?:(?P<dew_c>{alternation(t['spoken_centuries'])})[\s-])?(?P<dew_w>{alternation(t['decade_words'])}))\b",
        rf"(?P<sy>(?P<sy_c>{alternation(t['spoken_centuries'])})[\s-](?:(?P<sy_t>{tens})(?:[\s-](?P<sy_u>{units}))?|(?:hundred\s+and\s+|o[\s-])?(?P<sy_o>{units})))\b(?![\s-](?:hundred|thousand|million|billion|percent|per\s+cent|people|dollars))",
        rf"(?P<yt>year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<yt_n>{tens}|{units}))?)\b",
        rf"(?P<ago>(?P<ago_n>{count})\s+(?P<ago_u>day|week|fortnight|month|year|decade)s?\s+(?P<ago_w>{alternation(t['ago_words'])}))\b",
        rf"(?P<ytd>(?P<ytd_u>year|month|quarter)[\s-]to[\s-]date|(?P<ytd_a>[YMQ])TD)\b",
        rf"(?P<eu>(?P<eu_e>end|close|start|beginning)\s+of\s+the\s+(?P<eu_u>year|month|quarter|week))\b",
        rf"(?P<ye>year[\s-]end)\b",
        rf"(?P<dan>(?P<dan_w>{alternation(t['day_anaphors'])})\s+(?:day|morning|afternoon|evening|night))\b(?![\s-](?:old|long|ago|earlier|before|after|of|to|and)\b)",
        rf"(?P<yan>(?:that|the\s+same|the\s+following|the\s+previous|the\s+prior)\s+(?P<yan_u>year|month)(?P<yan_b>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?the\s+(?:previous|prior)\s+year))?|the\s+(?P<yan_v>year|month)\s+(?:before|previous))\b(?![\s-](?:old|long|ago|earlier))",
        rf"(?P<rel>(?P<rel_s>{shift})\s+(?:(?:fiscal|financial)\s+(?=year))?(?P<rel_u>{alternation(t['relative_units'])}))\b",
        rf"(?P<dp>(?P<dp_s>{alternation(t['day_parts_relative'])})\s+(?P<dp_p>morning|afternoon|evening|night))\b",
        rf"(?P<we>weekend)\b",
        rf"(?P<wd>(?:(?P<wd_s>last|next|this\s+coming|this|coming|previous|preceding|following)\s+)?(?P<wd_w>{weekday})(?:\s+(?P<wd_p>{alternation(t['day_parts'])})|\s+(?P<wd_after>next|week)(?!\s+(?:week|month|year)))?)\b",
        rf"(?P<dw>{alternation(t['day_words'])})\b",
        rf"(?P<ms>(?P<ms_s>last|this|next|coming)\s+(?P<ms_m>{alternation(m for m in t['months'] if len(m) > 3 or m == 'may')}))\b",
        rf"(?P<mo>{month})\b(?P<mo_dot>{ABBREVIATION_DOT})",
        rf"(?P<ana>(?P<ana_d>latest|that|same|comparable|corresponding|year-ago|year-earlier|year-before|prior-year)\s+(?:(?P<ana_a>year-ago|year-earlier|fiscal)\s+)?(?P<ana_u>quarter|period)(?P<ana_b>\s+(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?the\s+(?:previous|prior)\s+year))?|(?<=the\s)quarter(?!\s+(?:of|century|mile|point|final)|-)|year-(?:ago|earlier))\b",
        rf"(?P<fy>(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<fy_y>{YEAR})|FY\s?['’]?(?P<fy_yy>\d\d))\b(?![-–/]\d)",
        rf"(?<=the\s)(?P<fullyear>full\s+year)\b(?![\s-](?:ago|earlier|before|later|old))",
        rf"(?P<era>(?P<era_n>{alternation(t['eras'])}){SPACE}(?P<era_y>[1-9]\d?)(?![\d,]|\.\d))\b",
        rf"(?P<yr>{YEAR})(?![\d%]|,\d|\.\d|-(?:year|old))",
    ]
    return BranchIndex(alternatives, re.IGNORECASE, before=r"(?<![\w$€£¥/.])")


@lru_cache(maxsize=1)
def _helpers() -> dict[str, re.Pattern[str]]:
    t = tables()
    count = rf"(?:\d{{1,3}}|{alternation(t['counts'])})"
    units = alternation([*t["period_units_months"], *t["period_units_days"]])
    ordinal = alternation([*t["ordinals"], *t["last_ordinals"]])
    nth = rf"(?:fiscal[\s-])?(?:{ordinal})[\s-](?:fiscal[\s-])?"  # "its fiscal fourth quarter ended Sept. 30"
    return {
        "till_now": re.compile(rf"\s*(?:{alternation(t['till_now'])})\b", re.IGNORECASE),
        "range_link": re.compile(r"\s*(?:to|through|thru|until|till|til|-|–|—|and)\s*", re.IGNORECASE),
        "since": re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE),
        "between": re.compile(r"\bbetween\s+$", re.IGNORECASE),
        "edge": re.compile(rf"\b(?P<edge>{alternation(t['period_edges'])})(?:\s+of\s+(?:the\s+)?|-)$", re.IGNORECASE),
        "hedge": re.compile(rf"\b(?P<hedge>{alternation(t['period_hedges'])})[\s-]+$", re.IGNORECASE),
        "year_cue": re.compile(rf"\b(?:{alternation(t['year_cues'])})\s+(?:the\s+)?(?:(?:early|late|mid|end|start|end\s+of)[\s-]+)?$", re.IGNORECASE),
        "month_cue": re.compile(rf"\b(?:{alternation(t['month_cues'])})\s+$", re.IGNORECASE),
        "period_end": re.compile(
            rf"\b(?:{alternation(t['period_openers'])})\s+(?P<pe>(?:(?P<n>{count})[\s-]|{nth})?(?P<unit>{units})\s+(?:{alternation(t['period_end_links'])})\s+(?:on\s+)?(?:end-|the\s+end\s+of\s+)?)$",
            re.IGNORECASE),
        "day_next_to": re.compile(r"\b(?:the\s+)?(?P<next_to>day\s+(?P<side>before|after)\s+)$", re.IGNORECASE),
        "week_of": re.compile(rf"\b(?P<week_of>week\s+(?P<word>{alternation(t['week_starts'])})\s+)$", re.IGNORECASE),
        "season": re.compile(rf"\b(?:{alternation(t['seasons'])})\s+(?:of\s+)?$", re.IGNORECASE),
        "slice": re.compile(rf"\b(?P<slice>(?P<side>first|last|final)\s+(?:(?P<n>{count})\s+)?(?P<unit>days?|weeks?)\s+of\s+(?:the\s+)?)$", re.IGNORECASE),
        "so_far": re.compile(rf"\b(?P<so_far>(?:{alternation(t['so_far_words'])})\s+(?:in\s+)?)$", re.IGNORECASE),
        "year_end_cue": re.compile(rf"\b(?:{alternation(t['year_end_prepositions'])})\s+(?:the\s+)?$", re.IGNORECASE),
        "hyphen_word": re.compile(r"(?P<word>[A-Za-z]+)-$"),
        "sentence_start": re.compile(r"(?:^|[.!?:;\n])[\s\"“”'‘’`(\[]*$"),
        "not_decade": re.compile(rf"\s?(?:{alternation(t['not_decade_after'])})", re.IGNORECASE),
        "of_generic": re.compile(r"(?<!\bas)\s+of\s+$", re.IGNORECASE),
        "today_generic": re.compile(rf"['’]s\s+(?:{alternation(t['generic_today_nouns'])})\b", re.IGNORECASE),
    }


def _year_ref(groups: dict[str, Any], tag: str) -> dict[str, Any]:
    if groups.get(f"{tag}_y"):
        return {"y": _short_year(groups[f"{tag}_y"])}
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


def _day_number(word: str) -> int | None:
    """ "3", "03", "3rd" or "third" as a day of the month."""
    word = word.lower()
    digits = word.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    return tables()["day_ordinals"].get("-".join(word.replace("-", " ").split()))


def _spoken_year(g: dict[str, Any]) -> int:
    """ "nineteen ninety-six" → 1996, "nineteen oh five" → 1905."""
    t = tables()
    century = t["spoken_centuries"][g["sy_c"].lower()]
    if g["sy_o"]:
        return century + t["spoken_units"][g["sy_o"].lower()]
    return century + t["spoken_tens"][g["sy_t"].lower()] + (t["spoken_units"][g["sy_u"].lower()] if g["sy_u"] else 0)


def _numeric_day(match: re.Match[str], start: int, end: int) -> Atom | None:
    """ "25/12/2023" or "12/25/2023": a day only when the order cannot be misread (one part is
    over 12, or both are equal) or the dots of "05.08.2024" say day-month-year."""
    first, second, year = int(match["num_a"]), int(match["num_b"]), int(match["num_y"])
    if first > 12 or (match["num_sep"] == "." and second <= 12):
        day, month = first, second
    elif second > 12 or first == second:
        day, month = second, first
    else:
        return None
    return Atom(start, end, "day", {"y": year, "m": month, "d": day})


def _short_year(written: str | None) -> int | None:
    """ "2024", "24", "'24" or "FY24" as a year; two digits are read in 1970–2069.

    >>> _short_year("FY'89"), _short_year("24"), _short_year("2031"), _short_year(None)
    (1989, 2024, 2031, None)
    """
    digits = re.sub(r"\D", "", written or "")
    if not digits:
        return None
    year = int(digits)
    return year if len(digits) == 4 else year + (1900 if year >= 70 else 2000)


def _fiscal_shorthand(written: str) -> bool:
    """ "FY25", "Q1 FY25": the shorthand of reports whose fiscal year rarely follows the
    calendar (April–March in India and Japan, July–June in Australia, a company's own
    year in the US), so it gives no date. Written out, "fiscal 2025" and "the first
    quarter of fiscal 2025" keep the TimeML reading as that calendar period, which the
    TimeBank set follows."""
    return written[:2].upper() == "FY"


def _code_year(g: dict[str, Any], tag: str) -> dict[str, int] | bool:
    """The year written with a quarter or half code ("2024 Q1", "3Q23", "Q2'22", "1H 2024"):
    ``{"y": year}``, ``{}`` when none is written, ``False`` when the code names two years
    ("2024 Q1 2025") or a fiscal year in shorthand ("Q1 FY25", see ``_fiscal_shorthand``)."""
    written = [g.get(f"{tag}_{part}") for part in ("py", "y", "y2", "yy", "yy2", "fy")]
    written = [year for year in written if year]
    if g[f"{tag}_fy"] or len(written) > 1:
        return False
    return {"y": _short_year(written[0])} if written else {}


def _split_year(match: re.Match[str], start: int, end: int) -> Atom | None:
    """ "2019-21" is the years 2019 to 2021. A split year ("2023-24", "FY2023/24") is a
    fiscal year or a season whose months the text does not give, and "2023-12" may be a
    month: these give no date rather than a guessed one."""
    first, last = int(match["split_a"]), int(match["split_b"])
    if len(match["split_b"]) == 2:
        last += first // 100 * 100
    written_fiscal = match["split"][:1].isalpha()
    if written_fiscal or match["split"][4] == "/" or not first + 1 < last <= first + 20:
        return None
    return Atom(start, end, "years", {"y": first, "y2": last})


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _atom(match: re.Match[str]) -> Atom | None:
    """The atom a grammar match stands for, or ``None`` when it is not a date after all."""
    g = grammar().groupdict(match)
    t = tables()
    months, weekdays = t["months"], t["weekdays"]
    start, end = match.start(), match.end()
    if g["iso"]:
        return Atom(start, end, "day", {"y": int(g["iso_y"]), "m": int(g["iso_m"]), "d": int(g["iso_d"])})
    if g["num"]:
        return _numeric_day(match, start, end)
    if g["hdm"]:
        if not _capitalised(g["hdm_m"]):
            return None
        return Atom(start, end, "day", {"y": _short_year(g["hdm_y"]), "m": months[g["hdm_m"].lower()], "d": int(g["hdm_d"])})
    for tag in ("mdr", "dmr"):
        if g[tag]:
            if not _capitalised(g[f"{tag}_m"]):
                return None
            first, last = _day_number(g[f"{tag}_a"]), _day_number(g[f"{tag}_b"])
            if first is None or last is None or first >= last:
                return None
            values = {"m": months[g[f"{tag}_m"].lower()], "d": first, "d2": last, **_year_ref(g, tag),
                      "pair": g[f"{tag}_l"].strip().lower() == "and" or g[f"{tag}_l"].strip().lower().startswith("and "),
                      "first_end": match.end(f"{tag}_a"), "second_start": match.start(f"{tag}_b")}
            return Atom(match.start(tag) if tag == "dmr" else start, end, "day_range", values)
    for tag, named in (("md", "wdd_w"), ("dm", "wdm_w")):
        if g[tag]:
            if not _capitalised(g[f"{tag}_m"]):
                return None
            number = _day_number(g[f"{tag}_d"])
            if number is None:
                return None
            weekday = {"w": weekdays[g[named].lower()]} if g[named] else {}
            return Atom(start, end, "day", {"m": months[g[f"{tag}_m"].lower()], "d": number, **_year_ref(g, tag), **weekday})
    if g["amr"]:
        first, last = g["amr_a"], g["amr_b"]
        if not (_capitalised(first) and _capitalised(last)):
            return None
        year = {"y": int(g["amr_y"])} if g["amr_y"] else {}
        return Atom(start, end, "month_pair", {"m": months[first.lower()], "m2": months[last.lower()], **year,
                                               "first_end": match.end("amr_a"), "second_start": match.start("amr_b")})
    if g["hm"]:
        if not _capitalised(g["hm_m"]):
            return None
        half = 1 if g["hm_o"].lower() == "first" else 2
        return Atom(start, end, "month", {"m": months[g["hm_m"].lower()], "month_half": half, **_year_ref(g, "hm")})
    if g["drm"]:
        number = _day_number(g["drm_d"])
        shift = tables()["relative_shifts"][g["drm_s"].lower()]
        return Atom(start, end, "day_in_month", {"d": number, "shift": shift}) if number else None
    if g["my"]:
        if not _capitalised(g["my_m"]):
            return None
        return Atom(start, end, "month", {"m": months[g["my_m"].lower()], **_year_ref(g, "my")})
    for tag in ("qa", "q"):
        if g[tag]:
            if _fiscal_shorthand(g[tag].rsplit(" of ", 1)[-1].lstrip()):
                return None  # "the first quarter of FY25"
            word = g[f"{tag}_o"].lower()
            quarter = 4 if word in t["last_ordinals"] else _ordinal(word)
            back = {"year_back": True} if tag == "q" and g["q_back"] else {}
            return Atom(start, end, "quarter", {"q": quarter, **_year_ref(g, tag), **back})
    if g["yp"]:
        return Atom(start, end, "anaphor", {"y": int(g["yp_y"])})
    if g["lyq"]:
        return Atom(start, end, "anaphor", {"year_back": True, "latest": False})
    if g["split"]:
        return _split_year(match, start, end)
    if g["qn"]:
        year = _code_year(g, "qn")
        return None if year is False else Atom(start, end, "quarter", {"q": int(g["qn_n"] or g["qn_m"]), **year})
    for tag in ("ha", "h"):
        if g[tag]:
            if _fiscal_shorthand(g[tag].rsplit(" of ", 1)[-1].lstrip()):
                return None
            word = g[f"{tag}_o"].lower()
            half = 2 if word in t["last_ordinals"] else _ordinal(word)
            return Atom(start, end, "half", {"h": half, **_year_ref(g, tag)})
    if g["hn"]:
        year = _code_year(g, "hn")
        return None if year is False else Atom(start, end, "half", {"h": int(g["hn_n"] or g["hn_m"]), **year})
    if g["mq"]:
        if not _capitalised(g["mq_m"]):
            return None
        unit = g["mq_u"].lower()
        values = {"m": months[g["mq_m"].lower()], "back": ("months", 3 if unit == "quarter" else 6, unit)}
        return Atom(start, end, "month", {**values, **({"y": int(g["mq_y"])} if g["mq_y"] else {})})
    if g["fm"]:
        n = _count(g["fm_n"])
        months_n = n * (3 if g["fm_u"].lower().startswith("quarter") else 1) if n else None
        if not months_n or months_n > 12:
            return None
        bare = not g["fm"].lower().startswith("first")  # "the nine months": no anchor for "a year earlier"
        return Atom(start, end, "first_months", {"n": months_n, "bare": bare, **_year_ref(g, "fm")})
    if g["span"]:
        n = _count(g["span_n"])
        if not n or n > 100:
            return None
        ahead = g["span_w"].lower() in ("next", "coming")
        return Atom(start, end, "span", {"n": n, "unit": g["span_u"].lower()[:-1], "ahead": ahead})
    if g["dec"]:
        return Atom(start, end, "decade", {"y": int(g["dec_y"])})
    if g["dea"]:
        return Atom(start, end, "decade_short", {"d": int(g["dea_d"]) * 10})
    if g["dew"]:
        tens = t["decade_words"][g["dew_w"].lower()]
        if g["dew_c"]:
            return Atom(start, end, "decade", {"y": t["spoken_centuries"][g["dew_c"].lower()] + tens})
        return Atom(start, end, "decade_short", {"d": tens})
    if g["sy"]:
        return Atom(start, end, "year", {"y": _spoken_year(g), "spoken": True})
    if g["yt"]:
        rest = (g["yt_n"] or "").lower()
        return Atom(start, end, "year", {"y": 2000 + t["spoken_tens"].get(rest, t["spoken_units"].get(rest, 0)), "spoken": True})
    if g["ytd"]:
        if g["ytd_a"] and not g["ytd"].isupper():
            return None
        unit = g["ytd_u"].lower() if g["ytd_u"] else {"y": "year", "m": "month", "q": "quarter"}[g["ytd_a"].lower()]
        return Atom(start, end, "to_date", {"unit": unit})
    if g["eu"]:
        return Atom(start, end, "unit_edge", {"unit": g["eu_u"].lower(), "edge": t["period_edges"][g["eu_e"].lower()]})
    if g["ye"]:
        return Atom(start, end, "unit_edge", {"unit": "year", "edge": "end", "needs_preposition": True})
    if g["dan"]:
        lead = re.match(r"the\s+", g["dan"], re.IGNORECASE)
        shift = t["day_anaphors"][" ".join(g["dan_w"].lower().split())]
        return Atom(start + (lead.end() if lead else 0), end, "day_anaphor", {"shift": shift})
    if g["yan"]:
        said = g["yan"][: len(g["yan"]) - len(g["yan_b"] or "")]
        phrase = " ".join(said.lower().split())
        lead = re.match(r"the\s+", g["yan"], re.IGNORECASE)  # spans leave out a leading "the"
        unit = (g["yan_u"] or g["yan_v"]).lower()
        shift = t["period_anaphors"][phrase] - ((12 if unit == "month" else 1) if g["yan_b"] else 0)  # "the same month a year ago"
        return Atom(start + (lead.end() if lead else 0), end, f"{unit}_anaphor", {"shift": shift})
    if g["dp"]:
        part, word = g["dp_p"].lower(), g["dp_s"].lower()
        if word == "last" and part != "night" or word == "this" and part == "night":
            return None
        return Atom(start, end, "dayword", {"offset": t["day_parts_relative"][word]})
    if g["ago"]:
        n = _count(g["ago_n"])
        if n is None:
            return None
        word = " ".join(g["ago_w"].lower().split())
        unit = g["ago_u"].lower()
        if unit == "fortnight":
            n, unit = 2 * n, "week"
        return Atom(start, end, "ago", {"n": n * t["ago_words"][word], "unit": unit,
                                        "narrative": word in t["narrative_ago_words"]})
    if g["rel"]:
        return Atom(start, end, "rel", {"shift": t["relative_shifts"][g["rel_s"].lower()], "unit": g["rel_u"].lower()})
    if g["we"]:
        return Atom(start, end, "weekend", {})
    if g["wd"]:
        if not _capitalised(g["wd_w"]):
            return None
        shift = g["wd_s"].lower().split()[-1] if g["wd_s"] else ""
        if g["wd_after"]:  # British "Monday next" is next Monday, "Monday week" the one after it
            if shift:
                return None
            shift = "next" if g["wd_after"].lower() == "next" else "week_after_next"
        return Atom(start, end, "weekday", {"w": weekdays[g["wd_w"].lower()], "shift": shift})
    if g["dw"]:
        return Atom(start, end, "dayword", {"offset": t["day_words"][g["dw"].lower()]})
    if g["ms"]:
        if not _capitalised(g["ms_m"]):
            return None
        return Atom(start, end, "month_shift", {"m": months[g["ms_m"].lower()], "shift": g["ms_s"].lower()})
    if g["ana"]:
        text = g["ana"].lower()
        back = bool(g["ana_b"] or re.search(r"year-|prior-year|comparable", text))
        if (g["ana_u"] or "").lower() == "period" and not back and "latest" not in text:
            return None
        return Atom(start, end, "anaphor", {"year_back": back,
                                            "latest": text.startswith("latest"), "that": text.startswith("that ")})
    if g["mo"]:
        word = g["mo"]
        full = len(word) > 3 and word.lower() not in ("sept",)
        if not _capitalised(word):
            return None
        if word == "May" and not g["mo_dot"]:
            return Atom(start, end, "month", {"m": 5, "weak": True})
        if not (full or g["mo_dot"] or word.lower() == "sept"):
            return None
        return Atom(start, end, "month", {"m": months[word.lower()]})
    if g["fy"]:
        if _fiscal_shorthand(g["fy"]):
            return None
        return Atom(start, end, "year", {"y": _short_year(g["fy_y"])})
    if g["fullyear"]:
        return Atom(start, end, "full_year", {})
    if g["era"]:
        if not _capitalised(g["era_n"]):
            return None
        return Atom(start, end, "year", {"y": t["eras"][g["era_n"].lower()] + int(g["era_y"]) - 1})
    if g["yr"]:
        return Atom(start, end, "year", {"y": int(g["yr"]), "bare": True})
    return None


# --- resolution ---------------------------------------------------------------------------

def _with_year(atom: Atom, year: int) -> Period | None:
    v = atom.values
    kind = atom.kind
    if kind == "day":
        return _safe(lambda: day_period(dt.date(year, v["m"], v["d"])))
    if kind == "day_range":
        return _safe(lambda: Period(dt.date(year, v["m"], v["d"]), dt.date(year, v["m"], v["d2"]), "range"))
    if kind == "month":
        return _safe(lambda: month_period(year, v["m"]))
    if kind == "quarter":
        return _safe(lambda: quarter_period(year, v["q"]))
    if kind == "half":
        return _safe(lambda: half_period(year, v["h"]))
    if kind == "year":
        return _safe(lambda: year_period(year))
    if kind == "years":
        return _safe(lambda: Period(dt.date(year, 1, 1), dt.date(v["y2"], 12, 31), "range"))
    if kind == "first_months":
        return _safe(lambda: Period(dt.date(year, 1, 1), month_end(year, v["n"]), "range"))
    return None


def _span(n: int, unit: str, ahead: bool, ref: dt.date) -> Period:
    """"the past two months" ends on the reference date; "the next three years" starts the
    day after it (gold spec: a definite period named by its length).

    >>> past = _span(2, "month", False, dt.date(2024, 5, 10))
    >>> past.start.isoformat(), past.end.isoformat()
    ('2024-03-11', '2024-05-10')
    >>> ahead = _span(7, "day", True, dt.date(2024, 5, 10))
    >>> ahead.start.isoformat(), ahead.end.isoformat()
    ('2024-05-11', '2024-05-17')
    """
    if unit in ("day", "week"):
        delta = dt.timedelta(days=n * (7 if unit == "week" else 1))
        if ahead:
            return Period(ref + dt.timedelta(days=1), ref + delta, "range")
        return Period(ref - delta + dt.timedelta(days=1), ref, "range")
    months = n * (12 if unit == "year" else 1)
    year, month = add_months(ref.year, ref.month, months if ahead else -months)
    shifted = dt.date(year, month, min(ref.day, month_end(year, month).day))
    if ahead:
        return Period(ref + dt.timedelta(days=1), shifted, "range")
    return Period(shifted + dt.timedelta(days=1), ref, "range")


WEEKDAY_SLACK = dt.timedelta(days=7)  # "said on Saturday, April 25" may date tomorrow's editorial


def _infer_year(atom: Atom, ref: dt.date, tense: Tense) -> Period | None:
    """Fill a missing year with the occurrence nearest the reference date, where a step
    against the sentence's tense counts extra: past-tense text looks back, future text
    ahead, and news in general reports what has happened. A period a past-tense verb
    modifies ("In January, the firm hired…") has begun by the reference date."""
    candidates = [p for y in (ref.year - 1, ref.year, ref.year + 1) if (p := _with_year(atom, y)) is not None]
    if tense == "before":
        candidates = [p for p in candidates if p.start <= ref]
    if atom.values.get("w") is not None:  # "Friday, March 3": only a year whose March 3 is a Friday,
        candidates = [p for p in candidates if p.start.weekday() == atom.values["w"]]
        if tense in PAST:  # and not one far ahead of a past-tense verb (or behind a future one)
            candidates = [p for p in candidates if p.start <= ref + WEEKDAY_SLACK]
        elif tense in ("future", "present"):
            candidates = [p for p in candidates if p.start >= ref - WEEKDAY_SLACK]
    if not candidates:
        return None
    return min(candidates, key=_cost_function(ref, tense))


def pick_year(candidates: list[Period], ref: dt.date, tense: Tense, strict: bool = False) -> Period | None:
    """The candidate nearest the reference date as the tense reads it; ``strict`` keeps
    only candidates wholly before ("past") or after ("future") it ("last Christmas")."""
    if strict and tense in PAST:
        candidates = [p for p in candidates if p.end < ref]
    elif strict and tense == "future":
        candidates = [p for p in candidates if p.start > ref]
    return min(candidates, key=_cost_function(ref, tense)) if candidates else None


def _cost_function(ref: dt.date, tense: Tense) -> Callable[[Period], int]:
    """How far a candidate period lies from the reference date, a step against the tense
    counting extra."""
    ahead_weight, behind_weight = {"past": (4, 1), "before": (4, 1), "future": (1, 4), "present": (1, 4)}.get(tense or "", (2, 1))

    def cost(period: Period) -> int:
        if period.start <= ref <= period.end:
            return 0
        if period.end < ref:
            return behind_weight * (ref - period.end).days
        return ahead_weight * (period.start - ref).days

    return cost


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
    if shift == "week_after_next":
        return day_period(ref + dt.timedelta(days=((weekday - ref.weekday()) % 7 or 7) + 7))
    if tense in ("future", "present") or shift in ("coming", "this") and tense not in PAST:
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
    if atom.kind == "decade_short" and ref is None and v["d"] >= 30:
        return decade_period(1900 + v["d"])
    if ref is None:
        return None
    if v.get("yrel") is not None:
        return _with_year(atom, ref.year + v["yrel"])
    if atom.kind in ("day", "month", "quarter", "half", "first_months", "day_range"):
        return _infer_year(atom, ref, tense)
    if atom.kind == "decade_short":
        return decade_period(_century(v["d"], ref))
    if atom.kind == "span":
        return _safe(lambda: _span(v["n"], v["unit"], v["ahead"], ref))
    if atom.kind == "to_date":
        current = _relative(v["unit"], 0, ref)
        return Period(current.start, ref, "range") if current else None
    if atom.kind == "unit_edge":
        return _unit_edge(v["unit"], v["edge"], ref, tense)
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
    if atom.kind == "full_year":
        return None if tense in PAST else year_period(ref.year)
    if atom.kind == "day_in_month":
        year, month = add_months(ref.year, ref.month, v["shift"])
        return _safe(lambda: day_period(dt.date(year, month, v["d"])))  # a past "full year" may be last year's
    return None


def _century(tens: int, ref: dt.date) -> int:
    """ "the '90s" is the latest such decade that has begun by the reference date."""
    return 2000 + tens if 2000 + tens <= ref.year else 1900 + tens


def _unit_edge(unit: str, edge: str, ref: dt.date, tense: Tense) -> Period | None:
    """ "the end of the year" is the current year's last day; in a past-tense sentence it
    is the most recent such day that has already come."""
    current = _relative(unit, 0, ref)
    if current is None:
        return None
    day = current.end if edge == "end" else current.start
    if tense in PAST and day > ref:
        previous = _relative(unit, -1, ref)
        day = previous.end if edge == "end" else previous.start
    return day_period(day)


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


NAMED_WEEKEND = re.compile(r"\b([A-Z][\w'’]*)[ \t]{1,3}$")
WEEKEND_SHIFTS = ("this", "last", "next", "coming", "past", "the", "over", "that", "a")
NAMED_MARCH = re.compile(r"[ \t]{1,3}(?:for|of|on|against)[ \t]{1,3}(?:the[ \t]{1,3})?[A-Z]")
WEEKDAY_GAP = re.compile(r",?[ \t]{1,3}(?:the[ \t]{1,3})?")
SPOKEN_YEAR_GAP = re.compile(r",?[ \t]{1,3}(?:of[ \t]{1,3})?")
RANGE_GAP = 12  # the most characters a range link ("  through  ") may take
LOOKBACK = 60  # characters read before an expression for its cue words


def find_atoms(text: str, year_evidence: Callable[[int, int], bool] = lambda s, e: False) -> list[Atom]:
    """Atomic date expressions in text order. A bare year ("2009") counts only after a cue
    word ("in", "since", "from" …) or where ``year_evidence(start, end)`` says so (the
    base NER's DATE spans)."""
    helpers = _helpers()
    atoms: list[Atom] = []
    for match in grammar().finditer(text):
        atom = _atom(match)
        if atom is None:
            continue
        before = text[max(0, atom.start - LOOKBACK) : atom.start]
        linked = bool(atoms) and atom.start - atoms[-1].end <= RANGE_GAP and bool(
            helpers["range_link"].fullmatch(text[atoms[-1].end : atom.start]))
        if not _plausible(atom, text, before, linked, year_evidence):
            continue
        if atom.kind == "month_pair":  # "Apr-Jun 2024": two months that the range pass joins
            v = atom.values
            year = {"y": v["y"]} if "y" in v else {}
            atoms.extend([Atom(atom.start, v["first_end"], "month", {"m": v["m"], **year}),
                          Atom(v["second_start"], atom.end, "month", {"m": v["m2"], **year})])
            continue
        if atom.kind == "day_range" and atom.values["pair"] and not helpers["between"].search(before):
            atoms.extend(_split_pair(atom))
            continue
        _widen(atom, before)
        while atoms and atoms[-1].end > atom.start:  # "the quarter" inside "the quarter ended Sept. 30"
            atoms.pop()
        if atom.kind == "day" and atoms and atoms[-1].kind == "weekday" and WEEKDAY_GAP.fullmatch(text[atoms[-1].end : atom.start]):
            weekday = atoms.pop()  # "this coming Sunday, March 8" is one day
            atom.start, atom.values["w"] = weekday.start, weekday.values["w"]
        _same_day_in_brackets(text, atoms, atom)
        if atom.values.get("spoken") and atoms and atoms[-1].kind in ("month", "day") and not atoms[-1].has_year and \
                SPOKEN_YEAR_GAP.fullmatch(text[atoms[-1].end : atom.start]):
            atoms[-1].values["y"], atoms[-1].end = atom.values["y"], atom.end  # "January nineteen ninety-seven"
            continue
        atoms.append(atom)
    return atoms


def _plausible(atom: Atom, text: str, before: str, linked: bool, year_evidence: Callable[[int, int], bool]) -> bool:
    """Context checks a regex cannot make: cue words for bare years and "May", names
    written like dates ("This Week" the TV show), words glued on by a hyphen."""
    helpers = _helpers()
    v = atom.values
    hyphen = helpers["hyphen_word"].search(before)
    glued = {*tables()["period_hedges"], *tables()["period_edges"]}  # "mid-March", "end-2025"
    if hyphen and hyphen.group("word").lower() not in glued and not linked:
        return False
    if v.get("bare") and not (helpers["year_cue"].search(before) or year_evidence(atom.start, atom.end) or linked):
        return False
    if v.get("weak") and not (helpers["month_cue"].search(before) or linked):
        return False
    if atom.kind == "year" and helpers["season"].search(before):
        return False  # "spring 2023": a season, whose months depend on the hemisphere
    if atom.kind == "weekend" and (named := NAMED_WEEKEND.search(before)) and named.group(1).lower() not in WEEKEND_SHIFTS:
        return False  # "the Easter weekend", "the Memorial Day weekend" are not the last one
    if atom.kind == "unit_edge" and v.get("needs_preposition") and not helpers["year_end_cue"].search(before):
        return False
    words = text[atom.start : atom.end].split()
    if atom.kind in ("rel", "dayword", "weekend", "to_date", "year_anaphor", "month_anaphor", "day_anaphor") and all(w[:1].isupper() for w in words) \
            and not text[atom.start : atom.end].isupper():
        if not helpers["sentence_start"].search(before):
            return False
    if atom.kind == "dayword" and helpers["today_generic"].match(text, atom.end):
        return False
    if atom.kind == "dayword" and helpers["of_generic"].search(before) and text[atom.start : atom.end].lower() in \
            tables()["generic_after_of"] and not text.startswith(("'s", "’s"), atom.end):
        return False  # "the factories of tomorrow"; but "as of today" and "of today's vote" are days
    if atom.kind == "decade_short" and helpers["not_decade"].match(text, atom.end):
        return False  # "in the nineties Fahrenheit" is a temperature
    if atom.kind == "month" and not v.get("y") and NAMED_MARCH.match(text, atom.end):
        return False  # "the March for Life", "the March of Dimes"

    return True


BRACKET_OPEN = re.compile(r"[ \t]{0,2}\([ \t]?")
BRACKET_CLOSE = re.compile(r"[ \t]?\)")


def _same_day_in_brackets(text: str, atoms: list[Atom], atom: Atom) -> None:
    """ "Monday (May 6)" and "15 May (Wednesday)", as Asian and wire copy write them: the
    weekday and the day name one day, so the weekday takes the day's date (and both must
    agree on the weekday)."""
    if not atoms or not BRACKET_OPEN.fullmatch(text[atoms[-1].end : atom.start]) or not BRACKET_CLOSE.match(text, atom.end):
        return
    kinds = (atoms[-1].kind, atom.kind)
    if kinds not in (("weekday", "day"), ("day", "weekday")):
        return
    weekday, day = (atoms[-1], atom) if kinds[0] == "weekday" else (atom, atoms[-1])
    if weekday.values["shift"] or day.values.get("w", weekday.values["w"]) != weekday.values["w"]:
        return
    day.values["w"] = weekday.values["w"]
    weekday.kind, weekday.values = "day", dict(day.values)


def _split_pair(atom: Atom) -> list[Atom]:
    """ "April 24 and 25" names two days, not a range."""
    v = atom.values
    common = {k: v[k] for k in ("m", "y", "yrel") if k in v}
    return [Atom(atom.start, v["first_end"], "day", {**common, "d": v["d"]}),
            Atom(v["second_start"], atom.end, "day", {**common, "d": v["d2"]})]


def _widen(atom: Atom, before: str) -> None:
    """Take in the words before an expression that change its period: "end of 2022",
    "the quarter ended Sept. 30", "the first 10 days of May", "so far this year", "the
    week of March 6"."""
    helpers = _helpers()
    t = tables()
    v = atom.values

    def take(match: re.Match[str], group: str) -> None:
        atom.start -= len(before) - match.start(group)

    if atom.kind in ("day", "weekday", "dayword") and (found := helpers["day_next_to"].search(before)):
        v["day_shift"] = -1 if found.group("side").lower() == "before" else 1  # "the day before last Tuesday"
        take(found, "next_to")
        return
    if atom.kind == "day" and (found := helpers["week_of"].search(before)):
        v["week_of"] = found.group("word").lower()
        take(found, "week_of")
        return
    if atom.kind in ("day", "month", "weekday") and (found := helpers["period_end"].search(before)):
        unit = " ".join(found.group("unit").lower().split())
        n = _count(found.group("n")) if found.group("n") else 1
        plural = unit.endswith("s")
        if n and (plural or n == 1) and (not plural or found.group("n")):
            if unit in t["period_units_months"]:
                v["back"] = ("months", n * t["period_units_months"][unit], unit)
            else:
                v["back"] = ("days", n * t["period_units_days"][unit], unit)
            take(found, "pe")
            return
    if atom.kind in ("month", "quarter", "year", "half") and (found := helpers["slice"].search(before)):
        n = _count(found.group("n")) if found.group("n") else 1
        if n and (found.group("n") or not found.group("unit").lower().endswith("s")):
            days = n * (7 if found.group("unit").lower().startswith("week") else 1)
            v["slice"] = ("end" if found.group("side").lower() != "first" else "start", days)
            take(found, "slice")
            return
    if atom.kind in ("rel", "year", "month", "quarter", "half") and (found := helpers["so_far"].search(before)):
        v["to_ref"] = True
        take(found, "so_far")
        return
    edge = helpers["edge"].search(before[-30:])
    if edge and atom.kind in ("year", "month", "quarter", "half", "rel", "decade") and (atom.kind != "rel" or v["unit"] != "week"):
        v["edge"] = t["period_edges"][edge.group("edge").lower()]
        atom.start -= len(before[-30:]) - edge.start()
        return
    hedge = helpers["hedge"].search(before[-30:])
    if hedge and atom.kind in ("year", "month", "decade", "decade_short", "quarter", "rel", "year_anaphor", "month_anaphor"):
        atom.start -= len(before[-30:]) - hedge.start()


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

    An expression that needs ``ref`` keeps its span with ``None`` values when ``ref`` is
    missing; one that cannot be a calendar date at all (Feb. 30, a day past year 9999)
    yields nothing.

    >>> [(m.start, m.date_start.isoformat(), m.date_end, m.open_end) for m in find_dates("Sales have grown since 2021.", None)]
    [(23, '2021-01-01', None, True)]
    >>> [(m.date_start.isoformat(), m.date_end.isoformat(), m.granularity) for m in find_dates("from 2018 to 2023", None)]
    [('2018-01-01', '2023-12-31', 'range')]
    >>> find_dates("last year", None)[0].date_start is None
    True
    >>> find_dates("\u200b%$ 31/31/2031 Mayday", None)
    []
    >>> find_dates("due tomorrow", dt.date(9999, 12, 31))
    []
    """
    helpers = _helpers()
    atoms = find_atoms(text, year_evidence)
    results: list[DateMatch] = []
    state = _Context()
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        nxt = atoms[index + 1] if index + 1 < len(atoms) else None
        try:
            found, used = _match(text, atom, nxt, ref, tense_at(atom.start), state, helpers)
        except (ValueError, OverflowError):
            found, used = None, 1
        if found is not None:
            results.append(found)
        index += used
    return results


YEAR_REACH = 1500  # characters within which "that year" refers back to a year written out
RANGE_NOUN = re.compile(r"\s(?:quarter|period|half)\b", re.IGNORECASE)
SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
SINCE_THE = re.compile(r"\bsince\s+the\s+$", re.IGNORECASE)


@dataclass
class _Context:
    """What earlier expressions in the text tell later ones."""

    anchor: tuple[int, Period] | None = None  # the last quarter or half named, for "a year earlier"
    year: tuple[int, int] | None = None  # (offset, year) of the last year written out, for "that year"
    month: tuple[int, int, int] | None = None  # (offset, year, month) of the last month or day, for "the following month"
    day: tuple[int, dt.date] | None = None  # (offset, day) of the last day named, for "the previous Friday"
    quarter: tuple[int, Period] | None = None  # the last quarter or half named, even one reached back to, for "that quarter"


def _match(text: str, atom: Atom, nxt: Atom | None, ref: dt.date | None, tense: Tense, state: _Context,
           helpers: dict[str, re.Pattern[str]]) -> tuple[DateMatch | None, int]:
    """The fact for ``atom`` (joined with ``nxt`` when they form a range) and how many
    atoms it used."""
    before = text[max(0, atom.start - 12) : atom.start]
    gap = text[atom.end : nxt.start] if nxt else ""
    link = helpers["range_link"].fullmatch(gap) if nxt and len(gap) <= RANGE_GAP else None
    is_and = link is not None and "and" in link.group().lower()
    if nxt and link and (not is_and or helpers["between"].search(before)) and _rangeable(atom, nxt):
        left, right = _range_ends(atom, nxt, ref, tense)
        end = nxt.end
        if atom.kind == nxt.kind == "month" and (noun := RANGE_NOUN.match(text, end)):
            end = noun.end()
        if left and right and left.start and right.end and left.start <= right.end:
            return DateMatch(atom.start, end, left.start, right.end, False, "range"), 2
        if ref is None and (_needs_ref(atom) or _needs_ref(nxt)):
            return DateMatch(atom.start, end, None, None, False, "range"), 2
        return None, 2
    till = helpers["till_now"].match(text, atom.end)
    period = apply_edge(resolve(atom, ref, "past" if till else tense), atom.values.get("edge"))
    period = _in_context(atom, period, state.anchor, ref)
    if atom.kind == "year_anaphor":
        known = state.year is not None and atom.start - state.year[0] <= YEAR_REACH
        period = year_period(state.year[1] + atom.values["shift"]) if known else None
    if atom.kind == "day_anaphor":  # "the following day" counts from the day named last
        known = state.day is not None and atom.start - state.day[0] <= DAY_REACH
        period = day_period(state.day[1] + dt.timedelta(days=atom.values["shift"])) if known else None
    if atom.kind == "month_anaphor":
        known = state.month is not None and atom.start - state.month[0] <= YEAR_REACH
        period = _safe(lambda: month_period(*add_months(*state.month[1:], atom.values["shift"]))) if known else None
    if atom.kind == "ago" and atom.values["narrative"]:
        period = _narrative_shift(atom, period, state)
    if atom.kind == "weekday" and atom.values["shift"] in NARRATIVE_WEEKDAY_SHIFTS:
        period = _narrative_weekday(atom, state)
    period = _reshape(atom, period, ref)
    if atom.kind == "anaphor" and atom.values.get("that") and state.quarter and atom.start - state.quarter[0] <= ANCHOR_REACH:
        period = state.quarter[1]  # "that quarter" is the one named last, even a year-ago one
    if period is not None and period.granularity in ("quarter", "half"):
        state.quarter = (atom.end, period)
    if period is not None and _anchors(atom, period, ref):
        state.anchor = (atom.end, period)
    if period is not None and period.start and atom.has_year and atom.kind in ("day", "month", "year", "quarter", "half", "day_range"):
        state.year = (atom.end, period.start.year)
    if period is not None and period.start and period.granularity in ("day", "month") and atom.kind in ("day", "month", "month_anaphor"):
        state.month = (atom.end, period.start.year, period.start.month)
    if period is not None and period.start and period.granularity == "day" and atom.kind in ("day", "weekday", "dayword", "day_anaphor"):
        state.day = (atom.end, period.start)
    if period is None and not (ref is None and _needs_ref(atom)):
        return None, 1
    if till:
        start_day = period.start if period else None
        return DateMatch(atom.start, till.end(), start_day, ref if start_day else None, False, "range"), 1
    granularity = period.granularity if period else _granularity(atom)
    if (SINCE.search(before) or atom.kind == "unit_edge" and SINCE_THE.search(before)) and atom.kind != "dayword":
        return DateMatch(atom.start, atom.end, period.start if period else None, None, True, granularity), 1
    return DateMatch(atom.start, atom.end, period.start if period else None, period.end if period else None,
                     False, granularity), 1


def _anchors(atom: Atom, period: Period, ref: dt.date | None) -> bool:
    """Whether a period is the one later "a year earlier"s compare with: a quarter, half,
    "first nine months" or "six months ended Oct. 1" named, or "the quarter" that refers
    back to it (which keeps it in reach); not one reached back to, or "a year earlier"
    twice would be two years; nor one still to come ("losses through the third quarter
    of next year"), since results report a period that has begun."""
    v = atom.values
    if ref is not None and period.start is not None and period.start > ref:
        return False
    if v.get("year_back") or atom.kind == "ago" or atom.kind == "anaphor" and v.get("y") is not None:
        return False
    reporting = atom.kind == "first_months" and not v.get("bare") or "back" in v and v["back"][0] == "months"
    return period.granularity in ("quarter", "half") or reporting


def _narrative_shift(atom: Atom, period: Period | None, state: _Context) -> Period | None:
    """"Two years later" and "ten days before the vote" count from an event the text
    narrates, not from the reference date: years count from the year last written out;
    days, weeks and months have no known start. Only "a year earlier" keeps its usual
    meaning in results reporting, the year (or quarter) before the one reported."""
    v = atom.values
    if v["unit"] == "year" and v["n"] == -1:
        return period
    known = state.year is not None and atom.start - state.year[0] <= YEAR_REACH
    if v["unit"] == "year" and known:
        return _safe(lambda: year_period(state.year[1] + v["n"]))
    return None


NARRATIVE_WEEKDAY_SHIFTS = {"previous": -1, "preceding": -1, "following": 1}
DAY_REACH = 600  # characters within which "the previous Friday" counts from a day named before


def _narrative_weekday(atom: Atom, state: _Context) -> Period | None:
    """ "The previous Friday" and "the following Monday" count from the day the text named
    last, not from the reference date; with no day in reach they are not resolved."""
    if state.day is None or atom.start - state.day[0] > DAY_REACH:
        return None
    named = state.day[1]
    if NARRATIVE_WEEKDAY_SHIFTS[atom.values["shift"]] < 0:
        return day_period(named - dt.timedelta(days=(named.weekday() - atom.values["w"]) % 7 or 7))
    return day_period(named + dt.timedelta(days=(atom.values["w"] - named.weekday()) % 7 or 7))


def _needs_ref(atom: Atom) -> bool:
    """Whether the atom's period depends on the reference date."""
    return atom.values.get("y") is None and atom.kind not in ("decade", "year_anaphor", "month_anaphor", "day_anaphor")


def _range_ends(left: Atom, right: Atom, ref: dt.date | None, tense: Tense) -> tuple[Period | None, Period | None]:
    """Both ends of a range. Without a year anywhere ("July–September", "Dec. 20 to Jan. 5")
    the year is chosen for the range as a whole, so the ends stay in order."""
    yearless = not left.has_year and not right.has_year
    if yearless and ref is not None and {left.kind, right.kind} <= {"day", "month"}:
        wraps = (left.values["m"], left.values.get("d", 0)) > (right.values["m"], right.values.get("d", 0))
        pairs = []
        for year in (ref.year - 1, ref.year, ref.year + 1):
            first, last = _with_year(left, year - 1 if wraps else year), _with_year(right, year)
            if first is not None and last is not None:
                pairs.append((first, last))
        if not pairs:
            return None, None
        costs = _cost_function(ref, tense)
        return min(pairs, key=lambda pair: costs(Period(pair[0].start, pair[1].end, "range")))
    _carry_year(left, right)
    first = apply_edge(resolve(left, ref, tense), left.values.get("edge"))
    last = apply_edge(resolve(right, ref, tense), right.values.get("edge"))
    if left.kind == right.kind == "weekday" and first is not None:
        last = day_period(first.start + dt.timedelta(days=(right.values["w"] - left.values["w"]) % 7))
    return first, last


def _reshape(atom: Atom, period: Period | None, ref: dt.date | None) -> Period | None:
    """Apply the words ``_widen`` took in: a period named by its end ("the nine months to
    September 30"), a slice of a period ("the first 10 days of December"), or a period
    that runs only to the reference date ("so far this year")."""
    v = atom.values
    if period is None or period.start is None or period.end is None:
        return period
    if atom.kind == "quarter" and v.get("year_back"):
        return shift_years(period, -1)
    if v.get("day_shift") and period.granularity == "day":
        return day_period(period.start + dt.timedelta(days=v["day_shift"]))
    if v.get("week_of") == "of":
        return week_period(period.start)
    if v.get("week_of"):  # "the week commencing 13 May" starts on that day
        return Period(period.start, period.start + dt.timedelta(days=6), "week")
    if v.get("month_half") and period.granularity == "month":
        middle = period.start + dt.timedelta(days=14)
        first_half = v["month_half"] == 1
        return Period(period.start if first_half else middle + dt.timedelta(days=1), middle if first_half else period.end, "range")
    if "back" in v:
        measure, amount, unit = v["back"]
        end = period.end
        if measure == "days":
            start = end - dt.timedelta(days=amount - 1)
            return Period(start, end, "week" if amount == 7 else "range")
        after = end + dt.timedelta(days=1)
        year, month = add_months(after.year, after.month, -amount)
        start = dt.date(year, month, min(after.day, month_end(year, month).day))
        granularity = {"quarter": "quarter", "half": "half", "month": "month"}.get(unit, "year" if amount == 12 and "year" in unit else "range")
        return Period(start, end, granularity)
    if "slice" in v:
        side, days = v["slice"]
        if days > (period.end - period.start).days + 1:
            return None
        if side == "start":
            return Period(period.start, period.start + dt.timedelta(days=days - 1), "week" if days == 7 else "range")
        return Period(period.end - dt.timedelta(days=days - 1), period.end, "week" if days == 7 else "range")
    if v.get("to_ref") and ref is not None and period.start <= ref <= period.end:
        return Period(period.start, ref, "range")
    return period


LATEST_REACH_DAYS = 183  # "the latest quarter" is one that ended within half a year
ANCHOR_REACH = 600  # characters within which "a year earlier" refers back to a named quarter


def _in_context(atom: Atom, period: Period | None, anchor: tuple[int, Period] | None,
                ref: dt.date | None = None) -> Period | None:
    """In results reporting, "a year earlier", "the year-ago quarter", "the 1988 period"
    and "the quarter" refer to the quarter (or half) named just before, not to the whole
    year, and "the full year" is the year that period ends in; "the latest quarter" is
    never one still to come."""
    if anchor is None or atom.start - anchor[0] > ANCHOR_REACH:
        return period
    named = anchor[1]
    if atom.kind == "anaphor" and atom.values.get("y") is not None:
        return shift_years(named, atom.values["y"] - named.start.year)
    if atom.kind == "anaphor" and atom.values.get("latest") and ref is not None and not (
            ref - dt.timedelta(days=LATEST_REACH_DAYS) <= named.end < ref):
        return period
    if atom.kind == "anaphor":
        return shift_years(named, -1) if atom.values["year_back"] else named
    if atom.kind == "ago" and atom.values["unit"] == "year" and atom.values["n"] == -1:
        return shift_years(named, -1)
    if atom.kind == "full_year":
        return year_period(named.end.year)
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
        "half": "half", "year": "year", "decade": "decade", "weekend": "week", "first_months": "range", "span": "range",
        "month_shift": "month", "anaphor": "quarter", "day_range": "range", "decade_short": "decade",
        "to_date": "range", "unit_edge": "day", "year_anaphor": "year", "month_anaphor": "month",
        "years": "range", "full_year": "year", "day_in_month": "day", "day_anaphor": "day",
    }.get(atom.kind, atom.values.get("unit", "day") if atom.kind in ("rel", "ago") else "day")
