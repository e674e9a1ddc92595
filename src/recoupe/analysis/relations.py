"""Typed relations between the entities of an article: who advises, employs, called, met, funds,
congratulated or criticised whom; spouses, spokespeople, campaign roles, chief executives.

Three kinds of pattern, all read from ``resources/lexicons/relations.tsv`` (hand-written, French
and English):

- ``verb``: a verb whose subject and object are entities (``X conseille Y``, ``X called Y``).
  The dependency parse names them; when it does not (French parses of long appositions often
  attach the subject elsewhere), the leftmost entity of the clause before the verb and the first
  entity after it stand in.
- ``work``: a work verb and a preposition before an organisation (``a travaillé chez Facebook``):
  ``works_for`` in the present, ``worked_at`` in the past.
- ``role``: a role noun between a person and an entity, in the appositions news writing uses
  (``Y, porte-parole de X``, ``le PDG de X Y``, ``son épouse Y``); plus the bare ``Y de X`` /
  ``Y of X`` between a person and an organisation (``Tim Cook d'Apple``): ``works_for``.

Each relation keeps its evidence (the text from the first to the last element, offsets into the
body), its sentence, the producer rule and the epistemic status of its sentence from the quotes
and hedges: ``reported`` when a source is credited, ``disputed``, ``conditional`` (conditional,
speculative or uncertain wording) or ``asserted``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from recoupe.analysis.component import doc_component, doc_text
from recoupe.analysis.conjugate import LEXICON_DIR
from recoupe.analysis.lexicons import SUBJECT_DEPS, language_of
from recoupe.analysis.text import token_strings, tokens_with
from recoupe.model import Relation, Span as TextSpan

OBJECT_DEPS = {"obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "xcomp", "pobj", "dative", "attr", "nmod"}
POSSESSIVES = {"fr": {"son", "sa", "ses", "leur", "leurs"}, "en": {"his", "her", "their", "its"}}
OF_WORDS = {"fr": {"de", "d'", "d’", "du", "des", "auprès"}, "en": {"of", "at", "for", "to"}}
CAMPAIGN = {"campagne", "campaign"}
FORWARD_WINDOW = 8  # tokens after a verb in which its object may stand when the parse lost it
STATUS_OF = {"disputed": "disputed", "attributed": "reported", "conditional": "conditional",
             "speculative": "conditional", "uncertain": "conditional", "asserted": "asserted"}


@dataclass(frozen=True)
class _Mention:
    start: int  # character offsets
    end: int
    canonical: str
    label: str
    tok_start: int
    tok_end: int


@lru_cache(maxsize=None)
def patterns() -> dict[str, dict[str, dict[str, str]]]:
    """kind -> lang -> cue -> predicate (``work``: lemma -> prepositions joined by ``|``)."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for line in (LEXICON_DIR / "relations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, lang, cue, predicate = line.split("\t")[:4]
        out.setdefault(kind, {}).setdefault(lang, {})[cue] = predicate
    return out


def _mentions(doc: Doc) -> list[_Mention]:
    out = []
    for ent in doc._.entities or []:
        if ent.label not in ("PER", "ORG"):
            continue
        for m in ent.mentions:
            if getattr(m, "in_", "body") != "body":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(_Mention(m.start, m.end, ent.canonical, ent.label, span.start, span.end))
    # A bare surname the entity resolver left out (the parser tagged it as a common noun or an
    # object) still names the person when exactly one person of the article carries it.
    covered = {i for m in out for i in range(m.tok_start, m.tok_end)}
    surnames: dict[str, set[str]] = {}
    for ent in doc._.entities or []:
        if ent.label == "PER" and len(ent.canonical.split()) >= 2:
            surnames.setdefault(ent.canonical.split()[-1], set()).add(ent.canonical)
    for tok in tokens_with(doc, "orth", frozenset(surnames)):
        names = surnames.get(tok.text)
        if tok.i not in covered and names and len(names) == 1:
            out.append(_Mention(tok.idx, tok.idx + len(tok.text), next(iter(names)), "PER", tok.i, tok.i + 1))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


