"""Dates, round 2 (issue 12): spoken month-years, "the week of", narrative shifts that
do not count from the reference date, results periods that later "a year earlier"s and
"the corresponding period last year" refer back to, month anaphors, generic "of
tomorrow"; and, in the pipeline, the tense cues that pick the year or the weekday.
Worded apart from the seeds and the development articles.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.normalise.dates import find_dates
from date_rows import pipeline_dates

D = dt.date.fromisoformat
FILLER = " The brewer also sold a vineyard, closed a bottling line and cut its marketing budget." * 9

# (text, reference date, tense, expected spans, (start, end, granularity) of each span)
ROWS = [
    # a month with a spoken year is one month
    ("Lisbon, March nineteen eighty-two. A quake struck.", "2024-01-10", None,
     [("March nineteen eighty-two", "1982-03-01", "1982-03-31", "month")]),
    # "the week of" a day is that Monday-to-Sunday week
    ("Hearings open the week of June 12.", "2023-05-02", "future",
     [("week of June 12", "2023-06-12", "2023-06-18", "week")]),
    # a shift counted from a narrated event: years from the year written, others unknown
    ("The dam broke in 2004. Three years later the town moved.", "2024-01-10", "past",
     [("2004", "2004-01-01", "2004-12-31", "year"), ("Three years later", "2007-01-01", "2007-12-31", "year")]),
    ("Inspectors arrived two weeks before the blast.", "2024-01-10", "past", []),
    ("The embargo would lift five days later.", "2024-01-10", None, []),
    ("Three years later the town moved.", "2024-01-10", "past", []),
    # "a year earlier" alone still means the year before the reference year
    ("Tolls rose from a year earlier.", "2024-01-10", "past", [("a year earlier", "2023-01-01", "2023-12-31", "year")]),
    # an ordinal quarter named by its end is the quarter that ended then
    ("Its second quarter ended Jan. 31 was weak, below the year-earlier level.", "2024-03-01", "past",
     [("second quarter ended Jan. 31", "2023-11-01", "2024-01-31", "quarter"),
      ("year-earlier", "2022-11-01", "2023-01-31", "quarter")]),
    ("Net fell in the fiscal-third quarter ended March 31.", "2024-05-01", "past",
     [("fiscal-third quarter ended March 31", "2024-01-01", "2024-03-31", "quarter")]),
    # the same period a year before the one reported
    ("Losses narrowed in the second quarter against the corresponding period last year.", "2023-08-20", "past",
     [("second quarter", "2023-04-01", "2023-06-30", "quarter"),
      ("corresponding period last year", "2022-04-01", "2022-06-30", "quarter")]),
    ("Output grew in the first quarter; last year's quarter was flat.", "2023-05-20", "past",
     [("first quarter", "2023-01-01", "2023-03-31", "quarter"), ("last year's quarter", "2022-01-01", "2022-03-31", "quarter")]),
    ("Fees rose in the same quarter a year earlier, after a first quarter of losses.", "2023-05-20", "past",
     [("same quarter a year earlier", "2022-01-01", "2022-03-31", "quarter"), ("first quarter", "2023-01-01", "2023-03-31", "quarter")]),
    # "the quarter" keeps the quarter named long before in reach; a reached-back quarter is no anchor
    ("Heineken posted a third-quarter gain." + FILLER + " Beer volume rose in the quarter, from a year ago.", "2023-11-02", "past",
     [("third-quarter", "2023-07-01", "2023-09-30", "quarter"), ("quarter", "2023-07-01", "2023-09-30", "quarter"),
      ("a year ago", "2022-07-01", "2022-09-30", "quarter")]),
    ("Fares rose in the third quarter from a year earlier; a year earlier, fuel was cheap.", "2023-11-02", "past",
     [("third quarter", "2023-07-01", "2023-09-30", "quarter"), ("a year earlier", "2022-07-01", "2022-09-30", "quarter"),
      ("a year earlier", "2022-07-01", "2022-09-30", "quarter")]),
    # a year-to-date or half-year figure is compared with the same stretch a year before
    ("In the first nine months, sales were up from a year earlier.", "2023-11-02", "past",
     [("first nine months", "2023-01-01", "2023-09-30", "range"), ("a year earlier", "2022-01-01", "2022-09-30", "range")]),
    ("Profit in the six months to Sept. 30 beat the year-ago period.", "2023-11-02", "past",
     [("six months to Sept. 30", "2023-04-01", "2023-09-30", "range"), ("year-ago period", "2022-04-01", "2022-09-30", "range")]),
    # month anaphors follow the last month or day named
    ("In August the mill shut. The following month it reopened, and later that month it hired.", "2023-11-02", "past",
     [("August", "2023-08-01", "2023-08-31", "month"), ("following month", "2023-09-01", "2023-09-30", "month"),
      ("later that month", "2023-09-01", "2023-09-30", "month")]),
    ("On Dec. 3, 2021 the port closed; the previous month it had flooded.", "2023-11-02", "past",
     [("Dec. 3, 2021", "2021-12-03", "2021-12-03", "day"), ("previous month", "2021-11-01", "2021-11-30", "month")]),
    ("That month was hard for farmers.", "2023-11-02", "past", []),
    # "of tomorrow" is generic; "as of today" and "of today's" are days
    ("Planners sketched the cities of tomorrow.", "2023-11-02", None, []),
    ("As of today, 40 ferries sail.", "2023-11-02", None, [("today", "2023-11-02", "2023-11-02", "day")]),
    ("Turnout in the polls of today's vote was high.", "2023-11-02", None, [("today", "2023-11-02", "2023-11-02", "day")]),
]


@pytest.mark.parametrize("text, ref, tense, expected", ROWS, ids=[r[0][:50] for r in ROWS])
def test_date_forms2(text, ref, tense, expected):
    found = find_dates(text, D(ref), lambda _: tense)
    got = [(text[m.start:m.end], str(m.date_start), str(m.date_end), m.granularity) for m in found]
    assert got == [(span, start, end, granularity) for span, start, end, granularity in expected]




# (text, published, expected) — 2023-10-18 and 2023-05-10 are Wednesdays
PIPELINE_ROWS = [
    # a past-tense verb the date modifies puts it on or before the reference date
    ("In December, the brewer closed two plants.", "2023-10-18", [("December", "2022-12-01", "2022-12-31")]),
    ("The co-op changed its name in November.", "2023-10-18", [("November", "2022-11-01", "2022-11-30")]),
    # but a noun phrase after the verb may look ahead: dividends are paid later
    ("The board declared a dividend of 12 cents, payable Dec. 1.", "2023-10-18", [("Dec. 1", "2023-12-01", "2023-12-01")]),
    ("The bank named a new treasurer, effective Feb. 1.", "2023-10-18", [("Feb. 1", "2024-02-01", "2024-02-01")]),
    # an intent in the past perfect is past; a verb joined to an infinitive shares its tense
    ("The walkout had been scheduled to start Friday.", "2023-05-10", [("Friday", "2023-05-05", "2023-05-05")]),
    ("The miner said it hopes to win approval and complete the merger by year-end.", "2023-05-10",
     [("year-end", "2023-12-31", "2023-12-31")]),
    # a wait that runs until a weekday ends ahead
    ("The judge postponed the hearing until Thursday.", "2023-05-10", [("Thursday", "2023-05-11", "2023-05-11")]),
    ("Regulators gave the lender until noon Friday to reply.", "2023-05-10", [("Friday", "2023-05-12", "2023-05-12")]),
    ("The talks lasted until Monday.", "2023-05-10", [("Monday", "2023-05-08", "2023-05-08")]),
]


@pytest.mark.parametrize("text, published, expected", PIPELINE_ROWS, ids=[r[0][:50] for r in PIPELINE_ROWS])
def test_tense_cues_in_the_pipeline(nlp, text, published, expected):
    assert pipeline_dates(nlp, text, published) == expected
