"""Reported speech the frames turn down, weighed by a learned scorer (``quote_candidates@1``).

The rules of ``indirect`` keep a speech verb only in the frames its lexicon row allows. Here every
other use of a speech verb from the lexicons (not already a quote's cue, not inside a quotation,
not overlapping a quote already found) is a *loose* candidate: its content is what the verb
governs to its right (complements and clauses, to the end of the sentence), its speaker the
verb's subject as the rules read it. A logistic model over general features of the parse (verb
class and form, voice, dependency role, what kind of complement, what kind of subject, negation,
content length) keeps those likely to be quotes; its threshold was chosen on the development half
so that the quotes' precision stays at or above 0.85. Model rows and folds as ``candidates``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache

import numpy as np
from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import quote_words, role_nouns, source_nouns, speech_frames, speech_tokens, speech_verbs
from recoupe.analysis.quotes.candidates import _FOLD, record, recorder
from recoupe.analysis.quotes.index import entities_in, is_person
from recoupe.analysis.quotes.syntax import Candidate, cue_span, finite, has_finite_verb, speaker_head
from recoupe.analysis.text import SpanSet, sentence_bounds, strip_span, trim_final_punct

QUOTE_MODEL_NAME = "quote_candidates"
CLASSES = ("say", "assert", "reveal", "admit", "deny", "dispute", "incise")
VERB_DEPS = ("ROOT", "ccomp", "conj", "advcl", "acl", "xcomp", "parataxis")
COMPLEMENTS = ("ccomp", "xcomp", "obj", "obl", "iobj", "advcl")
SUBJECTS = ("none", "pronoun", "person", "org", "role", "source", "noun", "other")
QFEATURES = (tuple(f"class_{c}" for c in CLASSES) + tuple(f"dep_{d}" for d in VERB_DEPS + ("other",))
             + tuple(f"comp_{c}" for c in COMPLEMENTS) + tuple(f"subject_{s}" for s in SUBJECTS)
             + ("finite", "participle", "infinitive", "passive", "negated", "mark_que", "log_words",
                "content_finite", "verb_after_subject", "french", "in_quotation_marks", "sentence_initial"))
# parts of the content that are what the verb governs
_CONTENT_DEPS = set(COMPLEMENTS) | {"obl:arg", "dobj", "prep", "pobj", "dative", "obl:mod"}


@lru_cache(maxsize=1)
def _model():
    from recoupe.analysis import linear_model

    try:
        return linear_model.load(QUOTE_MODEL_NAME)
    except FileNotFoundError:
        return None


def _content(verb: Token, lemma: str, lang: str) -> tuple[int, int] | None:
    """What the verb governs to its right, clipped to its sentence, edge punctuation off. The
    valency lexicon still holds: a noun object or a prepositional complement is content only in the
    frames ``speech_frames_<lang>.tsv`` lists for the verb (*appeler son frère* is not speech)."""
    frames = speech_frames(lang).get(lemma, frozenset())
    kids = [c for c in verb.children if c.i > verb.i and c.dep_ in _CONTENT_DEPS and _in_frame(c, frames)]
    if not kids:
        return None
    start = min(k.left_edge.idx for k in kids)
    right = max(k.right_edge for k in kids)
    end = min(right.idx + len(right.text), sentence_bounds(verb)[1])
    if end <= start:
        return None
    doc = verb.doc
    return trim_final_punct(doc, *strip_span(doc, start, end))


def _in_frame(child: Token, frames: frozenset[str]) -> bool:
    if child.dep_ in ("ccomp", "xcomp", "advcl"):
        return True  # a clause: what the speech verb reports
    if child.dep_ in ("obj", "dobj", "iobj", "dative"):
        return bool(frames & {"obj", "doc"})
    cases = {c.lower_ for c in child.children if c.dep_ in ("case", "mark")} | (
        {child.lower_} if child.dep_ == "prep" else set())
    return bool(cases & frames)


def _subject_kind(head: Token | None, lang: str) -> str:
    if head is None:
        return "none"
    words = quote_words(lang)
    if head.lower_.lstrip("-") in words.subject_pronouns:
        return "pronoun"
    if head.lower_ in words.first_person or head.lower_ in words.non_speakers:
        return "other"
    ents = entities_in(head.doc, head.idx, head.idx + len(head.text))
    if any(is_person(e) for e in ents):
        return "person"
    if ents:
        return "org"
    lemma = head.lemma_.lower()
    if lemma in role_nouns(lang) or head.lower_ in role_nouns(lang):
        return "role"
    if lemma in source_nouns(lang):
        return "source"
    return "noun" if head.pos_ in ("NOUN", "PROPN") else "other"


def _features(verb: Token, lemma: str, content: tuple[int, int], speaker: Token | None, lang: str,
              quoted: SpanSet) -> list[float]:
    x = dict.fromkeys(QFEATURES, 0.0)
    x[f"class_{speech_verbs(lang).get(lemma.split()[-1], 'say')}"] = 1.0
    x[f"dep_{verb.dep_ if verb.dep_ in VERB_DEPS else 'other'}"] = 1.0
    for c in verb.children:
        if c.i > verb.i and c.dep_ in COMPLEMENTS:
            x[f"comp_{c.dep_}"] = 1.0
        if c.dep_ in ("ccomp", "xcomp", "advcl") and any(m.dep_ == "mark" and m.lower_ in quote_words(lang).content_marks
                                                          for m in c.children):
            x["mark_que"] = 1.0
    x[f"subject_{_subject_kind(speaker, lang)}"] = 1.0
    form = verb.morph.get("VerbForm")
    x["finite"] = float(finite(verb))
    x["participle"] = float(form == ["Part"] and not finite(verb))
    x["infinitive"] = float(form == ["Inf"])
    x["passive"] = float(any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children) or "Pass" in verb.morph.get("Voice"))
    x["negated"] = float(any(c.dep_ in ("advmod", "neg") and c.lower_ in ("pas", "not", "n't", "jamais", "never")
                             for c in verb.children))
    text = doc_text(verb.doc)
    x["log_words"] = math.log1p(len(text[content[0]:content[1]].split()))
    x["content_finite"] = float(has_finite_verb(verb.doc, *content))
    x["verb_after_subject"] = float(speaker is not None and speaker.i < verb.i)
    x["french"] = float(lang == "fr")
    x["in_quotation_marks"] = float(content[0] in quoted or content[1] - 1 in quoted)
    x["sentence_initial"] = float(sentence_bounds(verb)[0] >= verb.idx - 1)
    return list(x.values())


def _overlaps(spans: SpanSet, start: int, end: int) -> bool:
    i = bisect_left(spans.starts, start)
    return start in spans or i < len(spans.starts) and spans.starts[i] < end


def loose_quotes(doc: Doc, lang: str, found: list[Candidate], quoted: SpanSet) -> list[Candidate]:
    """Loose candidates the scorer keeps (all of them recorded while training records)."""
    sink = recorder()
    model = _model()
    fold = _FOLD.get()
    if sink is None and (model is None or fold == -1):
        return []
    cues = SpanSet([c.cue for c in found if c.cue is not None])
    held = SpanSet([c.content for c in found])
    cands, rows = [], []
    for verb, lemma in speech_tokens(doc, lang):
        if verb.idx in quoted or verb.idx in cues:
            continue
        content = _content(verb, lemma, lang)
        if content is None or content[1] - content[0] < 8 or _overlaps(held, *content):
            continue
        speaker = speaker_head(verb)
        if speaker is not None and content[0] <= speaker.idx < content[1]:
            speaker = None
        cands.append(Candidate("indirect", "indirect_scored", content, cue_span(verb), speaker, 0.5))
        rows.append(_features(verb, lemma, content, speaker, lang, quoted))
    if not cands:
        return []
    X = np.array(rows)
    if sink is not None:
        for c, x in zip(cands, rows):
            record({"loose": True, "content": c.content, "text": doc_text(doc)[c.content[0]:c.content[1]], "X": x})
    if model is None or fold == -1:
        return []
    row = 0 if fold is None else 1 + fold
    row = row if row < len(model.coef) else 0
    p = 1.0 / (1.0 + np.exp(-(model.standardise(X) @ model.coef[row] + model.intercept[row])))
    threshold = float(model.meta["threshold"])
    kept = []
    for c, prob in zip(cands, p):
        if prob >= threshold and not any(k.content[0] < c.content[1] and c.content[0] < k.content[1] for k in kept):
            c.confidence = round(float(prob), 2)
            kept.append(c)
    return kept
