"""Indirect (reported) speech: a speech verb from the lexicon with its reported content.

A verb governing a clause in the dependency parse (``a confirmé que``, ``said that``, English bare
complements), or a French incise without quotation marks (``…, a indiqué le ministère.``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection
from functools import lru_cache

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.conjugate import MODAL_CONDITIONAL, conditional_forms, is_conditional
from recoupe.analysis.lexicons import (
    SUBJECT_DEPS,
    QuoteWords,
    causative_before,
    institution_nouns,
    language_of,
    locution_words,
    object_complement_tokens,
    person_nouns,
    present_third_speech_forms,
    present_third_person,
    quote_words,
    role_nouns,
    source_nouns,
    speech_frames,
    speech_lemma,
    speech_tokens,
    speech_verbs,
)
from recoupe.analysis.quotes.coreference import is_person_noun
from recoupe.analysis.quotes.index import anaphoric_description, credible_source, entities_in
from recoupe.analysis.quotes.syntax import (CONNECTIVES, DE_FORMS, DOCUMENT_RULE_PREFIX, IMPERSONAL_RULE, SAID_NOUN,
                                           SAID_NOUN_ALONE, Candidate, by_par, contrast_before, cue_span,
                                           demonstrative_end, finite, fronted_incise_subject,
                                           fronted_subject, has_finite_verb, hyphen_subject, impersonal_passive,
                                           inverted_subject, phrase_bounds, reflexive, slipped_incise_subject,
                                           speaker_head, subject_before_relative, subject_of, time_phrase,
                                           verb_group_start)
from recoupe.analysis.text import (A_FORMS, QUOTE_MARKS, SENT_END, SpanSet, line_bounds, mark_before, quoted_set,
                                   sentence_bounds, strip_bullets, strip_span, token_at, tokens_with, trim_final_punct)


# the French personal subject pronouns of the third person (an expletive *il* of a personal verb, a pronoun judged in
# the passive)
PERSONAL_SUBJECTS = frozenset({"il", "elle", "ils", "elles"})


def participial_clause(verb: Token) -> bool:
    """``…, ajoutant que…``, ``…, alléguant que…``, ``en affirmant que…``, ``after concluding that…``: a
    present participle after a comma, or a gerund, continues the main clause's speaker (only with a
    reported clause: *les personnes affirmant…* is not one)."""
    doc = verb.doc
    mark = _before_clitics(verb)
    if mark is not None and mark.lower_ in GERUND_MARKS and (
            verb.dep_ == "advcl" or verb.dep_ == "pcomp" and verb.head.i == mark.i
            or mark.lower_ == "en" and verb.dep_ == "acl"):  # the French gerund, whatever noun the parse hangs it on
        return True  # "en affirmant que…", "en lui rétorquant que…", "said after concluding that…", "in holding that…"
    if verb.i > 0 and doc[verb.i - 1].text in (",", "—", "–") and verb.dep_ in ("advcl", "conj", "acl", "xcomp",
                                                                                "parataxis", "ROOT"):
        return True
    return fronted_main_verb(verb) is not None


def fronted_main_verb(verb: Token) -> Token | None:
    """*Appelant les élus à voter, la maire a…* (invented): the main clause's verb after a French present participle
    that opens its sentence (past its clitics: *Se disant prêt…*): a fronted participial clause, whose subject is
    the main clause's (Grevisse, the *participe présent* as an adverbial of the subject). The main verb is the first
    finite verb after a comma, outside quotation marks, with a subject between that comma and it
    (``_subject_after_comma``; the parser may hang the main clause under the participle, or make the participle the
    root); None when there is none."""
    found = _fronted_main_clause(verb)
    return found[0] if found is not None else None


def _fronted_main_clause(verb: Token) -> tuple[Token, Token] | None:
    """(main verb, its subject) of a fronted participle's sentence (``fronted_main_verb``), or None."""
    doc = verb.doc
    if verb.morph.get("VerbForm") != ["Part"] or verb.morph.get("Tense") != ["Pres"]:
        return None
    before = _before_clitics(verb)  # *Se disant…*, *Leur rappelant…*
    if before is not None and not (before.text in SENT_END or "\n" in before.text_with_ws):
        return None
    quoted = quoted_set(doc)
    end = sentence_bounds(verb)[1]
    for comma in doc[verb.i + 1:]:
        if comma.idx >= end:
            break
        if comma.text != "," or comma.idx in quoted:
            continue
        for tok in doc[comma.i + 1:]:  # the clause after this comma, up to the next stop or quotation
            if tok.idx >= end or tok.text in (",", ":", ";") or tok.idx in quoted:
                break
            if tok.pos_ in ("VERB", "AUX") and finite(tok) and tok.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
                subject = _subject_after_comma(doc, comma.i, tok)
                if subject is not None:
                    return tok, subject
                break
    return None


def _subject_after_comma(doc: Doc, comma: int, verb: Token) -> Token | None:
    """The subject between the comma closing a fronted participle and the main verb: the verb's own, or the noun
    phrase standing there alone, which the parser may have hung elsewhere (*…, Marie Dupont s'est demandé…*: the
    name read as an apposition of the participle's last noun)."""
    own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and comma < c.i < verb.i), None)
    if own is not None:
        return own
    words = [t for t in doc[comma + 1 : verb.i]
             if not (t.head.i == verb.i and (t.dep_.startswith(("aux", "expl")) or t.pos_ in ("ADV", "PART")))]
    if not words or words[-1].i - words[0].i + 1 != len(words) or words[0].pos_ not in ("DET", "PROPN", "NOUN"):
        return None
    heads = [t for t in words if not words[0].i <= t.head.i <= words[-1].i or t.head.i == t.i]
    return heads[0] if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") else None


def _before_clitics(verb: Token) -> Token | None:
    """The word before ``verb`` past its clitic pronouns (*en lui rétorquant*, *en leur expliquant*, *en
    nous assurant*): French object clitics stand between the gerund's *en* and the verb."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "PRON" and doc[i].head.i == verb.i and doc[i].dep_ != "nsubj":
        i -= 1
    return doc[i] if i >= 0 else None


def _speaking_noun_participle(verb: Token, lang: str) -> Token | None:
    """*la mairie précisant alors qu'elle…*, *la préfecture, expliquant que…*: a present participle with a
    reported clause, qualifying a noun before it that can speak (a name, a person, role or institution
    noun: ``credible_source``), reports that noun's words, as an absolute participial clause does (the
    participle's subject is the noun it follows; Grevisse, *Le Bon usage*, the *proposition
    participe*). Only with a clause: a noun object (*des manifestants réclamant la démission*) more
    often describes than reports."""
    head = verb.head
    if verb.dep_ != "acl" or head.i > verb.i or head.pos_ not in ("NOUN", "PROPN") or _document_noun(head, lang):
        return None
    if content_start(verb, lang) is None or not credible_source(head, phrase_bounds(head), lang):
        return None
    return head


def _document_participle(verb: Token, lang: str) -> Token | None:
    """*une tribune appelant au rétablissement de la taxe*, *a letter urging the board to…*: a present
    participle qualifying a noun of document (``source_nouns``: *rapport*, *lettre*, *tribune*) states
    what the document says, comma or not. The source is the document, or its author when the document is
    the object of a verb (not one of relaying) whose subject can speak (*les députés ont adopté une motion
    demandant…*: the deputies ask, as a reader names them)."""
    head = verb.head
    if verb.dep_ not in ("acl", "amod") or head.i > verb.i or head.pos_ != "NOUN" or not _document_noun(head, lang):
        return None
    # *les députés ont adopté une motion demandant…*; not the subject of a verb of relaying, who passes on
    # someone else's document (*les enquêteurs citent une note demandant…*)
    if head.dep_ in ("obj", "dobj") and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() not in quote_words(lang).relay_verbs:
        author = speaker_head(head.head)
        if author is not None and credible_source(author, phrase_bounds(author), lang):
            return author
    return head


def _document_noun(noun: Token, lang: str) -> bool:
    """A source noun that names a text, not persons or a body (``source_nouns`` also lists *expert*,
    *médecin*, *syndicat*, *ministère*: the role, person and institution lists tell those apart)."""
    lemma = noun.lemma_.lower()
    return lemma in source_nouns(lang) and lemma not in role_nouns(lang) and lemma not in person_nouns(lang) \
        and lemma not in institution_nouns(lang)


def _is_document(verb: Token, speaker: Token | None) -> bool:
    """The document itself speaks (``_document_participle`` returned the noun the participle qualifies), not
    an author it found."""
    return speaker is not None and speaker.i == verb.head.i


def _as_document(cand: Candidate) -> Candidate:
    """A document's report (``_document_participle``) under a rule name of its own: the speaker step
    keeps such a document out of the discourse (no pronoun or continued turn takes it up)."""
    cand.rule = DOCUMENT_RULE_PREFIX + cand.rule.removeprefix("indirect_").removeprefix("participle_")
    return cand


def _quoted_as_saying(verb: Token) -> Token | None:
    """*Reuters quoted a senior official as saying that…*, *cited two sources as saying…*: the object of
    the verb that introduces *as saying* speaks (the subject is the channel)."""
    marker = verb.head
    if verb.dep_ != "pcomp" or marker.lower_ != "as" or marker.head.pos_ != "VERB":
        return None
    return next((c for c in marker.head.children if c.dep_ == "dobj" and c.i < marker.i), None)


def main_clause_speaker(verb: Token) -> Token | None:
    """The subject a participial clause (``…, alléguant que…``) continues when the parser hangs the
    participle on a noun of the main clause (*a écrit dans une colonne …, alléguant que*): the first
    finite verb up the tree, in the same sentence, that has a subject."""
    sent_start, sent_end = sentence_bounds(verb)
    fronted = _fronted_main_clause(verb)
    if fronted is not None:  # *Rappelant que…, le préfet a…*: the main clause after the participle's
        return fronted[1]
    tok = verb.head
    # 8 heads (was 4): a participle hung on the last noun of a long oblique (dev1, issue 14 thirteenth
    # pass: with the participial frames, dev1 quote F1 .665 -> .667, dev2 .689 -> .693; 4 found none)
    for _ in range(8):
        if tok.idx < sent_start or tok.idx >= sent_end:
            return None
        if tok.pos_ in ("VERB", "AUX") and finite(tok):
            subject = speaker_head(tok)
            if subject is not None and subject.idx in quoted_set(tok.doc):
                # *« … et, au final, le monde rural », a-t-elle affirmé, soulignant que…*: a word of the quotation
                # the parser took for the subject; the inverted pronoun is the one, or the incise's subject when the
                # parser hung the participle on the quotation's own verb (*« J'ai … », avait-il glissé, ajoutant que…*)
                return hyphen_subject(tok) or _incise_subject(tok)
            return subject
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token on each access: "is" never holds)
            return None
        tok = tok.head
    return None


def _before_main_clause(verb: Token, bounds: tuple[int, int]) -> tuple[int, int]:
    """A fronted participle's content ends before the main clause (``fronted_main_verb``: *Rappelant que la loi…, le
    préfet a fermé…*), which the parser may have hung inside it."""
    fronted = _fronted_main_clause(verb)
    if fronted is None:
        return bounds
    subject = fronted[1]
    comma = next((t for t in reversed(verb.doc[verb.i:subject.left_edge.i]) if t.text == ","), None)
    end = comma.idx if comma is not None else subject.left_edge.idx
    return (bounds[0], min(bounds[1], end)) if bounds[0] < end else bounds


def _causative_participle_speaker(verb: Token, lemma: str, lang: str) -> Token | None:
    """*…, laissant entendre que…*, *en faisant valoir que…*: the infinitive of a causative speech locution
    (``quote_words`` ``causative_speech``) whose *faire* / *laisser* is a present participle after a comma or a
    gerund (``participial_clause``) reports for the main clause's subject, as the participle of a speech verb
    does; the infinitive has no subject of its own to read."""
    if lemma not in quote_words(lang).causative_speech:
        return None
    carrier = causative_before(verb, ("faire", "laisser"))
    if carrier is None or not (carrier.morph.get("VerbForm") == ["Part"] and carrier.morph.get("Tense") == ["Pres"]
                               or carrier.morph.get("VerbForm") == ["Ger"]) or not participial_clause(carrier):
        return None
    return main_clause_speaker(carrier)


def _incise_subject(verb: Token) -> Token | None:
    """The subject of the incise the parser hung on a quotation's own verb (*« J'ai … », avait-il glissé*: *glissé*
    a parataxis of *ai … gardé*): a speech verb outside the quotation marks, its inverted pronoun or noun."""
    quoted = quoted_set(verb.doc)
    for c in verb.children:
        if c.dep_ in ("parataxis", "conj") and c.idx not in quoted and speech_lemma(c, language_of(verb.doc)):
            return hyphen_subject(c) or inverted_subject(c)
    return None


# words before a gerund that make it part of the main clause (French "en", English prepositions)
GERUND_MARKS = {"en", "after", "before", "while", "in", "by", "when", "upon"}


def reflexive_not_speech(verb: Token, lemma: str, lang: str) -> bool:
    """*s'assurer que* (make sure), *se rappeler* (remember), *se reprocher de* (blame oneself): the reflexive
    use of a verb that ``quote_words`` ``reflexive_not_speech`` lists reports no speech (its lemma as the speech
    lexicon reads the form, or as the lemmatizer does)."""
    if not quote_words(lang).reflexive_not_speech & {lemma, verb.lemma_}:
        return False
    subjects = {c.lower_ for c in verb.children if c.dep_ in SUBJECT_DEPS}
    # the clitic of the subject's own person: *nous a assuré que* (told us) is speech, *nous nous sommes assurés* not
    own = {"se", "s'", "s’"} | ({"me", "m'", "m’"} if subjects & {"je", "j'", "j’"} else set()) \
        | ({"nous"} if "nous" in subjects else set()) | ({"vous"} if "vous" in subjects else set())
    return any(c.lower_ in own and c.i < verb.i and c.dep_ not in SUBJECT_DEPS for c in verb.children)


# the passé simple of *devoir* and *pouvoir*, which the morphologizer reads as an imperfect: a past act (French
# conjugation)
MODAL_PAST_HISTORIC = frozenset({"dut", "durent", "put", "purent"})


def _hypothetical_speech(verb: Token) -> bool:
    """``aurait dû lui rétorquer que``, ``pourrait dire que``: speech under a conditional modal did not
    happen (while ``aurait déclaré que``, the journalistic conditional, is still a report). Nor did speech under
    *pouvoir* or *devoir* in a simple tense that is not the past (*la commission peut contester…*, *le ministre doit
    annoncer…*, *devait annoncer…*: a possibility, an obligation or a plan, which the guidelines leave out as
    hypothetical speech), where their compound past tells the act done (*a dû reconnaître que…*: he did). The
    modal comes before the verb, outside any quotation between them (the parser may hang an incise's verb on a
    modal inside the quotation before it)."""
    head, modal = verb.head, verb.head.lemma_.lower()
    if verb.dep_ != "xcomp" or modal not in MODAL_CONDITIONAL | {"vouloir", "falloir"}:
        return False
    auxiliaries = [c for c in head.children if c.dep_.startswith("aux")]
    if is_conditional(head) or any(is_conditional(c) for c in auxiliaries):
        return True
    simple_non_past = not auxiliaries and "Past" not in head.morph.get("Tense") \
        and head.lower_ not in MODAL_PAST_HISTORIC
    return modal in MODAL_CONDITIONAL and simple_non_past and head.i < verb.i \
        and not any(t.text in QUOTE_MARKS for t in head.doc[head.i:verb.i])


# French verbs with an occasional impersonal use (*il convient de*, *il reste que*, *il ressort que*):
# Grevisse, Le Bon usage, the "verbes occasionnellement impersonnels"; there an expletive il names nobody
OCCASIONALLY_IMPERSONAL = frozenset({"convenir", "rester", "ressortir", "apparaître", "arriver", "sembler", "paraître",
                                     "importer", "suffire", "valoir", "manquer", "résulter", "advenir", "agir"})


def _personal_expletive(verb: Token, lemma: str) -> Token | None:
    """``Il croyait que…``: the parser sometimes labels a personal subject pronoun ``expl:subj``
    (impersonal), and ``speaker_head`` then finds no speaker. On an active finite speech verb that
    has no impersonal use, a third-person *il* / *elle* / *ils* / *elles* before it is its subject
    (passives, *il a été rapporté que*, stay impersonal)."""
    if not finite(verb) or lemma in OCCASIONALLY_IMPERSONAL or impersonal_passive(verb):
        return None
    if reflexive(verb):
        return None  # "il se dit que": a reflexive passive, impersonal
    return next((c for c in verb.children if c.dep_ == "expl:subj" and c.i < verb.i
                 and c.lower_ in PERSONAL_SUBJECTS), None)


FUTURE_ENDINGS = ("rai", "ras", "ra", "rons", "rez", "ront")


def _future_speech(verb: Token, lang: str) -> bool:
    """``certains diront que``, ``qui affirmeront que``, ``will argue that``: speech in the simple future
    has not happened, it is the writer's anticipation (the guidelines exclude hypothetical speech).
    French: Tense=Fut on the verb or its auxiliary, checked against the future endings (French
    grammar); English: the modal *will* / *shall*."""
    if lang == "en":
        return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in verb.children)
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Fut" in t.morph.get("Tense") and t.lower_.endswith(FUTURE_ENDINGS) or _future_form(t) for t in forms)


_conditional_forms = lru_cache(maxsize=4096)(conditional_forms)  # one generation per lemma and process


def _future_form(tok: Token) -> bool:
    """A future the morphologizer tagged present (*affirmeront* -> Tense=Pres): the form is the
    verb's future stem (the conditional's, ``conjugate.conditional_forms``) plus a future ending."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    form = tok.lower_
    for ending in sorted(FUTURE_ENDINGS, key=len, reverse=True):
        if form.endswith(ending) and len(form) > len(ending) + 1:
            return form[:-len(ending) + 1] + "ait" in _conditional_forms(tok.lemma_.lower())  # keep the stem's r
    return False


