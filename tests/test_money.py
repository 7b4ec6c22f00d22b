"""Money and percentages: surface forms written in other words than the seeds.

Each row: sentence, reference date, and the expected (text, value fields) of the
money or percent facts found in it, in order. Rows are grouped by what they exercise.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

import newsfacts
from newsfacts.normalise.currency import EcbRates

REF = "2023-03-15"


def facts_of(nlp, text: str, fact_type: str, published: str | None = REF) -> list[dict]:
    doc = nlp(newsfacts.make_doc(nlp, text, published))
    return [f.to_dict() for f in doc._.facts if f.type == fact_type]


def money(text, amount, currency, approx=None, usd=None, basis=None, amount_max=None, restates=False):
    """One expected money fact; ``restates``: it is the stated equivalent of the fact before it."""
    return {"text": text, "amount": amount, "currency": currency, "approx": approx, "usd": usd,
            "usd_basis": basis, "amount_max": amount_max, "restates": restates}


MONEY_CASES = [
    # symbol before the number, magnitudes spelled and abbreviated
    ("Revenue reached $4.5 billion last quarter.", [money("$4.5 billion", 4.5e9, "USD")]),
    ("The startup raised $12m in a Series A round.", [money("$12m", 12e6, "USD")]),
    ("It booked US$3.2bn in orders.", [money("US$3.2bn", 3.2e9, "USD")]),
    ("Profits were €800 million.", [money("€800 million", 8e8, "EUR")]),
    ("The club paid £45m for the striker.", [money("£45m", 45e6, "GBP")]),
    ("Shares raised HK$5.6 billion in the listing.", [money("HK$5.6 billion", 5.6e9, "HKD")]),
    ("The chipmaker invested NT$100 billion.", [money("NT$100 billion", 1e11, "TWD", basis="no ECB rate for TWD")]),
    ("The port handled S$2.1 billion of cargo.", [money("S$2.1 billion", 2.1e9, "SGD")]),
    ("Mining royalties came to A$7.8 billion.", [money("A$7.8 billion", 7.8e9, "AUD")]),
    ("Sales of C$950 million were reported.", [money("C$950 million", 9.5e8, "CAD")]),
    ("It costs ₹2,500 crore to build.", [money("₹2,500 crore", 2.5e10, "INR")]),
    ("The deal was valued at Rs 40 lakh.", [money("Rs 40 lakh", 4e6, "INR")]),
    ("Tickets cost $25 each.", [money("$25", 25, "USD")]),
    ("A fine of $1,250,000 was imposed.", [money("$1,250,000", 1.25e6, "USD")]),
    ("The fund holds USD 3 trillion.", [money("USD 3 trillion", 3e12, "USD")]),
    ("Output was worth CNY 850 billion.", [money("CNY 850 billion", 8.5e11, "CNY")]),
    ("Exports hit RMB 2.3 trillion.", [money("RMB 2.3 trillion", 2.3e12, "CNY")]),
    # names after the number
    ("Turnover was 3.6 billion euros.", [money("3.6 billion euros", 3.6e9, "EUR")]),
    ("The bonds raised 500 million Swiss francs.", [money("500 million Swiss francs", 5e8, "CHF")]),
    ("Investment reached 120 billion yen.", [money("120 billion yen", 1.2e11, "JPY")]),
    ("The loan is 2 trillion won.", [money("2 trillion won", 2e12, "KRW")]),
    ("Budget: 45 trillion rupiah.", [money("45 trillion rupiah", 4.5e13, "IDR")]),
    ("It sold 15 million ringgit of palm oil.", [money("15 million ringgit", 1.5e7, "MYR")]),
    ("A 200 billion baht stimulus was approved.", [money("200 billion baht", 2e11, "THB")]),
    ("The plant cost 30 trillion dong.", [money("30 trillion dong", 3e13, "VND", usd=None, basis="no ECB rate for VND")]),
    ("Remittances reached 1.2 trillion pesos in Mexico.", [money("1.2 trillion pesos", 1.2e12, "MXN")]),
    ("The Philippine unit earned 8 billion pesos in Manila.", [money("8 billion pesos", 8e9, "PHP")]),
    ("Assets were 90 billion renminbi.", [money("90 billion renminbi", 9e10, "CNY")]),
    ("He donated 5 million U.S. dollars.", [money("5 million U.S. dollars", 5e6, "USD")]),
    ("Its brand is worth 40 billion US dollars.", [money("40 billion US dollars", 4e10, "USD")]),
    ("Sales of 3 million Hong Kong dollars were logged.", [money("3 million Hong Kong dollars", 3e6, "HKD")]),
    ("The firm lost 600 million Swedish kronor.", [money("600 million Swedish kronor", 6e8, "SEK")]),
    ("The contract is worth 1.5 billion Saudi riyals.", [money("1.5 billion Saudi riyals", 1.5e9, "SAR", basis="no ECB rate for SAR")]),
    ("A 10 billion rouble fund was created.", [money("10 billion rouble", 1e10, "RUB")]),
    ("Imports fell to 2.5 billion pounds sterling in Britain.", [money("2.5 billion pounds sterling", 2.5e9, "GBP")]),
    # number words
    ("The city spent two billion dollars.", [money("two billion dollars", 2e9, "USD")]),
    ("It is a billion-dollar question, costing a billion dollars.", [money("a billion dollars", 1e9, "USD")]),
    ("They raised half a million euros.", [money("half a million euros", 5e5, "EUR")]),
    ("Twenty-five million dollars was pledged.", [money("Twenty-five million dollars", 25e6, "USD")]),
    # qualifiers go into approx and stay outside the span
    ("Sales were about $3 billion.", [money("$3 billion", 3e9, "USD", approx="about")]),
    ("It made roughly 40 million euros.", [money("40 million euros", 4e7, "EUR", approx="about")]),
    ("Some $600 million was spent.", [money("$600 million", 6e8, "USD", approx="about")]),
    ("Revenue topped $10 billion.", [money("$10 billion", 1e10, "USD", approx="over")]),
    ("Losses exceeded £2 billion.", [money("£2 billion", 2e9, "GBP", approx="over")]),
    ("Orders of more than 300 million yuan came in.", [money("300 million yuan", 3e8, "CNY", approx="over")]),
    ("It spent nearly $900 million.", [money("$900 million", 9e8, "USD", approx="under")]),
    ("It earned less than €5 million.", [money("€5 million", 5e6, "EUR", approx="under")]),
    ("Fines of up to $50,000 apply.", [money("$50,000", 5e4, "USD", approx="up_to")]),
    ("Almost 2 trillion yen was injected.", [money("2 trillion yen", 2e12, "JPY", approx="under")]),
    # ranges
    ("Repairs will cost $2-3 million.", [money("$2-3 million", 2e6, "USD", amount_max=3e6)]),
    ("The fund is between $4 billion and $5 billion.", [money("$4 billion and $5 billion", 4e9, "USD", amount_max=5e9)]),
    ("It will raise 3 to 4 billion euros.", [money("3 to 4 billion euros", 3e9, "EUR", amount_max=4e9)]),
    ("Estimates range from $500 million to $1 billion.", [money("$500 million to $1 billion", 5e8, "USD", amount_max=1e9)]),
    # lists are not ranges
    ("It paid €3m and $4m.", [money("€3m", 3e6, "EUR"), money("$4m", 4e6, "USD")]),
    ("Between them, 5 and 6 billion dollars moved.", [money("6 billion dollars", 6e9, "USD")]),
    # negatives
    ("Net cash flow was -$2.5 million.", [money("-$2.5 million", -2.5e6, "USD")]),
    # stated equivalents
    ("Toyota earned 4.9 trillion yen, roughly $33 billion, in the year.",
     [money("4.9 trillion yen", 4.9e12, "JPY", usd=3.3e10, basis="stated"), money("$33 billion", 3.3e10, "USD", approx="about", restates=True)]),
    ("Germany pledged 10 billion euros (10.9 billion dollars).",
     [money("10 billion euros", 1e10, "EUR", usd=1.09e10, basis="stated"), money("10.9 billion dollars", 1.09e10, "USD", restates=True)]),
    ("Reliance spent Rs 75,000 crore (about $9 billion).",
     [money("Rs 75,000 crore", 7.5e11, "INR", usd=9e9, basis="stated"), money("$9 billion", 9e9, "USD", approx="about", restates=True)]),
    ("A $100 million (90 million euros) deal was signed.",
     [money("$100 million", 1e8, "USD"), money("90 million euros", 9e7, "EUR", usd=1e8, basis="stated", restates=True)]),
    ("It raised 200 million euros, and $50 million later.",
     [money("200 million euros", 2e8, "EUR"), money("$50 million", 5e7, "USD")]),
    # ¥ by context
    ("The Tokyo firm made ¥800 billion in Japan.", [money("¥800 billion", 8e11, "JPY")]),
    ("The Beijing firm made ¥800 billion in China, or 800 billion yuan.",
     [money("¥800 billion", 8e11, "CNY"), money("800 billion yuan", 8e11, "CNY")]),
    # not money: counts without a currency, prices without a number, weights
    ("The app has 1.5 billion monthly users.", []),
    ("It aims at 2 billion shoppers worldwide.", []),
    ("Prices in dollars rose sharply.", []),
    ("He lost 20 pounds in a month.", []),
    ("The company won 3 awards.", []),
]


def assert_money(found: list[dict], expected: list[dict]) -> None:
    assert [f["text"] for f in found] == [e["text"] for e in expected]
    for index, (got, want) in enumerate(zip(found, expected)):
        assert got["currency"] == want["currency"]
        assert got["amount"] == pytest.approx(want["amount"])
        assert got["approx"] == want["approx"]
        assert got.get("amount_max") == (pytest.approx(want["amount_max"]) if want["amount_max"] else None)
        assert got["equivalent_of"] == (found[index - 1]["start"] if want["restates"] else None)
        if want["usd_basis"] is not None:
            assert got["usd_basis"] == want["usd_basis"]
        if want["usd"] is not None:
            assert got["usd"] == pytest.approx(want["usd"])
        if want["currency"] == "USD":
            assert got["usd"] == pytest.approx(want["amount"]) and got["usd_basis"] == "identity"
        elif want["usd_basis"] is None:
            assert got["usd_basis"].startswith("ecb:") and got["usd"] > 0


@pytest.mark.parametrize("text, expected", MONEY_CASES, ids=[c[0][:40] for c in MONEY_CASES])
def test_money_forms(nlp, text, expected):
    assert_money(facts_of(nlp, text, "money"), expected)


# --- issue 12: the long tail of regional forms, and refusals of numbers that cannot be read whole ---

LONG_TAIL_CASES = [
    # compound cardinals, read whole
    ("The charity received six hundred twenty-five thousand dollars.", [money("six hundred twenty-five thousand dollars", 625e3, "USD")]),
    ("A grant of one hundred and eighty euros was paid.", [money("one hundred and eighty euros", 180, "EUR")]),
    ("Damages of two million, four hundred thousand pounds sterling were awarded.",
     [money("two million, four hundred thousand pounds sterling", 2.4e6, "GBP")]),
    ("The lottery paid a hundred thousand dollars.", [money("a hundred thousand dollars", 1e5, "USD")]),
    # fractions and mixed numbers
    ("Brussels earmarked one and a half billion euros.", [money("one and a half billion euros", 1.5e9, "EUR")]),
    ("Seoul plans four and a quarter trillion won in aid.", [money("four and a quarter trillion won", 4.25e12, "KRW")]),
    ("Roughly half a trillion rupees went to roads.", [money("half a trillion rupees", 5e11, "INR", approx="about")]),
    ("The refit cost a third of a billion dollars.", [money("a third of a billion dollars", 1e9 / 3, "USD")]),
    ("Zurich gave two-thirds of a million francs.", [money("two-thirds of a million francs", 2e6 / 3, "CHF")]),
    ("A quarter-million dollars was stolen.", [money("A quarter-million dollars", 2.5e5, "USD")]),
    ("The yacht cost 3½ million euros.", [money("3½ million euros", 3.5e6, "EUR")]),
    ("Ottawa unveiled a three point two billion dollar plan.", [money("three point two billion dollar", 3.2e9, "USD")]),
    ("Rome set aside four point oh five million euros.", [money("four point oh five million euros", 4.05e6, "EUR")]),
    # sub-units in units of the currency
    ("A first-class stamp now costs 73 cents.", [money("73 cents", 0.73, "USD")]),
    ("Shares in the London grocer gained 12p.", [money("12p", 0.12, "GBP")]),
    ("Petrol rose 4 pence a litre in Britain.", [money("4 pence", 0.04, "GBP")]),
    ("The old coin is worth 25 paise.", [money("25 paise", 0.25, "INR", basis="ecb:2023-03-15")]),
    ("A bus fare of 50 fen was charged.", [money("50 fen", 0.5, "CNY")]),
    ("The Toronto miner rose 35 cents to C$4.10.", [money("35 cents", 0.35, "CAD"), money("C$4.10", 4.1, "CAD")]),
    ("Machines take 20 euro cents.", [money("20 euro cents", 0.2, "EUR")]),
    # markers across regions
    ("Manila approved ₱12.5 billion for ports.", [money("₱12.5 billion", 1.25e10, "PHP")]),
    ("Samsung set aside ₩800 billion.", [money("₩800 billion", 8e11, "KRW")]),
    ("Ankara spent ₺2.3bn on grain.", [money("₺2.3bn", 2.3e9, "TRY")]),
    ("Lagos raised ₦45bn in bonds.", [money("₦45bn", 4.5e10, "NGN", basis="no ECB rate for NGN")]),
    ("Auckland spent NZ$640m on rail.", [money("NZ$640m", 6.4e8, "NZD")]),
    ("Wellington budgeted NZ $ 31 million for it.", [money("NZ $ 31 million", 3.1e7, "NZD")]),
    ("A $5 million grant was made.", [money("$5 million", 5e6, "USD")]),
    ("Sao Paulo's budget is R$14 billion.", [money("R$14 billion", 1.4e10, "BRL")]),
    ("The London fund returned GB£75m.", [money("GB£75m", 7.5e7, "GBP")]),
    ("Kuala Lumpur approved RM850 million.", [money("RM850 million", 8.5e8, "MYR")]),
    ("Jakarta set the fare at Rp 75.000.", [money("Rp 75.000", 7.5e4, "IDR")]),
    ("A Warsaw contract worth 300 million zł was signed.", [money("300 million zł", 3e8, "PLN")]),
    ("Prague pledged 15 billion Kč for trams.", [money("15 billion Kč", 1.5e10, "CZK")]),
    ("Budapest will spend 90 billion Ft on schools.", [money("90 billion Ft", 9e10, "HUF")]),
    ("The Oslo fund gained 12 billion kr.", [money("12 billion kr", 1.2e10, "NOK")]),
    ("Nestle booked CHF 750m.", [money("CHF 750m", 7.5e8, "CHF")]),
    ("The Johannesburg retailer lost R1.8bn.", [money("R1.8bn", 1.8e9, "ZAR")]),
    ("A Casablanca port cost 2 billion dirhams.", [money("2 billion dirhams", 2e9, "MAD", basis="no ECB rate for MAD")]),
    ("Doha approved 10 billion riyals of projects.", [money("10 billion riyals", 1e10, "QAR", basis="no ECB rate for QAR")]),
    ("Buenos Aires spent 900 billion pesos in Argentina.", [money("900 billion pesos", 9e11, "ARS", basis="no ECB rate for ARS")]),
    ("The Kenyan lender made Sh5 billion in Nairobi.", [money("Sh5 billion", 5e9, "KES", basis="no ECB rate for KES")]),
    # magnitudes, stacked Indian magnitudes, Indian and European digit grouping
    ("Debt reached $7.5tn.", [money("$7.5tn", 7.5e12, "USD")]),
    ("The club lost €300mn.", [money("€300mn", 3e8, "EUR")]),
    ("He earned £20k a year.", [money("£20k", 2e4, "GBP")]),
    ("Railways will get Rs 1.2 lakh crore.", [money("Rs 1.2 lakh crore", 1.2e12, "INR")]),
    ("The flat sold for Rs 3,75,000 in Pune.", [money("Rs 3,75,000", 3.75e5, "INR")]),
    ("The Milan fine was €1,5 billion.", [money("€1,5 billion", 1.5e9, "EUR")]),
    ("The Madrid bill was €2.345.600,50.", [money("€2.345.600,50", 2345600.5, "EUR")]),
    ("The Paris bonus was 12 000 euros.", [money("12 000 euros", 1.2e4, "EUR")]),
    # ranges are one fact, changes two
    ("A penalty of £2-3 billion is possible.", [money("£2-3 billion", 2e9, "GBP", amount_max=3e9)]),
    ("It may cost between 40 and 60 million Swiss francs.",
     [money("40 and 60 million Swiss francs", 4e7, "CHF", amount_max=6e7)]),
    ("Salaries ranging from €40,000 to €60,000 are offered.", [money("€40,000 to €60,000", 4e4, "EUR", amount_max=6e4)]),
    ("Debt climbed from $90 billion to $120 billion.", [money("$90 billion", 9e10, "USD"), money("$120 billion", 1.2e11, "USD")]),
    ("It went from $4 to $6 billion.", [money("$6 billion", 6e9, "USD")]),  # "$4" may mean $4 billion: dropped
    ("The retailer's shares slid $2.50 to $31.75.", [money("$2.50", 2.5, "USD"), money("$31.75", 31.75, "USD")]),
    ("Analysts value the unit at $40 to $45 a share.", [money("$40 to $45", 40, "USD", amount_max=45)]),
    ("Capex was lifted by ¥200 billion to ¥1.5 trillion.", [money("¥200 billion", 2e11, "JPY"), money("¥1.5 trillion", 1.5e12, "JPY")]),
    # stated equivalents: the second carries equivalent_of
    ("The Norwegian fund holds 50 billion kroner (about $4.6 billion).",
     [money("50 billion kroner", 5e10, "NOK", usd=4.6e9, basis="stated"), money("$4.6 billion", 4.6e9, "USD", approx="about", restates=True)]),
    ("Shanghai spent 8 billion yuan (1 billion euros) on parks.",
     [money("8 billion yuan", 8e9, "CNY"), money("1 billion euros", 1e9, "EUR", restates=True)]),
    ("It paid €5m and £4m.", [money("€5m", 5e6, "EUR"), money("£4m", 4e6, "GBP")]),
]

# Numbers that cannot be read whole, or that no story states: no fact, never a part of one.
REFUSALS = [
    "A grant of forty three seven dollars was paid.",
    "Tickets cost twelve thirty euros.",
    "It was sixty, seventy thousand pounds sterling in London.",
    "He paid three hundred, forty thousand dollars.",
    "A bequest of 5 10/20 million dollars.",  # no price is written in twentieths
    "The bill came to $1,0000.",
    "It owes 1,234,567,890,123,456,789,000 dollars.",
    "The firm paid 12 trillion trillion dollars.",
    "The deal was R$9 bilhões.",
    "The state owes " + "9" * 400 + " yuan.",
    "He pledged one point six five seven eight nine dollars.",
    # weights, dashes and markers that need a regional cue or a magnitude
    "In London, customs seized 800 pounds (360 kg) of tobacco.",
    "The Manchester boxer weighs 160 pounds.",
    "The team's R2 billion-point lead.",
    "A 30 Ft yacht was moored.",
    "The R5 engine won in Johannesburg.",
    "He paid 85 p for it.",
]


@pytest.mark.parametrize("text, expected", LONG_TAIL_CASES, ids=[c[0][:40] for c in LONG_TAIL_CASES])
def test_money_long_tail(nlp, text, expected):
    assert_money(facts_of(nlp, text, "money"), expected)


def test_a_dash_before_an_amount_is_not_a_minus(nlp):
    found = facts_of(nlp, "Acme Corp. -- $250 million of notes; Beta Inc. — $75 million.", "money")
    assert [(f["text"], f["amount"]) for f in found] == [("$250 million", 2.5e8), ("$75 million", 7.5e7)]


@pytest.mark.parametrize("text", REFUSALS, ids=[t[:40] for t in REFUSALS])
def test_unreadable_amounts_are_refused(nlp, text):
    found = facts_of(nlp, text, "money")
    assert [f["text"] for f in found] == []


def test_every_value_is_strict_json(nlp):
    text = " ".join([*REFUSALS, *(case[0] for case in LONG_TAIL_CASES), "Growth was " + "9" * 400 + "%."])
    doc = nlp(newsfacts.make_doc(nlp, text, REF))
    assert doc._.facts
    json.dumps([fact.to_dict() for fact in doc._.facts], allow_nan=False)


PERCENT_CASES = [
    ("Sales grew 12 percent.", [("12 percent", 12, "percent", None)]),
    ("Sales grew 12 per cent.", [("12 per cent", 12, "percent", None)]),
    ("Margins hit 7.25%.", [("7.25%", 7.25, "percent", None)]),
    ("Inflation was 3.1 pct in May.", [("3.1 pct", 3.1, "percent", None)]),
    ("Unemployment fell 0.4 percentage points.", [("0.4 percentage points", 0.4, "percentage_point", None)]),
    ("The share rose one percentage point.", [("one percentage point", 1, "percentage_point", None)]),
    ("The Fed raised rates by 25 basis points.", [("25 basis points", 0.25, "percentage_point", None)]),
    ("Spreads widened 150 bps.", [("150 bps", 1.5, "percentage_point", None)]),
    ("Output dropped -2.3% year on year.", [("-2.3%", 2.3, "percent", None)]),  # a sign is a move: change "down"
    ("GDP shrank minus 0.5 percent.", [("minus 0.5 percent", -0.5, "percent", None)]),
    ("Turnout was about 60 percent.", [("60 percent", 60, "percent", "about")]),
    ("Nearly 40% of users left.", [("40%", 40, "percent", "under")]),
    ("More than 70 per cent agreed.", [("70 per cent", 70, "percent", "over")]),
    ("Up to 30% off everything.", [("30%", 30, "percent", "up_to")]),
    ("Five percent of staff were cut.", [("Five percent", 5, "percent", None)]),
    # an interval is one fact (its value_max: tests/test_percent_intervals.py)
    ("Growth of 5-7 percent is forecast.", [("5-7 percent", 5, "percent", None)]),
    ("Rates rose from 4% to 4.5%.", [("4%", 4, "percent", None), ("4.5%", 4.5, "percent", None)]),
    # multipliers are not percentages
    ("Sales rose 10-fold.", []),
    ("Revenue grew 1.2 times.", []),
    ("Profits more than doubled.", []),
    ("Orders tripled in a year.", []),
]


@pytest.mark.parametrize("text, expected", PERCENT_CASES, ids=[c[0][:40] for c in PERCENT_CASES])
def test_percent_forms(nlp, text, expected):
    found = facts_of(nlp, text, "percent")
    assert [(f["text"], f["value"], f["unit"], f["approx"]) for f in found] == [
        (t, pytest.approx(v), u, a) for t, v, u, a in expected
    ]


def test_percent_and_money_in_one_sentence(nlp):
    text = "Alibaba's revenue rose 8% to 234 billion yuan."
    assert [f["text"] for f in facts_of(nlp, text, "percent")] == ["8%"]
    assert [f["text"] for f in facts_of(nlp, text, "money")] == ["234 billion yuan"]


# --- conversion at ECB reference rates ------------------------------------------------------

@pytest.fixture(scope="module")
def rates():
    return EcbRates()


@pytest.mark.parametrize(
    "amount, currency, on, usd, basis",
    [
        ("7000000000", "CNY", dt.date(2024, 8, 20), "979745428.83", "ecb:2024-08-20"),
        ("100", "EUR", dt.date(2024, 8, 16), "109.94", "ecb:2024-08-16"),
        # a Sunday takes Friday's rate
        ("100", "EUR", dt.date(2024, 8, 18), "109.94", "ecb:2024-08-16"),
        # New Year's Day has no fixing: the last one of the old year
        ("1000", "GBP", dt.date(2023, 1, 1), None, "ecb:2022-12-30"),
    ],
)
def test_ecb_conversion_is_pinned(rates, amount, currency, on, usd, basis):
    value, got_basis = rates.to_usd(Decimal(amount), currency, on)
    assert got_basis == basis
    if usd is not None:
        assert round(value, 2) == Decimal(usd)


def test_currency_without_ecb_rate_says_why(rates):
    assert rates.to_usd(Decimal(5), "VND", dt.date(2023, 1, 5)) == (None, "no ECB rate for VND")


def test_date_before_the_ecb_table(rates):
    value, basis = rates.to_usd(Decimal(5), "CNY", dt.date(1995, 1, 5))
    assert value is None and "before" in basis


def test_no_reference_date_uses_the_latest_rate(nlp):
    found = facts_of(nlp, "They invested 10 million euros.", "money", published=None)
    assert found[0]["usd_basis"].startswith("ecb:") and found[0]["usd"] > 0


def test_conversion_touches_no_network(monkeypatch, rates):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert EcbRates().to_usd(Decimal(1), "JPY", dt.date(2020, 6, 10))[0] is not None
