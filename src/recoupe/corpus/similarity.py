"""How alike two articles are, in any pair of languages: a number in 0-1 and the same-story decision.

Each article is reduced once to a :class:`Profile` (title and lead vectors, up to
``MAX_SENTENCES`` sentence vectors from the shipped multilingual USE encoder, the numbers and the
names it contains, its date). Two profiles give a short feature vector (:func:`pair_features`):
cosines of the title, lead and mean-sentence vectors, how well each article's sentences find a
partner in the other (cross-lingual alignment, and a soft BERTScore-style match of the title and
sentences, :func:`soft_match`, and of the windows, :func:`window_match`), names and numbers in
common, date distance. A small linear model (``resources/models/similarity``, trained by
``python -m recoupe.training.similarity`` on SemEval-2022 Task 8 pairs, scores out-of-fold in its
meta) maps them to the similarity. The stories, the translation detector and ``recoupe eval
similarity`` all call these functions, so the number the evaluation scores is the number the
corpus uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime
from typing import Iterable, Sequence

import numpy as np

from recoupe.analysis.text import fold

from recoupe import vectors

MODEL_NAME = "similarity"
# Sentences encoded per article: SemEval-2022 pairs hold ~1,000 characters (about 8 sentences);
# 40 covers a long article's first screens at ~80 ms of encoding, enough for translation alignment.
MAX_SENTENCES = 40
LEAD_CHARS = 600  # the baseline the issue names (plain cosine over 600 characters: Pearson 0.70)
# Other windows measured on the SemEval pairs (cosine alone, Pearson with -overall): whole text
# (first FULL_CHARS) 0.694, first 300 characters 0.683, characters 600-1200 0.526; each adds to
# the 600-character lead in the combined model (out-of-fold 0.737 -> 0.761).
HEAD_CHARS = 300
FULL_CHARS = 2000
MIN_SENTENCE_CHARS = 12

_SENT_SPLIT = re.compile(r"(?<=[.!?;:»\"”])\s+(?=[\"“«(\[]?\w)|(?<=[。！？；])|\n+")
_NUMBER = re.compile(r"\d(?:[\d.,  ]*\d)?")
# Names: a capitalised word (Latin, Greek, Cyrillic) not at the start of a sentence, or any
# run of Latin capitals/digits (acronyms survive translation into every script).
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")


@dataclass(frozen=True, eq=False)
class Profile:
    """What similarity needs of one article, computed once (vectors are L2-normalised)."""

    lang: str | None
    title_vec: np.ndarray
    lead_vec: np.ndarray
    head_vec: np.ndarray
    full_vec: np.ndarray
    next_vec: np.ndarray
    sent_vecs: np.ndarray
    sent_chars: np.ndarray
    numbers: frozenset[str]
    names: frozenset[str]
    date: datetime | None = None
    chars: int = 0
    sentences: tuple[str, ...] = field(default=(), repr=False)
    # folded names of the people and organisations the title names (from NER: empty when no entity
    # finder ran, e.g. on the SemEval evaluation's text-only profiles); see :func:`names_apart`
    title_names: frozenset[str] = frozenset()

    @cached_property
    def mean_vec(self) -> np.ndarray:
        v = self.sent_vecs.mean(axis=0) if len(self.sent_vecs) else self.lead_vec
        n = float(np.linalg.norm(v))
        return v / n if n else v

    # computed once per profile, like mean_vec (a story's member meets every newcomer it is compared with)
    @cached_property
    def unit_vecs(self) -> np.ndarray:
        """The title and the sentences, the units :func:`soft_match` aligns."""
        return np.ascontiguousarray(np.vstack([self.title_vec[None, :], self.sent_vecs]), dtype=np.float32)

    @cached_property
    def window_vecs(self) -> np.ndarray:
        """The title and the text windows (:data:`WINDOWS`), the units :func:`window_match` aligns."""
        return np.stack([getattr(self, w) for w in WINDOWS]).astype(np.float32)




def split_sentences(text: str) -> list[str]:
    """Sentences in any of the SemEval languages (Latin, Cyrillic, Arabic and CJK punctuation)."""
    parts = [p.strip() for p in _SENT_SPLIT.split(text) if p and p.strip()]
    out: list[str] = []
    for p in parts:
        if out and len(p) < MIN_SENTENCE_CHARS:
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out


def numbers_in(text: str) -> frozenset[str]:
    """Numbers written as digits, separators dropped (``10,000`` = ``10.000`` = ``10 000``), two
    digits or more (single digits are list markers and counts that every article shares)."""
    out = set()
    for m in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) >= 2:
            out.add(digits.lstrip("0") or "0")
    return frozenset(out)


def names_in(text: str) -> frozenset[str]:
    """Folded capitalised words not opening a sentence, and acronyms: a language-light stand-in for
    entities when no NER ran (the eval languages include several recoupe does not parse)."""
    out = set()
    for sent in split_sentences(text):
        for i, m in enumerate(_WORD.finditer(sent)):
            w = m.group()
            if i > 0 and w[0].isupper() and len(w) > 2:
                out.add(fold(w.rstrip("'’")))
        out.update(fold(a) for a in _ACRONYM.findall(sent))
    return frozenset(out)


TITLE_NAME_LABELS = frozenset({"PER", "ORG"})


def title_names(title: str | None, entities: Iterable[dict]) -> frozenset[str]:
    """Folded canonical names of the people and organisations (``label`` in
    :data:`TITLE_NAME_LABELS`) one of whose ``mentions`` (or whose ``canonical``) is written in the title,
    as whole words. Each entity: ``{canonical, label, mentions: [text, ...]}``."""
    folded = f" {' '.join(_WORD.findall(fold(title or '')))} "
    out = set()
    for e in entities:
        if e.get("label") not in TITLE_NAME_LABELS or not e.get("canonical"):
            continue
        for m in {e["canonical"], *(e.get("mentions") or ())}:
            words = " ".join(_WORD.findall(fold(m)))
            if words and f" {words} " in folded:
                out.add(" ".join(_WORD.findall(fold(e["canonical"]))))
                break
    return frozenset(out)


def _mentioned(name: str, names: frozenset[str], words: frozenset[str]) -> bool:
    """Whether an article whose names are ``names`` (words: every word of them) mentions ``name``:
    the whole folded name, or its last word (a surname: ``Zuckerberg`` for ``Mark Zuckerberg``)."""
    return name in names or name.split()[-1] in words


def names_apart(a: Profile, b: Profile) -> bool:
    """Same people, different event: each title names a person or organisation that the other
    article never mentions (neither the whole name nor its last word, in its names or entities).
    False when either title names nobody (no entity finder ran)."""
    if not a.title_names or not b.title_names:
        return False
    words_a = frozenset(w for n in a.names for w in n.split())
    words_b = frozenset(w for n in b.names for w in n.split())
    return (any(not _mentioned(n, b.names, words_b) for n in a.title_names)
            and any(not _mentioned(n, a.names, words_a) for n in b.title_names))


# A first sentence taken as the title is extended by the next ones while it ends with a colon or is
# shorter than this: of SemEval's 2,086 texts titled by their first sentence, 621 began with a
# "Coronavirus:" / "Iran:" fragment (the splitter cuts after colons), whose vector is the topic, not
# the story. Chosen on the
# gate's shuffles (`python benchmarks/similarity_levers.py --only 5e`): out-of-fold Pearson / same-story
# F1 0.7828 / 0.824 before, colon alone 0.7840 / 0.831, or under 25 / 40 / 60 characters 0.7834 / 0.832,
# 0.7850 / 0.834, 0.7854 / 0.828; ten other shuffles (`--first-shuffle 100 --shuffles 10`) 0.7818 /
# 0.822 before, 0.7843 / 0.833 at 40.
MIN_TITLE_CHARS = 40


def title_and_body(text: str) -> tuple[str, str]:
    """A title when the text does not come with one: its first line if short, else its first
    sentence, joined with the next while it ends with a colon or is under :data:`MIN_TITLE_CHARS`."""
    head, _, rest = text.strip().partition("\n")
    if rest and len(head) <= 300:
        return head.strip(), rest
    sents = split_sentences(text)
    if not sents:
        return text[:200], text
    title, k = sents[0], 1
    while k < len(sents) and (title.endswith((":", "：")) or len(title) < MIN_TITLE_CHARS):
        title, k = title + " " + sents[k], k + 1
    return title, text


def profiles(items: Sequence[dict], encode=vectors.encode) -> list[Profile]:
    """Profiles of many articles with one encoder call. Each item: ``text`` (required), optional
    ``title``, ``lang``, ``date`` (datetime), ``entities`` (names from NER, folded and added to the
    capitalised words), ``title_entities`` (NER entities as :func:`title_names` reads them)."""
    prepared = []
    texts: list[str] = []
    for item in items:
        text = item.get("text") or ""
        title = item.get("title")
        if not title:
            title, body = title_and_body(text)
        else:
            body = text
        sents = [s for s in split_sentences(body)][:MAX_SENTENCES]
        whole = body if body.startswith(title) else title + " " + body
        lead = whole[:LEAD_CHARS]
        start = len(texts)
        texts.extend([title, lead, whole[:HEAD_CHARS], whole[:FULL_CHARS],
                      whole[LEAD_CHARS : 2 * LEAD_CHARS] or lead, *sents])
        prepared.append((item, title, body, sents, start))
    vecs = encode(texts) if texts else np.zeros((0, vectors.DIM), np.float32)
    out = []
    for item, title, body, sents, start in prepared:
        names = set(names_in(title + "\n" + body))
        names.update(fold(e) for e in item.get("entities") or () if e)
        out.append(Profile(
            lang=item.get("lang"),
            title_vec=vecs[start],
            lead_vec=vecs[start + 1],
            head_vec=vecs[start + 2],
            full_vec=vecs[start + 3],
            next_vec=vecs[start + 4],
            sent_vecs=vecs[start + 5 : start + 5 + len(sents)],
            sent_chars=np.array([len(s) for s in sents], dtype=np.float32),
            numbers=numbers_in(title + "\n" + body),
            names=frozenset(names),
            date=item.get("date"),
            chars=len(body),
            sentences=tuple(sents),
            title_names=title_names(title, item.get("title_entities") or ()),
        ))
    return out


def profile(text: str, *, title: str | None = None, lang: str | None = None, date: datetime | None = None,
            entities: Iterable[str] = (), title_entities: Iterable[dict] = ()) -> Profile:
    return profiles([{"text": text, "title": title, "lang": lang, "date": date, "entities": list(entities),
                      "title_entities": list(title_entities)}])[0]


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set found in the larger (a short article's names all in a long one)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def alignment(a: Profile, b: Profile, S: np.ndarray | None = None) -> dict[str, float]:
    """How sentence by sentence two articles are: each sentence's best cosine in the other article,
    averaged both ways; the share of strong one-to-one partners (a translation has nearly all);
    and whether partners come in the same order. ``S``: the sentences' cosine matrix, when the
    caller has it."""
    if not len(a.sent_vecs) or not len(b.sent_vecs):
        return {"align_mean": 0.0, "align_strong": 0.0, "align_order": 0.0, "align_top": 0.0}
    if S is None:
        S = a.sent_vecs @ b.sent_vecs.T
    best_a = S.max(axis=1)
    best_b = S.max(axis=0)
    # sums over counts rather than ndarray.mean: numpy's mean wrapper costs more than the sum here
    mean = 0.5 * (float(best_a.sum()) / len(best_a) + float(best_b.sum()) / len(best_b))
    # strong mutual partners: i's best is j and j's best is i, with cosine >= 0.6 (fr/en
    # translations score 0.67-0.89 per DESIGN.md; unrelated sentences < 0.2)
    arg_a = S.argmax(axis=1)
    arg_b = S.argmax(axis=0)
    mutual = [(i, int(arg_a[i])) for i in range(len(arg_a)) if arg_b[arg_a[i]] == i and S[i, arg_a[i]] >= 0.6]
    strong = len(mutual) / max(len(arg_a), len(arg_b))
    order = 0.0
    if len(mutual) >= 2:
        js = [j for _, j in mutual]
        order = sum(1 for x, y in zip(js, js[1:]) if y > x) / (len(js) - 1)
    tail = np.sort(S.ravel())[-3:]
    top = float(tail.sum()) / len(tail)
    return {"align_mean": mean, "align_strong": strong, "align_order": order, "align_top": top}


# Temperature of the soft best match (:func:`soft_match`), chosen on the out-of-fold SemEval pairs
# (`python benchmarks/similarity_levers.py --only soft`, the gate's three shuffles): Pearson 0.7722
# at 0.02 (about the hard max), 0.7731 at 0.05, 0.7695 at 0.1, 0.7671 at 0.2, 0.7667 at 0.5.
SOFT_MATCH_TEMPERATURE = 0.05


def _soft_best(S: np.ndarray) -> tuple[float, float]:
    """(worse, better) of the two directions' mean soft best match in a cosine matrix: each row's
    cosines averaged under a softmax of themselves (:data:`SOFT_MATCH_TEMPERATURE`), and each
    column's. One set of weights serves rows and columns: a softmax is unchanged by a constant, and
    cosines lie within 2 of 1, the shift used (exp(-2 / 0.05) = 4e-18, far from float32 underflow)."""
    w = np.exp((S - 1.0) * (1.0 / SOFT_MATCH_TEMPERATURE))
    sw = S * w
    p = float((sw.sum(axis=1) / w.sum(axis=1)).sum()) / S.shape[0]
    r = float((sw.sum(axis=0) / w.sum(axis=0)).sum()) / S.shape[1]
    return min(p, r), max(p, r)


def soft_match(a: Profile, b: Profile) -> tuple[float, float]:
    """Whole-document alignment, BERTScore-style over sentence vectors: each unit of one article
    (its title and its sentences, the vectors the profile already holds) finds its best partners in
    the other, weighted by a softmax of their cosines, and the matched cosines are averaged: the
    precision of ``a`` against ``b`` and its recall. Returned as (worse, better) direction, so the
    pair's order does not matter and a short article inside a long one (high on one side only) is
    told from two articles that tell the same thing."""
    return _soft_best(a.unit_vecs @ b.unit_vecs.T)


WINDOWS = ("title_vec", "head_vec", "lead_vec", "next_vec", "full_vec")


def window_match(a: Profile, b: Profile) -> tuple[float, float]:
    """The same soft best match over the article's windows (title, first 300, 600 and 2,000
    characters, characters 600-1,200): each window meets the other article at whatever zoom tells
    the same thing (a title that is the other's lead, a lead that is the other's whole text)."""
    return _soft_best(a.window_vecs @ b.window_vecs.T)


FEATURES = (
    "cos_title", "cos_lead", "cos_head", "cos_full", "cos_next", "cos_mean", "cos_title_lead",
    "align_mean", "align_strong", "align_order", "align_top", "names_jaccard", "names_overlap",
    "numbers_jaccard", "numbers_overlap", "same_lang", "sent_ratio", "days_apart",
    "soft_match_min", "soft_match_max", "window_match_min", "window_match_max",
)


def pair_features(a: Profile, b: Profile) -> np.ndarray:
    """The similarity features of a pair (order-independent), in :data:`FEATURES` order."""
    units = a.unit_vecs @ b.unit_vecs.T  # title and sentences: the sentences' block serves alignment
    al = alignment(a, b, units[1:, 1:])
    na, nb = len(a.sent_vecs), len(b.sent_vecs)
    days = abs((a.date - b.date).total_seconds()) / 86400 if a.date and b.date else 0.0
    soft_min, soft_max = _soft_best(units)
    win = a.window_vecs @ b.window_vecs.T  # title, head, lead, next, full (WINDOWS) against each other
    window_min, window_max = _soft_best(win)
    return np.array([
        win[0, 0], win[2, 2], win[1, 1], win[4, 4], win[3, 3], float(a.mean_vec @ b.mean_vec),
        0.5 * (float(win[0, 2]) + float(win[2, 0])),
        al["align_mean"], al["align_strong"], al["align_order"], al["align_top"],
        _jaccard(a.names, b.names), _overlap(a.names, b.names),
        _jaccard(a.numbers, b.numbers), _overlap(a.numbers, b.numbers),
        float(bool(a.lang) and a.lang == b.lang), min(na, nb) / max(na, nb, 1), min(np.log1p(days), 5.0),
        soft_min, soft_max, window_min, window_max,
    ], dtype=np.float32)


SPLINE_DEGREE = 2


class SplineBasis:
    """Piecewise-quadratic expansion: each feature x becomes x and its quadratic B-spline basis over
    its knots (a row of ``knots``: the boundary and interior knots, the training quantiles 0, 1/3,
    2/3, 1), extended past the boundaries by the first and last knot spacings; x is clipped to the
    boundary knots for the splines, so beyond them only the linear term moves. A ridge on this
    bends smoothly where the feature matters (cosines near the top). Out-of-fold Pearson on SemEval
    (``python benchmarks/similarity_levers.py --only 4h 4j``): 0.737 plain ridge, 0.7796 with three
    hinges per feature (similarity@2), 0.7828 with these splines. The knot arithmetic is done once
    (a story's assignment expands one row per comparison)."""

    def __init__(self, knots: np.ndarray):
        k = np.asarray(knots, dtype=np.float64)
        p = SPLINE_DEGREE
        self.lo, self.hi = k[:, 0], k[:, -1]
        d0, d1 = k[:, 1:2] - k[:, :1], k[:, -1:] - k[:, -2:-1]
        t = np.hstack([k[:, :1] - d0 * np.arange(p, 0, -1), k, k[:, -1:] + d1 * np.arange(1, p + 1)])
        self.starts, self.ends = t[:, :-1], t[:, 1:]
        # Cox-de Boor, one step per degree: B <- (x - t_i) / (t_i+d - t_i) B_i + (t_i+d+1 - x) /
        # (t_i+d+1 - t_i+1) B_i+1, kept as x * a - c and e - x * a2 with the reciprocals taken here;
        # 0/0 terms (coinciding knots of a feature with few distinct values) count 0
        self.steps = []
        for d in range(1, p + 1):
            left, right = t[:, d:-1] - t[:, : -1 - d], t[:, d + 1 :] - t[:, 1:-d]
            with np.errstate(divide="ignore"):
                il, ir = np.where(left > 0, 1.0 / left, 0.0), np.where(right > 0, 1.0 / right, 0.0)
            self.steps.append((il, t[:, : -1 - d] * il, ir, t[:, d + 1 :] * ir))

    def __call__(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1:
            X = X[None, :]
        x = np.minimum(np.maximum(X, self.lo), self.hi)[:, :, None]  # (rows, features, 1)
        B = ((self.starts <= x) & (x < self.ends)).astype(np.float64)
        for il, cl, ir, cr in self.steps:
            B = (x * il - cl) * B[:, :, :-1] + (cr - x * ir) * B[:, :, 1:]
        out = np.empty((len(X), X.shape[1] + B.shape[1] * B.shape[2]), dtype=np.float32)
        out[:, : X.shape[1]] = X
        out[:, X.shape[1] :] = B.reshape(len(X), -1)
        return out


def splines(X: np.ndarray, knots: np.ndarray) -> np.ndarray:
    """:class:`SplineBasis` of ``knots`` applied to the feature rows ``X``."""
    return SplineBasis(knots)(X)


def _model():
    from recoupe.analysis.linear_model import load

    return load(MODEL_NAME)


_BASIS: list = [None, None]  # (the loaded model, its SplineBasis): rebuilt when the model is reloaded


def _basis() -> SplineBasis:
    model = _model()
    if _BASIS[0] is not model:
        _BASIS[:] = [model, SplineBasis(np.asarray(model.meta["knots"], dtype=np.float32))]
    return _BASIS[1]


def overall_from_features(X: np.ndarray) -> np.ndarray:
    """SemEval's ``overall`` scale predicted from feature rows (1 = same story, 4 = unrelated)."""
    return _model().decision(_basis()(X))[:, 0]


def similarity_from_features(X: np.ndarray) -> np.ndarray:
    """Similarity in 0-1 of feature rows: the predicted ``overall`` mapped linearly 4..1 -> 0..1."""
    return np.clip((4.0 - overall_from_features(X)) / 3.0, 0.0, 1.0)


def similarity(a: Profile, b: Profile) -> float:
    """How alike two articles are, 0 (unrelated) to 1 (the same story told the same way)."""
    return float(similarity_from_features(pair_features(a, b)[None, :])[0])


def same_story_threshold() -> float:
    """The similarity from which two articles are the same story (chosen in training on
    out-of-fold predictions, to maximise F1 of ``overall <= 1.5`` vs ``>= 3``)."""
    return float(_model().meta["same_story_threshold"])


def producer() -> str:
    return _model().producer