def content_start(verb: Token, lang: str) -> Token | None:
    """The complementizer opening the reported clause (``que``, ``that``), from the parse or the surface.

    The surface backup covers parses that attach ``que`` wrongly: the first ``que``/``that`` within a
    few tokens after the verb, with no other verb in between.
    """
    words = quote_words(lang)
    marks = words.content_marks
    for child in verb.children:
        if child.dep_ not in ("ccomp", "xcomp", "advcl", "obj", "dobj") or child.i < verb.i:
            continue
        child_marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in marks]
        if child_marks and child.dep_ == "advcl" and child_marks[0].i > 0 \
                and verb.doc[child_marks[0].i - 1].lower_ in words.not_complementizer:
            continue  # an adverbial clause of a locution (*dès que*, *avant que*, *pour que*): no content
        if child_marks and _comparison_term(child, child_marks[0], words):
            continue  # *a annoncé plus tôt que prévu la fermeture*: the second term of a comparison
        if child_marks and (child_marks[0].lower_ not in words.question_marks or verb.lemma_.lower() in words.asking_verbs):
            return child_marks[0]
        if lang == "en" and child.dep_ == "ccomp" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return child.left_edge
    # *a demandé pourquoi…*, *asked why…*: an indirect question has no complementizer, the clause opens on its
    # interrogative word (the French parser may leave the clause a bare ``dep``)
    for child in verb.rights if verb.lemma_.lower() in words.asking_verbs else ():
        if child.dep_ in ("ccomp", "dep") and child.pos_ in ("VERB", "AUX", "ADJ") \
                and child.left_edge.lower_ in words.question_words \
                and not any(t.text in QUOTE_MARKS or t.text == ":" for t in verb.doc[verb.i + 1 : child.left_edge.i]):
            return child.left_edge  # not a question quoted after a colon (*a interrogé le ministre : « Quand… »*)
    doc = verb.doc
    end = sentence_bounds(verb)[1]
    for tok in doc[verb.i + 1 : min(verb.i + 8, len(doc))]:
        if tok.idx >= end or tok.pos_ == "VERB" or tok.text in SENT_END or tok.dep_ in ("obj", "dobj"):
            break
        if tok.lower_ in marks and tok.lower_ not in ("si", "s'", "s’", "if") and (tok.dep_ == "mark" or tok.pos_ == "SCONJ"):
            prev = doc[tok.i - 1].lower_
            return None if prev in words.not_complementizer or _comparison_term(tok.head, tok, words) else tok
    return _clause_read_as_relative(verb, end) if lang == "fr" else None


def _comparison_term(clause: Token, mark: Token, words: QuoteWords) -> bool:
    """Is the clause after *que* the second term of a comparison (*plus tôt que prévu*, *plus vite que jamais*)
    rather than what the verb reports: a word announcing a *que* of its own (``announce_que``) among the few
    before it, and a clause with no subject, no finite verb and no auxiliary or copula (*elle estime aussi qu'il est
    temps…* reports), which a reported clause always has?"""
    before = mark.doc[max(0, mark.i - 3):mark.i]
    return any(t.lower_ in words.announce_que for t in before) and not finite(clause) \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_.startswith(("aux", "cop", "expl")) for c in clause.children)


# how far past the verb its own phrases may run before the que (an addressee and a date: *a annoncé jeudi soir
# sur TF1 qu'…*, *a prévenu X et Y il y a quelques semaines qu'…* are 6 to 10 tokens)
_PHRASES_BEFORE_QUE = 15
# what a clause's verb takes that leaves no object or attribute for a relative *que* to be
_SATURATED_DEPS = ("obj", "nsubj:pass", "aux:pass", "expl:comp", "expl:pass", "cop", "ccomp")


def _clause_read_as_relative(verb: Token, end: int) -> Token | None:
    """The *que* of a reported clause that the parser read as a relative pronoun: on the addressee or a time
    phrase between the verb and the clause (*a rappelé aux élus qu'il a toujours…*, *a annoncé jeudi soir sur
    TF1 qu'il serait convoqué…*, *a prévenu les ministres qu'ils sont tenus de…*), or tagged a pronoun inside the
    verb's own clausal complement (*a expliqué à X qu'il avait perdu*). A relative *que* stands for a missing
    object or attribute of its clause; a clause with a subject of its own and nothing missing (an object, a
    passive, a pronominal verb, a copula, a clause) is the verb's complement. A noun the verb takes as its
    object keeps the *que* as its relative (*a défendu la loi qu'il a fait voter*; the read-only review's
    cases), unless the verb's object is the one told (``addressee_object_verbs``: *prévenir*, *informer*) or a
    date. Nothing but the verb's own phrases lies between: another verb, a quotation mark or a word announcing
    a *que* of its own (*si près que*, *plus tard que*) ends the search; a comma before it (an appositive
    relative), a noun whose own complement it opens (*le fait que*), an object clitic read as the subject (*les
    lettres que lui a envoyées X*), a participle agreeing with the *que* (*aux électeurs qu'il a rencontrés*) or a
    clause of its own further on (*a dit aux joueurs qu'il a vus que…*) keep it a relative."""
    doc = verb.doc
    words = quote_words("fr")
    que_forms = words.content_marks - words.question_marks  # *que*, *qu'*: a relative pronoun's forms too
    told = verb.lemma_.lower() in words.addressee_object_verbs
    for tok in doc[verb.i + 1 : min(verb.i + 1 + _PHRASES_BEFORE_QUE, len(doc))]:
        if tok.idx >= end or tok.text in SENT_END or tok.text in QUOTE_MARKS or tok.text in (":", ";") \
                or tok.lower_ in words.announce_que:
            return None
        if tok.dep_ in ("obj", "dobj") and tok.head.i == verb.i and tok.pos_ in ("NOUN", "PROPN", "NUM") \
                and tok.lower_ not in words.time_nouns and not told:
            return None  # what the verb reports is that noun, and the que its relative
        if tok.lower_ in que_forms:
            clause, before = tok.head, doc[tok.i - 1]
            hangs_on_verb = clause.head.i == verb.i or verb.is_ancestor(clause.head)
            if before.lower_ in words.not_complementizer or before.text == "," or clause.i <= tok.i \
                    or before.lemma_.lower() in words.completive_nouns and before.pos_ == "NOUN" \
                    or not verb.i <= clause.head.i < tok.i or not hangs_on_verb:
                return None
            if not told and _bare_noun_phrase(before, words):
                return None  # *a rappelé devant les députés les engagements que…*: an object, whatever the parse
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i != tok.i and tok.i < c.i < clause.i]
            if not subjects or any(c.lower_ in words.object_clitics for c in subjects):
                return None
            if any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in que_forms
                                             and word_before(m).lower_ not in words.announce_que for m in c.children)
                   for c in clause.children):
                return None  # a clause of its own further on is the report (*a dit aux joueurs qu'il a vus que…*)
            if _agrees_with_fronted_object(clause):
                return None  # *aux électeurs qu'il a rencontrés*: the participle agrees with the relative que
            if clause.dep_ == "ccomp" and clause.head.i == verb.i and tok.dep_ in ("obj", "iobj"):
                return tok
            return tok if clause.dep_ in ("acl:relcl", "ccomp") and _saturated(clause, tok, words) else None
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "fixed":
            return None
    return None


def _agrees_with_fronted_object(clause: Token) -> bool:
    """A past participle with *avoir* agrees only with a direct object placed before it (French grammar): with
    no object clitic before it, the *que* is that object, a relative pronoun. Read on the form, not the tagger's
    morphology, which misses the agreement (*vécue* tagged masculine)."""
    if clause.morph.get("VerbForm") != ["Part"] or not any(
            c.dep_ == "aux:tense" and c.lemma_.lower() == "avoir" for c in clause.children):
        return False
    if any(c.dep_ == "obj" and c.lower_ in ("la", "l'", "l’", "les") and c.i < clause.i for c in clause.children):
        return False  # *qu'il les a rencontrés*: the clitic is the object the participle agrees with
    gender, number = _participle_features(clause)
    return gender == "Fem" or number == "Plur"


def _saturated(clause: Token, que: Token, words: QuoteWords) -> bool:
    """Does the clause have what a relative *que* could stand for: an object right after its verb (not a clitic
    the parser read as one), a passive, a pronominal verb, a copula or a clause of its own?"""
    for c in clause.children:
        if c.i == que.i or c.dep_ not in _SATURATED_DEPS:
            continue
        if c.dep_ != "obj" or c.lower_ not in words.object_clitics and _right_after(clause, c):
            return True
    return False


