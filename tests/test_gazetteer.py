"""The organisation gazetteer is broad (regions, kinds) and not a list of the seeds' names."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from newsfacts.resources import read_jsonl

SEED_GOLD = Path(__file__).resolve().parents[1] / "seeds" / "gold"


def test_gazetteer_is_broad():
    rows = read_jsonl("orgs.jsonl")
    assert len(rows) >= 500
    kinds = Counter(row["kind"] for row in rows)
    assert {"company", "platform", "government", "international", "media", "research"} <= set(kinds)
    assert all(count >= 20 for count in kinds.values())
    assert len({row["region"] for row in rows}) >= 6


def test_seed_organisations_are_a_small_fraction():
    names = {alias for row in read_jsonl("orgs.jsonl") for alias in [row["name"], *row["aliases"]]}
    seed_orgs = {fact["canonical"] for path in SEED_GOLD.glob("*.json")
                 for fact in json.loads(path.read_text(encoding="utf-8"))["facts"] if fact["type"] == "org"}
    rows = read_jsonl("orgs.jsonl")
    listed = [row for row in rows if seed_orgs & {row["name"], *row["aliases"]}]
    assert len(listed) / len(rows) < 0.05


def test_every_row_is_well_formed():
    for row in read_jsonl("orgs.jsonl"):
        assert set(row) == {"name", "aliases", "kind", "region"}
        assert row["name"].strip() == row["name"] and row["name"] not in row["aliases"]


def test_index_table_is_well_formed_and_flags_risky_forms():
    rows = read_jsonl("orgs_indices.jsonl")
    assert len(rows) >= 1000
    for row in rows:
        assert set(row) == {"name", "aliases", "kind", "region", "ambiguous"}
        assert set(row["ambiguous"]) <= {row["name"], *row["aliases"]}
        # a one-word short form left by dropping a legal suffix always needs a second signal
        assert all(alias in row["ambiguous"] for alias in row["aliases"] if " " not in alias)
