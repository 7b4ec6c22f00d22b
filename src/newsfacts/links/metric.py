"""What a figure measures (``metric``): one key of the spec's table, or None.

Decided from the figure's own noun ("a loss of $5 million", "a $30 million charge", "$7
million in sales", "a 40% stake"), else from the verb that governs it ("earned $5
million", "fined … $2 million", "agreed to buy … for $3 billion", "closed at $29") and
that verb's subject ("net rose to …", "the Dow fell 2%", "the yen weakened 1%"). A
restatement (", or 98 cents a share") and a figure compared with another ("from $4
million a year earlier", "up 8% from …") take the metric of the figure they restate or
are compared with; a result given per share is ``eps``. A figure whose noun the
sentence does not give stays None.

The noun and verb tables are data (``models/data/metric_cues.json``); ``noun_key`` and
``MetricCues.verb_key`` are the pure lookups.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from spacy.tokens import Span, Token

from .context import DocContext
from .cues import phrase_regex, surface_forms, way_of
from .tree import NOMINAL, SUBJECTS, VERBAL


# Prepositions by which a noun only qualifies another: "profit from operations", "sales in Asia".
QUALIFYING_PREPOSITIONS = frozenset({"from", "at", "in", "for"})


class MetricCues:
    """The lookups built from ``metric_cues.json``."""

    def __init__(self, cues: dict[str, Any]) -> None:
        self.nouns = {phrase: key for key, phrases in cues["nouns"].items() for phrase in phrases}
        self.verbs = {verb: key for key, verbs in cues["verbs"].items() for verb in verbs}
        self.quote_verbs = set(cues["quote_verbs"])
        self.share_verbs = set(cues["share_verbs"])
        self.null_nouns = {phrase: "none" for phrase in cues["null_nouns"]}
        self.generic_heads = set(cues["generic_heads"])
        self.rate_kinds = cues["rate_kinds"]
        self.market_nouns = set(cues["market_nouns"])
        self.level_nouns = frozenset(cues["level_nouns"])
        self.value_nouns = frozenset(cues["value_nouns"])
        self.period_nouns = frozenset(cues["period_nouns"])
        self.holding_verbs = frozenset(cues["holding_verbs"])
        self.comparison_adverbs = frozenset(cues["comparison_adverbs"])
        self.stake_verbs = frozenset(cues["stake_verbs"])
        self.asset_nouns = set(cues["asset_nouns"])
        self.sale_nouns = frozenset(cues["sale_nouns"])
        self.holding_metrics = frozenset(cues["holding_metrics"])
        self.not_stock_nouns = set(cues["not_stock_nouns"])
        self.quantity_nouns = frozenset(cues["quantity_nouns"])
        self.kinds = {word: key for key, words in cues["subject_kinds"].items() for word in words}
        self.per_share = re.compile(rf"^\s*(?:{phrase_regex(cues['per_share'])})\b", re.I)
        self.result_metrics = frozenset(cues["result_metrics"])
        self.company_metrics = frozenset(cues["company_metrics"])

    def verb_key(self, verb: Token) -> str | None:
        """The metric a verb's amount has ("earned" → profit), particle included ("wrote off")."""
        forms = surface_forms(verb.lower_, verb.lemma_)
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        for form in forms:
            for particle in particles:
                if f"{form} {particle}" in self.verbs:
                    return self.verbs[f"{form} {particle}"]
        return next((self.verbs[f] for f in forms if f in self.verbs), None)


