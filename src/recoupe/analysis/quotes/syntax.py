"""Parse helpers every quote rule shares: the cue, the subject, the speaker phrase.

Why a module of its own: direct, indirect and according-to quotes all ask the same questions of
the dependency parse (who is the subject of this verb, where does this noun phrase end), and
must answer them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.entities import is_known_organisation
from recoupe.analysis.lexicons import (SUBJECT_DEPS, causative_before, first_names, language_of, person_nouns,
                                      present_third_person, quote_words, role_nouns, speech_lemma)
from recoupe.analysis.quotes.index import credible_source, entities_in, is_person
from recoupe.analysis.text import (A_FORMS, DE_FORMS, QUOTE_MARKS, QUOTE_PAIRS, SENT_END, STRAIGHT, introduced_by,
                                   quoted_set, sentence_bounds, strip_bullets, strip_span, token_at, trim_final_punct)

ATTRIBUTION_PUNCT = {",", "—", "–", "-", ":", ")", "("}

# what closes a clause a sentence-opening phrase may follow (``_bare_noun_subject``): a sentence's end or a
# semicolon or colon
SENTENCE_ENDS = frozenset(SENT_END) | {";", ":"}


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
    producer: str | None = None  # a model's name when a model, not a rule, kept the quote

    def producer_name(self) -> str:
        return self.producer or f"rule:quotes.{self.rule}"


# the rule names of a report whose speaker is a document, not a person (``indirect._as_document``): the
# speaker step keeps such a document out of the discourse
DOCUMENT_RULE_PREFIX = "indirect_document_"
# the rule names of a noun a speech verb's participle qualifies, said by its agent (``indirect._said_noun``): in
# passing inside a sentence (*la taxe annoncée par le ministre*), which takes no turn in the discourse, or alone as
# its sentence (*Une information démentie par X.*)
SAID_NOUN, SAID_NOUN_ALONE = "indirect_said_noun", "indirect_said_noun_alone"
# the rule name of a report in the impersonal passive (*il a été rapporté que*, ``indirect._impersonal_report``): no
# speaker of its own, it continues the previous quote's turn or is dropped (``speakers._continued_turn``)
IMPERSONAL_RULE = "indirect_impersonal"
# the subject clitics French inverts after its verb, hyphen included (*-t-il* splits into *-t* and *-il*); those of the
# third person are a quoted speaker's in an incise (*», grince-t-il*), the others the writer's or an interviewer's
INVERTED_THIRD_PERSON = frozenset({"-il", "-elle", "-ils", "-elles", "-on"})
INVERTED_SUBJECTS = INVERTED_THIRD_PERSON | {"-je", "-nous", "-vous"}
# the longest apposition set off by commas between a name and its verb that ``_name_after_comma`` reads past
# (*Jean Dupont, réélu en mars, a dit*; *X, la porte-parole du groupe au Sénat, a dit*: eight words)
APPOSITION_WORDS = 8


def cue_span(verb: Token) -> tuple[int, int]:
    """The verb with its auxiliaries and the negation between them (``n'a pas dit``, ``a-t-il ajouté``)."""
    tokens = [verb] + [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    left = min(t.i for t in tokens)
    return verb.doc[left].idx, verb.idx + len(verb.text)


def subject_of(verb: Token) -> Token | None:
    """Syntactic subject, climbing from an infinitive or participle to the verb that carries it."""
    non_finite = verb.morph.get("VerbForm") in (["Inf"], ["Part"], ["Ger"]) and not any(
        c.dep_.startswith("aux") for c in verb.children)
    climbs = ("xcomp", "conj", "advcl", "acl") if non_finite else ("xcomp", "conj")
    carrier = verb.head if verb.dep_ in climbs else None
    if non_finite and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "said after concluding that"
        carrier = verb.head.head
    if carrier is None and verb.morph.get("VerbForm") == ["Inf"]:
        # *Mardi, il a fait savoir que…*: the parser may hang the causative on its infinitive, the subject with it
        causative = causative_before(verb, ("faire", "laisser"))
        carrier = causative if causative is not None and causative.head.i == verb.i else None
    text = doc_text(verb.doc)
    if carrier is not None and "\n" in text[min(carrier.idx, verb.idx):max(carrier.idx, verb.idx)]:
        carrier = None  # the parser ran two paragraphs together: the other one's subject is not this verb's
    for tok in (verb, carrier):
        if tok is None:
            continue
        # nor is a subject in the next or the previous paragraph (*…», a indiqué X.¶Cette charte…*)
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.dep_ not in ("agent", "obl:agent")
                    and "\n" not in text[min(c.idx, tok.idx):max(c.idx, tok.idx)] and not time_phrase(c)]
        if len(subjects) > 1:
            subjects = [c for c in subjects if _agrees_in_person(c, tok)] or subjects
        elif subjects and _misread_clitic(subjects[0], tok) and (name := _bare_noun_subject(tok)) is not None:
            return name  # *Dupont nous explique que…* with the name misread: the clitic is the object, not who speaks
        if len(subjects) > 1 and (role := _role_before_label(subjects)) is not None:
            return role
        if len(subjects) > 1:  # "Ceci après que le ministre a qualifié…": a misparse hangs two subjects on
            before = [c for c in subjects if c.i < tok.i and c.text[:1].isalpha()  # the verb; the one nearest
                      and not (c.i > 0 and c.doc[c.i - 1].text == "-")]  # before it is its own (not the "ci"
            # of "celui-ci", which the tokenizer may split in three)
            return before[-1] if before else subjects[0]
        if subjects:
            return _apposed_subject(subjects[0], verb) or _name_before_participle(subjects[0]) or subjects[0]
    return _auxiliary_subject(verb) or hyphen_subject(verb) or _latter_subject(verb) or _bare_noun_subject(verb) \
        or _name_after_comma(verb)


def _role_before_label(subjects: list[Token]) -> Token | None:
    """*Le député La France insoumise a appelé…*: the French parser may read a party or body named right
    after a role noun as a second subject of the verb; the name labels the role holder (his party), who is
    the subject, so the role noun is returned (its description is resolved to the person holding it). A
    person's name after the role (*la sénatrice Anne Dupont*, *la sénatrice Le Gall*) is the holder's own name,
    not a label: None."""
    first, second = sorted(subjects, key=lambda t: t.i)[:2]
    if first.pos_ != "NOUN" or first.lemma_.lower() not in role_nouns(language_of(first.doc)) \
            or second.pos_ != "PROPN" or second.left_edge.i != first.right_edge.i + 1:
        return None
    label = second.doc[second.left_edge.i : second.right_edge.i + 1]
    named = entities_in(label.doc, label.start_char, label.end_char)
    if any(is_person(e) for e in named):
        return None
    # a body the gazetteer knows (*La France insoumise*, *Les Républicains*) or the entity step calls one; not a
    # name the tagger alone read as a place (*La sénatrice Le Gall*: a surname)
    return first if is_known_organisation(label.text) or any(e.label == "ORG" for e in named) else None


def _auxiliary_subject(verb: Token) -> Token | None:
    """*X avait d'abord soutenu que…*: the parser may hang the subject on the auxiliary of a compound
    tense (an adverb between them read as the auxiliary's object) and leave the participle none; the
    subject before its auxiliary is the verb's."""
    for aux in verb.children:
        if aux.dep_.startswith("aux") and aux.i < verb.i:
            subject = next((c for c in aux.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < aux.i), None)
            if subject is not None:
                return subject
    return None


def _latter_subject(verb: Token) -> Token | None:
    """*Ce dernier lui a recommandé de…*: the parser may read the anaphoric pronoun *ce dernier* as a
    determiner and an adjective hung on the verb, leaving it no subject. The latter word right after a
    demonstrative, before the verb in its clause with no verb between, is the subject (``index.
    anaphoric_description`` resolves it to the last person named)."""
    doc = verb.doc
    words = quote_words(language_of(doc))
    for tok in verb.lefts:
        if tok.lower_ in words.latter_words and tok.i > 0 and doc[tok.i - 1].lower_ in words.latter_determiners \
                and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "aux:tense", "aux:pass")
                            for t in doc[tok.i + 1 : verb.i]):
            return tok
    return None


