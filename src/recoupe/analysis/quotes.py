"""Quotes and their speakers (French and English): who is reported as saying what.

Three kinds, found by separate rules and merged in text order:

* ``direct``: text between quotation marks (« », “ ”, "…") attributed by a speech verb placed
  after it (``», a déclaré X`` / ``," she said``), before it (``X a déclaré : « … »``) or inside it
  as an incise (``« …, a-t-il ajouté. … »``); a quoted sentence with no verb that follows an
  attributed quote is a *floating* continuation of the same speaker.
* ``indirect``: a speech verb from the lexicon governing a clause in the dependency parse
  (``a confirmé que``, ``said that``, English bare complements), or a French incise without
  quotation marks (``…, a indiqué le ministère.``).
* ``according_to``: ``selon X``, ``d'après X``, ``à en croire X``, ``according to X``, ``un rapport
  selon lequel…`` and ``c'est ce que révèle X``.

Speakers are resolved through ``recoupe.analysis.entities.entities_at``; a role noun heading the
speaker phrase (``un porte-parole de Facebook``) gives ``speaker_role`` and lets the organisation
speak; subject pronouns go to the most recent person who spoke or was a subject (confidence lower).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis.entities import entities_at, find_entities
from recoupe.analysis.lexicons import (
    SUBJECT_DEPS,
    language_of,
    role_nouns,
    source_nouns,
    speech_lemma,
    speech_verbs,
)
from recoupe.model import Entity, Quote, Span

QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}
STRAIGHT = '"'
SUBJECT_PRONOUNS = {
    "fr": {"il": "PER", "elle": "PER", "ils": "ANY", "elles": "ANY", "celui-ci": "PER", "celle-ci": "PER"},
    "en": {"he": "PER", "she": "PER", "they": "ANY"},
}
REFLEXIVE_NOT_SPEECH = {"assurer", "rendre", "rappeler", "attendre", "apercevoir", "douter", "engager"}
NON_SPEAKERS = {"ce", "c'", "c’", "cela", "ça", "ceci", "personne", "nul", "rien", "aucun", "aucune", "chacun", "tout",
                "l'", "l’", "ceux", "celles",
                "this", "it", "nobody", "no one", "nothing", "everyone", "one"}
FIRST_PERSON = {"je", "j'", "j’", "nous", "on", "i", "we", "you", "vous", "tu", "-je", "-nous", "-on", "-vous"}
RELATIVE_PRONOUNS = {"qui", "who", "which", "that", "lequel", "laquelle"}  # subject -> antecedent
SELON_RELATIVES = {"lequel", "laquelle", "lesquels", "lesquelles", "qui", "quoi"}
CONTENT_MARKS = {"fr": {"que", "qu'", "qu’", "si", "s'", "s’"}, "en": {"that", "whether", "if"}}
QUESTION_MARKS = {"si", "s'", "s’", "whether", "if"}
ASKING_VERBS = {"demander", "interroger", "questionner", "enquérir", "ask", "wonder", "inquire", "enquire", "question"}
ATTRIBUTION_PUNCT = {",", "—", "–", "-", ":", ")", "("}
SENT_END = {".", "!", "?", "…"}


@dataclass
class Candidate:
    """A quote before its speaker is resolved (resolution needs all quotes in text order)."""

    kind: str
    rule: str
    content: tuple[int, int]  # char offsets
    cue: tuple[int, int] | None
    speaker_token: Token | None
    confidence: float
    speaker_span: tuple[int, int] | None = None
    inherited: "Candidate | None" = None
    result: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------- helpers


def _char_span(doc: Doc, start: int, end: int) -> Span:
    return Span(text=doc_text(doc)[start:end], start=start, end=end)


def _strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and edge punctuation (keeps inner punctuation)."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """(content_start, content_end) of every quotation, paired per paragraph; shared with irony."""
    spans = []
    text = doc_text(doc)
    for para in re.finditer(r"[^\n]+", text):
        p_start, chunk = para.start(), para.group()
        stack: list[tuple[str, int]] = []
        straight_open: int | None = None
        for i, ch in enumerate(chunk):
            if ch in QUOTE_PAIRS and not (ch == "“" and stack and stack[-1][0] == "„"):
                stack.append((ch, i))
            elif stack and ch == QUOTE_PAIRS[stack[-1][0]]:
                opener, at = stack.pop()
                if not stack:
                    spans.append((p_start + at + 1, p_start + i))
            elif ch == STRAIGHT:
                if straight_open is None:
                    straight_open = i
                else:
                    spans.append((p_start + straight_open + 1, p_start + i))
                    straight_open = None
    return sorted(_strip_whitespace(text, *s) for s in spans if s[1] > s[0] and text[s[0]:s[1]].strip())


CLOSING_MARKS = set(QUOTE_PAIRS.values()) | {STRAIGHT}


def mark_after(text: str, end: int) -> int:
    """Index of the closing quotation mark at or after a (whitespace-stripped) content end."""
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return i if i < len(text) and text[i] in CLOSING_MARKS else end


def mark_before(text: str, start: int) -> int:
    """Index of the opening quotation mark before a (whitespace-stripped) content start."""
    i = start - 1
    while i > 0 and text[i].isspace():
        i -= 1
    return i


def _strip_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cue_span(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries and the negation between them (``n'a pas dit``, ``a-t-il ajouté``)."""
    tokens = [verb] + [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    left = min(t.i for t in tokens)
    return verb.doc[left].idx, verb.idx + len(verb.text)


def _subject_of(verb: Token) -> Token | None:
    """Syntactic subject, climbing from an infinitive or participle to the verb that carries it."""
    non_finite = verb.morph.get("VerbForm") in (["Inf"], ["Part"], ["Ger"]) and not any(
        c.dep_.startswith("aux") for c in verb.children)
    climbs = ("xcomp", "conj", "advcl", "acl") if non_finite else ("xcomp", "conj")
    for tok in (verb, verb.head if verb.dep_ in climbs else None):
        if tok is None:
            continue
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.dep_ not in ("agent", "obl:agent")]
        if subjects:
            return subjects[0]
    # "a-t-il ajouté": the pronoun may hang off the auxiliary or be mis-attached
    doc = verb.doc
    for i in range(max(verb.i - 3, 0), min(verb.i + 2, len(doc))):
        if doc[i].lower_ in ("-il", "-elle", "-ils", "-elles", "-on", "-je", "-nous", "-vous"):
            return doc[i]
    return None


