"""Figure links: period, subject, change and basis of money and percent facts (issue 15).

One row per sentence and figure: the fields to check and their expected values; a field
not named is not checked. ``period`` names the date text the link must overlap, ``subject``
the org mention whose ``canonical`` it must be (so the rows do not depend on how the org
component spells canonical names); ``None`` means the field must stay null.
"""

from __future__ import annotations

from typing import Any

import pytest

import newsfacts

PUBLISHED = "2024-05-10"


def figure(nlp, text: str, figure_text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    doc = nlp(newsfacts.make_doc(nlp, text, PUBLISHED))
    records = doc._.fact_records
    matches = [r for r in records if r["type"] in ("money", "percent") and r["text"] == figure_text]
    assert matches, f"no figure {figure_text!r} in {[r['text'] for r in records]}"
    return matches[0], records


CASES = [
    # change verbs, up and down, with and without "by"
    ("Sales fell 3% at Siemens in 2022.", "3%", {"change": "down", "subject": "Siemens", "period": "2022"}),
    ("Samsung's operating profit plunged 95 percent in the first quarter of 2023.", "95 percent",
     {"change": "down", "subject": "Samsung", "period": "first quarter of 2023"}),
    ("Shares of Toyota jumped 6% on Tuesday.", "6%", {"change": "up", "subject": "Toyota", "period": "Tuesday"}),
    ("The central bank raised its benchmark rate by 50 basis points in July.", "50 basis points", {"change": "up", "period": "July"}),
    ("Unilever's market share in India slipped 1.5 percentage points in 2023.", "1.5 percentage points",
     {"change": "down", "subject": "Unilever"}),
    ("Revenue at Shopify climbed 26 percent to $1.9 billion.", "26 percent", {"change": "up", "subject": "Shopify"}),
    ("The yen weakened 0.5% against the dollar.", "0.5%", {"change": "down", "subject": None}),
    # change nouns and adverbs
    ("Zomato recorded a 27% increase in gross order value.", "27%", {"change": "up", "subject": "Zomato"}),
    ("Carrefour's sales posted a growth of 9.2 percent in the third quarter.", "9.2 percent",
     {"change": "up", "subject": "Carrefour", "period": "third quarter"}),
    ("Exports showed a decline of 4 per cent.", "4 per cent", {"change": "down"}),
    ("Alphabet shares were up 4 percent on Friday.", "4 percent", {"change": "up", "subject": "Alphabet"}),
    ("Nestle's revenue was down 5 percent from a year earlier.", "5 percent",
     {"change": "down", "subject": "Nestle", "basis": "year_on_year"}),
    ("Ford's European sales were 7 percent lower than in 2022.", "7 percent", {"change": "down", "subject": "Ford", "period": None}),
    ("Retail sales rose at an annual rate of 4.2 percent.", "4.2 percent", {"change": "up"}),
    # levels are not changes
    ("Inflation eased to 3.2% in March.", "3.2%", {"change": None, "period": "March"}),
    ("Samsung Electronics holds a 25 percent stake in the venture.", "25 percent",
     {"change": None, "basis": None, "subject": "Samsung Electronics"}),
    ("The bank cut its stake in Alibaba to 5% from 9.2%.", "5%", {"change": None, "subject": None}),
    ("Turkish inflation accelerated to 75% in May.", "75%", {"change": None}),
    ("Online sales accounted for 18 percent of the total.", "18 percent", {"change": None}),
    ("The lender charges an interest rate of 6.25 percent.", "6.25 percent", {"change": None}),
    # basis phrases
    ("HSBC said profit rose 12% year-on-year in the second quarter.", "12%", {"change": "up", "basis": "year_on_year"}),
    ("Petrobras said its net income rose 15 percent quarter-on-quarter.", "15 percent",
     {"change": "up", "basis": "quarter_on_quarter", "subject": "Petrobras"}),
    ("Exports grew 8.1% month-on-month in February.", "8.1%", {"basis": "month_on_month", "period": "February"}),
    ("The margin widened by 80 basis points compared with the same quarter of last year.", "80 basis points",
     {"change": "up", "basis": "year_on_year", "period": None}),
    ("Inditex posted net sales of 8.2 billion euros in its first quarter, 7% more than a year before.", "7%",
     {"change": "up", "basis": "year_on_year"}),
    ("Orders rose 2% from the previous quarter.", "2%", {"basis": "quarter_on_quarter"}),
    ("Prices were up 3 percent on a month earlier.", "3 percent", {"change": "up", "basis": "month_on_month"}),
    ("Inflation was 4.5% in April.", "4.5%", {"change": None, "basis": None}),
    # subjects: possessors, "at/of X", participles, clause subjects, pronouns, relatives
    ("Volkswagen, whose profit doubled to 4.2 billion euros, raised its outlook.", "4.2 billion euros", {"subject": "Volkswagen"}),
    ("A 10 percent stake in Arm held by SoftBank was sold.", "10 percent", {"subject": "SoftBank"}),
    ("Tata Motors posted a net loss of Rs 1,000 crore in the fourth quarter of 2023.", "Rs 1,000 crore",
     {"subject": "Tata Motors", "period": "fourth quarter of 2023"}),
    ("Rio Tinto expects to spend about $10 billion on copper projects by 2027.", "$10 billion",
     {"subject": "Rio Tinto", "period": "2027"}),
    ("The European Commission fined Meta 797 million euros.", "797 million euros", {"subject": "Meta"}),
    ("Airbnb told Bloomberg its bookings grew 11 percent in the second quarter.", "11 percent", {"subject": "Airbnb"}),
    ("Barclays, the British lender, set aside 500 million pounds.", "500 million pounds", {"subject": "Barclays"}),
    ("Microsoft agreed to pay $69 billion for Activision Blizzard.", "$69 billion", {"subject": "Microsoft"}),
    ("Tencent invested 2 billion yuan in the startup last year.", "2 billion yuan", {"subject": "Tencent", "period": "last year"}),
    # attribution frames are not subjects
    ("Sales rose 6 percent, according to Reuters.", "6 percent", {"subject": None, "change": "up"}),
    ("Data from Statista shows the market will reach $50 billion by 2028.", "$50 billion", {"subject": None, "period": "2028"}),
    ("Goldman Sachs estimates that Nvidia's revenue will climb 40% next year.", "40%", {"subject": "Nvidia"}),
    ("According to the International Monetary Fund, growth will slow to 2.9 percent.", "2.9 percent", {"subject": None}),
    # periods: comparison dates, reporting days and other clauses are skipped
    ("Siemens, founded in 1847, reported revenue of 77 billion euros.", "77 billion euros", {"period": None, "subject": "Siemens"}),
    ("The company said on Monday that revenue rose 4% in 2023.", "4%", {"period": "2023"}),
    ("Coca-Cola earned $2.5 billion in the three months through September, compared with $2.2 billion a year earlier.",
     "$2.5 billion", {"period": "September", "subject": "Coca-Cola"}),
    ("Coca-Cola earned $2.5 billion in the three months through September, compared with $2.2 billion a year earlier.",
     "$2.2 billion", {"period": "a year earlier"}),
    ("Net income at Heineken fell 6% to 1.2 billion euros in the first half from 1.3 billion euros.", "1.3 billion euros",
     {"period": None, "subject": "Heineken"}),
    ("Revenue was 291 million Swiss francs, up from 252 million Swiss francs in 2019.", "291 million Swiss francs", {"period": None}),
    ("Pfizer sold $5 billion of notes due March 15, 2031.", "$5 billion", {"period": None, "subject": "Pfizer"}),
    ("Nokia, which owns 40% of the venture, earned 300 million euros in 2021.", "40%", {"period": None, "subject": "Nokia"}),
    # subjects referred to by "it" / "the company" in a later sentence (issue 19)
    ("Vestas Wind Systems reported results on Tuesday. The company said net profit rose 12% to 300 million euros.",
     "12%", {"subject": "Vestas Wind Systems", "change": "up"}),
    ("Vestas Wind Systems reported results on Tuesday. It had a loss of 50 million euros a year earlier.",
     "50 million euros", {"subject": "Vestas Wind Systems", "period": "a year earlier"}),
    ("Vestas Wind Systems reported results on Tuesday. The Danish turbine maker's sales fell 8% in the quarter.",
     "8%", {"subject": "Vestas Wind Systems", "period": "quarter"}),
    ("Vestas Wind Systems reported results on Tuesday.\nNordex SE also reported on Tuesday. Its sales fell 8% in the quarter.",
     "8%", {"subject": "Nordex SE"}),
    ("The statistics office published its figures on Monday. It said exports rose 5% in April.", "5%", {"subject": None}),
    # a restatement, a move and a compared figure share their figure's owner
    ("Novo Nordisk earned 20 billion kroner, or 4.5 kroner a share, up 6% from 19 billion kroner.", "4.5 kroner", {"subject": "Novo Nordisk"}),
    ("Novo Nordisk earned 20 billion kroner, or 4.5 kroner a share, up 6% from 19 billion kroner.", "6%", {"subject": "Novo Nordisk"}),
    ("Novo Nordisk earned 20 billion kroner, or 4.5 kroner a share, up 6% from 19 billion kroner.", "19 billion kroner",
     {"subject": "Novo Nordisk"}),
    # the reporting company owns what it reports or estimates; a holder named after "owned by"
    ("Ryanair estimated that the strikes will lead to a charge of 20 million euros.", "20 million euros", {"subject": "Ryanair"}),
    ("The insurer is 51%-owned by Allianz.", "51%", {"subject": "Allianz"}),
    # a compared figure named by its own noun phrase owns the date that opens it
    ("Iberdrola earned 1.2 billion euros in the second quarter, compared with a year-earlier profit of 1.1 billion euros.",
     "1.1 billion euros", {"period": "year-earlier"}),
    ("Sales in the quarter were 3.1 billion euros, up from last year's 2.9 billion euros.", "2.9 billion euros", {"period": "last year"}),
    # a possessive date on the clause's subject dates the clause; a date in a conjoined clause does not
    ("Last year's results were hurt by 40 million euros in write-downs.", "40 million euros", {"period": "Last year"}),
    ("Temasek began raising its stake in June, and now holds 12%.", "12%", {"period": None}),
    # a description resolves to the article's company even when the sentence names another later
    ("Vestas Wind Systems reported results on Tuesday. The company, which is 20%-owned by Mitsubishi Heavy Industries, "
     "had a loss of 50 million euros.", "50 million euros", {"subject": "Vestas Wind Systems"}),
    # an organisation inside a modifier of something else owns nothing
    ("Upgrading the engines, made by Rolls-Royce, will cost about 30 million pounds.", "30 million pounds", {"subject": None}),
    # a short form the org facts leave unmarked still names the company it begins
    ("Summit Materials Inc. reported results on Thursday. Summit earned $45 million in the quarter.", "$45 million",
     {"subject": "Summit Materials Inc."}),
    # "it" across sentences stands for an organisation only after a sentence about one
    ("Volvo Cars reported results on Monday. The board approved a restructuring plan. "
     "It includes writing off 30 million euros of goodwill.", "30 million euros",
     {"subject": None}),
    # the thing sold is not the owner; a person holding a stake is nobody's organisation; a market's size is no company's
    ("Its results included a gain of 12 million euros from the sale of Brightwell Logistics.", "12 million euros", {"subject": None}),
    ("Unilever holds 30% of the venture, while the Reimann family holds about 20% of its equity.", "20%", {"subject": None}),
    ("Mondelez's share of the 8 billion euro biscuit market rose.", "8 billion euro", {"subject": None}),
    # the venue where shares trade is not their owner
    ("Shares of Adyen closed at 1,200 euros on Euronext Amsterdam.", "1,200 euros", {"subject": "Adyen"}),
    # the possessor of what a verb changes owns the change; a relative clause's figure belongs to
    # its antecedent's owner; a stake someone holds in a company is not the company's
    ("Flood claims cut Hannover Rueck SE's quarterly profit by 300 million euros.", "300 million euros", {"subject": "Hannover Rueck SE"}),
    ("Analysts upgraded Siemens AG shares, which closed at 168 euros.", "168 euros", {"subject": "Siemens AG"}),
    ("Mr. Tan sought approval to lift his Keppel Corp. stake above 8%.", "8%", {"subject": None}),
    # "the … concern" with its article on the first of several modifiers; an appositive's figure
    ("Tessaro Corp. reported results. Operating profit for the valves, pumps and industrial filters concern "
     "was $19.2 million.", "$19.2 million", {"subject": "Tessaro Corp."}),
    ("Analysts like Brightline Capital Corp., a wealth-management firm with assets under management of "
     "about $17 billion.", "$17 billion", {"subject": "Brightline Capital Corp."}),
    # a noun with an organisation in apposition is that organisation, not its possessor
    ("Meanwhile, net at Volvo's truck arm, Renault Trucks SAS, fell 3.1%.", "3.1%", {"subject": "Renault Trucks SAS"}),
    ("Siemens AG's medical unit, Siemens Healthineers AG, said net income fell 22% in the quarter.", "22%",
     {"subject": "Siemens Healthineers AG"}),
    # the size of a loan or a plant written before it is not dated by what happens to it
    ("The group plans to repay 2 billion euros of a 5 billion euro bridge loan by March.", "5 billion euro", {"period": None}),
    ("Work stopped in May on a $2 billion chip plant.", "$2 billion", {"period": None}),
    # a figure compared as a multiple ("more than twice the …") takes the metric of the one it is compared with
    ("Brenntag AG reported third-quarter net income of 27.1 million euros, more than twice the 13.5 million euros "
     "of a year earlier.", "13.5 million euros", {"metric": "profit"}),
    # a part of someone's whole is theirs, but a stake in someone's shares is the holder's
    ("Orsted A/S sells power. Revenue from offshore wind was 45% of Orsted's total business in the nine months.", "45%",
     {"subject": "Orsted A/S"}),
    ("Norges Bank holds 5% of Orsted A/S's shares.", "5%", {"subject": "Norges Bank"}),
    # the basis reference may follow the compared figure, its decimals and its restatement
    ("Quarterly sales dropped 11% to 1.27 billion euros from 1.43 billion euros a year ago.", "11%", {"basis": "year_on_year"}),
    ("Net for the nine months was 254 million euros, up 56% from 163 million euros, or 4.06 euros a share, a year earlier.",
     "56%", {"basis": "year_on_year"}),
    ("Profit rose 5% from the prior quarter, and 10% from a year ago.", "5%", {"basis": "quarter_on_quarter"}),
    # "the unit" is the organisation the article introduced as a unit (by that noun first), else the parent
    ("Siemens AG reported results on Thursday. Siemens AG's medical unit, Siemens Healthineers AG, said orders rose. "
     "Separately, Atos SE, a subsidiary of nobody, gained. Profit at the unit fell to 1.1 billion euros.",
     "1.1 billion euros", {"subject": "Siemens Healthineers AG"}),
    ("Siemens AG reported results on Thursday. Profit at the unit fell to 1.1 billion euros.", "1.1 billion euros",
     {"subject": "Siemens AG"}),
    # "respectively" pairs a list of figures with the list of organisations before it
    ("The market is led by Ferrero SpA and Lindt & Spruengli AG, which have about 30% and 22% of it, respectively.",
     "22%", {"subject": "Lindt & Spruengli AG"}),
    ("The market is led by Ferrero SpA and Lindt & Spruengli AG, which have about 30% and 22% of it, respectively.",
     "30%", {"subject": "Ferrero SpA"}),
    # "add" and "show" report a figure only when they take no figure as their object
    ("Banco Sabadell SA also added 310 million euros to its provisions for bad loans.", "310 million euros",
     {"subject": "Banco Sabadell SA"}),
    ("Kesko Oyj showed an operating profit of 88 million euros for the half.", "88 million euros", {"subject": "Kesko Oyj"}),
    ("Moody's Investors Service added that Kesko Oyj's operating profit was 88 million euros.", "88 million euros",
     {"subject": "Kesko Oyj"}),
    # "from" after a result's noun says where the result comes from, not what it is compared with
    ("In the latest quarter, the group had revenue from licensing of 40 million euros.", "40 million euros",
     {"period": "latest quarter"}),
    ("Sales rose in the latest quarter to 5 million euros from a year-earlier total of 4 million euros.",
     "4 million euros", {"period": "year-earlier"}),
    # an infinitive that ends the move ("to close at …") shares its date with the move
    ("Nestle's stock fell 3.20 francs to close at 98.50 francs in Zurich trading on Friday.", "3.20 francs",
     {"period": "Friday"}),
    # "the <town>, <region>, concern" is the company the article is about
    ("Rexnord Inc. posted a loss. On top of that, the Blue Ridge, Pa., concern took a $90 million charge.", "$90 million",
     {"subject": "Rexnord Inc."}),
    # a company reporting a gain, charge or write-down of its own owns it, though no metric names it
    ("Orkla ASA said the gain on the sale of the brands will be about 2 billion crowns.", "2 billion crowns",
     {"subject": "Orkla ASA"}),
    ("Statistics Norway said the gain in household savings was about 2 billion crowns.", "2 billion crowns",
     {"subject": None}),
    # a paragraph is its own sentence even when the parser runs the one before into it
    ("Much of Velden Capital's junk-bond trading has been done through its Beverly Hills neighbour, Arkwright "
     "Securities Inc.\n\nFor the nine months, losses totaled 40 million euros, compared with net income of 35 million "
     "euros a year earlier.", "40 million euros", {"subject": None}),
    # a comparative compound before the figure ("a lower-than-expected 5.2%") leaves it the verb's
    ("Heineken said first-half net profit rose a better-than-forecast 9% to 1.2 billion euros.", "9%",
     {"change": "up", "metric": "profit", "subject": "Heineken"}),
    ("Heineken said first-half net profit rose a better-than-forecast 9% to 1.2 billion euros.", "1.2 billion euros",
     {"metric": "profit", "subject": "Heineken"}),
    ("Shares of Ryanair fell a worse-than-feared 7% on Monday.", "7%", {"change": "down", "metric": "share_price"}),
    # a compared figure whose comparison word stands five words back still owns the date opening its phrase
    ("For the half, Sasol reported a net loss of 2.1 billion rand, compared with year-earlier consolidated net income of "
     "9.6 billion rand.", "9.6 billion rand", {"period": "year-earlier"}),
    # an object that a verb's infinitive is about owns its figure ("expected X to post …")
    ("Analysts polled by Reuters had expected Infosys Ltd. to post revenue of 389 billion rupees.", "389 billion rupees",
     {"subject": "Infosys Ltd."}),
    ("Regulators ordered Wirecard AG to pay a fine of 5 million euros.", "5 million euros", {"subject": "Wirecard AG"}),
    # a figure in a relative clause lends nothing to a move outside it, nor takes its date
    ("The carrier, which is 49% owned by Lufthansa, said passenger numbers rose 8% in June.", "8%",
     {"metric": None, "subject": None}),
    ("The carrier, which is 49% owned by Lufthansa, said passenger numbers rose 8% in June.", "49%",
     {"period": None, "subject": "Lufthansa"}),
    # a company cited for its own result owns it; an agency or outlet cited does not
    ("According to Grab Holdings, profits rose 20% to 3.1 billion euros in the quarter.", "20%",
     {"subject": "Grab Holdings"}),
    ("Grab Holdings said on Monday it would expand. According to Reuters, profits rose 20% to 3.1 billion euros.",
     "20%", {"subject": None}),
    # a word of a reporter's name ("Association", "Press") does not make a thrift or an insurer a reporter
    ("Harbor Savings & Loan Association posted a loss on Monday.\n\nHarbor Savings & Loan Association lost money. "
     "Its shares fell 5% to $3.", "$3", {"subject": "Harbor Savings & Loan Association"}),
    ("The Grain Exporters Association said prices fell. Its index fell 5% to 212.", "5%", {"subject": None}),
]


@pytest.mark.parametrize("text, figure_text, expected", CASES, ids=[f"{c[1]}|{c[0][:40]}" for c in CASES])
def test_links(nlp, text: str, figure_text: str, expected: dict[str, Any]) -> None:
    fact, records = figure(nlp, text, figure_text)
    for field, want in expected.items():
        got = fact.get(field)
        if field == "period":
            if want is None:
                assert got is None, f"period {text[got[0]:got[1]]!r}"
            else:
                start = text.index(want)
                assert got is not None and got[0] < start + len(want) and start < got[1], f"period {got}"
        elif field == "subject" and want is not None:
            orgs = [r for r in records if r["type"] == "org" and r["text"] == want]
            assert orgs, f"org {want!r} not found"
            assert got == orgs[0]["canonical"]
        else:
            assert got == want, f"{field}: {got!r}"


def test_stated_equivalent_shares_its_amount_links(nlp) -> None:
    text = "Reliance earned 120 billion rupees (about $1.4 billion) in the quarter ended June 30."
    amount, _ = figure(nlp, text, "120 billion rupees")
    equivalent, _ = figure(nlp, text, "$1.4 billion")
    if equivalent.get("equivalent_of") != amount["start"]:
        pytest.skip("the money component does not mark this equivalent")
    assert (equivalent["period"], equivalent["subject"]) == (amount["period"], amount["subject"])
    assert amount["subject"] is not None


def test_links_survive_the_fact_objects(nlp) -> None:
    doc = nlp(newsfacts.make_doc(nlp, "Sales at Siemens rose 3% year on year in 2022.", PUBLISHED))
    percent = next(f for f in doc._.facts if f.type == "percent")
    assert (percent.change, percent.basis) == ("up", "year_on_year")
    assert percent.subject and percent.period is not None
    assert percent.to_dict()["period"] == list(percent.period)


def test_no_figures_no_change(nlp) -> None:
    doc = nlp(newsfacts.make_doc(nlp, "Siemens opened a plant in Texas in 2022.", PUBLISHED))
    assert not doc._.errors
    assert all(r["type"] not in ("money", "percent") for r in doc._.fact_records)


def test_readme_example_of_figures_in_context() -> None:
    """The README's example prints exactly what it says."""
    text = "Acme Corp. said net income rose 12% to $45 million, or 98 cents a share, in the third quarter."
    rows = [(f.text, f.subject, text[slice(*f.period)], f.metric, getattr(f, "change", None))
            for f in newsfacts.extract(text, published="2024-11-05") if f.type in ("money", "percent")]
    assert rows == [("12%", "Acme Corp.", "third quarter", "profit", "up"),
                    ("$45 million", "Acme Corp.", "third quarter", "profit", None),
                    ("98 cents", "Acme Corp.", "third quarter", "eps", None)]
