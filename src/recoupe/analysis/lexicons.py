"""Load the quote / hedge lexicons shipped in ``resources/lexicons`` and test tokens against them.

Why a module of its own: quotes, hedges and irony all ask "is this token a speech verb?",
and the answer must survive the French lemmatizer's slips (``démenties`` -> NOUN ``démentie``),
so lemma look-up is backed by the generated form tables.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from spacy.tokens import Doc, Token

from recoupe.analysis.conjugate import LEXICON_DIR, english_forms, french_forms, present_third_forms, read_lemmas
from recoupe.analysis.text import fold, in_text_order, token_strings, tokens_with

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "agent", "obl:agent"}
VERBAL_POS = frozenset({"VERB", "AUX"})
SLIPPED_POS = {"X", "NOUN", "ADJ", "PROPN"}  # a verb the tagger mislabelled


def language_of(doc: Doc) -> str:
    """'fr' or 'en' (lexicons exist for those two; anything else falls back to French rules)."""
    return "en" if doc.lang_ == "en" else "fr"


def _rows(name: str) -> list[list[str]]:
    lines = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def speech_verbs(lang: str) -> dict[str, str]:
    """lemma -> class (say, assert, reveal, admit, deny, dispute)."""
    return read_lemmas(lang)


@lru_cache(maxsize=None)
def speech_forms(lang: str) -> dict[str, str]:
    """Inflected form -> lemma, from the generated speech_verb_forms_<lang>.tsv, for the verbs that report on their
    own: the rules that read a verb by its form alone (an incise the tagger missed, *», vu X*) leave out a verb
    that reports only in one frame (``object_complement_only``), read by ``object_complement_tokens``."""
    return {form: lemma for form, lemma in _all_speech_forms(lang).items() if not object_complement_only(lemma, lang)}


@lru_cache(maxsize=None)
def _all_speech_forms(lang: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(f"speech_verb_forms_{lang}.tsv")}


@lru_cache(maxsize=None)
def role_nouns(lang: str) -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("role_nouns.tsv") if row[2] == lang}


@lru_cache(maxsize=None)
def acronyms(lang: str) -> dict[str, str]:
    """Acronym -> the full name of the body it stands for, in ``lang`` (``acronyms.tsv``)."""
    return {row[0]: row[1] for row in _rows("acronyms.tsv") if row[2] == lang}


@lru_cache(maxsize=None)
def news_outlets() -> dict[str, tuple[str, frozenset[str], str]]:
    """Outlet names (``news_outlets.tsv``), folded and without a leading article (*Canard enchaine*), -> the
    name as listed, its kinds (daily, weekly, monthly, tv, radio, agency, online) and its domain."""
    table = {}
    for name, kinds, domain in (row[:3] for row in _rows("news_outlets.tsv")):
        table.setdefault(outlet_key(name), (name, frozenset(kinds.split(",")), domain))
    return table


@lru_cache(maxsize=None)
def outlet_kinds_by_domain() -> dict[str, frozenset[str]]:
    """Domain -> the kinds of outlet listed with it, for the domains whose names are all of one kind (*france.tv*
    is television; *lefigaro.fr* lists a daily and a weekly magazine, so it says nothing)."""
    kinds: dict[str, set[frozenset[str]]] = {}
    for _, listed, domain in news_outlets().values():
        kinds.setdefault(domain, set()).add(listed)
    return {domain: next(iter(k)) for domain, k in kinds.items() if len(k) == 1}


def outlet_listed(text: str) -> bool:
    """Is ``text`` an outlet's name as ``news_outlets.tsv`` lists it: with the article it is listed with (*Le
    Monde*, *The Guardian*), or with no article at all (*Canard enchaîné*, the tagger leaving it out)? An
    article the lexicon does not list with the name is no part of it: *the Daily Mail* is not a listed name,
    *Daily Mail* is."""
    folded, key = _outlet_words(text), outlet_key(text)
    if key != folded:  # the text opens on an article
        return folded in _listed_names()
    return key in news_outlets()


@lru_cache(maxsize=None)
def _listed_names() -> frozenset[str]:
    return frozenset(_outlet_words(name) for name, _, _ in news_outlets().values())


def _outlet_words(name: str) -> str:
    return " ".join(fold(name).replace("’", "'").split())


def outlet_key(name: str) -> str:
    """An outlet name as ``news_outlets`` keys it: folded, without the leading article the tagger may leave
    out (*Le Canard enchaîné* and *Canard enchaîné* are one key)."""
    words = _outlet_words(name).split()
    if words and words[0] in ("le", "la", "les", "the"):
        words = words[1:]
    elif words and words[0].startswith("l'") and len(words[0]) > 2:
        words[0] = words[0][2:]
    return " ".join(words)


@lru_cache(maxsize=None)
def first_names(lang: str) -> dict[str, str]:
    """First name -> "Masc" / "Fem" (``first_names.tsv``): the language's own rows, then the other
    language's for names it does not list."""
    rows = _rows("first_names.tsv")
    own = {row[0]: row[1] for row in rows if row[2] == lang}
    other = {row[0]: row[1] for row in rows if row[2] != lang}
    return {**other, **own}


