"""The explainable credibility report: signals with weights and evidence, a grade with its reasons.

It reads only an ``Analysis`` (publisher, source chain, claims, quotes, hedges, irony, genre,
persuasion, authors, date, title) and a ``Ratings`` snapshot; :func:`recoupe.assess.assess` calls it
on a copy of the findings, so nothing the caller holds is changed. What it cannot know (an unrated
publisher, an unidentified origin, a detector that found nothing or did not run) is listed under
``unknowns`` and left out of the score, never counted against the article. It keeps two questions
apart: is the *outlet* reliable, and does the *core claim* trace to a reliable origin?

All weights and thresholds live in ``resources/credibility.toml``.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from recoupe.model import Analysis, ChainLink, Credibility, Rating, Signal, Span

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "resources" / "credibility.toml"
LIST_NAMES = {"decodex": "Décodex", "mbfc": "MBFC", "lin": "Lin et al.", "golden": "idiap golden truth"}
_ANONYMOUS = re.compile(
    r"\b(sources?|anonymes?|anonymat|proches?|entourage|insiders?|anonymous(ly)?|officials?|"
    r"people familiar|a person|une personne|un responsable|selon nos informations|unnamed)\b",
    re.IGNORECASE,
)
_CLICKBAIT = re.compile(
    r"\b(choc|choquant\w*|incroyable|hallucinant\w*|scandale|scandaleu\w+|explosi\w+|urgent|"
    r"vous ne (croirez|devinerez)|ce qu.ils ne veulent pas|la v[ée]rit[ée] sur|terrifiant\w*|"
    r"shocking|unbelievable|you won.t believe|mind-?blowing|bombshell|exposed|destroys|"
    r"what happens next|must see|jaw-?dropping)\b",
    re.IGNORECASE,
)
_SPECULATIVE = {"speculative", "uncertain", "disputed"}


@lru_cache(maxsize=4)
def load_config(path: str | None = None) -> dict:
    """The scoring config: explicit path, else env RECOUPE_CREDIBILITY_CONFIG, else the shipped file."""
    path = path or os.environ.get("RECOUPE_CREDIBILITY_CONFIG") or str(DEFAULT_CONFIG)
    with open(path, "rb") as fh:
        return tomllib.load(fh)


# -- outlets ----------------------------------------------------------------------------------------


@dataclass
class OutletVerdict:
    """The lists' view of one outlet: weighted mean of their scores, shown with every label."""

    name: str
    domain: str | None
    ratings: list[Rating]
    score: float | None
    verdict: str  # "rated reliable", "rated unreliable", "mixed", "unrated"
    summary: str  # "Décodex très peu fiable; MBFC factual reporting low; not rated by Lin et al."


def list_name(list_id: str) -> str:
    return LIST_NAMES.get(list_id, list_id)


def judge_outlet(name: str, domain: str | None, ratings: list[Rating], registry, cfg: dict) -> OutletVerdict:
    weights = cfg["lists"]
    scored = [r for r in ratings if r.score is not None]
    total = sum(weights.get(r.list, weights["default"]) for r in scored)
    score = sum(weights.get(r.list, weights["default"]) * r.score for r in scored) / total if total else None
    parts = [f"{list_name(r.list)} {r.label or r.native}" for r in ratings]
    if registry is not None:
        missing = [list_name(i) for i in registry.lists if i not in {r.list for r in ratings}]
        if missing:
            parts.append("not rated by " + ", ".join(missing))
    if score is None:
        verdict = "unrated"
    elif score >= cfg["outlet"]["reliable"]:
        verdict = "rated reliable"
    elif score < cfg["outlet"]["unreliable"]:
        verdict = "rated unreliable"
    else:
        verdict = "rated mixed"
    if len(scored) > 1 and max(r.score for r in scored) - min(r.score for r in scored) > weights["disagreement"]:
        verdict += " (lists disagree)"
    return OutletVerdict(name, domain, ratings, score, verdict, "; ".join(parts) or "no list loaded")


