"""Organisation names: trimming a span to the name, and grouping an article's mentions.

``trim`` removes what the spec keeps outside an org span (a leading "the", a
possessive "'s", line breaks and the header words after them, stray punctuation).
``cluster`` groups the mentions of one organisation — aliases from the gazetteer
("JD" / "JD.com"), the same name with a legal or industry suffix ("Alibaba" /
"Alibaba Group", "Haina Zhongpin" / "Guangxi Haina Zhongpin Technology Co., Ltd."),
spelling variants (rapidfuzz) — and names each group by its fullest form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

POSSESSIVE = re.compile(r"(?:'s|’s)$")
TRAILING = set(" \t\"“”‘,;:)]")
ABBREVIATION_END = re.compile(r"(?:\b(?:Co|Ltd|Inc|Corp|Bhd|Jr|Bros|Pte|Cos)|\b[A-Z])\.$")
FUZZY_SAME = 94


def trim(text: str, start: int) -> tuple[int, int] | None:
    """The name inside a candidate span (absolute offsets), or ``None`` if none is left.

    >>> trim("the Global Times's", 10)
    (14, 26)
    >>> trim("Xinhua\\nEditor", 0)
    (0, 6)
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


def fold(name: str) -> str:
    """Case-, punctuation- and space-folded form for comparing names."""
    return re.sub(r"[\W_]+", " ", name.lower()).strip()


@dataclass
class Cluster:
    """The mentions of one organisation in one article."""

    names: list[str] = field(default_factory=list)
    entry: str | None = None

    @property
    def canonical(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def _suffix_extension(short: str, long: str, suffixes: set[str]) -> bool:
    """True when ``long`` is ``short`` plus suffix words (and at most two leading words)."""
    short_words, long_words = short.split(), long.split()
    for offset in range(0, min(3, len(long_words) - len(short_words) + 1)):
        if long_words[offset : offset + len(short_words)] == short_words:
            rest = long_words[offset + len(short_words):]
            rest_text = " ".join(rest)
            if rest and all(word.strip(",.") in suffixes or rest_text in suffixes for word in rest):
                return True
    return False


def cluster(names: list[str], entry_of: dict[str, str], suffixes: set[str]) -> dict[str, str]:
    """Map each distinct name to its canonical name within one article.

    >>> cluster(["Alibaba", "Alibaba Group", "Tmall"], {}, {"Group"})
    {'Alibaba': 'Alibaba Group', 'Alibaba Group': 'Alibaba Group', 'Tmall': 'Tmall'}
    """
    clusters: list[Cluster] = []
    for name in dict.fromkeys(names):
        entry = entry_of.get(name)
        home = None
        for group in clusters:
            if entry is not None and group.entry == entry:
                home = group
                break
            if any(_suffix_extension(name, other, suffixes) or _suffix_extension(other, name, suffixes)
                   or fuzz.ratio(fold(name), fold(other)) >= FUZZY_SAME for other in group.names):
                home = group
                break
        if home is None:
            clusters.append(Cluster([name], entry))
        else:
            home.names.append(name)
            home.entry = home.entry or entry
    return {name: group.canonical for group in clusters for name in group.names}
