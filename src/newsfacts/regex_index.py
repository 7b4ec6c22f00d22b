"""Large table-built regexes matched faster, with exactly the matches of ``finditer``.

The date grammar, the money pattern and the percent pattern are alternations of
hundreds of table words. Python's ``re`` tries every branch at every position, and
those scans were a third of the pipeline's own time. Two indexes cut the work without
changing a single match:

- ``BranchIndex``: the branches a match can begin with are known from their first
  character ("the", "3", "Sept."), so each position is tried only with the branches
  that can start there.
- ``AnchoredPattern``: every match contains a required word (a percent unit), so only
  the positions shortly before one of those words are tried.

Both rely on ``first_characters``, read from the regex's own parse tree; where it
cannot tell (a ``\\w`` class, a back-reference) a branch counts as starting anywhere,
so the index is never narrower than the regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]  # the parser re itself uses
from re import _parser as sre_parse  # type: ignore[attr-defined]

# A character class wider than this is treated as "any character".
WIDEST_RANGE = 2000


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with; None when any character
    can (or when the parse tree says something this reader does not follow). Zero-width
    assertions are skipped, which only ever widens the answer. ``\\d`` adds the ASCII
    digits and the marker ``"\\d"`` (Unicode digits are matched by the caller).

    >>> sorted(first_characters(r"(?:jan|feb)\\b"))
    ['f', 'j']
    >>> sorted(first_characters(r"(?<!\\w)(?:the\\s)?Q[1-4]"))
    ['Q', 't']
    >>> first_characters(r"\\w+ Inc") is None
    True
    >>> first_characters(r"(?:x)?") is None  # a pattern that can match nothing
    True
    """
    try:
        tree = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    chars, nullable = _first(list(tree))
    return None if chars is None or nullable else frozenset(chars)


def _first(items: list) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of parse items, and whether it can match nothing."""
    chars: set[str] = set()
    for op, arg in items:
        found, nullable = _first_item(op, arg)
        if found is None:
            return None, False
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


def _first_item(op, arg) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(arg)}, False
    if op is sre.IN:
        return _class_characters(arg), False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = arg
        return (None, False) if add_flags or del_flags else _first(list(items))
    if op is sre.BRANCH:
        chars, nullable = set(), False
        for branch in arg[1]:
            found, empty = _first(list(branch))
            if found is None:
                return None, False
            chars, nullable = chars | found, nullable or empty
        return chars, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _high, items = arg
        found, empty = _first(list(items))
        return (None, False) if found is None else (found, empty or low == 0)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _first(list(arg))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True
    return None, False  # ANY, NOT_LITERAL, GROUPREF, a conditional …


def _class_characters(items) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] <= WIDEST_RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        elif op is sre.CATEGORY and arg is sre.CATEGORY_DIGIT:
            chars.update("0123456789")
            chars.add("\\d")
        else:
            return None  # a negated class, \w, \s, a very wide range
    return chars


def _case_variants(chars: frozenset[str], flags: int) -> frozenset[str]:
    """Every character the class of ``chars`` matches under ``flags``, asked of ``re`` itself
    (with ``re.IGNORECASE``, "s" also matches "ſ" and "k" the Kelvin sign). Only the Basic
    Multilingual Plane is asked: no character beyond it folds to one of the BMP.

    >>> _case_variants(frozenset("k"), re.IGNORECASE) == {"k", "K", "\\u212a"}
    True
    """
    if not flags & re.IGNORECASE:
        return chars
    return chars | frozenset(re.findall(_character_class(chars), _basic_plane(), flags))


@lru_cache(maxsize=1)
def _basic_plane() -> str:
    return "".join(map(chr, range(0x10000)))


def _character_class(chars: frozenset[str]) -> str:
    digits = r"\d" if "\\d" in chars else ""
    return "[" + digits + "".join(re.escape(c) for c in sorted(chars - {"\\d"})) + "]"


class BranchIndex:
    """``re.compile(before + "(?:" + "|".join(branches) + ")", flags)``, tried at each
    position only with the branches that can begin with the character there.

    >>> index = BranchIndex([r"(?P<m>may|june)", r"(?P<n>\\d+)"], re.IGNORECASE, before=r"(?<!\\w)")
    >>> [(m.lastgroup, m.group()) for m in index.finditer("In June, 12 of them; dismay")]
    [('m', 'June'), ('n', '12')]

    A match comes from the regex of its branch group, which lacks the other branches'
    groups: read it with ``groupdict``, which has them all.

    >>> index.groupdict(next(index.finditer("12")))
    {'m': None, 'n': '12'}
    """

    def __init__(self, branches: list[str], flags: int = 0, before: str = "") -> None:
        self.pattern = re.compile(rf"{before}(?:{'|'.join(branches)})", flags)
        firsts = [first_characters(branch, flags) for branch in branches]
        firsts = [None if chars is None else _case_variants(chars, flags) for chars in firsts]
        anywhere = [i for i, chars in enumerate(firsts) if chars is None]
        alphabet = frozenset().union(*(chars for chars in firsts if chars is not None))
        compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

        def subset(indices: tuple[int, ...]) -> re.Pattern[str]:
            if indices not in compiled:
                compiled[indices] = re.compile(rf"{before}(?:{'|'.join(branches[i] for i in indices)})", flags)
            return compiled[indices]

        self._by_char = {
            char: subset(tuple(i for i, chars in enumerate(firsts) if chars is None or char in chars))
            for char in alphabet if char != "\\d"
        }
        start = r"(?s:.)" if anywhere else _character_class(alphabet)
        self._starts = re.compile(rf"{before}{start}", flags)
        self._no_groups = dict.fromkeys(self.pattern.groupindex)

    def groupdict(self, match: re.Match[str]) -> dict[str, str | None]:
        """Every named group of the whole regex, None where the match's branch has none."""
        return {**self._no_groups, **match.groupdict()}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        end = 0
        for candidate in self._starts.finditer(text):
            position = candidate.start()
            if position < end:
                continue
            # A character outside the table (a Unicode digit, a case-folded "ſ") takes the whole regex.
            match = self._by_char.get(text[position], self.pattern).match(text, position)
            if match is not None:
                end = match.end() if match.end() > position else position + 1
                yield match


