"""The engine: an ``Analyzer`` that owns the models and turns documents into reports.

One code path for one article or a million: documents are read and split into body and
furniture, grouped by language, parsed with ``nlp.pipe`` in batches, then assembled into
``Analysis`` reports in input order. A document that cannot be read or analysed becomes a
``Failed`` and the stream goes on.

The findings depend only on the text, the configuration and the resources shipped in the
package; the judgement (ratings, signals, grade) is added afterwards by
:func:`recoupe.assess.assess` from a ``Ratings`` snapshot. Every report is stamped with what
produced it (:class:`recoupe.model.Stamps`).

An ``Analyzer`` owns its spaCy pipelines and loads them on first use.
It pickles as its configuration (and the file paths of an explicit ratings snapshot), so a Dask
worker or a server process rebuilds its own resources where it lands. ``recoupe.analyze`` and
``recoupe.analyze_many`` use a default one per process.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from recoupe import guard
from recoupe.analysis import style
from recoupe.analysis.entities import merge_entities
from recoupe.analysis.language import UNDETERMINED, identify_document
from recoupe.extract import ExtractedDocument, extract
from recoupe.ingest import DEFAULT_MAX_BYTES, Failed, IngestError, RawDocument, from_string
from recoupe.model import Analysis, Publisher, Stamps
from recoupe.nlp import build_nlp, supported
from recoupe.sources.ratings import Ratings, default_ratings

FURNITURE_WITH_NAMES = {"provenance", "byline", "photo_credit"}


class AnalysisError(Exception):
    """Raised by :func:`analyze` when the single document cannot be analysed."""


@dataclass(frozen=True)
class AnalyzerConfig:
    """What an ``Analyzer`` computes; defaults are the full report. Frozen and small, so it can be
    hashed, digested into the stamps and sent to another process."""

    genre: bool = True
    persuasion: bool = True
    persuasion_triggers: bool = True  # the span inside each flagged paragraph (triggers model)
    credibility: bool = True  # add the judgement (ratings, signals, grade) to each report
    max_bytes: int = DEFAULT_MAX_BYTES
    components: tuple[str, ...] | None = None  # spaCy components to run; None = all (see nlp.COMPONENTS)
    batch_size: int = 16  # documents per chunk: one nlp.pipe per language
    # A document over either becomes a Failed with the reason (see guard.Budget).
    # 300 s is ~4x the 71 s of CPU a full analysis of a 1M-character text took (benchmarks/scaling.py).
    time_budget: float | None = 300.0  # seconds charged to one document
    memory_ceiling: int | None = None  # bytes of resident memory of the process

    def findings_digest(self) -> str:
        """Digest of the switches that change the findings (not batching, size limits or judgement)."""
        keys = {"genre": self.genre, "persuasion": self.persuasion, "triggers": self.persuasion_triggers,
                "components": list(self.components) if self.components is not None else None}
        return "sha256:" + hashlib.sha256(json.dumps(keys, sort_keys=True).encode()).hexdigest()[:16]


Options = AnalyzerConfig  # the name earlier releases used


@dataclass
class _Prepared:
    raw: RawDocument
    extracted: ExtractedDocument
    lang: str
    lang_confidence: float | None
    paragraph_languages: list
    budget: guard.Budget | None = None
    warnings: tuple[str, ...] = ()  # repairs made to the input (guard.sanitize_raw)


class Analyzer:
    """Owns the spaCy pipelines and the ratings snapshot of one process.

    >>> analyzer = Analyzer(AnalyzerConfig(persuasion=False))
    >>> report = analyzer.analyze("Le ministre a déclaré que ...")
    >>> for r in analyzer.analyze_many(docs): ...
    """

    def __init__(self, config: AnalyzerConfig | None = None, *, ratings: Ratings | None = None,
                 assess_config: dict | None = None) -> None:
        self.config = config or AnalyzerConfig()
        self._ratings = ratings
        self._assess_config = assess_config
        self._pipelines: dict[str, Language] = {}
        self._lock = threading.Lock()
        self._stamps: Stamps | None = None

    # -- sending to another process ----------------------------------------------------------------

    def __reduce__(self):
        return (_rebuild_analyzer, (self.config, self._ratings, self._assess_config))

    def close(self) -> None:
        """Drop the pipelines (they are rebuilt if used again)."""
        self._pipelines.clear()

    # -- resources -----------------------------------------------------------------------------------

    @property
    def ratings(self) -> Ratings:
        return self._ratings if self._ratings is not None else default_ratings()

    def pipeline(self, lang: str) -> Language:
        """This analyzer's spaCy pipeline for a supported language, loaded once."""
        nlp = self._pipelines.get(lang)
        if nlp is None:
            with self._lock:
                nlp = self._pipelines.get(lang)
                if nlp is None:
                    nlp = self._pipelines[lang] = build_nlp(lang, self.config.components)
        return nlp

    @property
    def stamps(self) -> Stamps:
        """What this analyzer's findings are produced by (no ratings: see ``judge``)."""
        if self._stamps is None:
            from recoupe.stamps import component_versions, resources_digest

            self._stamps = Stamps(recoupe=_version(), components=component_versions(self.config),
                                  resources=resources_digest(), config_digest=self.config.findings_digest())
        return self._stamps

    # -- analysing ---------------------------------------------------------------------------------

    def analyze(self, text_or_html: str | bytes, *, url: str | None = None, lang: str | None = None) -> Analysis:
        """Analyse one article given as plain text, HTML or bytes; any failure is an ``AnalysisError``."""
        if not isinstance(text_or_html, (str, bytes, bytearray)):
            raise AnalysisError(f"expected text or bytes, got {type(text_or_html).__name__}")
        read_warnings: list[str] = []
        if isinstance(text_or_html, (bytes, bytearray)):
            from recoupe.ingest import decode

            try:
                decoded = decode(bytes(text_or_html))
            except IngestError as exc:
                raise AnalysisError(str(exc)) from exc
            text_or_html, read_warnings = decoded.text, decoded.warnings  # repairs reach the report
        if not text_or_html or not text_or_html.strip():
            raise AnalysisError("empty input")
        raw = from_string(text_or_html, url=url)
        raw.warnings = read_warnings
        try:
            result = next(self.analyze_many([raw], lang=lang))
        except Exception as exc:  # nothing raw leaves analyze
            raise AnalysisError(f"analysis failed: {type(exc).__name__}: {exc}") from exc
        if isinstance(result, Failed):
            raise AnalysisError(result.error)
        return result

    def analyze_many(self, items: Iterable[RawDocument | Failed | str], *, lang: str | None = None
                     ) -> Iterator[Analysis | Failed]:
        """Full reports (findings, then the judgement when the config asks for it), in input order."""
        for result in self.findings_many(items, lang=lang):
            if isinstance(result, Failed) or not self.config.credibility:
                yield result
                continue
            try:
                yield self.judge(result)
            except Exception as exc:  # a judgement that fails must not stop the stream
                yield Failed(result.source, f"assessment failed: {type(exc).__name__}: {exc}")

    def judge(self, findings: Analysis) -> Analysis:
        """The full report: ``findings`` judged with this analyzer's ratings snapshot."""
        from recoupe.assess import assess

        return assess(findings, self.ratings, self._assess_config).apply(findings)

    def findings_many(self, items: Iterable[RawDocument | Failed | str], *, lang: str | None = None
                      ) -> Iterator[Analysis | Failed]:
        """Findings only (no ratings, signals or grade), in input order."""
        chunk: list[RawDocument | Failed] = []
        for index, item in enumerate(items):
            if isinstance(item, str):
                item = from_string(item)
            elif not isinstance(item, (RawDocument, Failed)):
                item = Failed(f"<item {index}>", f"expected text or a RawDocument, got {type(item).__name__}")
            chunk.append(item)
            if len(chunk) >= self.config.batch_size:
                yield from self._analyze_chunk(chunk, lang)
                chunk = []
        if chunk:
            yield from self._analyze_chunk(chunk, lang)

    def _analyze_chunk(self, chunk: list[RawDocument | Failed], lang: str | None) -> Iterator[Analysis | Failed]:
        options = self.config
        prepared: list[_Prepared | Failed] = [
            item if isinstance(item, Failed) else _prepare(item, lang, options) for item in chunk
        ]
        docs: dict[int, Doc] = {}
        furniture_docs: dict[int, dict[int, Doc]] = {}
        by_lang: dict[str, list[int]] = {}
        for i, p in enumerate(prepared):
            if isinstance(p, _Prepared) and supported(p.lang):
                by_lang.setdefault(p.lang, []).append(i)
        for code, indices in by_lang.items():
            nlp = self.pipeline(code)
            # long bodies in sections, a failing one isolated, parse time charged to its budget
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
        for i, p in enumerate(prepared):
            if isinstance(p, Failed):
                yield p
                continue
            try:
                analysis = _assemble(p, docs.get(i), furniture_docs.get(i, {}), options)
                analysis.stamps = self.stamps
                yield analysis
            except guard.BudgetExceeded as exc:
                yield Failed(p.raw.source, str(exc))
            except Exception as exc:  # report, and keep the stream going
                yield Failed(p.raw.source, f"analysis failed: {type(exc).__name__}: {exc}")


