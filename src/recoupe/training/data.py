"""Readers for ../shared/data (SemEval-2023 Task 3, FreSaDa) and a disk cache of their vectors.

Embedding every paragraph of 13,000 articles takes minutes, so vectors are cached under
``$RECOUPE_CACHE`` (default ``~/.cache/recoupe``), keyed by data set and the encoder's word cap;
delete the cache to recompute. Line endings are normalised to ``\n``; SemEval's span offsets
count a CRLF as two characters, so they are shifted to match (about half the non-English files
use CRLF).
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.paths import shared_dir  # noqa: F401  (re-exported for the training scripts)

import numpy as np

from recoupe.analysis.style import LEAD_PARAGRAPHS, MAX_WORDS, paragraph_vectors, split_paragraphs

LANGS = ("en", "fr", "ge", "it", "po", "ru")
SEED = 13


def cache_dir() -> Path:
    path = Path(os.environ.get("RECOUPE_CACHE", Path.home() / ".cache" / "recoupe"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Article:
    """One article: its paragraphs (title first for SemEval), labels and, once embedded, vectors."""

    id: str
    lang: str
    title: str
    paragraphs: list[str]  # body paragraphs, title excluded (FreSaDa: lead paragraphs only)
    body: str = ""  # the whole body, for style features
    genre: str | None = None
    # SemEval subtask 3: for each line of the file (title = line 1), its techniques; None = not annotated
    line_texts: list[str] = field(default_factory=list)
    line_labels: list[list[str] | None] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    line_offsets: list[int] = field(default_factory=list)
    title_vec: np.ndarray | None = None
    para_vecs: np.ndarray | None = None


def _semeval_dir() -> Path:
    return shared_dir() / "data" / "genre" / "semeval2023t3"


def _read_tsv(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def _universal(offset: int, crlf: list[int]) -> int:
    """A SemEval span offset (which counts each CRLF as two characters) in the text as read here."""
    return offset - bisect.bisect_left(crlf, offset)


def load_semeval(lang: str) -> list[Article]:
    """Every article of one language that has a genre or a paragraph annotation."""
    root = _semeval_dir() / lang
    genres = {row[0]: row[1] for row in _read_tsv(root / "labels-subtask-1.txt")}
    para_labels: dict[str, dict[int, list[str]]] = {}
    for row in _read_tsv(root / "labels-subtask-3.txt"):
        labels = [x for x in (row[2].split(",") if len(row) > 2 else []) if x]
        para_labels.setdefault(row[0], {})[int(row[1])] = labels
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for path in sorted((root / "spans").glob("*.txt")):
        for row in _read_tsv(path):
            spans.setdefault(row[0], []).append((row[1], int(row[2]), int(row[3])))
    articles = []
    for art_id in sorted(set(genres) | set(para_labels)):
        path = root / "articles" / f"article{art_id}.txt"
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
        text = raw.replace("\r\n", "\n").replace("\r", "\n")  # as universal newlines read it
        lines = text.split("\n")
        crlf = [m.start() for m in re.finditer("\r\n", raw)]
        offsets = np.cumsum([0] + [len(x) + 1 for x in lines[:-1]]).tolist()
        labelled = para_labels.get(art_id, {})
        keep = [i for i, line in enumerate(lines) if line.strip()]
        if not keep:
            continue
        title = lines[keep[0]].strip()
        articles.append(
            Article(
                id=art_id,
                lang=lang,
                title=title,
                paragraphs=[lines[i].strip() for i in keep[1:]],
                body="\n".join(lines[i].strip() for i in keep[1:]),
                genre=genres.get(art_id),
                line_texts=[lines[i] for i in keep],
                line_labels=[labelled.get(i + 1) if art_id in para_labels else None for i in keep],
                spans=[(t, _universal(s, crlf), _universal(e, crlf)) for t, s, e in spans.get(art_id, [])],
                line_offsets=[offsets[i] for i in keep],
            )
        )
    return articles


def load_fresada(split: str, limit: int | None = None) -> list[Article]:
    """FreSaDa train or test: genre 'satire' (label 1) or 'reporting' (label -1).

    Only the lead paragraphs are kept (the genre and satire models read no further), and
    ``limit`` draws a fixed random subset, because embedding 8,700 articles on two shared
    cores takes too long for one training command.
    """
    root = shared_dir() / "data" / "satire" / "fresada" / "data" / split
    rows = _read_tsv(root / "summary.tsv")[1:]
    if limit and limit < len(rows):
        keep = np.random.default_rng(SEED).choice(len(rows), size=limit, replace=False)
        rows = [rows[i] for i in sorted(keep)]
    articles = []
    for text_id, title, label in rows:
        body = (root / "texts" / text_id).read_text(encoding="utf-8")
        paras = [body[s:e] for s, e in split_paragraphs(body)][:LEAD_PARAGRAPHS]
        articles.append(
            Article(
                id=f"{split}/{text_id}",
                lang="fr",
                title=title.strip(),
                paragraphs=paras or [title.strip()],
                body=body.strip(),
                genre="satire" if label.strip() == "1" else "reporting",
            )
        )
    return articles


def embed(articles: list[Article], name: str) -> list[Article]:
    """Fill title_vec and para_vecs (SemEval: one vector per annotated line) from a disk cache."""
    path = cache_dir() / f"vectors-{name}-w{MAX_WORDS}.npz"
    keys = [a.id for a in articles]
    if path.exists():
        with np.load(path) as data:
            cached_keys, bounds, vecs = list(data["keys"]), data["bounds"], data["vecs"]
        if cached_keys == keys:
            for a, (lo, hi) in zip(articles, zip(bounds[:-1], bounds[1:])):
                a.title_vec, a.para_vecs = vecs[lo], vecs[lo + 1 : hi]
            return articles
    chunks = []
    for i, a in enumerate(articles):
        chunks.append(np.vstack([paragraph_vectors([a.title]), paragraph_vectors(a.paragraphs)]))
        a.title_vec, a.para_vecs = chunks[-1][0], chunks[-1][1:]
        if i % 500 == 0:
            print(f"  embedded {i}/{len(articles)} {name}", flush=True)
    bounds = np.cumsum([0] + [len(c) for c in chunks])
    np.savez(path, keys=np.array(keys), bounds=bounds, vecs=np.vstack(chunks).astype(np.float32))
    return articles


def semeval(langs: tuple[str, ...] = LANGS) -> list[Article]:
    """All SemEval articles of these languages, embedded."""
    out = []
    for lang in langs:
        out.extend(embed(load_semeval(lang), f"semeval-{lang}"))
    return out


FRESADA_TRAIN_LIMIT = 3000


def fresada(split: str) -> list[Article]:
    limit = FRESADA_TRAIN_LIMIT if split == "train" else None
    return embed(load_fresada(split, limit), f"fresada-{split}-n{limit or 'all'}-p{LEAD_PARAGRAPHS}")



