"""Organisations in business news from every region: legal forms, exchange tags and short
forms. Every name here is invented; none comes from a development article."""

from __future__ import annotations

import pytest

import newsfacts


def orgs(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(newsfacts.make_doc(nlp, text, "2024-03-01"))
    return [(f.name, f.canonical) for f in doc._.facts if f.type == "org"]


def names(nlp, text: str) -> list[str]:
    return [name for name, _ in orgs(nlp, text)]


LEGAL_FORMS = [
    # the legal form stays inside the name, whatever the region
    ("Kestrel Plantations Bhd said profit rose.", ["Kestrel Plantations Bhd"]),
    ("Bukit Harapan Holdings Berhad fell 2 percent.", ["Bukit Harapan Holdings Berhad"]),
    ("Malaya Cement (M) Bhd raised prices.", ["Malaya Cement (M) Bhd"]),
    ("PT Sinar Jaya Makmur Tbk will issue bonds.", ["PT Sinar Jaya Makmur Tbk"]),
    ("Orchid Logistics Pte Ltd and Lumen Foods Pte. Ltd. signed a deal.",
     ["Orchid Logistics Pte Ltd", "Lumen Foods Pte. Ltd."]),
    ("Grupo Cementero del Norte, S.A.B. de C.V. reported higher sales.",
     ["Grupo Cementero del Norte, S.A.B. de C.V."]),
    ("Ferrovie Lombarde SpA and Nordlicht Maschinenbau AG agreed to merge.",
     ["Ferrovie Lombarde SpA", "Nordlicht Maschinenbau AG"]),
    ("Fjordkraft Havbruk ASA and Lapin Paperi Oyj objected.", ["Fjordkraft Havbruk ASA", "Lapin Paperi Oyj"]),
    ("Sakura Denki K.K. and Volga Neftegaz JSC signed contracts.", ["Sakura Denki K.K.", "Volga Neftegaz JSC"]),
    ("Tamar Mining PLC said output fell. Harrow Brewers Plc disagreed.", ["Tamar Mining PLC", "Harrow Brewers Plc"]),
    # a name in capitals with its legal form in capitals is one name, never "LTD" alone
    ("Shares of KOBE STEEL CO., LTD. rose after the steelmaker raised its forecast.", ["KOBE STEEL CO., LTD."]),
    ("OSAKA HEAVY INDUSTRIES LTD said it would cut output.", ["OSAKA HEAVY INDUSTRIES LTD"]),
    # what stands in front is not part of the name: a common noun, a person and "of"
    ("Shares of Tyrell Harbour Corp. fell.", ["Tyrell Harbour Corp."]),
    ("Analyst Maria Lopez of Brightwater Capital Ltd. said so.", ["Brightwater Capital Ltd."]),
    # an institution's head in front stays
    ("Bank of Tonga Ltd. raised its lending rate.", ["Bank of Tonga Ltd."]),
]


@pytest.mark.parametrize("text, expected", LEGAL_FORMS)
def test_legal_forms_stay_inside_the_name(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The contract was signed by LTD.",
    "Revenue at the unit, Co., Ltd. and others was not disclosed.",
])
def test_a_legal_form_alone_is_no_organisation(nlp, text):
    assert names(nlp, text) == []


EXCHANGE_TAGS = [
    # the tag is a strong signal for the name before it and never part of a name itself
    ("Shares of Lumina Networks (NYSE: LMN) fell.", ["Lumina Networks"]),
    ("Kuruma Motors (TYO: 7261; OTC: KRMM) cut its outlook.", ["Kuruma Motors"]),
    ("Vantage Retail Group (JSE:VRG) and Orbital Foods Inc (NASDAQ:ORBF) slipped.",
     ["Vantage Retail Group", "Orbital Foods Inc"]),
    ("Shares in Haldane (HLD.L) jumped after the bid.", ["Haldane"]),
    ("Analysts at Mumbai brokerages upgraded Ventura Cables, NSE: VENCAB, on Friday.", ["Ventura Cables"]),
    # an acronym in brackets is still a definition, not a ticker
    ("The Pacific Fisheries Council (PFC) met in Suva.", ["Pacific Fisheries Council", "PFC"]),
]


