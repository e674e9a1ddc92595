"""Speaker candidates of a quote and the learned scorer that ranks them (``speakers@1``).

The rules of ``speakers`` pick one speaker; this module lists the others they considered or could
have (the speech verb's subject phrase, the previous quote's speaker, the latest person subjects,
the people named last before the quote and first after it in its paragraph, the organisation named
last, the holder of a role description, the nearest phrase naming a body that is no named entity)
and scores every one with a logistic model over general
features: how the candidate was found, crossed with what the speaker phrase is (a pronoun, a name,
a description, nothing); distance in characters and paragraphs; gender and number agreement with a
pronoun; whether it already spoke; how often it is mentioned; person or organisation. Nothing here
names a word of any article. Where the scorer decides is learned too: the training locks the
speaker-phrase kinds (``lock_kind``) on which the rules are right at least as often out of fold
(``lock_policy``).

The model (``resources/models/speakers/``) holds one row trained on every annotated article and one
row per cross-validation fold, trained without that fold's articles; the evaluation of the
annotated set itself analyses each article with the row that did not see it (``fold_model``), so
the figures it prints are out-of-fold. Training lives in ``recoupe.training.speakers``.
"""

from __future__ import annotations

import contextvars
import hashlib
import math
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from recoupe.analysis.component import doc_text
from recoupe.analysis.lexicons import institution_nouns, role_nouns, source_nouns
from recoupe.analysis.quotes.coreference import (
    Discourse,
    Referent,
    description_words,
    descriptions,
    PLURAL_SUBJECT_LINES,
    nearest_phrase_before,
    plural_subject_before,
    pronoun_features,
    referent_of,
    role_holder,
)
from recoupe.analysis.quotes.index import anaphoric_description, entity_index, is_person
from recoupe.analysis.text import in_text_order, tokens_with

SPEAKER_MODEL_NAME = "speakers"
REPORTED_MODEL_NAME = "reported"  # the reported-speech filter's model (``reported.MODEL_NAME``), named here below it
_SENTS = "recoupe_sentence_starts"
_MENTIONS = "recoupe_body_mentions"
_BODIES = "recoupe_institution_heads"
# how far back a body noun phrase is a candidate, in line breaks (the previous paragraph: a prior, not tuned)
BODY_PARAGRAPHS = 2

FLAGS = ("rule", "phrase", "previous", "subject1", "subject2", "before1", "before2", "before3", "after",
         "org_before", "holder", "body_before", "plural_subject")
HEADS = ("pronoun", "name", "description", "none")
DENSE = ("gender_agree", "gender_clash", "number_clash", "log_chars", "paragraphs", "same_sentence",
         "log_mentions", "log_spoke", "person", "org", "no_entity", "french", "pronoun_log_chars",
         "pronoun_paragraphs", "none_log_chars", "in_content", "description_overlap", "in_reported")
FEATURES = tuple(f"{h}*{f}" for h in HEADS for f in FLAGS) + DENSE

_COLUMNS = {name: k for k, name in enumerate(FEATURES)}
# which model row the analysis uses: None = the row trained on every article; a fold number = that fold's row
_FOLD: contextvars.ContextVar[int | None] = contextvars.ContextVar("recoupe_speaker_fold", default=None)
# training: when set, a list that receives every scored quote's candidates (recoupe.training.speakers)
_RECORDER: contextvars.ContextVar[list | None] = contextvars.ContextVar("recoupe_speaker_recorder", default=None)


@dataclass
class SpeakerCandidate:
    canonical: str
    referent: Referent | None
    mention: tuple[int, int]  # the mention that resolves it (evidence), nearest the quote
    flags: set[str] = field(default_factory=set)


def _model():
    from recoupe.analysis import linear_model

    return linear_model.load_optional(SPEAKER_MODEL_NAME)


