"""Within-article coreference of organisation mentions, and the cross-article ``id``.

An article names one organisation in several ways. ``resolve`` groups its mentions
and names every group by the fullest name the article itself uses (never a name
from a dictionary that the article does not say). The links, each a pure rule:

* gazetteer aliases ("JD" / "JD.com");
* web domains ("Flipkart.com" / "Flipkart");
* legal and industry suffixes ("Tencent" / "Tencent Holdings Ltd.") and spelling
  variants;
* acronyms: a bracketed definition in either order ("the Union of Rationalist
  Atheists (UAAR)"), or the initials of a long form mentioned anywhere in the
  article, skipping function words and keeping "&" ("IEA" / "International Energy
  Agency", "P&G" / "Procter & Gamble");
* a leading part of a name that ends in a legal suffix ("Hon Hai" / "Hon Hai
  Precision Industry Co.");
* the name behind a generic head ("England" / "Church of England");
* head-noun shortenings ("the Commission" / "the European Commission"), resolved to
  the nearest earlier long form when several fit.

Names that merely share a word ("Alibaba" / "Alibaba Cloud") stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

FUZZY_SAME = 94
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9&.\-]{2,10}$|^[A-Z][a-z]?[A-Z][A-Z0-9&]{0,6}$")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def fold(name: str) -> str:
    """Case-, punctuation- and space-folded form for comparing names.

    >>> fold("Hon Hai Precision Industry Co., Ltd.")
    'hon hai precision industry co ltd'
    """
    return re.sub(r"[\W_]+", " ", name.lower()).strip()


def is_acronym(name: str) -> bool:
    """Initials-shaped: "IEA", "P&G", "M5S", "U.N.", "KfW" (not "Apple" or "IE 9").

    >>> [is_acronym(n) for n in ("IEA", "P&G", "U.N.", "Apple", "UNC Greensboro")]
    [True, True, True, False, False]
    """
    return bool(ACRONYM.match(name))


def initials(name: str, function_words: frozenset[str]) -> set[str]:
    """The acronyms a long name can have: with and without its function words, and with "&".

    >>> sorted(initials("Nigerian People's Party", frozenset({"of"})))
    ['NPP']
    >>> sorted(initials("Procter & Gamble", frozenset({"and"})))
    ['P&G', 'PG']
    >>> sorted(initials("Bank of England", frozenset({"of"})))
    ['BE', 'BOE']
    """
    words = [POSSESSIVE.sub("", w) for w in re.split(r"[\s\-–/]+", name) if w]
    content = [w for w in words if w.lower() not in function_words]
    forms = set()
    for chosen in (content, words):
        letters = "".join(w[0] if w != "&" else "&" for w in chosen if w and (w[0].isalnum() or w == "&"))
        forms.add(letters.upper())
        forms.add(letters.replace("&", "").upper())
    return {f for f in forms if len(f) >= 2}


def web_stem(name: str, web_suffixes: tuple[str, ...]) -> str | None:
    """A domain's name part ("Flipkart.com" → "Flipkart"), or ``None`` if not a domain.

    >>> web_stem("Flipkart.com", (".com",)), web_stem("Flipkart", (".com",))
    ('Flipkart', None)
    """
    lowered = name.lower()
    for suffix in sorted(web_suffixes, key=len, reverse=True):
        if lowered.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return None


@dataclass(frozen=True)
class CorefRules:
    """The word lists the rules need (from ``org_patterns.json`` and ``org_typing.json``)."""

    suffixes: frozenset[str]
    legal_suffixes: frozenset[str]
    generic_heads: frozenset[str]
    function_words: frozenset[str]
    web_suffixes: tuple[str, ...]
    legal_prefixes: frozenset[str] = frozenset()


class _Groups:
    """Union-find over distinct names."""

    def __init__(self, names: list[str]) -> None:
        self.parent = {n: n for n in names}

    def find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _words(name: str) -> list[str]:
    return name.replace(",", " ").split()


def _suffix_extension(short: str, long: str, suffixes: frozenset[str]) -> bool:
    """``long`` is ``short`` plus suffix words, with at most two leading words ("Shenzhen Kaiyu Electronics Co.").

    >>> words = frozenset({"Savings", "Loan", "Association", "Bank", "Co."})
    >>> _suffix_extension("Harwick", "Harwick Savings & Loan Association", words)
    True
    >>> _suffix_extension("Harwick", "Harwick Trust Bank", words)
    False
    """
    short_words, long_words = _words(short), _words(long)
    for offset in range(0, min(3, len(long_words) - len(short_words) + 1)):
        if long_words[offset: offset + len(short_words)] == short_words:
            rest = [w for w in long_words[offset + len(short_words):] if w not in ("&", "and")]
            if rest and all(w.strip(".") in suffixes or w in suffixes for w in rest):
                return True  # "Crossland" / "Crossland Savings Bank", "Acme" / "Acme Savings & Loan Association"
    return False


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _legal_extension(short: str, long: str, rules: CorefRules) -> bool:
    """``long`` is ``short`` and legal forms only, a possessive aside ("Armco" / "Armco Inc.",
    "Halden" / "Halden's Inc."): the closest long form when a short name opens several.

    >>> rules = CorefRules(frozenset({"Inc."}), frozenset({"Inc.", "S.A."}), frozenset(), frozenset(), ())
    >>> _legal_extension("Halden", "Halden's Inc.", rules), _legal_extension("Orvel", "Orvel S.A.", rules)
    (True, True)
    >>> _legal_extension("Orvel", "Orvel Foods Inc.", rules)
    False
    """
    long_words = _words(long)
    while len(long_words) > 1 and (long_words[-1] in rules.legal_suffixes or long_words[-1].rstrip(".") in rules.legal_suffixes):
        long_words.pop()
    short_words = _words(short)
    return len(long_words) < len(_words(long)) and [_bare(w) for w in long_words] == [_bare(w) for w in short_words]


def _leading_part(short: str, long: str, rules: CorefRules) -> bool:
    """``short`` opens ``long`` and ``long`` ends in a legal suffix ("Hon Hai" / "Hon Hai Precision Industry Co.")."""
    short_words, long_words = _words(short), _words(long)
    if len(long_words) <= len(short_words) or long_words[: len(short_words)] != short_words:
        return False
    if len(short_words) == 1 and short_words[0] in rules.generic_heads:
        return False
    last = long_words[-1]
    return last in rules.legal_suffixes or last.rstrip(".") in {s.rstrip(".") for s in rules.legal_suffixes}


def _behind_prefix(short: str, long: str, rules: CorefRules) -> bool:
    """``long`` is a legal prefix (and a connector) + ``short``, legal forms after it allowed
    ("Navimar" / "Cie. de Navimar", "Sinar Jaya" / "PT Sinar Jaya Tbk").

    >>> rules = CorefRules(frozenset({"Tbk"}), frozenset({"Tbk"}), frozenset(), frozenset(), (), frozenset({"PT", "Cie."}))
    >>> _behind_prefix("Navimar", "Cie. de Navimar", rules), _behind_prefix("Sinar Jaya", "PT Sinar Jaya Tbk", rules)
    (True, True)
    >>> _behind_prefix("Ravelle", "Cie. Financiere de Ravelle", rules), _behind_prefix("Financiere", "Cie. Financiere de Ravelle", rules)
    (True, False)
    """
    long_words = _words(long)
    if len(long_words) < 2 or long_words[0] not in rules.legal_prefixes:
        return False
    connector = next((i for i, w in enumerate(long_words[1:4], 1) if w in ("de", "do", "da", "des", "du", "di")), None)
    rest = long_words[connector + 1:] if connector is not None else long_words[1:]  # "Cie. Financiere de Paribas"
    short_words = _words(short)
    tail = rest[len(short_words):]
    return rest[:len(short_words)] == short_words and all(w in rules.legal_suffixes for w in tail)


def _behind_head(short: str, long: str, rules: CorefRules) -> bool:
    """``long`` is a generic head + "of" + ``short`` ("Bank of Ghana" / "Ghana")."""
    long_words = _words(long)
    return (len(long_words) >= 3 and long_words[0] in rules.generic_heads and long_words[1].lower() == "of"
            and " ".join(long_words[2:]) == short)


def shortens(short: str, long: str, rules: CorefRules) -> bool:
    """``short`` is a short form of ``long`` by a rule that needs no other evidence: the
    name behind a generic head, a leading part before a legal suffix, or ``long`` minus suffixes.

    >>> rules = CorefRules(frozenset({"Co."}), frozenset({"Co."}), frozenset({"Church"}), frozenset(), ())
    >>> shortens("Wessex", "Church of Wessex", rules), shortens("Church", "Church of Wessex", rules)
    (True, False)
    """
    return (_behind_head(short, long, rules) or _leading_part(short, long, rules)
            or _suffix_extension(short, long, rules.suffixes) or _behind_prefix(short, long, rules))


def _contains(long_words: list[str], short_words: list[str]) -> bool:
    n = len(short_words)
    return any(long_words[i: i + n] == short_words for i in range(len(long_words) - n + 1))


def resolve(mentions: list[tuple[int, int, str]], text: str, entry_of: dict[str, str],
            rules: CorefRules) -> list[str]:
    """The canonical name of each mention ``(start, end, name)``, in the given order.

    >>> rules = CorefRules(frozenset({"Group"}), frozenset({"Co."}), frozenset({"Commission", "Church"}),
    ...                    frozenset({"of", "the", "and"}), (".com",))
    >>> text = "The International Energy Agency (IEA) said ... the IEA added"
    >>> resolve([(4, 31, "International Energy Agency"), (33, 36, "IEA"), (49, 52, "IEA")], text, {}, rules)
    ['International Energy Agency', 'International Energy Agency', 'International Energy Agency']
    >>> resolve([(0, 7, "Alibaba"), (10, 23, "Alibaba Cloud")], "Alibaba / Alibaba Cloud", {}, rules)
    ['Alibaba', 'Alibaba Cloud']
    """
    names = list(dict.fromkeys(name for _, _, name in mentions))
    groups = _Groups(names)
    by_fold: dict[str, str] = {}
    by_entry: dict[str, str] = {}
    for name in names:
        entry = entry_of.get(name)
        if entry is not None:
            groups.union(by_entry.setdefault(entry, name), name)
        key = fold(name)
        groups.union(by_fold.setdefault(key, name), name)
        stem = web_stem(name, rules.web_suffixes)
        if stem is not None and fold(stem) in by_fold:
            groups.union(by_fold[fold(stem)], name)
    for name in names:  # a plain name seen before its domain form
        stem = web_stem(name, rules.web_suffixes)
        if stem is not None and fold(stem) in by_fold:
            groups.union(by_fold[fold(stem)], name)

    long_names = [n for n in names if len(_words(n)) >= 2]
    by_initials: dict[str, set[str]] = {}
    for name in long_names:
        words = _words(name)
        while len(words) > 2 and (words[-1] in rules.legal_suffixes or words[-1].rstrip(".") in rules.legal_suffixes):
            words.pop()  # "General Widgets Corp." is "GW" as well as "GWC"
        for form in initials(name, rules.function_words) | initials(" ".join(words), rules.function_words):
            by_initials.setdefault(form, set()).add(name)
    _acronyms(names, by_initials, groups)

    _bracket_definitions(mentions, text, groups)
    _formal_names(mentions, text, groups)

    # suffixes, spelling, leading parts and names behind a head: only names that share a
    # word are compared, so the cost grows with the mentions of a word, not their square.
    sharing: dict[str, list[str]] = {}
    def keys(name: str) -> set[str]:
        return {_bare(w) for w in _words(name) if w.lower() not in rules.function_words}

    for name in names:
        for word in keys(name):
            sharing.setdefault(word, []).append(name)
    for short in sorted(names, key=len):
        fits = []
        nearby = {n for w in keys(short) for n in sharing.get(w, ())}
        for long in (n for n in nearby if len(n) > len(short)):
            if (_suffix_extension(short, long, rules.suffixes) or _leading_part(short, long, rules)
                    or _behind_head(short, long, rules) or _behind_prefix(short, long, rules)
                    or _legal_extension(short, long, rules)):
                fits.append(long)
            elif len(short) >= 6 and fuzz.ratio(fold(short), fold(long)) >= FUZZY_SAME:
                fits.append(long)
        if len({groups.find(f) for f in fits}) > 1:  # "Armco" opens "Armco Inc." and "Armco Steel Co."
            fits = [f for f in fits if _legal_extension(short, f, rules)]
        if fits and len({groups.find(f) for f in fits}) == 1:
            groups.union(fits[0], short)

    _acronyms(names, by_initials, groups)  # again, now that spellings of one long form are joined
    _head_shortenings(mentions, names, groups, rules)

    members: dict[str, list[str]] = {}
    for name in names:
        members.setdefault(groups.find(name), []).append(name)
    canonical = {}
    for group in members.values():
        best = max(group, key=lambda n: (not is_acronym(n), len(_words(n)), len(n)))
        canonical.update({n: best for n in group})
    return [canonical[name] for _, _, name in mentions]


def _bracket_definitions(mentions: list[tuple[int, int, str]], text: str, groups: _Groups) -> None:
    """Link "Long Form (ACR)" and "ACR (Long Form)" whatever the initials (foreign-language acronyms)."""
    starting_at = {start: name for start, _, name in mentions}
    opening = re.compile(r"\s*[(\[]\s*(?:the\s+)?")
    for _, end, name in mentions:
        match = opening.match(text, end)
        if not match or match.end() not in starting_at:
            continue
        inner = starting_at[match.end()]
        close = re.compile(r"\s*[)\]]").match(text, match.end() + len(inner))
        if close and is_acronym(inner) != is_acronym(name):
            groups.union(name if not is_acronym(name) else inner, inner if not is_acronym(name) else name)


FORMAL_NAME = re.compile(r"(?:,\s*|\s*\(\s*)(?:formally|officially)\s+(?:(?:known\s+as|called|named)\s+)?(?:the\s+)?$")
AS_KNOWN = re.compile(r"^(?:'s|’s)?,?\s+as\s+(?:the\s+)?(?:company|firm|group|bank|business|it)\s+(?:is|was)\s+"
                      r"(?:formally|officially)\s+(?:known|called|named)")


def _formal_names(mentions: list[tuple[int, int, str]], text: str, groups: _Groups) -> None:
    """Link a name to the formal name the article gives it: "X, officially Y", "X (formally
    known as Y)", "Y, as the company is formally known" (Y then names the organisation
    named last before it in the sentence). A former name ("formerly known as") is another
    name and stays apart.

    >>> text = "Kivu Cement, officially Societe des Ciments du Kivu SA, and Kivu Cement"
    >>> groups = _Groups(["Kivu Cement", "Societe des Ciments du Kivu SA"])
    >>> _formal_names([(0, 11, "Kivu Cement"), (24, 54, "Societe des Ciments du Kivu SA")], text, groups)
    >>> groups.find("Kivu Cement") == groups.find("Societe des Ciments du Kivu SA")
    True
    """
    ordered = sorted(mentions)
    for (_, end1, first), (start2, end2, second) in zip(ordered, ordered[1:]):
        between = text[end1:start2]
        if len(between) <= 60 and "\n" not in between and FORMAL_NAME.search(between):
            groups.union(first, second)
        elif len(between) <= 200 and not re.search(r"[.!?]\s", between) and AS_KNOWN.match(text[end2:end2 + 80]):
            groups.union(first, second)


def _acronyms(names: list[str], by_initials: dict[str, set[str]], groups: _Groups) -> None:
    """An acronym joins the long form whose initials it spells, when all such long forms are one
    organisation ("NPP" / "New People's Party" and "New People Party")."""
    for name in names:
        if is_acronym(name):
            key = re.sub(r"[.\s]", "", name).upper()
            matches = by_initials.get(key, set()) | by_initials.get(key.replace("&", ""), set())
            if len({groups.find(m) for m in matches}) == 1:
                groups.union(next(iter(matches)), name)


def _head_shortenings(mentions: list[tuple[int, int, str]], names: list[str], groups: _Groups,
                      rules: CorefRules) -> None:
    """Link a shortening that keeps the head noun ("the Commission", "Supreme Court") to the
    nearest earlier long form containing it (or the only one)."""
    first_seen: dict[str, int] = {}
    for start, _, name in mentions:
        first_seen.setdefault(name, start)
    longer_by_head: dict[str, list[str]] = {}
    for name in names:
        for word in set(_words(name)):
            if word in rules.generic_heads:
                longer_by_head.setdefault(word, []).append(name)
    for short in sorted(names, key=lambda n: -len(n)):
        words = _words(short)
        if not words or words[-1] not in rules.generic_heads and words[0] not in rules.generic_heads:
            continue
        if any(len(_words(n)) > len(words) for n in names if groups.find(n) == groups.find(short)):
            continue  # already has a longer form
        head = words[-1] if words[-1] in rules.generic_heads else words[0]
        fits = [n for n in longer_by_head.get(head, []) if len(_words(n)) > len(words) and _contains(_words(n), words)]
        if not fits:
            continue
        earlier = [n for n in fits if first_seen[n] < first_seen[short]]
        if earlier:
            groups.union(max(earlier, key=lambda n: first_seen[n]), short)
        elif len({groups.find(f) for f in fits}) == 1:
            groups.union(fits[0], short)


@lru_cache(maxsize=8)
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def org_id(canonical: str, entry: str | None, legal_suffixes: frozenset[str]) -> str:
    """A key for one organisation across articles: the gazetteer's entry when known, else the
    canonical name folded, without a leading "the" or legal suffixes.

    >>> org_id("Alibaba Group Holding Ltd.", "Alibaba Group", frozenset({"Ltd", "Holding"}))
    'alibaba-group'
    >>> org_id("Guangxi Haina Zhongpin Technology Co., Ltd.", None, frozenset({"Co", "Ltd"}))
    'guangxi-haina-zhongpin-technology'
    """
    folded_suffixes = _folded(legal_suffixes)
    words = fold(entry or canonical).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if entry is None:
        while len(words) > 1 and words[-1] in folded_suffixes:
            words.pop()
    return "-".join(words)
