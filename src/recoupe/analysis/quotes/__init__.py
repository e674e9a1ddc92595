"""Quotes and their speakers (French and English): who is reported as saying what.

Three kinds, found by separate rules (``direct``, ``indirect``, ``according_to`` modules; the answers
of interviews and transcripts, direct quotes with no marks, by ``interview``) and merged in text order; ``speakers`` resolves who speaks through the article's entities (``doc._.entities``,
set by ``recoupe_entities``, which must run first).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis.lexicons import language_of
from recoupe.analysis.quotes.according_to import according_to
from recoupe.analysis.quotes.direct import direct_quotes, embedded_posts, floating_after_reports, signed_blocks
from recoupe.analysis.quotes.indirect import indirect_quotes
from recoupe.analysis.quotes.interview import interview_quotes
from recoupe.analysis.quotes.reported import scored_quotes
from recoupe.analysis.quotes.speakers import resolve
from recoupe.analysis.quotes.syntax import Candidate
from recoupe.analysis.text import SpanSet, quoted_spans, sentence_bounds, strip_span, token_at, trim_final_punct
from recoupe.model import Quote

__all__ = ["find_quotes", "quoted_spans"]


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes in ``doc`` (offsets into ``doc_text(doc)``), in text order."""
    lang = language_of(doc)
    direct = direct_quotes(doc, lang)
    posts = embedded_posts(doc) + signed_blocks(doc)
    held = SpanSet([c.content for c in direct])
    direct += [p for p in posts if p.content[0] not in held]
    # reported speech is looked for inside posts (a post may report someone else's words), not inside quotations
    direct_spans = SpanSet([c.content for c in direct if c.rule != "direct_post"])
    used, behind = set(), {}
    for c in direct:
        if c.cue and c.rule != "direct_fragment":  # a fragment's verb still reports its whole clause
            tok = token_at(doc, c.cue[1] - 1)
            if tok is None:
                continue
            if c.content[1] <= c.cue[0]:  # a quotation before its verb: the last one
                behind[tok.i] = max(behind.get(tok.i, c.content), c.content, key=lambda span: span[1])
            else:
                used.add(tok.i)
    behind = {i: span for i, span in behind.items() if i not in used}
    cands = direct + indirect_quotes(doc, lang, direct_spans, used, behind) + according_to(doc, lang)
    cands += floating_after_reports(doc, cands)
    cands += interview_quotes(doc, lang, cands)
    cands += scored_quotes(doc, lang, cands, direct_spans)
    # a stray mark pairs a closing quotation mark with the next opening one (*…jusqu'à la fin". "Nous partirons…*):
    # what lies between holds no word, and no one said it
    text = doc_text(doc)
    cands = [c for c in cands if any(ch.isalnum() for ch in text[c.content[0]:c.content[1]])]
    return resolve(doc, _dedupe(doc, _posts_yield(doc, cands)), lang)


