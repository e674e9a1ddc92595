"""Exports: JSON, CSV per finding kind, ClaimReview JSON-LD drafts, GEXF and GraphML.

The graph formats are written with ``xml.etree`` (text escaped, XML-illegal control characters
dropped: article text is hostile) and checked by :func:`validate_gexf` / :func:`validate_graphml`,
structural validators of the rules in the GEXF 1.2 and GraphML 1.0 schemas that a reader such as
Gephi relies on (root and namespace, element order, required attributes, declared attribute ids and
types, unique ids, edges pointing at declared nodes). The official XSDs are not on this machine and
lxml cannot fetch them offline, so the validators encode those rules by hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from recoupe.corpus.graph import Graph

GEXF_NS = "http://www.gexf.net/1.2draft"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

NODE_ATTRS = [("label", "string"), ("articles", "integer")]
EDGE_ATTRS = [("predicate", "string"), ("status", "string"), ("independent_origins", "integer"),
              ("articles", "integer"), ("evidence", "string")]
GEXF_TYPES = {"integer", "long", "double", "float", "boolean", "string", "liststring", "anyURI"}
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}


def _clean(value) -> str:
    return _XML_ILLEGAL.sub("", "" if value is None else str(value))


def _edge_values(e: dict) -> dict:
    return {"predicate": e["predicate"], "status": e.get("status", "asserted"),
            "independent_origins": e.get("independent_origins", len(e["articles"])), "articles": len(e["articles"]),
            "evidence": " | ".join(dict.fromkeys(ev["text"] for ev in e["evidence"]))[:2000]}


def _node_ids(graph: Graph) -> dict[str, str]:
    return {k: f"n{i}" for i, k in enumerate(graph.nodes)}


def to_gexf(graph: Graph) -> str:
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", {"version": "1.2"})
    meta = ET.SubElement(root, f"{{{GEXF_NS}}}meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "recoupe"
    ET.SubElement(meta, f"{{{GEXF_NS}}}description").text = "Relations between entities across a news corpus"
    g = ET.SubElement(root, f"{{{GEXF_NS}}}graph", {"mode": "static", "defaultedgetype": "directed"})
    for cls, attrs in (("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        block = ET.SubElement(g, f"{{{GEXF_NS}}}attributes", {"class": cls})
        for i, (name, typ) in enumerate(attrs):
            ET.SubElement(block, f"{{{GEXF_NS}}}attribute", {"id": f"{cls[0]}{i}", "title": name, "type": typ})
    ids = _node_ids(graph)
    nodes = ET.SubElement(g, f"{{{GEXF_NS}}}nodes")
    for k, n in graph.nodes.items():
        el = ET.SubElement(nodes, f"{{{GEXF_NS}}}node", {"id": ids[k], "label": _clean(n["name"])})
        vals = ET.SubElement(el, f"{{{GEXF_NS}}}attvalues")
        for i, v in enumerate((n["label"], len(n["articles"]))):
            ET.SubElement(vals, f"{{{GEXF_NS}}}attvalue", {"for": f"n{i}", "value": _clean(v)})
    edges = ET.SubElement(g, f"{{{GEXF_NS}}}edges")
    for i, e in enumerate(graph.edges):
        values = _edge_values(e)
        el = ET.SubElement(edges, f"{{{GEXF_NS}}}edge", {
            "id": f"e{i}", "source": ids[e["source"]], "target": ids[e["target"]], "label": e["predicate"],
            "weight": str(float(values["independent_origins"]))})
        vals = ET.SubElement(el, f"{{{GEXF_NS}}}attvalues")
        for j, (name, _) in enumerate(EDGE_ATTRS):
            ET.SubElement(vals, f"{{{GEXF_NS}}}attvalue", {"for": f"e{j}", "value": _clean(values[name])})
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def to_graphml(graph: Graph) -> str:
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", XSI_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml", {
        f"{{{XSI_NS}}}schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    types = {"string": "string", "integer": "int"}
    for cls, attrs in (("node", [("name", "string")] + NODE_ATTRS), ("edge", EDGE_ATTRS)):
        for name, typ in attrs:
            ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": f"{cls}_{name}", "for": cls, "attr.name": name,
                                                         "attr.type": types[typ]})
    g = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed"})
    ids = _node_ids(graph)
    for k, n in graph.nodes.items():
        el = ET.SubElement(g, f"{{{GRAPHML_NS}}}node", {"id": ids[k]})
        for name, v in (("name", n["name"]), ("label", n["label"]), ("articles", len(n["articles"]))):
            ET.SubElement(el, f"{{{GRAPHML_NS}}}data", {"key": f"node_{name}"}).text = _clean(v)
    for i, e in enumerate(graph.edges):
        el = ET.SubElement(g, f"{{{GRAPHML_NS}}}edge", {"id": f"e{i}", "source": ids[e["source"]], "target": ids[e["target"]]})
        for name, v in _edge_values(e).items():
            ET.SubElement(el, f"{{{GRAPHML_NS}}}data", {"key": f"edge_{name}"}).text = _clean(v)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


class InvalidDocument(ValueError):
    pass


def _check(cond: bool, message: str) -> None:
    if not cond:
        raise InvalidDocument(message)


def _typed(value: str, typ: str) -> bool:
    try:
        if typ in ("integer", "long", "int"):
            int(value)
        elif typ in ("float", "double"):
            float(value)
        elif typ == "boolean":
            return value in ("true", "false")
    except ValueError:
        return False
    return True


def validate_gexf(text: str) -> None:
    """Raise :class:`InvalidDocument` where the document breaks the GEXF 1.2 schema's rules."""
    root = ET.fromstring(text.encode("utf-8"))
    q = lambda tag: f"{{{GEXF_NS}}}{tag}"  # noqa: E731
    _check(root.tag == q("gexf"), f"root is {root.tag}, not gexf in {GEXF_NS}")
    _check(root.get("version") == "1.2", "gexf version must be 1.2")
    children = [c.tag for c in root]
    _check(children.count(q("graph")) == 1, "exactly one graph")
    _check(all(t in (q("meta"), q("graph")) for t in children), "only meta and graph under gexf")
    if q("meta") in children:
        _check(children.index(q("meta")) < children.index(q("graph")), "meta before graph")
    g = root.find(q("graph"))
    _check(g.get("defaultedgetype", "undirected") in ("directed", "undirected", "mutual"), "bad defaultedgetype")
    _check(g.get("mode", "static") in ("static", "dynamic"), "bad mode")
    order = [c.tag for c in g]
    allowed = [q("attributes"), q("nodes"), q("edges")]
    _check(all(t in allowed for t in order), f"unexpected element under graph: {order}")
    _check([allowed.index(t) for t in order] == sorted(allowed.index(t) for t in order), "attributes, nodes, edges in order")
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in g.findall(q("attributes")):
        cls = block.get("class")
        _check(cls in ("node", "edge"), "attributes class must be node or edge")
        for a in block.findall(q("attribute")):
            _check(bool(a.get("id")) and bool(a.get("title")), "attribute needs id and title")
            _check(a.get("type") in GEXF_TYPES, f"attribute type {a.get('type')} not in the schema")
            declared[cls][a.get("id")] = a.get("type")
    node_ids = set()
    for n in g.iter(q("node")):
        nid = n.get("id")
        _check(bool(nid) and nid not in node_ids, f"node id missing or repeated: {nid}")
        node_ids.add(nid)
        for v in n.iter(q("attvalue")):
            _check(v.get("for") in declared["node"], f"attvalue for undeclared node attribute {v.get('for')}")
            _check(_typed(v.get("value", ""), declared["node"][v.get("for")]), "node attvalue of the wrong type")
    edge_ids = set()
    for e in g.iter(q("edge")):
        eid = e.get("id")
        _check(bool(eid) and eid not in edge_ids, f"edge id missing or repeated: {eid}")
        edge_ids.add(eid)
        _check(e.get("source") in node_ids and e.get("target") in node_ids, f"edge {eid} points at an unknown node")
        if e.get("weight") is not None:
            _check(_typed(e.get("weight"), "float"), "edge weight must be a number")
        for v in e.iter(q("attvalue")):
            _check(v.get("for") in declared["edge"], f"attvalue for undeclared edge attribute {v.get('for')}")
            _check(_typed(v.get("value", ""), declared["edge"][v.get("for")]), "edge attvalue of the wrong type")