def _bare_noun_phrase(last: Token, words: QuoteWords) -> bool:
    """Does the phrase ending on ``last`` (its noun, or an adjective or name after it) stand with no preposition,
    as an object does, and name no date (*cette semaine*, *jeudi*)?"""
    noun = last
    while noun.dep_ in ("amod", "flat:name", "flat") and noun.head.i < noun.i:
        noun = noun.head  # *la semaine dernière*, *Sandrine Vial*: the phrase's head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in words.time_nouns:
        return False
    return not any(c.dep_ == "case" for c in noun.children) and noun.left_edge.pos_ != "ADP"


def _right_after(verb: Token, obj: Token) -> bool:
    """The object's phrase follows the verb with nothing but adverbs between (*qu'il a nommé un préfet*, *qu'il a
    déjà signé le contrat*); an object after a complement or a date (*qu'elle a accordé au Parisien sa candidature*)
    is as often the main verb's, the clause a relative the parser ran on."""
    return all(t.pos_ == "ADV" for t in verb.doc[verb.i + 1 : obj.left_edge.i])


def word_before(tok: Token) -> Token:
    """The word before ``tok``, past punctuation and quotation marks (*« interdite tant » qu'il…*: *tant*)."""
    doc = tok.doc
    return next((doc[i] for i in range(tok.i - 1, -1, -1) if not doc[i].is_punct), tok)


def _clause_bounds(start: Token, speech: frozenset[int] = frozenset(), verb: Token | None = None) -> tuple[int, int]:
    """From the complementizer to the end of its sentence (line-bounded), final punctuation off.
    It stops before a second report joined to it (*X a déclaré que …, tandis que Y a affirmé que …*;
    *X said …, while Y said …*): a speech verb (``speech``: indices of those that take a clause, not
    the incise-only ones such as *poursuivre*) whose subject names a new speaker (``_new_speaker``: *because she
    believes*, *as they had said*, *when records prove* stay in the content; human read of 50
    unannotated English articles), attached as an adverbial clause
    after the reported clause's verb, or coordinated to a verb before the content; not the reported
    clause itself, a clause before its verb (*que, si on s'y oppose, …*), nor a verb coordinated
    inside it. Given the reporting ``verb`` (the rules' candidates; the filter's features read the
    content without it), it also stops where the clause runs into another of its own (``_run_on_clause``)
    that is a report with a noun or name subject or the clause the report hangs in (*Face à X, qui
    soutenait que …, la ministre a répondu que …*, invented)."""
    doc = start.doc
    end = sentence_bounds(start)[1]
    if language_of(doc) == "fr":
        end = closing_incise_start(start, end)
        if verb is not None:
            above = {t.i for t in verb.ancestors}
            end = _run_on_clause(start, end, lambda head: head.i in above or head.i in speech)
            end = relative_report_end(verb, start, end)
    for i in speech:
        other = doc[i]
        if other.i > max(start.i, start.head.i) and other.idx < end and (other.dep_ == "advcl" or other.dep_ == "conj"
                                                      and other.head.i < start.i) \
                and any(c.dep_ in SUBJECT_DEPS and _new_speaker(c) for c in other.children):
            end = min(end, other.left_edge.idx)
    if language_of(doc) == "fr":  # nor a view another holds after a contrast (*…, alors que pour X, …*)
        within = doc.char_span(start.idx, end, alignment_mode="contract") or ()
        end = min([end] + [comma.idx for tok in within if tok.lower_ == "pour"
                           and (comma := contrast_before(tok)) is not None and _names_a_view_holder(tok)])
    content = trim_final_punct(doc, *strip_span(doc, start.idx, end))
    return content if content[1] > content[0] else trim_final_punct(doc, start.idx, sentence_bounds(start)[1])


def _names_a_view_holder(pour: Token) -> bool:
    """Does the phrase after *pour*, closed by a comma, name someone who can hold a view (``credible_source``)?"""
    doc = pour.doc
    comma = next((t for t in doc[pour.i + 1:pour.i + 12] if t.text == ","), None)
    if comma is None or comma.i == pour.i + 1:
        return False
    head = doc[pour.i + 1:comma.i].root
    return credible_source(head, phrase_bounds(head), "fr")


def _new_speaker(subject: Token) -> bool:
    """Does the subject of a speech verb inside a reported clause name someone else than its speaker? A name; in
    French also a person's description (*quand le ministre affirmait que…*) or a demonstrative that takes up the
    last one named (*lorsque celui-ci soutenait…*, *ce dernier*); not a personal pronoun, which may be the speaker
    again."""
    doc = subject.doc
    if subject.pos_ == "PROPN":
        return bool(entities_in(doc, subject.idx, subject.idx + len(subject.text)))
    if language_of(doc) != "fr":
        return False
    return demonstrative_end(subject) is not None or anaphoric_description(subject, "fr") is not None \
        or subject.pos_ == "NOUN" and is_person_noun(subject, "fr") and any(c.dep_ == "det" for c in subject.children)


def indirect_quotes(doc: Doc, lang: str, direct_spans: SpanSet, used_cues: set[int],
                    behind_quotation: dict[int, tuple[int, int]] | None = None) -> list[Candidate]:
    """Reported speech of the lexicon's speech verbs in their frames. A verb in ``used_cues`` introduces a
    quotation already found; one in ``behind_quotation`` (token index -> the quotation before it) closes one and
    may report more after it (``_own_report``)."""
    behind_quotation = behind_quotation or {}
    earlier = _slipped_incises(doc, lang, direct_spans) + _listed_reports(doc, lang, direct_spans) \
        + _names_called(doc, lang, direct_spans)
    out: list[Candidate] = []
    words = quote_words(lang)
    speech = frozenset(verb.i for verb, lemma in speech_tokens(doc, lang) if speech_verbs(lang).get(lemma) != "incise")
    for verb, lemma in speech_tokens(doc, lang):
        if verb.idx in direct_spans:
            continue
        if verb.i in used_cues or verb.i in behind_quotation:
            before = _framed_before_quotation(verb, lemma, lang, direct_spans) \
                or _split_by_incise(verb, lang, direct_spans)
            if before is not None:
                earlier.append(before)
                continue
            if verb.i in used_cues:
                continue
        participle = verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"] or \
            verb.morph.get("VerbForm") == ["Ger"] or (
                lang == "en" and verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children))
        quoted_as = _quoted_as_saying(verb) if participle and lang == "en" else None
        document = _document_participle(verb, lang) if participle else None
        speaking = _speaking_noun_participle(verb, lang) if participle and lang == "fr" else None
        if participle and quoted_as is None and document is None and speaking is None and not participial_clause(verb):
            continue
        passive = _passive_report(verb, lang)
        if passive is not None:
            out.append(passive)
            continue
        if _adjectival_passive(verb, lang):
            continue
        speaker = quoted_as or document or report_subject(verb, lang) or _personal_expletive(verb, lemma)
        if speaker is None and not participle:
            speaker = _causative_participle_speaker(verb, lemma, lang)
        if speaker is None and not participle:
            impersonal = _impersonal_report(verb, lemma, lang, speech)
            if impersonal is not None:
                out.append(impersonal)
                continue
        if speaker is None and participle:  # a participle set off by a comma or a gerund continues the main clause
            own = speaking if speaking is not None and not participial_clause(verb) else None
            speaker = own or main_clause_speaker(verb) or speaking
        if speaker is None or speaker.lower_ in words.first_person or speaker.lower_ in words.non_speakers:
            continue
        if reflexive_not_speech(verb, lemma, lang):
            continue
        if _hypothetical_speech(verb) or _future_speech(verb, lang):
            continue
        # manner verbs (sourit-il, poursuit-elle) report speech only as an incise, never with "que"
        clause = content_start(verb, lang) if speech_verbs(lang).get(lemma) != "incise" else None
        if participle and clause is None:
            framed = _participle_framed(verb, lemma, speaker, lang)
            if framed is not None:
                framed.content = _before_main_clause(verb, framed.content)
                out.append(_as_document(framed) if _is_document(verb, document) else framed)
            continue
        if clause is not None and _evidence_without_source(verb, speaker, lemma, lang):
            continue
        if clause is not None:
            content = _before_main_clause(verb, _clause_bounds(clause, speech, verb))
            reported = Candidate("indirect", "indirect_clause", content, cue_span(verb), speaker, 0.8)
            out.append(_as_document(reported) if _is_document(verb, document) else reported)
            continue
        # the words before a verb behind a quotation are that quotation, the direct quote's: no incise content
        incise = _incise_content(verb, lang) if verb.i not in behind_quotation else None
        if incise is not None:
            out.append(Candidate("indirect", "indirect_incise", incise, cue_span(verb), speaker, 0.6))
            continue
        if _unrealised_infinitive(verb, lang) or _negated(verb, lang):
            continue
        framed = _framed_content(verb, lemma, speaker, lang)
        if framed is not None:
            out.append(Candidate("indirect", f"indirect_{framed[1]}", framed[0], cue_span(verb), speaker, 0.65))
    return earlier + [c for c in out if not behind_quotation or _own_report(doc, c, behind_quotation)]


def _names_called(doc: Doc, lang: str, direct_spans: SpanSet) -> list[Candidate]:
    """*Le maire a traité son adversaire de « girouette »*, *Les élus voient en ce projet une menace* (invented): a
    verb that reports only in a frame pairing its object with a complement (``lexicons.object_complement_only``:
    *traiter qqn de*, *voir en qqn un…*) reports the pair (``_complement_on_object``, ``_taken_for``), said by its
    subject, or by the main clause's for a participle after a comma or a gerund (*…, traitant X de…*). Not in the
    passive (*X a été traité de… par Y*: its subject was called so), nor negated, hypothetical or in the future, as
    every report; nor as the infinitive of a speech verb, whose own report holds it (*a dit voir en X…*)."""
    out = []
    words = quote_words(lang)
    frames = speech_frames(lang)
    for verb, lemma in object_complement_tokens(doc, lang):
        if all(f.startswith("se+") for f in frames[lemma]) and not reflexive(verb):
            continue  # *prend*, *pris* outside *s'en prendre à*: frequent forms with no frame to read
        # the parser reads the *être* of a reflexive compound tense (*s'en est pris à*) as a passive's: not one
        passive = not reflexive(verb, before=True) and any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass")
                                                           for c in verb.children)
        if verb.idx in direct_spans or _negated(verb, lang) or _hypothetical_speech(verb) \
                or _future_speech(verb, lang) or passive:
            continue
        if verb.dep_ == "xcomp" and speech_lemma(verb.head, lang):
            continue  # *a dit voir en X un allié*: the speech verb's infinitive report holds it already
        speaker = report_subject(verb, lang) or (main_clause_speaker(verb) if participial_clause(verb) else None)
        if speaker is None or speaker.lower_ in words.first_person or speaker.lower_ in words.non_speakers:
            continue
        framed = _framed_content(verb, lemma, speaker, lang)
        # who is called or taken for something is no speaker (*ceux qui voient en X un allié*: a demonstrative the
        # subject steps cannot read leaves the object as the inverted subject)
        if framed is not None and framed[1] == "complement" and not framed[0][0] <= speaker.idx < framed[0][1]:
            out.append(Candidate("indirect", "indirect_complement", framed[0], cue_span(verb), speaker, 0.65))
    return out


# the speech verbs whose impersonal passive reports what a source said (*il a été rapporté que*, *il est précisé
# que*); not a stance's (*il est estimé que*, *il est prévu que*: a plan, a belief, nobody's words), nor a proof's
# (*il est établi que*, *il est démontré que*: a fact the writer asserts)
IMPERSONAL_CLASSES = frozenset({"say"})


def _impersonal_report(verb: Token, lemma: str, lang: str, speech: frozenset[int]) -> Candidate | None:
    """*Il a été rapporté que…*, *Il est précisé que…* (invented): a French speech verb in the impersonal
    passive with a *que* clause reports what a source said without naming it; the text names it before (the previous
    quote's speaker, ``speakers._continued_turn``, decides: with none near, the report is dropped). Not a verb of
    the occasional impersonals (*il a été convenu*: an agreement, Grevisse), nor a stance (``IMPERSONAL_CLASSES``),
    a hypothetical, a future or a negated report."""
    if lang != "fr" or speech_verbs(lang).get(lemma) not in IMPERSONAL_CLASSES or lemma in OCCASIONALLY_IMPERSONAL \
            or not impersonal_passive(verb) or reflexive(verb):
        return None
    il = next((c for c in verb.children if c.lower_ == "il" and c.i < verb.i
               and (c.dep_ in SUBJECT_DEPS or c.dep_.startswith("expl"))), None)
    if il is None or _earlier_moment(il):
        return None
    if _hypothetical_speech(verb) or _future_speech(verb, lang) or _ne_before(verb):
        return None
    clause = content_start(verb, lang)
    if clause is None:
        return None
    return Candidate("indirect", IMPERSONAL_RULE, _clause_bounds(clause, speech, verb), cue_span(verb), None, 0.6)


def _earlier_moment(il: Token) -> bool:
    """*Plus tôt dans la journée, il a été rapporté que…*, *Le 8 juillet, il a été signalé que…* (invented):
    a time fronted before the impersonal report's *il* (``syntax.time_phrase``, ``quote_words`` ``recap_adverbs``)
    sets it in another moment, a recap of some earlier report rather than the turn of the speaker before it."""
    doc = il.doc
    words = quote_words("fr")
    start = sentence_bounds(il)[0]
    k = il.i - 1
    while k >= 0 and doc[k].idx >= start:
        if time_phrase(doc[k]) or doc[k].lower_ in words.recap_adverbs:
            return True
        k -= 1
    return False


