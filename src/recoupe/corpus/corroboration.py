"""Corroboration by independent origin: how many separate sources stand behind a story and each claim.

Articles are grouped by origin (union-find): near-duplicates and syndicated copies (the store's
duplicate groups), translations of one another (:mod:`recoupe.corpus.translations`), and articles
whose source chains lead to the same origin, or to another member's own outlet, count once. Five
outlets relaying one post are one origin, with five relays under it.

Claims are matched across a story's articles and languages: sentence vectors propose pairs
(cosine >= ``PROPOSE_COS``), shared actors (entities) or numbers confirm them; a very close pair
(>= ``SAME_COS``) needs no confirmation. Each matched claim reports its independent origins with
their ratings, the relays under each, conflicting numbers, denials and its first appearance.
"""

from __future__ import annotations

from dataclasses import dataclass, field


from recoupe.corpus.keys import fold
from recoupe.corpus.records import ArticleRecord

# fr/en translations of one sentence score 0.67-0.89 with the shipped encoder, unrelated < 0.16
# (DESIGN.md); paraphrases of one claim by two outlets sit around 0.6-0.8.
PROPOSE_COS = 0.6
SAME_COS = 0.85


class _UnionFind:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Origin:
    name: str | None
    domain: str | None
    articles: list[str]
    relays: list[dict] = field(default_factory=list)  # {article, outlet, url, via}
    reason: str = ""  # why these articles count once
    ratings: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"name": self.name, "domain": self.domain, "articles": self.articles, "relays": self.relays,
                "reason": self.reason, "ratings": self.ratings}


def _origin_key(r: ArticleRecord) -> str | None:
    for link in r.chain:
        if link.get("role") == "origin":
            return link.get("domain") or fold(link.get("name") or "") or None
    return None


def _origin_link(r: ArticleRecord) -> dict | None:
    return next((link for link in r.chain if link.get("role") == "origin"), None)


def origin_groups(records: list[ArticleRecord], profiles: dict | None = None, ratings=None) -> list[Origin]:
    """The independent origins behind a set of articles, earliest first."""
    from recoupe.corpus import translations as tr

    uf = _UnionFind([r.id for r in records])
    reasons: dict[str, set[str]] = {}
    by_group: dict[int, str] = {}
    by_origin: dict[str, str] = {}
    own: dict[str, str] = {}
    for r in records:
        for k in filter(None, [r.domain, fold(r.publisher) if r.publisher else None]):
            own.setdefault(k, r.id)
    for r in records:
        if r.duplicate_group is not None:
            if r.duplicate_group in by_group:
                uf.union(r.id, by_group[r.duplicate_group])
                reasons.setdefault(r.id, set()).add("duplicate or syndicated copy")
            by_group.setdefault(r.duplicate_group, r.id)
        key = _origin_key(r)
        if key:
            if key in by_origin:
                uf.union(r.id, by_origin[key])
                reasons.setdefault(r.id, set()).add("same origin in the source chain")
            by_origin.setdefault(key, r.id)
            if key in own and own[key] != r.id:
                uf.union(r.id, own[key])
                reasons.setdefault(r.id, set()).add("relays another article of the set")
    if profiles:
        for i, a in enumerate(records):
            for b in records[i + 1:]:
                if a.language != b.language and a.id in profiles and b.id in profiles \
                        and tr.is_translation(profiles[a.id], profiles[b.id]):
                    uf.union(a.id, b.id)
                    reasons.setdefault(b.id, set()).add("translation")
    groups: dict[str, list[ArticleRecord]] = {}
    for r in records:
        groups.setdefault(uf.find(r.id), []).append(r)
    out = []
    for members in groups.values():
        members.sort(key=lambda r: (r.date is None, r.date or 0, r.id))
        links = [link for link in (_origin_link(r) for r in members) if link]
        if links:
            names = [(link.get("name"), link.get("domain")) for link in links]
            name, domain = max(set(names), key=names.count)
        else:
            name, domain = members[0].publisher or members[0].domain, members[0].domain
        relays = [{"article": r.id, "outlet": r.outlet, "url": r.url,
                   "via": [link.get("name") for link in r.chain if link.get("role") == "relay"]} for r in members]
        why = sorted(set().union(*(reasons.get(r.id, set()) for r in members)))
        origin = Origin(name, domain, [r.id for r in members], relays, "; ".join(why) or "single article")
        if ratings is not None:
            match = (ratings.lookup_domain(domain) if domain else None) or (ratings.lookup(name) if name else None)
            if match is not None:
                origin.domain = origin.domain or match.domain
                origin.ratings = [x.model_dump() for x in match.ratings]
        out.append(origin)
    out.sort(key=lambda o: min((r.date.timestamp() for r in groups_by_ids(records, o.articles) if r.date), default=float("inf")))
    return out