def validate_graphml(text: str) -> None:
    """Raise :class:`InvalidDocument` where the document breaks the GraphML 1.0 schema's rules."""
    root = ET.fromstring(text.encode("utf-8"))
    q = lambda tag: f"{{{GRAPHML_NS}}}{tag}"  # noqa: E731
    _check(root.tag == q("graphml"), f"root is {root.tag}, not graphml in {GRAPHML_NS}")
    tags = [c.tag for c in root]
    _check(all(t in (q("desc"), q("key"), q("graph"), q("data")) for t in tags), "unexpected element under graphml")
    if q("graph") in tags:
        _check(all(t != q("key") for t in tags[tags.index(q("graph")):]), "keys must come before graphs")
    keys = {}
    for k in root.findall(q("key")):
        _check(bool(k.get("id")) and k.get("id") not in keys, "key id missing or repeated")
        _check(k.get("for", "all") in ("all", "graphml", "graph", "node", "edge", "hyperedge", "port", "endpoint"),
               "bad key domain")
        _check(k.get("attr.type", "string") in GRAPHML_TYPES, f"attr.type {k.get('attr.type')} not in the schema")
        keys[k.get("id")] = k
    for g in root.findall(q("graph")):
        _check(g.get("edgedefault") in ("directed", "undirected"), "graph needs edgedefault")
        nodes = set()
        for n in g.findall(q("node")):
            _check(bool(n.get("id")) and n.get("id") not in nodes, "node id missing or repeated")
            nodes.add(n.get("id"))
        for e in g.findall(q("edge")):
            _check(e.get("source") in nodes and e.get("target") in nodes, "edge points at an unknown node")
        for el in list(g.findall(q("node"))) + list(g.findall(q("edge"))):
            kind = el.tag.split("}")[1]
            for d in el.findall(q("data")):
                k = keys.get(d.get("key"))
                _check(k is not None, f"data for undeclared key {d.get('key')}")
                _check(k.get("for", "all") in ("all", kind), f"key {d.get('key')} is not for {kind}")
                _check(_typed(d.text or "", k.get("attr.type", "string")), f"data of key {d.get('key')} has the wrong type")


