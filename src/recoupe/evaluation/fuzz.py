"""A bounded fuzzer for the analysis: mutants of real articles, the invariants every result keeps.

Used by ``tests/test_fuzz.py`` (a few hundred mutants, fixed seed) and ``benchmarks/fuzz.py``
(as many as you like, any seed). A mutant is a real article with one to three of the damages a
hostile or broken page carries: flipped bytes, truncation, unbalanced quotation marks, control
characters, long punctuation or emoji runs, bidirectional marks, stacked combining characters,
lone surrogates, broken HTML. The invariants: ``analyze`` raises nothing but ``AnalysisError``,
``analyze_many`` yields only ``Analysis`` or ``Failed``, every span's offsets point at its text,
every report encodes to JSON, and no document goes over the time budget.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

QUOTES = "«»“”„‘’\"'()[]{}‹›"
PUNCT = ")(.!?«»\"'-*/\\|=+#~^`,;:"
EMOJI = ["\U0001F600", "\U0001F44D\U0001F3FD", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\u2764\ufe0f", "\U0001F1EB\U0001F1F7"]
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
COMBINING = "\u0301\u0300\u0308\u0327\u0336\u0489\u20dd"
CONTROLS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160))] + ["\x1b[2J", "\x1b]0;t\x07"]


def _at(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = _at(rng, text)
    return text[:i] + piece + text[i:]


def flip_bytes(rng, text, scale):
    data = bytearray(text.encode("utf-8", errors="surrogatepass"))
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def truncate(rng, text, scale):
    if rng.random() < 0.5:
        data = text.encode("utf-8", errors="surrogatepass")
        return data[: rng.randrange(len(data) + 1)]  # may cut a multi-byte character
    return text[: rng.randrange(len(text) + 1)]


def unbalanced_quotes(rng, text, scale):
    for _ in range(rng.randint(1, 30)):
        text = _insert(rng, text, rng.choice(QUOTES) * rng.randint(1, 3))
    return text


def control_chars(rng, text, scale):
    for _ in range(rng.randint(1, 20)):
        text = _insert(rng, text, rng.choice(CONTROLS))
    return text


def punctuation_run(rng, text, scale):
    return _insert(rng, text, rng.choice(PUNCT) * rng.randint(100, scale))


def emoji(rng, text, scale):
    if rng.random() < 0.5:
        return _insert(rng, text, rng.choice(EMOJI) * rng.randint(50, max(51, scale // 4)))
    for _ in range(rng.randint(1, 40)):
        text = _insert(rng, text, rng.choice(EMOJI))
    return text


def rtl_marks(rng, text, scale):
    for _ in range(rng.randint(1, 40)):
        text = _insert(rng, text, rng.choice(BIDI))
    return text


def combining(rng, text, scale):
    return _insert(rng, text, "".join(rng.choice(COMBINING) for _ in range(rng.randint(10, scale // 2))))


def lone_surrogates(rng, text, scale):
    for _ in range(rng.randint(1, 10)):
        text = _insert(rng, text, chr(rng.randint(0xD800, 0xDFFF)))
    return text


def broken_html(rng, text, scale):
    paragraphs = [p for p in text.split("\n") if p.strip()]
    body = "".join(f"<p>{p}" + ("</p>" if rng.random() < 0.7 else "") for p in paragraphs)
    html = f"<html><head><title>{paragraphs[0] if paragraphs else ''}&#27;[2J&#7;</title></head><body><article>{body}"
    return html[: rng.randrange(len(html) // 2, len(html) + 1)]


MUTATORS = {f.__name__: f for f in (flip_bytes, truncate, unbalanced_quotes, control_chars, punctuation_run, emoji,
                                    rtl_marks, combining, lone_surrogates, broken_html)}


def mutate(rng: random.Random, text: str, scale: int = 3000) -> tuple[str | bytes, list[str]]:
    """One mutant of ``text`` (str, or bytes after a byte-level damage) and the damages applied.
    ``scale`` bounds the length of inserted runs."""
    names = rng.sample(sorted(MUTATORS), rng.randint(1, 3))
    value: str | bytes = text
    for name in names:
        if isinstance(value, bytes):  # a byte-level damage came first: later ones work on its decoding
            value = value.decode("utf-8", errors="surrogateescape")
        value = MUTATORS[name](rng, value, scale)
    return value, names


def check_report(report) -> int:
    """Every span-shaped value points at its text (body or furniture); the report encodes.
    Returns the number of spans checked; raises AssertionError naming the first bad one."""
    data = report.model_dump(by_alias=True)
    report.to_json()
    checked = 0
    stack = [v for k, v in data.items() if k not in ("furniture", "body_map", "paragraph_languages")]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if {"text", "start", "end"} <= value.keys() and isinstance(value.get("start"), int):
                if value.get("in") == "furniture":
                    source = data["furniture"][value["furniture_index"]]["text"]
                else:
                    source = data["body"]
                if source[value["start"]:value["end"]] != value["text"]:
                    raise AssertionError(f"span {value['start']}-{value['end']} is not its text: {value['text'][:60]!r}")
                checked += 1
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return checked


@dataclass
class FuzzResult:
    mutants: int = 0
    analysed: int = 0
    failed: Counter = field(default_factory=Counter)  # reason (first words) -> count
    raw_exceptions: list[str] = field(default_factory=list)
    bad_offsets: list[str] = field(default_factory=list)
    over_budget: list[str] = field(default_factory=list)
    spans: int = 0
    slowest: float = 0.0
    damages: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not (self.raw_exceptions or self.bad_offsets or self.over_budget)


def run(articles: list[str], *, seed: int, n: int, config=None, scale: int = 3000, batch: int = 8,
        progress=None) -> FuzzResult:
    """Analyse ``n`` mutants of ``articles``: strings in batches through ``analyze_many``, bytes
    one at a time through ``analyze`` (the two entry points)."""
    from recoupe.ingest import Failed
    from recoupe.model import Analysis
    from recoupe.pipeline import AnalysisError, Analyzer

    analyzer = Analyzer(config)
    rng = random.Random(seed)
    result = FuzzResult()
    pending: list[tuple[str, list[str]]] = []

    def record(outcome, label: str) -> None:
        if isinstance(outcome, Failed):
            if "time budget" in outcome.error or "memory ceiling" in outcome.error:
                result.over_budget.append(f"{label}: {outcome.error}")
            result.failed[" ".join(outcome.error.split()[:3])] += 1
        elif isinstance(outcome, Analysis):
            result.analysed += 1
            try:
                result.spans += check_report(outcome)
            except Exception as exc:  # noqa: BLE001 - recorded as a defect
                result.bad_offsets.append(f"{label}: {exc}")
        else:
            result.raw_exceptions.append(f"{label}: yielded {type(outcome).__name__}")

    def flush() -> None:
        if not pending:
            return
        t0 = time.monotonic()
        try:
            outcomes = list(analyzer.analyze_many([text for text, _ in pending]))
        except Exception as exc:  # noqa: BLE001
            result.raw_exceptions.append(f"batch {[d for _, d in pending]}: {type(exc).__name__}: {exc}")
            outcomes = []
        result.slowest = max(result.slowest, time.monotonic() - t0)
        for (_, damages), outcome in zip(pending, outcomes):
            record(outcome, "+".join(damages))
        pending.clear()

    for i in range(n):
        value, damages = mutate(rng, rng.choice(articles), scale)
        result.mutants += 1
        result.damages.update(damages)
        if isinstance(value, bytes):
            t0 = time.monotonic()
            try:
                record(analyzer.analyze(value), "+".join(damages))
            except AnalysisError as exc:
                result.failed[" ".join(str(exc).split()[:3])] += 1
            except Exception as exc:  # noqa: BLE001 - the defect this fuzzer looks for
                result.raw_exceptions.append(f"{'+'.join(damages)}: {type(exc).__name__}: {exc}")
            result.slowest = max(result.slowest, time.monotonic() - t0)
        else:
            pending.append((value, damages))
            if len(pending) >= batch:
                flush()
        if progress:
            progress(i + 1, result)
    flush()
    analyzer.close()
    return result
