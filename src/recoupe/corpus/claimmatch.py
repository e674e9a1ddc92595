"""Match a claim against a set of claims: lexical BM25 and sentence vectors propose, a small learned
re-ranker orders.

Scored by ``recoupe eval claims`` (tweets against 10,000 Snopes-verified claims), and the matcher
corroboration runs inside a story (``corpus/corroboration.py``, ``matched_pairs``): an index over the
story's claims proposes candidates; there the re-ranker confirms pairs in one language, while across
languages, where its lexical scores carry nothing, shared actors or numbers confirm. The re-ranker
(``resources/models/claimmatch``) is a logistic regression over lexical (BM25 on the claim, its
title and both, stemmed; character and word TF-IDF cosines; shared numbers, names and rare words)
and vector scores per candidate, each also relative to the query's best candidate, trained by ``python -m recoupe.training.claimmatch`` on CLEF-2020 CheckThat! Task 2's train split.
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
CANDIDATES = 50  # union of four views' top 50: holds a right claim for 97.5% of training tweets (model meta)
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


_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
# The signature Twitter appends to an embedded or copied tweet: "— Name (@handle) Month D, YYYY".
_TWEET_SIGNATURE = re.compile(r"\s[—–-]\s([^—–\n]{1,80}?)\s*\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}\s*$")
_NUMBER = re.compile(r"\d[\d,.]*")
# A capitalised word not opening a sentence: the cheap, language-independent sign of a name.
_NAME_WORD = re.compile(r"(?<![.!?:\"“]\s)(?<!^)\b[A-Z][\w'’-]+")


def split_hashtags(text: str) -> str:
    """``#DefundTheCBC`` -> ``Defund The CBC``: hashtags written in camel case carry words."""
    return _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)


