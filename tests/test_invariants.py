"""Properties that hold for any text: extraction never raises, spans index the text,
values are valid per the spec, and output is deterministic. Fixed seed, small budget."""

from __future__ import annotations

import datetime as dt
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsfacts
from newsfacts.facts import FACT_TYPES
from newsfacts.normalise.currency import EcbRates

NEWS = [
    "BEIJING, Nov. 13 (Xinhua) -- Sales rose 14.4 percent to 1.7 trillion yuan (about $237 billion) from January to September.",
    "Shares of Siemens AG fell 3% on Tuesday after the Federal Reserve raised rates by 25 basis points.",
    "The Paris 2024 Olympic Games ran from July 26 to Aug. 11; Alibaba's Tmall said orders doubled since 2021.",
    "Revenue in the first half of 2023 was €4.2bn, up from a year earlier, the company told the Financial Times.",
]
PIECES = st.sampled_from([
    " ", "\n", "\u00a0", "\u200b", "\ufeff", "\x07", "â– ", "“", "”", "'s", "$", "€", "¥", "%", "-", "to", "since",
    "2021", "Q3", "1.5", "billion", "Monday", "the", "Group", "Co., Ltd.", "(", ")", "\t", "\r\n", "🙂", "ä", "中文",
])
SETTINGS = settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CURRENCIES = EcbRates().currencies | {"USD"}


@st.composite
def mutated_news(draw):
    text = draw(st.sampled_from(NEWS))
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:position] + draw(PIECES) + text[position:]
        else:
            text = text[:position] + text[position + draw(st.integers(1, 5)):]
    return text


def check(text: str, facts) -> None:
    for fact in facts:
        data = fact.to_dict()
        json.dumps(data, allow_nan=False)
        assert data["type"] in FACT_TYPES
        assert text[data["start"]:data["end"]] == data["text"]
        for key in ("amount", "amount_max", "usd", "value"):
            if data.get(key) is not None:
                assert math.isfinite(data[key])
        if data["type"] == "money":
            assert data["currency"] in CURRENCIES or data["usd"] is None
        if data.get("date_start") and data.get("date_end"):
            assert dt.date.fromisoformat(data["date_start"]) <= dt.date.fromisoformat(data["date_end"])


@SETTINGS
@given(text=mutated_news(), published=st.sampled_from([None, "2020-02-29", "2024-08-20"]))
def test_mutated_news(nlp, text, published):
    facts = newsfacts.extract(text, published=published)
    check(text, facts)
    assert newsfacts.extract(text, published=published) == facts


@SETTINGS
@given(text=st.text(max_size=300))
def test_random_text(nlp, text):
    check(text, newsfacts.extract(text, published="2022-06-30"))
