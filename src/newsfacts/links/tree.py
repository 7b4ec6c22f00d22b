"""Dependency-tree helpers the link decisions share: parts of speech, paths and distances."""

from __future__ import annotations

from spacy.tokens import Token

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "iobj", "oprd"})
NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod"})


def path_up(token: Token) -> list[Token]:
    """The token and its ancestors up to the root of its sentence (bounded)."""
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 64:
        path.append(path[-1].head)
    return path


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    up_a = {t.i: n for n, t in enumerate(path_up(a))}
    for n, t in enumerate(path_up(b)):
        if t.i in up_a:
            return n + up_a[t.i]
    return 10**6


def is_relative_clause(token: Token) -> bool:
    """The head of a relative clause: the parser's ``relcl``, or an ``acl`` opened by a relative
    pronoun ("X, which is 49% owned by Y"); not a participle ("claims totaling $1 billion")."""
    return token.dep_ == "relcl" or token.dep_ == "acl" and token.left_edge.lower_ in ("which", "who", "that")