def _bare_noun_subject(verb: Token) -> Token | None:
    """*Le bras droit de X, Y, a dénoncé…*: the French parser may read a sentence's opening noun phrase as a
    bare oblique (``obl:mod``) of a finite verb and leave the verb no subject. A French clause with a finite
    verb has a subject, and a noun phrase with no preposition opening the sentence and ending right before
    the verb (commas, adverbs, clitics, auxiliaries between) can only be it, unless the verb has its subject
    after it: an inverted one the parser read as an object (*Message reçu, a répondu le ministre.*: a name,
    a role or a body closing the clause, ``credible_source``), so the opening phrase is what was said. A
    time noun (*Le lendemain, a-t-il dit*) is the adverbial it seems. The parser may also hang an opening surname
    it misread on the verb as an expletive subject, leaving the clitic after it the subject (*Dupontel nous
    explique que…*, ``_misread_clitic``): the name is the subject. The English parser has no bare oblique of a
    verb: French only."""
    doc = verb.doc
    if language_of(doc) != "fr" or not finite(verb) or _inverted_object(verb):
        return None
    words = quote_words("fr")
    for tok in verb.lefts:
        if tok.dep_ not in ("obl:mod", "obl", "nmod", "expl:subj") or not _nominal(tok) \
                or any(c.dep_ in ("case", "mark") for c in tok.children) \
                or tok.lower_ in words.time_nouns or tok.lemma_.lower() in words.time_nouns:
            continue
        # the phrase's own words back to the sentence's start, read by punctuation: the parser may run the
        # previous sentence into this one and hang its words on the phrase (``sentence_bounds`` follows it)
        start = tok.i
        while start > 0 and doc[start - 1].text not in SENTENCE_ENDS and not doc[start - 1].is_space \
                and tok in doc[start - 1].ancestors:
            start -= 1
        if start > 0 and doc[start - 1].text not in SENTENCE_ENDS and not doc[start - 1].is_space:
            continue  # not the sentence's opening phrase
        end = max((t.i for t in tok.subtree if t.i < verb.i), default=tok.i)
        if any(t.text in QUOTE_MARKS for t in doc[start : verb.i]):
            continue
        if all(t.is_punct or t.pos_ in ("ADV", "AUX")
               or t.pos_ == "PRON" and (t.dep_ not in SUBJECT_DEPS or _misread_clitic(t, verb))
               for t in doc[end + 1 : verb.i]):
            return _apposed_subject(tok, verb) or tok
    return None


def _nominal(tok: Token) -> bool:
    """A noun or a name; also a capitalised word with no digit the tagger calls a numeral, as it may call an
    unknown surname opening a sentence (*Dupontel nous explique…*, the parser then hangs it on the verb as an
    expletive subject, ``expl:subj``, a label only *il* and *ce* can bear)."""
    return tok.pos_ in ("NOUN", "PROPN") \
        or tok.pos_ == "NUM" and tok.is_title and not any(ch.isdigit() for ch in tok.text)


def _apposed_subject(opening: Token, verb: Token) -> Token | None:
    """*Via un communiqué publié sur sa page, la maire X s'est insurgée…*: when the French phrase the parser
    takes for the verb's subject (or leaves as its oblique) is a common noun ending in a noun phrase it reads
    as an apposition after a comma, running with no comma of its own into the verb, the opening words were a
    fronted adverbial and that noun phrase is the subject. Closed by a comma (*Le bras droit de X, Y, a
    dénoncé*), it is the opening phrase's apposition."""
    doc = opening.doc
    lang = language_of(doc)
    words = quote_words("fr")
    if opening.pos_ != "NOUN" or opening.i > verb.i or lang != "fr" or {opening.lemma_.lower(), opening.lower_} & (
            set(role_nouns(lang)) | person_nouns(lang) | words.gendered_nouns_masc | words.gendered_nouns_fem):
        return None  # *Le père de l'enfant, un garçon de 4 ans…*, *Le directeur de l'hôpital, le CHU…*: a person
        # opening the clause is its subject, what is apposed to it or to its complement a description
    end = max((t.i for t in opening.subtree if t.i < verb.i), default=opening.i)
    if any(not (t.is_punct or t.pos_ in ("ADV", "AUX") or t.pos_ == "PRON" and t.dep_ not in SUBJECT_DEPS)
           for t in doc[end + 1 : verb.i]) or doc[end].text == "," or doc[end + 1].text == ",":
        return None
    for tok in opening.subtree:  # apposed to the opening noun or its complement (*Dans un entretien au journal
        # X, le ministre Y a…*)
        if tok.dep_ != "appos" or tok.pos_ not in ("NOUN", "PROPN") or tok.right_edge.i != end:
            continue
        first = next(t for t in tok.subtree if not t.is_punct)  # the comma may hang on either phrase
        if first.i > opening.i and doc[first.i - 1].text == ",":
            return tok
    return None


def _name_after_comma(verb: Token) -> Token | None:
    """*Concernant la Bretagne et le projet présenté par X, Jean Dupont a indiqué que…*: after a long fronted
    phrase the French parser may hang the name that opens the clause on a word of that phrase and leave the
    verb no subject. A proper name standing right after a comma and right before the verb (its auxiliaries,
    clitic pronouns and adverbs between), with no preposition or subordinator of its own, is the subject of a
    French finite verb that has none."""
    doc = verb.doc
    if language_of(doc) != "fr" or not finite(verb):
        return None
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in ("AUX", "ADV") or doc[i].pos_ == "PRON" and doc[i].dep_ not in SUBJECT_DEPS):
        i -= 1
    i = _past_apposition(doc, i)
    end = i
    while i >= 0 and (doc[i].pos_ == "PROPN" or doc[i].pos_ == "DET" and doc[i].text[:1].isupper() and i < end
                      and doc[i + 1].pos_ == "PROPN"):
        i -= 1
    if i == end or i < 0 or doc[i].text != "," or doc[i + 1].pos_ != "PROPN":
        return None
    name = doc[i + 1 : end + 1]
    if any(c.dep_ in ("case", "mark") for t in name for c in t.children):
        return None
    return name.root