def _own_report(doc: Doc, cand: Candidate, behind_quotation: dict[int, tuple[int, int]]) -> bool:
    """A verb the direct rules read as closing a quotation before it may report more after it with its own
    subject (*Évoquant la « crise », la maire a annoncé un plan*: the quotation belongs to the fronted clause, the
    plan is her report): the content is then what follows the verb, said by a subject written between the
    quotation and the verb. An inverted subject (*« … », avait-il affirmé hier*), an object clitic the parser took
    for the subject (*« … », lui a demandé X*), a subject inside the quotation or one before it (*X, qui « votera
    pour Y », ne se dit pas choqué*) leave the verb to the quotation alone: it is an incise. A quotation that opens
    the sentence (*« … », le ministre a averti les députés mardi*) is what the verb says, its subject put first: only
    a clause of its own (*a assuré que…*, *a annoncé vouloir…*) is more; a noun after the verb is whom it was said
    to, when, or the quotation taken up (*a répété cette phrase*; the read-only review's cases). Session 41: quote
    F1 dev10 .835 -> .840, dev4 .855 -> .858, dev7 .869 -> .870, dev2 fr unchanged; dev10 speakers .778 -> .773
    (two of the new quotes right, their speakers wrong), every other set unchanged."""
    tok = token_at(doc, cand.cue[1] - 1) if cand.cue is not None else None
    if tok is None or tok.i not in behind_quotation:
        return True
    speaker = cand.speaker_token
    if speaker is None or speaker.lower_ in _CLITICS or speaker.text.startswith(("-", "‑")):
        return False  # an object clitic, or the inverted subject of an incise (*« … », avait-il affirmé*)
    start, end = behind_quotation[tok.i]
    if not (cand.content[0] >= cand.cue[1] and end <= speaker.idx and speaker.i < tok.i):
        return False
    opening = not doc_text(doc)[sentence_bounds(tok)[0]:start].strip(" \n\t«“\"'‘—–-")
    return not opening or cand.rule in ("indirect_clause", "indirect_infinitive") or _verbal_content(doc, cand)


def _verbal_content(doc: Doc, cand: Candidate) -> bool:
    """Does the content hold a *de* / *à* + infinitive complement (*a appelé les élus à voter*, *a accusé X de
    mentir*)?"""
    span = doc.char_span(*cand.content, alignment_mode="expand")
    return span is not None and any(t.lower_ in DE_FORMS | A_FORMS and t.i + 1 < len(doc)
                                    and doc[t.i + 1].morph.get("VerbForm") == ["Inf"] for t in span)


def _negated(verb: Token, lang: str) -> bool:
    """*Il ne craint pas de …*, *aucun élu ne s'oppose à …*: a French speech verb negated by *ne* (the
    negation's obligatory first part, French grammar) performs no speech act in its noun,
    infinitive or prepositional frames. A *que* clause is not concerned (*il n'a pas caché que …*
    reports what was said), nor a verb of denial: denying a denial is the litotes of an admission (*il ne
    nie pas avoir menti*, *elle ne conteste pas la décision*: French rhetoric), a statement all the same."""
    if lang != "fr" or speech_verbs(lang).get(verb.lemma_.lower()) == "deny":
        return False
    return _ne_before(verb)


def _ne_before(verb: Token) -> bool:
    """Does a French verb carry the negation's *ne* (its obligatory first part, French grammar)?"""
    return any(c.lower_ in ("ne", "n'", "n’") and c.i < verb.i for c in verb.children)


def _unrealised_infinitive(verb: Token, lang: str) -> bool:
    """A French speech verb in the infinitive, read in a noun, infinitive or prepositional frame, that
    is no verb's complement names no speech act that took place: a purpose adverbial not carried out
    (*il faudra agir pour critiquer X*; one hung on a clause that tells what was done reports,
    ``_purpose_carried_out``), a comparison (*comme contester X*), a copula's attribute (*l'idée est
    de reconnaître X*), a conjunct of an adjective. A *que* clause is not concerned (*en a profité pour
    affirmer que …* puts the claim itself in the text), nor an infinitive complement of a verb
    (*continue de réclamer X*). The verbs whose infinitive complement is not asserted (Karttunen's
    non-implicatives: *peut condamner X*, *prévoit de demander X*) were measured and not kept (NOTES,
    issue 14, session 10)."""
    if lang != "fr" or verb.morph.get("VerbForm") != ["Inf"]:
        return False
    if verb.dep_ == "advcl" and _purpose_carried_out(verb):
        return False
    if verb.dep_ in ("advcl", "acl", "acl:relcl") or any(c.dep_ == "cop" for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX")


def _purpose_carried_out(verb: Token) -> bool:
    """*X a réuni la presse pour dénoncer Y*, *plusieurs voix se sont élevées pour réclamer Y*: a purpose
    infinitive (*pour*) hung on a clause that tells what its subject did, in the indicative present or past
    (a simple or compound tense), neither negated nor modal: the news reports the act done for that purpose,
    and the speech act with it. Not a purpose still to come or only possible (*il faudra se mobiliser pour
    dénoncer*, *pourrait intervenir pour demander*, *n'a pas appelé pour réclamer*), nor a purpose the parser
    hung on a noun (*une campagne pour dénoncer X*) or on an infinitive (*devra agir pour dénoncer X*)."""
    if not any(c.dep_ == "mark" and c.lower_ == "pour" and c.i < verb.i for c in verb.children):
        return False
    head = verb.head
    # a predicate noun with its copula tells what was done as a verb does (*sont en grève pour réclamer X*)
    copula = [c for c in head.children if c.dep_ == "cop"] if head.pos_ in ("NOUN", "PROPN") else []
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX", "ADJ") and not copula \
            or head.lemma_.lower() in quote_words("fr").modal_verbs:
        return False
    tensed = [head] + [c for c in head.children if c.dep_ in ("aux", "aux:tense", "cop")]
    finite_forms = [t for t in tensed if t.morph.get("VerbForm") == ["Fin"]]
    if not finite_forms or any(t.morph.get("Mood") != ["Ind"] or t.morph.get("Tense") == ["Fut"] for t in finite_forms):
        return False
    return not _ne_before(head)


def _evidence_without_source(verb: Token, speaker: Token, lemma: str, lang: str) -> bool:
    """``la crise montre que``, ``ces chiffres prouvent que``: a verb the frame lexicon marks ``doc``
    (*montrer*, *révéler*, *show*, *find*: what a document or study shows) or a verb of proof
    (``quote_words`` ``proof_verbs``: *prouver*, *attester*, *prove*) reports only when its
    subject can be a source (``credible_source``: a name, a pronoun, a role or source noun); with any
    other subject it is the writer's own inference, whatever its complement. Only a finite verb: an
    infinitive is framed by the verb it depends on (*qui voulaient démontrer que*)."""
    evidential = "doc" in speech_frames(lang).get(lemma, frozenset()) or lemma in quote_words(lang).proof_verbs
    if not evidential or not finite(verb):
        return False
    return not credible_source(speaker, phrase_bounds(speaker), lang)


def _adjectival_passive(verb: Token, lang: str) -> bool:
    """*Interrogé sur ses projets, le maire…*, *Accusé de corruption, le maire a démissionné*: a French past
    participle with no auxiliary, set before or after the noun it qualifies, is passive, so that noun is who was
    asked or accused, not who speaks, and the participle reports only through its agent (``_passive_report``,
    read first). The subject the parse lends it from the clause it hangs on is the wrong person. A participle with
    a direct object or a *que* clause is an active one whatever the parse hangs it on. Not where an
    auxiliary before it in the sentence hangs on no verb: the parser lost the compound tense across a long insert
    (*X a, en pleine tempête sur…, indiqué vouloir…*, dev4), and the participle is the finite verb's."""
    if lang != "fr" or verb.morph.get("VerbForm") != ["Part"] or verb.morph.get("Tense") != ["Past"] \
            or verb.dep_ not in ("advcl", "acl", "amod", "appos") \
            or any(c.dep_.startswith(("aux", "nsubj", "expl")) or c.dep_ in ("obj", "ccomp") for c in verb.children):
        return False  # a direct object or a *que* clause is an active participle's: speech acts listed under one
        # auxiliary (*a salué l'accord, estimé que…, promis…*: the review's), an auxiliary the parser hung elsewhere
        # (*X a, bien entendu, démenti les faits*, on *entendu*: dev6)
    return not any(t.dep_.startswith("aux") and t.head.pos_ not in ("VERB", "AUX")
                   for t in verb.doc[verb.sent.start:verb.i])


def _participle_framed(verb: Token, lemma: str, speaker: Token, lang: str) -> Candidate | None:
    """A participial clause continuing the main clause's speaker with a complement in one of the
    verb's lexicon frames, not a *que* clause (*…, évoquant la crise*, *…, appelant à un cessez-le-feu*,
    *…, accusing X of…*): the guidelines count the noun, infinitive and prepositional frames of a
    speech act as reports, and a participle after a comma or a gerund (``participial_clause``) reports
    for the subject of the clause it hangs on. The colon frame is left to the finite verbs."""
    framed = _framed_content(verb, lemma, speaker, lang)
    if framed is None or framed[1] == "colon":
        return None
    return Candidate("indirect", f"indirect_participle_{framed[1]}", framed[0], cue_span(verb), speaker, 0.6)


# the marks that open the items of a list set out one per line (a hyphen, bullets); not the dashes that open the
# lines of a dialogue (*—*, *–*: each line its own speaker's)
LIST_MARKS = ("-", "•", "*", "·")


def _listed_reports(doc: Doc, lang: str, direct_spans: SpanSet) -> list[Candidate]:
    """*Les signataires réclament :* then one demand per line, each opened by a dash: a speech verb whose colon
    closes its line announces the list set out below it, and each item (up to the first line that is no item)
    is a report of the verb's speaker, as the words after a colon on the same line are (``_framed_content``'s
    colon frame). French and English lists are set out alike."""
    out = []
    text = doc_text(doc)
    for nxt in tokens_with(doc, "lower", frozenset({":"})):  # the colons only, not every word
        if nxt.i == 0:
            continue
        verb = doc[nxt.i - 1]
        # the verb as the tagger read it, or a present third person it read as another word (*réclament* as an adverb)
        if nxt.text != ":" or verb.idx in direct_spans \
                or not (speech_lemma(verb, lang) or present_third_person(verb.lower_, lang)):
            continue
        line_end = text.find("\n", nxt.idx)
        if line_end == -1 or text[nxt.idx + 1:line_end].strip():
            continue  # the list starts on the next line, not after the colon
        speaker = report_subject(verb, lang)
        if speaker is None or speaker.lower_ in quote_words(lang).first_person \
                or not credible_source(speaker, phrase_bounds(speaker), lang):
            continue  # *Le restaurant propose :* lists a menu, not anyone's words
        pos = line_end + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            line = text[pos:end]
            if not line.strip():
                pos = end + 1
                continue  # a blank line between the items
            if not line.lstrip().startswith(LIST_MARKS):
                break
            start = pos + len(line) - len(line.lstrip()) + 1
            content = trim_final_punct(doc, *strip_span(doc, start, end))
            if any(mark in text[start:end] for mark in QUOTE_MARKS):
                break  # quotations, not a list of what the verb's subject says
            if content[1] - content[0] >= 10 and content[0] not in direct_spans:
                out.append(Candidate("indirect", "indirect_list", content, cue_span(verb), speaker, 0.6))
            pos = end + 1
    return out


def _slipped_incises(doc: Doc, lang: str, direct_spans: SpanSet) -> list[Candidate]:
    """*Marine X n'est apparue que deux fois, note France Info.*: a French incise closing a sentence of reported
    speech with no quotation marks, whose verb the tagger read as a noun or an adjective (*note*, *analyse*,
    *constate*: the present third person a first-group speech verb shares with a noun, ``present_third_person``):
    the sentence up to the comma is the report, the phrase after the verb its speaker
    (``syntax.slipped_incise_subject``, as inside a quotation). A form the tagger read as a verb is the other
    rules' (``inverted_object``)."""
    out = []
    if lang != "fr":
        return out
    for tok in tokens_with(doc, "lower", present_third_speech_forms(lang)):  # the forms only, not every word
        i = tok.i
        if i == 0 or tok.pos_ in ("VERB", "AUX") or doc[i - 1].text != "," or tok.idx in direct_spans:
            continue
        start, end = sentence_bounds(tok)
        stop = next((t.i for t in doc[i:] if t.idx >= end), len(doc))
        speaker = slipped_incise_subject(tok, stop, lang)
        if speaker is None:
            continue
        content = strip_bullets(doc, *strip_span(doc, start, doc[i - 1].idx))
        if content[1] - content[0] >= 10 and has_finite_verb(doc, *content):
            out.append(Candidate("indirect", "indirect_incise", content, cue_span(tok), speaker, 0.6))
    return out


def _framed_before_quotation(verb: Token, lemma: str, lang: str, direct_spans: SpanSet) -> Candidate | None:
    """A speech verb that introduces a quotation and, before it, reports content in one of its own
    frames (*X s'est clairement opposé à un embargo : « … »*, *X a dénoncé la décision : « … »*): the
    framed complement up to the quotation is a report too. Only a complement (not a *que* clause,
    which holds the quotation, nor the colon frame, which is the quotation)."""
    speaker = speaker_head(verb)
    if speaker is None or speaker.lower_ in quote_words(lang).first_person:
        return None
    framed = _framed_content(verb, lemma, speaker, lang)
    if framed is None or framed[1] == "colon":
        return None
    (start, end), rule = framed
    i = bisect_left(direct_spans.starts, start)
    if i == len(direct_spans.starts) or start in direct_spans:
        return None
    text = doc_text(verb.doc)
    mark = mark_before(text, direct_spans.starts[i])
    opening = token_at(verb.doc, mark)
    if opening is not None and fronted_incise_subject(verb, opening) is not None:
        return None  # *Et, souligne le maire : « … »*: the words before the quotation are the verb's subject
    # a colon closes the complement and announces the quotation (*… à un embargo : « … »*); without
    # it the quotation is part of the complement (*described Avenatti as "a third-rate lawyer"*)
    colon = text.rfind(":", start, mark)
    if colon == -1 or text[colon + 1:mark].strip() or mark > end and text[end:colon].strip():
        return None
    content = trim_final_punct(verb.doc, *strip_span(verb.doc, start, colon))
    if content[1] - content[0] < 10:
        return None
    return Candidate("indirect", f"indirect_{rule}", content, cue_span(verb), speaker, 0.65)


def _split_by_incise(verb: Token, lang: str, direct_spans: SpanSet) -> Candidate | None:
    """*Mais son « attitude », affirme X, « n'est que … »* (invented): an incise that splits the speaker's
    sentence and introduces its quoted end (``syntax.fronted_incise_subject``, the quotation's cue) also
    closes the words before it, a report of the same speaker (``_incise_content``: not a mere connective)."""
    i = bisect_left(direct_spans.starts, verb.idx)
    if i == len(direct_spans.starts):
        return None
    opening = token_at(verb.doc, mark_before(doc_text(verb.doc), direct_spans.starts[i]))
    subject = fronted_incise_subject(verb, opening) if opening is not None else None
    content = _incise_content(verb, lang) if subject is not None else None
    if content is None or not _words_outside_quotations(verb.doc, content):
        return None  # *« A », a déclaré X, « B »*: the words before are a quotation of their own
    return Candidate("indirect", "indirect_incise", content, cue_span(verb), subject, 0.6)


def _words_outside_quotations(doc: Doc, content: tuple[int, int]) -> bool:
    """Does ``content`` hold a word, other than a connective, outside quotation marks?"""
    quoted = quoted_set(doc)
    return any(t.is_alpha and t.idx not in quoted and t.lower_ not in CONNECTIVES
               for t in doc.char_span(*content, alignment_mode="expand") or ())


def passive_agent(verb: Token, lang: str) -> Token | None:
    """The head of the agent phrase of a verb (*par l'OTAN*, *by NATO*), or None: the parser's agent, or for a
    passive a *par* phrase on the verb or, in French, on its complement after it. Read by ``_passive_report``
    and by ``direct._taken_up_next``."""
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)
    agents = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("obl:agent", "agent") or passive and (
        c.dep_.startswith("obl") and by_par(c)))]
    if not agents and passive and lang == "fr":
        # the parser may hang the agent on the verb's predicative complement (*ce chiffre a été démenti comme
        # étant sans rapport avec la réalité par le ministère*, invented): a *par* phrase on a complement
        # after the verb, not inside a participle
        agents = [c for h in verb.children if h.i > verb.i and h.dep_ in ("xcomp", "obl", "obl:mod", "obl:arg")
                  for c in h.children if c.i > h.i and c.dep_ in ("obl:agent", "nmod", "obl", "obl:mod") and by_par(c)]
    if lang == "fr":
        # the parser labels other phrases agents too (*s'est montré discret sur ses liens avec X*:
        # *avec X* as ``obl:agent``): a French agent is introduced by *par*
        agents = [c for c in agents if by_par(c)]
    if not agents:
        return None
    if lang == "en":  # "by" heads the agent phrase in the English parse
        return next((c for c in agents[0].children if c.dep_ == "pobj"), None)
    return agents[0]


