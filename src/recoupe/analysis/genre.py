"""Genre of an article: reporting, opinion or satire (model ``genre``, see its MODEL_CARD.md).

A multinomial logistic regression over language-light inputs (cross-lingual vectors of the
title, the lead and all paragraphs, punctuation/pronoun style, source-attribution cues), trained on SemEval-2023 Task 3 in six
languages so that the little French data is helped by the rest. The evidence lists the lead
paragraphs whose vectors pushed most towards the chosen genre.
"""

from __future__ import annotations

import numpy as np

from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis import linear_model, style
from recoupe.model import Finding, Genre

MODEL_NAME = "genre"
SATIRE_MODEL_NAME = "satire"
MAX_EVIDENCE = 2


def _article_inputs(body: str, title: str | None, paragraphs: list[tuple[int, int]] | None, featurise):
    """(paragraph spans, their vectors, ``featurise(title_vec, vecs, body, title)``)."""
    spans = paragraphs if paragraphs is not None else style.split_paragraphs(body)
    spans = [(s, e) for s, e in spans if body[s:e].strip()]
    texts = [body[s:e] for s, e in spans]
    vecs = style.paragraph_vectors(texts) if texts else np.zeros((0, 512), dtype=np.float32)
    if title and title.strip():
        title_text, title_vec = title.strip(), style.paragraph_vectors([title.strip()])[0]
    elif texts:  # no title given: the first line usually is one
        title_text, title_vec = texts[0], vecs[0]
    else:
        title_text, title_vec = "", np.zeros(512, dtype=np.float32)
    features = featurise(title_vec, vecs, "\n".join(texts), title_text)
    return spans, vecs, features


def classify_genre(
    body: str,
    lang: str,
    title: str | None = None,
    paragraphs: list[tuple[int, int]] | None = None,
) -> Genre:
    """Genre with probabilities and the lead paragraphs that weighed most.

    ``lang`` is accepted for symmetry with the other analysers; the model reads no
    language-specific input, which is how it transfers to languages it saw little of.
    """
    model = linear_model.load(MODEL_NAME)
    spans, vecs, features = _article_inputs(body, title, paragraphs, style.genre_features)
    probs = model.softmax(features[None])[0]
    best = int(np.argmax(probs))
    return Genre(
        label=model.labels[best],
        probabilities={label: round(float(p), 4) for label, p in zip(model.labels, probs)},
        evidence=_evidence(model, best, body, spans, vecs),
        producer=model.producer,
    )


def satire_probability(
    body: str, title: str | None = None, paragraphs: list[tuple[int, int]] | None = None
) -> tuple[float, str]:
    """(probability, producer) from the FreSaDa-trained French satire detector.

    The FreSaDa benchmark model (3,000 French articles, 0.61 cross-outlet accuracy). It is
    over-confident on outlets unlike FreSaDa's, so it is not part of :func:`classify_genre`;
    use it only as a second opinion where the genre model already leans to satire.
    """
    model = linear_model.load(SATIRE_MODEL_NAME)
    _, _, features = _article_inputs(body, title, paragraphs, style.article_features)
    return float(model.softmax(features[None])[0, model.labels.index("satire")]), model.producer


def _evidence(model, best: int, body: str, spans, vecs) -> list[Finding]:
    """Lead paragraphs ranked by how far their vector moves the score towards ``best``.

    The mean-vector block is linear, so each paragraph's share of the winning margin is its
    dot product with the (standardised) weight difference between ``best`` and the others.
    """
    lead = vecs[: style.LEAD_PARAGRAPHS]
    if not len(lead):
        return []
    dim = lead.shape[1]
    direction = (model.coef[best, :dim] - np.delete(model.coef[:, :dim], best, axis=0).mean(axis=0))
    push = lead @ (direction / model.scale_std[:dim])
    positive = np.clip(push, 0, None)
    if positive.sum() <= 0:
        return []
    order = np.argsort(-push)[:MAX_EVIDENCE]
    return [
        Finding(
            text=body[spans[i][0] : spans[i][1]],
            start=spans[i][0],
            end=spans[i][1],
            producer=model.producer,
            confidence=round(float(positive[i] / positive.sum()), 4),
        )
        for i in order
        if push[i] > 0
    ]


doc_component("recoupe_genre", "genre", lambda doc: classify_genre(doc_text(doc), doc.lang_),
              "Sets ``doc._.genre`` (a :class:`recoupe.model.Genre`) from the Doc's text.")
