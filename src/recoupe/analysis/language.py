"""Language of a document and of each paragraph (py3langid, whose model ships in its package).

Name-heavy short lines fool character n-gram models, so paragraphs shorter than a few words
inherit the document's language, and the document is decided on its longer paragraphs.

py3langid counts its byte n-gram features with a walk of its automaton in a Python loop, one
step per byte. The automaton is an Aho-Corasick one (every transition goes to the state whose
string is the longest suffix, among the states' strings, of the source state's string plus the
byte), so the state reached after any text depends only on the text's last ``SCANNER_DEPTH``
bytes: ``_feature_counts`` computes the state at every byte at once, ``SCANNER_DEPTH`` numpy steps
instead of one Python step per byte, and gives the features and counts the walk gives, in the
walk's order (``tests/test_language.py`` checks the property on the shipped model and the labels
and probabilities against py3langid's own ``classify`` on real articles).
"""

from __future__ import annotations

import threading
from functools import lru_cache

import numpy as np

from recoupe.settings import setting
from recoupe.model import ParagraphLanguage

UNDETERMINED = "und"
MIN_CONFIDENCE = setting("language", "min_confidence")
MIN_PARAGRAPH_CHARS = setting("language", "min_paragraph_chars")
# The longest string a state of py3langid 0.4.0's automaton stands for (breadth-first depth from
# the start state); tests/test_language.py recomputes it from the model.
SCANNER_DEPTH = 6


_WIDEN_LOCK = threading.Lock()


def _scanner_class():
    from py3langid.langid import LanguageIdentifier

    class _Identifier(LanguageIdentifier):
        """py3langid's identifier with the automaton walk done at every byte at once (of several
        texts together, ``classify_many``), and its float16 weights widened through a table of all
        65,536 float16 values (numpy's own cast of each) instead of numpy's per-element float16
        conversion: the same float32 operands for the same product, so the same scores.
        py3langid's own ``classify`` turns the scores into a label and a probability."""

        __slots__ = ("_arrays", "_scored", "_wide", "_widened")

        def _raw_score(self, text):
            scored = getattr(self, "_scored", None)
            found = scored.pop(text, None) if scored else None  # each used once: _decide scales it in place
            return found if found is not None else self._raw_scores([text])[0]

        def classify_many(self, texts: list) -> list[tuple[str, float]]:
            """``classify`` of each text, the features of all of them counted in one walk."""
            encoded = [self._encode(t) for t in texts]
            self._scored = dict(zip(encoded, self._raw_scores(encoded)))
            try:
                return [self.classify(t) for t in texts]
            finally:
                self._scored = None

        def _raw_scores(self, texts: list[bytes]) -> list[np.ndarray]:
            nextmove, rowbase, output, weights16, widen = self._tables()
            counted = _feature_counts(nextmove, rowbase, output, texts)
            every = np.concatenate([feats for feats, _ in counted])
            union, where = np.unique(every, return_inverse=True)
            rows = self._widened_rows(union, weights16, widen) if widen is not None else self.nb_ptc[union]
            out, at = [], 0
            for feats, counts in counted:
                if not len(feats):
                    out.append(super()._raw_score(b""))  # no feature: py3langid's own fill
                    continue
                out.append(np.log1p(counts.astype(np.float32)) @ rows[where[at : at + len(feats)]] + self.nb_pc)
                at += len(feats)
            return out

        def _widened_rows(self, features: np.ndarray, weights16: np.ndarray, widen: np.ndarray) -> np.ndarray:
            """The float32 weight rows of ``features``, each widened once per process and kept:
            widening was a third of the identification's cost per article. The table is mapped
            lazily (np.zeros), so memory grows with the features texts touch (57 MB at most)."""
            with _WIDEN_LOCK:  # a server's threads share the identifier: table and flags change together
                if not hasattr(self, "_wide"):
                    self._wide = np.zeros(weights16.shape, dtype=np.float32)
                    self._widened = np.zeros(len(weights16), dtype=bool)
                new = features[~self._widened[features]]
                if len(new):
                    self._wide[new] = np.take(widen, weights16[new])
                    self._widened[new] = True
                return self._wide[features]

        def _tables(self):
            try:
                return self._arrays
            except AttributeError:
                half = self.nb_ptc.dtype == np.float16
                self._arrays = (np.frombuffer(self.tk_nextmove, dtype=np.dtype(self.tk_nextmove.typecode)),
                                np.asarray(self._rowbase, dtype=np.int64),
                                np.asarray(self.tk_output, dtype=np.int64),
                                self.nb_ptc.view(np.uint16) if half else None,
                                np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16)
                                .astype(np.float32) if half else None)
                return self._arrays

    return _Identifier