def _passive_report(verb: Token, lang: str) -> Candidate | None:
    """A speech verb in the passive with its agent (*cet argument a été rejeté par l'OTAN*, *the claim
    was rejected by NATO*): the agent speaks, what it said is the passive subject."""
    agent = passive_agent(verb, lang)
    if agent is None:
        return None
    if agent.lower_ in quote_words(lang).first_person or not credible_source(agent, phrase_bounds(agent), lang):
        return None
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
    # a French pronoun subject (*il avait été proposé par X*) points back at what was said, so the span
    # from it to the agent holds no content (session 10: dev1 .697 -> .698, dev2 .716 -> .719, human
    # set unchanged); English keeps it: *it was announced by X that…* and the like there (English dev2
    # .785 -> .782 with the rule in both languages)
    # with no subject, a participle qualifying a noun: read with every speech verb (*des études publiées par
    # l'Insee*, *interrogés par les enquêteurs*) it names the channel or the act more often than what was said
    # (session 10, French development half: P .916 -> .897); with a verb whose object is its content, agreeing
    # with the noun, it is what the agent said (``_said_noun``; session 44, NOTES)
    said_noun = _said_noun(verb, lang) if subject is None else None
    if said_noun is not None:
        subject = said_noun
    # an asking verb's passive subject was asked (*le maire, interrogé par les élus*); the noun its participle
    # qualifies in its object frame is what was asked for (*la fermeture demandée par les actionnaires*)
    asked = verb.lemma_.lower() in quote_words(lang).asking_verbs and said_noun is None
    lemma = speech_lemma(verb, lang) or verb.lemma_.lower()
    judged = subject is not None and subject.lower_ in PERSONAL_SUBJECTS and _judged_attribute(verb, lemma, lang)
    if subject is None or asked or lang == "fr" and subject.pos_ == "PRON" and not judged:
        return None
    if _negated(verb, lang):
        return None  # *les circonstances n'ont pas été précisées par le parquet*: nothing was said (session 38)
    # a verb whose object is whom or what it aims at (``quote_words`` ``target_verbs``: *Taïwan est menacée par la
    # Chine*, *le projet est soutenu par trois associations*) reports nothing in the passive, unless a *que* clause
    # of its own says what (session 35: 3 such on the develop sets, all false)
    if lemma in quote_words(lang).target_verbs and content_start(verb, lang) is None:
        return None
    taken_as = _taken_as(verb, lemma, agent, lang)
    speaker_span = None
    if said_noun is None:
        start, agent_end = subject.left_edge.idx, agent.right_edge.idx + len(agent.right_edge.text)
    else:  # the noun's own phrase to the agent's (a clause the parser hung on either is not what was said)
        start, agent_end = _noun_phrase_start(said_noun).idx, phrase_bounds(agent)[1]
    if taken_as is not None:
        agent_end = max(agent_end, taken_as.right_edge.idx + len(taken_as.right_edge.text))
        if taken_as.head.i == agent.i:  # the parser hung *comme…* on the agent: who judges ends before it
            speaker_span = strip_span(doc, phrase_bounds(agent)[0], taken_as.left_edge.idx)
    content = trim_final_punct(doc, *strip_span(doc, start, max(agent_end, verb.idx + len(verb.text))))
    if content[1] - content[0] < 10:
        return None
    if said_noun is None:
        return Candidate("indirect", "indirect_passive", content, cue_span(verb), agent, 0.6, speaker_span)
    # a noun phrase that is its whole sentence (*Une information démentie par X.*) is the report, as a passive
    # clause is; inside a sentence it is a report in passing, which takes no turn in the discourse (``speakers``)
    return Candidate("indirect", SAID_NOUN_ALONE if _alone(said_noun) else SAID_NOUN, content, cue_span(verb),
                     agent, 0.6, speaker_span)


def _judged_attribute(verb: Token, lemma: str, lang: str) -> bool:
    """*Elle a été jugée trop timide par les syndicats* (invented): the passive of a verb of judgement
    (``speech_frames`` ``adj``) with an adjective after it says what the agent judges the subject to be; a personal
    pronoun subject is then what is judged, and the clause is the judgement, not a pronoun pointing back at words
    said before (a relative's *qui* is left to the reading of its antecedent)."""
    return "adj" in speech_frames(lang).get(lemma, frozenset()) and any(
        c.i > verb.i and c.pos_ == "ADJ" and c.dep_ in ("xcomp", "advmod", "amod") for c in verb.children)


def _taken_as(verb: Token, lemma: str, agent: Token, lang: str) -> Token | None:
    """*X est considéré par les enquêteurs comme le cerveau de…*, *le vaccin, jugé par les médecins comme le plus
    sûr* (invented): the passive of a verb that judges its object (``speech_frames`` ``adj``: *considérer*,
    *juger*, *estimer*) says what the agent takes the subject for in a *comme* phrase after the agent, on the verb
    or, as the parser often hangs it, on the agent: the judgement is the report's content, or None."""
    if lang != "fr" or "adj" not in speech_frames(lang).get(lemma, ()):
        return None
    for tok in (*verb.children, *agent.children):
        if tok.i > agent.i and tok.dep_ != "conj" and any(
                c.dep_ in ("case", "mark") and c.lower_ == "comme" and c.i < tok.i for c in tok.children):
            return tok
    return None


def _said_noun(verb: Token, lang: str) -> Token | None:
    """The noun a speech verb's past participle qualifies, when the verb's object frame makes that noun what the
    participle's agent said (*la hausse réclamée par les syndicats*, *les baisses d'impôts promises par la
    candidate*), or None. French: the parser labels the participle ``acl`` or ``amod`` and may hang it on the last
    noun of the phrase (*la hausse des primes réclamée*): the qualified noun is the highest of the phrase's
    ``nmod`` chain that agrees with the participle in gender and number. Not a verb whose object may be a thing
    handed over (``handed_object_verbs``: *les pièces communiquées par la défense*) unless the noun names words or a
    document (``source_nouns.tsv``: *les propos rapportés par X*), not after *selon* or *d'après* (the according-to
    attribution's). A person or a body qualified so is reported as the verb's object is in the active voice (*le
    sélectionneur, critiqué par les journalistes*, as *les journalistes ont critiqué le sélectionneur*)."""
    if lang != "fr" or verb.dep_ not in ("acl", "amod") or verb.morph.get("VerbForm") != ["Part"]:
        return None
    lemma = speech_lemma(verb, lang) or verb.lemma_.lower()
    if "obj" not in speech_frames(lang).get(lemma, frozenset()):
        return None
    chain = [verb.head]
    while chain[-1].dep_ == "nmod" and chain[-1].head.pos_ == "NOUN" and chain[-1].head.i < chain[-1].i:
        chain.append(chain[-1].head)
    # a word of a quoted title (*« X est au courant de tout », relayé par…*) is not the head of the phrase qualified
    quoted = quoted_set(verb.doc)
    noun = next((n for n in reversed(chain) if n.pos_ == "NOUN" and n.i < verb.i and _agrees(verb, n)
                 and (n.idx not in quoted or verb.idx in quoted)), None)
    if noun is None:
        return None
    if lemma in quote_words(lang).handed_object_verbs and noun.lemma_.lower() not in source_nouns(lang):
        return None  # *les pièces communiquées par la défense*; words still are (*les propos rapportés par X*)
    if any(c.dep_ == "case" and c.lower_ + "".join(f.lower_ for f in c.children if f.dep_ == "fixed")
           in ("selon", "d'après", "d’après") for c in noun.children):
        return None
    return noun


# the dependents before a noun that belong to its own phrase (``_noun_phrase_start``)
_NOUN_PHRASE_DEPS = ("det", "amod", "nummod", "advmod", "compound", "fixed", "flat", "flat:name")


def _noun_phrase_start(noun: Token) -> Token:
    """The first word of a noun's own phrase: its determiners, adjectives and numerals before it, not the words of a
    clause the parser hung on it (a noun it made the root of a sentence whose verb it missed: *Le fournisseur
    dément la hausse…*, *dément* tagged an adverb)."""
    before = [c.left_edge for c in noun.children if c.i < noun.i and c.dep_ in _NOUN_PHRASE_DEPS]
    return min(before, key=lambda t: t.i, default=noun)


def _alone(noun: Token) -> bool:
    """Is the noun phrase its whole sentence but for an apposition (*Une information démentie par X, le maire.*):
    does the sentence open on it and hold no finite verb, no verb but participles qualifying a noun, and no subject,
    object or clause (a verb the tagger read as an adjective still has its object: *inquiète les riverains*)?"""
    words = [t for t in noun.sent if not t.is_punct and not t.is_space]
    return bool(words) and _noun_phrase_start(noun).i <= words[0].i and not any(
        "Fin" in t.morph.get("VerbForm") or t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod")
        or t.dep_ in ("obj", "nsubj", "ccomp") for t in words)


def _agrees(participle: Token, noun: Token) -> bool:
    """Do a past participle and a noun agree in gender and number? The participle's are read on its form
    (``_participle_features``), the noun's on the tagger's; a feature either leaves open agrees."""
    gender, number = _participle_features(participle)
    return (not noun.morph.get("Gender") or noun.morph.get("Gender") == [gender]) and (
        number is None or not noun.morph.get("Number") or noun.morph.get("Number") == [number])


