"""The grader, pinned with hand-built gold/prediction pairs (no pipeline needed),
plus one end-to-end check that on-the-fly and read-back predictions score the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.grade import (
    GoldError,
    fold,
    grade,
    load_gold_set,
    pair_facts,
    read_predictions,
    score_document,
    system_predictions,
)


def money(start, end, amount, currency="USD", usd=None, approx=None, text=None):
    return {"type": "money", "text": text or "x" * (end - start), "start": start, "end": end, "amount": amount,
            "currency": currency, "approx": approx, "usd": amount if usd is None else usd,
            "usd_basis": "identity"}


def date(start, end, first, last, open_end=False):
    return {"type": "date", "text": "x" * (end - start), "start": start, "end": end, "date_start": first,
            "date_end": last, "open_end": open_end, "granularity": "day"}


def org(start, end, canonical):
    return {"type": "org", "text": "x" * (end - start), "start": start, "end": end, "name": canonical,
            "canonical": canonical}


def gold_doc(*facts, ignore=None, types=None):
    doc = {"doc": "a.txt", "published": "2024-01-10", "facts": list(facts)}
    if ignore is not None:
        doc["ignore"] = ignore
    if types is not None:
        doc["types"] = types
    return doc


def figures(gold, preds, types=None):
    return grade([(gold, "")], [preds], types)["report"]


# --- pairing -----------------------------------------------------------------------------

def test_overlap_counts_for_span_but_not_strict():
    report = figures(gold_doc(date(10, 20, "2024-01-01", "2024-01-01")), [date(8, 20, "2024-01-01", "2024-01-01")])
    assert report["date"]["span_f1"] == 1.0
    assert report["date"]["strict_f1"] == 0.0
    assert report["date"]["value_f1"] == 1.0


def test_pairing_is_one_to_one_largest_overlap_first():
    golds = [date(0, 10, "a", "a")]
    preds = [date(0, 3, "a", "a"), date(2, 10, "a", "a"), date(9, 12, "a", "a")]
    assert pair_facts(preds, golds) == [(1, 0)]
    report = figures(gold_doc(*golds), preds)["date"]
    assert (report["gold"], report["pred"]) == (1, 3)
    assert report["span_p"] == pytest.approx(1 / 3)
    assert report["span_r"] == 1.0


def test_greedy_pairing_takes_the_largest_overlap_even_when_it_strands_others():
    golds = [date(0, 10, "a", "a"), date(12, 20, "b", "b")]
    preds = [date(5, 15, "b", "b"), date(0, 4, "a", "a")]
    # pred 0 overlaps gold 0 by 5 and gold 1 by 3; pred 1 overlaps gold 0 by 4
    assert pair_facts(preds, golds) == [(0, 0)]


def test_types_are_paired_separately():
    report = figures(gold_doc(org(0, 5, "Acme")), [date(0, 5, "2024-01-01", "2024-01-01")])
    assert report["org"]["span_r"] == 0.0
    assert report["date"]["span_p"] == 0.0


# --- value agreement ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "pred_amount, pred_usd, agrees",
    [
        (100.0, 100.0, True),
        (100.4, 100.4, True),      # amount within 0.5 %
        (100.6, 100.6, False),     # amount off by 0.6 %
        (100.0, 102.9, True),      # usd within 3 %
        (100.0, 103.1, False),     # usd off by 3.1 %
    ],
)
def test_money_tolerances(pred_amount, pred_usd, agrees):
    gold = money(0, 5, 100.0, usd=100.0)
    pred = money(0, 5, pred_amount, usd=pred_usd)
    assert (figures(gold_doc(gold), [pred])["money"]["value_f1"] == 1.0) is agrees


@pytest.mark.parametrize(
    "change",
    [{"currency": "EUR"}, {"approx": "about"}, {"usd": None}],
    ids=["currency", "approx", "usd-missing"],
)
def test_money_other_fields_must_agree(change):
    pred = {**money(0, 5, 100.0), **change}
    assert figures(gold_doc(money(0, 5, 100.0)), [pred])["money"]["value_f1"] == 0.0


def test_date_open_end_must_agree():
    gold = date(0, 5, "2021-01-01", None, open_end=True)
    assert figures(gold_doc(gold), [date(0, 5, "2021-01-01", None, open_end=False)])["date"]["value_f1"] == 0.0
    assert figures(gold_doc(gold), [date(0, 5, "2021-01-01", None, open_end=True)])["date"]["value_f1"] == 1.0


@pytest.mark.parametrize(
    "pred_canonical, agrees",
    [("Acme Holdings Ltd.", True), ("acme holdings ltd", True), ("ACME  Holdings, Ltd", True), ("Acme", False)],
)
def test_org_canonical_is_folded_and_fuzzy(pred_canonical, agrees):
    report = figures(gold_doc(org(0, 5, "Acme Holdings Ltd.")), [org(0, 5, pred_canonical)])
    assert (report["org"]["value_f1"] == 1.0) is agrees


def test_percent_value_and_unit():
    gold = {"type": "percent", "text": "x", "start": 0, "end": 4, "value": 4.4, "unit": "percentage_point", "approx": None}
    assert figures(gold_doc(gold), [{**gold, "unit": "percent"}])["percent"]["value_f1"] == 0.0
    assert figures(gold_doc(gold), [{**gold, "value": 4.40}])["percent"]["value_f1"] == 1.0


def test_event_names_fold():
    gold = {"type": "event", "text": "x", "start": 0, "end": 4, "name": "Singles' Day"}
    assert figures(gold_doc(gold), [{**gold, "name": "singles day"}])["event"]["value_f1"] == 1.0


def test_fold_strips_case_punctuation_and_spaces():
    assert fold(" The  Economist’s ") == "the economists"


# --- ignore, types, empty --------------------------------------------------------------------

def test_unpaired_prediction_in_an_ignore_span_is_neither_right_nor_wrong():
    gold = gold_doc(date(0, 4, "a", "a"), ignore=[[10, 20]])
    report = figures(gold, [date(0, 4, "a", "a"), date(12, 15, "b", "b")])["date"]
    assert report["pred"] == 1
    assert report["span_p"] == 1.0


def test_types_key_limits_scored_types():
    gold = gold_doc(date(0, 4, "a", "a"), types=["date"])
    report = figures(gold, [date(0, 4, "a", "a"), org(10, 14, "Acme")])
    assert report["org"]["pred"] == 0
    assert report["all"]["span_p"] == 1.0


def test_types_argument_limits_the_report():
    report = figures(gold_doc(date(0, 4, "a", "a")), [], types=["date"])
    assert set(report) == {"date", "all"}


def test_empty_document_has_no_figures_but_no_errors():
    report = figures(gold_doc(), [])
    assert report["all"]["gold"] == 0 and report["all"]["span_f1"] is None


def test_misses_name_each_kind():
    gold = gold_doc(date(0, 4, "a", "a"), date(10, 14, "b", "b"))
    result = grade([(gold, "")], [[date(0, 4, "z", "z"), date(30, 34, "c", "c")]])
    kinds = sorted(m["kind"] for m in result["misses"])
    assert kinds == ["missed", "spurious", "wrong_value"]


def test_score_document_counts_strict_matches():
    score = score_document(gold_doc(date(0, 4, "a", "a")), [date(0, 4, "a", "a")])
    assert score.counts["date"].strict == 1


# --- files ----------------------------------------------------------------------------------

def write_set(tmp_path: Path, gold: dict, text: str = "Acme rose in 2021.") -> tuple[Path, Path]:
    texts, golds = tmp_path / "texts", tmp_path / "gold"
    texts.mkdir()
    golds.mkdir()
    (texts / "a.txt").write_text(text, encoding="utf-8")
    (golds / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    return texts, golds


def test_missing_prediction_file_means_no_facts(tmp_path):
    assert read_predictions(tmp_path, "nothing.txt") == []


def test_prediction_file_may_be_a_bare_list(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([org(0, 4, "Acme")]))
    assert read_predictions(tmp_path, "a.txt")[0]["canonical"] == "Acme"


@pytest.mark.parametrize(
    "gold, message",
    [
        ({"doc": "a.txt"}, "field 'facts'"),
        ({"doc": "a.txt", "facts": [{"type": "money", "text": "Acme", "start": 0, "end": 4}]}, "field 'amount'"),
        ({"doc": "a.txt", "facts": [{"type": "weather", "text": "Acme", "start": 0, "end": 4}]}, "field 'type'"),
        ({"doc": "a.txt", "facts": [{"type": "org", "text": "Acme", "start": "0", "end": 4}]}, "field 'start'"),
        ({"doc": "a.txt", "facts": [org(0, 4, "Acme") | {"text": "Acne"}]}, "is not the article's characters"),
        ({"doc": "b.txt", "facts": []}, "is not in"),
        ({"doc": "a.txt", "facts": [], "types": ["dates"]}, "field 'types'"),
    ],
)
def test_malformed_gold_names_file_and_field(tmp_path, gold, message):
    texts, golds = write_set(tmp_path, gold)
    with pytest.raises(GoldError, match=message) as err:
        load_gold_set(texts, golds)
    assert "a.json" in str(err.value)


def test_invalid_json_is_a_gold_error(tmp_path):
    texts, golds = write_set(tmp_path, {})
    (golds / "a.json").write_text("{not json")
    with pytest.raises(GoldError, match="not valid JSON"):
        load_gold_set(texts, golds)


def test_prediction_set_scores_the_same_read_back(nlp, tmp_path, seeds_dir, seed_gold_dir):
    """Figures from on-the-fly extraction equal those from `extract --out` files read with --pred."""
    from typer.testing import CliRunner

    from newsfacts.cli import app

    gold_set = load_gold_set(seeds_dir, seed_gold_dir)
    on_the_fly = grade(gold_set, system_predictions(gold_set, "newsfacts"))["report"]
    out = tmp_path / "pred"
    runner = CliRunner()
    for gold, _ in gold_set:
        args = ["extract", str(seeds_dir / gold["doc"]), "--published", gold["published"], "--out", str(out)]
        assert runner.invoke(app, args).exit_code == 0
    read_back = grade(gold_set, system_predictions(gold_set, pred_dir=out))["report"]
    assert read_back == on_the_fly
