"""Irony markers, reported with modest confidence and the evidence that triggered them.

Irony is rarely marked by one word; what betrays it is a combination within a paragraph:

* scare quotes: a short quoted evaluative word (adverb or adjective, ``“clairement”``) that nobody
  is reported as saying (no speech verb attributes it: it is not in ``doc._.quotes``);
* antiphrasis set-ups: mock-good-news and feigned-surprise formulas (``la bonne nouvelle, c'est
  que``, ``comme par hasard``, ``what a surprise``), from ``irony_cues_<lang>.tsv``;
* reversals that take back what was just said (``ou peut-être que si``, ``or maybe not``).

A paragraph is flagged when at least two signals of two different kinds add up past a threshold;
one signal alone (a quoted ``"innovante"`` in reporting) is not enough.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis.lexicons import cue_matcher
from recoupe.analysis.text import mark_after, mark_before, quoted_spans, sentence_bounds
from recoupe.model import Irony, Span

THRESHOLD = 0.55
MAX_CONFIDENCE = 0.7
SCARE_WEIGHTS = {"ADV": 0.35, "ADJ": 0.3}
SCARE_WEIGHT_OTHER = 0.15
MAX_SCARE_WORDS = 3


def _signals(doc: Doc) -> list[tuple[str, int, int, float]]:
    """(kind, start, end, weight) for every irony signal in the doc."""
    out = []
    attributed = doc._.quotes if Doc.has_extension("quotes") else None
    if attributed is None:
        raise ValueError("recoupe_irony needs doc._.quotes: add recoupe_quotes before it in the pipeline")
    quoted_by_someone = {(q.content.start, q.content.end) for q in attributed if q.kind == "direct"}
    for start, end in quoted_spans(doc):
        words = doc_text(doc)[start:end].split()
        if not words or len(words) > MAX_SCARE_WORDS or (start, end) in quoted_by_someone:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        content = [t for t in span if not t.is_punct]
        weight = max((SCARE_WEIGHTS.get(t.pos_, SCARE_WEIGHT_OTHER) for t in content), default=0.0)
        if len(content) == 1 and content[0].pos_ in ("PROPN", "NUM"):
            continue  # a quoted name or title, not a scare quote
        out.append(("scare_quote", mark_before(doc_text(doc), start), mark_after(doc_text(doc), end) + 1, weight))
    matcher, rules = cue_matcher(doc, "irony_cues")
    for match_id, s, e in matcher(doc):
        kind, weight = rules[match_id]
        span = doc[s:e]
        out.append((kind, span.start_char, span.end_char, weight))
    return _longest(out)


def _longest(signals):
    """Overlapping matches of one kind keep the longest (``la bonne nouvelle, c'est que`` over its prefix)."""
    signals = sorted(signals, key=lambda x: -(x[2] - x[1]))
    kept = []
    for sig in signals:
        if not any(k[0] == sig[0] and k[1] < sig[2] and sig[1] < k[2] for k in kept):
            kept.append(sig)
    return sorted(kept, key=lambda x: x[1])


def find_irony(doc: Doc) -> list[Irony]:
    """Paragraphs whose combined irony signals pass the threshold, each with its evidence."""
    results = []
    signals = _signals(doc)
    for para in re.finditer(r"[^\n]+", doc_text(doc)):
        inside = [s for s in signals if para.start() <= s[1] < para.end()]
        kinds = {s[0] for s in inside}
        score = sum(s[3] for s in inside)
        if len(kinds) < 2 or score < THRESHOLD:
            continue
        first = min(inside, key=lambda s: s[1])
        tok = doc.char_span(first[1], first[2], alignment_mode="expand")[0]
        s_start, s_end = sentence_bounds(tok)
        results.append(Irony(
            text=doc_text(doc)[s_start:s_end], start=s_start, end=s_end, producer="rule:irony.signals",
            confidence=round(min(MAX_CONFIDENCE, 0.2 + score / 2), 2),
            evidence=[Span(text=doc_text(doc)[s:e], start=s, end=e) for _, s, e, _ in inside
                      if not any(o[1] <= s and e <= o[2] and (o[1], o[2]) != (s, e) for o in inside)]))
    return results


doc_component("recoupe_irony", "irony", find_irony,
              "Sets ``doc._.irony``; runs after ``recoupe_quotes`` (scare quotes are quotes nobody said).",
              requires=("token.pos", "doc.sents", "doc._.quotes"))
