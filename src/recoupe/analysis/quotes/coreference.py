"""Within-article coreference for speakers: pronouns, role descriptions and outlet descriptions.

A speaker phrase that names nobody (*il*, *-elle*, *celui-ci*, *la ministre*, *le quotidien*) is
linked to a referent introduced earlier in the article:

* pronouns by number and gender (the parser's morphology on the pronoun and on the referent's
  mentions) and by discourse: after a continuation verb (*a-t-il ajouté*, *poursuit-elle*,
  *he added*) the speaker of the previous quote is the antecedent; otherwise the latest compatible
  speaker or person subject;
* role descriptions (*l'hydrologue*, *le dirigeant polonais*) to the entity whose roles (the
  appositions ``recoupe_entities`` finds: *Matteo Cislaghi, hydrologue*) share the description's
  words, the most recently mentioned first; a name in apposition right after the phrase wins;
* outlet descriptions (*le quotidien*, *the newspaper*) to the outlet last named;
* a lede's description (*Un législateur russe…*, *The former firefighter…*) to the person the next paragraph
  names (``delayed_identification``);
* possessive descriptions (*her son*, *son avocat*) through their possessor, resolved as a pronoun
  (``possessive``).

Every resolution keeps the mention that resolved it (``Quote.speaker_evidence``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan  # recoupe.model's Span is the report's character span

from recoupe.analysis.chain import citation_cue, common_noun_named, outlet_kinds, outlet_named
from recoupe.analysis.component import doc_text
from recoupe.analysis.entities import NAME_PARTICLES, listed_with_a_name
from recoupe.analysis.lexicons import (first_names, institution_nouns, language_of, nationalities, person_nouns,
                                       quote_words, role_nouns, source_nouns, speech_lemma)
from recoupe.analysis.quotes.index import entities_in, entity_index, is_person
from recoupe.analysis.quotes.syntax import DE_FORMS, completed_noun, inverted_subject, phrase_bounds, subject_of
from recoupe.analysis.text import QUOTE_MARKS, fold, nonblank_lines, quoted_set, quoted_spans, token_at, tokens_with
from recoupe.model import Entity, Mention, Span

# Verbs that continue the previous speaker's turn: their pronoun subject is that speaker.
CONTINUATION = {"ajouter", "poursuivre", "continuer", "conclure", "renchérir", "enchaîner", "compléter",
                "préciser", "insister", "nuancer", "reprendre", "add", "continue", "conclude", "go"}
# Verbs of retort: their speaker answers what someone else said, so the previous speaker is no default
# antecedent of their pronoun subject (*« … », a dit X. Il a rétorqué : « … »*: not X). From the dictionary's
# verbs of replying in contradiction; *répondre*, *répliquer*, *reply* are left out (one answers a journalist's
# unquoted question with them: the review, session 32).
RETORT = {"rétorquer", "riposter", "objecter", "retort"}
# Descriptions set off by commas that may stand between a description and the name it is apposed to
# (*le directeur du musée, et ancien élu, X*). prior: French press style; not tuned.
APPOSED_DESCRIPTIONS = 2
# How far back (characters) the previous speaker stays the default antecedent of a pronoun.
# prior: about three short paragraphs; not tuned on the annotated articles.
PREVIOUS_SPEAKER_REACH = 1200
# How far back (line breaks) a person named outside quotation marks takes an *il* / *elle* from a previous
# speaker that is no person (``Discourse.person_named_near``): the previous paragraph, blank line included.
# Chosen on dev1 + dev3 (pronoun rows traced: 0, 1, 2 line breaks gave +6/-2, +7/-2, +9/-2 quotes).
PERSON_NAMED_LINES = 2
# How far back (line breaks) a plural common-noun subject is a speaker candidate of a plural pronoun or
# a quote with no speaker phrase: the previous paragraph (a prior, the body-noun candidates' reach).
PLURAL_SUBJECT_LINES = 2
_PLURALS = "recoupe_plural_subjects"
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
STOP = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "the", "a", "an", "of", "ce", "cet", "cette",
        "son", "sa", "ses", "leur", "his", "her", "their", "its", "et", "and", "en", "au", "aux", "à"}


@dataclass
class Referent:
    """Someone who can be referred back to: an entity, or a description that spoke (*la présidence turque*)."""

    canonical: str
    entity: Entity | None
    gender: str | None  # "Masc", "Fem" or None when unknown
    plural: bool
    person: bool
    evidence: tuple[int, int]  # the mention that introduced it
    described_person: bool = False  # a French description of one person, no name (*le ministre*, ``_one_person_noun``)


def pronoun_features(tok: Token) -> tuple[str | None, bool]:
    """(gender, plural) of a subject pronoun, from the parser's morphology and its form."""
    low = tok.lower_.lstrip("-").replace("-t-", "")
    gender = {"il": "Masc", "ils": "Masc", "elle": "Fem", "elles": "Fem", "he": "Masc", "she": "Fem",
              "celui-ci": "Masc", "celle-ci": "Fem", "celui": "Masc", "celle": "Fem", "lui": "Masc",
              "eux": "Masc"}.get(low)
    plural = low in ("ils", "elles", "they", "eux", "ceux-ci", "celles-ci")
    return gender, plural


def token_gender(tok: Token) -> str | None:
    """The token's gender from the parser's morphology, else, for a noun of a person, its lexical
    gender (``quote_words`` ``gendered_nouns_*``: English nouns carry none in the morphology)."""
    genders = tok.morph.get("Gender")
    if len(genders) == 1:
        return genders[0]
    if tok.pos_ == "NOUN":
        words = quote_words(language_of(tok.doc))
        low = tok.lemma_.lower()
        if low in words.gendered_nouns_masc:
            return "Masc"
        if low in words.gendered_nouns_fem:
            return "Fem"
    return None


def entity_gender(doc: Doc, ent: Entity) -> str | None:
    """Gender of a person from the words around its mentions (*la ministre X*, *X, porte-parole*…),
    the honorific before them (*M.*, *Mme*, *Mr*, *Ms*: ``quote_words`` ``honorifics_*``), and its
    roles' determiners, pooled over the people of the article who share its surname (*M. Poutine*
    and *Vladimir Poutine*); None when the votes are missing or split. Names alone carry no reliable
    gender in the tagger (it calls most unknown names masculine), so they do not vote."""
    cache = doc.user_data.setdefault("recoupe_entity_gender", {})
    key = (ent.canonical, ent.label)
    if key in cache:
        return cache[key]
    surname = fold(ent.canonical).split()[-1:] if ent.canonical.split() else []
    votes = {"Masc": 0, "Fem": 0}
    for other in entity_index(doc).entities:
        if other is ent or surname and is_person(other) and fold(other.canonical).split()[-1:] == surname:
            for g, n in _gender_votes(doc, other).items():
                votes[g] += n
    gender = None if votes["Masc"] == votes["Fem"] else max(votes, key=votes.get)
    if gender is None and is_person(ent):
        gender = first_name_gender(ent.canonical, language_of(doc))
    cache[key] = gender
    return gender


def _first_mention(ent: Entity | None) -> int:
    """Offset of the entity's first body mention (-1 without one)."""
    return min((m.start for m in ent.mentions if m.in_ == "body"), default=-1) if ent is not None else -1


def first_name_gender(name: str, lang: str) -> str | None:
    """The gender of a full name's first name (``first_names.tsv``; a compound first name by its first
    part, *Jean-Marc*), None for a single word (a surname alone says nothing) or an unlisted name. Why:
    the article's own words give most people no gender (161 of dev1's 235 persons, NOTES issue 14 s10spk),
    and a pronoun's gender can then tell two people apart only through the name."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].split("-")[0]
    return first_names(lang).get(first) or folded_first_names(lang).get(fold(first))


@lru_cache(maxsize=None)
def folded_first_names(lang: str) -> dict[str, str]:
    """``first_names`` by their accent-folded lower-case spelling, for a name written with accents its
    list spells without (*Gérald*, listed *Gerald*); a spelling two genders share is left out."""
    genders: dict[str, set[str]] = {}
    for name, gender in first_names(lang).items():
        genders.setdefault(fold(name), set()).add(gender)
    return {name: next(iter(g)) for name, g in genders.items() if len(g) == 1}


def description_gender(head: Token) -> str | None:
    """The gender of a description's head noun: in French, what agrees with it first (``title_gender``:
    its article, an adjective, *l'ancienne ministre*), the noun's own morphology after. Why: role nouns
    are often epicene (*ministre*, *porte-parole*) and the tagger guesses their gender from the noun
    alone (*l'ancienne ministre* comes out masculine), which let a description take a man named before
    it (NOTES.md, issue 14, session 16)."""
    if language_of(head.doc) == "fr" and head.pos_ == "NOUN":
        return title_gender(head) or token_gender(head)
    return token_gender(head)


def is_person_noun(noun: Token, lang: str) -> bool:
    """Is the noun a role or person noun of the lexicons (``role_nouns.tsv``, ``person_nouns.tsv``)?"""
    words = _person_nouns(lang)
    return noun.lemma_.lower() in words or noun.lower_ in words


@lru_cache(maxsize=None)
def _person_nouns(lang: str) -> frozenset[str]:
    return frozenset(role_nouns(lang)) | person_nouns(lang)


def _names_a_person(noun: Token) -> bool:
    """Is the noun one that names a person: a role or person noun (``is_person_noun``), or a noun with a
    person's lexical gender (``quote_words``)?"""
    lang = language_of(noun.doc)
    qw = quote_words(lang)
    return is_person_noun(noun, lang) or bool(
        {noun.lemma_.lower(), noun.lower_} & (qw.gendered_nouns_masc | qw.gendered_nouns_fem))


def _introduced(noun: Token) -> bool:
    """Is the noun a complement of another noun, introduced by a preposition (*selon un cadre de la
    fédération, X a…*, where the parser hangs the name on *fédération*)? Such a noun is no title of the
    name next to it. A title after *selon* / *d'après* itself (*d'après la porte-parole, X, …*) is not a
    noun's complement and still is (``oblique`` reads the prepositions of an addressee or a place)."""
    return noun.dep_.startswith("nmod") and any(c.dep_ == "case" and c.i < noun.i for c in noun.children)


def _gender_votes(doc: Doc, ent: Entity) -> dict[str, int]:
    words = quote_words(language_of(doc))
    votes = {"Masc": 0, "Fem": 0}
    for m in ent.mentions:
        if m.in_ != "body":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        honorific = [t for t in doc[max(span.start - 2, 0):span.start + 1] if t.idx < m.start + 4]
        for t in honorific:
            low = t.lower_ + ("." if t.i + 1 < len(doc) and doc[t.i + 1].text == "." else "")
            if low in words.honorifics_masc or t.lower_ in words.honorifics_masc:
                votes["Masc"] += 1
                break
            if low in words.honorifics_fem or t.lower_ in words.honorifics_fem:
                votes["Fem"] += 1
                break
        if span.start == 0:
            continue
        before = doc[span.start - 1]
        incise = _incise_verb(before)
        # a plural word before the name is no title of one person (a tagger reading a preposition as a
        # plural adjective): it does not vote
        # a noun must name a person, an adjective qualify one (*la ministre déléguée X*): the last word of
        # an organisation's name (*le Parti radical X*) or of a complement (*le ministre de la
        # Défense X*) is no title of the name after it
        # nor is a group's noun (*la famille X*: the household's name, ``names_a_group``)
        titled = before.pos_ == "DET" or before.pos_ == "NOUN" and _names_a_person(before) \
            and not names_a_group(before, language_of(doc)) \
            or before.pos_ == "ADJ" and before.head.pos_ == "NOUN" and _names_a_person(before.head)
        if titled and not before.is_punct and not oblique(before) \
                and "Plur" not in before.morph.get("Number") and not incise:
            g = token_gender(before)
            if g:
                votes[g] += 1
        for noun in _apposed_nouns(span.root):  # "La ministre de la Santé, Agnès Martin": the determiner's gender
            if incise and noun.i < span.start:
                continue  # the name is the incise verb's subject, not the apposition of a noun before it
            if _introduced(noun) or names_a_group(noun, language_of(doc)) or not _names_a_person(noun):
                continue  # *selon un cadre de la fédération, X a…*: a parse hanging the name on a complement;
                # *la famille X*: a group's noun says no one's gender; nor does a thing's (*cette prise de
                # décision, X, a…*: a misparse) or a noun of fixed gender (*une figure de la gauche*)
            dets = [c for c in noun.children if c.dep_ == "det"]
            g = token_gender(dets[0]) if dets else None
            if g:
                votes[g] += 1
    for role in ent.roles:
        first = role.text.split()[:1]
        if first and fold(first[0]) in ("la", "une", "cette"):
            votes["Fem"] += 1
        elif first and fold(first[0]) in ("le", "un", "ce", "cet"):
            votes["Masc"] += 1
    return votes


def _incise_verb(before: Token) -> bool:
    """Is the word right before a name the verb of an inverted incise (*…, observe X*, *…, note X*,
    invented)? A verb, or a French noun with no determiner: French titles take an article (*la
    ministre X*), while the tagger reads incise verbs that are also nouns (*note*, *analyse*) as bare
    nouns. The name is then that verb's subject: neither the word's guessed gender nor a noun before
    it that the parser hangs the name on as an apposition tells the person's gender (a man was made
    feminine by *une contestation …, note X*; NOTES.md, issue 14, s14pron). English titles go bare
    (*actress X*), so the noun test is French only."""
    if before.pos_ in ("VERB", "AUX"):
        return True
    return before.pos_ == "NOUN" and language_of(before.doc) == "fr" \
        and not any(c.dep_ == "det" for c in before.children)


def _sibling_apposition(span) -> Token | None:
    """*X, la porte-parole du gouvernement, a déclaré…* parsed as two subjects of the verb: the noun
    right after the name and a comma, hanging on the name's head with the name's own relation, is the
    name's apposition (the parser's misreading of the apposition the commas mark)."""
    doc = span.doc
    root = span.root
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return None
    phrase = doc[span.end + 1:min(span.end + 4, len(doc))]
    noun = next((t for t in phrase if t.pos_ == "NOUN"), None)
    if noun is None or noun.head.i != root.head.i or noun.dep_ != root.dep_ or root.head.i == root.i:
        return None
    if any(t.pos_ not in ("DET", "ADJ") for t in doc[span.end + 1:noun.i]):
        return None
    return noun


def _single_gender(tok: Token) -> str | None:
    """The token's gender when the morphology gives exactly one and the token is singular."""
    genders = tok.morph.get("Gender")
    if len(genders) != 1 or tok.morph.get("Number") == ["Plur"]:
        return None
    return genders[0]


def title_gender(noun: Token) -> str | None:
    """French: the gender of a person noun used as a title, read from what agrees with it (its
    article, an adjective), not from the noun: role nouns are often epicene (*ministre*,
    *porte-parole*) and the tagger guesses their gender (*la ministre* comes out masculine)."""
    for c in noun.children:
        # the article, or the contracted article *du* / *au* (the parser gives the preposition its gender)
        if c.i < noun.i and (c.dep_ == "det" or c.dep_ == "case" and c.morph.get("Definite") == ["Def"]):
            g = _single_gender(c)
            if g:
                return g
    for c in noun.children:
        if c.dep_ == "amod" and c.pos_ == "ADJ":
            g = _single_gender(c)
            if g:
                return g
    return "Fem" if _marked_feminine(noun) else None


def derived_feminine(noun: Token) -> bool:
    """Is the noun the feminine form of another (*l'intéressée*, *l'envoyée*: its lemma is the masculine,
    ``_marked_feminine``)? Only a person inflects so: such a noun names someone of that gender, as a noun of the
    person lexicons does, though none lists it (``fill_gender_clash``). Not always one person: a party to a case
    or a contest may be a company (*l'appelante*, *la gagnante*: the session-33 review), so no ``kind_clash``."""
    return language_of(noun.doc) == "fr" and noun.lower_ != noun.lemma_.lower() and _marked_feminine(noun)


def _marked_feminine(noun: Token) -> bool:
    """Is the noun a singular French noun of persons in a form marked feminine (*l'élue*, *l'envoyée*,
    *l'autrice*: an ending of the feminine, ``quote_words`` ``feminine_endings``, or the lemma with an added
    *-e*, *avocate*), which the tagger also reads feminine? The elided article says no gender; such a form does,
    where an epicene noun (*l'architecte*, *l'élève*) does not. No masculine counterpart: the masculine form is
    also the generic one."""
    if noun.morph.get("Gender") != ["Fem"] or noun.morph.get("Number") == ["Plur"] \
            or noun.lemma_.lower() in FIXED_GENDER_NOUNS:
        return False
    form, lemma = noun.lower_, noun.lemma_.lower()
    return form == lemma + "e" or form.endswith(tuple(quote_words("fr").feminine_endings))


def _apposed_nouns(tok: Token) -> list[Token]:
    """Nouns in apposition with a name, either way round (*X, hydrologue* / *la ministre, X*)."""
    out = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and not oblique(c)]
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and not oblique(tok.head) \
            and not listed_with_a_name(tok, lambda t: t.pos_ == "PROPN"):
        out.append(tok.head)
    sibling = _sibling_subject_apposed(tok)
    if sibling is not None:
        out.append(sibling)
    return out


