"""Line-level evaluation of furniture separation (``recoupe.extract.furniture.split_furniture``).

Why build labels on the fly: the 181 benchmark pages come with the article body a human marked, so
any line an extractor keeps can be labelled by how much of it is in that body. No labelled text is
ever written into the repository.

Labelled set: each page goes through trafilatura (``favor_recall=True``, comments appended, since
comment threads are furniture too), or through recoupe's own pre-split text with ``--source recoupe``.
Every non-empty line is labelled ``body`` when at least half of its 4-token shingles (its whole token
sequence if shorter) occur in the ground-truth ``articleBody``, else ``furniture``.

Scores: precision/recall/F1 of the furniture class; body-line loss rate (body lines the splitter cut);
the share of ground-truth shingles cut; lines neither in the body nor reported as furniture
("dropped", which the contract forbids). Plus the seed articles against ``expected.json``.

``--features`` prints, for candidate line features and cue phrases, how often they fire on furniture
vs body lines: the evidence for a general mechanism, not rules to copy.

Run: ``python benchmarks/eval_furniture.py [--limit N] [--source recoupe] [--features]``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from recoupe.evaluation.extraction import (
    Page,
    _clip,
    load_benchmark,
    lost_shingles,
    page_prf,
    shared_dir,
    shingles,
    tokenize,
)

BODY, FURNITURE, DROPPED = "body", "furniture", "dropped"
LABEL_THRESHOLD = 0.5
N_EXAMPLES = 20


# --------------------------------------------------------------------------- labelled lines


@dataclass
class Line:
    page_id: str
    host: str
    start: int
    end: int
    text: str
    overlap: float  # share of the line's shingles found in the ground truth
    in_comments: bool
    position: float  # 0 = first line of the page text, 1 = last

    @property
    def label(self) -> str:
        return BODY if self.overlap >= LABEL_THRESHOLD else FURNITURE


@dataclass
class LabelledPage:
    page: Page
    text: str
    title: str | None
    lang: str | None
    description: str | None = None
    lines: list[Line] = field(default_factory=list)


def truth_overlap(line: str, truth_tokens: Sequence[str], truth_shingles: set) -> float | None:
    """Share of the line's shingles present in the ground truth (None for a line without words)."""
    tokens = tokenize(line)
    if not tokens:
        return None
    n = min(4, len(tokens))
    if n == 4:
        reference = truth_shingles
    else:
        reference = {tuple(truth_tokens[i : i + n]) for i in range(len(truth_tokens) - n + 1)}
    line_shingles = shingles(line, n)
    return sum(c for s, c in line_shingles.items() if s in reference) / sum(line_shingles.values())


def label_page(
    page: Page, text: str, title: str | None, comments_start: int | None = None, description: str | None = None
) -> LabelledPage:
    import py3langid

    lang = py3langid.classify(text[:3000])[0] if text.strip() else None
    labelled = LabelledPage(page, text, title, lang, description)
    truth_tokens = tokenize(page.truth)
    truth_shingles = set(shingles(page.truth))
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for index, (start, end) in enumerate(spans):
        overlap = truth_overlap(text[start:end], truth_tokens, truth_shingles)
        if overlap is None:
            continue
        labelled.lines.append(
            Line(
                page.id,
                page.hostname,
                start,
                end,
                text[start:end],
                overlap,
                comments_start is not None and start >= comments_start,
                index / max(1, len(spans) - 1),
            )
        )
    return labelled


def trafilatura_source(page: Page, include_comments: bool = True) -> tuple[str, str | None, int | None, str | None]:
    """(text, title, offset where comments begin, description) from trafilatura in recall mode."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        page.html, url=page.url or None, favor_recall=True, include_comments=include_comments, with_metadata=True
    )
    if doc is None:
        return "", None, None, None
    text, comments = doc.text or "", (doc.comments or "") if include_comments else ""
    if comments:
        return text + "\n" + comments, doc.title, len(text) + 1, doc.description
    return text, doc.title, None, doc.description


def recoupe_source(page: Page) -> tuple[str, str | None, int | None, str | None]:
    """recoupe's pre-split text: exactly what its furniture layer sees in production."""
    from recoupe.extract import extract

    doc = extract(page.raw, url=page.url)
    return doc.text or "", doc.title, None, doc.description


