"""The date component inside the pipeline: tense from the verb, claimed spans, NER evidence."""

from __future__ import annotations

import pytest

import newsfacts


def dates(nlp, text: str, published: str | None = "2023-05-10"):
    doc = nlp(newsfacts.make_doc(nlp, text, published))
    return [(f.text, f.date_start and f.date_start.isoformat(), f.date_end and f.date_end.isoformat())
            for f in doc._.facts if f.type == "date"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the verb the date hangs on decides before/after (2023-05-10 is a Wednesday)
        ("The minister said on Monday that prices will rise.", [("Monday", "2023-05-08", "2023-05-08")]),
        ("The minister will speak on Monday.", [("Monday", "2023-05-15", "2023-05-15")]),
        ("The court ruled in December.", [("December", "2022-12-01", "2022-12-31")]),
        ("The plant will open in December.", [("December", "2023-12-01", "2023-12-31")]),
        ("Orders have grown since April.", [("April", "2023-04-01", None)]),
        # years inside names are not dates; a bare number is a year only with a cue or NER support
        ("Visitors to Expo 2020 Dubai spent more in 2022.", [("2022", "2022-01-01", "2022-12-31")]),
        ("The firm shipped 2000 parcels.", []),
        # quarters in results reporting
        ("Net profit in the second quarter rose from a year earlier.",
         [("second quarter", "2023-04-01", "2023-06-30"), ("a year earlier", "2022-04-01", "2022-06-30")]),
    ],
)
def test_dates_in_context(nlp, text, expected):
    assert dates(nlp, text) == expected


def test_dates_without_reference_keep_spans(nlp):
    assert dates(nlp, "Sales rose last week and in 2019.", None) == [("last week", None, None), ("2019", "2019-01-01", "2019-12-31")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year modifying a singular noun after a determiner is a year; a count is not
        ("Its 2025 outlook disappointed investors.", [("2025", "2025-01-01", "2025-12-31")]),
        ("The 1998 merger created a giant.", [("1998", "1998-01-01", "1998-12-31")]),
        ("The carrier's 2019 profit was restated.", [("2019", "2019-01-01", "2019-12-31")]),
        ("The warehouse holds the 2000 pallets.", []),
        # an infinitive of intent or expectation looks ahead (2023-05-10 is a Wednesday)
        ("The bank expects lending to pick up in the fourth quarter.", [("fourth quarter", "2023-10-01", "2023-12-31")]),
        ("The union planned to strike on Friday.", [("Friday", "2023-05-12", "2023-05-12")]),
        ("Ministers might sign the pact as soon as Tuesday.", [("Tuesday", "2023-05-16", "2023-05-16")]),
        ("The glitch may have hit sales on Monday.", [("Monday", "2023-05-08", "2023-05-08")]),
        ("The offer had been due to lapse on Tuesday.", [("Tuesday", "2023-05-09", "2023-05-09")]),
        # one-day holidays used as days get their date in the right year
        ("The ferry sank last Christmas.", [("last Christmas", "2022-12-25", "2022-12-25")]),
    ],
)
def test_component_context(nlp, text, expected):
    assert dates(nlp, text) == expected
