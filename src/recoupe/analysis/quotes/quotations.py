"""Quotations the rules leave unattributed, as candidates of the learned reported-speech filter
(issue 14, session 10).

On articles nobody tuned for, a third of the quotation-mark spans end up in no quote, and two out of
three of those are quotes a careful reader attributes (assistant-annotated French dev sets: 75 of 126
on dev1, 119 of 184 on dev3; 44 of 47 of those of ten words or more): a speaker named two sentences
up, a subhead repeating the body's words, a quotation whose clause has no speech verb. Each rule that
could take one also takes scare quotes and titles. So every quotation no rule took becomes a wide
candidate (frame ``quotation``) with the same feature row as the speech-verb candidates plus features
of its own (its length and shape, what stands before it, whether the sentence holds a speech verb or a
person, whether an attributed quote is near), and the filter trained in ``recoupe.training.reported``
decides, on annotated articles, which carry someone's words.

The speaker a kept quotation gets: the subject of the clause the quotation sits in when it names
someone (a person, an organisation or a pronoun); else none, and the speaker step decides (the
discourse default of ``speakers._continued_turn``, then the speaker scorer).
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import quote_words, speech_tokens
from recoupe.analysis.quotes.direct import name_like, work_title
from recoupe.analysis.quotes.index import entities_in, is_person
from recoupe.analysis.quotes.syntax import Candidate, has_finite_verb, subject_of
from recoupe.analysis.text import SpanSet, line_bounds, quoted_spans, sentence_bounds, token_at

# quotation features (zero on every speech-verb candidate); the shared ones (length, finite verb,
# subject kind, position, rule flags) are filled as for those
QUOTATION_FEATURES = ("q_one_word", "q_two_three_words", "q_ten_words", "q_starts_upper", "q_ends_punct",
                      "q_whole_line", "q_title_line", "q_after_colon", "q_after_determiner", "q_name_like",
                      "q_first_person", "q_speech_in_sentence", "q_person_in_sentence", "q_org_in_sentence",
                      "q_attributed_before", "q_attributed_after", "q_inherits", "q_log_quotations_in_paragraph")
NEAR = 400  # characters: an attributed quote this close before or after (about two short paragraphs)
_FIRST_PERSON = {"je", "j", "j'", "j’", "me", "m'", "m’", "moi", "nous", "mon", "ma", "mes", "notre", "nos",
                 "i", "we", "my", "our", "us"}


def _predicate(tok: Token) -> bool:
    """A verb, or an adjective or noun with a copula (*X a été très clair : « … »*, invented): what a
    clause's subject hangs from."""
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "cop" for c in tok.children))


def _clause_subject(doc: Doc, start: int, end: int) -> Token | None:
    """The subject of the clause the quotation sits in: climb from its first word to a verb outside
    it, then to the verb an infinitive complements (subject control)."""
    tok = token_at(doc, start)
    steps = 0
    while tok is not None and not (_predicate(tok) and not start <= tok.idx < end) and tok.head.i != tok.i \
            and steps < 8:
        tok, steps = tok.head, steps + 1
    if tok is None or not _predicate(tok) or start <= tok.idx < end:
        return None
    line_start, line_end = line_bounds(doc_text(doc), start, end)
    if not line_start <= tok.idx < line_end:
        return None  # the parser ran the quotation's line into another: that line's verb is not its clause
    subject, climbs = subject_of(tok), 0
    while subject is None and climbs < 3 and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX") \
            and tok.dep_ in ("xcomp", "ccomp", "advcl", "obl", "obl:arg", "conj"):
        tok, climbs = tok.head, climbs + 1
        subject = subject_of(tok)
    if subject is None or subject.dep_ == "expl:subj" or start <= subject.idx < end:
        return None
    return subject