def stem(word: str) -> str:
    """Harman's S-stemmer (Harman 1991, "How effective is suffixing?", JASIS 42(1)): plural endings only."""
    if len(word) > 4 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def stemmed_tokens(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


def numbers(text: str) -> set[str]:
    return {n.strip(".,").replace(",", "") for n in _NUMBER.findall(text)} - {""}


def name_words(text: str) -> set[str]:
    return {fold(w) for w in _NAME_WORD.findall(text)} - STOPWORDS


def dedup_key(title: str, text: str) -> str:
    """Two claims with this key are one fact-check listed twice (quote style, case and spacing aside)."""
    return " ".join(_TOKEN.findall(fold(title))) + "|" + " ".join(_TOKEN.findall(fold(text)))


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    cosine: float
    bm25: float
    duplicates: tuple[str, ...] = ()


def _fit(vectorizer, docs: list[str]):
    """The TF-IDF matrix of ``docs``, or None when they hold no term (an empty collection)."""
    try:
        return vectorizer.fit_transform(docs) if docs else None
    except ValueError:  # empty vocabulary
        return None


def _tfidf_cosines(vectorizer, matrix, query: str, n: int) -> np.ndarray:
    if matrix is None:
        return np.zeros(n, dtype=np.float32)
    return (matrix @ vectorizer.transform([query]).T).toarray().ravel()


def _rank_inverse(scores: np.ndarray) -> np.ndarray:
    """1 / (1 + rank) of every score, rank 0 the highest."""
    rank = np.empty(len(scores))
    rank[np.argsort(-scores, kind="stable")] = np.arange(len(scores))
    return 1.0 / (1.0 + rank)


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
        for t in sorted(set(query)):  # a fixed order: float sums must not depend on the hash seed
            for i, c in self.postings.get(t, ()):
                out[i] += self.idf[t] * c * (BM25_K1 + 1) / (c + norm[i])
        return out


_BASE_FEATURES = ("cos_claim", "cos_title", "cos_max", "bm25_claim", "bm25_title", "bm25_claim_rel", "bm25_title_rel",
            "cos_rel", "cos_rank_inv", "bm25_rank_inv", "cos_sentence", "cos_sentence_title", "claim_words_covered",
            "bm25_both", "bm25_both_rel", "bm25_both_rank_inv", "idf_covered_claim", "idf_covered_query",
            "numbers_shared", "numbers_claim_only", "names_covered", "author_named", "chars_cos", "words_cos",
            "chars_rank_inv")
# Each score also as its distance to the query's best candidate on that score: what counts is how a
# claim compares with the other candidates of the same query (train-CV MAP@5 0.870 -> 0.880).
FEATURES = _BASE_FEATURES + tuple(f"{f}_minus_best" for f in _BASE_FEATURES)


def query_texts(query: str) -> list[str]:
    """What is encoded of a query: the whole (cleaned) text, then each of its sentences (a tweet or
    paragraph often states the claim in one sentence among others)."""
    from recoupe.corpus.similarity import split_sentences

    q = clean(query)
    sents = [s for s in split_sentences(q) if len(s) >= 20][:8]
    return [q] + (sents if len(sents) > 1 else [])


class ClaimIndex:
    """Claims (each with an optional title, e.g. a fact-check's headline) that queries rank.

    Claims listed twice (same :func:`dedup_key`) are ranked once, under the first listed; the
    others come back in :attr:`Match.duplicates`."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str], titles: Sequence[str] | None = None,
                 encode=vectors.encode, claim_vecs: np.ndarray | None = None):
        from sklearn.feature_extraction.text import TfidfVectorizer

        titles = list(titles) if titles is not None else [""] * len(ids)
        first: dict[str, int] = {}
        dupes: dict[int, list[str]] = {}
        for i, (t, c) in enumerate(zip(titles, texts)):
            j = first.setdefault(dedup_key(t, c), i)
            if j != i:
                dupes.setdefault(j, []).append(ids[i])
        keep = sorted(first.values())
        self.ids = [ids[i] for i in keep]
        self.texts, self.titles = [texts[i] for i in keep], [titles[i] for i in keep]
        self.duplicates = {ids[j]: tuple(v) for j, v in dupes.items()}
        self._encode = encode
        n = len(self.ids)
        if claim_vecs is not None:
            vecs = np.vstack([claim_vecs[: len(ids)][keep], claim_vecs[len(ids):][keep]])
        else:
            vecs = encode(self.texts + [t or c for t, c in zip(self.titles, self.texts)])
        self.claim_vecs, self.title_vecs = vecs[:n], vecs[n:]
        self._claim_tokens = [set(tokens(t)) for t in self.texts]
        self.bm_claim = BM25([tokens(t) for t in self.texts])
        self.bm_title = BM25([tokens(t) for t in self.titles])
        both = [f"{t} {c}" for t, c in zip(self.titles, self.texts)]
        both_tokens = [stemmed_tokens(b) for b in both]
        self.bm_both = BM25(both_tokens)
        self._both_tokens = [set(b) for b in both_tokens]
        self._numbers = [numbers(b) for b in both]
        self._names = [name_words(b) for b in both]
        self._words = [set(tokens(b)) for b in both]
        # character 3-5-grams within words, sublinear tf: catch spelling variants and split compounds
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2 if n > 2 else 1, sublinear_tf=True,
                                      dtype=np.float32)
        self._char_matrix = _fit(self._chars, [fold(b) for b in both])
        self._word_vec = TfidfVectorizer(analyzer=stemmed_tokens, sublinear_tf=True, dtype=np.float32)
        self._word_matrix = _fit(self._word_vec, both)

    def features(self, query: str, query_vecs: np.ndarray | None = None,
                 exclude: Sequence[int] = ()) -> tuple[np.ndarray, np.ndarray]:
        """Candidate indices and their feature rows (:data:`FEATURES`) for one query; ``query_vecs``
        are the vectors of :func:`query_texts` when the caller encoded them in a batch. Claims at
        the ``exclude`` indices are never candidates and count for no "best candidate" or rank
        (corroboration leaves out the querying article's own claims)."""
        if not self.ids or len(set(exclude)) >= len(self.ids):
            return np.zeros(0, dtype=np.int64), np.zeros((0, len(FEATURES)), np.float32)
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
        q_split = split_hashtags(q)
        q_stems = stemmed_tokens(q_split)
        bb = self.bm_both.scores(q_stems)
        chars = _tfidf_cosines(self._chars, self._char_matrix, fold(q_split), len(self.ids))
        if len(exclude):
            ex = np.asarray(sorted(set(exclude)), dtype=np.int64)
            for v in (cc, ct, sc, st, cmax):
                v[ex] = -1.0  # the lowest cosine: last in every rank, never the best
            for v in (bc, bt, bsum, bb, chars):
                v[ex] = 0.0
        k = min(CANDIDATES, len(self.ids))
        cand = np.unique(np.concatenate([np.argsort(-v)[:k] for v in (cmax, bsum, bb, chars)]))
        if len(exclude):
            cand = np.setdiff1d(cand, ex)
        words = _tfidf_cosines(self._word_vec, self._word_matrix, q_split, len(self.ids))[cand]
        bc_top, bt_top, c_top = max(float(bc.max()), 1e-6), max(float(bt.max()), 1e-6), float(cmax.max())
        bb_top = max(float(bb.max()), 1e-6)
        idf = self.bm_both.idf
        q_set = set(q_stems)
        q_idf = sum(idf.get(t, 0.0) for t in sorted(q_set)) or 1.0
        q_numbers, q_names = numbers(q_split), name_words(q_split)
        signature = _TWEET_SIGNATURE.search(query)
        author = set(tokens(signature.group(1))) if signature else set()
        extra = []
        for c in cand:
            shared = sum(idf.get(t, 0.0) for t in sorted(self._both_tokens[c] & q_set))
            c_idf = sum(idf.get(t, 0.0) for t in sorted(self._both_tokens[c])) or 1.0
            names = self._names[c]
            extra.append((shared / c_idf, shared / q_idf, len(self._numbers[c] & q_numbers),
                          len(self._numbers[c] - q_numbers), len(names & q_names) / len(names) if names else 0.0,
                          float(bool(author & self._words[c]))))
        extra = np.array(extra, dtype=np.float32).reshape(len(cand), 6)
        X = np.column_stack([
            cc[cand], ct[cand], cmax[cand], np.log1p(bc[cand]), np.log1p(bt[cand]), bc[cand] / bc_top, bt[cand] / bt_top,
            cmax[cand] - c_top, _rank_inverse(cmax)[cand], _rank_inverse(bsum)[cand],
            sc[cand], st[cand], [self._covered(c, set(qt)) for c in cand],
            np.log1p(bb[cand]), bb[cand] / bb_top, _rank_inverse(bb)[cand], extra,
            chars[cand], words, _rank_inverse(chars)[cand],
        ]).astype(np.float32)
        return cand, np.hstack([X, X - X.max(axis=0)]) if len(cand) else np.zeros((0, len(FEATURES)), np.float32)

    def _covered(self, i: int, query_tokens: set[str]) -> float:
        """Share of the candidate's words found in the query."""
        words = self._claim_tokens[i]
        return len(words & query_tokens) / len(words) if words else 0.0

    def rank(self, query: str, k: int = 5, query_vecs: np.ndarray | None = None) -> list[Match]:
        cand, X = self.features(query, query_vecs)
        score = rerank(X)
        order = np.argsort(-score)[:k]
        return [Match(self.ids[cand[i]], float(score[i]), float(X[i, 2]), float(X[i, 3]),
                      self.duplicates.get(self.ids[cand[i]], ())) for i in order]


def rerank(X: np.ndarray) -> np.ndarray:
    """Probability that each candidate states the query's claim (the shipped re-ranker)."""
    from recoupe.analysis.linear_model import load

    return load(MODEL_NAME).sigmoid(X)[:, 0]


def producer() -> str:
    from recoupe.analysis.linear_model import load

    return load(MODEL_NAME).producer
