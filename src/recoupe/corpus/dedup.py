"""Near-duplicates and syndication: MinHash LSH (datasketch) on word shingles of the body.

Each article's MinHash signature is cut into LSH bands stored in the ``lsh_bands`` table, so the
index lives in the database: it survives restarts, needs no rebuild, and is shared by every
process writing to the same PostgreSQL store. Articles sharing a band are candidates; a candidate
is a near-duplicate when the *containment* of the shorter text's shingles in the longer one is
high, measured exactly on the two bodies. Containment, not Jaccard, because a syndicated copy is
often truncated (a lead-only copy of a long wire story has a low Jaccard but full containment).

Groups: a new near-duplicate joins its match's group (groups it bridges are merged). The origin is
the member published by a news agency, else one crediting an agency, else the earliest dated,
else the first ingested; members on another domain than the origin are ``syndication``, on the
same domain ``duplicate``. ``benchmarks/dedup.py`` measures the detector (see the constants).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from datasketch import MinHash
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from recoupe.corpus import store as t
from recoupe.corpus.keys import fold

NUM_PERM = 128
# Chosen with benchmarks/dedup.py (600 articles, 600 copies): recall 0.758 with 32 bands of 4 rows,
# 0.817 with 42 of 3, 0.842 with 64 of 2 (5-word shingles); precision 0.986 in all three. 3-word
# shingles gain 0.05 recall but unrelated articles in one language share many 3-grams, which would
# make thousands of LSH candidates per article in a million-article store; 5-grams keep it to tens.
SHINGLE = 5  # words
ROWS_PER_BAND = 2  # 64 bands of 2: Jaccard 0.1 is a candidate with p 0.47, 0.2 with p 0.93, 0.02 with p 0.03
CONTAINMENT_MIN = 0.5  # 0.3-0.5 changed recall by < 0.01 and precision not at all; 0.6+ loses truncated copies
MAX_CANDIDATES = 50
SEED = 1


@dataclass
class Sketch:
    shingles: set[str]
    hashvalues: np.ndarray

    def bands(self) -> list[tuple[int, int]]:
        """(band, 64-bit hash of the band's rows and its number): the number is in the hash, so one
        index on the hash finds a band's matches."""
        out = []
        for b in range(NUM_PERM // ROWS_PER_BAND):
            chunk = self.hashvalues[b * ROWS_PER_BAND:(b + 1) * ROWS_PER_BAND].astype("<u8").tobytes()
            digest = hashlib.blake2b(b.to_bytes(2, "little") + chunk, digest_size=8).digest()
            out.append((b, int.from_bytes(digest, "little", signed=True)))
        return out

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u4").tobytes()


def shingles(body: str, k: int = SHINGLE) -> set[str]:
    """Word k-grams of the folded body (accents and case off); short texts give their whole text."""
    words = fold(body).split()
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def sketch(body: str, k: int = SHINGLE) -> Sketch:
    grams = shingles(body, k)
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    if grams:
        mh.update_batch([g.encode("utf-8") for g in grams])
    return Sketch(grams, mh.hashvalues.copy())


def overlap(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_near_duplicate(jaccard: float, containment: float) -> bool:
    return containment >= CONTAINMENT_MIN


def near_duplicates(session: Session, article_id: str, sk: Sketch) -> list[tuple[str, float, float]]:
    """Stored articles that are near-duplicates of this body: (id, Jaccard, containment), best first."""
    bands = sk.bands()
    if not sk.shingles:
        return []
    counts: dict[str, int] = {}
    wanted = set(bands)
    rows = session.execute(select(t.LshBand.article_id, t.LshBand.band, t.LshBand.hash)
                           .where(t.LshBand.hash.in_([h for _, h in bands])))
    for other, band, h in rows:
        if other != article_id and (band, h) in wanted:
            counts[other] = counts.get(other, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])[:MAX_CANDIDATES]
    found = []
    for other, body in session.execute(select(t.Article.id, t.Article.body).where(t.Article.id.in_(ranked))):
        j, c = overlap(sk.shingles, shingles(body))
        if is_near_duplicate(j, c):
            found.append((other, round(j, 4), round(c, 4)))
    return sorted(found, key=lambda x: (-x[2], -x[1], x[0]))


def index(session: Session, article_id: str, sk: Sketch) -> None:
    session.execute(t.LshBand.__table__.insert(),
                    [{"article_id": article_id, "band": b, "hash": h} for b, h in sk.bands()])


# -- groups -----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def wires() -> tuple[dict[str, str], dict[str, str]]:
    """(domain -> agency, folded name -> agency) from wires.tsv."""
    domains, names = {}, {}
    for line in (Path(__file__).parent / "wires.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, aliases = line.split("\t")
        agency = aliases.split("|")[0]
        domains[domain] = agency
        for alias in aliases.split("|"):
            names[fold(alias)] = agency
    return domains, names


def wire_domain(domain: str | None) -> str | None:
    if not domain:
        return None
    domains, _ = wires()
    for d, agency in domains.items():
        if domain == d or domain.endswith("." + d):
            return agency
    return None


def wire_credit(findings: dict) -> str | None:
    """The agency an article credits in its authors, byline or provenance line, or its chain's origin."""
    _, names = wires()
    texts = list(findings.get("authors") or [])
    texts += [f["text"] for f in findings.get("furniture", []) if f.get("kind") in ("byline", "provenance", "dateline")]
    texts += [link["name"] for link in findings.get("source_chain", []) if link.get("role") == "origin"]
    for text in texts:
        words = fold(text).split()
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                if (agency := names.get(" ".join(words[i:i + n]))) is not None:
                    return agency
    return None


def assign(session: Session, article: t.Article, matches: list[tuple[str, float, float]]) -> t.DuplicateGroup | None:
    """Put a new article in the group of its near-duplicates (merging groups it bridges), then
    re-choose the group's origin and every member's relation to it."""
    if not matches:
        return None
    ids = [m[0] for m in matches]
    existing = dict(session.execute(select(t.DuplicateMember.article_id, t.DuplicateMember.group_id)
                                    .where(t.DuplicateMember.article_id.in_(ids))).all())
    group_ids = sorted(set(existing.values()))
    if group_ids:
        group = session.get(t.DuplicateGroup, group_ids[0])
        for other in group_ids[1:]:
            session.execute(update(t.DuplicateMember).where(t.DuplicateMember.group_id == other)
                            .values(group_id=group.id))
            session.execute(t.DuplicateGroup.__table__.delete().where(t.DuplicateGroup.id == other))
    else:
        group = t.DuplicateGroup()
        session.add(group)
        session.flush()
    best = matches[0]
    for other, j, c in matches:
        if other not in existing:
            session.add(t.DuplicateMember(article_id=other, group_id=group.id, similar_to=article.id, jaccard=j,
                                          containment=c, relation="duplicate"))
    session.add(t.DuplicateMember(article_id=article.id, group_id=group.id, similar_to=best[0], jaccard=best[1],
                                  containment=best[2], relation="duplicate"))
    session.flush()
    choose_origin(session, group)
    return group


def choose_origin(session: Session, group: t.DuplicateGroup) -> None:
    members = session.scalars(select(t.DuplicateMember).where(t.DuplicateMember.group_id == group.id)).all()
    articles = {a.id: a for a in session.scalars(select(t.Article).where(
        t.Article.id.in_([m.article_id for m in members])))}

    def rank(a: t.Article):
        if wire_domain(a.domain):
            return (0, "", a.ingested, a.id), "wire"
        if wire_credit(a.findings or {}):
            return (1, a.date or "9999", a.ingested, a.id), "wire credit"
        if a.date:
            return (2, a.date, a.ingested, a.id), "earliest date"
        return (3, "", a.ingested, a.id), "first ingested"

    ranked = sorted((rank(a) + (a,) for a in articles.values()), key=lambda x: x[0])
    _, reason, origin = ranked[0]
    group.origin_id, group.origin_reason = origin.id, reason
    for m in members:
        a = articles[m.article_id]
        if a.id == origin.id:
            m.relation = "origin"
        else:
            m.relation = "syndication" if (a.domain or None) != (origin.domain or None) else "duplicate"
