"""Score extracted facts against gold annotations, exactly as the gold spec says.

For each fact type, predicted facts are paired one-to-one with gold facts of the same
type whose spans overlap, largest overlap first. From the pairs come span P/R/F1
(overlap), strict F1 (identical offsets), value accuracy (over the pairs) and value
F1 (a pair counts only when its normalised value agrees) — the headline figure.

A predicted fact that is left unpaired and touches an ``ignore`` span is neither
right nor wrong: it is dropped. A gold file's ``types`` restricts which predicted
types are scored for that document.

For gold files marked ``"links": true``, the value-matched money and percent pairs
are also scored for their links: ``period`` (both null or overlapping spans),
``subject`` (both null or canonical names agreeing as for org), ``change`` and
``basis`` (equal), and "all four right" — the link accuracy; ``equivalent_of`` is
checked like ``period``. For gold files also marked ``"metric": true``, ``metric`` accuracy
(same key, or both null) is reported over the same pairs. A pair with a wrong link or
metric is listed as a ``wrong_link`` miss.

Everything here returns plain dicts; the CLI only formats them.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from rapidfuzz import fuzz

from .facts import FACT_TYPES

MONEY_AMOUNT_TOLERANCE = 0.005
MONEY_USD_TOLERANCE = 0.03
ORG_FUZZY_THRESHOLD = 90

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "money": ("amount", "currency"),
    "percent": ("value", "unit"),
    "org": ("canonical",),
    "event": ("name",),
    "date": ("date_start", "date_end"),
}


class GoldError(ValueError):
    """A gold or prediction file that does not follow the spec; the message names file and field."""


# --- value agreement -----------------------------------------------------------------

def fold(text: str | None) -> str:
    """Case- and punctuation-folded text, whitespace collapsed.

    >>> fold("  Workers’ Daily ")
    'workers daily'
    >>> fold("JD.com")
    'jdcom'
    """
    if not text:
        return ""
    kept = "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if not unicodedata.category(ch).startswith("P"))
    return re.sub(r"\s+", " ", kept).strip()


def _within(pred: Any, gold: Any, tolerance: float) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        pred_f, gold_f = float(pred), float(gold)
    except (TypeError, ValueError):
        return False
    if not (math.isfinite(pred_f) and math.isfinite(gold_f)):
        return False
    if gold_f == 0:
        return pred_f == 0
    return abs(pred_f - gold_f) <= tolerance * abs(gold_f)


def money_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Same currency, amount within 0.5 %, usd within 3 %, same approx."""
    return (
        pred.get("currency") == gold.get("currency")
        and _within(pred.get("amount"), gold.get("amount"), MONEY_AMOUNT_TOLERANCE)
        and _within(pred.get("usd"), gold.get("usd"), MONEY_USD_TOLERANCE)
        and pred.get("approx") == gold.get("approx")
    )


def percent_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Same value and unit."""
    return pred.get("unit") == gold.get("unit") and _within(pred.get("value"), gold.get("value"), 1e-9)


def date_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Same date_start, date_end and open_end."""
    return (
        pred.get("date_start") == gold.get("date_start")
        and pred.get("date_end") == gold.get("date_end")
        and bool(pred.get("open_end", False)) == bool(gold.get("open_end", False))
    )


def org_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Canonical names agree after folding, with a fuzzy ratio of at least 90."""
    return fuzz.ratio(fold(pred.get("canonical")), fold(gold.get("canonical"))) >= ORG_FUZZY_THRESHOLD


def event_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Event names are the same after folding."""
    return fold(pred.get("name")) == fold(gold.get("name"))


VALUE_AGREES: dict[str, Callable[[dict[str, Any], dict[str, Any]], bool]] = {
    "money": money_agrees,
    "percent": percent_agrees,
    "date": date_agrees,
    "org": org_agrees,
    "event": event_agrees,
}


# --- pairing and counting --------------------------------------------------------------