class _Index:
    def __init__(self, doc: Doc, mentions: list[_Mention]):
        self.doc = doc
        self.mentions = mentions
        self.by_token: dict[int, _Mention] = {}
        for m in mentions:
            for i in range(m.tok_start, m.tok_end):
                self.by_token.setdefault(i, m)

    def at(self, tok: Token | None) -> _Mention | None:
        return self.by_token.get(tok.i) if tok is not None else None

    def starting_at(self, i: int) -> _Mention | None:
        m = self.by_token.get(i)
        return m if m is not None and m.tok_start == i else None

    def in_range(self, start: int, end: int) -> list[_Mention]:
        seen, out = set(), []
        for i in range(start, end):
            m = self.by_token.get(i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out


def _skip(doc: Doc, i: int, end: int, words: set[str]) -> int:
    """Index after any run of the given lower-cased words (and determiners) from ``i``."""
    while i < end and (doc[i].lower_ in words or doc[i].pos_ in ("DET", "ADJ")):
        i += 1
    return i


def _complement(doc: Doc, m: _Mention) -> bool:
    """Whether the mention is a noun's complement (``PDG de Facebook``) or a credited source
    (``selon le Canard enchaîné``): not a clause's subject."""
    i = m.tok_start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and doc[i].lower_ in OF_WORDS["fr"] | OF_WORDS["en"] | {"selon", "par", "by"}


def _named_by(noun: Token, idx: _Index) -> _Mention | None:
    """The person a role noun stands for (``le patron de Facebook Mark Zuckerberg``): its
    apposition or name modifier that is not a ``de X`` complement."""
    for child in noun.children:
        m = idx.at(child)
        if m is not None and child.dep_ in ("appos", "nmod", "flat", "flat:name", "compound") \
                and not _complement(noun.doc, m):
            return m
    return None


def _subject(verb: Token, sent: Span, idx: _Index) -> _Mention | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.dep_ not in ("agent", "obl:agent"):
            m = idx.at(child) or (_named_by(child, idx) if child.pos_ == "NOUN" else None)
            if m is not None:
                return m
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:  # "X a travaillé ..., puis a travaillé chez Y"
        head = head.head
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and idx.at(child) is not None:
                return idx.at(child)
    # fallback: the leftmost entity of the clause before the verb (no other verb in between)
    start = sent.start
    for t in sent.doc[sent.start : verb.i]:
        if t.pos_ == "VERB" or t.text in (";", "—"):
            start = t.i + 1
    left = [m for m in idx.in_range(start, verb.i) if not _complement(sent.doc, m)]
    return left[0] if left else None


def _object(verb: Token, sent: Span, idx: _Index, subject: _Mention | None) -> _Mention | None:
    children = list(verb.children)
    if any(c.dep_ in ("obj", "dobj") and c.pos_ == "PRON" for c in children):
        return None  # the object is a pronoun (``pour le féliciter``): not guessed from further on
    # direct objects first, then obliques after the verb that are not credited sources
    ranked = [c for c in children if c.dep_ in ("obj", "dobj", "iobj", "obl:arg", "dative")] + \
             [c for c in children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
    for child in ranked:
        m = idx.at(child)
        if m is not None and m is not subject and not _complement(verb.doc, m):
            return m
    for t in sent.doc[verb.i + 1 : min(verb.i + 1 + FORWARD_WINDOW, sent.end)]:
        if t.pos_ == "VERB" or t.text in (".", ";", "—"):
            break
        m = idx.at(t)
        if m is not None and m is not subject:
            return m
    return None


def _evidence_start(doc: Doc, subj: _Mention, verb: Token) -> int:
    """Evidence starts at the subject when it is near the verb, else at the verb (with its
    auxiliaries): a subject twenty words back drags in a clause that says something else."""
    if subj.tok_end >= verb.i - 6 and subj.start < verb.idx:
        return subj.start
    aux = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    return min([verb.idx] + [a.idx for a in aux])


def _past(verb: Token) -> bool:
    if "Past" in verb.morph.get("Tense") and "Part" not in verb.morph.get("VerbForm"):
        return True
    return any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "have", "être") for c in verb.children) \
        or verb.tag_ in ("VBD", "VBN")


