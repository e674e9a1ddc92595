"""According-to attributions: ``selon X``, ``d'après X``, ``à en croire X``, ``according to X``,
``un rapport selon lequel…`` and ``c'est ce que révèle X``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import (
    SUBJECT_DEPS, language_of, nationalities, quote_words, role_nouns, source_nouns, speech_form_set,
    speech_forms, speech_lemma, speech_tokens,
)
from recoupe.analysis.quotes.coreference import is_person_noun
from recoupe.analysis.quotes.index import anaphoric_description, credible_source, entities_in, name_span
from recoupe.analysis.quotes.indirect import _clause_bounds, closing_joint, content_start, main_predicate_comma
from recoupe.analysis.quotes.syntax import (
    CONNECTIVES,
    DE_FORMS,
    Candidate,
    clause_subject,
    contrast_before,
    cue_span,
    has_finite_verb,
    hyphen_subject,
    inverted_subject,
    noun_phrase_head,
    phrase_bounds,
    previous_sentence,
    subject_of,
)
from recoupe.analysis.text import (
    CLOSING_MARKS, QUOTE_MARKS, QUOTE_PAIRS, SENT_END, STRAIGHT, fold, in_text_order, mark_after, quoted_set,
    quoted_spans, sentence_bounds, strip_bullets, strip_span, token_at, tokens_with, trim_final_punct,
)


# The words that can open an according-to attribution (the loop below skips every other token).
_CUES = {"fr": frozenset({"selon", "d'", "d’", "à", "a", "pour", "dans", "aux", "du", "de", "au"}),
         "en": frozenset({"according", "for"})}
# French locutions that put what follows under someone's view, as *selon* does (the *modalisation en
# discours second* of Authier-Revuz; Grevisse lists them with *selon* and *d'après*): the words after the
# first one, up to the preposition that introduces the source
STANCE_LOCUTIONS = {"aux": (("yeux",), ("dires",)), "du": (("point", "de", "vue"),), "au": (("dire",),),
                    "de": (("l'", "avis"), ("l’", "avis"))}


def _stance_locution(doc: Doc, tok: Token) -> Token | None:
    """The preposition that closes a stance locution opened by ``tok`` (*aux yeux de X*, *du point de
    vue de X*, *de l'avis du ministre*, *au dire de X*), before the source phrase, or None. Only a
    detached locution, opening its sentence or set off by a comma, a dash or a bracket: inside a clause
    the same words are a verb's complement (*a tenu compte de l'avis du Conseil*, *a parlé du point de
    vue des agriculteurs*). The words are read first: *de* and *du* are among the commonest tokens, and
    only a locution's first word needs its sentence bounds."""
    for rest in STANCE_LOCUTIONS.get(tok.lower_, ()):
        end = tok.i + len(rest)
        if end + 2 >= len(doc) or any(doc[tok.i + 1 + k].lower_ != w for k, w in enumerate(rest)):
            continue
        prep = doc[end + 1]
        if prep.lower_ not in DE_FORMS:
            continue
        detached = _opens_sentence(tok) or tok.i > 0 and doc[tok.i - 1].text in (",", "—", "–", "(")
        return prep if detached else None
    return None


def according_to(doc: Doc, lang: str) -> list[Candidate]:
    out = []
    for tok in tokens_with(doc, "lower", _CUES["fr" if lang == "fr" else "en"]):
        low = tok.lower_
        cue_end = tok
        if lang == "fr":
            if low == "selon":
                pass
            elif low in ("d'", "d’") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "après":
                cue_end = doc[tok.i + 1]
            elif (low == "à" or tok.text == "A" and _opens_sentence(tok)) and tok.i + 2 < len(doc) \
                    and doc[tok.i + 1].lower_ == "en" and doc[tok.i + 2].lower_ == "croire":
                # *A en croire X*: French print often drops the accent of a capital (*A* for *À*)
                cue_end = doc[tok.i + 2]
            elif low == "pour" and tok.i + 1 < len(doc) and _stance_pronoun(doc[tok.i + 1]) and not _opens_sentence(tok):
                cand = _stance_relative(doc, tok, doc[tok.i + 1], lang)
                if cand is not None:
                    out.append(cand)
                continue
            elif low == "pour" and not _opens_sentence(tok) and (cand := _closing_poll_share(doc, tok)) is not None:
                out.append(cand)
                continue
            elif low == "pour" and (_opens_sentence(tok) or tok.i > 0 and doc[tok.i - 1].text == ","):
                cand = _stance(doc, tok, lang, opening=_opens_sentence(tok))
                if cand is not None:
                    out.append(cand)
                continue
            elif low == "dans" and _opens_sentence(tok):
                cand = _in_document(doc, tok, lang)
                if cand is not None:
                    out.append(cand)
                continue
            elif low in STANCE_LOCUTIONS and (prep := _stance_locution(doc, tok)) is not None:
                cue_end = prep
            else:
                continue
        else:
            if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cue_end = doc[tok.i + 1]
            elif low == "for" and _opens_sentence(tok):  # "For Pompeo, the deal is dead": as French "Pour X, …"
                cand = _stance(doc, tok, lang)
                if cand is not None:
                    out.append(cand)
                continue
            else:
                continue
        if cue_end.i + 1 >= len(doc):
            continue
        nxt = doc[cue_end.i + 1]
        if nxt.lower_ in ("que", "qu'", "qu’", "moi", "nous", "me", "us"):
            continue
        if nxt.lower_ in quote_words(lang).selon_relatives:
            cand = _selon_relative(doc, tok, nxt)
        else:
            cand = _selon_phrase(doc, tok, cue_end, nxt, lang)
        if cand is not None:
            out.append(cand)
    out.extend(_ce_que_revele(doc, lang))
    out.extend(_comme_le_dit(doc, lang))
    out.extend(_read_in(doc, lang))
    out.extend(_learned_from(doc, lang))
    return out


