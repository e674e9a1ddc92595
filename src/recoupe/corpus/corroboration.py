"""Corroboration by independent origin: how many separate sources stand behind a story and each claim.

Articles are grouped by origin (union-find): near-duplicates and syndicated copies (the store's
duplicate groups), translations of one another (:mod:`recoupe.corpus.translations`), and articles
whose source chains lead to the same origin, or to another member's own outlet, count once. Five
outlets relaying one post are one origin, with five relays under it.

Claims are matched across a story's articles and languages by the claim matcher ``recoupe eval
claims`` scores (:func:`matched_pairs`): a :class:`~recoupe.corpus.claimmatch.ClaimIndex` over the
story's claims proposes candidates, whose sentence-vector cosine must reach ``PROPOSE_COS``; in one
language its re-ranker confirms them, across languages (where its lexical scores are blind) shared
actors (entities) or numbers do; a very close pair (>= ``SAME_COS``) needs no confirmation. Each
matched claim reports its independent origins with their ratings, the relays under each,
conflicting numbers, denials and its first appearance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from recoupe.corpus.keys import fold
from recoupe.corpus.records import ArticleRecord

# fr/en translations of one sentence score 0.67-0.89 with the shipped encoder, unrelated < 0.16
# (DESIGN.md); paraphrases of one claim by two outlets sit around 0.6-0.8.
PROPOSE_COS = 0.6
SAME_COS = 0.85
# Same-language pairs proposed by the vectors are confirmed by the claim matcher's re-ranker (its
# probability that the candidate states the query's claim) instead of by shared actors or numbers.
# Measured by benchmarks/claim_pairs.py: as a same-claim decision on CLEF-2020 candidates, the F1-best
# cut on train is 0.49 (0.5 within 0.001 F1); with cosine >= PROPOSE_COS, dev P 0.962 R 0.392 vs
# P 0.449 R 0.366 for actors-or-numbers; on SemEval same-language different-story article pairs,
# 0.26 sentence pairs matched per article pair vs 0.25 (re-ranker alone, without the cosine floor:
# 8.9, since its scores relative to the query's best candidate say little in a story's few claims).
SAME_CLAIM_P = 0.5


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
    translated = translation_links(records, profiles) if profiles else {}
    for aid, link in translated.items():
        uf.union(aid, link["article"])
        if link["direction"] == "translates":
            reasons.setdefault(aid, set()).add("translation")
        else:
            reasons.setdefault(aid, set()).add("translations of one another (direction unknown)")
    groups: dict[str, list[ArticleRecord]] = {}
    for r in records:
        groups.setdefault(uf.find(r.id), []).append(r)
    out = []
    for members in groups.values():
        # the original before its translations, then the earliest; an undated pair whose direction
        # nothing tells keeps the id order, and its reason says the direction is unknown
        members.sort(key=lambda r: (translated.get(r.id, {}).get("direction") == "translates",
                                    r.date is None, r.date or 0, r.id))
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


def translation_links(records: list[ArticleRecord], profiles: dict) -> dict[str, dict]:
    """Which articles translate which: ``{article id: {article, direction, probability}}``.

    A cross-language pair the translation detector accepts is linked; its direction comes from a
    translator in one source chain, else from the text saying so (*traduit par*, *Version originale*)
    or the later date (:func:`recoupe.corpus.translations.which_translates`). The translation points
    at its source (``direction: translates``); when nothing tells the direction, both articles point
    at each other (``direction: unknown``)."""
    from recoupe.corpus import translations as tr

    out: dict[str, dict] = {}
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            if a.language == b.language or a.id not in profiles or b.id not in profiles \
                    or not tr.is_translation(profiles[a.id], profiles[b.id]):
                continue
            translator = [any(link.get("role") == "translator" for link in r.chain) for r in (a, b)]
            which = (translator.index(True) if translator.count(True) == 1 else
                     tr.which_translates(a.body + "\n" + a.furniture, b.body + "\n" + b.furniture, a.date, b.date))
            prob = round(tr.translation_probability(profiles[a.id], profiles[b.id]), 3)
            if which is None:
                out.setdefault(a.id, {"article": b.id, "direction": "unknown", "probability": prob})
                out.setdefault(b.id, {"article": a.id, "direction": "unknown", "probability": prob})
            else:
                t, src = (a, b) if which == 0 else (b, a)
                out[t.id] = {"article": src.id, "direction": "translates", "probability": prob}
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


def matched_pairs(claims: list[tuple[str, dict]], languages: dict[str, str | None], encode) -> list[tuple[int, int]]:
    """Pairs of claims (indices into ``claims``, each ``(article id, claim)``) that state the same
    thing, from different articles, through the claim matcher ``recoupe eval claims`` scores.

    A :class:`~recoupe.corpus.claimmatch.ClaimIndex` over the story's claims proposes, for each
    claim, candidates from the other articles (its four views: sentence vectors, two BM25s,
    character n-grams; the querying article's own claims excluded); a candidate needs a vector
    cosine >= ``PROPOSE_COS`` (the index's ``cos_max``). In one language the shipped re-ranker
    confirms it (probability >= ``SAME_CLAIM_P``; alone it is no absolute decision in a story's
    few claims, its scores being relative to the query's best candidate). Across languages the
    re-ranker's lexical scores are blind (BM25 and n-grams share nothing between a French and an
    English sentence), so there shared actors or numbers confirm (an article whose language is
    unknown counts as another language). A cosine >= ``SAME_COS`` needs
    no confirmation. Claims with the same text (quote style, case and spacing aside) are one entry of the
    index and always match. ``benchmarks/claim_pairs.py`` measures these decisions."""
    from recoupe.corpus import claimmatch as cm

    texts = [c["text"] for _, c in claims]
    queries = [cm.query_texts(t) for t in texts]
    unique = list(dict.fromkeys([*texts, *(q for qs in queries for q in qs)]))
    vec = dict(zip(unique, encode(unique)))
    index = cm.ClaimIndex([str(k) for k in range(len(claims))], texts,
                          claim_vecs=np.vstack([np.stack([vec[t] for t in texts])] * 2), encode=encode)
    entry = {int(cid): e for e, cid in enumerate(index.ids)}
    members: dict[int, list[int]] = {e: [int(index.ids[e])] for e in range(len(index.ids))}
    for first, dupes in index.duplicates.items():
        members[entry[int(first)]] += [int(d) for d in dupes]
        entry.update((int(d), entry[int(first)]) for d in dupes)
    pairs: set[tuple[int, int]] = set()
    for ms in members.values():  # the same text in several articles: one claim
        pairs.update((min(a, b), max(a, b)) for a in ms for b in ms if claims[a][0] != claims[b][0])
    by_article: dict[str, set[int]] = {}
    for k, (aid, _) in enumerate(claims):
        by_article.setdefault(aid, set()).add(entry[k])
    cos_col = cm.FEATURES.index("cos_max")
    for i, (aid, claim) in enumerate(claims):
        cand, X = index.features(texts[i], np.stack([vec[q] for q in queries[i]]), exclude=sorted(by_article[aid]))
        if not len(cand):
            continue
        prob = cm.rerank(X)
        for e, p, cos in zip(cand, prob, X[:, cos_col]):
            for j in members[int(e)]:
                if claims[j][0] == aid:
                    continue
                same_lang = languages.get(aid) is not None and languages.get(aid) == languages.get(claims[j][0])
                if cos >= SAME_COS or (cos >= PROPOSE_COS and (
                        p >= SAME_CLAIM_P if same_lang else _confirmed(claim, claims[j][1], cos))):
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


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
    uf = _UnionFind(range(len(claims)))
    for i, j in matched_pairs(claims, {r.id: r.language for r in records}, encode or vectors.encode):
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
