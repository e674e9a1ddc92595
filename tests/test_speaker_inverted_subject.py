"""Speakers of issue 14, session 17: the inverted subject of a closing speech verb when the parser hangs
it on an organisation's name in the oblique (*a confié à l'AFP Jean Dupont*), and a verb's subject
never in another paragraph (the parser may run a paragraph into the next and give a closing speech verb
the next paragraph's first noun); a name after a short title in a description's apposition (*son ancien
adjoint, le centriste X*); a first name looked up without its accents; a title's complement the tagger ran into a name is split off
(*de la Pêche maritime X*); an outlet noun does not take up a common noun a rating list knows as a domain's
stem (*la Constitution*); a quotation inside another is no quote of its own; a stance's description takes a name set off on both
sides. Invented sentences only (made-up
people; real agencies and papers only where a medium is needed)."""

from __future__ import annotations

import pytest

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.syntax import phrase_bounds, subject_of


def _quote(doc, words):
    found = [q for q in find_quotes(doc) if words in q.content.text]
    assert found, [(q.content.text, q.speaker.text if q.speaker else None) for q in find_quotes(doc)]
    return found[0]


@pytest.mark.parametrize("text, name", [
    ("Le texte baisse les aides de moitié. \"C'est une réforme indispensable pour le pays\", a confié à "
     "l'AFP Jean Dubreuil, chercheur à l'université de Lyon.", "Jean Dubreuil"),
    ("\"Nous attendons des actes, pas des promesses\", a déclaré à l'AFP Sophie Garnier, porte-parole "
     "du syndicat.", "Sophie Garnier"),
])
def test_the_inverted_subject_after_a_medium_in_the_oblique_speaks(fr, text, name):
    q = _quote(fr(text), "")
    assert q.speaker_canonical == name
    assert q.speaker is not None and q.speaker.text.startswith(name.split()[0])  # not the medium's name


def test_a_title_in_the_oblique_makes_the_name_the_addressee(fr):
    """*au patron de Renault Jean Dubreuil*: a role noun in the oblique, the name is whom it was said to."""
    doc = fr("\"Nous ne lâcherons rien\", a écrit au patron de Renault Jean Dubreuil le syndicat des cadres.")
    assert _quote(doc, "lâcherons").speaker_canonical != "Jean Dubreuil"


def test_a_name_phrase_stops_at_the_edge_of_another_entity(fr):
    doc = fr("\"C'est une réforme indispensable\", a confié à l'AFP Jean Dubreuil, chercheur à Lyon.")
    jean = next(t for t in doc if t.text == "Jean")
    start, end = phrase_bounds(jean)
    assert doc.text[start:end].startswith("Jean Dubreuil")