def _name_before_participle(subject: Token) -> Token | None:
    """*…, Jean Dupont, réélu en mars, a estimé…*: the French parser may take the participle of the apposition
    for the verb's subject and hang the name on the clause before. A past participle with no determiner set off by a
    comma right after a name that itself follows a comma is the name's apposition: the name is the subject (the
    clause before, which the parser may hang on the participle, is no part of it)."""
    doc = subject.doc
    if language_of(doc) != "fr" or subject.pos_ != "VERB" or subject.morph.get("VerbForm") != ["Part"] \
            or any(c.i < subject.i and c.dep_ in ("det", "case", "amod", "nummod", "aux", "aux:tense", "aux:pass")
                   for c in subject.children) or subject.i < 3 \
            or doc[subject.i - 1].text != ",":
        return None
    i = subject.i - 2
    end = i
    while i >= 0 and doc[i].pos_ == "PROPN":
        i -= 1
    if i == end or i >= 0 and doc[i].text != ",":
        return None
    return doc[i + 1 : end + 1].root


def _past_apposition(doc: Doc, i: int) -> int:
    """*…, Jean Dupont, réélu en mars, a estimé…*: the index before a short apposition set off by commas that
    ends at ``i`` (a comma), to read the name before it; ``i`` unchanged where there is none. An apposition holds no
    finite verb and no quotation mark and is no name alone (a list of names is no apposition)."""
    if i < 1 or doc[i].text != ",":
        return i
    j = i - 1
    while j >= 0 and i - j <= APPOSITION_WORDS and doc[j].text != "," and doc[j].text not in QUOTE_MARKS \
            and not finite(doc[j]) and doc[j].pos_ != "AUX":
        j -= 1
    segment = doc[j + 1 : i]
    if j < 1 or doc[j].text != "," or not len(segment) or all(t.pos_ == "PROPN" for t in segment):
        return i
    return j - 1


def _inverted_object(verb: Token) -> bool:
    """Does an object after ``verb`` that can speak close its clause (a comma, a stop or the text's end
    right after it): the inverted subject of an incise the parser read as an object?"""
    for obj in verb.children:
        if obj.dep_ != "obj" or obj.i < verb.i or obj.pos_ not in ("NOUN", "PROPN"):
            continue
        after = obj.right_edge.i + 1
        closes = after >= len(obj.doc) or obj.doc[after].text in SENTENCE_ENDS | {","}
        if closes and credible_source(obj, phrase_bounds(obj), "fr"):
            return True
    return False


def _misread_clitic(subject: Token, verb: Token) -> bool:
    """A first- or second-person clitic (``quote_words`` ``person_clitics``) that is a verb's only subject in the
    parse but disagrees with it in person (*Dupont nous explique que…*, the verb in the third person): the clitic
    is the object the parser took for the subject, having misread the name before it (as a numeral or an
    expletive); the verb's subject is that name (``_bare_noun_subject``), not the writer and the reader. Only a
    noun phrase opening the clause replaces the clitic: with none (*ce que nous explique X*, an inverted subject
    the parser reads as the object; *Il nous a dit*, the pronoun hung on the auxiliary) the parse is left as it
    was."""
    return subject.lower_ in quote_words("fr").person_clitics and not _agrees_in_person(subject, verb)


def _agrees_in_person(subject: Token, verb: Token) -> bool:
    """False for a pronoun whose grammatical person differs from the finite verb's (morphology of the
    verb or its auxiliary): *X nous explique que*, *les sceptiques me diront*, where the parser makes the
    object clitic a second subject; subject-verb agreement in person is French and English grammar."""
    person = subject.morph.get("Person")
    if subject.pos_ != "PRON" or not person:
        return True
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    verb_person = next((t.morph.get("Person") for t in forms if t.morph.get("Person")), None)
    return not verb_person or verb_person == person


def time_phrase(tok: Token) -> bool:
    """Does the token head a date or a time (*mardi*, *le 3 juin*, *ce matin*: ``time_word``, a numeral with a
    month)? The French parser may take one for the subject of an inverted incise (*«…», avait confié le 3 juin
    X*, a French press order); it says when, never who. Not a quantity of them (*les 18-24 ans*: an age group).
    English: never (its subject comes before the verb; *USA Today*, *Doris Day* are names)."""
    if language_of(tok.doc) != "fr":
        return False
    times = quote_words("fr").time_nouns
    if time_word(tok, times):
        return not any(c.dep_ == "nummod" for c in tok.children)
    return tok.pos_ == "NUM" and _numeral_date(tok, times)


def time_word(tok: Token, times: frozenset[str]) -> bool:
    """A lower-case time noun outside any name (``quote_words`` ``time_nouns``): *mai*, *lundi*, not *Mai
    Nguyen*, *Avril Haines*, *Le Soir* or *USA Today*."""
    return tok.text[:1].islower() and not tok.ent_type_ and tok.pos_ != "PROPN" \
        and (tok.lower_ in times or tok.lemma_.lower() in times)


def _numeral_date(tok: Token, times: frozenset[str]) -> bool:
    """A numeral read with the time word next to it or hung on it (*le 3 juin*)."""
    doc = tok.doc
    near = [doc[tok.i + 1]] if tok.i + 1 < len(doc) else []
    return any(time_word(t, times) for t in (*near, *tok.children))


def hyphen_subject(verb: Token) -> Token | None:
    """``a-t-il ajouté``, ``explique-t-elle``: the inverted pronoun, which the parser may hang off the
    auxiliary or mis-attach."""
    doc = verb.doc
    for i in range(max(verb.i - 3, 0), min(verb.i + 3, len(doc))):
        if doc[i].lower_ in INVERTED_SUBJECTS:
            return doc[i]
    return None


