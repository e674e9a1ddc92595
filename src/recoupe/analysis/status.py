"""Each claim's epistemic status, from the quotes and hedges that cover its sentence.

Claims are found sentence by sentence without knowing who vouches for them; this step reads the
quotes (attributed) and hedges (conditional, speculative, uncertain, disputed) over the same
sentence, so a claim in the journalistic conditional is never reported as asserted by the outlet.
"""

from __future__ import annotations

from spacy.tokens import Doc

from recoupe.analysis.hedges import sentence_status
from recoupe.model import Analysis


def apply_status(analysis: Analysis, doc: Doc) -> None:
    for claim in analysis.claims:
        status, attributed_to = sentence_status(doc, claim.start, claim.end)
        claim.status = status
        claim.attributed_to = attributed_to