@lru_cache(maxsize=None)
def nationalities(lang: str) -> dict[str, str]:
    """Nationality adjective (folded, singular and plural) -> ISO country code (``nationalities.tsv``)."""
    from recoupe.analysis.text import fold

    out = {}
    for row in _rows("nationalities.tsv"):
        if row[2] != lang:
            continue
        word = fold(row[0])
        out[word] = row[1]
        if not word.endswith(("s", "x")):
            out[word + "s"] = row[1]
    return out


@lru_cache(maxsize=None)
def source_nouns(lang: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows("source_nouns.tsv") if row[1] == lang)


@lru_cache(maxsize=None)
def person_nouns(lang: str) -> frozenset[str]:
    """Nouns of persons and groups of persons (``person_nouns.tsv``: *les enseignants*, *des militants*):
    a speech verb's subject they head names who speaks."""
    return frozenset(row[0] for row in _rows("person_nouns.tsv") if row[1] == lang)


@lru_cache(maxsize=None)
def institution_nouns(lang: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows("institution_nouns.tsv") if row[1] == lang)


@dataclass(frozen=True)
class QuoteWords:
    """The closed-class words of one language the quote finder reads (``quote_words_<lang>.toml``)."""

    subject_pronouns: dict[str, str]
    non_speakers: frozenset[str]
    first_person: frozenset[str]
    relative_pronouns: frozenset[str]
    selon_relatives: frozenset[str]
    content_marks: frozenset[str]
    question_marks: frozenset[str]
    question_words: frozenset[str]
    asking_verbs: frozenset[str]
    reflexive_not_speech: frozenset[str]
    not_complementizer: frozenset[str]
    time_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    causative_speech: frozenset[str] = frozenset()
    relay_verbs: frozenset[str] = frozenset()
    reading_verbs: frozenset[str] = frozenset()
    latter_words: frozenset[str] = frozenset()
    latter_determiners: frozenset[str] = frozenset()
    same_words: frozenset[str] = frozenset()
    honorifics_masc: frozenset[str] = frozenset()
    honorifics_fem: frozenset[str] = frozenset()
    opinion_quantifiers: frozenset[str] = frozenset()
    poll_respondents: frozenset[str] = frozenset()
    impersonal_after_il: frozenset[str] = frozenset()
    collective_heads: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    feminine_endings: frozenset[str] = frozenset()
    seats_of_power: frozenset[str] = frozenset()
    authored_nouns: frozenset[str] = frozenset()
    etre_verbs: frozenset[str] = frozenset()
    auxiliary_forms: frozenset[str] = frozenset()
    gendered_nouns_masc: frozenset[str] = frozenset()
    gendered_nouns_fem: frozenset[str] = frozenset()
    pour_verbs: frozenset[str] = frozenset()
    work_nouns: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    proof_verbs: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    contrast_markers: frozenset[str] = frozenset()
    name_nouns: frozenset[str] = frozenset()
    target_verbs: frozenset[str] = frozenset()
    variation_verbs: frozenset[str] = frozenset()
    view_nouns: frozenset[str] = frozenset()
    interview_nouns: frozenset[str] = frozenset()
    utterance_verbs: frozenset[str] = frozenset()
    announce_que: frozenset[str] = frozenset()
    completive_nouns: frozenset[str] = frozenset()
    object_clitics: frozenset[str] = frozenset()
    person_clitics: frozenset[str] = frozenset()
    addressee_object_verbs: frozenset[str] = frozenset()
    handed_object_verbs: frozenset[str] = frozenset()
    quantity_adverbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    modal_verbs: frozenset[str] = frozenset()
    attitude_nouns: frozenset[str] = frozenset()
    recap_adverbs: frozenset[str] = frozenset()
    editorial_notes: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    outlet_noun_kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=None)
