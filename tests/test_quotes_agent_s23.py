"""A French passive report's agent is introduced by *par* (``indirect._passive_report``): the parser
also labels other phrases ``obl:agent`` (*avec X* after a reflexive *s'est montré*, as it read a sentence
of that shape in an article of the develop sets), which named a speaker for words nobody reported.
Issue 14, session 23. An invented sentence, parsed by hand as the parser read that one."""

from __future__ import annotations

from recoupe.analysis.quotes.indirect import _passive_report

from conftest import hand_parsed


def _misparsed(fr, preposition: str):
    """*Le maire s' est montré discret sur ses liens <preposition> le préfet .* with *maire* the passive
    subject of *montré* and *préfet* its ``obl:agent``."""
    words = ["Le", "maire", "s'", "est", "montré", "discret", "sur", "ses", "liens", preposition, "le", "préfet", "."]
    heads = [1, 4, 4, 4, 4, 4, 8, 8, 4, 11, 11, 4, 4]
    deps = ["det", "nsubj:pass", "expl:comp", "aux:tense", "ROOT", "xcomp", "case", "det", "obl:mod", "case", "det",
            "obl:agent", "punct"]
    pos = ["DET", "NOUN", "PRON", "AUX", "VERB", "ADJ", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[1] = morphs[11] = "Gender=Masc|Number=Sing"
    morphs[3] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[4] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    return hand_parsed(fr, words, heads, deps, pos, morphs)


def test_a_phrase_with_avec_is_no_agent_of_a_report(fr):
    assert _passive_report(_misparsed(fr, "avec")[4], "fr") is None


def test_the_same_parse_with_par_names_its_agent(fr):
    found = _passive_report(_misparsed(fr, "par")[4], "fr")
    assert found is not None and found.speaker_token.text == "préfet"
