"""The regex indexes find exactly what the plain regexes find: same spans, same groups,
on generated text that mixes the grammar's own words with ordinary prose."""

from __future__ import annotations

import random
import re

import pytest

from newsfacts.normalise import dates
from newsfacts.regex_index import AnchoredPattern, BranchIndex, first_characters
from newsfacts.resources import alternation, word_trie

WORDS = ("the company said on Tuesday , March 3 that sales rose 4.5 % to $ 12 million in the third quarter "
         "of 2023 from a year earlier ; about two and a half percent FY24 Q3 '90s mid-2025 last week "
         "between 5 and 7 per cent Sept. 30 1999-2000 the 1990s nineteen ninety-seven ſeptember "
         "\u0663 \u212aM pct basis points H1 2024 next year yesterday 30th of June").split()


def _texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", " ", " ", "", "-", "\n", ", "]
    return ["".join(rng.choice(WORDS) + rng.choice(glue) for _ in range(rng.randint(5, 60))) for _ in range(count)]


def _matches(found, index=None):
    return [(m.span(), index.groupdict(m) if index else {k: v for k, v in m.groupdict().items() if v is not None}) for m in found]


def test_the_date_grammar_index_matches_the_whole_regex():
    grammar = dates.grammar()
    for text in _texts(400):
        assert _matches(grammar.finditer(text), grammar) == _matches(grammar.pattern.finditer(text), grammar)


def test_the_percent_index_matches_the_whole_regex(nlp):
    index = nlp.get_pipe("newsfacts_percent").index
    for text in _texts(400, seed=11):
        assert _matches(index.finditer(text)) == _matches(index.pattern.finditer(text))


@pytest.mark.parametrize("words", [
    ["US$", "U", "$", "HK$", "hk $"],
    ["per cent", "percent", "pct", "p.c.", "pc"],
    ["Rs", "rs.", "R", "r", "Rp"],
    ["naira", "nairas", "N", "₦"],
])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_word_trie_matches_what_the_alternation_matches(words, flags):
    tree = re.compile(rf"(?<!\w)(?:{word_trie(words, ignorecase=bool(flags))})(?!\w)", flags)
    plain = re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", flags)
    text = " ".join(words + [w.upper() for w in words] + ["Rs.", "US $", "PC", "xR", "$$"])
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_case_folded_character_reaches_the_branches_of_its_letter():
    """Under IGNORECASE "ſ" matches "s" and the Kelvin sign "k": the index must try them."""
    index = BranchIndex([r"(?P<s>sept)", r"(?P<k>km)"], re.IGNORECASE)
    assert [m.group() for m in index.finditer("ſept \u212am")] == ["ſept", "\u212am"]


def test_a_unicode_digit_takes_the_whole_regex():
    index = BranchIndex([r"(?P<n>\d+)", r"(?P<w>one)"], before=r"(?<!\w)")
    assert [m.group() for m in index.finditer("\u0663\u0664 one")] == ["\u0663\u0664", "one"]


def test_a_branch_that_may_start_anywhere_is_tried_everywhere():
    assert first_characters(r"\w+ Ltd") is None
    index = BranchIndex([r"(?P<a>\w+ Ltd)", r"(?P<b>Q[1-4])"])
    assert [m.group() for m in index.finditer("Q3 for Acme Ltd")] == ["Q3", "Acme Ltd"]


def test_an_anchored_pattern_never_reads_past_its_reach():
    """The reach is a promise the caller makes: a match longer than it is not found."""
    anchored = AnchoredPattern(r"x+%", "%", reach=3)
    assert [m.group() for m in anchored.finditer("xx% xxxxxxx%")] == ["xx%", "xxx%"]