def quote_words(lang: str) -> QuoteWords:
    data = tomllib.loads((LEXICON_DIR / f"quote_words_{lang}.toml").read_text(encoding="utf-8"))
    return QuoteWords(subject_pronouns=dict(data["subject_pronouns"]),
                      outlet_noun_kinds={k: frozenset(v) for k, v in data.get("outlet_noun_kinds", {}).items()},
                      **{k: frozenset(v) for k, v in data["words"].items()})


@lru_cache(maxsize=None)
def stand_in_verbs(lang: str) -> Mapping[str, str]:
    """The unambiguous speech verbs (``quote_words_<lang>.toml`` ``[parse_stand_in]``: ``sing``, ``plur``) the
    parse repair puts in place of a speech verb the tagger read as a noun (:mod:`recoupe.analysis.parse`);
    empty for a language without them."""
    data = tomllib.loads((LEXICON_DIR / f"quote_words_{lang}.toml").read_text(encoding="utf-8"))
    return MappingProxyType(dict(data.get("parse_stand_in", {})))


@lru_cache(maxsize=None)
def adverbial_locutions(lang: str) -> tuple[str, ...]:
    """The language's adverbial locutions as written (``adverbial_locutions_<lang>.txt``: *d'ores et déjà*, *à son
    tour*), which the parse repair reads a paragraph again without where the parser hung a clause on one of their
    words (:mod:`recoupe.analysis.parse`); empty for a language without the file."""
    name = f"adverbial_locutions_{lang}.txt"
    return tuple(row[0].strip() for row in _rows(name)) if (LEXICON_DIR / name).exists() else ()


def present_third_person(form: str, lang: str) -> tuple[str, bool] | None:
    """(lemma, plural) when ``form`` is the present indicative third person of a first-group French
    speech verb (*juge*, *critiquent*, *relève*: ``conjugate.present_third_forms``), the tense and
    persons whose forms French also spells as nouns and adjectives (*le juge*, *une critique*, *la
    relève*); None otherwise, and in English."""
    lemma = speech_forms(lang).get(form)
    if lemma is None or lang != "fr" or not lemma.endswith("er") or " " in lemma:
        return None
    singular, plural = present_third_forms(lemma)
    return (lemma, False) if form == singular else (lemma, True) if form == plural else None


def collective_member(head: Token, lang: str) -> Token:
    """The members a collective head names (*une liste d'experts*, *le collectif des riverains*, *a group
    of lawmakers*: ``quote_words`` ``collective_heads``), whose noun says who speaks; ``head`` itself for
    any other word or when the members are no noun."""
    if head.lemma_.lower() not in quote_words(lang).collective_heads:
        return head
    member = next((c for c in head.children if c.i > head.i and c.dep_ in ("nmod", "pobj", "prep")), None)
    if member is not None and member.dep_ == "prep":  # English: "group" -> "of" -> "lawmakers"
        member = next((c for c in member.children if c.dep_ == "pobj"), None)
    return member if member is not None and member.pos_ in ("NOUN", "PROPN") else head