def article_key(text: str) -> str:
    """The digest under which the model card lists an article it was trained on."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fold_of(text: str) -> int | None:
    """The cross-validation fold of an article a shipped quote model was trained on (by its digest),
    else None. The speaker model and the reported-speech filter share their folds; the filter also
    trains on articles the speaker model never saw (``evaluation.extra_attribution``), which it lists
    in its own card, so an evaluation of those is out-of-fold too."""
    from recoupe.analysis import linear_model

    key = article_key(text)
    for model in (_model(), linear_model.load_optional(REPORTED_MODEL_NAME)):
        fold = None if model is None else model.meta.get("folds", {}).get(key)
        if fold is not None:
            return fold
    return None


# the cross-validation fold of the article under analysis (None: an article no model was trained on);
# unlike _FOLD it stays set while training records the rules' choices, so that the reported-speech
# filter (``reported``, same folds) still analyses a training article with the row that left it out
_ARTICLE_FOLD: contextvars.ContextVar[int | None] = contextvars.ContextVar("recoupe_article_fold", default=None)


def article_fold() -> int | None:
    return _ARTICLE_FOLD.get()


@contextmanager
def fold_model(fold: int | None):
    """Analyse with the row trained without ``fold`` (None: the shipped row)."""
    token = _FOLD.set(fold)
    article = _ARTICLE_FOLD.set(fold)
    try:
        yield
    finally:
        _FOLD.reset(token)
        _ARTICLE_FOLD.reset(article)


@contextmanager
def recording(sink: list, model: bool = False):
    """Collect every quote's candidates and features into ``sink`` (training); the rules decide
    unless ``model``."""
    token = _RECORDER.set(sink)
    fold = _FOLD.set(-1 if not model else _FOLD.get())
    try:
        yield
    finally:
        _RECORDER.reset(token)
        _FOLD.reset(fold)


def head_type(head: Token | None, lang: str, pronouns: dict) -> str:
    if head is None:
        return "none"
    if head.lower_.lstrip("-") in pronouns or anaphoric_description(head, lang) is not None:
        return "pronoun"
    if head.pos_ in ("PROPN", "X") or head.text[:1].isupper():
        return "name"
    return "description"


def candidates(doc: Doc, head: Token | None, phrase: tuple[int, int] | None, rule: SpeakerCandidate | None,
               discourse: Discourse, anchor: int, lang: str, content: tuple[int, int],
               gendered: bool = True) -> list[SpeakerCandidate]:
    """The rule's pick and the other speakers a reader would weigh, merged by canonical name. Nobody
    is a candidate through a mention inside the quote's own words (*selon X, Y a conseillé Z*: Y and
    Z are what X reports, not who reports it)."""

    def inside(s: int, e: int) -> bool:
        return content[0] <= s and e <= content[1]

    index = entity_index(doc)
    text = doc_text(doc)
    found: dict[str, SpeakerCandidate] = {}

    def refer(ent, at: tuple[int, int]) -> Referent:
        # gender is read only to match a pronoun: not looked up for other speaker phrases
        return referent_of(doc, ent, at) if gendered else Referent(ent.canonical, ent, None, False, is_person(ent), at)

    def add(flag: str, ref: Referent | None, mention: tuple[int, int]) -> None:
        if ref is None:
            return
        c = found.get(ref.canonical)
        if c is None:
            c = found[ref.canonical] = SpeakerCandidate(ref.canonical, ref, mention)
        c.flags.add(flag)

    if rule is not None:
        found[rule.canonical] = rule
        rule.flags.add("rule")
    if phrase is not None:
        for ent in index.at(*phrase):
            if is_person(ent) or ent.label in ("ORG", "MISC"):
                m = next((m for m in ent.mentions if m.in_ == "body" and m.start < phrase[1] and phrase[0] < m.end),
                         None)
                at = (m.start, m.end) if m else phrase
                add("phrase", refer(ent, at), at)
    previous = discourse.previous_speaker(anchor)
    if previous is not None:
        add("previous", previous[1], previous[1].evidence)
    i = bisect_left(discourse.subject_starts, anchor)
    rank, seen = 0, set()
    while i and rank < 2:
        i -= 1
        char, ref = discourse.subjects[i]
        if ref.canonical in seen or inside(*ref.evidence):
            continue
        seen.add(ref.canonical)
        rank += 1
        add(f"subject{rank}", ref, ref.evidence)
    i = bisect_left(index.person_starts, anchor)
    rank, seen = 0, set()
    while i and rank < 3:
        i -= 1
        s, e, n = index.people[i]
        ent = index.entities[n]
        if e > anchor or ent.canonical in seen or inside(s, e):
            continue
        seen.add(ent.canonical)
        rank += 1
        add(f"before{rank}", refer(ent, (s, e)), (s, e))
    line_end = text.find("\n", anchor)
    line_end = len(text) if line_end == -1 else line_end
    i = bisect_left(index.person_starts, anchor)
    while i < len(index.people) and index.people[i][0] < line_end and inside(*index.people[i][:2]):
        i += 1
    if i < len(index.people) and index.people[i][0] < line_end:
        s, e, n = index.people[i]
        add("after", refer(index.entities[n], (s, e)), (s, e))
    j = bisect_left(index.starts, anchor)
    while j:
        j -= 1
        s, e, n = index.rows[j]
        ent = index.entities[n]
        if e <= anchor and ent.label in ("ORG", "MISC") and not is_person(ent) and not inside(s, e):
            add("org_before", refer(ent, (s, e)), (s, e))
            break
    body = body_before(doc, anchor, lang, inside)
    if body is not None:
        add("body_before", body, body.evidence)
    if head is None or pronoun_features(head)[1]:
        plural = plural_subject_before(doc, anchor, PLURAL_SUBJECT_LINES, inside)  # *ils*, *they*, or no speaker phrase at all
        if plural is not None:
            add("plural_subject", plural, plural.evidence)
    if head is not None and head.pos_ == "NOUN" and phrase is not None:
        holder = role_holder(doc, head, phrase, anchor, lang, discourse.spoken_before(anchor))
        if holder is not None:
            ent, m = holder
            add("holder", refer(ent, (m.start, m.end)), (m.start, m.end))
    return list(found.values())


def _institution_heads(doc: Doc, lang: str) -> tuple[list[int], list[Token]]:
    """Nouns heading a phrase that names a body (``institution_nouns.tsv``) and are no part of a
    named entity (those are candidates as entities), in text order with their offsets, listed once
    per Doc."""
    found = doc.user_data.get(_BODIES)
    if found is None:
        keys = institution_nouns(lang)
        index = entity_index(doc)
        heads = [t for t in in_text_order(tokens_with(doc, "lower", keys), tokens_with(doc, "lemma", keys))
                 if t.pos_ in ("NOUN", "PROPN") and not index.at(t.idx, t.idx + len(t.text))]
        found = doc.user_data[_BODIES] = ([t.idx for t in heads], heads)
    return found


def body_before(doc: Doc, anchor: int, lang: str, inside) -> Referent | None:
    """The noun phrase naming a body (*le parquet du Limbourg*, *la Défense belge*, *federal
    prosecutors*) nearest before the anchor, within ``BODY_PARAGRAPHS`` line breaks and not in the
    quote's own words: a speaker the entity step does not produce."""
    return nearest_phrase_before(doc, *_institution_heads(doc, lang), anchor, BODY_PARAGRAPHS, inside)