def groups_by_ids(records: list[ArticleRecord], ids: list[str]) -> list[ArticleRecord]:
    wanted = set(ids)
    return [r for r in records if r.id in wanted]


def _numbers(claim: dict) -> dict[tuple, set[float]]:
    out: dict[tuple, set[float]] = {}
    for q in claim.get("quantities") or []:
        if q.get("value") is not None and q.get("kind") not in ("year", "date", "ordinal"):
            out.setdefault((q.get("kind"), q.get("unit"), q.get("currency")), set()).add(round(float(q["value"]), 6))
    return out


def _confirmed(a: dict, b: dict, cos: float) -> bool:
    """Vectors proposed the pair; shared actors or numbers confirm it."""
    if cos >= SAME_COS:
        return True
    ents = {fold(e) for e in a.get("entities") or []} & {fold(e) for e in b.get("entities") or []}
    na, nb = _numbers(a), _numbers(b)
    shared_numbers = any(na[k] & nb.get(k, set()) for k in na)
    return bool(ents) or shared_numbers


def corroborate(records: list[ArticleRecord], profiles: dict | None = None, ratings=None,
                encode=None) -> list[dict]:
    """Claims of these articles matched across them, each with its independent origins."""
    from recoupe import vectors

    origins = origin_groups(records, profiles, ratings)
    origin_of = {aid: k for k, o in enumerate(origins) for aid in o.articles}
    by_id = {r.id: r for r in records}
    claims = [(r.id, c) for r in records for c in r.claims if c.get("text")]
    if not claims:
        return []
    vecs = (encode or vectors.encode)([c["text"] for _, c in claims])
    S = vecs @ vecs.T
    uf = _UnionFind(range(len(claims)))
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i][0] != claims[j][0] and S[i, j] >= PROPOSE_COS and _confirmed(claims[i][1], claims[j][1], S[i, j]):
                uf.union(i, j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(claims)):
        clusters.setdefault(uf.find(i), []).append(i)
    out = []
    for members in clusters.values():
        arts = list(dict.fromkeys(claims[i][0] for i in members))
        rep = max(members, key=lambda i: claims[i][1].get("score") or 0.0)
        per_origin: dict[int, list[dict]] = {}
        for i in members:
            aid, c = claims[i]
            r = by_id[aid]
            per_origin.setdefault(origin_of.get(aid, -1), []).append(
                {"article": aid, "outlet": r.outlet, "url": r.url, "language": r.language, "text": c["text"],
                 "status": c.get("status"), "date": r.date.isoformat() if r.date else None})
        numbers: dict[tuple, set[float]] = {}
        for i in members:
            for k, v in _numbers(claims[i][1]).items():
                numbers.setdefault(k, set()).update(v)
        conflicts = [{"kind": k[0], "unit": k[1], "currency": k[2], "values": sorted(v)}
                     for k, v in numbers.items() if len(v) > 1]
        denials = [{"article": claims[i][0], "text": claims[i][1]["text"], "status": claims[i][1].get("status")}
                   for i in members if claims[i][1].get("status") == "disputed"]
        dated = [by_id[a] for a in arts if by_id[a].date]
        first = min(dated, key=lambda r: r.date) if dated else by_id[arts[0]]
        out.append({
            "claim": claims[rep][1]["text"],
            "articles": arts,
            "independent_origins": [
                {**({k: v for k, v in origins[k].to_dict().items() if k in ("name", "domain", "ratings")} if k >= 0 else
                    {"name": None, "domain": None, "ratings": []}), "supporting": sup}
                for k, sup in per_origin.items()],
            "origin_count": len(per_origin),
            "conflicting_numbers": conflicts,
            "denials": denials,
            "first_appearance": {"article": first.id, "url": first.url, "outlet": first.outlet,
                                 "date": first.date.isoformat() if first.date else None},
        })
    out.sort(key=lambda c: (-c["origin_count"], -len(c["articles"])))
    return out