def _learned_from(doc: Doc, lang: str) -> list[Candidate]:
    """*La commune ferme deux écoles, a-t-on appris jeudi soir auprès de sa mairie*, *…, apprend-on de source
    policière* (invented): the journalist's incise with a reading verb (``reading_verbs``) and the
    impersonal *on* names, after *auprès de* or *de source*, whom the clause before it comes from; that
    source vouches for the clause as *selon X* would."""
    if lang != "fr":
        return []
    out = []
    for verb in tokens_with(doc, "lemma", quote_words(lang).reading_verbs):
        subject = hyphen_subject(verb)
        if subject is None or subject.lower_ != "-on":
            continue  # the inverted *-on* of an incise (*a-t-on appris*), not *on a appris que…*
        joint = closing_joint(verb)
        if joint is None:
            continue  # an incise closes the clause it vouches for
        content = strip_bullets(doc, *strip_span(doc, sentence_bounds(verb)[0], joint.idx))
        source = _named_after_marker(verb)
        if source is not None and content[1] - content[0] >= 10:
            out.append(Candidate("according_to", "according_to_learned", content, cue_span(verb), source, 0.6))
    return out


def _named_after_marker(verb: Token) -> Token | None:
    """Who the news came from, within the few words after ``verb`` in its sentence: the noun after
    *auprès de*, or the noun *source* of *de source X* (its phrase, *source policière*, names it). Read
    from the surface: the parser hangs *auprès* on whatever noun precedes it."""
    doc = verb.doc
    end = sentence_bounds(verb)[1]
    for tok in doc[verb.i + 1:min(verb.i + 8, len(doc))]:
        if tok.idx >= end or tok.text in (",", ";", ":"):
            return None
        if tok.lower_ == "auprès":
            return next((t for t in doc[tok.i + 1:min(tok.i + 5, len(doc))]
                         if t.pos_ in ("NOUN", "PROPN") and t.idx < end), None)
        if tok.lower_ == "source" and doc[tok.i - 1].lower_ in ("de", "d'", "d’"):
            return tok
    return None


def _read_in(doc: Doc, lang: str) -> list[Candidate]:
    """*On peut lire dans le rapport que…*, *Dans la revue, on découvre que…* (invented): a reading verb
    (``reading_verbs``: *lire*, *apprendre*, *découvrir*) with the impersonal *on* and a *dans* / *sur*
    complement that names a source (a document, an outlet, a body: ``credible_source``) attributes the
    clause it introduces to that source, as *selon X* would (French journalism's way of citing a text)."""
    words = quote_words(lang)
    out = []
    for verb in tokens_with(doc, "lemma", words.reading_verbs):
        carrier = verb.head if verb.dep_ == "xcomp" and verb.head.i < verb.i else verb  # "on peut lire dans…"
        subject = subject_of(verb) or subject_of(carrier)
        if subject is None or subject.lower_ not in ("on", "-on"):
            continue
        place = next((c for t in (verb, carrier) for c in t.children if c.dep_.startswith(("obl", "nmod")) and any(
            k.dep_ == "case" and k.lower_ in ("dans", "sur") for k in c.children)), None)
        if place is None:
            continue
        bounds = phrase_bounds(place)
        clause = content_start(verb, lang)
        after = token_at(doc, bounds[1] + 1)
        if clause is None and after is not None and after.lower_ in words.content_marks and after.i > verb.i:
            clause = after  # the parser read *que* after the source as a relative pronoun on it
        if clause is None or place.i > clause.i or not credible_source(place, bounds, lang):
            continue
        content = _clause_bounds(clause)
        if content[1] - content[0] >= 10:
            out.append(Candidate("according_to", "according_to_read", content, cue_span(verb), place, 0.6))
    return out


