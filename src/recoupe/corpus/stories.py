"""Stories: articles about the same event, across outlets and languages, clustered incrementally.

A new article joins the story whose members it is most similar to (the similarity of
:mod:`recoupe.corpus.similarity`, the number ``recoupe eval similarity`` scores) when that
similarity reaches the same-story threshold and the dates are within ``WINDOW_DAYS``; otherwise it
starts a story. A member whose title and the article's are names apart (each names a person or
organisation the other never mentions: :func:`recoupe.corpus.similarity.names_apart`) cannot be the
reason it joins (:func:`recoupe.corpus.translations.story_similarity`). Nothing is re-clustered.
Assignment stays fast as the corpus grows because only a few candidate stories are compared in full:

- dated articles look only at stories active within the window (a vectorised mask over the
  stories' last dates), ranked by the cosine of their title+lead centroid;
- undated articles compare every story's centroid while there are at most ``EXACT_MAX`` stories,
  and beyond that use random-hyperplane LSH buckets of the centroids (``LSH_TABLES`` x
  ``LSH_BITS``) and an inverted index of the stories' entity keys.

The index is plain memory (profiles, centroids, keys); :mod:`recoupe.corpus.crosscheck` saves
assignments in the store so the next article joins the same index rebuilt from it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from recoupe.corpus import similarity as sim
from recoupe.corpus import translations

WINDOW_DAYS = 7.0  # a news story's articles mostly fall within a week; later follow-ups start a new story
CANDIDATES = 8  # stories compared in full per article, best centroid cosine first (a prior, not tuned)
# Title+lead centroid cosine of SemEval-2022 same-story pairs (overall <= 1.5, n = 317): 1st percentile
# -0.035, 2nd 0.016, 5th 0.307; 4.4% fall below 0.25. Candidates below 0 are not compared (~2% missed).
CANDIDATE_MIN_COS = 0.0
REPRESENTATIVES = 6  # members of a candidate story the article is compared with: the first and the latest
LSH_TABLES, LSH_BITS = 8, 6
# Undated articles: exact centroid search up to this many stories (one 512-d matrix-vector product:
# 2.7 ms at 5,000 stories, 16 ms at 20,000, on the shared 2-core machine under load). LSH lost candidates: clustering SemEval-2022's
# 2,775 undated articles, the story of a same-story partner was among the 8 candidates for 67% of the
# 317 pairs with LSH alone, 93% with exact search (python benchmarks/story_veto.py --clusters).
EXACT_MAX = 10_000
SEED = 13


@dataclass
class Story:
    id: str
    title: str
    first_seen: datetime | None
    last_seen: datetime | None
    members: list[str] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)
    keys: Counter = field(default_factory=Counter)
    similarity: dict[str, float] = field(default_factory=dict)  # article id -> similarity when it joined


def _centroid_vec(p: sim.Profile) -> np.ndarray:
    v = p.title_vec + p.lead_vec
    n = float(np.linalg.norm(v))
    return (v / n if n else v).astype(np.float32)


def story_id(first_article: str) -> str:
    return "s" + hashlib.sha256(first_article.encode()).hexdigest()[:11]


class StoryIndex:
    """Incremental story clustering over article profiles."""

    def __init__(self, threshold: float | None = None, window_days: float = WINDOW_DAYS):
        self.threshold = sim.same_story_threshold() if threshold is None else threshold
        self.window = window_days * 86400.0
        self.stories: list[Story] = []
        self.by_id: dict[str, int] = {}
        self.profiles: dict[str, sim.Profile] = {}
        self.story_of: dict[str, str] = {}
        self._cent = np.zeros((0, 512), dtype=np.float32)
        self._sum = np.zeros((0, 512), dtype=np.float32)
        self._last = np.zeros(0, dtype=np.float64)  # last date, seconds; nan when undated
        self._n = 0
        planes = np.random.RandomState(SEED).standard_normal((LSH_TABLES, LSH_BITS, 512)).astype(np.float32)
        self._planes = planes
        self._buckets: list[dict[int, set[int]]] = [dict() for _ in range(LSH_TABLES)]
        self._bucket_of: dict[int, list[int]] = {}
        self._key_index: dict[str, set[int]] = {}

    # -- storage --------------------------------------------------------------------------------

    def _grow(self) -> None:
        if self._n < len(self._cent):
            return
        cap = max(64, 2 * len(self._cent))
        for name in ("_cent", "_sum"):
            arr = getattr(self, name)
            new = np.zeros((cap, 512), dtype=np.float32)
            new[: len(arr)] = arr
            setattr(self, name, new)
        last = np.full(cap, np.nan)
        last[: len(self._last)] = self._last
        self._last = last

    def _hashes(self, v: np.ndarray) -> list[int]:
        bits = (np.einsum("tbd,d->tb", self._planes, v) > 0).astype(np.int64)
        return [int(b @ (1 << np.arange(LSH_BITS))) for b in bits]

    def _index_centroid(self, i: int) -> None:
        for t, h in enumerate(self._bucket_of.get(i, [])):
            self._buckets[t].get(h, set()).discard(i)
        hs = self._hashes(self._cent[i])
        self._bucket_of[i] = hs
        for t, h in enumerate(hs):
            self._buckets[t].setdefault(h, set()).add(i)

    # -- assignment -----------------------------------------------------------------------------

    def candidates(self, p: sim.Profile, keys: list[str]) -> list[int]:
        """Indices of the stories worth a full comparison, best centroid cosine first."""
        if not self._n:
            return []
        v = _centroid_vec(p)
        if p.date is not None:
            t = p.date.timestamp()
            last = self._last[: self._n]
            pool = np.flatnonzero(np.isnan(last) | (np.abs(last - t) <= self.window))
        elif self._n <= EXACT_MAX:
            pool = np.arange(self._n)
        else:
            found: set[int] = set()
            for table, h in zip(self._buckets, self._hashes(v)):
                found |= table.get(h, set())
            for k in keys:
                found |= self._key_index.get(k, set())
            pool = np.fromiter(found, dtype=np.int64, count=len(found))
        if not len(pool):
            return []
        cos = self._cent[pool] @ v
        top = np.argpartition(-cos, CANDIDATES)[:CANDIDATES] if len(cos) > CANDIDATES else np.arange(len(cos))
        order = top[np.argsort(-cos[top], kind="stable")]
        return [int(pool[i]) for i in order if cos[i] >= CANDIDATE_MIN_COS]

    def assign(self, article_id: str, p: sim.Profile, *, keys: list[str] = (), language: str | None = None,
               title: str | None = None) -> tuple[str, float]:
        """Put the article in a story (joining or starting one); return (story id, similarity to
        the story, 1.0 for a new story's first article). Re-assigning a known article is a no-op."""
        if article_id in self.story_of:
            sid = self.story_of[article_id]
            return sid, self.stories[self.by_id[sid]].similarity.get(article_id, 1.0)
        best, best_sim = None, -1.0
        for i in self.candidates(p, list(keys)):
            story = self.stories[i]
            reps = story.members[:1] + story.members[-(REPRESENTATIVES - 1):]
            score = max(translations.story_similarity(p, self.profiles[m], self.threshold) for m in dict.fromkeys(reps))
            if score > best_sim:
                best, best_sim = i, score
        self.profiles[article_id] = p
        if best is not None and best_sim >= self.threshold:
            self._join(best, article_id, p, keys, language, best_sim)
            return self.stories[best].id, best_sim
        return self._start(article_id, p, keys, language, title), 1.0

    def _start(self, article_id, p, keys, language, title) -> str:
        self._grow()
        i = self._n
        self._n += 1
        sid = story_id(article_id)
        story = Story(sid, title or (p.sentences[0] if p.sentences else ""), p.date, p.date)
        self.stories.append(story)
        self.by_id[sid] = i
        self._sum[i] = 0
        self._join(i, article_id, p, keys, language, 1.0)
        return sid

    def _join(self, i, article_id, p, keys, language, score) -> None:
        story = self.stories[i]
        story.members.append(article_id)
        story.similarity[article_id] = float(score)
        if language:
            story.languages[language] += 1
        for k in keys:
            story.keys[k] += 1
            self._key_index.setdefault(k, set()).add(i)
        if p.date is not None:
            story.first_seen = min(filter(None, [story.first_seen, p.date]))
            story.last_seen = max(filter(None, [story.last_seen, p.date]))
            self._last[i] = story.last_seen.timestamp()
        self._sum[i] += _centroid_vec(p)
        n = float(np.linalg.norm(self._sum[i]))
        self._cent[i] = self._sum[i] / n if n else self._sum[i]
        self._index_centroid(i)
        self.story_of[article_id] = story.id

    def restore(self, sid: str, title: str | None, article_id: str, p: sim.Profile, keys: list[str],
                language: str | None, score: float) -> None:
        """Replay a stored assignment (rebuilding the index from the store, without comparing)."""
        self.profiles[article_id] = p
        if sid not in self.by_id:
            self._grow()
            i = self._n
            self._n += 1
            self.stories.append(Story(sid, title or "", p.date, p.date))
            self.by_id[sid] = i
        self._join(self.by_id[sid], article_id, p, keys, language, score)

    def story(self, sid: str) -> Story:
        return self.stories[self.by_id[sid]]