@lru_cache(maxsize=None)
def speaker_nouns(lang: str) -> frozenset[str]:
    """Nouns whose phrase names who speaks: roles, persons, institutions and documents (the lexicons
    ``role_nouns``, ``person_nouns``, ``institution_nouns`` and ``source_nouns`` together)."""
    return frozenset(role_nouns(lang)) | person_nouns(lang) | institution_nouns(lang) | source_nouns(lang)


def causative_before(infinitive: Token, verbs: tuple[str, ...] = ("faire",)) -> Token | None:
    """The causative verb (``verbs``: *faire*, *laisser*) governing ``infinitive`` from before it (*a fait
    savoir*, *a laissé entendre*), or the word just before it when the parser hung the causative on the
    infinitive instead; None when neither is one."""
    head = infinitive.head
    if head.lemma_ in verbs and head.i < infinitive.i:
        return head
    before = infinitive.doc[infinitive.i - 1] if infinitive.i > 0 else None
    return before if before is not None and before.lemma_ in verbs else None


def speech_lemma(token: Token, lang: str) -> str | None:
    """The speech-verb lemma this token is a form of, or None.

    A verb by POS is looked up by lemma then by form; a token tagged X/NOUN/ADJ right after an
    auxiliary (``a nié``, ``ont été démenties``) or in an inverted incise is looked up by form only.
    A verb that reports only in a frame pairing its object with a complement (``object_complement_only``:
    *traiter qqn de*, *voir en qqn un…*) is none: ``object_complement_tokens`` lists it for the one rule that
    reads it.
    """
    lemma = _speech_lemma(token, lang)
    return None if lemma is not None and object_complement_only(lemma, lang) else lemma


def object_complement_tokens(doc: Doc, lang: str) -> list[tuple[Token, str]]:
    """The verbs of ``doc`` that report only in a frame pairing their object with a complement
    (``object_complement_only``), with their lemma, in text order."""
    forms = _object_complement_form_set(lang)
    return [(tok, lemma) for tok in tokens_with(doc, "lower", forms) if (lemma := object_complement_lemma(tok, lang))]


@lru_cache(maxsize=None)
def _object_complement_form_set(lang: str) -> frozenset[str]:
    return frozenset(_object_complement_forms(lang))


def object_complement_lemma(token: Token, lang: str) -> str | None:
    """The lemma of a verb that reports only in a frame pairing its object with a complement
    (``object_complement_only``) this token is a form of, or None."""
    if token.pos_ not in VERBAL_POS or token.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass", "cop"):
        return None
    return _object_complement_forms(lang).get(token.lower_)


@lru_cache(maxsize=None)
def _object_complement_forms(lang: str) -> dict[str, str]:
    """Inflected form -> lemma of the verbs that report only in a frame pairing their object with a complement
    (read by form: the lemmatiser takes *traite* for *traire*)."""
    return {form: lemma for form, lemma in _all_speech_forms(lang).items() if object_complement_only(lemma, lang)}