def _fill_publisher(analysis: Analysis, registry) -> None:
    publisher = analysis.publisher
    if publisher.ratings or registry is None:
        return
    match = None
    for query in (publisher.domain, publisher.url, analysis.url):
        if query and (match := registry.lookup_domain(query)) is not None:
            break
    if match is None and publisher.name and not (publisher.domain or publisher.url or analysis.url):
        match = registry.resolve_name(publisher.name)  # a known but unrated domain is never swapped by name
    if match is not None:
        publisher.ratings = list(match.ratings)
        publisher.domain = publisher.domain or match.domain
    elif publisher.domain is None and (publisher.url or analysis.url):
        publisher.domain = _host(publisher.url or analysis.url)


def _fill_link(link: ChainLink, registry) -> None:
    if link.ratings or registry is None:
        return
    # a chain link already names an outlet, so its name is looked up leniently; a domain wins
    match = registry.lookup_domain(link.domain) if link.domain else registry.lookup(link.name)
    if match is not None:
        link.ratings = list(match.ratings)
        link.domain = link.domain or match.domain


# -- signals ----------------------------------------------------------------------------------------


@dataclass
class _Scored:
    signal: Signal
    goodness: float | None  # None = unknown, left out of the score


def _signal(name: str, value, goodness, explanation: str, cfg: dict, evidence: list[Span] = ()) -> _Scored:
    return _Scored(Signal(name=name, value=value, weight=cfg["weights"][name], explanation=explanation,
                          evidence=list(evidence)), goodness)


def _outlet_signals(analysis: Analysis, registry, cfg: dict) -> tuple[list[_Scored], dict]:
    publisher = analysis.publisher
    pub_domain = _host(publisher.domain or publisher.url or analysis.url)
    self_named = [l.name for l in analysis.source_chain if pub_domain and _host(l.domain) == pub_domain]
    listed = registry.lookup_domain(pub_domain) if registry is not None and pub_domain else None
    pub_name = (publisher.name or next(iter(self_named), None) or (listed.name if listed else None)
                or publisher.domain or "(publisher not identified)")
    pub = judge_outlet(pub_name, publisher.domain, publisher.ratings, registry, cfg)
    named_at = [l.evidence for l in analysis.source_chain
                if l.role in ("publisher", "translator") and l.evidence.end > l.evidence.start]
    out = [_signal("publisher_rating", None if pub.score is None else round(pub.score, 3), pub.score,
                   f"Publisher {_outlet_label(pub)} {pub.verdict}: {pub.summary}.", cfg, named_at)]
    origins = [l for l in analysis.source_chain if l.role == "origin"]
    hops = [l for l in analysis.source_chain if l.role in ("relay", "translator")]
    relays = [l for l in hops if not (pub_domain and _host(l.domain) == pub_domain)]
    judged = {}
    for link in origins + relays:
        judged[id(link)] = judge_outlet(link.name, link.domain, link.ratings, registry, cfg)
    origin_verdicts = [judged[id(l)] for l in origins]
    scored_origins = [v for v in origin_verdicts if v.score is not None]
    if scored_origins:
        score = sum(v.score for v in scored_origins) / len(scored_origins)
        text = "; ".join(f"{_outlet_label(v)} {v.verdict} ({v.summary})" for v in origin_verdicts)
        out.append(_signal("origin_rating", round(score, 3), score, f"Story origin: {text}.", cfg,
                           [l.evidence for l in origins]))
    elif origins:
        names = ", ".join(_outlet_label(v) for v in origin_verdicts)
        out.append(_signal("origin_rating", None, None, f"Story origin {names} is not rated by any loaded list.",
                           cfg, [l.evidence for l in origins]))
    else:
        out.append(_signal("origin_rating", None, None, "The story's origin was not identified.", cfg))
    relay_verdicts = [judged[id(l)] for l in relays]
    scored_relays = [v for v in relay_verdicts if v.score is not None]
    if relays:
        weakest = min(scored_relays, key=lambda v: v.score) if scored_relays else None
        text = "; ".join(f"{_outlet_label(v)} {v.verdict}" for v in relay_verdicts)
        out.append(_signal("relay_rating", None if weakest is None else round(weakest.score, 3),
                           None if weakest is None else weakest.score,
                           f"Relayed through {text}" + ("" if weakest else " (no relay is rated)") + ".", cfg,
                           [l.evidence for l in relays]))
    if analysis.source_chain:
        depth = len({(l.domain or l.name) for l in hops})
        free, per_hop = cfg["relay_depth"]["free_hops"], cfg["relay_depth"]["penalty_per_hop"]
        goodness = max(0.0, 1.0 - per_hop * max(0, depth - free))
        kinds = ", ".join(f"{l.name} ({l.role})" for l in hops) or "none"
        out.append(_signal("relay_depth", depth, goodness,
                           f"{depth} hop(s) between origin and reader: {kinds}.", cfg, [l.evidence for l in hops]))
    else:
        out.append(_signal("relay_depth", None, None, "No source chain was found, so its length is unknown.", cfg))
    context = {"publisher": pub, "origins": origin_verdicts, "relays": relay_verdicts}
    return out, context