TIME_NOUNS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir", "jour",
              "semaine", "mois", "année", "an", "hier", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday", "week", "month", "year", "morning", "evening", "night", "day"}


def _inverted_subject(verb: Token) -> Token | None:
    """``…, a déclaré (ce mardi) le ministre``: the first noun after the verb that is not a time or an oblique."""
    doc = verb.doc
    line_end = sentence_bounds(verb)[1]
    i = verb.i + 1
    while i < min(verb.i + 8, len(doc)) and doc[i].idx < line_end:
        tok = doc[i]
        if tok.lower_ in TIME_NOUNS:
            i += 1
            continue
        if tok.pos_ == "ADP":  # an oblique (à l'AFP, to reporters): skip the whole phrase
            i = max(tok.head.right_edge.i, i) + 1 if tok.head.i > tok.i else i + 1
            continue
        if tok.pos_ in ("PROPN", "NOUN") or (tok.pos_ == "X" and tok.text[:1].isupper()):
            return tok
        if tok.pos_ not in ("DET", "ADJ", "ADV", "ADP") and tok.text != ",":
            return None
        i += 1
    return None


def _antecedent(pron: Token) -> Token | None:
    """Antecedent of a relative pronoun subject: the noun just before it (``X, qui affirme que``)."""
    doc = pron.doc
    i = pron.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i >= 0 and (doc[i].pos_ in ("PROPN", "NOUN") or doc[i].text[:1].isupper()):
        tok = doc[i]
        while tok.dep_ in ("flat:name", "flat", "compound", "nmod") and tok.head.i < tok.i and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        return tok
    return None