class AnchoredPattern:
    """A regex whose every match contains ``anchor`` and starts at most ``reach``
    characters before it: only those stretches are tried, in text order, with the
    leftmost-first, non-overlapping matches of ``pattern.finditer``.

    >>> units = AnchoredPattern(r"(?<!\\w)\\d+(?:\\.\\d+)?\\s?(?:%|percent)", r"%|percent", re.IGNORECASE, reach=40)
    >>> [m.group() for m in units.finditer("Up 5 PERCENT, then 2.5% and 7 points")]
    ['5 PERCENT', '2.5%']
    """

    def __init__(self, pattern: str, anchor: str, flags: int = 0, reach: int = 120) -> None:
        self.pattern = re.compile(pattern, flags)
        self.anchor = re.compile(anchor, flags)
        self.reach = reach
        # A plain character class without flags is scanned by re's fast loop; the anchor
        # regex is then tried only where it can begin.
        anchor_firsts = first_characters(anchor, flags)
        self._anchor_starts = None if anchor_firsts is None else re.compile(_character_class(_case_variants(anchor_firsts, flags)))
        firsts = first_characters(pattern, flags)
        start = r"(?s:.)" if firsts is None else _character_class(_case_variants(firsts, flags))
        self._starts = re.compile(start, flags)

    def _anchors(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``anchor.finditer(text)``."""
        if self._anchor_starts is None:
            yield from self.anchor.finditer(text)
            return
        end = 0
        for candidate in self._anchor_starts.finditer(text):
            if candidate.start() >= end and (anchor := self.anchor.match(text, candidate.start())) is not None:
                end = max(anchor.end(), candidate.start() + 1)
                yield anchor

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        end = tried = 0  # a position tried once without a match never matches later
        for anchor in self._anchors(text):
            if anchor.end() <= end:
                continue
            low, tried = max(end, tried, anchor.start() - self.reach), anchor.start() + 1
            for candidate in self._starts.finditer(text, low, tried):
                position = candidate.start()
                if position < end:
                    continue
                match = self.pattern.match(text, position)
                if match is not None:
                    end = match.end() if match.end() > position else position + 1
                    yield match
