"""Quotes and their speakers (French and English): who is reported as saying what.

Three kinds, found by separate rules (``direct``, ``indirect``, ``according_to`` modules) and merged
in text order; ``speakers`` resolves who speaks through the article's entities (``doc._.entities``,
set by ``recoupe_entities``, which must run first).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from recoupe.analysis.component import doc_component
from recoupe.analysis.lexicons import language_of
from recoupe.analysis.quotes.according_to import according_to
from recoupe.analysis.quotes.direct import direct_quotes, embedded_posts
from recoupe.analysis.quotes.indirect import indirect_quotes
from recoupe.analysis.quotes.speakers import resolve
from recoupe.analysis.quotes.syntax import Candidate
from recoupe.analysis.text import SpanSet, quoted_spans, token_at
from recoupe.model import Quote

__all__ = ["find_quotes", "quoted_spans"]


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes in ``doc`` (offsets into ``doc_text(doc)``), in text order."""
    lang = language_of(doc)
    direct = direct_quotes(doc, lang)
    posts = embedded_posts(doc)
    held = SpanSet([c.content for c in direct])
    direct += [p for p in posts if p.content[0] not in held]
    direct_spans = SpanSet([c.content for c in direct])
    used = set()
    for c in direct:
        if c.cue and c.rule != "direct_fragment":  # a fragment's verb still reports its whole clause
            tok = token_at(doc, c.cue[1] - 1)
            if tok is not None:
                used.add(tok.i)
    cands = direct + indirect_quotes(doc, lang, direct_spans, used) + according_to(doc, lang)
    return resolve(doc, _dedupe(cands), lang)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per (kind, content, cue); floating quotes already held by an attribution go;
    an according-to or an embedded post whose content holds another attribution's cue (*selon X, Y a
    déclaré que…*, a news outlet's tweet *Ellison denies the allegations*) gives way to it: the
    speech verb's own subject is the speaker, X is the channel."""
    # only a full report of speech (a "que" clause, an incise, a quotation) outranks the channel;
    # "selon X, Facebook considère la campagne innovante" stays X's
    strong = ("indirect_clause", "indirect_incise", "direct_after", "direct_before", "direct_inside")
    cues = SpanSet([c.cue for c in cands if c.cue is not None and c.rule in strong])
    cands = [c for c in cands if c.kind != "according_to" and c.rule != "direct_post" or not _holds_cue(c, cues)]
    seen, out = set(), []
    held = [c.content for c in cands if c.rule != "direct_floating"]
    for c in cands:
        if c.rule == "direct_floating" and any(s <= c.content[0] and c.content[1] <= e for s, e in held):
            continue
        key = (c.kind, c.content, c.cue)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


doc_component("recoupe_quotes", "quotes", find_quotes, "Sets ``doc._.quotes``; runs after ``recoupe_entities``.",
              requires=("token.pos", "token.dep", "token.morph", "doc.sents", "doc._.entities"))


def _holds_cue(cand: Candidate, cues: SpanSet) -> bool:
    start, end = cand.content
    i = bisect_left(cues.starts, start)
    return i < len(cues.starts) and cues.starts[i] < end
