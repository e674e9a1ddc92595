"""Speaker resolution of issue 14, session 16 (commit a2d644a): a description's gender read from its
article or adjective (*l'ancienne ministre*), gender votes only from titles of a person, outlet nouns
taking up a rated outlet that spoke, an interview's outlet in the speaker phrase being where it was said,
the scorer replacing no pick by a person of the description's other gender, a name apposed after a second
description. Invented sentences only (made-up people; real outlets only where a rated one is needed)."""

from __future__ import annotations

import pytest
from conftest import hand_parsed

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.coreference import apposed_name, entity_gender, entity_index
from recoupe.model import Entity, Mention


def _with(quotes, cue_word):
    found = [q for q in quotes if q.cue is not None and cue_word in q.cue.text]
    assert found, [(q.kind, q.cue.text if q.cue else None) for q in quotes]
    return found[0]


def _person(doc, name: str) -> Entity:
    return next(e for e in entity_index(doc).entities if e.canonical == name)


# 1. description_gender: the article or adjective before the noun's own morphology


def test_the_adjective_says_the_gender_of_an_epicene_title(fr):
    from recoupe.analysis.quotes.coreference import description_gender

    doc = fr("Le candidat a rencontré l'ancienne ministre hier.")
    ministre = next(t for t in doc if t.text == "ministre")
    assert description_gender(ministre) == "Fem"
    le = fr("Le candidat a rencontré le ministre hier.")
    assert description_gender(next(t for t in le if t.text == "ministre")) == "Masc"


def test_l_ancienne_ministre_is_not_the_former_prime_minister(fr):
    text = ("L'ancien Premier ministre Bernard Lacoste a défendu le projet devant les élus. « Nous devons "
            "aller vite », a-t-il dit. Une position reprise par la candidate écologiste Sophie Marchal. "
            "« Le calendrier est intenable », analyse l'ancienne ministre.")
    q = _with(find_quotes(fr(text)), "analyse")
    assert q.speaker_canonical == "Sophie Marchal"


# 2. gender votes: no vote from an organisation's last word, nor from a noun after a preposition


def test_the_last_word_of_an_organisation_gives_no_gender(fr):
    from recoupe.analysis.quotes.coreference import _gender_votes

    doc = fr("La dirigeante du Parti radical Marie Dupont a rejeté la proposition.")
    marie = _person(doc, "Marie Dupont")
    assert _gender_votes(doc, marie)["Masc"] == 0  # *radical* before the name is no title of hers
    assert entity_gender(doc, marie) == "Fem"


def test_a_noun_after_a_preposition_the_name_hangs_on_does_not_vote(fr):
    """*Selon un cadre de la fédération, Camille Morel a voté.* parsed with the name in apposition to
    *fédération*, as the parser may hang it: *la fédération* is no title of the name."""
    from recoupe.analysis.quotes.coreference import _gender_votes

    words = ["Selon", "un", "cadre", "de", "la", "fédération", ",", "Camille", "Morel", "a", "voté", "."]
    heads = [2, 2, 10, 5, 5, 2, 7, 5, 7, 10, 10, 10]
    deps = ["case", "det", "obl:mod", "case", "det", "nmod", "punct", "appos", "flat:name", "aux:tense",
            "ROOT", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"]
    morphs = [""] * len(words)
    morphs[1] = "Definite=Ind|Gender=Masc|Number=Sing|PronType=Art"
    morphs[2] = "Gender=Masc|Number=Sing"
    morphs[4] = "Definite=Def|Gender=Fem|Number=Sing|PronType=Art"
    morphs[5] = "Gender=Fem|Number=Sing"
    morphs[9] = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    start = doc[7].idx
    end = doc[8].idx + len("Morel")
    camille = Entity(canonical="Camille Morel", label="PER", mentions=[
        Mention(text=doc.text[start:end], start=start, end=end, label="PER", producer="test")])
    doc._.entities = [camille]
    assert _gender_votes(doc, camille) == {"Masc": 0, "Fem": 0}


# 3. _outlet_before: an outlet noun takes up the rated outlet that spoke


def test_le_quotidien_is_the_quoted_outlet_not_the_party_named_after_it(fr):
    text = ("« Le gouvernement a perdu la main », écrit Le Parisien dans son éditorial. Les Républicains "
            "dénoncent de leur côté une réforme injuste. « La colère monte dans les campagnes », précise "
            "le quotidien.")
    q = _with(find_quotes(fr(text)), "précise")
    assert q.speaker.text == "le quotidien"
    assert q.speaker_canonical == "Le Parisien"


# 4. _said_where: the outlet of an interview is where it was said, not whom the speaker speaks for


def test_the_outlet_of_an_interview_is_no_speaker_for_the_description(fr):
    from recoupe.analysis.quotes.speakers import _said_where

    text = ("« Le calendrier est intenable », a jugé le député à l'AFP, « et le porte-parole de l'AFP "
            "le sait ».")
    doc = fr(text)
    afp = next(e for e in entity_index(doc).entities if e.canonical == "AFP")
    said_to = (text.index("le député"), text.index(", « et"))
    speaks_for = (text.index("le porte-parole"), text.index(" le sait"))
    assert _said_where(doc, afp, said_to)
    assert not _said_where(doc, afp, speaks_for)  # *de l'AFP*: the spokesperson speaks for it


@pytest.mark.parametrize("text, cue, outlet", [
    ("« Ce texte est bâclé », a estimé la sénatrice sur France Inter.", "estimé", "France Inter"),
    ("« Le calendrier est intenable », a jugé le député à l'AFP.", "jugé", "AFP"),
])
def test_an_unnamed_interviewee_is_not_the_outlet(fr, text, cue, outlet):
    q = _with(find_quotes(fr(text)), cue)
    assert q.speaker is not None and q.speaker_canonical != outlet


# 5. _scored: no pick replaced by a person of the description's other gender


def test_the_scorer_does_not_replace_the_company_by_a_woman_named_before(fr):
    text = ("Valérie Dumas, ministre de l'Industrie, a visité l'usine lundi. « Nous ne fermerons aucun "
            "site », a assuré le patron de Renault.")
    q = _with(find_quotes(fr(text)), "assuré")
    assert q.speaker_canonical != "Valérie Dumas"
    assert q.speaker_canonical == "Renault"


# 6. apposed_name: a name after a second description set off by commas


_PATRON = "« Nous voterons contre », répond le directeur du festival"


@pytest.mark.parametrize("rest, name", [
    (", et ancien maire, Jean Martin qui refuse tout compromis.", "Jean Martin"),
    (", qui a voté hier, Jean Martin.", None),  # a finite verb in between
    (". Et ancien maire, Jean Martin refuse tout compromis.", None),  # a sentence ends
    (", ancien maire, ami du préfet de Villebrune, Jean Martin.", None),  # three descriptions
])
def test_a_name_apposed_after_a_second_description(fr, rest, name):
    doc = fr(_PATRON + rest)
    start = _PATRON.index("le directeur")
    found = apposed_name(doc, (start, len(_PATRON)))
    assert (found.canonical if found is not None else None) == name


def test_a_title_after_selon_or_d_apres_still_votes(fr):
    """Only a noun's complement is no title: *d'après la porte-parole du gouvernement, X, …* still says X's gender."""
    doc = fr("D'après la porte-parole du gouvernement, Camille Morel, le texte sera voté.")
    assert entity_gender(doc, _person(doc, "Camille Morel")) == "Fem"
