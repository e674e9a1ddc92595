"""The evaluation gate in CI: every figure in ``gate.toml`` re-measured on ../shared, against its floor."""

from __future__ import annotations

import pytest

from conftest import SHARED
from recoupe.evaluation.gate import Figure, execute, load_gate, main

RUNS = load_gate()


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("run", RUNS, ids=[r.evaluation for r in RUNS])
def test_quality_floor(run):
    missing = [name for name in run.data if not (SHARED / name).exists()]
    if missing:
        pytest.skip(f"../shared lacks {', '.join(missing)}")
    execute(run, SHARED)
    assert run.error is None, run.error
    broken = [f"{f.name}: {f.value:.4f} (floor {f.bound()} ±{f.margin:g}; data {run.digest})"
              for f in run.figures if not f.passed()]
    assert not broken, broken


def test_gate_file_is_complete():
    evaluations = {r.evaluation for r in RUNS}
    assert {"extraction", "furniture", "checkworthy", "ranking", "attribution", "claims", "similarity",
            "genre"} <= evaluations
    assert all(r.pinned for r in RUNS)  # every floor says which data it was set on
    for run in RUNS:
        for figure in run.figures:
            assert (figure.floor is None) != (figure.ceiling is None), figure.name  # one bound each
            assert figure.margin >= 0 and figure.path


def test_a_broken_floor_fails():
    assert Figure("x", ["a"], margin=0.01, floor=0.80, value=0.795).passed()
    assert not Figure("x", ["a"], margin=0.01, floor=0.80, value=0.789).passed()
    assert not Figure("x", ["a"], margin=0.001, ceiling=0.002, value=0.0031).passed()
    assert not Figure("x", ["a"], margin=0.01, floor=0.5).passed()  # a figure that was not measured fails


def test_gate_command_exits_nonzero_when_a_floor_breaks(tmp_path, capsys):
    """A gate whose floor is above what the evaluation measures must fail (here: the extraction
    evaluation on its first 3 pages, with an unreachable floor)."""
    if not (SHARED / "data/extraction/scrapinghub/ground-truth.json").exists():
        pytest.skip("../shared absent: no extraction benchmark")
    gate = tmp_path / "gate.toml"
    gate.write_text('[[run]]\nevaluation = "extraction"\nargv = ["--limit", "3", "--no-recoupe"]\n'
                    'data = ["data/extraction/scrapinghub/ground-truth.json"]\n'
                    '[[run.figure]]\nname = "impossible"\npath = ["systems", "trafilatura", "page_mean", "f1"]\n'
                    'floor = 1.5\nmargin = 0.0\n', encoding="utf-8")
    assert main(["--gate", str(gate)]) == 1
    assert "FAIL impossible" in capsys.readouterr().out