def _participle_features(participle: Token) -> tuple[str, str | None]:
    """Gender and number of a French past participle, read on its form: the tagger's morphology misses them
    (*réclamée*, *vécue* tagged masculine). French conjugation: a masculine singular ends in -é, -i, -u, -t or -s,
    never in -e, so -e marks the feminine and -es its plural; -és, -ts and -us are masculine plurals, and the -is
    of a second-group verb (*réunis*, checked on the lemma); another -s (*promis*, *clos*) leaves the number open."""
    form, lemma = participle.lower_, participle.lemma_.lower()
    if form.endswith("es"):
        return "Fem", "Plur"
    if form.endswith("e"):
        return "Fem", "Sing"
    if form.endswith(("és", "ts", "us")) or form.endswith("is") and lemma.endswith("ir") \
            and not lemma.endswith("quérir") and form == lemma[:-1] + "s":
        return "Masc", "Plur"
    if form.endswith("s"):
        return "Masc", None
    return "Masc", "Sing"


PREPOSITION_FORMS = {"de": DE_FORMS, "à": A_FORMS}
CLAUSE_DEPS = {"obj", "dobj", "conj", "xcomp", "obl", "obl:arg", "obl:mod", "iobj", "prep", "advcl", "ccomp", "nmod"}


def _framed_content(verb: Token, lemma: str, speaker: Token, lang: str) -> tuple[tuple[int, int], str] | None:
    """Reported content with no complementizer, in the frames the lexicon gives the verb
    (``speech_frames_<lang>.tsv``): a noun object (*a dénoncé la décision*), an infinitive (*nie
    avoir menti*), a prepositional complement (*accuse Ottawa de…*, *appelle à…*, *called for…*), a
    reflexive with an adjective (*s'est dit prêt*), or whatever follows a colon (*insiste : il faut…*).

    The subject must be someone who can speak (a name, a pronoun, a role or source noun), and
    frames marked ``doc`` only hold when the subject is a document or study (*une étude montre…*).
    The content runs from the complement to the end of the sentence.
    """
    frames = speech_frames(lang).get(lemma, frozenset())
    doc = verb.doc
    sent_end = sentence_bounds(verb)[1]
    subject_is_document = speaker.lemma_.lower() in source_nouns(lang)
    if not credible_source(speaker, phrase_bounds(speaker), lang):
        return None
    start = None
    rule = None
    fixed = _fixed_words(verb, lemma, lang)
    pronominal = reflexive(verb)  # *s'est dit prêt*, *s'interroge sur*
    for child in _complements(verb, lemma, lang):
        quantity = _quantity_of(child)
        if child.dep_ not in CLAUSE_DEPS and not quantity:
            continue
        first = child.left_edge
        if fixed and first.i <= fixed[-1].i < child.i:  # the locution's words are no content (*met en avant X*)
            first = doc[fixed[-1].i + 1]
        word = first.lower_
        if fixed and _a_place(child, lang):
            continue  # *revenir sur les lieux*: where one goes back to, no subject of a comment
        objectlike = child.dep_ in ("obj", "dobj") or quantity or (
            # "réclame des armes" parsed as a conjunct
            child.dep_ == "conj" and child.pos_ == "NOUN" and not any(c.dep_ in SUBJECT_DEPS for c in child.children)) \
            or _object_behind_locution(child, fixed) or "de" not in frames and _partitive_object(child)
        if objectlike and ("obj" in frames or ("doc" in frames and subject_is_document)
                           or "att" in frames and _attitude(child, lang)):
            if child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X", "VERB") or quantity:
                start, rule = first, "object"
        elif "inf" in frames and child.dep_ in ("xcomp", "obj", "ccomp") and first.pos_ not in ("ADP", "SCONJ") and (
                child.morph.get("VerbForm") == ["Inf"]  # "nie avoir reçu": a past infinitive hangs on the participle
                or any(c.dep_.startswith("aux") and c.morph.get("VerbForm") == ["Inf"] for c in child.children)):
            start, rule = first, "infinitive"
        elif lang == "en" and child.dep_ == "xcomp" and (("to" in frames and first.lower_ == "to")
                                                        or ("ing" in frames and child.tag_ == "VBG")):
            start, rule = first, "infinitive"
        elif lang == "en" and child.dep_ == "prep" and child.lower_ in frames:
            start, rule = child, "complement"
        elif child.dep_ == "xcomp" and _adjectival(child) and ("attr" in frames or "adj" in frames):
            if pronominal and "attr" in frames or not pronominal and "adj" in frames:
                start, rule = first, "attribute"
        elif lang == "fr" and child.dep_ != "obj":
            for prep in ("de", "à", "sur", "pour", "contre"):
                forms = PREPOSITION_FORMS.get(prep, {prep})
                framed = prep in frames or f"{prep}+inf" in frames and _verbal(child) and _pledged(verb) \
                    or f"se+{prep}" in frames and pronominal \
                    or f"se+en+{prep}" in frames and pronominal and _clitic_en(verb)
                if framed and (word in forms or any(c.lower_ in forms and c.dep_ in ("case", "mark")
                                                    for c in child.children if c.i < child.i)):
                    start, rule = (first if word in forms else child.left_edge), "complement"
                    break
        if start is not None:
            break
    if start is None and lang == "fr":
        start = _complement_on_object(verb, frames) or _taken_for(verb, frames)
        rule = "complement" if start is not None else None
    if start is None:
        colon = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        while colon is not None and colon.pos_ == "ADV" and colon.i + 1 < len(doc):
            colon = doc[colon.i + 1]  # *précise encore :*
        if colon is not None and colon.text == ":" and colon.idx + 1 < sent_end:
            start, rule = doc[colon.i + 1] if colon.i + 1 < len(doc) else None, "colon"
        if start is None and colon is not None and colon.text == ":" and lang == "fr" \
                and verb.dep_ not in ("acl", "acl:relcl", "relcl"):  # *ce que X avait trouvé :¶*: a relative's verb
            block = _paragraph_after_colon(colon)
            return (block, "colon") if block is not None else None
    if start is None or start.idx >= sent_end:
        return None
    end = sent_end
    # a clause coordinated to the speech verb with its own subject is not the content
    # ("has championed X's accuser, but Broaddrick says…", "a dénoncé la décision et le ministre a répondu…")
    for other in verb.children:
        if other.i > start.i and other.dep_ in ("conj", "parataxis") and other.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in SUBJECT_DEPS for c in other.children):
            joints = [c for c in verb.children if c.dep_ == "cc" and start.i < c.i < other.i]
            end = min(end, (joints[0] if joints else other.left_edge).idx)
    if lang == "fr" and rule != "colon":  # after a colon whole clauses are the content (*insiste : les prix montent, …*)
        end = relative_report_end(verb, start, _run_on_clause(start, end, lambda head: True))
        if end < sent_end and phrase_bounds(speaker)[0] <= start.idx < phrase_bounds(speaker)[1]:
            return None  # the "complement" cut off opens on the speaker itself (*comme le disent des élus, …*)
    content = trim_final_punct(doc, *strip_span(doc, start.idx, end))
    return (content, rule) if content[1] - content[0] >= 3 else None


def _paragraph_after_colon(colon: Token) -> tuple[int, int] | None:
    """*La préfecture précise encore :¶ Les récoltes ont…* (invented): a speech verb's colon that ends its paragraph
    introduces the next one, the speaker's words set apart without quotation marks (a statement or a communiqué
    reproduced as a block). Not a quotation (the direct rules read it), a list (a bullet or a short title line), nor
    a paragraph with no finite verb."""
    doc = colon.doc
    text = doc_text(doc)
    after = colon.idx + 1
    line_end = text.find("\n", after)
    if line_end < 0 or text[after:line_end].strip():
        return None  # the colon does not end its paragraph
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or text[start] in QUOTE_MARKS or not text[start].isalpha():
        return None
    end = line_bounds(text, start)[1]
    content = trim_final_punct(doc, *strip_span(doc, start, end))
    if len(text[content[0]:content[1]].split()) < 6 or not has_finite_verb(doc, *content):
        return None
    return content


def _attitude(noun: Token, lang: str) -> bool:
    """*a dit son opposition au projet*, *ont redit leur soutien*: a noun of a feeling or a stance (``quote_words``
    ``attitude_nouns``) with a possessive determiner, the object *dire* reports as content (frame ``att``); *dire
    la vérité*, *dire des choses* report nothing."""
    nouns = quote_words(lang).attitude_nouns
    return (noun.lower_ in nouns or noun.lemma_.lower() in nouns) \
        and any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)


def _a_place(noun: Token, lang: str) -> bool:
    """Is the noun a place or a position (``quote_words`` ``place_nouns``: *les lieux*, *le terrain*, *ses pas*) or
    a place name the tagger knows (a ``LOC`` entity)? After a speech locution's fixed words (*revenir sur les
    lieux*) it is where one goes, not the subject of a comment."""
    if noun.lemma_.lower() in quote_words(lang).place_nouns or noun.lower_ in quote_words(lang).place_nouns:
        return True
    return noun.pos_ == "PROPN" and noun.ent_type_ == "LOC"


def _quantity_of(tok: Token) -> bool:
    """An adverb of quantity heading a noun with *de* (*réclame davantage de moyens*, *exige plus de
    transparence*, *dénonce trop de lenteurs*; ``quote_words`` ``quantity_adverbs``): the French parser makes
    the adverb the object or a modifier of the verb, and the noun its dependent; the phrase is a noun object
    all the same (French grammar: a determiner of quantity). Not another adverb before *de* (*lors de*)."""
    return tok.pos_ == "ADV" and tok.lower_ in quote_words(language_of(tok.doc)).quantity_adverbs and any(
        c.i > tok.i and c.pos_ in ("NOUN", "PROPN") and any(k.dep_ == "case" and k.lower_ in ("de", "d'", "d’")
                                                            for k in c.children) for c in tok.children)


def _verbal(complement: Token) -> bool:
    """A complement that is an infinitive (*à revoir la loi*, *à avoir menti*) or a *ce que* clause (*à ce que
    les salariés soient payés*): the frames marked ``à+inf`` (*s'engager à*) take only these; a noun after the
    preposition is a manner or a time (*s'engager à fond*, *à dix-huit ans*)."""
    if complement.morph.get("VerbForm") == ["Inf"] or any(
            c.dep_.startswith("aux") and c.morph.get("VerbForm") == ["Inf"] for c in complement.children):
        return True
    after = complement.doc[complement.i + 1] if complement.i + 1 < len(complement.doc) else None
    return complement.lower_ == "ce" and after is not None and after.lower_ in ("que", "qu'", "qu’")


def _pledged(verb: Token) -> bool:
    """Was the commitment or the request of a ``+inf`` frame (*s'engager à*, *suggérer de*) made: a finite verb in
    the indicative or the conditional, not under a condition (*si*, *pour que*), not an infinitive asked for or
    refused (*refuse de s'engager à*, *appelle le ministre à s'engager à*) nor a clause demanded (*exigent que l'État
    s'engage à*, a subjunctive the tagger may read as an indicative): the review of session 35."""
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]  # the verb and its auxiliaries
    if "Fin" not in {f for t in group for f in t.morph.get("VerbForm")} \
            or "Sub" in {m for t in group for m in t.morph.get("Mood")}:
        return False
    return not any(c.dep_ == "mark" and c.lower_ in ("si", "s'", "s’", "pour", "afin", "que", "qu'", "qu’")
                   for c in verb.children)


def _complement_on_object(verb: Token, frames: frozenset[str]) -> Token | None:
    """*a qualifié le ministre de menteur*, *accuse X, qui …, d'avoir menti*, *invite les élus à voter*:
    a verb whose frame is a person and a prepositional complement (``speech_frames``: *qualifier qqn de*,
    *accuser qqn de*, *inviter qqn à*) whose complement the parser hung on the object (a noun's modifier, or
    the object read as an ``xcomp``). The object and its complement are the content, from the object on: the
    first nominal dependent after the verb, with a dependent after it that the frame's preposition introduces.
    A verb that reports only so (``qqn+de``: *traiter qqn de*, whose other senses handle things, *traiter les
    dossiers de manière…*) needs a name for the object: a word in quotation marks or a bare noun or adjective
    (*de menteur*), not a phrase of manner (*de manière prioritaire*)."""
    only_someone = "qqn+de" in frames and "de" not in frames
    preps = [PREPOSITION_FORMS.get(p, {p}) for p in ("de", "à") if p in frames or f"qqn+{p}" in frames]
    if not preps:
        return None
    forms = set().union(*preps)
    fixed = {t.i for t in _fixed_words(verb, verb.lemma_.lower(), language_of(verb.doc))}
    first = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("obj", "xcomp", "iobj", "obl:arg")), None)
    if first is None or first.pos_ not in ("NOUN", "PROPN", "PRON", "X") or first.i in fixed:
        return None
    quoted = quoted_set(verb.doc)
    for grand in first.children:
        # an adjective the parser hung on the object as its modifier (*X de « … »*) when a preposition opens it
        if grand.i > first.i and grand.dep_ in ("nmod", "xcomp", "acl", "advcl", "appos", "amod") \
                and _stance_complement(grand) \
                and _introduced_by(grand, forms) and (not only_someone or grand.idx in quoted or all(
                    c.dep_ in ("case", "punct") for c in grand.children)):
            return first.left_edge
    return None