def _phrase_bounds(head: Token, keep_acl: bool = False) -> tuple[int, int]:
    """Char span of a noun phrase (with its appositions) without relative clauses or edge punctuation."""
    excluded = {"acl:relcl", "relcl", "ccomp", "parataxis", "advcl", "conj", "cc"}
    if not keep_acl:
        excluded |= {"acl"}
    ids = {head.i}
    stack = [head]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in excluded:
                ids.add(child.i)
                stack.append(child)
    left = right = head.i
    while left - 1 in ids:
        left -= 1
    while right + 1 in ids:
        right += 1
    doc = head.doc
    while right > head.i and (doc[right].is_punct or doc[right].pos_ in ("ADP", "CCONJ", "DET")):
        right -= 1
    while left < head.i and (doc[left].is_punct or doc[left].pos_ in ("ADP", "CCONJ")):
        left += 1
    line_start = doc_text(doc).rfind("\n", 0, head.idx) + 1
    line_end = doc_text(doc).find("\n", head.idx)
    line_end = len(doc_text(doc)) if line_end == -1 else line_end
    while doc[left].idx < line_start:
        left += 1
    while doc[right].idx >= line_end:
        right -= 1
    if head.pos_ in ("PROPN", "X") or head.text[:1].isupper():
        while left > 0 and doc[left - 1].text[:1].isupper() and doc[left - 1].pos_ in ("PROPN", "X", "NOUN") and not doc[left - 1].is_sent_start:
            left -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _impersonal_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "auxpass") or (c.dep_.startswith("aux") and c.lemma_ == "être")
               for c in verb.children) and verb.lemma_ not in ("exprimer", "écrier", "exclamer", "interroger")


def _speaker_head(verb: Token) -> Token | None:
    """The token heading the speaker phrase (subject, inverted subject, or a relative's antecedent)."""
    doc = verb.doc
    subject = _subject_of(verb)
    if subject is not None and subject.lower_ in ("-t", "-t-"):  # "a-t-il": the pronoun follows
        nxt = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
        subject = nxt if nxt is not None and nxt.lower_.startswith("-") else None
    if subject is not None and subject.lower_ in ("-il", "il") and _impersonal_passive(verb):
        return None  # "est-il écrit dans le rapport": impersonal, nobody speaks
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
        subject = _antecedent(subject)
    if subject is None or subject.dep_ == "expl:subj" or subject.lower_ in ("ce", "c'", "c’", "cela", "ça"):
        inverted = _inverted_subject(verb)
        if inverted is not None:
            return inverted
    return subject


def sentence_bounds(tok: Token) -> tuple[int, int]:
    """The parser's sentence cut at line breaks (bullets and headlines often lack a full stop)."""
    doc = tok.doc
    sent = tok.sent
    start = max(sent.start_char, doc_text(doc).rfind("\n", 0, tok.idx) + 1)
    nl = doc_text(doc).find("\n", tok.idx)
    end = min(sent.end_char, nl if nl != -1 else len(doc_text(doc)))
    return start, end


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in spans)


# ---------------------------------------------------------------------------- direct quotes


def _attribution_after(doc: Doc, end_char: int, lang: str, quotes: list[tuple[int, int]]) -> Token | None:
    """Speech verb right after a closing mark: ``», a déclaré X`` / ``," she said``."""
    content_end = doc_text(doc)[:end_char].rstrip()[-1:]
    end_char = mark_after(doc_text(doc), end_char)
    closing = _token_at(doc, end_char)
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
        if tok.idx >= line_end or _inside(tok.idx, quotes) or tok.text in SENT_END or tok.text in QUOTE_PAIRS:
            return None
        if tok.text in ATTRIBUTION_PUNCT:
            continue
        if speech_lemma(tok, lang):
            return tok
        if tok.pos_ == "VERB":
            return None
    return None


_ADDRESSEE = re.compile(r"^(?:(?:à|a|au|aux|to|auprès d[eu']|devant)\b[^:,;«»“”\"]{0,60})?\s*[:,]?\s*$", re.I)


def _attribution_before(doc: Doc, start_char: int, lang: str, quotes: list[tuple[int, int]]) -> Token | None:
    """Speech verb introducing the quote: ``X a déclaré à l'AFP : « … »``, ``she said: "…"``."""
    start_char = mark_before(doc_text(doc), start_char) + 1
    opening = _token_at(doc, max(start_char - 1, 0))
    if opening is None:
        return None
    line_start = doc_text(doc).rfind("\n", 0, start_char) + 1
    for tok in reversed(doc[max(opening.i - 15, 0) : opening.i]):
        if tok.idx < line_start or _inside(tok.idx, quotes) or tok.text in SENT_END:
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
        subject = _subject_of(tok)
        inverted = inverted or (subject is not None and subject.i > tok.i)
        if after_comma and inverted:
            return tok
    return None


