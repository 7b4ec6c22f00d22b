"""Shared fixtures: the newsfacts pipeline is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_GOLD = SEEDS / "gold"


@pytest.fixture(scope="session")
def nlp():
    """The full newsfacts pipeline (loaded once; the tests must not mutate it)."""
    import newsfacts

    return newsfacts.load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold_dir() -> Path:
    return SEED_GOLD