def _sibling_subject_apposed(name: Token) -> Token | None:
    """*La ministre du Travail, Muriel Pénicaud, avait été…*: the French parser may read a description and
    the name set off by commas after it as two subjects of the same verb rather than an apposition. A noun
    phrase subject ending right before the comma that opens the name, the name closed by a comma, both
    subjects of one verb: the noun, when it names a person, describes the name (and the other way round,
    *Muriel Pénicaud, la ministre du Travail, a…*). What the name's descriptions and gender read; a speaker
    description that a name with its own apposition rules out reads ``_sibling_apposition``, looser (no
    closing comma needed), as that step was measured."""
    if not name.dep_.startswith("nsubj"):
        return None
    doc = name.doc
    for other in name.head.children:
        if other is name or not other.dep_.startswith("nsubj") or other.pos_ != "NOUN" or oblique(other) \
                or not _names_a_person(other):
            continue  # a noun of a person only (*cette prise de décision, X, a souhaité…*: no description of X)
        first, second = (other, name) if other.i < name.i else (name, other)
        comma = first.right_edge.i + 1
        after = second.right_edge.i + 1
        if comma < len(doc) and doc[comma].text == "," and second.left_edge.i == comma + 1 \
                and after < len(doc) and doc[after].text == ",":
            return other
    return None


def oblique(noun: Token) -> bool:
    """A noun introduced by a preposition (*a déclaré à la presse Jean Dupont*, where the parser may put
    the name in apposition to *presse*): an addressee or a place, no title of the name next to it."""
    head = noun
    while head.dep_ in ("amod", "compound") and head.head.i != head.i:
        head = head.head
    return any(c.dep_ == "case" and c.pos_ == "ADP" and c.i < head.i and c.lower_ in _ADDRESSEE_CASES
               for c in head.children)


# prepositions that introduce whom one speaks to or where (*à la presse*, *au Parisien*, *sur BFM*,
# *auprès de l'AFP*, *dans Le Monde*; *to reporters*, *on CNN*): closed-class words, not a tuned list
_ADDRESSEE_CASES = frozenset({"à", "au", "aux", "sur", "auprès", "dans", "to", "on"})


def descriptions(doc: Doc, ent: Entity) -> list[str]:
    """What the article calls a person besides their name: the roles ``recoupe_entities`` found and
    the nouns the parser puts in apposition with a mention (*Jean Dubreuil, hydrologue à…*)."""
    cache = doc.user_data.setdefault("recoupe_entity_descriptions", {})
    key = (ent.canonical, ent.label)
    if key not in cache:
        found = [r.text for r in ent.roles]
        for m in ent.mentions:
            if m.in_ != "body":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                found += [doc_text(doc)[n.left_edge.idx:n.right_edge.idx + len(n.right_edge.text)]
                          for n in _apposed_nouns(span.root) if not (span.start <= n.i < span.end)]
                title = _title_before(span)
                if title:
                    found.append(title)
        cache[key] = found
    return cache[key]


def _title_before(span) -> str | None:
    """The title words right before a name in the same noun phrase (*le Premier ministre polonais
    Mateusz Morawiecki*, *the Chinese foreign minister Wang Yi*, *Attorney General William Barr*):
    nouns and adjectives back to the determiner or preposition, at least one noun (or a capitalised
    role noun of ``role_nouns.tsv``) among them."""
    doc = span.doc
    i = span.start - 1
    words = []
    while i >= 0 and span.start - i <= 5 and (doc[i].pos_ in ("NOUN", "ADJ") or doc[i].pos_ == "PROPN" and
                                               doc[i].ent_type_ == "" and doc[i].text[:1].isupper()):
        words.append(doc[i])
        i -= 1
    # a noun among them, or a capitalised title the tagger calls a proper noun and the role-noun table
    # lists (*U.S. Attorney General William Barr*, *President X*)
    roles = role_nouns(language_of(doc))
    if not any(t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.lower_ in roles for t in words):
        return None
    if any(t.pos_ == "NOUN" and oblique(t) for t in words):
        return None  # *à la presse Jean Dupont*: whom he spoke to, not his title
    return doc_text(doc)[words[-1].idx:words[0].idx + len(words[0].text)]


def referent_of(doc: Doc, ent: Entity, at: tuple[int, int]) -> Referent:
    return Referent(ent.canonical, ent, entity_gender(doc, ent) if is_person(ent) else None, False,
                    is_person(ent), at)


def description_referent(head: Token, bounds: tuple[int, int]) -> Referent:
    """A description that speaks and has no name (*la présidence turque*): it can be referred back to."""
    return Referent(doc_text(head.doc)[bounds[0]:bounds[1]], None, description_gender(head),
                    "Plur" in head.morph.get("Number"), False, bounds,
                    _one_person_noun(head))


def _one_person_noun(head: Token) -> bool:
    """Does a French noun phrase name one person: a role or person noun (``is_person_noun``) that names no group
    (not *l'entourage*, *la famille*: ``names_a_group``), with no plural determiner (*les porte-parole*) and no
    second noun joined to it (*le maire et son adjoint*)? English leaves it unsaid: singular *they* takes up
    *the lawyer*."""
    lang = language_of(head.doc)
    return lang == "fr" and head.pos_ == "NOUN" and is_person_noun(head, lang) and not names_a_group(head, lang) \
        and "Plur" not in head.morph.get("Number") \
        and not any(c.dep_ == "conj" or c.dep_ == "det" and "Plur" in c.morph.get("Number") for c in head.children)