def _comme_le_dit(doc: Doc, lang: str) -> list[Candidate]:
    """``Comme le rapporte BFMTV, …``, ``comme l'a indiqué le ministère, …``, ``as X reported, …``: a
    speech verb in a *comme* / *as* clause vouches for the rest of the sentence."""
    out = []
    marks = {"fr": ("comme",), "en": ("as",)}[lang]
    forms = speech_forms(lang)
    # the tokens the test below can let through: speech verbs, and the forms of one
    verbs = in_text_order((tok for tok, _ in speech_tokens(doc, lang)), tokens_with(doc, "lower", speech_form_set(lang)))
    for verb in verbs:
        if not speech_lemma(verb, lang) and not (  # "Comme le rapporte X": the tagger may read a noun after "le"
                verb.lower_ in forms and verb.i >= 2 and doc[verb.i - 1].lower_ in ("le", "l'", "l’")
                and doc[verb.i - 2].lower_ in marks):
            continue
        first = verb
        while first.i > 0 and (doc[first.i - 1].pos_ in ("AUX", "PRON") or doc[first.i - 1].lower_ in ("l'", "l’", "le")):
            first = doc[first.i - 1]
        fronted = _comme_subject_le_dit(verb) if lang == "fr" else None
        if fronted is not None:
            cue_start, speaker = fronted
            words = quote_words(lang)
            if speaker.lower_ in words.first_person or speaker.lower_ in words.non_speakers:
                continue  # *comme je l'ai dit* (the writer), *comme on le sait* (nobody)
        elif first.i > 0 and doc[first.i - 1].lower_ in marks:
            if _no_report(verb):
                continue
            cue_start = doc[first.i - 1]
            agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None) if lang == "fr" else None
            speaker = agent or (inverted_subject(verb) if lang == "fr" else subject_of(verb))
        else:
            continue
        if speaker is None:
            continue
        sent_start, sent_end = sentence_bounds(verb)
        text = doc_text(doc)
        comma = text.find(",", verb.idx, sent_end)
        # "« … » comme X l'a dit": the quotation is what X said, when it closes inside the clause's sentence
        # (not "« Nous partirons. » Comme le rapporte X, …", which vouches for what follows)
        quotation = _detached_quotation(doc[cue_start.i - 1]) if cue_start.idx > sent_start else None
        if quotation is not None and text[quotation[0]:quotation[1]].rstrip().endswith((".", "!", "?", "…")):
            quotation = None
        if quotation is not None:
            content = quotation
        elif cue_start.idx - sent_start <= 2 and comma != -1:  # "Comme le rapporte X, <content>"
            content = strip_span(doc, comma + 1, sent_end)
        elif cue_start.idx - sent_start > 2 and comma != -1 and len(text[comma + 1:sent_end].strip(" .!?")) >= 10:
            # "<A>, comme l'écrit X, <B>": an incise inside the sentence vouches for the whole of it
            content = strip_span(doc, sent_start, sent_end)
        elif cue_start.idx - sent_start > 2:  # "<content>, comme l'a indiqué X", "<content> (comme X l'a dit)"
            content = strip_span(doc, sent_start, cue_start.idx)
            if text[content[0]:content[1]].endswith(("(", "—", "–")):
                content = strip_span(doc, content[0], content[1] - 1)
        else:
            continue
        content = strip_bullets(doc, *trim_final_punct(doc, *content))
        if content[1] - content[0] < 10 and quotation is None:  # a quotation is someone's words, however short
            continue
        out.append(Candidate("according_to", "according_to_comme", content,
                             (cue_start.idx, verb.idx + len(verb.text)), speaker, 0.7))
    return out


def _no_report(verb: Token) -> bool:
    """*comme contester l'addition* (*comme*: "such as", before an infinitive), *comme indiqué, …* (a bare
    participle, no agent): a *comme* clause reports someone's words only with a verb that has a
    speaker, a finite or compound form (*comme le rapporte X*, *comme l'a indiqué X*) or a passive
    with its agent (*comme indiqué par le ministère*)."""
    form = verb.morph.get("VerbForm")
    if form == ["Inf"]:
        return True
    return form == ["Part"] and not any(c.dep_.startswith(("aux", "obl:agent", "agent")) for c in verb.children)


def _comme_subject_le_dit(verb: Token) -> tuple[Token, Token] | None:
    """``comme X l'a expliqué``, ``comme le ministre le rappelle``, ``comme il l'a dit``: the French
    *comme* clause with its subject before the verb and the neuter clitic *le* / *l'* standing for
    what is reported (Grevisse, the neuter *le* representing a clause), the order ``comme l'a expliqué
    X`` inverts: (the *comme* token, the head of the words between it and the clitic), whoever that is
    (the caller drops the writer and nobody: *comme je l'ai dit*, *comme on le sait*). The subject is
    read from the word order, not from the parse, which often hangs *comme X* on the noun before it or
    gives the verb the main clause's subject. Only a *comme* clause that opens the sentence or is set
    off from it (comma, bracket, dash): *le devis a doublé exactement comme le maire l'avait prédit*
    (invented) may compare a phrase."""
    doc = verb.doc
    k = verb.i - 1
    while k > 0 and (doc[k].pos_ in ("AUX", "ADV") or doc[k].lemma_ == "faire" and k == verb.i - 1):
        k -= 1  # *comme X le faisait remarquer*: the causative *faire* of a speech verb, a locution
    if k < 2 or doc[k].lower_ not in ("l'", "l’", "le") or doc[k].pos_ != "PRON":
        return None
    comme = next((doc[j] for j in range(k - 1, max(k - 9, -1), -1) if doc[j].lower_ == "comme"), None)
    if comme is None or comme.i == k - 1:
        return None
    if comme.idx > sentence_bounds(comme)[0] and doc[comme.i - 1].text not in (",", "(", "—", "–", ";") \
            and _detached_quotation(doc[comme.i - 1]) is None:
        return None  # a detached quotation closed just before sets it off as a comma does (*, « … » comme X le dit*)
    phrase = doc[comme.i + 1:k]
    if any(t.is_punct for t in phrase):
        return None
    heads = [t for t in phrase if not phrase.start <= t.head.i < phrase.end or t.head == t]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return comme, heads[0]


def _detached_quotation(tok: Token) -> tuple[int, int] | None:
    """The quotation (its words' offsets) whose closing mark ``tok`` is, when it stands detached, as an
    apposition or a fragment of its own (after a comma, a colon, a dash or at its line's start: *face à la
    foule, « la meute » comme X le disait*), outside any other quotation; else None. A quotation that is a
    verb's object or a noun's title (*a voté « non » comme…*, *le plan « Santé 2030 » comme…*) is no one's
    words the *comme* clause can vouch for."""
    if tok.text not in CLOSING_MARKS or tok.idx in quoted_set(tok.doc):
        return None
    text = doc_text(tok.doc)
    found = next(((s, e) for s, e in quoted_spans(tok.doc) if mark_after(text, e) == tok.idx), None)
    if found is None:
        return None
    before = text[:found[0]].rstrip().rstrip("«“„\"").rstrip()
    if before and before[-1] not in ",:—–\n" or any(s < found[0] and found[1] < e for s, e in quoted_spans(tok.doc)):
        return None
    return found