def _rebuild_analyzer(config: AnalyzerConfig, ratings: Ratings | None, assess_config: dict | None) -> Analyzer:
    return Analyzer(config, ratings=ratings, assess_config=assess_config)


def _version() -> str:
    from recoupe import __version__

    return __version__


@lru_cache(maxsize=4)
def analyzer_for(config: AnalyzerConfig | None = None) -> Analyzer:
    """The process's analyzer for a configuration (the default one when None)."""
    return Analyzer(config)


def analyze(text_or_html: str | bytes, *, url: str | None = None, lang: str | None = None,
            options: AnalyzerConfig | None = None) -> Analysis:
    """Analyse one article given as plain text or HTML, with the process's default analyzer."""
    return analyzer_for(options or AnalyzerConfig()).analyze(text_or_html, url=url, lang=lang)


def analyze_many(items: Iterable[RawDocument | Failed | str], *, lang: str | None = None,
                 options: AnalyzerConfig | None = None) -> Iterator[Analysis | Failed]:
    """Analyse a stream of documents, yielding reports (or failures) in input order."""
    return analyzer_for(options or AnalyzerConfig()).analyze_many(items, lang=lang)


def _prepare(raw: RawDocument, lang: str | None, options: AnalyzerConfig) -> _Prepared | Failed:
    """Repaired input, a budget per document, every failure a Failed (issue 10's guard)."""
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