def _cue_matches(doc: Doc, sent: Span, cues: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start token, end token, predicate) of each role cue in the sentence, longest first."""
    words = token_strings(doc)[0][sent.start : sent.end]
    at: dict[str, list[int]] = {}  # where each word of the sentence is: a cue is tried only where its first word is
    for k, word in enumerate(words):
        at.setdefault(word, []).append(k)
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for cue, predicate in sorted(cues.items(), key=lambda kv: -len(kv[0].split())):
        parts = cue.split()
        n = len(parts)
        for k in at.get(parts[0], ()) if parts else range(len(words) + 1):
            if k <= len(words) - n and words[k : k + n] == parts and not taken & set(range(k, k + n)):
                found.append((sent.start + k, sent.start + k + n, predicate))
                taken.update(range(k, k + n))
    return sorted(found)


def _campaign_owner(doc: Doc, idx: _Index, before: int) -> _Mention | None:
    """Whose campaign ``la campagne`` is: the person named with the word campaign most recently
    (``la campagne Buttigieg``, ``campagne de X``, ``X's campaign``, ``X campaign``)."""
    best = None
    for t in doc[: max(before, 0)]:
        if t.lower_ in CAMPAIGN:
            j = _skip(doc, t.i + 1, len(doc), OF_WORDS["fr"] | OF_WORDS["en"])
            m = idx.starting_at(j) or idx.at(doc[t.i - 1] if t.i else None)
            if m is None and t.i >= 2 and doc[t.i - 1].lower_ in ("'s", "’s"):
                m = idx.at(doc[t.i - 2])
            if m is not None and m.label == "PER":
                best = m
    return best


def _role_relations(doc: Doc, sent: Span, idx: _Index, lang: str) -> list[tuple]:
    out = []
    of_words = OF_WORDS[lang]
    for cs, ce, predicate in _cue_matches(doc, sent, patterns().get("role", {}).get(lang, {})):
        # the entity the role is of: "ROLE de X" (or "ROLE de la campagne (de X)")
        target, after = None, ce
        if ce < sent.end and doc[ce].lower_ in of_words:
            j = _skip(doc, ce, sent.end, of_words)
            if j < sent.end and doc[j].lower_ in CAMPAIGN:
                k = _skip(doc, j + 1, sent.end, of_words)
                target = idx.starting_at(k) if k < sent.end else None
                after = target.tok_end if target else j + 1
                target = target or _campaign_owner(doc, idx, sent.start)
            else:
                target = idx.starting_at(j) if j < sent.end else None
                after = target.tok_end if target else ce
        # the person holding the role: "Y, ROLE de X" / "ROLE de X(,) Y" / "son ROLE Y"
        holder = None
        k = cs
        while k > sent.start and (doc[k - 1].pos_ == "DET" or doc[k - 1].lower_ in ("aujourd’hui", "now", "former", "ancien", "ancienne")):
            k -= 1
        possessive = cs > sent.start and doc[cs - 1].lower_ in POSSESSIVES[lang]
        if k > sent.start and doc[k - 1].text == ",":
            prev = idx.at(doc[k - 2]) if k - 2 >= sent.start else None
            if prev is not None and prev.label == "PER" and prev.tok_end == k - 1:
                holder = prev
        if holder is None:
            j = after + 1 if after < sent.end and doc[after].text == "," else after
            nxt = idx.starting_at(j) if j < sent.end else None
            if nxt is not None and nxt.label == "PER":
                holder = nxt
        if possessive and holder is not None and target is None:
            before = [m for m in idx.in_range(sent.start, cs - 1) if m.label == "PER" and m is not holder]
            target = before[-1] if before else None
            start = doc[cs - 1].idx
        else:
            start = None
        if holder is None or target is None or holder.canonical == target.canonical:
            continue
        inside = [m for m in (holder, target) if sent.start_char <= m.start < sent.end_char]
        lo = min([start if start is not None else holder.start, doc[k].idx] + [m.start for m in inside])
        hi = max(m.end for m in inside)
        out.append((holder, predicate, target, lo, hi, f"rule:relations.role:{predicate}"))
    return out


def _bare_of_relations(doc: Doc, sent: Span, idx: _Index, lang: str, taken: set) -> list[tuple]:
    """``Tim Cook d'Apple`` / ``Tim Cook of Apple``: a person right before of + organisation."""
    out = []
    for m in idx.in_range(sent.start, sent.end):
        if m.label != "PER" or m.tok_end >= sent.end or doc[m.tok_end].lower_ not in OF_WORDS[lang]:
            continue
        org = idx.starting_at(m.tok_end + 1)
        if org is not None and org.label == "ORG" and (m.canonical, org.canonical) not in taken:
            out.append((m, "works_for", org, m.start, org.end, "rule:relations.of"))
    return out


def _units(doc: Doc):
    """Sentences, cut again at line breaks: the parser often runs a title or a paragraph break into
    the next sentence, and a relation never crosses a line. The line-break tokens are found from
    the text's newlines (no Token made for every word)."""
    text = doc_text(doc)
    starts = doc.to_array(IDX)
    breaks, at = [], text.find("\n")
    while at != -1:
        i = int(np.searchsorted(starts, at, side="right")) - 1
        if i >= 0 and (not breaks or breaks[-1] != i) and doc[i].is_space:
            breaks.append(i)
        at = text.find("\n", at + 1)
    k = 0
    for sent in doc.sents:
        start = sent.start
        while k < len(breaks) and breaks[k] < sent.start:
            k += 1
        while k < len(breaks) and breaks[k] < sent.end:
            if breaks[k] > start:
                yield doc[start : breaks[k]]
            start = breaks[k] + 1
            k += 1
        if start < sent.end:
            yield doc[start : sent.end]


def find_relations(doc: Doc) -> list[Relation]:
    """Every relation found in ``doc`` (offsets into ``doc_text(doc)``), in text order."""
    if not Doc.has_extension("entities") or not doc._.entities:
        return []
    from recoupe.analysis.status import sentence_status

    lang = language_of(doc)
    text = doc_text(doc)
    idx = _Index(doc, _mentions(doc))
    verbs = patterns().get("verb", {}).get(lang, {})
    works = patterns().get("work", {}).get(lang, {})
    found: list[tuple] = []
    for sent in _units(doc):
        if not idx.in_range(sent.start, sent.end):
            continue
        rows: list[tuple] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX", "NOUN") or (lemma not in verbs and lemma not in works):
                continue
            if tok.pos_ == "NOUN" and not (tok.i > sent.start and doc[tok.i - 1].pos_ == "AUX"):
                continue  # a noun only when the tagger slipped after an auxiliary (a appelé)
            subj = _subject(tok, sent, idx)
            if subj is None:
                continue
            if lemma in works:
                preps = set(works[lemma].split("|"))
                for t in doc[tok.i + 1 : min(tok.i + 1 + 2 * FORWARD_WINDOW, sent.end)]:
                    if t.pos_ == "VERB" and t.i != tok.i or t.text in (".", ";"):
                        break
                    if t.lower_ in preps:
                        j = _skip(doc, t.i + 1, sent.end, set())
                        org = idx.starting_at(j) if j < sent.end else None
                        if org is not None and org.label == "ORG" and org is not subj:
                            pred = "worked_at" if _past(tok) else "works_for"
                            rows.append((subj, pred, org, _evidence_start(doc, subj, tok), org.end,
                                         f"rule:relations.work:{lemma}"))
                            break
                continue
            obj = _object(tok, sent, idx, subj)
            if obj is not None and obj.canonical != subj.canonical:
                rows.append((subj, verbs[lemma], obj, _evidence_start(doc, subj, tok), max(obj.end, tok.idx + len(tok.text)),
                             f"rule:relations.verb:{lemma}"))
        rows.extend(_role_relations(doc, sent, idx, lang))
        taken = {(r[0].canonical, r[2].canonical) for r in rows}
        rows.extend(_bare_of_relations(doc, sent, idx, lang, taken))
        if not rows:
            continue
        status, attributed_to = sentence_status(doc, sent.start_char, sent.end_char)
        status = "reported" if attributed_to and status != "disputed" else STATUS_OF.get(status, "asserted")
        seen = set()
        for subj, pred, obj, lo, hi, producer in rows:
            key = (subj.canonical, pred, obj.canonical)
            if key in seen:
                continue
            seen.add(key)
            found.append(Relation(
                subject=subj.canonical, subject_label=subj.label, predicate=pred, object=obj.canonical,
                object_label=obj.label, evidence=TextSpan(text=text[lo:hi], start=lo, end=hi),
                sentence=TextSpan(text=text[sent.start_char:sent.end_char], start=sent.start_char, end=sent.end_char),
                status=status, attributed_to=attributed_to, producer=producer,
            ))
    found.sort(key=lambda r: (r.evidence.start, r.evidence.end))
    return found


doc_component("recoupe_relations", "relations", find_relations,
              "Sets ``doc._.relations``: typed relations between entities, with evidence and status.",
              requires=("token.pos", "token.dep", "doc.sents", "doc._.entities", "doc._.quotes", "doc._.hedges"))
