"""Every use of a lexicon speech verb as a reported-speech candidate, with parse features
(issue 14, tenth pass: a learned filter over a wide candidate generator).

``indirect`` keeps a speech verb only in the frames its lexicon row allows and with a subject the
source test accepts. Here every use of a speech verb of ``speech_verbs_<lang>.tsv`` outside a
quotation is a candidate, whatever the frame the parse offers: a *que* / *that* clause, a colon, an
infinitive, a noun object, a prepositional complement, a clause without complementizer, or the
words before an inverted incise. Each gets its speaker token as the rules read it and a row of
features that exist in both languages (universal dependency labels, verb form / tense / mood /
voice from the morphology, the frame type and whether the valency lexicon lists it, the subject's
type, negation, lengths, positions, whether the rules already took the verb or its content). The
features are the whole interface: no word of any article is named here.

The filter trained on them lives in ``recoupe.training.reported``.
"""

from __future__ import annotations

import contextvars
import math
from contextlib import contextmanager

import numpy as np
from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import quote_words, role_nouns, source_nouns, speech_frames, speech_tokens, speech_verbs
from recoupe.analysis.quotes.candidates import REPORTED_MODEL_NAME, article_fold
from recoupe.analysis.quotes.index import credible_source, entities_in, is_person
from recoupe.analysis.quotes.indirect import (_adjectival_passive, _clause_bounds, _future_speech, _hypothetical_speech,
                                              _negated, _unrealised_infinitive, content_start, main_clause_speaker,
                                              participial_clause, reflexive_not_speech, report_subject)
from recoupe.analysis.quotes.quotations import QUOTATION_FEATURES, quotation_candidates
from recoupe.analysis.quotes.syntax import SAID_NOUN, Candidate, cue_span, finite, has_finite_verb, phrase_bounds
from recoupe.analysis.text import SpanSet, quoted_set, sentence_bounds, strip_span, trim_final_punct

CLASSES = ("say", "assert", "reveal", "admit", "deny", "dispute", "incise")
FRAMES = ("que", "colon", "inf", "obj", "prep", "clause", "incise", "quotation")  # quotation: ``quotations``
VERB_DEPS = ("ROOT", "ccomp", "conj", "advcl", "acl", "xcomp", "parataxis", "relcl")
SUBJECTS = ("none", "pronoun", "person", "org", "role", "source", "noun", "other")
FEATURES = (tuple(f"class_{c}" for c in CLASSES) + tuple(f"frame_{f}" for f in FRAMES)
            + tuple(f"dep_{d}" for d in VERB_DEPS + ("other",)) + tuple(f"subject_{s}" for s in SUBJECTS)
            + ("in_lexicon_frame", "credible", "finite", "participle", "infinitive", "past", "future", "conditional",
               "passive", "negated", "subject_after", "log_subject_distance", "log_words", "content_finite",
               "in_quotation", "sentence_initial", "first_paragraph", "rule_cue", "rule_content", "french",
               "credible_finite", "credible_lexicon_frame") + QUOTATION_FEATURES)
# complements that hold what a speech verb says, in either language's UD / ClearNLP labels
CONTENT_DEPS = {"ccomp", "xcomp", "obj", "dobj", "obl", "obl:arg", "obl:mod", "iobj", "advcl", "prep", "dative",
                "attr", "acomp", "oprd", "nmod"}
_PREP_FRAMES = {"de", "à", "sur", "pour", "contre", "for", "of", "on", "about", "against", "to", "as", "with"}

MODEL_NAME = REPORTED_MODEL_NAME
_TAKEN = (FEATURES.index("rule_cue"), FEATURES.index("rule_content"))
_RECORDER: contextvars.ContextVar[list | None] = contextvars.ContextVar("recoupe_reported_recorder", default=None)


@contextmanager
def recording(sink: list):
    """Collect every article's wide candidates into ``sink`` (training)."""
    token = _RECORDER.set(sink)
    try:
        yield
    finally:
        _RECORDER.reset(token)