def noun_key(words: Sequence[tuple[str, str]], table: dict[str, str]) -> str | None:
    """The metric of a noun written after its modifiers, longest phrase first.

    ``words`` are (lower-case form, lemma) pairs, the noun last.

    >>> table = {"income": "profit", "operating income": "operating_profit", "share": "share_price",
    ...          "market share": "market_share"}
    >>> noun_key([("operating", "operating"), ("income", "income")], table)
    'operating_profit'
    >>> noun_key([("net", "net"), ("income", "income")], table)
    'profit'
    >>> noun_key([("market", "market"), ("share", "share")], table)
    'market_share'
    >>> noun_key([("widgets", "widget")], table) is None
    True

    A noun in "-ing" names an activity, not the noun of its stem ("composite trading" is no trade):

    >>> noun_key([("composite", "composite"), ("trading", "trade")], {"trade": "trade"}) is None
    True
    """
    for first in range(len(words)):
        head = words[first:]
        prefix = " ".join(lower for lower, _ in head[:-1])
        lower, lemma = head[-1]
        forms = {lower, lower.removesuffix("s")} if lower.endswith(("ing", "ings")) else surface_forms(lower, lemma)
        for form in sorted(forms, key=len, reverse=True):
            phrase = f"{prefix} {form}" if prefix else form
            if phrase in table:
                return table[phrase]
    return None


def _phrase_words(noun: Token) -> list[tuple[str, str]]:
    """The noun with the modifiers written right before it, as the text writes them: a
    hyphenated word stays one word ("write-off", "cross-border e-commerce")."""
    doc = noun.doc
    first = noun.i
    while first > noun.sent.start and noun.i - first < 6:
        before = doc[first - 1]
        glued = not before.whitespace_
        modifier = before.dep_ in ("compound", "amod", "nmod", "npadvmod") and first <= before.head.i <= noun.i
        if not (glued or modifier) or before.is_punct and before.text != "-":
            break
        first -= 1
    chunks = doc[first : noun.i + 1].text.lower().split()
    if not chunks:
        return [(noun.lower_, noun.lemma_.lower())]
    last = chunks[-1]
    lemma = noun.lemma_.lower() if last == noun.lower_ else last
    return [(chunk, chunk) for chunk in chunks[:-1]] + [(last, lemma)]


def key_of_noun(mc: MetricCues, noun: Token) -> str | None:
    """The metric a noun names: "net income", "share of the market", "stake"; when the head noun
    names none, a modifier that does ("earnings estimate" → profit)."""
    if noun.ent_type_ in ("ORG", "GPE", "PERSON") or noun.pos_ == "PROPN" and noun.i != noun.sent.start and not noun.is_lower:
        return None  # a name, not a measure ("Yiwu International Trade Market"); a lower-case "net" is no name
    words = _phrase_words(noun)
    if noun_key(words, mc.null_nouns):
        return None  # one-time gains, tax credits, fund outflows: no key fits
    key = noun_key(words, mc.nouns)
    if key is None and noun.lemma_.lower() in mc.generic_heads:  # "its operating profit forecast": the modifiers' phrase
        key = next((found for end in range(len(words) - 1, 0, -1) if (found := noun_key(words[:end], mc.nouns))), None)
    if key is None and noun.lower_ in mc.value_nouns:
        key = _value_of(mc, noun)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    longer = mc.nouns.get(f"{noun.lower_} of the {pobj.lower_}") or mc.nouns.get(f"{noun.lower_} of {pobj.lower_}")
                    if longer:
                        return longer
    return key


def kind_of_subject(mc: MetricCues, ctx: DocContext, noun: Token) -> str | None:
    """What a quoted or moving subject is: an index, a currency, a commodity, a company's stock
    (never a quantity of one: "iron ore shipments rose 4%" is no price)."""
    if noun.lemma_.lower() in mc.quantity_nouns:
        return None
    words = [t for t in noun.subtree if t.i <= noun.i][-4:]
    lowers = [t.lower_ for t in words]
    for size in (2, 1):
        for i in range(len(lowers) - size + 1):
            kind = mc.kinds.get(" ".join(lowers[i : i + size]))
            if kind:
                return kind
    if noun.lower_ in mc.not_stock_nouns:
        return None  # "the fund rose 2%": a fund's return, not a share price
    if noun.i in ctx.org_at or noun.lower_ in ctx.cues.org_pronouns or noun.lower_ in ctx.cues.org_nouns:
        return "share_price"
    return None


