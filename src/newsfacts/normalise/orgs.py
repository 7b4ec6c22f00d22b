"""Organisation spans: trimming a candidate span to the name the spec counts.

``trim`` removes what the spec keeps outside an org span (a leading "the", a
possessive "'s" or bare "'", line breaks and the header words after them, stray
punctuation). Grouping mentions is ``org_coref``'s job; deciding whether a name is
an organisation at all is ``org_typing``'s.
"""

from __future__ import annotations

import re

POSSESSIVE = re.compile(r"(?:'s|’s|(?<=s)'|(?<=s)’)$")
TRAILING = set(" \t\"“”‘,;:)]")
ABBREVIATION_END = re.compile(r"(?:\b(?i:Co|Ltd|Inc|Corp|Bhd|Jr|Bros|Pte|Pty|Pvt|Cos|Cie|Ltda)|\b[A-Z])\.$")


def trim(text: str, start: int) -> tuple[int, int] | None:
    """The name inside a candidate span (absolute offsets), or ``None`` if none is left.

    >>> trim("the Global Times's", 10)
    (14, 26)
    >>> trim("Xinhua\\nEditor", 0)
    (0, 6)
    >>> trim("Barclays'", 0)
    (0, 8)
    >>> trim("  ,", 0) is None
    True
    """
    first_line = text.split("\n", 1)[0]
    end = start + len(first_line)
    body = first_line
    leading = re.match(r"^(?:[\s\"'“”‘’(\[]|the\s+|The\s+)+", body)
    if leading:
        start += leading.end()
        body = body[leading.end():]
    while body and (body[-1] in TRAILING or (body[-1] == "." and not ABBREVIATION_END.search(body))):
        body = body[:-1]
        end -= 1
    possessive = POSSESSIVE.search(body)
    if possessive:
        end -= len(possessive.group())
        body = body[: possessive.start()]
    if len(body.strip()) < 2 or body.lower() == "the":
        return None
    return start, end