def _feature_counts(nextmove: np.ndarray, rowbase: np.ndarray, output: np.ndarray, texts: list[bytes]
                    ) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each text (bytes), the feature indices py3langid's walk over it visits, in order of
    first visit, and how many times each. The state at byte i of a text is the walk from the start
    state over its bytes max(0, i - SCANNER_DEPTH + 1) .. i (Aho-Corasick: the longest suffix that
    is a state), computed for every byte of every text at once."""
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    b = np.frombuffer(b"".join(texts), dtype=np.uint8)
    text_of = np.repeat(np.arange(len(texts)), lengths)
    offset = np.arange(len(b)) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # position in its text
    state = np.zeros(len(b), dtype=np.int64)
    for lag in range(SCANNER_DEPTH - 1, -1, -1):  # byte i - lag, for every i at least lag into its text
        at = np.flatnonzero(offset >= lag) if lag else slice(None)
        state[at] = nextmove[rowbase[state[at]] + (b[at - lag] if lag else b)]
    feats = output[state]
    valid = feats >= 0
    size = len(output)
    keys = text_of[valid] * size + feats[valid]
    unique, first, counts = np.unique(keys, return_index=True, return_counts=True)
    order = np.lexsort((first, unique // size))  # by text, then by first visit
    unique, counts = unique[order], counts[order]
    bounds = np.searchsorted(unique // size, np.arange(len(texts) + 1))
    return [(unique[a:z] % size, counts[a:z]) for a, z in zip(bounds[:-1], bounds[1:])]


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE

    return _scanner_class().from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """Language code and probability, or ('und', p) below the confidence floor."""
    return identify_many([text])[0]


def identify_many(texts: list[str]) -> list[tuple[str, float]]:
    """:func:`identify` of each text, their features counted together."""
    found: list[tuple[str, float]] = [(UNDETERMINED, 0.0)] * len(texts)
    asked = [i for i, text in enumerate(texts) if len(text.strip()) >= 3]
    if asked:
        for i, (lang, prob) in zip(asked, _identifier().classify_many([texts[i][:20000] for i in asked])):
            prob = float(prob)
            found[i] = (lang, prob) if prob >= MIN_CONFIDENCE else (UNDETERMINED, prob)
    return found


def identify_document(text: str, paragraphs: list[tuple[int, int]]) -> tuple[str, float, list[ParagraphLanguage]]:
    """Document language plus per-paragraph languages (short paragraphs inherit the document's)."""
    long_text = "\n".join(text[s:e] for s, e in paragraphs if e - s >= MIN_PARAGRAPH_CHARS) or text
    long = [(s, e) for s, e in paragraphs if e - s >= MIN_PARAGRAPH_CHARS]
    # a paragraph's first 400 characters tell its language
    (doc_lang, doc_prob), *found = identify_many([long_text] + [text[s : min(e, s + 400)] for s, e in long])
    by_start = dict(zip(long, found))
    per_paragraph = []
    for start, end in paragraphs:
        lang, prob = by_start.get((start, end), (doc_lang, doc_prob))
        per_paragraph.append(ParagraphLanguage(start=start, end=end, language=lang, confidence=round(prob, 3)))
    return doc_lang, round(doc_prob, 3), per_paragraph