def source_head(first: Token) -> Token:
    """The head noun of the phrase starting at ``first`` (the token after the preposition)."""
    tok = first
    while tok.head.i > tok.i and tok.head.i - first.i < 6 and tok.dep_ in ("det", "amod", "nummod", "advmod", "case"):
        tok = tok.head
    if tok.pos_ in ("DET", "ADJ", "NUM") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _opens_sentence(tok: Token) -> bool:
    """First word of its sentence or line, or right after a connective that opens it (*Mais pour X, …*) or a
    contrast that opens a clause of its own after a comma (*…, alors que pour X, …*, *…, tandis que pour X, …*)."""
    start = sentence_bounds(tok)[0]
    if tok.idx <= start:  # unless the parse cut a sentence after a word of the same line (*Voyage éclair | pour X, …*)
        prev = tok.doc[tok.i - 1] if tok.i else None
        return prev is None or not prev.text[-1:].isalnum() or "\n" in doc_text(tok.doc)[prev.idx:tok.idx]
    prev = tok.doc[tok.i - 1]
    if prev.idx <= start and prev.lower_ in CONNECTIVES:
        return True
    return contrast_before(tok) is not None


def _stance(doc: Doc, cue: Token, lang: str, opening: bool = True) -> Candidate | None:
    """``Pour X, …``: the stance of a named person, organisation or role on what follows the comma.
    Only a phrase that names someone (an entity, a role noun, a pronoun) and is closed by a comma
    counts: *Pour la première fois, …* and *Pour ce faire, …* name nobody. A quotation opening right
    after the phrase closes it as the comma does (*pour la ministre « il n'y a… »*), and then the
    phrase may also follow a fronted adverbial (``opening`` False: *Au bout du compte, pour X « … »*),
    the quotation a statement (``_quotes_a_clause``): only a person's words are quoted there."""
    if cue.i + 1 >= len(doc):
        return None
    first = doc[cue.i + 1]
    words = quote_words(lang)
    quantifier = first.pos_ == "ADV" and first.lower_ in words.opinion_quantifiers  # *Pour beaucoup (d'élus), …*
    if first.pos_ in ("VERB", "AUX", "ADV") and not quantifier \
            or first.lower_ in ("ce", "cela", "ça", "autant", "le", "la", "les") and \
            cue.i + 2 < len(doc) and doc[cue.i + 2].pos_ in ("VERB", "AUX", "NUM", "ADJ") \
            and anaphoric_description(doc[cue.i + 2], lang) is None:  # *Pour ce faire*, not *Pour ce dernier*
        return None
    text = doc_text(doc)
    end = sentence_bounds(cue)[1]
    comma = text.find(",", first.idx, end)
    quotation = next((t for t in doc[first.i:] if t.idx >= end or t.text in _OPENINGS or t.text == ","), None)
    quoted = quotation is not None and quotation.idx < end and quotation.text in _OPENINGS \
        and quotation.idx > first.idx and _quotes_a_clause(doc, quotation, end, lang)
    if quoted:
        comma = quotation.idx
    elif not opening:
        return None
    if comma == -1 or comma - first.idx > 80:
        return None
    span = doc.char_span(first.idx, comma, alignment_mode="expand")
    if span is None:
        return None
    # the phrase may hold a relative clause of its own (*Pour beaucoup d'habitants qui travaillent en ville, …*);
    # a verb outside one makes it a clause (*Pour ce faire, …*), naming nobody
    relatives = [t for t in span if t.dep_ in ("acl:relcl", "relcl") and span.start <= t.head.i < span.end]
    in_relatives = {d.i for r in relatives for d in r.subtree}
    if any(t.pos_ in ("VERB", "AUX") and t.i not in in_relatives for t in span):
        return None
    head = span.root
    if quantifier and head.i == first.i:
        # *Pour beaucoup d'habitants, …*: the adverb heads the phrase; the people it counts hold the view, and
        # only people do (*Pour beaucoup de raisons, …* names no one)
        member = next((t for t in span if t.i > first.i and t.pos_ in ("NOUN", "PROPN")), None)
        if member is not None and not credible_source(member, phrase_bounds(member), lang):
            return None
        head = member if member is not None else head
    # a group's opinion: "Pour certains (observateurs), …", "Pour d'autres, …", "For many, …", "Pour beaucoup, …"
    group = any(t.lower_ in words.opinion_quantifiers for t in span[:3]) and head.pos_ in ("NOUN", "PRON", "ADJ") \
        or quantifier and len(span) == 1 or _poll_share(span)
    # the names of a relative clause are what it says of the phrase's head (*Pour le match qui opposera X à Y*), not
    # whom the phrase names
    named = head.pos_ in ("PROPN", "PRON") or head.lemma_.lower() in role_nouns(lang) or any(
        e.label in ("PER", "ORG")
        for e in entities_in(doc, first.idx, min([comma] + [r.left_edge.idx for r in relatives]))) \
        or anaphoric_description(head, lang) is not None  # *Pour ce dernier, …*
    if not group and named and head.pos_ == "PRON" and \
            head.lower_ not in ("lui", "elle", "eux", "elles", "him", "her", "them"):
        return None
    content = strip_bullets(doc, *trim_final_punct(doc, *strip_span(doc, comma + (not quoted), end)))
    if content[1] - content[0] < 10:
        return None
    if not group and not named and not _view_holders(doc, head, content, lang):
        return None
    cand = Candidate("according_to", "according_to_stance", content, (cue.idx, cue.idx + len(cue.text)), head, 0.6)
    cand.speaker_span = (first.idx, first.idx + len(text[first.idx:comma].rstrip()))
    return cand


