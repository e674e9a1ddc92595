"""The readable terminal report: what a journalist reads in ten seconds, then the evidence.

Every string from the article or its metadata is hostile: :func:`safe` shows control
characters (terminal escape sequences, OSC 8 links, OSC 52 clipboard writes) and bidirectional
overrides as visible ``\\xNN``/``\\uNNNN`` codes, and escapes rich markup, before it is printed.
"""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.markup import escape as _escape_markup
from rich.panel import Panel
from rich.table import Table

from recoupe.model import Analysis, Span


# C0 and C1 controls (but line feed and tab), DEL, and the bidirectional embeddings, overrides
# and isolates that reorder what the terminal shows.
# Lone surrogates too: no terminal encoding can print them.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object) -> str:
    """``text`` with every control or bidi-override character replaced by its visible code."""
    return _UNSAFE.sub(_visible, str(text))


def escape(text: object) -> str:
    """Safe for a terminal and for rich: control characters shown as codes, markup escaped."""
    return _escape_markup(terminal_safe(text))


def _where(span: Span) -> str:
    if span.in_ == "furniture":
        return f"furniture #{span.furniture_index}"
    return f"{span.start}–{span.end}"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= width else text[: width - 1] + "…")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_edge=False, pad_edge=False,
                  expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def render(a: Analysis, console: Console) -> None:
    head = [f"[bold]{escape(a.title or '(no title)')}[/bold]"]
    publisher = a.publisher.name or a.publisher.domain or "unknown publisher"
    meta = [escape(publisher)]
    if a.publisher.domain and a.publisher.domain != publisher:
        meta.append(escape(a.publisher.domain))
    meta += [f"language {escape(a.language)}", escape(a.date or "no date"),
             escape(", ".join(a.authors) if a.authors else "no author")]
    head.append(" · ".join(meta))
    if a.genre:
        probs = ", ".join(f"{k} {v:.2f}" for k, v in sorted(a.genre.probabilities.items(), key=lambda kv: -kv[1]))
        head.append(f"genre: [bold]{escape(a.genre.label)}[/bold] ({escape(probs)})")
        if a.genre.features:
            head.append("  weighed most: " + escape(", ".join(
                f.name + (f" {f.value:g}" if f.value is not None else "") + f" (+{f.contribution:.2f})"
                for f in a.genre.features)))
    if a.credibility:
        head.append(f"credibility: [bold]{escape(a.credibility.grade)}[/bold]"
                    + (f" ({a.credibility.score:.2f})" if a.credibility.score is not None else ""))
        head += [f"  • {escape(r)}" for r in a.credibility.reasons[:5]]
        head += [f"  ? {escape(u)}" for u in a.credibility.unknowns[:4]]
    for w in a.warnings:
        head.append(f"[yellow]warning[/yellow]: {escape(w)}")
    parts: list = ["\n".join(head)]

    if a.source_chain:
        t = _table("Source chain", "role", "outlet", "domain", "ratings", "evidence")
        for link in a.source_chain:
            ratings = ", ".join(f"{r.list} {r.score:.2f}" for r in link.ratings if r.score is not None) or "unrated"
            t.add_row(escape(link.role), escape(link.name), escape(link.domain or "?"), escape(ratings),
                      _clip(link.evidence.text, 60))
        parts.append(t)
    if a.quotes:
        t = _table("Quotes", "kind", "speaker", "cue", "content")
        for q in a.quotes:
            speaker = q.speaker_canonical or (q.speaker.text if q.speaker else "?")
            if q.speaker_role:
                speaker += f" ({q.speaker_role})"
            t.add_row(escape(q.kind), escape(speaker), escape(q.cue.text if q.cue else ""), _clip(q.content.text, 70))
        parts.append(t)
    if a.hedges or a.irony:
        t = _table("Epistemic status", "kind", "cue", "where")
        for h in a.hedges:
            t.add_row(escape(h.kind), _clip(h.text, 60), _where(h))
        for i in a.irony:
            t.add_row("irony", _clip(i.text, 60), _where(i))
        parts.append(t)
    if a.claims:
        t = _table("Check-worthy claims", "score", "status", "claim", "numbers")
        for c in sorted(a.claims, key=lambda c: -c.score)[:12]:
            numbers = "; ".join(
                f"{q.text}={q.value:g}{' ' + q.currency if q.currency else ''}" if q.value is not None
                else f"{q.text}={q.date or ''}" for q in c.quantities
            )
            t.add_row(f"{c.score:.2f}", escape(c.status + (f" ({c.attributed_to})" if c.attributed_to else "")),
                      _clip(c.text, 70), escape(numbers))
        parts.append(t)
    if a.entities:
        t = _table("Entities", "type", "canonical", "mentions", "roles")
        for e in sorted(a.entities, key=lambda e: (-len(e.mentions), e.canonical)):
            forms = sorted({m.text for m in e.mentions} - {e.canonical})
            t.add_row(escape(e.label), escape(e.canonical), f"{len(e.mentions)}" + (f" ({_clip(', '.join(forms), 40)})" if forms else ""),
                      _clip("; ".join(r.text for r in e.roles), 40))
        parts.append(t)
    shown = [p for p in a.persuasion if p.shown]
    if a.persuasion:
        # Only findings above their technique's precision threshold; the rest stay in the JSON.
        hidden = len(a.persuasion) - len(shown)
        title = "Persuasion techniques" + (f" ({hidden} low-confidence not shown)" if hidden else "")
        t = _table(title, "technique", "score", "trigger (or paragraph)")
        for p in sorted(shown, key=lambda p: -p.score)[:10]:
            t.add_row(escape(p.technique), f"{p.score:.2f}", _clip((p.trigger or p).text, 70))
        parts.append(t)
    if a.furniture:
        t = _table("Page furniture (not article text)", "kind", "text", "rule")
        for f in a.furniture:
            t.add_row(escape(f.kind), _clip(f.text, 70), escape(f.producer.removeprefix("rule:furniture.")))
        parts.append(t)
    console.print(Panel(Group(*parts), title=escape(a.source or ""), title_align="left"))
