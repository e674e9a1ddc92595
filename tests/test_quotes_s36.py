"""Who speaks when the parse or the discourse points at the wrong words (issue 14, session 36), on invented
sentences:

- a quotation inside a speech verb's clause (*…, soucieux avant tout de « … »*) is the words of that
  verb's subject; when the parse made the quotation before the incise that subject (*« … », a déclaré X*), the
  subject is the one after the verb, never words inside another quotation (``direct._governing_speech_verb``);
- *il* / *elle* after a quote whose speaker is a description of a person with no name (*l'ancien Premier
  ministre de X*) never stands for the person the description's complement names (``X``: another person,
  ``coreference.Discourse.person_description``);
- a post that says whose words it relays (a live-tweet's incise *…, dit X*, a quoted handle *.@X « … »*) is
  theirs, not the poster's (``direct._reported_in_post``);
- *ils* / *eux* stand for no one person, named or described (``coreference.compatible``)."""

from __future__ import annotations

import pytest
from conftest import first_quote_holding, quotes_in


def test_a_quotation_before_the_incise_is_no_speaker(fr):
    text = ("Le sénateur a parlé hier. \"Je suis hostile à toute fusion des communes. Enfin, ce n'est pas la "
            "Guyane\", a déclaré l'ancien ministre Paul Lemaire, soucieux avant tout de \"sauver la Savoie et ses "
            "villages\".")
    fragment = first_quote_holding(fr, text, "sauver la Savoie")
    assert fragment is not None and fragment.speaker_canonical == "Paul Lemaire"


def test_a_name_in_quotation_marks_still_speaks(fr):
    # guard: a quotation that is no incise's words (a name) keeps the parse's subject
    fragment = first_quote_holding(fr, "Le collectif « Terres Vives » a dénoncé un « massacre » des haies.",
                                   "massacre")
    assert fragment is not None and fragment.speaker is not None and "collectif" in fragment.speaker.text


_ASKED = "Le soutiendrez-vous au second tour ? « Sûrement pas », tranche aussitôt l'ancien conseiller de Lionel " \
         "Jospin. « Il a perdu tout crédit auprès des habitants du quartier », poursuit-il."
_OPENING = "« Une nouvelle candidature du maire sortant serait une erreur grave », a estimé mardi {}. « Ceux qui " \
           "le soutiennent encore se trompent lourdement », ajoute-t-il.\n"


@pytest.mark.parametrize("first, speaker", [
    # nobody else named: the description itself
    ("sur France Bleu l'invité de la matinale", "l'ancien conseiller de Lionel Jospin"),
    # guard: a speaker named before is still found
    ("Paul Verdier sur France Bleu", "Paul Verdier"),
])
def test_a_pronoun_takes_up_a_described_speaker_not_its_complement(fr, first, speaker):
    continued = first_quote_holding(fr, _OPENING.format(first) + _ASKED, "Il a perdu")
    assert continued is not None and continued.speaker_canonical == speaker


_POSTED = "\n— Claire Dubost (@ClaireDub) 3 septembre 2013\nLa séance a repris ensuite."


@pytest.mark.parametrize("post, speaker", [
    # a live-tweet that says whose words it relays: theirs
    ("Trois conditions avant toute frappe, dit Lemoine. Un vote du Parlement d'abord #directAN", "Lemoine"),
    (".@PaulLemoine « Écoutez ses propos sur la sécurité. On se demande s'il a changé de camp »", "@PaulLemoine"),
    # guard: a post that comments on someone in its own words stays the poster's
    ("Lemoine dénonce « l'impréparation » du gouvernement sur la Syrie #directAN", "Claire Dubost"),
    ("Nous ne voterons jamais ce budget injuste pour les familles #directAN", "Claire Dubost"),
    # guard from the English development half: a person after the verb whom the sentence goes on about is its object
    ("La présidente a interrogé Lemoine sur la dette publique pendant toute la séance #directAN", "Claire Dubost"),
])
def test_whose_words_a_post_relays(fr, post, speaker):
    posted = next(q for q in quotes_in(fr, "Le député Paul Lemoine a réagi.\n" + post + _POSTED).values()
                  if q.producer.startswith("rule:quotes.direct_post"))
    assert speaker in posted.speaker.text or speaker == posted.speaker_canonical


def test_they_are_not_one_person_described(fr):
    # *eux* takes up no singular description of a person (*le ministre*), as it takes up no one person named
    text = ("Le ministre a défendu son texte devant les recteurs. Certains universitaires critiquent pourtant la "
            "réforme. Selon eux, la loi restera inapplicable dans les facultés de province.")
    view = first_quote_holding(fr, text, "inapplicable")
    assert view is not None and view.speaker_canonical != "Le ministre"