def _closing_poll_share(doc: Doc, cue: Token) -> Candidate | None:
    """*Un mauvais président pour 63 % des cadres.*, *C'est non pour 93 % des étudiants interrogés.*: a share of the
    people a poll asked (``_poll_share``) closing its sentence after *pour* holds the view the words before it
    state, as *Pour 63 % des cadres, …* opening it does (session 52)."""
    sent_start, sent_end = sentence_bounds(cue)
    end = trim_final_punct(doc, cue.idx, sent_end)[1]
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].idx >= end:
        return None
    span = doc.char_span(doc[cue.i + 1].idx, end, alignment_mode="expand")
    if span is None or not _poll_share(span) or any(t.pos_ in ("VERB", "AUX") for t in span):
        return None
    content = strip_bullets(doc, *trim_final_punct(doc, *strip_span(doc, sent_start, cue.idx)))
    if content[1] - content[0] < 3:
        return None
    cand = Candidate("according_to", "according_to_stance", content, (cue.idx, cue.idx + len(cue.text)), span.root, 0.6)
    cand.speaker_span = (span.start_char, end)
    return cand


def _poll_share(span: Span) -> bool:
    """*Pour 52 % des sondés, …*, *pour 93 % d'entre eux*, *for 40% of voters*: a share of the people a poll asked
    holds the view the clause states, as *pour certains* does (a number, then *%* or *pour cent* / *percent*, then
    *de* / *of* the people a poll asks: respondents, voters, a nationality, *d'entre eux*). Session 38: dev10 quotes
    R .789 -> .798, F1 .828 -> .833, speakers .780 -> .770 (the scorer's rule: *50 % d'entre eux* names none of
    *Français sondés*; two quotes it gave to *l'institut de sondages* matched by *sondage*); every other set
    unchanged."""
    words = [t.lower_ for t in span[:5]]
    if not span or not span[0].like_num or len(words) < 3:
        return False
    share = words[1] == "%" or words[1:3] in (["pour", "cent"], ["per", "cent"]) or words[1] == "percent"
    of = next((i for i, w in enumerate(words[2:], 2) if w in ("de", "des", "d'", "d’", "du", "of")), None)
    if not share or of is None or of + 1 >= len(span):
        return False
    # of people (*des sondés*, *des Français*, *d'entre eux*), not of anything (*20 % de réduction*)
    lang = language_of(span.doc)
    people = next((t for t in span[of + 1:] if t.pos_ in ("NOUN", "PROPN", "ADJ", "ADV", "ADP")), None)
    # the people a poll asks (``quote_words`` ``poll_respondents``, a nationality, *d'entre eux*), not any people: *pour
    # 80 % des victimes, l'agresseur est un proche* is a statistic (the read-only review's)
    # or any people the phrase says were asked (*des étudiants interrogés*: a respondents' word after the noun, which
    # the tagger reads as an adjective; one it reads as a verb makes the phrase a clause, naming nobody; session 52)
    respondents = quote_words(lang).poll_respondents
    return people is not None and (people.lower_ in ("entre", "among") or fold(people.lower_) in nationalities(lang)
                                   or any({t.lemma_.lower(), t.lower_} & respondents for t in span[of + 1:]))


def _view_holders(doc: Doc, head: Token, content: tuple[int, int], lang: str) -> bool:
    """*Pour les opposants au projet, …*: people named by a stance they take or by their trade of commenting
    (``quote_words`` ``view_nouns``) hold the view the clause states, unless that clause is passive, which says
    what is done for them (*Pour les observateurs, des places seront réservées*: invented)."""
    words = quote_words(lang)
    if head.pos_ != "NOUN" or (head.lemma_.lower() not in words.view_nouns and head.lower_ not in words.view_nouns):
        return False
    clause = doc.char_span(*content, alignment_mode="expand")
    root = next((t for t in clause if t.dep_ == "ROOT" and content[0] <= t.idx < content[1]), None) \
        if clause is not None else None
    return root is not None and not any(
        c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in root.children)


def _quotes_a_clause(doc: Doc, mark: Token, end: int, lang: str) -> bool:
    """The quotation opened by ``mark`` closes in the sentence, holds a finite verb (a statement, not a
    quoted word or title: *pour Paul « sans enthousiasme »*) and no speech verb follows it before the
    sentence's end or the next quotation (*Pour ses proches « … », a témoigné un voisin*: the incise says
    who speaks)."""
    text = doc_text(doc)
    close = text.find(QUOTE_PAIRS.get(mark.text, STRAIGHT), mark.idx + 1, end + 1)
    if close == -1 or not has_finite_verb(doc, mark.idx + 1, close):
        return False
    for tok in doc[mark.i + 1:]:  # to the next full stop, which the parser's sentence may not reach
        if tok.idx <= close:
            continue
        if tok.text in SENT_END or "\n" in tok.text or tok.text in _OPENINGS:
            return True  # a stop, a line's end or another quotation (its words are no incise)
        if speech_lemma(tok, lang) is not None:
            return False
    return True


