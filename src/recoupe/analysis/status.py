"""Each claim's epistemic status, from the quotes and hedges that cover its sentence.

Claims are found sentence by sentence without knowing who vouches for them; this step reads the
quotes (attributed) and hedges (conditional, speculative, uncertain, disputed) over the same
sentence, so a claim in the journalistic conditional is never reported as asserted by the outlet.
It reads ``doc._.quotes`` and ``doc._.hedges`` (set by ``recoupe_quotes`` and ``recoupe_hedges``)
and never re-runs them; it lives apart from both so that neither imports the other.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from recoupe.model import Analysis

STATUS_PRIORITY = ["disputed", "uncertain", "conditional", "speculative", "attributed", "asserted"]
KIND_TO_STATUS = {"disputed": "disputed", "uncertainty": "uncertain", "conditional": "conditional",
                  "speculation": "speculative", "attributed": "attributed"}
_KEY = "recoupe_status_index"


class _Ranges:
    """(start, end, item) sorted by start, for overlap queries without a scan over every item."""

    def __init__(self, rows: list[tuple[int, int, object]]):
        self.rows = sorted(rows, key=lambda r: (r[0], r[1]))
        self.starts = [r[0] for r in self.rows]
        self.longest = max((e - s for s, e, _ in self.rows), default=0)

    def overlapping(self, start: int, end: int) -> list:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [item for s, e, item in self.rows[lo:hi] if s < end and start < e]


def _required(doc: Doc, attr: str, component: str) -> list:
    value = getattr(doc._, attr) if Doc.has_extension(attr) else None
    if value is None:
        raise ValueError(f"sentence status needs doc._.{attr}: run {component} first")
    return value


def _index(doc: Doc) -> tuple[_Ranges, _Ranges]:
    cached = doc.user_data.get(_KEY)
    if cached is None:
        quotes = _required(doc, "quotes", "recoupe_quotes")
        hedges = _required(doc, "hedges", "recoupe_hedges")
        cached = doc.user_data[_KEY] = (
            _Ranges([(q.content.start, q.content.end, (n, q)) for n, q in enumerate(quotes)]),
            _Ranges([((h.sentence or h).start, (h.sentence or h).end, (n, h)) for n, h in enumerate(hedges)]))
    return cached


def sentence_status(doc: Doc, sent_start: int, sent_end: int) -> tuple[str, str | None]:
    """(status, attributed_to) for a sentence or claim span, from the quotes and hedges over it.

    Status is the strongest epistemic marker present (disputed > uncertain > conditional >
    speculative > attributed > asserted); attributed_to is the speaker of the last quote (in report
    order) covering the span whatever the status (``selon X, il aurait…`` is conditional and
    attributed to X). A hedge qualifies its whole sentence, not only its cue.
    """
    quotes, hedges = _index(doc)
    attributed_to = None
    statuses = {"asserted"}
    for _, q in sorted(quotes.overlapping(sent_start, sent_end), key=lambda x: x[0]):
        if q.speaker_canonical or q.speaker:
            attributed_to = q.speaker_canonical or (q.speaker.text if q.speaker else None)
            statuses.add("attributed")
    for _, h in hedges.overlapping(sent_start, sent_end):
        if h.kind in KIND_TO_STATUS:
            statuses.add(KIND_TO_STATUS[h.kind])
    status = next(s for s in STATUS_PRIORITY if s in statuses)
    return status, attributed_to


def apply_status(analysis: Analysis, doc: Doc) -> None:
    for claim in analysis.claims:
        status, attributed_to = sentence_status(doc, claim.start, claim.end)
        claim.status = status
        claim.attributed_to = attributed_to
