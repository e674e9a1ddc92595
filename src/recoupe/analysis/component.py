"""One way to turn a finder into a spaCy component: a registered factory setting ``Doc._.<attr>``.

Every analysis module calls :func:`doc_component` once at import, so users can add recoupe's
components to their own pipelines (``nlp.add_pipe("recoupe_quotes")``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


def doc_component(factory: str, attr: str, find: Callable[[Doc], object], description: str,
                  requires: tuple[str, ...] = ("token.pos", "token.dep", "doc.sents"),
                  also_assigns: tuple[str, ...] = ()) -> None:
    """Register ``factory`` (idempotent): a component that sets ``doc._.<attr> = find(doc)``.

    ``requires`` names what it reads (spaCy's attribute strings: ``token.dep``, ``doc.ents``,
    ``doc._.entities``); it assigns ``doc._.<attr>`` and nothing else, so ``nlp.analyze_pipes()``
    can tell when a component is placed before what it needs. ``also_assigns`` names further
    ``Doc._`` extensions ``find`` fills on the way for later components (declared here, set by
    ``find`` itself)."""
    if not Doc.has_extension(attr):
        Doc.set_extension(attr, default=None)
    if Language.has_factory(factory):
        return

    def make(nlp: Language, name: str):
        def component(doc: Doc) -> Doc:
            setattr(doc._, attr, find(doc))
            return doc

        return component

    make.__doc__ = description
    Language.factory(factory, func=make, requires=list(requires), assigns=[f"doc._.{attr}", *(f"doc._.{x}" for x in also_assigns)])


# What the text alone does not say: the article's title and its paragraph ranges (character
# offsets into the Doc's text). The pipeline sets them from the extraction; a user's own pipeline
# may set them before calling nlp(). Components that read them fall back to the text's own lines.
CONTEXT = ("recoupe_title", "recoupe_paragraphs")
for _attr in CONTEXT:
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)


def doc_context(doc: Doc) -> tuple[str | None, list[tuple[int, int]] | None]:
    """(title, paragraph ranges) set on the Doc, or (None, None)."""
    return doc._.recoupe_title, doc._.recoupe_paragraphs


_TEXT = "recoupe_text"  # doc.user_data key of the Doc's text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, which made the
    finders quadratic in article length."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """Record ``text``, which the caller knows to be ``doc.text`` (or the text its tokenizer read as ``doc.text``,
    one character for one: ``nlp.SpaceReadingTokenizer``), as what :func:`doc_text` returns."""
    doc.user_data[_TEXT] = text
    return doc


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` with ``text`` kept as what :func:`doc_text` returns: spaCy's tokenizer
    keeps every character, so the two are equal, and joining the tokens again cost 0.3 ms an
    article (``benchmarks/throughput.py``'s French articles)."""
    return keep_text(nlp.make_doc(text), text)