def _frame(verb: Token, lemma: str, lang: str) -> tuple[str, tuple[int, int]] | None:
    """The frame the parse offers and its content span (doc character offsets), or None."""
    doc = verb.doc
    sent_start, sent_end = sentence_bounds(verb)
    clause = content_start(verb, lang)
    if clause is not None:
        return "que", _clause_bounds(clause)
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].idx < sent_end:
        return "colon", trim_final_punct(doc, *strip_span(doc, doc[nxt.i + 1].idx, sent_end))
    kids = [c for c in verb.children if c.i > verb.i and c.dep_ in CONTENT_DEPS]
    if kids:
        first = min(kids, key=lambda c: c.i)
        start = min(k.left_edge.idx for k in kids)
        if first.morph.get("VerbForm") == ["Inf"] or first.left_edge.lower_ == "to" and first.dep_ == "xcomp":
            frame = "inf"
        elif first.dep_ in ("obj", "dobj"):
            frame = "obj"
        elif first.dep_ in ("ccomp", "advcl") and first.pos_ in ("VERB", "AUX"):
            frame = "clause"
        else:
            frame = "prep"
        right = max(k.right_edge for k in kids)
        end = min(right.idx + len(right.text), sent_end)
        if end > start:
            return frame, trim_final_punct(doc, *strip_span(doc, start, end))
    # an inverted incise closing what it reports: "Le projet est abandonné, a indiqué X."
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    if first > 1 and doc[first - 1].text in (",", "—", "–") and doc[first - 1].idx > sent_start:
        return "incise", trim_final_punct(doc, *strip_span(doc, sent_start, doc[first - 1].idx))
    return None


def _qualifying_participle(verb: Token, lang: str) -> bool:
    """A present participle or gerund that modifies a noun (``acl``) outside a participial clause
    (``indirect.participial_clause``): *an immigrant challenging the order*, *les personnes affirmant*."""
    if not verb.dep_.startswith("acl"):
        return False
    participle = verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"] or \
        verb.morph.get("VerbForm") == ["Ger"] or (
            lang == "en" and verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children))
    return participle and not participial_clause(verb)


def _names_no_source(verb: Token) -> bool:
    """A verb whose form names no one who could be the source (the guidelines annotate identifiable
    sources only): a passive without its agent (*il a été démontré que*, *sont rejetées comme…*; the
    rules keep passives only with an agent, ``indirect._passive_report``), or a verb in the first
    person (*rappelons que*, *I'm posting*: the writer, as a first-person subject is in ``indirect``)."""
    children = list(verb.children)
    if any("Person=1" in str(t.morph) for t in [verb, *children] if t is verb or t.dep_.startswith("aux")):
        return True
    passive = any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in children) \
        or "Voice=Pass" in str(verb.morph)
    if not passive:
        return False
    return not any(c.dep_ in ("obl:agent", "agent") or c.dep_.startswith("obl") and any(
        k.dep_ == "case" and k.lower_ in ("par", "by") for k in c.children) for c in children)


# the prepositions that introduce what a verb of response answers (``quote_words`` ``response_verbs``)
_ANSWERED = {"fr": ("à", "au", "aux"), "en": ("to",)}


def _answered(doc: Doc, content: tuple[int, int], lemma: str, lang: str) -> bool:
    """A verb of response's *à* / *to* complement (*a réagi à l'annonce du gouvernement*, *responded to the
    ruling*): what was answered, not what was said (invented examples); not when a *que* / *that* clause follows
    it, which the parser may have hung on the complement (*a répondu aux journalistes qu'il resterait*)."""
    if lemma not in quote_words(lang).response_verbs:
        return False
    first = doc_text(doc)[content[0]:content[1]].split(maxsplit=1)
    if not first or first[0].lower() not in _ANSWERED.get(lang, ()):
        return False
    span = doc.char_span(*content, alignment_mode="expand")
    return span is None or not any(t.lower_ in ("que", "qu'", "qu’") or t.lower_ == "that" and t.dep_ == "mark"
                                   for t in span)


