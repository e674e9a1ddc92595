"""Defects of the quote finder that no reader would defend: a quotation holding no word (a stray mark paired with
the next one) and a report under the impersonal *falloir* in its inverted question form (*Faut-il rappeler que…*).
Issue 14, session 63. Invented sentences only."""

from __future__ import annotations

import pytest
from conftest import indirect_by_cue, quotes_in


def test_a_quotation_with_no_word_is_nobody_s(fr):
    # the closing mark after *la fin* is stray: paired with the next opening one, it encloses only a full stop
    text = 'Le capitaine a parlé d\'un "match difficile" jusqu\'à la fin". "Nous partirons demain matin", a-t-il ajouté.'
    quotes = quotes_in(fr, text)
    assert "match difficile" in quotes  # the fragment before the stray mark stays
    assert all(any(ch.isalnum() for ch in content) for content in quotes)


@pytest.mark.parametrize("text", [
    "Faut-il rappeler que le stade a coûté deux fois plus que prévu ?",
    "Faut-il préciser que la mairie n'a jamais répondu aux courriers des riverains ?",
    "Il faut rappeler que le stade a coûté deux fois plus que prévu.",
])
def test_the_subject_of_falloir_says_nothing(fr, text):
    assert not [q for q in quotes_in(fr, text).values() if q.kind == "indirect"]


def test_a_named_subject_still_reports_with_rappeler(fr):
    quotes = list(quotes_in(fr, "Le trésorier a rappelé que le stade a coûté deux fois plus que prévu.").values())
    report = indirect_by_cue(quotes, "rappelé")
    assert len(report) == 1 and report[0].speaker.text == "Le trésorier"



@pytest.mark.parametrize("text, lang, content, speaker", [
    ("Mais selon le ministre, les prix baisseront en mars.", "fr", "les prix baisseront en mars", "le ministre"),
    ("Or, d'après la préfecture, la route restera fermée.", "fr", "la route restera fermée", "la préfecture"),
    ("Pourtant, selon le maire, tout est prêt pour la rentrée.", "fr", "tout est prêt pour la rentrée", "le maire"),
    ("But according to the mayor, the road will stay closed until May.", "en", "the road will stay closed until May",
     "the mayor"),
])
def test_a_connective_before_selon_is_no_part_of_the_report(fr, en, text, lang, content, speaker):
    quotes = [q for q in quotes_in(fr if lang == "fr" else en, text).values() if q.kind == "according_to"]
    assert [(q.content.text, q.speaker.text) for q in quotes] == [(content, speaker)]


def test_a_name_the_parse_cut_is_the_speaker_s_whole_name(fr):
    # the tagger reads the family name as an adverb hung on the verb: the speaker phrase keeps the whole name
    text = "Le président français Emmanuel Macron a salué l'accord conclu par les Vingt-Sept."
    quote = quotes_in(fr, text)["l'accord conclu par les Vingt-Sept"]
    assert (quote.speaker.text, quote.speaker_canonical) == ("Le président français Emmanuel Macron", "Emmanuel Macron")


@pytest.mark.parametrize("text, fragment, canonical", [
    # a name right after a title (the parser may read it as the title's complement), or after a body's common noun
    # or a place ending the title's complement, is the title holder's
    ("« Le budget est prêt », a déclaré le rabbin Horvath.", "Le budget est prêt", "Horvath"),
    ("« Les chambres sont petites », explique le gérant Haruki Tanabe.", "Les chambres", "Haruki Tanabe"),
    ("Une information confirmée par le trésorier du parti Wallerand de Saint-Just.", "Une information",
     "Wallerand de Saint-Just"),
    ("« Le budget est prêt », a déclaré le maire de Nantes Paul Dupuis.", "Le budget est prêt", "Paul Dupuis"),
    ("« Le vote blanc doit compter », a déclaré le sénateur socialiste de l'Aude Paul Dupuis.", "Le vote blanc",
     "Paul Dupuis"),
    # a name introduced by a preposition is the complement's: the spokesman is not the person he speaks for
    ("« Rien ne change », a déclaré le porte-parole de Marc Dupuis.", "Rien ne change", None),
])
def test_a_name_closing_the_title_names_its_holder(fr, text, fragment, canonical):
    quote = next(q for content, q in quotes_in(fr, text).items() if fragment in content)
    assert quote.speaker_canonical == canonical


@pytest.mark.parametrize("text, fragment, speaker, canonical", [
    # the clergy are among the nouns of persons (``person_nouns.tsv``): one can speak, and a name after one is theirs
    ("L'imam a condamné l'attaque contre la mosquée du quartier.", "l'attaque contre la mosquée", "L'imam", None),
    ("« Le dialogue reste possible », a déclaré la rabbine Lévy-Dorval.", "Le dialogue", "la rabbine Lévy-Dorval",
     "Lévy-Dorval"),
])
def test_a_minister_of_religion_speaks(fr, text, fragment, speaker, canonical):
    quote = next(q for content, q in quotes_in(fr, text).items() if fragment in content)
    assert (quote.speaker.text, quote.speaker_canonical) == (speaker, canonical)


@pytest.mark.parametrize("verb", ["poursuit", "ajoute"])
def test_a_description_that_continues_a_turn_takes_up_the_previous_speaker(fr, verb):
    # the discourse's pick stands against the person the sentence before named as the object of a participle
    text = ('Julien Morvan, ancien conseiller de Paul Ricard, ne votera pas pour lui en 2027. "Nos routes se sont '
            'séparées depuis longtemps", a expliqué Julien Morvan lundi sur LCI, reprochant à Paul Ricard son virage '
            f'à droite. L\'écrivain {verb}: "Je pense que la maire sera réélue sans difficulté."')
    quote = quotes_in(fr, text)["Je pense que la maire sera réélue sans difficulté."]
    assert (quote.speaker.text, quote.speaker_canonical) == ("L'écrivain", "Julien Morvan")
