"""Language identification: the vectorised automaton walk gives py3langid's own answers.

``recoupe.analysis.language`` computes py3langid's byte n-gram features at every byte at once
instead of walking the automaton byte by byte; that is exact only because the automaton is an
Aho-Corasick one of depth ``SCANNER_DEPTH``. Both the property and the answers are checked here
against the installed py3langid model.
"""

from __future__ import annotations

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from recoupe.analysis import language
from tests.conftest import need_shared


@pytest.fixture(scope="module")
def reference():
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _breadth_first(ident):
    """Each state's depth, and its string as (parent state, last byte), from the start state."""
    rows = np.frombuffer(ident.tk_nextmove, dtype=np.dtype(ident.tk_nextmove.typecode)).astype(np.int64).reshape(-1, 256)
    row_of = np.asarray(ident.tk_row, dtype=np.int64)
    depth = np.full(len(row_of), -1)
    parent, byte = np.full(len(row_of), -1), np.full(len(row_of), -1)
    depth[0] = 0
    frontier = np.array([0])
    while len(frontier):
        dst = rows[row_of[frontier]].ravel()
        src, b = np.repeat(frontier, 256), np.tile(np.arange(256), len(frontier))
        new = depth[dst] < 0
        frontier, first = np.unique(dst[new], return_index=True)
        parent[frontier], byte[frontier] = src[new][first], b[new][first]
        depth[frontier] = depth[parent[frontier]] + 1
    return rows, row_of, depth, parent, byte


def test_the_automaton_is_aho_corasick_of_the_stated_depth(reference):
    """Every state is reachable, the longest state string has SCANNER_DEPTH bytes, and (on 2,000
    states drawn at random, every byte) a transition goes to the state whose string is the longest
    suffix of the source's string plus the byte: so the state after a text depends only on its
    last SCANNER_DEPTH bytes. (All 26.7 M transitions were checked once the same way.)"""
    rows, row_of, depth, parent, byte = _breadth_first(reference)
    assert (depth >= 0).all()
    assert depth.max() == language.SCANNER_DEPTH
    strings = [b""] * len(depth)
    for s in np.argsort(depth, kind="stable")[1:]:
        strings[s] = strings[parent[s]] + bytes([byte[s]])
    state_of = {w: s for s, w in enumerate(strings)}
    assert len(state_of) == len(strings)
    rng = np.random.default_rng(0)
    for s in rng.choice(len(depth), size=2000, replace=False):
        for b, target in enumerate(rows[row_of[s]]):
            w = strings[s] + bytes([b])
            longest = next(state_of[w[k:]] for k in range(len(w) + 1) if w[k:] in state_of)
            assert target == longest, (s, b)


def _texts():
    """Real articles in six languages, whole and as paragraphs' first 400 characters, plus edge cases."""
    root = need_shared("data", "genre", "semeval2023t3")
    texts = ["", "ab", "   ", "!!! ??? ...", "12 345 678", "ÉCRIT EN CAPITALES SUR TOUTE LA LIGNE",
             "e\u0301te\u0301 de\u0301compose\u0301", "東京都は日本の首都です。", "🙂🙂 ok", "\x00\x01\x02",
             b"\xff\xfe invalid bytes \xc3", "Le gouvernement a annoncé mardi une réforme."]
    for lang in ("fr", "en", "ge", "it", "po", "ru"):
        for path in sorted((root / lang / "articles").glob("*.txt"))[:12]:
            text = path.read_text(encoding="utf-8")
            texts.append(text)
            texts.extend(p[:400] for p in text.split("\n") if p.strip())
    return texts


def test_same_features_labels_and_probabilities_as_py3langid(reference):
    ident = language._identifier()
    nextmove, rowbase, output = ident._tables()[:3]
    texts = _texts()
    assert len(texts) > 500
    encoded = [reference._encode(text) for text in texts]
    for batch in (encoded[:1], encoded[1:40], encoded):  # one text, and many counted together
        for data, (feats, counts) in zip(batch, language._feature_counts(nextmove, rowbase, output, batch)):
            walked = visit_counts(reference.tk_nextmove, reference._rowbase, reference.tk_output, data)
            assert list(zip(feats.tolist(), counts.tolist())) == list((walked or {}).items())
    together = ident.classify_many(texts)
    for text, got in zip(texts, together):
        expected = reference.classify(text)
        assert got[0] == expected[0] and got[1] == expected[1], text[:80]  # the same float, not a close one
        assert ident.classify(text) == got
        assert np.array_equal(ident._decide(text), reference._decide(text))
    assert language.identify_many(texts[:50]) == [language.identify(t) for t in texts[:50]]


def test_identify_document_keeps_its_rules():
    text = "Le gouvernement a annoncé mardi une réforme des retraites très contestée par les syndicats.\nAFP"
    lang, prob, paragraphs = language.identify_document(text, [(0, 91), (92, 95)])
    assert lang == "fr" and prob >= language.MIN_CONFIDENCE
    assert paragraphs[0].language == "fr" and paragraphs[1].language == "fr"  # short: inherits
    assert paragraphs[1].confidence == prob
