"""Issue 12: regional money and percent forms, each class with rows in other words than
the seeds, and a refusal for every form that cannot be read with confidence.

Rows are (sentence, expected money or percent facts in order); the sentence is the
whole article, so its own place names are the only context cues.
"""

from __future__ import annotations

import pytest

from test_money import assert_money, facts_of, money

MONEY_CASES = [
    # single-letter markers need a regional cue, no gap, and a magnitude or a decimal/thousands mark
    ("A Cebu property firm booked P3.4 billion, the Philippine exchange said.", [money("P3.4 billion", 3.4e9, "PHP", basis="ecb:2023-03-15")]),
    ("Davao rice now sells at P48.75 a kilo in the Philippines.", [money("P48.75", 48.75, "PHP")]),
    ("The Philippines passed a P6.3-trillion budget.", [money("P6.3-trillion", 6.3e12, "PHP")]),
    ("Kano state earmarked N45.6bn for schools, Nigeria's budget office said.",
     [money("N45.6bn", 4.56e10, "NGN", basis="no ECB rate for NGN")]),
    ("Abuja set the allowance at N250,000 a month in Nigeria.", [money("N250,000", 2.5e5, "NGN", basis="no ECB rate for NGN")]),
    ("The Nigerian telecom posted N2.1trn in revenue in Lagos.", [money("N2.1trn", 2.1e12, "NGN", basis="no ECB rate for NGN")]),
    # Ghana's cent-sign variant
    ("Ghana's treasury raised GH¢ 3.1 billion in bills.", [money("GH¢ 3.1 billion", 3.1e9, "GHS", basis="no ECB rate for GHS")]),
    ("An Accra brewer made GH¢750m in Ghana.", [money("GH¢750m", 7.5e8, "GHS", basis="no ECB rate for GHS")]),
    # sub-units, by the nearest amount or by the article's cues
    ("Fuel in Port Harcourt, Nigeria, rose by 40 kobo.", [money("40 kobo", 0.4, "NGN", basis="no ECB rate for NGN")]),
    ("Kumasi bread rose 60 pesewas.", [money("60 pesewas", 0.6, "GHS", basis="no ECB rate for GHS")]),
    ("Bus fares in Buenos Aires, Argentina, rose 90 centavos.", [money("90 centavos", 0.9, "ARS", basis="no ECB rate for ARS")]),
    ("Quezon City jeepney fares rose 75 centavos in the Philippines.", [money("75 centavos", 0.75, "PHP")]),
    ("Genting slipped 4 sen to RM4.12.", [money("4 sen", 0.04, "MYR"), money("RM4.12", 4.12, "MYR")]),
    ("Penang ferry tickets rose 30 sen in Malaysia.", [money("30 sen", 0.3, "MYR")]),
    ("Chiang Mai bus fares rose 75 satang.", [money("75 satang", 0.75, "THB")]),
    ("Cork petrol rose 3c a litre in Ireland.", [money("3c", 0.03, "EUR")]),
    ("Woolworths shares gained 18c in Melbourne, Australia.", [money("18c", 0.18, "AUD")]),
    ("Vancouver transit fares rose 15 cents in Canada.", [money("15 cents", 0.15, "CAD")]),
    ("The Pretoria grocer added 9 cents, South Africa's bourse said.", [money("9 cents", 0.09, "ZAR", basis="ecb:2023-03-15")]),
    # attached and regional codes
    ("Tencent's fund put Rmb3.4bn into the venture.", [money("Rmb3.4bn", 3.4e9, "CNY")]),
    ("Ericsson booked SKr2.7bn of charges.", [money("SKr2.7bn", 2.7e9, "SEK")]),
    ("Orkla spent NKr900m on the deal.", [money("NKr900m", 9e8, "NOK")]),
    ("Carlsberg paid DKr4bn.", [money("DKr4bn", 4e9, "DKK")]),
    ("Lukoil lost Rbs80bn.", [money("Rbs80bn", 8e10, "RUB")]),
    ("Woodside raised $A2.4bn.", [money("$A2.4bn", 2.4e9, "AUD")]),
    ("Fletcher Building lost $NZ310m.", [money("$NZ310m", 3.1e8, "NZD")]),
    ("Rio Tinto paid $US900 million.", [money("$US900 million", 9e8, "USD")]),
    ("A Cebu Pacific deal of Php 8.1 billion was signed.", [money("Php 8.1 billion", 8.1e9, "PHP")]),
    ("Koc Holding earned TL 9.2 billion.", [money("TL 9.2 billion", 9.2e9, "TRY")]),
    ("An Alexandria port deal of E£4.5bn was signed.", [money("E£4.5bn", 4.5e9, "EGP", basis="no ECB rate for EGP")]),
    ("A Cairo developer earned LE 7.5 billion in Egypt.", [money("LE 7.5 billion", 7.5e9, "EGP", basis="no ECB rate for EGP")]),
    ("Bahrain's Batelco earned BD 41.2 million.", [money("BD 41.2 million", 4.12e7, "BHD", basis="no ECB rate for BHD")]),
    ("Oman's Omantel made RO 32 million in Muscat.", [money("RO 32 million", 3.2e7, "OMR", basis="no ECB rate for OMR")]),
    ("Arab Potash earned JD 150 million in Amman, Jordan.", [money("JD 150 million", 1.5e8, "JOD", basis="no ECB rate for JOD")]),
    ("The Basel group paid Fr. 300 million to Swiss regulators.", [money("Fr. 300 million", 3e8, "CHF")]),
    # names
    ("Telenor wrote down 4 billion Norwegian crowns.", [money("4 billion Norwegian crowns", 4e9, "NOK")]),
    ("Maersk set aside 2.2 billion Danish crowns.", [money("2.2 billion Danish crowns", 2.2e9, "DKK")]),
    ("Bucharest approved 12 billion lei for roads in Romania.", [money("12 billion lei", 1.2e10, "RON")]),
    # magnitudes: "cr" (crore), attached "tr" (trillion), hyphenated compounds
    ("The Pune developer booked ₹850 cr in India.", [money("₹850 cr", 8.5e9, "INR")]),
    ("Pakistan's circular debt hit Rs2.6tr in Islamabad.", [money("Rs2.6tr", 2.6e12, "PKR", basis="no ECB rate for PKR")]),
    ("Vienna approved a 7-million-euro grant.", [money("7-million-euro", 7e6, "EUR")]),
    ("The Leeds job pays £42,000-a-year.", [money("£42,000", 4.2e4, "GBP")]),
    # a Unicode minus is a minus
    ("Free cash flow was −€1.4 million.", [money("−€1.4 million", -1.4e6, "EUR", basis="ecb:2023-03-15")]),
]

