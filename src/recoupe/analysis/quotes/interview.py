"""Interviews and transcripts: answer paragraphs are the interviewee's words, with no quotation marks.

Three layouts of news sites (issue 14, "interviews"), both read from the paragraphs alone:

* **speaker labels**: paragraphs opening with ``NAME :``, ``NAME —``, initials (``JP:``) or
  ``Q :`` / ``R :`` / ``Question :`` / ``Réponse :``. The layout holds when at least two labels
  each open two or more paragraphs (a full name and its initials count as one speaker) and the
  labels alternate; one headline such as ``Sri Lanka : le président…`` never does. A label whose
  turns are questions (most end with ``?``, or a question label such as ``Q``) is the interviewer,
  whose words are the outlet's own; every other label's turns are quotes of the person it names
  (initials are read against the full names of the other labels and the article's people; an
  answer label such as ``R`` or ``A`` speaks for the interviewee, below). A turn runs from its label
  over the unlabelled paragraphs that follow, up to the next label (never past the last label:
  what follows the transcript is the outlet's again).
* **labelled questions only** (*LE FIGARO. - Pourquoi… ?* then the answer as a plain paragraph):
  one asking label of three turns or more, most in the second person; each answer runs from the
  question to the next label.
* **bare questions** (the questions were set in bold, which scraping loses): the title or the first
  two paragraphs announce an interview (``interview.toml`` ``cues``: *entretien*, *propos recueillis*,
  *Q&A*…) and name the interviewee; at least three short paragraphs ending with ``?`` address them in
  the second person, each followed by an answer paragraph, most answers speaking in the first person.
  An explainer's questions (*What is the commission?*) or an essay's rhetorical ones fail these tests.

The interviewee is the first person the title or the first two paragraphs name, unless named
after *par* / *by* (the journalist: *propos recueillis par X*). One candidate per answer paragraph
(a quote stays on its line); where another rule found a quote inside an answer paragraph, the
answer stops at the sentence that holds it (the interviewee reporting someone else), as an embedded
post yields to the report it relays.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from recoupe.analysis.component import doc_text
from recoupe.analysis.conjugate import LEXICON_DIR
from recoupe.analysis.quotes.index import entity_index, is_person
from recoupe.analysis.quotes.syntax import Candidate
from recoupe.analysis.text import SpanSet, fold, sentence_bounds, strip_span, token_at, trim_final_punct
from recoupe.model import Entity


@dataclass(frozen=True)
class InterviewWords:
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    cues: tuple[str, ...]
    second_person: frozenset[str]
    first_person: frozenset[str]
    name_particles: frozenset[str]


@lru_cache(maxsize=None)
def interview_words(lang: str) -> InterviewWords:
    data = tomllib.loads((LEXICON_DIR / "interview.toml").read_text(encoding="utf-8"))[lang]
    return InterviewWords(frozenset(data["question_labels"]), frozenset(data["answer_labels"]),
                          tuple(fold(c) for c in data["cues"]), frozenset(data["second_person"]),
                          frozenset(data["first_person"]), frozenset(data["name_particles"]))


# A label: up to five words before a colon or a dash that opens the paragraph, then the turn's words.
# A transcript's label may carry the speaker's description after a comma (``SARA CARTER, CIRCA NEWS:``).
_LABEL = re.compile(r"(?P<label>[^\W\d_][\w.'’\- ]{0,45}?)(?:,[^\n:,—–]{1,60})?\s*(?::|\s[—–]|[—–]\s|\.\s?-\s)\s*(?P<rest>\S)")
_WORD = re.compile(r"[\w'’]+")

# Thresholds set a priori from the layout's definition, not tuned on any article: a speaker label
# layout needs two labels of two turns each; a bare-question layout three answered questions.
MIN_LABEL_TURNS = 2
MIN_BARE_QUESTIONS = 3
# An answer runs over at most this many unlabelled paragraphs after its labelled one (set a priori,
# as ``text.CONTINUED_PARAGRAPHS`` for quotations over several paragraphs).
CONTINUED_TURN = 3
# A question addresses the interviewee in a sentence or two; a longer paragraph ending in "?" is
# an essay's rhetoric (set a priori).
MAX_QUESTION_WORDS = 60


@dataclass
class Paragraph:
    start: int
    end: int
    label: str | None = None  # the label's words as written
    label_at: tuple[int, int] | None = None
    body: int = 0  # where the turn's words start (after the label)


def _paragraphs(text: str) -> list[Paragraph]:
    return [Paragraph(m.start(), m.end(), body=m.start()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _label_kind(label: str, words: InterviewWords) -> str | None:
    """'question', 'answer', 'initials', 'name', or None when the words cannot be a speaker label."""
    low = label.lower().rstrip(".")
    if low in words.question_labels:
        return "question"
    if low in words.answer_labels:
        return "answer"
    tokens = label.split()
    if len(tokens) == 1 and re.fullmatch(r"(?:[A-ZÀ-Ý]\.?){2,4}", tokens[0]):
        return "initials"
    if not 1 <= len(tokens) <= 4:
        return None
    caps = [t for t in tokens if t.lower() not in words.name_particles]
    if not caps or any(not t[:1].isupper() for t in caps):
        return None
    return "name"


def _initials(name: str, words: InterviewWords) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’\-]*", name) if w.lower() not in words.name_particles).upper()


def _speaker_key(label: str, kind: str, labels: dict[str, str], words: InterviewWords) -> str:
    """Labels naming the same speaker share a key: a full name and its initials (``John Pilger`` /
    ``JP``), a name and its last word (``Monahan``)."""
    if kind == "initials":
        letters = label.replace(".", "").upper()
        full = next((other for other, k in labels.items() if k == "name" and _initials(other, words) == letters), None)
        return fold(full) if full is not None else letters
    if kind == "name":
        for other, k in labels.items():
            if k == "name" and other != label and len(other.split()) > len(label.split()) \
                    and fold(other).split()[-1] == fold(label).split()[-1]:
                return fold(other)
        return fold(label)
    return kind


def _ends_statement(text: str) -> bool:
    return text.rstrip()[-1:] in ".!…»”\""


def _ends_question(text: str) -> bool:
    return text.rstrip(" \t»”\"").endswith("?")


def _labelled_turns(doc: Doc, paras: list[Paragraph], lang: str) -> list[tuple[Paragraph, str]]:
    """(answer paragraph, its label's speaker key) for a speaker-label layout, else []."""
    text = doc_text(doc)
    words = interview_words(lang)
    kinds: dict[str, str] = {}
    for p in paras[1:]:  # the title is no turn (*Marie Dubois : « … »* heads the article)
        m = _LABEL.match(text, p.start, p.end)
        if m is None:
            continue
        kind = _label_kind(m.group("label").strip(), words)
        if kind is None:
            continue
        p.label, p.label_at, p.body = m.group("label").strip(), (m.start("label"), m.end("label")), m.start("rest")
        kinds[p.label] = kind
    labelled = [p for p in paras if p.label is not None]
    if not labelled:
        return []
    keys = {label: _speaker_key(label, kind, kinds, words) for label, kind in kinds.items()}
    turns: dict[str, list[Paragraph]] = {}
    for p in labelled:
        turns.setdefault(keys[p.label], []).append(p)
    frequent = [k for k, ps in turns.items() if len(ps) >= MIN_LABEL_TURNS]
    changes = sum(keys[a.label] != keys[b.label] for a, b in zip(labelled, labelled[1:]))
    if len(frequent) == 1:
        return _asked_turns(doc, paras, labelled, turns[frequent[0]], kinds, lang)
    if len(frequent) < 2 or changes < 2:
        return []
    out = []
    for n, p in enumerate(labelled):
        key = keys[p.label]
        own = turns[key]
        asks = kinds[p.label] == "question" or (
            kinds[p.label] != "answer" and sum(_ends_question(text[q.body:q.end]) for q in own) * 2 >= len(own))
        if asks or key not in frequent:
            continue  # the interviewer's; a label seen once (a headline)
        # the unlabelled paragraphs up to the next label, a few at most, none past the last label
        # (what follows the transcript is the outlet's again)
        nxt = labelled[n + 1].start if n + 1 < len(labelled) else p.end
        # an unlabelled paragraph continues the answer only when it ends a sentence (not an intertitle,
        # a poll or a list the page set between the turns, nor a question)
        out += [(q, key) for q in paras if p.start <= q.start < nxt and (q is p or _ends_statement(text[q.start:q.end]))
                ][:1 + CONTINUED_TURN]
    return out


def _asks(text: str, turns: list[Paragraph], kind: str) -> bool:
    return kind == "question" or (kind != "answer" and sum(_ends_question(text[q.body:q.end]) for q in turns) * 2 >= len(turns))


def _asked_turns(doc: Doc, paras: list[Paragraph], labelled: list[Paragraph], asked: list[Paragraph],
                 kinds: dict[str, str], lang: str) -> list[tuple[Paragraph, str]]:
    """Only the questions are labelled (*LE FIGARO. - Pourquoi… ?* then the answer as a plain
    paragraph, the interviewee named once at the first answer or in the standfirst): at least three
    questions, most of them in the second person; the answer is what follows each question up to the
    next label, a labelled answer keeping its own label's person."""
    text = doc_text(doc)
    words = interview_words(lang)
    if len(asked) < MIN_BARE_QUESTIONS or not _asks(text, asked, kinds[asked[0].label]) \
            or sum(_has_word(text[q.body:q.end], words.second_person) for q in asked) * 2 < len(asked):
        return []
    out = []
    for q in asked:
        after = [p for p in labelled if p.start > q.start]
        nxt = after[0].start if after else None
        turn = []
        for p in paras:
            if p.start <= q.start or (nxt is not None and p.start > nxt):
                continue
            if p.label is not None:  # the interviewee's own label (its first answer), else the turn ends
                if p.start == nxt and kinds[p.label] == "name" and p.label not in {a.label for a in asked}:
                    turn.append((p, fold(p.label)))
                break
            if not _ends_statement(text[p.start:p.end]):
                break
            turn.append((p, "answer"))
        out += turn[:1 + CONTINUED_TURN] if nxt is not None else turn[:1]
    return out


def _interviewee(doc: Doc, paras: list[Paragraph], lang: str) -> tuple[int, int] | None:
    """The span of the first person named in the title or the first two paragraphs, not after
    *par* / *by* (the journalist)."""
    text = doc_text(doc)
    if not paras:
        return None
    head_end = paras[min(2, len(paras) - 1)].end
    index = entity_index(doc)
    for s, e, n in index.people:
        if s >= head_end:
            break
        if re.search(r"\b(?:par|by)\s*$", text[max(0, s - 6):s], re.I):
            continue
        return s, e
    return None


def _has_word(text: str, wanted: frozenset[str]) -> bool:
    return any(w in wanted for w in _WORD.findall(text.lower().replace("’", "'")))


def _bare_turns(doc: Doc, paras: list[Paragraph], lang: str) -> list[Paragraph]:
    """Answer paragraphs of a bare-question layout (see the module's docstring), else []."""
    text = doc_text(doc)
    words = interview_words(lang)
    head = fold(" ".join(text[p.start:p.end] for p in paras[:3]))
    if not any(re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", head) for cue in words.cues):
        return []
    questions = [n for n, p in enumerate(paras) if n >= 1 and _ends_question(text[p.start:p.end])
                 and len(text[p.start:p.end].split()) <= MAX_QUESTION_WORDS]
    asked = set(questions)
    answers: list[Paragraph] = []
    addressed = 0
    for n in questions:
        turn = []
        for m in range(n + 1, len(paras)):
            if m in asked or _ends_question(text[paras[m].start:paras[m].end]):
                break
            turn.append(paras[m])
        if turn and _has_word(text[paras[n].start:paras[n].end], words.second_person):
            addressed += 1
            answers += turn if any(m in asked for m in range(n + 1, n + 2 + len(turn))) else turn[:1]
    first = sum(_has_word(text[p.start:p.end], words.first_person) for p in answers)
    if addressed < MIN_BARE_QUESTIONS or first * 2 < len(answers):
        return []
    return answers


def _answer_bounds(doc: Doc, p: Paragraph, held: SpanSet, cue_starts: list[int]) -> tuple[int, int] | None:
    """The answer's words in its paragraph, up to the sentence where another rule found a quote."""
    start, end = p.body, p.end
    inside = [c for c in cue_starts if start <= c < end]
    if inside:
        tok = token_at(doc, min(inside))
        end = sentence_bounds(tok)[0] if tok is not None else min(inside)
    start, end = trim_final_punct(doc, *strip_span(doc, start, end))
    if end - start < 20 or held.overlaps(start, min(end, start + 1)):
        return None
    return start, end


def interview_quotes(doc: Doc, lang: str, found: list[Candidate]) -> list[Candidate]:
    """Answer paragraphs of an interview or transcript as direct quotes of the interviewee
    (``found``: the other rules' candidates, which an answer yields to)."""
    text = doc_text(doc)
    paras = _paragraphs(text)
    if len(paras) < 4:
        return []
    held = SpanSet([c.content for c in found])
    cue_starts = sorted({c.cue[0] if c.cue else c.content[0] for c in found})
    out: list[Candidate] = []
    labelled = _labelled_turns(doc, paras, lang)
    if labelled:
        interviewee = None
        for p, key in labelled:
            label_p = next(q for q in reversed(paras) if q.start <= p.start and q.label is not None)
            speaker = _label_speaker(doc, label_p, lang)
            if speaker is None and key == "answer":  # "R :", "A:": the interviewee's answers
                interviewee = interviewee or _interviewee(doc, paras, lang)
                speaker = interviewee
            bounds = _answer_bounds(doc, p, held, cue_starts)
            if speaker is None or bounds is None:
                continue
            out.append(_candidate(doc, bounds, speaker))
        return out
    answers = _bare_turns(doc, paras, lang)
    speaker = _interviewee(doc, paras, lang) if answers else None
    for p in answers if speaker is not None else ():
        bounds = _answer_bounds(doc, p, held, cue_starts)
        if bounds is not None:
            out.append(_candidate(doc, bounds, speaker))
    return out


def _label_speaker(doc: Doc, p: Paragraph, lang: str) -> tuple[int, int] | None:
    """Where the label's speaker is named: the label itself when it is a name, the full name its
    initials stand for (another label or a person of the article), None for an answer label."""
    words = interview_words(lang)
    kind = _label_kind(p.label, words)
    if kind == "name":
        return p.label_at if _names_person(doc, p.label_at) else None
    if kind != "initials":
        return None
    text = doc_text(doc)
    letters = p.label.replace(".", "").upper()
    for m in re.finditer(r"^" + _LABEL.pattern, text, re.M):
        at = (m.start("label"), m.start("label") + len(m.group("label").strip()))
        if _label_kind(m.group("label").strip(), words) == "name" and _initials(m.group("label"), words) == letters \
                and _names_person(doc, at):
            return at
    index = entity_index(doc)
    people: list[Entity] = [e for e in index.entities if is_person(e) and _initials(e.canonical, words) == letters]
    if len(people) == 1:
        return next(((s, e) for s, e, n in index.people if index.entities[n] is people[0]), None)
    return None


def _names_person(doc: Doc, at: tuple[int, int]) -> bool:
    """The label names a person of the article (a person mention on it, or a person whose name or
    surname it is: ``HANNITY``), not a heading (*Federation*, *Present Problems*, *Defense Attorney*)."""
    index = entity_index(doc)
    if any(is_person(e) for e in index.at(*at)):
        return True
    named = index.named(doc_text(doc)[at[0]:at[1]])
    return named is not None and is_person(named)


def _candidate(doc: Doc, bounds: tuple[int, int], speaker: tuple[int, int]) -> Candidate:
    cand = Candidate("direct", "direct_interview", bounds, None, token_at(doc, speaker[0]), 0.6)
    cand.speaker_span = speaker
    return cand