def build_line_set(pages: Sequence[Page], source: str = "trafilatura", include_comments: bool = True) -> list[LabelledPage]:
    labelled = []
    for page in pages:
        if source == "recoupe":
            text, title, comments_start, description = recoupe_source(page)
        else:
            text, title, comments_start, description = trafilatura_source(page, include_comments)
        labelled.append(label_page(page, text, title, comments_start, description))
    return labelled


# --------------------------------------------------------------------------- predictions


@dataclass
class Prediction:
    status: str  # body | furniture | dropped
    kind: str | None = None


def _coverage(length: int, ranges) -> bytearray:
    covered = bytearray(length)
    for start, end in ranges:
        start, end = max(0, start), min(length, end)
        if end > start:
            covered[start:end] = b"\x01" * (end - start)
    return covered


def predict_lines(text: str, lines: Sequence[Line], split) -> list[Prediction]:
    """Where each line went: furniture if reported as such over half its characters, else body if
    the body map (or, without one, the body text) holds it, else dropped."""
    furniture = [(f.source_start, f.source_end, f.kind) for f in split.furniture]
    furniture_cover = _coverage(len(text), [(s, e) for s, e, _ in furniture])
    body_map = list(getattr(split, "body_map", None) or [])
    body_cover = _coverage(len(text), [(m.source_start, m.source_start + m.end - m.start) for m in body_map])
    body_norm = " ".join(split.body.split())
    predictions = []
    for line in lines:
        chars = [i for i in range(line.start, line.end) if not text[i].isspace()]
        in_furniture = sum(furniture_cover[i] for i in chars) / len(chars) if chars else 0.0
        if body_map:
            in_body = sum(body_cover[i] for i in chars) / len(chars) if chars else 0.0
        else:
            in_body = 1.0 if " ".join(line.text.split()) in body_norm else 0.0
        if in_furniture >= 0.5 and in_body < 0.5:
            overlaps = Counter()
            for start, end, kind in furniture:
                overlaps[kind] += max(0, min(end, line.end) - max(start, line.start))
            predictions.append(Prediction(FURNITURE, overlaps.most_common(1)[0][0]))
        elif in_body >= 0.5:
            predictions.append(Prediction(BODY))
        else:
            predictions.append(Prediction(DROPPED))
    return predictions


def default_splitter() -> Callable[[LabelledPage], object]:
    from recoupe.extract.furniture import split_furniture

    return lambda lp: split_furniture(lp.text, title=lp.title, lang=lp.lang)


# --------------------------------------------------------------------------- line evaluation


@dataclass
class LineEval:
    counts: Counter = field(default_factory=Counter)  # (label, status) -> n
    kinds: Counter = field(default_factory=Counter)  # (kind, label) -> n
    comment_lines: Counter = field(default_factory=Counter)  # status of furniture lines inside comments
    truth_in_text: int = 0
    truth_cut: int = 0
    errors: dict[str, list[tuple[Line, Prediction]]] = field(default_factory=lambda: defaultdict(list))
    failures: dict[str, str] = field(default_factory=dict)

    def scores(self) -> dict:
        c = self.counts
        tp = c[FURNITURE, FURNITURE] + c[FURNITURE, DROPPED]
        fp = c[BODY, FURNITURE] + c[BODY, DROPPED]
        fn = c[FURNITURE, BODY]
        precision, recall, f1 = page_prf(tp, fp, fn)
        body_lines = sum(v for (label, _), v in c.items() if label == BODY)
        furniture_lines = sum(v for (label, _), v in c.items() if label == FURNITURE)
        return {
            "lines": body_lines + furniture_lines,
            "body_lines": body_lines,
            "furniture_lines": furniture_lines,
            "furniture_precision": precision,
            "furniture_recall": recall,
            "furniture_f1": f1,
            "body_line_loss": fp / body_lines if body_lines else 0.0,
            "dropped_lines": c[BODY, DROPPED] + c[FURNITURE, DROPPED],
            "truth_shingles_cut": self.truth_cut / self.truth_in_text if self.truth_in_text else 0.0,
            "comment_furniture_recall": (
                self.comment_lines[FURNITURE] / sum(self.comment_lines.values()) if self.comment_lines else None
            ),
            "failures": len(self.failures),
        }