def features(doc: Doc, cands: list[SpeakerCandidate], head: Token | None, htype: str, discourse: Discourse,
             anchor: int, lang: str, content: tuple[int, int], phrase: tuple[int, int] | None) -> np.ndarray:
    """One row of ``FEATURES`` per candidate (``content``: the quote's words; ``phrase``: the speaker
    phrase when it is not a pronoun)."""
    text = doc_text(doc)
    gender, plural = pronoun_features(head) if htype == "pronoun" and head is not None else (None, False)
    spoke: dict[str, int] = {}
    for char, ref in discourse.speakers:
        if char < anchor:
            spoke[ref.canonical] = spoke.get(ref.canonical, 0) + 1
    anchor_sent = _sentence_start(doc, anchor)
    col = _COLUMNS
    said = description_words(text[phrase[0]:phrase[1]]) if htype == "description" and phrase is not None else None
    rows = []
    for c in cands:
        x = [0.0] * len(FEATURES)  # filled as a list: item writes into a numpy row cost more than the rest
        for flag in c.flags:
            x[col[f"{htype}*{flag}"]] = 1.0
        ref = c.referent
        ent = ref.entity if ref is not None else None
        mentions = _body_mentions(doc, ent) if ent is not None else []
        s, e = _nearest_mention(mentions, c.mention, anchor)
        chars = anchor - e if e <= anchor else max(s - anchor, 0)
        lo, hi = (e, anchor) if e <= anchor else (anchor, s)
        paragraphs = min(text.count("\n", lo, hi), 5)
        log_chars = math.log1p(chars)
        x[col["log_chars"]] = log_chars
        x[col["paragraphs"]] = paragraphs
        x[col["same_sentence"]] = float(_sentence_start(doc, s) == anchor_sent)
        if ref is not None and htype == "pronoun" and gender is not None and ref.gender is not None:
            x[col["gender_agree" if ref.gender == gender else "gender_clash"]] = 1.0
        if ref is not None and htype == "pronoun" and plural != ref.plural and (ref.person or not plural):
            x[col["number_clash"]] = 1.0
        x[col["log_mentions"]] = math.log1p(len(mentions))
        x[col["log_spoke"]] = math.log1p(spoke.get(c.canonical, 0))
        x[col["person"]] = float(ref is not None and ref.person)
        x[col["org"]] = float(ent is not None and not is_person(ent))
        x[col["no_entity"]] = float(ent is None)
        x[col["french"]] = float(lang == "fr")
        if htype == "pronoun":
            x[col["pronoun_log_chars"]] = log_chars
            x[col["pronoun_paragraphs"]] = paragraphs
        if htype == "none":
            x[col["none_log_chars"]] = log_chars
        if ent is not None:  # someone the quotation talks about is seldom who speaks it
            x[col["in_content"]] = float(any(content[0] <= m[0] < content[1] for m in mentions))
        if e <= anchor:  # last named inside an earlier quote's words: what someone reported, not who speaks
            x[col["in_reported"]] = float(any(rs <= s and e <= re for rs, re in discourse.reported))
        if said is not None and ent is not None and is_person(ent):
            x[col["description_overlap"]] = float(max((len(said & description_words(d))
                                                       for d in descriptions(doc, ent)), default=0))
        rows.append(x)
    return np.array(rows, dtype=np.float64)


