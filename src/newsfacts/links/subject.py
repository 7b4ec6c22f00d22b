"""Whose figure it is (``subject``): the organisation that earned, spent, holds or was fined it.

From the figure's own noun phrase outwards: the possessor or compound of its noun ("X's
revenue", "X shares"), "sales at/on/of X", "a stake held by X"; then the clause that
governs it ("X earned …", "X saw sales rise …", "X plans to invest …"), the object of a
penalty or valuation verb ("fined X …"). "its", "whose" and "the company" stand for an
organisation named before them. An attribution source ("according to X", "data from
X", "told X") is never the owner.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext
from .cues import has_form
from .tree import NOMINAL, NOUN_MODIFIERS, OBJECTS, SUBJECTS, VERBAL

MAX_HOPS = 12
MAX_CLAUSES = 3


def subject(ctx: DocContext, span: Span, company_figure: bool = False, metric: str | None = None) -> str | None:
    """The canonical name of the organisation that owns the figure, or None.

    ``company_figure``: the figure's metric is one a company has (revenue, profit, a stake …), so
    a company that reports it owns it ("X said net rose to …", "X estimated a charge of …"), and
    so does the organisation the sentence is about ("The company had weak results, with
    earnings down 43%")."""
    root = span.root
    if root.i in ctx.org_at:
        return None  # a figure inside an organisation's name
    holder = _holder(ctx, span) or (_buyer(ctx, span) if metric == "stake" else None)
    if holder:
        return holder
    owner = _parse_owner(ctx, span) or (_whole_owner(ctx, span) if metric not in ("stake", "deal_value") else None)
    if owner or not company_figure or _named_other(ctx, span):
        return owner
    return (_reporting_company(ctx, span.root) or _according_to_company(ctx, span)
            or _sentence_owner(ctx, span, named_ok=metric not in ("stake", "deal_value")))


def _according_to_company(ctx: DocContext, span: Span) -> str | None:
    """A company cited by name for its own result ("according to X, profit rose 20%"), unless it
    reports others' figures (an agency, an outlet); "according to the company" is the sentence's
    reference (``_sentence_owner``)."""
    for token in ctx.sentence(span):
        if token.lower_ == "to" and token.head.lower_ == "according":
            for pobj in token.children:
                owner = ctx.org_at[pobj.i]["canonical"] if pobj.dep_ == "pobj" and pobj.i in ctx.org_at else None
                if owner and not ctx.is_source_org(owner):
                    return owner
    return None


def _whole_owner(ctx: DocContext, span: Span) -> str | None:
    """A part of someone's whole is theirs: "45% of X's total business", "12% of its revenue"
    (never for stakes: "5% of X's shares" is the holder's)."""
    for prep in span.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for whole in prep.children:
                for child in whole.children if whole.dep_ == "pobj" else ():
                    if child.dep_ == "poss":
                        return _owner_word(ctx, child)
    return None


def _holder(ctx: DocContext, span: Span) -> str | None:
    """"61%-owned by X", "a 40% stake held by X": the holder named after the figure."""
    following = ctx.doc[span.end - 1 : min(span.sent.end, span.end + 4)]
    for token in following:
        if token.lower_.endswith(("owned", "held", "controlled")):
            return _named_after(ctx, token, "by")
    return None


def _named_after(ctx: DocContext, head: Token, preposition: str) -> str | None:
    """The owner named after a word's preposition or agent ("owned by X", "sold … to X")."""
    for prep in head.children:
        if prep.dep_ == "agent" or prep.dep_ in ("prep", "dative") and prep.lower_ == preposition:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return _np_owner(ctx, pobj)
    return None


def _named_other(ctx: DocContext, span: Span) -> bool:
    """The clause that governs the figure has a subject that names someone other than an
    organisation ("Bronfman interests hold 24%", "Mr. Smith bought …"): the figure is theirs."""
    for verb in span.root.ancestors:
        if verb.pos_ in VERBAL:
            for noun in verb.children:
                if noun.dep_ in SUBJECTS:
                    names = [t for t in noun.subtree if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
                    return bool(names) and not any(t.i in ctx.org_at or ctx.short_form(t) for t in names)
            return False
    return False


def _buyer(ctx: DocContext, span: Span) -> str | None:
    """A stake sold or transferred "to X" belongs to X, the buyer."""
    for verb in span.root.ancestors:
        if verb.pos_ in VERBAL:
            return _named_after(ctx, verb, "to") if has_form(verb, ctx.cues.transfer_verbs) else None
    return None


def _reporting_company(ctx: DocContext, token: Token) -> str | None:
    """The company whose saying, reporting or estimating verb the figure's clause hangs under."""
    for verb in token.ancestors:
        if verb.pos_ not in VERBAL or not has_form(verb, ctx.cues.speaker_verbs | ctx.cues.attribution_verbs):
            continue
        for noun in verb.children:
            if noun.dep_ == "nsubj":
                owner = _np_owner(ctx, noun)
                if owner and not ctx.is_source_org(owner):
                    return owner
        return None
    return None


def _sentence_owner(ctx: DocContext, span: Span, named_ok: bool = True) -> str | None:
    """The organisation the figure's sentence is about: the subject of its main verb, when that
    is an organisation or stands for one; else the one organisation the sentence names or
    refers to ("it", "its", "the company"), when there is exactly one. ``named_ok`` is False
    for stakes and deal prices, where a lone organisation named is often the one bought."""
    sent = ctx.sentence(span)  # a headline or a paragraph the parser ran into the next is not this sentence
    key = (sent.start, named_ok)
    if key not in ctx.sentence_owners:
        ctx.sentence_owners[key] = _sentence_owner_of(ctx, sent, named_ok)
    return ctx.sentence_owners[key]


def _sentence_owner_of(ctx: DocContext, sent: Span, named_ok: bool) -> str | None:
    root = sent.root
    if root.pos_ in VERBAL:
        for noun in root.children:
            if noun.dep_ in ("nsubj", "nsubjpass"):
                owner = _np_owner(ctx, noun)
                if owner and not ctx.is_source_org(owner):
                    return owner
    named: set[str] = set()
    for token in sent:
        if token.i in ctx.org_at:
            canonical = ctx.org_at[token.i]["canonical"]
            if not is_source(ctx, token) and not ctx.is_source_org(canonical) and prominent(ctx, token):
                named.add(canonical)
        elif token.lower_ in ctx.cues.org_pronouns or (token.dep_ != "compound" and has_form(token, ctx.cues.org_nouns)):
            owner = _owner_word(ctx, token)
            if owner:
                named.add(owner)
    return named.pop() if len(named) == 1 and named_ok else None


def _parse_owner(ctx: DocContext, span: Span) -> str | None:
    """The owner the figure's own phrase or governing clause names."""
    root = span.root
    inside = range(span.start, span.end)
    for token in span:
        for child in token.children:
            if child.i in inside:
                continue
            if child.dep_ == "poss" or (token.i == root.i and child.dep_ in NOUN_MODIFIERS and child.i in ctx.org_at):
                owner = _owner_word(ctx, child)
                if owner:
                    return owner
    token = root
    for _ in range(MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ in VERBAL:
            return _clause_owner(ctx, head, token, 0, controlled=False)
        if token.dep_ == "appos" and head.i in ctx.org_at:
            return None if is_source(ctx, head) else ctx.org_at[head.i]["canonical"]  # "X, a firm with assets of $17 billion"
        if head.pos_ not in ("ADP", "PART", "CCONJ", "PUNCT", "DET"):
            owner = _noun_owner(ctx, head, skip=token)
            if owner:
                return owner
            if head.dep_ in ("relcl", "acl"):
                return None
        token = head
    return None


def _clause_owner(ctx: DocContext, verb: Token, via: Token, depth: int, controlled: bool) -> str | None:
    """Owner from a clause: a penalty verb's object, the subject or agent, "at X", or the clause above.

    ``controlled``: reached from an xcomp, whose subject is this verb's ("X plans to invest …"),
    so even an attribution verb's subject owns the figure."""
    if depth > MAX_CLAUSES:
        return None
    cues = ctx.cues
    if has_form(verb, cues.object_owner_verbs):
        for child in verb.children:
            if child.dep_ in OBJECTS and child.i != via.i:
                owner = _np_owner(ctx, child)
                if owner:
                    return owner
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    attributing = has_form(verb, cues.attribution_verbs) and not (
        via.dep_ == "dobj" and has_form(verb, cues.literal_with_object))  # "X added $5 million to reserves"
    if controlled or not attributing:
        for noun in (*agents, *subjects):
            owner = _np_owner(ctx, noun)
            if owner:
                return owner
        if any(_is_bare_company_figure(ctx, noun) for noun in subjects):
            owner = _speaker(ctx, verb)
            if owner:
                return owner
        for noun in verb.children:  # "storm losses cut X's net income by $50 million"
            if noun.dep_ == "dobj" and noun.i != via.i and has_form(noun, cues.figure_nouns):
                owner = next((o for c in noun.children if c.dep_ == "poss" for o in [_owner_word(ctx, c)] if o), None)
                if owner:
                    return owner
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in cues.verb_owner_preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in ctx.org_at and not is_source(ctx, pobj):
                    return ctx.org_at[pobj.i]["canonical"]
    head = verb.head
    if verb.dep_ in ("ccomp", "xcomp") and has_form(head, cues.perception_verbs):
        return _clause_owner(ctx, head, verb, depth + 1, controlled=False)
    if subjects or agents:
        return None
    if verb.dep_ == "xcomp" and head.pos_ in VERBAL:  # "analysts expected X to post revenue of …": X posts it
        for noun in head.children:
            if noun.dep_ == "dobj" and noun.i < verb.i:
                owner = _np_owner(ctx, noun)
                if owner:
                    return owner
    if verb.dep_ in ("xcomp", "conj") and head.pos_ in VERBAL:
        return _clause_owner(ctx, head, verb, depth + 1, controlled=verb.dep_ == "xcomp" or controlled)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.pos_ in VERBAL:
        return _clause_owner(ctx, head, verb, depth + 1, controlled=controlled)  # "X's stock fell, closing at $29"
    if verb.dep_ in ("relcl", "acl") and head.pos_ in NOMINAL:
        return _np_owner(ctx, head)
    return None


def _is_bare_company_figure(ctx: DocContext, noun: Token) -> bool:
    """"revenue", "net profit" with no owner of their own: a company's figure whose company the
    clause's speaker names ("X said revenue rose 5%")."""
    if not has_form(noun, ctx.cues.company_figure_nouns):
        return False
    return all(
        c.dep_ in ("det", "amod", "prep", "punct") and c.pos_ != "PROPN" and c.lower_ not in ("a", "an")
        or c.dep_ == "compound" and c.pos_ == "NOUN"
        for c in noun.children
    )


def _speaker(ctx: DocContext, verb: Token) -> str | None:
    """The organisation that says or reports a clause, whether the clause hangs under its verb
    ("X said revenue rose") or the verb under the clause ("Revenue rose, X said")."""
    candidates = [c for c in verb.children if c.dep_ in ("parataxis", "ccomp", "advcl")]
    if verb.dep_ in ("ccomp", "parataxis"):
        candidates.append(verb.head)
    for speech in candidates:
        if speech.pos_ not in VERBAL or not has_form(speech, ctx.cues.speaker_verbs):
            continue
        for noun in speech.children:
            if noun.dep_ == "nsubj":
                owner = _np_owner(ctx, noun)
                if owner and not ctx.is_source_org(owner):
                    return owner
    return None


def _np_owner(ctx: DocContext, noun: Token, depth: int = 0, loose: bool = False) -> str | None:
    """Owner named by a noun phrase: the organisation itself, a pronoun or "the company" standing
    for one, or an organisation attached to the noun."""
    if depth > 2:
        return None
    cues = ctx.cues
    if noun.i in ctx.org_at:
        return None if is_source(ctx, noun) else ctx.org_at[noun.i]["canonical"]
    if noun.pos_ == "PRON" or noun.lower_ in cues.org_pronouns or noun.lower_ in cues.relative_pronouns:
        return _resolve_pronoun(ctx, noun)
    if has_form(noun, cues.attribution_nouns):
        return None
    owner = _noun_owner(ctx, noun, depth, loose=loose)
    if owner:
        return owner
    return _generic_org_noun(ctx, noun) or ctx.short_form(noun)


def _noun_owner(ctx: DocContext, noun: Token, depth: int = 0, skip: Token | None = None, loose: bool = False) -> str | None:
    """Owner attached to a noun: possessor; for figure nouns also a compound, "of/at/on/for/by X",
    a participle's "by/on X" ("sales made on X", "a stake held by X") and the owner of "N of
    <figure noun>". ``loose`` accepts a compound organisation on any noun ("on the X platform")."""
    cues = ctx.cues
    figure_noun = has_form(noun, cues.figure_nouns)
    skip_i = skip.i if skip is not None else -1
    for child in noun.children:  # "X's finance arm, Y Corp.": the organisation named in apposition, not X
        if child.dep_ == "appos" and child.i in ctx.org_at and child.i != skip_i:
            return None if is_source(ctx, child) else ctx.org_at[child.i]["canonical"]
    for child in noun.children:
        if child.i == skip_i:
            continue
        owner = None
        if child.dep_ == "poss":
            owner = _owner_word(ctx, child)
        elif child.dep_ in NOUN_MODIFIERS and child.i in ctx.org_at and (figure_noun or loose):
            owner = None if is_source(ctx, child) else ctx.org_at[child.i]["canonical"]
        elif child.dep_ == "compound" and figure_noun:
            owner = ctx.short_form(child)  # "Kellogg stock" after "Kellogg Co."
        elif child.dep_ == "prep" and figure_noun and not (child.lower_ == "of" and has_form(noun, cues.target_nouns)) and (
            child.lower_ in cues.owner_preps or child.lower_ in cues.noun_owner_preps.get(noun.lower_, ())
        ):
            owner = _prep_owner(ctx, child, depth)
        elif child.dep_ == "acl" and figure_noun:
            for prep in child.children:
                if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ in cues.owner_preps):
                    owner = owner or _prep_owner(ctx, prep, depth)
        if owner:
            return owner
    if figure_noun or noun.dep_ in SUBJECTS:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i != skip_i:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and has_form(pobj, cues.figure_nouns) and depth < 2:
                        owner = _noun_owner(ctx, pobj, depth + 1)
                        if owner:
                            return owner
    return None


def _prep_owner(ctx: DocContext, prep: Token, depth: int) -> str | None:
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            owner = _np_owner(ctx, pobj, depth + 1, loose=True)
            if owner:
                return owner
    return None


def _owner_word(ctx: DocContext, token: Token) -> str | None:
    """A possessor: an organisation, or a pronoun or "the company" standing for one."""
    if token.i in ctx.org_at:
        return None if is_source(ctx, token) else ctx.org_at[token.i]["canonical"]
    if token.lower_ in ctx.cues.org_pronouns or token.lower_ in ctx.cues.relative_pronouns:
        return _resolve_pronoun(ctx, token)
    return _generic_org_noun(ctx, token) or ctx.short_form(token)


def _generic_org_noun(ctx: DocContext, noun: Token) -> str | None:
    """"the company", "the retailer": the nearest organisation before it in the sentence."""
    # the article may sit on the first of a list of modifiers ("for the valves, pumps and filters concern")
    determined = any(c.lower_ in ("the", "this") for c in noun.children) or \
        noun.dep_ == "pobj" and noun.head.i + 1 < noun.i and ctx.doc[noun.head.i + 1].lower_ in ("the", "this")
    if has_form(noun, ctx.cues.org_nouns) and noun.tag_ != "NNS" and determined:
        if noun.lemma_.lower() in ctx.cues.subsidiary_nouns and not _org_before_in_sentence(ctx, noun):
            subsidiary = ctx.subsidiary_before(noun.idx, noun.lemma_.lower())  # "the unit": the unit the article introduced
            if subsidiary:
                return subsidiary
        return _nearest_org_before(ctx, noun)
    return None


def _resolve_pronoun(ctx: DocContext, token: Token) -> str | None:
    """"whose"/"which" → the organisation the relative clause modifies; "its"/"it" → the
    nearest organisation before; plural pronouns are left alone."""
    lower = token.lower_
    cues = ctx.cues
    if lower in cues.relative_pronouns:
        for ancestor in token.ancestors:
            if ancestor.dep_ == "relcl":
                head = ancestor.head
                if head.i in ctx.org_at:
                    return None if is_source(ctx, head) else ctx.org_at[head.i]["canonical"]
                return _noun_owner(ctx, head) if head.pos_ in NOMINAL else None  # "X stock, which closed at …"
        return None
    if lower in cues.plural_pronouns or lower not in cues.org_pronouns:
        return None
    sent = ctx.sentence(token)
    if not any(t.i in ctx.org_at for t in ctx.doc[sent.start : token.i]) and not _previous_names_org(ctx, sent):
        return None  # "It includes removing …" after a sentence about a plan: not a company
    return _nearest_org_before(ctx, token)


def _previous_names_org(ctx: DocContext, sent: Span) -> bool:
    """Whether the sentence before names an organisation or refers to one ("the company")."""
    if sent.start == 0:
        return False
    previous = ctx.sentence(ctx.doc[sent.start - 1])
    return any(t.i in ctx.org_at or t.lower_ in ctx.cues.org_pronouns or t.dep_ != "compound" and has_form(t, ctx.cues.org_nouns)
               for t in previous)


def _org_before_in_sentence(ctx: DocContext, token: Token) -> str | None:
    """The last organisation before ``token`` in its sentence that is not an attribution source."""
    for candidate in reversed(ctx.doc[ctx.sentence(token).start : token.i]):
        if candidate.i in ctx.org_at and not is_source(ctx, candidate):
            return ctx.org_at[candidate.i]["canonical"]
    return None


def _nearest_org_before(ctx: DocContext, token: Token) -> str | None:
    """The last organisation before ``token`` in its sentence; when there is none, the
    organisation the article is about (``DocContext.antecedent``): "the company, which is
    61%-owned by X" is not X."""
    return _org_before_in_sentence(ctx, token) or ctx.antecedent(ctx.sentence(token).start_char)


def prominent(ctx: DocContext, token: Token) -> bool:
    """An organisation named as the subject of a clause or as the possessor of one ("X's
    profit rose"), not one inside a modifier of something else ("aircraft made by X")."""
    node = token
    while node.head.i != node.i and node.head.i in ctx.org_at and ctx.org_at[node.head.i] is ctx.org_at[token.i]:
        node = node.head
    for _ in range(3):
        if node.dep_ in ("nsubj", "nsubjpass"):
            return True
        if node.dep_ in ("poss", "compound", "conj") and node.head.i != node.i:
            node = node.head
            continue
        return False
    return False


def is_source(ctx: DocContext, token: Token) -> bool:
    """An organisation named as the source of a figure: "according to X", "data from X",
    "X data", "told X", "sent to X"."""
    cues = ctx.cues
    node = token
    while node.head.i != node.i and node.head.i in ctx.org_at and ctx.org_at[node.head.i] is ctx.org_at[token.i]:
        node = node.head
    head = node.head
    if node.dep_ in ("compound", "nmod", "poss") and has_form(head, cues.attribution_nouns):
        return True
    if node.dep_ == "pobj":
        governor = head.head
        if head.lower_ == "to" and governor.lower_ == "according":
            return True
        if head.lower_ in ("from", "by", "of", "at") and has_form(governor, cues.attribution_nouns):
            return True
        if head.lower_ == "to" and governor.pos_ in VERBAL and has_form(governor, cues.reporting_verbs):
            return True
        if head.lower_ in ("on", "in") and has_form(governor, cues.venue_words):
            return True  # "trading on X", "listed on X": where shares trade, not whose figure
    return node.dep_ in ("dative", "dobj") and has_form(head, {"tell", "quote", "cite"})