def inverted_subject(verb: Token) -> Token | None:
    """``…, a déclaré (ce mardi) le ministre``: the first noun after the verb that is not a time or an oblique."""
    doc = verb.doc
    words = quote_words(language_of(doc))
    text = doc_text(doc)
    line_end = text.find("\n", verb.idx)  # the line, not the parser's sentence: it sometimes cuts
    line_end = len(text) if line_end == -1 else line_end  # "», analyse | Orietta Cazzuli" after the verb
    i = verb.i + 1
    oblique = False
    reach = verb.i + 8
    while i < min(reach, len(doc)) and doc[i].idx < line_end and doc[i].text not in (".", "!", "?", "…", ";"):
        tok = doc[i]
        if tok.is_space:  # a run of spaces the tokenizer keeps as a token (*le  15 mai*): no word
            i, reach = i + 1, reach + 1
            continue
        if time_word(tok, words.time_nouns) or tok.pos_ == "NUM" and _numeral_date(tok, words.time_nouns):
            i += 1  # *a déclaré mardi X*, *a confié le 3 juin X*
            continue
        if tok.text == "(":  # *affirment (dans un texte commun) les délégués*: how, not who
            close = next((k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text == ")"), None)
            if close is not None:
                i, reach = close + 1, reach + close + 1 - i
                continue
        if tok.lower_ == "des" and not oblique and language_of(doc) == "fr" and all(
                time_word(t, words.time_nouns) or t.pos_ in ("NUM", "DET") or t.is_space for t in doc[verb.i + 1 : i]):
            i += 1  # *ont indiqué (ce jeudi 20 juillet) des sources*: the plural article, read as *de* + *les*
            continue
        if tok.pos_ == "ADP":  # an oblique (à l'AFP, to reporters): skip the whole phrase
            end = max(tok.head.right_edge.i, i) + 1 if tok.head.i > tok.i else i + 1
            if language_of(doc) == "fr":
                # up to a determiner right after the oblique's noun, which opens a phrase of its own that the
                # parser hung on it (*a répondu avant la rencontre l'entourage de X*)
                # (a lower-case one: *Le*, *La* open a name, *au journal Les Échos le patron*)
                end = next((k for k in range(i + 2, end) if doc[k].pos_ == "DET" and doc[k].dep_ == "det"
                            and doc[k].text[:1].islower()
                            and k - 1 == tok.head.i and doc[k - 1].pos_ in ("NOUN", "PROPN") and doc[k].head.i > k), end)
            named = _name_after_oblique(doc, i + 1, end)
            if named is not None:
                return named
            i = _past_name(doc, end)
            oblique = True
            continue
        if oblique and tok.pos_ == "CCONJ":  # *sur BFMTV et RMC X*: the oblique's second noun, then the name
            i = _past_conjunct(doc, i + 1)
            continue
        oblique = False
        if tok.pos_ in ("PROPN", "NOUN") or (tok.pos_ == "X" and tok.text[:1].isupper()):
            # "said Ms. Broaddrick": a title or first name leans on the name that heads the phrase
            while tok.dep_ in ("compound", "flat", "flat:name") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
                tok = tok.head
            return tok
        if tok.lower_ in ("un", "une", "one") and i + 1 < len(doc) and doc[i + 1].lower_ in ("des", "de", "d'", "d’", "of"):
            return tok  # *a confié l'un des chercheurs*: a numeral pronoun heading its partitive
        if tok.pos_ not in ("DET", "ADJ", "ADV", "ADP") and tok.text != ",":
            return None
        i += 1
    return None


def _past_name(doc: Doc, i: int) -> int:
    """Past the rest of a name the parser cut in two (*sur BFM | TV le président…*: *TV* continues the
    medium's name, it is not the inverted subject): tokens inside the entity begun before ``i``, or
    capitalised proper-noun tokens glued to a capitalised one."""
    while i < len(doc) and i > 0 and not doc[i].is_punct and not _name_after_known_body(doc[i]) and (
            doc[i].ent_iob_ == "I" or doc[i].pos_ in ("PROPN", "X") and doc[i].text[:1].isupper()
            and doc[i - 1].pos_ in ("PROPN", "X") and doc[i - 1].text[:1].isupper()
            and doc[i - 1].idx + len(doc[i - 1].text) < doc[i].idx
            and not (doc[i].ent_iob_ == "B" and doc[i].ent_type_ in ("PER", "PERSON"))):  # a person's name begins
        i += 1
    return i


def _past_conjunct(doc: Doc, i: int) -> int:
    """Past a proper noun coordinated to an oblique's (*sur BFMTV et RMC*), up to a person's name that
    begins after it (the tagger's PER entity): the parser may run the name into the conjunct."""
    while i < len(doc) and doc[i].pos_ in ("PROPN", "X") and doc[i].text[:1].isupper() \
            and not (doc[i].ent_iob_ == "B" and doc[i].ent_type_ in ("PER", "PERSON")) and not _name_after_known_body(doc[i]) \
            and not _first_name_opens(doc[i]):
        i += 1
    return i


def _first_name_opens(tok: Token) -> bool:
    """A listed first name (``first_names.tsv``) outside the tagger's entities, followed by a capitalised word
    or a particle and one (*Hélène de Montclar*): a person's name the tagger left untagged begins there."""
    doc = tok.doc
    if tok.ent_iob_ != "O" or tok.text not in first_names(language_of(doc)) or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    if nxt.lower_ in ("de", "d'", "d’", "du") and tok.i + 2 < len(doc):
        nxt = doc[tok.i + 2]
    return nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "X", "NOUN")


def _name_after_oblique(doc: Doc, start: int, end: int) -> Token | None:
    """*a déclaré à la presse Jean Dupont*, *a confié à l'AFP Jean Dupont*: the parser may hang the
    inverted subject's name on the oblique's noun; a person's name (the NER's) right after the oblique's
    common noun, or right after an organisation's name (a medium, an agency), is the subject, unless a
    title stands in the oblique before it (``role_nouns.tsv``: *au ministre Jean Dupont*, *au patron de
    Renault Jean Dupont* name the addressee)."""
    roles = role_nouns(language_of(doc))
    for k in range(start + 1, end):
        tok, before = doc[k], doc[k - 1]
        if before.is_space and k - 2 >= start:  # *dans la matinée  X* (two spaces): the word before them
            before = doc[k - 2]
        if before.lemma_.lower() in roles or before.lower_ in roles:
            return None  # a title before the name, from the oblique's first word on
        # a medium or a platform the tagger calls miscellaneous (*sur Twitter X*) is one as well
        after_body = before.ent_type_ in ("ORG", "NORP", "MISC") and before.ent_iob_ in ("B", "I")
        if tok.ent_iob_ == "B" and tok.ent_type_ in ("PER", "PERSON") and (before.pos_ == "NOUN" or after_body) \
                or _name_after_known_body(tok):
            return tok
    return None


def _name_after_known_body(tok: Token) -> bool:
    """*sur RMC Dominique Martin*: the tagger may run a medium's name and the person it interviews into one
    organisation; the name begins inside that entity, after a known organisation (``organisations.txt``, the
    rating lists' outlets: ``entities.is_known_organisation``, which splits the article's mentions the same
    way) followed by capitalised words only."""
    if tok.ent_iob_ != "I" or tok.ent_type_ not in ("ORG", "MISC") or not tok.text[:1].isupper():
        return False
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    rest = [t for t in doc[tok.i:end + 1] if t.text[:1].isalpha()]
    return end > tok.i and all(t.text[:1].isupper() or t.lower_ in ("de", "d'", "d’", "du", "le", "la") for t in rest) \
        and is_known_organisation(doc[start:tok.i].text, "ORG")


def antecedent(pron: Token) -> Token | None:
    """Antecedent of a relative pronoun subject: the noun just before it (``X, qui affirme que``), climbing to
    the head of a complement (*le porte-parole du ministère, qui*: the spokesperson) but not past a preposition
    that names another party (*une plainte contre le journal qui avait assuré*, *une analyse saluée par X, qui
    juge*: the journal, X)."""
    doc = pron.doc
    i = pron.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i >= 0 and (doc[i].pos_ in ("PROPN", "NOUN") or doc[i].text[:1].isupper()):
        tok = doc[i]
        # a proper noun the tagger made an adjective of the noun before it is part of that noun's name (*la région
        # Paca qui…*: the climb goes on to the head of the whole phrase)
        while (tok.dep_ in ("flat:name", "flat", "compound", "nmod") or tok.dep_ == "amod" and tok.pos_ == "PROPN") \
                and tok.head.i < tok.i and tok.head.pos_ in ("PROPN", "NOUN") and not _other_party(tok):
            tok = tok.head
        return tok
    return None


