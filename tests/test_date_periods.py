"""Dates a figure is measured over (issues 19 and 20): backward references to the period a
sentence reports on, definite periods named by their length, and the day an article is
published on. Worded apart from the seeds and the development articles."""

from __future__ import annotations

import pytest

from date_rows import pipeline_dates

# (text, reference date, expected (span, start, end) per fact) — 2025-06-13 is a Friday
ROWS = [
    # the period one year before the one the sentence reports on
    ("Bookings grew 4% in April from the same month a year earlier.", "2025-06-13",
     [("April", "2025-04-01", "2025-04-30"), ("same month a year earlier", "2024-04-01", "2024-04-30")]),
    ("Deliveries slowed in May against the same month last year.", "2025-06-13",
     [("May", "2025-05-01", "2025-05-31"), ("same month last year", "2024-05-01", "2024-05-31")]),
    ("Margins were thinner in 2024 than in the year previous.", "2025-06-13",
     [("2024", "2024-01-01", "2024-12-31"), ("year previous", "2023-01-01", "2023-12-31")]),
    ("Orders rose in the second quarter compared with the same quarter last year.", "2025-08-01",
     [("second quarter", "2025-04-01", "2025-06-30"), ("same quarter last year", "2024-04-01", "2024-06-30")]),
    # a definite period named by its length
    ("For the nine months, the brewer sold more lager.", "2025-10-30", [("nine months", "2025-01-01", "2025-09-30")]),
    ("Over the past three months the index fell.", "2025-06-13", [("past three months", "2025-03-14", "2025-06-13")]),
    ("The plan runs over the next two years.", "2025-06-13", [("next two years", "2025-06-14", "2027-06-13")]),
    ("The loan was repaid nine months ago.", "2025-06-13", [("nine months ago", "2024-09-01", "2024-09-30")]),
    # the day of publication, "today", a month of next year
    ("Parliament voted on Friday.", "2025-06-13", [("Friday", "2025-06-13", "2025-06-13")]),
    ("Markets are closed today.", "2025-06-13", [("today", "2025-06-13", "2025-06-13")]),
    ("The mine reopens in March of next year.", "2025-06-13", [("March of next year", "2026-03-01", "2026-03-31")]),
    # not dates: durations and frequencies
    ("The strike lasted for nine months.", "2025-06-13", []),
]


@pytest.mark.parametrize("text, published, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_period_dates(nlp, text, published, expected):
    assert pipeline_dates(nlp, text, published) == expected