def _body_mentions(doc: Doc, ent) -> list[tuple[int, int]]:
    """The entity's body mentions as (start, end), sorted by end, listed once per Doc."""
    cache = doc.user_data.setdefault(_MENTIONS, {})
    key = id(ent)
    if key not in cache:
        cache[key] = sorted(((m.start, m.end) for m in ent.mentions if m.in_ == "body"), key=lambda m: m[1])
    return cache[key]


def _nearest_mention(mentions: list[tuple[int, int]], mention: tuple[int, int], anchor: int) -> tuple[int, int]:
    """The candidate's body mention ending last before the anchor, else its given mention."""
    i = bisect_right([e for _, e in mentions], anchor)
    return mentions[i - 1] if i else mention


def _sentence_start(doc: Doc, char: int) -> int:
    """Start of the parser's sentence holding a character offset (sentence starts listed once per Doc)."""
    starts = doc.user_data.get(_SENTS)
    if starts is None:
        starts = doc.user_data[_SENTS] = [s.start_char for s in doc.sents]
    i = bisect_right(starts, char)
    return starts[i - 1] if i else -1


def open_rows(X: np.ndarray, rule_index: int | None) -> np.ndarray:
    """Which candidates the scorer may choose: not one a pronoun cannot stand for (gender or number,
    the parser's morphology, as ``coreference.compatible`` reads it); the rules' pick always."""
    ok = (X[:, FEATURES.index("gender_clash")] + X[:, FEATURES.index("number_clash")]) == 0
    if rule_index is not None:
        ok[rule_index] = True
    return ok