# prepositions whose complement is another party than the noun it hangs on (*une plainte contre X*, *saluée par
# X*, *un accord avec X*): closed-class words. Not *de* nor *à* (*un accord au forceps, qui…*: the accord)
_OTHER_PARTY_CASES = frozenset({"par", "contre", "avec", "pour", "chez", "envers", "auprès", "entre", "parmi",
                                "by", "against", "with", "for", "among", "between"})


def _other_party(tok: Token) -> bool:
    """Is the complement introduced by a preposition that names another party (``_OTHER_PARTY_CASES``), outside a
    name that holds both words (*la Ligue contre le cancer*, *l'Association pour le droit de mourir*: one body)?"""
    if tok.dep_ != "nmod" or not any(c.dep_ == "case" and c.lower_ in _OTHER_PARTY_CASES for c in tok.children):
        return False
    head = tok.head
    start, end = min(head.idx, tok.idx), max(head.idx + len(head.text), tok.idx + len(tok.text))
    return not any(m.start <= start and end <= m.end for e in entities_in(tok.doc, start, end) for m in e.mentions)


# What a phrase's head heads when it is a predicate with its copula (*C'est la ministre qui…*: *C'* its subject, *est*
# its copula), and a verb the parser hung on it with no relation named (``dep``: *C'est le préfet, qui est allé
# dénoncer…*): the clause's words, never the phrase's. A head with a subject and no copula is a verb the tagger
# read as a noun (*le candidat les presse*), whose subject is the better part of the phrase: kept.
PREDICATE_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "cop", "aux", "aux:tense", "aux:pass", "expl:subj"})


def phrase_bounds(head: Token, keep_acl: bool = False) -> tuple[int, int]:
    """Char span of a noun phrase (with its appositions) without relative clauses, the clause of a head that is a
    predicate (``PREDICATE_DEPS``), or edge punctuation."""
    excluded = {"acl:relcl", "relcl", "ccomp", "parataxis", "advcl", "conj", "cc"}
    if not keep_acl:
        excluded |= {"acl"}
    ids = _phrase_ids(head, head, excluded)
    if any(c.dep_ == "cop" for c in head.children):  # a predicate: its clause's words are not the phrase's
        for child in head.children:  # (a noun inside the phrase keeps its own predicate)
            if child.dep_ in PREDICATE_DEPS or child.dep_ == "dep" and child.pos_ in ("VERB", "AUX"):
                ids -= {t.i for t in child.subtree}
    left = right = head.i
    while left - 1 in ids:
        left -= 1
    while right + 1 in ids:
        right += 1
    doc = head.doc
    name = detached_name(head, right, ids)
    if name is not None:
        ids |= _phrase_ids(name, name, excluded)
        while right + 1 in ids:
            right += 1
    for k in range(head.i + 1, right + 1):
        # a quotation after a comma or a colon is what the phrase's speaker says (*l'avocat, « … »*), and a bracket
        # the parse leaves open is a remark on the phrase (*L'OTAN (« le machin »*): the phrase ends before either
        # and a colon opens what follows (*selon l'hebdomadaire : celui de X est…*), never the phrase's own words
        if doc[k].text in QUOTE_PAIRS and doc[k - 1].text in (",", ":") or doc[k].text == "(" and not any(
                doc[m].text == ")" for m in range(k + 1, right + 1)) or doc[k].text == ":":
            right = k - 1
            break
    while right > head.i and (doc[right].is_punct or doc[right].pos_ in ("ADP", "CCONJ", "DET")) \
            and not _balanced_mark(doc, left, right, right):
        right -= 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space or doc[left].pos_ in ("ADP", "CCONJ")
                             or not any(c.isalnum() for c in doc[left].text)) \
            and not _balanced_mark(doc, left, right, left):  # no letter: *>* opening a line of links
        left += 1
    line_start = doc_text(doc).rfind("\n", 0, head.idx) + 1
    line_end = doc_text(doc).find("\n", head.idx)
    line_end = len(doc_text(doc)) if line_end == -1 else line_end
    while doc[left].idx < line_start:
        left += 1
    while doc[right].idx >= line_end:
        right -= 1
    if head.pos_ in ("PROPN", "X") or head.text[:1].isupper():
        # a name the parser cut in two; not across the edge of two of the tagger's entities (*à l'AFP Jean Dupont*)
        # a sentence's first word joins only as a first name (*Marine Le Pen a affirmé…*, *Marine* tagged a noun)
        while left > 0 and doc[left - 1].text[:1].isupper() and doc[left - 1].pos_ in ("PROPN", "X", "NOUN") \
                and (not doc[left - 1].is_sent_start or doc[left - 1].text in first_names(language_of(doc))) \
                and not (doc[left].ent_iob_ == "B" and doc[left - 1].ent_iob_ != "O") \
                and not _name_after_known_body(doc[left]) and not _first_name_opens(doc[left]):
            left -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def detached_name(head: Token, right: int, ids: set[int]) -> Token | None:
    """*a insisté l'écologiste Zoé Mas, rapporteure du texte* (invented after dev10): the parser may hang a title's
    name on the verb; a person's name (the tagger's) right after a lower-case noun's phrase, whose ``right`` token it
    follows and whose tokens (``ids``) it does not hang on, is that noun's apposition."""
    doc = head.doc
    if head.pos_ != "NOUN" or not head.text[:1].islower() or right + 1 >= len(doc):
        return None
    name = doc[right + 1]
    if name.ent_iob_ != "B" or name.ent_type_ not in ("PER", "PERSON") or name.head.i in ids:
        return None
    return name


def _phrase_ids(top: Token, head: Token, excluded: set[str]) -> set[int]:
    """The token indices of ``top``'s subtree, without the dependents ``excluded`` names nor fronted obliques."""
    ids = {top.i}
    stack = [top]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in excluded and not _fronted_oblique(head, child):
                ids.add(child.i)
                stack.append(child)
    return ids


def _fronted_oblique(head: Token, child: Token) -> bool:
    """Is ``child`` an oblique the parser hung on the phrase's head noun before it, which is the clause's (*Lundi
    soir, au 20h de France 2, le candidat a confirmé…*: when and where, not who)? Not after the noun, where a noun
    made from a participle takes its own (*un détenu à la prison de X*), nor deeper in the phrase (a relative's
    *jusqu'ici*), nor when a name hangs inside it (*Face aux députés, Jean X, candidat…*: the parser made the name
    an apposition of the oblique's noun; the two read-only reviews' cases)."""
    return child.dep_.startswith("obl") and child.head.i == head.i and child.i < head.i \
        and head.pos_ in ("NOUN", "PROPN") and not any(t.dep_ == "appos" for t in child.subtree)


