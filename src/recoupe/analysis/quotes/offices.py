"""Offices the article takes for granted: *le maire de Bordeaux*, *la chancelière*, *l'ancien chef de
l'État* said of someone the article names but never calls by that office. The article's own appositions
come first (``coreference.role_holder``); this is what a reader brings to it: who held the office
(``office_holders.toml``, the public record), read only for people the article names.

An office the description names exactly (its words, less *ancien*, *ex-*, *actuel*, *nouveau*, are one of
the office's names) and the people the article names who held it: one of them is the referent; of several,
those of the description's gender, then the one named last before it (for *ancien*, not the last to hold
the office). No date is read (the articles carry none reliably): a description that fits holders of two
offices, or *ancien* when a holder served twice, stands for nobody; so does an office the article itself
sets in apposition to someone else."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.conjugate import LEXICON_DIR
from recoupe.analysis.quotes.coreference import STOP, description_gender, description_words, entity_gender
from recoupe.analysis.quotes.index import entity_index, is_person
from recoupe.analysis.text import fold
from recoupe.model import Entity, Mention, Span

# the producer a speaker resolved through the record names beside its quote's rule: the link between the
# office and the person is the lexicon's, not the article's (``speakers.Found.via``)
OFFICE_HOLDER = "rule:quotes.office_holder"
# words around an office's name that say when it was held, not which office it is (*ex-* is cut off first)
MODIFIERS = ("ancien", "ancienne", "actuel", "actuelle", "nouveau", "nouvelle", "former", "current", "new")
PAST = re.compile(r"\b(?:ancien|ancienne|former)\b|\bex-", re.IGNORECASE)


@dataclass(frozen=True)
class Office:
    key: str
    names: tuple[frozenset[str], ...]  # each name's description words
    holders: tuple[tuple[tuple[str, ...], ...], ...]  # in order; each holder's spellings, as folded words
    heads: frozenset[str] = frozenset()  # the bare nouns it goes by (``BARE_OFFICE_HEADS`` opening one of its names)


@lru_cache(maxsize=None)
def offices() -> tuple[Office, ...]:
    data = tomllib.loads((LEXICON_DIR / "office_holders.toml").read_text(encoding="utf-8"))
    out = []
    for key, row in data.items():
        holders = tuple(tuple(_name_words(spelling) for spelling in re.sub(r"\s+\d{4}$", "", h).split("|"))
                        for h in row["holders"])
        heads = frozenset(w for n in row["names"] for w in office_words(n.split()[0])) & _bare_heads()
        out.append(Office(key, tuple(office_words(n) for n in row["names"]), holders, heads))
    return tuple(out)


# the offices a French article calls by their bare noun, its holder taken for granted (*le président*, *la
# chancelière*); not the many other first words of office names (*le fondateur*, *le garde*, *l'hôte*, *le
# porte-parole*, *le directeur*), each said as well of someone the record does not list (the session-37 review)
BARE_OFFICE_HEADS = ("président", "présidente", "chancelier", "chancelière")


@lru_cache(maxsize=None)
def _bare_heads() -> frozenset[str]:
    return frozenset().union(*(office_words(h) for h in BARE_OFFICE_HEADS))


def office_words(text: str) -> frozenset[str]:
    """An office name's words as ``description_words`` reads them, and its two-letter acronyms too (*LR*, *FN*,
    *RN*, *PS*, *US*): without them *président de LR*, *président du FN* and *US president* all read as a bare
    *président*, an office of three parties at once."""
    short = {w for w in re.findall(r"[\w-]+", fold(text).lower()) if len(w) == 2 and w not in STOP and w.isalpha()}
    return description_words(text) | short


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\w-]+", fold(name).lower()))


@lru_cache(maxsize=None)
def _modifier_words() -> frozenset[str]:
    return frozenset().union(*(description_words(m) for m in MODIFIERS))


def _holder_ranks(office: Office, name: str) -> list[int]:
    """The places in the office's order of the holder the name is (all its words among the holder's, the
    holder's surname among them: *Macron*, *Emmanuel Macron*), one per term."""
    words = set(_name_words(name))
    return [i for i, spellings in enumerate(office.holders) if any(words <= set(s) and s[-1] in words for s in spellings)]


