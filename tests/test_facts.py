"""Fact dataclasses: the JSON form uses the gold-spec field names and round-trips."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from newsfacts.facts import Date, Event, Fact, Money, Org, Percent

SPEC_FIELDS = {
    "money": {"type", "text", "start", "end", "amount", "currency", "approx", "usd", "usd_basis",
              "period", "subject", "equivalent_of", "metric"},
    "percent": {"type", "text", "start", "end", "value", "unit", "approx", "period", "subject", "change", "basis",
                "metric"},
    "org": {"type", "text", "start", "end", "name", "canonical", "id"},
    "event": {"type", "text", "start", "end", "name"},
    "date": {"type", "text", "start", "end", "date_start", "date_end", "open_end", "granularity"},
}

FACTS = [
    Money("€2.5bn", 10, 16, amount=Decimal("2500000000"), currency="EUR", approx="about",
          usd=Decimal("2712500000.00"), usd_basis="ecb:2021-05-03"),
    Money("$1-2 million", 0, 12, amount=Decimal("1000000"), amount_max=Decimal("2000000"), currency="USD",
          usd=Decimal("1000000"), usd_basis="identity"),
    Percent("3.25 per cent", 4, 17, value=Decimal("3.25"), unit="percent", period=(20, 24),
            subject="Unilever", change="down", basis="quarter_on_quarter", metric="revenue"),
    Percent("2-3 per cent", 0, 12, value=Decimal("2"), value_max=Decimal("3"), unit="percent", metric="growth"),
    Money("£40m", 30, 34, amount=Decimal("40000000"), currency="GBP", usd=Decimal("50000000"),
          usd_basis="stated", period=(0, 4)),
    Money("$50m", 36, 40, amount=Decimal("50000000"), currency="USD", usd=Decimal("50000000"),
          usd_basis="identity", equivalent_of=30),
    Percent("50 basis points", 0, 15, value=Decimal("0.5"), unit="percentage_point", approx="over"),
    Org("the Reserve Bank", 0, 16, name="Reserve Bank", canonical="Reserve Bank of India", id="reserve-bank-of-india"),
    Event("Super Bowl", 3, 13, name="Super Bowl"),
    Event("Black Friday", 3, 15, name="Black Friday", date_start=dt.date(2021, 11, 26), date_end=dt.date(2021, 11, 26)),
    Date("since March", 0, 11, date_start=dt.date(2022, 3, 1), date_end=None, open_end=True, granularity="month"),
    Date("next Tuesday", 0, 12, granularity="day"),
]


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f.type}:{f.text}")
def test_round_trip_through_json(fact):
    data = json.loads(json.dumps(fact.to_dict()))
    assert Fact.from_dict(data) == fact


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f.type}:{f.text}")
def test_dict_uses_spec_field_names(fact):
    keys = set(fact.to_dict())
    assert SPEC_FIELDS[fact.type] <= keys
    optional = {"amount_max", "value_max", "date_start", "date_end"}
    assert keys - SPEC_FIELDS[fact.type] <= optional


def test_range_carries_amount_max_only_when_set():
    assert "amount_max" not in FACTS[0].to_dict()
    assert FACTS[1].to_dict()["amount_max"] == 2_000_000.0


def test_percent_interval_carries_value_max_only_when_set():
    assert "value_max" not in FACTS[2].to_dict()
    assert FACTS[3].to_dict()["value_max"] == 3
    assert FACTS[3].to_dict()["metric"] == "growth"


def test_facts_are_frozen():
    with pytest.raises(AttributeError):
        FACTS[2].value = Decimal(1)  # type: ignore[misc]


def test_unknown_type_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown fact type"):
        Fact.from_dict({"type": "weather", "text": "", "start": 0, "end": 0})