def _speech_lemma(token: Token, lang: str) -> str | None:
    verbs = speech_verbs(lang)
    lemma = token.lemma_.lower()
    form = speech_forms(lang).get(token.lower_)
    if token.pos_ in VERBAL_POS and token.dep_ not in ("aux", "aux:tense", "aux:pass", "auxpass", "cop"):
        locution = locution_words(token, lang)
        if locution is not None:
            return locution[0]  # "a mis en garde", "a lancé un appel": the locution, not the bare verb
        if lemma in verbs:
            return lemma
        if form:
            return form
        causative = causative_before(token, ("faire", "laisser"))
        locution = f"{causative.lemma_} {lemma}" if causative is not None else None
        if locution in quote_words(lang).causative_speech:
            return locution  # "a fait savoir que", "a laissé entendre que": the locution reports speech
        return None
    if token.pos_ in SLIPPED_POS and form:
        i = token.i - 1
        while i > 0 and token.doc[i].pos_ == "ADV" and token.i - i < 3:  # "s'est clairement opposé"
            i -= 1
        prev = token.doc[i] if i >= 0 else None
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if prev is not None and (prev.pos_ == "AUX" or prev.head.i == token.i and (
                prev.dep_ in ("aux", "aux:tense", "aux:pass") or prev.lower_ in quote_words(lang).auxiliary_forms)):
            return form  # an auxiliary the tagger slipped on with its participle (*a tweeté*: X X), hung on it
        if nxt is not None and nxt.lower_.startswith("-t") or (nxt is not None and nxt.lower_ in ("-il", "-elle")):
            return form
        if _predicate_without_copula(token):
            return form  # "Le démographe X remarque que…" with *remarque* tagged ADJ: it heads the clause
    return None


def _predicate_without_copula(token: Token) -> bool:
    """A noun or adjective that has a nominal subject of its own, no copula and a clausal complement
    heads a verbal clause: in French and English grammar only a verb takes a subject without a
    copula, so the tagger slipped on a speech-verb form that is also a noun or an adjective."""
    children = list(token.children)
    return any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < token.i for c in children) \
        and not any(c.dep_ == "cop" for c in children) \
        and any(c.dep_ in ("ccomp", "xcomp") and c.i > token.i for c in children)


@lru_cache(maxsize=None)
def speech_form_set(lang: str) -> frozenset[str]:
    """The speech-verb forms of the language (the keys of ``speech_forms``)."""
    return frozenset(speech_forms(lang))


@lru_cache(maxsize=None)
def present_third_speech_forms(lang: str) -> frozenset[str]:
    """The forms ``present_third_person`` reads (French first-group speech verbs' present third persons, which
    French also spells as nouns): what a scan for the forms the tagger may misread looks up, word by word."""
    return frozenset(form for form in speech_forms(lang) if present_third_person(form, lang) is not None)


def speech_tokens(doc: Doc, lang: str) -> list[tuple[Token, str]]:
    """Every token of ``doc`` that is a speech verb, with its lemma (``speech_lemma``), in text
    order; read once per Doc by the quote steps that scan the whole text."""
    key = f"recoupe_speech_tokens_{lang}"
    found = doc.user_data.get(key)
    if found is None:
        # speech_lemma is None for a token neither tagged VERB/AUX nor spelt as a speech-verb form,
        # so only those are looked at
        maybe = in_text_order(tokens_with(doc, "pos", VERBAL_POS), tokens_with(doc, "lower", speech_form_set(lang)))
        found = doc.user_data[key] = [(tok, lemma) for tok in maybe if (lemma := speech_lemma(tok, lang))]
    return found


def verb_forms(lemma: str, lang: str) -> list[str]:
    generate = french_forms if lang == "fr" else english_forms
    return sorted(generate(lemma) | {lemma})


# A cue pattern token: (field, values, optional). field is "lower" (the token's lower-case form is in
# values), "lemma" (its lemma is the one value) or "any".
CueToken = tuple[str, frozenset[str], bool]


def _pattern_token(spec: str, lang: str) -> CueToken:
    optional = spec.endswith("?") and len(spec) > 1
    spec = spec[:-1] if optional else spec
    if spec == "*":
        return ("any", frozenset(), True)
    if spec.startswith("~"):
        return ("lemma", frozenset([spec[1:]]), optional)
    words: list[str] = []
    for alt in spec.split("|"):
        words += verb_forms(alt[1:], lang) if alt.startswith("@") else [alt]
    words += [w.replace("'", "\u2019") for w in words if "'" in w]
    return ("lower", frozenset(words), optional)


