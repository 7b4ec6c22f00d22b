"""The date grammar on plain strings: each row is a text, its reference date and tense,
and the one date expression expected in it (span and period).

None of these sentences come from the seeds; they vary orders, punctuation,
abbreviations, relative words and ranges across the genre.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.normalise.dates import find_dates

D = dt.date.fromisoformat

# (text, reference date, tense, expected span, date_start, date_end, granularity, open_end)
ROWS = [
    # absolute days in many shapes
    ("It opened on March 3, 2021.", "2022-01-01", None, "March 3, 2021", "2021-03-03", "2021-03-03", "day", False),
    ("It opened on 3 March 2021.", "2022-01-01", None, "3 March 2021", "2021-03-03", "2021-03-03", "day", False),
    ("It opened on 3rd March, 2021.", "2022-01-01", None, "3rd March, 2021", "2021-03-03", "2021-03-03", "day", False),
    ("It opened on Mar. 3, 2021.", "2022-01-01", None, "Mar. 3, 2021", "2021-03-03", "2021-03-03", "day", False),
    ("It opened on Sept. 30, 2019.", "2022-01-01", None, "Sept. 30, 2019", "2019-09-30", "2019-09-30", "day", False),
    ("Filed 2021-03-03 in court.", "2022-01-01", None, "2021-03-03", "2021-03-03", "2021-03-03", "day", False),
    ("Filed 2021/3/3 in court.", "2022-01-01", None, "2021/3/3", "2021-03-03", "2021-03-03", "day", False),
    ("Filed 2021.03.03 in court.", "2022-01-01", None, "2021.03.03", "2021-03-03", "2021-03-03", "day", False),
    ("Filed 03/15/2021 in court.", "2022-01-01", None, "03/15/2021", "2021-03-15", "2021-03-15", "day", False),
    ("The vote is on Tuesday, May 4, 2021.", "2021-04-20", None, "Tuesday, May 4, 2021", "2021-05-04", "2021-05-04", "day", False),
    ("On the 1st of July 2020 it began.", "2021-01-01", None, "1st of July 2020", "2020-07-01", "2020-07-01", "day", False),
    # days without a year: filled from the reference date and the tense
    ("Shares fell on Feb. 2.", "2024-02-10", "past", "Feb. 2", "2024-02-02", "2024-02-02", "day", False),
    ("The deal closed on Dec. 28.", "2024-01-05", "past", "Dec. 28", "2023-12-28", "2023-12-28", "day", False),
    ("The summit will open on Jan. 10.", "2023-12-20", "future", "Jan. 10", "2024-01-10", "2024-01-10", "day", False),
    ("The fair runs until 20 April.", "2023-04-10", None, "20 April", "2023-04-20", "2023-04-20", "day", False),
    ("Results come on July 30.", "2023-07-25", "future", "July 30", "2023-07-30", "2023-07-30", "day", False),
    # weekdays
    ("The bank said on Monday it would cut jobs.", "2023-05-10", "past", "Monday", "2023-05-08", "2023-05-08", "day", False),
    ("Officials met on Wednesday.", "2023-05-10", "past", "Wednesday", "2023-05-10", "2023-05-10", "day", False),
    ("Talks will resume on Friday.", "2023-05-10", "future", "Friday", "2023-05-12", "2023-05-12", "day", False),
    ("Trading was halted last Friday.", "2023-05-10", "past", "last Friday", "2023-05-05", "2023-05-05", "day", False),
    ("It reopens next Tuesday.", "2023-05-10", "future", "next Tuesday", "2023-05-16", "2023-05-16", "day", False),
    ("Stocks slid on Thursday morning.", "2023-05-12", "past", "Thursday morning", "2023-05-11", "2023-05-11", "day", False),
    ("Protests continued Saturday night.", "2023-05-15", "past", "Saturday night", "2023-05-13", "2023-05-13", "day", False),
    # yesterday / today / tomorrow
    ("Prices rose yesterday.", "2022-08-01", None, "yesterday", "2022-07-31", "2022-07-31", "day", False),
    ("Markets are closed today.", "2022-08-01", None, "today", "2022-08-01", "2022-08-01", "day", False),
    ("The results are due tomorrow.", "2022-08-31", None, "tomorrow", "2022-09-01", "2022-09-01", "day", False),
    # weekends
    ("Sales jumped over the weekend.", "2023-06-21", "past", "weekend", "2023-06-17", "2023-06-18", "week", False),
    ("Crowds gathered last weekend.", "2023-06-21", "past", "last weekend", "2023-06-10", "2023-06-11", "week", False),
    ("Stores open this weekend.", "2023-06-21", "future", "this weekend", "2023-06-17", "2023-06-18", "week", False),
    # months
    ("Exports rose in January.", "2023-03-20", "past", "January", "2023-01-01", "2023-01-31", "month", False),
    ("Imports fell in November.", "2023-02-01", "past", "November", "2022-11-01", "2022-11-30", "month", False),
    ("The plant opens in September.", "2023-06-01", "future", "September", "2023-09-01", "2023-09-30", "month", False),
    ("Output peaked in March 2019.", "2023-01-01", None, "March 2019", "2019-03-01", "2019-03-31", "month", False),
    ("Output peaked in Aug. 2019.", "2023-01-01", None, "Aug. 2019", "2019-08-01", "2019-08-31", "month", False),
    ("Output peaked in June last year.", "2023-05-05", None, "June last year", "2022-06-01", "2022-06-30", "month", False),
    ("Output peaked in February this year.", "2023-05-05", None, "February this year", "2023-02-01", "2023-02-28", "month", False),
    ("It launched last May.", "2023-03-05", "past", "last May", "2022-05-01", "2022-05-31", "month", False),
    ("It launches next October.", "2023-03-05", "future", "next October", "2023-10-01", "2023-10-31", "month", False),
    ("Sales slowed last month.", "2023-03-05", None, "last month", "2023-02-01", "2023-02-28", "month", False),
    ("Sales slowed this month.", "2024-02-10", None, "this month", "2024-02-01", "2024-02-29", "month", False),
    ("Sales will pick up next month.", "2023-12-05", None, "next month", "2024-01-01", "2024-01-31", "month", False),
    ("It was two months ago.", "2023-03-05", None, "two months ago", "2023-01-01", "2023-01-31", "month", False),
    # weeks
    ("Shares rallied last week.", "2023-03-08", None, "last week", "2023-02-27", "2023-03-05", "week", False),
    ("Shares rallied this week.", "2023-03-08", None, "this week", "2023-03-06", "2023-03-12", "week", False),
    ("Talks resume next week.", "2023-03-08", None, "next week", "2023-03-13", "2023-03-19", "week", False),
    ("It happened three weeks ago.", "2023-03-08", None, "three weeks ago", "2023-02-13", "2023-02-19", "week", False),
    ("It happened 10 days ago.", "2023-03-08", None, "10 days ago", "2023-02-26", "2023-02-26", "day", False),
    # quarters
    ("Profit rose in the third quarter of 2022.", "2023-01-01", None, "third quarter of 2022", "2022-07-01", "2022-09-30", "quarter", False),
    ("Profit rose in the 2nd quarter of 2021.", "2023-01-01", None, "2nd quarter of 2021", "2021-04-01", "2021-06-30", "quarter", False),
    ("Profit rose in Q4 2021.", "2023-01-01", None, "Q4 2021", "2021-10-01", "2021-12-31", "quarter", False),
    ("Profit rose in Q1.", "2023-05-01", "past", "Q1", "2023-01-01", "2023-03-31", "quarter", False),
    ("Its fourth-quarter profit fell.", "2023-02-01", "past", "fourth-quarter", "2022-10-01", "2022-12-31", "quarter", False),
    ("Last year's fourth quarter was weak.", "2023-05-01", None, "Last year's fourth quarter", "2022-10-01", "2022-12-31", "quarter", False),
    ("Growth slowed in the first quarter of this year.", "2023-05-01", None, "first quarter of this year", "2023-01-01", "2023-03-31", "quarter", False),
    ("Sales beat forecasts this quarter.", "2023-05-01", None, "this quarter", "2023-04-01", "2023-06-30", "quarter", False),
    ("Sales missed forecasts last quarter.", "2023-05-01", None, "last quarter", "2023-01-01", "2023-03-31", "quarter", False),
    ("Sales rose in the first three quarters of 2023.", "2023-11-01", None, "first three quarters of 2023", "2023-01-01", "2023-09-30", "range", False),
    # halves
    ("Orders doubled in the second half of 2021.", "2022-03-01", None, "second half of 2021", "2021-07-01", "2021-12-31", "half", False),
    ("Orders doubled in the first half of last year.", "2022-03-01", None, "first half of last year", "2021-01-01", "2021-06-30", "half", False),
    ("Orders doubled in H1 2022.", "2023-03-01", None, "H1 2022", "2022-01-01", "2022-06-30", "half", False),
    ("Orders doubled in the first six months of 2022.", "2023-03-01", None, "first six months of 2022", "2022-01-01", "2022-06-30", "range", False),
    # years and decades
    ("The firm was founded in 1998.", "2023-01-01", None, "1998", "1998-01-01", "1998-12-31", "year", False),
    ("Revenue fell last year.", "2023-06-01", None, "last year", "2022-01-01", "2022-12-31", "year", False),
    ("Revenue will grow next year.", "2023-06-01", None, "next year", "2024-01-01", "2024-12-31", "year", False),
    ("Revenue grew this year.", "2023-06-01", None, "this year", "2023-01-01", "2023-12-31", "year", False),
    ("Results for fiscal 2022 were strong.", "2023-06-01", None, "fiscal 2022", "2022-01-01", "2022-12-31", "year", False),
    ("Sales a year earlier were lower.", "2023-06-01", None, "a year earlier", "2022-01-01", "2022-12-31", "year", False),
    ("It was two years ago.", "2023-06-01", None, "two years ago", "2021-01-01", "2021-12-31", "year", False),
    ("Prices soared in the 1970s.", "2023-06-01", None, "1970s", "1970-01-01", "1979-12-31", "decade", False),
    ("Growth was fast in the 2010s.", "2023-06-01", None, "2010s", "2010-01-01", "2019-12-31", "decade", False),
    # period edges
    ("Debt will peak by the end of 2025.", "2023-06-01", None, "end of 2025", "2025-12-31", "2025-12-31", "day", False),
    ("Debt will peak by the end of next year.", "2023-06-01", None, "end of next year", "2024-12-31", "2024-12-31", "day", False),
    ("Work starts at the beginning of 2024.", "2023-06-01", None, "beginning of 2024", "2024-01-01", "2024-01-01", "day", False),
    ("Debt rose at the end of March 2023.", "2023-06-01", None, "end of March 2023", "2023-03-31", "2023-03-31", "day", False),
    # ranges written as one fact
    ("Sales ran from 2015 to 2019.", "2023-06-01", None, "2015 to 2019", "2015-01-01", "2019-12-31", "range", False),
    ("The show ran in 2015-2019.", "2023-06-01", None, "2015-2019", "2015-01-01", "2019-12-31", "range", False),
    ("Prices rose between 2010 and 2015.", "2023-06-01", None, "2010 and 2015", "2010-01-01", "2015-12-31", "range", False),
    ("The fair runs from June 5 to June 9.", "2023-05-01", "future", "June 5 to June 9", "2023-06-05", "2023-06-09", "range", False),
    ("The sale ran Nov. 1 through Nov. 11 this year.", "2022-11-20", None, "Nov. 1 through Nov. 11 this year", "2022-11-01", "2022-11-11", "range", False),
    ("Output rose from March to May this year.", "2023-06-10", None, "March to May this year", "2023-03-01", "2023-05-31", "range", False),
    ("Output rose from March to May 2021.", "2023-06-10", None, "March to May 2021", "2021-03-01", "2021-05-31", "range", False),
    ("Output rose from December 2020 to March 2021.", "2023-06-10", None, "December 2020 to March 2021", "2020-12-01", "2021-03-31", "range", False),
    ("Exports fell from October to February 2023.", "2023-06-10", None, "October to February 2023", "2022-10-01", "2023-02-28", "range", False),
    ("The tournament runs Monday to Friday.", "2023-06-07", None, "Monday to Friday", "2023-06-05", "2023-06-09", "range", False),
    # open periods and periods up to the reference date
    ("Prices have risen since 2019.", "2023-06-01", None, "2019", "2019-01-01", None, "year", True),
    ("Prices have risen since March 2022.", "2023-06-01", None, "March 2022", "2022-03-01", None, "month", True),
    ("Prices have risen since last year.", "2023-06-01", None, "last year", "2022-01-01", None, "year", True),
    ("Since Sept. 5, 2021, it has grown.", "2023-06-01", None, "Sept. 5, 2021", "2021-09-05", None, "day", True),
    ("From March till now, it has grown.", "2023-06-10", None, "March till now", "2023-03-01", "2023-06-10", "range", False),
    ("From 2020 to date, 3,000 jobs went.", "2023-06-10", None, "2020 to date", "2020-01-01", "2023-06-10", "range", False),
    ("Since January so far, sales are up.", "2023-06-10", None, "January so far", "2023-01-01", "2023-06-10", "range", False),
    # bare years need a cue word
    ("The law of 2015 changed it.", "2023-06-01", None, "2015", "2015-01-01", "2015-12-31", "year", False),
    ("By 2030 the fleet will double.", "2023-06-01", None, "2030", "2030-01-01", "2030-12-31", "year", False),
]

NOT_DATES = [
    "The deal took five years to close.",
    "The 27-year-old joined in March.".replace(" in March", ""),
    "Deliveries arrive within 72 hours.",
    "The magazine is published monthly.",
    "Sales rose 8 percent year-on-year.",
    "In recent years the market grew.",
    "The firm employs 2000 people.",
    "It now offers next-day delivery.",
    "They may march on the capital.",
    "The past few years were hard.",
    "Shares rose 2.5%, to 2023.5 points.",
]


@pytest.mark.parametrize(
    "text, ref, tense, span, start, end, granularity, open_end",
    ROWS,
    ids=[f"{r[3]}|{r[1]}" for r in ROWS],
)
def test_date_expressions(text, ref, tense, span, start, end, granularity, open_end):
    found = find_dates(text, D(ref), lambda _: tense)
    assert [text[m.start:m.end] for m in found] == [span]
    match = found[0]
    assert (match.date_start, match.date_end) == (D(start), D(end) if end else None)
    assert (match.granularity, match.open_end) == (granularity, open_end)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, D("2023-06-01")) == []


@pytest.mark.parametrize(
    "text, span, start, end",
    [
        ("It opened on March 3, 2021.", "March 3, 2021", "2021-03-03", "2021-03-03"),
        ("Prices have risen since 2019.", "2019", "2019-01-01", None),
        ("Output rose from March to May 2021.", "March to May 2021", "2021-03-01", "2021-05-31"),
        ("The 1990s were good.", "1990s", "1990-01-01", "1999-12-31"),
    ],
)
def test_absolute_dates_resolve_without_a_reference_date(text, span, start, end):
    match = find_dates(text, None)[0]
    assert text[match.start:match.end] == span
    assert (match.date_start, match.date_end) == (D(start), D(end) if end else None)


@pytest.mark.parametrize("text", ["Sales rose last year.", "It closed on Tuesday.", "It rose in April.", "From January till now."])
def test_relative_dates_keep_their_span_without_a_reference_date(text):
    found = find_dates(text, None)
    assert found and all(m.date_start is None and m.date_end is None for m in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "a year earlier" in results reporting is the same quarter a year before
        ("Profit rose in the third quarter of 2022 from $5 million a year earlier.", ("2021-07-01", "2021-09-30")),
        ("Fourth-quarter sales rose, compared with the year-ago quarter.", ("2021-10-01", "2021-12-31")),
    ],
)
def test_year_earlier_follows_the_quarter_named_before(text, expected):
    found = find_dates(text, D("2023-02-01"), lambda _: "past")
    assert (found[-1].date_start, found[-1].date_end) == tuple(map(D, expected))