def _direct_quotes(doc: Doc, lang: str) -> list[Candidate]:
    spans = quoted_spans(doc)
    out: list[Candidate] = []
    last_attributed: Candidate | None = None
    for start, end in spans:
        if doc_text(doc)[end - 1] == "," and end - start > 1:
            end -= 1
        content = doc_text(doc)[start:end]
        n_words = len(content.split())
        verb, rule = _attribution_after(doc, end, lang, spans), "after"
        if verb is None:
            verb, rule = _attribution_before(doc, start, lang, spans), "before"
        if verb is None:
            verb, rule = _attribution_inside(doc, start, end, lang), "inside"
        speaker = _speaker_head(verb) if verb is not None and _finite(verb) else None
        if verb is not None and rule == "after" and (speaker is None or speaker.idx < end):
            speaker = _inverted_subject(verb)  # «…», a déclaré X: the subject follows the verb
        elif speaker is not None and start <= speaker.idx < end:
            speaker = _inverted_subject(verb)
        if verb is not None and speaker is None and (n_words < 4 or not _finite(verb)):
            verb = None
        if verb is not None and n_words >= 2:
            cand = Candidate("direct", f"direct_{rule}", (start, end), _cue_span(verb), speaker,
                             0.85 if n_words >= 4 else 0.6)
            out.append(cand)
            last_attributed = cand
            continue
        if (last_attributed is not None and n_words >= 4 and _starts_sentence(doc, start)
                and _near(doc, last_attributed.content[1], start) and _has_finite_verb(doc, start, end)):
            cand = Candidate("direct", "direct_floating", (start, end), None, None, 0.5, inherited=last_attributed)
            out.append(cand)
    return out


def _has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                    for t in span)


def _finite(verb: Token) -> bool:
    """A finite verb or a participle with its auxiliary (``a déclaré``), not a bare participle/adjective."""
    return "Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children) \
        or verb.tag_ in ("VBD", "VBZ", "VBP")


def _starts_sentence(doc: Doc, start: int) -> bool:
    before = doc_text(doc)[: mark_before(doc_text(doc), start)].rstrip(" \t")
    return not before or before[-1] in ".!?:\n…»”\""


def _near(doc: Doc, prev_end: int, start: int) -> bool:
    """Within the next paragraph and a few sentences of the previous attributed quote."""
    between = doc_text(doc)[prev_end:start]
    return between.count("\n\n") <= 1 and len(re.findall(r"[.!?]", between)) <= 3


# ---------------------------------------------------------------------------- indirect speech


_NOT_COMPLEMENTIZER = {"ce", "plus", "moins", "autant", "tant", "ainsi", "bien", "même", "alors", "avant",
                       "après", "pour", "sans", "dès", "parce", "tandis", "lors", "si", "tel", "telle", "sorte"}


def _hypothetical_speech(verb: Token) -> bool:
    """``aurait dû lui rétorquer que``, ``pourrait dire que``: speech under a conditional modal did not
    happen (while ``aurait déclaré que``, the journalistic conditional, is still a report)."""
    from recoupe.analysis.hedges import MODAL_CONDITIONAL, is_conditional

    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in MODAL_CONDITIONAL | {"vouloir", "falloir"}:
        return False
    return is_conditional(head) or any(is_conditional(c) for c in head.children if c.dep_.startswith("aux"))


def _content_start(verb: Token, lang: str) -> Token | None:
    """The complementizer opening the reported clause (``que``, ``that``), from the parse or the surface.

    The surface backup covers parses that attach ``que`` wrongly: the first ``que``/``that`` within a
    few tokens after the verb, with no other verb in between.
    """
    marks = CONTENT_MARKS[lang]
    for child in verb.children:
        if child.dep_ not in ("ccomp", "xcomp", "advcl", "obj", "dobj") or child.i < verb.i:
            continue
        child_marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in marks]
        if child_marks and (child_marks[0].lower_ not in QUESTION_MARKS or verb.lemma_.lower() in ASKING_VERBS):
            return child_marks[0]
        if lang == "en" and child.dep_ == "ccomp" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return child.left_edge
    doc = verb.doc
    end = sentence_bounds(verb)[1]
    for tok in doc[verb.i + 1 : min(verb.i + 8, len(doc))]:
        if tok.idx >= end or tok.pos_ == "VERB" or tok.text in SENT_END or tok.dep_ in ("obj", "dobj"):
            return None
        if tok.lower_ in marks and tok.lower_ not in ("si", "s'", "s’", "if") and (tok.dep_ == "mark" or tok.pos_ == "SCONJ"):
            prev = doc[tok.i - 1].lower_
            return None if prev in _NOT_COMPLEMENTIZER else tok
    return None


