"""Organisation typing and coreference, through the real pipeline: the traps (people, places,
products, metrics) and the ways one article names one organisation. Written with other
companies and countries than the seeds and the development set use."""

from __future__ import annotations

import pytest

import newsfacts
from newsfacts.normalise.org_coref import CorefRules, initials, is_acronym, org_id, resolve


def orgs(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(newsfacts.make_doc(nlp, text, "2024-05-02"))
    return [(f.name, f.canonical) for f in doc._.facts if f.type == "org"]


NOT_ORGS = [
    # a person's surname repeated after the full name
    ("Maria Okonkwo founded the bakery chain in 2009. Okonkwo said demand was strong.", "Okonkwo"),
    ("Lars Henriksen, a fund manager, said rates would fall. Henriksen expects two cuts.", "Henriksen"),
    # places, also as possessors of an organisation
    ("Exports from Kenya and Tanzania rose sharply.", "Kenya"),
    ("Ghana's Ministry of Finance said the deficit narrowed.", "Ghana"),
    ("MUMBAI, June 4 (Reuters) - Infosys shares rose.", "MUMBAI"),  # a dateline in capitals
    # products and versions
    ("Buyers queued for the Galaxy S24 in Seoul.", "Galaxy"),
    ("Users of Windows 11 reported the bug.", "Windows"),
    # metrics and currency codes
    ("EBITDA rose to a record while CPI stayed flat.", "EBITDA"),
    ("The NOK weakened against the euro.", "NOK"),
    # facilities, events and programmes are not organisations
    ("Flights resumed at Kansai International Airport on Monday.", "Kansai International Airport"),
    ("Crowds gathered for the Lagos Fashion Week.", "Lagos Fashion Week"),
    ("The Clean Rivers Programme will run until 2030.", "Clean Rivers Programme"),
]


@pytest.mark.parametrize("text, not_an_org", NOT_ORGS, ids=[c[1] for c in NOT_ORGS])
def test_not_an_organisation(nlp, text, not_an_org):
    assert not_an_org not in [name for name, _ in orgs(nlp, text)]


SPANS = [
    ("Ghana's Ministry of Finance said the deficit narrowed.", "Ministry of Finance"),
    ("Barclays' profits rose in the second quarter.", "Barclays"),
    ("Marks and Spencer opened ten stores.", "Marks and Spencer"),
    ("Researchers at Delft University of Technology and Ghent University Hospital took part.", "Delft University of Technology"),
]


@pytest.mark.parametrize("text, name", SPANS, ids=[c[1] for c in SPANS])
def test_span_is_the_name(nlp, text, name):
    assert name in [n for n, _ in orgs(nlp, text)]


CANONICAL = [
    # acronym after its long form, in brackets
    ("The Abu Dhabi National Oil Company (ADNOC) raised output. ADNOC said exports grew.",
     "ADNOC", "Abu Dhabi National Oil Company"),
    # acronym before its long form, as an apposition
    ("KEB, the Korea Exchange Bank, cut its fees.", "KEB", "Korea Exchange Bank"),
    # initials of a long form mentioned elsewhere in the article
    ("The International Labour Organization published data. Later the ILO revised it.",
     "ILO", "International Labour Organization"),
    # a bracketed foreign-language acronym whose initials do not match
    ("The French union of journalists, Syndicat National des Journalistes (SNJ), protested. SNJ called a strike.",
     "SNJ", "Syndicat National des Journalistes"),
    # a leading part of a name that ends in a legal suffix
    ("Tata Consultancy Services Ltd. hired 5,000 people. Tata Consultancy Services said margins held.",
     "Tata Consultancy Services", "Tata Consultancy Services Ltd."),
    # a head-noun shortening of a name in the same article
    ("The Federal Communications Commission approved the deal. The Commission voted 3-2.",
     "Commission", "Federal Communications Commission"),
    # the name behind a generic head
    ("The Church of England owns farmland. England's church ... The Church of England said so.",
     "Church of England", "Church of England"),
]


@pytest.mark.parametrize("text, mention, canonical", CANONICAL, ids=[c[1] for c in CANONICAL])
def test_mentions_take_the_fullest_name(nlp, text, mention, canonical):
    found = dict(orgs(nlp, text))
    assert found.get(mention) == canonical


RULES = CorefRules(
    suffixes=frozenset({"Ltd.", "Group", "Holdings", "Co."}),
    legal_suffixes=frozenset({"Ltd.", "Group", "Holdings", "Co."}),
    generic_heads=frozenset({"Bank", "Commission", "Church", "University"}),
    function_words=frozenset({"of", "the", "and", "for"}),
    web_suffixes=(".com", ".co.uk"),
)


@pytest.mark.parametrize(
    "names, expected",
    [
        (["Zalora", "Zalora.com"], ["Zalora.com", "Zalora.com"]),  # a domain form
        (["Hon Hai", "Hon Hai Precision Industry Co."], ["Hon Hai Precision Industry Co."] * 2),
        # a short name that opens several long ones is the one it only adds legal forms to
        (["Valtra Co.", "Valtra Steel Co.", "Valtra"], ["Valtra Co.", "Valtra Steel Co.", "Valtra Co."]),
        (["Marlow's Ltd.", "Marlow"], ["Marlow's Ltd."] * 2),  # a possessive short form
        # an acronym after two spellings of its long form that other rules join
        (["Northern Farmers Union", "Northern Farmers Union Ltd.", "NFU"], ["Northern Farmers Union Ltd."] * 3),
        (["Valtra Steel Co.", "Valtra Mining Co.", "Valtra"], ["Valtra Steel Co.", "Valtra Mining Co.", "Valtra"]),
        (["Orion", "Orion Capital", "Orion Foods"], ["Orion", "Orion Capital", "Orion Foods"]),  # share a word only
        (["Bank of Ghana", "Bank"], ["Bank of Ghana", "Bank of Ghana"]),
        (["Procter & Gamble", "P&G"], ["Procter & Gamble", "Procter & Gamble"]),
        (["Bank of England", "European Central Bank", "Bank"], ["Bank of England", "European Central Bank", "European Central Bank"]),
    ],
)
def test_resolve(names, expected):
    mentions, text, offset = [], "", 0
    for name in names:
        mentions.append((offset, offset + len(name), name))
        text += name + " ... "
        offset = len(text)
    assert resolve(mentions, text, {}, RULES) == expected


@pytest.mark.parametrize("name, acronym", [("World Health Organization", "WHO"), ("Nigerian People's Party", "NPP"),
                                           ("Bank for International Settlements", "BIS"), ("Procter & Gamble", "P&G")])
def test_initials(name, acronym):
    assert acronym in initials(name, RULES.function_words)


@pytest.mark.parametrize("name, expected", [("IEA", True), ("P&G", True), ("U.N.", True), ("M5S", True),
                                            ("Apple", False), ("UNC Greensboro", False), ("iPhone", False)])
def test_is_acronym(name, expected):
    assert is_acronym(name) is expected


def test_one_id_across_articles_and_surface_forms(nlp):
    texts = ["Alibaba posted strong growth.", "Alibaba Group Holding Ltd. said revenue rose.",
             "Shares of Alibaba Group fell."]
    ids = set()
    for text in texts:
        doc = nlp(newsfacts.make_doc(nlp, text, "2024-05-02"))
        ids |= {f.id for f in doc._.facts if f.type == "org"}
    assert ids == {"alibaba-group"}


@pytest.mark.parametrize(
    "canonical, expected",
    [("Nordwind Logistics GmbH", "nordwind-logistics"), ("Nordwind Logistics", "nordwind-logistics"),
     ("The Lagos Chamber of Commerce", "lagos-chamber-of-commerce")],
)
def test_id_folds_case_punctuation_and_legal_suffixes(canonical, expected):
    assert org_id(canonical, None, frozenset({"GmbH", "Ltd.", "Inc."})) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # index constituents found with no cue word (orgs_indices.jsonl)
        ("Rheinmetall and Beiersdorf both beat forecasts.", ["Rheinmetall", "Beiersdorf"]),
        ("Iberdrola will sell wind farms.", ["Iberdrola"]),
    ],
)
def test_listed_companies_without_cues(nlp, text, expected):
    assert [name for name, _ in orgs(nlp, text)] == expected


def test_a_gazetteer_word_inside_another_name_is_not_a_mention(nlp):
    found = [name for name, _ in orgs(nlp, "She teaches at the University of Southern Queensland in Toowoomba.")]
    assert "Southern" not in found
