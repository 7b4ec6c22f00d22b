"""The installed package as the ecosystem expects it (issue 23 items 7 and 8): spaCy can load
it by name like a model package, and type checkers see its public API (py.typed)."""

from __future__ import annotations

import inspect
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
import spacy

import newsfacts

REPO = Path(__file__).resolve().parents[1]


def test_spacy_load_by_package_name_gives_the_full_pipeline(nlp):
    assert spacy.load("newsfacts").pipe_names == nlp.pipe_names


def test_spacy_load_options_name_components(nlp):
    loaded = spacy.load("newsfacts", exclude=["newsfacts_links"], disable="newsfacts_org")
    assert "newsfacts_links" not in loaded.pipe_names and loaded.disabled == ["newsfacts_org"]
    assert "newsfacts_links" in nlp.pipe_names and nlp.disabled == []  # the shared pipeline is untouched


def test_spacy_load_config_overrides_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="newsfacts.build"):
        spacy.load("newsfacts", config={"nlp": {"batch_size": 4}})


def test_py_typed_ships_with_the_package():
    assert files("newsfacts").joinpath("py.typed").is_file()
    package_data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data["newsfacts"]


@pytest.mark.parametrize("name", [n for n in newsfacts.__all__ if inspect.isfunction(getattr(newsfacts, n))])
def test_public_functions_are_annotated(name):
    signature = inspect.signature(getattr(newsfacts, name))
    assert signature.return_annotation is not inspect.Signature.empty, name
    unannotated = [p.name for p in signature.parameters.values()
                   if p.annotation is inspect.Parameter.empty and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    assert unannotated == [], name
