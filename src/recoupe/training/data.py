"""Readers for ../shared/data (SemEval-2023 Task 3, FreSaDa) and a disk cache of their vectors.

Embedding every paragraph of 13,000 articles takes minutes, so vectors are cached under
``$RECOUPE_CACHE`` (default ``~/.cache/recoupe``), keyed by data set and how they are made
(``VECTORS``); delete the cache to recompute. Line endings are normalised to ``\n``; SemEval's span offsets
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

from recoupe.analysis.style import LEAD_PARAGRAPHS, encode, pooled_paragraph_vectors, split_paragraphs, split_sentences

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


# Sentences as the pipeline finds them: the spaCy parser's (cut at line breaks) for the languages
# with a pipeline, the regular-expression split of style.split_sentences for the others.
PARSED = {"fr": "fr", "en": "en"}
VECTORS = "pooled"  # cache tag: paragraph vectors pooled from sentence vectors (issue 15)


def _sentence_bounds(texts: list[str], lang: str) -> list[list[tuple[int, int]]]:
    """Sentence bounds of each text, split the way the pipeline splits a text of ``lang``."""
    if lang not in PARSED:
        return [split_sentences(t) for t in texts]
    import spacy

    from recoupe.analysis.claims import sentence_spans
    from recoupe.nlp import MODELS, paragraph_wise

    # the parser alone sets the sentences (the entity recogniser does not touch them), paragraph by
    # paragraph as in the pipeline
    nlp = paragraph_wise(spacy.load(MODELS[PARSED[lang]], exclude=["ner", "lemmatizer"]))
    return [[(s, e) for s, e, _ in sentence_spans(doc)] for doc in nlp.pipe(texts, batch_size=32)]


def pooled_vectors(lines_of: list[list[str]], lang: str, sentences: list | None = None) -> list[np.ndarray]:
    """For each article given as its lines, one vector per line, as the pipeline computes them:
    sentence vectors pooled into paragraphs (style.pooled_paragraph_vectors). ``sentences``, when
    given, receives (texts, sentence bounds, sentence vectors) of this call: the sentence view of
    persuasion trains on the very vectors pooled here (``semeval_sentences``)."""
    texts = ["\n".join(lines) for lines in lines_of]
    bounds = _sentence_bounds(texts, lang)
    spans_text = [t[s:e] for t, b in zip(texts, bounds) for s, e in b]
    vecs = encode(spans_text) if spans_text else np.zeros((0, 512), dtype=np.float32)
    if sentences is not None:
        sentences.append((texts, bounds, vecs))
    cuts = np.cumsum([0] + [len(b) for b in bounds])
    out = []
    for text, lines, b, lo, hi in zip(texts, lines_of, bounds, cuts[:-1], cuts[1:]):
        offsets = np.cumsum([0] + [len(x) + 1 for x in lines[:-1]])
        spans = [(int(o), int(o) + len(x)) for o, x in zip(offsets, lines)]
        out.append(pooled_paragraph_vectors(text, spans, b, vecs[lo:hi]))
    return out


def embed(articles: list[Article], name: str, sentences: list | None = None) -> list[Article]:
    """Fill title_vec and para_vecs (SemEval: one vector per annotated line) from a disk cache.
    ``sentences`` collects the encoded sentences when the vectors are computed (``pooled_vectors``);
    it stays empty when they come from the cache."""
    path = cache_dir() / f"vectors-{name}-{VECTORS}.npz"
    keys = [a.id for a in articles]
    if path.exists():
        with np.load(path) as data:
            cached_keys, bounds, vecs = list(data["keys"]), data["bounds"], data["vecs"]
        if cached_keys == keys:
            for a, (lo, hi) in zip(articles, zip(bounds[:-1], bounds[1:])):
                a.title_vec, a.para_vecs = vecs[lo], vecs[lo + 1 : hi]
            return articles
    chunks = []
    by_lang: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        by_lang.setdefault(a.lang, []).append(i)
    chunks = [None] * len(articles)
    for lang, idx in by_lang.items():
        for lo in range(0, len(idx), 500):
            part = idx[lo : lo + 500]
            for i, v in zip(part, pooled_vectors([[articles[i].title, *articles[i].paragraphs] for i in part], lang,
                                                    sentences)):
                chunks[i] = v
            print(f"  embedded {lo + len(part)}/{len(idx)} {name}", flush=True)
    for a, c in zip(articles, chunks):
        a.title_vec, a.para_vecs = c[0], c[1:]
    bounds = np.cumsum([0] + [len(c) for c in chunks])
    np.savez(path, keys=np.array(keys), bounds=bounds, vecs=np.vstack(chunks).astype(np.float32))
    return articles


def semeval(langs: tuple[str, ...] = LANGS, sentences: list | None = None) -> list[Article]:
    """All SemEval articles of these languages, embedded (``sentences``: see ``embed``)."""
    out = []
    for lang in langs:
        out.extend(embed(load_semeval(lang), f"semeval-{lang}", sentences))
    return out


FRESADA_TRAIN_LIMIT = 3000


def fresada(split: str) -> list[Article]:
    limit = FRESADA_TRAIN_LIMIT if split == "train" else None
    return embed(load_fresada(split, limit), f"fresada-{split}-n{limit or 'all'}-p{LEAD_PARAGRAPHS}")


# Sentence-level rows (session 11, issue 15): the persuasion model's sentence view trains on them.
def semeval_sentences() -> dict:
    """Per SemEval article (key ``lang/id``): (line index into ``line_texts``, raw start, raw end,
    sentence vector) of every sentence the pipeline encodes, the very vectors
    ``data.embed`` pools into the paragraph vectors. When the embedding cache is built in the same
    run, ``embed`` hands over the sentences it encoded (no second encoder pass); otherwise they are
    split and encoded again the same way (``_sentence_bounds``, ``encode``). Cached on disk."""
    path = cache_dir() / f"semeval-sentences-{VECTORS}.npz"
    if path.exists():
        with np.load(path) as z:
            keys, cuts, line, start, end, vecs = (z[k] for k in ("keys", "cuts", "line", "start", "end", "vecs"))
        return {k: (line[a:b], start[a:b], end[a:b], vecs[a:b]) for k, a, b in zip(keys, cuts[:-1], cuts[1:])}
    captured: list = []
    articles = semeval(sentences=captured)
    for lang in LANGS:  # the languages whose paragraph vectors came from the cache: split and encode again
        texts = ["\n".join([a.title, *a.paragraphs]) for a in articles if a.lang == lang]
        if texts and not any(texts[0] in t for t, _, _ in captured):
            b = _sentence_bounds(texts, lang)
            captured.append((texts, b, encode([t[s:e] for t, bb in zip(texts, b) for s, e in bb])))
    by_text = {}
    for texts, b, v in captured:
        cut = np.cumsum([0] + [len(x) for x in b])
        for t, bb, lo in zip(texts, b, cut[:-1]):
            by_text[t] = (bb, v[lo:lo + len(bb)])
    keys, rows = [], []
    for a in articles:
        lines = [a.title, *a.paragraphs]
        bb, v = by_text["\n".join(lines)]
        joined = np.cumsum([0] + [len(x) + 1 for x in lines[:-1]])
        raw = [o + len(t) - len(t.lstrip()) for o, t in zip(a.line_offsets, a.line_texts)]
        k = np.searchsorted(joined, [s for s, _ in bb], side="right") - 1
        rows.append((k, np.array([raw[i] + s - joined[i] for i, (s, _) in zip(k, bb)], dtype=int),
                     np.array([raw[i] + e - joined[i] for i, (_, e) in zip(k, bb)], dtype=int), v))
        keys.append(f"{a.lang}/{a.id}")
    cuts = np.cumsum([0] + [len(r[0]) for r in rows])
    cat = [np.concatenate([r[i] for r in rows]) if i < 3 else np.vstack([r[3] for r in rows]) for i in range(4)]
    np.savez(path, keys=np.array(keys), cuts=cuts, line=cat[0].astype(int), start=cat[1], end=cat[2],
             vecs=cat[3].astype(np.float32))
    return {k: (r[0], r[1], r[2], r[3]) for k, r in zip(keys, rows)}


def sentence_table(articles: list[Article], techniques: list[str]):
    """Sentence rows aligned with the rows of ``training.persuasion.paragraph_table`` over the
    same ``articles`` (every annotated line, in order): (owner paragraph row of each sentence, its
    vector, its span labels: 1 where a gold span of the technique overlaps the sentence). A line
    with no sentence (too short to be one) owns no row."""
    S = semeval_sentences()
    owner, vecs, labels = [], [], []
    row = 0
    for a in articles:
        line, start, end, v = S[f"{a.lang}/{a.id}"]
        for i, lab in enumerate(a.line_labels):
            if lab is None:
                continue
            for s in np.where(line == i)[0]:
                owner.append(row)
                vecs.append(v[s])
                labels.append([any(t == kind and lo < end[s] and hi > start[s] for kind, lo, hi in a.spans)
                               for t in techniques])
            row += 1
    return np.array(owner, dtype=int), np.vstack(vecs), np.array(labels, dtype=float)
