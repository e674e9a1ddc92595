"""Invariants of every report on real articles (SemEval-2023 fr and en, read from ../shared)."""

from __future__ import annotations

import pytest

import recoupe
from recoupe.model import Analysis

from conftest import need_shared

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _check_span(report: Analysis, span) -> None:
    source = report.body if span.in_ == "body" else report.furniture[span.furniture_index].text
    assert source[span.start : span.end] == span.text, span
    assert span.end > span.start, span


@pytest.fixture(scope="module", params=[("fr", 25), ("en", 10)], ids=["fr", "en"])
def reports(request) -> list[Analysis]:
    lang, count = request.param
    folder = need_shared("data", "genre", "semeval2023t3", lang, "articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:count]]
    results = list(recoupe.analyze_many(texts))
    assert len(results) == len(texts) == count and all(isinstance(r, Analysis) for r in results)
    assert sum(r.language == lang for r in results) >= 0.9 * len(results)
    return results


def test_every_span_points_at_its_text(reports):
    for report in reports:
        for e in report.entities:
            for m in e.mentions:
                _check_span(report, m)
        for q in report.quotes:
            _check_span(report, q.content)
            for span in (q.cue, q.speaker):
                if span is not None:
                    _check_span(report, span)
        for finding in [*report.hedges, *report.irony, *report.claims]:
            _check_span(report, finding)
        for p in report.persuasion:
            assert report.body[p.start : p.end] == p.text
        for link in report.source_chain:
            if link.evidence.end > link.evidence.start:
                _check_span(report, link.evidence)


def test_every_finding_names_its_producer(reports):
    for report in reports:
        producers = [m.producer for e in report.entities for m in e.mentions]
        producers += [q.producer for q in report.quotes] + [h.producer for h in report.hedges]
        producers += [c.producer for c in report.claims] + [l.producer for l in report.source_chain]
        producers += [p.producer for p in report.persuasion]
        assert all(p and p.split(":")[0] in ("rule", "model") for p in producers)
        assert report.genre is not None and abs(sum(report.genre.probabilities.values()) - 1) < 0.01


def test_signal_evidence_points_at_its_text(reports):
    checked = 0
    for report in reports:
        assert report.signals and report.credibility is not None
        for signal in report.signals:
            for span in signal.evidence:
                _check_span(report, span)
                checked += 1
    assert checked >= len(reports)  # the signals do cite the text (quotes, claims, chain links)