def quotation_candidates(doc: Doc, lang: str, found: list[Candidate], features: tuple[str, ...],
                         subject_kind, every: bool) -> list[tuple[Candidate, list[float]]]:
    """Every quotation (``text.quoted_spans``) no rule candidate in ``found`` overlaps (with
    ``every``, training: all of them, the overlap recorded as ``rule_content``), as (candidate,
    feature row over ``features``). ``features`` and ``subject_kind`` are ``reported``'s (passed in,
    since ``reported`` imports this module), so both kinds of candidate share one row layout."""
    text = doc_text(doc)
    held = SpanSet([c.content for c in found])
    attributed = sorted((c for c in found if c.speaker_token is not None or c.speaker_span is not None),
                        key=lambda c: c.content[0])
    spans = quoted_spans(doc)
    words = quote_words(lang)
    speech = [t.idx for t, _ in speech_tokens(doc, lang)]
    quoted = SpanSet(spans)
    first_line_end = text.find("\n") if "\n" in text else len(text)
    paragraph_one = text.find("\n", first_line_end + 1)
    out = []
    for start, end in spans:
        content = text[start:end].strip()
        n_words = len(content.split())
        if not n_words:
            continue
        taken = held.overlaps(start, end)
        if taken and not every or work_title(doc, start, end, lang):
            continue  # a rule's quote, or the title of a work (nobody's words)
        line_start, line_end = line_bounds(text, start, end)
        tok = token_at(doc, start)
        sent_start, sent_end = sentence_bounds(tok) if tok is not None else (line_start, line_end)
        before = text[line_start:start - 1].rstrip()
        prev_tok = doc[tok.i - 2] if tok is not None and tok.i >= 2 else None  # the word before the opening mark
        subject = _clause_subject(doc, start, end)
        if subject is not None and (subject.lower_ in words.first_person or subject.lower_ in words.non_speakers
                                    or subject.idx in quoted):
            subject = None  # the writer, nobody, or words of a title (*Le film « Les Ombres » a reçu …*)
        before_q = [c for c in attributed if c.content[1] <= start and start - c.content[1] <= NEAR]
        after_q = [c for c in attributed if c.content[0] >= end and c.content[0] - end <= NEAR]
        ents = (entities_in(doc, sent_start, start) if sent_start < start else []) + \
            (entities_in(doc, end, sent_end) if end < sent_end else [])  # mentioned outside the quotation
        x = dict.fromkeys(features, 0.0)
        x["frame_quotation"] = 1.0
        x["dep_other"] = 1.0
        kind = subject_kind(subject, lang)
        x[f"subject_{kind}"] = 1.0
        x["credible"] = float(subject is not None and any(entities_in(doc, subject.idx, subject.idx + len(subject.text))))
        x["subject_after"] = float(subject is not None and subject.idx > end)
        x["log_subject_distance"] = math.log1p(abs(subject.i - tok.i)) if subject is not None and tok is not None else 0.0
        x["log_words"] = math.log1p(n_words)
        x["content_finite"] = float(has_finite_verb(doc, start, end))
        x["in_quotation"] = 1.0
        x["sentence_initial"] = float(start - sent_start <= 2)
        x["first_paragraph"] = float(start < paragraph_one)
        x["rule_content"] = float(taken)
        x["french"] = float(lang == "fr")
        x["q_one_word"] = float(n_words == 1)
        x["q_two_three_words"] = float(2 <= n_words <= 3)
        x["q_ten_words"] = float(n_words >= 10)
        x["q_starts_upper"] = float(content[:1].isupper())
        x["q_ends_punct"] = float(content[-1:] in ".!?…")
        x["q_whole_line"] = float(len(text[line_start:line_end].strip()) <= len(content) + 6)
        x["q_title_line"] = float(start < first_line_end)
        x["q_after_colon"] = float(before.endswith(":"))
        x["q_after_determiner"] = float(prev_tok is not None and prev_tok.idx >= line_start
                                        and (prev_tok.pos_ == "DET" or prev_tok.lower_ in ("de", "d'", "d’", "of")))
        x["q_name_like"] = float(name_like(content))
        x["q_first_person"] = float(any(w.lower() in _FIRST_PERSON for w in re.findall(r"\w+['’]?", content)))
        x["q_speech_in_sentence"] = float(any(sent_start <= i < sent_end and i not in quoted for i in speech))
        x["q_person_in_sentence"] = float(any(is_person(e) for e in ents))
        x["q_org_in_sentence"] = float(any(not is_person(e) for e in ents))
        x["q_attributed_before"] = float(bool(before_q))
        x["q_attributed_after"] = float(bool(after_q))
        x["q_inherits"] = float(subject is None and bool(before_q))  # a floating quote's shape
        x["q_log_quotations_in_paragraph"] = math.log1p(sum(line_start <= s < line_end for s, _ in spans))
        # only a subject that names someone speaks for the quotation (*L'affaire … éclabousse « … »*
        # does not); with none, the discourse default decides, else ``speakers.resolve`` leaves it out
        speaker = subject if kind in ("person", "org", "pronoun", "role", "source") else None
        cand = Candidate("direct", "direct_scored", (start, end), None, speaker, 0.5)
        out.append((cand, list(x.values())))
    return out


__all__ = ["NEAR", "QUOTATION_FEATURES", "quotation_candidates"]