# each quotation mark's and bracket's partner, both ways
_PARTNERS = {**QUOTE_PAIRS, "(": ")", **{c: o for o, c in QUOTE_PAIRS.items()}, ")": "("}


def _balanced_mark(doc: Doc, left: int, right: int, i: int) -> bool:
    """Is the token ``i`` at an edge of the phrase ``doc[left:right + 1]`` a quotation mark or a bracket whose
    partner is inside it (*X, auteur de l'ouvrage « Les Ombres »*)? Stripped, it would leave half a pair."""
    mark = doc[i].text
    if mark == STRAIGHT:
        return sum(t.text == STRAIGHT for t in doc[left:right + 1]) % 2 == 0
    partner = _PARTNERS.get(mark)
    return partner is not None and any(t.text == partner for t in doc[left:right + 1])


REFLEXIVE_CLITICS = frozenset({"se", "s'", "s’"})


def reflexive(verb: Token, before: bool = False) -> bool:
    """Does the verb carry the third-person reflexive clitic (*s'est dit*, *s'interroge sur*, *il se dit que*)?
    ``before``: only a clitic placed before it, as it is before every French form but the imperative's."""
    return any(c.lower_ in REFLEXIVE_CLITICS and (not before or c.i < verb.i) for c in verb.children)


def impersonal_passive(verb: Token) -> bool:
    """A verb in the passive (*il a été rapporté que*, *est-il écrit*), whose *il* names nobody. French
    pronominal verbs also take *être* in their compound tenses (*il s'est opposé à*, *il s'est engagé à*:
    Grevisse, the auxiliary of pronominal verbs): with the reflexive clitic before it the verb is active,
    unless a *que* clause follows, where the passive pronominal is as common (*il s'est dit que…*, *il s'est
    répété que…*: it was said; the review of session 35)."""
    passive = any(c.dep_ in ("aux:pass", "auxpass") or (c.dep_.startswith("aux") and c.lemma_ == "être")
                  for c in verb.children) and verb.lemma_ not in ("exprimer", "écrier", "exclamer", "interroger")
    if passive and reflexive(verb, before=True):
        return any(t.i > verb.i and t.dep_ == "mark" and t.lower_ in ("que", "qu'", "qu’") for t in verb.subtree)
    return passive


def clause_subject(doc: Doc, content: tuple[int, int]) -> Token | None:
    """The subject of the clause that makes up ``content`` (its root verb's), inside it, or None: who speaks
    in a sentence a document or an interview opens (*Dans un communiqué, X…*, *Dans une interview, X…*)."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(span.root)
    return subject if subject is not None and span.start <= subject.i < span.end else None


def speaker_head(verb: Token) -> Token | None:
    """The token heading the speaker phrase (subject, inverted subject, or a relative's antecedent)."""
    doc = verb.doc
    subject = subject_of(verb)
    if subject is not None and subject.lower_ in ("-t", "-t-"):  # "a-t-il": the pronoun follows
        nxt = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
        subject = nxt if nxt is not None and nxt.lower_.startswith("-") else None
    if subject is not None and subject.lower_ in ("-il", "il") and (
            impersonal_passive(verb) or subject.head.lemma_.lower() == "falloir"):
        # impersonal, nobody speaks: *est-il écrit dans le rapport*; *Faut-il rappeler que…*, the subject of
        # *falloir* is always impersonal (the writer asks)
        return None
    if subject is not None and _subject_of_passive(subject, verb):
        # *la trêve est proclamée, que…*: what is proclaimed, not who proclaims; the agent on the verb speaks
        # (*le projet est jugé utile par la Capeb*, when the parser hangs the agent on the verb)
        agent = next((c for c in verb.children if c.dep_.startswith("obl") and c.i > verb.i and by_par(c)), None)
        # *par la suite*, *par téléphone*: a manner or a time, no agent
        return agent if agent is not None and credible_source(agent, phrase_bounds(agent), "fr") else None
    if subject is not None and subject.lower_ in quote_words(language_of(doc)).relative_pronouns:
        if subject.head.i == verb.i and _french_passive(verb):
            return None  # *Le texte, qui est jugé dangereux par…*: what is judged, not who judges (its reading, s23)
        before = antecedent(subject)
        # a time word before the pronoun is no antecedent (*une série d'études publiées ce mardi qui
        # confirment*): the noun the relative clause hangs on in the parse
        held = verb.head if verb.dep_ in ("acl:relcl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") else None
        if before is not None and held is not None and held.i < before.i \
                and before.lower_ in quote_words(language_of(doc)).time_nouns:
            before = held
        subject = before
    pronominal = reflexive(verb, before=True)
    if subject is None and pronominal:
        subject = next((c for c in verb.children if c.dep_ == "expl:subj" and c.i < verb.i), None)
    if subject is not None and subject.dep_ == "expl:subj" and pronominal and subject.lower_ in ("il", "elle"):
        return subject  # "il s'est dit prêt": the parser calls the subject of a reflexive expletive
    if subject is None or subject.dep_ == "expl:subj" or subject.lower_ in ("ce", "c'", "c’", "cela", "ça"):
        # only a finite verb inverts its subject (*a déclaré le ministre*); after an infinitive or a
        # participle the noun is its object (*accuser la Russie de…*, *to confirm the nominee*)
        inverted = inverted_subject(verb) if finite(verb) and not compound_nonfinite(verb) else None
        if inverted is not None:
            return inverted
        agent = _causative_agent(verb)
        if agent is not None:
            return agent
    if subject is None and finite(verb):
        subject = fronted_subject(verb)
    return subject if subject is not None else _narrative_infinitive_subject(verb)


def slipped_incise_subject(tok: Token, stop: int, lang: str) -> Token | None:
    """The inverted subject of a lower-case present third person of a speech verb that is an incise the
    parse missed (*…, analyse Paul Martin. …*, *…, note le rapport.*): read by the tagger as a noun, an
    adjective or a participle, or as a verb whose inverted subject became its object, with no subject
    before it, followed by a noun phrase that can speak (``credible_source``: a name, a role, a body, a
    document) and closes the sentence before ``stop``; None otherwise. A verb the tagger coordinated is left
    alone (verbs listed after a shared subject, *l'enfant arrive, salue le gardien.*), but not a form it read
    as a noun with no determiner (*…, note France Info.*: nouns take one). A phrase followed by a comma is
    left alone too: a first person's list (*je me lève, allume le four, demande la livraison…*) and an address
    (*…, juge Martin, pour…*) are spelt the same."""
    doc = tok.doc
    listed = tok.dep_ == "conj" and (tok.pos_ in ("VERB", "AUX") or any(c.dep_ == "det" for c in tok.children))
    if not tok.text.islower() or present_third_person(tok.lower_, lang) is None or listed \
            or tok.i + 1 >= stop or doc[tok.i + 1].pos_ not in ("DET", "PROPN") \
            or doc[tok.i + 1].lower_ in ("du", "des"):
        return None
    subject = subject_of(tok)
    if subject is not None and subject.i < tok.i:
        return None
    for nxt in doc[tok.i + 2 : min(tok.i + 7, stop)]:
        if nxt.text in SENT_END:
            phrase = doc[tok.i + 1 : nxt.i]
            return phrase.root if credible_source(phrase.root, (phrase.start_char, phrase.end_char), lang) else None
        if nxt.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "ADP"):
            return None
    return None


