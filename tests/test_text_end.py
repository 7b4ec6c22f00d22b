"""A text that ends right after a fact keeps that fact and every other (issue 22 item 10:
a year followed only by whitespace raised spaCy's E040 and lost every date)."""

from __future__ import annotations

import warnings

import pytest

import newsfacts


@pytest.mark.parametrize(
    "text",
    [
        "1999 ",
        "The plant opened in March 2021. © 2023 ",
        "Prices rose in 2019 and again in 2020  \n",
    ],
)
def test_a_year_at_the_very_end_fails_nothing(nlp, text):
    with warnings.catch_warnings():
        warnings.simplefilter("error", newsfacts.ExtractionWarning)
        facts = newsfacts.extract(text, published="2024-01-10")
    assert all(text[f.start:f.end] == f.text for f in facts)
