"""Named events: festivals, series editions, crises — and what is not an event."""

from __future__ import annotations

import datetime as dt

import pytest

import newsfacts
from newsfacts.normalise.events import event_span, pick_edition


def events(nlp, text: str, published: str | None) -> list[tuple[str, str, str | None, str | None]]:
    doc = nlp(newsfacts.make_doc(nlp, text, published))
    return [
        (f.text, f.name, f.date_start and f.date_start.isoformat(), f.date_end and f.date_end.isoformat())
        for f in doc._.facts if f.type == "event"
    ]


CASES = [
    # shopping festivals, with the year of the reference date
    ("Sales surged on Singles' Day in China.", "2022-11-12", [("Singles' Day", "Double 11", "2022-11-11", "2022-11-11")]),
    ("The Double Eleven festival broke records.", "2021-11-12", [("Double Eleven", "Double 11", "2021-11-11", "2021-11-11")]),
    ("Retailers prepared for Double 12.", "2022-12-01", [("Double 12", "Double 12", "2022-12-12", "2022-12-12")]),
    ("JD.com kicked off its 618 shopping festival early.", "2022-05-31", [("618", "618", "2022-06-18", "2022-06-18")]),
    ("Platforms promoted the '618' sales this year.", "2021-06-01", [("618", "618", "2021-06-18", "2021-06-18")]),
    ("Black Friday deals started early.", "2023-11-20", [("Black Friday", "Black Friday", "2023-11-24", "2023-11-24")]),
    ("Cyber Monday spending hit a record.", "2022-11-29", [("Cyber Monday", "Cyber Monday", "2022-11-28", "2022-11-28")]),
    ("Families travelled for Thanksgiving.", "2021-11-20", [("Thanksgiving", "Thanksgiving", "2021-11-25", "2021-11-25")]),
    ("Travel peaked during Golden Week.", "2023-10-09", [("Golden Week", "Golden Week", "2023-10-01", "2023-10-07")]),
    ("Spending rose ahead of the Spring Festival.", "2024-01-20", [("Spring Festival", "Spring Festival", "2024-02-10", "2024-02-10")]),
    ("Chinese New Year travel began.", "2023-01-05", [("Chinese New Year", "Spring Festival", "2023-01-22", "2023-01-22")]),
    ("Mooncakes sold well before the Mid-Autumn Festival.", "2023-09-20", [("Mid-Autumn Festival", "Mid-Autumn Festival", "2023-09-29", "2023-09-29")]),
    ("The Dragon Boat Festival holiday boosted tourism.", "2024-06-12", [("Dragon Boat Festival", "Dragon Boat Festival", "2024-06-10", "2024-06-10")]),
    ("Shops stayed open at Christmas.", "2022-12-20", [("Christmas", "Christmas", "2022-12-25", "2022-12-25")]),
    ("Easter sales of chocolate rose.", "2024-03-20", [("Easter", "Easter", "2024-03-31", "2024-03-31")]),
    ("Amazon's Prime Day lifted sales.", "2023-07-14", [("Prime Day", "Prime Day", None, None)]),
    # sporting and trade events
    ("Athletes arrived for the Tokyo Olympics.", "2021-07-20", [("Tokyo Olympics", "Tokyo 2020 Olympic Games", "2021-07-23", "2021-08-08")]),
    ("Tickets for the Los Angeles 2028 Olympic Games went on sale.", "2026-01-10", [("Los Angeles 2028 Olympic Games", "Los Angeles 2028 Olympic Games", "2028-07-14", "2028-07-30")]),
    ("Snow was scarce at the Beijing Winter Olympics.", "2022-02-10", [("Beijing Winter Olympics", "Beijing 2022 Winter Olympic Games", "2022-02-04", "2022-02-20")]),
    ("Brands bet on the 2022 World Cup in Qatar.", "2022-11-01", [("2022 World Cup", "2022 FIFA World Cup", "2022-11-20", "2022-12-18")]),
    ("Hangzhou hosted the Asian Games. Fans loved the Games.", "2023-10-10",
     [("Asian Games", "Hangzhou 2022 Asian Games", "2023-09-23", "2023-10-08"), ("Games", "Hangzhou 2022 Asian Games", "2023-09-23", "2023-10-08")]),
    ("Buyers flocked to the Canton Fair.", "2023-04-20", [("Canton Fair", "Canton Fair", None, None)]),
    ("Deals were signed at the China International Import Expo.", "2023-11-08", [("China International Import Expo", "China International Import Expo", None, None)]),
    ("Deals were signed at the CIIE in Shanghai.", "2023-11-08", [("CIIE", "China International Import Expo", None, None)]),
    ("Ads for the Super Bowl cost millions.", "2024-02-01", [("Super Bowl", "Super Bowl", None, None)]),
    # named crises
    ("Online shopping grew during the Covid pandemic.", "2022-01-01", [("Covid pandemic", "COVID-19 pandemic", None, None)]),
    ("The COVID-19 outbreak disrupted supply chains.", "2021-01-01", [("COVID-19 outbreak", "COVID-19 pandemic", None, None)]),
    ("Banks failed in the global financial crisis.", "2020-01-01", [("global financial crisis", "2008 financial crisis", None, None)]),
    # not events
    ("The Olympic mascot sold well.", "2024-08-01", []),
    ("The firm sold 618 units last month.", "2023-06-01", []),
    ("It was a mid-year online shopping carnival.", "2023-06-01", []),
    ("The company has 520 employees.", "2023-06-01", []),
]


@pytest.mark.parametrize("text, published, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_events(nlp, text, published, expected):
    assert events(nlp, text, published) == expected


def test_no_reference_date_keeps_the_name_without_dates(nlp):
    assert events(nlp, "Sales boomed on Singles Day.", None) == [("Singles Day", "Double 11", None, None)]


def test_event_year_is_not_a_date(nlp):
    doc = nlp(newsfacts.make_doc(nlp, "Sponsors paid more for the Paris 2024 Olympics in 2023.", "2024-01-01"))
    assert [(f.type, f.text) for f in doc._.facts] == [("event", "Paris 2024 Olympics"), ("date", "2023")]


@pytest.mark.parametrize(
    "rule, year, expected",
    [
        ({"fixed": [11, 11]}, 2020, ("2020-11-11", "2020-11-11")),
        ({"span": [[10, 1], [10, 7]]}, 2021, ("2021-10-01", "2021-10-07")),
        ({"nth_weekday": [11, 3, 4]}, 2023, ("2023-11-23", "2023-11-23")),
        ({"nth_weekday": [5, 0, -1]}, 2024, ("2024-05-27", "2024-05-27")),
        ({"lunar": [8, 15]}, 2024, ("2024-09-17", "2024-09-17")),
        ({"easter": -2}, 2023, ("2023-04-07", "2023-04-07")),
    ],
)
def test_calendar_rules(rule, year, expected):
    span = event_span(rule, year, {})
    assert (span[0].isoformat(), span[1].isoformat()) == expected


def test_edition_nearest_the_reference_date():
    editions = [{"city": "Beijing", "year": 2008, "start": "2008-08-08", "end": "2008-08-24"},
                {"city": "Beijing", "year": 2022, "season": "Winter", "start": "2022-02-04", "end": "2022-02-20"}]
    assert pick_edition(editions, "Beijing", None, None, dt.date(2021, 12, 1))["year"] == 2022
    assert pick_edition(editions, "Beijing", None, None, dt.date(2009, 1, 1))["year"] == 2008
    assert pick_edition(editions, "Beijing", 2008, None, dt.date(2021, 12, 1))["year"] == 2008
