"""The analysis as a pure function of the document: ``analyze`` for one, ``analyze_many`` for a stream.

Both run the same code: documents are read and split into body and furniture, grouped by
language, parsed with ``nlp.pipe`` in batches, then assembled into ``Analysis`` reports in input
order. A document that cannot be read or analysed becomes a ``Failed`` and the stream goes on.
"""

from __future__ import annotations

import importlib
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from recoupe import guard
from recoupe.analysis.entities import merge_entities
from recoupe.analysis.language import UNDETERMINED, identify_document
from recoupe.extract import ExtractedDocument, extract
from recoupe.ingest import DEFAULT_MAX_BYTES, Failed, IngestError, RawDocument, from_string
from recoupe.model import Analysis, Publisher
from recoupe.nlp import get_nlp, supported

FURNITURE_WITH_NAMES = {"provenance", "byline", "photo_credit"}
_ENCODER_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recoupe-encoder")


class AnalysisError(Exception):
    """Raised by :func:`analyze` when the single document cannot be analysed."""


@dataclass
class Options:
    """Switches for the optional, more expensive layers; defaults are the full report."""

    genre: bool = True
    persuasion: bool = True
    persuasion_triggers: bool = True  # the span inside each flagged paragraph (triggers model)
    credibility: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES
    components: tuple[str, ...] | None = None  # spaCy components to run; None = all (see nlp.COMPONENTS)
    # -- guard (issue 10): a document over either becomes a Failed with the reason (see guard.Budget).
    # 300 s is ~10x the measured full analysis of a 1M-character text on one core.
    time_budget: float | None = 300.0  # seconds charged to one document
    memory_ceiling: int | None = None  # bytes of resident memory of the process


@dataclass
class _Prepared:
    raw: RawDocument
    extracted: ExtractedDocument
    lang: str
    lang_confidence: float | None
    paragraph_languages: list
    budget: guard.Budget | None = None  # guard (issue 10)
    warnings: tuple[str, ...] = ()  # repairs made to the input (guard.sanitize_raw)


def analyze(text_or_html: str | bytes, *, url: str | None = None, lang: str | None = None,
            options: Options | None = None) -> Analysis:
    """Analyse one article given as plain text or HTML; any failure is an :class:`AnalysisError`."""
    if not isinstance(text_or_html, (str, bytes, bytearray)):
        raise AnalysisError(f"expected text or bytes, got {type(text_or_html).__name__}")
    if isinstance(text_or_html, (bytes, bytearray)):
        from recoupe.ingest import decode_bytes

        try:
            text_or_html, _ = decode_bytes(bytes(text_or_html))
        except IngestError as exc:
            raise AnalysisError(str(exc)) from exc
    if not text_or_html or not text_or_html.strip():
        raise AnalysisError("empty input")
    raw = from_string(text_or_html, url=url)
    try:
        result = next(analyze_many([raw], lang=lang, options=options))
    except Exception as exc:  # guard (issue 10): nothing raw leaves analyze
        raise AnalysisError(f"analysis failed: {type(exc).__name__}: {exc}") from exc
    if isinstance(result, Failed):
        raise AnalysisError(result.error)
    return result


def analyze_many(items: Iterable[RawDocument | Failed | str], *, lang: str | None = None,
                 options: Options | None = None, batch_size: int = 16) -> Iterator[Analysis | Failed]:
    """Analyse a stream of documents, yielding reports (or failures) in input order."""
    options = options or Options()
    chunk: list[RawDocument | Failed] = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            item = from_string(item)
        elif not isinstance(item, (RawDocument, Failed)):  # guard (issue 10)
            item = Failed(f"<item {index}>", f"expected text or a RawDocument, got {type(item).__name__}")
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from _analyze_chunk(chunk, lang, options)
            chunk = []
    if chunk:
        yield from _analyze_chunk(chunk, lang, options)


def _prepare(raw: RawDocument, lang: str | None, options: Options) -> _Prepared | Failed:
    # guard (issue 10): repaired input, a budget per document, every failure a Failed
    budget = guard.Budget(options.time_budget, options.memory_ceiling)
    try:
        raw, repairs = guard.sanitize_raw(raw)
        with budget.stage("extraction"):
            extracted = extract(raw)
    except guard.BudgetExceeded as exc:
        return Failed(raw.source, str(exc))
    except Exception as exc:  # a broken page must not stop the batch
        return Failed(raw.source, f"extraction failed: {type(exc).__name__}: {exc}")
    if not extracted.body.strip():
        reason = extracted.warnings[0] if extracted.warnings else "no article text left after furniture separation"
        return Failed(raw.source, reason)
    if len(extracted.body) > guard.MAX_TEXT_CHARS:
        return Failed(raw.source, f"article too long: {len(extracted.body):,} characters > limit {guard.MAX_TEXT_CHARS:,}")
    try:
        paragraphs = [(s.start, s.end) for s in extracted.body_map]
        detected, confidence, per_paragraph = identify_document(extracted.body, paragraphs)
    except Exception as exc:  # noqa: BLE001
        return Failed(raw.source, f"language identification failed: {type(exc).__name__}: {exc}")
    hinted = raw.hints.get("lang")
    chosen = lang or (hinted if isinstance(hinted, str) else None) or detected
    return _Prepared(raw, extracted, chosen, confidence if not lang else None, per_paragraph, budget, tuple(repairs))


