"""The evaluation metrics on made-up strings, and a smoke run of both evaluations on 5 pages."""

import importlib.util
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import SHARED, need_shared

from recoupe.evaluation import extraction, furniture
from recoupe.evaluation.extraction import (
    benchmark_scores,
    lost_shingles,
    match_counts,
    page_mean_scores,
    page_prf,
    shingles,
    tokenize,
)


def test_tokenize_splits_on_punctuation_and_lowercases():
    assert tokenize("Hello, World! It's-fine") == ["hello", "world", "it", "s", "fine"]
    assert tokenize("Hello", lowercase=False) == ["Hello"]
    assert tokenize(None) == []


def test_shingles_are_counted_and_short_texts_give_one_shingle():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }
    assert shingles("") == {}


def test_match_counts_and_page_scores():
    tp_fp_fn = match_counts(shingles("a b c d e"), shingles("A b, c d x"))
    assert tp_fp_fn == (1, 1, 1)
    assert page_prf(*tp_fp_fn) == (0.5, 0.5, 0.5)
    assert page_prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert page_prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert page_prf(3, 1, 0) == (0.75, 1.0, pytest.approx(6 / 7))


def test_page_mean_averages_per_page_scores():
    scores = page_mean_scores([(1, 1, 1), (3, 1, 0)])
    assert scores.precision == pytest.approx((0.5 + 0.75) / 2)
    assert scores.recall == pytest.approx(0.75)
    assert scores.f1 == pytest.approx((0.5 + 6 / 7) / 2)


def test_benchmark_style_skips_empty_predictions_in_precision():
    scores = benchmark_scores([(2, 2, 0), (0, 0, 4)])
    assert scores.precision == pytest.approx(0.5)  # second page predicted nothing: not in the mean
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)
    with_ci = benchmark_scores([(2, 2, 0), (3, 0, 1), (1, 0, 0)], n_bootstrap=50)
    assert set(with_ci.ci) == {"precision", "recall", "f1"}


def test_lost_shingles_counts_truth_removed_by_a_step():
    truth = shingles("one two three four five six")
    before = shingles("menu one two three four five six share")
    assert lost_shingles(truth, before, shingles("one two three four five six")) == 0
    assert lost_shingles(truth, before, shingles("one two three four")) == 2


def test_line_labels_follow_the_ground_truth():
    page = extraction.Page("p", "https://example.org/a", b"", "The quick brown fox jumps over the lazy dog today.")
    text = "The quick brown fox jumps over the lazy dog today.\n\nShare this on Twitter\nlazy dog"
    labelled = furniture.label_page(page, text, title=None)
    assert [(line.text, line.label) for line in labelled.lines] == [
        ("The quick brown fox jumps over the lazy dog today.", "body"),
        ("Share this on Twitter", "furniture"),
        ("lazy dog", "body"),  # short line: its whole token sequence is in the truth
    ]
    assert labelled.lines[1].start == text.index("Share")


def _split(text, body_lines, furniture_lines, kind="share_prompt"):
    """A fake FurnitureSplit whose body_map points back into ``text``."""
    body, body_map, items = "", [], []
    for line in body_lines:
        start = text.index(line)
        body_map.append(SimpleNamespace(start=len(body), end=len(body) + len(line), source_start=start))
        body += line + "\n"
    for i, line in enumerate(furniture_lines):
        start = text.index(line)
        items.append(SimpleNamespace(index=i, kind=kind, text=line, source_start=start, source_end=start + len(line)))
    return SimpleNamespace(body=body, body_map=body_map, furniture=items)


def test_predictions_distinguish_body_furniture_and_dropped():
    page = extraction.Page("p", "", b"", "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.")
    text = "Alpha beta gamma delta epsilon.\nLike us now please\nZeta eta theta iota kappa.\nFollow the page here"
    labelled = furniture.label_page(page, text, title=None)
    split = _split(text, ["Alpha beta gamma delta epsilon."], ["Like us now please"])
    statuses = [p.status for p in furniture.predict_lines(text, labelled.lines, split)]
    assert statuses == ["body", "furniture", "dropped", "dropped"]

    result = furniture.evaluate_lines([labelled], lambda lp: split)
    scores = result.scores()
    assert scores["body_lines"] == 2 and scores["furniture_lines"] == 2
    assert scores["furniture_precision"] == pytest.approx(2 / 3)  # one body line dropped counts against it
    assert scores["furniture_recall"] == 1.0
    assert scores["body_line_loss"] == 0.5
    assert scores["dropped_lines"] == 2
    assert dict(result.kinds) == {("share_prompt", "furniture"): 1}


def test_seed_checks_on_a_made_up_article():
    text = "A Title\n\nA Title\n\nFirst paragraph of the story.\n\nRead this too: something else\n"
    expected = {"title": "A Title", "not_body": ["Read this too: something else"], "body_must_keep": ["First paragraph"]}
    split = _split(text, ["A Title", "First paragraph of the story."], ["Read this too: something else"], "related_link")
    second_title = text.index("A Title", 1)
    split.furniture.append(
        SimpleNamespace(index=1, kind="title_duplicate", text="A Title", source_start=second_title, source_end=second_title + 7)
    )
    checks = furniture.check_seed(text, expected, split.body, split.furniture, "A Title")
    assert all(ok for ok, _ in checks), checks
    bad = _split(text, ["A Title", "First paragraph of the story.", "Read this too: something else"], [])
    checks = furniture.check_seed(text, expected, bad.body, bad.furniture, None)
    assert [ok for ok, _ in checks] == [False, True, False]


# --------------------------------------------------------------------------- smoke runs on ../shared


def _shared() -> Path:
    need_shared("data", "extraction", "scrapinghub")
    return SHARED


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@pytest.mark.shared
def test_extraction_main_on_five_pages(tmp_path, capsys):
    shared = _shared()
    args = ["--shared", str(shared), "--limit", "5", "--json", str(tmp_path / "out.json")]
    if not _has("recoupe.extract"):
        args.append("--no-recoupe")
    code = extraction.main(args)
    out = capsys.readouterr().out
    assert "trafilatura" in out
    results = json.loads((tmp_path / "out.json").read_text())
    assert results["pages"] == 5
    assert 0.5 < results["systems"]["trafilatura"]["page_mean"]["f1"] <= 1.0
    if "recoupe" in results["systems"]:
        assert code in (0, 1)
        assert "cut" in results


@pytest.mark.shared
def test_furniture_main_on_five_pages(tmp_path, capsys):
    shared = _shared()
    args = ["--shared", str(shared), "--limit", "5", "--features", "--json", str(tmp_path / "out.json")]
    if not _has("recoupe.extract.furniture"):
        args.append("--no-split")
    assert furniture.main(args) == 0
    results = json.loads((tmp_path / "out.json").read_text())
    assert results["labels"]["body"] > 0
    assert results["features"]
    if "lines" in results:
        assert 0.0 <= results["lines"]["body_line_loss"] <= 1.0
        assert "seed checks" in capsys.readouterr().out