def _spoken_to_or_of(doc: Doc, ref: Referent) -> bool:
    """Is the referent's mention the object of a speech verb (*a accusé X de mentir*, *a interpellé X*): the one
    spoken to or of? A person the report's clause is about (*a indiqué que X avait été relâché*) may speak next."""
    span = doc.char_span(*ref.evidence, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in ("obj", "iobj") and speech_lemma(root.head, language_of(doc)) is not None


def _complement_of_thing(doc: Doc, start: int, end: int) -> bool:
    """Is the name the *de* complement of a noun that names no person, itself an object or oblique of its verb
    (*trouve l'attitude de X encourageante*, *salue la décision de X*)? X is what the sentence talks about."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    noun = completed_noun(span.root)
    return noun is not None and not _names_a_person(noun) and noun.dep_ in ("obj", "obl", "obl:arg", "obl:mod")


def _relation_of_described(doc: Doc, start: int, end: int, gender: str | None) -> bool:
    """Is the name at ``start``-``end`` the complement of a French noun of a person that heads a speaker's phrase
    (*a déclaré l'ancien Premier ministre de X*, *l'avocat de X a plaidé*: ``is_person_noun``, by *de*, the noun
    the verb's subject or the inverted subject the parser read as its object)? It says whose minister or lawyer
    spoke: a relation of the one described, not a person the narrative turns to. Not when the pronoun's gender
    rules the described one out (*l'avocat de Marie X*, then *elle*), nor in an apposition to someone else (*Hugo
    X, avocat de Jacques Y, a plaidé*: Y may speak next)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or language_of(doc) != "fr":
        return False
    noun = completed_noun(span.root)
    if noun is None or not is_person_noun(noun, "fr"):
        return False
    speaks = noun.dep_ in ("nsubj", "nsubj:pass") or noun.dep_ == "obj" and speech_lemma(noun.head, "fr") is not None
    described = description_gender(noun)
    return speaks and (gender is None or described is None or described == gender)


# the words that open a French stance frame (*Pour X, …*, *Selon X, …*; *d'après* is two tokens)
STANCE_FRAMES = frozenset({"pour", "selon"})


def _impersonal_or_thing(clause) -> bool:
    """Does the clause after a stance frame have no person as its subject: an impersonal *il* (*il s'agit de*, *il
    faut*) or no subject pronoun or person name opening it (*la situation est…*, *le choix s'est porté…*)?"""
    if not len(clause):
        return False
    first = clause[0]
    if first.lower_ in ("il", "elle", "ils", "elles", "on", "nous", "je"):
        return first.lower_ == "il" and len(clause) > 1 and clause[1].lower_ in quote_words("fr").impersonal_after_il
    return not first.ent_type_ == "PER" and first.pos_ != "PROPN"


def sentence_start(tok: Token) -> int:
    """Index of the first token of the token's sentence as the text marks it (after a stop outside quotation
    marks, or a line break), not the parser's sentence, which may run two together."""
    doc = tok.doc
    quoted = quoted_set(doc)
    i = tok.i
    while i > 0 and not (doc[i - 1].text in (".", "!", "?", "…") and doc[i - 1].idx not in quoted) \
            and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    while i < tok.i and (doc[i].is_space or doc[i].is_punct):
        i += 1
    return i


def compatible(ref: Referent, gender: str | None, plural: bool, persons_only: bool) -> bool:
    """Can a pronoun of this gender and number (persons only or not) stand for ``ref``?"""
    if persons_only and not ref.person:
        return False
    if plural and (ref.person or ref.described_person) and not ref.plural:
        return False  # "ils" is not one person, named or described (it may be an organisation)
    if not plural and ref.plural:
        return False
    return gender is None or ref.gender is None or ref.gender == gender


class Discourse:
    """Speakers and person subjects in text order, for pronoun resolution."""

    def __init__(self, doc: Doc, named_speakers: tuple[Entity, ...] = (),
                 description_turns: dict[str, int] | None = None):
        self.doc = doc
        self.speakers: list[tuple[int, Referent]] = []  # appended in resolution order (text order)
        self.reported: list[tuple[int, int]] = []  # the words of the quotes resolved so far
        self.subjects = _person_subjects(doc)
        self.subject_starts = [s for s, _ in self.subjects]
        # the person the last ``antecedent`` call took as a newcomer (``_newcomer``), else None
        self.newcomer: Referent | None = None
        # the topic the last ``antecedent`` call took from the pronoun's own sentence (``_dislocated_topic``), else None
        self.dislocated: Referent | None = None
        # the people whom a quote's speaker phrase names, and how many speaker phrases each definite description's
        # head lemma heads (``speakers._named_speakers``, ``speakers._description_turns``: the speaker step's)
        self.named_speakers = named_speakers
        self.description_turns = description_turns or {}
        self.descriptions: dict[str, Referent] = {}  # the person each description's head lemma last named (``spoke``)

    def spoke(self, anchor: int, ref: Referent, description: str | None = None) -> None:
        """``ref`` spoke at ``anchor``; ``description``: the head lemma of the definite description of a person
        that named them there (*le député*), which the article may use again for them."""
        self.speakers.append((anchor, ref))
        if description is not None and ref.person and ref.entity is not None:
            self.descriptions[description] = ref

    def said(self, content: tuple[int, int]) -> None:
        """A quote's own words: the people they mention are what a speaker reports, not who speaks next."""
        self.reported.append(content)

    def in_reported(self, ref: Referent) -> bool:
        """Is the referent's mention inside the words of a quote resolved so far (what a speaker talked about)?"""
        return any(s <= ref.evidence[0] < e for s, e in self.reported)

    def spoken_before(self, anchor: int) -> frozenset[str]:
        """Canonical names of those who spoke before ``anchor``."""
        return frozenset(ref.canonical for char, ref in self.speakers if char < anchor)

    def last_person(self, before: int, gender: str | None) -> Referent | None:
        """The person last named before ``before`` whose gender (when known) agrees."""
        index = entity_index(self.doc)
        i = bisect_left(index.person_starts, before)
        while i > 0:
            i -= 1
            s, e, n = index.people[i]
            if e > before:
                continue
            ref = referent_of(self.doc, index.entities[n], (s, e))
            if gender is None or ref.gender is None or ref.gender == gender:
                return ref
        return None

    def previous_speaker(self, anchor: int) -> tuple[int, Referent] | None:
        for char, ref in reversed(self.speakers):
            if char < anchor:
                return char, ref
        return None

    def antecedent(self, pron: Token, verb_lemma: str | None, anchor: int,
                   agreement: tuple[str | None, bool] | None = None) -> Referent | None:
        """The referent of a subject pronoun of a speech verb (``agreement``: the gender and number
        of another pronoun, a possessive's, which may stand for a person or an organisation)."""
        gender, plural = pronoun_features(pron) if agreement is None else agreement
        low = pron.lower_.lstrip("-")
        self.newcomer = self.dislocated = None
        if agreement is None:  # il/elle can stand for an organisation that spoke
            persons_only = quote_words(language_of(pron.doc)).subject_pronouns.get(low) == "PER" \
                and low not in ("il", "elle")
        else:  # English *his* / *her* stand for a person, *its* / *their* and French *son* / *sa* for anyone
            persons_only = pron.doc.lang_ == "en" and gender is not None
        previous = self.previous_speaker(anchor)
        answered = previous if previous is not None and agreement is None and retorts(pron, verb_lemma) else None
        if answered is not None:
            previous = None  # whom the verb answers, not who speaks: the search below passes over them

        def agrees(ref: Referent) -> bool:
            return compatible(ref, gender, plural, persons_only) and (answered is None
                                                                     or ref.canonical != answered[1].canonical)
        french_singular = agreement is None and low in ("il", "elle") and not plural
        framed = self._stance_frame_holder(pron, gender) if french_singular else None
        if framed is None and agreement is None and _after_selon(pron):
            framed = self._view_holder_above(pron, gender, plural)
        if framed is None and agreement is None and not pron.lower_.startswith("-"):
            framed = self.dislocated = self._dislocated_topic(pron, gender, plural, persons_only)
        if framed is not None:
            return framed
        if french_singular and previous is not None and not previous[1].person \
                and not self._body_description(previous[1]):
            # not one named in the description of a person the pronoun may take up (*l'ancien ministre de X*, then
            # *il*): another person than it (*l'avocat de Marie X*, then *elle*: Marie X may be)
            described = previous[1].evidence if self.person_description(previous[1]) \
                and compatible(previous[1], gender, False, False) else None
            # one introduced by an indefinite description is someone new: a person named before is who the article
            # was about until then (*Paul X visite la région. Un porte-parole a assuré que… « … », a-t-il dit*)
            since = previous[1].evidence[0] if self._introduced_person(previous[1]) else None
            named = self.person_named_near(anchor, gender, outside=described, since=since)
            if named is not None and not (self.person_description(previous[1]) and _spoken_to_or_of(self.doc, named)):
                return named  # whom the described speaker accused or addressed is whom they spoke of, not who speaks
        if previous is not None and anchor - previous[0] <= PREVIOUS_SPEAKER_REACH \
                and compatible(previous[1], gender, plural, persons_only):
            if verb_lemma in CONTINUATION or not self.person_subject_between(previous[0], anchor, gender, plural,
                                                                              previous[1].canonical):
                newcomer = self._newcomer(anchor, gender, previous, pron) \
                    if french_singular and verb_lemma not in CONTINUATION else None
                self.newcomer = newcomer
                return newcomer or previous[1]
        best: tuple[int, Referent] | None = None
        i = bisect_left(self.subject_starts, anchor)
        quoted = quoted_set(self.doc)
        in_words = None  # the nearest agreeing subject inside quotation marks, taken only when no other agrees
        while i:
            i -= 1
            char, ref = self.subjects[i]
            if char in quoted:
                # a subject in a speaker's own words is whom they talk about, not a later pronoun's antecedent,
                # unless nobody else agrees (*« Marie Duval doit partir », a exigé Paul X. « Non », a-t-elle dit*)
                if in_words is None and compatible(ref, gender, plural, persons_only):
                    in_words = (char, ref)
                continue
            if agrees(ref):
                best = (char, ref)
                break
        for char, ref in reversed(self.speakers):
            if char >= anchor:
                continue
            if best is not None and char < best[0]:
                break
            if agrees(ref):
                best = (char, ref)
                break
        if best is None and answered is not None:
            return answered[1]  # nobody else spoke or acted: the one who spoke before answers on
        if best is None and in_words is not None:
            best = in_words
        if best is not None:
            return best[1]
        # named last outside quotation marks: a person a speaker's words mention is what they talk about
        fallback = entity_index(self.doc).last_person_before(anchor, quoted_set(self.doc))
        if fallback is not None and not plural:  # *ils*, *they*: not the one person named last
            return referent_of(self.doc, fallback[1], (fallback[0], fallback[0]))
        if agreement is not None:
            return None  # a possessive with no antecedent stays unresolved
        return self._subject_earlier_in_sentence(pron, gender, plural, persons_only) \
            or self._named_after_in_lede(pron, gender, plural)

    def _subject_earlier_in_sentence(self, pron: Token, gender: str | None, plural: bool,
                                     persons_only: bool) -> Referent | None:
        """*Pendant que la fédération réunit ses délégués, elle annonce que…* (invented): a subject pronoun that
        no speaker, person subject or person named before takes up (``antecedent`` found nobody) stands for
        the nearest grammatical subject of an earlier clause of its own sentence (outside quotation marks)
        that can speak: an organisation or a person the entity step names, or a noun of the speaker
        lexicons (a role, a person, a body, a source or an outlet noun). Why: ``_person_subjects`` lists
        people only, so a body that is the topic of the sentence was never an antecedent, and the pronoun
        was left with no speaker. A description agrees in number with the pronoun (the parser's
        morphology); an organisation may be *ils* (*la fédération publie des chiffres qu'ils disent corrigés*, invented)."""
        quoted = quoted_set(self.doc)
        lang = language_of(self.doc)
        for tok in reversed(self.doc[pron.sent.start:pron.i]):
            if tok.dep_ not in _SUBJECT_DEPS or tok.pos_ in ("PRON", "PUNCT", "DET") or tok.idx in quoted:
                continue
            bounds = phrase_bounds(tok)
            ents = [e for e in entities_in(self.doc, tok.idx, tok.idx + len(tok.text))
                    if is_person(e) or e.label in ("ORG", "MISC")]
            if ents:
                ref = referent_of(self.doc, ents[0], bounds)
            elif tok.pos_ == "NOUN" and speaker_noun(tok, lang) \
                    and ("Plur" in tok.morph.get("Number")) == plural:
                ref = description_referent(tok, bounds)
            else:
                continue
            if compatible(ref, gender, plural, persons_only):
                return ref
        return None

    def _named_after_in_lede(self, pron: Token, gender: str | None, plural: bool) -> Referent | None:
        """*Elle non plus ne briguera pas la présidence. Dans un entretien, Marie Roux a confirmé…* (invented): a singular
        subject pronoun in the title or the first paragraph (``LEDE_LINES``) that nothing before takes up
        is a cataphora, the lede's way of naming its subject a sentence later (the convention
        ``delayed_identification`` reads for descriptions): the first person named after it on its own
        line, outside quotation marks, whose gender is known and agrees with the pronoun's."""
        if plural or gender is None:
            return None
        lines, line = line_of(self.doc, pron.idx)
        if line is None or line >= LEDE_LINES:
            return None
        quoted = quoted_set(self.doc)
        index = entity_index(self.doc)
        for s, e, n in index.people[bisect_left(index.person_starts, pron.idx + len(pron.text)):]:
            if s >= lines[line].end():
                break
            if s in quoted:
                continue
            ref = referent_of(self.doc, index.entities[n], (s, e))
            return ref if ref.gender == gender else None
        return None

    def _stance_frame_holder(self, pron: Token, gender: str | None) -> Referent | None:
        """*Pour l'ex-chef de l'État, il s'agit de « … », a-t-il affirmé*: a French sentence that opens on a
        stance frame (*Pour X,*, *Selon X,*, *D'après X,*: ``STANCE_FRAMES``) and closes on an incise's pronoun
        (*a-t-il affirmé*, *comme elle l'a souligné*) gives the pronoun its antecedent in that frame: the person
        the frame's head names (or the name apposed to it, *Pour la présidente du groupe, X,*), or the one
        person its head describes, of the pronoun's gender: the frame holder speaks the words the incise
        closes, whoever spoke before. Not a person named in the head's complement (*Pour le remplaçant de X*),
        and no frame whose clause has a person subject of its own (*Pour le collègue de X, il a demandé…*:
        whom it is done for, not a stance)."""
        doc = self.doc
        start = sentence_start(pron)
        first = doc[start]
        if first.lower_ not in STANCE_FRAMES and not (first.lower_ in ("d'", "d’") and start + 1 < pron.i
                                                     and doc[start + 1].lower_ == "après"):
            return None
        begin = start + (2 if first.lower_ in ("d'", "d’") else 1)
        comma = next((t.i for t in doc[begin:pron.i] if t.text in (",", ":") or t.text in QUOTE_MARKS), None)
        if comma is None or comma == begin or doc[comma].text != ",":
            return None
        phrase = doc[begin:comma]
        apposed = self._name_between_commas(comma, pron.i)
        clause = apposed[1] if apposed is not None else comma + 1
        if pron.i <= clause or not _impersonal_or_thing(doc[clause:pron.i]):
            return None  # the clause's own subject (*Pour X, il a demandé…*), or one who is no stance's holder
        head = [e for e in entities_in(doc, phrase.root.idx, phrase.root.idx + len(phrase.root.text)) if is_person(e)]
        if apposed is not None or head:
            ent = apposed[0] if apposed is not None else head[0]
            ref = referent_of(doc, ent, (phrase.start_char, phrase.end_char))
        elif _one_person_noun(phrase.root) or phrase.root.lower_.startswith("ex-") \
                and phrase.root.lower_[3:] in _person_nouns("fr"):  # *l'ex-chef de l'État*, one token
            described = description_referent(phrase.root, (phrase.start_char, phrase.end_char))
            ref = replace(described, described_person=True)
        else:
            return None
        return ref if (ref.person or ref.described_person) and compatible(ref, gender, False, False) else None

    def _view_holder_above(self, pron: Token, gender: str | None, plural: bool) -> Referent | None:
        """*Le syndicat a publié un bilan qui montre, selon lui, une hausse* (invented): the stressed pronoun of
        *selon* / *d'après* after its clause's subject gives the view of that subject (French logophoric use), not
        of the speaker of the quote before. The clauses are read upwards from the pronoun; the first subject before
        it that can hold a view and agrees with it is the antecedent: a person or an organisation the entity step
        names, or a noun of the speaker lexicons (a body, a source, a plural noun of persons: *plusieurs
        magistrats*). A higher relative's *qui* stands for its noun (*des élus, qui jugent …, ce qui selon eux …*);
        the relative holding the pronoun does not (*un projet qui, selon lui, …*: the project holds no view). A
        subject after the pronoun (*Selon lui, l'ancien ministre a…*: whom the view is about), a pronoun, a subject
        inside quotation marks or a singular description of a person (*le député*, which the discourse resolves to a
        name) leave the pronoun to the discourse."""
        quoted = quoted_set(self.doc)
        lang = language_of(self.doc)
        people = dict(self.subjects)
        own = True  # the pronoun's own clause
        for clause in [pron.head, *pron.head.ancestors]:
            subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS and c.i != pron.i), None)
            if subject is None:
                continue
            relative = subject.lower_ == "qui" and clause.dep_.startswith("acl") \
                and clause.head.pos_ in ("NOUN", "PROPN")
            if relative and not own:
                subject = clause.head  # *des élus, qui jugent …, ce qui selon eux …*: the relative's noun
            elif subject.lower_ in ("qui", "ce", "c'", "c’", "cela", "ça"):
                # a demonstrative, or the pronoun's own relative, whose noun is what the view is about (*un projet
                # qui, selon lui, …*: the project holds no view): the clause above
                own = False
                continue
            own = False
            if subject.i > pron.i or subject.pos_ in ("PRON", "DET") or subject.idx in quoted:
                return None
            ref = people.get(subject.idx)
            if ref is None:
                orgs = [e for e in entities_in(self.doc, subject.idx, subject.idx + len(subject.text))
                        if e.label in ("ORG", "MISC") and not is_person(e)]
                if orgs:
                    ref = referent_of(self.doc, orgs[0], phrase_bounds(subject))
                elif subject.pos_ == "NOUN" and is_person_noun(subject, lang) \
                        and "Plur" not in subject.morph.get("Number"):
                    return None  # *le député*: the discourse names the person the description stands for
                elif subject.pos_ == "NOUN" and speaker_noun(subject, lang):
                    ref = description_referent(subject, phrase_bounds(subject))
            if ref is None:
                continue  # a thing (*une note qui, selon lui, circulait*): the clause above
            if any(c.dep_ == "conj" and c.i > subject.i for c in subject.children):
                ref = replace(ref, plural=True, gender=None)  # *le syndicat et un collectif … selon eux*
            if compatible(ref, gender, plural, False):
                return ref
        return None

    def _dislocated_topic(self, pron: Token, gender: str | None, plural: bool, persons_only: bool) -> Referent | None:
        """*Quant à la trésorière du parti, Marie X, elle a dénoncé…*, *Paul X, il a accusé…* (invented): a French
        subject pronoun right after a comma that closes a verbless noun phrase opening its sentence (left
        dislocation: the phrase alone, opened by a determiner or a name, or after *quant à*) takes up whom that
        phrase is about, whoever spoke before: the sentence announces whom it turns to. That is the one person the
        phrase names as its head, or by a name after its head noun (*le trésorier du parti Paul X*),
        never one in a complement by *de* (*le fils de X*, *la mort de X*); else the one organisation that is its
        head and whose article agrees with the pronoun (*Quant à la CGT, elle…*; *la SNCF* is no *il*). Not a phrase
        with no determiner (*Proche de X, il…*, *Membre de la CFDT, elle…*: an apposition that describes the
        pronoun's own referent) or with a predicative adjective (*Jean X absent, il…*: a circumstance), nor one
        opened by another word (*Pour X, il a demandé…*; *Mais dans une interview à X, il…*). The two read-only
        reviews' cases shaped these conditions."""
        doc = self.doc
        if language_of(doc) != "fr" or pron.i < 2 or doc[pron.i - 1].text != ",":
            return None
        start = sentence_start(pron)
        quant = doc[start].lower_ == "quant"
        begin = start + 2 if quant else start
        phrase = doc[begin : pron.i - 1]
        if not len(phrase) or any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS or t.text in ":;" for t in phrase):
            return None
        contracted = quant and doc[begin - 1].lower_ in ("au", "aux")  # *quant au trésorier*: the article is in *au*
        if phrase[0].pos_ not in ("DET", "PROPN") and not (contracted and phrase[0].pos_ == "NOUN"):
            return None
        root = phrase.root
        if root.pos_ == "ADJ" or root.pos_ == "PROPN" and any(
                t.i > root.i and t.is_alpha and t.is_lower and t.lower_ not in NAME_PARTICLES for t in phrase):
            return None  # *Jean X absent, il a ajouté…* (the tagger may read *absent* into the name): a circumstance
        named = entities_in(doc, phrase.start_char, phrase.end_char)
        people = [(e, m) for e in named if is_person(e) for m in [self._head_or_name(e, root, phrase)] if m]
        # an organisation that is the head, whose article agrees with the pronoun (*la SNCF* is no *il*)
        dets = [c for c in root.children if c.dep_ == "det" and c.i < root.i] if root.pos_ != "DET" else [root]
        agrees = not dets or not gender or dets[0].morph.get("Gender") in ([], [gender])
        found = people or [(e, m) for e in named if e.label == "ORG" and not persons_only and agrees
                           for m in e.mentions if m.start <= root.idx < m.end]
        refs = {}
        for ent, mention in found:  # the mention in the phrase is the evidence of the pick
            ref = referent_of(doc, ent, (mention.start, mention.end))
            if compatible(ref, gender, plural, persons_only):
                refs.setdefault(ent.canonical, ref)
        return next(iter(refs.values())) if len(refs) == 1 else None

    def _head_or_name(self, ent: Entity, root: Token, phrase: TokenSpan) -> Mention | None:
        """The person's mention that is the phrase's head (*Claire X*), or that names it after the phrase's head noun
        without *de* before the name (*la trésorière du collectif, Claire X*; *le trésorier du parti Paul X*), a head
        that names no body or group (*le gouvernement X* is the body's name); None when the phrase names the person
        otherwise (*le fils de X*)."""
        for m in ent.mentions:
            if not phrase.start_char <= m.start < phrase.end_char:
                continue
            if m.start <= root.idx < m.end:
                return m
            first = token_at(self.doc, m.start)
            before = self.doc[first.i - 1] if first is not None and first.i > phrase.start else None
            if before is not None and before.lower_ not in DE_FORMS and before.pos_ != "ADP" and root.pos_ == "NOUN" \
                    and not names_a_body(root, "fr") and not names_a_group(root, "fr"):
                return m  # not a body's or a group's name (*le gouvernement X*, *la famille X*)
        return None

    def _name_between_commas(self, comma: int, stop: int) -> tuple[Entity, int] | None:
        """(person, index after the closing comma) when a person's name stands alone between the comma at
        ``comma`` and the next one, before ``stop`` (*Pour la présidente du groupe, X, …*)."""
        doc = self.doc
        closing = next((t.i for t in doc[comma + 1:stop] if t.text == ","), None)
        if closing is None or closing == comma + 1:
            return None
        span = doc[comma + 1:closing]
        people = [e for e in entities_in(doc, span.start_char, span.end_char) if is_person(e)]
        named = [m for e in people for m in e.mentions if m.start == span.start_char and m.end == span.end_char]
        return (people[0], closing + 1) if people and named else None

    def _body_description(self, ref: Referent) -> bool:
        """Is the referent a description with no name whose head names a body, a document or an outlet
        (*la présidence*, *le rapport*, ``names_a_body``)? Such a speaker is what *il* / *elle* takes up
        (the pronoun agrees with its noun), not a person named since."""
        root = self._description_root(ref)
        return root is not None and names_a_body(root, language_of(self.doc))

    def person_description(self, ref: Referent) -> bool:
        """Is the referent a French description with no name of one person (*l'ancien Premier ministre de X*, *le
        responsable politique*: ``_one_person_noun``)? Such a speaker is a person, and one its own complement names
        (*de X*) is another."""
        root = self._description_root(ref)
        return root is not None and _one_person_noun(root)

    def _introduced_person(self, ref: Referent) -> bool:
        """Is the referent's phrase an indefinite description of one person (*un porte-parole de la préfecture*, *une
        élue locale*), whatever body it was resolved to? Such a phrase brings someone new into the article."""
        span = self.doc.char_span(*ref.evidence, alignment_mode="expand")
        root = span.root if span is not None and len(span) > 0 else None
        return root is not None and _one_person_noun(root) and any(
            c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in root.children)

    def _description_root(self, ref: Referent) -> Token | None:
        """The head word of a referent that is a description with no name (its evidence phrase's root), else None."""
        if ref.entity is not None:
            return None
        span = self.doc.char_span(*ref.evidence, alignment_mode="expand")
        return span.root if span is not None and len(span) > 0 else None

    def _newcomer(self, anchor: int, gender: str | None, previous: tuple[int, Referent],
                  pron: Token | None = None) -> Referent | None:
        """A person introduced (first named) after the previous speaker took the turn, in the pronoun's
        own paragraph, outside quotation marks and as no subject (a subject would already have
        interrupted the turn, ``person_subject_between``), by a full name whose gender is known and agrees
        (*La réunion s'est tenue en présence de X, élu de la région. « … », a-t-il dit*): the paragraph
        turned to that person, and *il* / *elle* of a speech verb that is no continuation verb stands for them, not for the
        previous speaker. Someone named in the sentence of the previous turn itself is part of that report, no
        newcomer, nor is the antecedent of an object relative whose subject the pronoun is (``pron``:
        ``_object_relative_subject``). The known gender and the full name keep a body the NER took for a person out.
        Measured in NOTES.md (issue 14, session 11, s11pron)."""
        found = self.person_named_near(anchor, gender, lines=0)
        if found is None or found.canonical == previous[1].canonical or found.gender is None \
                or len(found.canonical.split()) < 2 or _first_mention(found.entity) <= previous[0]:
            return None
        turn = token_at(self.doc, previous[0])
        if turn is not None and _first_mention(found.entity) < turn.sent.end_char:
            return None  # named in the sentence of the previous turn (*lancé par X à la veille du meeting de Y*)
        if self.in_reported(found):
            return None  # named in the words the previous speaker reported: what they talked about
        if pron is not None and _object_relative_subject(pron, found.evidence[0]):
            return None  # *… a croisé X, qu'il accuse de…*: X is what the relative is about, not its subject
        return found

    def person_named_near(self, anchor: int, gender: str | None, lines: int = PERSON_NAMED_LINES,
                          outside: tuple[int, int] | None = None, thing_complement: bool = False,
                          since: int | None = None) -> Referent | None:
        """The person named last before ``anchor`` outside quotation marks, when within
        ``PERSON_NAMED_LINES`` line breaks and of no other gender: what a French *il* / *elle* of a speech
        verb stands for rather than the previous speaker when that speaker is no person (an organisation,
        a description, a document: *il*/*elle* can take those up, but a person just named is the likelier
        speaker of a speech verb). Someone named inside quotation marks is what a speaker talked about, and
        one named within ``outside`` (the caller's choice) is passed over, as is, with ``thing_complement``, one
        named as the *de* complement of a thing the sentence acts on (``_complement_of_thing``). One named before
        ``since`` is too far back: None."""
        quoted = quoted_set(self.doc)
        index = entity_index(self.doc)
        text = doc_text(self.doc)
        i = bisect_left(index.person_starts, anchor)
        while i > 0:
            i -= 1
            s, e, n = index.people[i]
            if e > anchor or s in quoted or outside is not None and outside[0] <= s < outside[1]:
                continue
            if text.count("\n", e, anchor) > lines or since is not None and s < since:
                return None
            if _relation_of_described(self.doc, s, e, gender):
                continue  # *l'ancien Premier ministre de Jacques X*: named as whose minister, not as one who acts
            if thing_complement and _complement_of_thing(self.doc, s, e):
                continue  # *trouve l'attitude de X encourageante*: X is talked about, not acting
            ref = referent_of(self.doc, index.entities[n], (s, e))
            return ref if compatible(ref, gender, False, True) else None
        return None

    def person_subject_before(self, anchor: int) -> tuple[int, Referent] | None:
        """The last person who is a grammatical subject before ``anchor``, outside quotation marks (a
        person a speaker talks about is no one who speaks next), as (offset, referent)."""
        quoted = quoted_set(self.doc)
        i = bisect_left(self.subject_starts, anchor)
        while i > 0:
            i -= 1
            char, ref = self.subjects[i]
            if char not in quoted:
                return char, ref
        return None

    def person_subject_between(self, start: int, end: int, gender: str | None, plural: bool, speaker: str) -> bool:
        """Is another person than ``speaker`` (who may be named again) a subject between the two offsets?"""
        i = bisect_left(self.subject_starts, start + 1)
        while i < len(self.subjects) and self.subjects[i][0] < end:
            char, ref = self.subjects[i]
            if ref.canonical != speaker and compatible(ref, gender, plural, True) \
                    and not any(s <= char < e for s, e in self.reported):
                return True
            i += 1
        return False

    def _may_take_up(self, head: Token, bounds: tuple[int, int], lang: str) -> bool:
        """Can the phrase take up a person spoken of before: a definite singular description of one person
        (*le ministre*, *l'écologiste*), naming nobody, that answers no one (*L'ancien sénateur lui a rétorqué…*:
        the previous speaker is whom it answers)?"""
        if head.pos_ != "NOUN" or "Plur" in head.morph.get("Number"):
            return False
        if any(is_person(e) for e in entities_in(self.doc, *bounds)):
            return False  # the phrase names someone (*la leader du RN X*): not a bare description
        if names_a_body(head, lang) or names_a_group(head, lang):
            return False  # *le ministère*, *le rapport*, *le quotidien*, *le collectif*: no one person
        dets = [c for c in head.children if c.dep_ == "det" and c.i < head.i]
        if not dets or dets[0].morph.get("Definite") != ["Def"] or dets[0].morph.get("PronType") != ["Art"]:
            return False
        return not answers_someone(head)

    def described_again(self, head: Token, bounds: tuple[int, int], lang: str) -> Referent | None:
        """*« … », a répondu le député à X, qui rappelait que… Le député a souligné…*: a bare description
        (*le député*, not *le député du Nord*) whose head lemma already named a person who spoke (``spoke``)
        names that person again, rather than the previous speaker, whom the article never called so (session
        38: dev10 speakers .764 -> .780), or someone named after it for the first time (*… a révélé Mediapart.
        … le ministre a assuré…, alors que X a demandé…*: session 49)."""
        if not self._may_take_up(head, bounds, lang):
            return None
        if any(c.dep_ in ("nmod", "amod", "appos", "acl") and c.i > head.i for c in head.children):
            return None
        described = self.descriptions.get(head.lemma_.lower())
        gender = title_gender(head) if lang == "fr" else None  # the article or an adjective (*l'ancienne*)
        if described is None or not compatible(described, gender, False, True):
            return None
        return None if description_clash(self.doc, head, bounds, described.entity, lang) else described

    def topic_speaker(self, head: Token, bounds: tuple[int, int], anchor: int, lang: str) -> Referent | None:
        """*Le milliardaire avait poursuivi…*, *L'écologiste a estimé…*: a definite singular description
        that no earlier person holds (``role_holder`` found nobody, nor ``described_again``) and that speaks
        takes up the speaker of the previous quote, as a pronoun does (the discourse default of a continued
        report): that speaker must be a person, within ``PREVIOUS_SPEAKER_REACH``, of no other gender (the
        description's article or adjective, ``title_gender``) or nationality (``description_clash``), and
        no other person may be a subject in between."""
        if not self._may_take_up(head, bounds, lang):
            return None
        previous = self.previous_speaker(anchor)
        if previous is None or anchor - previous[0] > PREVIOUS_SPEAKER_REACH:
            return None
        char, ref = previous
        if not ref.person or ref.plural or ref.entity is None:
            return None
        gender = title_gender(head) if lang == "fr" else None
        if not compatible(ref, gender, False, True):
            return None
        if description_clash(self.doc, head, bounds, ref.entity, lang):
            return None
        if self.person_subject_between(char, bounds[0], None, False, ref.canonical):
            return None
        return ref