def _value_of(mc: MetricCues, noun: Token) -> str | None:
    """What a bare "value", "volume" or "total" is the value of: a word before it ("the import and
    export value") or its "of" complement ("the value of cross-border e-commerce")."""
    for token in sorted((t for t in noun.subtree if t.i < noun.i and t.pos_ in NOMINAL | {"ADJ", "VERB"}), key=lambda t: -t.i):
        key = noun_key([(token.lower_, token.lemma_.lower())], mc.nouns)
        if key:
            return key
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ != "PROPN":
                    return noun_key(_phrase_words(pobj), mc.nouns)
    return None


def own_noun(mc: MetricCues, span: Span | Token, levels: bool = False) -> Token | None:
    """The noun the figure is the amount of: "a loss of [$5m]", "a [$30m] charge", "[$7m] in sales";
    through level nouns ("a total of", "a high of"), unless ``levels`` asks for the level itself."""
    token = span.root if isinstance(span, Span) else span
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ in ("compound", "nummod", "amod", "quantmod", "nmod", "npadvmod", "appos") and head.pos_ in NOMINAL:
            if head.lower_ in mc.level_nouns and not levels:
                token = head
                continue
            return head
        owner = head.head
        if owner.lower_ in mc.comparison_adverbs and owner.head.pos_ in NOMINAL:
            owner = owner.head  # "earnings a year earlier of $3 million": the "of" is the noun's
        if token.dep_ == "pobj" and head.lower_ == "of" and owner.pos_ in NOMINAL and owner.i < token.i:
            if owner.lower_ in mc.level_nouns and not levels:
                token = owner
                continue
            if owner.lower_.rsplit("-", 1)[-1] in mc.period_nouns:  # "net income for the second quarter of $8.6 million"
                return owner.head.head if owner.dep_ == "pobj" and owner.head.head.pos_ in NOMINAL else None
            return owner
        return None
    return None



def in_noun(span: Span | Token, preps: tuple[str, ...] = ("in", "of")) -> Token | None:
    """"[$713 million] in revenue", "[$5 billion] of debt": the noun of the figure's own "in/of"."""
    tokens = list(span) if isinstance(span, Span) else [span]
    inside = range(tokens[0].i, tokens[-1].i + 1)
    for token in tokens:
        for child in token.children:
            if child.i not in inside and child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in NOMINAL:
                        return pobj
    return None


def _governing_verb(mc: MetricCues, token: Token) -> tuple[Token | None, str | None]:
    """The verb above the figure (through at most one preposition) and that preposition."""
    prep = None
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return None, prep
        if head.pos_ in VERBAL:
            return head, prep
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if prep is not None:
                return None, prep
            prep = head.lower_
        elif head.pos_ in NOMINAL and (head.lower_ in mc.level_nouns or head.lower_.rsplit("-", 1)[-1] in mc.period_nouns):
            prep = None  # "rising to a high of $42", "rising for the year of $42": the "of" says nothing
        elif head.pos_ in NOMINAL and token.dep_ not in ("compound", "nummod", "amod", "quantmod", "npadvmod", "appos", "conj"):
            return None, prep
        token = head
    return None, prep


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is chained to ("net rose …, and then fell …"); a
    relative pronoun stands for the noun its clause modifies ("the pound, which was at $1.57")."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            return verb.head
        if subject is not None:
            return subject
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in VERBAL:
            verb = verb.head
        else:
            return None
    return None


