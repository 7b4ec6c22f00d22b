"""Messages for people: one line each, whatever an id or a file name holds.

Ids and file names come from the input, so they may hold terminal escapes
(``\\x1b]0;…\\x07``), a newline that would forge a summary line, or bidi controls.
Every line newsfacts writes to stderr, and every title it prints, goes through
``one_line`` first.
"""

from __future__ import annotations

import logging
import unicodedata

_ESCAPED = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls, format/bidi controls, lone surrogates, line/paragraph separators


def one_line(text: str) -> str:
    """``text`` with control, format and line-separator characters written as escapes.

    >>> one_line("a\\nb\\x1b[2J\\u2028c")
    'a\\\\nb\\\\x1b[2J\\\\u2028c'
    >>> one_line("Société Générale 5%")
    'Société Générale 5%'
    """
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape", "backslashreplace").decode("ascii")
                   if unicodedata.category(ch) in _ESCAPED else ch for ch in text)


class OneLineFormatter(logging.Formatter):
    """Log records as ``newsfacts: <message>``, escaped to one line."""

    def format(self, record: logging.LogRecord) -> str:
        return "newsfacts: " + one_line(record.getMessage())