def _parsed(fr, words, spaces, heads, deps, pos):
    """A parse as the tagger sometimes gives it, built by hand so the test does not hang on its mood."""
    from spacy.tokens import Doc
    return Doc(fr.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_a_subject_is_never_in_the_next_paragraph(fr):
    # «Oui», a dit Marc Lefort.¶Cette charte baisse. — with *charte* parsed as the subject of *dit*
    words = ['"', "Oui", '"', ",", "a", "dit", "Marc", "Lefort", ".", "\n", "Cette", "charte", "baisse", "."]
    spaces = [False, False, False, True, True, True, True, False, False, False, True, True, False, False]
    heads = [1, 5, 1, 5, 5, 5, 5, 6, 5, 8, 11, 5, 5, 12]
    deps = ["punct", "obj", "punct", "punct", "aux:tense", "ROOT", "obl", "flat:name", "punct", "dep", "det",
            "nsubj", "conj", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "AUX", "VERB", "PROPN", "PROPN", "PUNCT", "SPACE", "DET", "NOUN",
           "VERB", "PUNCT"]
    doc = _parsed(fr, words, spaces, heads, deps, pos)
    assert subject_of(doc[5]) is None
    # the same subject on the verb's own line is its subject
    words2 = ["Cette", "charte", "a", "dit", "oui", "."]
    doc2 = _parsed(fr, words2, [True, True, True, True, False, False], [1, 3, 3, 3, 3, 3],
                   ["det", "nsubj", "aux:tense", "ROOT", "obj", "punct"], ["DET", "NOUN", "AUX", "VERB", "INTJ", "PUNCT"])
    assert subject_of(doc2[3]).text == "charte"


def test_a_first_name_written_with_accents_its_list_spells_without():
    from recoupe.analysis.lexicons import first_names
    from recoupe.analysis.quotes.coreference import first_name_gender, folded_first_names

    assert "Ève" not in first_names("fr") and first_names("fr").get("Eve") == "Fem"
    assert first_name_gender("Ève Martin", "fr") == "Fem"
    assert first_name_gender("Martin", "fr") is None  # a surname alone says nothing
    from recoupe.analysis.text import fold
    folded = folded_first_names("fr")
    for name, gender in first_names("fr").items():  # never a gender one of the name's spellings lacks
        assert folded.get(fold(name), gender) == gender


@pytest.mark.parametrize("text, found", [
    ("Son ancien adjoint aux sports, le centriste Marc Vidal a pour sa part critiqué la mairie.", "Marc Vidal"),
    ("Le porte-parole du groupe, la députée socialiste Claire Morel, a démenti.", "Claire Morel"),
    ("Son ancien adjoint aux sports, interrogé par Marc Vidal, a démenti.", None),  # a verb: no apposition
])
def test_a_name_after_a_short_title_in_the_apposition(fr, text, found):
    from recoupe.analysis.quotes.coreference import apposed_name

    doc = fr(text)
    head = next(t for t in doc if t.lemma_ in ("adjoint", "porte-parole"))
    named = apposed_name(doc, phrase_bounds(head))
    assert (named.canonical if named is not None else None) == found


def _tagged(fr, words, ents):
    """A document as the tagger sometimes reads it (hand-built tags, so the test does not hang on its mood)."""
    from spacy.tokens import Doc

    return Doc(fr.vocab, words=words, spaces=[w not in (",", ".") for w in words[1:]] + [False], ents=ents)


def test_a_title_s_complement_run_into_a_name_is_split_off(fr):
    """The tagger may run a ministry's name into the minister's (*de la Pêche maritime Paul Vernet*): the
    mention is split at the listed first name (``entities._split_title_complement``)."""
    from recoupe.analysis.entities import collect_mentions

    words = ["Lundi", ",", "le", "ministre", "de", "la", "Pêche", "maritime", "Paul", "Vernet", "a", "réagi", "."]
    ents = ["O"] * 6 + ["B-PER", "I-PER", "I-PER", "I-PER"] + ["O"] * 3
    found = {(" ".join(words[m.start:m.end]), m.label) for m in collect_mentions(_tagged(fr, words, ents))}
    assert ("Paul Vernet", "PER") in found, found
    assert ("Pêche maritime", "ORG") in found, found
    # a place or a body named after someone keeps its name (only the tagger's person mentions are split)
    words = ["Les", "élèves", "du", "Lycée", "Victor", "Hugo", "manifestent", "."]
    ents = ["O"] * 3 + ["B-ORG", "I-ORG", "I-ORG"] + ["O"] * 2
    found = {(" ".join(words[m.start:m.end]), m.label) for m in collect_mentions(_tagged(fr, words, ents))}
    assert ("Victor Hugo", "PER") not in found, found
    # a name after *de*, its first name first, stays whole
    words = ["La", "fille", "de", "Jean", "Paul", "Dubois", "a", "parlé", "."]
    ents = ["O"] * 3 + ["B-PER", "I-PER", "I-PER"] + ["O"] * 3
    found = {(" ".join(words[m.start:m.end]), m.label) for m in collect_mentions(_tagged(fr, words, ents))}
    assert found == {("Jean Paul Dubois", "PER")}, found


def test_a_name_after_de_with_its_first_name_first_stays_whole(fr):
    ents = {e.canonical: e.label for e in fr("La fille de Jean Paul Dubois a parlé.")._.entities}
    assert ents.get("Jean Paul Dubois") == "PER", ents


def test_an_outlet_noun_skips_a_common_noun_a_list_knows_as_a_domain(fr):
    """*la Constitution* is no publication though a rating list knows *constitution.com* by its stem: the
    outlet noun takes up the paper named before it (``coreference._common_noun_named``)."""
    doc = fr("Les élus sont épuisés, selon Le Parisien. Selon l'article 17 de la Constitution, le mandat dure six "
             "ans. \"Le plafond est déjà dépassé\", explique le quotidien.")
    assert _quote(doc, "plafond").speaker_canonical == "Le Parisien"


def test_a_person_s_name_after_a_medium_in_the_oblique_is_no_part_of_the_medium_s(fr):
    """*souligne sur le Guardian Paul Vernet*: the name glued to the medium's is a new person (the
    tagger's entity begins there), not the rest of the medium's name (*sur BFM TV*)."""
    doc = fr("Le lac s'assèche. \"Le niveau baisse de dix centimètres chaque année\", souligne sur le Guardian "
             "Paul Vernet, hydrologue à Genève.")
    q = _quote(doc, "dix centimètres")
    assert q.speaker_canonical == "Paul Vernet" and q.speaker.text.startswith("Paul Vernet")


def test_a_quotation_inside_another_is_no_quote_of_its_own(fr):
    """*« Je lui ai écrit : "…" »*: the inner quotation is the outer speaker's words, held by the outer quote;
    before, it was a quote of its own (a floating one here; in a real article a fragment that took the
    subject of the sentence around the outer quotation, which the discourse then took for the previous
    speaker): ``direct._nested``."""
    from recoupe.analysis.quotes.direct import direct_quotes

    doc = fr("Ce message à Marc Vidal arrive une semaine après que Paul Durand a défendu son plan : « Je "
             "lui ai écrit : \"Votre projet est solide, vraiment très solide\". Nous verrons bien », avait-il "
             "confié.")
    found = [doc.text[c.content[0]:c.content[1]] for c in direct_quotes(doc, "fr")]
    assert len(found) == 1 and "très solide" in found[0], found


@pytest.mark.parametrize("text, speaker", [
    ("Comme l'avait annoncé le général, Ferdinand Vidal, devant l'assemblée, le traité a mené à une longue "
     "crise.", "Ferdinand Vidal"),
    ("Selon le ministre, Paul Vernet a menti aux députés.", None),  # the name opens the stance's clause
    ("Selon le ministre, Paul Vernet (LR) a menti aux députés.", None),  # a party after the name closes nothing
])
def test_a_stance_s_description_takes_a_name_set_off_on_both_sides(fr, text, speaker):
    q = find_quotes(fr(text))[0]
    assert q.kind == "according_to" and q.speaker_canonical == speaker


def test_an_outlet_whose_name_carries_its_article_stays_an_outlet(fr):
    """*l'Opinion* is found as *L' Opinion* (``chain.outlet_named`` adds the article): the article is part of
    the name, so the outlet noun still takes it up over a party named after it (``chain.common_noun_named``)."""
    doc = fr("Les élus sont épuisés, selon l'Opinion. Le parti LR conteste ces chiffres. \"Le plafond est déjà "
             "dépassé\", explique le quotidien.")
    assert _quote(doc, "plafond").speaker_canonical == "Opinion"