# what may set off a non-restrictive relative clause (*X, pour qui …*, *X – pour qui … –*, *X (pour qui …)*)
_DETACHING = {",": ",", "—": "—", "–": "–", "(": ")"}


# quotation marks that open a quotation
_OPENINGS = frozenset(QUOTE_PAIRS) | {STRAIGHT}
# verbs whose subject is judged by what follows them (French grammar's "verbes attributifs")
# and those that equate it with what follows (*pour qui ces familles représentent une priorité*)
_ATTRIBUTIVE = frozenset({"être", "sembler", "paraître", "rester", "demeurer", "devenir", "représenter",
                          "constituer"})


def _stance_pronoun(tok: Token) -> bool:
    """The *qui* of *X, pour qui …*: a relative pronoun after *pour*."""
    return tok.lower_ == "qui" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "pour"


def stance_antecedent(relative: Token) -> Token | None:
    """The person whose view *X, pour qui …* states (the head of X), or None (``_view_holder``)."""
    holder = _view_holder(relative)
    return holder[0] if holder is not None else None


def _view_holder(relative: Token) -> tuple[Token, Token, str | None, Token | None] | None:
    """(head of X, X's last word, the punctuation that closes the relative or None, the relative clause's head
    or None) for *X, pour qui …*, or
    None when the relative states no view. After a preposition French *qui* stands for a person (Grevisse),
    but *pour qui* is as often the one a thing is for (*les agriculteurs, pour qui une aide a été débloquée*,
    invented) as the one whose view it is. A view is a judgement: a clause whose verb is attributive
    (``_ATTRIBUTIVE``, *être*, *sembler*, *rester* … with an attribute: *pour qui la réforme est injuste*) or a
    quotation (*pour qui « … »*), never a passive. The relative is set off by a comma, a dash or a bracket, or
    is restrictive on a group of opinion holders (``opinion_quantifiers``: *plusieurs maires pour qui la
    ligne est vitale*). Not *pour qui sait lire* (*qui* its subject), an indirect question (*demande pour qui
    la réforme est utile*), a verb that takes *pour* (``pour_verbs``: *pour qui ils ont voté*) or the
    writer's clause."""
    doc = relative.doc
    if not _stance_pronoun(relative) or relative.dep_ in SUBJECT_DEPS or relative.i < 3:
        return None
    cue = doc[relative.i - 1]
    if _opens_sentence(cue):
        return None
    closing = _DETACHING.get(doc[cue.i - 1].text)
    i = _antecedent_end(doc, cue.i - 2 if closing is not None else cue.i - 1)
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN") and doc[i].dep_ not in ("flat:name", "flat") \
            or "\n" in doc_text(doc)[doc[i].idx:cue.idx]:
        return None  # a surname the tagger read as an adjective is still part of the name (*Jean Petit*)
    head = noun_phrase_head(doc[i])
    lang = language_of(doc)
    words = quote_words(lang)
    if not credible_source(head, phrase_bounds(head), lang, learned=False) and doc[i].pos_ == "NOUN":
        head = doc[i]  # *l'appui de nombreux riverains pour qui…*: the persons the relative follows, not the support
    if not credible_source(head, phrase_bounds(head), lang, learned=False):
        return None  # the lexicons' nouns of persons only: the view takes its words from the main clause's speaker
    phrase_words = set(doc_text(doc)[slice(*phrase_bounds(head))].lower().split())
    # a relative with no comma restricts its antecedent: a group of opinion holders (*plusieurs maires pour qui…*);
    # a name is no group to restrict, so its relative is the name's view all the same (*juge l'économiste X pour
    # qui…*, session 56)
    if closing is None and not words.opinion_quantifiers & phrase_words and doc[i].pos_ != "PROPN":
        return None
    if relative.i + 1 < len(doc) and doc[relative.i + 1].text in _OPENINGS:
        return head, doc[i], closing, None  # *pour qui « … »*: the quotation is the view, whatever its grammar
    predicate = _clause_head(relative)
    if predicate is None or any(c.i == head.i for c in predicate.children if c.dep_ in SUBJECT_DEPS):
        return None  # no clause, or the parser hung *qui* on the antecedent's own verb
    passive = any(c.dep_ in ("aux:pass", "auxpass") for c in predicate.children) \
        or "Pass" in predicate.morph.get("Voice")
    if passive or predicate.dep_ in ("ccomp", "xcomp", "csubj") or predicate.lemma_.lower() in words.pour_verbs \
            or any(c.dep_ in SUBJECT_DEPS and c.lower_ in words.first_person for c in predicate.children):
        return None
    judged = any(c.dep_ == "cop" for c in predicate.children) or predicate.lemma_.lower() in _ATTRIBUTIVE
    return (head, doc[i], closing, predicate) if judged else None


def _antecedent_end(doc: Doc, i: int) -> int:
    """The last word of the antecedent before *pour qui*, past a bracketed remark after it (*Jean Petit (PS),
    pour qui …*); -1 when none."""
    if i >= 0 and doc[i].text == ")":
        opening = next((k for k in range(i - 1, max(i - 12, -1), -1) if doc[k].text == "("), None)
        return -1 if opening is None else opening - 1
    return i


def _clause_head(relative: Token) -> Token | None:
    """The head of the clause *pour qui* opens: from the word it hangs on, up to a verb or a word with a
    copula after it (the parser may hang *qui* on the subject noun: *pour qui la fermeture serait un drame*)."""
    tok, steps = relative.head, 0
    while tok.i > relative.i and steps < 4:
        if tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in tok.children):
            return tok
        if tok.head.i == tok.i:
            break
        tok, steps = tok.head, steps + 1
    return None