def from_clause(ctx: DocContext, mc: MetricCues, anchor: Token) -> str | None:
    """The metric the governing verb or its subject gives."""
    verb, prep = _governing_verb(mc, anchor)
    if verb is None:
        return None
    key = mc.verb_key(verb)
    if key == "cost":  # "a barrel cost $88" is a price, "the project cost $5 billion" a cost
        subject = _clause_subject(verb)
        if subject is not None and kind_of_subject(mc, ctx, subject) == "price":
            return "price"
        if subject is not None and key_of_noun(mc, subject) == "deal_value":
            return "deal_value"  # "the purchase is expected to cost 11 billion francs"
    if key and prep in (None, "for", "by", "of", "to", "at"):
        return key
    if prep in ("to", "from", "at"):  # "cut its stake to 5%", "kept its policy rate at 6.5%"
        for child in verb.children:
            if child.dep_ == "dobj" and key_of_noun(mc, child):
                return key_of_noun(mc, child)
            if child.dep_ == "dobj" and child.i != anchor.i and way_of(child, ctx.cues.change_nouns) is not None:
                return _changed(ctx, mc, child)  # "posted a drop in operating income to $20 million"
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOMINAL and key_of_noun(mc, verb.head):
        return key_of_noun(mc, verb.head)  # "claims totaling $1 billion"
    if way_of(verb, ctx.cues.change_verbs) is not None:  # "boosted sales 16%": what the verb changes
        for child in verb.children:
            if child.dep_ == "dobj" and child.i != anchor.i and key_of_noun(mc, child):
                return key_of_noun(mc, child)
        for child in (*anchor.children, *verb.children):  # "boosted net 16%": the parser makes "net" a modifier
            between = anchor.doc[child.i + 1 : anchor.i]
            if (child.dep_ in ("amod", "advmod") and child.i < anchor.i and child.is_lower
                    and all(t.pos_ in ("NUM", "SYM") for t in between)):
                key = noun_key([(child.lower_, child.lemma_.lower())], mc.nouns)
                if key:
                    return key
    subject = _clause_subject(verb)
    if subject is None:
        return _noun_before(mc, verb)
    transitive = any(c.dep_ == "dobj" and c.i != anchor.i for c in verb.children)  # "opened offices", "closed the deal"
    quoted = prep == "at" or not transitive and not surface_forms(verb.lower_, verb.lemma_).isdisjoint(mc.quote_verbs)
    # "raised $400 million" raises an amount; "reduced inventories $100 million" moves the inventories, not the stock
    moving = way_of(verb, ctx.cues.change_verbs) is not None and anchor.dep_ != "dobj" and not transitive
    qualified = _qualified(subject)  # "revenue for the unit, which fell to …"
    subject_key = key_of_noun(mc, subject) or (key_of_noun(mc, qualified) if qualified is not None else None) \
        or (_of_key(mc, subject) if subject.pos_ in NOMINAL and subject.lower_ not in ctx.cues.org_nouns else None)
    if subject_key == "cost" and _for_asset(mc, qualified if qualified is not None else subject):
        return "investment"  # "cost estimates for the plant ranged from …": what building it costs
    if subject_key:
        return subject_key
    if quoted or moving:
        kind = kind_of_subject(mc, ctx, subject)
        if kind is None and subject.pos_ == "PROPN" and mc.per_share.match(ctx.text[anchor.idx + len(anchor.text):]):
            return "share_price"  # "Esselte closed at $43.50 a share": a name quoted per share is its stock
        return kind
    return None


def _for_asset(mc: MetricCues, noun: Token) -> bool:
    """A noun "for" or "of" a plant, mill or project ("the cost of the new mill")."""
    return any(pobj.lemma_.lower() in mc.asset_nouns for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("for", "of")
               for pobj in prep.children if pobj.dep_ == "pobj")


def part_of(ctx: DocContext, mc: MetricCues, span: Span, percent: bool, end: int) -> str | None:
    """A part of a whole: "5% of X" or "$15 million of X's stock" is a stake in X, "30% of the
    market" a market share, "35% of group revenue" the whole's metric; "61%-owned" a stake.
    ``end``: where the figure's text ends (inside a token such as "61%-owned")."""
    if re.match(r"-?\s*(?:owned|held|controlled)\b", ctx.text[end : end + 12], re.I):
        return "stake"
    if percent and any(t.lower_ == "outstanding" for child in span.root.children if child.dep_ == "prep" and child.lower_ == "of"
                       for t in child.subtree):
        return "stake"  # "10.4% of the 9.6 million (shares) outstanding"
    whole = in_noun(span, preps=("of",))
    if whole is None:
        level = own_noun(mc, span, levels=True)
        whole = in_noun(level, preps=("of",)) if level is not None and level.lower_ in mc.level_nouns else None
    if whole is None:
        return None
    key = key_of_noun(mc, whole)
    if whole.i in ctx.org_at or key is None and whole.lower_ in ctx.cues.org_nouns and whole.tag_ != "NNS":
        return "stake"
    if key == "share_price" and whole.lower_ != "share":
        return "stake"
    if whole.lemma_.lower() == "market" and percent:
        return "market_share"
    if percent and held(mc, span):
        return "stake"  # "would own 70% of the facility": whatever the facility is, 70% of it is held
    if key is None and percent and whole.pos_ != "PROPN":
        verb, _ = _governing_verb(mc, span.root)
        if verb is not None and mc.verb_key(verb) is None and not surface_forms(verb.lower_, verb.lemma_).isdisjoint(mc.share_verbs):
            return "market_share"  # "makes 90% of the world's chips": its share of that market
    return key


