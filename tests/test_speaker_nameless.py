"""Speakers, second pass (issue 14, branch s14spk2; measured, not shipped: NOTES): an NER "entity"
that names nobody, and the author of a speech noun a reporting participle qualifies. Invented
sentences only."""

from __future__ import annotations

from recoupe.model import Entity, Mention


def _entity(doc, word: str, label: str = "ORG") -> Entity:
    start = doc.text.index(word)
    m = Mention(text=word, start=start, end=start + len(word), producer="test", label=label)
    return Entity(canonical=word, label=label, mentions=[m])


def test_a_determiner_or_a_title_alone_names_nobody(fr):
    from recoupe.analysis.quotes.index import nameless

    doc = fr("Un porte-parole du ministère a répondu lundi. Président de séance, Paul Arnaud a levé la séance.")
    assert nameless(doc, _entity(doc, "Un"), "fr")
    assert nameless(doc, _entity(doc, "Président", "PER"), "fr")
    assert not nameless(doc, _entity(doc, "Paul Arnaud", "PER"), "fr")


def test_the_author_of_the_words_a_participle_qualifies(fr):
    from recoupe.analysis.quotes.syntax import speech_noun_owner

    doc = fr("La capitale a dénoncé vendredi les propos de Jean Dupont accusant le ministre d'incompétence.")
    verb = next(t for t in doc if t.lower_ == "accusant")
    owner = speech_noun_owner(verb, "fr")
    if verb.dep_ == "acl" and verb.head.lower_ == "propos":  # the parse this mechanism reads
        assert owner is not None and owner.text == "Jean"
    doc = fr("La capitale a dénoncé vendredi les routes de montagne menant au col.")
    verb = next(t for t in doc if t.lower_ == "menant")
    assert speech_noun_owner(verb, "fr") is None  # no speech noun: nobody's words
