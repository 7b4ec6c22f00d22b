"""What each figure measures (``metric``): one row per sentence, written in other words than
the development articles (other companies, currencies and verbs), the spec's traps included."""

from __future__ import annotations

import pytest

import newsfacts

PUBLISHED = "2024-05-10"

CASES = [
    # results: profit, loss, operating profit, revenue, eps (restatement and per share)
    ("Heineken said net profit rose 9% to 1.2 billion euros in the first half.", "1.2 billion euros", "profit"),
    ("Heineken said net profit rose 9% to 1.2 billion euros in the first half.", "9%", "profit"),
    ("Infosys earned 61 billion rupees in the quarter.", "61 billion rupees", "profit"),
    ("Ocado posted a pre-tax loss of 394 million pounds for the year.", "394 million pounds", "loss"),
    ("Peloton lost $1.2 billion in its fiscal fourth quarter.", "$1.2 billion", "loss"),
    ("Siemens' operating income climbed 12 percent to 2.9 billion euros.", "2.9 billion euros", "operating_profit"),
    ("Zara owner Inditex reported sales of 35.9 billion euros for the year.", "35.9 billion euros", "revenue"),
    ("Revenue at Naspers fell 4% from a year earlier.", "4%", "revenue"),
    ("Shopify earned $45 million, or 3 cents a share, in the quarter.", "3 cents", "eps"),
    ("Shopify earned $45 million, or 3 cents a share, in the quarter.", "$45 million", "profit"),
    ("The brewer reported earnings of 2.15 euros per share.", "2.15 euros", "eps"),
    # a loss vs a profit that fell
    ("Nokia's profit fell 40% to 420 million euros.", "420 million euros", "profit"),
    ("Nokia swung to a net loss of 150 million euros.", "150 million euros", "loss"),
    # a price paid for a company vs a share price
    ("Cisco agreed to buy Splunk for $28 billion in cash.", "$28 billion", "deal_value"),
    ("Carlsberg made a takeover bid of 3.3 billion pounds for Britvic.", "3.3 billion pounds", "deal_value"),
    ("Carlsberg agreed to pay 3.3 billion pounds for Britvic.", "3.3 billion pounds", "deal_value"),
    ("Shares of Splunk closed at $156.90 on Friday.", "$156.90", "share_price"),
    ("Ericsson stock fell 5% in Stockholm trading.", "5%", "share_price"),
    # a share of a market vs a stake in a company
    ("Samsung's share of the smartphone market slipped to 19 percent.", "19 percent", "market_share"),
    ("BYD now makes 30% of the electric cars sold in the country.", "30%", "market_share"),
    ("Tencent holds a 9% stake in the game studio.", "9%", "stake"),
    ("SoftBank owns about 90% of Arm.", "90%", "stake"),
    ("The insurer is 51%-owned by Allianz.", "51%", "stake"),
    # an index move vs a share move
    ("The Nikkei average dropped 2.3% on Tuesday.", "2.3%", "index"),
    ("The FTSE 100 index closed up 0.8 percent.", "0.8 percent", "index"),
    ("Toyota shares dropped 2.3% on Tuesday.", "2.3%", "share_price"),
    # economy and markets
    ("Brazil's unemployment rate fell to 7.5% in March.", "7.5%", "unemployment"),
    ("Consumer prices in Turkey rose 68.5 percent in March from a year earlier.", "68.5 percent", "inflation"),
    ("The Reserve Bank kept its policy rate at 6.5 percent.", "6.5 percent", "interest_rate"),
    ("Exports from Vietnam rose 14% to $33.6 billion in April.", "$33.6 billion", "trade"),
    ("The euro weakened to $1.07 against the dollar.", "$1.07", "exchange_rate"),
    ("Gross domestic product expanded 3.4% in the quarter.", "3.4%", "growth"),
    ("The government approved a budget of 45 trillion rupiah for next year.", "45 trillion rupiah", "budget"),
    # company money of other kinds
    ("Meta was fined 1.2 billion euros by Ireland's regulator.", "1.2 billion euros", "fine"),
    ("Intel will invest 30 billion euros in a plant in Magdeburg.", "30 billion euros", "investment"),
    ("The lender took a 700 million pound charge for bad loans.", "700 million pound", "cost"),
    ("Unilever raised its quarterly dividend to 42 cents a share.", "42 cents", "dividend"),
    ("The carmaker sold $2 billion of bonds due 2030.", "$2 billion", "debt"),
    ("Its market value reached $3 trillion in June.", "$3 trillion", "market_value"),
    ("The chief executive's pay package was worth 25 million pounds.", "25 million pounds", "pay"),
    ("A barrel of Brent crude cost $88 on Monday.", "$88", "price"),
    # a change verb's object is what changes; figures joined by "and" share what follows them
    ("Hermes boosted operating profit 16% last year.", "16%", "operating_profit"),
    ("Airbus and Boeing hold about 60% and 35% of the market.", "60%", "market_share"),
    ("Cloud services were 45% of the group's total revenue.", "45%", "revenue"),
    # wages, a bank's revenue, what an amount builds, a fund's return, a bare per-share restatement
    ("Average hourly earnings rose 9 cents to $34.10 in May.", "$34.10", "pay"),
    ("Net interest income at the lender fell to 2.1 billion euros.", "2.1 billion euros", "revenue"),
    ("Northvolt halted work on a $4 billion battery plant.", "$4 billion", "investment"),
    ("The pension fund rose 2.4% in the quarter.", "2.4%", None),
    ("Profit rose to 80 million euros, or 31 cents, from 70 million euros, or 27 cents.", "27 cents", "eps"),
    # a lower-case "net" the tagger calls a name; a change noun that a verb's "to/from" figures
    # reach; an "of" hung on "a year earlier"; a noun that only qualifies another ("profit from
    # discontinued operations"); a figure joined by "and" to a quoted one
    ("Even so, net dropped 7 percent at the retailer.", "7 percent", "profit"),
    ("Vodafone booked a steep fall in operating income to 1.1 billion euros from 1.6 billion euros.", "1.1 billion euros", "operating_profit"),
    ("Vodafone booked a steep fall in operating income to 1.1 billion euros from 1.6 billion euros.", "1.6 billion euros", "operating_profit"),
    ("Barclays posted losses of 200 million pounds, compared with earnings a year earlier of 90 million pounds.", "90 million pounds", "profit"),
    ("The period included profit from discontinued operations of 12 million francs.", "12 million francs", "profit"),
    ("Late in Zurich the franc stood at 1.12 dollars and 161.40 yen.", "161.40 yen", "exchange_rate"),
    ("The slump showed in sales at the Nordic division, which slid to 4.1 billion kronor.", "4.1 billion kronor", "revenue"),
    # a percentage bought or sold is a stake; a percentage is never a price paid
    ("The sovereign fund agreed to purchase 20% of the port operator.", "20%", "stake"),
    ("The Treasury plans to sell 5% through a public offering.", "5%", "stake"),
    ("Dealers sold 12% more trucks in the quarter.", "12%", None),
    # a session is no trade; a rate in money is a price; what a holding verb owns "of" is a stake
    ("Nestle's stock rose 2.50 francs to close at 101.20 francs in Zurich trading yesterday.", "101.20 francs", "share_price"),
    ("Hotel rooms will rent at rates of 90 euros a night.", "90 euros", "price"),
    ("The utility would own 60% of the new power station.", "60%", "stake"),
    ("The bank sold new shares in a 400 million pound offering.", "400 million pound", "deal_value"),
    ("The lender raised 400 million pounds from investors.", "400 million pounds", None),
    # a market table's label names what its figures quote; a keyless subject takes its "in/of" complement's key
    ("Euro: 1.0850 dollars, up 0.0020 on the day.", "1.0850 dollars", "exchange_rate"),
    ("Silver: $24.10 an ounce, up 12 cents.", "$24.10", "price"),
    ("Its equity in the net income of the joint venture declined to 4 million euros.", "4 million euros", "profit"),
    ("Results were hurt by write-downs, including 40 million euros related to a closed plant.", "40 million euros", "cost"),
    # an amount that is itself a gain names no metric; a percentage gain takes its clause's
    ("Profit for the half also included a gain of 14 million euros on the carrying value of a holding.", "14 million euros", None),
    ("Shares of the miner posted a 6% gain on Monday.", "6%", "share_price"),
    # what a purchase costs is its price; what a project costs is a cost
    ("The acquisition of the remaining 30% stake is expected to cost about 2 billion kronor.", "2 billion kronor", "deal_value"),
    ("The new production line will cost about 2 billion kronor.", "2 billion kronor", "cost"),
    # what a payer pays "in taxes" or "in interest" is a cost; an interest bought is a stake
    ("The airline paid 45 million euros in taxes during the year.", "45 million euros", "cost"),
    ("The group must pay about 80 million pounds in interest every quarter.", "80 million pounds", "cost"),
    ("The fund bought a $20 million interest in the mine.", "$20 million", "stake"),
    # a level ("a high of …") takes the metric of the clause it is reached in
    ("Norvik's stock has fluctuated sharply, rising to a high for the year of $42.875 a share in June.", "$42.875", "share_price"),
    ("Halden's stock swung widely on bid talk, climbing to a peak for the year of 310 kronor in May.", "310 kronor", "share_price"),
    ("Acme reported net income for the second quarter of $8.6 million.", "$8.6 million", "profit"),
    # a name quoted per share is a stock even when no organisation is recognised in it
    ("In Stockholm trading, Vellmark ended at 112.40 kronor a share, up 2 kronor.", "112.40 kronor", "share_price"),
    ("In London trading, Brent crude ended at $84.20 a barrel.", "$84.20", "price"),
    # the parser makes a lower-case "net" a modifier of the percentage it changes
    ("Meanwhile, Wipro Ltd., the software exporter, lifted net 11% in the quarter.", "11%", "profit"),
    # "than the" compares with a figure, which takes the metric of the one it is compared with
    ("The charge will be less than 10 million euros.", "10 million euros", "cost"),
    ("Reinsurers face storm claims of about 2 billion euros, far more than the 900 million euros from the floods.",
     "900 million euros", "cost"),
    # a percentage of the shares outstanding is a stake
    ("Vestas plans to repurchase 20 million shares, or 2% of the 1 billion outstanding.", "2%", "stake"),
    # what building a plant costs is an investment; what a sale brings is its deal value
    ("The estimated cost of the new smelter rose to 900 million euros.", "900 million euros", "investment"),
    ("The estimated cost of the redundancy programme rose to 900 million euros.", "900 million euros", "cost"),
    ("Bayer plans to raise 3 billion euros from the disposal of its animal-health arm.", "3 billion euros", "deal_value"),
    ("Bayer plans to raise 3 billion euros from investors.", "3 billion euros", None),
    # a price paid in stock is a deal value; a stock's own price is a share price
    ("Alphabet said it will acquire Wiz for $32 billion in stock.", "$32 billion", "deal_value"),
    ("Wiz stock closed at $32 in New York.", "$32", "share_price"),
    # a quantity of a commodity that moves is no price of it
    ("Vale's nickel deliveries rose 4% in the quarter.", "4%", None),
    ("Nickel rose 4% to $17,000 a tonne.", "4%", "price"),
    # a forecast or estimate takes the longest metric phrase of its modifiers
    ("Toyota Motor Corp. raised its annual operating profit forecast to 4.3 trillion yen.", "4.3 trillion yen",
     "operating_profit"),
    # a gain on holdings is income, not the holding; a gain in a result is that result
    ("Profit included realized securities gains of 45 million francs.", "45 million francs", None),
    ("Nestle reported a gain in sales of 2 billion francs.", "2 billion francs", "revenue"),
    # a company that moves something else by an amount does not move its stock
    ("Ericsson AB said it reduced inventories a further $100 million during the quarter.", "$100 million", None),
    ("Shares of Ericsson AB fell 2 kronor in Stockholm trading.", "2 kronor", "share_price"),
    # no noun, no metric
    ("The figure came to 5 percent.", "5 percent", None),
    ("The company opened offices in Lagos worth 40 million naira and 12 million naira.", "12 million naira", None),
]


@pytest.mark.parametrize("text, figure_text, metric", CASES, ids=[f"{c[2]}:{c[1]}" for c in CASES])
def test_metric(nlp, text, figure_text, metric):
    doc = nlp(newsfacts.make_doc(nlp, text, PUBLISHED))
    figures = [r for r in doc._.fact_records if r["type"] in ("money", "percent") and r["text"] == figure_text]
    assert figures, f"no figure {figure_text!r} in {[r['text'] for r in doc._.fact_records]}"
    assert figures[0]["metric"] == metric


def test_metric_on_every_figure_of_the_typed_facts(nlp):
    """``metric`` is a field of the Money and Percent facts and of their JSON form."""
    facts = newsfacts.extract("Acme Corp. said revenue rose 5% to $10 million.", published=PUBLISHED)
    figures = [f for f in facts if f.type in ("money", "percent")]
    assert {f.metric for f in figures} == {"revenue"}
    assert all(f.to_dict()["metric"] == "revenue" for f in figures)
