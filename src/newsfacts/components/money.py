"""``newsfacts_money``: amounts of money with an explicit currency, converted to US dollars.

Detection does not depend on the base NER: one regex, built from the currency and
number tables, finds "symbol number magnitude" ("$170 billion", "CNY1.22 trillion",
"HK$3.5bn", "Rs 2.5 lakh crore") and "number magnitude name" ("1.7 trillion yuan",
"three hundred forty thousand dollars", "500 million zł", "85p"), with intervals
("$1-2 million", "between €3m and €4m", "seven or eight euros", "from $900,000 to $1.6
million", "between 40 and $60 million"); a list ("€3m and $4m") or a move that a verb of
change governs ("rose from $4bn to $6bn", "fell $1 to $13") is two amounts. A lower end
without a magnitude shares the upper one's unless it is written in thousands; when neither
reading fits ("$700 to $1.4 billion") the lower end gives no fact. After a magnitude,
"pounds" is sterling unless the article weighs something. Markers in other orders and cases
count: a code before a magnitude ("85 USD million"), a name before the number ("yen 500
billion"), a code glued to a dollar sign ("cad$ 40") or to a million or thousand prefix
("MEUR 12", "250 kSEK"), a dollar prefix in lower case or set apart ("c$12", "hk $ 3");
such a prefix names its own currency or none, never US dollars. Hyphenated amounts used as
adjectives count ("a 15-cent dividend", "a two-yen rise"), idioms do not ("a billion-dollar
question"). A whole amount and its sub-unit are one ("4 dollars 75 cents", "20 dollars 25"). Sub-units count in units of their
currency: the one of the nearest amount that uses them, else the one the article's cue
words pick ("50 sen" needs a Malaysian story). Single letters and symbols that also name
products ("R", "N", "P", "JD") need a regional cue, and when glued to plain digits a magnitude
or a decimal mark ("R1.8bn", never "R5"); set apart, a price may be plain ("R 18").
A number that cannot be read whole, or an absurd one, gives no fact at all.
Qualifiers before the span (or "or more", "or so" after it) become ``approx``; a
negated "exceed" is an upper bound; a stated equivalent or a per-share restatement without
a qualifier of its own shares the ``approx`` of the amount it restates. An amount followed by its equivalent in
another currency ("1.7 trillion yuan (about 237 billion U.S. dollars)") takes that
stated value as its ``usd``, and the equivalent points back at it with
``equivalent_of``; otherwise ``usd`` comes from the ECB rate on the reference date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, document_text, reference_date
from .base import FactComponent
from ..facts import Money
from ..normalise.currency import CurrencyTable, EcbRates
from ..normalise.numbers import (
    change_cue, continues_a_number, magnitude_pattern, needs_magnitude, number_pattern, parse_number, qualifier_after, qualifier_before, sane, scaled_value,
)
from ..resources import TableComponent, alternation, read_json, read_jsonl, word_trie

# Text between an amount and its stated equivalent: a bracket ("yuan (about $3 billion)"),
# or a comma or dash when the second amount is hedged ("4.9 trillion yen, roughly $33 billion").
STATED_BRACKET = re.compile(r"\s{0,3}[(\[]\s{0,3}(?:or|i\.e\.|equal to|equivalent to|approximately)?\s{0,3}", re.IGNORECASE)
STATED_HEDGED = re.compile(r"\s{0,3}(?:[,;:–—-]|\bor\b)\s{0,3}(?:or\s{0,3})?", re.IGNORECASE)
RANGE_LINK = r"\s{0,3}(?:-|–|—|to|and|or)\s{0,3}"
UNREAD_MAGNITUDE = re.compile(r"[\s-]?(?:[mbt]r?il|lakh|lac|crore|arab)\w*", re.IGNORECASE)
# Between a whole amount and its sub-unit ("4 dollars 75 cents", "12 euros and 40 cents").
COMPOUND_GAP = re.compile(r"\s{1,2}(?:and\s{1,2})?")
# Two digits of cents written bare after a named currency ("20 dollars 25."), not a count ("25 times").
COMPOUND_TAIL = re.compile(r"\s{1,2}(?P<cents>\d{2})(?![\w%$€£¥-]|[.,]\d|\s{1,3}[\w%$€£¥])")
# ", or six cents a share" after an amount in the same sentence: its restatement per share.
PER_SHARE_RESTATED = re.compile(r"[^.;!?]{0,60},\s{1,2}or\s{1,2}")
PER_SHARE_AFTER = re.compile(r"\s{1,2}(?:a|per)\s{1,2}(?:share|unit|ADR)\b", re.IGNORECASE)
LINK_AT_END = re.compile(r"(?:\s(?:or|to|and)\s{1,3}|[-–]\s?)$", re.IGNORECASE)
# A capitalised word inside a sentence before a bare number: a label or a day ("Series 3", "Sept. 30").
MID_SENTENCE_LABEL = re.compile(r"(?<=[^\s.!?]\s)[A-Z][a-z]{1,15}\.?\s{1,2}$")
THOUSANDS = re.compile(r"\d[,.\u00a0\u202f\u2009 ]\d{3}(?!\d)")
# A capitalised word right before "4c" makes it a label ("Section 4c"), not a price.
LABEL_BEFORE = re.compile(r"\b[A-Z][a-z]{1,15}\.?\s{1,2}$")


@dataclass
class _Amount:
    start: int
    end: int
    amount: Decimal
    amount_max: Decimal | None
    currency: str | tuple[str, ...]  # a tuple: a shared sub-unit ("cents"), settled by its neighbours
    approx: str | None
    qualifier_start: int
    per_unit: int = 1
    marker: str = ""


class MoneyRecognizer(FactComponent, TableComponent):
    """Finds money amounts with a regex compiled from the component's currency tables."""

    def __init__(self, nlp: Language, name: str, rates: EcbRates) -> None:
        super().__init__(name)
        self.rates = rates
        self.set_tables({"currencies": read_jsonl("currencies.jsonl"), "currency_context": read_json("currency_context.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.currency_table = CurrencyTable.from_rows(self.tables["currencies"], self.tables["currency_context"])
        table = self.currency_table
        # "NZ $ 26 million": a dollar sign after two or more letters may stand apart from them.
        spaced = [re.sub(r"\$$", " $", sym) for sym in table.symbols if re.fullmatch(r"[A-Z]{2,}\$", sym)]
        exact = alternation([*table.symbols, *spaced])
        # Derived markers as three fragments rather than hundreds of literals: "MEUR"/"kSEK",
        # dollar prefixes in any case and spacing ("hk $", "cad$"), names before the number.
        codes = word_trie({code for code, _ in table.scaled_codes.values()}, ignorecase=True)
        scaled = rf"[Mk](?:{codes})(?![A-Za-z])"
        loose = rf"{word_trie((sym[:-1] for sym in table.loose_symbols), ignorecase=True)}\s?\$"
        symbols = rf"{scaled}|{loose}|{word_trie([*table.symbols, *spaced, *table.prefix_names], ignorecase=True)}".replace(r"\ ", r"\s")
        names = rf"{scaled}|{word_trie(table.suffix_markers, ignorecase=True)}"
        number, magnitude = number_pattern(), magnitude_pattern()
        amount = rf"(?P<num>{number})(?P<mag>{magnitude})?"
        upper = rf"(?:(?P<link>{RANGE_LINK})(?P<sym2>{symbols})?\s?(?P<num2>{number})(?P<mag2>{magnitude})?)?"
        prefixed = rf"(?<![\w$−-])(?P<neg>[-−])?(?P<sym>{symbols})(?P<gap>\s?){amount}{upper}"
        suffixed = (
            rf"(?<![\w.,−-])(?P<neg_b>[-−])?(?P<num_b>{number})(?P<mag_b>{magnitude})?"
            rf"(?:(?P<link_b>{RANGE_LINK})(?P<num2_b>{number})(?P<mag2_b>{magnitude})?)?(?P<gap_b>[\s-]?)(?P<name>{names})(?![\w])"
            rf"(?P<mag_c>{magnitude})?"  # "85 USD million"
        )
        self.pattern = re.compile(rf"{prefixed}|{suffixed}", re.IGNORECASE)
        self.symbol_case = re.compile(rf"(?:{exact})")
        # A unit of its own after an upper end: "$5 million or 20 cents a share" is no interval.
        self.unit_after = re.compile(rf"[\s-]?(?:{names}|%|per\s?cent|pct)(?![\w])", re.IGNORECASE)
        # A bare number before an amount whose currency it shares ("6 or $7", "between 40 and $60 million").
        self.bare_lower = re.compile(
            rf"(?<![\w.,$£€¥−-])(?P<low>{number})(?P<mag>{magnitude})?(?P<link>\s{{1,3}}(?:or|to|and)\s{{1,3}}|\s?[-–]\s?)$",
            re.IGNORECASE,
        )

    def process(self, doc: Doc) -> Doc:
        text = document_text(doc)
        amounts = self._find(text)
        usd_stated, equivalents = self._stated_equivalents(amounts, text)
        on = reference_date(doc)
        facts = []
        for index, found in enumerate(self._inherit_approx(amounts, equivalents, text)):
            if index in usd_stated:
                usd, basis = usd_stated[index], "stated"
            else:
                usd, basis = self.currency_table.to_usd(self.rates, found.amount, found.currency, on)
            facts.append(
                Money(
                    text[found.start : found.end], found.start, found.end,
                    amount=found.amount, amount_max=found.amount_max, currency=found.currency,
                    approx=found.approx, usd=usd if usd is None or sane(usd) else None, usd_basis=basis,
                    equivalent_of=equivalents.get(index),
                )
            )
        add_facts(doc, facts)
        return doc

    @staticmethod
    def _inherit_approx(amounts: list[_Amount], equivalents: dict[int, int], text: str) -> list[_Amount]:
        """A restatement without a qualifier of its own is as approximate as the amount it restates:
        a stated equivalent ("more than 11 billion francs ($1.77 billion)") and a per-share figure
        ("about $4 million …, or six cents a share")."""
        out = list(amounts)
        for index in range(1, len(out)):
            amount, before = out[index], out[index - 1]
            if amount.approx is not None or before.approx is None:
                continue
            per_share = PER_SHARE_RESTATED.fullmatch(text, before.end, amount.start) and PER_SHARE_AFTER.match(text, amount.end)
            if index in equivalents or per_share:
                out[index] = replace(amount, approx=before.approx)
        return out

    def _find(self, text: str) -> list[_Amount]:
        """Every amount in text order; a rejected match is retried one character later,
        so that "5 and 6 billion dollars" still yields "6 billion dollars"."""
        found, position = [], 0
        while (match := self.pattern.search(text, position)) is not None:
            amount = self._amount(match, text, found[-1].end if found else 0)
            if amount is not None:
                found.append(amount)
                position = amount.end
            elif self._foreign_dollar(match.group("sym")):
                position = match.end("sym")  # "hk $ 3 billion" refused is never "$ 3 billion"
            else:
                position = match.start() + 1
        return self._settle_subunits(self._join_compounds(found, text), text)

    def _join_compounds(self, found: list[_Amount], text: str) -> list[_Amount]:
        """A whole number of a currency named after it and then its sub-unit are one amount
        ("4 dollars 75 cents", "twelve euros and forty cents", "20 dollars 25")."""
        joined: list[_Amount] = []
        for amount in found:
            head = joined[-1] if joined else None
            if head is not None and self._whole_units(head) and isinstance(amount.currency, tuple) and amount.per_unit > 1:
                if head.currency in amount.currency and amount.amount < 1 and COMPOUND_GAP.fullmatch(text, head.end, amount.start):
                    joined[-1] = replace(head, end=amount.end, amount=head.amount + amount.amount)
                    continue
            joined.append(amount)
        for index, amount in enumerate(joined):
            tail = COMPOUND_TAIL.match(text, amount.end) if self._whole_units(amount) and amount.marker else None
            if tail is not None and self.currency_table.has_hundredths(amount.currency):
                cents = Decimal(tail.group("cents")) / 100
                joined[index] = replace(amount, end=tail.end("cents"), amount=amount.amount + cents)
        return joined

    @staticmethod
    def _whole_units(amount: _Amount) -> bool:
        """A single whole number of a currency's main unit, small enough to be a price."""
        return (
            isinstance(amount.currency, str) and amount.amount_max is None and amount.per_unit == 1
            and amount.amount == amount.amount.to_integral_value() and 0 < amount.amount < 1_000_000
        )

    def _foreign_dollar(self, symbol: str | None) -> bool:
        """Whether a prefix is a dollar sign with letters that name another currency ("hk $",
        "C $"), as opposed to a word that ends before one ("the year's $1.5 billion")."""
        if symbol is None or symbol == "$" or not symbol.endswith("$"):
            return False
        compact = symbol.replace(" ", "")
        return compact.lower() in self.currency_table.loose_symbols and (len(compact) > 2 or compact[0].isupper())

    def _settle_subunits(self, found: list[_Amount], text: str) -> list[_Amount]:
        """A sub-unit ("12 cents", "50 sen") takes the currency of the nearest amount that uses it,
        else the one the article's cues pick; with neither, an ambiguous one is dropped."""
        settled = []
        for amount in found:
            if isinstance(amount.currency, tuple):
                choices = amount.currency
                near = sorted(
                    (other for other in found if isinstance(other.currency, str) and other.currency in choices),
                    key=lambda other: abs(other.start - amount.start),
                )
                code = near[0].currency if near else self.currency_table.settle_subunit(amount.marker, choices, text)
                if code is None:
                    continue
                amount = replace(amount, currency=code)
            settled.append(amount)
        return settled

    def _currency(self, match: re.Match[str], text: str) -> tuple[str | tuple[str, ...] | None, int, int]:
        """The currency a match names (a tuple for a shared sub-unit), how many of it make one
        unit, and the multiplier its marker carries ("MEUR": a million)."""
        table = self.currency_table
        symbol = match.group("sym")
        magnitude = bool(match.group("mag") or match.group("mag_b") or match.group("mag_c"))
        if symbol is not None:
            return self._prefix_currency(match, symbol, text)
        name = match.group("name")
        if name in table.scaled_codes:
            code, factor = table.scaled_codes[name]
            return (None, 1, 1) if magnitude else (code, 1, factor)  # "250 kEUR", never "5 million kEUR"
        if match.group("gap_b") == "-" and not self._adjective(match):
            return None, 1, 1  # "a billion-dollar question", "the 2024-Euro"
        subunit = table.subunit(name)
        if subunit is not None:
            codes, per_unit = subunit
            if len(name) <= 2 and (match.group("gap_b") or LABEL_BEFORE.search(text, max(0, match.start() - 20), match.start())):
                return None, 1, 1  # "85p", never "85 p", nor "Phase 1c" or "Section 4c"
            return codes, per_unit, 1
        if table.measures_something_else(name, text[max(0, match.start() - 30) : match.end() + 30]):
            return None, 1, 1
        return table.resolve(name, "name", text, scaled=bool(match.group("mag_b") or match.group("mag2_b"))), 1, 1

    @staticmethod
    def _adjective(match: re.Match[str]) -> bool:
        """Whether a hyphenated amount is one used as an adjective ("a 15-cent dividend", "a
        two-yen rise", "a 5-million-dollar grant"), not an idiom ("a billion-dollar question")
        nor a name ("the 2024-Euro")."""
        number = match.group("num_b")
        return not needs_magnitude(number) and not match.group("name")[:1].isupper() and not re.fullmatch(r"(?:1[89]|20)\d\d", number)

    def _prefix_currency(self, match: re.Match[str], symbol: str, text: str) -> tuple[str | None, int, int]:
        """The currency of a marker before the number. Symbols and codes match case exactly
        ("RM", not "rm"); a dollar prefix in another case or set apart ("c$12", "hk $ 3") still
        names its own currency, never US dollars; a name before the number needs a magnitude."""
        table = self.currency_table
        compact = symbol.replace(" ", "")
        has_magnitude = bool(match.group("mag"))
        bare = not (has_magnitude or re.search(r"\D", match.group("num")))
        if compact in table.scaled_codes:
            code, factor = table.scaled_codes[compact]
            return (None, 1, 1) if has_magnitude else (code, 1, factor)
        if self.symbol_case.fullmatch(symbol):
            single_letter = len(compact) == 1 and compact.isalpha()
            if bare and not (single_letter and match.group("gap")) and (single_letter or not table.allows_bare_digits(compact)):
                return None, 1, 1  # never "R5", "N95" or "JD 618": a model glues the letter, a price ("R 18") sets it apart
            if single_letter and LABEL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                return None, 1, 1  # "Grade R 5", "Vitamin N 12"
            return table.resolve(compact, "symbol", text), 1, 1
        code = table.loose_symbols.get(compact.lower())
        if code is not None:
            letters = compact[:-1]
            if len(letters) == 1 and (" " in symbol or letters.isupper()):
                # "C $7": only with the country named in the article, never after a label ("Series C $7")
                cued = table.resolve("letter $", "symbol", text)
                if cued != code or LABEL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
                    return None, 1, 1
            return code, 1, 1
        code = table.prefix_names.get(re.sub(r"\s+", " ", symbol.lower()))
        return (code if has_magnitude else None), 1, 1

    def _amount(self, match: re.Match[str], text: str, floor: int) -> _Amount | None:
        """Read one regex match; ``None`` when it is not money after all or cannot be read whole.
        ``floor``: where the previous amount ends; a bare lower end never reaches back into it."""
        currency, per_unit, factor = self._currency(match, text)
        if currency is None:
            return None
        suffix = "" if match.group("sym") is not None else "_b"
        num, mag, num2, mag2, neg, link = (match.group(key + suffix) for key in ("num", "mag", "num2", "mag2", "neg", "link"))
        end = match.end()
        if match.group("mag_c"):
            if mag or num2 is not None or not re.fullmatch(r"[A-Z]{3}", match.group("name")):
                end = match.end("name")  # only a code takes a magnitude after it ("85 USD million")
            else:
                mag = match.group("mag_c")
        if needs_magnitude(num) and not mag:
            return None
        if suffix and continues_a_number(text[max(0, match.start() - 40) : match.start()], num):
            return None  # the tail of a number the pattern could not read whole
        start = match.start()
        if UNREAD_MAGNITUDE.match(text, end) or text[end : end + 1].isalnum():
            return None  # "R$9 bilhões", "Rs5.2x": a magnitude the tables do not know
        window_start = max(0, start - 120)
        before = text[window_start:start]
        between = re.search(r"\bbetween\s{1,3}$", before, re.IGNORECASE)
        if num2 is not None and needs_magnitude(num2) and not mag2:
            num2 = None  # "£50,000-a-year": no upper end
            end = match.end("mag" if mag else "num")
        sym2 = match.group("sym2") if not suffix else None
        if num2 is not None and not suffix and self.unit_after.match(text, end):
            num2 = None  # the second number has a unit of its own
            end = match.end("mag" if mag else "num")
        if num2 is not None and sym2 and self.currency_table.resolve(sym2.replace(" ", ""), "symbol", text) != currency:
            num2 = None  # "HK$5 million or US$640,000": two currencies, two amounts
            end = match.end("mag" if mag else "num")
        if num2 is not None and self._two_amounts(link, before, between):
            short = mag2 and not mag and (parse_number(num) or 0) < 1000
            if suffix or short:
                return None  # the first has no currency, or may share the second's magnitude ("$4 to $6bn")
            num2 = None
            end = match.end("mag" if mag else "num")
        dot_thousands = isinstance(currency, str) and currency in self.currency_table.zero_decimal
        if num2 is not None:
            low, high = self._interval(num, mag, num2, mag2, dot_thousands)
            first, second = scaled_value(num, mag, dot_thousands), scaled_value(num2, mag2, dot_thousands)
            if high is None and sym2 and first is not None and second is not None and first >= second:
                # "$525.8 million or $4.67 a share": a restatement, not an interval
                num2, end = None, match.end("mag" if mag else "num")
                low, high = first, None
            if low is None:
                return None
            if high is not None:
                high /= per_unit
        else:
            low, high = scaled_value(num, mag, dot_thousands), None
            if low is None:
                return None
        if num2 is None and not suffix and not neg:
            lower = self._bare_lower(before, num, mag, dot_thousands)
            if lower is not None and window_start + lower[1] >= floor:
                high, low = low, lower[0]
                start = window_start + lower[1]
                before = text[window_start:start]
                between = re.search(r"\bbetween\s{1,3}$", before, re.IGNORECASE)
        low = low * factor / per_unit
        if high is not None:
            high *= factor
        if neg:
            low = -low
        qualifier = qualifier_before(before)
        approx = qualifier[0] if qualifier else qualifier_after(text, end)
        qualifier_start = window_start + qualifier[1] if qualifier else start
        if high is not None and between:
            qualifier_start = window_start + between.start()
        return _Amount(start, end, low, high, currency, approx, qualifier_start, per_unit, match.group("name") or "")

    @staticmethod
    def _interval(num: str, mag: str | None, num2: str, mag2: str | None, dot_thousands: bool) -> tuple[Decimal | None, Decimal | None]:
        """Both ends of an interval. A lower end without a magnitude shares the upper one's
        ("$4 to $6bn", "between 40 and 60 million euros") unless that puts it above the upper
        end; then it stands as written when it is written in thousands ("from $900,000 to $1.6
        million"), and otherwise the interval is ambiguous ("$900 to $1.6 million")."""
        high = scaled_value(num2, mag2 or mag, dot_thousands)
        low = scaled_value(num, mag or mag2, dot_thousands)
        if high is None or low is None:
            return None, None
        if low >= high and mag2 and not mag:
            low = scaled_value(num, None, dot_thousands) if THOUSANDS.search(num) else None
            if low is None:
                return None, None
        return (low, high) if low < high else (None, None)

    def _bare_lower(self, before: str, num: str, mag: str | None, dot_thousands: bool) -> tuple[Decimal, int] | None:
        """The lower end of an interval written as a bare number before an amount ("about 6 or $7
        a share", "between 40 and $60 million") and where it starts in ``before``; ``None`` when
        there is none, a verb of change makes the two a move, or a label or day precedes it
        ("June 3 to $5 million")."""
        if not LINK_AT_END.search(before):
            return None  # most amounts follow no link; spare the number pattern
        lower = self.bare_lower.search(before, max(0, len(before) - 80))
        if lower is None:
            return None
        ahead = before[: lower.start()]
        link = lower.group("link").strip().lower()
        if link == "and" and not re.search(r"\bbetween\s{1,3}$", ahead, re.IGNORECASE):
            return None
        if link == "to" and change_cue(ahead) is not None:
            return None
        if continues_a_number(ahead, lower.group("low")) or MID_SENTENCE_LABEL.search(ahead) or needs_magnitude(lower.group("low")):
            return None
        low, high = self._interval(lower.group("low"), lower.group("mag"), num, mag, dot_thousands)
        return (low, lower.start()) if low is not None and high is not None else None

    @staticmethod
    def _two_amounts(link: str, before: str, between: re.Match[str] | None) -> bool:
        """Whether "X and Y" / "X to Y" are two amounts rather than one interval: a list
        ("€3m and $4m"), or a move that a verb of change governs ("rose from $4bn to $6bn",
        "by $2bn to $12bn", "fell $1 to $13"); "prices range from X to Y" is one interval."""
        link = link.strip().lower()
        if link == "and":
            return between is None
        return link == "to" and change_cue(before) is not None  # "or": "seven or eight euros" is one

    @staticmethod
    def _stated_equivalents(amounts: list[_Amount], text: str) -> tuple[dict[int, Decimal], dict[int, int]]:
        """USD values an article states right beside a non-USD amount (either order), and for
        each stated equivalent the ``start`` of the amount it restates."""
        stated: dict[int, Decimal] = {}
        equivalents: dict[int, int] = {}
        for index in range(len(amounts) - 1):
            first, second = amounts[index], amounts[index + 1]
            if first.currency == second.currency:
                continue
            gap = text[first.end : second.qualifier_start]
            bracket = STATED_BRACKET.fullmatch(gap) is not None
            hedged = second.approx == "about" or re.search(r"\bor\b", gap)
            if len(gap) > 30 or not (bracket or (hedged and STATED_HEDGED.fullmatch(gap))):
                continue
            if "USD" not in (first.currency, second.currency) and not bracket:
                continue
            equivalents[index + 1] = first.start
            if second.currency == "USD":
                stated[index] = second.amount
            elif first.currency == "USD":
                stated[index + 1] = first.amount
        return stated, equivalents


@Language.factory(
    "newsfacts_money",
    default_config={"rates": {"@misc": "newsfacts.ecb_rates.v1"}},
)
def make_money(nlp: Language, name: str, rates: EcbRates) -> MoneyRecognizer:
    return MoneyRecognizer(nlp, name, rates)