def _clause_bounds(start: Token) -> tuple[int, int]:
    """From the complementizer to the end of its sentence (line-bounded), final punctuation off."""
    doc = start.doc
    end = sentence_bounds(start)[1]
    return _trim_final_punct(doc, start.idx, end)


def _indirect_quotes(doc: Doc, lang: str, direct_spans: list[tuple[int, int]], used_cues: set[int]) -> list[Candidate]:
    out = []
    for verb in doc:
        if verb.i in used_cues or _inside(verb.idx, direct_spans):
            continue
        lemma = speech_lemma(verb, lang)
        if not lemma or verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"]:
            continue
        if verb.morph.get("VerbForm") == ["Ger"] or (lang == "en" and verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children)):
            continue
        speaker = _speaker_head(verb)
        if speaker is None or speaker.lower_ in FIRST_PERSON or speaker.lower_ in NON_SPEAKERS:
            continue
        if verb.lemma_ in REFLEXIVE_NOT_SPEECH and any(c.lower_ in ("se", "s'", "s’", "me", "m'", "m’", "nous", "vous")
                                                       and c.i < verb.i for c in verb.children):
            continue  # "s'assurer que" (make sure), not "assurer que" (assure)
        if _hypothetical_speech(verb):
            continue
        # manner verbs (sourit-il, poursuit-elle) report speech only as an incise, never with "que"
        clause = _content_start(verb, lang) if speech_verbs(lang).get(lemma) != "incise" else None
        if clause is not None:
            out.append(Candidate("indirect", "indirect_clause", _clause_bounds(clause), _cue_span(verb), speaker, 0.8))
            continue
        incise = _incise_content(verb, lang)
        if incise is not None:
            out.append(Candidate("indirect", "indirect_incise", incise, _cue_span(verb), speaker, 0.6))
    return out


def _incise_content(verb: Token, lang: str) -> tuple[int, int] | None:
    """Reported speech before a closing speech verb: ``Le projet est abandonné, a indiqué X.``."""
    doc = verb.doc
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if not _finite(verb):
        return None
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
    if objects and not _credible_source(objects[0], _phrase_bounds(objects[0]), lang):
        return None  # "a condamné l'invasion": a transitive use, not an incise
    first = min([verb.i] + [c.i for c in auxiliaries])
    sent_start, _ = sentence_bounds(verb)
    if lang == "fr" and (first < 1 or doc[first - 1].idx <= sent_start or doc[first - 1].text not in (",", "—", "–")):
        return None
    if lang == "en":  # "The plant will close, the union said." (the parser makes the clause a ccomp)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        subject = _subject_of(verb)
        if clause is None or subject is None or subject.i > verb.i:
            return None
        comma = subject.left_edge.i - 1
        if comma <= clause.i or doc[comma].text not in (",", "—", "–"):
            return None
        return _strip_bullets(doc, *_strip_span(doc, clause.left_edge.idx, doc[comma].idx))
    subject = _subject_of(verb)
    inverted = subject is None or subject.i > verb.i or subject.lower_.startswith("-")
    if not inverted:
        return None
    return _strip_bullets(doc, *_strip_span(doc, sent_start, doc[first - 1].idx))


# ---------------------------------------------------------------------------- according to


