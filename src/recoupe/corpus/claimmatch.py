"""Match a claim against a set of claims: lexical BM25 and sentence vectors propose, a small learned
re-ranker orders.

Used by corroboration (claims of one story's articles, across languages: the vectors carry the
cross-lingual part) and by ``recoupe eval claims`` (tweets against 10,000 Snopes-verified claims),
so the ranking the evaluation scores is the one the corpus uses. The re-ranker
(``resources/models/claimmatch``) is a logistic regression over a handful of scores per candidate,
trained by ``python -m recoupe.training.claimmatch`` on CLEF-2020 CheckThat! Task 2's train split.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from recoupe import vectors
from recoupe.analysis.text import fold

MODEL_NAME = "claimmatch"
CANDIDATES = 50  # union of each view's top 50: holds a right claim for 96.6% of training tweets (model meta)
BM25_K1, BM25_B = 1.2, 0.75  # the usual Okapi defaults (Robertson & Zaragoza 2009)

_TOKEN = re.compile(r"\w+", re.UNICODE)
_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+")
_HANDLE = re.compile(r"@\w+")
# Words too frequent to discriminate claims (English and French function words).
STOPWORDS = frozenset(
    "a an the of to in on for and or but is are was were be been being it its this that these those with as at by "
    "from has have had not no do does did will would can could should i you he she we they them his her their our "
    "my your me us him so if than then there here what which who whom whose when where why how all any some just "
    "about into over after before up down out more most very also le la les un une des de du et ou mais est sont "
    "été être il elle ils elles on nous vous je tu ce cette ces qui que quoi dont où au aux en dans par pour sur "
    "avec sans pas ne se sa son ses leur leurs".split()
)


def clean(text: str) -> str:
    """Drop URLs and @handles (a tweet's links and mentions say nothing about its claim)."""
    return re.sub(r"\s+", " ", _HANDLE.sub(" ", _URL.sub(" ", text))).strip()


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(fold(text)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    cosine: float
    bm25: float


class BM25:
    """Okapi BM25 over a fixed collection (sparse postings; 10,000 short claims index in ~0.3 s)."""

    def __init__(self, docs: Sequence[list[str]]):
        self.n = len(docs)
        self.lengths = np.array([len(d) for d in docs], dtype=np.float32)
        self.avg = float(self.lengths.mean()) if self.n else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, d in enumerate(docs):
            for t, c in Counter(d).items():
                self.postings.setdefault(t, []).append((i, c))
        self.idf = {t: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def scores(self, query: list[str]) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.float32)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths / max(self.avg, 1e-9))
        for t in set(query):
            for i, c in self.postings.get(t, ()):
                out[i] += self.idf[t] * c * (BM25_K1 + 1) / (c + norm[i])
        return out


FEATURES = ("cos_claim", "cos_title", "cos_max", "bm25_claim", "bm25_title", "bm25_claim_rel", "bm25_title_rel",
            "cos_rel", "cos_rank_inv", "bm25_rank_inv", "cos_sentence", "cos_sentence_title", "claim_words_covered")


def query_texts(query: str) -> list[str]:
    """What is encoded of a query: the whole (cleaned) text, then each of its sentences (a tweet or
    paragraph often states the claim in one sentence among others)."""
    from recoupe.corpus.similarity import split_sentences

    q = clean(query)
    sents = [s for s in split_sentences(q) if len(s) >= 20][:8]
    return [q] + (sents if len(sents) > 1 else [])


class ClaimIndex:
    """Claims (each with an optional title, e.g. a fact-check's headline) that queries rank."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str], titles: Sequence[str] | None = None,
                 encode=vectors.encode, claim_vecs: np.ndarray | None = None):
        self.ids = list(ids)
        titles = list(titles) if titles is not None else [""] * len(self.ids)
        self.texts, self.titles = list(texts), titles
        self._encode = encode
        vecs = claim_vecs if claim_vecs is not None else encode(self.texts + [t or c for t, c in zip(titles, self.texts)])
        self.claim_vecs, self.title_vecs = vecs[: len(self.ids)], vecs[len(self.ids):]
        self._claim_tokens = [set(tokens(t)) for t in self.texts]
        self.bm_claim = BM25([tokens(t) for t in self.texts])
        self.bm_title = BM25([tokens(t) for t in titles])

    def features(self, query: str, query_vecs: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Candidate indices and their feature rows (:data:`FEATURES`) for one query; ``query_vecs``
        are the vectors of :func:`query_texts` when the caller encoded them in a batch."""
        q = clean(query)
        qvs = query_vecs if query_vecs is not None else self._encode(query_texts(query))
        qv = qvs[0]
        cc, ct = self.claim_vecs @ qv, self.title_vecs @ qv
        sc = (self.claim_vecs @ qvs.T).max(axis=1)
        st = (self.title_vecs @ qvs.T).max(axis=1)
        cmax = np.maximum(np.maximum(cc, ct), np.maximum(sc, st))
        qt = tokens(q)
        bc, bt = self.bm_claim.scores(qt), self.bm_title.scores(qt)
        bsum = bc + bt
        k = min(CANDIDATES, len(self.ids))
        cand = np.union1d(np.argsort(-cmax)[:k], np.argsort(-bsum)[:k])
        cos_rank = np.empty(len(self.ids)); cos_rank[np.argsort(-cmax)] = np.arange(len(self.ids))
        bm_rank = np.empty(len(self.ids)); bm_rank[np.argsort(-bsum)] = np.arange(len(self.ids))
        bc_top, bt_top, c_top = max(float(bc.max()), 1e-6), max(float(bt.max()), 1e-6), float(cmax.max())
        X = np.column_stack([
            cc[cand], ct[cand], cmax[cand], np.log1p(bc[cand]), np.log1p(bt[cand]), bc[cand] / bc_top, bt[cand] / bt_top,
            cmax[cand] - c_top, 1.0 / (1.0 + cos_rank[cand]), 1.0 / (1.0 + bm_rank[cand]),
            sc[cand], st[cand], [self._covered(c, set(qt)) for c in cand],
        ]).astype(np.float32)
        return cand, X

    def _covered(self, i: int, query_tokens: set[str]) -> float:
        """Share of the candidate's words found in the query."""
        words = self._claim_tokens[i]
        return len(words & query_tokens) / len(words) if words else 0.0

    def rank(self, query: str, k: int = 5, query_vecs: np.ndarray | None = None) -> list[Match]:
        cand, X = self.features(query, query_vecs)
        score = rerank(X)
        order = np.argsort(-score)[:k]
        return [Match(self.ids[cand[i]], float(score[i]), float(X[i, 2]), float(X[i, 3])) for i in order]


def rerank(X: np.ndarray) -> np.ndarray:
    """Probability that each candidate states the query's claim (the shipped re-ranker)."""
    from recoupe.analysis.linear_model import load

    return load(MODEL_NAME).sigmoid(X)[:, 0]


def producer() -> str:
    from recoupe.analysis.linear_model import load

    return load(MODEL_NAME).producer
