"""The article's entity mentions, indexed once per Doc so that every speaker lookup is logarithmic.

Quotes read ``doc._.entities`` (set by ``recoupe_entities``) and never recompute entities. A scan
over every entity's mentions for each lookup made the quote step grow with the square of the text
(issue 10); here the body mentions are sorted once and each range query is a bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection

from spacy.tokens import Doc, Token

from recoupe.analysis.animacy import vector_person_noun
from recoupe.analysis.lexicons import (collective_member, institution_nouns, language_of, person_nouns, quote_words,
                                      role_nouns, source_nouns)
from recoupe.analysis.text import fold
from recoupe.model import Entity

_KEY = "recoupe_entity_index"


class EntityIndex:
    """Body mentions sorted by start, with the entity each belongs to (in report order)."""

    def __init__(self, entities: list[Entity], doc: Doc | None = None):
        self.entities = entities
        rows = sorted((m.start, m.end, n) for n, ent in enumerate(entities) for m in ent.mentions if m.in_ == "body")
        self.starts = [r[0] for r in rows]
        self.rows = rows
        self.longest = max((e - s for s, e, _ in rows), default=0)
        self.by_name: dict[str, Entity] = {}
        self.by_surname: dict[str, Entity] = {}
        for ent in entities:
            key = fold(ent.canonical)
            self.by_name.setdefault(key, ent)
            if ent.label == "PER" and key.split():
                self.by_surname.setdefault(key.split()[-1], ent)
        households = _group_named(doc, rows) if doc is not None else set()
        self.people = [(s, e, n) for s, e, n in rows if is_person(entities[n]) and s not in households]
        self.person_starts = [s for s, _, _ in self.people]

    def at(self, start: int, end: int) -> list[Entity]:
        """Entities with a body mention overlapping [start, end), in report order."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        found = {n for s, e, n in self.rows[lo:hi] if e > start and s < end}
        return [self.entities[n] for n in sorted(found)]

    def named(self, text: str) -> Entity | None:
        """The entity whose canonical name is ``text`` (folded), else the person with its last word."""
        key = fold(text)
        return self.by_name.get(key) or (self.by_surname.get(key.split()[-1]) if key.split() else None)

    def last_person_before(self, before: int, skip: Collection[int] = ()) -> tuple[int, Entity] | None:
        """The person whose mention starts last among those ending at or before ``before`` (``skip``:
        offsets whose mentions do not count, such as those inside quotation marks)."""
        i = bisect_left(self.person_starts, before)
        while i > 0:  # walk back past the few mentions that straddle ``before``
            i -= 1
            s, e, n = self.people[i]
            if e <= before and s not in skip:
                return s, self.entities[n]
        return None


def _group_named(doc: Doc, rows: list[tuple[int, int, int]]) -> set[int]:
    """Starts of the mentions of an entity named only right after a noun of a group (*la famille Berthier*, *le
    clan X*: ``quote_words`` ``group_nouns``): a household's or a group's name, not one person who could speak
    or be taken up by a description of one (invented examples). A person also named on their own (*Karim Benali*
    … *la famille Benali*) keeps every mention: the household's recalls them (the review: a member named in
    between would otherwise take their place as the person named last)."""
    groups = quote_words(language_of(doc)).group_nouns
    led: dict[int, list[tuple[int, bool]]] = {}
    for s, e, n in rows:
        span = doc.char_span(s, e, alignment_mode="expand")
        after_group = span is not None and span.start > 0 and doc[span.start - 1].lemma_.lower() in groups
        led.setdefault(n, []).append((s, after_group))
    return {s for mentions in led.values() if all(g for _, g in mentions) for s, _ in mentions}


def entity_index(doc: Doc) -> EntityIndex:
    """The index of ``doc._.entities``, built on first use and kept in ``doc.user_data``."""
    index = doc.user_data.get(_KEY)
    if index is None:
        entities = doc._.entities if Doc.has_extension("entities") else None
        if entities is None:
            raise ValueError("recoupe_quotes needs doc._.entities: add recoupe_entities before it in the pipeline")
        index = doc.user_data[_KEY] = EntityIndex(entities, doc)
    return index


def entities_in(doc: Doc, start: int, end: int) -> list[Entity]:
    return entity_index(doc).at(start, end)


