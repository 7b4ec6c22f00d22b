"""Numbers as news writes them: digits, words, magnitudes and the qualifiers before them.

Word lists, fractions and magnitudes come from ``models/data/numbers.json``; the value
of a spelled-out cardinal ("three hundred forty thousand") comes from ``text2num``, so
the regexes here only find spans. A number that cannot be read whole has no value
(``None``): callers then emit nothing rather than a part of it. Every repetition in
the patterns is bounded, so matching stays linear on hostile input. Values are exact
``Decimal``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

from text_to_num import text2num

from ..resources import alternation, read_json, word_trie

# Larger than any sum a news story states, in any currency: anything above is a misread.
MAX_ABS_VALUE = Decimal("1e18")

_SPACE_GROUP = "[\u00a0\u202f\u2009 ]"
# The denominators of fractions written after a whole number (eighths of a dollar, quarters of a point).
MIXED_DENOMINATORS = frozenset({2, 3, 4, 8, 16, 32, 64})


@lru_cache(maxsize=1)
def _digit_forms() -> dict[str, str]:
    """Digit forms, each bounded: a whole number and a fraction of stock prices and coupons
    ("7 1/8", "12 3/4"), Indian lakh grouping (12,50,000), comma thousands, dot
    thousands with a decimal comma (1.234.567,5), space thousands (1 200 000), plain
    (decimal point, a decimal comma with one or two digits "1,5", or a vulgar fraction "2½"),
    a leading point."""
    vulgar = "".join(tables()["vulgar_fractions"])
    return {
        "mixed": r"\d{1,4}[ \u00a0]\d{1,2}/\d{1,2}",
        "indian": r"\d{1,2}(?:,\d{2}){1,4},\d{3}(?:\.\d{1,4})?",
        "comma": r"\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?",
        "dots": r"\d{1,3}(?:\.\d{3}){2,5}(?:,\d{1,2})?",
        "spaces": rf"\d{{1,3}}(?:{_SPACE_GROUP}\d{{3}}){{1,5}}(?:[.,]\d{{1,2}})?",
        "plain": rf"\d{{1,15}}(?:\.\d{{1,6}}|,\d{{1,2}}|[{vulgar}])?",
        "point": r"\.\d{1,6}",
    }


def _digits_pattern() -> str:
    return rf"(?<![\d.,/])(?:{'|'.join(_digit_forms().values())})(?![.,]?\d)"


_SPACE = r"\s{1,3}"
_JOIN = r"[\s-]{1,3}"


@lru_cache(maxsize=1)
def tables() -> dict:
    return read_json("numbers.json")


def _words(kind: str) -> list[str]:
    return tables()["number_words"][kind]


@lru_cache(maxsize=2)
def _fraction_words(plural: bool) -> str:
    keys = [k for k in tables()["fractions"] if (" " in k or "-" in k) == plural]
    return alternation(keys).replace(r"\ ", _JOIN).replace(r"\-", _JOIN)


@lru_cache(maxsize=1)
def _word_patterns() -> dict[str, str]:
    """Regexes (no groups) for the spelled-out number forms, by kind."""
    units, teens, tens = (alternation(_words(k)) for k in ("units", "teens", "tens"))
    article = alternation(_words("articles"))
    scales = alternation(_words("scales"))
    small = rf"(?:(?:{tens})(?:{_JOIN}(?:{units}))?|{teens}|{units})"

    def hundreds(lead: str) -> str:
        return rf"{lead}(?:{_SPACE}hundred(?:(?:{_SPACE}and)?{_JOIN}{small})?)?"

    cardinal = (
        rf"{hundreds(rf'(?:{small}|{article})')}"
        rf"(?:,?{_SPACE}(?:{scales})(?:,?(?:{_SPACE}and)?{_SPACE}{hundreds(small)})){{0,4}}"
    )
    single, plural = _fraction_words(False), _fraction_words(True)
    lead = rf"(?:{article}|one)"
    fraction_of = (
        rf"(?:{lead}{_SPACE})?(?:{single})(?:{_SPACE}of)?{_SPACE}(?:{article})"
        rf"|(?:{plural}){_SPACE}of{_SPACE}(?:{article})"
        rf"|{lead}{_SPACE}(?:{single})"
    )
    mixed = rf"{cardinal}{_SPACE}and{_SPACE}(?:{lead}{_SPACE}(?:{single})|{plural})"
    digit = alternation([*_words("zero"), *_words("units")])
    decimal = rf"{cardinal}{_SPACE}(?:{alternation(_words('point'))})(?:{_SPACE}(?:{digit})){{1,4}}"
    fixed = alternation(tables()["fixed_phrases"]).replace(r"\ ", _SPACE)
    # "half million", "quarter-billion": a fraction word right before a scale
    bare_fraction = rf"(?:{single})(?={_JOIN}(?:{scales})\b)"
    return {
        "fixed": fixed, "mixed": mixed, "decimal": decimal, "fraction_of": fraction_of,
        "bare_fraction": bare_fraction, "cardinal": cardinal,
    }


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex (no groups) for a number in digits or words ("1,540", "3,5", "two and a half").
    The word forms are tried only where one of their first words begins: a cheap test
    that spares the full grammar at every other word of an article."""
    words = "|".join(_word_patterns().values())
    return rf"(?:{_digits_pattern()}|\b(?={word_trie(_leading_words(), ignorecase=True)})(?:{words})\b)"


