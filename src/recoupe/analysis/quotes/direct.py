"""Direct quotes: words between quotation marks attributed to someone.

The speech verb sits after the quotation (``», a déclaré X`` / ``," she said``), before it
(``X a déclaré : « … »``) or inside it as an incise (``« …, a-t-il ajouté. … »``); a quoted sentence
with no verb that follows an attributed quote is a *floating* continuation of the same speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import speech_lemma
from recoupe.analysis.quotes.syntax import (
    ATTRIBUTION_PUNCT,
    Candidate,
    cue_span,
    finite,
    has_finite_verb,
    inverted_subject,
    speaker_head,
    subject_of,
)
from recoupe.analysis.text import QUOTE_PAIRS, SENT_END, SpanSet, mark_after, mark_before, quoted_spans, token_at


def _attribution_after(doc: Doc, end_char: int, lang: str, quotes: SpanSet) -> Token | None:
    """Speech verb right after a closing mark: ``», a déclaré X`` / ``," she said``."""
    content_end = doc_text(doc)[:end_char].rstrip()[-1:]
    end_char = mark_after(doc_text(doc), end_char)
    closing = token_at(doc, end_char)
    if closing is None:
        return None
    tail = doc_text(doc)[end_char + 1 : end_char + 60]
    if "\n" in tail[: len(tail) - len(tail.lstrip())] or not tail.strip():
        return None
    next_word = tail.lstrip(" ,—–-")[:1]
    if content_end == "." and next_word.isupper() and lang == "fr":
        return None
    line_end = doc_text(doc).find("\n", end_char)
    line_end = len(doc_text(doc)) if line_end == -1 else line_end
    for tok in doc[closing.i + 1 : min(closing.i + 9, len(doc))]:
        if tok.idx >= line_end or tok.idx in quotes or tok.text in SENT_END or tok.text in QUOTE_PAIRS:
            return None
        if tok.text in ATTRIBUTION_PUNCT:
            continue
        if speech_lemma(tok, lang):
            return tok
        if tok.pos_ == "VERB":
            return None
    return None


_ADDRESSEE = re.compile(r"^(?:(?:à|a|au|aux|to|auprès d[eu']|devant)\b[^:,;«»“”\"]{0,60})?\s*[:,]?\s*$", re.I)


def _attribution_before(doc: Doc, start_char: int, lang: str, quotes: SpanSet) -> Token | None:
    """Speech verb introducing the quote: ``X a déclaré à l'AFP : « … »``, ``she said: "…"``."""
    start_char = mark_before(doc_text(doc), start_char) + 1
    opening = token_at(doc, max(start_char - 1, 0))
    if opening is None:
        return None
    line_start = doc_text(doc).rfind("\n", 0, start_char) + 1
    for tok in reversed(doc[max(opening.i - 15, 0) : opening.i]):
        if tok.idx < line_start or tok.idx in quotes or tok.text in SENT_END:
            return None
        if speech_lemma(tok, lang):
            between = doc_text(doc)[tok.idx + len(tok.text) : start_char - 1]
            return tok if _ADDRESSEE.match(between.strip()) else None
        if tok.pos_ == "VERB":
            return None
    return None


def _attribution_inside(doc: Doc, start: int, end: int, lang: str) -> Token | None:
    """An incise inside the quotation: ``« …, a-t-il ajouté. … »`` / ``"…," he said, "…"``."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for tok in span:
        if not speech_lemma(tok, lang):
            continue
        before = doc[max(tok.i - 3, span.start) : tok.i]
        after = doc[tok.i + 1 : min(tok.i + 3, span.end)]
        after_comma = any(t.text == "," for t in before)
        inverted = any(t.lower_.startswith("-t") or t.lower_ in ("-il", "-elle") for t in list(before) + list(after))
        subject = subject_of(tok)
        inverted = inverted or (subject is not None and subject.i > tok.i)
        if after_comma and inverted:
            return tok
    return None


def direct_quotes(doc: Doc, lang: str) -> list[Candidate]:
    spans = quoted_spans(doc)
    quoted = SpanSet(spans)
    out: list[Candidate] = []
    last_attributed: Candidate | None = None
    for start, end in spans:
        if doc_text(doc)[end - 1] == "," and end - start > 1:
            end -= 1
        content = doc_text(doc)[start:end]
        n_words = len(content.split())
        verb, rule = _attribution_after(doc, end, lang, quoted), "after"
        if verb is None:
            verb, rule = _attribution_before(doc, start, lang, quoted), "before"
        if verb is None:
            verb, rule = _attribution_inside(doc, start, end, lang), "inside"
        speaker = speaker_head(verb) if verb is not None and finite(verb) else None
        if verb is not None and rule == "after" and (speaker is None or speaker.idx < end):
            speaker = inverted_subject(verb)  # «…», a déclaré X: the subject follows the verb
        elif speaker is not None and start <= speaker.idx < end:
            speaker = inverted_subject(verb)
        if verb is not None and speaker is None and (n_words < 4 or not finite(verb)):
            verb = None
        if verb is not None and n_words >= 2:
            cand = Candidate("direct", f"direct_{rule}", (start, end), cue_span(verb), speaker,
                             0.85 if n_words >= 4 else 0.6)
            out.append(cand)
            last_attributed = cand
            continue
        if (last_attributed is not None and n_words >= 4 and _starts_sentence(doc, start)
                and _near(doc, last_attributed.content[1], start) and has_finite_verb(doc, start, end)):
            cand = Candidate("direct", "direct_floating", (start, end), None, None, 0.5, inherited=last_attributed)
            out.append(cand)
    return out


def _starts_sentence(doc: Doc, start: int) -> bool:
    before = doc_text(doc)[: mark_before(doc_text(doc), start)].rstrip(" \t")
    return not before or before[-1] in ".!?:\n…»”\""


def _near(doc: Doc, prev_end: int, start: int) -> bool:
    """Within the next paragraph and a few sentences of the previous attributed quote."""
    between = doc_text(doc)[prev_end:start]
    return between.count("\n\n") <= 1 and len(re.findall(r"[.!?]", between)) <= 3