def entity_in(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity mentioned in the char range, persons first."""
    found = entities_in(doc, start, end)
    people = [e for e in found if e.label == "PER"]
    return (people or found or [None])[0]


def name_span(doc: Doc, tok: Token) -> tuple[int, int]:
    """The whole mention of the entity ``tok`` belongs to (*Donald Trump*, not *Donald*; *BFM Business*, not *BFM*),
    else the token's own characters."""
    for e in entities_in(doc, tok.idx, tok.idx + len(tok.text)):
        for m in e.mentions:
            if m.start <= tok.idx < m.end:
                return m.start, m.end
    return tok.idx, tok.idx + len(tok.text)


def credible_source(head: Token, bounds: tuple[int, int], lang: str, learned: bool = True) -> bool:
    """Attributive only when the phrase names a speaker, a source document, a pronoun, persons by a
    noun of persons (*les enseignants*, ``person_nouns.tsv``) or a public body by its head noun
    (*l'exécutif*, *la justice*, *le régime*, ``institution_nouns.tsv``: the speaker scorer already
    takes such phrases as candidates, the rules rejected them as subjects); a collective head (*une
    liste d'experts*, *a group of lawmakers*) is as credible as its complement. ``learned``: a French noun no
    lexicon lists counts when the person-noun model takes it for one (``animacy``); a rule that takes words away
    from a speaker the sentence names asks the lexicons alone (``according_to._view_holder``)."""
    doc = head.doc
    head = collective_member(head, lang)
    if head.pos_ == "PRON" or head.pos_ == "PROPN":
        return True
    if head.lemma_.lower() in source_nouns(lang) or head.lemma_.lower() in role_nouns(lang):
        return True
    if head.pos_ == "NOUN" and head.lemma_.lower() in institution_nouns(lang):
        return True  # *le régime a dénoncé…*, *la justice a ordonné…*
    if head.pos_ == "NOUN" and head.lemma_.lower() in person_nouns(lang) and not _passive_subject(head):
        return True  # *les enseignants ont réclamé…*
    if learned and head.pos_ == "NOUN" and vector_person_noun(head) and not _passive_subject(head):
        return True  # a noun of persons no lexicon lists (*la co-animatrice a jugé…*: ``animacy``)
    if anaphoric_description(head, lang) is not None:
        return True
    return entity_in(doc, *bounds) is not None


def _passive_subject(head: Token) -> bool:
    """The subject of a passive participle (*les riverains sont invités à…*, *étant appelés à…*) is who is
    addressed, not who speaks. The French parser often labels the auxiliary *être* of a passive as a
    tense auxiliary, so the test reads the participle's *être* with no reflexive pronoun (a speech
    verb forms no compound tense with *être* but the pronominal one, *s'est dit*)."""
    verb = head.head
    if head.dep_ in ("nsubj:pass", "nsubjpass"):
        return True
    if head.dep_ != "nsubj" or verb.pos_ != "VERB" or "Part" not in verb.morph.get("VerbForm"):
        return False
    children = list(verb.children)
    return any(c.lemma_.lower() in ("être", "be") and c.dep_.startswith(("aux", "cop")) for c in children) \
        and not any(c.dep_ in ("expl:comp", "expl:pv", "expl", "obj", "iobj") and c.lower_ in ("se", "s'", "s’")
                    for c in children)


# Words a personal name does not open with: articles and prepositions (*En Marche*, *La République en marche*,
# *The Daily Show* are no people, though the tagger calls them MISC and they are capitalised).
_NOT_NAME_OPENERS = frozenset({"le", "la", "les", "en", "de", "du", "des", "un", "une", "au", "aux", "à", "the", "of",
                               "in", "on", "a", "an"})


def is_person(ent: Entity) -> bool:
    """PER, or a MISC that looks like a full personal name (the NER sometimes labels people MISC)."""
    words = ent.canonical.split()
    return ent.label == "PER" or (ent.label == "MISC" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
                                  and words[0].lower() not in _NOT_NAME_OPENERS)


def anaphoric_description(head: Token, lang: str) -> str | None:
    """``ce dernier`` / ``the latter`` ("latter": the last person named) and ``la même source`` /
    ``the same source`` ("same": the source cited just before), else None."""
    words = quote_words(lang)
    if head.lower_ in words.latter_words and (any(c.dep_ == "det" for c in head.children) or (
            head.i > 0 and head.doc[head.i - 1].lower_ in words.latter_determiners)):  # "Ce" hung on the verb
        return "latter"
    if head.lemma_.lower() in ("source", "sources") and any(c.lower_ in words.same_words for c in head.children):
        return "same"
    return None