MONEY_REFUSALS = [
    # single letters: a model name, no cue, a gap
    "Clinics in Ibadan, Nigeria, ran out of N95 respirators.",
    "The P500 processor launched in Makati, Philippines.",
    "The firm booked P4.5 billion in revenue.",
    "Enugu's N 30 billion plan, said the governor.",  # set apart, but no Nigerian cue
    "In the Philippines, the P2 variant spread.",
    # sub-units with neither a nearby amount nor a regional cue
    "Sales hit 3 million Kobo readers.",
    "A tortilla rose 20 centavos.",
    "Parking rose 15 sen.",
    "The U.S. hardware store cut nails by 12c.",
    # labels, not prices
    "The Phase 2c study in Brisbane, Australia, began.",
    "Under Section 3c, Dublin courts in Ireland may act.",
    # symbols that also name products need a magnitude or a decimal mark
    "JD 618 sales opened in Amman, Jordan.",
    "The BD 250 router went on sale in Bahrain.",
    "Police in Zurich, Switzerland, questioned Fr. 40 witnesses.",
    "The RO 900 purifier is sold in Oman.",
    # a letter the tables do not know right after the number
    "The fix costs $7T, he joked.",
    "Prices rose Rs5x in India.",
    # hyphenated figures of speech and names
    "It is a billion-euro question.",
    "The 2024-Euro final was in Berlin.",
]


@pytest.mark.parametrize("text, expected", MONEY_CASES, ids=[c[0][:40] for c in MONEY_CASES])
def test_regional_money(nlp, text, expected):
    assert_money(facts_of(nlp, text, "money"), expected)


@pytest.mark.parametrize("text", MONEY_REFUSALS, ids=[t[:40] for t in MONEY_REFUSALS])
def test_regional_money_refused(nlp, text):
    assert [f["text"] for f in facts_of(nlp, text, "money")] == []


PERCENT_CASES = [
    ("Chennai car sales grew 6.5 p.c. in June.", [("6.5 p.c.", 6.5, "percent")]),
    # a change keeps its new level; a date or year before "to" is not a lower bound
    ("Mortgage rates climbed from 3 to 4.5 percent.", [("4.5 percent", 4.5, "percent")]),
    ("The bank lifted its rate on March 31 to 6.5%.", [("6.5%", 6.5, "percent")]),
    ("Inflation slowed in 2025 to 2.8 per cent.", [("2.8 per cent", 2.8, "percent")]),
    # both ends carry their unit: two percentages
    ("Wages may rise 6% to 8%.", [("6%", 6, "percent"), ("8%", 8, "percent")]),
    ("Exports and imports grew 3 and 4 per cent respectively.", [("4 per cent", 4, "percent")]),
]

# The upper end of an interval whose lower end has no unit: percent has no upper-bound
# field, and the upper end alone would misstate the figure.
PERCENT_INTERVALS = [
    ("Fares will rise 5-7 percent.", ("5-7 percent", 5, 7)),
    ("Rents rose between 3 and 4 per cent.", ("3 and 4 per cent", 3, 4)),
    ("Pay awards ranging from 6 to 9 percent were agreed.", ("6 to 9 percent", 6, 9)),
    ("Premiums rose eight to ten per cent.", ("eight to ten per cent", 8, 10)),
    ("Yields may climb 0.25 to 0.5 percentage point.", ("0.25 to 0.5 percentage point", 0.25, 0.5)),
    ("Margins widened 2 – 3%.", ("2 – 3%", 2, 3)),
]


@pytest.mark.parametrize("text, expected", PERCENT_INTERVALS, ids=[c[0][:40] for c in PERCENT_INTERVALS])
def test_percent_interval_whose_lower_end_has_no_unit(nlp, text, expected):
    found = facts_of(nlp, text, "percent")
    assert [(f["text"], f["value"], f["value_max"]) for f in found] == [expected]


PERCENT_REFUSALS = [
    # "ppt" is also parts per trillion; "pc" only counts attached
    "Well water held 9 ppt of the chemical.",
    "The fund holds 6 pc of the lender.",
]


@pytest.mark.parametrize("text, expected", PERCENT_CASES, ids=[c[0][:40] for c in PERCENT_CASES])
def test_regional_percent(nlp, text, expected):
    found = facts_of(nlp, text, "percent")
    assert [(f["text"], f["value"], f["unit"]) for f in found] == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize("text", PERCENT_REFUSALS, ids=[t[:40] for t in PERCENT_REFUSALS])
def test_ambiguous_percent_units_refused(nlp, text):
    assert facts_of(nlp, text, "percent") == []
