"""Link accuracy in the grader: value-matched money and percent pairs of gold files marked
``"links": true``, per field and all four right, with wrong links listed as misses."""

from __future__ import annotations

from typing import Any

import pytest

from newsfacts.grade import grade, link_checks


def pct(start: int, end: int, value: float, **links: Any) -> dict[str, Any]:
    fact = {"type": "percent", "text": "x" * (end - start), "start": start, "end": end, "value": value,
            "unit": "percent", "approx": None, "period": None, "subject": None, "change": None, "basis": None}
    fact.update(links)
    return fact


def money(start: int, end: int, amount: float, **links: Any) -> dict[str, Any]:
    fact = {"type": "money", "text": "x" * (end - start), "start": start, "end": end, "amount": amount,
            "currency": "EUR", "approx": None, "usd": amount, "usd_basis": "stated", "period": None,
            "subject": None, "equivalent_of": None}
    fact.update(links)
    return fact


def gold_doc(*facts: dict[str, Any], links: bool = True) -> dict[str, Any]:
    doc: dict[str, Any] = {"doc": "b.txt", "published": "2023-03-01", "facts": list(facts)}
    if links:
        doc["links"] = True
    return doc


def run(gold: dict[str, Any], preds: list[dict[str, Any]]) -> dict[str, Any]:
    return grade([(gold, "")], [preds])


GOLD = pct(10, 14, 7.5, period=[30, 40], subject="Banco Santander S.A.", change="down", basis="quarter_on_quarter")

FIELD_CASES = [
    # (prediction's links, which fields are right)
    ({"period": [30, 40], "subject": "Banco Santander S.A.", "change": "down", "basis": "quarter_on_quarter"},
     {"period": True, "subject": True, "change": True, "basis": True}),
    ({"period": [35, 52], "subject": "banco santander sa", "change": "down", "basis": "quarter_on_quarter"},
     {"period": True, "subject": True, "change": True, "basis": True}),
    ({"period": [41, 50], "subject": "Santander Consumer", "change": "up", "basis": "year_on_year"},
     {"period": False, "subject": False, "change": False, "basis": False}),
    ({"period": None, "subject": None, "change": None, "basis": None},
     {"period": False, "subject": False, "change": False, "basis": False}),
]


@pytest.mark.parametrize("links, right", FIELD_CASES)
def test_link_checks_per_field(links: dict[str, Any], right: dict[str, bool]) -> None:
    checks = link_checks(pct(10, 14, 7.5, **links), GOLD, [], [GOLD])
    assert {k: checks[k] for k in right} == right


def test_both_null_is_right() -> None:
    gold = pct(0, 3, 2.0)
    checks = link_checks(pct(0, 3, 2.0), gold, [], [gold])
    assert all(checks.values())


@pytest.mark.parametrize("pred_points_at, right", [(0, True), (2, True), (None, False), (40, False)])
def test_equivalent_of_points_at_the_same_amount(pred_points_at: int | None, right: bool) -> None:
    gold_first, gold_second = money(0, 12, 5e9), money(14, 26, 5.4e9, equivalent_of=0)
    pred_first = money(2, 12, 5e9)  # a shorter span of the same amount
    pred_second = money(14, 26, 5.4e9, equivalent_of=pred_points_at)
    checks = link_checks(pred_second, gold_second, [pred_first, pred_second], [gold_first, gold_second])
    assert checks["equivalent_of"] is right


def test_accuracy_counts_only_value_matched_pairs_and_lists_wrong_links() -> None:
    gold = gold_doc(GOLD, pct(50, 54, 3.0), money(60, 70, 1e6, subject="Banco Santander S.A."))
    preds = [
        {**GOLD},                               # all four right
        pct(50, 54, 9.9, change="up"),          # wrong value: not scored for links
        money(60, 70, 1e6, subject=None),       # subject wrong
    ]
    result = run(gold, preds)
    links = result["links"]
    assert links["percent"]["pairs"] == 1 and links["percent"]["all"] == 1.0
    assert links["money"]["pairs"] == 1 and links["money"]["subject"] == 0.0 and links["money"]["all"] == 0.0
    assert links["all"]["pairs"] == 2 and links["all"]["all"] == 0.5
    wrong = [m for m in result["misses"] if m["kind"] == "wrong_link"]
    assert [(m["type"], m["fields"]) for m in wrong] == [("money", ["subject"])]


def test_gold_without_links_is_not_scored_for_links() -> None:
    gold = gold_doc(GOLD, links=False)
    result = run(gold, [{**GOLD, "change": None}])
    assert result["links"] is None
    assert not [m for m in result["misses"] if m["kind"] == "wrong_link"]
    assert result["report"]["percent"]["value_f1"] == 1.0


def test_link_figures_do_not_change_value_figures() -> None:
    gold = gold_doc(GOLD)
    right = run(gold, [{**GOLD}])["report"]
    wrong = run(gold, [{**GOLD, "subject": "Another Bank", "period": None}])["report"]
    assert right == wrong


def test_metric_accuracy_only_for_files_marked_metric() -> None:
    gold = gold_doc(money(0, 5, 100.0, metric="revenue"), pct(10, 14, 7.5, metric=None), money(20, 25, 9.0, metric="eps"))
    preds = [money(0, 5, 100.0, metric="revenue"), pct(10, 14, 7.5, metric=None), money(20, 25, 9.0, metric="profit")]
    assert run(gold, preds)["links"]["all"]["metric"] is None  # not marked: not scored
    gold["metric"] = True
    result = run(gold, preds)
    assert result["links"]["all"]["metric_pairs"] == 3
    assert result["links"]["all"]["metric"] == pytest.approx(2 / 3)
    wrong = [m for m in result["misses"] if m["kind"] == "wrong_link"]
    assert [m["fields"] for m in wrong] == [["metric"]]