def _taken_for(verb: Token, frames: frozenset[str]) -> Token | None:
    """*Les riverains voient en ce chantier une menace*, *voit dans la hausse un signe* (invented): a verb whose frame
    pairs a complement introduced by a preposition with a noun object (``speech_frames`` ``en+obj``, ``dans+obj``:
    *voir en qqn un allié*) reports the pair, what the subject takes the complement for: the content runs from the
    complement on. The complement names something (a pronoun, a name or a determined noun: *voir en direct le
    match*, *voir en vrai* are a manner, and the perceptual sense) and comes before the object, with commas or
    other complements of the verb between them at most. The object is a common noun with a determiner (*a vu dans
    la salle Jean Dupont*: a person seen); the parser may read it as the complement's apposition or modifier
    (*voient en X, un bon maire*; *voit dans ce texte le signe de…*)."""
    preps = {f.split("+")[0] for f in frames if f.endswith("+obj")}
    if not preps:
        return None
    doc = verb.doc
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i), None)
    complements = [c for c in verb.children
                   if verb.i < c.i and c.dep_ in ("obl", "obl:mod", "obl:arg", "nmod", "iobj")]
    for comp in complements:
        case = next((c for c in comp.children if c.dep_ == "case" and c.i < comp.i), None)
        if case is None or case.lower_ not in preps or not (
                comp.pos_ in ("PRON", "PROPN") or any(c.dep_ in ("det", "nmod:poss") for c in comp.children)):
            continue
        if obj is not None and obj.i > comp.i:
            taken, allowed = obj, {t.i for c in complements for t in c.subtree}
        else:  # the object read as the complement's own apposition or modifier, with no preposition of its own
            taken = next((c for c in comp.children if c.i > comp.i and c.dep_ in ("appos", "nmod")
                          and not any(k.dep_ == "case" for k in c.children)), None)
            allowed = {t.i for t in comp.subtree}
        if taken is None or taken.pos_ != "NOUN" or not any(c.dep_ in ("det", "nmod:poss") for c in taken.children):
            continue
        allowed -= {k.i for k in taken.subtree}
        if all(t.text == "," or t.i in allowed for t in doc[comp.i + 1: taken.left_edge.i]):
            return case
    return None


def _introduced_by(tok: Token, forms: Collection[str]) -> bool:
    """Does a preposition of ``forms`` introduce the word: its own ``case`` or ``mark``, or the word just before its
    phrase past quotation marks (*de « … »*: the parser may hang *de* on the opening mark, not the noun)?"""
    if any(c.lower_ in forms and c.dep_ in ("case", "mark") and c.i < tok.i for c in tok.children):
        return True
    first = tok.left_edge
    before = word_before(first)
    marks = tok.doc[before.i + 1 : first.i]
    return before.i < first.i and len(marks) > 0 and all(t.text in QUOTE_MARKS for t in marks) \
        and before.lower_ in forms


def _stance_complement(tok: Token) -> bool:
    """What a person is called or urged to (*de menteur*, *de « boucher »*, *d'avoir menti*, *à voter*): an
    infinitive, or a bare noun or adjective; not a name or a determined noun, which modify the object
    itself (*le maire de Lyon*, *le directeur de la région*)."""
    if tok.morph.get("VerbForm") == ["Inf"] or any(
            c.dep_.startswith("aux") and c.morph.get("VerbForm") == ["Inf"] for c in tok.children):
        return True
    return tok.pos_ in ("NOUN", "ADJ") and not any(c.dep_ in ("det", "nmod:poss") for c in tok.children)


def _adjectival(tok: Token) -> bool:
    """An adjective, or a past participle used as one (*s'est dit choqué*, *se dit convaincu que*: the
    tagger calls it a verb; with no auxiliary of its own it is the attribute)."""
    return tok.pos_ == "ADJ" or tok.pos_ == "VERB" and tok.morph.get("VerbForm") == ["Part"] \
        and tok.morph.get("Tense") == ["Past"] and not any(c.dep_.startswith("aux") for c in tok.children)


CLAUSE_JOINTS = (",", ";", "—", "–")


def _run_on_clause(start: Token, end: int, opens: Callable[[Token], bool]) -> int:
    """Where a framed content (a noun, infinitive or prepositional complement) runs into a clause of
    its own: *Le maire signale une erreur, la préfète parle d'un problème* (invented), which the parser may
    read as a clause hung on the object noun, so that the second speaker's words land in the first's
    report. A complement holds no finite clause with its own subject set off by a comma, a semicolon or
    a dash (French grammar: such a clause is juxtaposed to the sentence's main clause, not embedded in a
    noun phrase; a relative clause has its pronoun, which is no subject of its own here). Only a noun or a
    name opens such a clause: a pronoun may take up the first speaker (measured on dev1, issue 14,
    session 15). The content ends at the punctuation before that clause's subject; ``end`` when there is
    none. ``opens`` says which clause heads end the content (a *que* clause may hold juxtaposed
    clauses of the speaker's own: only a report or the clause above it end it there)."""
    doc = start.doc
    relatives = quote_words(language_of(doc)).relative_pronouns
    for tok in doc[start.i + 1:]:
        if tok.idx >= end:
            break
        if tok.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass") or tok.pos_ not in ("NOUN", "PROPN") \
                or tok.lower_ in relatives or tok.i > tok.head.i:
            continue  # a pronoun subject may take up the first speaker (*Si X reconnaît Y, elle critique Z*)
        head = tok.head
        if _in_relative(head) or not opens(head) or not any("Fin" in t.morph.get("VerbForm") for t in [head, *head.children]
                                         if t is head or t.dep_.startswith(("aux", "cop"))):
            continue
        left = tok.left_edge
        if left.i - 1 > start.i and doc[left.i - 1].text in CLAUSE_JOINTS:
            return doc[left.i - 1].idx
    return end


def relative_report_end(verb: Token, start: Token, end: int) -> int:
    """Where a report made in a detached relative clause on the sentence's subject ends: *Le maire, qui
    affirme que la ligne ferme, a quitté la séance* (invented): at the comma before the main clause's
    predicate (``main_predicate_comma``). Only for a verb whose subject is the relative pronoun, set off by a
    comma, or in a phrase set off by one (an apposition, *X, un élu qui…, a…*, since session 53); with no comma,
    for a relative on a demonstrative or, since session 53, on the subject of a verb after it, where the main
    clause's verb begins (``_main_predicate``); ``end`` otherwise. An infinitive reads the relative of the verb it
    complements (*X, qui a préféré démentir la rumeur, a…*, session 56)."""
    doc = verb.doc
    words = quote_words(language_of(doc))
    if verb.dep_ == "xcomp" and verb.morph.get("VerbForm") == ["Inf"] and verb.head.i < verb.i:
        verb = verb.head
    pronoun = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in words.relative_pronouns), None)
    if pronoun is None or pronoun.i == 0:
        return end
    antecedent = verb.head
    if doc[pronoun.i - 1].text == "," or antecedent.i < pronoun.i and antecedent.left_edge.i > 0 \
            and doc[antecedent.left_edge.i - 1].text == ",":
        # the relative, or the phrase it describes, set off by a comma (*X, un militant qui se dit proche de Y, a
        # quitté la salle*: an apposition to the subject)
        return main_predicate_comma(start, end, start.head, start.lower_ in words.content_marks)
    if doc[pronoun.i - 1].lower_ in _DEMONSTRATIVE_HEADS or antecedent.i < pronoun.i \
            and antecedent.dep_ in SUBJECT_DEPS and antecedent.head.i > verb.i:
        # a relative on a demonstrative or on the subject of a verb after it (*Le président de la région qui avait
        # dit son hostilité au meeting a finalement lâché le candidat*): no comma closes it
        return _main_predicate(start, end, start.head, start.lower_ in words.content_marks)
    return end


# the French demonstrative pronouns a restrictive relative describes as a subject (*Celui qui se dit victime…*)
_DEMONSTRATIVE_HEADS = frozenset({"celui", "celle", "ceux", "celles"})


def _main_predicate(start: Token, end: int, own: Token, needs_verb: bool) -> int:
    """*Celui qui se dit victime d'une campagne depuis un an l'assure : …* (invented after dev8): a relative on a
    demonstrative subject is set off by no comma, and its report ends where the main clause's verb begins (with
    its clitics), a French finite verb with no subject in the content, as ``main_predicate_comma`` reads one after
    a comma."""
    doc = start.doc
    for tok in doc[start.i + 1:]:
        if tok.idx >= end:
            break
        if tok.pos_ not in ("VERB", "AUX") or "Fin" not in tok.morph.get("VerbForm"):
            continue
        # the verb, or the participle or attribute a finite auxiliary or copula serves (*n'a pas démissionné*, the
        # participle read as an adjective)
        predicate = tok.head if tok.dep_.startswith(("aux", "cop")) and tok.head.i > tok.i else tok
        if predicate.i == own.i or any(c.dep_ in SUBJECT_DEPS and c.idx >= start.idx for c in predicate.children):
            continue
        # its group (``verb_group_start``: auxiliaries, *ne*, *se*) with a copula and object clitics (*l'assure*)
        first = min([verb_group_start(predicate)] + [c.i for c in predicate.children if c.i < predicate.i and (
            c.dep_.startswith("cop") or c.lower_ in _CLITICS)])
        if needs_verb and not has_finite_verb(doc, start.idx, doc[first].idx):
            continue
        return doc[first].idx if first > start.i else end
    return end


def main_predicate_comma(start: Token, end: int, own: Token, needs_verb: bool) -> int:
    """The comma that closes a detached relative clause before the main clause's predicate, which the
    parser may read as part of the relative (*a quitté* hung on the reported clause): a French finite verb
    after a comma, with no subject in the content from ``start`` or after it (its subject is the relative's
    antecedent: French grammar puts the relative between the subject and its verb), that is not ``own``, the
    clause's own head (*que le projet, voté hier, est mort*). With ``needs_verb``, only once the content holds
    a finite verb of its own. ``end`` when no such comma comes before it."""
    doc = start.doc
    for comma in doc[start.i + 1:]:
        if comma.idx >= end:
            break
        if comma.text not in CLAUSE_JOINTS or comma.i + 1 >= len(doc):
            continue
        nxt = doc[comma.i + 1]
        while nxt.i + 1 < len(doc) and (nxt.lower_ in _CLITICS or nxt.lower_ in ("ne", "n'", "n’")):
            nxt = doc[nxt.i + 1]
        if nxt.pos_ not in ("VERB", "AUX") or "Fin" not in nxt.morph.get("VerbForm"):
            continue
        predicate = nxt.head if nxt.dep_.startswith(("aux", "cop")) else nxt
        if predicate.i == own.i or any(c.dep_ in SUBJECT_DEPS and c.idx >= start.idx for c in predicate.children):
            continue  # the clause's own verb, or a clause with its own subject
        if needs_verb and not has_finite_verb(doc, start.idx, comma.idx):
            continue  # the clause has not reached its verb yet
        return comma.idx
    return end


def _fixed_words(verb: Token, lemma: str, lang: str) -> list[Token]:
    """The fixed words of the speech locution ``verb`` opens (*mis en garde*, *met en avant*,
    ``lexicons.locution_words``), none for a plain verb."""
    locution = locution_words(verb, lang) if " " in lemma else None
    return locution[1] if locution is not None else []


def _complements(verb: Token, lemma: str, lang: str) -> list[Token]:
    """The dependents of ``verb`` after it, in text order, that may hold its framed content. For a
    speech locution (*a mis en garde X contre…*, *a fait part de…*, *a lancé un appel à…*,
    ``lexicons.locution_words``) the fixed words are no content, and the parser may hang the
    complement on the locution's noun rather than on the verb: that noun's dependents count too."""
    fixed = _fixed_words(verb, lemma, lang)
    skip = {t.i for t in fixed}
    kids = [*verb.children, *(c for t in fixed for c in t.children), *_objects_under_oblique(verb)]
    return sorted((c for c in kids if c.i > verb.i and c.i not in skip), key=lambda c: c.i)


def _objects_under_oblique(verb: Token) -> list[Token]:
    """*condamne sans réserve ce projet* (invented): the parser may hang the verb's object on the noun of an
    oblique before it (an ``obj`` of *réserve*). A noun takes no object (Universal Dependencies: ``obj`` is
    a core argument of a predicate), so an object under a bare oblique noun of the verb is the verb's."""
    return [g for c in verb.children if c.dep_.startswith("obl") and c.pos_ == "NOUN" and c.i > verb.i
            and not any(d.dep_ == "cop" for d in c.children) for g in c.children if g.dep_ in ("obj", "dobj")]


def _object_behind_locution(child: Token, fixed: list[Token]) -> bool:
    """*met en avant la qualité de vie*: the parser reads the locution's words as the case of the noun
    after it (an oblique *en avant la qualité*); a noun whose only case words lie within the locution
    is the locution's object."""
    if not fixed or child.pos_ not in ("NOUN", "PROPN"):
        return False
    cases = [c for c in child.children if c.dep_ == "case"]
    return bool(cases) and all(c.i <= fixed[-1].i for c in cases)


def _clitic_en(verb: Token) -> bool:
    """Does the French verb carry the clitic *en* before it (*s'en est pris*, *s'en prend*)?"""
    return any(c.lower_ == "en" and c.pos_ == "PRON" and c.i < verb.i for c in verb.children) or any(
        t.lower_ == "en" and t.pos_ == "PRON" for t in verb.doc[max(verb.i - 3, 0) : verb.i])