def _posts_yield(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """An embedded post that reports someone else's speech (*Ellison denies the allegations — CBS
    News*, *UPDATE: … The caller reported she was assaulted…*) keeps only the sentences before the
    report: from the sentence holding the reported speech's cue on, the words are that speaker's, the
    poster is the channel. A post whose first sentence is the report stays whole (the poster relays it)."""
    reports = sorted(c.cue[0] for c in cands if c.cue is not None and c.kind in ("indirect", "according_to"))
    out = []
    for c in cands:
        if c.rule != "direct_post":
            out.append(c)
            continue
        i = bisect_left(reports, c.content[0])
        if i == len(reports) or reports[i] >= c.content[1]:
            out.append(c)
            continue
        tok = token_at(doc, reports[i])
        cut = sentence_bounds(tok)[0] if tok is not None else reports[i]
        kept = trim_final_punct(doc, *strip_span(doc, c.content[0], max(cut, c.content[0])))
        if kept[1] - kept[0] >= 10:
            c.content = kept
        out.append(c)
    return out


def _dedupe(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """One candidate per (kind, content, cue); floating quotes already held by an attribution go;
    an according-to, an incise or an embedded post whose content holds another attribution's cue
    (*selon X, Y a déclaré que…*, *Y a argué que …, avance le journal*, a news outlet's tweet *Ellison
    denies the allegations*) gives way to it: the speech verb's own subject is the speaker, X is the
    channel."""
    # only a full report of speech (a "que" clause, an incise, a quotation) outranks the channel;
    # "selon X, Facebook considère la campagne innovante" stays X's
    cues = SpanSet([c.cue for c in cands if c.cue is not None and c.rule in STRONG_REPORTS])
    # an incise yields only to a reported clause that carries its content (a quotation it closes has its
    # own cue there; a report inside a relative clause, *les riverains, qui affirment que…, ont manifesté,
    # a indiqué la préfecture*, is part of what the incise's speaker says)
    clause_cues = SpanSet([c.cue for c in cands if c.cue is not None and c.rule in CLAUSE_REPORTS
                           and not _in_relative_clause(doc, c.cue)]
                          + [c.cue for c in cands if _relayed_quotation(doc, c)])
    # a post does not yield to an incise inside it (*Trois conditions, dit X. Un vote d'abord #hashtag*): the
    # incise names whose words the post relays, all of them, as ``_posts_yield`` keeps them
    post_cues = SpanSet([c.cue for c in cands if c.cue is not None and c.rule in STRONG_REPORTS
                         and c.rule != "indirect_incise"])
    cands = [c for c in cands
             if not (c.kind == "according_to" or c.rule in ("direct_post", "indirect_incise"))
             or not _holds_cue(c, clause_cues if c.rule == "indirect_incise" else
                               post_cues if c.rule == "direct_post" else cues)]
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


# reports of speech that outrank a channel holding them (``_dedupe``); the first two report a clause
CLAUSE_REPORTS = ("indirect_clause", "indirect_document_clause")
STRONG_REPORTS = (*CLAUSE_REPORTS, "indirect_incise", "direct_after", "direct_before", "direct_inside")


def _relayed_quotation(doc: Doc, cand: Candidate) -> bool:
    """Is the candidate a quotation closed by its own incise (*« … », expliquait alors X*), its cue right
    after the closing mark? An outer incise over it (*…, expliquait alors X, rappelle Le Figaro*) relays
    X's words: X speaks, the outlet is the channel, as with a reported clause. A cue further on (*« … » est
    que …, a-t-elle dit*, the quotation a subject) closes no quotation."""
    if cand.rule != "direct_after" or cand.cue is None or cand.speaker_token is None or cand.cue[0] < cand.content[1]:
        return False
    between = doc.char_span(cand.content[1], cand.cue[0], alignment_mode="expand") or ()
    return all(t.is_punct or t.is_space or t.pos_ in ("AUX", "ADV") or t.text.startswith("-") for t in between)


def _in_relative_clause(doc: Doc, cue: tuple[int, int]) -> bool:
    """Is the cue's verb (its last word) inside a relative or participial clause on a noun? A relative clause
    holds a relative pronoun: one without (*Faute de convaincre le comité, X avait soutenu que…*, parsed as a
    relative on *comité*) is a main clause the parser hung on a noun before it."""
    tok = token_at(doc, cue[1] - 1)
    return tok is not None and any(t.dep_ == "acl" or t.dep_ in ("acl:relcl", "relcl") and _relative_pronoun_in(t)
                                   for t in (tok, *tok.ancestors))


def _relative_pronoun_in(clause: Token) -> bool:
    """Does a French relative clause hold a relative pronoun before or at its verb (*qui*, *dont*, *où*, *lequel*…
    by the morphology's ``PronType=Rel``; relative *que* by its label)? English relatives all count, as before."""
    return clause.doc.lang_ != "fr" or any(
        "Rel" in t.morph.get("PronType") or t.lower_ in _RELATIVE_QUE and t.dep_ != "mark"
        for t in clause.subtree if t.i <= clause.i)


# the tagger gives relative *que* no PronType; the conjunction *que* is ``mark``
_RELATIVE_QUE = frozenset({"que", "qu'", "qu’"})


def _holds_cue(cand: Candidate, cues: SpanSet) -> bool:
    start, end = cand.content
    i = bisect_left(cues.starts, start)
    return i < len(cues.starts) and cues.starts[i] < end