def _stance_relative(doc: Doc, cue: Token, relative: Token, lang: str) -> Candidate | None:
    """``X, pour qui …`` (``stance_antecedent``): the relative form of ``Pour X, …`` (invented: *le maire, pour
    qui la réforme est injuste, a voté contre*). The content is the relative clause: a quotation that opens
    it, or the words up to the dash or bracket that closes it, or up to the comma before the main clause's
    verb (``indirect.main_predicate_comma``)."""
    holder = _view_holder(relative)
    if holder is None:
        return None
    head, last, closing, clause = holder
    text = doc_text(doc)
    start = relative.i + 1
    sent_end = sentence_bounds(relative)[1]
    if doc[start].text in _OPENINGS:
        span = next(((s, e) for s, e in quoted_spans(doc) if s > doc[start].idx and s - doc[start].idx <= 2), None)
        end = sent_end if span is None else mark_after(text, span[1]) + 1
    elif closing in ("—", "–", ")"):
        close = text.find(closing, doc[start].idx, sent_end)
        end = sent_end if close == -1 else close
    elif closing is None:  # restrictive: no punctuation closes it, the parse's clause does
        end = min(sent_end, clause.right_edge.idx + len(clause.right_edge.text))
    else:
        end = main_predicate_comma(doc[start], sent_end, clause, True)
    content = trim_final_punct(doc, *strip_span(doc, doc[start].idx, end))
    if content[1] - content[0] < 10:
        return None
    cand = Candidate("according_to", "according_to_stance_relative", content,
                     (cue.idx, relative.idx + len(relative.text)), head, 0.6)
    cand.speaker_span = (phrase_bounds(head)[0], last.idx + len(last.text))
    return cand