def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def pair_facts(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs of overlapping facts, largest overlap first.

    Ties go to the pair whose lengths differ least, then to text order.
    """
    candidates = []
    for i, pred in enumerate(preds):
        for j, gold in enumerate(golds):
            shared = _overlap(pred, gold)
            if shared > 0:
                length_gap = abs((pred["end"] - pred["start"]) - (gold["end"] - gold["start"]))
                candidates.append((-shared, length_gap, gold["start"], pred["start"], i, j))
    candidates.sort()
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return sorted(pairs, key=lambda p: golds[p[1]]["start"])


@dataclass
class Counts:
    """Tallies for one fact type (or all types)."""

    gold: int = 0
    pred: int = 0
    pairs: int = 0
    strict: int = 0
    value: int = 0

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.pairs += other.pairs
        self.strict += other.strict
        self.value += other.value

    def as_dict(self) -> dict[str, Any]:
        def ratio(num: int, den: int) -> float | None:
            return num / den if den else None

        def f1(num: int) -> float | None:
            return 2 * num / (self.pred + self.gold) if self.pred + self.gold else None

        return {
            "gold": self.gold,
            "pred": self.pred,
            "span_p": ratio(self.pairs, self.pred),
            "span_r": ratio(self.pairs, self.gold),
            "span_f1": f1(self.pairs),
            "strict_f1": f1(self.strict),
            "value_acc": ratio(self.value, self.pairs),
            "value_f1": f1(self.value),
        }


LINK_FIELDS = ("period", "subject", "change", "basis")
LINKED_TYPES = ("money", "percent")


@dataclass
class LinkCounts:
    """Link tallies over value-matched figure pairs: right per field, and all four right."""

    pairs: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*LINK_FIELDS, "equivalent_of"), 0))
    all_right: int = 0
    metric_pairs: int = 0
    metric_right: int = 0

    def add(self, other: "LinkCounts") -> None:
        self.pairs += other.pairs
        self.all_right += other.all_right
        self.metric_pairs += other.metric_pairs
        self.metric_right += other.metric_right
        for name, value in other.right.items():
            self.right[name] += value

    def as_dict(self) -> dict[str, Any]:
        def ratio(num: int) -> float | None:
            return num / self.pairs if self.pairs else None

        out: dict[str, Any] = {"pairs": self.pairs}
        out.update({name: ratio(value) for name, value in self.right.items()})
        out["all"] = ratio(self.all_right)
        out["metric_pairs"] = self.metric_pairs
        out["metric"] = self.metric_right / self.metric_pairs if self.metric_pairs else None
        return out


def _span_of(offset: Any, facts: list[dict[str, Any]]) -> tuple[int, int] | None:
    """The span a fact's ``equivalent_of`` points at: the money fact starting there, else the offset."""
    if not isinstance(offset, int):
        return None
    for fact in facts:
        if fact.get("type") == "money" and fact["start"] == offset:
            return fact["start"], fact["end"]
    return offset, offset + 1


def _spans_agree(pred: Any, gold: Any) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    try:
        (p_start, p_end), (g_start, g_end) = pred, gold
        return p_start < g_end and g_start < p_end
    except (TypeError, ValueError):
        return False


def link_checks(
    pred: dict[str, Any], gold: dict[str, Any], preds: list[dict[str, Any]], golds: list[dict[str, Any]]
) -> dict[str, bool]:
    """Which link fields of a value-matched pair are right (gold spec, "How the grader scores")."""
    pred_subject, gold_subject = pred.get("subject"), gold.get("subject")
    return {
        "period": _spans_agree(pred.get("period"), gold.get("period")),
        "subject": (pred_subject is None and gold_subject is None)
        or (pred_subject is not None and gold_subject is not None
            and org_agrees({"canonical": pred_subject}, {"canonical": gold_subject})),
        "change": pred.get("change") == gold.get("change"),
        "basis": pred.get("basis") == gold.get("basis"),
        "equivalent_of": _spans_agree(_span_of(pred.get("equivalent_of"), preds),
                                      _span_of(gold.get("equivalent_of"), golds)),
    }


@dataclass
class DocumentScore:
    """Counts per type for one document, and what went wrong in it."""

    counts: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, LinkCounts] = field(default_factory=dict)


def _touches(fact: dict[str, Any], spans: list[list[int]]) -> bool:
    return any(fact["start"] < end and start < fact["end"] for start, end in spans)


