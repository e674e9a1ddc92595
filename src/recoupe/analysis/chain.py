"""The source chain: the path a story travelled, origin → relays → translator/publisher.

Two kinds of evidence, each named in the link's ``producer``:

* ``rule:chain.provenance``: provenance furniture lines (*Sources : A via B – Traduit par C*,
  *Version originale : Auteur/Outlet*, *(AFP)*, *avec Reuters*). Their word order gives the
  relay order: in *A via B*, B took the story from A.
* ``rule:chain.citation``: outlets the body cites as the source of what it reports
  (*selon un nouveau rapport de Bloomberg*, *révèle BuzzFeed News*, *according to Reuters*,
  *documents obtenus par X*), found from cue words before an organisation mention or a
  reporting verb whose subject is that organisation.

The origin is the outlet the body cites most and earliest that the provenance line does not
already name as a relay; other cited outlets are ``cited`` (sources of side claims).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from recoupe.analysis.entities import fold, non_media_organisations
from recoupe.analysis.lexicons import news_outlets, outlet_key, outlet_kinds_by_domain
from recoupe.model import Analysis, ChainLink, Publisher, Span

def _patterns() -> dict:
    import tomllib
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "resources" / "lexicons" / "chain_patterns.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


_P = _patterns()
TRANSLATION_CUE = re.compile(_P["translation_cue"], re.I)
ORIGINAL_CUE = re.compile(_P["original_cue"], re.I)
AGENCY_CUE = re.compile(_P["agency_cue"], re.I)
CHUNK_SPLIT = re.compile(_P["chunk_split"], re.I)
SHARE_OUTLET = re.compile(_P["share_outlet"], re.I)
COPYRIGHT = re.compile(_P["copyright"], re.I)
CONTRIBUTOR_CUE = re.compile(_P["contributor_cue"], re.I)
REPORTER_CREDIT = re.compile(_P["reporter_credit"], re.I)
EXCERPT_LEAD = re.compile(_P["excerpt_lead"], re.I)
WIRE_AGENCIES = frozenset(a.lower() for a in _P["wire_agencies"])
CITATION_BEFORE = re.compile(_P["citation_before"], re.I)
INTERVIEW_BEFORE = re.compile(_P["interview_before"], re.I)
REPORTING_VERBS = frozenset(v for verbs in _P["reporting_verbs"].values() for v in verbs)
NAME_ARTICLES = tuple(_P["name_articles"])
DATELINE = re.compile(
    r"^[ \t]*(?:[A-ZÀ-Ý][\w .,'’/-]{0,40}?[ \t]*)?\(\s*(?P<agency>"
    # the dash is optional before a capital: CNN's style opens with "(CNN) The government…"
    + "|".join(re.escape(a) for a in _P["wire_agencies"]) + r")\s*\)\s*(?:[-—–:]|(?=[A-ZÀ-Ý«“\"]))",
    re.M,
)


@dataclass
class Citation:
    name: str
    domain: str | None
    evidence: Span
    position: int
    interview: bool = False  # the outlet is where someone spoke (told X, said on X), not a report's source


@lru_cache(maxsize=8192)
def _lookup(name: str, strict: bool):
    """The outlet a name means, from the lists shipped in the package (never the user's imported
    ones: the chain is a finding, and ratings enter only in the judgement)."""
    from recoupe.sources.ratings import shipped_outlets

    outlets = shipped_outlets()
    return outlets.resolve_name(name, strict=True) if strict else outlets.lookup(name)


def _furniture_span(analysis: Analysis, index: int, start: int, end: int) -> Span:
    text = analysis.furniture[index].text
    return Span(text=text[start:end], start=start, end=end, in_="furniture", furniture_index=index)


def _person_names(analysis: Analysis) -> set[str]:
    return {fold(m.text) for e in analysis.entities if e.label == "PER" for m in e.mentions}


def _provenance_links(analysis: Analysis) -> tuple[list[tuple[str, Span, str]], list[tuple[str, Span]]]:
    """(name, evidence, kind) source links in travel order, and translator names."""
    sources: list[tuple[str, Span, str]] = []
    translators: list[tuple[str, Span]] = []
    people = _person_names(analysis)
    for f in analysis.furniture:
        text = f.text
        if f.kind == "related_link":
            # "More from X:" before an excerpt: X is the source of what follows, when X is an outlet
            excerpt = EXCERPT_LEAD.match(text.strip())
            if excerpt and _lookup(excerpt.group("name"), strict=False) is not None:
                start = text.find(excerpt.group("name"))
                sources.append((excerpt.group("name"), _furniture_span(analysis, f.index, 0, start + len(excerpt.group("name"))),
                                "excerpt"))
            continue
        if f.kind != "provenance":
            continue
        contributor = CONTRIBUTOR_CUE.match(text.strip())
        if contributor:
            name = contributor.group("name").strip()
            start = text.find(name)
            sources.append((name, _furniture_span(analysis, f.index, start, len(text.rstrip())), "contributor"))
            continue
        if REPORTER_CREDIT.match(text.strip()):
            # journalists' credits: only an outlet or wire agency named there is a source
            for chunk in re.split(r"[;()]|\s+(?:and|et|&)\s+|,\s*", text):
                name = re.sub(r"(?i)^\s*(?:(?:additional\s+)?reporting|writing|editing)\s+by\s+", "", chunk).strip(" .:-–—")
                if name and (name.lower() in WIRE_AGENCIES or _lookup(name, strict=True) is not None):
                    start = text.find(name)
                    sources.append((name, _furniture_span(analysis, f.index, start, start + len(name)), "agency"))
            continue
        agency = AGENCY_CUE.match(text.strip())
        if agency:
            name = (agency.group("a") or agency.group("b")).strip()
            start = text.find(name)
            sources.append((name, _furniture_span(analysis, f.index, start, start + len(name)), "agency"))
            continue
        translation = TRANSLATION_CUE.search(text)
        head_end = translation.start() if translation else len(text)
        head = text[:head_end]
        lead = ORIGINAL_CUE.match(head)
        # "Version originale : X", "originally published by X" name the text's own source;
        # "Sources : A via B" name a path
        kind = "original" if lead and not re.match(r"(?i)sources?\b|via\b", lead.group(0)) else "provenance"
        cursor = lead.end() if lead else 0
        chain_start = cursor
        for chunk in CHUNK_SPLIT.split(head[cursor:]):
            name = chunk.strip(" .:-–—")
            if not name:
                continue
            start = text.find(name, cursor)
            cursor = start + len(name)
            if fold(name) in people and _lookup(name, strict=False) is None:
                continue  # an author named beside the outlet (Rob Price/Business Insider)
            evidence_start = chain_start if not sources or sources[-1][2] not in ("provenance", "original") else start
            # evidence for the first source is the whole cue ("Sources : ZeroHedge"), later ones "via X"
            prefix = text[max(0, start - 4) : start]
            if prefix.strip().lower() == "via":
                evidence_start = start - 4
            elif lead and not any(s[1].furniture_index == f.index for s in sources):
                evidence_start = 0
            sources.append((name, _furniture_span(analysis, f.index, evidence_start, start + len(name)), kind))
        if translation:
            name = text[translation.end() :].strip(" .:-–—")
            if name:
                start = text.find(name, translation.end())
                translators.append((name, _furniture_span(analysis, f.index, translation.start(), start + len(name))))
    return sources, translators


def _datelines(analysis: Analysis) -> list[tuple[str, Span, str]]:
    """A wire agency in the dateline of the first paragraphs (``PARIS (AFP) -``, ``(Reuters) —``)."""
    m = DATELINE.search(analysis.body[:1500])
    if m is None:
        return []
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    end = m.start() + len(m.group(0).rstrip())
    return [(m.group("agency"), Span(text=analysis.body[start:end], start=start, end=end), "dateline")]


@lru_cache(maxsize=16384)
def outlet_named(entity_canonical: str):
    """The rated news outlet an organisation's name refers to, trying the article the tagger left
    out (``Guardian`` → *The Guardian*, ``Parisien`` → *Le Parisien*); never a platform or company
    the lists happen to rate (facebook.com)."""
    if fold(entity_canonical) in non_media_organisations():
        return None
    for name in (entity_canonical, *(f"{article} {entity_canonical}" for article in NAME_ARTICLES)):
        match = _lookup(name, strict=True)
        if match is not None:
            return match
    return _listed_outlet(entity_canonical)


@lru_cache(maxsize=4096)
def _listed_outlet(entity_canonical: str):
    """An outlet of ``news_outlets.tsv`` the lists do not know by that name (*Le Canard enchaîné*, *franceinfo*,
    *RTL*): the lists' outlet for its domain when one rates it, else an unrated match (``matched_by``
    ``lexicon``, no ratings: the chain names it, the judgement has nothing to say of it)."""
    from recoupe.sources.ratings import shipped_outlets
    from recoupe.sources.registry import OutletMatch

    row = news_outlets().get(outlet_key(entity_canonical))
    if row is None:
        return None
    name, _, domain = row
    rated = shipped_outlets().lookup_domain(domain)
    if rated is not None and rated.ratings:
        return rated
    return OutletMatch(name=name, domain=domain, ratings=[], matched_by="lexicon")


def outlet_kinds(entity_canonical: str, match) -> frozenset[str]:
    """What kind of outlet (``news_outlets.tsv``: daily, weekly, tv…) a named outlet is, by its name or else by
    the domain its match (``outlet_named``) gives, when all the names listed with that domain are of one kind;
    empty when the lexicon does not say."""
    row = news_outlets().get(outlet_key(entity_canonical))
    if row is not None:
        return row[1]
    return outlet_kinds_by_domain().get(match.domain, frozenset()) if match is not None else frozenset()


_ARTICLES = frozenset(a.lower() for a in NAME_ARTICLES) | {"l’", "du", "des", "au", "aux"}  # and the contracted ones


def citation_cue(body: str, sentence_start: int, start: int) -> re.Match | None:
    """The citation cue (``chain_patterns.toml`` ``citation_before``: *selon*, *d'après*, *cité par*,
    *publié dans*, *auprès de*, *un rapport de*…) that makes the name starting at ``start`` a cited source,
    read from the start of its sentence, or None."""
    return CITATION_BEFORE.search(body[sentence_start:start])


def common_noun_named(body: str, match, canonical: str, start: int, text: str) -> bool:
    """Is a one-word mention after an article (*l'article 17 de la Constitution*) the common noun, not the
    rated site ``match`` (``outlet_named(canonical)``) that a list knows only by that word as a domain
    stem (*constitution.com*)? An outlet whose name carries its article (*l'Opinion*, *the Times*: found
    as *L' Opinion*, *The Times*) or is known by a curated name (*le Guardian*) is what it says."""
    if match.matched_by != "alias:domain-stem" or match.name != canonical or len(text.split()) != 1:
        return False
    before = body[max(0, start - 4):start].lower().split()
    return bool(before) and (before[-1] in _ARTICLES or before[-1].endswith(("l'", "l’")))


def _body_citations(analysis: Analysis, doc: Doc | None) -> list[Citation]:
    if doc is None:
        return []
    citations = []
    body = analysis.body
    for ent in analysis.entities:
        match = outlet_named(ent.canonical) if ent.label in ("ORG", "MISC") else None
        if match is None:
            continue
        for m in ent.mentions:
            if m.in_ != "body" or common_noun_named(body, match, ent.canonical, m.start, m.text):
                continue
            sent = doc.char_span(m.start, m.end, alignment_mode="expand")
            if sent is None:
                continue
            sentence = sent.sent
            cue = citation_cue(body, sentence.start_char, m.start)
            interview = cue is None and (cue := INTERVIEW_BEFORE.search(body[sentence.start_char : m.start])) is not None
            if cue:
                start = sentence.start_char + cue.start()
                citations.append(Citation(ent.canonical, match.domain if match else None,
                                          Span(text=body[start : m.end], start=start, end=m.end), m.start,
                                          interview))
                continue
            root = sent.root
            if root.dep_.startswith("nsubj") and root.head.lemma_.lower() in REPORTING_VERBS:
                verb = root.head
                start = min(verb.idx, m.start)
                citations.append(Citation(ent.canonical, match.domain if match else None,
                                          Span(text=body[start : m.end], start=start, end=m.end), m.start))
    citations.sort(key=lambda c: c.position)
    return citations


def infer_publisher(analysis: Analysis, translators: list[tuple[str, Span]]) -> tuple[str, Span | None] | None:
    """The publishing outlet named in the page itself when no URL says it."""
    if translators:
        return translators[-1]
    for f in analysis.furniture:
        if f.kind in ("share_prompt", "photo_credit", "byline", "other"):
            for pattern in (SHARE_OUTLET, COPYRIGHT):
                found = pattern.search(f.text)
                if found and _lookup(found.group("name"), strict=False):
                    name = found.group("name").strip()
                    return name, _furniture_span(analysis, f.index, found.start(), found.end())
    return None


def _name_in_page(analysis: Analysis, name: str) -> Span:
    """Where the page names its publisher (furniture first: credits, share prompts), or an empty span."""
    for f in analysis.furniture:
        at = f.text.find(name)
        if at >= 0:
            return _furniture_span(analysis, f.index, at, at + len(name))
    at = analysis.body.find(name)
    if at >= 0:
        return Span(text=name, start=at, end=at + len(name))
    return Span(text="", start=0, end=0)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and fold(a) == fold(b))


def build_chain(analysis: Analysis, doc: Doc | None) -> list[ChainLink]:
    sources, translators = _provenance_links(analysis)
    sources = _datelines(analysis) + sources
    citations = _body_citations(analysis, doc)
    publisher = analysis.publisher
    inferred = infer_publisher(analysis, translators)
    if inferred and not publisher.name:
        match = _lookup(inferred[0], strict=False)
        analysis.publisher = Publisher(
            name=inferred[0], domain=publisher.domain or (match.domain if match else None), url=publisher.url,
            producer="rule:chain.publisher",
        )
        publisher = analysis.publisher

    def link(name, evidence, role, producer, match=None):
        match = match or _lookup(name, strict=False) or _listed_outlet(name)
        return ChainLink(name=name, domain=match.domain if match else None, role=role, evidence=evidence,
                         producer=producer)

    relay_names = {fold(n) for n, _, _ in sources}
    relay_domains = {m.domain for n, _, _ in sources if (m := _lookup(n, strict=False))}
    publisher_key = fold(publisher.name or "")
    tally: dict[str, list[Citation]] = {}
    for c in citations:
        if fold(c.name) in relay_names or (c.domain and c.domain in relay_domains):
            continue
        if fold(c.name) == publisher_key or (c.domain and c.domain == publisher.domain):
            continue
        tally.setdefault(c.name, []).append(c)
    origin = None
    # an outlet someone only spoke to does not outrank the page's own first-hand credit lines
    eligible = {n: cs for n, cs in tally.items()
                if not sources or not all(c.interview for c in cs)}
    if eligible:
        body_len = max(1, len(analysis.body))
        origin = max(eligible, key=lambda n: (len(tally[n]) + (1.0 if tally[n][0].position < body_len * 0.3 else 0.0),
                                              -tally[n][0].position))
    chain: list[ChainLink] = []
    if origin:
        first = tally[origin][0]
        chain.append(link(origin, first.evidence, "origin", "rule:chain.citation"))
    for i, (name, evidence, kind) in enumerate(sources):
        first_hand = kind in ("agency", "dateline", "original", "contributor", "excerpt")
        # a first-hand credit on a line of its own (*Article posted with permission from X*, *X
        # contributed to this report*, *More from X:*) names where that text came from: an origin,
        # not a relay of the credit before it; "A via B" on one line stays a path
        own_line = i > 0 and (kind == "dateline" or sources[i - 1][1].furniture_index != evidence.furniture_index
                              or sources[i - 1][1].in_ != evidence.in_)
        role = "origin" if (not origin and (i == 0 and (len(sources) > 1 or first_hand)
                                            or first_hand and own_line)) else "relay"
        chain.append(link(name, evidence, role, f"rule:chain.{kind}"))
    translated = bool(translators) or any(
        "version originale" in f.text.lower() or "traduit" in f.text.lower() or "translated" in f.text.lower()
        for f in analysis.furniture if f.kind == "provenance"
    )
    if publisher.name or publisher.domain:
        name = publisher.name or publisher.domain
        evidence = inferred[1] if inferred and inferred[1] is not None else _name_in_page(analysis, name)
        # a publisher known only from the page's metadata (URL, site name) has no span in the text
        producer = "rule:chain.publisher" if evidence.end > evidence.start else (publisher.producer or "metadata")
        if not any(_same(l.name, name) for l in chain):
            chain.append(link(name, evidence, "translator" if translated else "publisher", producer))
        else:
            for l in chain:
                if _same(l.name, name):
                    l.role = "translator" if translated else "publisher"
    for name, cites in tally.items():
        if name != origin:
            chain.append(link(name, cites[0].evidence, "cited", "rule:chain.citation"))
    return chain


def relabel_outlets(analysis: Analysis, chain: list[ChainLink]) -> None:
    """Names the chain proves to be outlets are organisations, whatever the tagger said (new
    entity objects: those of the Doc's components are shared, never changed)."""
    names = {fold(l.name) for l in chain}
    analysis.entities = [
        ent.model_copy(update={"label": "ORG", "mentions": [
            m.model_copy(update={"label": "ORG", "producer": "rule:chain.outlet"}) for m in ent.mentions]})
        if ent.label != "ORG" and fold(ent.canonical) in names else ent
        for ent in analysis.entities
    ]


def attach_source_chain(analysis: Analysis, doc: Doc | None) -> None:
    analysis.source_chain = build_chain(analysis, doc)
    relabel_outlets(analysis, analysis.source_chain)
