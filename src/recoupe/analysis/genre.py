"""Genre of an article: reporting, opinion or satire (model ``genre``, see its MODEL_CARD.md).

Two logistic regressions over language-light inputs, trained on SemEval-2023 Task 3 in six
languages so that the little French data is helped by the rest, whose log-probabilities are
mixed: an article model (cross-lingual vectors of the title, the lead and all paragraphs,
punctuation/pronoun style, source-attribution cues) and a paragraph model that reads every
paragraph on its own and is averaged over the article. Both parts are linear, so the evidence is
exact: the paragraphs and the named style counts that moved the score most towards the chosen
genre, with their share of the margin.
"""

from __future__ import annotations

import numpy as np

from recoupe.analysis import linear_model, style
from recoupe.analysis.claims import SENTENCE_VECTORS, sentence_vectors
from recoupe.analysis.component import doc_component, doc_context, doc_text
from recoupe.model import Finding, Genre, GenreFeature

MODEL_NAME = "genre"
PARAGRAPH_MODEL_NAME = "genre/paragraphs"
SATIRE_MODEL_NAME = "satire"
MAX_EVIDENCE = 3
MAX_FEATURES = 4


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def combine(article_logp: np.ndarray, paragraph_logp: np.ndarray, paragraph_weight: float) -> np.ndarray:
    """Probabilities from the weighted sum of the two parts' log-probabilities (rows = articles)."""
    return np.exp(_log_softmax((1 - paragraph_weight) * article_logp + paragraph_weight * paragraph_logp))


def decide(probs: np.ndarray, labels, satire_threshold: float | None, confirmed=None) -> np.ndarray:
    """Label index per row of ``probs``: the most probable genre, but satire only when its
    probability also reaches ``satire_threshold`` and, where ``confirmed`` is given (one bool per
    row), a second opinion agrees (else the better of the other two). Calling a report satire
    discredits it, and satire is rare (5% of SemEval articles), so the rule is chosen for satire
    precision on outlets the model did not train on."""
    probs = np.atleast_2d(probs)
    best = probs.argmax(axis=1)
    if (satire_threshold is None and confirmed is None) or "satire" not in labels:
        return best
    s = list(labels).index("satire")
    weak = (best == s) & (probs[:, s] < (satire_threshold or 0.0))
    if confirmed is not None:
        weak |= (best == s) & ~np.atleast_1d(np.asarray(confirmed, dtype=bool))
    if weak.any():
        others = probs.copy()
        others[:, s] = -1.0
        best = np.where(weak, others.argmax(axis=1), best)
    return best


def _paragraph_logp(vecs: np.ndarray) -> np.ndarray:
    return _log_softmax(linear_model.load(PARAGRAPH_MODEL_NAME).decision(vecs))


def article_probabilities(title_vec: np.ndarray, para_vecs: np.ndarray, body: str, title: str) -> np.ndarray:
    """Genre probabilities (in the model's label order) from already computed vectors."""
    model = linear_model.load(MODEL_NAME)
    features = style.genre_features(title_vec, para_vecs, body, title)
    paragraphs = para_vecs if len(para_vecs) else title_vec[None]
    return combine(_log_softmax(model.decision(features))[0], _paragraph_logp(paragraphs).mean(axis=0),
                   float(model.meta["paragraph_weight"]))


def _body_paragraphs(body: str, title: str | None, paragraphs: list[tuple[int, int]] | None, sentences=None):
    """(spans, vectors, title, title vector) as the models were trained: the title apart from the
    body paragraphs. The title's vector is its line's when the body opens with it (as SemEval's
    articles, the training data, do), else the title encoded alone."""
    spans, texts = style.paragraph_texts(body, paragraphs)
    vecs = style.paragraph_vectors(body, spans, sentences) if texts else np.zeros((0, 512), dtype=np.float32)
    title = (title or "").strip()
    if texts and (not title or texts[0].strip() == title):  # the first line is the title
        title, title_vec = texts[0].strip(), vecs[0]
        if len(texts) > 1:
            spans, texts, vecs = spans[1:], texts[1:], vecs[1:]
    elif title:
        title_vec = style.encode([title])[0]
    else:
        title_vec = np.zeros(512, dtype=np.float32)
    return spans, texts, vecs, title, title_vec


