"""``newsfacts_org``: organisations, each resolved to the fullest name the article uses.

The component gathers candidate spans and leaves each decision to a normaliser:

1. candidates, strongest first when they overlap: the gazetteer
   (``models/data/orgs.jsonl``, and ``orgs_indices.jsonl``: stock-index constituents;
   names that are also common words or places need a second signal), name shapes (``org_patterns.json``: legal and industry suffixes,
   institutional heads, media names, source lines and photo credits), context cues
   ("e-commerce giants such as X, Y and Z", "X-owned", "research firm X"), and the
   base NER's ORG spans;
2. each span is cut to the name (``normalise.orgs.trim``; people, possessor places
   and trailing place modifiers are cut off; two coordinated institutions split);
3. names that only the NER or a weak cue vouches for are typed
   (``normalise.org_typing``): people, places, products, metrics and beliefs are
   dropped; stock indexes, trade shows and a dateline's place are never names, and a
   name with a courtesy title ("Mr.") or among people in a list is a person's;
4. the other names of a list with an organisation in it are organisations too
   ("Ecobank, Stanbic and Absa"), and a name found once is found at its other
   mentions in the article;
5. mentions are grouped (``normalise.org_coref``): each gets the group's fullest
   name as ``canonical`` and a cross-article ``id``; the groups are also on
   ``doc._.org_clusters``.

All work is linear in the article: spans are looked up by offset, never compared
pairwise.
"""

from __future__ import annotations

import itertools
import re
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.attrs import IDX, IS_LOWER, IS_UPPER, ORTH
from spacy.tokens import Doc, Token

from ..extensions import add_facts, claimed_ranges, document_text
from ..facts import Org
from ..normalise.org_coref import CorefRules, initials, is_acronym, org_id, resolve, shortens
from ..normalise.org_typing import OrgTyping, country_names
from ..normalise.name_index import NameIndex
from ..normalise.orgs import ABBREVIATION_END, trim
from ..resources import TableComponent, alternation, read_json, read_jsonl, word_trie
from .base import FactComponent