def _object_relative_subject(pron: Token, named: int) -> bool:
    """*… a croisé Jean Martin, qu'il accuse depuis longtemps de bloquer le dossier* (invented): the subject pronoun
    of an object relative clause (*que* / *qu'* right before it, after no demonstrative: *ce qu'il a dit* is about no
    one) is not the relative's antecedent, the person named earlier in its sentence (at ``named``), whom the clause
    is about (French syntax: the relative pronoun is the verb's object)."""
    doc = pron.doc
    if pron.i < 2:
        return False
    que, before = doc[pron.i - 1], doc[pron.i - 2]
    return que.lower_ in ("que", "qu'", "qu’") and before.lower_ not in ("ce", "c'", "c’", "cela") \
        and pron.sent.start_char <= named < que.idx


def _after_selon(pron: Token) -> bool:
    """Is the token a French stressed pronoun (*lui*, *elle*, *eux*, *elles*) after *selon* or *d'après*?"""
    doc = pron.doc
    if pron.lower_ not in ("lui", "elle", "eux", "elles") or pron.i == 0:
        return False
    before = doc[pron.i - 1].lower_
    return before == "selon" or before == "après" and pron.i > 1 and doc[pron.i - 2].lower_ in ("d'", "d’")


def retorts(pron: Token, verb_lemma: str | None) -> bool:
    """Does the pronoun's verb retort (``RETORT``) to someone, with no verb of asking (``quote_words``
    ``asking_verbs``) nor the noun *question* before it in its sentence (*Interrogé sur…, il a rétorqué*, *À une
    question sur…*: an unquoted question, whose answer may be the previous speaker's)?"""
    if verb_lemma not in RETORT:
        return False
    asking = quote_words(language_of(pron.doc)).asking_verbs
    return not any(t.lemma_.lower() in asking or t.lemma_.lower() == "question"
                   for t in pron.doc[pron.sent.start:pron.i])


