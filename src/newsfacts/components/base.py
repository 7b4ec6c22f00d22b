"""What every newsfacts component shares: a failure in one document is recorded on that
document (``doc._.errors``) instead of stopping the stream, so a batch — also one
split over several processes — keeps its order and loses nothing else.

Two guards make a component's output safe to write whatever the input: a fact with a
non-finite number (a 400-digit amount is ``inf`` as a float) is dropped, because it
is not valid JSON; and the newsfacts components of one Doc share a time budget
(``doc.user_data[TIME_LIMIT_KEY]`` seconds, ``DEFAULT_TIME_LIMIT`` when unset). When
it runs out, the running component is stopped (a SIGALRM timer, in the main thread of
a process) and the ones after it are skipped; each records the failure on the Doc.
"""

from __future__ import annotations

import logging
import math
import signal
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

from spacy.tokens import Doc

from ..extensions import SPANS_KEY, register_extensions

logger = logging.getLogger("newsfacts")

DEFAULT_TIME_LIMIT = 60.0  # seconds for all newsfacts components on one Doc (a text of at most one chunk)
TIME_LIMIT_KEY = "newsfacts_time_limit"
_SPENT_KEY = "newsfacts_seconds"


class TimeLimitExceeded(Exception):
    """The newsfacts components used up a Doc's time budget."""


def finite(value: Any) -> bool:
    """True when a fact value holds no NaN or infinity (JSON cannot carry them).

    >>> finite({"amount": 1e400, "currency": "CNY"}), finite([1.5, None, "x"])
    (False, True)
    """
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(finite(v) for v in value)
    return True


def _raise_time_limit(signum: int, frame: Any) -> None:
    raise TimeLimitExceeded


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt the body after ``seconds`` (only where signals can be used: the main thread)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_time_limit)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class FactComponent:
    """Base of the newsfacts components: subclasses implement ``process``."""

    name: str

    def __init__(self, name: str) -> None:
        self.name = name
        register_extensions()

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def _fail(self, doc: Doc, message: str) -> Doc:
        doc._.errors = [*(doc._.errors or []), f"{self.name}: {message}"]
        return doc

    def __call__(self, doc: Doc) -> Doc:
        limit = doc.user_data.get(TIME_LIMIT_KEY, DEFAULT_TIME_LIMIT)
        spent = doc.user_data.get(_SPENT_KEY, 0.0)
        if limit is not None and spent >= limit:
            return self._fail(doc, f"skipped: time limit of {limit:g} s per text piece used up")
        kept = len(doc._.fact_records or [])
        started = time.monotonic()
        try:
            if limit is None:
                self.process(doc)
            else:
                with _alarm(limit - spent):
                    self.process(doc)
        except TimeLimitExceeded:
            return self._fail(doc, f"stopped: time limit of {limit:g} s per text piece exceeded")
        except Exception as err:  # recorded on the doc; the runner reports it and keeps the other facts
            logger.debug("%s failed on a document", self.name, exc_info=True)
            return self._fail(doc, f"{type(err).__name__}: {err}")
        finally:
            doc.user_data[_SPENT_KEY] = spent + time.monotonic() - started
        _drop_non_finite(doc, kept)
        return doc


def _drop_non_finite(doc: Doc, kept: int) -> None:
    """Remove the facts added after the first ``kept`` records that carry a non-finite number."""
    records = doc._.fact_records or []
    bad = [r for r in records[kept:] if not finite(r)]
    if not bad:
        return
    logger.debug("dropped %d facts with non-finite numbers", len(bad))
    doc._.fact_records = records[:kept] + [r for r in records[kept:] if finite(r)]
    gone = {(r["start"], r["end"], r["type"]) for r in bad}
    group = doc.spans.get(SPANS_KEY)
    if group is not None:
        doc.spans[SPANS_KEY] = [s for s in group if (s.start_char, s.end_char, s.label_) not in gone]