GAZETTEER, LEGAL, SHAPE, STRONG_CUE, WEAK_CUE, NER = range(6)
FUNCTION_POS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "DET", "PRON", "INTJ", "PART", "AUX"})
PERSON_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "FAC"})
NOT_ORG_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "FAC", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT"})
# One way to match each word, so a failed match backtracks linearly: a word opening with
# digits splits at its first ASCII letter ("3M", "7-Eleven"), never at every letter.
NAME_WORD = r"(?:[A-Z][\w&'’.-]*|[a-z]{1,3}[A-Z][\w.-]*|\d(?:[^\WA-Za-z]|-)*+[A-Za-z][\w-]*)"
CONNECTOR = r"(?:of|for|and|&|de|del|des|du|da|do|di|van|von|the|on|in)"
FOREIGN_CONNECTOR = r"(?:de|del|della|delle|dei|di|do|da|dos|das|des|du|la|le|los|las|für)"
QUOTE_PAIRS = [("\"", "\""), ("“", "”"), ("‘", "’"), ("'", "'")]
QUOTE_WINDOW = 200
NAMED_THINGS = frozenset({"facility", "event", "programme", "product"})
EDGE_WORDS = frozenset({"of", "at", "from", "and", "the", "on", "'s", "’s"})
HEAD_OF = re.compile(r"\s+(?:of|for|de|du|des)\s+(?:the\s+)?[A-Z]")
SHARE_CLASS = re.compile(r"\s+Class\s+[A-Z]{1,2}\b")
"""A class of a company's shares after its name ("GM Class H"): the stock, not part of the name."""
INTERNAL_POSSESSIVE = re.compile(r"(?:'s|’s)\s+")
# "CEI (Italian Episcopal Conference)": the long form of an acronym, in brackets right after it
BRACKET_LONG_FORM = re.compile(rf"\s*\(\s*(?:the\s+)?(?P<name>{NAME_WORD}(?:\s+(?:{CONNECTOR}\s+)?{NAME_WORD}){{1,7}})\s*\)")
AFFILIATION = re.compile(r"[ \t]+of[ \t]+(?:[Tt]he[ \t]+)?(?P<name>[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*){0,3})(?![\w&-])")
CAMPUS_HEAD = re.compile(r"\bUniversity\s+of\s")
CAMPUS = re.compile(r"[ \t]+at[ \t]+(?P<place>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})(?![\w&-])")
COORDINATION = re.compile(r"\s+(?:and|&)\s+")
DATELINE_PLACE = re.compile(r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3})(?=[ \t]*(?:,|\(|--|—|–|-\s))")
LIST_ITEM = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
# three names or more, the last after "and"/"or" ("Ecobank, Stanbic and Absa"); at most 22, so that a
# long run of comma-separated words costs linear time
NAME_LIST = re.compile(rf"(?<![\w&'’-]){LIST_ITEM}(?:[ \t]*,[ \t]*{LIST_ITEM}){{1,20}},?[ \t]+(?:and|or)[ \t]+{LIST_ITEM}(?![\w&-])")
PLACE_MODIFIER = re.compile(r"(?:,\s*|\s+in\s+|\s+of\s+the\s+)(?P<place>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})$")


class _Context:
    """What the article itself says about names: people, NER labels, tokens by offset."""

    def __init__(self, doc: Doc, text: str, titled: re.Pattern[str]) -> None:
        self.person_names: set[str] = set()
        self.full_name_spans: set[tuple[int, int]] = set()
        # surnames the article gives a courtesy title ("Mr. Kerkorian"): a person's
        self.titled_surnames = {m.group("surname") for m in titled.finditer(text)}
        self.labels: dict[str, set[str]] = {}
        self.ner_orgs: list[tuple[int, int]] = []
        self.not_org_spans: set[tuple[int, int]] = set()
        self.person_place_spans: set[tuple[int, int]] = set()
        self.person_spans: set[tuple[int, int]] = set()
        self.listed_with_people: set[tuple[int, int]] = set()
        self.person_chars = bytearray(len(text))
        self.org_votes: dict[str, int] = {}
        self.other_votes: dict[str, int] = {}  # the NER's non-ORG labels of each string
        full_name_words: set[str] = set()
        lone_votes: dict[str, int] = {}
        for ent in doc.ents:
            if ent.label_ == "ORG":
                self.ner_orgs.append((ent.start_char, ent.end_char))
                self.org_votes[ent.text] = self.org_votes.get(ent.text, 0) + 1
                continue
            self.labels.setdefault(ent.text, set()).add(ent.label_)
            self.other_votes[ent.text] = self.other_votes.get(ent.text, 0) + 1
            if ent.label_ in NOT_ORG_LABELS:
                self.not_org_spans.add((ent.start_char, ent.end_char))
            if ent.label_ in PERSON_PLACE_LABELS:
                self.person_place_spans.add((ent.start_char, ent.end_char))
            if ent.label_ == "PERSON":
                self.person_spans.add((ent.start_char, ent.end_char))
                name = re.sub(r"(?:'s|’s)$", "", ent.text)
                self.person_names.add(name)
                words = [w for w in name.split() if w[:1].isupper() and len(w) > 1 and not is_acronym(w)]
                if len(name.split()) > 1:
                    full_name_words.update(words)
                    self.full_name_spans.add((ent.start_char, ent.end_char))
                for word in words:
                    lone_votes[word] = lone_votes.get(word, 0) + 1
                # 1 marks a one-word person span, 2 a full name
                mark = b"\x02" if len(name.split()) > 1 else b"\x01"
                self.person_chars[ent.start_char:ent.end_char] = mark * (ent.end_char - ent.start_char)
        # a part of a full name is a person's word whatever else the NER says; a lone word
        # only when the NER calls it a person at least as often as an organisation
        self.full_name_words = full_name_words
        self.person_words = full_name_words | {w for w, n in lone_votes.items() if n >= self.org_votes.get(w, 0)}
        # a region the NER names between commas before a lower-case noun ("the Blue Bell, Pa., concern")
        self.region_starts = {ent.start_char for ent in doc.ents
                              if ent.label_ == "GPE" and re.match(r",\s+[a-z]", text[ent.end_char:ent.end_char + 3])}
        # one pass over the token arrays: Token objects are made only when a rule asks
        offsets, lowercase, uppercase, orths = doc.to_array([IDX, IS_LOWER, IS_UPPER, ORTH]).T if len(doc) else ((),) * 4
        self.doc = doc
        self.token_index = {int(offset): i for i, offset in enumerate(offsets)}
        self.lowercase_words = {doc.vocab.strings[int(o)] for o, low in zip(orths, lowercase) if low}
        self.uppercase_tokens = [(int(offset), doc.vocab.strings[int(o)])
                                 for offset, o, up in zip(offsets, orths, uppercase) if up]
        self.accepted_by_word: dict[str, set[str]] = {}
        self.not_org_initials: set[str] = set()
        self.not_org_names: set[str] = set()  # names typed a vessel or a settlement somewhere

    def mostly_org(self, name: str) -> bool:
        """The NER calls the string an organisation more often than anything else in the article."""
        return self.org_votes.get(name, 0) > self.other_votes.get(name, 0)

    def person_or_place(self, start: int, end: int) -> bool:
        """The base NER calls exactly this span a person, place or nationality."""
        return (start, end) in self.person_place_spans

    def token(self, offset: int) -> Token | None:
        """The token starting at character ``offset``, if one does."""
        i = self.token_index.get(offset)
        return self.doc[i] if i is not None else None

    def accept(self, name: str) -> None:
        for word in name.split():
            self.accepted_by_word.setdefault(word, set()).add(name)

    def shortened_from(self, name: str) -> list[str]:
        """Accepted longer names that share the first or last word of ``name``."""
        words = name.split()
        if not words:
            return []
        near = self.accepted_by_word.get(words[0], set()) | self.accepted_by_word.get(words[-1], set())
        return [n for n in near if len(n) > len(name)]


class _Occupied:
    """Character ranges already taken, checked in time proportional to the span."""

    def __init__(self, length: int, ranges: list[tuple[int, int]] = ()) -> None:
        self.chars = bytearray(length)
        for start, end in ranges:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.chars[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self.chars[start:end])


class OrgRecognizer(FactComponent, TableComponent):
    """Finds organisation mentions, types and groups them per article."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.nlp = nlp
        self._common_nouns: frozenset[str] | None = None
        self._common_words: frozenset[str] | None = None
        self.set_tables({
            "orgs": read_jsonl("orgs.jsonl"),
            "orgs_indices": read_jsonl("orgs_indices.jsonl"),
            "orgs_listed": read_jsonl("orgs_listed.jsonl"),
            "org_patterns": read_json("org_patterns.json"),
            "org_typing": read_json("org_typing.json"),
            "currencies": read_jsonl("currencies.jsonl"),
        })

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        p = self.tables["org_patterns"]
        t = self.tables["org_typing"]
        self.entry_of: dict[str, str] = {}
        self.ambiguous = set(p["ambiguous_gazetteer"])
        for row in [*self.tables["orgs"], *self.tables.get("orgs_indices", []), *self.tables.get("orgs_listed", [])]:
            for alias in [row["name"], *row.get("aliases", [])]:
                self.entry_of.setdefault(alias, row["name"])
            self.ambiguous.update(row.get("ambiguous", []))
        self.typing = OrgTyping.from_table(t, (c for row in self.tables["currencies"] for c in row.get("codes", [])))
        self.rules = CorefRules(
            suffixes=frozenset(p["legal_suffixes"]) | frozenset(p["industry_suffixes"]),
            legal_suffixes=frozenset(p["legal_suffixes"]),
            generic_heads=frozenset(t["generic_heads"]),
            function_words=frozenset(t["function_words"]),
            web_suffixes=tuple(t["web_suffixes"]),
            legal_prefixes=frozenset(p["legal_prefixes"]),
        )
        self.not_acronyms = self.typing.metric_words | self.typing.places
        self.heads = frozenset(t["generic_heads"]) | frozenset(p["institution_heads"]) | self.rules.suffixes
        self.never = {n.lower() for n in p["never_orgs"]}
        self.post_nominals = frozenset(t["post_nominals"]["letters"])
        self.titles = set(p["title_words"])
        self.gazetteer = NameIndex(self.entry_of)
        words = rf"{NAME_WORD}(?:\s+(?:{CONNECTOR}\s+)?{NAME_WORD}){{0,5}}"
        self.shapes = [
            # a legal form, after a comma too ("Grupo Norte, S.A.B. de C.V.", "KOBE STEEL CO., LTD.")
            re.compile(rf"\b{words},?\s+(?:{word_trie(p['legal_suffixes'])})(?![\w])"),
            re.compile(rf"\b(?:{words}\s+)?(?:{word_trie(p['institution_heads'])})\s+(?:of|for)\s+(?:the\s+)?{words}"),
            re.compile(rf"\b{words}\s+(?:{word_trie(p['institution_tails'])})\b"),
            re.compile(rf"\b{words}\s+(?:{word_trie(p['media_tails'])})\b"),
            re.compile(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}\s+(?:Research|Consulting|Analytics|Insights)\b"),
        ]
        name = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
        # exchange tags and tickers ("(NYSE: XYZ)", "(AIR.PA)", "NSE: TCS"): never a name, and the
        # name just before a bracketed one is a listed company
        ticker = r"[A-Z0-9][A-Z0-9&-]{0,9}(?:\.[A-Z]{1,4})?"
        listed = rf"(?:{word_trie(p['exchange_codes'])})\s*:\s*{ticker}"
        tag = rf"\((?:{listed}|[A-Z0-9]{{1,6}}\.[A-Z]{{1,3}})(?:\s*[,;]\s*(?:{listed}|[A-Z0-9]{{1,6}}\.[A-Z]{{1,3}}))*\)"
        self.exchange_tag = re.compile(rf"{tag}|(?<![\w.-])(?:{listed})(?![\w.-])")
        self.not_names = self._not_name_pattern(t)
        honorific = word_trie(t["honorifics"])
        self.honorific_before = re.compile(rf"(?<![\w.])(?:{honorific})\s+$")
        self.honorific_start = re.compile(rf"^(?:{honorific})\s+[A-Z]")
        self.titled_surname = re.compile(rf"(?<![\w.])(?:{honorific})\s+(?:[A-Z]\.\s+)?(?P<surname>[A-Z][\w'’-]+)")
        # a lowercase cue noun (capitalised only at a sentence start): a capitalised one
        # inside a sentence is part of the name ("Tata Consultancy Services")
        cue_noun = (rf"(?:(?:^|(?<=\n)|(?<=[.!?] ))(?i:{word_trie(p['cue_nouns'], ignorecase=True)})"
                    rf"|\b(?:{word_trie(p['cue_nouns'])}))")
        # Strong cues outweigh the base NER calling the name a place ("powered by Disqus").
        self.strong_cues = [
            re.compile(rf"(?:^|\n)[ \t]*Source\s*:\s*(?P<name>{name})"),
            re.compile(rf"\b(?P<name>{name}),?\s*{tag}"),
            re.compile(rf"\((?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?:/[^)\n]{{0,80}}\)|\)\s*(?:--|—|–))"),
            re.compile(rf"\b(?P<name>{NAME_WORD})(?:{word_trie(p['owner_cues'])})\b"),
            re.compile(rf"\b(?P<name>{name}),\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{word_trie(p['cue_nouns'])})\b"),
            re.compile(rf"{cue_noun}\s+(?P<name>{name})"),
            # a head word of another language opens the name ("Instituto Gonzaga", "Banco do Brasil",
            # "Movimento 5 Stelle"); a number only with a name word after it
            re.compile(rf"(?<![\w-])(?P<name>(?:{word_trie(p['foreign_heads'])})"
                       rf"(?:\s+(?:{FOREIGN_CONNECTOR}\s+)?(?:{NAME_WORD}|\d{{1,4}}(?=\s+[A-Z]))){{1,5}})"),
        ]
        agencies = p["portfolio_agencies"]
        self.agency_places = country_names() | frozenset(agencies["places"])
        self.portfolio_agency = re.compile(rf"(?<![\w&-])(?:{word_trie(agencies['portfolios'])})[ \t]+"
                                           rf"(?P<first>[A-Z][\w’'-]*)(?:[ \t]+(?P<second>[A-Z][\w’'-]*))?(?![\w&-])")
        papers = p["place_media_tails"]
        self.place_paper = re.compile(rf"(?<![\w&-])(?P<place>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)?)[ \t]+"
                                      rf"(?:(?:{word_trie(papers['editions'])})[ \t]+)?(?:{word_trie(papers['tails'])})(?![\w&-])")
        kinds = t["kind_before"]
        # what the word before a name says it is: a vessel or craft ("the cruise ship, Sea Queen"),
        # a settlement ("the town of X"); searched in a short window before the name only
        self.kind_before = re.compile(rf"(?<![\w-])(?:(?:{word_trie(kinds['vessel'])}),?|(?:{word_trie(kinds['settlement_of'])})\s+of)"
                                      rf"\s+(?:the\s+)?$")
        self.weak_cues = [
            re.compile(rf"\b(?P<name>{name})(?:'s|’s)\s+(?:[\w-]+\s+)?(?:{word_trie(p['possessive_units'])})\b"),
        ]
        self.legal_joint = re.compile(rf"(?:{word_trie(p['legal_suffixes'])})(?P<joint>,?\s+(?:and|or|&)\s+|,\s+)(?=[A-Z])(?!(?:{word_trie(p['legal_suffixes'])})(?!\w))")
        self.legal_prefix = re.compile(rf"^(?:{word_trie(p['legal_prefixes'])})\s+(?:(?:de|do|da|des|du|di)\s+)?")
        self.industry = frozenset(p["industry_suffixes"])
        self.product_heads = frozenset(p["product_heads"])
        self.platform_tail = re.compile(rf"(?:\s+(?:{word_trie(p['platform_modifiers'])})){{1,2}}\s+(?:{word_trie(p['platform_nouns'])})\b")
        self.legal_end = re.compile(rf"\s(?:{word_trie(p['legal_suffixes'])})$")
        self.legal_after = re.compile(rf"\s(?:{word_trie(p['legal_suffixes'])})(?![\w])")
        self.leading = re.compile(rf"^(?:(?:{word_trie(p['leading_stopwords'])})\s+)+")
        quoted = rf"[“\"‘']?{name}[”\"’']?"
        self.agent_cue = re.compile(rf"\b(?:{word_trie(p['agent_cues'])})\s+(?:the\s+)?(?P<list>{quoted}(?:\s*,\s*{quoted}){{0,20}}(?:,?\s+(?:and|or)\s+{quoted})?)")
        self.list_cue = re.compile(rf"{cue_noun},?\s+(?:{word_trie(p['list_cues'])})\s+(?P<list>{name}(?:(?:'s|’s)\s+{name})?(?:\s*,\s*{name}(?:(?:'s|’s)\s+{name})?){{0,20}}(?:,?\s+(?:and|or)\s+{name})?)")
        self.list_item = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}")
        self.quote_title_cue = re.compile(rf"\b(?:{word_trie(p['quoted_title_cues'])})\b[^.\n]{{0,25}}$", re.IGNORECASE)

    @staticmethod
    def _not_name_pattern(t: dict[str, Any]) -> re.Pattern[str]:
        """Stock indexes and trade shows: never organisations, and the companies named inside
        them are not mentioned there ("the S&P 500", "Nikkei 225", "Google I/O")."""
        idx, shows = t["stock_indexes"], t["trade_shows"]
        number = r"(?:\s+\d{2,4})"
        tail = rf"(?:\s+(?:{word_trie(idx['tails'])}))"
        index = (rf"(?:{word_trie(idx['names'])}){number}?{tail}?"
                 rf"|(?:{word_trie(idx['bases'])})(?:{number}{tail}?|{tail})"
                 rf"|(?<=[Tt]he\s)(?:{word_trie(idx['after_the'])})")
        show = rf"(?:{word_trie(shows['names'])})|[A-Z][\w&.-]*\s+(?:{word_trie(shows['after_company'])})"
        # a capitalised word after the match makes it part of a longer name ("Hang Seng Bank")
        return re.compile(rf"(?<![\w&/.-])(?:{index}|{show})(?![\w&/-])(?!\s+[A-Z&])")

    def _never_names(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans that are never organisation mentions: exchange tags, stock indexes, trade
        shows and a dateline's place in capitals ("SAO PAULO (Reuters) -")."""
        for pattern in (self.exchange_tag, self.not_names):
            yield from (m.span() for m in pattern.finditer(text))
        for m in DATELINE_PLACE.finditer(text):
            if self.typing.is_place(m.group("place").title()):
                yield m.span("place")

    # --- candidates ---------------------------------------------------------------------

    def _candidates(self, text: str, ctx: _Context) -> tuple[list[tuple[int, int, int]], set[str]]:
        """(start, end, source) for every place a signal says "organisation", and the names
        that a strong cue vouches for."""
        found: list[tuple[int, int, int]] = []
        strong_spans = [m.span("name") for pattern in self.strong_cues for m in pattern.finditer(text)
                        if not self._function_word(ctx, *m.span("name"))]
        agent_matches = list(self.agent_cue.finditer(text))
        for match in [*self.list_cue.finditer(text), *agent_matches]:
            offset = match.start("list")
            for item in self.list_item.finditer(match.group("list")):
                span = (offset + item.start(), offset + item.end())
                if match in agent_matches and span in ctx.full_name_spans:
                    continue  # "founded by Maria Okafor": the NER's full name of a person
                strong_spans.append(span)
        strong_spans.extend(self._portfolio_agencies(text))
        strong_spans.extend(m.span() for m in self.place_paper.finditer(text)
                            if self.typing.is_place(" ".join(m.group("place").split())))
        weak_spans = [m.span("name") for pattern in self.weak_cues for m in pattern.finditer(text)]
        weak_spans.extend(self._affiliations(text, ctx))
        legal_spans = [m.span() for m in self.shapes[0].finditer(text)]
        shape_spans = [*legal_spans, *(m.span() for pattern in self.shapes[1:] for m in pattern.finditer(text))]
        trusted = {text[s:e] for s, e in strong_spans}
        ends_by_start: dict[int, list[int]] = {}
        for start, end in [*ctx.ner_orgs, *strong_spans, *shape_spans]:
            ends_by_start.setdefault(start, []).append(end)
            if text.startswith(("the ", "The "), start):
                ends_by_start.setdefault(start + 4, []).append(end)
        vouching = self._vouching_spans(text, [*ctx.ner_orgs, *strong_spans, *weak_spans])
        interior = bytearray(len(text) + 1)  # inside a longer name, after its first character
        for start, end in ctx.ner_orgs:
            interior[start + 1:end] = b"\x01" * (end - start - 1)
        for m_start, m_end, matched in self.gazetteer.finditer(text):
            if matched in self.ambiguous and ((m_start, m_end) not in vouching or HEAD_OF.match(text, m_end)):
                continue  # a common word or place needs the NER or a cue to call exactly it a name,
                # and is the head of a longer one before "of" ("Union of Rationalist Farmers")
            if interior[m_start] and not text.startswith(("the ", "The "), m_start - 4):
                continue  # a word inside another name ("Southern" in "University of Southern Queensland")
            found.append((m_start, m_end, GAZETTEER))
            legal_form = self.legal_after.match(text, m_end)
            if legal_form:
                found.append((m_start, legal_form.end(), GAZETTEER))  # "Kone Oyj and …": the listed name with its form
            for end in ends_by_start.get(m_start, ()):
                extension = text[m_end:end].split()
                if end > m_end and extension and all(
                        w[:1].isupper() and w not in self.typing.last_word_class and w not in self.titles
                        and w.lower() not in self.never for w in extension):
                    found.append((m_start, end, GAZETTEER))  # a unit of a known company: "Tmall World"
        ner_ends: dict[int, list[int]] = {}
        for start, end in ctx.ner_orgs:
            ner_ends.setdefault(start + 4 if text.startswith(("the ", "The "), start) else start, []).append(end)
        legal = set(legal_spans)
        for start, end in shape_spans:
            found.append((start, end, LEGAL if (start, end) in legal else SHAPE))
            for longer in ner_ends.get(start, ()):
                if longer > end and all(w[:1].isupper() for w in text[end:longer].split()):
                    found.append((start, longer, SHAPE))  # "Korea Exchange" + "Bank"
        found.extend((s, e, SHAPE) for s, e in self._campuses(text, shape_spans))
        found.extend((s, e, STRONG_CUE) for s, e in strong_spans)
        found.extend((s, e, WEAK_CUE) for s, e in weak_spans)
        found.extend((s, e, NER) for s, e in ctx.ner_orgs)
        found.extend((s, e, NER) for s, e in self._joined_pairs(text, ctx.ner_orgs))
        return found, trusted

    def _affiliations(self, text: str, ctx: _Context) -> Iterator[tuple[int, int]]:
        """What a person named in full is "of": an acronym ("Li Wei of PFD") or a name ending in
        an institution's head ("Ana Ruiz of the Green Union"), typed like any weak cue's name."""
        for start, end in ctx.full_name_spans:
            match = AFFILIATION.match(text, end)
            if match is None:
                continue
            words = list(re.finditer(r"\S+", match.group("name")))
            offset = match.start("name")
            if is_acronym(words[0].group()):
                yield offset, offset + words[0].end()
            elif len(words) > 1 and words[-1].group() in self.heads:
                yield offset, offset + words[-1].end()

    def _campuses(self, text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """A university's campus town after "at" is part of its name ("University of Wessex at
        Exeter"); only a place the gazetteers know."""
        for start, end in spans:
            if CAMPUS_HEAD.search(text, start, end):
                match = CAMPUS.match(text, end)
                if match and self.typing.is_place(" ".join(match.group("place").split())):
                    yield start, match.end()

    def _portfolio_agencies(self, text: str) -> Iterator[tuple[int, int]]:
        """A portfolio and its country ("Health Canada", "Statistics New Zealand"): a government agency."""
        for match in self.portfolio_agency.finditer(text):
            for end in (match.end("second"), match.end("first")):
                if end > 0 and " ".join(text[match.start("first"):end].split()) in self.agency_places:
                    yield match.start(), end
                    break

    def _vouching_spans(self, text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The names that other signals vouch for, without a leading "the", a possessive,
        trailing legal suffixes or what follows the capitalised words ("the Target Corp.'s"
        and "Target 5 percent" vouch for "Target")."""
        vouched = set()
        for start, end in spans:
            trimmed = trim(text[start:end], start)
            if trimmed is None:
                continue
            start, end = trimmed
            vouched.add((start, end))
            words = text[start:end].split()
            while len(words) > 1 and words[-1] in self.rules.legal_suffixes:
                words.pop()
                vouched.add((start, start + len(" ".join(words))))
            capitalised = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
            if capitalised and len(capitalised) < len(words):  # "Meta" of an NER "Meta 797 million"
                vouched.add((start, start + len(" ".join(capitalised))))
        return vouched

    def _joined_pairs(self, text: str, ner_orgs: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """Two one-word NER names joined by "and"/"&" that no table knows apart are one name
        ("Marks and Spencer", "Ernst & Young")."""
        for (s1, e1), (s2, e2) in zip(ner_orgs, ner_orgs[1:]):
            first, second = text[s1:e1], text[s2:e2]
            if (COORDINATION.fullmatch(text[e1:s2]) and " " not in first and " " not in second
                    and first not in self.entry_of and second not in self.entry_of):
                yield s1, e2

    # --- cutting a candidate to the name --------------------------------------------------

    def _trim(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Span trimmed to the name, without sentence-initial function words ("With China …")."""
        trimmed = trim(text[start:end], start)
        if trimmed is None:
            return None
        start, end = trimmed
        share_class = SHARE_CLASS.search(text, start, end)
        if share_class and share_class.end() == end:
            end = share_class.start()
        leading = self.leading.match(text[start:end])
        if leading and leading.end() < end - start:
            start += leading.end()
        return start, end

    def _pieces(self, text: str, start: int, end: int, source: int, ctx: _Context) -> Iterator[tuple[int, int]]:
        """The name(s) inside a candidate span: people cut off its edges, a possessor place or
        a possessed person dropped, a trailing place modifier dropped, and two coordinated
        institutions ("X University and Y Institute") split."""
        span = self._trim(text, start, end)
        if span is None:
            return
        start, end = span
        if source == GAZETTEER:
            yield start, end
            return
        if source == LEGAL:
            joint = self.legal_joint.search(text, start, end)
            if joint:  # "Sakura Denki K.K. and Volga Neftegaz JSC": two companies
                yield from self._pieces(text, start, joint.start("joint"), LEGAL, ctx)
                yield from self._pieces(text, joint.end(), end, LEGAL, ctx)
                return
            start = self._capitals_start(text, start, end)
            start = self._after_common_opening(text, start, end, ctx)
        # the NER and weak cues run into people's names; a shape or strong cue only into full names
        weak = source in (NER, WEAK_CUE)
        if source != LEGAL or re.search(r"\s[a-z]", text[start:end]):
            # a person joined by a connector is cut off ("Lee of Acme Inc."), a founder's name
            # in front of a legal form is the name ("Sakura Denki K.K.")
            start, end = self._without_people(text, start, end, ctx, 1 if weak else 2)
        if weak:
            start, end = self._without_edge_people(text, start, end, ctx)
        if end <= start:
            return
        possessive = INTERNAL_POSSESSIVE.search(text, start, end)
        if possessive:
            owner, owned = text[start:possessive.start()], text[possessive.end():end]
            if self.typing.is_place(owner) or owner in ctx.person_names:
                start = possessive.end()
            elif (all(w in ctx.person_words for w in owned.split()) or owned in ctx.person_names
                  or not any(w in self.heads for w in owned.split())):
                end = possessive.start()  # "X's Maria Lopez", "X's Home-Delivery"
        modifier = PLACE_MODIFIER.search(text, start, end)
        if modifier and self.typing.is_place(modifier.group("place")):
            head_words = text[start:modifier.start()].split()
            if len(head_words) >= 2 and head_words[-1] in self.heads:
                end = modifier.start()
        parts = COORDINATION.split(text[start:end])
        if (len(parts) == 2 and all(len(p.split()) >= 2 and p.split()[-1] in self.heads for p in parts)
                and len({self._head_class(p) for p in parts}) == 1):
            middle = COORDINATION.search(text, start, end)
            for piece in ((start, middle.start()), (middle.end(), end)):
                trimmed = self._trim(text, *piece)
                if trimmed:
                    yield trimmed
            return
        trimmed = self._trim(text, start, end)
        if trimmed:
            yield trimmed

    def _head_class(self, name: str) -> bool:
        """An institution (a generic head among its words: "Museum", "Institute of Technology")
        or a company (only an industry or legal word at its end: "Air", "Savings"). Two
        coordinated names are two organisations only when of one class ("National Air and Space
        Museum", "Columbia Savings and Loan Association" are one)."""
        return any(w in self.rules.generic_heads for w in name.split())

    @staticmethod
    def _capitals_start(text: str, start: int, end: int) -> int:
        """Where a name in capitals begins when its legal form is in capitals too
        ("Shares of KOBE STEEL CO., LTD." → "KOBE STEEL CO., LTD.")."""
        words = list(re.finditer(r"\S+", text[start:end]))
        if not words or not words[-1].group().isupper():
            return start
        first = len(words)
        while first > 0 and words[first - 1].group().isupper():
            first -= 1
        return start + words[first].start() if first < len(words) - 1 else start

    def _after_common_opening(self, text: str, start: int, end: int, ctx: _Context) -> int:
        """Past a common noun and its preposition in front of a company's name ("Shares of
        Acme Corp.", "Investors in Acme Ltd."); an institution's head stays ("Bank of X Ltd.")."""
        opening = re.match(r"(\S+)\s+(?:of|in|for|at)\s+(?=[A-Z])", text[start:end])
        if not opening or opening.group(1) in self.heads or not self._is_common_noun(opening.group(1), start, ctx):
            return start
        return start + opening.end()

    def _only_legal_words(self, name: str) -> bool:
        """Nothing but legal forms ("LTD", "Co., Ltd."): the end of a name, never a name."""
        rest = name
        for form in sorted(self.rules.legal_suffixes, key=len, reverse=True):
            rest = rest.replace(form, " ")
        return not rest.strip(" ,.")

    @staticmethod
    def _without_edge_people(text: str, start: int, end: int, ctx: _Context) -> tuple[int, int]:
        """Drop a person's name (a word of the article's PERSON spans) joined to either edge
        of a longer name ("Okafor the Federation" → "Federation")."""
        words = list(re.finditer(r"\S+", text[start:end]))
        if len(words) < 2:
            return start, end
        first, last = 0, len(words)
        while first < last - 1 and words[first].group().strip(",") in ctx.person_words:
            first += 1
        if first and words[first].group().lower() not in EDGE_WORDS:
            first = 0  # "Liberal Party": the word names the organisation, not a person beside it
        while first < last - 1 and words[first].group().lower() in EDGE_WORDS:
            first += 1
        while last - 1 > first + 1 and words[last - 1].group().strip(",") in ctx.person_words:
            last -= 1
        if len(words) - last < 2:
            last = len(words)  # only a full name ("… Institute Maria Lopez") is cut off the end
        if (first, last) == (0, len(words)):
            return start, end
        return start + words[first].start(), start + words[last - 1].end()

    @staticmethod
    def _without_people(text: str, start: int, end: int, ctx: _Context, level: int) -> tuple[int, int]:
        """The longest stretch of the span outside the article's PERSON spans (``level`` 2:
        full names only)."""
        marks = ctx.person_chars[start:end]
        if max(marks, default=0) < level or min(marks, default=0) >= level:
            return start, end  # no person inside, or exactly one: the typing decides
        best, run_start = (start, start), None
        for i in range(start, end + 1):
            outside = i < end and ctx.person_chars[i] < level
            if outside and run_start is None:
                run_start = i
            elif not outside and run_start is not None:
                if i - run_start > best[1] - best[0]:
                    best = (run_start, i)
                run_start = None
        words = text[best[0]:best[1]].split()
        while words and (words[0].lower() in EDGE_WORDS or not words[0][:1].isalnum()):
            words.pop(0)
        while words and (words[-1].lower() in EDGE_WORDS
                         or not words[-1][-1:].isalnum() and not ABBREVIATION_END.search(words[-1])):
            words.pop()  # "Acme Ltd." keeps its abbreviation
        if not words or not any(w[:1].isupper() for w in words):
            return start, start
        first = text.index(words[0], best[0])
        last = text.rindex(words[-1], first, best[1]) + len(words[-1])
        return first, last

    # --- deciding -------------------------------------------------------------------------

    def _acceptable(self, text: str, start: int, end: int, source: int, ctx: _Context, trusted: set[str],
                    again: bool = False) -> bool:
        name = text[start:end]
        vouched = name in self.entry_of or name in trusted
        # a legal form ends a company's name, never a person's or a place's
        legal = source in (LEGAL, GAZETTEER) and self.legal_end.search(name) is not None
        # another mention of an accepted name (``again``): one stray label is outvoted by the
        # NER calling the same string an organisation more often in the article
        if (start, end) in ctx.not_org_spans and not vouched and not legal and not (again and ctx.mostly_org(name)):
            return False  # the base NER calls exactly this a place, nationality or person
        if self._titled_person(text, start, name, name in self.entry_of or legal, ctx):
            return False
        if (text[end:end + 2] == ", " and end + 2 in ctx.region_starts and text[max(0, start - 4):start].lower() == "the "
                and not legal and not vouched):
            return False  # "the Blue Bell, Pa., concern": a town and its region describe a company
        if name.lower() in self.never or self._only_legal_words(name) or not any(ch.isupper() for ch in name[:3]) and not re.match(r"[a-z]{1,3}[A-Z]", name):
            return False
        following = text[end: end + 20].split()
        if following and following[0].strip(",.") in self.titles and name not in self.entry_of and (
                len(name.split()) == 1 or source == NER and not legal and not any(w in self.heads for w in name.split())):
            return False  # "Commerce Minister", "Shadow Home Secretary"; "Pfizer Chief Executive …" names Pfizer
        words = name.split()
        if words and (words[0] in self.titles or source == NER and not vouched and len(words) > 1 and words[-1] in self.titles):
            return False  # "Minister Tan", "Los Angeles Sheriff": a title, not a body
        if self._in_quoted_title(text, start, end):
            return False
        if name in self.ambiguous and self.typing.not_org(name, "", set(), set(), set()) == "metric":
            return False  # a listed name that is also a currency code or a metric ("NOK", "EPS")
        if name not in self.entry_of and not legal and len(words) > 1 and words[-1] in self.typing.product_words:
            return False  # "Mozilla Firefox, its main rival": a cue noun of companies said of a product
        if (name in self.post_nominals and text[start - 2:start] == ", "
                and ctx.person_chars[max(0, start - 3)] and name not in self.entry_of):
            return False  # "Jane Roe, QC, said": letters after a person's name
        if (len(words) == 1 and name.endswith("s") and name[:-1] in ctx.person_words and not vouched
                and text[max(0, start - 4):start] in ("the ", "The ")):
            return False  # "the Okafors": a family
        if name in ctx.not_org_names and not vouched:
            return False  # typed a vessel or a settlement at another mention
        if not vouched and source != GAZETTEER and self.kind_before.search(text, max(0, start - 30), start):
            ctx.not_org_names.add(name)
            return False  # "the cruise ship, Sea Queen", "the town of X"
        if vouched or source in (GAZETTEER, STRONG_CUE):
            return True
        if any(shortens(name, long, self.rules) for long in ctx.shortened_from(name)):
            return True  # "England" after "Church of England"
        next_word = following[0].strip(",.;:") if following else ""
        kind = self.typing.not_org(name, next_word, ctx.person_words, ctx.person_names, ctx.labels.get(name, set()))
        if kind is not None and not (legal and kind in ("person", "place")):
            if kind in NAMED_THINGS and len(words) > 1:
                ctx.not_org_initials |= initials(name, self.rules.function_words)
            return False
        if source in (NER, WEAK_CUE) and ((start, end) in ctx.listed_with_people
                                           or len(words) == 1 and next_word in ctx.person_words):
            return False  # "Ansel Adams, Walker Evans and …", "Dries Mertens": a person's name
        if is_acronym(name) and name.replace(".", "") in ctx.not_org_initials:
            return False  # "KSC" after "Kansai Science Centre" was typed a facility
        if name in self.rules.generic_heads:
            return True  # kept only if it shortens a longer name of the article (see _bare_head)
        if source == NER:
            if len(words) == 1 and not is_acronym(name) and self._is_common_noun(name, start, ctx):
                return False  # a common noun, capitalised here ("Energy", "Health")
            return self._looks_proper(ctx, start, end)
        return True

    @staticmethod
    def _function_word(ctx: _Context, start: int, end: int) -> bool:
        """One word the parser reads as an adverb, conjunction or the like ("Moreover, the
        company said …" names no company called "Moreover"), or words across a sentence end
        ("… in Ghana. Meanwhile, the company …")."""
        token = ctx.token(start)
        if token is not None and token.idx + len(token) == end and token.pos_ in FUNCTION_POS:
            return True
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.is_sent_start for t in span[1:])

    def _titled_person(self, text: str, start: int, name: str, listed: bool, ctx: _Context) -> bool:
        """A person the article gives a courtesy title: right before the name ("Mr. Ford"), or,
        unless a table or legal form names a company, at its start ("Mr. Kerkorian") or to its
        last word elsewhere ("Kirk Kerkorian" … "Mr. Kerkorian")."""
        if self.honorific_before.search(text, max(0, start - 7), start):
            return True
        if listed:
            return False
        words = name.split()
        return bool(self.honorific_start.match(name)) or (
            2 <= len(words) <= 3 and words[-1] in ctx.titled_surnames
            and all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words))

    def _is_common_noun(self, word: str, start: int, ctx: _Context) -> bool:
        """Used in lowercase in this article, or listed as a noun in the base model's lemma index
        (a WordNet noun list shipped with its lemmatizer)."""
        if self._common_nouns is None:
            try:
                index = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
                self._common_nouns = frozenset(index["noun"])
            except (KeyError, ValueError):  # a pipeline without the rule lemmatizer's tables
                self._common_nouns = frozenset()
        token = ctx.token(start)
        lemma = token.lemma_.lower() if token is not None else word.lower()
        listed = word.lower() in self._common_nouns or lemma in self._common_nouns
        # a listed noun the NER calls an organisation again and again is a name ("Greenpeace" style)
        return word.lower() in ctx.lowercase_words or listed and ctx.org_votes.get(word, 0) <= 2

    @staticmethod
    def _looks_proper(ctx: _Context, start: int, end: int) -> bool:
        """An NER-only name needs a proper-noun token, and not only a sentence-initial common word."""
        tokens = [t for t in (ctx.token(i) for i in range(start, end)) if t is not None]
        proper = [t for t in tokens if t.pos_ == "PROPN" or t.tag_ in ("NNP", "NNPS")]
        if not proper:
            return False
        return not (len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].pos_ != "PROPN")

    def _in_quoted_title(self, text: str, start: int, end: int) -> bool:
        """Inside the quoted title of a plan or campaign ('a plan called "X goes global"')."""
        line_start = max(text.rfind("\n", max(0, start - QUOTE_WINDOW), start) + 1, start - QUOTE_WINDOW, 0)
        line_end = text.find("\n", end, end + QUOTE_WINDOW)
        line_end = end + QUOTE_WINDOW if line_end < 0 else line_end
        for opening, closing in QUOTE_PAIRS:
            open_at = text.rfind(opening, line_start, start)
            if open_at < 0:
                continue
            close_at = text.find(closing, end, line_end)
            if close_at < 0:
                continue
            whole = (open_at + 1 == start and close_at == end)
            if not whole and self.quote_title_cue.search(text[max(0, open_at - 40): open_at]):
                return True
        return False

    # --- the component ------------------------------------------------------------------

    def process(self, doc: Doc) -> Doc:
        text = document_text(doc)
        ctx = _Context(doc, text, self.titled_surname)
        taken = _Occupied(len(text), [*claimed_ranges(doc), *self._never_names(text)])
        accepted = _Occupied(len(text))
        spans: list[tuple[int, int]] = []
        lists = self._name_lists(text)
        ctx.listed_with_people = self._listed_with_people(lists, ctx)
        candidates, trusted = self._candidates(text, ctx)
        for start, end, source in sorted(candidates, key=lambda c: (c[2], -(c[1] - c[0]), c[0])):
            for piece in self._pieces(text, start, end, source, ctx):
                if taken.overlaps(*piece) or accepted.overlaps(*piece):
                    continue
                if self._acceptable(text, *piece, source, ctx, trusted):
                    accepted.add(*piece)
                    spans.append(piece)
                    ctx.accept(text[piece[0]:piece[1]])
        spans.extend(self._list_mates(text, lists, spans, taken, accepted, ctx, trusted))
        spans.extend(self._acronyms_of(text, spans, taken, accepted, ctx))
        spans.extend(self._bracket_long_forms(text, spans, taken, accepted))
        spans.extend(self._short_forms(text, spans, taken, accepted, ctx))
        spans.extend(self._propagate(text, spans, taken, accepted, ctx, trusted))
        spans = sorted(self._platforms(text, self._managers_of_products(text, spans)))
        names = [" ".join(text[s:e].split()) for s, e in spans]
        canonical = resolve([(s, e, n) for (s, e), n in zip(spans, names)], text, self.entry_of, self.rules)
        kept = [i for i, (n, c) in enumerate(zip(names, canonical)) if not self._bare_head(n, c)]
        spans, names, canonical = [spans[i] for i in kept], [names[i] for i in kept], [canonical[i] for i in kept]
        entries = self._group_entries(names, canonical)
        facts = [Org(text[s:e], s, e, name=n, canonical=c, id=org_id(c, entries.get(c), self.rules.legal_suffixes))
                 for (s, e), n, c in zip(spans, names, canonical)]
        add_facts(doc, facts)
        groups: dict[str, list[list[int]]] = {}
        for fact in facts:
            groups.setdefault(fact.canonical, []).append([fact.start, fact.end])
        doc._.org_clusters = [{"canonical": c, "mentions": m} for c, m in groups.items()]
        return doc

    def _platforms(self, text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """A company's named sales platform ("on Alibaba international station", "Amazon global
        store") is a name of its own: the company's name with the platform's lower-case words."""
        for start, end in spans:
            tail = self.platform_tail.match(text, end)
            yield (start, tail.end()) if tail else (start, end)

    def _managers_of_products(self, text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """A fund named after its manager ("the Harbor Growth Equity Fund" after "Harbor
        Capital") is the manager's product: the organisation is the manager's name in it, when
        the article names that manager elsewhere alone, or as the first words of its name when
        those words are no common word or place ("World Wildlife Fund" after "World Bank")."""
        names = {text[s:e] for s, e in spans}
        managers = {" ".join(name.split()[:size]) for name in names if name.split()[-1] not in self.product_heads
                    for size in range(1, len(name.split()) + 1)}
        for start, end in spans:
            words = text[start:end].split()
            if len(words) >= 3 and words[-1] in self.product_heads:
                for size in range(len(words) - 2, 0, -1):
                    manager = " ".join(words[:size])
                    if text.startswith(manager, start) and (manager in names or manager in managers and not (
                            self._common_word(manager) or self.typing.is_place(manager))):
                        end = start + len(manager)
                        break
            yield start, end

    def _bare_head(self, name: str, canonical: str) -> bool:
        """A lone generic head ("the Commission", "Church") that names nothing longer in the article."""
        return name == canonical and name in self.rules.generic_heads and name not in self.entry_of

    def _group_entries(self, names: list[str], canonical: list[str]) -> dict[str, str]:
        """The gazetteer entry of each group (by canonical name), when any of its names is listed."""
        entries: dict[str, str] = {}
        for name, group in zip(names, canonical):
            entry = self.entry_of.get(name) or self.entry_of.get(group)
            if entry is not None:
                entries.setdefault(group, entry)
        return entries

    def _name_lists(self, text: str) -> list[list[tuple[int, int]]]:
        """The names of each list of three names or more ("Ecobank, Stanbic and Absa")."""
        lists = []
        for match in NAME_LIST.finditer(text):
            items = [self._trim(text, match.start() + m.start(), match.start() + m.end())
                     for m in re.finditer(LIST_ITEM, match.group())]
            lists.append([item for item in items if item is not None])
        return lists

    @staticmethod
    def _listed_with_people(lists: list[list[tuple[int, int]]], ctx: _Context) -> set[tuple[int, int]]:
        """The names of lists at least half of whose names (two or more) the NER calls people:
        the others are people too ("Ansel Adams, Chuck Close, Walker Evans and Helmut Newton")."""
        listed = set()
        for items in lists:
            people = sum(item in ctx.person_spans for item in items)
            if people >= 2 and 2 * people >= len(items):
                listed.update(items)
        return listed

    def _list_mates(self, text: str, lists: list[list[tuple[int, int]]], spans: list[tuple[int, int]],
                    taken: _Occupied, accepted: _Occupied, ctx: _Context, trusted: set[str]) -> list[tuple[int, int]]:
        """The other names of a list one of whose names is an organisation ("Ecobank, Stanbic
        and Absa"): news lists things of one kind. A list with a name the NER calls a person or
        a place is not of one kind; a name the typing or the tables call a place, product or
        metric stays out ("Acme, Sony and PlayStation VR")."""
        found = set(spans)
        extra = []
        for items in lists:
            if (len(items) < 3 or not any(item in found for item in items)
                    or any(ctx.person_or_place(*item) for item in items)):
                continue
            for start, end in items:
                name = text[start:end]
                if (start, end) in found or taken.overlaps(start, end) or accepted.overlaps(start, end):
                    continue
                if name.lower() in self.never or any(
                        w in self.typing.product_words or w in self.typing.metric_words for w in name.split()):
                    continue
                following = text[end:end + 20].split()
                next_word = following[0].strip(",.;:") if following else ""
                if self.typing.not_org(name, next_word, ctx.person_words, ctx.person_names, set()) is not None:
                    continue
                if " " not in name and (self._is_common_noun(name, start, ctx) or not self._looks_proper(ctx, start, end)):
                    continue
                if self._acceptable(text, start, end, GAZETTEER, ctx, trusted | {name}):
                    accepted.add(start, end)
                    extra.append((start, end))
                    ctx.accept(name)
        return extra

    def _acronyms_of(self, text: str, spans: list[tuple[int, int]], taken: _Occupied,
                     accepted: _Occupied, ctx: _Context) -> list[tuple[int, int]]:
        """Acronyms (three letters or more) of names accepted in this article, wherever they
        stand ("… the International Labour Organization … the ILO")."""
        long_names = {text[s:e] for s, e in spans if " " in text[s:e]}
        forms = {form for name in long_names for form in initials(name, self.rules.function_words) if len(form) >= 3}
        forms -= self.not_acronyms
        extra = []
        for start, word in ctx.uppercase_tokens:
            end = start + len(word)
            if word in forms and not accepted.overlaps(start, end) and not taken.overlaps(start, end):
                accepted.add(start, end)
                extra.append((start, end))
        return extra

    def _bracket_long_forms(self, text: str, spans: list[tuple[int, int]], taken: _Occupied,
                            accepted: _Occupied) -> list[tuple[int, int]]:
        """The long form in brackets after an accepted acronym ("CEI (Italian Episcopal
        Conference)"), whatever its initials: the article defines the acronym by it."""
        extra = []
        for start, end in spans:
            if not is_acronym(text[start:end]):
                continue
            match = BRACKET_LONG_FORM.match(text, end)
            if match is None:
                continue
            s, e = match.span("name")
            name = text[s:e]
            if (taken.overlaps(s, e) or accepted.overlaps(s, e) or name.lower() in self.never
                    or self.typing.is_place(name)):
                continue
            accepted.add(s, e)
            extra.append((s, e))
        return extra

    def _short_forms(self, text: str, spans: list[tuple[int, int]], taken: _Occupied, accepted: _Occupied,
                     ctx: _Context) -> list[tuple[int, int]]:
        """Later mentions of a company by its name without the legal form ("Ardent Minerals"
        after "Ardent Minerals Corp.", "Navimar" after "Cie. de Navimar") or by its first word
        when that word is nothing else ("Ardent"; never "General" of "General Widgets Inc.")."""
        forms: dict[str, set[str]] = {}  # short form -> the full names it stands for
        fulls = {" ".join(text[s:e].split()) for s, e in spans}
        fulls = {n for n in fulls if self.legal_end.search(n) or self.legal_prefix.match(n)}
        bases = {self._base(n) for n in fulls}
        # the NER often calls a company's name without its legal form a person ("Quorvex Minerals"),
        # and its first word alone ("Quorvex said …") when the article never gives that word
        # to a person by a full name or a courtesy title
        misread = {w for n in ctx.person_names & bases for w in n.split()}
        firsts = {b.split()[0] for b in bases if " " in b}
        misread |= {w for w in firsts & ctx.person_names if w not in ctx.full_name_words and w not in ctx.titled_surnames}
        people = {w for w in ctx.person_words if w not in misread}
        # a listed place is a short form only when the NER reads it as that person here, never as a place
        places = {name for name, labels in ctx.labels.items() if labels & {"GPE", "LOC"}}
        company_places = misread - places
        for full in fulls:
            for short in self._shortenings(full, people, company_places):
                forms.setdefault(short, set()).add(full)
        forms = {f: names for f, names in forms.items() if len(names) == 1}  # a shared first word names no one
        if not forms:
            return []
        extra = []
        for match in re.finditer(rf"(?<![\w@#-])(?:{alternation(forms)})(?![\w-]|\.\w)", text):
            start, end = match.span()
            if accepted.overlaps(start, end) or taken.overlaps(start, end):
                continue
            if re.match(r"\s+[A-Z]", text[end:end + 2]) and " " not in match.group() and not SHARE_CLASS.match(text, end):
                continue  # the first word of a longer name (but "X Class B" is X's stock)
            if max(ctx.person_chars[start:end], default=0) == 2 and match.group() not in bases:
                continue  # part of a person's full name
            if re.search(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s+$", text[max(0, start - 5):start]):
                continue
            accepted.add(start, end)
            extra.append((start, end))
        return extra

    def _base(self, full: str) -> str:
        """The name without its legal forms and a leading legal prefix ("Cie. de Navimar" → "Navimar")."""
        words = full.replace(",", " ").split()
        while len(words) > 1 and (words[-1] in self.rules.legal_suffixes or words[-1] in ("&", "and")
                                  or self.legal_end.search(" " + " ".join(words[-3:]))):
            tail = self.legal_end.search(" " + " ".join(words))
            cut = len(tail.group().split()) if tail and words[-1] not in ("&", "and") else 1
            words = words[:-cut]
        return self.legal_prefix.sub("", " ".join(words))

    def _shortenings(self, full: str, people: set[str], company_places: set[str]) -> list[str]:
        """The base name, without a trailing industry word too, and its first word alone when
        that word is distinctive; a listed place only among ``company_places``, the words the
        NER misreads as this company's person and never as a place ("Nashua" after "Nashua Corp.")."""
        base = self._base(full)
        shorts = []
        words = base.split()

        def place(name: str) -> bool:
            return self.typing.is_place(name) and name not in company_places

        if base and base != full and not self._common_word(base) and not place(base):
            shorts.append(base)
        if len(words) >= 2 and words[-1] in self.industry and not self._common_word(" ".join(words[:-1])):
            shorts.append(" ".join(words[:-1]))  # "Ardent Minerals" → "Ardent"
        first = words[0] if words else ""
        if (len(words) >= 2 and len(first) >= 4 and first[:1].isupper() and first.isalpha()
                and not self._common_word(first) and not place(first)
                and first not in people and first not in self.titles and first.lower() not in self.never):
            shorts.append(first)
        return [s for s in dict.fromkeys(shorts) if s]

    def _common_word(self, name: str) -> bool:
        """One word of the base model's lemma index (a noun, adjective, verb or adverb)."""
        if self._common_words is None:
            try:
                index = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
                self._common_words = frozenset().union(*(index[pos] for pos in ("noun", "adj", "verb", "adv")))
            except (KeyError, ValueError):
                self._common_words = frozenset()
        return " " not in name and (name.lower() in self._common_words or name.lower() in self.rules.function_words)

    def _propagate(self, text: str, spans: list[tuple[int, int]], taken: _Occupied, accepted: _Occupied,
                   ctx: _Context, trusted: set[str]) -> list[tuple[int, int]]:
        """Other mentions of names already accepted in this article."""
        names = {text[s:e] for s, e in spans}
        if not names:
            return []
        extra = []
        for match in re.finditer(rf"(?<![\w@#-])(?:{alternation(names)})(?![\w-]|\.\w)", text):
            start, end = match.span()
            if accepted.overlaps(start, end) or taken.overlaps(start, end):
                continue
            if self._acceptable(text, start, end, GAZETTEER, ctx, trusted, again=True):
                accepted.add(start, end)
                extra.append((start, end))
        return extra


@Language.factory("newsfacts_org")
def make_org(nlp: Language, name: str) -> OrgRecognizer:
    return OrgRecognizer(nlp, name)