def _leading_words() -> set[str]:
    """Every word a spelled-out number can begin with: each form of ``_word_patterns``
    starts with a unit, teen, ten, article, "one", a fraction or a fixed phrase."""
    phrases = [*tables()["fractions"], *tables()["fixed_phrases"]]
    return {*_words("units"), *_words("teens"), *_words("tens"), *_words("articles"), "one",
            *(re.split(r"[\s-]", phrase)[0] for phrase in phrases)}


@lru_cache(maxsize=1)
def magnitude_pattern() -> str:
    """Regex (no groups) for a magnitude: attached ("3bn"), spaced ("3 billion") or stacked ("lakh crore")."""
    mags = tables()["magnitudes"]
    attached = set(tables()["attached_only_magnitudes"])
    spaced = alternation([m for m in mags if m not in attached])
    return rf"(?:(?:{alternation(attached)})\b|(?:[\s-]{{0,2}}(?:{spaced})\b){{1,2}})"


def magnitude_value(word: str | None) -> Decimal:
    """Multiplier of a magnitude, stacked ones multiplied; 1 when there is none.

    >>> magnitude_value("bn")
    Decimal('1000000000')
    >>> magnitude_value(" lakh crore")
    Decimal('1000000000000')
    >>> magnitude_value(None)
    Decimal('1')
    >>> magnitude_value("zillion")
    Decimal('1')
    """
    value = Decimal(1)
    for part in re.split(r"[\s-]+", (word or "").strip().lower()):
        value *= Decimal(tables()["magnitudes"].get(part, 1))
    return value


def _digits_value(text: str, dot_thousands: bool) -> Decimal | None:
    form = next((name for name, rx in _digit_forms().items() if re.fullmatch(rx, text)), None)
    if form is None:
        return None
    if form == "mixed":
        whole, _, share = text.replace("\u00a0", " ").partition(" ")
        numerator, denominator = (int(part) for part in share.split("/"))
        if denominator not in MIXED_DENOMINATORS or not 0 < numerator < denominator:
            return None  # "3 10/20" is no price
        return Decimal(whole) + Decimal(numerator) / Decimal(denominator)
    if form in ("indian", "comma"):
        text = text.replace(",", "")
    elif form == "dots":
        text = text.replace(".", "").replace(",", ".")
    elif form == "spaces":
        text = re.sub(_SPACE_GROUP, "", text).replace(",", ".")
    elif text[-1] in tables()["vulgar_fractions"]:
        whole = Decimal(text[:-1] or 0)
        share = Fraction(tables()["vulgar_fractions"][text[-1]])
        return whole + Decimal(share.numerator) / Decimal(share.denominator)
    elif dot_thousands and re.fullmatch(r"\d{1,3}\.\d{3}", text):
        text = text.replace(".", "")
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _fraction(text: str) -> Decimal:
    """Value of a fraction word ("a half", "three quarters")."""
    key = re.sub(r"^(?:an?|one)\s+", "", text)
    for word, value in tables()["fractions"].items():
        if key == word.replace("-", " "):
            share = Fraction(value)
            return Decimal(share.numerator) / Decimal(share.denominator)
    raise KeyError(text)