@pytest.mark.parametrize("text, expected", [
    # a listed name with its legal form is one name, even when the NER reads it as a person
    ("Fortum Oyj cut its dividend.", ["Fortum Oyj"]),
    ("Kone Oyj and Wartsila Oyj Abp rose.", ["Kone Oyj", "Wartsila Oyj Abp"]),
])
def test_a_listed_name_keeps_its_legal_form(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a class of a company's shares is its stock, not part of its name
    ("Quorvex Minerals Corp. said profit rose. Quorvex Class B closed at $41, up 25 cents in composite trading.",
     [("Quorvex Minerals Corp.", "Quorvex Minerals Corp."), ("Quorvex", "Quorvex Minerals Corp.")]),
    ("Alphabet Inc. Class A shares fell.", [("Alphabet Inc.", "Alphabet Inc.")]),
])
def test_a_share_class_is_not_part_of_the_name(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a fund named after a manager the article names on its own is the manager's product
    ("Pimco Investments runs funds. The $3 billion Pimco Total Return Fund lost $90 million. Pimco said redemptions slowed.",
     [("Pimco Investments", "Pimco Investments"), ("Pimco", "Pimco Investments")]),
    # a fund that is an institution keeps its name, whatever else the article names with its first word
    ("The World Bank and the World Wildlife Fund met. The China Investment Fund and China Mobile Ltd. signed.",
     [("World Bank", "World Bank"), ("World Wildlife Fund", "World Wildlife Fund"),
      ("China Investment Fund", "China Investment Fund"), ("China Mobile Ltd.", "China Mobile Ltd.")]),
])
def test_a_fund_named_after_its_manager(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a town and its region describing a company are places; a company followed by its town is a company
    ("Rexnord Inc. posted a loss. On top of that, the Blue Ridge, Pa., concern cut 400 jobs.", ["Rexnord Inc."]),
    ("Separately, Alaska Air Group, Seattle, Wash., reported a profit.", ["Alaska Air Group"]),
])
def test_a_town_and_its_region_before_a_company_noun(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a company's named sales platform is a name of its own; its possessive or pronoun form is not
    ("Sales of winter coats on Amazon global store rose 30% this month.", ["Amazon global store"]),
    ("Amazon said its global store would expand.", ["Amazon"]),
    ("Amazon's global store grew.", ["Amazon"]),
])
def test_a_companys_named_platform(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", EXCHANGE_TAGS)
def test_exchange_tags_mark_a_company_and_stay_out_of_names(nlp, text, expected):
    assert names(nlp, text) == expected


SHORT_FORMS = [
    # the name without its legal form, and a distinctive first word, name the same company
    ("Quorvex Minerals Corp. said profit rose. Quorvex shares fell. Quorvex Minerals will cut jobs.",
     [("Quorvex Minerals Corp.", "Quorvex Minerals Corp."), ("Quorvex", "Quorvex Minerals Corp."),
      ("Quorvex Minerals", "Quorvex Minerals Corp.")]),
    ("Cie. de Navimar said Navimar would sell assets.",
     [("Cie. de Navimar", "Cie. de Navimar"), ("Navimar", "Cie. de Navimar")]),
    ("PT Sinar Jaya Makmur Tbk rose; Sinar Jaya Makmur said demand held.",
     [("PT Sinar Jaya Makmur Tbk", "PT Sinar Jaya Makmur Tbk"), ("Sinar Jaya Makmur", "PT Sinar Jaya Makmur Tbk")]),
    # the NER calls the lone first word a person; the article gives it to no person
    ("Whitcomb Mills Corp. posted higher earnings. For the year, Whitcomb earned $4 million. Whitcomb said orders rose.",
     [("Whitcomb Mills Corp.", "Whitcomb Mills Corp."), ("Whitcomb", "Whitcomb Mills Corp."),
      ("Whitcomb", "Whitcomb Mills Corp.")]),
    # a town's name is a short form when the NER reads it only as a person here, never as a place
    ("Sheboygan Corp. said profit fell. Sheboygan said it will buy back shares, and Sheboygan's stock rose.",
     [("Sheboygan Corp.", "Sheboygan Corp."), ("Sheboygan", "Sheboygan Corp."), ("Sheboygan", "Sheboygan Corp.")]),
    ("Sheboygan Corp. said profit fell. It has a plant in Sheboygan, and Sheboygan said it will buy back shares.",
     [("Sheboygan Corp.", "Sheboygan Corp.")]),
    # a common word, a person's name or a word two companies share is no short form
    ("Whitcomb Mills Corp. posted higher earnings. Ann Whitcomb, its founder, said Whitcomb would retire.",
     [("Whitcomb Mills Corp.", "Whitcomb Mills Corp.")]),
    ("Whitcomb Mills Corp. posted higher earnings. Mr. Whitcomb said Whitcomb would retire.",
     [("Whitcomb Mills Corp.", "Whitcomb Mills Corp.")]),
    ("General Widgets Inc. agreed. General terms apply.", [("General Widgets Inc.", "General Widgets Inc.")]),
    ("Halvorsen Freight Ltd. rose. Lars Halvorsen, its founder, said Halvorsen would retire.",
     [("Halvorsen Freight Ltd.", "Halvorsen Freight Ltd.")]),
    ("Tarkan Foods Ltd. and Tarkan Textiles Ltd. both fell; Tarkan said nothing.",
     [("Tarkan Foods Ltd.", "Tarkan Foods Ltd."), ("Tarkan Textiles Ltd.", "Tarkan Textiles Ltd.")]),
]


@pytest.mark.parametrize("text, expected", SHORT_FORMS)
def test_short_forms_of_a_legal_name(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Korvan Data Systems Corp. said sales rose. KDS shares rose 2%.",
     [("Korvan Data Systems Corp.", "Korvan Data Systems Corp."), ("KDS", "Korvan Data Systems Corp.")]),
    ("Ostrava Motors Corp. fell, and OM said it would cut jobs.",
     [("Ostrava Motors Corp.", "Ostrava Motors Corp."), ("OM", "Ostrava Motors Corp.")]),
])
def test_initials_of_a_name_without_its_legal_form(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the formal name the article gives is the canonical name
    ("Meridian Foods, officially Meridian Food Processing Corporation Ltd., cut prices.",
     [("Meridian Foods", "Meridian Food Processing Corporation Ltd."),
      ("Meridian Food Processing Corporation Ltd.", "Meridian Food Processing Corporation Ltd.")]),
    # a former name is another name: each keeps its own
    ("Karoo Mutual Bank, which was previously called Highveld Building Society, grew 5%.",
     [("Karoo Mutual Bank", "Karoo Mutual Bank"), ("Highveld Building Society", "Highveld Building Society")]),
])
def test_formal_names_given_in_apposition(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a listed company outside the US and Europe that only the listing knows
    ("Morishita Jintan said it would raise prices.", ["Morishita Jintan"]),
    # a listed name made of common words needs a second signal; the head of a longer name stays in it
    ("Union leaders objected to the plan.", []),
    ("The Union of Rationalist Farmers held a rally.", ["Union of Rationalist Farmers"]),
])
def test_listed_companies_outside_the_us_and_europe(nlp, text, expected):
    assert names(nlp, text) == expected


def test_the_listing_is_data_with_second_signals():
    import json
    from importlib import resources

    lines = resources.files("newsfacts.models.data").joinpath("orgs_listed.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]
    assert len(rows) > 10_000
    assert all(" " in form or form in row["ambiguous"] for row in rows for form in [row["name"], *row["aliases"]])
