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


def _scanner_class():
    from py3langid.langid import LanguageIdentifier

    class _Identifier(LanguageIdentifier):
        """py3langid's identifier with the automaton walk done at every byte at once, and its
        float16 weights widened through a table of all 65,536 float16 values (numpy's own cast of
        each) instead of numpy's per-element float16 conversion: the same float32 operands for the
        same product, so the same scores."""

        __slots__ = ("_arrays",)

        def _raw_score(self, text):
            nextmove, rowbase, output, weights16, widen = self._tables()
            feats, counts = _feature_counts(nextmove, rowbase, output, text)
            if not len(feats):
                return super()._raw_score(b"")  # no feature: py3langid's own fill
            rows = np.take(widen, weights16[feats]) if widen is not None else self.nb_ptc[feats]
            return np.log1p(counts.astype(np.float32)) @ rows + self.nb_pc

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


def _feature_counts(nextmove: np.ndarray, rowbase: np.ndarray, output: np.ndarray, data: bytes
                    ) -> tuple[np.ndarray, np.ndarray]:
    """The feature indices py3langid's walk over ``data`` visits, in order of first visit, and how
    many times each: the state at byte i is the walk from the start state over bytes
    max(0, i - SCANNER_DEPTH + 1) .. i (Aho-Corasick: the longest suffix that is a state)."""
    b = np.frombuffer(data, dtype=np.uint8)
    n = len(b)
    state = np.zeros(n, dtype=np.int64)
    for lag in range(min(SCANNER_DEPTH, n) - 1, -1, -1):  # byte i - lag, for every i >= lag
        state[lag:] = nextmove[rowbase[state[lag:]] + b[: n - lag]]
    feats = output[state]
    feats = feats[feats >= 0]
    if not len(feats):
        return feats, feats
    unique, first, counts = np.unique(feats, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return unique[order], counts[order]


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE

    return _scanner_class().from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """Language code and probability, or ('und', p) below the confidence floor."""
    if len(text.strip()) < 3:
        return UNDETERMINED, 0.0
    lang, prob = _identifier().classify(text[:20000])
    prob = float(prob)
    return (lang, prob) if prob >= MIN_CONFIDENCE else (UNDETERMINED, prob)


def identify_document(text: str, paragraphs: list[tuple[int, int]]) -> tuple[str, float, list[ParagraphLanguage]]:
    """Document language plus per-paragraph languages (short paragraphs inherit the document's)."""
    long_text = "\n".join(text[s:e] for s, e in paragraphs if e - s >= MIN_PARAGRAPH_CHARS) or text
    doc_lang, doc_prob = identify(long_text)
    per_paragraph = []
    for start, end in paragraphs:
        if end - start >= MIN_PARAGRAPH_CHARS:  # a paragraph's first 400 characters tell its language
            lang, prob = identify(text[start : min(end, start + 400)])
        else:
            lang, prob = doc_lang, doc_prob
        per_paragraph.append(ParagraphLanguage(start=start, end=end, language=lang, confidence=round(prob, 3)))
    return doc_lang, round(doc_prob, 3), per_paragraph