def _cardinal_value(text: str) -> Decimal | None:
    """A spelled-out whole number read by text2num, or ``None`` when it is not one."""
    text = re.sub(r"^an?\b", "one", text)
    try:
        return Decimal(text2num(text, "en"))
    except (ValueError, TypeError):
        return None


def parse_number(text: str, dot_thousands: bool = False) -> Decimal | None:
    """The value of a number written in digits or words, or ``None`` when it cannot be read whole.

    ``dot_thousands`` reads "50.000" as fifty thousand (currencies without decimals).

    >>> parse_number("1,540")
    Decimal('1540')
    >>> parse_number("12,50,000")
    Decimal('1250000')
    >>> parse_number("1,5")
    Decimal('1.5')
    >>> parse_number("2½")
    Decimal('2.5')
    >>> parse_number("12 3/4"), parse_number("7 1/8"), parse_number("3 10/20")
    (Decimal('12.75'), Decimal('7.125'), None)
    >>> parse_number("half")
    Decimal('0.5')
    >>> parse_number("50.000", dot_thousands=True)
    Decimal('50000')
    >>> parse_number("three hundred forty")
    Decimal('340')
    >>> parse_number("one hundred and twelve")
    Decimal('112')
    >>> parse_number("two and a half")
    Decimal('2.5')
    >>> parse_number("a quarter of a")
    Decimal('0.25')
    >>> parse_number("one point six")
    Decimal('1.6')
    >>> parse_number("a dozen")
    Decimal('12')
    >>> parse_number("lots") is None
    True
    >>> parse_number("forty three seven") is None
    True
    """
    cleaned = text.strip()
    if re.fullmatch(rf"(?:{'|'.join(_digit_forms().values())})", cleaned):
        return _digits_value(cleaned, dot_thousands)
    cleaned = re.sub(r"\s+", " ", cleaned.lower().replace(",", " ")).strip()
    patterns = _word_patterns()
    fixed = {k.lower(): v for k, v in tables()["fixed_phrases"].items()}
    if cleaned in fixed:
        return Decimal(fixed[cleaned])
    if re.fullmatch(patterns["fraction_of"], cleaned):
        return _fraction(re.sub(r"(?: of)? an?$", "", cleaned).replace("-", " "))
    if re.fullmatch(_fraction_words(False), cleaned):
        return _fraction(cleaned)  # "half" of "half million"
    cleaned = cleaned.replace("-", " ")
    if re.fullmatch(patterns["decimal"], cleaned):
        whole, _, digits = cleaned.partition(f" {_words('point')[0]} ")
        value = _cardinal_value(whole)
        places = "".join("0" if d in _words("zero") else str(_words("units").index(d) + 1) for d in digits.split())
        return value + Decimal(f"0.{places}") if value is not None else None
    if re.fullmatch(patterns["mixed"], cleaned):
        whole, part = re.fullmatch(r"(.+) and ((?:(?:an?|one) )?\w+(?: \w+)?)", cleaned).groups()
        value = _cardinal_value(whole)
        return value + _fraction(part) if value is not None else None
    if re.fullmatch(rf"(?:{patterns['cardinal']})(?: (?:{alternation(_words('scales'))}))?", cleaned):
        return _cardinal_value(cleaned)
    return None


