"""Text helpers shared by the quote, hedge and irony finders: folding, quotation marks, sentence bounds.

One module so that the finders agree on what a quotation and a sentence are (they used to carry two
sentence-bounds helpers and import each other for them).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.model import Span

QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“"}
STRAIGHT = '"'
CLOSING_MARKS = set(QUOTE_PAIRS.values()) | {STRAIGHT}
SENT_END = {".", "!", "?", "…"}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive key, apostrophes unified."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).casefold()
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """(content_start, content_end) of every quotation, paired per paragraph; computed once per Doc."""
    cached = doc.user_data.get("recoupe_quoted_spans")
    if cached is None:
        cached = doc.user_data["recoupe_quoted_spans"] = _quoted_spans(doc_text(doc))
    return cached


def quoted_set(doc: Doc) -> SpanSet:
    """The quotations of ``quoted_spans`` as a ``SpanSet`` (is this character quoted?), built once per Doc."""
    cached = doc.user_data.get("recoupe_quoted_set")
    if cached is None:
        cached = doc.user_data["recoupe_quoted_set"] = SpanSet(quoted_spans(doc))
    return cached


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    paras = list(re.finditer(r"[^\n]+", text))
    open_at_end: list[tuple[str, int] | None] = []  # per paragraph: the quotation left open at its end
    orphan_close: list[tuple[str, int] | None] = []  # per paragraph: a closing mark before any opening one
    stray_open: list[tuple[re.Match, int]] = []  # straight marks opening mid-line, left open at their line's end
    for para in paras:
        p_start, chunk = para.start(), para.group()
        stack: list[tuple[str, int]] = []
        straight_open: int | None = None
        orphan = None
        stray: int | None = None  # the first closing mark of another kind while a quotation is open
        seen_open = False
        for i, ch in enumerate(chunk):
            if ch in QUOTE_PAIRS and not (ch == "“" and stack and stack[-1][0] == "„"):
                stack.append((ch, i))
                seen_open = True
            elif stack and ch == QUOTE_PAIRS[stack[-1][0]]:
                opener, at = stack.pop()
                if not stack:
                    spans.append((p_start + at + 1, p_start + i))
            elif stack and ch in CLOSING_MARKS and ch != STRAIGHT:
                stray = i if stray is None else stray
            elif ch == STRAIGHT:
                seen_open = True
                if straight_open is None:
                    straight_open = i
                else:
                    spans.append((p_start + straight_open + 1, p_start + i))
                    straight_open = None
            elif not seen_open and orphan is None and ch in CLOSING_MARKS:
                orphan = (ch, p_start + i)
        # one quotation left open, closed by a mark of another kind (*« …", a déclaré X*, *« …”*: a typing
        # slip or a page mixing French and English marks): that mark closes it
        close = straight_open if straight_open is not None else stray
        nested = spans and spans[-1][0] > p_start + (stack[0][1] if stack else len(chunk))  # a pair inside it
        if len(stack) == 1 and close is not None and close > stack[0][1] and not nested:
            spans.append((p_start + stack[0][1] + 1, p_start + close))
            stack = []
            straight_open = None if close == straight_open else straight_open
        if len(stack) == 1 and straight_open is None:
            open_at_end.append((stack[0][0], p_start + stack[0][1]))
        elif not stack and straight_open is not None and _straight_opens_paragraph(chunk, straight_open):
            open_at_end.append((STRAIGHT, p_start + straight_open))  # *"Je ne crois pas.* left open: it may run on
        else:
            open_at_end.append(None)
            if not stack and straight_open is not None and _straight_opens(chunk, straight_open):
                stray_open.append((para, p_start + straight_open))  # *affirmait "ne pas être républicaine.*
        if orphan is None and not stack and straight_open is not None and _straight_closes(chunk, straight_open) \
                and QUOTE_MARKS.isdisjoint(chunk[:straight_open]):
            orphan = (STRAIGHT, p_start + straight_open)  # *…d'un attentat".*: the straight mark that closes one
        orphan_close.append(orphan)
    continued, unclosed = _continued_quotations(text, paras, open_at_end, orphan_close)
    # a straight mark opening mid-line ends with its line at most: no later paragraph is read as its
    unclosed += [u for para, at in stray_open for u in _closed_by_paragraph_end(text, para, at)]
    paired = SpanSet(spans)
    continued = [c for c in continued if not paired.overlaps(*c)]
    found = SpanSet(spans + continued)
    spans += continued + [u for u in unclosed if not found.overlaps(*u)]  # no quotation inside another
    return sorted(strip_whitespace(text, *s) for s in spans if s[1] > s[0] and text[s[0]:s[1]].strip())


QUOTE_MARKS = frozenset(QUOTE_PAIRS) | CLOSING_MARKS  # every opening and closing mark


def _straight_opens_paragraph(chunk: str, i: int) -> bool:
    """Does the straight mark at ``i`` open a quotation that may run over the next paragraphs: the first mark of its
    line, opening the line or after a colon, with a word right after it (*"Est-ce que…*, *Il a dit : "Nous…*)? A
    straight mark is both an opener and a closer; one met mid-sentence is more often a scare quote left unclosed."""
    before = chunk[:i]
    return QUOTE_MARKS.isdisjoint(before) and (not before.strip() or before.rstrip().endswith(":")) \
        and _straight_opens(chunk, i)


def _straight_opens(chunk: str, i: int) -> bool:
    """Does the straight mark at ``i`` stand as an opener: after a space, a colon or an opening bracket (or at the
    line's start), with a word right after it?"""
    before = chunk[i - 1] if i else " "
    return (before.isspace() or before in ":([") and i + 1 < len(chunk) and not chunk[i + 1].isspace()


def _straight_closes(chunk: str, i: int) -> bool:
    """Does the straight mark at ``i`` close a quotation, by where it stands: right after a word or a stop, before a
    space, a punctuation mark or the line's end (*…d'un attentat".*)? A mark with spaces on both sides says neither."""
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    return i > 0 and not chunk[i - 1].isspace() and (after.isspace() or after in ".,;:!?)")


# A quotation may run over this many paragraphs after the one that opens it (set a priori, not tuned:
# those read in the English attribution set span two paragraphs).
CONTINUED_PARAGRAPHS = 3


# The longest quotation read as closed by its paragraph's end when its closing mark is lost (set a
# priori: two or three sentences of quoted speech, not tuned).
UNCLOSED_MAX_WORDS = 60


def _continued_quotations(text: str, paras: list[re.Match], open_at_end: list, orphan_close: list
                          ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A quotation left open at the end of its paragraph and closed by a mark that closes nothing in a
    later paragraph runs over the paragraphs between (the typographic convention for a quotation of
    several paragraphs: a closing mark only after the last one, Chicago Manual of Style 13.30; the
    opening marks repeated at the head of each paragraph are often lost when a page is scraped). One
    span per paragraph, so that each stays a quotation of its own line. A paragraph that opens with a
    quotation mark continues it as well. Returns those spans, and apart the quotations no later mark
    closes that end with their paragraph (``_closed_by_paragraph_end``)."""
    out, unclosed = [], []
    for n, opened in enumerate(open_at_end):
        if opened is None:
            continue
        mark, at = opened
        parts = [(at + 1, paras[n].end())]
        continued = False
        for m in range(n + 1, min(n + 1 + CONTINUED_PARAGRAPHS, len(paras))):
            close = orphan_close[m]
            if close is not None and close[0] == QUOTE_PAIRS.get(mark, mark):
                out += parts + [(paras[m].start(), close[1])]
                continued = True
                break
            if text[paras[m].start()] in QUOTE_PAIRS or not QUOTE_MARKS.isdisjoint(paras[m].group()):
                if text[paras[m].start()] == mark and mark != STRAIGHT:  # the next paragraph reopens it: this part
                    out += parts  # ends here (a straight mark opening a paragraph opens a quotation of its own)
                    continued = True
                break
            parts.append((paras[m].start(), paras[m].end()))
        if not continued:  # no later mark closes or reopens it
            unclosed += _closed_by_paragraph_end(text, paras[n], at)
    return out, unclosed


def _closed_by_paragraph_end(text: str, para: re.Match, at: int) -> list[tuple[int, int]]:
    """A quotation whose closing mark is lost (a typing slip or a scraped page) ends with its
    paragraph, when it holds a sentence there (*…,” Hartley said. “The auditors found my accounts in
    order.* / new paragraph with no mark; an invented example): the words from the opening mark to the
    paragraph's end, not the paragraphs after (nothing says it runs on)."""
    words = text[at + 1:para.end()].strip()
    # (a mismatched close, *« …", a déclaré X*, was paired in ``_quoted_spans``: the marks left in the
    # words are nested quotations); a long run to the paragraph's end says a mark was lost mid-way (an
    # article whose paragraphs were run together): not read
    if not 4 <= len(words.split()) <= UNCLOSED_MAX_WORDS or words[-1:] not in SENT_END:
        return []
    return [(at + 1, para.end())]


def strip_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def mark_after(text: str, end: int) -> int:
    """Index of the closing quotation mark at or after a (whitespace-stripped) content end."""
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return i if i < len(text) and text[i] in CLOSING_MARKS else end


def mark_before(text: str, start: int) -> int:
    """Index of the opening quotation mark before a (whitespace-stripped) content start."""
    i = start - 1
    while i > 0 and text[i].isspace():
        i -= 1
    return i


# Characters on which Python's case-insensitive matching and str.lower() agree (a character matches
# a lower-case letter of a pattern exactly when it lower-cases to it): ASCII, and the Latin-1
# letters, ligatures, quotes and spaces of French news (tests/test_claims.py checks them against
# the re module). Elsewhere they differ: 'ſ' matches 's', the Kelvin sign 'k', 'İ' 'i'.
_NOT_CASELESS_PLAIN = re.compile(r"[^\x00-\x7fÀ-ÖØ-öø-ÿŒœ’‘“”«»…–—\u00a0\u202f]")


def caseless_plain(text: str) -> bool:
    """Whether a case-insensitive expression can be ruled out in ``text`` from its lower-cased
    words (every character of it is one on which re.IGNORECASE and str.lower() agree)."""
    return _NOT_CASELESS_PLAIN.search(text) is None


_ATTRS = {"lower": LOWER, "orth": ORTH, "lemma": LEMMA, "dep": DEP, "pos": POS}


@lru_cache(maxsize=256)
def _string_ids(values: frozenset[str]) -> np.ndarray:
    """The spaCy string ids of ``values``, sorted (never empty, so a lookup can index it)."""
    return np.unique(np.fromiter((get_string_id(v) for v in values), dtype=np.uint64, count=len(values))
                     ) if values else np.zeros(1, dtype=np.uint64)


def tokens_with(doc: Doc, attr: str, values: frozenset[str]) -> list[Token]:
    """The tokens whose ``attr`` ("lower", "orth", "lemma", "dep" or "pos") is one of ``values``, in text order: the same
    tokens as ``[t for t in doc if getattr(t, attr + "_") in values]`` without making a Token of
    every word. The attribute's string ids are read once per Doc and compared as numbers; each hit
    is confirmed on its string."""
    key = f"recoupe_{attr}_ids"
    ids = doc.user_data.get(key)
    if ids is None:
        ids = doc.user_data[key] = doc.to_array(_ATTRS[attr])
    name = attr + "_"
    wanted = _string_ids(values)
    found = wanted[np.minimum(np.searchsorted(wanted, ids), len(wanted) - 1)] == ids
    hits = (doc[i] for i in np.flatnonzero(found).tolist())
    return [tok for tok in hits if getattr(tok, name) in values]


def in_text_order(*groups) -> list[Token]:
    """The tokens of several lists (``tokens_with`` of different attributes, say), each once, in
    text order."""
    found = {tok.i: tok for group in groups for tok in group}
    return [found[i] for i in sorted(found)]


def token_strings(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lower-case form and lemma (``[t.lower_ for t in doc]``, ``[t.lemma_ for t in
    doc]``), read once per Doc from the string ids."""
    found = doc.user_data.get("recoupe_token_strings")
    if found is None:
        strings = doc.vocab.strings
        ids = doc.to_array([LOWER, LEMMA])
        found = doc.user_data["recoupe_token_strings"] = (
            [strings[h] for h in ids[:, 0].tolist()], [strings[h] for h in ids[:, 1].tolist()])
    return found


def sentence_bounds(tok: Token) -> tuple[int, int]:
    """The parser's sentence cut at line breaks (bullets and headlines often lack a full stop). A cut the
    parser put before a comma or a semicolon is none: no sentence opens with a comma, so the two parts are one,
    after a fronted phrase (*D'après l'hebdomadaire | , le ministre a…*) as after a clause (*Le musée fermera |
    , a indiqué X*: since session 53; the reported clause of *X a soutenu que… | , avance Le Monde* stops at the
    incise, ``indirect.closing_incise_start``)."""
    doc = tok.doc
    text = doc_text(doc)
    sent = tok.sent
    first, last = sent.start, sent.end
    while first > 0 and doc[first].text in _NO_OPENING:
        first = doc[first - 1].sent.start
    while last < len(doc) and doc[last].text in _NO_OPENING:
        last = doc[last].sent.end
    start = max(doc[first].idx, text.rfind("\n", 0, tok.idx) + 1)
    nl = text.find("\n", tok.idx)
    end = min(doc[last - 1].idx + len(doc[last - 1].text), nl if nl != -1 else len(text))
    return start, end


_NO_OPENING = frozenset({",", ";"})  # punctuation no sentence opens with


def nonblank_lines(doc: Doc) -> list[re.Match]:
    """The article's non-blank lines (title and paragraphs), found once per Doc."""
    lines = doc.user_data.get("recoupe_lines")
    if lines is None:
        lines = doc.user_data["recoupe_lines"] = [m for m in re.finditer(r"[^\n]+", doc_text(doc)) if m.group().strip()]
    return lines


def line_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """(start, end) of the line (paragraph) that holds ``text[start:end]``: from the line break
    before ``start`` to the one after ``end`` (or the text's end)."""
    line_end = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def char_span(doc: Doc, start: int, end: int) -> Span:
    return Span(text=doc_text(doc)[start:end], start=start, end=end)


def strip_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and edge punctuation (keeps inner punctuation)."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


# Marks that open a quotation: one ending a content is the next sentence's, which the sentence splitter may
# leave behind (*… trop loin. « Le texte…*)
_OPENING_MARKS = "«“‹„"


def trim_final_punct(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Trim the sentence's final punctuation, and an opening quotation mark left dangling at the end (a
    straight ``"`` when it follows a space and leaves the content's straight quotes unbalanced)."""
    text = doc_text(doc)
    while end > start:
        last = text[end - 1]
        if last in ".;,!?—– \n\xa0\u202f" or last in _OPENING_MARKS or (
                last == '"' and end - 2 >= start and text[end - 2].isspace() and text[start:end].count('"') % 2):
            end -= 1
        else:
            break
    return start, end


def strip_bullets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    text = doc_text(doc)
    while start < end and text[start] in "•-–*· \n\t":
        start += 1
    return start, end


# French *à* and its contractions with the article (*au* = *à le*, *aux* = *à les*)
A_FORMS = frozenset({"à", "au", "aux"})
DE_FORMS = frozenset({"de", "d'", "d’", "du", "des"})  # *de* and its elided and contracted forms


def introduced_by(tok: Token, forms: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    """Is the word introduced by one of ``forms``, a preposition the parser makes its ``case`` child (*aux
    syndicats*, *au gouvernement*)?"""
    return any(c.dep_ == "case" and c.lower_ in forms for c in tok.children)


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


class SpanSet:
    """Character ranges answering "is this offset inside one of them?" in O(log n).

    Why: the finders ask it for every token of the article; a scan over all quotes made that
    quadratic (issue 10 measured quotes at 70x the cost for 10x the text).
    """

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # furthest end among spans starting at or before index i
        furthest = -1
        for _, end in self.spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def __contains__(self, char: int) -> bool:
        i = bisect_right(self.starts, char) - 1
        return i >= 0 and self.reach[i] > char

    def overlaps(self, start: int, end: int) -> bool:
        """Some span overlaps [start, end)."""
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def __iter__(self):
        return iter(self.spans)
