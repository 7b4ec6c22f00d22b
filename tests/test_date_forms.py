"""The long tail of date forms (issue 12): day ranges, periods named by their end,
periods up to the reference date, ordinal days, decades, spoken years, numeric days
in regional orders, and hostile input. Each row: text, reference date, tense, the
spans expected and the period of the last one. Worded apart from the seeds and the
development articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.normalise.dates import find_dates

D = dt.date.fromisoformat

# (text, reference date, tense, expected spans, date_start, date_end, granularity)
ROWS = [
    # day ranges
    ("The expo runs June 11-15 in Lagos.", "2025-05-02", None, ["June 11-15"], "2025-06-11", "2025-06-15", "range"),
    ("Voting ran Feb. 2–4, 2022.", "2023-01-01", None, ["Feb. 2–4, 2022"], "2022-02-02", "2022-02-04", "range"),
    ("Talks are set for the 21st to the 23rd of November.", "2024-10-01", "future", ["21st to the 23rd of November"], "2024-11-21", "2024-11-23", "range"),
    ("Shops shut between 12 and 16 January.", "2024-02-01", "past", ["12 and 16 January"], "2024-01-12", "2024-01-16", "range"),
    ("The fair is open 3 to 6 Sept 2026.", "2025-01-01", None, ["3 to 6 Sept 2026"], "2026-09-03", "2026-09-06", "range"),
    ("Flights resume on July 8 and 9.", "2024-07-01", "future", ["July 8", "9"], "2024-07-09", "2024-07-09", "day"),
    # month ranges with a year or a period noun
    ("Exports grew in April-June 2021.", "2022-01-01", None, ["April-June 2021"], "2021-04-01", "2021-06-30", "range"),
    ("Margins fell in the January–March quarter.", "2024-05-20", "past", ["January–March quarter"], "2024-01-01", "2024-03-31", "range"),
    ("Demand peaked from November to February.", "2024-03-15", "past", ["November to February"], "2023-11-01", "2024-02-29", "range"),
    # periods named by their end
    ("Toyo earned more in the quarter ended June 30.", "2024-08-01", "past", ["quarter ended June 30"], "2024-04-01", "2024-06-30", "quarter"),
    ("Revenue in the six months to March 31 rose.", "2024-05-01", "past", ["six months to March 31"], "2023-10-01", "2024-03-31", "range"),
    ("Sales in the two weeks through Jan. 14 slid.", "2024-01-20", "past", ["two weeks through Jan. 14"], "2024-01-01", "2024-01-14", "range"),
    ("Its fiscal year ending March 31, 2025 was strong.", "2025-06-01", None, ["fiscal year ending March 31, 2025"], "2024-04-01", "2025-03-31", "year"),
    ("Output rose in the 12 months to August.", "2024-09-10", "past", ["12 months to August"], "2023-09-01", "2024-08-31", "range"),
    ("Rain fell in the first 12 days of April.", "2024-05-01", "past", ["first 12 days of April"], "2024-04-01", "2024-04-12", "range"),
    ("Prices eased in the last two weeks of June 2023.", "2024-05-01", None, ["last two weeks of June 2023"], "2023-06-17", "2023-06-30", "range"),
    # periods that run to the reference date, or from a start
    ("Orders are up 4% year to date.", "2024-05-17", None, ["year to date"], "2024-01-01", "2024-05-17", "range"),
    ("Orders are up 4% year-to-date.", "2024-05-17", None, ["year-to-date"], "2024-01-01", "2024-05-17", "range"),
    ("Thus far this year, 40 mines have closed.", "2023-08-09", None, ["Thus far this year"], "2023-01-01", "2023-08-09", "range"),
    ("So far in 2023 the index has gained.", "2023-08-09", None, ["So far in 2023"], "2023-01-01", "2023-08-09", "range"),
    ("The peso has slid since the beginning of the year.", "2023-08-09", None, ["beginning of the year"], "2023-01-01", None, "day"),
    ("The deal should close by year-end.", "2023-08-09", "future", ["year-end"], "2023-12-31", "2023-12-31", "day"),
    ("Stocks were sold at the end of the month.", "2023-08-09", "past", ["end of the month"], "2023-07-31", "2023-07-31", "day"),
    # ordinal days in every shape
    ("Rates change on Nov.1st.", "2024-10-01", "future", ["Nov.1st"], "2024-11-01", "2024-11-01", "day"),
    ("Rates change on the 2nd of December.", "2024-10-01", "future", ["2nd of December"], "2024-12-02", "2024-12-02", "day"),
    ("Rates change on December the 2nd.", "2024-10-01", "future", ["December the 2nd"], "2024-12-02", "2024-12-02", "day"),
    ("Rates change on January twenty-first.", "2024-10-01", "future", ["January twenty-first"], "2025-01-21", "2025-01-21", "day"),
    ("Rates change on Tuesday, 4th February 2025.", "2024-10-01", None, ["Tuesday, 4th February 2025"], "2025-02-04", "2025-02-04", "day"),
    # numeric days: only orders that cannot be misread, ISO, and day.month.year
    ("Filed on 23/04/2024 in Nairobi.", "2024-06-01", None, ["23/04/2024"], "2024-04-23", "2024-04-23", "day"),
    ("Filed on 04/23/2024 in Ohio.", "2024-06-01", None, ["04/23/2024"], "2024-04-23", "2024-04-23", "day"),
    ("Filed on 07.03.2024 in Berlin.", "2024-06-01", None, ["07.03.2024"], "2024-03-07", "2024-03-07", "day"),
    ("Filed on 2024-03-07 in Oslo.", "2024-06-01", None, ["2024-03-07"], "2024-03-07", "2024-03-07", "day"),
    # decades, spoken years, years in a narrative
    ("Inflation haunted the ’70s.", "2024-06-01", None, ["’70s"], "1970-01-01", "1979-12-31", "decade"),
    ("Phones changed in the '00s.", "2024-06-01", None, ["'00s"], "2000-01-01", "2009-12-31", "decade"),
    ("Rates were high in the eighties.", "2024-06-01", None, ["eighties"], "1980-01-01", "1989-12-31", "decade"),
    ("The dam opened in nineteen sixty-four.", "2024-06-01", None, ["nineteen sixty-four"], "1964-01-01", "1964-12-31", "year"),
    ("It was built in 2011. The following year it closed.", "2024-06-01", None, ["2011", "following year"], "2012-01-01", "2012-12-31", "year"),
    ("Markets fell this morning.", "2024-06-03", None, ["this morning"], "2024-06-03", "2024-06-03", "day"),
    ("Rebels attacked last night.", "2024-06-03", None, ["last night"], "2024-06-02", "2024-06-02", "day"),
    ("In May, prices rose.", "2024-06-03", "past", ["May"], "2024-05-01", "2024-05-31", "month"),
    ("Troops left in late-November.", "2024-06-03", "past", ["late-November"], "2023-11-01", "2023-11-30", "month"),
]

# tense: a statement about a period of the current year resolves by the tense
TENSE_ROWS = [
    ("Sales should recover in the fourth quarter.", "2024-05-10", "future", "2024-10-01", "2024-12-31"),
    ("Sales recovered in the fourth quarter.", "2024-05-10", "past", "2023-10-01", "2023-12-31"),
    ("Sales recover in the fourth quarter.", "2024-02-10", None, "2023-10-01", "2023-12-31"),
    ("Hiring picks up in the second half.", "2024-05-10", "future", "2024-07-01", "2024-12-31"),
    ("Hiring picked up in the second half.", "2024-05-10", "past", "2023-07-01", "2023-12-31"),
    ("Hiring is strong in the first half.", "2024-05-10", None, "2024-01-01", "2024-06-30"),
    ("The plant reopens in November.", "2024-05-10", "future", "2024-11-01", "2024-11-30"),
    ("The plant reopened in November.", "2024-05-10", "past", "2023-11-01", "2023-11-30"),
    ("The plant is idle in March.", "2024-05-10", None, "2024-03-01", "2024-03-31"),
    ("The board meets on Friday.", "2024-05-15", "future", "2024-05-17", "2024-05-17"),
    ("The board met on Friday.", "2024-05-15", "past", "2024-05-10", "2024-05-10"),
    ("The board is on Friday.", "2024-05-15", None, "2024-05-10", "2024-05-10"),
]

NOT_DATES = [
    "Filed on 05/08/2024 somewhere.",           # day and month could be either way round
    "The March for Peace drew crowds.",         # a name
    'He spoke on the "This Week" programme.',   # a title
    "Today's youth shop online.",               # generic "today's"
    "Prices rose 3-5 percent in the period.",   # not a day range
    "The launch slipped by two weeks to Thursday.".replace(" to Thursday", ""),
    "Sales of its first quarterly report.",
    "Feb. 30, 2023 never came.",
    "Highs stay in the nineties Fahrenheit.",   # a temperature
]


@pytest.mark.parametrize("text, ref, tense, spans, start, end, granularity", ROWS, ids=[r[0][:40] for r in ROWS])
def test_date_forms(text, ref, tense, spans, start, end, granularity):
    found = find_dates(text, D(ref), lambda _: tense)
    assert [text[m.start:m.end] for m in found] == spans
    last = found[-1]
    assert (last.date_start, last.date_end) == (D(start), D(end) if end else None)
    assert last.granularity == granularity
    assert last.open_end == (end is None)


@pytest.mark.parametrize("text, ref, tense, start, end", TENSE_ROWS, ids=[r[0] for r in TENSE_ROWS])
def test_tense_picks_the_year(text, ref, tense, start, end):
    found = find_dates(text, D(ref), lambda _: tense)
    assert len(found) == 1
    assert (found[0].date_start, found[0].date_end) == (D(start), D(end))


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, D("2024-06-01")) == []


def test_period_end_needs_a_determiner():
    """ "delayed by two weeks to Friday" moves a date; it does not name a period."""
    text = "The vote was delayed by two weeks to Friday."
    assert [text[m.start:m.end] for m in find_dates(text, D("2024-06-05"))] == ["Friday"]


def test_decade_without_reference_only_when_unambiguous():
    assert find_dates("in the '80s", None)[0].date_start == D("1980-01-01")
    assert find_dates("in the '10s", None)[0].date_start is None


# --- hostile input: bounded repetition, no overflow, the other dates stay -----------------

def test_repeated_ranges_stay_linear_and_pair_up():
    text = "from January to " * 3000
    found = find_dates(text, D("2024-06-01"))
    assert len(found) == 3000 and all(m.end - m.start <= len("January to ") for m in found)


@pytest.mark.parametrize(
    "text, ref, expected",
    [
        ("1" * 5000 + " years ago, and in March 2020.", "2024-06-01", ["March 2020"]),
        ("It ends tomorrow, as it did in 1999.", "9999-12-31", ["1999"]),
        ("Due next week, unlike June 2, 2020.", "9999-12-30", ["June 2, 2020"]),
        ("Paid 9999 years later, on May 1, 2021.", "2024-06-01", ["May 1, 2021"]),
        ("It was 900 decades ago, since 2001.", "2024-06-01", ["2001"]),
    ],
)
def test_overflow_yields_no_fact_and_keeps_the_others(text, ref, expected):
    found = find_dates(text, D(ref))
    assert [text[m.start:m.end] for m in found] == expected
