"""Who speaks: the speaker phrase of each quote resolved to an entity of the article.

Speakers are resolved in text order through the entity index (``doc._.entities``); a role noun
heading the speaker phrase (``un porte-parole de Facebook``) gives ``speaker_role`` and lets the
organisation speak; subject pronouns go to the most recent person who spoke or was a subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import quote_words, role_nouns, source_nouns
from recoupe.analysis.quotes.index import entities_in, entity_index, is_person
from recoupe.analysis.quotes.syntax import Candidate, phrase_bounds
from recoupe.analysis.text import char_span
from recoupe.model import Entity, Quote


def role_of(head: Token, lang: str) -> str | None:
    roles = role_nouns(lang)
    lemma = head.lemma_.lower()
    return roles.get(lemma) or roles.get(head.lower_)


def resolve(doc: Doc, cands: list[Candidate], lang: str) -> list[Quote]:
    """Speakers in text order, so pronouns find the latest person who spoke or acted."""
    quotes = []
    history: list[tuple[int, int, Entity]] = []  # (char, order, entity) of speakers, kept sorted
    subjects = _person_subjects(doc)
    for cand in sorted(cands, key=lambda c: (c.content[0], c.cue or (0, 0))):
        anchor = cand.cue[0] if cand.cue else cand.content[0]
        if cand.inherited is not None:
            prev = cand.inherited.result
            quote = Quote(kind="direct", cue=None, content=char_span(doc, *cand.content), speaker=prev.get("speaker"),
                          speaker_canonical=prev.get("canonical"), speaker_role=prev.get("role"),
                          producer="rule:quotes.direct_floating", confidence=cand.confidence)
            quotes.append(quote)
            continue
        speaker_span, canonical, role, confidence, entity = _resolve_speaker(doc, cand, lang, history, subjects, anchor)
        cand.result = {"speaker": speaker_span, "canonical": canonical, "role": role}
        if entity is not None:
            insort(history, (anchor, len(history), entity), key=lambda h: (h[0], h[1]))
        quotes.append(Quote(
            kind=cand.kind, cue=char_span(doc, *cand.cue) if cand.cue else None,
            content=char_span(doc, *cand.content), speaker=speaker_span, speaker_canonical=canonical,
            speaker_role=role, producer=f"rule:quotes.{cand.rule}", confidence=round(confidence, 2)))
    return quotes


def _person_subjects(doc: Doc) -> list[tuple[int, Entity]]:
    """People who are grammatical subjects (with their appositions), the antecedents for il/elle/he/she."""
    out = []
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and tok.pos_ not in ("PRON", "PUNCT", "DET"):
            people = [e for e in entities_in(doc, *phrase_bounds(tok)) if is_person(e)]
            if people:
                out.append((tok.idx, people[0]))
    return out


def _latest_before(anchor: int, history: list[tuple[int, int, Entity]], subjects: list[tuple[int, Entity]],
                   want: str) -> tuple[int, Entity] | None:
    """The latest speaker or person subject before ``anchor`` (a person when ``want`` is PER);
    both lists are sorted, so this is a bisection and a short walk back over non-persons."""
    best = None
    i = bisect_left(subjects, anchor, key=lambda h: h[0])
    if i:
        best = subjects[i - 1]  # every subject is a person
    j = bisect_left(history, anchor, key=lambda h: h[0])
    while j:
        j -= 1
        char, _, ent = history[j]
        if best is not None and char < best[0]:
            break
        if want == "ANY" or is_person(ent):
            if best is None or char >= best[0]:
                best = (char, ent)
            break
    return best


def _resolve_speaker(doc, cand, lang, history, subjects, anchor):
    head = cand.speaker_token
    confidence = cand.confidence
    if head is None:
        return None, None, None, confidence * 0.7, None
    low = head.lower_.lstrip("-")
    pronouns = quote_words(lang).subject_pronouns
    if low in pronouns:
        want = pronouns.get(low, "PER")
        span = char_span(doc, head.idx, head.idx + len(head.text))
        found = _latest_before(anchor, history, subjects, want)
        if found is not None:
            ent = found[1]
            return span, ent.canonical, first_role(ent, lang), confidence * 0.75, ent
        fallback = entity_index(doc).last_person_before(anchor)  # no person subject yet: the last person named
        if fallback is not None:
            ent = fallback[1]
            return span, ent.canonical, first_role(ent, lang), confidence * 0.6, ent
        return span, None, None, confidence * 0.5, None
    bounds = cand.speaker_span or phrase_bounds(head, keep_acl=cand.kind == "according_to")
    for ent in entities_in(doc, head.idx, head.idx + len(head.text)):
        for m in ent.mentions:
            if m.start < head.idx + len(head.text) and head.idx < m.end:
                bounds = (min(bounds[0], m.start), max(bounds[1], m.end))
    span = char_span(doc, *bounds)
    role = role_of(head, lang)
    core = _core_bounds(head, bounds)
    people = [e for e in entities_in(doc, *core) if e.label == "PER"]
    # an organisation speaks through a role or source noun (un porte-parole de X, un rapport de X)
    speaks_for = role or head.pos_ != "NOUN" or head.lemma_.lower() in source_nouns(lang)
    orgs = [e for e in entities_in(doc, *(bounds if speaks_for else core)) if e.label in ("ORG", "MISC")]
    people = people or [e for e in entities_in(doc, *core) if is_person(e)]
    if people:
        ent = people[0]
        return span, _canonical_within(doc, ent, bounds), role or first_role(ent, lang), confidence, ent
    if orgs:
        ent = orgs[0]
        return span, _canonical_within(doc, ent, bounds), role, confidence, ent
    if head.pos_ in ("PROPN", "X") and head.text[:1].isupper():
        named = entity_index(doc).named(span.text)
        if named is not None:
            return span, named.canonical, role, confidence, named
        return span, span.text, role, confidence * 0.8, None
    return span, None, role, confidence * 0.8, None


def _core_bounds(head: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """The head with its name parts and appositions (``le porte-parole, Chris Meagher``), not its
    complements: in ``l'adjoint du ministre X`` the speaker is not X."""
    ids = {head.i}
    for child in head.children:
        if child.dep_ in ("appos", "flat:name", "flat", "compound", "amod", "det"):
            ids.update(t.i for t in child.subtree)
    doc = head.doc
    start = max(bounds[0], doc[min(ids)].idx)
    end = min(bounds[1], doc[max(ids)].idx + len(doc[max(ids)].text))
    if head.pos_ in ("PROPN", "X"):
        return bounds
    return start, end


def _canonical_within(doc: Doc, ent: Entity, bounds: tuple[int, int]) -> str:
    """The entity's canonical name, unless its only mentions spill out of the speaker phrase
    (an NER span such as ``Mediapart, la ministre``): then the part inside the phrase."""
    inside = [m for m in ent.mentions if bounds[0] <= m.start and m.end <= bounds[1]]
    if inside or not ent.mentions:
        return ent.canonical
    overlapping = [m for m in ent.mentions if m.start < bounds[1] and bounds[0] < m.end]
    if not overlapping:
        return ent.canonical
    m = overlapping[0]
    return doc_text(doc)[max(m.start, bounds[0]) : min(m.end, bounds[1])].strip(" ,;:")


def first_role(ent: Entity, lang: str = "fr") -> str | None:
    """The entity's first apposed role, normalised through the role-noun table when it can be."""
    if not ent.roles:
        return None
    text = ent.roles[0].text
    table = role_nouns(lang)
    for word in re.findall(r"[\w-]+", text.lower()):
        if word in table:
            return table[word]
    return text