def _host(text: str | None) -> str | None:
    from recoupe.sources.domains import normalise_host

    return normalise_host(text) if text else None


def _outlet_label(verdict: OutletVerdict) -> str:
    if verdict.domain and verdict.name and verdict.name != verdict.domain:
        return f"{verdict.name} ({verdict.domain})"
    return verdict.name or verdict.domain or "?"


def _is_named(who: str | None) -> bool:
    return bool(who and who.strip()) and not _ANONYMOUS.search(who)


def _sourcing_signals(analysis: Analysis, cfg: dict) -> list[_Scored]:
    out = []
    claims = analysis.claims
    if claims:
        named = [c for c in claims if _is_named(c.attributed_to)]
        share = len(named) / len(claims)
        out.append(_signal("attributed_claims", round(share, 3), share,
                           f"{len(named)} of {len(claims)} check-worthy claims are attributed to a named source.",
                           cfg, [_span(c) for c in named[:5]]))
        weight = cfg["hedges"]["conditional_weight"]
        hedged = sum(1.0 if c.status in _SPECULATIVE else weight if c.status == "conditional" else 0.0
                     for c in claims)
        hedged_share = hedged / len(claims)
        shown = [c for c in claims if c.status in _SPECULATIVE or c.status == "conditional"]
        out.append(_signal("hedged_claims", round(hedged_share, 3), 1.0 - hedged_share,
                           f"{len(shown)} of {len(claims)} claims are conditional, speculative, uncertain or "
                           f"disputed (conditional counted {weight:g}).", cfg, [_span(c) for c in shown[:5]]))
    else:
        out.append(_signal("attributed_claims", None, None, "No check-worthy claims were extracted.", cfg))
        out.append(_signal("hedged_claims", None, None, "No check-worthy claims were extracted.", cfg))
    if analysis.quotes:
        anonymous = [q for q in analysis.quotes
                     if not _is_named(q.speaker_canonical or (q.speaker.text if q.speaker else None))]
        share = len(anonymous) / len(analysis.quotes)
        out.append(_signal("anonymous_sourcing", round(share, 3), 1.0 - share,
                           f"{len(anonymous)} of {len(analysis.quotes)} quotes have no identifiable speaker.",
                           cfg, [q.content for q in anonymous[:5]]))
    else:
        out.append(_signal("anonymous_sourcing", None, None, "No quotes were found.", cfg))
    return out


def _span(finding) -> Span:
    return Span(text=finding.text, start=finding.start, end=finding.end, **{"in": finding.in_},
                furniture_index=finding.furniture_index)