def _according_to(doc: Doc, lang: str) -> list[Candidate]:
    out = []
    for tok in doc:
        low = tok.lower_
        cue_end = tok
        if lang == "fr":
            if low == "selon":
                pass
            elif low in ("d'", "d’") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "après":
                cue_end = doc[tok.i + 1]
            elif low == "à" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "en" and doc[tok.i + 2].lower_ == "croire":
                cue_end = doc[tok.i + 2]
            else:
                continue
        else:
            if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cue_end = doc[tok.i + 1]
            else:
                continue
        if cue_end.i + 1 >= len(doc):
            continue
        nxt = doc[cue_end.i + 1]
        if nxt.lower_ in ("que", "qu'", "qu’", "moi", "nous", "me", "us"):
            continue
        if lang == "fr" and nxt.lower_ in SELON_RELATIVES:
            cand = _selon_relative(doc, tok, nxt)
        else:
            cand = _selon_phrase(doc, tok, cue_end, nxt, lang)
        if cand is not None:
            out.append(cand)
    out.extend(_ce_que_revele(doc, lang))
    return out


def _source_head(first: Token) -> Token:
    """The head noun of the phrase starting at ``first`` (the token after the preposition)."""
    tok = first
    while tok.head.i > tok.i and tok.head.i - first.i < 6 and tok.dep_ in ("det", "amod", "nummod", "advmod", "case"):
        tok = tok.head
    if tok.pos_ in ("DET", "ADJ", "NUM") and tok.head is not tok:
        tok = tok.head
    return tok


def _credible_source(head: Token, bounds: tuple[int, int], lang: str) -> bool:
    """Attributive only when the phrase names a speaker, a source document or a pronoun."""
    doc = head.doc
    if head.pos_ == "PRON" or head.pos_ == "PROPN":
        return True
    if head.lemma_.lower() in source_nouns(lang) or head.lemma_.lower() in role_nouns(lang):
        return True
    return _entity_in(doc, *bounds) is not None


def _selon_phrase(doc: Doc, cue: Token, cue_end: Token, first: Token, lang: str) -> Candidate | None:
    head = _source_head(first)
    phrase_end = _phrase_bounds(head, keep_acl=True)[1]
    comma = doc_text(doc).find(",", first.idx, phrase_end)
    phrase_end = comma if comma != -1 else phrase_end
    bounds = _trim_final_punct(doc, first.idx, max(phrase_end, first.idx + len(first.text)))
    if not _credible_source(head, bounds, lang):
        return None
    sent_start, sent_end = sentence_bounds(cue)
    before = doc_text(doc)[sent_start:cue.idx].strip(" \t•-–*·")
    after = doc_text(doc)[bounds[1]:sent_end].strip(" \t.,;!?—–")
    if not before:
        content = _strip_span(doc, bounds[1], sent_end)
        first_content = _token_at(doc, content[0])
        if first_content is not None and first_content.dep_ == "appos" and first_content.head.i <= head.i + 3:
            comma = doc_text(doc).find(",", first_content.idx, sent_end)  # "Selon X, directeur de Y, …"
            content = _strip_span(doc, comma + 1, sent_end) if comma != -1 else content
    elif not after:
        content = _strip_span(doc, sent_start, cue.idx)
    else:
        content = (sent_start, sent_end)
    content = _strip_bullets(doc, *_trim_final_punct(doc, *content))
    if content[1] <= content[0]:
        return None
    cand = Candidate("according_to", "according_to", content, (cue.idx, cue_end.idx + len(cue_end.text)), head, 0.8)
    cand.speaker_span = bounds
    return cand


def _selon_relative(doc: Doc, cue: Token, relative: Token) -> Candidate | None:
    """``un rapport (de X) selon lequel …``: the source is the noun phrase before ``selon``."""
    i = cue.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ in ("ADJ", "ADP", "DET")):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = doc[i]
    while head.dep_ in ("nmod", "flat:name", "flat") and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    bounds = (_phrase_bounds(head)[0], doc[i].idx + len(doc[i].text))
    content = _trim_final_punct(doc, *_strip_span(doc, relative.idx + len(relative.text), sentence_bounds(relative)[1]))
    cand = Candidate("according_to", "according_to_relative", content,
                     (cue.idx, relative.idx + len(relative.text)), head, 0.75)
    cand.speaker_span = bounds
    return cand


