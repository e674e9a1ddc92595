"""Parsing an article paragraph by paragraph: the ``recoupe_paragraph_parse`` component.

Given a whole article, spaCy's parser reads it as one stream: a title without a full stop runs
into the lead, a paragraph ending on a quotation into the next one's first sentence, and the
speech verb of one paragraph gets the subject of the other. In recoupe's article bodies a line
break always ends a paragraph (``style.sentence_pieces``), so this component runs the model
components (tagger, parser, lemmatizer, NER: disabled in the pipeline, run from here) on each
paragraph as its own Doc and joins the pieces again with ``Doc.from_docs``: the same text, the
same tokens and offsets, sentences that never cross a line break, and each piece's activations
no larger than ``MAX_PIECE_CHARS`` however long the article.

Measured on the attribution gold (``recoupe eval attribution``): 112 of the 918 sentences the
parser finds in the French articles crossed a paragraph break; parsed paragraph by paragraph, the
French quote F1 went .869 -> .874 and the sets nobody read the errors of gained most (speakers
.698 -> .748 on one of them).

Each paragraph's reading is then repaired where the French tagger took a present-tense speech verb for
the noun or adjective it is spelt as (*Le maire juge que…* with no verb in the sentence): the paragraph is
read again with an unambiguous verb in its place (``repair_slipped_speech_verbs``); and where the parser hung
a clause's words on a word of an adverbial locution (*Le ministre a d'ores et déjà annoncé…*: the participle a
conjunct of *ores*, with no subject), the paragraph is read again without the locution, which comes back as an
adverbial of the word it qualifies (``repair_broken_locutions``); so are words set off by commas between an
auxiliary and its participle (*a, sur Twitter, dénoncé…*: ``broken_insertions``). Before those, a sentence the
parser cut inside a name or before one (*D'après BFM | Business, …*) is read again with no sentence opening
there (``repair_cut_phrases``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# A piece over this many characters (a paragraph of a text with no line breaks) is cut again at
# a line break or a space (:func:`sections`): one Doc's parser and NER activations grow
# with its length. 100,000 keeps them small (benchmarks/scaling.py) and no article paragraph near it.
MAX_PIECE_CHARS = 100_000

PARAGRAPH_PARSE = "recoupe_paragraph_parse"

# ``doc._.recoupe_reread``: the character ranges of the words the repair read again with a stand-in verb
# (``repair_slipped_speech_verbs``), so that a finding resting on that reading can say so in its producer
# (``REREAD_PRODUCER``). An empty list when nothing was read again; None when the Doc was not parsed by
# ``recoupe_paragraph_parse`` (a user's own pipeline), which ``reread_producer`` reads as nothing.
REREAD = "recoupe_reread"
REREAD_PRODUCER = "rule:parse.stand_in"
# ``doc._.recoupe_rewired``: the character ranges of the quoted words the parse repair made heads of their phrase
# (``repair_scare_quoted_heads``), so that a quote whose speaker phrase holds one says so (``REWIRED_PRODUCER``)
REWIRED = "recoupe_rewired"
REWIRED_PRODUCER = "rule:parse.scare_quoted_head"
for _name in (REREAD, REWIRED):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# A line break and the whitespace after it: where one paragraph ends and the next begins.
PARAGRAPH_BREAK = re.compile(r"\n\s*")


def sections(text: str, size: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """[start, end) ranges covering ``text``, each at most ``size`` long unless no break exists,
    ending after a line break (or else a space) so every section ends in whitespace."""
    out, start, n = [], 0, len(text)
    while start < n:
        if n - start <= size:
            out.append((start, n))
            break
        window_end = start + size
        cut = text.rfind("\n", start + size // 2, window_end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, window_end)
        end = window_end if cut < 0 else cut + 1  # no break at all: cut anywhere
        out.append((start, end))
        start = end
    return out


def paragraph_pieces(text: str, size: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """[start, end) ranges covering ``text``: a paragraph with the line breaks that close it, a
    paragraph over ``size`` characters cut again by :func:`sections`."""
    cuts = [m.end() for m in PARAGRAPH_BREAK.finditer(text) if m.end() < len(text)]
    bounds, out = [0, *cuts, len(text)], []
    for start, end in zip(bounds, bounds[1:]):
        out += [(start + s, start + e) for s, e in sections(text[start:end], size)]
    return out


class ParagraphParse:
    """Runs the named model components on each paragraph piece of a Doc and returns the joined Doc."""

    def __init__(self, nlp: Language, pipes: list[str], max_piece_chars: int):
        self.nlp, self.pipes, self.max_piece_chars = nlp, list(pipes), max_piece_chars
        self._locutions = None

    @property
    def locutions(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The adverbial locutions of the pipeline's language (``locution_index``), read at the first call, when
        the tokenizer has its final settings."""
        if self._locutions is None:
            self._locutions = locution_index(self.nlp)
        return self._locutions

    def __call__(self, doc: Doc) -> Doc:
        from recoupe.analysis.component import doc_text, keep_text

        text = doc_text(doc)
        starts = [t.idx for t in doc]
        # token ranges of the pieces (a piece cut inside a token starts at the next token)
        cuts = sorted({bisect.bisect_left(starts, s) for s, _ in paragraph_pieces(text, self.max_piece_chars)} | {0})
        ranges = [(a, b) for a, b in zip(cuts, [*cuts[1:], len(doc)]) if b > a]
        if len(ranges) <= 1:
            (doc,), (reread,), (rewired,) = self._run([doc])
            doc._.set(REREAD, _char_ranges(doc, reread))
            doc._.set(REWIRED, _char_ranges(doc, rewired))
            return doc
        # each piece a new Doc of the same words, spaces and norms (the tokenizer's exceptions set norms the
        # models read), from arrays taken once: Span.as_doc reads the whole Doc for each piece (quadratic)
        words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
        norms = doc.to_array([NORM])
        pieces = []
        for a, b in ranges:
            piece = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
            pieces.append(piece.from_array([NORM], norms[a:b].reshape(-1, 1)))
        parsed, reread, rewired = self._run(pieces)
        joined = Doc.from_docs(parsed, ensure_whitespace=False, exclude=["user_data"])
        # the same text, so what was set on the Doc before the call keeps its character offsets: the values
        # of Doc._ extensions (``doc._.recoupe_title``), categories and span groups; the components' caches
        # in user_data are the new parse's to fill
        joined.user_data.update({k: v for k, v in doc.user_data.items() if isinstance(k, tuple) and k[:1] == ("._.",)})
        joined.cats = dict(doc.cats)
        joined._.set(REREAD, _char_ranges(joined, [a + i for (a, _), indices in zip(ranges, reread) for i in indices]))
        joined._.set(REWIRED, _char_ranges(joined, [a + i for (a, _), indices in zip(ranges, rewired) for i in indices]))
        for key, group in doc.spans.items():
            joined.spans[key] = [joined.char_span(sp.start_char, sp.end_char, label=sp.label, kb_id=sp.kb_id,
                                                  span_id=sp.id) for sp in group]
        return keep_text(joined, text)

    def _run(self, docs: list[Doc]) -> tuple[list[Doc], list[list[int]], list[list[int]]]:
        """The Docs read by the models and repaired (the locutions and insertions the parse broke read past, then the
        slipped speech verbs and the scare-quoted heads), with the token indices each Doc's stand-in repair read
        again and those its scare-quote repair made heads."""
        docs = self._models(docs)
        for doc in docs:
            repair_cut_phrases(doc, self._models)
        broken = [repair_broken_locutions(doc, self.locutions, self._models) for doc in docs]
        reread = [repair_slipped_speech_verbs(doc, self._models, spans) for doc, spans in zip(docs, broken)]
        return docs, reread, [repair_scare_quoted_heads(doc) for doc in docs]

    def _models(self, docs: list[Doc]) -> list[Doc]:
        for name in self.pipes:
            proc = self.nlp.get_pipe(name)
            docs = list(proc.pipe(docs, batch_size=256)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        return docs


# What the models set on a Doc, copied from a repaired reading (the tensor is copied apart)
PARSE_ATTRS = (TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE)


def slipped_speech_verbs(doc: Doc) -> list[tuple[int, str, str]]:
    """(token index, lemma, stand-in form) of each present-tense speech verb the tagger read as a noun or an
    adjective in a sentence left with no main verb (*Le maire juge que la réforme est injuste*: *juge* an
    adjective of *maire*, the *que* clause a relative on it; *La commission alerte sur…*): a lower-case
    third-person form of a first-group speech verb (``lexicons.present_third_person``) right after a noun, an
    adjective or a pronoun (*Il presse ses voisins de…*), with no determiner of its own, where the sentence's
    root is neither a verb nor an auxiliary. The stand-in is the language's unambiguous speech verb (``lexicons.stand_in_verbs``; French
    only: the English pipeline does not slip on these forms). One per sentence, the first. Candidates only:
    ``repair_slipped_speech_verbs`` keeps a new reading only where it gives the verb a speaker."""
    from recoupe.analysis.lexicons import present_third_person, stand_in_verbs

    lang = doc.lang_
    stand_in = stand_in_verbs(lang) if lang in STAND_IN_LANGS else {}
    if not stand_in or not doc.has_annotation("DEP"):
        return []
    out = []
    for sent in doc.sents:
        verbless = sent.root.pos_ not in ("VERB", "AUX") or _subordinate(sent.root)
        for tok in sent[1:]:
            named = tok.dep_.startswith("flat")  # hung inside the name before it (*Paul Arnaud juge*), whatever its tag
            if not (verbless or named) or tok.pos_ not in ("NOUN", "ADJ", "PROPN") and not named \
                    or not tok.text.islower():
                continue
            found = present_third_person(tok.lower_, lang)
            before = doc[tok.i - 1]
            # not after a comma: *Marie Dupont, juge d'instruction,* is an apposition, unless a *que* clause follows
            # (*X, à l'origine de la mesure, juge, lui, que…*: no noun takes one)
            after_comma = before.text == "," and _clause_follows(tok)
            if found is None or before.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON") and not after_comma \
                    or any(c.dep_ == "det" for c in tok.children) or _noun_complement_after(tok, found[0]):
                continue
            out.append((tok.i, found[0], stand_in["plur" if found[1] else "sing"]))
            break
    return out


# A stressed pronoun set off by commas after a verb (*juge, lui, que…*), with what may come with it.
_STRESSED = frozenset({"lui", "elle", "eux", "elles", "aussi", "-même", "même", "non", "plus"})


def _clause_follows(tok: Token) -> bool:
    """Does a *que* clause follow the word, directly or after a stressed pronoun between commas (*juge, lui,
    que…*)?"""
    doc, i = tok.doc, tok.i + 1
    if i < len(doc) and doc[i].text == ",":
        j = i + 1
        while j < len(doc) and j - i <= 4 and doc[j].lower_ in _STRESSED:
            j += 1
        if j == i + 1 or j >= len(doc) or doc[j].text != ",":
            return False
        i = j + 1
    return i < len(doc) and doc[i].lower_ in _QUE


_QUE = frozenset({"que", "qu'", "qu’"})


def _subordinate(root: Token) -> bool:
    """Is the sentence's root verb marked as a subordinate clause (*que*, *qu'*)? The parser made the complement
    clause of a verb it did not see the root (*Le député X juge, lui, que la loi est…*)."""
    return any(c.dep_ == "mark" and c.lower_ in _QUE and c.i < root.i for c in root.children)


def _noun_complement_after(tok: Token, lemma: str) -> bool:
    """Is the word followed by what completes the noun or adjective it is spelt as, not the verb: *de*
    (*juge d'instruction*, *service presse de la préfecture*, *titre de champion*) unless the verb takes
    *de* and an infinitive follows (*menace de démissionner*), *du* or *des* (but for a speech locution,
    *pointe du doigt*), or an adjective the verb does not take (*critique musical*, *alerte rouge*; *juge
    crucial de…* is *juger* with an adjective)?
    Photo credits and captions are verbless lines of that shape."""
    from recoupe.analysis.lexicons import speech_frames

    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return False
    after = doc[tok.i + 1]
    table = speech_frames(doc.lang_)
    frames = table.get(lemma, frozenset())
    if after.lower_ in ("du", "des", "de", "d'", "d’") and tok.i + 2 < len(doc) \
            and f"{lemma} {doc[tok.i + 2].lemma_.lower()}" in table:
        return False  # a speech locution (*pointe du doigt*, ``speech_locutions_<lang>.tsv``)
    if after.lower_ in ("du", "des"):
        return True
    if after.lower_ in ("de", "d'", "d’"):
        infinitive = tok.i + 2 < len(doc) and doc[tok.i + 2].morph.get("VerbForm") == ["Inf"]
        return not (frames & {"de", "de+inf"} and infinitive)
    return after.pos_ == "ADJ" and "adj" not in frames


# the languages with a ``[parse_stand_in]`` table (``quote_words_<lang>.toml``)
STAND_IN_LANGS = frozenset({"fr"})


def _speaker_subject(verb: Token) -> bool:
    """Has ``verb`` a subject before it that can speak, as the quote rules' subjects can
    (``quotes.index.credible_source``, read here from the parse alone: recoupe's entities come later): a
    name or a pronoun, a noun of a person, a role, an institution or a document, a collective noun of
    such (*le collectif des riverains*), or a noun phrase holding a name (*M. Taylor*, *la commission des
    Finances du Sénat*)? A headline's adjective or a common noun (*Nouvelle alerte sur…*, *le regard critique des
    élus*) is no speaker, and the slipped word there was the noun or adjective it was read as."""
    from recoupe.analysis.lexicons import collective_member, speaker_nouns

    lang = verb.doc.lang_
    nouns = speaker_nouns(lang)
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i):
        head = collective_member(subject, lang)
        if head.pos_ in ("PROPN", "PRON") or head.pos_ == "NOUN" and (head.lemma_.lower() in nouns or any(
                t.pos_ == "PROPN" or t.ent_type_ in ("PER", "ORG") for t in subject.subtree)):
            return True
    return False