def answers_someone(subject: Token) -> bool:
    """Does the subject's verb carry a singular dative clitic before it (*lui a rétorqué*, *lui reproche*)? Then
    it speaks to someone the discourse already holds, most often the previous speaker, and is not taken up as
    that speaker. Not *leur*: the previous speaker taken up is one person, and *leur* names those spoken to
    (*a affirmé X devant les grévistes. La ministre leur a expliqué…*: X). The parser may read an inverted
    subject as the object and the clitic as the subject (*« … », lui a répondu la salle*): so read too."""
    verb = subject.head
    inverted = subject.dep_ == "obj" and subject.i > verb.i
    return (subject.dep_ in _SUBJECT_DEPS or inverted) and any(
        c.lower_ == "lui" and c.i < verb.i and (c.dep_ in ("iobj", "obj", "obl:arg") or c.dep_.startswith("expl")
                                                or inverted and c.dep_ in _SUBJECT_DEPS)
        for c in verb.children)


def _named_by_participle(tok: Token) -> bool:
    """*un plan B nommé X*, *un texte signé X*: a name after a bare participle that modifies a noun (no auxiliary,
    no subject of its own), which the parser may read as the participle's subject; the name is the participle's
    complement, not a subject."""
    verb = tok.head
    return tok.i > verb.i and verb.dep_ in ("acl", "amod") and verb.morph.get("VerbForm") == ["Part"] \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _person_subjects(doc: Doc) -> list[tuple[int, Referent]]:
    """People who are grammatical subjects (with their appositions), candidate antecedents."""
    out = []
    for tok in tokens_with(doc, "dep", _SUBJECT_DEPS):
        if tok.pos_ not in ("PRON", "PUNCT", "DET") and not _compared(tok.head) and not _named_by_participle(tok):
            bounds = phrase_bounds(tok)
            # the person named by the subject's head first, then by a name in apposition to it (*le
            # porte-parole d'Eric Zemmour, Guillaume Peltier*), not one named in its complements
            people = [e for e in entities_in(doc, tok.idx, tok.idx + len(tok.text)) if is_person(e)] or \
                [e for c in tok.children if c.dep_ == "appos"
                 for e in entities_in(doc, c.idx, c.idx + len(c.text)) if is_person(e)] or \
                [e for e in entities_in(doc, *bounds) if is_person(e)]
            if people:
                out.append((tok.idx, referent_of(doc, people[0], bounds)))
    return out


def _compared(verb: Token) -> bool:
    """*…, as did Ms. Feinstein* / *comme l'a fait X*: an elliptical comparison (the pro-verb *do* /
    *faire* under *as* / *comme*), whose subject is mentioned in passing, not the topic that a
    following pronoun takes up."""
    return verb.lemma_ in ("do", "faire") and any(c.dep_ == "mark" and c.lower_ in ("as", "comme")
                                                   for c in verb.children)