def evaluate_lines(pages: Sequence[LabelledPage], splitter: Callable[[LabelledPage], object]) -> LineEval:
    result = LineEval()
    for lp in pages:
        if not lp.lines:
            continue
        try:
            split = splitter(lp)
        except Exception as exc:  # count it, keep evaluating the other pages
            result.failures[lp.page.id] = f"{type(exc).__name__}: {exc}"
            continue
        truth = shingles(lp.page.truth)
        result.truth_in_text += sum((truth & shingles(lp.text)).values())
        result.truth_cut += lost_shingles(truth, shingles(lp.text), shingles(split.body))
        for line, pred in zip(lp.lines, predict_lines(lp.text, lp.lines, split), strict=True):
            result.counts[line.label, pred.status] += 1
            if pred.kind:
                result.kinds[pred.kind, line.label] += 1
            if line.in_comments and line.label == FURNITURE:
                result.comment_lines[pred.status] += 1
            if line.label != pred.status:
                error = {(BODY, FURNITURE): "cut", (FURNITURE, BODY): "missed"}.get((line.label, pred.status), DROPPED)
                result.errors[error].append((line, pred))
    return result


def sample_errors(errors: Sequence[tuple[Line, Prediction]], k: int = N_EXAMPLES, seed: int = 0):
    """A fixed random sample with at most 3 lines per page, so one comment thread does not fill it."""
    per_page: Counter = Counter()
    shuffled = list(errors)
    random.Random(seed).shuffle(shuffled)
    picked = []
    for line, pred in shuffled:
        if per_page[line.page_id] < 3:
            per_page[line.page_id] += 1
            picked.append((line, pred))
        if len(picked) == k:
            break
    return picked