def _style_signals(analysis: Analysis, cfg: dict) -> list[_Scored]:
    out = []
    genre = analysis.genre
    if genre is None:
        out.append(_signal("genre", None, None, "Genre (reporting, opinion, satire) was not determined.", cfg))
    else:
        p = genre.probabilities.get(genre.label)
        confidence = f" (p={p:.2f})" if p is not None else ""
        out.append(_signal("genre", genre.label, cfg["genre"][genre.label],
                           f"Genre: {genre.label}{confidence}.", cfg, [_span(e) for e in genre.evidence[:3]]))
    if analysis.irony:
        n = len(analysis.irony)
        out.append(_signal("irony", n, max(0.0, 1.0 - cfg["irony"]["penalty_per_passage"] * n),
                           f"{n} ironic passage(s): the text says the opposite of what it means.", cfg,
                           [_span(i) for i in analysis.irony[:3]]))
    else:
        out.append(_signal("irony", None, None, "No irony found (or not analysed).", cfg))
    # only the findings shown to a reader count: those under their technique's precision
    # threshold are kept in the JSON with their scores, but are noise as evidence
    shown = [p for p in analysis.persuasion if p.shown]
    if shown:
        words = max(1, len(analysis.body.split()))
        density = 1000.0 * len(shown) / words
        goodness = max(0.0, 1.0 - density / cfg["persuasion"]["per_1000_words_for_zero"])
        techniques = sorted({p.technique for p in shown})
        out.append(_signal("persuasion", round(density, 2), goodness,
                           f"{len(shown)} confident persuasion finding(s) ({', '.join(techniques[:4])}), "
                           f"{density:.1f} per 1,000 words.", cfg,
                           [Span(text=p.text, start=p.start, end=p.end) for p in shown[:3]]))
    elif analysis.persuasion:
        out.append(_signal("persuasion", None, None, "No persuasion technique reached its precision threshold "
                           f"({len(analysis.persuasion)} low-confidence score(s) not counted).", cfg))
    else:
        out.append(_signal("persuasion", None, None, "Persuasion techniques not found (or not analysed).", cfg))
    out.append(_signal("missing_author", not analysis.authors, 0.0 if not analysis.authors else 1.0,
                       "No author named." if not analysis.authors else f"Author: {', '.join(analysis.authors)}.",
                       cfg, _furniture_spans(analysis, "byline")))
    out.append(_signal("missing_date", not analysis.date, 0.0 if not analysis.date else 1.0,
                       "No publication date." if not analysis.date else f"Dated {analysis.date}.", cfg,
                       _furniture_spans(analysis, "dateline")))
    title = analysis.title
    at = analysis.body.find(title) if title else -1
    title_span = [Span(text=title, start=at, end=at + len(title))] if at >= 0 else []
    out.append(_sensational(title, cfg, title_span))
    return out


def _furniture_spans(analysis: Analysis, kind: str) -> list[Span]:
    """Whole furniture lines of one kind (bylines, datelines) as evidence."""
    return [Span(text=f.text, start=0, end=len(f.text), **{"in": "furniture"}, furniture_index=f.index)
            for f in analysis.furniture if f.kind == kind]


def _sensational(title: str | None, cfg: dict, evidence: list[Span] = ()) -> _Scored:
    if not title:
        return _signal("sensational_title", None, None, "No title to judge.", cfg)
    words = re.findall(r"[^\W\d_]{3,}", title)
    shouting = sum(w.isupper() for w in words) / len(words) if words else 0.0
    cues = []
    if "!" in title:
        cues.append("exclamation mark")
    if shouting > 0.3:
        cues.append("words in capitals")
    bait = _CLICKBAIT.findall(title)
    if bait:
        cues.append("clickbait wording: " + ", ".join(b if isinstance(b, str) else b[0] for b in bait[:3]))
    level = min(1.0, 0.3 * ("!" in title) + 0.3 * (shouting > 0.3) + 0.4 * bool(bait))
    explanation = "Sensational title: " + "; ".join(cues) + "." if cues else "Title is not sensational."
    return _signal("sensational_title", round(level, 2), 1.0 - level, explanation, cfg, evidence)


# -- the report ---------------------------------------------------------------------------------------