class CueMatcher:
    """Every (rule key, start token, end token) match of a cue table's patterns in a Doc.

    The same matches as spaCy's ``Matcher`` over the equivalent token patterns (``LOWER IN``,
    ``LEMMA``, ``OP ?``; every optional token both taken and skipped), found by indexing the
    patterns on the word a match can start with. spaCy's Matcher re-tests each pattern's predicates
    at every token: on the hedge and irony tables it was 14 ms of a French article's 20 ms of
    hedges and irony (``benchmarks/throughput.py --components``); this is a dictionary look-up per
    token and a short walk for the few patterns that start there.
    """

    def __init__(self, patterns: list[tuple[str, list[CueToken]]]):
        self.patterns = patterns
        self._by_lower: dict[str, list[int]] = {}
        self._by_lemma: dict[str, list[int]] = {}
        self._anywhere: list[int] = []  # patterns that can start on any token
        for n, (_, tokens) in enumerate(patterns):
            for field, values, optional in tokens:  # every token a match can start on
                if field == "any":
                    self._anywhere.append(n)
                    break
                index = self._by_lower if field == "lower" else self._by_lemma
                for value in values:
                    index.setdefault(value, []).append(n)
                if not optional:
                    break
        # patterns with neither optional nor wildcard tokens match by one walk, without a search
        self._fixed = [None if any(optional or field == "any" for field, _, optional in tokens)
                       else [(field == "lower", values) for field, values, _ in tokens]
                       for _, tokens in patterns]

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        lowers, lemmas = token_strings(doc)
        found: set[tuple[int, int, int]] = set()
        by_lower, by_lemma = self._by_lower, self._by_lemma
        if self._anywhere:
            starts = range(len(lowers))
        elif by_lemma:
            starts = [i for i, (lower, lemma) in enumerate(zip(lowers, lemmas)) if lower in by_lower or lemma in by_lemma]
        else:  # no pattern starts on a lemma (every shipped table)
            starts = [i for i, lower in enumerate(lowers) if lower in by_lower]
        n_tokens = len(lowers)
        for i in starts:
            candidates = set(by_lower.get(lowers[i], ())) | set(by_lemma.get(lemmas[i], ()))
            for n in candidates.union(self._anywhere):
                fixed = self._fixed[n]
                if fixed is not None:
                    j = i
                    for is_lower, values in fixed:
                        if j >= n_tokens or (lowers[j] if is_lower else lemmas[j]) not in values:
                            break
                        j += 1
                    else:
                        if j > i:
                            found.add((i, j, n))
                    continue
                for end in self._ends(self.patterns[n][1], i, lowers, lemmas, n_tokens):
                    if end > i:  # spaCy never returns an empty match
                        found.add((i, end, n))
        return [(self.patterns[n][0], start, end) for start, end, n in sorted(found)]

    @staticmethod
    def _ends(tokens: list[CueToken], i: int, lowers: list[str], lemmas: list[str], n_tokens: int) -> set[int]:
        """End positions of the matches of ``tokens`` starting at token ``i``: the positions
        reachable after each pattern token (an optional one both skipped and taken)."""
        positions = {i}
        for field, values, optional in tokens:
            reached = set(positions) if optional else set()
            for j in positions:
                if j < n_tokens and (field == "any" or (lowers[j] if field == "lower" else lemmas[j]) in values):
                    reached.add(j + 1)
            if not reached:
                return reached
            positions = reached
        return positions


@lru_cache(maxsize=None)
def _cue_matcher(table: str) -> tuple[CueMatcher, dict[str, tuple[str, float]]]:
    """The matcher of a cue table (kind, pattern, weight), with rule key -> (kind, weight)."""
    lang = table.rsplit("_", 1)[-1]
    patterns: list[tuple[str, list[CueToken]]] = []
    rules: dict[str, tuple[str, float]] = {}
    for n, row in enumerate(_rows(f"{table}.tsv")):
        kind, pattern, weight = row[0], row[1], float(row[2])
        key = f"{table}:{kind}:{n}"
        tokens = []
        for spec in pattern.split():
            # French elision: "n'" / "qu'" written in patterns also match the spelled-out form
            if spec in ("n'", "qu'"):
                spec = f"{spec}|{spec[:-1]}e"
            tokens.append(_pattern_token(spec, lang))
        patterns.append((key, tokens))
        rules[key] = (kind, weight)
    return CueMatcher(patterns), rules


