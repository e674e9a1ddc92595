"""The engine's contracts: findings apart from ratings, stamps, an Analyzer that travels, layers
that import one way."""

from __future__ import annotations

import ast
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import recoupe
from recoupe.assess import assess
from recoupe.model import Rating
from recoupe.pipeline import Analyzer, AnalyzerConfig
from recoupe.sources import RatingList
from recoupe.sources.ratings import Ratings, shipped_outlets

SRC = Path(recoupe.__file__).resolve().parent
FAST = AnalyzerConfig(genre=False, persuasion=False)

# Written for this test: a made-up story relayed from a real outlet name the shipped lists know.
TEXT = (
    "Selon Bloomberg, la société Verdalys aurait versé 12 millions d'euros à un cabinet de conseil en 2021.\n\n"
    "« Nous n'avons rien à cacher », a déclaré Claire Martin, porte-parole de Verdalys, mardi à Lyon.\n\n"
    "Le ministère de l'Économie a refusé de commenter ces informations, rapporte Le Monde."
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(FAST)


def _with_bloomberg_rated(score: float, label: str) -> Ratings:
    own = RatingList(id="desk", title="desk", licence="test", scale="0-1",
                     ratings=[Rating(list="desk", domain="bloomberg.com", label=label, score=score)])
    return Ratings.from_lists([*shipped_outlets().lists.values(), own])


def test_findings_do_not_depend_on_ratings(analyzer):
    findings = next(analyzer.findings_many([TEXT], lang="fr"))
    assert findings.credibility is None and findings.signals == [] and findings.stamps.ratings_id is None
    assert any(link.name == "Bloomberg" and link.domain == "bloomberg.com" for link in findings.source_chain)
    high, low = _with_bloomberg_rated(0.95, "top"), _with_bloomberg_rated(0.05, "bottom")
    assert high.id != low.id
    before = findings.to_json()
    judged_high, judged_low = assess(findings, high).apply(findings), assess(findings, low).apply(findings)
    assert findings.to_json() == before  # assess returns new objects
    assert judged_high.findings().to_json() == judged_low.findings().to_json() == before
    assert judged_high.stamps.ratings_id == high.id and judged_low.stamps.ratings_id == low.id
    origin_high = next(s for s in judged_high.signals if s.name == "origin_rating")
    origin_low = next(s for s in judged_low.signals if s.name == "origin_rating")
    assert origin_high.value > origin_low.value
    desk = [r for link in judged_low.source_chain for r in link.ratings if r.list == "desk"]
    assert desk and desk[0].label == "bottom"


def test_imported_list_changes_judgement_not_findings(tmp_path, analyzer):
    own = RatingList(id="desk", title="desk", licence="test", scale="0-1",
                     ratings=[Rating(list="desk", domain="bloomberg.com", label="watch", score=0.3)])
    path = own.save(tmp_path / "ratings" / "desk.json")
    with_desk = Ratings.from_files([*sorted(p for p in shipped_outlets()._paths), path])
    plain = Analyzer(FAST, ratings=shipped_outlets())
    desk = Analyzer(FAST, ratings=with_desk)
    desk._pipelines = plain._pipelines = analyzer._pipelines  # same spaCy models, loaded once for the test
    a, b = plain.analyze(TEXT, lang="fr"), desk.analyze(TEXT, lang="fr")
    assert a.findings().to_json() == b.findings().to_json()
    assert a.stamps.ratings_id != b.stamps.ratings_id
    assert "desk" in {r.list for link in b.source_chain for r in link.ratings}
    assert "desk" not in {r.list for link in a.source_chain for r in link.ratings}


def test_stamps_name_components_and_config(analyzer):
    report = analyzer.analyze(TEXT, lang="fr")
    stamps = report.stamps
    assert stamps.recoupe == recoupe.__version__ and stamps.ratings_id.startswith("ratings:")
    assert {"spacy:fr", "recoupe_quotes", "analysis_code"} <= set(stamps.components)
    assert "model:genre" not in stamps.components  # genre is off in this configuration
    assert Analyzer(AnalyzerConfig()).stamps.config_digest != stamps.config_digest


def test_analyzer_travels_as_its_configuration(analyzer):
    analyzer.pipeline("fr")  # loaded models must not travel
    sent = pickle.dumps(Analyzer(FAST, ratings=shipped_outlets()))
    assert len(sent) < 10_000  # the configuration and the lists' paths, no model, no list content
    landed = pickle.loads(sent)
    assert landed.config == FAST and landed.ratings.id == shipped_outlets().id and not landed._pipelines
    in_memory = _with_bloomberg_rated(0.9, "good")  # lists held in memory travel with their content
    assert pickle.loads(pickle.dumps(in_memory)).id == in_memory.id


def test_ratings_snapshot_is_read_only():
    ratings = shipped_outlets()
    with pytest.raises(TypeError):
        ratings.lists["x"] = None
    assert not hasattr(ratings, "add")


REPRO = """
import sys, recoupe
from recoupe.pipeline import Analyzer, AnalyzerConfig
from recoupe.sources.ratings import shipped_outlets
text = sys.stdin.read()
report = Analyzer(AnalyzerConfig(), ratings=shipped_outlets()).analyze(text, lang="fr")
sys.stdout.write(report.to_json())
"""


@pytest.mark.slow
def test_same_input_same_stamps_byte_identical(tmp_path):
    """Two processes with different hash seeds: same bytes out (set order must never leak)."""
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "RECOUPE_HOME": str(tmp_path)}
        run = subprocess.run([sys.executable, "-c", REPRO], input=TEXT, capture_output=True, text=True, env=env,
                             timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
        outs.append(run.stdout)
    assert json.loads(outs[0])["stamps"] == json.loads(outs[1])["stamps"]
    assert outs[0] == outs[1]


# -- the package's shape -------------------------------------------------------------------------------


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: -node.level] if path.name != "__init__.py" else \
                    package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found |= {f"{module}.{a.name}" for a in node.names}
    return {m for m in found if m.startswith("recoupe")}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def test_no_import_cycles_at_module_level():
    modules = _modules()
    # an edge to one's own ancestor package is not a cycle: that package is already being initialised
    graph = {name: {m for m in _imports(path, True) if m in modules and m != name and not name.startswith(m + ".")}
             for name, path in modules.items()}
    # importing a package runs its __init__: an edge to a.b.c is an edge to a.b too
    for name, targets in graph.items():
        for t in list(targets):
            parts = t.split(".")
            targets |= {".".join(parts[:i]) for i in range(2, len(parts)) if ".".join(parts[:i]) in modules
                        and not name.startswith(".".join(parts[:i]))}
    state: dict[str, int] = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, f"import cycles: {cycles[:5]}"


