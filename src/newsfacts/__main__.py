"""``python -m newsfacts`` runs the CLI."""

from .cli import main

main()