def print_line_eval(result: LineEval, out=None) -> None:
    out = out or sys.stdout
    s = result.scores()
    print(
        f"{s['lines']} lines ({s['body_lines']} body, {s['furniture_lines']} furniture)\n"
        f"furniture class: P={s['furniture_precision']:.3f} R={s['furniture_recall']:.3f} F1={s['furniture_f1']:.3f}\n"
        f"body lines cut: {s['body_line_loss']:.2%}; ground-truth shingles cut: {s['truth_shingles_cut']:.2%}; "
        f"lines dropped without a report: {s['dropped_lines']}; splitter failures: {s['failures']}",
        file=out,
    )
    if s["comment_furniture_recall"] is not None:
        print(f"recall on comment-thread lines: {s['comment_furniture_recall']:.3f}", file=out)
    by_kind = defaultdict(Counter)
    for (kind, label), n in result.kinds.items():
        by_kind[kind][label] += n
    print("furniture found, by kind (really furniture / really body):", file=out)
    for kind, c in sorted(by_kind.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {kind:<16} {c[FURNITURE]:>5} / {c[BODY]:<5}", file=out)
    for error, header in (("cut", "body lines cut as furniture"), ("missed", "furniture left in the body"), (DROPPED, "dropped lines")):
        items = result.errors.get(error, [])
        if not items:
            continue
        print(f"\n{header}: {len(items)} (sample of {min(N_EXAMPLES, len(items))})", file=out)
        for line, pred in sample_errors(items):
            kind = f"[{pred.kind}] " if pred.kind else ""
            print(f"  {line.overlap:.2f} {line.host[:24]:<24} {kind}{_clip(line.text, 100)}", file=out)
    for page_id, failure in list(result.failures.items())[:5]:
        print(f"  failure on {page_id[:12]}: {_clip(failure)}", file=out)


# --------------------------------------------------------------------------- seeds


def _norm(text: str) -> str:
    return " ".join(text.split())


def seed_routes() -> dict[str, Callable[[str, dict], tuple[str, list, str | None, list]]]:
    """Ways a seed reaches the splitter: directly (with the known title and language) and through
    ``extract`` as plain text, the path a user's pasted article takes. Each returns
    (body, furniture, title, body_map)."""

    def direct(text: str, expected: dict):
        from recoupe.extract.furniture import split_furniture

        split = split_furniture(text, title=expected.get("title"), lang=expected.get("language"))
        return split.body, split.furniture, expected.get("title"), split.body_map

    def through_extract(text: str, expected: dict):
        from recoupe.extract import extract

        doc = extract(text.encode("utf-8"), content_type="text/plain")
        return doc.body, doc.furniture, doc.title, doc.body_map

    return {"split_furniture": direct, "extract(text/plain)": through_extract}


def check_seed(text: str, expected: dict, body: str, furniture: list, title: str | None) -> list[tuple[bool, str]]:
    """(passed, description) for each expectation: not_body reported as furniture, body_must_keep in
    the body, the title kept once and nothing lost."""
    checks = []
    body_norm = _norm(body)
    furniture_cover = _coverage(len(text), [(f.source_start, f.source_end) for f in furniture])
    for needle in expected.get("not_body", []):
        start = text.find(needle)
        covered = sum(furniture_cover[start : start + len(needle)]) / len(needle) if start >= 0 else 0.0
        kinds = sorted({f.kind for f in furniture if f.source_start < start + len(needle) and f.source_end > start})
        ok = covered >= 0.9 and _norm(needle) not in body_norm
        checks.append((ok, f"not_body  {'/'.join(kinds) or '-':<16} {_clip(needle, 70)}"))
    for needle in expected.get("body_must_keep", []):
        checks.append((_norm(needle) in body_norm, f"body_keep {'':<16} {_clip(needle, 70)}"))
    expected_title = expected.get("title")
    if expected_title:
        in_text, in_body = text.count(expected_title), body_norm.count(_norm(expected_title))
        in_furniture = sum(_norm(f.text).count(_norm(expected_title)) for f in furniture)
        kept_once = in_body == 1 or (in_body == 0 and title is not None and _norm(title) == _norm(expected_title))
        ok = kept_once and in_body + in_furniture >= in_text
        checks.append((ok, f"title     text={in_text} body={in_body} furniture={in_furniture} title_field={title is not None}"))
    return checks


def evaluate_seeds(shared: Path, out=None) -> dict[str, int]:
    out = out or sys.stdout
    seeds = shared / "seeds"
    expected_all = json.loads((seeds / "expected.json").read_text(encoding="utf-8"))
    totals: Counter = Counter()
    for route_name, route in seed_routes().items():
        print(f"\nseeds via {route_name}:", file=out)
        for name, expected in sorted(expected_all.items()):
            if not (seeds / name).is_file():
                continue
            text = (seeds / name).read_text(encoding="utf-8")
            try:
                body, furniture, title, _ = route(text, expected)
            except Exception as exc:
                print(f"  {name}: FAILED {type(exc).__name__}: {exc}", file=out)
                totals["failed"] += 1
                continue
            for ok, description in check_seed(text, expected, body, furniture, title):
                totals["passed" if ok else "failed"] += 1
                print(f"  {'ok  ' if ok else 'FAIL'} {name[:3]} {description}", file=out)
            listed = expected.get("not_body", []) + [expected.get("title") or "\0"]
            extra = [f for f in furniture if not any(n in f.text or f.text.strip() in n for n in listed)]
            for f in extra:
                print(f"  note {name[:3]} also furniture: [{f.kind}] {_clip(f.text, 80)}", file=out)
    print(f"seed checks: {totals['passed']} passed, {totals['failed']} failed", file=out)
    return dict(totals)


# --------------------------------------------------------------------------- feature study

_CUES: dict[str, str] = {
    # related-article links
    "cue:related_en": r"^\[?(read (more|also|next)|related( (articles?|stories|posts?|coverage|content))?\b|see (also|more)|also (read|on|see)\b|more( from| on| stories)?\s*:|recommended( for you)?\b|popular on|most (read|popular)|you (may|might) also like|up next|trending\b|don'?t miss)|\[(insight|video|reaction|pics|poll)\]",
    "cue:related_fr": r"^((à|a) )?(lire|voir) (aussi|également)|^sur le même sujet|^vous aimerez aussi|^(à|a) découvrir|^les plus lus|^dans la même rubrique|^articles? (similaires|liés)",
    # share / like / follow
    "cue:share": r"\b(share (this|on|the)|tweet( this)?|pin it|like us on|follow (us|him|her|me) (on|@)|partag(er|ez)|likez|suivez-nous)\b|^share$",
    "cue:newsletter": r"\b(newsletters?|sign(ing)? up|subscribe|subscription|inbox|abonnez-vous|inscrivez-vous)\b",
    "cue:comments_header": r"^(\d+\s+)?(comments?|responses?|replies|commentaires?)\b|^(leave a (reply|comment)|add a comment|join (the )?discussion|show (new )?comments|all comments|comments are closed|read all comments|laisser un commentaire|réagir)",
    "cue:comment_form": r"your email address will not be published|required fields are marked|votre adresse (e-mail|email|de messagerie) ne sera pas publiée|champs obligatoires",
    "cue:comment_reply": r"^(hi|hello|hey|thanks|thank you|great (post|article)|bonjour|merci)\b[ ,!]|\breply\b$",
    "cue:credit": r"©|\(c\)|\bcopyright\b|all rights reserved|tous droits réservés|getty ?images|\bap photo\b|shutterstock|\bphotos?\s*(:|by\b|credit)|\bimage( credit)?\s*:|\bcredits?\s*:|crédits?( photo)?\s*:|\b(reuters|afp|ap|epa)/",
    "cue:provenance": r"^(sources?|version originale|traduit par|translated by)\s*:|\b(with|avec)\s+(reuters|afp|ap)\b|^\(?(afp|reuters|ap)\)?$|contributed (to )?(this )?report|(originally|first) (appeared|published)|this (article|story) (was|first)",
    "cue:promo": r"\bclick(ing)? here\b|get the [\w ]*app\b|\bdownload (the|our)\b|^listen (to|live)|^(like|enjoy(ed)?) this (story|article)|tell us what you think|get access to|cliquez ici|téléchargez",
    "cue:reporting_credit": r"\b(reporting|writing|editing|edited|additional reporting) by\b|\bour standards\b",
    "cue:reading_time": r"\b\d+\s*(min(ute)?s?|mn)\s*(read|de lecture)\b|(reading|leitura|lecture)\s*(time|:)|temps de lecture",
    "cue:video": r"^(video|vidéo|watch|regarder|en vidéo)\b\s*[:\-–—]|^watch\b",
    "cue:advert": r"^(advertisement|advertising|sponsored( content)?|publicité|ad|annonce|partner content)$|\baffiliate\b|if you buy something|commission",
    "cue:byline": r"^(by|par)\s+\w+|\b(staff|senior|contributing) (writer|reporter|editor)\b",
    "cue:contact": r"[\w.]+@[\w-]+\.\w+|(^|\s)@\w{3,}|may be reached at|\bemail\b.*\bat\b|https?://|www\.",
    "cue:gallery": r"^\d+\s*(/|of)\s*\d+$|\d+of/?\d+|back to gallery|view (the )?gallery|next slide|^photos?$|^(image|photo) \d+",
    "cue:navigation": r"^(home|menu|search|log ?in|sign in|next( article)?|previous|more|view all|accueil)$|^(back to top|skip to|tags?\s*:|categor(y|ies)\s*:|filed under|mots-clés\s*:)",
    "cue:text_size": r"^(text size|print|email|comment|save)$",
}
_CUE_RES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _CUES.items()}
_FINAL_PUNCT = tuple('.!?…:;"”»)\'’')
_DATETIME = re.compile(
    r"\b(\d{1,2}:\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|sept|déc)\w*\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}\s+(de\s+)?\w+\s+(de\s+)?\d{4}|(updated|published|mis à jour|publié)\b)",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^\W*(\w+day,?\s+)?(\d{1,2}\s+\w+\s+\d{4}|\w+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})(\W+\d{1,2}[:h]\d{2}.*)?$",
    re.IGNORECASE,
)


