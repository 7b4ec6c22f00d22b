"""The cue tables of the link decisions (``models/data/link_cues.json``), compiled once.

Every word list the link decisions read is data; this module only turns the lists
into sets, direction tables and regular expressions, and gives the two ways a token
is compared with a list (``has_form``, ``way_of``).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from spacy.tokens import Token


def phrase_regex(phrases: Iterable[str]) -> str:
    r"""An alternation of phrases, longest first; a space or hyphen in a phrase matches any run of them.

    >>> bool(re.fullmatch(phrase_regex(["year on year"]), "year-on-year"))
    True
    >>> bool(re.fullmatch(phrase_regex(["a year ago", "a year"]), "a year  ago"))
    True
    """
    escaped = {re.escape(p).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for p in phrases}
    return "|".join(sorted(escaped, key=lambda p: (-len(p), p)))


# A word between a comparison and its reference: no clause break, a decimal point allowed ("from $1.43 billion a year ago").
BASIS_WORD = r"(?:[^\s.;,]|(?<=\d)[.,](?=\d))+"
# A compared figure's restatement before the reference ("from $163 million, or $4.06 a share, a year earlier").
RESTATED = rf"(?:{BASIS_WORD},\s*or\s+(?:{BASIS_WORD}\s+){{0,5}}?{BASIS_WORD},?\s+)"


def surface_forms(lower: str, lemma: str) -> set[str]:
    """The lemma, the lower-case form and naive stems of a word, so that a lemmatiser slip
    ("fined" → "fin") still finds the cue.

    >>> sorted(surface_forms("fined", "fin"))
    ['fin', 'fine', 'fined']
    >>> sorted(surface_forms("it", "it"))
    ['it']
    """
    forms = {lemma.lower(), lower}
    for suffix, endings in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.update(lower[: -len(suffix)] + ending for ending in endings)
    return forms


def word_forms(token: Token) -> set[str]:
    """``surface_forms`` of a token."""
    return surface_forms(token.lower_, token.lemma_)


def has_form(token: Token, words: set[str]) -> bool:
    """True when any form of the token is in ``words``."""
    return not word_forms(token).isdisjoint(words)


def way_of(token: Token, table: dict[str, str]) -> str | None:
    """The value a direction table gives any form of the token (``up``/``down``), or None."""
    for form in word_forms(token):
        if form in table:
            return table[form]
    return None


class LinkCues:
    """The lookups built from ``link_cues.json``; ``figure_nouns`` adds the nouns of what figures
    measure (``metric_cues.json``), so that every such noun can carry its owner ("X's net")."""

    def __init__(self, cues: dict[str, Any], figure_nouns: Iterable[str] = ()) -> None:
        self.change_verbs = {w: way for way, words in cues["change_verbs"].items() for w in words}
        self.change_nouns = {w: way for way, words in cues["change_nouns"].items() for w in words}
        self.before = {way: re.compile(rf"\b(?:{phrase_regex(ws)})\s*$", re.I) for way, ws in cues["change_words_before"].items()}
        self.after = {way: re.compile(rf"^\s*(?:{phrase_regex(ws)})\b", re.I) for way, ws in cues["change_words_after"].items()}
        self.qualifiers = re.compile(rf"(?:\b(?:{phrase_regex(cues['qualifiers'])})\s+)*$", re.I)
        self.rate_nouns = set(cues["rate_nouns"])
        self.basis_units = set(cues["basis_units"])
        self.change_preps = set(cues["change_preps"])
        comparison = phrase_regex(cues["comparison_words"])
        near = phrase_regex(cues["comparison_words_near"])
        self.basis_patterns: list[tuple[str, re.Pattern[str]]] = []
        for basis, table in cues["basis"].items():
            reference = phrase_regex(table["references"])
            self.basis_patterns.append((basis, re.compile(
                rf"(?<![\w-])(?:(?:{comparison}|{near})\s+(?:{BASIS_WORD}\s+){{0,3}}?{RESTATED}?(?:{reference})"
                rf"|{phrase_regex(table['standalone'])})(?![\w-])", re.I)))
        multipliers = phrase_regex(cues["comparison_multipliers"])
        # "from $4 million", "compared with a year-earlier loss of $3 million", "from last year's $1.5 billion"
        self.comparison_figure = re.compile(
            rf"\b(?:{comparison})\s+(?:(?:[\w'’.-]+\s+){{0,5}}?of\s+|(?:[\w'’.-]+\s+){{0,2}}?[\w-]+['’]s\s+(?:[a-z-]+\s+){{0,2}}?)?$"
            rf"|\b(?:{comparison})\s*$"
            rf"|\b(?:{multipliers})\s+(?:the\s+)?$", re.I)  # "more than twice the $13 million"
        self.compared_gap = re.compile(r"\s*(?:,\s*or\s+[^,;]{1,40}?(?:,|(?=\s)))?\s*(?:(?:in|on|during|for|at)\s+)?(?:the\s+)?", re.I)
        filler = phrase_regex(cues["comparison_fillers"])
        self.comparison_before = re.compile(rf"\b(?P<word>{comparison})\s+(?:(?:{filler})\s+){{0,4}}$", re.I)
        self.not_period_before = re.compile(rf"\b(?:{phrase_regex(cues['not_period_before'])})\s+(?:(?:in|on|at|by)\s+)?$", re.I)
        self.near_before = re.compile(rf"\b(?:{near})\s+$", re.I)
        references = [r for table in cues["basis"].values() for r in table["references"]]
        self.reference_date = re.compile(rf"^(?:{phrase_regex(references)})$", re.I)
        self.attribution_verbs = set(cues["attribution_verbs"])
        self.literal_with_object = set(cues["literal_with_object"])
        self.object_owner_verbs = set(cues["object_owner_verbs"])
        self.perception_verbs = set(cues["perception_verbs"])
        self.reporting_verbs = set(cues["reporting_verbs"])
        self.period_verbs = set(cues["period_verbs"])
        self.attribution_nouns = set(cues["attribution_nouns"])
        self.figure_nouns = set(cues["figure_nouns"]) | {noun for noun in figure_nouns if " " not in noun}
        self.owner_preps = set(cues["owner_preps"])
        self.noun_owner_preps = {noun: set(preps) for noun, preps in cues["noun_owner_preps"].items()}
        self.company_figure_nouns = set(cues["company_figure_nouns"])
        self.result_item_nouns = frozenset(cues["result_item_nouns"])
        self.speaker_verbs = set(cues["speaker_verbs"])
        self.verb_owner_preps = set(cues["verb_owner_preps"])
        self.org_nouns = set(cues["org_nouns"])
        self.subsidiary_nouns = frozenset(cues["subsidiary_nouns"])
        self.org_pronouns = set(cues["org_pronouns"])
        self.plural_pronouns = set(cues["plural_pronouns"])
        self.relative_pronouns = set(cues["relative_pronouns"])
        self.venue_words = set(cues["venue_words"])
        self.transfer_verbs = set(cues["transfer_verbs"])
        self.target_nouns = set(cues["target_nouns"])
        self.source_org_words = set(cues["source_org_words"])
        self.company_name_words = set(cues["company_name_words"])
