"""Dates, round 3 (issue 12): analysts' and regional period notations ("3Q23", "1H 2024",
"the March quarter", "FY25", split years), "the full year", and the tense cues of
forecasts, time clauses, infinitives and scheduled present-tense events. Worded apart
from the seeds and the development articles.
"""

from __future__ import annotations

import pytest

import newsfacts
from date_rows import grammar_dates, pipeline_dates

# (text, reference date, tense, expected (span, start, end, granularity) per fact)
ROWS = [
    # quarter and half shorthand with the number first, a glued or apostrophe year
    ("Margins slipped in 2Q24.", "2024-11-05", "past", [("2Q24", "2024-04-01", "2024-06-30", "quarter")]),
    ("Margins slipped in 4Q 2021.", "2024-11-05", "past", [("4Q 2021", "2021-10-01", "2021-12-31", "quarter")]),
    ("Orders rebounded in Q2'22.", "2024-11-05", "past", [("Q2'22", "2022-04-01", "2022-06-30", "quarter")]),
    ("Guidance for 2H25 is cautious.", "2024-11-05", "future", [("2H25", "2025-07-01", "2025-12-31", "half")]),
    ("Deliveries in 1H 2023 doubled.", "2024-11-05", "past", [("1H 2023", "2023-01-01", "2023-06-30", "half")]),
    ("Volumes hit 1Q lows.", "2024-11-05", "past", []),
    # a hyphenated half before a result with its qualifier ("first-half pretax profit")
    ("Barclays said first-half pre-tax profit fell.", "2024-11-05", "past",
     [("first-half", "2024-01-01", "2024-06-30", "half")]),
    ("Ahold said second-half underlying sales rose.", "2024-11-05", "past",
     [("second-half", "2024-07-01", "2024-12-31", "half")]),
    ("The first-half tickets sold out.", "2024-11-05", "past", []),
    # a quarter or half named by its last month, as Australian and Indian reports write it
    ("Copper output fell in the September quarter.", "2024-11-05", "past",
     [("September quarter", "2024-07-01", "2024-09-30", "quarter")]),
    ("Iron ore shipments in the March-quarter update rose.", "2024-11-05", "past",
     [("March-quarter", "2024-01-01", "2024-03-31", "quarter")]),
    ("Dividends for the June half were raised.", "2024-11-05", "past", [("June half", "2024-01-01", "2024-06-30", "half")]),
    ("Revenue in the December 2022 quarter was flat.", "2024-11-05", "past",
     [("December 2022 quarter", "2022-10-01", "2022-12-31", "quarter")]),
    # fiscal periods written out are the calendar period with that number (the TimeML reading);
    # the FY shorthand of reports whose fiscal year rarely follows the calendar gives no date
    ("Capex in fiscal 2026 will double.", "2024-11-05", "future", [("fiscal 2026", "2026-01-01", "2026-12-31", "year")]),
    ("Capex in FY26 will double.", "2024-11-05", "future", []),
    ("Capex in FY 2023 fell.", "2024-11-05", "past", []),
    ("Margins in Q3 FY24 narrowed.", "2024-11-05", "past", []),
    ("Margins in 2QFY25 narrowed.", "2024-11-05", "past", []),
    ("Margins in the first quarter of FY2024 narrowed.", "2024-11-05", "past", []),
    ("Margins in H1 FY24 narrowed.", "2024-11-05", "past", []),
    ("Losses widened in the second quarter of fiscal 2024.", "2024-11-05", "past",
     [("second quarter of fiscal 2024", "2024-04-01", "2024-06-30", "quarter")]),
    ("Hiring will slow in the next financial year.", "2024-11-05", "future",
     [("next financial year", "2025-01-01", "2025-12-31", "year")]),
    ("Sales in the current fiscal year will top forecasts.", "2024-11-05", "future",
     [("current fiscal year", "2024-01-01", "2024-12-31", "year")]),
    # a split year names a fiscal year or a season whose months are not given: no date
    ("The levy applies from fiscal 2025-26.", "2024-11-05", None, []),
    ("Attendance in the 2022/23 season dropped.", "2024-11-05", "past", []),
    ("Its FY2021-22 accounts were late.", "2024-11-05", "past", []),
    ("Prices in 2024-03 rose.", "2024-11-05", "past", []),
    # years written "2016-19" span those years
    ("Emissions fell over 2016-19.", "2024-11-05", "past", [("2016-19", "2016-01-01", "2019-12-31", "range")]),
    # British and wire-service shorthand: period edges glued on, "Monday next", "Monday week", fortnights
    ("Stocks were drawn down by end-June.", "2024-11-05", "past", [("end-June", "2024-06-30", "2024-06-30", "day")]),
    ("Leverage should fall by end-2026.", "2024-11-05", "future", [("end-2026", "2026-12-31", "2026-12-31", "day")]),
    ("Tenders open on Thursday next.", "2024-11-05", "future", [("Thursday next", "2024-11-07", "2024-11-07", "day")]),
    ("The board meets on Friday week.", "2024-11-05", "future", [("Friday week", "2024-11-15", "2024-11-15", "day")]),
    ("The ferry sank two fortnights ago.", "2024-11-05", "past", [("two fortnights ago", "2024-10-07", "2024-10-13", "week")]),
    # months with an apostrophe year, and dotless abbreviations inside a dated month range
    ("Prices peaked in June '22.", "2024-11-05", "past", [("June '22", "2022-06-01", "2022-06-30", "month")]),
    ("Arrivals rose 9% in Jul-Sep 2024.", "2024-11-05", "past", [("Jul-Sep 2024", "2024-07-01", "2024-09-30", "range")]),
    ("Arrivals rose in the Oct-Dec quarter.", "2024-02-05", "past", [("Oct-Dec quarter", "2023-10-01", "2023-12-31", "range")]),
    ("Arrivals rose in Jul-Sep.", "2024-11-05", "past", []),
    # half a month, a day of a month named relative to the reference date, year to date in capitals
    ("Bookings slowed in the first half of August.", "2024-11-05", "past",
     [("first half of August", "2024-08-01", "2024-08-15", "range")]),
    ("Bookings slowed in the second half of February 2023.", "2024-11-05", "past",
     [("second half of February 2023", "2023-02-16", "2023-02-28", "range")]),
    ("Coupons are paid on the 15th of next month.", "2024-11-05", "future", [("15th of next month", "2024-12-15", "2024-12-15", "day")]),
    ("Fund inflows YTD reached a record.", "2024-11-05", "past", [("YTD", "2024-01-01", "2024-11-05", "range")]),
    ("The ytd figure was revised.", "2024-11-05", "past", []),
    # a quarter still to come is a forecast, not the period a later "year-ago period" compares with
    ("Profit fell in the third quarter; losses may last through the second quarter of 2025. In the "
     "year-ago period, profit was higher.", "2024-11-05", "past",
     [("third quarter", "2024-07-01", "2024-09-30", "quarter"), ("second quarter of 2025", "2025-04-01", "2025-06-30", "quarter"),
      ("year-ago period", "2023-07-01", "2023-09-30", "quarter")]),
    # "the following day", "that night", "the day before X" count from the day named
    ("The mine flooded on Sunday, June 2, 2024. The following day, pumps arrived; that night it rained again.",
     "2024-11-05", "past",
     [("Sunday, June 2, 2024", "2024-06-02", "2024-06-02", "day"), ("following day", "2024-06-03", "2024-06-03", "day"),
      ("that night", "2024-06-03", "2024-06-03", "day")]),
    ("The next day, pumps arrived.", "2024-11-05", "past", []),
    ("Next-day delivery costs more.", "2024-11-05", "past", []),
    ("Brokers sold the day before last Friday's auction.", "2024-11-06", "past",
     [("day before last Friday", "2024-10-31", "2024-10-31", "day")]),
    ("Stocks jumped the day after March 8, 2024.", "2024-11-06", "past", [("day after March 8, 2024", "2024-03-09", "2024-03-09", "day")]),
    # "that quarter" is the quarter named last, even a year-ago one
    ("Fees rose in the second quarter from the year-ago quarter; results for that quarter had a charge.",
     "2024-08-05", "past",
     [("second quarter", "2024-04-01", "2024-06-30", "quarter"), ("year-ago quarter", "2023-04-01", "2023-06-30", "quarter"),
      ("that quarter", "2023-04-01", "2023-06-30", "quarter")]),
    # "the previous Friday" counts from the day named before it, not from the reference date
    ("Bonds closed at 98 on Friday, up from 96 the previous Friday.", "2024-11-05", "past",
     [("Friday", "2024-11-01", "2024-11-01", "day"), ("previous Friday", "2024-10-25", "2024-10-25", "day")]),
    ("The storm hit on Sunday, March 3, 2024; the following Tuesday the port reopened.", "2024-11-05", "past",
     [("Sunday, March 3, 2024", "2024-03-03", "2024-03-03", "day"), ("following Tuesday", "2024-03-05", "2024-03-05", "day")]),
    ("Turnover matched the preceding Monday.", "2024-11-05", "past", []),
    # "the full year": the year of the period just reported, else the current year ahead
    ("Third-quarter sales rose; for the full year the mill expects a loss.", "2024-11-05", "future",
     [("Third-quarter", "2024-07-01", "2024-09-30", "quarter"), ("full year", "2024-01-01", "2024-12-31", "year")]),
    ("Fourth-quarter profit doubled, and profit for the full year rose 8%.", "2024-02-20", "past",
     [("Fourth-quarter", "2023-10-01", "2023-12-31", "quarter"), ("full year", "2023-01-01", "2023-12-31", "year")]),
    ("The carrier sees a rise for the full year.", "2024-05-15", None, [("full year", "2024-01-01", "2024-12-31", "year")]),
    ("Sales for the full year were weak.", "2024-02-20", "past", []),
    ("It was the full year ago.", "2024-02-20", "past", []),
]