def _assemble(p: _Prepared, doc: Doc | None, furniture_docs: dict[int, Doc], options: AnalyzerConfig) -> Analysis:
    from recoupe.analysis import chain, genre, persuasion, status

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
        for attr in ("quotes", "hedges", "irony", "claims", "relations"):
            if Doc.has_extension(attr) and getattr(doc._, attr) is not None:
                setattr(analysis, attr, getattr(doc._, attr))
        status.apply_status(analysis, doc)
    budget.check("findings")
    with budget.stage("source chain"):
        chain.attach_source_chain(analysis, doc)
    paragraphs = [(s.start, s.end) for s in ex.body_map]
    # genre and persuasion read the text, the title and the paragraphs, whether or not the
    # language has a spaCy pipeline; with a Doc they go through the components' own entry points
    # (the same code a user's pipeline runs), given the context the extraction found, and pool the
    # sentence vectors the claims component left on the Doc (claims.sentence_vectors computes them
    # when claims did not run); without a Doc, the text's sentences are split and encoded once here
    sentences = None
    if doc is not None:
        doc._.recoupe_title, doc._.recoupe_paragraphs = ex.title, paragraphs
    elif options.genre or options.persuasion:
        with budget.stage("sentence vectors"):
            sentences = style.text_sentence_vectors(ex.body)
    if options.genre:
        with budget.stage("genre"):
            analysis.genre = (genre.genre_of_doc(doc) if doc is not None else
                              genre.classify_genre(ex.body, p.lang, title=ex.title, paragraphs=paragraphs,
                                                   sentences=sentences))
    if options.persuasion:
        with budget.stage("persuasion"):
            triggers = options.persuasion_triggers
            analysis.persuasion = (persuasion.persuasion_of_doc(doc, triggers=triggers) if doc is not None else
                                   persuasion.detect_persuasion(ex.body, p.lang, paragraphs=paragraphs,
                                                                triggers=triggers, sentences=sentences))
    analysis.warnings = warnings
    return analysis


__all__ = ["Analyzer", "AnalyzerConfig", "Options", "AnalysisError", "analyze", "analyze_many", "analyzer_for"]
