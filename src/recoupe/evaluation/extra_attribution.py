"""Extra attribution annotations: French and English articles outside the attribution set (SemEval-2023
Task 3, and French FreSaDa regular articles), annotated for quotes, speakers and hedges under
``../shared/data/attribution/GUIDELINES.md``.

Why: the learned parts of quote finding (the reported-speech filter) learn from 30 French articles,
and every rule or threshold chosen on them is read on the same 30. These annotations give training
rows that never come from a scored article, and development sets on which rules can be read before
the human-annotated set is.

Who annotated: the project's assistant annotators (a language model working from the guidelines and
the article text only; never from recoupe's output nor from the human gold). Their agreement with
the human annotators was measured blind on articles of the attribution set (NOTES.md, issue 14,
thirteenth pass and session 10). They are *not* gold: the human set stays the only measure.

Storage: no article text is kept in the repository. The JSON beside this module holds, per article,
the SHA-256 of its text in ``../shared`` and each quote as character offsets (located by first
occurrence, as the README's scorer locates evidence), its kind and the speaker's name; an article
from another folder than ``../shared/data/genre/semeval2023t3/<lang>/articles`` records its
``source`` path. ``materialise`` rebuilds a folder in the attribution set's layout from them, so
``recoupe eval attribution --data DIR --lang fr`` scores against it.

    python -m recoupe.evaluation.extra_attribution build ANNOTATION_DIR --set dev1  # annotators' JSON -> offsets
    python -m recoupe.evaluation.extra_attribution materialise DIR [--set dev1|…|dev9]  # -> DIR/<lang>/{articles,…}
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from recoupe.evaluation.spans import locate

LANGS = ("fr", "en")
PATH = Path(__file__).with_name("extra_attribution.fr.json")  # French; path_for(lang) for any language


def path_for(lang: str) -> Path:
    return Path(__file__).with_name(f"extra_attribution.{lang}.json")


def articles_dir(lang: str) -> tuple[str, ...]:
    return ("data", "genre", "semeval2023t3", lang, "articles")


def source_of(name: str, lang: str) -> tuple[str, ...]:
    """Where an annotated article's text lives under ``../shared``, from its annotation file name:
    ``fresada_<split>_<id>.txt`` is FreSaDa's ``<split>/texts/<id>.txt``; any other name is a SemEval
    article of ``articles_dir(lang)``."""
    if name.startswith("fresada_"):
        _, split, ident = name.split("_", 2)
        return ("data", "satire", "fresada", "data", split, "texts", ident)
    return (*articles_dir(lang), name)


KINDS = ("direct", "indirect", "according_to")
HEDGE_KINDS = ("conditional", "speculation", "uncertainty", "disputed", "declined")
SETS = {"dev1": "the first 48 French SemEval articles annotated: rules may be developed on their errors",
        "dev2": "40 more French SemEval articles and every English one: figures only, never read for errors or choices",
        "dev3": "French FreSaDa regular articles (mainstream outlets, another domain than SemEval's):"
                " rules may be developed on their errors",
        "dev4": "60 more French FreSaDa regular articles: figures only until session 15, then developed on"
                " (its speakers stayed .68 while dev3's rose to .79: what dev3's errors taught did not carry over)",
        "dev5": "40 more French FreSaDa regular articles (session 16): figures only, never read for errors or choices",
        "dev6": "40 more French FreSaDa regular articles (session 29), annotated blind: rules may be developed on their"
                " errors (fresh errors: dev1, dev3 and dev4 had been read for a dozen sessions)",
        "dev7": "40 more French FreSaDa regular articles (session 30), annotated blind as dev6 was: its figures before"
                " any change are a fresh estimate; rules may then be developed on its errors",
        "dev8": "40 more French FreSaDa regular articles (session 37), annotated blind as dev6 and dev7 were: its"
                " figures before any change are a fresh estimate; rules may then be developed on its errors",
        "dev9": "40 more French FreSaDa regular articles (session 37), annotated blind as dev8 was while rules were"
                " developed on dev8: read first as a test of those rules, then developed on",
        "dev10": "40 more French FreSaDa regular articles (session 38), annotated blind as dev8 and dev9 were: its"
                 " figures before any change are a fresh estimate; then developed on"}
FIGURES_ONLY = frozenset({"dev2", "dev5"})  # sets nothing is chosen on: what says whether a change generalises


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class ExtraArticle:
    name: str
    text: str
    quotes: list[dict]   # {kind, span: (start, end), speaker, mention: (s, e) | None, cue: (s, e) | None}
    set: str = "dev1"    # dev1: rules may be developed on its errors; dev2: figures only
    hedges: list[dict] | None = None  # {kind, span, borderline}; None: hedges not annotated
    lang: str = "fr"

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [tuple(q["span"]) for q in self.quotes]


def load(path: Path | None = None) -> list[ExtraArticle]:
    """The annotated articles (of ``path``, else of every language that has a file) whose text in
    ``../shared`` still has the recorded digest (an article that changed is skipped with a message on
    stderr, never mis-aligned)."""
    if path is None:
        return [a for lang in LANGS if path_for(lang).exists() for a in load(path_for(lang))]
    from recoupe.paths import require_shared

    spec = json.loads(path.read_text(encoding="utf-8"))
    lang = spec.get("lang", "fr")
    shared = require_shared()
    out = []
    for name, entry in sorted(spec["articles"].items()):
        file = shared.joinpath(*entry["source"].split("/")) if "source" in entry else shared.joinpath(*source_of(name, lang))
        text = file.read_text(encoding="utf-8") if file.exists() else None
        if text is None or digest(text) != entry["sha256"]:
            print(f"extra attribution: {file} missing or changed: {name} skipped", file=sys.stderr)
            continue
        out.append(ExtraArticle(name, text, entry["quotes"], entry.get("set", "dev1"), entry.get("hedges"), lang))
    return out


def _span(text: str, s: str | None) -> list[int] | None:
    found = locate(text, s) if s else None
    return None if found is None else list(found)


def build(annotation_dir: Path, path: Path | None = None, sets: dict[str, str] | None = None,
          hedges_dir: Path | None = None, lang: str = "fr", default_set: str = "dev1") -> dict:
    """Offsets from the annotators' files (``NAME.json`` in the guidelines' format: quotes, and
    hedges either in the same file or, from ``hedges_dir``, from a second pass), merged into ``path``:
    the articles of ``annotation_dir`` are (re)written, every other article already there is kept.
    ``sets``: article file -> set name (default: what ``path`` already says, else ``default_set``)."""
    from recoupe.paths import require_shared

    path = path_for(lang) if path is None else path
    shared = require_shared()
    kept = json.loads(path.read_text(encoding="utf-8"))["articles"] if path.exists() else {}
    sets = {**{n: e.get("set", "dev1") for n, e in kept.items()}, **(sets or {})}
    articles = dict(kept)
    for file in sorted(annotation_dir.glob("*.json")):
        name = file.stem + ".txt"
        source = source_of(name, lang)
        text = shared.joinpath(*source).read_text(encoding="utf-8")
        quotes = []
        for q in json.loads(file.read_text(encoding="utf-8"))["quotes"]:
            span = _span(text, q["evidence"])
            if span is None or q["kind"] not in KINDS:
                raise ValueError(f"{file.name}: quote not in the article or unknown kind: {q['evidence'][:60]!r}")
            quotes.append({"kind": q["kind"], "span": span, "speaker": q["speaker"],
                           "mention": _span(text, q.get("speaker_mention")), "cue": _span(text, q.get("cue"))})
        articles[name] = {"sha256": digest(text), "set": sets.get(name, default_set), "quotes": quotes}
        if source[:-1] != articles_dir(lang):
            articles[name]["source"] = "/".join(source)
        hedge_file = hedges_dir / file.name if hedges_dir is not None else file
        if hedge_file.exists() and "hedges" in (spec := json.loads(hedge_file.read_text(encoding="utf-8"))):
            hedges = []
            for h in spec["hedges"]:
                span = _span(text, h["evidence"])
                if span is None or h["kind"] not in HEDGE_KINDS:
                    raise ValueError(f"{hedge_file.name}: hedge not in the article or unknown kind: {h['evidence'][:60]!r}")
                hedges.append({"kind": h["kind"], "span": span, "borderline": bool(h.get("borderline"))})
            articles[name]["hedges"] = hedges
    out = {"lang": lang, "source": "/".join(articles_dir(lang)) + " (unless an article names its own source)",
           "guidelines": "data/attribution/GUIDELINES.md (quotes, hedges)",
           "annotators": "assistant annotators (a language model), blind to recoupe and to the human gold",
           "sets": SETS, "articles": dict(sorted(articles.items()))}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return out


def as_gold(articles: list[ExtraArticle]) -> tuple[dict[str, dict], dict[str, str]]:
    """(gold by file name, text by file name), as ``evaluation.attribution.load`` gives the human set's."""
    gold, texts = {}, {}
    for a in articles:
        def cut(span, text=a.text):
            return None if span is None else text[span[0]:span[1]]
        texts[a.name] = a.text
        gold[a.name] = {"quotes": [{"kind": q["kind"], "speaker": q["speaker"], "speaker_mention": cut(q["mention"]),
                                    "cue": cut(q["cue"]), "evidence": cut(q["span"])} for q in a.quotes],
                        "hedges": [{"kind": h["kind"], "evidence": cut(h["span"]), "borderline": h["borderline"]}
                                   for h in a.hedges or []],
                        "sources": []}
    return gold, texts


