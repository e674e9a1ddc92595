"""The corpus relation graph: entities merged across articles, typed relations as edges carrying
their evidence (article, sentence span, producer), their epistemic status and the number of
independent origins behind them.

Entities meet across articles by the store's key (label + folded name: accents and case off);
a lone surname (``Zuckerberg``) joins the one full name of the same label ending with it
(``Mark Zuckerberg``) when exactly one such name exists in the set of articles given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from recoupe.corpus.keys import entity_key, fold
from recoupe.corpus.records import ArticleRecord


@dataclass
class Graph:
    nodes: dict[str, dict] = field(default_factory=dict)  # key -> {key, name, label, articles}
    edges: list[dict] = field(default_factory=list)  # {source, target, predicate, articles, evidence, ...}

    def to_dict(self) -> dict:
        return {"nodes": list(self.nodes.values()), "edges": self.edges}


def key_resolver(records: list[ArticleRecord]):
    """A function (label, name) -> cross-article key, merging unambiguous surnames."""
    full: dict[tuple[str, str], set[str]] = {}
    for r in records:
        for e in r.entities:
            words = fold(e["canonical"]).split()
            if len(words) >= 2:
                full.setdefault((e["label"], words[-1]), set()).add(entity_key(e["label"], e["canonical"]))

    def resolve(label: str | None, name: str) -> str:
        label = label or "MISC"
        words = fold(name).split()
        if len(words) == 1 and len(full.get((label, words[0]), ())) == 1:
            return next(iter(full[(label, words[0])]))
        return entity_key(label, name)

    return resolve


def build_graph(records: list[ArticleRecord], origin_of: dict[str, int] | None = None) -> Graph:
    """Nodes from every article's entities, edges from their relations. ``origin_of`` maps an
    article to its independent-origin group (:func:`recoupe.corpus.corroboration.origin_groups`);
    without it each article counts as its own origin."""
    resolve = key_resolver(records)
    g = Graph()
    names: dict[str, dict[str, int]] = {}
    for r in records:
        for e in r.entities:
            k = resolve(e["label"], e["canonical"])
            node = g.nodes.setdefault(k, {"key": k, "name": e["canonical"], "label": e["label"], "articles": []})
            if r.id not in node["articles"]:
                node["articles"].append(r.id)
            names.setdefault(k, {}).setdefault(e["canonical"], 0)
            names[k][e["canonical"]] += 1
    for k, counts in names.items():  # the longest, most frequent spelling names the node
        g.nodes[k]["name"] = max(counts, key=lambda n: (len(n.split()), counts[n], n))
    edges: dict[tuple[str, str, str], dict] = {}
    for r in records:
        for rel in r.relations:
            s = resolve(rel.get("subject_label"), rel["subject"])
            o = resolve(rel.get("object_label"), rel["object"])
            for k, name, label in ((s, rel["subject"], rel.get("subject_label")), (o, rel["object"], rel.get("object_label"))):
                g.nodes.setdefault(k, {"key": k, "name": name, "label": label or "MISC", "articles": [r.id]})
            edge = edges.setdefault((s, rel["predicate"], o), {
                "id": f"e{len(edges)}", "source": s, "target": o, "predicate": rel["predicate"], "articles": [],
                "evidence": [], "statuses": {}, "origins": set()})
            if r.id not in edge["articles"]:
                edge["articles"].append(r.id)
            edge["evidence"].append({"article": r.id, "url": r.url, "text": rel["evidence"]["text"],
                                     "start": rel["evidence"]["start"], "end": rel["evidence"]["end"],
                                     "sentence": [rel["sentence"]["start"], rel["sentence"]["end"]],
                                     "producer": rel["producer"], "status": rel.get("status", "asserted")})
            st = rel.get("status", "asserted")
            edge["statuses"][st] = edge["statuses"].get(st, 0) + 1
            edge["origins"].add((origin_of or {}).get(r.id, r.id))
    for e in edges.values():
        e["independent_origins"] = len(e.pop("origins"))
        # the edge's status: disputed if any source disputes it, else the most common one
        e["status"] = "disputed" if "disputed" in e["statuses"] else max(e["statuses"], key=e["statuses"].get)
        g.edges.append(e)
    return g
