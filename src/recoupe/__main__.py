"""``python -m recoupe`` runs the command line (the same as the ``recoupe`` console script)."""

from recoupe.cli import app

app()