def repair_slipped_speech_verbs(doc: Doc, models, locutions: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Read the paragraph again with the stand-in verb in place of each speech verb the tagger took for a
    noun (``slipped_speech_verbs``), and keep that reading where every stand-in comes out as a verb with a
    subject that can speak (``_speaker_subject``); when only some do, the paragraph is read once more with
    those alone, and left as it was if that reading does not mend them all. The words and offsets stay;
    the tags, lemmas, morphology, arcs, sentence bounds and entities of the whole paragraph are the new
    reading's, and each verb keeps its own lemma. ``models`` runs the model components on a list of Docs;
    ``locutions``, the token ranges ``repair_broken_locutions`` left out of the paragraph's reading, are left out
    of the new one too. Returns the indices of the tokens read again (empty when the reading was left as it was).

    Why: the rules read speech through the parse; with no verb in the sentence they find no speaker and no
    content (*Le député X juge que c'est "dévastateur"* was no quote). Only the model's input changes, so
    the repair is a better reading, not a rule of its own (NOTES.md, issue 14, session 22)."""
    slipped = slipped_speech_verbs(doc)
    for _ in range(2):
        if not slipped:
            return []
        other = _read_with(doc, slipped, models, locutions)
        mended = [(i, lemma, form) for i, lemma, form in slipped
                  if other[i].pos_ == "VERB" and _speaker_subject(other[i])]
        if len(mended) == len(slipped):
            _adopt(doc, other)
            for i, lemma, _ in mended:
                doc[i].lemma_ = lemma
            return [i for i, _, _ in mended]
        slipped = mended
    return []


# What no word of an adverbial locution is or has in a right reading: a locution qualifies a verb or a sentence, so
# a clause's subject, object, auxiliary, complement clause or conjunct hung on one of its words, or one of its
# words read as a subject, an auxiliary or a clause of a word outside it, is the parser's slip
# (``broken_locutions``). A locution read as an object (*a répété une nouvelle fois que…*: *fois* the object) leaves
# the verb's own arcs as they are, and a second reading would only add its noise.
HOLDS_NOTHING = frozenset({"nsubj", "nsubj:pass", "csubj", "obj", "iobj", "ccomp", "xcomp", "conj", "acl",
                           "acl:relcl", "advcl", "aux", "aux:tense", "aux:pass", "aux:caus", "cop", "parataxis"})
IS_NOTHING = HOLDS_NOTHING - {"obj", "iobj"}


def _locution_word(token: Token) -> str:
    """A word as locutions are matched: lower case, the typographic apostrophe as the straight one (accents kept:
    *à tort* is no *a tort*)."""
    return token.lower_.replace("’", "'")


def locution_index(nlp: Language) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The adverbial locutions of ``nlp``'s language (``lexicons.adverbial_locutions``) as its tokenizer splits
    them, by first word, the longest first; empty for a language without them."""
    from recoupe.analysis.lexicons import adverbial_locutions

    index: dict[str, set[tuple[str, ...]]] = {}
    for entry in adverbial_locutions(nlp.lang):
        words = tuple(_locution_word(t) for t in nlp.make_doc(entry))
        if len(words) > 1:
            index.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in index.items()}


def locution_spans(doc: Doc, index: dict[str, tuple[tuple[str, ...], ...]]) -> list[tuple[int, int]]:
    """The (start, end) token ranges of the locutions of ``index`` in ``doc``, left to right, the longest at each
    word, none overlapping."""
    words, out, i = [_locution_word(t) for t in doc], [], 0
    while i < len(words):
        found = next((seq for seq in index.get(words[i], ()) if tuple(words[i:i + len(seq)]) == seq), None)
        if found:
            out.append((i, i + len(found)))
        i += len(found) if found else 1
    return out


def broken_locutions(doc: Doc, index: dict[str, tuple[tuple[str, ...], ...]]) -> list[tuple[int, int]]:
    """The locutions (``locution_spans``) the parse reads as a clause's words: a word outside one takes a clause
    relation (``HOLDS_NOTHING``) on one of its words, or one of its words is a subject, an auxiliary or a clause
    of a word outside it (``IS_NOTHING``): *a d'ores et déjà annoncé*, the participle a conjunct of *ores*; *a peu
    à peu dénoncé*, *peu* the subject's head; *a tout de suite réagi*, *suite* an auxiliary. Not a locution
    alone between quotation marks: a quoted fragment, whose reading without it would be an empty quotation."""
    if not index or not doc.has_annotation("DEP"):
        return []
    from recoupe.analysis.lexicons import quote_words
    from recoupe.analysis.text import QUOTE_MARKS

    comparatives = quote_words("fr").announce_que
    out = []
    for start, end in locution_spans(doc, index):
        if 0 < start and end < len(doc) and doc[start - 1].text in QUOTE_MARKS and doc[end].text in QUOTE_MARKS:
            continue
        inside = range(start, end)
        words = doc[start:end]
        if end < len(doc) and doc[end].lower_ in _QUE and words[0].lower_ in comparatives:
            # a comparison's first term, opened by its degree word (*plus tôt que prévu*: ``announce_que``): read
            # without it, *que* would open a clause; not *a rappelé une fois de plus que…*, a report
            continue
        if any(t.dep_ in IS_NOTHING and t.head.i not in inside for t in words) \
                or any(c.dep_ in HOLDS_NOTHING and c.i not in inside for t in words for c in t.children):
            out.append((start, end))
    return out


# The most words an insertion set off by commas between an auxiliary and its participle may hold (*a, dans un
# communiqué publié lundi, dénoncé…*); longer, the commas more likely close a list or a clause
MAX_INSERTION_WORDS = 8
BRACKETS = frozenset("()[]")  # an insertion crosses no bracket


def broken_insertions(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token ranges, commas included, of the words set off by commas between a finite auxiliary
    and its past participle (*a, lui aussi, annoncé…*, *ont, lors d'un meeting, réclamé…*) where the parse does
    not make the auxiliary the participle's (an ``aux`` of it): the participle then hangs on a word of the
    insertion, or the auxiliary on it as a clause, and the participle has no subject. Not across a quotation
    mark, a bracket or a sentence's end."""
    if not doc.has_annotation("DEP"):
        return []
    from recoupe.analysis.text import QUOTE_MARKS

    out = []
    for aux in doc:
        if aux.pos_ not in ("AUX", "VERB") or aux.lemma_ not in ("avoir", "être") \
                or "Fin" not in aux.morph.get("VerbForm") or aux.i + 2 >= len(doc) or doc[aux.i + 1].text != ",":
            continue
        close = next((k for k in range(aux.i + 2, min(aux.i + 3 + MAX_INSERTION_WORDS, len(doc) - 1))
                      if doc[k].text == ","), None)
        if close is None or close == aux.i + 2 or any(t.text in QUOTE_MARKS or t.text in BRACKETS or t.is_sent_end
                                                      for t in doc[aux.i + 2:close]):
            continue
        participle = doc[close + 1]
        if participle.pos_ in ("VERB", "AUX") and "Part" in participle.morph.get("VerbForm") \
                and not (aux.head.i == participle.i and aux.dep_.startswith("aux")):
            out.append((aux.i + 1, close + 1))
    return out


def repair_broken_locutions(doc: Doc, index: dict[str, tuple[tuple[str, ...], ...]], models) -> list[tuple[int, int]]:
    """Read the paragraph again without the adverbial locutions the parse broke (``broken_locutions``) and the
    insertions between an auxiliary and its participle it broke (``broken_insertions``), each grafted back as an
    adverbial of the word it qualifies (``_graft``). The words and offsets stay; the tags, lemmas, morphology,
    arcs and entities of the sentences that hold them are the new reading's where it bounds those sentences as
    the first did (the paragraph's other sentences keep theirs: a second reading moves more than it mends), of
    the whole paragraph where it does not; and the first reading stays where the second has fewer subjects
    (``_subject_arcs``). ``models`` runs the model components on a list of Docs. Returns the token ranges left out
    of the reading (empty when the reading was left as it was).

    Why: a multi-word adverb or an insertion between an auxiliary and its participle (*a d'ores et déjà
    annoncé*, *ont bel et bien réclamé*, *a, lors d'un meeting, réclamé*) leaves the verb with no subject, and the
    rules find no speaker and no report; read without it, the clause parses as it would without the words put in,
    which is how a reader reads it. Only the model's input changes (NOTES.md, issue 14, session 58)."""
    insertions = broken_insertions(doc)
    spans = sorted(insertions + [(a, b) for a, b in broken_locutions(doc, index)
                                 if not any(s <= a < e for s, e in insertions)])
    if not spans or len(doc) == sum(end - start for start, end in spans):
        return []
    other = doc.copy()
    _adopt(other, _read_with(doc, [], models, spans), sentences_of=spans)
    if _subject_arcs(other) < _subject_arcs(doc):
        return []
    _adopt(doc, other)
    return spans


def cut_phrases(doc: Doc) -> list[int]:
    """The tokens at which the parser opened a sentence on a capitalised word right after a word of the same line,
    or after an abbreviation: a cut inside a name or before one (*D'après BFM | Business, …*, *Jean-Paul | Le
    Bras a jugé…*, *le groupe allemand | Bosch a…*, *M. | Dupont*), which no writer makes. Not after capitals that
    open the line, a rubric (*SPORT | Le club a…*: ``_rubric``); not before a word in lower case, where the
    new reading moved more than it mended on the annotated articles (session 61); not at a quotation mark, a dash
    or a comma (``text.sentence_bounds`` mends a cut before a comma)."""
    out = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_sent_start and tok.text[:1].isupper() and (_abbreviation(prev) or prev.text[-1:].isalnum()
                                                             and not _rubric(prev)):
            out.append(tok.i)
    return out


def _abbreviation(word: Token) -> bool:
    """``word`` is an abbreviation the tokenizer kept with its full stop (*M.*, *Dr.*, an initial), which does not
    end a sentence before a name; *etc.* often does."""
    return len(word.text) > 1 and word.text.endswith(".") and word.text[0].isalpha() and word.lower_ != "etc."


def _rubric(word: Token) -> bool:
    """``word`` ends a run of capitals that opens its line (*SPORT*, *ÉTATS-UNIS*): a section's name."""
    doc = word.doc
    i = word.i
    while i >= 0 and not doc[i].is_space:
        if not (doc[i].is_upper or doc[i].is_punct):
            return False
        i -= 1
    return word.is_upper


def repair_cut_phrases(doc: Doc, models) -> list[int]:
    """Read the paragraph again where the parser cut a sentence between two words (``cut_phrases``), with no
    sentence allowed to open at those cuts (a preset ``is_sent_start`` of False, which spaCy's parser obeys),
    and take the new reading of the sentences that then run across a cut; the paragraph's other sentences keep
    theirs. Returns the cuts mended.

    Why: the rules read a clause inside its sentence; cut after *D'après BFM*, the source's name and what it
    says fall in two sentences and no quote is found, and a name cut in two (*Jean-Paul | Le Bras*) names
    nobody. Constraining every word boundary of the paragraph instead moved the parser's other choices too (a
    quotation joined to its incise hung the quotation's noun on the speech verb as its subject)."""
    cuts = cut_phrases(doc)
    if not cuts:
        return []
    fresh = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    fresh = fresh.from_array([NORM], doc.to_array([NORM]).reshape(-1, 1))
    for i in cuts:
        # and on the next word: the parser reads a preset bound one token late at times (spaCy issue #7716)
        for k in (i, i + 1):
            if k < len(fresh):
                fresh[k].is_sent_start = False
    other = models([fresh])[0]
    starts = {s.start for s in doc.sents} | {len(doc)}
    joined = {(other[i].sent.start, other[i].sent.end) for i in cuts if not other[i].is_sent_start}
    # only sentences the new reading bounds at bounds of the first: whole sentences of the first joined
    joined = sorted(span for span in joined if span[0] in starts and span[1] in starts)
    if not joined:
        return []
    mended = [i for i in cuts if any(a < i < b for a, b in joined)]
    _adopt_ranges(doc, other, joined, entities=False)
    _adopt_joined_names(doc, other, mended)
    return mended


def _adopt_joined_names(doc: Doc, other: Doc, mended: list[int]) -> None:
    """The entities of the new reading that run across a mended cut and extend one the first reading began
    (*Marie-Claire* to *Marie-Claire Le Men*, *BFM* to *BFM Business*) replace those of the first reading they
    overlap; the first reading's other entities stay. Why not all of the new reading's: read again, the entity
    model sometimes tags a part of a compound name (*Sophie Le Corre* in *Anne-Sophie Le Corre-Lambert*) or a
    photo credit's agency with its photographer, where the first reading tagged nothing and the first-name rule
    (``entities.first_name``) then found the name alone."""
    old = list(doc.ents)
    joined = [e for e in other.ents if any(e.start < i < e.end for i in mended) and not _part_of_word(e)
              and any(o.start < e.end and e.start < o.end for o in old)]
    if not joined:
        return
    kept = [e for e in old if not any(e.start < j.end and j.start < e.end for j in joined)]
    doc.ents = sorted(kept + [Span(doc, e.start, e.end, label=e.label_) for e in joined], key=lambda e: e.start)


def _subject_arcs(doc: Doc) -> int:
    """How many words are the subject of a word: a reading that has fewer than another lost a clause's speaker
    (*il estime que…* read as an impersonal *il*)."""
    return sum(t.dep_ in ("nsubj", "nsubj:pass", "csubj") and t.head.i != t.i for t in doc)


def _part_of_word(span: Span) -> bool:
    """Does ``span`` stop inside a hyphenated word, the rest of it joined to its first or last token (*Jean-Luc Le
    Bihan* of *Jean-Luc Le Bihan-Morel*)?"""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    joined_before = before is not None and not before.whitespace_
    joined_after = after is not None and not span[-1].whitespace_
    return (joined_before and (before.text.endswith("-") or span[0].text.startswith("-"))
            or joined_after and (after.text.startswith("-") or span[-1].text.endswith("-")))


def _adopt(doc: Doc, other: Doc, sentences_of: Sequence[tuple[int, int]] = ()) -> None:
    """Give ``doc`` the tags, arcs, sentence bounds, entities and tensor of ``other``, a reading of its words: only
    those of the sentences holding the token ranges ``sentences_of`` when ``other`` bounds each of them as ``doc``
    does, else (or without ranges) all of them."""
    wanted = {(doc[start].sent.start, doc[start].sent.end) for start, _ in sentences_of}
    if wanted and wanted <= {(s.start, s.end) for s in other.sents}:
        _adopt_ranges(doc, other, sorted(wanted))
        return
    attrs = list(PARSE_ATTRS)
    doc.from_array(attrs, other.to_array(attrs))
    if _tensor_fits(doc, other):
        doc.tensor = other.tensor


def _tensor_fits(doc: Doc, other: Doc) -> bool:
    """Has ``other``, a reading of ``doc``'s words, a tensor row for each of them?"""
    return other.tensor is not None and getattr(other.tensor, "shape", (0,))[0] == len(doc)


def _adopt_ranges(doc: Doc, other: Doc, ranges: Sequence[tuple[int, int]], entities: bool = True) -> None:
    """Give ``doc`` the tags, arcs, entities (unless ``entities`` is False) and tensor rows of ``other`` over the
    token ``ranges``, each a run of whole sentences in both readings (arcs stay inside a sentence, so the copied
    heads land inside the range)."""
    attrs = list(PARSE_ATTRS if entities else [a for a in PARSE_ATTRS if a not in (ENT_IOB, ENT_TYPE)])
    mine, theirs = doc.to_array(attrs), other.to_array(attrs)
    iob = attrs.index(ENT_IOB) if entities else -1
    tensor = doc.tensor.copy() if _tensor_fits(doc, other) and doc.tensor is not None and len(doc.tensor) == len(doc) \
        else None
    for start, end in ranges:
        mine[start:end] = theirs[start:end]
        if tensor is not None:
            tensor[start:end] = other.tensor[start:end]
        for edge in (start, end) if entities else ():  # an entity across a sentence bound is cut there
            if 0 < edge < len(doc) and mine[edge, iob] == 1 and mine[edge - 1, iob] == 2:
                mine[edge, iob] = 3  # I after O is no entity
    doc.from_array(attrs, mine)
    if tensor is not None:
        doc.tensor = tensor


def _graft(doc: Doc, reading: Doc, kept: list[int], locutions: list[tuple[int, int]]) -> Doc:
    """``reading`` (of ``doc``'s words at ``kept``, the locutions' words left out) spread back over every word
    of ``doc``: the kept words with the reading's tags, arcs and entities; each locution's first word an
    ``advmod`` of the word it qualifies (``_qualified``), its other words ``fixed`` on the first, all adverbs
    outside any entity, with ``doc``'s own tensor rows. An insertion set off by commas (``broken_insertions``)
    keeps ``doc``'s reading of its words among themselves; those that hung outside it hang on the word it
    qualifies, by their own relation unless it was a clause's (``HOLDS_NOTHING``: then ``obl:mod``)."""
    n = len(doc)
    heads, deps = list(range(n)), ["ROOT"] * n
    tags, pos, morphs = ["ADV"] * n, ["ADV"] * n, [""] * n
    lemmas, ents = [t.lower_ for t in doc], ["O"] * n
    for new, old in enumerate(kept):
        tok = reading[new]
        heads[old], deps[old] = kept[tok.head.i], tok.dep_
        tags[old], pos[old], morphs[old], lemmas[old] = tok.tag_, tok.pos_, str(tok.morph), tok.lemma_
        if tok.ent_iob_ in ("B", "I"):
            ents[old] = f"{tok.ent_iob_}-{tok.ent_type_}"
    for start, end in locutions:
        if doc[start].text == ",":  # an insertion: its own words' reading stays
            qualified = _qualified(reading, kept, start)
            for tok in doc[start:end]:
                tags[tok.i], pos[tok.i], morphs[tok.i], lemmas[tok.i] = tok.tag_, tok.pos_, str(tok.morph), tok.lemma_
                if start <= tok.head.i < end and tok.head.i != tok.i:
                    heads[tok.i], deps[tok.i] = tok.head.i, tok.dep_
                else:
                    heads[tok.i] = qualified
                    deps[tok.i] = "punct" if tok.is_punct else \
                        tok.dep_ if tok.dep_ not in HOLDS_NOTHING and tok.dep_ != "ROOT" else "obl:mod"
                if tok.ent_iob_ in ("B", "I"):
                    ents[tok.i] = f"{tok.ent_iob_}-{tok.ent_type_}"
            continue
        heads[start], deps[start] = _qualified(reading, kept, start), "advmod"
        for i in range(start + 1, end):
            heads[i], deps[i] = start, "fixed"
        if end < n and ents[end].startswith("I-"):
            ents[end] = "B-" + ents[end][2:]  # an entity the locution stood inside of is two
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags, pos=pos,
              morphs=morphs, lemmas=lemmas, heads=heads, deps=deps, ents=ents)
    tensor = doc.tensor
    if reading.tensor is not None and tensor is not None and len(tensor) == n and len(reading.tensor) == len(kept):
        tensor = tensor.copy()
        tensor[kept] = reading.tensor
        out.tensor = tensor
    return out


def _qualified(reading: Doc, kept: list[int], start: int) -> int:
    """The word (an index of the whole Doc) a locution left out of ``reading`` at ``start`` qualifies: the verb or
    predicate of an auxiliary or copula just before it (*a d'ores et déjà annoncé*, *est d'ores et déjà
    candidat*), else a verb just after it, else a verb just before it, else the root of the sentence after it
    (before it, at a paragraph's end)."""
    after = bisect.bisect_left(kept, start)
    before = reading[after - 1] if after > 0 else None
    following = reading[after] if after < len(reading) else None
    if before is not None and before.pos_ == "AUX" and before.dep_.startswith(("aux", "cop")):
        word = before.head
    elif following is not None and following.pos_ == "VERB":
        word = following
    elif before is not None and before.pos_ == "VERB":
        word = before
    else:
        word = following if following is not None else before
        word = word.sent.root if reading.has_annotation("DEP") else word
    return kept[word.i]


def repair_scare_quoted_heads(doc: Doc) -> list[int]:
    """*le « sage » des Républicains*, *la « patronne » du parti*: a French word in quotation marks between a
    determiner and a *de* complement heads its noun phrase, but the parser reads it as an adjective of the
    complement's noun and makes that noun the head (the party then speaks, not the person the phrase names).
    The arcs are rewired where the determiner hangs on the quoted word and its number is not the noun's, or the
    noun is a name: the quoted word takes the noun's head and relation, the noun becomes its ``nmod``; words,
    tags and offsets stay. Returns the indices of the words made heads.

    Why: the speaker rules read a phrase's head (session 52: five quotes of one develop article followed such
    a phrase, given to the party)."""
    from recoupe.analysis.text import CLOSING_MARKS, DE_FORMS, QUOTE_PAIRS, STRAIGHT

    if doc.lang_ != "fr":
        return []
    opening = set(QUOTE_PAIRS) | {STRAIGHT}
    fixed = []
    for word in doc:
        if word.dep_ != "amod" or word.pos_ not in ("ADJ", "NOUN") or not 2 <= word.i < len(doc) - 2:
            continue
        det, noun = doc[word.i - 2], word.head
        if doc[word.i - 1].text not in opening or doc[word.i + 1].text not in CLOSING_MARKS or det.pos_ != "DET" \
                or det.head.i != word.i or noun.i <= word.i + 1 or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if not any(c.dep_ == "case" and c.lower_ in DE_FORMS and word.i < c.i < noun.i for c in noun.children) \
                or any(doc[k].is_sent_start for k in range(word.i + 1, noun.i + 1)):
            continue
        number = det.morph.get("Number")
        if noun.pos_ != "PROPN" and (not number or number == noun.morph.get("Number")):
            continue  # nothing says the determiner is the quoted word's rather than the noun's
        head, dep = noun.head, noun.dep_
        word.head = word if head.i == noun.i else head
        word.dep_ = dep
        noun.head, noun.dep_ = word, "nmod"
        word.pos_ = "NOUN"
        fixed.append(word.i)
    return fixed


def _char_ranges(doc: Doc, indices: list[int]) -> list[tuple[int, int]]:
    """The (start, end) character offsets of the tokens at ``indices``."""
    return [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in indices]


def reread_producer(doc: Doc, span: tuple[int, int] | None, producer: str) -> str:
    """``producer``, joined by ``+rule:parse.stand_in`` when ``span`` (a finding's cue) holds a word the
    parse read again with a stand-in verb: the finding rests on that second reading, and its provenance
    says so (*rule:quotes.indirect_clause+rule:parse.stand_in*)."""
    return _repaired_producer(doc, REREAD, REREAD_PRODUCER, span, producer)


def rewired_producer(doc: Doc, span: tuple[int, int] | None, producer: str) -> str:
    """``producer``, joined by ``+rule:parse.scare_quoted_head`` when ``span`` (a quote's speaker phrase) holds a
    word the parse repair made the head of its phrase: the speaker rests on those arcs."""
    return _repaired_producer(doc, REWIRED, REWIRED_PRODUCER, span, producer)


def _repaired_producer(doc: Doc, key: str, repair: str, span: tuple[int, int] | None, producer: str) -> str:
    repaired = doc._.get(key) or ()
    if span is not None and any(s < span[1] and span[0] < e for s, e in repaired):
        return f"{producer}+{repair}"
    return producer


def _read_with(doc: Doc, stand_ins: list[tuple[int, str, str]], models,
               locutions: Sequence[tuple[int, int]] = ()) -> Doc:
    """A new Doc of ``doc``'s words and norms with the stand-in forms in place, read by ``models``; the words of
    ``locutions`` (token ranges) left out of the reading and grafted back on it (``_graft``)."""
    left_out = {i for start, end in locutions for i in range(start, end)}
    kept = [t.i for t in doc if t.i not in left_out]
    words, spaces = [t.text for t in doc], [bool(t.whitespace_) for t in doc]
    norms = doc.to_array([NORM])
    for i, _, form in stand_ins:
        words[i] = form
        norms[i] = doc.vocab.strings.add(form)
    reading = Doc(doc.vocab, words=[words[i] for i in kept], spaces=[spaces[i] for i in kept])
    reading = models([reading.from_array([NORM], norms[kept].reshape(-1, 1))])[0]
    return _graft(doc, reading, kept, locutions) if left_out else reading


@Language.factory(
    PARAGRAPH_PARSE,
    default_config={"pipes": [], "max_piece_chars": MAX_PIECE_CHARS},
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head",
             "token.is_sent_start", "doc.sents", "doc.ents", "doc.tensor", f"doc._.{REREAD}", f"doc._.{REWIRED}"],
)
def make_paragraph_parse(nlp: Language, name: str, pipes: list[str], max_piece_chars: int) -> ParagraphParse:
    """The model components ``pipes`` (left disabled in the pipeline) run paragraph by paragraph."""
    return ParagraphParse(nlp, pipes, max_piece_chars)