def _in_document(doc: Doc, cue: Token, lang: str) -> Candidate | None:
    """``Dans un communiqué, …``, ``Dans une étude publiée dans JAMA, …``: a sentence opened by a
    source document (``source_nouns``) vouches for what follows the comma; the document, or who
    issued it, is the source. When the sentence's own verb reports speech, that attribution wins
    (``_dedupe``: *Dans un communiqué, le ministère a indiqué que…*)."""
    if cue.i + 2 >= len(doc):
        return None
    text = doc_text(doc)
    sent_end = sentence_bounds(cue)[1]
    comma = text.find(",", cue.idx, sent_end)
    if comma == -1 or comma - cue.idx > 100:
        return None
    span = doc.char_span(cue.idx + len(cue.text) + 1, comma, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = source_head(span[0])
    interview = head.lemma_.lower() in quote_words(lang).interview_nouns or head.lower_ in quote_words(lang).interview_nouns
    if head.lemma_.lower() not in source_nouns(lang) and not interview or head.pos_ != "NOUN":
        return None
    content = strip_bullets(doc, *trim_final_punct(doc, *strip_span(doc, comma + 1, sent_end)))
    if content[1] - content[0] < 10:
        return None
    if interview:
        # the interviewee speaks: the clause's own subject, resolved as any speaker phrase is
        subject = clause_subject(doc, content)
        if subject is None or not _answers(subject, lang):
            return None
        return Candidate("according_to", "according_to_interview", content, (cue.idx, cue.idx + len(cue.text)),
                         subject, 0.6)
    cand = Candidate("according_to", "according_to_document", content, (cue.idx, cue.idx + len(cue.text)), head, 0.6)
    cand.speaker_span = (span[0].idx, comma)
    return cand


def _answers(subject: Token, lang: str) -> bool:
    """Can the subject be the one interviewed: a personal pronoun, a name of a person or body, or a noun of a
    role or a person (not *les chiffres*, which an interview discusses)?"""
    if subject.pos_ == "PRON":
        return subject.lower_ in quote_words(lang).subject_pronouns
    return is_person_noun(subject, lang) or any(
        e.label in ("PER", "ORG") for e in entities_in(subject.doc, subject.idx, subject.idx + len(subject.text)))


def _selon_phrase(doc: Doc, cue: Token, cue_end: Token, first: Token, lang: str) -> Candidate | None:
    head = source_head(first)
    phrase_end = phrase_bounds(head, keep_acl=True)[1]
    phrase_end = max(phrase_end, name_span(doc, head)[1])  # a name the parse split keeps its words (*BFM* on *Business*)
    # *Selon X et Y, …*, *selon des sources policières et judiciaires, …*: ``phrase_bounds`` leaves conjuncts out;
    # words of the source's own subtree up to the comma that closes it are still the source
    sent_end = sentence_bounds(cue)[1]
    closing = doc_text(doc).find(",", phrase_end, sent_end)
    rest = [t for t in doc[head.i + 1:] if phrase_end <= t.idx < (sent_end if closing == -1 else closing)]
    if any(not t.is_punct for t in rest) and all(t.is_punct or head in t.ancestors for t in rest):
        phrase_end = closing if closing != -1 else max(t.idx + len(t.text) for t in rest if not t.is_punct)
    comma = doc_text(doc).find(",", first.idx, phrase_end)
    phrase_end = comma if comma != -1 else phrase_end
    bounds = trim_final_punct(doc, first.idx, max(phrase_end, first.idx + len(first.text)))
    if not credible_source(head, bounds, lang):
        return None
    if head.head.lemma_.lower() in quote_words(lang).variation_verbs:
        # *varieront selon les résultats*, *Selon la proposition retenue, le coût oscillera*: depending on
        return None
    sent_start, sent_end = sentence_bounds(cue)
    before = doc_text(doc)[sent_start:cue.idx].strip(" \t•-–*·")
    if before.rstrip(", ").lower() in CONNECTIVES:
        before = ""  # *Mais selon X, …*, *Or, d'après X, …*: the connective opens the sentence, not the report
    after = doc_text(doc)[bounds[1]:sent_end].strip(" \t.,;!?—–")
    if not before:
        content = strip_span(doc, bounds[1], sent_end)
        first_content = token_at(doc, content[0])
        if first_content is not None and first_content.dep_ == "appos" and first_content.head.i <= head.i + 3:
            comma = doc_text(doc).find(",", first_content.idx, sent_end)  # "Selon X, directeur de Y, …"
            content = strip_span(doc, comma + 1, sent_end) if comma != -1 else content
    elif not after:
        content = strip_span(doc, sent_start, cue.idx)
    else:
        content = _detached_clause(doc, cue, bounds[1], sent_end) or (sent_start, sent_end)
    content = strip_bullets(doc, *trim_final_punct(doc, *content))
    if content[1] <= content[0]:
        return None
    cand = Candidate("according_to", "according_to", content, (cue.idx, cue_end.idx + len(cue_end.text)), head, 0.8)
    cand.speaker_span = bounds
    return cand


def _detached_clause(doc: Doc, cue: Token, source_end: int, sent_end: int) -> tuple[int, int] | None:
    """*X, qui aurait, selon Le Monde, loué…*, *… en évitant, selon son entraîneur, de creuser le déficit*
    (invented): a source set off by commas inside a relative clause or a gerund vouches for that clause, not for the
    sentence around it (the clause goes on after the source's closing comma). Read on the words, since the parser
    loses the clause around an inserted *selon* phrase: the clause opens on the relative pronoun or the gerund's *en*
    a few words before the source's comma, with no punctuation between, and runs to the next comma or the sentence's
    end. None where nothing opens such a clause: the sentence is the report."""
    if cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    relatives = quote_words("fr").relative_pronouns
    i = cue.i - 2
    while i >= 0 and cue.i - i <= DETACHED_CLAUSE_REACH and not doc[i].is_punct:
        tok = doc[i]
        nxt = doc[i + 1]
        gerund = tok.lower_ == "en" and "Pres" in nxt.morph.get("Tense") and "Part" in nxt.morph.get("VerbForm")
        # a relative after its antecedent, a comma or a quotation (not *dans laquelle*, opened by its preposition)
        relative = tok.lower_ in relatives and tok.pos_ == "PRON" and i > 0 and (
            doc[i - 1].text == "," or doc[i - 1].text in QUOTE_MARKS or doc[i - 1].pos_ in ("NOUN", "PROPN"))
        if relative or gerund:
            start = doc[i - 1] if gerund and i > 0 and doc[i - 1].lower_ == "tout" else tok
            text = doc_text(doc)
            close = text.find(",", source_end, sent_end)  # the comma after the source
            if close == -1:
                return strip_span(doc, start.idx, sent_end)
            resumed = token_at(doc, close + 2 if text[close + 1 : close + 2] == " " else close + 1)
            if resumed is not None and (resumed.lower_ in relatives or resumed.pos_ in ("CCONJ", "SCONJ")):
                return None  # the source closes the clause (*…, selon X, qui…*): it vouches for the sentence
            after = text.find(",", close + 1, sent_end)
            return strip_span(doc, start.idx, after if after != -1 else sent_end)
        i -= 1
    return None


# how many words before a *selon* phrase's comma the relative pronoun or gerund opening its clause may stand
# (*qui aurait, selon…*: 2; *tout en évitant soigneusement, selon…*: 4)
DETACHED_CLAUSE_REACH = 6


def _selon_relative(doc: Doc, cue: Token, relative: Token) -> Candidate | None:
    """``un rapport (de X) selon lequel …``: the source is the noun phrase before ``selon``."""
    i = cue.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].pos_ in ("ADJ", "ADP", "DET")):
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun_phrase_head(doc[i])
    bounds = (phrase_bounds(head)[0], doc[i].idx + len(doc[i].text))
    content = trim_final_punct(doc, *strip_span(doc, relative.idx + len(relative.text), sentence_bounds(relative)[1]))
    cand = Candidate("according_to", "according_to_relative", content,
                     (cue.idx, relative.idx + len(relative.text)), head, 0.75)
    cand.speaker_span = bounds
    return cand


def _ce_que_revele(doc: Doc, lang: str) -> list[Candidate]:
    """``C'est ce que révèle X`` points back at the previous sentence."""
    out = []
    if lang != "fr":
        return out
    for verb, _ in speech_tokens(doc, lang):
        objs = [c for c in verb.children if c.lower_ in ("que", "qu'", "qu’") and c.pos_ == "PRON"]
        if not objs or verb.dep_ not in ("acl:relcl",) or verb.head.lower_ != "ce" or verb.head.i + 2 != verb.i:
            continue
        if not re.match(r"(?i)\W*c['’]est ce qu", doc_text(doc)[sentence_bounds(verb)[0] : verb.idx]):
            continue
        speaker = subject_of(verb) or inverted_subject(verb)
        content = previous_sentence(verb) if speaker is not None else None
        if content is None:
            continue
        out.append(Candidate("according_to", "according_to_ce_que", content, cue_span(verb), speaker, 0.6))
    return out
