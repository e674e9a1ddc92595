"""Persuasion techniques per paragraph, SemEval-2023 Task 3 taxonomy (model ``persuasion``).

One logistic regression per technique over the paragraph's cross-lingual vector, the article's
mean vector and the paragraph's style, trained on all six SemEval languages. A technique is
reported when its probability reaches the model's threshold; the finding is the paragraph, the
unit the labels were given at (SemEval's character spans were too few per technique and
language to train a span tagger that would carry to French).
"""

from __future__ import annotations

import numpy as np

from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis import linear_model, style
from recoupe.model import Persuasion

MODEL_NAME = "persuasion"


def paragraph_scores(body: str, paragraphs: list[tuple[int, int]] | None = None):
    """(spans, (n, k) probabilities, model): every technique's probability for every paragraph."""
    model = linear_model.load(MODEL_NAME)
    spans = paragraphs if paragraphs is not None else style.split_paragraphs(body)
    spans = [(s, e) for s, e in spans if body[s:e].strip()]
    texts = [body[s:e] for s, e in spans]
    if not texts:
        return spans, np.zeros((0, len(model.labels))), model
    features = style.paragraph_features(style.paragraph_vectors(texts), texts)
    return spans, model.sigmoid(features), model


def detect_persuasion(body: str, lang: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Persuasion]:
    """Techniques found in each paragraph, strongest first within a paragraph.

    ``lang`` is accepted for symmetry; the inputs are language-independent.
    """
    spans, probs, model = paragraph_scores(body, paragraphs)
    threshold = float(model.meta["threshold"])
    found = []
    for (start, end), row in zip(spans, probs):
        for j in np.argsort(-row):
            if row[j] < threshold:
                break
            found.append(
                Persuasion(
                    technique=model.labels[j],
                    text=body[start:end],
                    start=start,
                    end=end,
                    score=round(float(row[j]), 4),
                    producer=model.producer,
                )
            )
    return found


doc_component("recoupe_persuasion", "persuasion", lambda doc: detect_persuasion(doc_text(doc), doc.lang_),
              "Sets ``doc._.persuasion`` (a list of :class:`recoupe.model.Persuasion`) from the Doc's text.")