def cue_matcher(doc: Doc, table: str) -> tuple[CueMatcher, dict[str, tuple[str, float]]]:
    """The matcher for ``<table>_<lang>.tsv`` (``hedge_cues``, ``irony_cues``) in the doc's language."""
    return _cue_matcher(f"{table}_{language_of(doc)}")


@lru_cache(maxsize=None)
def speech_frames(lang: str) -> dict[str, frozenset[str]]:
    """lemma -> the argument frames in which it reports content without a complementizer
    (``speech_frames_<lang>.tsv``: obj, inf, a preposition, attr, doc), and the same for each
    speech locution (``speech_locutions_<lang>.tsv``, keyed by the locution's words)."""
    frames = {row[0]: frozenset(row[1].split(",")) for row in _rows(f"speech_frames_{lang}.tsv")}
    frames.update((" ".join(words), f) for words, f in _locution_rows(lang))
    return frames


def object_complement_only(lemma: str, lang: str) -> bool:
    """Does the speech verb report only through its object paired with a complement (every frame ``qqn+…``:
    *traiter qqn de menteur*, or ``…+obj``: *voir en qqn un allié*) or in a fixed reflexive use (``se+en+…``: *s'en
    prendre à qqn*)? Its other senses handle or perceive things (*traiter un dossier*, *voir un film*, *prendre le
    train*), so no other rule reads it as speech."""
    frames = speech_frames(lang).get(lemma, frozenset())
    return bool(frames) and all(f.startswith(("qqn+", "se+en+")) or f.endswith("+obj") for f in frames)


@lru_cache(maxsize=None)
def _locution_rows(lang: str) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    """(verb lemma and fixed words, frames) of ``speech_locutions_<lang>.tsv`` (none for a
    language without the file)."""
    if not (LEXICON_DIR / f"speech_locutions_{lang}.tsv").exists():
        return ()
    return tuple((tuple(row[0].split()), frozenset(row[1].split(","))) for row in _rows(f"speech_locutions_{lang}.tsv"))


@lru_cache(maxsize=None)
def _locutions_by_verb(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """verb lemma -> the fixed-word sequences of its speech locutions."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words, _ in _locution_rows(lang):
        out.setdefault(words[0], []).append(words[1:])
    return {k: tuple(v) for k, v in out.items()}


# words a locution's fixed words may be separated by (*a lancé un nouvel appel*, *pointe du doigt*)
_LOCUTION_GAP_POS = frozenset({"DET", "ADJ", "ADV", "ADP"})


def locution_words(token: Token, lang: str) -> tuple[str, list[Token]] | None:
    """The speech locution ``token`` (a verb) opens and the tokens of its fixed words (*a mis en
    garde*, *a lancé un appel*, *pointe du doigt*), or None. Each fixed word must come within three
    tokens of the previous one, only determiners, adjectives, adverbs and other prepositions between."""
    rests = _locutions_by_verb(lang).get(token.lemma_.lower())
    if not rests:
        return None
    doc = token.doc
    for rest in rests:
        found, i = [], token.i
        for word in rest:
            j = i + 1
            while j < len(doc) and j - i <= 3 and doc[j].lower_ != word and doc[j].lemma_.lower() != word \
                    and doc[j].pos_ in _LOCUTION_GAP_POS:
                j += 1
            if j >= len(doc) or j - i > 3 or (doc[j].lower_ != word and doc[j].lemma_.lower() != word):
                break
            found.append(doc[j])
            i = j
        else:
            return " ".join((token.lemma_.lower(), *rest)), found
    return None
