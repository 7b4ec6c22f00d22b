"""The newsfacts spaCy components, one module per fact type.

Each module registers a ``@Language.factory`` named ``newsfacts_<type>`` and adds
its facts to the Doc through ``newsfacts.extensions.add_facts``. They run in the
order of ``models/config.cfg``: the reference date first, then the types whose spans
must be claimed before others look (money and percent before dates, events before
dates so that "Paris 2024 Olympics" is not a year, organisations last). All derive
from ``base.FactComponent``, which records a failure on the document it happened in
instead of stopping the stream.
"""