@pytest.mark.parametrize("text, ref, tense, expected", ROWS, ids=[r[0][:50] for r in ROWS])
def test_date_forms3(text, ref, tense, expected):
    assert grammar_dates(text, ref, tense) == expected


# (text, published, expected) — 2024-03-13 and 2023-11-08 are Wednesdays
PIPELINE_ROWS = [
    # what is forecast or planned lies ahead, whatever the tense of the forecast
    ("The airline predicted a recovery in September.", "2024-03-13", [("September", "2024-09-01", "2024-09-30")]),
    ("Ministers are preparing for a summit in February.", "2023-11-08", [("February", "2024-02-01", "2024-02-29")]),
    # but the day a forecast was made is past
    ("The airline predicted in February that fares would rise.", "2024-03-13", [("February", "2024-02-01", "2024-02-29")]),
    # a past passive dated by its own adjunct has happened; a deadline or a plan has not
    ("The referendum was held on 2nd June.", "2024-05-08", [("2nd June", "2023-06-02", "2023-06-02")]),
    ("The offer was extended to June 20.", "2024-05-08", [("June 20", "2024-06-20", "2024-06-20")]),
    ("The listing was planned for late June.", "2024-05-08", [("late June", "2024-06-01", "2024-06-30")]),
    # a time clause takes the time of the clause it qualifies
    ("Brokers said funds were likely to sell as soon as the market opened Friday.", "2024-03-13",
     [("Friday", "2024-03-15", "2024-03-15")]),
    ("Brokers said funds sold as soon as the market opened Friday.", "2024-03-13", [("Friday", "2024-03-08", "2024-03-08")]),
    # an infinitive has no tense of its own: the sentence's past does not pull it back
    ("The lender, which had agreed terms, has a plan to cut its debt by October.", "2024-03-13",
     [("October", "2024-10-01", "2024-10-31")]),
    ("The stock is to resume trading in Frankfurt Thursday.", "2024-03-13", [("Thursday", "2024-03-14", "2024-03-14")]),
    # something due, expected, likely or scheduled now lies ahead; once it was, it need not
    ("Quarterly figures are due Thursday.", "2024-03-13", [("Thursday", "2024-03-14", "2024-03-14")]),
    ("A ruling is expected Monday.", "2024-03-13", [("Monday", "2024-03-18", "2024-03-18")]),
    ("A ruling was expected Monday.", "2024-03-13", [("Monday", "2024-03-11", "2024-03-11")]),
    # a present-tense event verb with a weekday schedules it
    ("The two finance ministers meet Friday in Oslo.", "2024-03-13", [("Friday", "2024-03-15", "2024-03-15")]),
    ("The union holds a ballot Monday on the offer.", "2023-11-08", [("Monday", "2023-11-13", "2023-11-13")]),
    ("Shareholders gather Tuesday in Zurich.", "2023-11-08", [("Tuesday", "2023-11-14", "2023-11-14")]),
    ("The new tariff takes effect in January.", "2024-11-06", [("January", "2025-01-01", "2025-01-31")]),
    # but not a reporting or stative verb, a sentence told in the past, or a headline
    ("Exporters cut prices Monday\n\nShipping firms said demand was weak.", "2024-03-13", [("Monday", "2024-03-11", "2024-03-11")]),
    ("Refiners raise output Monday\n\nThe change was small.", "2024-03-13", [("Monday", "2024-03-11", "2024-03-11")]),
    ("The ministry says Friday was the busiest day.", "2024-03-13", [("Friday", "2024-03-08", "2024-03-08")]),
    ("Inflation data showed prices rose, and the ministers meet Friday.", "2024-03-13", [("Friday", "2024-03-08", "2024-03-08")]),
]


@pytest.mark.parametrize("text, published, expected", PIPELINE_ROWS, ids=[r[0][:50] for r in PIPELINE_ROWS])
def test_tense_cues_in_the_pipeline(nlp, text, published, expected):
    assert pipeline_dates(nlp, text, published) == expected


@pytest.mark.parametrize("text, expected_date", [
    ("Hotels reported cancellations after the March 11 station bombings in the capital.", "March 11"),
    ("Insurers still count the cost of the Sept. 4 harbour blast.", "Sept. 4"),
])
def test_a_date_the_ner_calls_an_event_stays_a_date(nlp, text, expected_date):
    doc = nlp(newsfacts.make_doc(nlp, text, "2024-06-01"))
    assert [f.text for f in doc._.facts if f.type == "date"] == [expected_date]
    assert not [f for f in doc._.facts if f.type == "event" and f.text == expected_date]