def _verb_auxiliary(tok: Token, verb: Token) -> bool:
    """Is ``tok`` the verb's own auxiliary or negation (*Deux jours auparavant le procureur X avait indiqué*,
    *X n'a pas dit*): words of the verb's group, which may stand between its subject and it."""
    return tok.head.i == verb.i and (tok.dep_ in ("aux", "aux:tense", "aux:pass")
                                     or tok.dep_ == "advmod" and "Neg" in tok.morph.get("Polarity"))


def by_par(phrase: Token) -> bool:
    """Is the phrase introduced by *par* (a French passive's agent)?"""
    return any(k.dep_ == "case" and k.lower_ == "par" for k in phrase.children)


def _subject_of_passive(subject: Token, verb: Token) -> bool:
    """Is ``subject`` the subject of the speech verb ``verb`` in the French passive: the verb's own subject
    (``nsubj`` or ``nsubj:pass``: the parser gives either), with the passive auxiliary and the passive
    voice in the verb's morphology, not a verb whose *être* is a tense auxiliary the parser may label so
    too (*sont convenues*, *est montée*: ``quote_words`` ``etre_verbs``), no reflexive (*X s'est
    montré…*), not a relative pronoun (left to the antecedent's reading), and not a subject the speech
    verb shares with a passive it is coordinated to (*l'arrêté avait été modifié et prévoyait que…*)? A
    passive's subject is what is said or whom it is said of (*la trêve est proclamée*, *le maire est
    accusé de…*), never the speaker: its agent is. Only a speech verb: the subject of *contraint*,
    *forcé* carries the speech infinitive after it (*a été contraint de reconnaître*). French only:
    English *X was quoted as saying* names its speaker so."""
    if subject.dep_ not in ("nsubj", "nsubj:pass") or subject.head.i != verb.i:
        return False
    return subject.lower_ not in quote_words("fr").relative_pronouns and _french_passive(verb)


def _french_passive(verb: Token) -> bool:
    """A French speech verb in the passive: the passive auxiliary and voice, not *être* as the tense auxiliary
    of a verb of movement (``quote_words`` ``etre_verbs``) or of a pronominal verb. The parser also reads a
    present passive as a participle after *être* labelled a copula or a tense auxiliary (*les militants sont
    invités à « … »*: *sont* a ``cop`` or ``aux:tense``, the participle no voice): read so when the participle
    governs the infinitive a request asks for (*invités à envoyer*, *priés de rester*), whose subject is who is
    asked; not a participle of feeling or stance (*opposé à « … »*, *énervés par « … »*: the subject holds the
    view) nor *cité par X* (the one cited speaks), which an *être* reading alone cannot tell apart (the review of
    session 46)."""
    if language_of(verb.doc) != "fr" or verb.lemma_.lower() in quote_words("fr").etre_verbs:
        return False
    passive = "Pass" in verb.morph.get("Voice") and any(c.dep_ == "aux:pass" for c in verb.children)
    with_etre = verb.pos_ == "VERB" and verb.morph.get("VerbForm") == ["Part"] and "Past" in verb.morph.get("Tense") \
        and any(c.dep_ in ("cop", "aux:tense") and c.lemma_ == "être" for c in verb.children) \
        and any(c.dep_ == "xcomp" and c.morph.get("VerbForm") == ["Inf"] for c in verb.children)
    if not (passive or with_etre):
        return False
    return speech_lemma(verb, "fr") is not None and not reflexive(verb)


def fronted_subject(verb: Token) -> Token | None:
    """*Mardi, dans l'émission de la radio, Jeanne Martin, ministre du Travail, explique que…*
    (invented): a subject between a fronted adverbial and its verb, set off by commas, which the parser
    hangs on the adverbial's noun as an apposition, leaving the verb without a subject. A person's name
    (the NER's) in apposition inside a phrase before the verb, whose words (the role after the name
    with them) run up to the verb with only punctuation between, is the subject: an apposition names
    again the noun it follows, and a broadcast, a place or a date is not a person."""
    doc = verb.doc
    for child in sorted(verb.lefts, key=lambda t: -t.i):
        for tok in child.subtree:
            if tok.dep_ == "appos" and tok.ent_type_ in ("PER", "PERSON") and tok.ent_iob_ == "B" \
                    and all(t.is_punct or _verb_auxiliary(t, verb) for t in doc[tok.right_edge.i + 1 : verb.i]):
                return tok
    return None