def score_document(
    gold: dict[str, Any],
    predicted: list[dict[str, Any]],
    types: Iterable[str] | None = None,
) -> DocumentScore:
    """Score one document's predicted facts against its gold file contents."""
    scored_types = [t for t in FACT_TYPES if t in set(gold.get("types") or FACT_TYPES)]
    if types is not None:
        scored_types = [t for t in scored_types if t in set(types)]
    ignore = gold.get("ignore") or []
    result = DocumentScore()
    for fact_type in scored_types:
        golds = [f for f in gold["facts"] if f["type"] == fact_type]
        preds = [f for f in predicted if f.get("type") == fact_type]
        pairs = pair_facts(preds, golds)
        paired_preds = {i for i, _ in pairs}
        paired_golds = {j for _, j in pairs}
        kept_preds = [p for i, p in enumerate(preds) if i in paired_preds or not _touches(p, ignore)]
        counts = Counts(gold=len(golds), pred=len(kept_preds), pairs=len(pairs))
        agrees = VALUE_AGREES[fact_type]
        scored_links = bool(gold.get("links")) and fact_type in LINKED_TYPES
        if scored_links:
            result.links[fact_type] = LinkCounts()
        for i, j in pairs:
            pred, gold_fact = preds[i], golds[j]
            if (pred["start"], pred["end"]) == (gold_fact["start"], gold_fact["end"]):
                counts.strict += 1
            if agrees(pred, gold_fact):
                counts.value += 1
                if scored_links:
                    _score_links(result, gold["doc"], fact_type, pred, gold_fact, predicted, gold["facts"],
                                 bool(gold.get("metric")))
            else:
                result.misses.append({"doc": gold["doc"], "type": fact_type, "kind": "wrong_value", "gold": gold_fact, "pred": pred})
        for j, gold_fact in enumerate(golds):
            if j not in paired_golds:
                result.misses.append({"doc": gold["doc"], "type": fact_type, "kind": "missed", "gold": gold_fact, "pred": None})
        for i, pred in enumerate(preds):
            if i not in paired_preds and not _touches(pred, ignore):
                result.misses.append({"doc": gold["doc"], "type": fact_type, "kind": "spurious", "gold": None, "pred": pred})
        result.counts[fact_type] = counts
    result.misses.sort(key=lambda m: ((m["gold"] or m["pred"])["start"], m["type"]))
    return result


def _score_links(
    result: DocumentScore,
    doc: str,
    fact_type: str,
    pred: dict[str, Any],
    gold_fact: dict[str, Any],
    preds: list[dict[str, Any]],
    golds: list[dict[str, Any]],
    scored_metric: bool,
) -> None:
    checks = link_checks(pred, gold_fact, preds, golds)
    tally = result.links[fact_type]
    tally.pairs += 1
    for name, right in checks.items():
        tally.right[name] += right
    if all(checks[name] for name in LINK_FIELDS):
        tally.all_right += 1
    wrong = [name for name, right in checks.items() if not right]
    if scored_metric:
        tally.metric_pairs += 1
        if pred.get("metric") == gold_fact.get("metric"):
            tally.metric_right += 1
        else:
            wrong.append("metric")
    if wrong:
        result.misses.append({"doc": doc, "type": fact_type, "kind": "wrong_link", "fields": wrong,
                              "gold": gold_fact, "pred": pred})


def summarise_links(scores: Iterable[DocumentScore]) -> dict[str, Any] | None:
    """Link accuracy per figure type and over both, or None when no gold file is scored for links."""
    totals: dict[str, LinkCounts] = {}
    for score in scores:
        for fact_type, counts in score.links.items():
            totals.setdefault(fact_type, LinkCounts()).add(counts)
    if not totals:
        return None
    overall = LinkCounts()
    for counts in totals.values():
        overall.add(counts)
    report = {t: totals[t].as_dict() for t in LINKED_TYPES if t in totals}
    report["all"] = overall.as_dict()
    return report


def summarise(scores: Iterable[DocumentScore], types: Iterable[str] | None = None) -> dict[str, Any]:
    """Totals per type and over all types (micro-averaged) from per-document scores."""
    totals = {t: Counts() for t in (types or FACT_TYPES)}
    for score in scores:
        for fact_type, counts in score.counts.items():
            totals.setdefault(fact_type, Counts()).add(counts)
    overall = Counts()
    for counts in totals.values():
        overall.add(counts)
    report = {t: c.as_dict() for t, c in totals.items()}
    report["all"] = overall.as_dict()
    return report


# --- files ------------------------------------------------------------------------------

def _require(condition: bool, where: str, problem: str) -> None:
    if not condition:
        raise GoldError(f"{where}: {problem}")


