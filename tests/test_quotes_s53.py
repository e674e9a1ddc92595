"""Issue 14, session 53: a closing incise the parser set apart in a sentence of its own, the reported content that
stops at a closing incise, an inverted subject followed by a day, and names the tagger ran into a day."""

from conftest import indirect_by_cue

from recoupe.analysis.entities import find_entities
from recoupe.analysis.quotes import find_quotes


def _incises(doc):
    return [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_incise"]


def test_a_closing_incise_the_parser_cut_from_its_sentence_reports_the_clause_before_it(fr):
    """The parser ends a sentence before the comma of *…, a indiqué X à l'AFP.*; no sentence opens with a comma, so
    the clause before it is what the incise's speaker reports."""
    doc = fr("Le festival partira en tournée, a précisé Julie Fabre à l'AFP.")
    assert [s.text[:1] for s in doc.sents][-1] == ","  # the parse this test is about
    found = _incises(doc)
    assert [(q.content.text, q.speaker_canonical) for q in found] == [
        ("Le festival partira en tournée", "Julie Fabre")]


def test_a_reported_clause_stops_at_the_closing_incise_that_relays_it(fr):
    """*X a assuré que…, affirme le journal*: the clause is X's words without the incise, which names who relays
    them; the incise yields to the report it holds."""
    doc = fr("Le maire de la commune a assuré que le stade serait prêt avant l'hiver, affirme le quotidien "
             "régional.")
    quotes = find_quotes(doc)
    found = indirect_by_cue(quotes, "assuré")
    assert [q.content.text for q in found] == ["que le stade serait prêt avant l'hiver"]
    assert not [q for q in quotes if q.producer == "rule:quotes.indirect_incise"]


def test_a_closing_incise_after_a_clause_with_an_object_reports_the_clause(fr):
    """*X a confirmé sa démission, a révélé la radio.*: the incise reports the whole clause, in the radio's name
    (*radio* is an outlet noun, ``source_nouns.tsv``)."""
    doc = fr("Le directeur du musée a confirmé son départ, a révélé la radio.")
    assert [(q.content.text, q.speaker.text) for q in _incises(doc)] == [
        ("Le directeur du musée a confirmé son départ", "la radio")]


def test_an_inverted_subject_followed_by_a_day_closes_the_incise(fr):
    """*…, a confié la chancelière dimanche soir.*: the day after the inverted subject says when; the phrase is
    still the incise's subject, not the object of a transitive *confier*."""
    doc = fr("Les négociations reprendront à l'automne, a confié la chancelière dimanche soir.")
    found = _incises(doc)
    assert [q.speaker.text for q in found] == ["la chancelière"]
    assert not indirect_by_cue(find_quotes(doc), "confié")[1:]


def test_a_name_ends_before_a_day_and_an_elided_word(fr):
    """The tagger runs a day (*RTL lundi*) or the next word's elided pronoun (*… Dimanche l'a*) into a name."""
    names = {e.canonical for e in find_entities(fr("La nouvelle a été confirmée par Europe 1 mardi, puis "
                                                   "Le Journal du Dimanche l'a reprise."))}
    assert any(n.endswith("Journal du Dimanche") for n in names) and "Europe 1" in names
    assert not any(n.endswith(("mardi", "l'")) for n in names)


def test_a_speech_verb_governing_a_speech_infinitive_in_an_incise_has_the_inverted_subject(fr):
    """*« … », a souhaité préciser X*: *souhaiter* is a speech verb of its own, but here it governs *préciser*,
    which the parser gives the inverted subject as its object: the infinitive is the quotation's verb."""
    doc = fr("« Le marché couvert restera ouvert tout l'été », a toutefois souhaité préciser Hélène Vasseur.")
    quotes = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [q.speaker_canonical for q in quotes] == ["Hélène Vasseur"]


def test_an_infinitive_further_on_is_no_speech_verb_of_the_incise(fr):
    """*« … », a-t-il dit avant d'énumérer ses priorités*: *énumérer* follows *avant de*, a clause of its own; the
    quotation stays the cue *dit*'s."""
    doc = fr("Paul Girard a longuement parlé. « Nous avons des valeurs », a-t-il dit avant d'énumérer ses priorités.")
    quotes = [q for q in find_quotes(doc) if q.kind == "direct"]
    assert [q.cue.text for q in quotes] == ["a-t-il dit"]


def test_a_report_in_a_relative_on_an_apposition_stops_before_the_main_predicate(fr):
    """*X, un militant qui se dit proche de Y, a quitté la salle*: the relative describes a phrase set off by a comma;
    what it reports ends before the main clause's verb, as after *X, qui se dit…*."""
    doc = fr("Bruno Lavigne, un commerçant qui se dit proche des écologistes, a quitté la réunion.")
    found = [q for q in find_quotes(doc) if q.cue is not None and q.cue.text.endswith("dit")]
    assert [q.content.text for q in found] == ["proche des écologistes"]


def test_dire_reports_a_possessive_noun_of_feeling_or_stance(fr):
    """*a dit son opposition à…*, *ont redit leur soutien*: *dire* with a possessive and a noun of a feeling or a
    stance (``quote_words`` ``attitude_nouns``) reports that stance; *dire la vérité* reports nothing."""
    said = find_quotes(fr("Les riverains ont redit leur hostilité au projet de rocade."))
    assert [q.content.text for q in said] == ["leur hostilité au projet de rocade"]
    assert not find_quotes(fr("Le gardien a dit la vérité aux enquêteurs."))


def test_a_restrictive_relative_on_the_subject_ends_before_the_main_verb(fr):
    """*Le président de la région X qui avait dit son hostilité au projet a finalement quitté…*: no comma closes the
    relative; its report ends before the main clause's verb, and its antecedent is the phrase's head, not the region's
    name the tagger made an adjective."""
    doc = fr("Le président de la région Normandie qui avait dit son hostilité au projet a finalement quitté la séance.")
    found = [q for q in find_quotes(doc) if q.cue is not None and q.cue.text.endswith("dit")]
    assert [(q.content.text, q.speaker.text) for q in found] == [
        ("son hostilité au projet", "Le président de la région Normandie")]
