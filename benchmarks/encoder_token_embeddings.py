"""Could check-worthiness read a cheaper input than the full sentence encoder? (issue 9, measured, not shipped)

    python benchmarks/encoder_token_embeddings.py

The mean of the encoder's own token embeddings (no convolutions) costs almost nothing, but a model
trained on English must carry over to French through the vectors. This prints how often each
representation finds a machine translation's original first among the 284 SemEval-2022 translation
pairs (first 300 characters of each text): the full encoder 95%, the token-embedding mean 14%, i.e.
not cross-lingual, so it cannot replace the encoder for a model trained on English only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.paths import require_shared  # noqa: E402
from recoupe.vectors import _encoder, encode  # noqa: E402


def token_embedding_mean(texts: list[str]) -> np.ndarray:
    """Unit mean of the dequantised token embeddings the encoder starts from."""
    backend = _encoder()._model
    out = np.empty((len(texts), 512), dtype=np.float32)
    for i, text in enumerate(texts):
        ids = np.asarray(backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True))
        chunk = ids % 17
        emb = backend.table[ids].astype(np.float32) * backend.scale[chunk, None] + backend.lo[chunk, None]
        v = emb.mean(axis=0)
        out[i] = v / (np.linalg.norm(v) or 1.0)
    return out


def main() -> None:
    path = require_shared("data", "similarity", "semeval2022t8") / "articles.jsonl"
    articles = {a["id"]: a for a in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    pairs = [(articles[a["translated_from"]]["text"][:300], a["text"][:300]) for a in articles.values()
             if a.get("machine_translated") and a.get("translated_from") in articles]
    sources, translations = [s for s, _ in pairs], [t for _, t in pairs]
    for name, represent in (("full encoder", encode), ("token-embedding mean", token_embedding_mean)):
        sims = represent(translations) @ represent(sources).T
        top1 = float(np.mean(sims.argmax(axis=1) == np.arange(len(pairs))))
        print(f"{name:22s} original found first for {top1:.1%} of {len(pairs)} translations")


if __name__ == "__main__":
    main()
