"""Dates, round 4 (issue 12): regional forms found by a probe of news styles from many
countries: hyphenated day-month-year, year-first quarter codes, weekdays that fix a
year or sit in brackets beside a day, "week commencing", half-years named by their end,
Japanese era years, and forms that must give no date (seasons, split years written in
full, named weekends, holiday eves). Worded apart from the seeds and the development
articles.
"""

from __future__ import annotations

import pytest

from date_rows import grammar_dates, pipeline_dates

# (text, reference date, tense, expected (span, start, end) per fact) — 2025-02-12 is a Wednesday
ROWS = [
    # day, month and year joined by hyphens, as Indian and British court and filing notices write them
    ("The writ was listed on 09-Jan-2025.", "2025-02-12", "past", [("09-Jan-2025", "2025-01-09", "2025-01-09")]),
    ("Bids close 3-Mar-25 at noon.", "2025-02-12", "future", [("3-Mar-25", "2025-03-03", "2025-03-03")]),
    ("The cheque was dated 30-Feb-2025.", "2025-02-12", "past", []),
    ("Code 7-jan-25 was reused.", "2025-02-12", "past", []),
    # statistics offices put the year first
    ("Exports shrank in 2022 Q3.", "2025-02-12", "past", [("2022 Q3", "2022-07-01", "2022-09-30")]),
    ("Exports shrank in 2022Q3.", "2025-02-12", "past", [("2022Q3", "2022-07-01", "2022-09-30")]),
    ("Exports shrank in 2021-Q2.", "2025-02-12", "past", [("2021-Q2", "2021-04-01", "2021-06-30")]),
    ("Imports recovered in 2023 H2.", "2025-02-12", "past", [("2023 H2", "2023-07-01", "2023-12-31")]),
    ("The table shows 2022 Q3 2023.", "2025-02-12", "past", []),
    # a split year written in full is a fiscal year or a season too: no date
    ("Attendance fell in the 2022-2023 season.", "2025-02-12", "past", []),
    ("Duties were raised in the 2021/2022 financial year.", "2025-02-12", "past", []),
    ("Rainfall was low over 2015–2019.", "2025-02-12", "past", [("2015–2019", "2015-01-01", "2019-12-31")]),
    # a weekday written with a day fixes its year, and a contradicting one gives nothing
    ("The mine flooded on Thursday, June 6.", "2025-02-12", "past", [("Thursday, June 6", "2024-06-06", "2024-06-06")]),
    ("The mine flooded on Monday, June 6.", "2025-02-12", "past", []),
    ("The levy starts on Friday, 4 April.", "2025-02-12", "future", [("Friday, 4 April", "2025-04-04", "2025-04-04")]),
    # a weekday in brackets beside a day names that day
    ("The tribunal will sit on 19 February (Wednesday).", "2025-02-12", "future",
     [("19 February", "2025-02-19", "2025-02-19"), ("Wednesday", "2025-02-19", "2025-02-19")]),
    ("The tribunal will sit on Wednesday (Feb. 19).", "2025-02-12", "future",
     [("Wednesday", "2025-02-19", "2025-02-19"), ("Feb. 19", "2025-02-19", "2025-02-19")]),
    # and when they disagree, one of them is wrong: neither is dated
    ("The tribunal will sit on 19 February (Friday).", "2025-02-12", "future", []),
    # "the week commencing" a day starts on it; "the week of" a day is its Monday-to-Sunday week
    ("Roadworks run in the week beginning 12 March.", "2025-02-12", "future",
     [("week beginning 12 March", "2025-03-12", "2025-03-18")]),
    ("Roadworks run in the week of March 12.", "2025-02-12", "future", [("week of March 12", "2025-03-10", "2025-03-16")]),
    # a half-year or a quarter named by its end, written the Australian and British way
    ("Earnings dropped in the half-year to 30 June 2024.", "2025-02-12", "past",
     [("half-year to 30 June 2024", "2024-01-01", "2024-06-30")]),
    ("Earnings dropped in the half year ended December 31.", "2025-02-12", "past",
     [("half year ended December 31", "2024-07-01", "2024-12-31")]),
    ("Deposits grew in the six months to end-September.", "2024-11-20", "past",
     [("six months to end-September", "2024-04-01", "2024-09-30")]),
    # a hyphenated half before a results noun, but not a half of a match
    ("Second-half earnings missed estimates.", "2025-02-12", "past", [("Second-half", "2024-07-01", "2024-12-31")]),
    ("He scored a second-half penalty.", "2025-02-12", "past", []),
    # days named relative to yesterday and tomorrow
    ("The embassy closed the day before yesterday.", "2025-02-12", "past", [("day before yesterday", "2025-02-10", "2025-02-10")]),
    ("The verdict comes the day after tomorrow.", "2025-02-12", "future", [("day after tomorrow", "2025-02-14", "2025-02-14")]),
    # Japanese era years
    ("The shrine was rebuilt in Heisei 12.", "2025-02-12", "past", [("Heisei 12", "2000-01-01", "2000-12-31")]),
    ("Rice prices in Reiwa 5 rose.", "2025-02-12", "past", [("Reiwa 5", "2023-01-01", "2023-12-31")]),
    ("Route Showa 3.5 is closed.", "2025-02-12", "past", []),
    # a season's months depend on the hemisphere: no date, and not its year either
    ("The smelter restarted in winter 2023.", "2025-02-12", "past", []),
    ("Water levels fell in the summer of 2022.", "2025-02-12", "past", []),
    # a weekend named for a holiday is not the last weekend
    ("Roads were jammed over the Labour Day weekend.", "2025-02-12", "past", []),
    ("Roads were jammed over the weekend.", "2025-02-12", "past", [("weekend", "2025-02-08", "2025-02-09")]),
]


@pytest.mark.parametrize("text, ref, tense, expected", ROWS, ids=[r[0][:50] for r in ROWS])
def test_date_forms4(text, ref, tense, expected):
    assert grammar_dates(text, ref, tense, granularity=False) == expected


@pytest.mark.parametrize("text, published, expected", [
    # the eve of a holiday is not the holiday
    ("Ferries were full on Christmas Eve.", "2024-12-28", []),
    ("Ferries were full on Christmas Day.", "2024-12-28", [("Christmas Day", "2024-12-25", "2024-12-25")]),
    # a weekday in brackets, in the pipeline
    ("The central bank will announce its decision on March 20 (Thursday).", "2025-03-12",
     [("March 20", "2025-03-20", "2025-03-20"), ("Thursday", "2025-03-20", "2025-03-20")]),
])
def test_holiday_eves_and_bracketed_weekdays_in_the_pipeline(nlp, text, published, expected):
    assert pipeline_dates(nlp, text, published) == expected
