"""Named entities resolved within the article: one person or organisation, one canonical name.

spaCy's news models get names right but labels and boundaries wrong in predictable ways; this
module fixes them in named, tested steps, each recorded as the mention's ``producer``:

1. ``rule:entities.clean``: cut entities at line breaks, trim leading verbs and punctuation
   (``Likez Business Insider France``), drop lowercase, numeric and one-letter spans.
2. ``rule:entities.gazetteer``: known organisations and rated outlets become ORG, and split off
   a name glued to them (``Facebook Mark Zuckerberg``).
3. ``rule:entities.org_head``: a name headed by *Initiative, Fondation, University…* is an ORG.
4. ``rule:entities.resolve``: mentions join a cluster by surname (``Zuckerberg`` → ``Mark
   Zuckerberg``) or by name prefix (``Buzzfeed`` → ``BuzzFeed News``), and an acronym joins the one
   name of the article its initials spell (``AEF`` → ``Agence européenne des forêts``, ``JLM`` →
   ``Jean-Luc Morel``); the cluster's label is a vote in which full personal names and
   gazetteer hits weigh most.
5. ``rule:entities.appos``: roles in apposition, from the dependency parse
   (``Mark Zuckerberg, PDG de Facebook``; ``la COO de Facebook Sheryl Sandberg``), and later
   bare role phrases (``le PDG de Facebook``) as mentions of the same person.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_STOP, ORTH, POS, SENT_START
from spacy.symbols import ADJ, ADP, CCONJ, DET, NOUN, PROPN, X
from spacy.tokens import Doc

from recoupe.analysis import text
from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis.lexicons import acronyms, first_names, language_of, outlet_listed, quote_words
from recoupe.settings import setting
from recoupe.model import Entity, Mention, Role

LABEL_MAP = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "MISC": "MISC", "NORP": "MISC", "PRODUCT": "MISC", "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
}
GENERIC_ORG_SUFFIXES = {"news", "inc", "inc.", "corp", "group", "groupe", "media", "médias", "sa", "llc", "ltd", "co", "company"}
NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "da", "di", "del", "dos"})
SEPARATORS = {"–", "—", "|", "/", "•", ":", ";", "(", ")", "«", "»", "“", "”", '"', ","}


def _lexicon(name: str, before: str | None = None) -> frozenset[str]:
    """A word list's entries as ``fold`` keys (the form every lookup uses: *Libération*, *Sénat* and
    *université* are found as *liberation*, *senat*, *universite*), up to the line ``before`` if given."""
    text = resources.files("recoupe.resources.lexicons").joinpath(name).read_text("utf-8")
    if before is not None:
        text = text.split(before, 1)[0]
    return frozenset(fold(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def organisations() -> frozenset[str]:
    return _lexicon("organisations.txt")


@lru_cache(maxsize=1)
def non_media_organisations() -> frozenset[str]:
    """Gazetteer entries above the ``## media`` marker: companies, platforms, institutions."""
    return _lexicon("organisations.txt", before="## media")


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Role and title nouns (PDG, porte-parole, spokesman...), shared with the quote finder."""
    from recoupe.analysis import lexicons

    return frozenset(fold(noun) for lang in ("fr", "en") for noun in lexicons.role_nouns(lang))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return _lexicon("org_heads.txt")


fold = text.fold  # one fold for the whole analysis (re-exported: chain and tests import it from here)


def is_known_organisation(text: str, label: str | None = None) -> bool:
    """In the hand-written gazetteer, or (for non-person spans) an outlet the shipped rating lists
    know by name (a bare domain-stem match is not trusted: ``markzuckerberg.news`` exists) or the
    news-outlet lexicon lists (``news_outlets.tsv``). Lists
    the user imports are never read here: findings depend on the text and the package only."""
    key = fold(text)
    if key in organisations():
        return True
    if label == "PER":
        return False
    return _outlet_by_name(" ".join(text.split()))


def _outlet_noun_before(toks, start: int) -> bool:
    """Is the word before ``start`` a noun that describes a news outlet (``quote_words`` ``outlet_nouns``, either
    language: *l'hebdomadaire*, *the daily*)?"""
    word = toks.text[start - 1].lower()
    return any(word in quote_words(lang).outlet_nouns for lang in ("fr", "en"))


@lru_cache(maxsize=16384)
def _outlet_by_name(text: str) -> bool:
    from recoupe.sources.ratings import shipped_outlets

    match = shipped_outlets().resolve_name(text)
    return match is not None and "stem" not in (match.matched_by or "") or outlet_listed(text)


@dataclass
class RawMention:
    start: int  # token indices into the doc
    end: int
    label: str
    producer: str
    weak: bool = False  # kept only if it joins a cluster that stronger mentions started


class _Tokens:
    """What the entity rules read of a Doc's tokens, taken once as arrays: ``doc[i]`` makes a new
    Token on every access, which was about a third of this component's time. Each field is what the
    Token attribute of the same name gives (``text``, ``idx``; ``is_punct``, ``is_space``,
    ``is_stop`` as 0/1; ``pos`` the part-of-speech id; ``sent_start`` 1 where ``is_sent_start``)."""

    __slots__ = ("doc", "body", "text", "idx", "punct", "space", "stop", "pos", "sent_start")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.body = doc_text(doc)
        strings = doc.vocab.strings
        orth, self.idx, self.punct, self.space, self.stop, self.pos, self.sent_start = doc.to_array(
            [ORTH, IDX, IS_PUNCT, IS_SPACE, IS_STOP, POS, SENT_START]).T.tolist()
        self.text = [strings[h] for h in orth]

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (end > start)."""
        return self.body[self.idx[start] : self.end_char(end - 1)]


_TRAILING_POS = frozenset({ADP, DET, CCONJ})  # part-of-speech ids


@lru_cache(maxsize=65536)
def _namelike(word: str) -> bool:
    """CamelCase or acronym tokens are names whatever the tagger says (ZeroHedge, BuzzFeed, AFP)."""
    return any(c.isupper() for c in word[1:]) or fold(word) in organisations()


def _not_name(toks: _Tokens, i: int) -> bool:
    """A token that cannot start a name: punctuation, a stop word, or a real verb form
    (``Lire aussi``, ``Contacté pour``); the tagger's POS alone is not trusted (it calls
    sentence-initial surnames ADV)."""
    word = toks.text[i]
    if _namelike(word) or (toks.stop[i] and word[:1].isupper() and toks.sent_start[i] != 1):
        return False  # a capitalised particle inside a sentence belongs to the name: Marine Le Pen
    return (toks.punct[i] or toks.space[i] or not any(c.isalnum() for c in word) or toks.stop[i]
            or bool(toks.doc[i].morph.get("VerbForm")))  # no letter: *>* opening a line of links


def _trim(toks: _Tokens, start: int, end: int) -> tuple[int, int]:
    """The entity without the words that cannot begin a name before it, nor edge punctuation, a trailing
    preposition, determiner or conjunction, an elided word (*Le Journal du Dimanche l'a révélé*: a name ends in no
    apostrophe), or a lower-case day or time the tagger ran into it after it (*a révélé RTL lundi*, *selon
    L'Opinion ce lundi*: ``quote_words`` ``time_nouns``)."""
    times = quote_words(language_of(toks.doc)).time_nouns
    while start < end and _not_name(toks, start):
        start += 1
    while end > start and (toks.punct[end - 1] or toks.space[end - 1] or toks.pos[end - 1] in _TRAILING_POS
                           or end - 1 > start and (toks.text[end - 1] in times or toks.text[end - 1][-1:] in "'’")):
        end -= 1
    return start, end


def _pieces(toks: _Tokens, ent_start: int, ent_end: int) -> list[tuple[int, int]]:
    """Split an entity at line breaks and separators (``The Mind Unleashed – Traduit``,
    ``Mediapart, la ministre``)."""
    pieces, begin = [], ent_start
    for i in range(ent_start, ent_end):  # a token's trailing whitespace is one space: line breaks are tokens
        word = toks.text[i]
        if "\n" in word or word in SEPARATORS:
            pieces.append((begin, i))
            begin = i + 1
    pieces.append((begin, ent_end))
    return [(s, e) for s, e in pieces if e > s]


def _acceptable(toks: _Tokens, start: int, end: int) -> bool:
    text = toks.span_text(start, end).strip()
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return False
    if text.replace(".", "").lower() in quote_words(language_of(toks.doc)).editorial_notes:
        return False  # *(ma nièce, NDLR)*: the newsroom's note, no name (the tagger often calls it a person)
    if text[0].islower() and fold(text) not in organisations():
        return False
    if end - start == 1 and _not_name(toks, start):
        return False
    return True


# French prepositions that open a phrase of time, place or occasion, not a part of a name (*Médecins sans
# frontières*, *Reporters sans frontières*, *ministre de l'Intérieur* keep theirs)
CIRCUMSTANCE_PREPOSITIONS = frozenset({"en", "lors", "à", "au", "aux", "pendant", "devant", "après", "avant", "dans",
                                       "depuis", "durant"})


def _title_alone(toks: _Tokens, start: int, end: int, names: frozenset[str] = frozenset()) -> bool:
    """Is the span a title with no name (*le Président*, *la Première ministre*, capitalised by
    deference), which the tagger may call a person? Every word is a role noun (``role_nouns.tsv``), a
    stop word or an adjective of the title (lower-case, or before a role noun: a capitalised word after
    the title is a surname the tagger may call an adjective, *le Président Leblanc*), and one is a role
    noun: a description, resolved as such by the quote finder, not a person the article names (a speaker
    *Président* matched no one and took the pronouns after it; NOTES.md, issue 14, session 16). A
    surname made of such words is a name: a capitalised particle inside a sentence (*a répondu Le
    Maire*), or the end of a longer name the tagger found in the article (``names``: *Bruno Le Maire*)."""
    roles = role_nouns()
    words = range(start, end)
    if not any(fold(toks.text[i]) in roles for i in words):
        return False  # the common case, tested first: no role noun, no title
    # the tagger may run the title into the phrase of circumstance after it (*le Premier ministre en déplacement à
    # Lille*, *lors de son déplacement*, *mardi à Lyon*): what follows such a preposition or a day after the role
    # noun names no one
    seen = next(i for i in words if fold(toks.text[i]) in roles)
    times = quote_words(language_of(toks.doc)).time_nouns
    cut = next((i for i in range(seen + 1, end) if toks.pos[i] == ADP and toks.text[i] in CIRCUMSTANCE_PREPOSITIONS
                or toks.text[i] in times), end)
    words = range(start, cut)
    if toks.span_text(start, end).strip() in names or any(
            toks.pos[i] in (DET, ADP) and toks.text[i][:1].isupper() and toks.sent_start[i] != 1 for i in words):
        return False

    def titular(i: int) -> bool:  # an adjective of the title (*polonais*, *Première* before *ministre*), no surname
        return toks.pos[i] == ADJ and (toks.text[i].islower() or i + 1 < end and fold(toks.text[i + 1]) in roles)
    return all(fold(toks.text[i]) in roles or toks.stop[i] or titular(i) for i in words)


def _name_tails(doc: Doc) -> frozenset[str]:
    """The last words of the people the tagger names in the document (*Le Maire* from *Bruno Le
    Maire*): what a title-like span may be the surname of."""
    out = set()
    for ent in doc.ents:
        if ent.label_ in ("PER", "PERSON") and len(ent) > 1:
            words = ent.text.split()
            out.update(" ".join(words[k:]) for k in range(1, len(words)))
    return frozenset(out)


@lru_cache(maxsize=1)
def _split_stops() -> frozenset[str]:
    return frozenset(GENERIC_ORG_SUFFIXES | org_heads())


@lru_cache(maxsize=1)
def _max_org_tokens() -> int:
    """An upper bound on a gazetteer name's length in tokens: words, and the apostrophes and
    hyphens the tokenizer splits off, counted generously (each may add two tokens)."""
    return max((len(n.split()) + 2 * sum(n.count(c) for c in "'-’.") for n in organisations()), default=1) + 1


def _gazetteer_split(toks: _Tokens, start: int, end: int, label: str,
                     names: frozenset[str]) -> list[tuple[int, int, str | None]]:
    """Split `Facebook Mark Zuckerberg` into an ORG and the rest when a prefix is a known organisation
    and the rest is a person's name: it opens with a listed first name (``first_names.tsv``), or the tagger
    read the whole span as a person and the rest has two words at least (*La Croix Rouge*, *Le Point
    Virgule*, *M6 Publicité* stay whole).

    Only prefixes up to the longest gazetteer name are tried, and the "rest is capitalised" test is
    computed once from the right, so an entity of n tokens costs O(n), not O(n²) (a tagger
    misfire over a run of symbols can be thousands of tokens long)."""
    if end - start < 2 or fold(toks.span_text(start, end)) in organisations():
        return [(start, end, None)]
    stop = _split_stops()
    rest_ok = [False] * (end - start + 1)
    rest_ok[end - start] = True
    for i in range(end - 1, start, -1):
        word = toks.text[i]
        # a name's particle between capitalised words (*RMC Dominique de Villepin*)
        particle = word in NAME_PARTICLES and i + 1 < end and toks.text[i + 1][:1].isupper()
        rest_ok[i - start] = rest_ok[i - start + 1] and (word[:1].isupper() and fold(word) not in stop or particle)
        if not rest_ok[i - start]:
            break
    for cut in range(min(end - 1, start + _max_org_tokens()), start, -1):
        if rest_ok[cut - start] and toks.text[cut][:1].isupper() and fold(toks.span_text(start, cut)) in organisations():
            person = toks.text[cut].split("-")[0] in names or label == "PER" and end - cut >= 2
            return [(start, cut, "ORG"), (cut, end, None)] if person else [(start, end, None)]
    return [(start, end, None)]


def collect_mentions(doc: Doc, toks: _Tokens | None = None) -> list[RawMention]:
    toks = toks or _Tokens(doc)
    mentions: list[RawMention] = []
    surnames = _name_tails(doc)
    names = first_names(language_of(doc))
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        ent_start, ent_end = ent.start, ent.end
        if label == "PER" and ent_start > 0 and doc[ent_start - 1].ent_iob_ == "O" \
                and doc[ent_start - 1].text in names and doc[ent_start - 1].text[:1].isupper():
            ent_start -= 1  # *Marine Le Pen*: the tagger may read a listed first name as a noun and leave it out
        for p_start, p_end in _pieces(toks, ent_start, ent_end):
            if toks.stop[p_start] and is_known_organisation(toks.span_text(p_start, p_end), label):
                start, end = p_start, p_end  # the article is part of the name: Le Monde, La Croix
            else:
                start, end = _trim(toks, p_start, p_end)
            if end <= start:
                continue
            for s, e, forced in _gazetteer_split(toks, start, end, label, names):
                if not _acceptable(toks, s, e):
                    continue
                producer = "model:spacy-ner"
                lab = label
                # a title after an outlet noun is the outlet whatever the tagger called it (*l'hebdomadaire Marianne*)
                titled = label == "PER" and s > 0 and _outlet_noun_before(toks, s)
                if forced or is_known_organisation(toks.span_text(s, e), None if forced or titled else label) \
                        and not (e - s == 1 and toks.text[s] in surnames):  # *Bolloré* for *Vincent Bolloré*
                    lab, producer = "ORG", "rule:entities.gazetteer"
                elif lab in ("MISC", "PER") and e - s > 1 and (
                    fold(toks.text[s]) in org_heads() or fold(toks.text[e - 1]) in org_heads()
                ):
                    lab, producer = "ORG", "rule:entities.org_head"
                elif lab == "LOC" and e - s == 1 and "Plur" in doc[s].morph.get("Number"):
                    lab, producer = "MISC", "rule:entities.demonym"
                elif (s, e) != (ent_start, ent_end):
                    producer = "rule:entities.clean"
                if forced is None and s != start and lab in ("MISC", "ORG") and e - s >= 2:
                    lab = "PER"  # what is left once a known organisation is split off: a name
                if lab in ("PER", "MISC") and _title_alone(toks, s, e, surnames):
                    continue
                weak = e - s == 1 and toks.sent_start[s] == 1 and toks.pos[s] == NOUN and not _namelike(toks.text[s])
                mentions.append(RawMention(s, e, lab, producer, weak=weak))
    mentions.extend(_gazetteer_mentions(toks, mentions, surnames))
    mentions.extend(_untagged_people(toks, mentions, names))
    mentions = _split_glued_people(toks, mentions, names)
    mentions = _split_title_complement(toks, mentions, surnames)
    mentions.sort(key=lambda m: m.start)
    _promote_people(doc, mentions)
    return mentions


def _split_glued_people(toks: _Tokens, mentions: list[RawMention], names: dict[str, str]) -> list[RawMention]:
    """``Rassemblement national Marine Le Pen``: when a span ends with a full personal name the
    article also uses on its own, the name is split off and the rest is its organisation. Not when that name is
    a surname with its particle (``_particle_surname``: *Le Pen*, *von der Leyen*) and the rest first names
    (``names``): *Marine Le Pen* is that surname with a first name, not two bodies (where *Marianne Jean Dupont*
    is the weekly and a person, and *Marianne* a first name too: the read-only review's)."""
    people: dict[str, set[tuple[str, ...]]] = {}  # full names by their last word: one lookup per mention
    for m in mentions:
        if m.label == "PER" and m.end - m.start >= 2:
            name = tuple(fold(w) for w in toks.text[m.start : m.end])
            people.setdefault(name[-1], set()).add(name)
    out = []
    for m in mentions:
        key = [fold(w) for w in toks.text[m.start : m.end]]
        names_of = sorted(people.get(key[-1], ()) if key else (), key=lambda p: (-len(p), p))
        tail = next((p for p in names_of if len(key) > len(p) and tuple(key[-len(p):]) == p), None)
        cut = None if tail is None else m.end - len(tail)
        # nor inside one word the tokenizer cut (*Maréchal-Le Pen*); a body's name is split whatever its words (*la
        # liste Marine Le Pen*, tagged an organisation: the second review's)
        surname_after_first_names = tail is not None and m.label == "PER" and _particle_surname(list(tail)) \
            and _first_names_only(toks.text[m.start : cut], names)
        if cut is None or not toks.text[m.start][:1].isupper() or toks.end_char(cut - 1) == toks.idx[cut] \
                or surname_after_first_names:
            out.append(m)
            continue
        out.append(RawMention(m.start, cut, "ORG", "rule:entities.split_person"))
        out.append(RawMention(cut, m.end, "PER", "rule:entities.split_person"))
    return out


def _first_names_only(words: list[str], names: dict[str, str]) -> bool:
    """Is every word a listed first name, each part of a hyphenated one too (*Jean-Marie*)?"""
    return all(part in names for w in words for part in w.split("-"))


_COMPLEMENT_CASES = frozenset({"de", "du", "des", "d'", "d’", "of"})


def _split_title_complement(toks: _Tokens, mentions: list[RawMention], surnames: frozenset[str]) -> list[RawMention]:
    """``le ministre de la Pêche maritime Paul Vernet``: the tagger may run a title's
    complement into the name after it. A person mention that follows *de* / *du* / *of* (a title's or a
    noun's complement) and holds a listed first name (``first_names.tsv``) after words that are not
    one is split there: the words before are the complement (left out when they are a title alone,
    *du Premier ministre Jean Martin*), the rest a person (*de Jean Martin*, first name first, stays
    whole). The tagger's person mentions, and its miscellaneous ones where the words before the first
    name are a title alone (*Premier ministre Pedro Sanchez*) or the complement of a title (*le ministre
    de la Cohésion rurale Paul Vernet*; the words before stay miscellaneous): a place or a body named
    after someone (*du lycée Victor Hugo*, *du musée des beaux-arts Jeanne Roux*, *of the
    Royal Victoria Hospital*) keeps its name."""
    names = first_names(language_of(toks.doc))
    out = []
    for m in mentions:
        cut, alone = None, False
        before = m.start - 1
        while before >= 0 and toks.stop[before] and toks.text[before].lower() not in _COMPLEMENT_CASES:
            before -= 1  # the article between the preposition and the name (*de la*)
        if m.label in ("PER", "MISC") and m.producer != "rule:entities.gazetteer" and m.end - m.start >= 3 \
                and toks.text[m.start] not in names:
            cut = next((i for i in range(m.start + 1, m.end - 1)
                        if toks.text[i].split("-")[0] in names and toks.text[i - 1] not in names), None)
            complement = before >= 0 and toks.text[before].lower() in _COMPLEMENT_CASES
            # a miscellaneous mention: the complement of a title (*le ministre de la Cohésion rurale X*: a
            # role noun before *de*), not of any noun (*du musée des beaux-arts Jeanne Roux*)
            of_title = complement and before > 0 and fold(toks.text[before - 1]) in role_nouns()
            alone = cut is not None and _title_alone(toks, m.start, cut, surnames)
            if cut is not None and not (complement if m.label == "PER" else of_title or alone):
                cut = None
        if cut is None:
            out.append(m)
            continue
        if not alone:
            out.append(RawMention(m.start, cut, "ORG" if m.label == "PER" else m.label, "rule:entities.split_title"))
        out.append(RawMention(cut, m.end, "PER", "rule:entities.split_title"))
    return out


def _promote_people(doc: Doc, mentions: list[RawMention]) -> None:
    """A name in apposition with a person role (PDG, porte-parole, ministre...) is a person,
    whatever the tagger said (``Le président de Google, Sundar Pichai`` tagged ORG)."""
    owner = {i: m for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.label == "PER" or m.producer == "rule:entities.gazetteer" or m.end - m.start < 2:
            continue
        for tok in doc[m.start : m.end]:
            nouns = [c for c in tok.children if c.dep_.startswith("appos")]
            if tok.dep_.startswith("appos"):
                nouns.append(tok.head)
            if any(n.i not in owner and n.pos_ == "NOUN" and _role_span(doc, n, set()) for n in nouns):
                m.label, m.producer = "PER", "rule:entities.role_person"
                break


_GAZETTEER_POS = frozenset({PROPN, NOUN, X})  # part-of-speech ids


def _gazetteer_mentions(toks: _Tokens, found: list[RawMention], surnames: frozenset[str]) -> list[RawMention]:
    """Known organisations the model did not tag at all (single capitalised tokens), not the surname of a
    person the article names in full (*Bolloré* after *Vincent Bolloré*)."""
    covered = {i for m in found for i in range(m.start, m.end)}
    extra = []
    for i, (word, pos) in enumerate(zip(toks.text, toks.pos)):
        if pos not in _GAZETTEER_POS or i in covered or not word[:1].isupper():
            continue
        if fold(word) in organisations() and word not in surnames:
            extra.append(RawMention(i, i + 1, "ORG", "rule:entities.gazetteer"))
    return extra


def _untagged_people(toks: _Tokens, found: list[RawMention], names: dict[str, str]) -> list[RawMention]:
    """People the model did not tag at all: a listed first name (``first_names.tsv``), capitalised, a capitalised
    particle, a capitalised surname. The French tagger reads the *Le* of *Marine Le Pen*, *Jean-Yves Le Drian* as
    an article, and the model then often leaves the whole name out: the speaker of *Marine Le Pen, candidate à la
    présidentielle, a dénoncé…* became the party of her apposition, and every *elle* after it followed. Without a
    particle only after a compound first name (*Anne-Claire Coudray-Morel*): a single one is too often a place's or
    a body's first word (*France Culture*, *Nancy Ville*, *Virginia Tech*: the read-only review's). One surname word,
    its hyphenated parts glued (not a second name: *le duel Marine Le Pen-Emmanuel Macron*); not a span the
    gazetteer knows, not over another mention. A name the model tagged in half (*Jean-Pierre*, *Paul -* of
    *Paul-Marie*, *Catherine Di* of *Catherine Di Folco*; the first name alone as miscellaneous) is completed."""
    covered = {i for m in found for i in range(m.start, m.end)}
    extra, n = [], len(toks.text)
    for i, word in enumerate(toks.text):
        if word not in names or not word[:1].isupper() or i + 1 >= n:
            continue
        start = i + 1
        particle = fold(toks.text[start]) in NAME_PARTICLES and toks.text[start][:1].isupper()
        start += particle
        if start >= n or start in covered or not _surname_word(toks, start):
            continue
        end = start + 1
        while end + 1 < n and _hyphen_glued(toks, end) and end + 1 not in covered and _surname_word(toks, end + 1):
            end += 2  # *Coudray-Morel*, *Le Roux-Dumont*
        if any(is_known_organisation(toks.span_text(i, k)) for k in range(start, end + 1)) \
                or any(fold(w) in organisations() for w in toks.text[start:end]):
            continue  # *France Bleu Provence*
        first = i - 2 if i >= 2 and _hyphen_glued(toks, i - 1) and toks.text[i - 2][:1].isupper() else i
        half = next((m for m in found if m.start <= first < m.end and m.end <= start and (
            m.label == "PER" or m.label == "MISC" and (m.start, m.end) == (first, i + 1)
            and not _names_a_thing(toks, first))), None)
        if half is not None:  # the model tagged the first names alone, or with the particle
            half.end, half.label, half.producer = end, "PER", "rule:entities.first_name"
            covered.update(range(first, end))
        elif (particle or "-" in word or first != i) and not covered.intersection(range(first, start)):
            extra.append(RawMention(first, end, "PER", "rule:entities.first_name"))
            covered.update(range(first, end))
    return extra


def _names_a_thing(toks: _Tokens, i: int) -> bool:
    """Is the first name at ``i``, which the model tagged miscellaneous, a thing's, the common noun before it saying
    what it names (*le roman Thomas La Chance*, *la jument Julie La Rapide*: the second review's)? A role noun
    names a person (*le ministre Jean Le Drian*)."""
    return i > 0 and toks.pos[i - 1] == NOUN and fold(toks.text[i - 1]) not in role_nouns()


def _hyphen_glued(toks: _Tokens, i: int) -> bool:
    """A hyphen the tokenizer cut out of one word (*Kosciusko-Morizet*, *Paul-Marie*)."""
    return toks.text[i] == "-" and 0 < i < len(toks.text) - 1 \
        and toks.idx[i] == toks.end_char(i - 1) and toks.idx[i + 1] == toks.end_char(i)


def _surname_word(toks: _Tokens, i: int) -> bool:
    """A word that can be a surname after a first name: capitalised letters (a hyphen or an apostrophe
    inside), a proper noun or a word the tagger could not place, never a stop word."""
    word = toks.text[i]
    return word[:1].isupper() and word.replace("-", "").replace("'", "").replace("’", "").isalpha() \
        and not toks.stop[i] and toks.pos[i] in (PROPN, X, NOUN)


@dataclass
class Cluster:
    mentions: list[RawMention]
    keys: list[list[str]]

    def label(self) -> str:
        votes: Counter = Counter()
        default, gazetteer = setting("entities", "vote_default"), setting("entities", "vote_gazetteer")
        full_name, misc = setting("entities", "vote_full_person_name"), setting("entities", "vote_misc")
        for m, key in zip(self.mentions, self.keys):
            weight = default
            if m.producer == "rule:entities.gazetteer":
                weight = gazetteer
            elif m.label == "PER" and len(key) >= 2:
                weight = full_name
            elif m.label == "MISC":
                weight = misc
            votes[m.label] += weight
        return votes.most_common(1)[0][0]


# A surname spelt one edit apart is a variant of the same name from this length on (folded letters):
# transliterations (*Zelensky*, *Zelenskyy*; *Navalny*, *Navalnyi*) and typos are long words, while two
# short surnames one letter apart are often two people (*Dupont*, *Dupond* stay apart below 7).
SURNAME_VARIANT_MIN = 7


def surname_variants(a: str, b: str) -> bool:
    """Are two folded surnames the same one spelt differently: one edit apart (insertion, deletion or
    substitution), both of ``SURNAME_VARIANT_MIN`` letters or more, same first letter? First names are
    never compared this way: one letter apart they are other people (*Marie*, *Marine*; *Louis*, *Louise*)."""
    return a != b and a[:1] == b[:1] and min(len(a), len(b)) >= SURNAME_VARIANT_MIN \
        and Levenshtein.distance(a, b, score_cutoff=1) <= 1


# letters a transliteration adds, drops or swaps at the end of a name (*Zelensky*, *Zelenskyy*, *Zelenskiy*;
# *Navalny*, *Navalnyi*): the i / y / j of Slavic endings, a doubled letter
_GLIDES = frozenset("iyj")


def transliterated(a: str, b: str) -> bool:
    """Are two folded surnames (``surname_variants``) one name transliterated two ways: the edit between them is a
    letter doubled or undoubled (*Zelensky*, *Zelenskyy*) or an i / y / j added, dropped or swapped beside
    another (*Navalny*, *Navalnyi*; *Zelensky*, *Zelenskiy*)? A lone surname may be another person's when the
    edit is any other (*Leclerc*, *Leclercq*; *Boucher*, *Bouchet*; *Thompson*, *Thomson*)."""
    if not surname_variants(a, b):
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diff) == 1 and set(diff[0]) <= _GLIDES
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    extra = long_[k]
    neighbours = {long_[k - 1] if k else "", long_[k + 1] if k + 1 < len(long_) else ""}
    return extra in neighbours or extra in _GLIDES and bool(neighbours & _GLIDES)


def _key(toks: _Tokens, m: RawMention) -> list[str]:
    return [fold(toks.text[i]) for i in range(m.start, m.end) if not toks.punct[i]]


def _same_org(a: list[str], b: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short == long_:
        return True
    return long_[: len(short)] == short and all(t in GENERIC_ORG_SUFFIXES for t in long_[len(short) :])


def _org_core(key: list[str]) -> tuple[str, ...]:
    """The key without trailing generic suffixes: two keys can be the same organisation
    (:func:`_same_org`) only if their cores are equal, so the core indexes the candidates."""
    end = len(key)
    while end and key[end - 1] in GENERIC_ORG_SUFFIXES:
        end -= 1
    return tuple(key[:end])


class _ClusterIndex:
    """The lookups :func:`resolve` makes per mention, kept as dictionaries so a document with
    thousands of mentions is resolved in near-linear time (a scan of every cluster's keys per
    mention made it quadratic: entities 25x slower from 100k to 1M characters)."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.starts: list[list[int]] = []  # per cluster, sorted mention starts
        self.full_names: dict[tuple[str, ...], int] = {}  # first cluster holding a full name
        # a full name's words but the last -> (its last word, cluster), for ``spelling_variant``
        self.given: dict[tuple[str, ...], list[tuple[str, int]]] = {}
        self.by_core: dict[tuple[str, ...], dict[tuple[str, ...], int]] = {}  # core -> key -> last cluster
        self.surnames: dict[str, set[int]] = {}  # last word of a 2+ word key -> people clusters
        self.people = 0  # clusters [0, people) were started by full personal names
        # a surname with its particle (``_particle_surname``) -> the clusters of the full names ending with it
        self.particle_tails: dict[tuple[str, ...], set[int]] = {}

    def new(self) -> int:
        self.clusters.append(Cluster([], []))
        self.starts.append([])
        return len(self.clusters) - 1

    def add(self, cid: int, m: RawMention, key: list[str]) -> None:
        c = self.clusters[cid]
        c.mentions.append(m)
        c.keys.append(key)
        bisect.insort(self.starts[cid], m.start)
        t = tuple(key)
        if len(key) >= 2:
            if t not in self.full_names:
                self.given.setdefault(t[:-1], []).append((t[-1], cid))
                for k in range(1, len(t) - 1):
                    if _particle_surname(key[k:]):
                        self.particle_tails.setdefault(t[k:], set()).add(cid)
            self.full_names.setdefault(t, cid)
            if cid < self.people:
                self.surnames.setdefault(key[-1], set()).add(cid)
        bucket = self.by_core.setdefault(_org_core(key), {})
        bucket[t] = max(bucket.get(t, -1), cid)

    def spelling_variant(self, key: list[str]) -> int | None:
        """The one person cluster whose full name is ``key`` but for a surname spelt one letter apart
        (``surname_variants``): a transliteration (*Volodymyr Zelensky*, *Zelenskyy*) or a typo the
        article makes (*Kosciusko-Morizet*, *-Moriset*) is one person, not two. None when no name or
        more than one is that close."""
        found = {cid for surname, cid in self.given.get(tuple(key[:-1]), ()) if surname_variants(surname, key[-1])}
        return found.pop() if len(found) == 1 else None

    def nearest_variant(self, word: str, m: RawMention) -> int | None:
        """A lone surname no person's name holds, spelt as exactly one that does but for a transliteration's
        letter (*Zelenskyy* after *Volodymyr Zelensky*, ``transliterated``): that person, as ``nearest_person``
        finds them. Any other letter apart, a lone surname is another person's (*Leclercq* after *Michel
        Leclerc*, *Thomson* after *Emma Thompson*: the session-37 review)."""
        if len(word) < SURNAME_VARIANT_MIN:
            return None
        close = [surname for surname in self.surnames if transliterated(surname, word)]
        return self.nearest_person(close[0], m) if len(close) == 1 else None

    def particle_bearer(self, key: list[str]) -> int | None:
        """The one person whose full name ends with ``key``, a surname with its particle alone (*Le Pen* after
        *Marine Le Pen*, *de Villepin* after *Dominique de Villepin*): the tagger reads it as a name of two words,
        which ``resolve`` would otherwise keep as a person of its own. None when two people bear it (*Jean-Marie*
        and *Marine Le Pen*): which one *Le Pen* is, the article says by more than nearness (a father, a
        daughter: the read-only review's), so the surname stays a person of its own."""
        found = self.particle_tails.get(tuple(key), set())
        return next(iter(found)) if len(found) == 1 else None

    def nearest_person(self, surname: str, m: RawMention) -> int | None:
        candidates = sorted(self.surnames.get(surname, ()))
        return min(candidates, key=lambda cid: self._distance(cid, m)) if candidates else None

    def _distance(self, cid: int, m: RawMention) -> tuple[int, int]:
        """Prefer the nearest mention before ``m``, then the nearest after it."""
        starts = self.starts[cid]
        i = bisect.bisect_right(starts, m.start)
        return (0, m.start - starts[i - 1]) if i else (1, starts[0] - m.start)

    def latest_org(self, key: list[str]) -> int | None:
        found = [cid for k, cid in self.by_core.get(_org_core(key), {}).items() if _same_org(key, list(k))]
        return max(found) if found else None


def _particle_surname(key: list[str]) -> bool:
    """A surname with its particle and nothing else (*le pen*, *de villepin*, *von der leyen*)."""
    return len(key) >= 2 and all(w in NAME_PARTICLES for w in key[:-1])


def resolve(doc: Doc, mentions: list[RawMention], toks: _Tokens | None = None) -> list[Cluster]:
    """Full personal names first, then every other mention joins by surname or organisation name."""
    toks = toks or _Tokens(doc)
    index = _ClusterIndex()
    keyed = [(m, _key(toks, m)) for m in mentions]
    people = [(m, key) for m, key in keyed if m.label == "PER" and len(key) >= 2]
    for m, key in people:
        if not _particle_surname(key):
            cid = index.full_names.get(tuple(key))
            if cid is None:
                cid = index.spelling_variant(key)
            index.add(index.new() if cid is None else cid, m, key)
    for m, key in people:  # once every full name is known: *Le Pen* joins *Marine Le Pen*, named before or after
        if _particle_surname(key):
            cid = index.particle_bearer(key)
            if cid is None:
                cid = index.full_names.get(tuple(key))
            index.add(index.new() if cid is None else cid, m, key)
    index.people = len(index.clusters)
    for c_id, c in enumerate(index.clusters):  # surnames of the people known so far
        for k in c.keys:
            index.surnames.setdefault(k[-1], set()).add(c_id)
    for m, key in keyed:
        if not key or (m.label == "PER" and len(key) >= 2):
            continue
        target = None
        if len(key) == 1 and m.producer != "rule:entities.gazetteer":
            target = index.nearest_person(key[0], m)
            if target is None:
                target = index.nearest_variant(key[0], m)
        if target is None:
            target = index.latest_org(key)
        if target is None and m.weak:
            continue  # a capitalised common noun opening a line ("Sources : ..."), alone
        index.add(index.new() if target is None else target, m, key)
    clusters = _join_defined_short_forms(toks, _join_acronyms(toks, index.clusters))
    for c in clusters:
        order = sorted(range(len(c.mentions)), key=lambda i: c.mentions[i].start)
        c.mentions = [c.mentions[i] for i in order]
        c.keys = [c.keys[i] for i in order]
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


# An acronym: one word of upper-case letters (accents folded), 2 to 6 of them (*AEF*, *JLM*; *LaREM* stays
# apart). A person's name spells an acronym of 3 letters or more only (*JLM*, *MCD*): two letters (*PS*,
# *RN*) are too often some person's initials too.
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_PERSON_ACRONYM_MIN = 3


def _initials(toks: _Tokens, m: RawMention) -> set[str]:
    """The letters a name's words begin with, each part of a hyphenated word counting (*Jean-Luc Morel*:
    J, L, M): with every word (*Les Républicains*: LR) and without the stop words (*Union pour un mouvement
    populaire*: UMP)."""
    every, content = [], []
    for i in range(m.start, m.end):
        if toks.punct[i]:
            continue
        letters = [part[0] for part in re.split(r"[-‐'’]", fold(toks.text[i])) if part]
        every += letters
        if not toks.stop[i]:
            content += letters
    return {"".join(every).upper(), "".join(content).upper()}


def _one_word(toks: _Tokens, c: Cluster) -> str | None:
    """The word a cluster is made of alone (every mention the same one word), else None."""
    words = {toks.text[m.start] for m in c.mentions}
    if len(words) != 1 or any(m.end - m.start != 1 for m in c.mentions):
        return None
    return next(iter(words))


def _acronym(toks: _Tokens, c: Cluster) -> str | None:
    """The acronym a cluster is made of alone (every mention the same one upper-case word), else None."""
    word = _one_word(toks, c)
    if word is None:
        return None
    return fold(word).upper() if word.isupper() and _ACRONYM.fullmatch(fold(word).upper()) else None


def _absorb(target: Cluster, short: Cluster, label: str) -> None:
    """The short form's mentions join ``target`` under its label (producer ``rule:entities.acronym``)."""
    target.mentions += [RawMention(m.start, m.end, label, "rule:entities.acronym") for m in short.mentions]
    target.keys += short.keys


def _may_spell(toks: _Tokens, acronym: str, mentions: list[RawMention], label: str) -> bool:
    """May these mentions of ``acronym`` stand for a name of kind ``label``? An organisation's acronym takes
    an article (*le PS*, *la LFI*, *l'UE*) where a person's never does (*JLM a tranché*): a person is
    spelt by no acronym with an article, nor by a known organisation (``is_known_organisation``), and
    two letters stand for an organisation only with an article somewhere (*AI tools* is no *Amnesty
    International*). A place is spelt only by a word the tagger read as a place too (*LR* is no *La
    Rochelle*)."""
    determined = any(m.start > 0 and toks.pos[m.start - 1] == DET for m in mentions)
    if label == "PER":
        return len(acronym) >= _PERSON_ACRONYM_MIN and not determined and not is_known_organisation(acronym)
    if label == "LOC" and any(m.label != "LOC" for m in mentions):
        return False
    return len(acronym) > 2 or determined


def _join_acronyms(toks: _Tokens, clusters: list[Cluster]) -> list[Cluster]:
    """Each cluster made of one acronym alone (``_acronym``) joins the one cluster holding a name of two or
    more words whose initials spell it (``_initials``), as abbreviations are matched to their long forms
    within a text by their letters (Schwartz and Hearst, PSB 2003), where the acronym may stand for a name
    of that kind (``_may_spell``), and takes that name's label (producer ``rule:entities.acronym``). Left
    apart when no name or more than one spells it: world knowledge (*UE* for an article that never writes
    *Union européenne*) is no part of this step."""
    spelt: dict[str, set[int]] = {}
    labels = [c.label() for c in clusters]
    for cid, c in enumerate(clusters):
        for m, key in zip(c.mentions, c.keys):
            if len(key) >= 2:
                for letters in _initials(toks, m):
                    if len(letters) >= (_PERSON_ACRONYM_MIN if labels[cid] == "PER" else 2):
                        spelt.setdefault(letters, set()).add(cid)
    gone = set()
    for cid, c in enumerate(clusters):
        word = _acronym(toks, c)
        owners = spelt.get(word, set()) - {cid} if word else set()
        if len(owners) != 1:
            continue
        owner = next(iter(owners))
        if not _may_spell(toks, word, c.mentions, labels[owner]):
            continue
        # the acronym takes the kind of the name it spells (*JLM*, tagged an organisation, is a person)
        _absorb(clusters[owner], c, labels[owner])
        gone.add(cid)
    return [c for cid, c in enumerate(clusters) if cid not in gone]


def _join_defined_short_forms(toks: _Tokens, clusters: list[Cluster]) -> list[Cluster]:
    """A cluster made of one word alone (*Bonef*, *Medef*) that the text defines in parentheses right after a
    name of two or more words of another cluster (*le Bureau national des enquêtes fiscales (Bonef)*) joins
    that name's cluster and takes its label, when the word abbreviates the name as Schwartz and Hearst match a
    short form to its long form (``_abbreviates``: its letters in the name's order, the first opening a word):
    the writer's own definition, which initials alone miss (``_join_acronyms``) and the tagger may read as a
    first name (producer ``rule:entities.acronym``)."""
    owner_of = {}
    for cid, c in enumerate(clusters):
        for m in c.mentions:
            owner_of[m.end] = (cid, m)  # a name ending before a parenthesis
    gone = set()
    for cid, c in enumerate(clusters):
        word = _one_word(toks, c)
        if word is None:
            continue
        for m in c.mentions:
            if m.start < 2 or m.end >= len(toks.text) or toks.text[m.start - 1] != "(" or toks.text[m.end] != ")":
                continue
            owner = owner_of.get(m.start - 1)
            if owner is None or owner[0] == cid or owner[0] in gone or owner[1].end - owner[1].start < 2:
                continue
            name = [toks.text[i] for i in range(owner[1].start, owner[1].end) if not toks.punct[i]]
            if not _abbreviates(word, name):
                continue
            _absorb(clusters[owner[0]], c, clusters[owner[0]].label())
            gone.add(cid)
            break
    return [c for cid, c in enumerate(clusters) if cid not in gone]


def _abbreviates(short: str, words: list[str]) -> bool:
    """Does ``short`` abbreviate the name ``words`` (Schwartz and Hearst, PSB 2003): every letter of it, from the
    last, found in the name from its end in the same order, the first letter opening a word, and the first letter
    the first letter of the name's first word? Two letters at least; accents and case folded."""
    letters = [ch for ch in fold(short).lower() if ch.isalnum()]
    text = " ".join(fold(w).lower() for w in words)
    if len(letters) < 2 or not text or letters[0] != text[0]:
        return False
    k = len(text) - 1
    for n in range(len(letters) - 1, -1, -1):
        while k >= 0 and (text[k] != letters[n] or n == 0 and k > 0 and text[k - 1].isalnum()):
            k -= 1
        if k < 0:
            return False
        k -= 1
    return True


def _canonical(toks: _Tokens, cluster: Cluster) -> str:
    best = max(
        range(len(cluster.mentions)),
        key=lambda i: (len(cluster.keys[i]), cluster.mentions[i].label != "MISC", -cluster.mentions[i].start),
    )
    m = cluster.mentions[best]
    return toks.span_text(m.start, m.end)


def _role_span(doc: Doc, noun, person_tokens: set[int]) -> tuple[int, int] | None:
    """The role phrase headed by `noun`, without trailing punctuation or an appended person name."""
    if fold(noun.lemma_) not in role_nouns() and fold(noun.text) not in role_nouns():
        return None
    left = noun.i
    right = noun.i + 1
    for tok in noun.subtree:
        if tok.i > noun.i and tok.i not in person_tokens and not tok.is_punct and tok.dep_ not in ("appos", "acl:relcl", "acl"):
            right = max(right, tok.i + 1)
        if tok.i < noun.i and tok.dep_ in ("amod", "compound") and tok.i == left - 1:
            left = tok.i
    # stop at the first comma or person name inside the range
    for i in range(noun.i + 1, right):
        if doc[i].is_punct or i in person_tokens:
            right = i
            break
    while right > noun.i + 1 and doc[right - 1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ"):
        right -= 1
    return left, right


def find_roles(doc: Doc, cluster_of_token: dict[int, int], person_tokens: set[int]) -> list[tuple[int, tuple[int, int]]]:
    """(cluster id, role token span) pairs from appositions in the parse."""
    out = []
    for i in sorted(cluster_of_token):  # the tokens of a cluster, in text order
        tok, cid = doc[i], cluster_of_token[i]
        candidates = [c for c in tok.children if c.dep_.startswith("appos") and c.pos_ in ("NOUN", "PROPN")]
        if tok.dep_.startswith("appos") and tok.head.pos_ == "NOUN" and \
                not listed_with_a_name(tok, lambda t: t.i in person_tokens):
            candidates.append(tok.head)
        for noun in candidates:
            if cluster_of_token.get(noun.i) is not None:
                continue
            span = _role_span(doc, noun, person_tokens)
            if span:
                out.append((cid, span))
    return out


def listed_with_a_name(name, is_name) -> bool:
    """Is the name, which the parser hangs as an apposition on a singular noun, coordinated with another
    name or apposed to the noun beside another name (``is_name``: a test on the token; *pour le maire, X et Y
    ont…*, invented)? Then the
    apposition is a misread: a list of people is the clause's subject, not one person's title (the noun
    belongs to the phrase before the comma). Read by the entity roles and the speaker step's
    descriptions (``quotes.coreference._apposed_nouns``)."""
    # the parser coordinates the next name with the first one or with the noun itself, or hangs it on the noun
    # as a second apposition (*le ministre, accompagné de trois élus, X, Y et Z,*: one noun has one holder)
    return "Plur" not in name.head.morph.get("Number") and (any(
        c.dep_ == "conj" and c.i > name.i and is_name(c) for c in (*name.children, *name.head.children)) or any(
        c.dep_ == "appos" and c.i != name.i and is_name(c) for c in name.head.children))


def _role_key(doc: Doc, start: int, end: int) -> str:
    return " ".join(fold(t.text) for t in doc[start:end] if t.pos_ != "DET")


def find_entities(doc: Doc) -> list[Entity]:
    toks = _Tokens(doc)
    mentions = collect_mentions(doc, toks)
    clusters = resolve(doc, mentions, toks)
    labels = [c.label() for c in clusters]  # a cluster's label is read for each of its tokens below
    cluster_of_token = {}
    for cid, c in enumerate(clusters):
        for m in c.mentions:
            for i in range(m.start, m.end):
                cluster_of_token[i] = cid
    roles_by_cluster: dict[int, list[Role]] = {}
    role_keys: dict[str, int] = {}
    role_mentions: dict[int, list[Mention]] = {}
    person_tokens = {i for i, cid in cluster_of_token.items() if labels[cid] == "PER"}
    for cid, (s, e) in find_roles(doc, cluster_of_token, person_tokens):
        span = doc[s:e]
        roles_by_cluster.setdefault(cid, []).append(
            Role(text=span.text, start=span.start_char, end=span.end_char, producer="rule:entities.appos")
        )
        role_keys.setdefault(_role_key(doc, s, e), cid)
    role_spans = {(r.start, r.end) for rs in roles_by_cluster.values() for r in rs}
    if role_keys:
        roles, lemmas = role_nouns(), text.token_strings(doc)[1]  # shared per Doc with the cue matcher
        for i, pos in enumerate(toks.pos):
            # _role_span's own first test, before a Token is made: a role noun by lemma or form
            if pos != NOUN or (fold(lemmas[i]) not in roles and fold(toks.text[i]) not in roles):
                continue
            tok = doc[i]
            span = _role_span(doc, tok, person_tokens)
            if not span:
                continue
            cid = role_keys.get(_role_key(doc, *span))
            sp = doc[span[0] : span[1]]
            if cid is not None and (sp.start_char, sp.end_char) not in role_spans and tok.i not in cluster_of_token:
                role_mentions.setdefault(cid, []).append(
                    Mention(text=sp.text, start=sp.start_char, end=sp.end_char, label=labels[cid],
                            producer="rule:entities.role_coref",
                            confidence=setting("entities", "role_coreference_confidence"))
                )
    entities = []
    for cid, c in enumerate(clusters):
        label = labels[cid]
        mentions_out = [
            Mention(text=toks.span_text(m.start, m.end), start=toks.idx[m.start], end=toks.end_char(m.end - 1),
                    label=label, producer=m.producer if m.label == label else "rule:entities.resolve")
            for m in c.mentions
        ]
        mentions_out.extend(role_mentions.get(cid, []))
        mentions_out.sort(key=lambda x: x.start)
        entities.append(Entity(canonical=_canonical(toks, c), label=label, mentions=mentions_out,
                               roles=roles_by_cluster.get(cid, [])))
    return _with_handles(toks.body, _spelt_out(_merge_same_canonical(entities), language_of(doc), toks.body))


def _spelt_out(entities: list[Entity], lang: str, body: str) -> list[Entity]:
    """A body the article names by its acronym alone takes its full name, the acronym after it (*l'OMS* ->
    *Organisation mondiale de la santé (OMS)*), as a reader would name it (``acronyms.tsv``: bodies only, no
    outlet). Only where the article writes the acronym with a definite article at least once (*le PS*, *l'OMS*,
    *the WHO*), as a body's name is written: the same letters without one are as often something else (*PS :* a
    postscript, *les pistolets FN*, *un sondage CSA*: the read-only review's). Not when an entity of the article
    already bears that full name apart (*le Parti socialiste et Paris Sportif… le PS*: the initials join neither,
    ``_join_acronyms``), nor a longer name opening with the acronym (*le FN Herstal… le FN*, a maker's: the second
    review's). The corpus keys the name without the acronym (``corpus.keys.entity_key``), as it keys the body an
    article spells out."""
    table = acronyms(lang)
    names = {fold(e.canonical) for e in entities}
    for ent in entities:
        acronym = re.sub(r"^(?:l['’]|les? |la |the )", "", ent.canonical, flags=re.I)
        full = table.get(acronym) if ent.label in ("ORG", "MISC") else None
        if full is not None and fold(full) not in names and not any(n.startswith(fold(acronym) + " ") for n in names) \
                and any(DEFINITE_BEFORE.search(body, max(0, m.start - 8), m.start) for m in ent.mentions):
            ent.canonical = f"{full} ({acronym})"
    return entities


# A definite article (or its contraction with a preposition) right before a name
DEFINITE_BEFORE = re.compile(r"(?:\b(?:le|la|les|du|des|au|aux|the)\s+|\bl['’]\s*)$", re.I)


# A social-media handle in the text (*@AlexisCorbiere*, *.@jccambadelis*), not inside an address (*x@y.fr*).
HANDLE = re.compile(r"(?<![\w.@])\.?(@(?P<name>\w{3,30}))")


def _with_handles(body: str, entities: list[Entity]) -> list[Entity]:
    """A handle that spells the name of exactly one person of the article becomes a mention of that person
    (producer ``rule:entities.handle``): *@AlexisCorbiere*, *@MESNIERThomas*, *@jccambadelis*, *@FdeRugy* for
    *Alexis Corbière*, *Thomas Mesnier*, *Jean-Christophe Cambadélis*, *François de Rugy* (``spells_person``).
    An embedded post relays a person by handle (*.@X : « … »*, *…, tranche @X.*), and that person speaks: before
    this step a handle named no one. An entity the model made of the handle alone is folded into the person."""
    people = [e for e in entities if e.label == "PER" and len(e.canonical.split()) >= 2]
    if not people or "@" not in body:
        return entities
    for m in HANDLE.finditer(body):
        owners = [e for e in people if spells_person(m.group("name"), e.canonical)]
        if len(owners) != 1:
            continue
        start, end = m.span(1)
        owner = owners[0]
        for other in entities:  # the model's own entity of the handle (*.@AlexisCorbiere* tagged PER) goes
            if other is not owner:
                other.mentions = [x for x in other.mentions if not (m.start() <= x.start and x.end <= m.end())]
        owner.mentions.append(Mention(text=body[start:end], start=start, end=end, label="PER",
                                      producer="rule:entities.handle"))
        owner.mentions.sort(key=lambda x: x.start)
    return [e for e in entities if e.mentions]


def spells_person(handle: str, name: str) -> bool:
    """Does a handle spell a person's name: the surname (four letters or more; with its particle, *lepen*), and
    beside it the first names in their order, each whole or as its initial, a particle or not (*jccambadelis*,
    *fderugy*, *mesnierthomas*, *alexiscorbiere*)? A surname alone spells no one: a family's name is a company's
    or a town's as often (*@Peugeot*, *@Paris*: the read-only review's), and an initial is one first name's."""
    words = [w for w in re.split(r"[\s\-’']+", fold(name)) if w]
    letters = re.sub(r"[^a-z]", "", fold(handle))
    if len(words) < 2:
        return False
    joined = len(words) >= 3 and words[-2] in NAME_PARTICLES
    surname, given = (words[-2] + words[-1], words[:-2]) if joined else (words[-1], words[:-1])
    if len(surname) < 4 or surname not in letters:
        return False
    before, _, after = letters.partition(surname)
    if bool(before) == bool(after):
        return False  # the first names on one side of the surname, never on both nor on neither
    return _spells_given(before or after, given)


def _spells_given(letters: str, given: list[str]) -> bool:
    """Are ``letters`` the first names ``given`` in their order, the first of them whole or as its initial, the
    others too or left out (a particle only whole or left out)? Not *E_Leclerc* for *Michel-Édouard Leclerc*."""
    def rest(k: int, at: int, used: bool) -> bool:
        """Can ``letters[at:]`` be spelt by ``given[k:]``, ``used`` saying whether a first name was spelt yet?"""
        if at == len(letters):
            return used
        if k == len(given):
            return False
        word = given[k]
        particle = word in NAME_PARTICLES
        if k > 0 and rest(k + 1, at, used):  # a later first name (or a particle) left out
            return True
        forms = {word} if particle else {word, word[0]}
        return any(letters.startswith(f, at) and rest(k + 1, at + len(f), used or not particle) for f in forms)

    return rest(0, 0, False)


def _merge_same_canonical(entities: list[Entity]) -> list[Entity]:
    merged: dict[tuple[str, str], Entity] = {}
    grown: set[tuple[str, str]] = set()
    for ent in entities:
        key = (fold(ent.canonical), ent.label)
        if key in merged:
            merged[key].mentions.extend(ent.mentions)
            merged[key].roles.extend(ent.roles)
            grown.add(key)
        else:
            merged[key] = ent
    for key in grown:  # sorted once, not after every merge
        merged[key].mentions.sort(key=lambda x: x.start)
    return list(merged.values())


_AT_INDEX = "recoupe.entities_at"


def _mention_index(doc: Doc, entities: list[Entity]):
    """Body mentions sorted by start, built once per document (and rebuilt only if
    ``doc._.entities`` is replaced): each :func:`entities_at` call is then a bisection."""
    cached = doc.user_data.get(_AT_INDEX)
    if cached is not None and cached[0] is entities and cached[1] == len(entities):
        return cached[2]
    rows = sorted(
        (m.start, m.end, order) for order, ent in enumerate(entities) for m in ent.mentions if m.in_ == "body"
    )
    longest = max((end - start for start, end, _ in rows), default=0)
    index = ([r[0] for r in rows], rows, longest)
    doc.user_data[_AT_INDEX] = (entities, len(entities), index)
    return index


def entities_at(doc: Doc, start_char: int, end_char: int) -> list[Entity]:
    """The resolved entities with a body mention overlapping [start_char, end_char), in report order."""
    entities = doc._.entities or []
    if not entities:
        return []
    starts, rows, longest = _mention_index(doc, entities)
    lo = bisect.bisect_left(starts, start_char - longest)
    hi = bisect.bisect_left(starts, end_char)
    found = {order for s, e, order in rows[lo:hi] if s < end_char and start_char < e}
    return [entities[order] for order in sorted(found)]


doc_component("recoupe_entities", "entities", find_entities,
              "Sets ``doc._.entities``: resolved people, organisations and places.",
              requires=("doc.ents", "token.pos", "token.dep", "token.morph", "doc.sents"))


def merge_entities(body_entities: list[Entity], furniture_docs: dict[int, Doc]) -> list[Entity]:
    """Add names found in furniture lines (provenance, bylines, credits) as furniture mentions,
    joined to the body's entity with the same name or surname. Returns new entities where a
    furniture mention joins one; the body's own (``doc._.entities``) are never changed."""
    entities = list(body_entities)
    for index, fdoc in sorted(furniture_docs.items()):
        for found in fdoc._.entities or []:
            key = fold(found.canonical).split()
            target = next(
                (
                    k for k, e in enumerate(entities)
                    if fold(e.canonical) == " ".join(key)
                    or (e.label == "PER" and len(key) == 1 and fold(e.canonical).split()[-1:] == key)
                    or (e.label == "ORG" and _same_org(key, fold(e.canonical).split()))
                ),
                None,
            )
            moved = [
                m.model_copy(update={"in_": "furniture", "furniture_index": index}) for m in found.mentions
            ]
            if target is None:
                entities.append(found.model_copy(update={"mentions": moved, "roles": []}))
            else:
                entities[target] = entities[target].model_copy(update={"mentions": [*entities[target].mentions, *moved]})
    return entities