def test_layers_import_one_way():
    """The analysis never imports the layers built around it, at any level of the code."""
    outer = ("recoupe.corpus", "recoupe.service", "recoupe.batch", "recoupe.cli", "recoupe.evaluation",
             "recoupe.training")
    offenders = []
    for name, path in _modules().items():
        if name.startswith(("recoupe.analysis", "recoupe.extract", "recoupe.model", "recoupe.assess")):
            offenders += [(name, m) for m in _imports(path, False) if m.startswith(outer)]
    assert not offenders, offenders


@pytest.mark.slow
def test_standalone_components_and_pipeline_share_one_code_path():
    """The factories a user adds to a pipeline give what the Analyzer's report gives, for the same
    text and context (title, paragraphs)."""
    from importlib import resources

    import recoupe.analysis.genre  # noqa: F401  (registers the factories)
    import recoupe.analysis.persuasion  # noqa: F401
    from recoupe.nlp import build_nlp

    text = (resources.files("recoupe.resources") / "demo" / "01_verdalys_fr.txt").read_text(encoding="utf-8")
    report = Analyzer(AnalyzerConfig(credibility=False)).analyze(text, lang="fr")
    nlp = build_nlp("fr")
    nlp.add_pipe("recoupe_genre")
    nlp.add_pipe("recoupe_persuasion")
    assert not nlp.analyze_pipes(pretty=False)["problems"]["recoupe_quotes"]
    doc = nlp.make_doc(report.body)
    doc._.recoupe_title = report.title
    doc._.recoupe_paragraphs = [(s.start, s.end) for s in report.body_map]
    doc = nlp(doc)
    assert report.genre is not None and doc._.genre == report.genre
    assert doc._.persuasion == report.persuasion
    assert doc._.hedges == report.hedges and doc._.irony == report.irony


def test_every_component_declares_what_it_assigns():
    from recoupe.nlp import build_nlp

    nlp = build_nlp("fr")
    summary = nlp.analyze_pipes(pretty=False)
    assert not any(summary["problems"].values()), summary["problems"]
    for name in nlp.pipe_names:
        if name == "recoupe_paragraph_parse":  # runs the disabled model components: assigns what they do
            assigned = set(summary["summary"][name]["assigns"])
            assert {"token.dep", "token.head", "token.lemma", "doc.ents", "doc.sents"} <= assigned, assigned
        elif name.startswith("recoupe_"):
            # claims also keeps its sentence vectors on the Doc, for genre and persuasion
            extra = ["doc._.sentence_vectors"] if name == "recoupe_claims" else []
            assert summary["summary"][name]["assigns"] == [f"doc._.{name.removeprefix('recoupe_')}", *extra], name


def test_analysis_modules_do_not_import_each_other_in_a_circle():
    """Within the analysis, even imports inside functions point one way (hedges never reach back
    into quotes that reach into hedges)."""
    modules = {n: p for n, p in _modules().items() if n.startswith("recoupe.analysis")}
    graph = {n: {m for m in _imports(p, False) if m in modules and m != n and not n.startswith(m + ".")}
             for n, p in modules.items()}

    def reaches(start, goal, seen=()):
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, (*seen, nxt))) for nxt in graph[start])

    cycles = sorted(n for n in graph if reaches(n, n))
    assert not cycles, cycles