def scaled_value(number: str, magnitude: str | None, dot_thousands: bool = False) -> Decimal | None:
    """``number`` times its magnitude, read whole ("one million two hundred" + "thousand").

    >>> scaled_value("three hundred forty", " thousand")
    Decimal('340000')
    >>> scaled_value("one million two hundred", " thousand")
    Decimal('1200000')
    >>> scaled_value("2.5", " lakh crore")
    Decimal('2500000000000.0')
    >>> scaled_value("9" * 15, " trillion trillion") is None
    True
    """
    value = parse_number(number, dot_thousands and not magnitude)
    if value is None:
        return None
    spelled_scale = re.search(rf"\b(?:{alternation(_words('scales'))})\b", number, re.IGNORECASE)
    if spelled_scale and magnitude and magnitude.strip().lower() in _words("scales"):
        value = parse_number(f"{number} {magnitude.strip()}")  # "one million two hundred thousand"
    elif magnitude:
        value *= magnitude_value(magnitude)
    return value if value is not None and sane(value) else None


def sane(value: Decimal) -> bool:
    """Whether a value can be a figure in news: finite and not absurdly large.

    >>> sane(Decimal("1e400")) or sane(Decimal("Infinity"))
    False
    >>> sane(Decimal("-2.5e9"))
    True
    """
    return value.is_finite() and abs(value) < MAX_ABS_VALUE


def needs_magnitude(text: str) -> bool:
    """Whether a number only counts with a magnitude or unit after it ("a", "half a").

    >>> needs_magnitude("half a"), needs_magnitude("A quarter of a"), needs_magnitude("half"), needs_magnitude("two")
    (True, True, True, False)
    """
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    return (
        cleaned in _words("articles")
        or re.fullmatch(_word_patterns()["fraction_of"], cleaned) is not None
        or re.fullmatch(_fraction_words(False), cleaned) is not None
    )


@lru_cache(maxsize=1)
def _word_tail_regex() -> re.Pattern[str]:
    words = [*_words("units"), *_words("teens"), *_words("tens"), *_words("hundred"), *_words("scales"), *_words("point")]
    words += [*_words("zero")[:1]] + [w.split()[-1].split("-")[-1] for w in tables()["fractions"]] + ["quarters", "thirds", "dozen"]
    big = alternation([*_words("hundred"), *_words("scales")])
    return re.compile(
        rf"(?:\b(?:{alternation(words)})(?:{_JOIN}|,{_SPACE})|\b(?:{big}){_SPACE}and{_SPACE})$", re.IGNORECASE
    )


def continues_a_number(before: str, number: str) -> bool:
    """Whether ``number`` is only the tail of a longer number that ends ``before``.

    "three hundred and forty thousand" must never be read as "forty thousand", nor
    "12 500" as "500".

    >>> continues_a_number("paid three hundred ", "forty"), continues_a_number("paid twenty-", "five")
    (True, True)
    >>> continues_a_number("paid 12 ", "500"), continues_a_number("paid 12, ", "500")
    (True, False)
    >>> continues_a_number("between five and ", "six"), continues_a_number("paid ", "forty")
    (False, False)
    """
    tail = before[-40:]
    if number[:1].isdigit() or number[:1] == ".":
        return re.search(rf"\d{_SPACE_GROUP}?$", tail) is not None
    return _word_tail_regex().search(tail) is not None


