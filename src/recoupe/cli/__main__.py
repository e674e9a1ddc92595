"""``python -m recoupe.cli`` (same as ``recoupe``)."""

from recoupe.cli import app

app()
