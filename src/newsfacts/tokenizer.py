"""The tokenizer: the base English one, keeping comparative compounds whole.

"rose a lower-than-expected 5.2% to $238 million" is split by the English infixes into
"lower - than - expected", which the base parser reads as a phrase that takes the
percentage as its own, cutting the figure off from "rose". As one adjective token the
parser attaches the figure to the verb. Registered in ``models/config.cfg``.
"""

from __future__ import annotations

import re
from typing import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

COMPARATIVE_COMPOUND = re.compile(r"^[A-Za-z]+(?:er|ore|ess|orse|etter)-than-[A-Za-z]+$")
"""A comparative compound adjective: "lower-than-expected", "better-than-forecast", "more-than-doubled"."""


@spacy.registry.tokenizers("newsfacts.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The base English tokenizer with ``COMPARATIVE_COMPOUND`` words kept as one token.

    >>> nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "newsfacts.Tokenizer.v1"}}})
    >>> [t.text for t in nlp.make_doc("rose a lower-than-expected 5% to a 10-year high")]
    ['rose', 'a', 'lower-than-expected', '5', '%', 'to', 'a', '10', '-', 'year', 'high']
    """
    make_base = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> Tokenizer:
        tokenizer = make_base(nlp)
        tokenizer.token_match = COMPARATIVE_COMPOUND.match
        return tokenizer

    return make
