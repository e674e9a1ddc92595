"""The parse leaves its contextual token vectors on the Doc (``doc.tensor``), whole and sectioned.

Issue 15's eighth round measured views that pool these vectors (``benchmarks/issue15_experiments.py
--only tensor,tensor-genre``) on the premise that recoupe's pipelines keep them at no cost; these
tests fail if a pipeline change disables tok2vec's output or the sectioned parse drops it.
"""

from __future__ import annotations

import numpy as np
import pytest

from recoupe import guard
from recoupe.nlp import get_nlp

TEXTS = {
    "fr": "Le maire n'a jamais promis de baisser les impôts. Qui peut encore le croire ?\n\nLa séance a duré deux heures.",
    "en": "The mayor never promised to cut taxes. Who can still believe him?\n\nThe meeting lasted two hours.",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pipeline_leaves_one_tensor_row_per_token(lang):
    doc = get_nlp(lang)(TEXTS[lang])
    assert doc.tensor.shape == (len(doc), 96)
    assert np.abs(doc.tensor).sum(axis=1).min() > 0  # every token has a vector, none left zero


def test_tensor_depends_on_context():
    # the same word in two contexts gets two vectors (static vectors would give one)
    doc = get_nlp("en")("Taxes rose. The mayor never promised lower taxes.")
    rows = [t.i for t in doc if t.lower_ == "taxes"]
    assert len(rows) == 2
    assert not np.allclose(doc.tensor[rows[0]], doc.tensor[rows[1]])


def test_sectioned_parse_keeps_the_tensor_aligned():
    nlp = get_nlp("fr")
    text = "\n\n".join([TEXTS["fr"]] * 6)
    doc = guard.parse(nlp, text, size=150)  # several sections joined by Doc.from_docs
    assert doc.text == text
    assert doc.tensor.shape == (len(doc), 96)
    whole = nlp(TEXTS["fr"])
    # the first section starts with the first copy of the text: its tokens' rows equal those of
    # that copy parsed alone, except near the section's end, where the (4-layer) tok2vec window
    # sees the following blank line
    first = [t.i for t in doc if t.idx < len(TEXTS["fr"])][:-6]
    assert np.allclose(doc.tensor[first], whole.tensor[: len(first)], atol=1e-4)
    # and a later section's rows are its own parse's, not a copy of the first section's
    later = [t.i for t in doc if t.idx >= len(text) - len(TEXTS["fr"])]
    assert np.allclose(doc.tensor[later][5:-6], whole.tensor[5 : len(later) - 6], atol=1e-4)
