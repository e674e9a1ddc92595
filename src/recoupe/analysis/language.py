"""Language of a document and of each paragraph (py3langid, whose model ships in its package).

Name-heavy short lines fool character n-gram models, so paragraphs shorter than a few words
inherit the document's language, and the document is decided on its longer paragraphs.
"""

from __future__ import annotations

from functools import lru_cache

from recoupe.settings import setting
from recoupe.model import ParagraphLanguage

UNDETERMINED = "und"
MIN_CONFIDENCE = setting("language", "min_confidence")
MIN_PARAGRAPH_CHARS = setting("language", "min_paragraph_chars")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
