"""The text report shows only the persuasion findings marked shown, and says how many it hides."""

from __future__ import annotations

from rich.console import Console

from recoupe.model import Analysis, Persuasion
from recoupe.report import render

BODY = "Ces bureaucrates corrompus mentent.\nLe conseil a voté le budget mardi.\n"


def _finding(start: int, end: int, technique: str, score: float, shown: bool) -> Persuasion:
    return Persuasion(technique=technique, text=BODY[start:end], start=start, end=end, score=score,
                      producer="model:persuasion@4", shown=shown, threshold=0.55 if shown else None)


def test_report_shows_only_shown_persuasion_findings():
    analysis = Analysis(language="fr", body=BODY, persuasion=[
        _finding(0, 35, "Name_Calling-Labeling", 0.81, True),
        _finding(36, 70, "Doubt", 0.31, False),
    ])
    console = Console(record=True, width=200)
    render(analysis, console)
    out = console.export_text()
    assert "Name_Calling-Labeling" in out and "0.81" in out
    assert "Doubt" not in out and "0.31" not in out
    assert "1 low-confidence not shown" in out