def _plural_subject_heads(doc: Doc) -> tuple[list[int], list[Token]]:
    """Plural common nouns that are grammatical subjects and no part of a named entity (*les
    manifestants*, *des experts*, *officials*), in text order with their offsets, listed once per Doc."""
    found = doc.user_data.get(_PLURALS)
    if found is None:
        index = entity_index(doc)
        heads = [t for t in tokens_with(doc, "dep", _SUBJECT_DEPS)
                 if t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") and not index.at(t.idx, t.idx + len(t.text))]
        found = doc.user_data[_PLURALS] = ([t.idx for t in heads], heads)
    return found


def plural_subject_before(doc: Doc, anchor: int, lines: int, inside=lambda s, e: False) -> Referent | None:
    """The plural common-noun subject nearest before the anchor, within ``lines`` line
    breaks and not in the quote's own words: the group a plural pronoun, or a quote with no speaker
    phrase, may stand for (*les manifestants … Ils ont dénoncé*), which the entity step never names."""
    return nearest_phrase_before(doc, *_plural_subject_heads(doc), anchor, lines, inside, plural=True)


def nearest_phrase_before(doc: Doc, starts: list[int], heads: list[Token], anchor: int, lines: int, inside,
                          plural: bool | None = None) -> Referent | None:
    """The phrase of the nearest of ``heads`` (at offsets ``starts``, sorted) that ends before the
    anchor, within ``lines`` line breaks and not in the quote's own words (``inside``), as a
    referent; its number is ``plural`` when given, else the head's morphology."""
    text = doc_text(doc)
    i = bisect_left(starts, anchor)
    while i:
        i -= 1
        head = heads[i]
        if text.count("\n", head.idx, anchor) > lines:
            return None
        s, e = phrase_bounds(head)
        if e > anchor or inside(s, e):
            continue
        number = plural if plural is not None else "Plur" in head.morph.get("Number")
        return Referent(text[s:e], None, token_gender(head), number, False, (s, e))
    return None


@lru_cache(maxsize=8192)
def description_words(text: str) -> frozenset[str]:
    """Content words, folded, with final -e and -s letters off so that *hongroise* meets *hongrois*."""
    return frozenset(_stem(w) for w in re.findall(r"[\w-]+", fold(text)) if w not in STOP and len(w) > 2)


def _stem(word: str) -> str:
    while len(word) > 3 and word[-1] in "es":
        word = word[:-1]
    return word


# Roles held on someone else's behalf: the holder speaks for a principal and is never that principal
# (*le porte-parole du gouvernement* is not the prime minister the article described; *l'avocat de X* is
# not X). Values of ``role_nouns.tsv``; the office roles they clash with are every other role value
# except the generic ones below and the family nouns (a relation, not an office).
AGENT_ROLES = frozenset({"spokesperson", "adviser", "lawyer", "representative", "press officer"})
# role values that describe any office holder (*le dirigeant*, *le responsable*, *le chef*): no clash
GENERIC_ROLES = frozenset({"official", "executive", "head", "leader", "chief", "officer", "member", "source",
                           "expert", "associate", "partner"})
FAMILY_ROLES = frozenset({"spouse", "wife", "husband", "son", "daughter", "brother", "sister", "father",
                          "mother", "parent", "child"})


def names_a_body(head: Token, lang: str) -> bool:
    """Does the noun name a body, a document or an outlet rather than a person (``source_nouns.tsv``,
    ``institution_nouns.tsv``, ``quote_words`` ``outlet_nouns``)?"""
    words = {head.lemma_.lower(), head.lower_}
    return bool(words & (source_nouns(lang) | institution_nouns(lang) | quote_words(lang).outlet_nouns))


def names_a_group(head: Token, lang: str) -> bool:
    """Does the noun name a group of people (*le collectif des riverains*, *la majorité des élus*, *the
    group*: ``quote_words`` ``group_nouns``)? A singular description of a group is no one person: it
    takes up no previous speaker and is filled with no name."""
    return head.lemma_.lower() in quote_words(lang).group_nouns


def speaker_noun(head: Token, lang: str) -> bool:
    """Can the noun name someone who speaks: a role or person noun (``role_nouns.tsv``,
    ``person_nouns.tsv``), or a body, document or outlet noun (``names_a_body``)?"""
    return is_person_noun(head, lang) or names_a_body(head, lang)


def definite_person_description(head: Token, lang: str) -> bool:
    """Is the noun the head of a definite singular description that may name a person (*le porte-parole*,
    *la commerçante*): a singular noun after a singular definite article, naming no body, document,
    outlet or group (``names_a_body``, ``names_a_group``)? The article says the number of an invariable
    noun (*les porte-parole*).
    What a description must be before the article's structure may name its holder (``named_next``,
    ``speakers._person_named_just_before``)."""
    if head.pos_ != "NOUN" or "Plur" in head.morph.get("Number") or names_a_body(head, lang) \
            or names_a_group(head, lang):
        return False
    dets = [c for c in head.children if c.dep_ == "det" and c.i < head.i]
    return bool(dets) and dets[0].morph.get("Definite") == ["Def"] and dets[0].morph.get("PronType") == ["Art"] \
        and "Plur" not in dets[0].morph.get("Number")


def countries(text: str, lang: str) -> frozenset[str]:
    """The countries the nationality adjectives of a phrase name (``nationalities.tsv``: *chinois* -> CN,
    *South Korean* -> KR)."""
    table = nationalities(lang)
    words = re.findall(r"[\w-]+", fold(text))
    found = {table[w] for w in words if w in table}
    found |= {table[f"{a} {b}"] for a, b in zip(words, words[1:]) if f"{a} {b}" in table}
    return frozenset(found)


def _role_values(text: str, lang: str) -> set[str]:
    table = role_nouns(lang)
    return {table[w] for w in re.findall(r"[\w-]+", text.lower()) if w in table}


def description_clash(doc: Doc, head: Token, bounds: tuple[int, int], ent: Entity, lang: str) -> bool:
    """Can the description (*le président chinois*, *le porte-parole du gouvernement*, *la ministre*)
    not stand for ``ent``? It cannot when its nationality adjectives name other countries than the
    person's descriptions do (*chinois* against *le président américain X*; a description naming two
    countries, *X et son homologue chinois*, says nothing), or when it names a role held on someone
    else's behalf (``AGENT_ROLES``: *porte-parole*) and the person is described only by other, principal
    offices (*premier ministre*). Gender is not read here: ``entity_gender`` is too noisy to veto the
    speaker scorer's choice (with a gender clash among these the human French set's speakers fell
    .856 -> .839; ``role_holder`` keeps its own gender check)."""
    if not is_person(ent):
        return False
    said = doc_text(doc)[bounds[0]:bounds[1]]
    described = descriptions(doc, ent)
    mine = countries(said, lang)
    if mine:
        theirs = set()
        for d in described:
            c = countries(d, lang)
            if len(c) == 1:
                theirs |= c
        if theirs and not mine & theirs:
            return True
    if _other_body(head, described) or _rank_clash(head, said, described):
        return True
    role = role_nouns(lang).get(head.lemma_.lower()) or role_nouns(lang).get(head.lower_)
    if role in AGENT_ROLES:
        offices = set().union(*(_role_values(d, lang) for d in described)) if described else set()
        offices -= GENERIC_ROLES | FAMILY_ROLES
        if offices and role not in offices:
            return True
    return False


# the prepositions of a noun's complement that names where an office is held (*le maire de Lyon*, *the mayor of Lyon*)
_OF = DE_FORMS | {"of"}


def _place_complement(head: Token) -> list[Token]:
    """The complements of a description's head noun that name a place or a body by its proper name (*le maire
    de Lyon*, *le député de la Somme*, *the mayor of Springfield*): French ``nmod`` with *de* / *du*,
    English *of* + its object, the complement's own head a proper noun. A common noun (*le maire de la ville*, *le président du
    club*, *le ministre de l'époque*) names no particular place: an article says it of the holder it named."""
    out = []
    for c in head.children:
        if c.i < head.i:
            continue
        if c.dep_ == "prep" and c.lower_ == "of":
            c = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c is None:
                continue
        elif not (c.dep_.startswith("nmod") and any(k.dep_ == "case" and k.lower_ in _OF for k in c.children)):
            continue
        if c.pos_ == "PROPN":
            out.append(c)
    return out


@lru_cache(maxsize=1024)
def _titled_place(noun: str) -> re.Pattern:
    """The noun followed by *de* / *of* and, through an optional article, the first letter of what follows (a
    capital: a proper name, *maire de Lyon*, *maire de la Rochelle*; not a common noun, *directeur de cabinet
    de X* says whose office, not where). Compiled once per noun."""
    preps = "|".join(re.escape(w) for w in sorted(_OF, key=len, reverse=True))
    return re.compile(rf"(?i:\b{re.escape(noun)}\w*\s+(?:{preps})\s*(?:la |le |les |l'|l’|the )?)(\w)")


def _other_body(head: Token, described: list[str]) -> bool:
    """Does the description name where its office is held (``_place_complement``: *le maire de Marseille*)
    while each of the person's descriptions where the same noun is followed by a proper name names another
    place (*maire de Lyon*)? Two holders of one title are told apart by it; a description without such a complement,
    or a person described without one, says nothing. Words are compared accent-folded, hyphenated names split
    (*Montreuil-sous-Bois* holds *Montreuil*)."""
    own = _place_complement(head)
    if not own:
        return False
    words = _name_parts(" ".join(head.doc[c.left_edge.i:c.right_edge.i + 1].text for c in own))
    after = _titled_place(head.lemma_.lower())
    same = [d for d in described if any(m.group(1).isupper() for m in after.finditer(d))]
    return bool(words) and bool(same) and all(not words & _name_parts(d) for d in same)


# Words that make an office another office of the same noun, next to it (folded stems, as ``description_words``
# gives them): *le Premier ministre* is not *le ministre de l'Économie*, *le vice-président* not *le président*,
# *the Prime Minister* not *the minister*
OFFICE_RANKS = frozenset(_stem(fold(w)) for w in ("premier", "première", "prime", "vice", "adjoint", "délégué"))
# Of those, the ranks below the office: their holder is not called by the bare noun (*le président* is not the
# vice-president); a delegate or an adjunct minister is (*le ministre* for *X, ministre délégué*), and *premier*
# before a noun is also an ordinal (*X, premier maire écologiste de la ville*, then *le maire*)
LOWER_RANKS = frozenset({_stem(fold("vice"))})


def _rank_clash(head: Token, said: str, described: list[str]) -> bool:
    """Does the description (its text ``said``) name a rank of its head noun (``OFFICE_RANKS``, the word just
    before or after the noun) that no description of the person holding the same noun names, or name none where
    every such description names a lower rank (``LOWER_RANKS``)? A person described by that noun at no rank, or
    not by that noun at all, says nothing."""
    noun = _stem(fold(head.lemma_.lower()))
    same = [ranks for ranks in (_ranks_of(d, noun) for d in described) if ranks is not None]
    if not same:
        return False
    mine = _ranks_of(said, noun) or frozenset()
    if mine:
        return all(not mine <= ranks for ranks in same)
    return all(ranks & LOWER_RANKS for ranks in same)


def _ranks_of(text: str, noun: str) -> frozenset[str] | None:
    """The ``OFFICE_RANKS`` words next to the noun (its stem) in ``text`` (*Premier ministre*, *vice-président*,
    *maire adjoint*), None when the noun is not there."""
    words = [_stem(w) for w in re.findall(r"\w+", fold(text))]
    at = [i for i, w in enumerate(words) if w == noun]
    if not at:
        return None
    return frozenset(words[j] for i in at for j in (i - 1, i + 1) if 0 <= j < len(words) and words[j] in OFFICE_RANKS)


def _name_parts(text: str) -> set[str]:
    """The description words of ``text`` with hyphenated names split (*Montreuil-sous-Bois*: *montreuil*, *sous*,
    *bois*), parts of three letters or more."""
    return {part for w in description_words(text) for part in w.split("-") if len(part) > 2}


# French nouns of persons whose grammatical gender is fixed whatever the person's sex (Grevisse, *Le Bon
# usage*, the nouns of persons "à genre unique": *la victime*, *le témoin*, *la personne*): their article
# says nothing of who is meant
FIXED_GENDER_NOUNS = frozenset({"victime", "personne", "individu", "membre", "famille", "gens", "témoin",
                                "vedette", "star", "recrue", "sentinelle", "personnalité"})


def fill_gender_clash(doc: Doc, head: Token, ent: Entity, lang: str) -> bool:
    """Can a French description whose article or adjective says a gender (``title_gender``: *la
    directrice*, *le directeur de…*) not stand for the person ``ent`` of the other gender? Asked of
    every candidate the speaker scorer would put in place of the rules' pick (``speakers._scored``; until
    session 16 only where the rules named nobody): the rules' own picks, which sessions 10 and 11 vetoed
    this way at a loss on the human set, are not touched.
    The person's gender is the first name's (``first_name_gender``), else ``entity_gender``. Only a
    noun of a person is asked (``is_person_noun``: the offices, trades and kin of ``role_nouns.tsv``,
    since session 21 the *élu*, *militant*, *enseignant* of ``person_nouns.tsv`` too, dev4 speakers
    .784 -> .786, every other set unchanged), but not one of fixed gender (``FIXED_GENDER_NOUNS``: *la
    victime* may be a man): a thing's grammatical gender (*la décision*) says nothing of who speaks (asked
    of every noun, dev1 lost two right speakers)."""
    if lang != "fr" or not is_person(ent):
        return False
    if not (is_person_noun(head, lang) or derived_feminine(head)) \
            or {head.lemma_.lower(), head.lower_} & FIXED_GENDER_NOUNS:
        return False
    said = title_gender(head)
    # the first name first: the article's words vote through shared surnames and misread honorifics
    theirs = (first_name_gender(ent.canonical, lang) or entity_gender(doc, ent)) if said else None
    return bool(said and theirs and said != theirs)


def kind_clash(head: Token, ref: Referent | None, lang: str) -> bool:
    """Can a description not stand for ``ref`` by what it is? A singular role noun naming a person who
    holds an office or trade (``role_nouns.tsv``: *le chef de l'État*, *la ministre*; roles held on
    someone else's behalf, ``AGENT_ROLES``, may speak for their body) is one person, not an
    organisation, a place, a work, a group or a body phrase, which the speaker scorer may otherwise pick
    for it (a MISC entity named nearby, the last institution phrase); so is a noun of a person
    (``person_nouns.tsv``: *l'élue*, *le militant*) that names no group, though some of those name a company as
    well (*l'exploitant*: an organisation may fill them, a thing may not). Read from the head noun's lexicon
    class and the parser's number. Measured in NOTES.md (issue 14, session 10, s10spk); the same clash
    for a plural description against one person was measured and not kept (human French speakers
    -.004)."""
    if ref is None:
        return False
    if "Plur" in head.morph.get("Number"):
        return False
    role = role_nouns(lang).get(head.lemma_.lower()) or role_nouns(lang).get(head.lower_)
    if role in AGENT_ROLES:
        return False
    if role is None:  # a noun of a person (*l'élue*) is one person, named or described (*un membre du groupe*), or
        # a company some of them name too (*l'exploitant*, *le propriétaire*, *l'auteur*: EDF, a fund, a court)
        if not (head.lemma_.lower() in person_nouns(lang) or head.lower_ in person_nouns(lang)) \
                or names_a_group(head, lang):
            return False  # a noun of no person, or of a group (*la famille*): may stand for a body
        organisation = ref.entity is not None and ref.entity.label == "ORG"
        return not (ref.person or ref.described_person or organisation) or ref.plural
    return not ref.person or ref.plural


def apposed_name(doc: Doc, bounds: tuple[int, int]) -> Entity | None:
    """``le conseiller régional chargé de l'environnement, Matteo Marnati``: a person named right
    after the description (and its complement of a few words, with no verb), set off by a comma."""
    text = doc_text(doc)
    before = text[:bounds[0]].rstrip(" ")
    if before.endswith(","):  # "Martin Brudermüller, le patron de BASF": the name and the description in apposition
        found = [e for e in entities_in(doc, len(before) - 2, len(before) - 1) if is_person(e)]
        name_tok = doc.char_span(len(before) - 2, len(before) - 1, alignment_mode="expand")
        head = doc.char_span(*bounds, alignment_mode="expand")
        if found and name_tok is not None and head is not None:
            name, noun = name_tok.root, head.root
            mention = next((m for m in found[0].mentions if m.start < len(before) - 1 <= m.end), None)
            first = doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention else None
            opens = first is not None and (first.start == 0 or doc[first.start].is_sent_start
                                           or doc[first.start - 1].is_space
                                           or doc[first.start - 1].is_punct and doc[first.start - 1].text != "(")
            # the apposition in the parse, or the name opening the clause (not "selon X, le ministre…")
            if noun.dep_ == "appos" and noun.head.i in range(name.left_edge.i, name.i + 1) or \
                    name.dep_ == "appos" and name.head.i == noun.i or opens:
                return found[0]
    # the name after the description's complement, or after a second description set off by commas
    # (*le directeur du musée, et ancien élu, Paul Durand*, invented)
    start = bounds[1]
    for _ in range(APPOSED_DESCRIPTIONS):
        comma = text.find(",", start, start + 80)
        if comma == -1 or any(c in text[start:comma] for c in ".;:!?\n«»\""):
            return None
        between = doc.char_span(start, comma, alignment_mode="expand") if comma > start else None
        if between is not None and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in between):
            return None
        i = comma + 1
        while i < len(text) and text[i].isspace() and text[i] != "\n":  # a no-break space too
            i += 1
        found = [e for e in entities_in(doc, i, i + 1) if is_person(e)] or _titled_name(doc, i)
        if found:
            return found[0]
        start = comma + 1
    return None