LOCK_KINDS = ("name", "source", "role", "description", "indefinite")
# the lock policy of the rules that predate the learned one (a model file without "locks")
_DEFAULT_LOCKS = LOCK_KINDS
# kinds locked by the rules whatever the training's policy: a pronoun that takes up a person the paragraph
# turned to (``Discourse._newcomer``; dev3 speakers .788 -> .796 so, NOTES, issue 14, session 21), a few
# quotes the training could not weigh on its own
RULE_LOCKS = frozenset({"newcomer"})


def noun_class(head: Token | None, lang: str) -> str | None:
    """A noun heading a speaker phrase: a source noun (*rapport, communiqué, ministère*,
    ``source_nouns.tsv``), a role noun (*porte-parole*, ``role_nouns.tsv``), else None."""
    if head is None or head.pos_ != "NOUN":
        return None
    lemma = head.lemma_.lower()
    if lemma in source_nouns(lang) or head.lower_ in source_nouns(lang):
        return "source"
    roles = role_nouns(lang)
    if lemma in roles or head.lower_ in roles:
        return "role"
    return None


def lock_kind(doc: Doc, rule: SpeakerCandidate | None, head: Token | None, phrase: tuple[int, int] | None,
              lang: str) -> str | None:
    """What kind of speaker phrase makes the rules' speaker a candidate for standing unweighed: the
    phrase itself names it, headed by a name (*X a déclaré*, *selon Bloomberg*), by a source noun
    (*selon un rapport de X*, *le ministère de X*, ``source_nouns.tsv``), by a role noun (*le
    porte-parole de X*, ``role_nouns.tsv``; a role noun with its holder's name, *la porte-parole de
    la Maison Blanche, Jen Psaki*, names a person: "name") or by another description holding the name. An indefinite
    description is its own kind, whatever it holds: it introduces someone new (*un ministre a
    dénoncé*) or speaks for the body it names (*un porte-parole de Facebook*, *un rapport de
    Bloomberg*), with nobody earlier to resolve it to. None: a pronoun, a definite description
    naming nobody or nothing."""
    if head is not None and head.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.morph.get("Definite") == ["Ind"] for c in head.children):
        return "indefinite"
    named = [ent for ent in entity_index(doc).at(*phrase) if ent.canonical == rule.canonical
             and (is_person(ent) or ent.label in ("ORG", "MISC"))] if rule is not None and phrase is not None else []
    if named:
        if head is None or head.pos_ != "NOUN":
            return "name"
        kind = noun_class(head, lang) or "description"
        # a role noun with its holder's name (*la porte-parole de la Maison Blanche, Jen Psaki*): named
        return "name" if kind == "role" and any(is_person(ent) for ent in named) else kind
    return None


def lock_policy() -> frozenset[str]:
    """The phrase kinds whose rules' speaker stands: chosen by the training's out-of-fold accuracy
    and kept in the model card (``locks``), with the kinds the rules lock themselves (``RULE_LOCKS``)."""
    model = _model()
    locks = model.meta.get("locks") if model is not None else None
    return RULE_LOCKS | frozenset(_DEFAULT_LOCKS if locks is None else locks)


def decide(p: np.ndarray, X: np.ndarray, rule_index: int | None) -> int | None:
    """The candidate the quote names: the best open one; with no pick from the rules, only at
    probability 0.5 or more (a speaker left unnamed beats a guess)."""
    p = np.where(open_rows(X, rule_index), p, -1.0)
    best = int(np.argmax(p))
    if rule_index is None and p[best] < 0.5:
        return None
    return best


def scores(X: np.ndarray) -> np.ndarray | None:
    """Probability that each candidate is the speaker, from the active row; None without a model
    (or while training records the rules' own choices)."""
    fold = _FOLD.get()
    model = _model()
    if model is None or fold == -1:
        return None
    row = 0 if fold is None else 1 + fold
    if row >= len(model.coef):
        row = 0
    z = model.standardise(X) @ model.coef[row] + model.intercept[row]
    return 1.0 / (1.0 + np.exp(-z))


def recorder() -> list | None:
    return _RECORDER.get()


def record(entry: dict) -> None:
    sink = _RECORDER.get()
    if sink is not None:
        sink.append(entry)
