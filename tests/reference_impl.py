"""The implementations that faster ones replaced, kept only as references for exactness tests.

Each function here is the code the runtime ran before a speed change (issue 9); the tests assert
the new code gives byte-identical results on real articles. Not imported by ``recoupe``.
"""

from __future__ import annotations

import zlib

import numpy as np

from recoupe.analysis import style as _style
from recoupe.analysis.triggers import (
    _BOS, _CLAUSE, _EOS, _FIXED_KINDS, _QUOTE, _SENT_END, _T_BIGRAM, _T_PREFIX, _T_WORD, _TOKEN, LENGTH_BUCKETS,
    MAX_WINDOW, Candidates, _empty, _mix, shared_scores,
)


def triggers_candidates(paragraph: str) -> Candidates:
    """Every candidate span of the paragraph, cached so the techniques flagged on it share the work."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(paragraph)]
    is_word = np.array([t[2][0].isalnum() or t[2][0] == "_" for t in toks], dtype=bool)
    if not is_word.any():
        return _empty()
    n = len(toks)
    lower = [t[2].lower() for t in toks]
    h = np.array([zlib.crc32(w.encode("utf-8")) for w in lower], dtype=np.uint64)
    hp = np.array([zlib.crc32(w[:5].encode("utf-8")) for w in lower], dtype=np.uint64)
    prev_h = np.concatenate([[np.uint64(_BOS)], h[:-1]])
    token_ids = np.stack(
        [_mix(h, _T_WORD), _mix(hp, _T_PREFIX), _mix(prev_h * np.uint64(1000003) ^ h, _T_BIGRAM)], axis=1
    )

    # Sentence and clause of every token; a sentence ends after . ! ? … and any closing quotes.
    sent = [0] * n
    clause = [0] * n
    s = c = 0
    ended = False
    for k, (_, _, text) in enumerate(toks):
        if ended and not (text in _QUOTE or text in _SENT_END or text in ")]"):
            s += 1
            c += 1
            ended = False
        if text in _CLAUSE and not ended:
            c += 1
        sent[k], clause[k] = s, c
        if text in _SENT_END:
            ended = True
    sent = np.array(sent, dtype=np.int64)
    words = np.flatnonzero(is_word)
    wsent, wclause = sent[words], np.array(clause, dtype=np.int64)[words]
    nw = len(words)

    # Candidate (first word, last word) pairs, as indices into `words`, encoded a * nw + b.
    codes = []
    idx = np.arange(nw)
    for k in range(min(MAX_WINDOW, nw)):
        a = idx[: nw - k]
        keep = wsent[a] == wsent[a + k]
        codes.append(a[keep] * (nw + 1) + k)
    new_clause = np.empty(nw, dtype=bool)
    new_clause[0] = True
    new_clause[1:] = wclause[1:] != wclause[:-1]
    new_sent = np.empty(nw, dtype=bool)
    new_sent[0] = True
    new_sent[1:] = wsent[1:] != wsent[:-1]
    last_clause = np.append(new_clause[1:], True)
    last_sent = np.append(new_sent[1:], True)
    # Runs of whole clauses within a sentence: clause starts x clause ends.
    first_of_clause, last_of_clause = np.flatnonzero(new_clause), np.flatnonzero(last_clause)
    a = first_of_clause[:, None]
    b = last_of_clause[None, :]
    keep = (a <= b) & (wsent[a] == wsent[b])
    codes.append((a * (nw + 1) + (b - a))[keep])
    # Two consecutive whole sentences.
    first_of_sent, last_of_sent = np.flatnonzero(new_sent), np.flatnonzero(last_sent)
    if len(first_of_sent) > 1:
        codes.append(first_of_sent[:-1] * (nw + 1) + (last_of_sent[1:] - first_of_sent[:-1]))
    codes = np.unique(np.concatenate(codes))
    wa, span_words = np.divmod(codes, nw + 1)
    wb = wa + span_words
    span_words = span_words + 1
    ti, tj = words[wa], words[wb] + 1  # token range [ti, tj)

    starts = np.fromiter((t[0] for t in toks), dtype=np.int64, count=n)
    ends = np.fromiter((t[1] for t in toks), dtype=np.int64, count=n)
    char_start, char_end = starts[ti], ends[tj - 1]

    h_ext = np.empty(n + 2, dtype=np.uint64)  # BOS, tokens, EOS
    h_ext[0], h_ext[1:-1], h_ext[-1] = _BOS, h, _EOS
    prev_tok = h_ext[ti]
    next_tok = h_ext[tj + 1]
    length = np.searchsorted(LENGTH_BUCKETS, span_words)
    align = new_sent[wa] + 2 * last_sent[wb] + 4 * new_clause[wa] + 8 * last_clause[wb]

    marks = np.zeros((n + 1, 4), dtype=np.int64)
    caps = np.zeros(n, dtype=np.int64)
    all_caps = np.zeros(n, dtype=bool)
    for k, (_, _, text) in enumerate(toks):
        if text == "?":
            marks[k, 0] = 1
        elif text == "!":
            marks[k, 1] = 1
        elif text in _QUOTE or text in "»”":
            marks[k, 2] = 1
        elif text[0].isupper():
            caps[k] = 1
            all_caps[k] = len(text) > 1 and text.isupper()
    caps[words[new_sent]] = 0  # a sentence's first word is capitalised anyway
    cum = np.zeros((n + 2, 4), dtype=np.int64)
    cum[1:] = np.cumsum(marks, axis=0)
    after = (cum[tj + 1] - cum[ti]) > 0  # inside the span or the token right after it
    cum_caps = np.zeros(n + 1, dtype=np.int64)
    cum_caps[1:] = np.cumsum(caps)
    n_caps = np.minimum(cum_caps[tj] - cum_caps[ti], 3)
    quoted = after[:, 2] + 2 * (marks[np.maximum(ti - 1, 0), 2] * (ti > 0))
    position = np.minimum((char_start * 4) // max(len(paragraph), 1), 3)
    shape = all_caps[ti] + 2 * all_caps[tj - 1] + 4 * (char_start == 0) + 8 * (char_end == len(paragraph))

    raw = np.stack(
        [h[ti], h[tj - 1], prev_tok, next_tok, length, align, after[:, 0], after[:, 1], quoted, position,
         np.zeros(len(ti), dtype=np.int64), length * 16 + align, n_caps, shape],
        axis=1,
    ).astype(np.uint64)
    fixed = _mix(raw, _FIXED_KINDS)
    sentences = [(int(starts[words[x]]), int(ends[words[y]])) for x, y in zip(first_of_sent, last_of_sent)]
    return Candidates(char_start, char_end, ti, tj, 1.0 / np.sqrt(span_words), fixed, token_ids, sentences)


def triggers_candidate_scores(cands: Candidates, weights: np.ndarray, salt: int, shared=None) -> np.ndarray:
    """(c,) linear score of every candidate for the technique whose salt is given.

    ``shared`` is :func:`shared_scores` of the same candidates, when several techniques are
    scored on one paragraph (the technique-free half of the features is then summed once)."""
    shared_tok, shared_fixed = shared if shared is not None else shared_scores(cands, weights)
    tok = shared_tok + weights[cands.token_ids ^ salt].sum(axis=1)
    cum = np.r_[0.0, np.cumsum(tok)]
    inside = (cum[cands.tok_end] - cum[cands.tok_start]) * cands.inv_sqrt
    return inside + shared_fixed + weights[cands.fixed ^ salt].sum(axis=1)


def style_features(text: str) -> np.ndarray:
    """Language-light style counts of one text, in the order of ``STYLE_NAMES``."""
    words = _style._WORD.findall(text)
    n_words = max(len(words), 1)
    n_sent = max(len(_style._SENT_END.findall(text)), 1)
    lower = [w.lower() for w in words]
    per100 = 100.0 / n_words
    feats = [
        np.log1p(len(words)),
        min(len(words) / n_sent, 80.0) / 20.0,
        text.count("?") / n_sent,
        text.count("!") / n_sent,
        len(_style._QUOTES.findall(text)) * per100,
        sum(any(c.isdigit() for c in w) for w in words) / n_words,
        sum(w[0].isupper() for w in words[1:]) / n_words,
        sum(w in _style._FIRST for w in lower) * per100,
        sum(w in _style._SECOND for w in lower) * per100,
        (text.count("…") + text.count("...")) / n_sent,
        text.count("(") * per100,
        text.count(":") / n_sent,
        sum(len(w) for w in words) / n_words / 5.0,
        (text.count("—") + text.count("–") + text.count(" - ")) * per100,
    ]
    return np.asarray(feats, dtype=np.float32)


def relations_units(doc):
    """Sentences cut again at line breaks, by visiting every token (relations._units before)."""
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.is_space and "\n" in t.text:
                if t.i > start:
                    yield doc[start : t.i]
                start = t.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


# --- entities (issue 9, sixth pass): the component before it read token columns once per Doc ---
from recoupe.analysis import text  # noqa: E402
from recoupe.analysis.entities import (  # noqa: E402
    GENERIC_ORG_SUFFIXES, LABEL_MAP, NAME_PARTICLES, SEPARATORS, Cluster, RawMention, _ClusterIndex, _join_acronyms,
    _join_defined_short_forms, _max_org_tokens, _particle_surname, _Tokens,
    _merge_same_canonical, _promote_people, _role_key, _role_span, _spelt_out, _with_handles, find_roles, fold,
    is_known_organisation, org_heads, organisations, role_nouns,
)
from recoupe.analysis.component import doc_text  # noqa: E402
from recoupe.analysis.lexicons import first_names, language_of, quote_words  # noqa: E402
from recoupe.model import Entity, Mention, Role  # noqa: E402
from recoupe.settings import setting  # noqa: E402

_GAZETTEER_POS = frozenset({"PROPN", "NOUN", "X"})
_NOUN = frozenset({"NOUN"})


def _e_namelike(tok) -> bool:
    """CamelCase or acronym tokens are names whatever the tagger says (ZeroHedge, BuzzFeed, AFP)."""
    return any(c.isupper() for c in tok.text[1:]) or fold(tok.text) in organisations()


def _e_not_name(tok) -> bool:
    """A token that cannot start a name: punctuation, a stop word, or a real verb form
    (``Lire aussi``, ``Contacté pour``); the tagger's POS alone is not trusted (it calls
    sentence-initial surnames ADV)."""
    if _e_namelike(tok) or (tok.is_stop and tok.text[:1].isupper() and not tok.is_sent_start):
        return False  # a capitalised particle inside a sentence belongs to the name: Marine Le Pen
    return tok.is_punct or tok.is_space or not any(c.isalnum() for c in tok.text) or tok.is_stop \
        or bool(tok.morph.get("VerbForm"))


def _e_trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and _e_not_name(doc[start]):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")):
        end -= 1
    return start, end


def _e_pieces(ent: Span) -> list[tuple[int, int]]:
    """Split an entity at line breaks and separators (``The Mind Unleashed – Traduit``,
    ``Mediapart, la ministre``)."""
    pieces, begin = [], ent.start
    for tok in ent:
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in SEPARATORS:
            stop = tok.i if ("\n" in tok.text or tok.text in SEPARATORS) else tok.i + 1
            pieces.append((begin, stop))
            begin = tok.i + 1
    pieces.append((begin, ent.end))
    return [(s, e) for s, e in pieces if e > s]


def _e_acceptable(span: Span) -> bool:
    text = span.text.strip()
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return False
    if text.replace(".", "").lower() in quote_words(language_of(span.doc)).editorial_notes:
        return False
    if text[0].islower() and fold(text) not in organisations():
        return False
    if len(span) == 1 and _e_not_name(span[0]):
        return False
    return True


def _e_gazetteer_split(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str | None]]:
    """Split `Facebook Mark Zuckerberg` into an ORG and the rest when a prefix is a known organisation.

    Only prefixes up to the longest gazetteer name are tried, and the "rest is capitalised" test is
    computed once from the right, so an entity of n tokens costs O(n), not O(n²) (a tagger
    misfire over a run of symbols can be thousands of tokens long)."""
    if end - start < 2 or fold(doc[start:end].text) in organisations():
        return [(start, end, None)]
    stop = GENERIC_ORG_SUFFIXES | org_heads()
    rest_ok = [False] * (end - start + 1)
    rest_ok[end - start] = True
    for i in range(end - 1, start, -1):
        t = doc[i]
        particle = t.text in NAME_PARTICLES and i + 1 < end and doc[i + 1].text[:1].isupper()
        rest_ok[i - start] = rest_ok[i - start + 1] and (t.text[:1].isupper() and fold(t.text) not in stop or particle)
        if not rest_ok[i - start]:
            break
    for cut in range(min(end - 1, start + _max_org_tokens()), start, -1):
        if rest_ok[cut - start] and doc[cut].text[:1].isupper() and fold(doc[start:cut].text) in organisations():
            person = doc[cut].text.split("-")[0] in first_names(language_of(doc)) or label == "PER" and end - cut >= 2
            return [(start, cut, "ORG"), (cut, end, None)] if person else [(start, end, None)]
    return [(start, end, None)]


def entities_collect_mentions(doc: Doc) -> list[RawMention]:
    mentions: list[RawMention] = []
    tails = _e_tails(doc)
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        for p_start, p_end in _e_pieces(ent):
            if doc[p_start].is_stop and is_known_organisation(doc[p_start:p_end].text, label):
                start, end = p_start, p_end  # the article is part of the name: Le Monde, La Croix
            else:
                start, end = _e_trim(doc, p_start, p_end)
            if end <= start:
                continue
            for s, e, forced in _e_gazetteer_split(doc, start, end, label):
                span = doc[s:e]
                if not _e_acceptable(span):
                    continue
                producer = "model:spacy-ner"
                lab = label
                if forced or is_known_organisation(span.text, None if forced else label) \
                        and not (len(span) == 1 and span.text in tails):
                    lab, producer = "ORG", "rule:entities.gazetteer"
                elif lab in ("MISC", "PER") and len(span) > 1 and (
                    fold(span[0].text) in org_heads() or fold(span[-1].text) in org_heads()
                ):
                    lab, producer = "ORG", "rule:entities.org_head"
                elif lab == "LOC" and len(span) == 1 and "Plur" in span[0].morph.get("Number"):
                    lab, producer = "MISC", "rule:entities.demonym"
                elif (s, e) != (ent.start, ent.end):
                    producer = "rule:entities.clean"
                if forced is None and s != start and lab in ("MISC", "ORG") and len(span) >= 2:
                    lab = "PER"  # what is left once a known organisation is split off: a name
                if lab in ("PER", "MISC") and _e_title_alone(doc, span):
                    continue  # a title with no name (session 16)
                weak = len(span) == 1 and span[0].is_sent_start and span[0].pos_ == "NOUN" and not _e_namelike(span[0])
                mentions.append(RawMention(s, e, lab, producer, weak=weak))
    mentions.extend(_e_gazetteer_mentions(doc, mentions, tails))
    mentions.extend(_e_untagged_people(doc, mentions))
    mentions = _e_split_glued_people(doc, mentions)
    mentions = _e_split_title_complement(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    _promote_people(doc, mentions)
    return mentions


def _e_untagged_people(doc: Doc, found: list[RawMention]) -> list[RawMention]:
    """``entities._untagged_people`` token by token (session 42)."""
    names = first_names(language_of(doc))
    covered = {i for m in found for i in range(m.start, m.end)}

    def surname_word(t) -> bool:
        return t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").replace("’", "").isalpha() \
            and not t.is_stop and t.pos_ in ("PROPN", "X", "NOUN")

    def glued(i: int) -> bool:
        return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    def thing(i: int) -> bool:
        return i > 0 and doc[i - 1].pos_ == "NOUN" and fold(doc[i - 1].text) not in role_nouns()

    extra, n = [], len(doc)
    for tok in doc:
        i, word = tok.i, tok.text
        if word not in names or not word[:1].isupper() or i + 1 >= n:
            continue
        start = i + 1
        particle = fold(doc[start].text) in NAME_PARTICLES and doc[start].text[:1].isupper()
        start += particle
        if start >= n or start in covered or not surname_word(doc[start]):
            continue
        end = start + 1
        while end + 1 < n and glued(end) and end + 1 not in covered and surname_word(doc[end + 1]):
            end += 2
        if any(is_known_organisation(doc[i:k].text) for k in range(start, end + 1)) \
                or any(fold(t.text) in organisations() for t in doc[start:end]):
            continue
        first = i - 2 if i >= 2 and glued(i - 1) and doc[i - 2].text[:1].isupper() else i
        half = next((m for m in found if m.start <= first < m.end and m.end <= start and (
            m.label == "PER" or m.label == "MISC" and (m.start, m.end) == (first, i + 1) and not thing(first))), None)
        if half is not None:
            half.end, half.label, half.producer = end, "PER", "rule:entities.first_name"
            covered.update(range(first, end))
        elif (particle or "-" in word or first != i) and not covered.intersection(range(first, start)):
            extra.append(RawMention(first, end, "PER", "rule:entities.first_name"))
            covered.update(range(first, end))
    return extra


def _e_title_alone(doc: Doc, span: Span) -> bool:
    tails = {" ".join(x.text.split()[k:]) for x in doc.ents if x.label_ in ("PER", "PERSON") and len(x) > 1
             for k in range(1, len(x.text.split()))}
    named = span.text.strip() in tails or any(
        t.pos_ in ("DET", "ADP") and t.text[:1].isupper() and not t.is_sent_start for t in span)
    return not named and any(fold(t.text) in role_nouns() for t in span) and all(
        fold(t.text) in role_nouns() or t.is_stop or t.pos_ == "ADJ" and (
            t.text.islower() or t.i + 1 < span.end and fold(doc[t.i + 1].text) in role_nouns())
        for t in span)


def _e_split_title_complement(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """Session 17: a mention after *de* / *du* / *of* holding a listed first name after words that are
    not one is split there (the words before dropped when a title alone)."""
    from recoupe.analysis.lexicons import first_names, language_of

    names = first_names(language_of(doc))
    out = []
    for m in mentions:
        cut = None
        before = m.start - 1
        while before >= 0 and doc[before].is_stop and doc[before].lower_ not in ("de", "du", "des", "d'", "d’", "of"):
            before -= 1
        if m.label in ("PER", "MISC") and m.producer != "rule:entities.gazetteer" and m.end - m.start >= 3 \
                and doc[m.start].text not in names:
            cut = next((i for i in range(m.start + 1, m.end - 1)
                        if doc[i].text.split("-")[0] in names and doc[i - 1].text not in names), None)
            complement = before >= 0 and doc[before].lower_ in ("de", "du", "des", "d'", "d’", "of")
            of_title = complement and before > 0 and fold(doc[before - 1].text) in role_nouns()
            if cut is not None and not (complement if m.label == "PER" else  # session 23: MISC too
                                        of_title or _e_title_alone(doc, doc[m.start:cut])):
                cut = None
        if cut is None:
            out.append(m)
            continue
        if not _e_title_alone(doc, doc[m.start:cut]):
            out.append(RawMention(m.start, cut, "ORG" if m.label == "PER" else m.label, "rule:entities.split_title"))
        out.append(RawMention(cut, m.end, "PER", "rule:entities.split_title"))
    return out


def _e_split_glued_people(doc: Doc, mentions: list[RawMention]) -> list[RawMention]:
    """``Rassemblement national Marine Le Pen``: when a span ends with a full personal name the
    article also uses on its own, the name is split off and the rest is its organisation."""
    people: dict[str, set[tuple[str, ...]]] = {}  # full names by their last word: one lookup per mention
    for m in mentions:
        if m.label == "PER" and m.end - m.start >= 2:
            name = tuple(fold(t.text) for t in doc[m.start : m.end])
            people.setdefault(name[-1], set()).add(name)
    out = []
    for m in mentions:
        key = [fold(t.text) for t in doc[m.start : m.end]]
        names = sorted(people.get(key[-1], ()) if key else (), key=lambda p: (-len(p), p))
        cut = next((m.end - len(p) for p in names if len(key) > len(p) and tuple(key[-len(p):]) == p), None)
        names = first_names(language_of(doc))
        particle_tail = cut is not None and m.label == "PER" and _particle_surname(key[cut - m.start:])
        rest_first_names = particle_tail and all(
            part in names for t in doc[m.start : cut] for part in t.text.split("-"))
        if cut is None or not doc[m.start].text[:1].isupper() or rest_first_names or not doc[cut - 1].whitespace_:
            out.append(m)
            continue
        out.append(RawMention(m.start, cut, "ORG", "rule:entities.split_person"))
        out.append(RawMention(cut, m.end, "PER", "rule:entities.split_person"))
    return out


def _e_tails(doc: Doc) -> set[str]:
    return {" ".join(x.text.split()[k:]) for x in doc.ents if x.label_ in ("PER", "PERSON") and len(x) > 1
            for k in range(1, len(x.text.split()))}


def _e_gazetteer_mentions(doc: Doc, found: list[RawMention], tails: set[str]) -> list[RawMention]:
    """Known organisations the model did not tag at all (single capitalised tokens)."""
    covered = {i for m in found for i in range(m.start, m.end)}
    extra = []
    for tok in text.tokens_with(doc, "pos", _GAZETTEER_POS):
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        if fold(tok.text) in organisations() and tok.text not in tails:
            extra.append(RawMention(tok.i, tok.i + 1, "ORG", "rule:entities.gazetteer"))
    return extra


def _e_key(doc: Doc, m: RawMention) -> list[str]:
    return [fold(t.text) for t in doc[m.start : m.end] if not t.is_punct]


def _e_resolve(doc: Doc, mentions: list[RawMention]) -> list[Cluster]:
    """Full personal names first, then every other mention joins by surname or organisation name."""
    index = _ClusterIndex()
    keyed = [(m, _e_key(doc, m)) for m in mentions]
    people = [(m, key) for m, key in keyed if m.label == "PER" and len(key) >= 2]
    for m, key in people:
        if not _particle_surname(key):
            cid = index.full_names.get(tuple(key))
            index.add(index.new() if cid is None else cid, m, key)
    for m, key in people:  # a later step (session 40), shared with the component: a surname with its particle
        if _particle_surname(key):
            cid = index.particle_bearer(key)
            if cid is None:
                cid = index.full_names.get(tuple(key))
            index.add(index.new() if cid is None else cid, m, key)
    index.people = len(index.clusters)
    for c_id, c in enumerate(index.clusters):  # surnames of the people known so far
        for k in c.keys:
            index.surnames.setdefault(k[-1], set()).add(c_id)
    for m, key in keyed:
        if not key or (m.label == "PER" and len(key) >= 2):
            continue
        target = None
        if len(key) == 1 and m.producer != "rule:entities.gazetteer":
            target = index.nearest_person(key[0], m)
        if target is None:
            target = index.latest_org(key)
        if target is None and m.weak:
            continue  # a capitalised common noun opening a line ("Sources : ..."), alone
        index.add(index.new() if target is None else target, m, key)
    # a later step (session 23), shared with the component rather than mirrored: this reference pins the
    # column reads of the steps before it, and the acronyms have their own tests (test_entities_acronyms_s23,
    # test_entities_s55)
    toks = _Tokens(doc)
    clusters = _join_defined_short_forms(toks, _join_acronyms(toks, index.clusters))
    for c in clusters:
        order = sorted(range(len(c.mentions)), key=lambda i: c.mentions[i].start)
        c.mentions = [c.mentions[i] for i in order]
        c.keys = [c.keys[i] for i in order]
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


def _e_canonical(doc: Doc, cluster: Cluster) -> str:
    best = max(
        range(len(cluster.mentions)),
        key=lambda i: (len(cluster.keys[i]), cluster.mentions[i].label != "MISC", -cluster.mentions[i].start),
    )
    m = cluster.mentions[best]
    return doc[m.start : m.end].text


def entities_find(doc: Doc) -> list[Entity]:
    mentions = entities_collect_mentions(doc)
    clusters = _e_resolve(doc, mentions)
    cluster_of_token = {}
    for cid, c in enumerate(clusters):
        for m in c.mentions:
            for i in range(m.start, m.end):
                cluster_of_token[i] = cid
    roles_by_cluster: dict[int, list[Role]] = {}
    role_keys: dict[str, int] = {}
    role_mentions: dict[int, list[Mention]] = {}
    person_tokens = {i for i, cid in cluster_of_token.items() if clusters[cid].label() == "PER"}
    for cid, (s, e) in find_roles(doc, cluster_of_token, person_tokens):
        span = doc[s:e]
        roles_by_cluster.setdefault(cid, []).append(
            Role(text=span.text, start=span.start_char, end=span.end_char, producer="rule:entities.appos")
        )
        role_keys.setdefault(_role_key(doc, s, e), cid)
    role_spans = {(r.start, r.end) for rs in roles_by_cluster.values() for r in rs}
    if role_keys:
        for tok in text.tokens_with(doc, "pos", _NOUN):
            span = _role_span(doc, tok, person_tokens)
            if not span:
                continue
            cid = role_keys.get(_role_key(doc, *span))
            sp = doc[span[0] : span[1]]
            if cid is not None and (sp.start_char, sp.end_char) not in role_spans and tok.i not in cluster_of_token:
                role_mentions.setdefault(cid, []).append(
                    Mention(text=sp.text, start=sp.start_char, end=sp.end_char, label=clusters[cid].label(),
                            producer="rule:entities.role_coref",
                            confidence=setting("entities", "role_coreference_confidence"))
                )
    entities = []
    for cid, c in enumerate(clusters):
        label = c.label()
        mentions_out = [
            Mention(text=doc[m.start : m.end].text, start=doc[m.start].idx, end=doc[m.end - 1].idx + len(doc[m.end - 1].text),
                    label=label, producer=m.producer if m.label == label else "rule:entities.resolve")
            for m in c.mentions
        ]
        mentions_out.extend(role_mentions.get(cid, []))
        mentions_out.sort(key=lambda x: x.start)
        entities.append(Entity(canonical=_e_canonical(doc, c), label=label, mentions=mentions_out,
                               roles=roles_by_cluster.get(cid, [])))
    body = doc_text(doc)
    return _with_handles(body, _spelt_out(_merge_same_canonical(entities), language_of(doc), body))


# --- furniture cues (issue 9, sixth pass): each cue pattern compiled and tried on its own ---
@__import__("functools").lru_cache(maxsize=1)
def _furniture_cue_patterns():
    import re
    import tomllib
    from importlib import resources

    raw = tomllib.loads(resources.files("recoupe.resources.lexicons").joinpath("furniture_cues.toml").read_text("utf-8"))
    return [(spec.get("kind", name), float(spec.get("confidence", setting("furniture", "default_cue_confidence"))),
             tuple(re.compile(r"^(?:" + p + ")", re.I) for p in spec.get("start", [])),
             tuple(re.compile(p, re.I) for p in spec.get("short", [])), int(spec.get("max_words", 40)))
            for name, spec in raw.items()]


def furniture_cue(line) -> tuple[str, float, str] | None:
    from recoupe.extract.furniture import LIST_ITEM

    cue_text = LIST_ITEM.sub("", line.text)
    for kind, confidence, start, short, max_words in _furniture_cue_patterns():
        if line.words > max(max_words, 40) and kind not in ("provenance",):
            continue
        if line.words <= max_words and any(p.match(cue_text) for p in start):
            return kind, confidence, f"rule:furniture.cue.{kind}"
        if line.words <= max_words and any(p.search(cue_text) for p in short):
            return kind, confidence * 0.9, f"rule:furniture.cue.{kind}"
    return None
