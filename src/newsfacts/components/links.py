"""``newsfacts_links``: what each money and percent figure is about (gold spec, "Links").

Runs after the fact components and reads only their records (offsets, the org facts'
``canonical``) and the base model's parse. For each figure it sets:

- ``change`` (percent): the change verb or noun that governs it ("rose 5%", "a 5%
  drop", "a growth of 5%", "grew at a rate of 5%") or a word beside it ("up 5%", "5%
  lower"); a percentage reached *to*, *from* or *at* is a level, not a change;
- ``basis`` (percent with a change): each basis cue of a sentence ("year-on-year",
  "from a year earlier", "compared with the previous quarter") goes to the nearest
  percentage;
- ``period``: the date fact of the same sentence nearest in the dependency tree,
  skipping dates a change is compared with ("than in 2022"), days on which something
  was said ("said on Tuesday") and dates inside the figure's own complement ("5% of
  last year's total");
- ``subject``: the organisation whose figure it is — the possessor or compound of its
  noun ("X's revenue", "X shares"), "sales at/on/of X", "a stake held by X", the
  subject of the clause that governs it ("X earned …", "X saw sales rise …", "X plans
  to invest …"), the object of a penalty or valuation verb ("fined X …"); "its",
  "whose" and "the company" stand for the nearest organisation before them. An
  attribution source ("according to X", "data from X", "told X") is never the owner.

Every cue list is data (``models/data/link_cues.json``). Weak evidence leaves a field
null: a wrong link is worse than none. An amount's stated equivalent
(``equivalent_of``, set by the money component) shares its amount's links.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import document_text
from .base import FactComponent
from ..resources import TableComponent, read_json

FIGURES = ("money", "percent")
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "iobj", "oprd"})
NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod"})
MAX_HOPS = 12
MAX_CLAUSES = 3


def phrase_regex(phrases: Iterable[str]) -> str:
    r"""An alternation of phrases, longest first; a space or hyphen in a phrase matches any run of them.

    >>> bool(re.fullmatch(phrase_regex(["year on year"]), "year-on-year"))
    True
    """
    escaped = {re.escape(p).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]+") for p in phrases}
    return "|".join(sorted(escaped, key=lambda p: (-len(p), p)))


def word_forms(token: Token) -> set[str]:
    """The lemma, the lower-case form and naive stems of a token, so that a lemmatiser slip
    ("fined" → "fin") still finds the cue."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    for suffix, endings in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")), ("es", ("", "e")), ("s", ("",))):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.update(lower[: -len(suffix)] + ending for ending in endings)
    return forms


def _path_up(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 64:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up_a = {t.i: n for n, t in enumerate(_path_up(a))}
    for n, t in enumerate(_path_up(b)):
        if t.i in up_a:
            return n + up_a[t.i]
    return 10**6


class LinkCues:
    """The lookups built from ``link_cues.json``."""

    def __init__(self, cues: dict[str, Any]) -> None:
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
                rf"(?<![\w-])(?:(?:{comparison}|{near})\s+(?:[^\s.;,]+\s+){{0,3}}?(?:{reference})"
                rf"|{phrase_regex(table['standalone'])})(?![\w-])", re.I)))
        self.comparison_figure = re.compile(rf"\b(?:{comparison})\s*$", re.I)
        self.compared_gap = re.compile(r"\s*(?:,\s*or\s+[^,;]{1,40},)?\s*(?:(?:in|on|during|for|at)\s+)?(?:the\s+)?", re.I)
        filler = phrase_regex(cues["comparison_fillers"])
        self.comparison_before = re.compile(rf"\b(?P<word>{comparison})\s+(?:(?:{filler})\s+){{0,4}}$", re.I)
        self.not_period_before = re.compile(rf"\b(?:{phrase_regex(cues['not_period_before'])})\s+(?:(?:in|on|at|by)\s+)?$", re.I)
        self.near_before = re.compile(rf"\b(?:{near})\s+$", re.I)
        references = [r for table in cues["basis"].values() for r in table["references"]]
        self.reference_date = re.compile(rf"^(?:{phrase_regex(references)})$", re.I)
        self.attribution_verbs = set(cues["attribution_verbs"])
        self.object_owner_verbs = set(cues["object_owner_verbs"])
        self.perception_verbs = set(cues["perception_verbs"])
        self.reporting_verbs = set(cues["reporting_verbs"])
        self.period_verbs = set(cues["period_verbs"])
        self.attribution_nouns = set(cues["attribution_nouns"])
        self.figure_nouns = set(cues["figure_nouns"])
        self.owner_preps = set(cues["owner_preps"])
        self.noun_owner_preps = {noun: set(preps) for noun, preps in cues["noun_owner_preps"].items()}
        self.company_figure_nouns = set(cues["company_figure_nouns"])
        self.speaker_verbs = set(cues["speaker_verbs"])
        self.verb_owner_preps = set(cues["verb_owner_preps"])
        self.org_nouns = set(cues["org_nouns"])
        self.org_pronouns = set(cues["org_pronouns"])
        self.plural_pronouns = set(cues["plural_pronouns"])
        self.relative_pronouns = set(cues["relative_pronouns"])


