"""The normalisers' doctests (they document that odd text gives None, never an error)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "newsfacts.normalise.numbers",
    "newsfacts.normalise.currency",
    "newsfacts.normalise.dates",
    "newsfacts.normalise.refdate",
    "newsfacts.grade",
    "newsfacts.pipeline",
    "newsfacts.tokenizer",
    "newsfacts.resources",
    "newsfacts.regex_index",
    "newsfacts.inputs",
    "newsfacts.runner",
    "newsfacts.normalise.orgs",
    "newsfacts.normalise.org_coref",
    "newsfacts.normalise.org_typing",
    "newsfacts.normalise.name_index",
    "newsfacts.normalise.events",
    "newsfacts.links.cues",
    "newsfacts.links.metric",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