def _analyze_chunk(chunk: list[RawDocument | Failed], lang: str | None, options: Options) -> Iterator[Analysis | Failed]:
    prepared: list[_Prepared | Failed] = [
        item if isinstance(item, Failed) else _prepare(item, lang, options) for item in chunk
    ]
    # The sentence encoder (numpy, releases the GIL in its matrix products) runs beside the spaCy
    # parse of the same chunk instead of after it.
    wants_vectors = options.genre or options.persuasion
    vectors = _ENCODER_THREAD.submit(_prefetch_paragraph_vectors, prepared) if wants_vectors else None
    docs: dict[int, Doc] = {}
    furniture_docs: dict[int, dict[int, Doc]] = {}
    by_lang: dict[str, list[int]] = {}
    for i, p in enumerate(prepared):
        if isinstance(p, _Prepared) and supported(p.lang):
            by_lang.setdefault(p.lang, []).append(i)
    for code, indices in by_lang.items():
        nlp = get_nlp(code, options.components)
        # guard (issue 10): long bodies in sections, a failing one isolated, parse time charged
        for i, (doc, seconds) in zip(indices, guard.parse_many(nlp, [prepared[i].extracted.body for i in indices])):
            if isinstance(doc, Exception):
                prepared[i] = Failed(prepared[i].raw.source, f"parse failed: {type(doc).__name__}: {doc}")
                continue
            docs[i] = doc
            try:
                prepared[i].budget.charge(seconds, "parse")
            except guard.BudgetExceeded as exc:
                prepared[i] = Failed(prepared[i].raw.source, str(exc))
                del docs[i]
        indices = [i for i in indices if i in docs]
        jobs = [
            (i, f.index, f.text)
            for i in indices
            for f in prepared[i].extracted.furniture
            if f.kind in FURNITURE_WITH_NAMES
        ]
        for (i, index, _), (doc, _) in zip(jobs, guard.parse_many(nlp, [text for *_, text in jobs], batch_size=64)):
            if not isinstance(doc, Exception):
                furniture_docs.setdefault(i, {})[index] = doc
    if vectors is not None:
        vectors.exception()  # wait; if it failed, genre and persuasion encode per article and report it
    for i, p in enumerate(prepared):
        if isinstance(p, Failed):
            yield p
            continue
        try:
            yield _assemble(p, docs.get(i), furniture_docs.get(i, {}), options)
        except guard.BudgetExceeded as exc:
            yield Failed(p.raw.source, str(exc))
        except Exception as exc:  # report, and keep the stream going
            yield Failed(p.raw.source, f"analysis failed: {type(exc).__name__}: {exc}")


def _prefetch_paragraph_vectors(prepared: list[_Prepared | Failed]) -> None:
    """One sentence-encoder call for the whole chunk: genre and persuasion then find every
    article's paragraph vectors cached."""
    from recoupe.analysis import style

    style.prefetch_paragraph_vectors([
        style.paragraph_texts(p.extracted.body, [(s.start, s.end) for s in p.extracted.body_map])[1]
        for p in prepared if isinstance(p, _Prepared)
    ])


def _optional(module: str):
    """Analysis layers written as separate modules; absent ones are reported as warnings."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None


def _assemble(p: _Prepared, doc: Doc | None, furniture_docs: dict[int, Doc], options: Options) -> Analysis:
    ex = p.extracted
    warnings = list(p.warnings) + list(ex.warnings)
    budget = p.budget or guard.Budget()
    analysis = Analysis(
        source=p.raw.source,
        url=ex.url,
        title=ex.title,
        language=p.lang,
        language_confidence=p.lang_confidence,
        paragraph_languages=p.paragraph_languages,
        publisher=Publisher(name=ex.publisher, domain=ex.hostname, url=ex.url,
                            producer="model:trafilatura@2.3.1" if ex.publisher or ex.hostname else None),
        authors=ex.authors,
        date=ex.date,
        description=ex.description,
        body=ex.body,
        body_map=ex.body_map,
        furniture=ex.furniture,
    )
    if doc is None:
        what = "undetermined" if p.lang == UNDETERMINED else f"'{p.lang}'"
        warnings.append(f"no language pipeline for {what}: entities, quotes, hedges and claims skipped")
    else:
        analysis.entities = merge_entities(doc._.entities or [], furniture_docs)
        for attr in ("quotes", "hedges", "irony", "claims"):
            if Doc.has_extension(attr) and getattr(doc._, attr) is not None:
                setattr(analysis, attr, getattr(doc._, attr))
        status = _optional("recoupe.analysis.status")
        if status is not None:
            status.apply_status(analysis, doc)
    budget.check("findings")
    chain = _optional("recoupe.analysis.chain")
    if chain is not None:
        with budget.stage("source chain"):
            chain.attach_source_chain(analysis, doc)
    paragraphs = [(s.start, s.end) for s in ex.body_map]
    if options.genre and (genre := _optional("recoupe.analysis.genre")) is not None:
        with budget.stage("genre"):
            analysis.genre = genre.classify_genre(ex.body, p.lang, title=ex.title, paragraphs=paragraphs)
    if options.persuasion and (persuasion := _optional("recoupe.analysis.persuasion")) is not None:
        with budget.stage("persuasion"):
            analysis.persuasion = persuasion.detect_persuasion(ex.body, p.lang, paragraphs=paragraphs,
                                                               triggers=options.persuasion_triggers)
    if options.credibility and (credibility := _optional("recoupe.credibility")) is not None:
        with budget.stage("credibility"):
            analysis.signals, analysis.credibility = credibility.assess(analysis)
    analysis.warnings = warnings
    return analysis


__all__ = ["Options", "AnalysisError", "analyze", "analyze_many"]
