"""Numbers as news writes them: digits, words, magnitudes and the qualifiers before them.

All tables come from ``models/data/numbers.json``. Values are exact ``Decimal``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..resources import alternation, read_json

DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# Words that count only when a magnitude follows ("a billion", "half a million").
NEEDS_MAGNITUDE = frozenset({"a", "an", "half", "half a", "a half", "quarter", "a quarter"})


@lru_cache(maxsize=1)
def tables() -> dict:
    return read_json("numbers.json")




@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex (no groups) for a number in digits or in words ("1,540", "3.5", "twenty-five", "a")."""
    words = tables()["words"]
    tens = [w for w, v in words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    units = [w for w, v in words.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
    compound = rf"(?:{alternation(tens)})[- ](?:{alternation(units)})"
    word = rf"(?:{compound}|{alternation(words)})(?:\s+hundred)?"
    return rf"(?:{DIGITS}|\b(?:{word})\b)"


@lru_cache(maxsize=1)
def magnitude_pattern() -> str:
    """Regex (no groups) for a magnitude word, spaced ("3 billion") or attached ("3bn")."""
    mags = tables()["magnitudes"]
    attached = set(tables()["attached_only_magnitudes"])
    spaced = [m for m in mags if m not in attached]
    return rf"(?:(?:{alternation(attached)})\b|\s*(?:{alternation(spaced)})\b)"


def magnitude_value(word: str | None) -> Decimal:
    """Multiplier of a magnitude word; 1 when there is none.

    >>> magnitude_value("bn")
    Decimal('1000000000')
    >>> magnitude_value(None)
    Decimal('1')
    >>> magnitude_value("zillion")
    Decimal('1')
    """
    if not word:
        return Decimal(1)
    return Decimal(tables()["magnitudes"].get(word.strip().lower(), 1))


def parse_number(text: str) -> Decimal | None:
    """The value of a number written in digits or words, or ``None``.

    >>> parse_number("1,540")
    Decimal('1540')
    >>> parse_number("twenty-five")
    Decimal('25')
    >>> parse_number("two hundred")
    Decimal('200')
    >>> parse_number("half a")
    Decimal('0.5')
    >>> parse_number("lots") is None
    True
    """
    cleaned = text.strip().lower()
    if not cleaned:
        return None
    if re.fullmatch(DIGITS, cleaned):
        try:
            return Decimal(cleaned.replace(",", ""))
        except InvalidOperation:
            return None
    words = tables()["words"]
    hundred = cleaned.endswith(" hundred") and cleaned != "a hundred" and cleaned != "one hundred"
    if hundred:
        cleaned = cleaned[: -len(" hundred")].strip()
    if cleaned in words:
        value = Decimal(str(words[cleaned]))
    else:
        parts = re.split(r"[- ]", cleaned)
        if len(parts) != 2 or parts[0] not in words or parts[1] not in words:
            return None
        value = Decimal(str(words[parts[0]])) + Decimal(str(words[parts[1]]))
    return value * 100 if hundred else value


@lru_cache(maxsize=1)
def _qualifier_regex() -> re.Pattern[str]:
    qualifiers = tables()["qualifiers"]
    return re.compile(rf"(?:^|(?<=[\s(\[,\"“]))({alternation(qualifiers)})\s*$", re.IGNORECASE)


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
