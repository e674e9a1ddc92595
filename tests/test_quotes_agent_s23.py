"""A French passive report's agent is introduced by *par* (``indirect._passive_report``): the parser
also labels other phrases ``obl:agent`` (*avec X* after a reflexive *s'est montré*, as it read an
article of the develop sets), which named a speaker for words nobody reported. Issue 14, session 23.
Invented sentences, parsed by hand as the parser read the article's."""

from __future__ import annotations

from recoupe.analysis.quotes.indirect import _passive_report

from conftest import hand_parsed


def _misparsed(fr, preposition: str):
    """*Le maire ne s' est pas montré bavard au sujet de ses liens <preposition> le préfet .* with *maire*
    the passive subject of *montré* and *préfet* its ``obl:agent``."""
    words = ["Le", "maire", "ne", "s'", "est", "pas", "montré", "bavard", "au", "sujet", "de", "ses", "liens",
             preposition, "le", "préfet", "."]
    heads = [1, 6, 6, 6, 6, 6, 6, 6, 9, 6, 12, 12, 9, 15, 15, 6, 6]
    deps = ["det", "nsubj:pass", "advmod", "expl:comp", "aux:tense", "advmod", "ROOT", "xcomp", "case", "obl:mod",
            "case", "det", "nmod", "case", "det", "obl:agent", "punct"]
    pos = ["DET", "NOUN", "ADV", "PRON", "AUX", "ADV", "VERB", "ADJ", "ADP", "NOUN", "ADP", "DET", "NOUN", "ADP",
           "DET", "NOUN", "PUNCT"]
    morphs = [""] * len(words)
    morphs[1] = morphs[15] = "Gender=Masc|Number=Sing"
    morphs[4] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    morphs[6] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    return hand_parsed(fr, words, heads, deps, pos, morphs)


def test_a_phrase_with_avec_is_no_agent_of_a_report(fr):
    assert _passive_report(_misparsed(fr, "avec")[6], "fr") is None


def test_the_same_parse_with_par_names_its_agent(fr):
    found = _passive_report(_misparsed(fr, "par")[6], "fr")
    assert found is not None and found.speaker_token.text == "préfet"