def known_holder(doc: Doc, head: Token, bounds: tuple[int, int], anchor: int, lang: str) -> tuple[Entity, Span] | None:
    """The person the article names whom the description's office stands for (module docstring), with the
    mention that names them (the last before ``anchor``, else the first)."""
    if any(c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in head.children):
        return None  # *un ancien ministre* introduces someone
    said = doc_text(doc)[bounds[0]:bounds[1]]
    rest = office_words(re.sub(r"\bex-", " ", said, flags=re.IGNORECASE)) - _modifier_words()
    fitting = offices_named(rest) or offices_headed(rest)
    if not fitting:
        return None
    past = PAST.search(said) is not None
    gender = description_gender(head) if lang == "fr" else None
    found: dict[str, list[tuple[list[int], Entity, str | None]]] = {}
    for ent in entity_index(doc).entities:
        if not is_person(ent) or not any(m.in_ == "body" for m in ent.mentions):
            continue
        ent_gender = entity_gender(doc, ent)
        if gender and ent_gender and gender != ent_gender:
            continue
        for office in fitting:
            ranks = _holder_ranks(office, ent.canonical)
            if ranks:
                found.setdefault(office.key, []).append((ranks, ent, ent_gender))
    if len(found) != 1:
        return None  # nobody named held it, or holders of two offices
    holders = next(iter(found.values()))
    if _given_to_another(doc, rest, {id(ent) for _, ent, _ in holders}):
        return None  # *Le maire de Bordeaux, X, …*: the article says who holds it now
    if gender and any(g == gender for _, _, g in holders):
        holders = [h for h in holders if h[2] == gender]  # *la chancelière*: the woman, not a man of unknown gender
    if len(holders) > 1 and past:
        if any(len(ranks) > 1 for ranks, _, _ in holders):
            return None  # a holder with two terms: who is *ancien* needs a date the article does not give
        holders = sorted(holders, key=lambda h: h[0][-1])[:-1]  # *l'ancien président*: not the last to hold it
    # of several, the one the article named last before the description (*Le président de l'UMP* right
    # after X's post, though Y held the office again later), else the last to hold it
    named = [(_last_before(ent, anchor), ranks[-1], ent) for ranks, ent, _ in holders]
    ent = max(named, key=lambda n: (n[0] is not None, n[0].start if n[0] is not None else 0, n[1]))[2]
    body = [m for m in ent.mentions if m.in_ == "body"]
    m = _last_before(ent, anchor) or min(body, key=lambda m: m.start)
    return ent, Span(text=m.text, start=m.start, end=m.end)


def offices_headed(words: frozenset[str]) -> list[Office]:
    """The offices one of whose names opens with the bare description's one word (*le président*: the presidency
    of the Republic, of the Senate, of a party…): which of them is meant is the people the article names who
    held one, when they held one and the same office only (``known_holder`` requires it)."""
    return [o for o in offices() if len(words) == 1 and words <= o.heads]


def offices_named(words: frozenset[str]) -> list[Office]:
    """The offices one of whose names is exactly these words (``office_words``, without
    the modifiers): *maire de Bordeaux*, not *maire adjoint de Bordeaux*."""
    return [o for o in offices() if words in o.names]


# the longest phrase read as a mention's apposition (*Le maire de Bordeaux, X,*; *X, maire de Bordeaux,*).
# prior: a short apposition's length in characters; not tuned.
APPOSITION_REACH = 60
APPOSITION_WORDS = 8  # and words: a longer phrase is a clause of its own, not a title (a prior)
_CLAUSE_END = re.compile(r"[.!?;:«»\"“”\n]")


def _given_to_another(doc: Doc, words: frozenset[str], holders: set[int]) -> bool:
    """Does the article set the office's words in apposition to a person who is none of its known holders
    (``apposed_phrases``)? The article's word beats the record: an office changes hands, and the record
    stops somewhere."""
    text = doc_text(doc)
    for ent in entity_index(doc).entities:
        if id(ent) in holders or not is_person(ent):
            continue
        for m in ent.mentions:
            if any(words <= office_words(text[s:e]) for s, e in apposed_phrases(doc, m.start, m.end)):
                return True
    return False


def apposed_phrases(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Where the phrases in apposition to a mention may stand: the one before it back to the previous comma
    (*…, le maire de Bordeaux X*) and the one after it that a comma closes, or a short one the clause's end
    closes (*X, maire de Bordeaux,*), each within its clause, ``APPOSITION_REACH`` and ``APPOSITION_WORDS``,
    and with no verb (*Le maire de Bordeaux a reçu X*: a clause, not a title)."""
    text = doc_text(doc)
    lo = max(0, start - APPOSITION_REACH)
    before = text[lo:start].rstrip(" ,\u00a0")  # the comma that sets the name off, if any
    cut = max([m.end() for m in _CLAUSE_END.finditer(before)] + [before.rfind(",") + 1, 0])
    phrases = [(lo + cut, lo + len(before))] if before[cut:].strip() else []
    window = text[end:end + APPOSITION_REACH]
    stop = _CLAUSE_END.search(window)
    after = window[:stop.start()] if stop else window
    following = after.split(",")
    # after the name, a phrase the next comma closes, or a short one the clause's end closes
    closed = len(following) > 2 or len(following) == 2 and stop is not None
    if closed and not following[0].strip():
        s = end + len(following[0]) + 1
        phrases.append((s, s + len(following[1])))
    return [(s, e) for s, e in phrases if len(text[s:e].split()) <= APPOSITION_WORDS and not _holds_verb(doc, s, e)]


def _holds_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _last_before(ent: Entity, anchor: int) -> Mention | None:
    before = [m for m in ent.mentions if m.in_ == "body" and m.start < anchor]
    return max(before, key=lambda m: m.start) if before else None