# -- CSV and JSON-LD ----------------------------------------------------------------------------

CSV_KINDS = {
    "entities": ["article", "canonical", "label", "mentions", "roles"],
    "quotes": ["article", "kind", "text", "start", "end", "speaker", "producer"],
    "hedges": ["article", "kind", "text", "start", "end", "producer"],
    "claims": ["article", "text", "start", "end", "score", "status", "attributed_to", "numbers", "producer"],
    "relations": ["article", "subject", "predicate", "object", "status", "evidence", "start", "end", "producer"],
    "source_chain": ["article", "position", "name", "domain", "role", "evidence", "producer"],
}


def _rows(kind: str, article: str, report: dict) -> list[dict]:
    items = report.get(kind) or []
    if kind == "entities":
        return [{"article": article, "canonical": e["canonical"], "label": e["label"], "mentions": len(e.get("mentions") or []),
                 "roles": "; ".join(r["text"] for r in e.get("roles") or [])} for e in items]
    if kind == "quotes":
        return [{"article": article, "kind": x.get("kind"), "text": (x.get("content") or x).get("text"),
                 "start": (x.get("content") or x).get("start"), "end": (x.get("content") or x).get("end"),
                 "speaker": x.get("speaker_canonical") or ((x.get("speaker") or {}).get("text")),
                 "producer": x.get("producer")} for x in items]
    if kind == "claims":
        return [{"article": article, **{k: c.get(k) for k in ("text", "start", "end", "score", "status", "attributed_to", "producer")},
                 "numbers": "; ".join(q["text"] for q in c.get("quantities") or [])} for c in items]
    if kind == "relations":
        return [{"article": article, **{k: r.get(k) for k in ("subject", "predicate", "object", "status", "producer")},
                 "evidence": r["evidence"]["text"], "start": r["evidence"]["start"], "end": r["evidence"]["end"]} for r in items]
    if kind == "source_chain":
        return [{"article": article, "position": i, "name": c.get("name"), "domain": c.get("domain"), "role": c.get("role"),
                 "evidence": (c.get("evidence") or {}).get("text"), "producer": c.get("producer")} for i, c in enumerate(items)]
    return [{"article": article, **{k: x.get(k) for k in CSV_KINDS[kind] if k != "article"}} for x in items]


def write_csv(reports: list[tuple[str, dict]], directory: Path) -> list[Path]:
    """One CSV per finding kind in ``directory`` (created); returns the files."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for kind, columns in CSV_KINDS.items():
        path = directory / f"{kind}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
            w.writeheader()
            for article, report in reports:
                w.writerows(_rows(kind, article, report))
        out.append(path)
    return out


def claimreview(claim: dict, records: dict, author: dict) -> dict:
    """A schema.org ClaimReview draft for one corroborated claim (:func:`corroborate`'s output).
    ``reviewRating`` is deliberately absent: the verdict is the fact-checker's to write."""
    if not author or not author.get("name"):
        raise ValueError("a ClaimReview needs an author (the fact-checking organisation): give --author")

    def appearance(aid: str) -> dict:
        r = records[aid]
        item = {"@type": "CreativeWork", "url": r.url, "headline": r.title}
        if r.outlet:
            item["publisher"] = {"@type": "Organization", "name": r.outlet}
        if r.date:
            item["datePublished"] = r.date.date().isoformat()
        return {k: v for k, v in item.items() if v is not None}

    first = claim["first_appearance"]["article"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim["claim"],
        "author": {"@type": author.get("type", "Organization"), **{k: v for k, v in author.items() if k != "type"}},
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [appearance(a) for a in claim["articles"]],
            "firstAppearance": appearance(first),
        },
    }


def to_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)


def csv_text(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()