def validate_gold(data: Any, where: str, text: str | None = None) -> dict[str, Any]:
    """Check a gold file's structure (and spans against the article text when given)."""
    _require(isinstance(data, dict), where, "not a JSON object")
    _require(isinstance(data.get("doc"), str), where, "field 'doc' is missing or not a string")
    _require(isinstance(data.get("facts"), list), where, "field 'facts' is missing or not a list")
    if data.get("types") is not None:
        _require(isinstance(data["types"], list) and all(t in FACT_TYPES for t in data["types"]),
                 where, f"field 'types' must list fact types from {list(FACT_TYPES)}")
    for k, span in enumerate(data.get("ignore") or []):
        _require(isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span),
                 where, f"ignore[{k}] is not a [start, end] pair")
    for k, fact in enumerate(data["facts"]):
        label = f"facts[{k}]"
        _require(isinstance(fact, dict), where, f"{label} is not an object")
        _require(fact.get("type") in FACT_TYPES, where, f"{label}: field 'type' must be one of {list(FACT_TYPES)}")
        for name in ("start", "end"):
            _require(isinstance(fact.get(name), int), where, f"{label}: field '{name}' is missing or not an integer")
        _require(isinstance(fact.get("text"), str), where, f"{label}: field 'text' is missing or not a string")
        for name in REQUIRED_FIELDS[fact["type"]]:
            _require(name in fact, where, f"{label} ({fact['type']}): field '{name}' is missing")
        if text is not None:
            _require(text[fact["start"]:fact["end"]] == fact["text"], where,
                     f"{label}: text {fact['text']!r} is not the article's characters {fact['start']}:{fact['end']}")
    return data


def read_json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}: not valid JSON ({err.msg} at line {err.lineno})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{path}: cannot be read ({err})") from None


def read_predictions(pred_dir: Path, doc_name: str) -> list[dict[str, Any]]:
    """Predicted facts for ``doc_name`` from ``<stem>.json``: a gold-shaped object or a bare list.

    A missing file means the system predicted nothing for that document.
    """
    path = pred_dir / f"{Path(doc_name).stem}.json"
    if not path.exists():
        return []
    data = read_json_file(path)
    facts = data.get("facts") if isinstance(data, dict) else data
    _require(isinstance(facts, list), str(path), "expected a list of facts or an object with 'facts'")
    for k, fact in enumerate(facts):
        _require(isinstance(fact, dict) and isinstance(fact.get("start"), int) and isinstance(fact.get("end"), int),
                 str(path), f"facts[{k}] lacks integer 'start'/'end'")
    return facts


def load_gold_set(texts_dir: Path, gold_dir: Path) -> list[tuple[dict[str, Any], str]]:
    """Every gold file of ``gold_dir`` (sorted) with its article text from ``texts_dir``."""
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: not a directory of gold files")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json)")
    loaded = []
    for path in files:
        data = read_json_file(path)
        _require(isinstance(data, dict) and isinstance(data.get("doc"), str), str(path), "field 'doc' is missing or not a string")
        text_path = texts_dir / data["doc"]
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError:
            raise GoldError(f"{path}: its doc {data['doc']!r} is not in {texts_dir}") from None
        loaded.append((validate_gold(data, str(path), text), text))
    return loaded


def grade(
    gold_set: list[tuple[dict[str, Any], str]],
    predictions: Iterable[list[dict[str, Any]]],
    types: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The report for a gold set and the predicted facts of each document (same order).

    Returns ``{"report": {type: figures, ..., "all": figures}, "links": {type: link figures, ...,
    "all": ...} or None, "misses": [...], "documents": n}``.
    """
    wanted = list(types) if types is not None else None
    scores = [score_document(gold, preds, wanted) for (gold, _), preds in zip(gold_set, predictions, strict=True)]
    return {
        "report": summarise(scores, wanted),
        "links": summarise_links(scores),
        "misses": [miss for score in scores for miss in score.misses],
        "documents": len(scores),
    }


SYSTEMS = ("newsfacts", "baseline")


def system_predictions(
    gold_set: list[tuple[dict[str, Any], str]],
    system: str = "newsfacts",
    pred_dir: Path | None = None,
) -> list[list[dict[str, Any]]]:
    """Predicted facts per gold document: read from ``pred_dir``, or produced by ``system``
    with each gold file's ``published`` passed in as the reference date."""
    if pred_dir is not None:
        if not pred_dir.is_dir():
            raise GoldError(f"{pred_dir}: not a directory of prediction files")
        return [read_predictions(pred_dir, gold["doc"]) for gold, _ in gold_set]
    items = [(text, gold.get("published")) for gold, text in gold_set]
    if system == "baseline":
        from .baseline import baseline_facts

        return list(baseline_facts(items))
    if system != "newsfacts":
        raise ValueError(f"unknown system {system!r}; choose from {', '.join(SYSTEMS)}")
    from .pipeline import load
    from .runner import Document, run

    documents = [Document(gold["doc"], text, gold.get("published")) for gold, text in gold_set]
    return [result.record["facts"] if result.record else [] for result in run(load(), documents)]
