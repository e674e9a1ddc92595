"""Speakers of French *il* / *elle* (issue 14, session 11, branch s11pron): when the previous speaker
is no person (an organisation, a nameless description), the person named last outside quotation
marks within the previous paragraph is the pronoun's antecedent (``Discourse.person_named_near``);
a description naming a body (*le rapport*, *la présidence*) stays the antecedent it agrees with.
Invented sentences only."""

from __future__ import annotations

from recoupe.analysis.quotes.coreference import Discourse, Referent


def _token(doc, text, nth=0):
    return [t for t in doc if t.text == text][nth]


def _spoken(doc, phrase: str, anchor_word: str) -> tuple[Discourse, Referent]:
    """A Discourse where the description ``phrase`` (no entity, no person) spoke at ``anchor_word``."""
    text = doc.text
    start = text.index(phrase)
    head = next(t for t in doc if start <= t.idx < start + len(phrase) and t.pos_ == "NOUN")
    ref = Referent(phrase, None, head.morph.get("Gender")[0] if head.morph.get("Gender") else None, False, False,
                   (start, start + len(phrase)))
    discourse = Discourse(doc)
    discourse.spoke(_token(doc, anchor_word).idx, ref)
    return discourse, ref


# the person is no subject (the subject search of ``antecedent`` would find a subject): before the step
# the description that spoke, of the pronoun's gender, was the antecedent
SENTENCES = ("Le blocage des salaires a été évoqué lundi lors de la réunion. "
             "La séance s'est tenue en présence de Marc Lenoir, délégué syndical. "
             "Il a déclaré que la grève continuerait.")


def test_a_person_named_since_a_nameless_description_spoke_is_the_pronoun(fr):
    doc = fr(SENTENCES)
    discourse, _ = _spoken(doc, "Le blocage des salaires", "évoqué")
    pron = _token(doc, "Il")
    ref = discourse.antecedent(pron, "déclarer", pron.idx)
    assert ref is not None and ref.canonical == "Marc Lenoir"


def test_a_body_description_stays_the_antecedent(fr):
    doc = fr("Le rapport de la commission a été publié lundi. Marc Lenoir, délégué syndical, l'a lu. "
             "Il a ajouté que la grève continuerait.")
    discourse, spoken = _spoken(doc, "Le rapport de la commission", "publié")
    pron = _token(doc, "Il")
    ref = discourse.antecedent(pron, "ajouter", pron.idx)
    assert ref is spoken


def test_someone_named_inside_quotation_marks_is_not_the_pronoun(fr):
    doc = fr("Le blocage des salaires a été évoqué lundi lors de la réunion. Paul Roux, délégué syndical, était là. "
             "« J'ai croisé Marc Lenoir hier », a-t-il raconté.")
    discourse, _ = _spoken(doc, "Le blocage des salaires", "évoqué")
    near = discourse.person_named_near(_token(doc, "raconté").idx, "Masc")
    assert near is not None and near.canonical == "Paul Roux"


def test_a_person_named_paragraphs_away_is_not_taken(fr):
    doc = fr("Marc Lenoir, délégué syndical, était présent.\n\nLa réunion a duré trois heures.\n\n"
             "Le calendrier a été discuté.\n\nLe blocage des salaires a été évoqué. Il a déclaré que la grève "
             "continuerait.")
    discourse, _ = _spoken(doc, "Le blocage des salaires", "évoqué")
    assert discourse.person_named_near(_token(doc, "Il").idx, "Masc") is None


def test_a_newcomer_named_in_the_pronouns_paragraph_takes_it_from_the_previous_speaker(fr):
    # the previous speaker is a person; a man introduced since, in the pronoun's own paragraph and
    # outside any subject position, is who *il* stands for (gender from his first name)
    doc = fr("Paul Roux a critiqué le budget. « Il est injuste », a-t-il dit.\n"
             "Le conseil a reçu Marc Lenoir, élu de la région. Ce budget « ne tient pas », a-t-il dit.")
    discourse = Discourse(doc)
    roux = discourse.subjects[0][1]
    assert roux.canonical == "Paul Roux"
    discourse.spoke(_token(doc, "dit").idx, roux)
    pron = _token(doc, "-il", 1)
    ref = discourse.antecedent(pron, "dire", pron.idx)
    assert ref is not None and ref.canonical == "Marc Lenoir"


def test_a_newcomer_of_the_other_gender_leaves_the_previous_speaker(fr):
    doc = fr("Paul Roux a critiqué le budget. « Il est injuste », a-t-il dit.\n"
             "Le conseil a reçu Claire Dumas, élue de la région. Ce budget « ne tient pas », a-t-il dit.")
    discourse = Discourse(doc)
    roux = discourse.subjects[0][1]
    discourse.spoke(_token(doc, "dit").idx, roux)
    pron = _token(doc, "-il", 1)
    ref = discourse.antecedent(pron, "dire", pron.idx)
    assert ref is not None and ref.canonical == "Paul Roux"


def test_a_first_name_gives_a_person_a_gender():
    from recoupe.analysis.quotes.coreference import first_name_gender

    assert first_name_gender("Claire Dumas", "fr") == "Fem"
    assert first_name_gender("Jean-Marc Dumas", "fr") == "Masc"  # a compound first name by its first part
    assert first_name_gender("Dumas", "fr") is None  # a surname alone says nothing
    assert first_name_gender("Claude Dumas", "fr") is None  # listed under both genders: left out