def classify_genre(
    body: str,
    lang: str,
    title: str | None = None,
    paragraphs: list[tuple[int, int]] | None = None,
    sentences=None,
) -> Genre:
    """Genre with probabilities, the paragraphs and the style counts that weighed most.

    ``lang`` is accepted for symmetry with the other analysers; the model reads no
    language-specific input, which is how it transfers to languages it saw little of.
    ``sentences``: the body's (bounds, vectors) when already encoded (``claims.sentence_vectors``
    of its Doc); else the body is split and encoded.
    """
    model = linear_model.load(MODEL_NAME)
    spans, texts, vecs, title, title_vec = _body_paragraphs(body, title, paragraphs, sentences)
    features = style.genre_features(title_vec, vecs, "\n".join(texts), title)
    weight = float(model.meta["paragraph_weight"])
    paragraph_logp = _paragraph_logp(vecs if len(vecs) else title_vec[None])
    probs = combine(_log_softmax(model.decision(features))[0], paragraph_logp.mean(axis=0), weight)
    satire_threshold, confirmed = satire_rule(model, lang, features)
    best = int(decide(probs, model.labels, satire_threshold, confirmed)[0])
    runner_up = int(next(j for j in np.argsort(-probs) if j != best))
    return Genre(
        label=model.labels[best],
        probabilities={label: round(float(p), 4) for label, p in zip(model.labels, probs)},
        satire_threshold=satire_threshold,
        evidence=_paragraph_evidence(body, spans, paragraph_logp if len(vecs) else paragraph_logp[:0],
                                     best, runner_up, weight),
        features=_feature_evidence(model, features, best, runner_up, 1 - weight),
        producer=model.producer,
    )


def satire_rule(model, lang: str, features: np.ndarray) -> tuple[float | None, bool | None]:
    """(threshold on p(satire), second opinion or None) for an article of ``lang``. Where the
    genre model's meta names a detector for the language (``satire_detector``: the FreSaDa-trained
    French detector, for French), satire also needs that detector's probability to reach its
    threshold: it halves satire calls on French outlets neither model saw and raises recall there
    (MODEL_CARD, v5). ``features``: the article's genre input, which opens with the detector's."""
    rule = model.meta.get("satire_detector")
    if rule is None or lang not in rule["languages"]:
        return model.meta.get("satire_threshold"), None
    detector = linear_model.load(rule["model"])
    p = detector.softmax(features[None, : detector.scale_mean.shape[0]])[0, detector.labels.index("satire")]
    return rule["satire_threshold"], bool(p >= rule["threshold"])


def _paragraph_evidence(body, spans, paragraph_logp, best, runner_up, weight) -> list[Finding]:
    """Paragraphs by their share of the paragraph part's margin of ``best`` over the runner-up."""
    if not len(paragraph_logp):
        return []
    push = weight * (paragraph_logp[:, best] - paragraph_logp[:, runner_up]) / len(paragraph_logp)
    positive = np.clip(push, 0, None)
    if positive.sum() <= 0:
        return []
    producer = linear_model.load(PARAGRAPH_MODEL_NAME).producer
    return [
        Finding(
            text=body[spans[i][0] : spans[i][1]],
            start=spans[i][0],
            end=spans[i][1],
            producer=producer,
            confidence=round(float(positive[i] / positive.sum()), 4),
        )
        for i in np.argsort(-push)[:MAX_EVIDENCE]
        if push[i] > 0
    ]


def _feature_evidence(model, features, best, runner_up, weight) -> list[GenreFeature]:
    """Blocks of the article model's input by their contribution to the margin of ``best`` over
    the runner-up; content blocks (vectors) are named, style counts carry their value."""
    contribution = weight * model.standardise(features[None])[0] * (model.coef[best] - model.coef[runner_up])
    found, start = [], 0
    for name, width in style.genre_feature_blocks():
        block = slice(start, start + width)
        value = None if width > 1 else round(float(features[start]), 4)
        found.append(GenreFeature(name=name, value=value, contribution=round(float(contribution[block].sum()), 4)))
        start += width
    return sorted((f for f in found if f.contribution > 0), key=lambda f: -f.contribution)[:MAX_FEATURES]


def satire_probability(
    body: str, title: str | None = None, paragraphs: list[tuple[int, int]] | None = None
) -> tuple[float, str]:
    """(probability, producer) from the FreSaDa-trained French satire detector.

    The FreSaDa benchmark model (3,000 French articles, 0.61 cross-outlet accuracy). It is
    over-confident on outlets unlike FreSaDa's, so it is not part of :func:`classify_genre`;
    use it only as a second opinion where the genre model already leans to satire.
    """
    model = linear_model.load(SATIRE_MODEL_NAME)
    _, texts, vecs, title, title_vec = _body_paragraphs(body, title, paragraphs)
    features = style.article_features(title_vec, vecs, "\n".join(texts), title)
    return float(model.softmax(features[None])[0, model.labels.index("satire")]), model.producer


def genre_of_doc(doc) -> Genre:
    """The component's entry: the same call the pipeline makes, with the title and paragraphs set
    on the Doc (``doc._.recoupe_title``, ``doc._.recoupe_paragraphs``) when there are some and the
    claims component's sentence vectors."""
    title, paragraphs = doc_context(doc)
    return classify_genre(doc_text(doc), doc.lang_, title=title, paragraphs=paragraphs,
                          sentences=sentence_vectors(doc))


doc_component("recoupe_genre", "genre", genre_of_doc,
              "Sets ``doc._.genre`` (a :class:`recoupe.model.Genre`) from the Doc's text, title and paragraphs.",
              requires=("doc.sents", f"doc._.{SENTENCE_VECTORS}"))
