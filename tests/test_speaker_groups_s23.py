"""Two things a reader of a quote is owed (issue 14, session 23), on invented sentences:

- a quote resting on the parse repair's second reading says so in its producer
  (``rule:…+rule:parse.stand_in``: ``parse.reread_producer``), as every finding names what made it;
- a singular description of a group (*le collectif des riverains*: ``quote_words`` ``collective_heads``)
  is no one person: it takes up no previous speaker and the speaker scorer does not fill it with one."""

from __future__ import annotations

from recoupe.analysis.parse import REREAD_PRODUCER
from recoupe.analysis.quotes import find_quotes


def _by_content(quotes, content):
    return next(q for q in quotes if q.content.text == content)


def test_a_quote_found_through_the_repaired_reading_names_the_repair(fr):
    quotes = find_quotes(fr("La conseillère régionale juge que la ligne de bus coûte trop cher.\n\n"
                            "Marc Olivier a déclaré que le budget serait voté en mars."))
    repaired = _by_content(quotes, "que la ligne de bus coûte trop cher")
    plain = _by_content(quotes, "que le budget serait voté en mars")
    assert repaired.producer == f"rule:quotes.indirect_clause+{REREAD_PRODUCER}"
    assert plain.producer == "rule:quotes.indirect_clause"


def test_the_reread_words_are_recorded_on_the_doc(fr):
    doc = fr("Un titre sans verbe\n\nLe syndicat agricole alerte sur la pénurie de saisonniers.")
    assert [doc.text[s:e] for s, e in doc._.recoupe_reread] == ["alerte"]
    assert fr("Le maire a dit que la route serait refaite.")._.recoupe_reread == []


def test_a_group_takes_up_no_previous_speaker(fr):
    # the repaired report: on the base the group took up the previous speaker (``topic_speaker``)
    quotes = find_quotes(fr("Paul Martin a dit que tout allait bien.\n\n"
                            "Le collectif des riverains critique le tracé de la rocade."))
    group = _by_content(quotes, "le tracé de la rocade")
    assert group.speaker.text == "Le collectif des riverains" and group.speaker_canonical != "Paul Martin"


def test_the_speaker_scorer_does_not_fill_a_group_with_one_person(fr):
    quotes = find_quotes(fr("Paul Martin a dit que tout allait bien.\n\n"
                            "Le collectif des riverains a critiqué le tracé de la rocade."))
    group = _by_content(quotes, "le tracé de la rocade")
    assert group.speaker.text == "Le collectif des riverains" and group.speaker_canonical != "Paul Martin"


def test_a_person_description_still_takes_up_the_previous_speaker(fr):
    quotes = find_quotes(fr("Paul Martin a dit que tout allait bien.\n\n"
                            "Le maire a ensuite estimé que la rocade serait utile."))
    assert _by_content(quotes, "que la rocade serait utile").speaker_canonical == "Paul Martin"


def test_a_one_person_noun_among_the_collectives_still_takes_up_the_speaker(fr, en):
    # *la partie civile*, *the host*: collective heads of the grammar (*une partie des élus*) that name one
    # person as a description; only group nouns (``group_nouns``) name no one person
    quotes = find_quotes(fr("Marie Durand a porté plainte en mars, a-t-elle dit.\n\n"
                            "La partie civile estime que le dossier est solide."))
    assert _by_content(quotes, "que le dossier est solide").speaker_canonical == "Marie Durand"
    quotes = find_quotes(en("Jimmy Fallon opened the show on Monday, he said.\n\nThe host said that the guests were late."))
    assert _by_content(quotes, "that the guests were late").speaker_canonical == "Jimmy Fallon"