def _is_paragraph(text: str) -> bool:
    text = text.strip()
    return len(tokenize(text)) >= 20 and text.endswith(_FINAL_PUNCT)


def norm_words(text: str | None) -> str:
    return " ".join(tokenize(text))


def _is_listish(text: str) -> bool:
    """A related-link-like line: list item or short headline without final punctuation."""
    text = text.strip()
    return bool(re.match(r"^([-*•·▪►]|\d+[.)])\s", text)) or (
        3 <= len(tokenize(text)) <= 20 and not text.endswith(_FINAL_PUNCT)
    )


def _in_run(lines: Sequence[Line], index: int, predicate, length: int) -> bool:
    """Whether lines[index] sits in a run of at least ``length`` consecutive lines satisfying predicate."""
    if not predicate(lines[index].text):
        return False
    lo = hi = index
    while lo > 0 and predicate(lines[lo - 1].text):
        lo -= 1
    while hi < len(lines) - 1 and predicate(lines[hi + 1].text):
        hi += 1
    return hi - lo + 1 >= length


def line_features(line: Line, page_lines: Sequence[Line], title: str | None, description: str | None = None) -> set[str]:
    """Candidate features of one line in its page: structure, position, repetition and cue phrases."""
    text = line.text.strip()
    tokens = tokenize(text)
    words = text.split()
    letters = [ch for ch in text if ch.isalpha()]
    feats = {name for name, regex in _CUE_RES.items() if regex.search(text)}
    no_final = not text.endswith(_FINAL_PUNCT)
    if len(tokens) <= 5:
        feats.add("short<=5tok")
        if no_final:
            feats.add("short<=5tok & no final punct")
    if len(tokens) <= 15 and no_final:
        feats.add("<=15tok & no final punct")
    if no_final:
        feats.add("no final punct")
    if text.endswith(":"):
        feats.add("ends with ':'")
    if re.match(r"^[^\W\d][\w'’ -]{0,30}\s?:\s", text):
        feats.add("label prefix 'Xxx: '")
    if len(letters) >= 3 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
        feats.add("all caps")
    if re.match(r"^\s*([-*•·▪►]|\d+[.)])\s", line.text):
        feats.add("list item")
    caps = [w for w in words if w[:1].isupper()]
    if len(words) >= 4 and no_final and len(caps) / len(words) >= 0.6:
        feats.add("headline-like (title case, no final punct)")
    if not letters:
        feats.add("no letters")
    if _DATE_LINE.match(text):
        feats.add("date-only line")
    bare = re.sub(r"^([-*•·▪►]|\d+[.)])\s+", "", text)
    if "-" in bare and " " not in bare and bare.lower() == bare:
        feats.add("slug (lower-case-hyphenated)")
    if _DATETIME.search(text) and len(tokens) <= 12:
        feats.add("short line with a date/time")
    if description and norm_words(text) and norm_words(text) == norm_words(description):
        feats.add("equals metadata description")
    index = next(i for i, other in enumerate(page_lines) if other is line)
    if any(_CUE_RES["cue:comments_header"].search(other.text.strip()) for other in page_lines[:index]):
        feats.add("after a comments header")
    in_run = _in_run(page_lines, index, _is_listish, 3)
    if in_run:
        feats.add("in a run of >=3 list/headline lines")
    # the tail: below the last paragraph-sized line, where related links and prompts gather
    if not any(_is_paragraph(other.text) for other in page_lines[index:]):
        feats.add("after the last paragraph (>=20 tokens, final punct)")
        if no_final:
            feats.add("tail & no final punct")
        if in_run:
            feats.add("tail & in a run of >=3 list/headline lines")
    if line.position >= 0.8:
        feats.add("position: last 20%")
    if line.position <= 0.1:
        feats.add("position: first 10%")
    if line.in_comments:
        feats.add("in trafilatura comments")
    norm = _norm(text).lower()
    if sum(1 for other in page_lines if _norm(other.text).lower() == norm) > 1:
        feats.add("repeated in page")
    if title and norm == _norm(title).lower():
        feats.add("equals metadata title")
    return feats