def _ce_que_revele(doc: Doc, lang: str) -> list[Candidate]:
    """``C'est ce que révèle X`` points back at the previous sentence."""
    out = []
    if lang != "fr":
        return out
    for verb in doc:
        if not speech_lemma(verb, lang):
            continue
        objs = [c for c in verb.children if c.lower_ in ("que", "qu'", "qu’") and c.pos_ == "PRON"]
        if not objs or verb.dep_ not in ("acl:relcl",) or verb.head.lower_ != "ce" or verb.head.i + 2 != verb.i:
            continue
        if not re.match(r"(?i)\W*c['’]est ce qu", doc_text(doc)[sentence_bounds(verb)[0] : verb.idx]):
            continue
        sent_start, _ = sentence_bounds(verb)
        previous = _token_at(doc, doc_text(doc)[:sent_start].rstrip().__len__() - 1) if sent_start > 0 else None
        speaker = _subject_of(verb) or _inverted_subject(verb)
        if previous is None or speaker is None:
            continue
        start, end = sentence_bounds(previous)
        if end <= start:  # the parser hung the previous line's full stop on this sentence
            text = doc_text(doc)
            start = text.rfind("\n", 0, previous.idx) + 1
            end = len(text[:previous.idx + len(previous.text)])
        content = _trim_final_punct(doc, *_strip_span(doc, start, end))
        content = _strip_bullets(doc, *content)
        if content[1] <= content[0]:
            continue
        out.append(Candidate("according_to", "according_to_ce_que", content, _cue_span(verb), speaker, 0.6))
    return out


def _trim_final_punct(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end > start and (doc_text(doc)[end - 1] in ".;,!?—– \n" ):
        end -= 1
    return start, end


def _strip_bullets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc_text(doc)[start] in "•-–*· \n\t"):
        start += 1
    return start, end


# ---------------------------------------------------------------------------- speakers


def _entity_in(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity mentioned in the char range, persons first."""
    found = _entities_in(doc, start, end)
    people = [e for e in found if e.label == "PER"]
    return (people or found or [None])[0]


def _entities_in(doc: Doc, start: int, end: int) -> list[Entity]:
    _doc_entities(doc)
    return entities_at(doc, start, end)


def _doc_entities(doc: Doc) -> list[Entity]:
    """The lead's resolved entities when the component ran, else a doc.ents fallback."""
    if Doc.has_extension("entities") and doc._.entities is not None:
        return doc._.entities
    doc._.entities = find_entities(doc)
    return doc._.entities


def _role_of(head: Token, lang: str) -> str | None:
    roles = role_nouns(lang)
    lemma = head.lemma_.lower()
    return roles.get(lemma) or roles.get(head.lower_)


def _resolve(doc: Doc, cands: list[Candidate], lang: str) -> list[Quote]:
    """Speakers in text order, so pronouns find the latest person who spoke or acted."""
    quotes = []
    history: list[tuple[int, Entity]] = []  # (char, entity) of speakers and person subjects
    subjects = _person_subjects(doc)
    for cand in sorted(cands, key=lambda c: (c.content[0], c.cue or (0, 0))):
        anchor = cand.cue[0] if cand.cue else cand.content[0]
        if cand.inherited is not None:
            prev = cand.inherited.result
            quote = Quote(kind="direct", cue=None, content=_char_span(doc, *cand.content), speaker=prev.get("speaker"),
                          speaker_canonical=prev.get("canonical"), speaker_role=prev.get("role"),
                          producer="rule:quotes.direct_floating", confidence=cand.confidence)
            quotes.append(quote)
            continue
        speaker_span, canonical, role, confidence, entity = _resolve_speaker(doc, cand, lang, history, subjects, anchor)
        cand.result = {"speaker": speaker_span, "canonical": canonical, "role": role}
        if entity is not None:
            history.append((anchor, entity))
        quotes.append(Quote(
            kind=cand.kind, cue=_char_span(doc, *cand.cue) if cand.cue else None,
            content=_char_span(doc, *cand.content), speaker=speaker_span, speaker_canonical=canonical,
            speaker_role=role, producer=f"rule:quotes.{cand.rule}", confidence=round(confidence, 2)))
    return quotes


def _person_subjects(doc: Doc) -> list[tuple[int, Entity]]:
    """People who are grammatical subjects (with their appositions), the antecedents for il/elle/he/she."""
    out = []
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and tok.pos_ not in ("PRON", "PUNCT", "DET"):
            people = [e for e in _entities_in(doc, *_phrase_bounds(tok)) if _is_person(e)]
            if people:
                out.append((tok.idx, people[0]))
    return out


def _is_person(ent: Entity) -> bool:
    """PER, or a MISC that looks like a full personal name (the NER sometimes labels people MISC)."""
    words = ent.canonical.split()
    return ent.label == "PER" or (ent.label == "MISC" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words))