def _person_object(verb: Token) -> bool:
    """Is the verb's first object a person's name (*a appelé X*, *a félicité X*)? Outside the object frame of the
    valency lexicon (``speech_frames``: *dénoncer X*, *accuser X* report what they target), a person the verb
    takes is whom the words were addressed to, not the words (invented examples)."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
    return bool(objects) and any(is_person(e) for e in entities_in(verb.doc, objects[0].idx,
                                                                  objects[0].idx + len(objects[0].text)))


def _in_lexicon_frame(frame: str, verb: Token, lemma: str, lang: str) -> bool:
    if frame in ("que", "colon", "incise"):
        return True
    frames = speech_frames(lang).get(lemma, frozenset())
    if frame == "obj":
        return bool(frames & {"obj", "doc"})
    if frame == "inf":
        return bool(frames & {"inf", "to", "ing", "de", "à"})
    if frame == "clause":
        return lang == "en"
    cases = {c.lower_ for k in verb.children if k.i > verb.i for c in k.children if c.dep_ in ("case", "mark")}
    cases |= {k.lower_ for k in verb.children if k.i > verb.i and k.dep_ == "prep"}
    return bool(cases & frames & _PREP_FRAMES)


def subject_kind(head: Token | None, lang: str) -> str:
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


def wide_candidates(doc: Doc, lang: str, found: list[Candidate], skip: SpanSet) -> list[tuple[Candidate, list[float]]]:
    """Every speech-verb use outside the direct quotes (``skip``) with a content, as (candidate,
    feature row); ``found`` are the rules' candidates."""
    text = doc_text(doc)
    cues = SpanSet([c.cue for c in found if c.cue is not None])
    # a noun a participle qualifies (*la situation décrite par les locataires*) may still be what the clause's own
    # verb reports (*Le bailleur conteste la situation…*): it holds no content away from that verb
    held = SpanSet([c.content for c in found if c.rule != SAID_NOUN])
    quoted = quoted_set(doc)
    verbs = speech_verbs(lang)
    words = quote_words(lang)
    every = _RECORDER.get() is not None  # training records every candidate; the filter reads the open ones only
    paragraph_one = text.find("\n", text.find("\n") + 1)
    out = []
    for verb, lemma in speech_tokens(doc, lang):
        if verb.idx in skip or verb.idx in quoted:
            continue  # a speech verb inside a quotation is the quoted speaker's words (nested), as in ``indirect``
        cue = cue_span(verb)
        cue_taken = cues.overlaps(*cue)
        if cue_taken and not every:
            continue  # most speech verbs: the rules reported them already (read first, for the cost)
        if _qualifying_participle(verb, lang) or _adjectival_passive(verb, lang):
            continue  # *les personnes affirmant…*, *an immigrant challenging…*, *le maire, accusé de…*: a noun's
            # modifier, as in ``indirect``
        if _names_no_source(verb) or _hypothetical_speech(verb) or _future_speech(verb, lang):
            continue  # the writer (*rappelons que*), nobody (*il a été démontré que*), or speech that did not happen
        if reflexive_not_speech(verb, lemma, lang):
            continue  # *s'assurer que*, *se reprocher de*: no speech, as in ``indirect``
        framed = _frame(verb, lemma, lang)
        if framed is None:
            continue
        frame, content = framed
        if content[1] - content[0] < 8 or frame == "prep" and _answered(doc, content, lemma, lang):
            continue
        if frame == "obj" and not _in_lexicon_frame(frame, verb, lemma, lang) and _person_object(verb):
            continue  # *aurait appelé X pour le féliciter*: a person the verb takes is whom it is said to, not what
        if frame != "que" and _unrealised_infinitive(verb, lang):
            continue  # *pour critiquer X*, *est de dénoncer X*: no speech act took place, as in ``indirect``
        if frame in ("obj", "inf", "prep") and _negated(verb, lang):
            continue  # *ne craint pas de …*: a negated speech act in a complement frame, as in ``indirect``
        taken = cue_taken, held.overlaps(*content)
        if any(taken) and not every:
            continue
        speaker = report_subject(verb, lang)  # as the rules read it (``indirect.indirect_quotes``)
        if speaker is None and verb.morph.get("VerbForm") in (["Part"], ["Ger"]):
            speaker = main_clause_speaker(verb)
        if speaker is not None and content[0] <= speaker.idx < content[1]:
            speaker = None
        if speaker is not None and (speaker.lower_ in words.first_person or speaker.lower_ in words.non_speakers):
            continue  # the writer or nobody (*je*, *on*, *cela*): never a report, as in ``indirect``
        x = dict.fromkeys(FEATURES, 0.0)
        x[f"class_{verbs.get(lemma.split()[-1], 'say')}"] = 1.0
        x[f"frame_{frame}"] = 1.0
        x[f"dep_{verb.dep_ if verb.dep_ in VERB_DEPS else 'other'}"] = 1.0
        x[f"subject_{subject_kind(speaker, lang)}"] = 1.0
        x["in_lexicon_frame"] = float(_in_lexicon_frame(frame, verb, lemma, lang))
        x["credible"] = float(speaker is not None and credible_source(speaker, phrase_bounds(speaker), lang))
        x["finite"] = float(finite(verb))
        form = verb.morph.get("VerbForm")
        aux_morph = [c.morph for c in verb.children if c.dep_.startswith("aux")]
        x["participle"] = float(form == ["Part"] and not finite(verb))
        x["infinitive"] = float(form == ["Inf"] or verb.tag_ == "VB")
        x["past"] = float("Past" in verb.morph.get("Tense") or verb.tag_ in ("VBD", "VBN"))
        x["future"] = float("Fut" in verb.morph.get("Tense") or any("Fut" in m.get("Tense") for m in aux_morph)
                            or any(c.lower_ in ("will", "would") for c in verb.children if c.dep_ == "aux"))
        x["conditional"] = float("Cnd" in verb.morph.get("Mood") or any("Cnd" in m.get("Mood") for m in aux_morph))
        x["passive"] = float(any(c.dep_ in ("aux:pass", "auxpass", "nsubjpass", "nsubj:pass") for c in verb.children)
                             or "Pass" in verb.morph.get("Voice"))
        x["negated"] = float(any(c.dep_ == "neg" or c.dep_ == "advmod" and "Neg" in c.morph.get("Polarity")
                                 or c.lower_ in ("pas", "jamais", "not", "n't", "never") for c in verb.children))
        x["subject_after"] = float(speaker is not None and speaker.i > verb.i)
        x["log_subject_distance"] = math.log1p(abs(speaker.i - verb.i)) if speaker is not None else 0.0
        x["log_words"] = math.log1p(len(text[content[0]:content[1]].split()))
        x["content_finite"] = float(has_finite_verb(doc, *content))
        x["in_quotation"] = float(content[0] in quoted or content[1] - 1 in quoted)
        x["sentence_initial"] = float(verb.i - (verb.sent.start if verb.sent is not None else 0) < 3)
        x["first_paragraph"] = float(verb.idx < paragraph_one)
        x["rule_cue"], x["rule_content"] = float(taken[0]), float(taken[1])
        x["french"] = float(lang == "fr")
        x["credible_finite"] = x["credible"] * x["finite"]
        x["credible_lexicon_frame"] = x["credible"] * x["in_lexicon_frame"]
        out.append((Candidate("indirect", "indirect_scored", content, cue, speaker, 0.5), list(x.values())))
    out += quotation_candidates(doc, lang, found, FEATURES, subject_kind, every)
    sink = _RECORDER.get()
    if sink is not None:
        sink.append([{"text": text[c.content[0]:c.content[1]], "x": x,
                      "cue": text[c.cue[0]:c.cue[1]] if c.cue is not None else None,
                      "speaker": speaker.text if (speaker := c.speaker_token) is not None else None} for c, x in out])
    return out