def materialise(target: Path, articles: list[ExtraArticle] | None = None, which: str | None = None) -> Path:
    """``target/<lang>/articles/*.txt`` and ``target/<lang>/gold.json`` in the attribution set's layout
    (``which``: only the articles of that set)."""
    articles = [a for a in (load() if articles is None else articles) if which is None or a.set == which]
    for lang in sorted({a.lang for a in articles}):
        root = target / lang
        (root / "articles").mkdir(parents=True, exist_ok=True)
        gold, texts = as_gold([a for a in articles if a.lang == lang])
        for name, text in texts.items():
            (root / "articles" / name).write_text(text, encoding="utf-8")
        (root / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("annotations", type=Path)
    b.add_argument("--hedges", type=Path, help="folder of the hedge annotations (same file names)")
    b.add_argument("--lang", choices=LANGS, default="fr")
    b.add_argument("--set", choices=tuple(SETS), default="dev1", help="the set of articles not yet in the file")
    mat = sub.add_parser("materialise")
    mat.add_argument("target", type=Path)
    mat.add_argument("--set", choices=tuple(SETS), help="only this set (default: every annotated article)")
    args = parser.parse_args(argv)
    if args.command == "build":
        out = build(args.annotations, hedges_dir=args.hedges, lang=args.lang, default_set=args.set)
        print(f"{len(out['articles'])} articles, {sum(len(a['quotes']) for a in out['articles'].values())} quotes"
              f" -> {path_for(args.lang)}")
    else:
        print(f"written {materialise(args.target, which=args.set)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