def _last_person_mention(doc: Doc, before: int) -> tuple[int, Entity] | None:
    best = None
    for ent in _doc_entities(doc):
        if not _is_person(ent):
            continue
        for m in ent.mentions:
            if m.end <= before and (best is None or m.start > best[0]):
                best = (m.start, ent)
    return best


def _resolve_speaker(doc, cand, lang, history, subjects, anchor):
    head = cand.speaker_token
    confidence = cand.confidence
    if head is None:
        return None, None, None, confidence * 0.7, None
    low = head.lower_.lstrip("-")
    if low in SUBJECT_PRONOUNS[lang] or (lang == "fr" and low in ("lui", "eux")):
        want = SUBJECT_PRONOUNS[lang].get(low, "PER")
        pool = sorted([h for h in history + subjects if h[0] < anchor], key=lambda h: h[0])
        pool = [h for h in pool if want == "ANY" or _is_person(h[1])]
        span = _char_span(doc, head.idx, head.idx + len(head.text))
        if pool:
            ent = pool[-1][1]
            return span, ent.canonical, _first_role(ent, lang), confidence * 0.75, ent
        fallback = _last_person_mention(doc, anchor)  # no person subject yet: the last person named
        if fallback is not None:
            ent = fallback[1]
            return span, ent.canonical, _first_role(ent, lang), confidence * 0.6, ent
        return span, None, None, confidence * 0.5, None
    bounds = cand.speaker_span or _phrase_bounds(head, keep_acl=cand.kind == "according_to")
    for ent in _entities_in(doc, head.idx, head.idx + len(head.text)):
        for m in ent.mentions:
            if m.start < head.idx + len(head.text) and head.idx < m.end:
                bounds = (min(bounds[0], m.start), max(bounds[1], m.end))
    span = _char_span(doc, *bounds)
    role = _role_of(head, lang)
    core = _core_bounds(head, bounds)
    people = [e for e in _entities_in(doc, *core) if e.label == "PER"]
    # an organisation speaks through a role or source noun (un porte-parole de X, un rapport de X)
    speaks_for = role or head.pos_ != "NOUN" or head.lemma_.lower() in source_nouns(lang)
    orgs = [e for e in _entities_in(doc, *(bounds if speaks_for else core)) if e.label in ("ORG", "MISC")]
    people = people or [e for e in _entities_in(doc, *core) if _is_person(e)]
    if people:
        ent = people[0]
        return span, _canonical_within(doc, ent, bounds), role or _first_role(ent, lang), confidence, ent
    if orgs:
        ent = orgs[0]
        return span, _canonical_within(doc, ent, bounds), role, confidence, ent
    if head.pos_ in ("PROPN", "X") and head.text[:1].isupper():
        from recoupe.analysis.entities import fold

        named = next((e for e in _doc_entities(doc) if fold(e.canonical) == fold(span.text)), None) or next(
            (e for e in _doc_entities(doc) if e.label == "PER" and fold(e.canonical).split()[-1:] == fold(span.text).split()[-1:]),
            None)
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


def _first_role(ent: Entity, lang: str = "fr") -> str | None:
    """The entity's first apposed role, normalised through the role-noun table when it can be."""
    if not ent.roles:
        return None
    text = ent.roles[0].text
    table = role_nouns(lang)
    for word in re.findall(r"[\w-]+", text.lower()):
        if word in table:
            return table[word]
    return text


# ---------------------------------------------------------------------------- entry points


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes in ``doc`` (offsets into ``doc_text(doc)``), in text order."""
    lang = language_of(doc)
    direct = _direct_quotes(doc, lang)
    direct_spans = [c.content for c in direct]
    used = set()
    for c in direct:
        if c.cue:
            tok = _token_at(doc, c.cue[1] - 1)
            if tok is not None:
                used.add(tok.i)
    cands = direct + _indirect_quotes(doc, lang, direct_spans, used) + _according_to(doc, lang)
    return _resolve(doc, _dedupe(cands), lang)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
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


doc_component("recoupe_quotes", "quotes", find_quotes, "Sets ``doc._.quotes``; runs after ``recoupe_entities``.")