def grade_in_place(analysis: Analysis, registry, cfg: dict) -> tuple[list[Signal], Credibility]:
    """Signals and the graded credibility of one analysed article; fills the outlet ratings of
    ``analysis`` (a copy: :func:`recoupe.assess.assess` is the entry point)."""
    _fill_publisher(analysis, registry)
    for link in analysis.source_chain:
        _fill_link(link, registry)
    outlet_scored, context = _outlet_signals(analysis, registry, cfg)
    scored = outlet_scored + _sourcing_signals(analysis, cfg) + _style_signals(analysis, cfg)
    known = [s for s in scored if s.goodness is not None]
    known_weight = sum(s.signal.weight for s in known)
    for s in known:
        s.signal.contribution = round(s.signal.weight * (s.goodness - 0.5) / known_weight, 4)
    score = sum(s.signal.weight * s.goodness for s in known) / known_weight if known_weight else None
    grade = _grade(score, known_weight, cfg)
    if not any(s.signal.name in SOURCE_SIGNALS for s in known):
        grade = "?"  # what the text looks like cannot stand in for who stands behind it
    reasons = _reasons(context, known)
    unknowns = list(dict.fromkeys(s.signal.explanation for s in scored if s.goodness is None))
    if registry is not None and "decodex" not in registry.lists:
        unknowns.append("Décodex is not loaded (see `recoupe sources import --format decodex`).")
    signals = [s.signal for s in scored]
    return signals, Credibility(grade=grade, score=None if score is None else round(score, 3), reasons=reasons,
                                unknowns=unknowns)


SOURCE_SIGNALS = {"publisher_rating", "origin_rating", "relay_rating"}


def _grade(score: float | None, known_weight: float, cfg: dict) -> str:
    if score is None or known_weight < cfg["scoring"]["min_known_weight"]:
        return "?"
    for grade, floor in sorted(cfg["grades"].items(), key=lambda kv: -kv[1]):
        if score >= floor:
            return grade
    return "E"


def _reasons(context: dict, known: list[_Scored]) -> list[str]:
    """Outlet first, then the origin of the core claim (kept apart), then the strongest other signals."""
    pub: OutletVerdict = context["publisher"]
    reasons = [f"Outlet: {_outlet_label(pub)} {pub.verdict} ({pub.summary})."]
    for origin in context["origins"]:
        if origin.score is None:
            reasons.append(f"Core claim traces to {_outlet_label(origin)}, which no loaded list rates.")
        else:
            reasons.append(f"Core claim traces to {_outlet_label(origin)}, {origin.verdict} ({origin.summary}).")
        if origin.score is not None and pub.score is not None and origin.score - pub.score > 0.3:
            reasons.append("The outlet is less reliable than the origin it relays: read the original.")
    if context["relays"]:
        reasons.append("Relays: " + "; ".join(f"{_outlet_label(v)} {v.verdict}" for v in context["relays"]) + ".")
    outlet_names = {"publisher_rating", "origin_rating", "relay_rating"}
    others = [s for s in known if s.signal.name not in outlet_names and abs(s.signal.contribution) >= 0.01]
    concerns = sorted((s for s in others if s.signal.contribution < 0), key=lambda s: s.signal.contribution)
    strengths = sorted((s for s in others if s.signal.contribution > 0), key=lambda s: -s.signal.contribution)
    reasons += [s.signal.explanation for s in concerns + strengths][:4]
    return reasons


def render_text(analysis: Analysis, ratings=None) -> str:
    """A summary a journalist reads in ten seconds: grade, the main reasons, what is unknown."""
    if analysis.credibility is None:
        from recoupe.assess import assess

        analysis = assess(analysis, ratings).apply(analysis)
    cred = analysis.credibility
    labels = load_config()["grade_labels"]
    score = "" if cred.score is None else f"  score {cred.score:.2f}"
    lines = [f"Credibility {cred.grade} ({labels.get(cred.grade, '')}){score}"]
    lines += [f"  - {r}" for r in cred.reasons[:6]]
    if cred.unknowns:
        lines.append("  Unknown: " + " ".join(cred.unknowns[:4]))
    return "\n".join(lines)
