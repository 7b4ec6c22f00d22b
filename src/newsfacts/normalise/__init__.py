"""Normalisers: pure functions from surface text to values, table-driven, never raising.

They know nothing of spaCy, so they can be tested and reused on plain strings.
"""