def _noun_before(mc: MetricCues, verb: Token) -> str | None:
    """For a verb the parser left without a subject: the metric noun written just before it, in
    the same stretch of the sentence ("the export value of e-commerce reached …")."""
    for token in reversed(verb.doc[max(verb.sent.start, verb.i - 6) : verb.i]):
        if token.is_punct and token.text != "-":
            return None
        if token.pos_ == "NOUN":
            key = key_of_noun(mc, token)
            if key:
                return key
    return None


def figure_metric(ctx: DocContext, mc: MetricCues, span: Span, percent: bool, end: int) -> str | None:
    """The figure's metric from its own noun or its clause, before restatement and comparison."""
    key = _figure_metric(ctx, mc, span, percent, end)
    if key == "interest_rate":
        key = _rate_named_before(ctx, mc, span) or key
    if percent and key == "share_price" and _share_noun(span) is not None:
        return "market_share"  # "a share of 7%", "its share rose to 30%"
    if percent and key == "deal_value":  # a price is money: "to sell 5%" sells a stake, "sold 12% more phones" none
        return "stake" if held(mc, span) else None
    if not percent and key == "interest_rate":
        return "price"  # a rate in money is a price ("room rates of $35 a night")
    return key


def held(mc: MetricCues, span: Span) -> bool:
    """A percentage a verb of holding governs ("owns 67%", "holds 14.6%") or that a verb of buying
    or selling takes as its object ("bought 20%"): a stake, when nothing else says what it is a
    share of."""
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in mc.stake_verbs:
        return True  # "agreed to acquire 20%", "amassed 12%": the percentage bought or sold
    return any(t.lower_ in mc.holding_verbs for t in root.ancestors)


def _rate_named_before(ctx: DocContext, mc: MetricCues, span: Span) -> str | None:
    """A bare "the rate" is the rate the article named in full last ("the unemployment rate …
    the rate for adult women"), unless its own sentence says "interest"."""
    start, _ = ctx.unit(span)
    sentence = ctx.text[start : span.start_char].lower()
    if any(word in sentence for word in mc.rate_kinds if f"{word} rate" in sentence):
        return None
    last, key = -1, None
    for word, kind in mc.rate_kinds.items():
        found = ctx.lower_text.rfind(f"{word} rate", 0, span.start_char)
        if found > last:
            last, key = found, kind
    return key


def _share_noun(span: Span) -> Token | None:
    """The singular "share" that a percentage is ("a 2% share", "its share increased to 30%")."""
    for token in (*span.root.ancestors, *[c for a in span.root.ancestors for c in a.children if c.dep_ in SUBJECTS]):
        if token.lower_ == "share":
            return token
    return None