def _partitive_object(child: Token) -> bool:
    """*réclament des garanties*, *exigent du changement*: the French parser may read the partitive article as the
    preposition *de* fused with the article (``case``) and the object as an oblique. For a verb that takes no *de*
    complement (the caller's frame check) a noun whose phrase opens on *des* or *du* as its only case word is the
    object, unless a common noun stands right before it, which the phrase then complements (*écrit dans les pages
    du quotidien*)."""
    if child.pos_ != "NOUN" or not child.dep_.startswith("obl"):
        return False
    cases = [c for c in child.children if c.dep_ == "case"]
    if len(cases) != 1 or cases[0].i != child.left_edge.i or cases[0].lower_ not in ("des", "du"):
        return False
    return child.doc[cases[0].i - 1].pos_ != "NOUN"


def report_subject(verb: Token, lang: str) -> Token | None:
    """Who speaks a speech verb, as the rules read it: where the parse misplaces the subject (a
    verbless root, an incise's inverted subject read as an object) first, then the parse's subject
    (``speaker_head``). The learned filter's candidates read it the same way (``reported``)."""
    return verbless_root_subject(verb) or inverted_object(verb, lang) or speaker_head(verb) or (
        subject_before_relative(verb) if lang == "fr" else None)


def verbless_root_subject(verb: Token) -> Token | None:
    """*Un avis du conseil, publié hier, accuse le maire de…*: when the parser finds no main
    verb (the sentence's root is a noun before the speech verb) and hangs a finite speech verb with no
    subject of its own under a noun, that verb is the main verb and the root noun phrase its subject
    (a finite verb has a subject in French and English grammar; a relative clause has its pronoun)."""
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= verb.i or "Fin" not in verb.morph.get("VerbForm"):
        return None
    if verb.dep_ not in ("acl", "appos", "nmod", "conj") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if "\n" in doc_text(verb.doc)[root.idx:verb.idx]:
        return None  # a title run into the next line's sentence
    return root


def inverted_object(verb: Token, lang: str) -> Token | None:
    """*Les ventes reculent, a noté cette enquête.*: a finite speech verb in incise position (after a
    comma) that the parser coordinated to the clause before it, so that it borrows that clause's
    subject, and whose "object" closes the sentence and can speak (``credible_source``): that object is
    the inverted subject (French incises invert their subject; a transitive use has its own subject).
    The parser may also make the incise verb the head of the whole sentence, taking the reported
    clause's subject as its own (``_stolen_subject``)."""
    if lang != "fr" or not finite(verb):
        return None
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    doc = verb.doc
    if first < 1 or doc[first - 1].text not in (",", "—", "–"):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i), None)
    stray = obj is None
    if stray:
        obj = _stray_inverted_subject(verb)
    if obj is None:
        return None
    tail = [] if stray else _words_after(obj.right_edge, sentence_bounds(verb)[1])
    if tail and not _coordinated(tail) and not _when(tail, lang):
        return None
    if not credible_source(obj, phrase_bounds(obj), lang):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ in ("conj", "parataxis", "advcl"):
        return obj
    return obj if _stolen_subject(verb, obj, subjects, first - 1) else None


def _stray_inverted_subject(verb: Token) -> Token | None:
    """*…, détaille Le Journal.*, *…, rapporte ce lundi le quotidien X.* (invented): the phrase after an incise's verb
    (past a time, ``syntax.inverted_subject``) that the parser hung on another word of the sentence, the reported
    clause's verb or noun, so that the incise's verb has no object of its own; ``inverted_object`` then weighs it
    as it weighs an object (closing the sentence, able to speak, the words before the comma a clause of their
    own). Not a phrase the verb governs otherwise, nor one past a verb (*…, précise que le maire…*); and the words
    from it to the sentence's end are read on the surface, a name's or a noun phrase's words only (the parse may
    hang them anywhere: *le quotidien | The Guardian*)."""
    found = inverted_subject(verb)
    if found is None or found.head.i == verb.i or any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1:found.i]):
        return None
    phrase = _words_after(found, sentence_bounds(verb)[1])
    if len(phrase) > STRAY_PHRASE_WORDS or any(t.pos_ not in _PHRASE_WORDS for t in phrase):
        return None
    return found


# How many words may follow a stray inverted subject's head in its phrase (*le quotidien The Guardian*: 2), and
# what they may be (prior: a name, a title, an outlet's name)
STRAY_PHRASE_WORDS = 6
_PHRASE_WORDS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "X", "ADP", "NUM"})


def _words_after(tok: Token, sent_end: int) -> list[Token]:
    """The tokens after ``tok`` up to the end of its sentence or its final punctuation."""
    out = []
    for t in tok.doc[tok.i + 1:]:
        if t.idx >= sent_end or t.text in SENT_END:
            break
        out.append(t)
    return out


def _when(tail: list[Token], lang: str) -> bool:
    """Whether the words after an incise's inverted subject only say when (*…, a confié la chancelière dimanche
    soir.*, *…, a révélé RTL ce lundi.*): lower-case time nouns (``quote_words`` ``time_nouns``, the tagger may
    have run them into an outlet's name) with a determiner or an adjective at most."""
    times = quote_words(lang).time_nouns
    return any(t.lower_ in times for t in tail) and all(
        t.text[:1].islower() and (t.lower_ in times or t.pos_ in ("DET", "ADJ", "NUM")) for t in tail)


def _coordinated(tail: list[Token]) -> bool:
    """Whether the words after an incise's inverted subject only add a second speaker coordinated to
    it (*…, assure le syndicat ainsi que deux géologues.*, invented), which the parser may hang
    elsewhere: a coordinating word first, a coordinated noun in it."""
    return tail[0].dep_ == "cc" and any(t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") for t in tail)


def _stolen_subject(verb: Token, obj: Token, subjects: list[Token], comma: int) -> bool:
    """*Le texte était contraire à la loi, assure le journal.* (invented) parsed with *assure* as the
    sentence's head, *texte* its subject and *journal* its object: the verb is an incise when the words
    before its comma are a clause of their own (a finite verb outside a relative clause, so that *Le
    maire, qui était absent, a dénoncé le syndicat* stays transitive), every subject the parser gave it
    is in that clause, and it agrees in number with the noun after it, its inverted subject (French
    subject-verb agreement). A comma between a subject and its verb is no French construction (an
    apposition or a relative clause aside), so the reading holds for a head verb too."""
    if any(s.i >= comma for s in subjects):
        return False
    number = next((t.morph.get("Number") for t in [verb, *verb.children]
                   if (t is verb or t.dep_.startswith("aux")) and "Fin" in t.morph.get("VerbForm")), None)
    if not number or number != obj.morph.get("Number"):
        return False
    start = sentence_bounds(verb)[0]
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not _in_relative(t)
               for t in verb.doc[verb.sent.start:comma] if t.idx >= start)


def _in_relative(tok: Token) -> bool:
    """Whether a finite verb or auxiliary belongs to a relative clause (its own label or its head's)."""
    return tok.dep_ in ("acl:relcl", "relcl") or tok.pos_ == "AUX" and tok.head.dep_ in ("acl:relcl", "relcl")


# French conjunctive pronouns that stand between an incise's comma and its verb (Grevisse: the clitics); a
# subject or relative pronoun (*…, il a dit que*, *…, qui a déclaré*) opens a clause, it closes no incise
_CLITICS = frozenset({"me", "m'", "m’", "te", "t'", "t’", "se", "s'", "s’", "nous", "vous", "lui", "leur",
                      "le", "la", "les", "l'", "l’", "en", "y"})


def closing_joint(verb: Token) -> Token | None:
    """The comma (or dash) before ``verb``, its auxiliaries and its clitics when the verb closes an
    incise (*…, a indiqué X*, *…, a-t-on appris*, *…, s'est réjoui X*), inside its sentence; None when
    the verb does not follow one. The clitics since session 21: a pronominal verb of speech (*se
    féliciter*, *se réjouir*) closed no incise before (dev4: one quote found, one nested report lost)."""
    doc = verb.doc
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    clitics = {c.i for c in verb.children if c.pos_ == "PRON" and c.i < first and c.lower_ in _CLITICS}
    while first - 1 in clitics:  # a pronominal verb's or an addressee's clitic: *…, s'est réjoui X*, *…, m'a dit X*
        first -= 1
    if first < 1 or doc[first - 1].text not in (",", "—", "–") or doc[first - 1].idx <= sentence_bounds(verb)[0]:
        return None
    return doc[first - 1]


def closing_incise_start(start: Token, end: int) -> int:
    """Where a French closing incise begins in the words from ``start`` to ``end`` (its comma), or ``end``:
    *X a soutenu que les locaux étaient trop petits, avance Le Monde.* The reported clause stops there: the
    incise names who relays it, it is no part of what X said. Only an incise that closes the sentence (no finite
    verb after its own: *que le projet, affirme-t-il, est mort* keeps its end) and whose subject is inverted or
    absent (*…, il ajoute* opens a clause)."""
    doc = start.doc
    lang = language_of(doc)
    stop = next((t.i for t in doc[start.i + 1:] if t.idx >= end), len(doc))
    for tok in doc[start.i + 1:stop]:
        if not finite(tok) or not speech_lemma(tok, lang):
            continue
        joint = closing_joint(tok)
        if joint is None or joint.idx <= start.idx:
            continue
        subject = subject_of(tok)
        if subject is not None and not _subject_inverted(tok, subject, lang):
            continue
        if any(finite(t) and t.head.i != tok.i for t in doc[tok.i + 1:stop]):
            continue  # a verb of its own after it: the incise sits inside the sentence
        return joint.idx
    return end


def _subject_inverted(verb: Token, subject: Token, lang: str) -> bool:
    """Does an incise's verb have its subject after it (*…, a indiqué X*, *…, a-t-il dit*), or one the parser read as
    its object (``inverted_object``)?"""
    return subject.i > verb.i or subject.lower_.startswith("-") or inverted_object(verb, lang) is not None


def _incise_content(verb: Token, lang: str) -> tuple[int, int] | None:
    """Reported speech before a closing speech verb: ``Le projet est abandonné, a indiqué X.``."""
    doc = verb.doc
    if not finite(verb):
        return None
    # an object past a comma after the verb is the parse hanging a later phrase on it (*…, assure-t-il, en hiver
    # comme en été*), not the verb's own
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i
               and not any(t.text in (",", ";", ":") for t in doc[verb.i + 1:c.i])]
    if objects and not credible_source(objects[0], phrase_bounds(objects[0]), lang):
        return None  # "a condamné l'invasion": a transitive use, not an incise
    joint = closing_joint(verb) if lang == "fr" else None
    if lang == "fr" and joint is None:
        return None
    if lang == "en":  # "The plant will close, the union said." (the parser makes the clause a ccomp)
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        subject = subject_of(verb)
        if clause is None or subject is None or subject.i > verb.i:
            return None
        comma = subject.left_edge.i - 1
        if comma <= clause.i or doc[comma].text not in (",", "—", "–"):
            return None
        return strip_bullets(doc, *strip_span(doc, clause.left_edge.idx, doc[comma].idx))
    subject = subject_of(verb)
    if subject is None:
        # a verbless root is the subject before the verb, as is a name the parser hung on a fronted
        # adverbial (``fronted_subject``): neither verb closes an incise
        inverted = verbless_root_subject(verb) is None and fronted_subject(verb) is None \
            or inverted_object(verb, lang) is not None
    else:
        inverted = _subject_inverted(verb, subject, lang)
    if not inverted:
        return None
    sent_start, sent_end = sentence_bounds(verb)
    content = strip_bullets(doc, *strip_span(doc, sent_start, joint.idx))
    if all(t.lower_ in CONNECTIVES or t.is_punct for t in doc.char_span(*content, alignment_mode="expand") or ()):
        return None  # *Mais, ajoute X, « … »*: a connective before a fronted incise reports nothing
    if not has_finite_verb(doc, *content) and doc_text(doc)[content[1] - 1] not in "?!":
        # *Ironie du sort, rappelle X, le maire avait…*: the clause after it (not after *Et après ?, demande X*)
        after = _after_incise(verb, subject, sent_end)
        if after is not None:
            return after
    return content


def _after_incise(verb: Token, subject: Token | None, sent_end: int) -> tuple[int, int] | None:
    """The clause after an incise set in the middle of its sentence (the comma past the verb and its inverted
    subject to the sentence's end), when it holds a finite verb: what the incise reports, the words before it
    a frame (*Ironie du sort, rappelle le journal, le maire avait…*)."""
    doc = verb.doc
    last = max(verb.i, subject.right_edge.i) if subject is not None else verb.i
    comma = next((t for t in doc[last + 1:] if t.idx < sent_end and t.text == ","), None)
    if comma is None or comma.i > last + 4:
        return None  # the incise closes its sentence, or runs on past a few words: no clause set after it
    after = trim_final_punct(doc, *strip_span(doc, comma.idx + 1, sent_end))
    if after[1] <= after[0] or doc_text(doc)[after[0]] in QUOTE_MARKS:
        return None  # *Mais son « attitude », affirme X, « n'est que… »*: a quotation after it, the direct rules' own
    first = token_at(doc, after[0])
    if first is None or first.pos_ in ("SCONJ", "CCONJ", "ADP") or first.lower_ in ("qui", "que", "qu'", "qu’", "où",
                                                                                     "dont", "lequel", "laquelle"):
        return None  # *…, demande X, qui aurait perdu…*, *…, répond Y, où l'on dit…*, *…, car…*: the incise's own
    if first.i + 1 < len(doc) and first.lower_ in ("alors", "tandis", "même") and doc[first.i + 1].dep_ == "mark":
        return None  # *alors que…*, *tandis que…*, *même si…*: a subordinate clause
    return after if has_finite_verb(doc, *after) else None
