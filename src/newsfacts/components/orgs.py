"""``newsfacts_org``: organisations, each resolved to the fullest name the article uses.

Signals, strongest first when candidates overlap:
1. the gazetteer (``models/data/orgs.jsonl``) — well-known companies, platforms,
   regulators, international bodies, news outlets and research firms, with aliases;
   names that are also common words ("Target", "Apple") need a second signal;
2. name shapes (``org_patterns.json``): legal and industry suffixes ("… Technology
   Co., Ltd."), institutional heads ("Ministry of …", "… Institute of …"), media
   names ("… Daily", "… Times"), source lines and photo credits ("(Xinhua/…)");
3. context cues: "e-commerce giants such as X, Y and Z", "X-owned", "research firm X",
   "X's platform";
4. the base NER's ORG spans, trimmed and filtered (job titles, diseases, datelines).
A name found once is then found at its other mentions in the article, except inside
quoted titles of plans and campaigns. Mentions are clustered (``normalise.orgs``)
and each gets the cluster's fullest name as ``canonical``; the clusters are also on
``doc._.org_clusters``.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import add_facts, claimed_ranges, overlaps
from .base import FactComponent
from ..facts import Org
from ..normalise.orgs import cluster, trim
from ..resources import TableComponent, alternation, read_json, read_jsonl

GAZETTEER, SHAPE, CUE, NER = range(4)
NOT_ORG_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "FAC", "PRODUCT", "LANGUAGE"})
NAME_WORD = r"(?:[A-Z][\w&'’.-]*|[a-z]{1,3}[A-Z][\w.-]*|\d[\w-]*[A-Za-z][\w-]*)"
CONNECTOR = r"(?:of|for|and|&|de|the|on|in)"
QUOTE_PAIRS = [("\"", "\""), ("“", "”"), ("‘", "’"), ("'", "'")]




class OrgRecognizer(FactComponent, TableComponent):
    """Finds organisation mentions and canonicalises them per article."""

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(name)
        self.set_tables({"orgs": read_jsonl("orgs.jsonl"), "org_patterns": read_json("org_patterns.json")})

    def set_tables(self, tables: dict[str, Any]) -> None:
        super().set_tables(tables)
        p = self.tables["org_patterns"]
        self.entry_of: dict[str, str] = {}
        for row in self.tables["orgs"]:
            for alias in [row["name"], *row.get("aliases", [])]:
                self.entry_of.setdefault(alias, row["name"])
        self.ambiguous = set(p["ambiguous_gazetteer"])
        self.never = {n.lower() for n in p["never_orgs"]}
        self.titles = set(p["title_words"])
        self.suffixes = set(p["legal_suffixes"]) | set(p["industry_suffixes"])
        self.gazetteer = re.compile(rf"(?<![\w@#])(?:{alternation(self.entry_of)})(?![\w-]|\.\w)")
        words = rf"{NAME_WORD}(?:\s+(?:{CONNECTOR}\s+)?{NAME_WORD}){{0,5}}"
        self.shapes = [
            re.compile(rf"\b{words}\s+(?:{alternation(p['legal_suffixes'])})(?![\w])"),
            re.compile(rf"\b(?:{words}\s+)?(?:{alternation(p['institution_heads'])})\s+(?:of|for)\s+(?:the\s+)?{words}"),
            re.compile(rf"\b{words}\s+(?:{alternation(p['institution_tails'])})\b"),
            re.compile(rf"\b{words}\s+(?:{alternation(p['media_tails'])})\b"),
            re.compile(rf"\b{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}\s+(?:Research|Consulting|Analytics|Insights)\b"),
        ]
        name = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
        # Strong cues outweigh the base NER calling the name a place ("powered by Disqus").
        self.strong_cues = [
            re.compile(rf"(?:^|\n)\s*Source\s*:\s*(?P<name>{name})"),
            re.compile(rf"\((?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?)(?:/[^)\n]*\)|\)\s*(?:--|—|–))"),
            re.compile(rf"\b(?P<name>{NAME_WORD})(?:{alternation(p['owner_cues'])})\b"),
            re.compile(rf"\b(?P<name>{name}),\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){{0,6}}?(?:{alternation(p['cue_nouns'])})\b"),
            re.compile(rf"\b(?i:{alternation(p['cue_nouns'])})\s+(?P<name>{name})"),
        ]
        self.weak_cues = [
            re.compile(rf"\b(?P<name>{name})(?:'s|’s)\s+(?:[\w-]+\s+)?(?:{alternation(p['possessive_units'])})\b"),
        ]
        self.product_words = set(p["product_words"])
        self.leading = re.compile(rf"^(?:(?:{alternation(p['leading_stopwords'])})\s+)+")
        quoted = rf"[“\"‘']?{name}[”\"’']?"
        self.agent_cue = re.compile(rf"\b(?:{alternation(p['agent_cues'])})\s+(?:the\s+)?(?P<list>{quoted}(?:\s*,\s*{quoted})*(?:,?\s+(?:and|or)\s+{quoted})?)")
        self.list_cue = re.compile(rf"\b(?:{alternation(p['cue_nouns'])}),?\s+(?:{alternation(p['list_cues'])})\s+(?P<list>{name}(?:(?:'s|’s)\s+{name})?(?:\s*,\s*{name}(?:(?:'s|’s)\s+{name})?)*(?:,?\s+(?:and|or)\s+{name})?)")
        self.quote_title_cue = re.compile(rf"\b(?:{alternation(p['quoted_title_cues'])})\b[^.\n]{{0,25}}$", re.IGNORECASE)

    # --- candidates ---------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> tuple[list[tuple[int, int, int]], set[str]]:
        """(start, end, source) for every place a signal says "organisation", and the names
        that a strong cue vouches for."""
        text = doc.text
        ner_orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
        found: list[tuple[int, int, int]] = []
        strong_spans = [m.span("name") for pattern in self.strong_cues for m in pattern.finditer(text)]
        for match in [*self.list_cue.finditer(text), *self.agent_cue.finditer(text)]:
            offset = match.start("list")
            for item in re.finditer(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}", match.group("list")):
                strong_spans.append((offset + item.start(), offset + item.end()))
        cue_spans = strong_spans + [m.span("name") for pattern in self.weak_cues for m in pattern.finditer(text)]
        shape_spans = [m.span() for pattern in self.shapes for m in pattern.finditer(text)]
        trusted = {text[s:e] for s, e in strong_spans}
        for match in self.gazetteer.finditer(text):
            if match.group() in self.ambiguous and not (overlaps(*match.span(), ner_orgs) or overlaps(*match.span(), cue_spans)):
                continue
            found.append((match.start(), match.end(), GAZETTEER))
            for start, end in [*ner_orgs, *strong_spans, *shape_spans]:
                extension = text[match.end():end].split()
                if start == match.start() and end > match.end() and extension and all(
                        w[:1].isupper() and w not in self.product_words and w not in self.titles
                        and w.lower() not in self.never for w in extension):
                    found.append((start, end, GAZETTEER))  # a unit of a known company: "Tmall World"
        found.extend((s, e, SHAPE) for s, e in shape_spans)
        found.extend((s, e, CUE) for s, e in cue_spans)
        found.extend((s, e, NER) for s, e in ner_orgs)
        return found, trusted

    def _acceptable(self, doc: Doc, start: int, end: int, others: list[tuple[int, int]], trusted: set[str]) -> bool:
        text = doc.text
        name = text[start:end]
        if (start, end) in others and name not in self.entry_of and name not in trusted:
            return False  # the base NER calls exactly this a place, nationality or person
        if name.lower() in self.never or not any(ch.isupper() for ch in name[:3]) and not re.match(r"[a-z]{1,3}[A-Z]", name):
            return False
        following = text[end : end + 20].split()
        if following and following[0].strip(",.") in self.titles and len(name.split()) == 1:
            return False  # "Commerce Minister", "Xinhua Editor"
        words = name.split()
        if words and words[0] in self.titles:
            return False
        return not self._in_quoted_title(text, start, end)

    def _trim(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Span trimmed to the name, without sentence-initial function words ("With China …")."""
        trimmed = trim(text[start:end], start)
        if trimmed is None:
            return None
        start, end = trimmed
        leading = self.leading.match(text[start:end])
        if leading and leading.end() < end - start:
            start += leading.end()
        return start, end

    def _in_quoted_title(self, text: str, start: int, end: int) -> bool:
        """Inside the quoted title of a plan or campaign ('a plan called "X goes global"')."""
        line_start = text.rfind("\n", 0, start) + 1
        for opening, closing in QUOTE_PAIRS:
            open_at = text.rfind(opening, line_start, start)
            if open_at < 0:
                continue
            close_at = text.find(closing, end)
            if close_at < 0 or "\n" in text[end:close_at]:
                continue
            whole = (open_at + 1 == start and close_at == end)
            if not whole and self.quote_title_cue.search(text[max(0, open_at - 40) : open_at]):
                return True
        return False

    # --- the component ------------------------------------------------------------------

    def process(self, doc: Doc) -> Doc:
        text = doc.text
        taken = claimed_ranges(doc)
        others = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NOT_ORG_LABELS]
        accepted: list[tuple[int, int]] = []
        candidates, trusted = self._candidates(doc)
        ranked = sorted(candidates, key=lambda c: (c[2], -(c[1] - c[0]), c[0]))
        for start, end, _source in ranked:
            trimmed = self._trim(text, start, end)
            if trimmed is None:
                continue
            start, end = trimmed
            if overlaps(start, end, taken) or overlaps(start, end, accepted) or not self._acceptable(doc, start, end, others, trusted):
                continue
            accepted.append((start, end))
        accepted.extend(self._propagate(doc, accepted, taken, others, trusted))
        accepted.sort()
        names = [" ".join(text[s:e].split()) for s, e in accepted]
        canonical = cluster(names, self.entry_of, self.suffixes)
        add_facts(doc, [Org(text[s:e], s, e, name=n, canonical=canonical[n]) for (s, e), n in zip(accepted, names)])
        groups: dict[str, list[list[int]]] = {}
        for (s, e), n in zip(accepted, names):
            groups.setdefault(canonical[n], []).append([s, e])
        doc._.org_clusters = [{"canonical": c, "mentions": m} for c, m in groups.items()]
        return doc

    def _propagate(self, doc: Doc, accepted: list[tuple[int, int]], taken: list[tuple[int, int]],
                   others: list[tuple[int, int]], trusted: set[str]) -> list[tuple[int, int]]:
        """Other mentions of names already accepted in this article."""
        text = doc.text
        names = {text[s:e] for s, e in accepted}
        if not names:
            return []
        pattern = re.compile(rf"(?<![\w@#])(?:{alternation(names)})(?![\w-]|\.\w)")
        extra = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if overlaps(start, end, accepted) or overlaps(start, end, taken) or overlaps(start, end, extra):
                continue
            if self._acceptable(doc, start, end, others, trusted):
                extra.append((start, end))
        return extra


@Language.factory("newsfacts_org")
def make_org(nlp: Language, name: str) -> OrgRecognizer:
    return OrgRecognizer(nlp, name)