# How many words a title before a name may hold in an apposition (*le centriste*, *la députée socialiste*):
# a prior, the length of the role phrases of ``role_nouns.tsv`` with their article.
TITLE_WORDS = 5


def _titled_name(doc: Doc, start: int) -> list[Entity]:
    """*Son ancien adjoint, le centriste Marc Vidal, a…* (invented): after the comma, a short
    description (articles, adjectives, nouns, prepositions; no verb, no other name) then a person's name."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if not first or first[0].pos_ != "DET":  # None, or empty on a space between tokens
        return []
    for tok in doc[first.start + 1:first.start + TITLE_WORDS + 1]:
        people = [e for e in entities_in(doc, tok.idx, tok.idx + 1) if is_person(e)]
        if people:
            return people
        if tok.pos_ not in ("DET", "ADJ", "NOUN", "ADP"):
            return []
    return []


def role_holder(doc: Doc, head: Token, bounds: tuple[int, int], anchor: int, lang: str,
                spoke: frozenset[str] = frozenset()) -> tuple[Entity, Span] | None:
    """The person whose role shares the description's words (*l'hydrologue* -> the entity with the
    role *hydrologue*), or the outlet last named for an outlet noun (*le quotidien*).

    A person description must be definite (*un législateur russe* introduces someone new) and agree
    in gender with the person; the head noun itself or two of its words must be in the person's
    descriptions, or, for a role noun, one word when that person already spoke (``spoke``: canonical
    names of earlier speakers): *le dirigeant polonais* after *le Premier ministre polonais X a
    affirmé*. Ties go to an earlier speaker, then to the latest mention (asked once per question
    and Doc: the rules and the speaker scorer ask the same one)."""
    cache = doc.user_data.setdefault("recoupe_role_holder", {})
    key = (head.i, bounds, anchor, lang, spoke)
    if key not in cache:
        cache[key] = _role_holder(doc, head, bounds, anchor, lang, spoke)
    return cache[key]


def outlet_noun(head: Token, lang: str) -> bool:
    """Is the noun one that names a news outlet (``quote_words`` ``outlet_nouns``: *le quotidien*,
    *le journal*, *la chaîne*)?"""
    nouns = quote_words(lang).outlet_nouns
    return head.lemma_.lower() in nouns or head.lower_ in nouns


def outlet_noun_kinds(head: Token, lang: str) -> frozenset[str]:
    """The kinds of outlet (``news_outlets.tsv``) an outlet noun can describe (``quote_words``
    ``outlet_noun_kinds``: *l'hebdomadaire* a weekly, *la chaîne* a television), empty for any."""
    kinds = quote_words(lang).outlet_noun_kinds
    return kinds.get(head.lemma_.lower()) or kinds.get(head.lower_) or frozenset()


def fits_outlet_kinds(canonical: str, kinds: frozenset[str]) -> bool:
    """May an organisation so named be what a noun of those kinds of outlet describes (``outlet_noun_kinds``)?
    Not a news outlet (``chain.outlet_named``) the lexicon gives another kind: *l'hebdomadaire* is no daily. An
    organisation no list or lexicon knows may be an outlet they miss (*la Neue Zürcher Zeitung*), and fits."""
    if not kinds:
        return True
    match = outlet_named(canonical)
    known = outlet_kinds(canonical, match) if match is not None else frozenset()
    return not known or bool(known & kinds)


def _role_holder(doc: Doc, head: Token, bounds: tuple[int, int], anchor: int, lang: str,
                 spoke: frozenset[str]) -> tuple[Entity, Span] | None:
    index = entity_index(doc)
    words = description_words(doc_text(doc)[bounds[0]:bounds[1]])
    if outlet_noun(head, lang):
        return _outlet_in(doc, bounds) or _outlet_before(doc, bounds[0], lang, spoke, outlet_noun_kinds(head, lang))
    if not words or head.pos_ != "NOUN":
        return None
    if any(c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in head.children):
        return None
    gender = description_gender(head) if lang == "fr" else None
    role_noun = head.lemma_.lower() in role_nouns(lang) or head.lower_ in role_nouns(lang)
    best = None
    for ent in index.entities:
        if not is_person(ent):
            continue
        roles = descriptions(doc, ent)
        if not roles:
            continue
        overlap = max(len(words & description_words(r)) for r in roles)
        spoken = ent.canonical in spoke
        if not overlap or fold(head.lemma_.lower()) not in " ".join(fold(r) for r in roles) and overlap < 2 \
                and not (role_noun and spoken):
            continue  # the head noun itself, or two of the description's words, must be in a role
        ent_gender = entity_gender(doc, ent)
        if gender and ent_gender and gender != ent_gender:
            continue
        if description_clash(doc, head, bounds, ent, lang):
            continue  # another nationality, or the principal of a spokesperson
        before = [m for m in ent.mentions if m.in_ == "body" and m.start < anchor]
        if not before and overlap < 2:
            continue  # named only later: a description that shares two words with the role still holds
        last = max(before, key=lambda m: m.start) if before else min(
            (m for m in ent.mentions if m.in_ == "body"), key=lambda m: m.start, default=None)
        if last is None:
            continue
        key = (overlap, spoken, bool(before), last.start if before else -last.start)
        if best is None or key > best[0]:
            best = (key, ent, last)
    if best is None:
        return None
    return best[1], Span(text=best[2].text, start=best[2].start, end=best[2].end)


@lru_cache(maxsize=None)
def _body_nouns_folded(lang: str) -> frozenset[str]:
    """Body nouns (``institution_nouns.tsv``) that are no outlet noun, accents folded: the heads of
    organisation names ``_outlet_before`` passes over. Built once per language."""
    return frozenset(fold(b) for b in institution_nouns(lang) - quote_words(lang).outlet_nouns)


def _outlet_in(doc: Doc, bounds: tuple[int, int]) -> tuple[Entity, Span] | None:
    """The news outlet an outlet noun's own phrase names (*le quotidien Le Progrès*) or the name right after it
    does (*par l'hebdomadaire Marianne*, the parser ending the phrase on the noun), or None."""
    text, end = doc_text(doc), bounds[1]
    while end < len(text) and text[end] == " ":  # past the spaces after the phrase
        end += 1
    for ent in entities_in(doc, bounds[0], end + 1):
        if outlet_named(ent.canonical) is not None:
            m = next((m for m in ent.mentions if bounds[0] <= m.start and (m.end <= bounds[1] or m.start == end)), None)
            if m is not None:
                return ent, Span(text=m.text, start=m.start, end=m.end)
    return None


def _outlet_before(doc: Doc, before: int, lang: str, spoke: frozenset[str] = frozenset(),
                   kinds: frozenset[str] = frozenset()) -> tuple[Entity, Span] | None:
    """The outlet an outlet noun (*le quotidien*, *le site*) takes up: of the organisations named before
    ``before``, the last news outlet (one the shipped rating lists know by name, ``chain.outlet_named``)
    that already spoke (``spoke``: canonical names of earlier speakers) or was cited as a source where it
    is named (``_cited``: *X a jugé, selon Le Figaro, que…*), else the last news outlet, else the last
    organisation whose name is headed by no body noun (``institution_nouns.tsv``: *le Sénat*, *le
    ministère de…*; a body noun that is also an outlet noun, *agence*, does not count). Why: a press review
    names parties, institutions and treaties between the outlets it quotes, and *le quotidien* took the
    party named last (NOTES.md, issue 14, session 16; before that, session 11: the body heads); an outlet
    that relays a person's words is a voice of the review as one that speaks is, and *précise le journal*
    after it is that outlet (session 26). An outlet of another kind than the noun describes (``kinds``, from
    ``outlet_noun_kinds``; ``chain.outlet_kinds``) is passed over: *l'hebdomadaire* is not the daily named last
    (session 52)."""
    bodies = _body_nouns_folded(lang)
    text = doc_text(doc)
    spoken = [m.start for ent in entity_index(doc).entities if ent.canonical in spoke and outlet_named(ent.canonical)
              for m in ent.mentions]  # where the outlets that spoke are named
    best: dict[int, tuple[Entity, Mention]] = {}  # rank -> the organisation named last and its mention
    for ent in entity_index(doc).entities:
        # the tagger calls some regional titles places (*Ouest France*): a name of two words or more that a
        # rating list knows, cited as a source where it stands, is taken as the outlet it names
        place = ent.label == "LOC" and len(ent.canonical.split()) > 1
        if ent.label not in ("ORG", "MISC") and not place:
            continue
        first = fold(ent.canonical).split()[:1]
        if first and first[0] in bodies:
            continue
        if not fits_outlet_kinds(ent.canonical, kinds):
            continue
        match = outlet_named(ent.canonical)
        for m in ent.mentions:
            outlet = match is not None and not common_noun_named(text, match, ent.canonical, m.start, m.text)
            voiced = outlet and (ent.canonical in spoke or _cited(doc, text, m, spoken))
            if place and not voiced:
                continue
            rank = 2 if voiced else 1 if outlet else 0
            if m.in_ == "body" and m.end <= before and (rank not in best or m.start > best[rank][1].start):
                best[rank] = (ent, m)
    if not best:
        return None
    ent, m = best[max(best)]
    return ent, Span(text=m.text, start=m.start, end=m.end)


def _cited(doc: Doc, text: str, m: Mention, spoken: list[int]) -> bool:
    """Is the mention named as a source where it stands (``chain.citation_cue``: *selon X*, *d'après X*,
    *cité par X*, *publié dans X*, *un rapport de X*), in a sentence where no outlet that spoke is named? An
    outlet relaying another (*« … », écrit Libération, qui reprend une étude parue dans Le Monde*) is
    the voice there, not the one it cites."""
    tok = token_at(doc, m.start)
    if tok is None:
        return False
    sent = tok.sent
    if any(sent.start_char <= at < sent.end_char for at in spoken):
        return False
    return citation_cue(text, sent.start_char, m.start) is not None


def line_of(doc: Doc, offset: int) -> tuple[list[re.Match], int | None]:
    """The article's non-blank lines (``text.nonblank_lines``) and the index of the one holding ``offset``
    (None when no line holds it): where the lede conventions (``LEDE_LINES``) are read."""
    lines = nonblank_lines(doc)
    return lines, next((k for k, m in enumerate(lines) if m.start() <= offset < m.end()), None)


# How many lines (title and paragraphs, blank lines skipped) open an article: the lede, where news
# writing names a speaker by an indefinite description first ("delayed identification": the AP
# Stylebook's and journalism textbooks' name for a lede that identifies its subject in the next
# paragraph). Title + first paragraph; prior from that convention, not tuned.
LEDE_LINES = 2
# How many sentences of that line count as the lede (a lede is one or two sentences; the same prior).
LEDE_SENTENCES = 2
# How many lines after the description's own the name may come (the "next paragraph" of the convention).
IDENTIFIED_WITHIN = 2


def _may_describe(doc: Doc, head: Token, bounds: tuple[int, int], ent: Entity, gender: str | None, lang: str) -> bool:
    """May the description stand for the person ``ent`` the article's structure points at: no other gender (``gender``,
    the description's, against ``entity_gender``), no other nationality or office (``description_clash``), and not
    described otherwise (the person's descriptions share a word with it, or there are none: *Jean Petit, le maire* is
    not *le porte-parole*)?"""
    ent_gender = entity_gender(doc, ent)
    if gender and ent_gender and gender != ent_gender or description_clash(doc, head, bounds, ent, lang):
        return False
    described = descriptions(doc, ent)
    said = description_words(doc_text(doc)[bounds[0]:bounds[1]])
    return not described or any(said & description_words(d) for d in described)


def lede_protagonist(doc: Doc, head: Token, bounds: tuple[int, int], lang: str) -> tuple[Entity, Span] | None:
    """*Paule Martin a tenté mercredi de convaincre…* opens the article; further down, *a insisté la
    candidate*, *la députée de la Somme a critiqué…* (invented): a definite description of one person that
    no rule could give a holder takes up the person the lede is about, the first person named as a
    grammatical subject in the title or first paragraph (``LEDE_LINES``, its first ``LEDE_SENTENCES``
    sentences), when the genders do not clash (``description_gender``, ``entity_gender``), nor a
    nationality or office (``description_clash``), and the article describes that person by no other
    words (an apposition sharing none: *Paule Martin, la maire*, is not *la candidate*). News writing
    names its protagonist first and describes them after; the rules before this one found nobody else."""
    if not definite_person_description(head, lang) or not _names_a_person(head):
        return None  # *la salle*, *le public*: no one person
    if any(is_person(e) for e in entities_in(doc, *bounds)):
        return None  # the phrase names someone (*le secrétaire général du parti X*): the lede has no say
    protagonist = _lede_subject(doc)
    if protagonist is None or protagonist[1].start >= bounds[0]:
        return None
    gender = description_gender(head) if lang == "fr" else None
    return protagonist if _may_describe(doc, head, bounds, protagonist[0], gender, lang) else None


def _lede_subject(doc: Doc) -> tuple[Entity, Span] | None:
    """The first person named as a grammatical subject in the lede's opening sentences (``_in_lede_opening``),
    with that mention; found once per Doc."""
    cache = doc.user_data.setdefault("recoupe_lede_subject", {})
    if "found" not in cache:
        cache["found"] = None
        lines = nonblank_lines(doc)
        lede_end = lines[min(LEDE_LINES, len(lines)) - 1].end() if lines else 0
        index = entity_index(doc)
        for s, e, n in index.people:
            if s >= lede_end:
                break
            line = next((m for m in lines if m.start() <= s < m.end()), None)
            if line is None or not _in_lede_opening(doc, line, s):
                continue
            tok = doc.char_span(s, e, alignment_mode="expand")
            if tok is not None and any(t.dep_ in _SUBJECT_DEPS for t in tok):
                cache["found"] = (index.entities[n], Span(text=doc_text(doc)[s:e], start=s, end=e))
                break
    return cache["found"]


def _in_lede_opening(doc: Doc, line: re.Match, offset: int) -> bool:
    """Is ``offset`` within the first ``LEDE_SENTENCES`` sentences of its line (a first "paragraph" that runs on, in
    an article without paragraph breaks, counts by its opening only)?"""
    return sum(line.start() <= sent.start_char < offset for sent in doc.sents) <= LEDE_SENTENCES - 1


def delayed_identification(doc: Doc, head: Token, bounds: tuple[int, int], anchor: int,
                           lang: str) -> tuple[Entity, Span] | None:
    """*Un législateur russe a lancé un avertissement…* in the lede, then *Oleg Morozov, président
    du Comité…, a écrit…* in the next paragraph: an indefinite person description that speaks in the
    title or first paragraph is the first person introduced (named there for the first time) as a
    grammatical subject, or opening a paragraph, within the next ``IDENTIFIED_WITHIN`` lines, when
    the genders (description's determiner, the person's ``entity_gender``) do not clash and the
    person's descriptions (roles, appositions, title words) share a word with the lede's (*russe*;
    not *une majorité des Français* for the pollster named next). Outside the lede an indefinite
    description introduces someone new and stays unnamed.

    A definite description that no earlier person holds (``role_holder`` found nobody: *The
    former firefighter is suing…* in the lede, *X says that…* in the next paragraph) is the same
    convention with the article the lede's second mention takes; for it the people already named
    before the window are passed over (the lede names those it is not about: *is suing
    the mayor's office*), and a person the article never describes is identified when the
    window makes them the subject of a speech verb (the lede described a speaker; the next
    paragraph names who speaks)."""
    if head.pos_ != "NOUN":
        return None
    indefinite = any(c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in head.children)
    # the article of the phrase (the parser may hang it on a compound: *The ex-firefighter*)
    first = head.doc.char_span(*bounds, alignment_mode="expand")
    article = first[0] if first is not None and len(first) and first[0].pos_ == "DET" else None
    definite = not indefinite and article is not None and article.morph.get("Definite") == ["Def"] \
        and article.morph.get("PronType") == ["Art"]
    if not (indefinite or definite):
        return None
    if outlet_noun(head, lang):
        return None
    text = doc_text(doc)
    lines, line = line_of(doc, bounds[0])
    if line is None or line >= LEDE_LINES or "Plur" in head.morph.get("Number"):
        return None  # past the lede, or several people (*a few health experts*)
    if not _in_lede_opening(doc, lines[line], bounds[0]):
        return None  # a first "paragraph" that runs on (articles without paragraph breaks): its opening only
    window = lines[line + 1: line + 1 + IDENTIFIED_WITHIN]
    if not window:
        return None
    lo, hi = window[0].start(), window[-1].end()
    gender = description_gender(head) if lang == "fr" else None
    index = entity_index(doc)
    if definite and _named_as(doc, head, bounds[0]):
        return None  # *the bishop* after *Bishop Martin* in the title: someone already named, not introduced
    for s, e, n in index.people[bisect_left(index.person_starts, lo):]:
        if s >= hi:
            break
        tok = doc.char_span(s, e, alignment_mode="expand")
        # a subject, or a name opening its paragraph (the parser may run two paragraphs together), or the
        # subject inverted after a speech verb, which the parser may read as its object (*« … », a écrit X*)
        subjects = [t for t in tok or () if t.dep_ in _SUBJECT_DEPS]
        inverted = tok is not None and not subjects and _incise_subject(tok, lang)
        if tok is None or not (text[s - 1:s] == "\n" or subjects or inverted):
            continue
        ent = index.entities[n]
        if any(m.in_ == "body" and m.start < lo for m in ent.mentions):
            if definite:
                continue
            return None  # the first person there was named before: nobody new is identified
        ent_gender = entity_gender(doc, ent)
        said = description_words(text[bounds[0]:bounds[1]])
        described = descriptions(doc, ent)
        if definite:
            # the first person of the window who speaks there and whom nothing describes otherwise
            speaks = inverted or any(speech_lemma(t.head, lang) for t in subjects)
            if speaks and not (gender and ent_gender and gender != ent_gender) and (
                    not described or any(said & description_words(d) for d in described)):
                return ent, Span(text=text[s:e], start=s, end=e)
            continue
        if gender and ent_gender and gender != ent_gender:
            return None
        if not any(said & description_words(d) for d in described):
            return None  # the next paragraph must describe the person as the lede did (one word in common)
        return ent, Span(text=text[s:e], start=s, end=e)
    return None


def named_next(doc: Doc, head: Token, bounds: tuple[int, int], lang: str) -> tuple[Entity, Span] | None:
    """*Le porte-parole de la mairie a dénoncé…* then, in the same paragraph, *« … », a affirmé
    Marc Lenoir*: a definite singular description that no earlier person holds (``role_holder`` found
    nobody) and that the paragraph goes on to name as the speaker of its next report. The name is the
    first person after the description in its paragraph, outside quotation marks, who speaks (the
    subject of a speech verb, or its inverted subject in the same sentence: ``_speaks``); people the
    report only talks about are passed over. That person must be introduced there (no earlier mention:
    someone already named is not what a description introduces), not be described otherwise (an
    apposition sharing no word with the description), and not clash with it in gender (the
    description's article, ``entity_gender``), nationality or office (``description_clash``). The
    body-paragraph form of the lede's convention ``delayed_identification`` reads."""
    if not definite_person_description(head, lang):
        return None
    text = doc_text(doc)
    line_end = text.find("\n", bounds[1])
    line_end = len(text) if line_end == -1 else line_end
    quoted = [(s, e) for s, e in quoted_spans(doc) if e > bounds[1] and s < line_end]
    index = entity_index(doc)
    for s, e, n in index.people[bisect_left(index.person_starts, bounds[1]):]:
        if s >= line_end:
            break
        if any(qs <= s < qe for qs, qe in quoted):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not _speaks(span, lang):
            continue  # someone the report talks about (*le projet du préfet X*), not a speaker
        ent = index.entities[n]
        if any(m.in_ == "body" and m.start < bounds[0] for m in ent.mentions):
            return None
        apposed = _sibling_apposition(span)
        if apposed is not None and not description_words(text[bounds[0]:bounds[1]]) & description_words(
                text[apposed.left_edge.idx:apposed.right_edge.idx + len(apposed.right_edge.text)]):
            return None  # *Jean Petit, le maire, a estimé*: described otherwise
        if not _may_describe(doc, head, bounds, ent, title_gender(head) if lang == "fr" else None, lang):
            return None
        return ent, Span(text=text[s:e], start=s, end=e)
    return None


def _speaks(span, lang: str) -> bool:
    """Is the name the subject of a speech verb, before it or inverted after it (*a déclaré à la
    presse X*, ``syntax.inverted_subject``)?"""
    for tok in span:
        if tok.dep_ in _SUBJECT_DEPS and speech_lemma(tok.head, lang):
            return True
    doc = span.doc
    for tok in doc[max(span.start - 8, span.sent.start):span.start]:
        if tok.pos_ not in ("VERB", "AUX") or not speech_lemma(tok, lang):
            continue
        own = subject_of(tok)
        if own is None or own.i > tok.i:  # a verb with its own subject before it inverts nothing
            inv = inverted_subject(tok)
            if inv is not None and span.start <= inv.i < span.end:
                return True
    return False


def _incise_subject(span, lang: str) -> bool:
    """Is the name the inverted subject of a finite speech verb in an incise after a quotation (*« … », a
    écrit X*), which the parser may read as the verb's object? Not the object of a gerund or a participle
    (*En accusant X de…*)."""
    doc = span.doc
    text = doc_text(doc)
    for tok in doc[max(span.start - 8, span.sent.start):span.start]:
        if tok.pos_ not in ("VERB", "AUX") or not speech_lemma(tok, lang):
            continue
        if tok.morph.get("VerbForm") != ["Fin"] and not any(c.dep_.startswith("aux") for c in tok.children):
            continue
        first = min([tok] + [c for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i], key=lambda t: t.i)
        if not re.search(r"([»”\"]\s*,|,\s*[”\"])\s*$", text[max(0, first.idx - 12):first.idx]):
            continue  # an incise follows the closing mark and its comma (*« … », a dit X*, *"…," said X*)
        inv = inverted_subject(tok)
        if inv is not None and span.start <= inv.i < span.end:
            return True
    return False


def _named_as(doc: Doc, head: Token, before: int) -> bool:
    """Is a person mentioned before ``before`` (title included) named or described with the
    description's head noun (*Bishop Martin*, *X, a former firefighter*), or is that noun a title before a
    name there (*Bishop Martin Accused…* in a headline the entity step leaves out)?"""
    word = _stem(fold(head.lemma_))
    for tok in doc[:head.i]:
        if tok.idx >= before:
            break
        if _stem(fold(tok.lemma_)) == word and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" \
                and doc[tok.i + 1].ent_type_ in ("PERSON", "PER"):
            return True
    for ent in entity_index(doc).entities:
        if not is_person(ent) or not any(m.start < before or m.in_ != "body" for m in ent.mentions):
            continue
        texts = [m.text for m in ent.mentions] + descriptions(doc, ent)
        if any(word in {_stem(w) for w in re.findall(r"[\w]+", fold(t))} for t in texts):
            return True
    return False


def possessive(head: Token) -> tuple[Token, str | None, bool] | None:
    """A possessive pronoun determining a noun (*her son*, *his lawyer*, *sa fille*, *leur avocat*):
    the token, and the gender and number of its possessor. English *his / her / its / their* carry the
    possessor's (the parser's morphology); French *son / sa / ses* agree with the noun, so only their
    number says anything about the possessor (*leur(s)*: several)."""
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ == "PRON" and c.i < head.i:  # English
            if c.morph.get("Person") != ["3"]:
                return None  # *my*, *our*, *your*: the writer's or the reader's, nobody of the article
            gender = next(iter(c.morph.get("Gender")), None)
            return c, (gender if gender in ("Masc", "Fem") else None), c.morph.get("Number") == ["Plur"]
        if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] and c.i < head.i:  # French
            low = c.lower_
            if low in ("mon", "ma", "mes", "notre", "nos", "ton", "ta", "tes", "votre", "vos"):
                return None  # the writer's or the reader's: nobody of the article
            return c, None, low.startswith("leur")
    return None