@lru_cache(maxsize=1)
def _qualifier_regex() -> re.Pattern[str]:
    qualifiers = tables()["qualifiers"]
    return re.compile(rf"(?:^|(?<=[\s(\[,\"“]))({alternation(qualifiers)})\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _after_regex() -> re.Pattern[str]:
    return re.compile(rf"\s{{1,2}}({alternation(tables()['qualifiers_after'])})(?![\w-])", re.IGNORECASE)


def qualifier_after(text: str, position: int) -> str | None:
    """The ``approx`` value of a qualifier written right after a figure that ends at ``position``.

    >>> qualifier_after("$600 million or more of costs", 12), qualifier_after("3% or so.", 2)
    ('over', 'about')
    >>> qualifier_after("5% or lesser", 2) is None
    True
    """
    match = _after_regex().match(text, position)
    return None if match is None else tables()["qualifiers_after"][match.group(1).lower()]


def qualifier_before(text: str) -> tuple[str, int] | None:
    """The ``approx`` value of a qualifier ending ``text``, and where the qualifier starts.

    >>> qualifier_before("sales of more than ")
    ('over', 9)
    >>> qualifier_before("(about ")
    ('about', 1)
    >>> qualifier_before("the company") is None
    True
    """
    tail_start = max(0, len(text) - 40)
    match = _qualifier_regex().search(text[tail_start:])
    if match is None:
        return None
    approx = tables()["qualifiers"][match.group(1).lower()]
    return approx, tail_start + match.start(1)


# A sentence end (not an abbreviation such as "Sept. 30"), a colon or semicolon, a bracket.
_CLAUSE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"“])|[;:]\s|[()\[\]\n]")
# How many words before "from" a verb of change may stand and still govern it ("cut the rate from").
_FROM_REACH = 6


def change_cue(before: str) -> str | None:
    """What makes "X to Y", written right after ``before``, a move rather than one interval:
    ``"from"`` when a verb of change governs the "from" right before X ("rose from",
    "cut its forecast from"), ``"direct"`` when "by" or a verb of change stands right before X
    ("fell $1 to $13": by one figure, to the other), else ``None``. A range word nearer than
    the verb keeps "from X to Y" one interval ("prices range from").

    >>> change_cue("The rate rose from "), change_cue("the bank cut its key rate from ")
    ('from', 'from')
    >>> change_cue("Salaries range from "), change_cue("Yields will be from "), change_cue("growth of ")
    (None, None, None)
    >>> change_cue("shares fell "), change_cue("output was lifted by ")
    ('direct', 'direct')
    >>> change_cue("It rose. Estimates vary from ")
    """
    clause = _CLAUSE_BREAK.split(before[-120:])[-1]
    words = re.findall(r"[a-z]+", clause.lower())
    if not words:
        return None
    verbs = _change_verbs()
    if words[-1] == "from":
        for word in reversed(words[-1 - _FROM_REACH : -1]):
            if word in _range_cues():
                return None
            if word in verbs:
                return "from"
        return None
    return "direct" if words[-1] == "by" or words[-1] in verbs else None


@lru_cache(maxsize=1)
def _change_verbs() -> frozenset[str]:
    return frozenset(word.lower() for words in tables()["change_verbs"].values() for word in words)


@lru_cache(maxsize=1)
def _restated_move() -> re.Pattern[str]:
    """A verb of change, the figure it moved by, then ", or " or a bracket: what a percentage
    right after restates ("shed 210 points, or 0.7%", "rose 12 cents (1.1%)")."""
    return re.compile(
        r"\b(?P<verb>[A-Za-z]+)\s{1,3}(?:by\s{1,3})?(?:(?:about|around|nearly|almost|some|roughly)\s{1,3})?[$€£¥]?\s?\d[\d.,]*(?:\s?[A-Za-z]+){0,3}"
        r"(?:,\s{1,3}or\s{1,3}|\s{0,2}\(\s{0,2})$"
    )


def restated_change(before: str) -> str | None:
    """``"up"``/``"down"`` when a percentage written right after ``before`` restates a move
    in other units, else ``None``.

    >>> restated_change("The index shed 210 points, or "), restated_change("Shares rose 12 cents (")
    ('down', 'up')
    >>> restated_change("Net was $12 million, or "), restated_change("It moved 3 points, or ")
    (None, None)
    """
    match = _restated_move().search(before[-100:])
    if match is None:
        return None
    word = match.group("verb").lower()
    return next((way for way in ("up", "down") if word in _ways()[way]), None)


@lru_cache(maxsize=1)
def _ways() -> dict[str, frozenset[str]]:
    return {way: frozenset(w.lower() for w in tables()["change_verbs"][way]) for way in ("up", "down")}


@lru_cache(maxsize=1)
def _range_cues() -> frozenset[str]:
    return frozenset(word.lower() for word in tables()["range_cues"])