def feature_table(pages: Sequence[LabelledPage], out=None) -> list[dict]:
    """Counts of each feature on furniture vs body lines, with two furniture examples each."""
    out = out or sys.stdout
    fired: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    totals: Counter = Counter()
    for lp in pages:
        for line in lp.lines:
            totals[line.label] += 1
            for feat in line_features(line, lp.lines, lp.title, lp.description):
                fired[feat][line.label] += 1
                if line.label == FURNITURE:
                    examples[feat].append(f"{lp.page.hostname}: {_clip(line.text, 60)}")
    rng = random.Random(0)
    examples = {feat: rng.sample(found, min(2, len(found))) for feat, found in examples.items()}
    rows = []
    print(f"\nline features over {totals[FURNITURE]} furniture and {totals[BODY]} body lines", file=out)
    print(f"{'feature':<46} {'furn':>5} {'body':>5} {'P(furn|f)':>9} {'%furn':>6}  examples", file=out)
    for feat, c in sorted(fired.items(), key=lambda kv: -kv[1][FURNITURE] / max(1, sum(kv[1].values()))):
        share = c[FURNITURE] / max(1, c[FURNITURE] + c[BODY])
        cover = c[FURNITURE] / max(1, totals[FURNITURE])
        rows.append({"feature": feat, "furniture": c[FURNITURE], "body": c[BODY], "precision": share, "coverage": cover})
        print(
            f"{feat:<46} {c[FURNITURE]:>5} {c[BODY]:>5} {share:>9.2f} {cover:>6.1%}  {' | '.join(examples.get(feat, []))}",
            file=out,
        )
    return rows