def _is(token: Token, words: set[str]) -> bool:
    return not word_forms(token).isdisjoint(words)


def _way(token: Token, table: dict[str, str]) -> str | None:
    for form in word_forms(token):
        if form in table:
            return table[form]
    return None


class DocLinker:
    """Links the figures of one doc; holds the doc's organisation tokens."""

    def __init__(self, cues: LinkCues, doc: Doc, records: list[dict[str, Any]]) -> None:
        self.cues, self.doc, self.records = cues, doc, records
        self.text = document_text(doc)
        self.org_at: dict[int, dict[str, Any]] = {}
        for record in records:
            if record["type"] == "org":
                for token in self._span(record) or ():
                    self.org_at[token.i] = record

    def _span(self, record: dict[str, Any]) -> Span | None:
        return self.doc.char_span(record["start"], record["end"], alignment_mode="expand")

    def run(self) -> None:
        """Set the link fields of every money and percent record (in place)."""
        dates = [(r, s) for r in self.records if r["type"] == "date" for s in [self._span(r)] if s is not None]
        figures = [(r, s) for r in self.records if r["type"] in FIGURES for s in [self._span(r)] if s is not None]
        basis_of = self.basis(figures)
        compared = {r["start"] for r, s in figures if self._is_comparison_figure(s)}
        owned = {d["start"]: r["start"] for r, _ in figures for d, _ in dates if self._owns(r, d, r["start"] in compared)}
        for record, span in figures:
            mine = [(d, s) for d, s in dates if owned.get(d["start"], record["start"]) == record["start"]]
            if record["start"] in compared:  # "fell to $5 million from $7 million": only its own date
                mine = [(d, s) for d, s in mine if d["start"] in owned]
            record["period"] = self.period(span, mine)
            record["subject"] = self.subject(span)
            if record["type"] == "percent":
                record["change"] = self.change(span)
                record["basis"] = basis_of.get(record["start"]) if record["change"] else None
        by_start = {r["start"]: r for r, _ in figures if r["type"] == "money"}
        for record, _ in figures:
            primary = by_start.get(record.get("equivalent_of")) if record["type"] == "money" else None
            if primary is not None and primary is not record:
                record["period"], record["subject"] = primary["period"], primary["subject"]

    def _is_comparison_figure(self, span: Span) -> bool:
        """A figure a change is measured from ("from $7 million", "compared with 3%")."""
        before = self.text[max(span.sent.start_char, span.start_char - 40) : span.start_char]
        before = before[: len(before) - len(self.cues.qualifiers.search(before).group())]
        return bool(self.cues.comparison_figure.search(before))

    def _owns(self, figure: dict[str, Any], date: dict[str, Any], compared: bool) -> bool:
        """The date right after a figure is that figure's ("$97 million a year earlier"); a compared
        figure also owns "… in 1988" and ", or 81 cents a share, a year ago"."""
        if date["start"] < figure["end"]:
            return False
        gap = self.text[figure["end"] : date["start"]]
        return not gap.strip() or (compared and bool(self.cues.compared_gap.fullmatch(gap)))

    # --- change and basis --------------------------------------------------------------

    def change(self, span: Span) -> str | None:
        """``up``/``down`` when a change word governs the percentage or stands beside it."""
        text, cues = self.text, self.cues
        before = text[max(span.sent.start_char, span.start_char - 40) : span.start_char]
        before = before[: len(before) - len(cues.qualifiers.search(before).group())]
        after = text[span.end_char : min(span.sent.end_char, span.end_char + 20)]
        for way in ("up", "down"):
            if cues.before[way].search(before) or cues.after[way].search(after):
                return way
        return self._change_governor(span.root) or self._change_noun_after(span)

    def _change_governor(self, root: Token) -> str | None:
        """Climb from the percentage through at most one qualifying preposition to a change word."""
        token, prep = root, None
        for _ in range(4):
            head = token.head
            if head.i == token.i:
                return None
            if head.pos_ == "ADP" or head.dep_ in ("prep", "agent"):
                if prep is not None:
                    return None
                prep, token = head.lower_, head
                continue
            if prep is not None and prep not in self.cues.change_preps:
                if prep == "of" and head.pos_ in NOMINAL:
                    return _way(head, self.cues.change_nouns) or (self._rate_change(head) if _is(head, self.cues.rate_nouns) else None)
                return None
            if head.pos_ in VERBAL:
                return _way(head, self.cues.change_verbs)
            if head.pos_ in NOMINAL and token.dep_ in ("compound", "nummod", "amod", "nmod", "npadvmod", "quantmod"):
                if head.lower_ in self.cues.basis_units and prep is None:
                    token = head  # "rose 3% year on year", parsed as "3% year" → rose
                    continue
                return _way(head, self.cues.change_nouns)
            return None
        return None

    def _rate_change(self, rate: Token) -> str | None:
        """"a growth rate of 5%", "grew at a pace of 5%": the rate's own noun or verb gives the way."""
        for child in rate.children:
            if child.dep_ in ("compound", "amod") and _way(child, self.cues.change_nouns):
                return _way(child, self.cues.change_nouns)
        head = rate.head
        if rate.dep_ == "pobj" and head.lower_ == "at" and head.head.pos_ in VERBAL:
            return _way(head.head, self.cues.change_verbs)
        return None

    def _change_noun_after(self, span: Span) -> str | None:
        """"a 10.5 percent year-on-year growth": a change noun a few words on, in the same phrase."""
        for token in self.doc[span.end : min(span.sent.end, span.end + 5)]:
            if token.pos_ in NOMINAL and _way(token, self.cues.change_nouns):
                return _way(token, self.cues.change_nouns)
            if (token.is_punct and token.text != "-") or token.pos_ in VERBAL or token.pos_ == "ADP":
                return None
        return None

    def basis(self, figures: list[tuple[dict[str, Any], Span]]) -> dict[int, str]:
        """Basis per percentage (by start offset): each cue goes to the nearest percentage of its sentence."""
        by_sentence: dict[int, list[tuple[dict[str, Any], Span]]] = {}
        for record, span in figures:
            if record["type"] == "percent":
                by_sentence.setdefault(span.sent.start, []).append((record, span))
        out: dict[int, str] = {}
        for items in by_sentence.values():
            sent = items[0][1].sent
            for basis, pattern in self.cues.basis_patterns:
                for match in pattern.finditer(self.text, sent.start_char, sent.end_char):
                    def gap(item: tuple[dict[str, Any], Span]) -> tuple[int, int]:
                        record = item[0]
                        if record["end"] <= match.start():
                            return (match.start() - record["end"], 0)
                        return (max(0, record["start"] - match.end()), 1)

                    out.setdefault(min(items, key=gap)[0]["start"], basis)
        return out

    # --- period ---------------------------------------------------------------------------

    def period(self, span: Span, dates: list[tuple[dict[str, Any], Span]]) -> list[int] | None:
        """The date fact of the sentence nearest in the tree, skipping comparison and reporting dates."""
        complement = self._complement_tokens(span)
        best, best_key = None, None
        for date, date_span in dates:
            if date_span.sent.start != span.sent.start or any(t.i in complement for t in date_span):
                continue
            if (self._is_comparison_date(date, date_span) or self._is_reporting_date(date, date_span, span)
                    or self._in_other_modifier(date_span.root, span.root)):
                continue
            key = (tree_distance(span.root, date_span.root), abs(date_span.start - span.start))
            if best_key is None or key < best_key:
                best, best_key = date, key
        return [best["start"], best["end"]] if best is not None else None

    def _in_other_modifier(self, date: Token, figure: Token) -> bool:
        """A date that describes something else: inside a clause or apposition ("X, founded in 1999,
        reported …"; a period clause such as "the quarter ended June 30" does not count), the
        possessor of another noun ("over Thursday's close"), or a figure inside a relative clause
        the date is outside of ("X, which owns 50% of Y, earned … in 2022")."""
        above_figure = [t.i for t in _path_up(figure)]
        above_date = _path_up(date)
        common = next((t.i for t in above_date if t.i in set(above_figure)), None)
        if date.dep_ == "poss" and date.head.i not in above_figure:
            return True
        for token in above_date:
            if token.i == common:
                break
            if token.dep_ in ("relcl", "appos") or (token.dep_ == "acl" and not _is(token, self.cues.period_verbs)):
                return True
        for i in above_figure:
            if i == common:
                break
            if self.doc[i].dep_ == "relcl":
                return True
        return False

    @staticmethod
    def _complement_tokens(span: Span) -> set[int]:
        """Tokens under the figure's own "of"/"than" complements ("5% of last year's total")."""
        inside = range(span.start, span.end)
        return {
            t.i
            for token in span
            for child in token.children
            if child.i not in inside and child.dep_ == "prep" and child.lower_ in ("of", "than")
            for t in child.subtree
        }

    def _is_comparison_date(self, date: dict[str, Any], date_span: Span) -> bool:
        """A date a change is measured against ("than in 2022", "from those last year", "on last
        year") or that is no period of a figure ("due Oct. 15, 2030", "payable June 1")."""
        before = self.text[max(date_span.sent.start_char, date["start"] - 40) : date["start"]]
        if self.cues.not_period_before.search(before):
            return True
        match = self.cues.comparison_before.search(before)
        if match and (match.group("word").lower() != "from" or date.get("granularity") != "range"):
            return True
        return bool(self.cues.near_before.search(before)) and bool(self.cues.reference_date.match(date["text"].strip()))

    def _is_reporting_date(self, date: dict[str, Any], date_span: Span, figure: Span) -> bool:
        """The day something was said or published ("said on Tuesday", "data released on Friday")."""
        if date.get("granularity") not in ("day", "week"):
            return False
        for head in list(date_span.root.ancestors)[:3]:
            if head.pos_ in VERBAL:
                return _is(head, self.cues.reporting_verbs) and (
                    figure.root not in head.subtree or head.dep_ in ("acl", "relcl") or self._is_clausal_object(figure.root, head)
                )
        return False

    @staticmethod
    def _is_clausal_object(token: Token, verb: Token) -> bool:
        """True when ``token`` sits in a clause that ``verb`` reports ("said [that revenue rose 5%]")."""
        for ancestor in token.ancestors:
            if ancestor.head.i == verb.i:
                return ancestor.dep_ in ("ccomp", "xcomp", "advcl") or ancestor.pos_ in VERBAL
        return False

    # --- subject --------------------------------------------------------------------------

    def subject(self, span: Span) -> str | None:
        """The canonical name of the organisation that owns the figure, or None."""
        root = span.root
        if root.i in self.org_at:
            return None  # a figure inside an organisation's name
        inside = range(span.start, span.end)
        for token in span:
            for child in token.children:
                if child.i in inside:
                    continue
                if child.dep_ == "poss" or (token.i == root.i and child.dep_ in NOUN_MODIFIERS and child.i in self.org_at):
                    owner = self._owner_word(child)
                    if owner:
                        return owner
        token = root
        for _ in range(MAX_HOPS):
            head = token.head
            if head.i == token.i:
                return None
            if head.pos_ in VERBAL:
                return self._clause_owner(head, token, 0, controlled=False)
            if head.pos_ not in ("ADP", "PART", "CCONJ", "PUNCT", "DET"):
                owner = self._noun_owner(head, skip=token)
                if owner:
                    return owner
                if head.dep_ in ("relcl", "acl"):
                    return None
            token = head
        return None

    def _clause_owner(self, verb: Token, via: Token, depth: int, controlled: bool) -> str | None:
        """Owner from a clause: a penalty verb's object, the subject or agent, "at X", or the clause above.

        ``controlled``: reached from an xcomp, whose subject is this verb's ("X plans to invest …"),
        so even an attribution verb's subject owns the figure."""
        if depth > MAX_CLAUSES:
            return None
        cues = self.cues
        if _is(verb, cues.object_owner_verbs):
            for child in verb.children:
                if child.dep_ in OBJECTS and child.i != via.i:
                    owner = self._np_owner(child)
                    if owner:
                        return owner
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if controlled or not _is(verb, cues.attribution_verbs):
            for noun in (*agents, *subjects):
                owner = self._np_owner(noun)
                if owner:
                    return owner
            if any(self._is_bare_company_figure(noun) for noun in subjects):
                owner = self._speaker(verb)
                if owner:
                    return owner
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in cues.verb_owner_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i in self.org_at and not self._is_source(pobj):
                        return self.org_at[pobj.i]["canonical"]
        head = verb.head
        if verb.dep_ in ("ccomp", "xcomp") and _is(head, cues.perception_verbs):
            return self._clause_owner(head, verb, depth + 1, controlled=False)
        if subjects or agents:
            return None
        if verb.dep_ in ("xcomp", "conj") and head.pos_ in VERBAL:
            return self._clause_owner(head, verb, depth + 1, controlled=verb.dep_ == "xcomp" or controlled)
        if verb.dep_ in ("relcl", "acl") and head.pos_ in NOMINAL:
            return self._np_owner(head)
        return None

    def _is_bare_company_figure(self, noun: Token) -> bool:
        """"revenue", "net profit" with no owner of their own: a company's figure whose company the
        clause's speaker names ("X said revenue rose 5%")."""
        if not _is(noun, self.cues.company_figure_nouns):
            return False
        return all(
            c.dep_ in ("det", "amod", "prep", "punct") and c.pos_ != "PROPN" and c.lower_ not in ("a", "an")
            or c.dep_ == "compound" and c.pos_ == "NOUN"
            for c in noun.children
        )

    def _speaker(self, verb: Token) -> str | None:
        """The organisation that says or reports a clause, whether the clause hangs under its verb
        ("X said revenue rose") or the verb under the clause ("Revenue rose, X said")."""
        candidates = [c for c in verb.children if c.dep_ in ("parataxis", "ccomp", "advcl")]
        if verb.dep_ in ("ccomp", "parataxis"):
            candidates.append(verb.head)
        for speech in candidates:
            if speech.pos_ not in VERBAL or not _is(speech, self.cues.speaker_verbs):
                continue
            for noun in speech.children:
                if noun.dep_ == "nsubj" and noun.i in self.org_at and not self._is_source(noun):
                    return self.org_at[noun.i]["canonical"]
        return None

    def _np_owner(self, noun: Token, depth: int = 0, loose: bool = False) -> str | None:
        """Owner named by a noun phrase: the organisation itself, a pronoun or "the company" standing
        for one, or an organisation attached to the noun."""
        if depth > 2:
            return None
        if noun.i in self.org_at:
            return None if self._is_source(noun) else self.org_at[noun.i]["canonical"]
        if noun.pos_ == "PRON" or noun.lower_ in self.cues.org_pronouns or noun.lower_ in self.cues.relative_pronouns:
            return self._resolve_pronoun(noun)
        if _is(noun, self.cues.attribution_nouns):
            return None
        owner = self._noun_owner(noun, depth, loose=loose)
        if owner:
            return owner
        return self._generic_org_noun(noun)

    def _noun_owner(self, noun: Token, depth: int = 0, skip: Token | None = None, loose: bool = False) -> str | None:
        """Owner attached to a noun: possessor; for figure nouns also a compound, "of/at/on/for/by X",
        a participle's "by/on X" ("sales made on X", "a stake held by X") and the owner of "N of
        <figure noun>". ``loose`` accepts a compound organisation on any noun ("on the X platform")."""
        cues = self.cues
        figure_noun = _is(noun, cues.figure_nouns)
        skip_i = skip.i if skip is not None else -1
        for child in noun.children:
            if child.i == skip_i:
                continue
            owner = None
            if child.dep_ == "poss":
                owner = self._owner_word(child)
            elif child.dep_ in NOUN_MODIFIERS and child.i in self.org_at and (figure_noun or loose):
                owner = None if self._is_source(child) else self.org_at[child.i]["canonical"]
            elif child.dep_ == "prep" and figure_noun and (
                child.lower_ in cues.owner_preps or child.lower_ in cues.noun_owner_preps.get(noun.lower_, ())
            ):
                owner = self._prep_owner(child, depth)
            elif child.dep_ == "acl" and figure_noun:
                for prep in child.children:
                    if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in cues.owner_preps):
                        owner = owner or self._prep_owner(prep, depth)
            if owner:
                return owner
        if figure_noun or noun.dep_ in SUBJECTS:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i != skip_i:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and _is(pobj, cues.figure_nouns) and depth < 2:
                            owner = self._noun_owner(pobj, depth + 1)
                            if owner:
                                return owner
        return None

    def _prep_owner(self, prep: Token, depth: int) -> str | None:
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                owner = self._np_owner(pobj, depth + 1, loose=True)
                if owner:
                    return owner
        return None

    def _owner_word(self, token: Token) -> str | None:
        """A possessor: an organisation, or a pronoun or "the company" standing for one."""
        if token.i in self.org_at:
            return None if self._is_source(token) else self.org_at[token.i]["canonical"]
        if token.lower_ in self.cues.org_pronouns or token.lower_ in self.cues.relative_pronouns:
            return self._resolve_pronoun(token)
        return self._generic_org_noun(token)

    def _generic_org_noun(self, noun: Token) -> str | None:
        """"the company", "the retailer": the nearest organisation before it in the sentence."""
        if _is(noun, self.cues.org_nouns) and noun.tag_ != "NNS" and any(c.lower_ in ("the", "this") for c in noun.children):
            return self._nearest_org_before(noun)
        return None

    def _resolve_pronoun(self, token: Token) -> str | None:
        """"whose"/"which" → the organisation the relative clause modifies; "its"/"it" → the
        nearest organisation before; plural pronouns are left alone."""
        lower = token.lower_
        if lower in self.cues.relative_pronouns:
            for ancestor in token.ancestors:
                if ancestor.dep_ == "relcl":
                    head = ancestor.head
                    if head.i in self.org_at and not self._is_source(head):
                        return self.org_at[head.i]["canonical"]
                    return None
            return None
        if lower in self.cues.plural_pronouns or lower not in self.cues.org_pronouns:
            return None
        return self._nearest_org_before(token)

    def _nearest_org_before(self, token: Token) -> str | None:
        """The last organisation before ``token`` in its sentence that is not an attribution source."""
        sent = token.sent
        for candidate in reversed(self.doc[sent.start : token.i]):
            if candidate.i in self.org_at and not self._is_source(candidate):
                return self.org_at[candidate.i]["canonical"]
        return None

    def _is_source(self, token: Token) -> bool:
        """An organisation named as the source of a figure: "according to X", "data from X",
        "X data", "told X", "sent to X"."""
        node = token
        while node.head.i != node.i and node.head.i in self.org_at and self.org_at[node.head.i] is self.org_at[token.i]:
            node = node.head
        head = node.head
        if node.dep_ in ("compound", "nmod", "poss") and _is(head, self.cues.attribution_nouns):
            return True
        if node.dep_ == "pobj":
            governor = head.head
            if head.lower_ == "to" and governor.lower_ == "according":
                return True
            if head.lower_ in ("from", "by", "of", "at") and _is(governor, self.cues.attribution_nouns):
                return True
            if head.lower_ == "to" and governor.pos_ in VERBAL and _is(governor, self.cues.reporting_verbs):
                return True
        return node.dep_ in ("dative", "dobj") and _is(head, {"tell", "quote", "cite"})


class LinkResolver(FactComponent, TableComponent):
    """Sets ``period``, ``subject``, ``change`` and ``basis`` on the figure records of a doc."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"link_cues": read_json("link_cues.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        self.cues = LinkCues(self.tables["link_cues"])

    def process(self, doc: Doc) -> Doc:
        records = [dict(r) for r in (doc._.fact_records or [])]
        if any(r["type"] in FIGURES for r in records):
            DocLinker(self.cues, doc, records).run()
            doc._.fact_records = records
        return doc


@Language.factory("newsfacts_links")
def make_links(nlp: Language, name: str) -> LinkResolver:
    return LinkResolver(nlp, name)
