"""Quotations announced by a colon after a clause with no speech verb, and headline labels (issue 14,
s14colon). Sentences are invented."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _colon(quotes):
    return [q for q in quotes if q.producer == "rule:quotes.direct_colon"]


def test_a_named_subject_announces_the_quotation_after_a_colon(fr):
    quotes = find_quotes(fr("Claire Dubreuil a été très claire : « Nous ne voterons pas ce budget "
                            "tant que les hôpitaux resteront sans moyens. »"))
    colon = _colon(quotes)
    assert colon and colon[0].content.text.startswith("Nous ne voterons pas")
    assert colon[0].speaker_canonical == "Claire Dubreuil"


def test_a_common_noun_subject_does_not_announce_a_quotation(fr):
    # a subject the speaker step cannot name: left out (its speakers were mostly wrong on dev2)
    quotes = find_quotes(fr("Le bilan de la saison reste préoccupant : « Les rivières sont à sec depuis des "
                            "semaines et les nappes ne remontent pas. »"))
    assert not _colon(quotes)


def test_a_short_title_after_a_colon_is_not_a_quotation(fr):
    quotes = find_quotes(fr("Le romancier Paul Lenoir publie son dernier livre : « Les Heures »."))
    assert not _colon(quotes)


def test_a_role_label_is_identified_by_the_paragraph_below(fr):
    doc = fr("Les ministres de la Santé se sont réunis mardi à Lyon.\n\n"
             "La ministre portugaise : « Nous attendons des actes et pas seulement des promesses »\n\n"
             "La ministre portugaise de la Santé, Ana Ferreira, a rappelé que les soignants manquent partout.")
    colon = _colon(find_quotes(doc))
    assert colon and colon[0].content.text.startswith("Nous attendons des actes")
    assert colon[0].speaker_canonical == "Ana Ferreira"


def test_a_headline_label_names_the_speaker_of_a_later_quotation(fr):
    quotes = find_quotes(fr("Jean Castel : l'Europe « doit se réveiller » face à la crise\n\n"
                            "Le commissaire a répondu aux questions des journalistes."))
    colon = _colon(quotes)
    assert colon and colon[0].content.text == "doit se réveiller"
    assert colon[0].speaker_canonical == "Jean Castel"


def test_a_topic_label_is_not_a_speaker(fr):
    # the line before the colon holds more than a name: a topic, not a speaker
    quotes = find_quotes(fr("Crise du gaz en Europe selon Jean Castel : les prix « vont encore monter »\n\n"
                            "Le marché reste tendu."))
    assert not [q for q in _colon(quotes) if q.speaker_canonical == "Jean Castel"]