# --------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="recoupe eval furniture", description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="path to ../shared (default: beside the repo or $RECOUPE_SHARED)")
    parser.add_argument("--limit", type=int, help="only the first N benchmark pages (by id)")
    parser.add_argument("--source", choices=["trafilatura", "recoupe"], default="trafilatura",
                        help="text the lines come from: trafilatura recall mode (default) or recoupe's pre-split text")
    parser.add_argument("--no-comments", action="store_true", help="leave trafilatura's comment section out")
    parser.add_argument("--features", action="store_true", help="print the line-feature study table")
    parser.add_argument("--no-split", action="store_true", help="skip split_furniture (label statistics only)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if shared is None:
        print("../shared not found (set RECOUPE_SHARED or --shared)", file=sys.stderr)
        return 2

    pages = build_line_set(load_benchmark(shared, args.limit), args.source, not args.no_comments)
    lines = [line for lp in pages for line in lp.lines]
    borderline = sum(1 for line in lines if 0.2 < line.overlap < 0.8)
    labels = Counter(line.label for line in lines)
    print(
        f"labelled set: {len(pages)} pages from {args.source}, {len(lines)} lines "
        f"({labels[BODY]} body, {labels[FURNITURE]} furniture; {borderline} borderline with overlap in 0.2-0.8)"
    )
    results: dict = {"labels": dict(labels), "borderline": borderline}
    if args.features:
        results["features"] = feature_table(pages)
    if not args.no_split:
        try:
            splitter = default_splitter()
        except ImportError as exc:
            print(f"recoupe.extract.furniture not importable ({exc}); nothing to evaluate")
            splitter = None
        if splitter is not None:
            print()
            result = evaluate_lines(pages, splitter)
            print_line_eval(result)
            results["lines"] = result.scores()
            results["seeds"] = evaluate_seeds(shared)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