def _figure_metric(ctx: DocContext, mc: MetricCues, span: Span, percent: bool, end: int) -> str | None:
    part = part_of(ctx, mc, span, percent, end)
    if part:
        return part
    noun = own_noun(mc, span) or _change_reached(ctx, span)
    if noun is not None and not percent and noun.lemma_.lower() in mc.market_nouns:
        return "revenue"  # "the $6 billion cereal market": the size of a market
    if noun is not None and not percent and noun.lemma_.lower() in mc.asset_nouns:
        return "investment"  # "a $1 billion plant": what it costs to build
    key = key_of_noun(mc, noun) if noun is not None else None
    if key:
        return key
    if noun is not None and not percent and span.root.dep_ == "appos":
        quoted = kind_of_subject(mc, ctx, noun)  # "Euro: 1.0850 dollars", "Gold: $1,950 an ounce"
        if quoted in ("exchange_rate", "price"):
            return quoted
    if noun is not None and noun.pos_ in NOMINAL and way_of(noun, ctx.cues.change_nouns) is not None:
        # an amount that is itself the gain ("a gain of $9 million") says only what its own noun says
        key = _changed(ctx, mc, noun, clause=percent or noun is _change_reached(ctx, span))
        # a gain on holdings ("investment gains of $31 million") is income, not the holding
        return None if not percent and key in mc.holding_metrics else key
    if noun is not None and noun_key(_phrase_words(noun), mc.null_nouns):
        return None
    key = _of_key(mc, noun) if noun is not None else None
    if key:
        return key
    qualified = _qualified(noun) if noun is not None else None
    key = key_of_noun(mc, qualified) if qualified is not None else None
    if key:
        return key
    owned = in_noun(span)
    key = key_of_noun(mc, owned) if owned is not None else None
    if key:
        verb, _ = _governing_verb(mc, span.root)
        if not percent and key in ("budget", "stake", "share_price") and verb is not None and mc.verb_key(verb) == "deal_value":
            # what a payer pays "in taxes" or "in interest" is its cost, not a budget or a stake;
            # "will acquire X for $1.65 billion in stock": stock is how the price is paid
            return "deal_value" if key == "share_price" else "cost"
        return key
    verb = span.root.head
    if not percent and span.root.dep_ == "dobj" and any(
            pobj.lemma_.lower() in mc.sale_nouns for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
            for pobj in prep.children if pobj.dep_ == "pobj"):
        return "deal_value"  # "expects to use $2 billion from the sale of its unit": what the sale brings
    included = span.root.head
    if span.root.dep_ == "pobj" and included.lower_ == "including" and included.head.pos_ in NOMINAL and key_of_noun(mc, included.head):
        return key_of_noun(mc, included.head)  # "charges in the period, including $11 million for …"
    level = own_noun(mc, span, levels=True)  # "rising to a high for the year of $42 a share": the level's clause
    return from_clause(ctx, mc, level if level is not None and level.lower_ in mc.level_nouns else span.root)


def _change_reached(ctx: DocContext, span: Span) -> Token | None:
    """The change noun a figure is reached by ("a 34% profit gain [to $106 million]")."""
    root = span.root
    noun = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "from") and noun.pos_ in NOMINAL and way_of(noun, ctx.cues.change_nouns):
        return noun
    return None


def _changed(ctx: DocContext, mc: MetricCues, noun: Token, clause: bool = True) -> str | None:
    """What a change noun is a change of: its modifier ("a profit gain"), its "in/of" complement
    ("a 20% gain in net income") or, when ``clause``, the clause around it."""
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
    for modifier in modifiers:
        key = key_of_noun(mc, modifier)
        if key:
            return key
    changed = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                    for p in c.children if p.dep_ == "pobj"), None)
    if changed is not None and key_of_noun(mc, changed):
        return key_of_noun(mc, changed)
    return from_clause(ctx, mc, noun) if clause else None


def _qualified(noun: Token) -> Token | None:
    """The noun that a figure's noun only qualifies through a preposition: "profit from
    discontinued operations of $7 million", "sales in Asia of $2 billion"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in QUALIFYING_PREPOSITIONS and prep.head.pos_ in NOMINAL:
        return prep.head
    return None


def _of_key(mc: MetricCues, noun: Token) -> str | None:
    """A noun that names no metric itself takes its "of" or "in" complement's ("a restructuring
    of its bank debt", "its equity in the net income of the venture")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in NOMINAL:
                    return key_of_noun(mc, pobj)
    return None


def per_share(mc: MetricCues, key: str | None) -> str | None:
    """A figure given per share: a result becomes ``eps``; other metrics keep their key."""
    return "eps" if key in mc.result_metrics else key