def _model():
    from recoupe.analysis import linear_model

    return linear_model.load_optional(MODEL_NAME)


def scored_quotes(doc: Doc, lang: str, found: list[Candidate], skip: SpanSet) -> list[Candidate]:
    """The wide candidates the rules did not take (neither their verb nor their content) that the
    filter keeps: probability at or above the model's threshold, most probable first, none
    overlapping another kept one. Nothing while training records (the rules' view is recorded)."""
    rows = wide_candidates(doc, lang, found, skip)
    model = _model()
    if model is None or _RECORDER.get() is not None or not rows:
        return []
    X = np.array([x for _, x in rows])
    fold = article_fold()  # an annotated article the model was trained on: the row that left it out
    row = 0 if fold is None or 1 + fold >= len(model.coef) else 1 + fold
    p = 1.0 / (1.0 + np.exp(-(model.standardise(X) @ model.coef[row] + model.intercept[row])))
    threshold = float(model.meta["threshold"])
    open_ = (X[:, _TAKEN[0]] == 0) & (X[:, _TAKEN[1]] == 0)
    kept: list[Candidate] = []
    for k in np.argsort(-p, kind="stable"):
        if p[k] < threshold:
            break
        cand = rows[k][0]
        if open_[k] and not any(c.content[0] < cand.content[1] and cand.content[0] < c.content[1] for c in kept):
            cand.confidence = round(float(p[k]), 2)
            cand.producer = model.producer
            kept.append(cand)
    return sorted(kept, key=lambda c: c.content)


__all__ = ["FEATURES", "MODEL_NAME", "recording", "scored_quotes", "subject_kind", "wide_candidates"]
