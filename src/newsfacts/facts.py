"""Typed facts: the normalised values newsfacts returns, one frozen dataclass per type.

Every fact keeps the exact characters that back it (``text``, ``start``, ``end``:
Python ``str`` offsets into the article, end exclusive). ``to_dict`` returns exactly
the field names of the gold specification, so extractor output can be graded and
stored without translation; ``from_dict`` reads such a dict back.

Money amounts are held as ``Decimal`` so that "1.7 trillion" stays exact; the JSON
form derives floats from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, ClassVar, Literal, Union

Approx = Literal["about", "over", "under", "up_to"]
Granularity = Literal["day", "week", "month", "quarter", "half", "year", "decade", "range"]
PercentUnit = Literal["percent", "percentage_point"]
Change = Literal["up", "down"]
Basis = Literal["year_on_year", "quarter_on_quarter", "month_on_month"]
Metric = Literal[
    "revenue", "profit", "loss", "operating_profit", "eps", "dividend", "share_price",
    "market_value", "deal_value", "stake", "investment", "debt", "cost", "fine",
    "market_share", "trade", "price", "exchange_rate", "index", "interest_rate",
    "inflation", "growth", "unemployment", "budget", "pay",
]

FACT_TYPES: tuple[str, ...] = ("money", "percent", "org", "event", "date")


def _to_decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def _to_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: Decimal | None) -> float | int | None:
    """JSON number for a Decimal: an int when it is whole and small, else a float."""
    if value is None:
        return None
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    return float(value)


@dataclass(frozen=True)
class Fact:
    """A span of the article and what it means. Subclasses add normalised fields."""

    type: ClassVar[str] = "fact"
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """The fact as a JSON-ready dict with the gold-spec field names."""
        out: dict[str, Any] = {"type": self.type, "text": self.text, "start": self.start, "end": self.end}
        out.update(self._values())
        return out

    def _values(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> "AnyFact":
        """Rebuild the typed fact from ``to_dict`` output (or a gold-file fact)."""
        try:
            cls = FACT_CLASSES[data["type"]]
        except KeyError as err:
            raise ValueError(f"unknown fact type: {data.get('type')!r}") from err
        return cls._from_values(data)

    decimal_fields: ClassVar[tuple[str, ...]] = ()
    date_fields: ClassVar[tuple[str, ...]] = ()
    span_fields: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def _from_values(cls, data: dict[str, Any]) -> "AnyFact":
        """Build from JSON values: numbers become Decimal, ISO strings become dates."""
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        for name in cls.decimal_fields:
            if name in values:
                values[name] = _to_decimal(values[name])
        for name in cls.date_fields:
            if name in values:
                values[name] = _to_date(values[name])
        for name in cls.span_fields:
            if values.get(name) is not None:
                values[name] = tuple(values[name])
        return cls(**values)  # type: ignore[return-value]


def _links(fact: "Money | Percent") -> dict[str, Any]:
    """The link fields every figure carries (gold spec, "Links"): ``null`` when unknown."""
    return {
        "period": list(fact.period) if fact.period is not None else None,
        "subject": fact.subject,
        "metric": fact.metric,
    }


@dataclass(frozen=True)
class Money(Fact):
    """An amount with an explicit currency, and its value in US dollars."""

    type: ClassVar[str] = "money"
    decimal_fields: ClassVar[tuple[str, ...]] = ("amount", "usd", "amount_max")
    amount: Decimal = Decimal(0)
    currency: str = "USD"
    approx: Approx | None = None
    usd: Decimal | None = None
    usd_basis: str | None = None
    amount_max: Decimal | None = None
    equivalent_of: int | None = None
    period: tuple[int, int] | None = None
    subject: str | None = None
    metric: Metric | None = None
    span_fields: ClassVar[tuple[str, ...]] = ("period",)

    def _values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "amount": float(self.amount),
            "currency": self.currency,
            "approx": self.approx,
            # cents, except below a dollar: "0.8p" is worth less than one cent
            "usd": None if self.usd is None else round(float(self.usd), 2 if abs(self.usd) >= 1 else 6),
            "usd_basis": self.usd_basis,
        }
        if self.amount_max is not None:
            out["amount_max"] = float(self.amount_max)
        out.update(_links(self))
        out["equivalent_of"] = self.equivalent_of
        return out


@dataclass(frozen=True)
class Percent(Fact):
    """A percentage, or a change measured in percentage points."""

    type: ClassVar[str] = "percent"
    decimal_fields: ClassVar[tuple[str, ...]] = ("value", "value_max")
    value: Decimal = Decimal(0)
    unit: PercentUnit = "percent"
    approx: Approx | None = None
    period: tuple[int, int] | None = None
    subject: str | None = None
    change: Change | None = None
    basis: Basis | None = None
    value_max: Decimal | None = None
    metric: Metric | None = None
    span_fields: ClassVar[tuple[str, ...]] = ("period",)

    def _values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _number(self.value), "unit": self.unit, "approx": self.approx}
        if self.value_max is not None:
            out["value_max"] = _number(self.value_max)
        out.update(_links(self))
        out["change"] = self.change
        out["basis"] = self.basis
        return out


@dataclass(frozen=True)
class Org(Fact):
    """A named organisation; ``canonical`` is the fullest name the article uses for it."""

    type: ClassVar[str] = "org"
    name: str = ""
    canonical: str = ""
    id: str = ""

    def _values(self) -> dict[str, Any]:
        return {"name": self.name, "canonical": self.canonical, "id": self.id}


@dataclass(frozen=True)
class Event(Fact):
    """A named event; dates are filled when a calendar fixes them for the article's year."""

    type: ClassVar[str] = "event"
    date_fields: ClassVar[tuple[str, ...]] = ("date_start", "date_end")
    name: str = ""
    date_start: dt.date | None = None
    date_end: dt.date | None = None

    def _values(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.date_start is not None:
            out["date_start"] = _iso(self.date_start)
            out["date_end"] = _iso(self.date_end)
        return out


@dataclass(frozen=True)
class Date(Fact):
    """A position or period on the calendar, as an inclusive ``date_start``..``date_end``.

    ``date_start``/``date_end`` are ``None`` when the expression is relative and the
    article has no reference date.
    """

    type: ClassVar[str] = "date"
    date_fields: ClassVar[tuple[str, ...]] = ("date_start", "date_end")
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    open_end: bool = False
    granularity: Granularity = "day"

    def _values(self) -> dict[str, Any]:
        return {
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "open_end": self.open_end,
            "granularity": self.granularity,
        }


AnyFact = Union[Money, Percent, Org, Event, Date]

FACT_CLASSES: dict[str, type[Fact]] = {
    cls.type: cls for cls in (Money, Percent, Org, Event, Date)
}
