"""Find many literal names in a text quickly.

A regex alternation of thousands of names makes the regex engine try every name at
every position. ``NameIndex`` looks names up by their first characters at each word
start instead, so the cost grows with the words of the text, not with the size of the
gazetteer. Matches obey the same boundaries the org component wants: not inside a
word, a handle, a hashtag or a hyphenated word, and not followed by a letter, a digit,
a hyphen or ".x" ("JD" is not found in "JD.com").
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

KEY = 3
AFTER = re.compile(r"[\w-]|\.\w")


class NameIndex:
    """Literal names, longest first at each position.

    >>> index = NameIndex(["JD", "JD.com", "Ant Group", "Ant", "eBay", "&Partners"])
    >>> [m for m in index.finditer("JD.com and Ant Group, not Antler or #Ant; eBay and &Partners")]
    [(0, 6, 'JD.com'), (11, 20, 'Ant Group'), (42, 46, 'eBay'), (51, 60, '&Partners')]
    """

    def __init__(self, names: Iterable[str]) -> None:
        buckets: dict[str, set[str]] = {}
        for name in set(n for n in names if n):
            buckets.setdefault(name[:KEY], set()).add(name)
        # per key: the lengths of its names, longest first, and the names, so that each
        # position costs one lookup per length rather than a comparison per name
        self.by_key = {key: (sorted({len(n) for n in bucket}, reverse=True), bucket) for key, bucket in buckets.items()}
        # only words that can open a name are looked up: most words of a text are lowercase
        openers = sorted({key[:2] for key in self.by_key if not (key[0].isupper() or key[0].isdigit())})
        self.word_start = re.compile(r"(?<![\w@#-])(?=[A-Z0-9]" + "".join(f"|{re.escape(o)}" for o in openers) + ")")

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, name)`` of non-overlapping matches, left to right, longest first."""
        position = 0
        for word in self.word_start.finditer(text):
            start = word.start()
            if start < position:
                continue
            for key_length in range(KEY, 0, -1):
                entry = self.by_key.get(text[start:start + key_length])
                if entry is None:
                    continue
                lengths, names = entry
                match = next((text[start:start + n] for n in lengths
                              if text[start:start + n] in names and not AFTER.match(text, start + n)), None)
                if match is not None:
                    position = start + len(match)
                    yield start, position, match
                    break