def _narrative_infinitive_subject(verb: Token) -> Token | None:
    """*Le porte-parole a confirmé la nouvelle. Et d'ajouter que…* (invented): the French narrative
    infinitive (*infinitif de narration*: *[et] de* + infinitive heading its own sentence) takes the
    subject of the sentence before it, in the same paragraph (French grammar: it tells what that subject
    did next)."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.morph.get("VerbForm") != ["Inf"] or verb.sent.start == 0:
        return None
    start = sentence_bounds(verb)[0]
    lead = [t for t in doc[verb.sent.start : verb.i] if t.idx >= start]
    if not lead or lead[-1].lower_ not in ("de", "d'", "d’") or any(t.lower_ != "et" for t in lead[:-1]):
        return None
    root = doc[verb.sent.start - 1].sent.root
    if root.idx > verb.idx or "\n" in doc_text(doc)[root.idx:verb.idx]:
        return None  # the parser's previous sentence may run over a paragraph break
    if root.pos_ not in ("VERB", "AUX") or root.idx in quoted_set(doc):
        return None  # a verb inside a quotation is the quoted speaker's, not the narrative's
    return subject_of(root)


def _causative_agent(verb: Token) -> Token | None:
    """*Ce qui fait dire à X que…*, *cela fait craindre à X que…*: under causative *faire* with a
    subject that names nobody, the infinitive's agent is its *à* complement (French grammar: the agent
    of a causative infinitive that has its own complement is introduced by *à*)."""
    doc = verb.doc
    if verb.morph.get("VerbForm") != ["Inf"] or verb.i == 0:
        return None
    if causative_before(verb) is None:
        return None
    return next((c for c in verb.children if c.i > verb.i and c.pos_ in ("PROPN", "NOUN")
                 and introduced_by(c, A_FORMS)), None)


# words that open a sentence and link it to the one before (*Mais pour X, …*, *Mais, ajoute X, « … »*)
CONNECTIVES = frozenset({"mais", "et", "or", "donc", "alors", "ainsi", "aussi", "enfin", "toutefois", "cependant",
                         "pourtant", "but", "and", "so", "yet"})


# the adverbs that make *que* a conjunction of contrast (*alors que*, *tandis que*): the clause it opens after a comma
# states a view of its own
CONTRASTS = frozenset({"alors", "tandis"})


def contrast_before(tok: Token) -> Token | None:
    """The comma of *…, alors que* / *…, tandis que* right before ``tok``, else None."""
    doc = tok.doc
    if tok.i < 3 or doc[tok.i - 1].lower_ not in ("que", "qu'", "qu’") or doc[tok.i - 2].lower_ not in CONTRASTS:
        return None
    return doc[tok.i - 3] if doc[tok.i - 3].text == "," else None


def demonstrative_end(head: Token) -> int | None:
    """The offset where a demonstrative pronoun with *-ci* / *-là* ends (*celui-ci*, *celle-là*: one token, or two
    when the tokenizer splits them), else None."""
    text = doc_text(head.doc)[head.idx:head.idx + len(head.text) + 3].lower()
    for word in ("celui", "celle", "ceux", "celles"):
        for suffix in ("-ci", "-là"):
            if text.startswith(word + suffix) and len(head.text) in (len(word), len(word) + len(suffix)):
                return head.idx + len(word) + len(suffix)
    return None


def completed_noun(root: Token) -> Token | None:
    """The noun a phrase headed by ``root`` completes by *de* (*l'avocat de X*, *les propos de X*, *un proche de X*:
    the noun), else None."""
    noun = root.head
    if root.dep_ == "nmod" and noun.pos_ == "NOUN" and any(c.dep_ == "case" and c.lower_ in DE_FORMS
                                                             for c in root.children):
        return noun
    return None


def noun_phrase_head(last: Token) -> Token:
    """The head of the noun phrase whose last word is ``last``, climbing a name's parts and noun complements
    back to the first noun (*Jean Martin*, *le maire de Lyon*, *un rapport de l'ONU*)."""
    head = last
    while head.dep_ in ("nmod", "flat:name", "flat") and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head


def verb_group_start(verb: Token) -> int:
    """The index of the first word of ``verb``'s group: its auxiliaries, and the negation *ne* and the
    reflexive *se* before it (*Mais, s'est-il ensuite écrié*, *n'a pas précisé*)."""
    return min([verb.i] + [c.i for c in verb.children if c.i < verb.i and (
        c.dep_.startswith("aux") or c.lower_ in ("ne", "n'", "n’", "se", "s'", "s’"))])


def fronted_incise_subject(verb: Token, opening: Token) -> Token | None:
    """*Mais, ajoute Marie Lenoir, « … »* (invented): an incise with its inverted subject set before the
    quotation it introduces, between commas (or dashes) after a connective or at the start of the sentence.
    Returns the inverted subject when the verb follows the punctuation or opens the sentence, and only the
    subject's words and a comma or a colon stand between the verb and the opening mark; None otherwise."""
    doc = verb.doc
    first = verb_group_start(verb)
    if doc[first].idx > sentence_bounds(verb)[0] and doc[first - 1].text not in (",", "—", "–"):
        return None
    subject = inverted_subject(verb)
    if subject is None or not verb.i < subject.i < opening.i:
        return None
    start, end = phrase_bounds(subject)
    # the subject's own words run on past the phrase its head bounds: its conjuncts (*dit la sénatrice et
    # ancienne préfète, « … »*)
    words = [t for t in subject.subtree if t.i < opening.i and not t.is_punct]
    last = max([end, subject.idx + len(subject.text)] + [t.idx + len(t.text) for t in words])
    rest = doc_text(doc)[last:opening.idx].strip()
    if rest not in (",", ":", "—", "–") or not credible_source(subject, (start, end), language_of(doc)):
        return None
    return subject


def subject_before_relative(verb: Token) -> Token | None:
    """*L'agence, qui dit vouloir un bilan, ajoute que …* (invented): a finite verb with no subject
    of its own, right after the comma that closes a relative clause set off after the sentence's first noun
    phrase, has that noun phrase for subject (French grammar puts the detached relative between the subject
    and its verb; the parser often hangs the verb inside the relative). Returns the antecedent's head, or
    None when the verb has a subject, follows no comma, or a finite verb comes before the relative."""
    if not finite(verb) or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    first = verb_group_start(verb)
    sent_start = sentence_bounds(verb)[0]
    if first < 3 or doc[first - 1].text != ",":
        return None
    relatives = quote_words(language_of(doc)).relative_pronouns
    for j in range(first - 2, 1, -1):
        tok = doc[j]
        if tok.idx < sent_start:
            return None
        if tok.lower_ in relatives and tok.dep_ in SUBJECT_DEPS and doc[j - 1].text == "," \
                and doc[j - 2].pos_ in ("NOUN", "PROPN"):
            head = noun_phrase_head(doc[j - 2])
            if has_finite_verb(doc, sent_start, head.idx):
                return None  # the relative is not on the sentence's subject
            return head
    return None


def finite(verb: Token) -> bool:
    """A finite verb or a participle with its auxiliary (``a déclaré``), not a bare participle/adjective.
    An English past participle (VBN) with an active nominal subject of its own and no auxiliary is
    a simple past the tagger misread (*Trump tweeted Thursday: "…"*): the same form is both, and
    only the past tense takes an active subject without *have* / *be*. Likewise a French past
    participle with no auxiliary and an active subject *after* it is a present the tagger misread
    (*…, dit X : « … »*, where *dit* is both): a bare participle takes no inverted subject (an
    absolute participle clause puts its subject first, *le discours terminé*)."""
    return "Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children) \
        or verb.tag_ in ("VBD", "VBZ", "VBP") \
        or verb.tag_ == "VBN" and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) \
        or verb.morph.get("VerbForm") == ["Part"] and not verb.tag_.startswith("VB") \
        and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)


def compound_nonfinite(verb: Token) -> bool:
    """*après avoir dit*, *ayant déclaré*: a participle whose auxiliaries are all in the infinitive or the present
    participle is a compound infinitive or participle, which takes no inverted subject (the noun after it is its
    object: *après avoir traité le ministre de…*), though ``finite`` counts it with the verbs that have an auxiliary
    (the features the reported-speech filter was trained on read it so)."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    return bool(auxiliaries) and "Fin" not in verb.morph.get("VerbForm") and all(
        c.morph.get("VerbForm") == ["Inf"] or c.morph.get("VerbForm") == ["Part"] and c.morph.get("Tense") == ["Pres"]
        for c in auxiliaries)


def has_finite_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") or t.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                    for t in span)


def previous_sentence(tok: Token) -> tuple[int, int] | None:
    """The sentence before ``tok``'s, edge punctuation and bullets off: what *c'est ce que révèle X*
    or *X l'a rappelé* points back at."""
    doc = tok.doc
    text = doc_text(doc)
    sent_start, _ = sentence_bounds(tok)
    previous = token_at(doc, len(text[:sent_start].rstrip()) - 1) if sent_start > 0 else None
    if previous is None:
        return None
    start, end = sentence_bounds(previous)
    if end <= start:  # the parser hung the previous line's full stop on this sentence
        start = text.rfind("\n", 0, previous.idx) + 1
        end = previous.idx + len(previous.text)
    content = strip_bullets(doc, *trim_final_punct(doc, *strip_span(doc, start, end)))
    return content if content[1] > content[0] else None
