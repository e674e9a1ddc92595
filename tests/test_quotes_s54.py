"""Issue 14, session 54: a title's name the parser hung on the verb, an incise inside a quotation whose verb the
parser gave a subject from the quoted sentence, reports in the impersonal passive (*il a été rapporté que*), a
paragraph a speech verb's colon introduces, a person noun with a party's name, a parenthesis before an inverted
subject and an infinitive inside a quotation that is no incise."""

from conftest import first_quote_holding

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.syntax import subject_of


def test_a_name_the_parser_hung_on_the_verb_after_a_title_is_the_title_s_apposition(fr):
    """*», a insisté l'écologiste X, rapporteure…*: the parser may make the name a second subject of the verb rather
    than the apposition of the title before it; the speaker phrase holds the name, which resolves it."""
    text = ("« Les poids lourds doivent contribuer à l'entretien des chaussées », a insisté l'écologiste Zoé Mas, "
            "rapporteure du texte.")
    doc = fr(text)
    name = next(t for t in doc if t.text == "Zoé")
    assert name.head.text == "Zoé" or name.head.pos_ == "VERB"  # the parse this test is about: not the title's
    quote = first_quote_holding(fr, text, "Les poids lourds")
    assert quote.speaker.text.startswith("l'écologiste Zoé Mas") and quote.speaker_canonical == "Zoé Mas"


def test_an_incise_inside_a_quotation_whose_verb_took_a_subject_from_the_quoted_words(fr):
    """*« …une réduction des crédits dans le plan, détaille encore la directrice X dans Sud Ouest. … »*: the parser
    gives the incise's verb a subject from the quoted sentence before it; its object, who can speak and closes
    the sentence, is the incise's inverted subject."""
    text = ("\"Ce retard vient de ce que le chantier de l'an passé avait été mal chiffré car l'ancienne direction "
            "avait décidé, sans l'écrire, une réduction des crédits de 30 millions dans le plan, détaille encore la "
            "directrice Hélène Vidal dans Sud Ouest ce samedi. Nous devons rattraper\".")
    doc = fr(text)
    verb = next(t for t in doc if t.text == "détaille")
    subject = subject_of(verb)
    assert subject is not None and subject.i < verb.i  # the parse this test is about
    quote = first_quote_holding(fr, text, "Ce retard")
    assert quote.producer == "rule:quotes.direct_inside" and quote.speaker_canonical == "Hélène Vidal"


def _impersonal(doc):
    return [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_impersonal"]


def test_an_impersonal_passive_report_continues_the_previous_speaker_s_turn(fr):
    """*Selon X, … Il a été précisé que…*: the report names no one; the source quoted just before said it."""
    doc = fr("Selon le ministère de la Santé, les moustiques sont plus nombreux cette année. Il a été précisé que "
             "la campagne de démoustication commencera en mai.")
    found = _impersonal(doc)
    assert [(q.content.text, q.speaker.text) for q in found] == [
        ("que la campagne de démoustication commencera en mai", "le ministère de la Santé")]


def test_no_impersonal_report_without_a_turn_to_continue_a_recap_or_a_fact(fr):
    """Nobody quoted before: nobody to give it to (dropped, as before). A fronted time (*Plus tôt dans la
    journée*, *le 8 juillet*) recaps another report; *il est établi que* asserts a fact; *il a été convenu* is an
    agreement."""
    texts = ["La saison des moustiques commence. Il a été précisé que la campagne commencera en mai.",
             "Selon le ministère, les moustiques sont nombreux. Plus tôt dans la journée, il a été annoncé que la "
             "campagne commencera en mai.",
             "Selon le ministère, les moustiques sont nombreux. Le 8 juillet, il a été indiqué que la campagne "
             "commencera en mai.",
             "Selon le ministère, les moustiques sont nombreux. Il est établi que la campagne commencera en mai.",
             "Selon le ministère, les moustiques sont nombreux. Il a été convenu que la campagne commencera en mai."]
    for text in texts:
        assert not _impersonal(fr(text)), text


def test_a_speech_verb_s_colon_that_ends_its_paragraph_introduces_the_next_one(fr):
    """*La préfecture précise encore :¶ …*: a statement reproduced as a paragraph of its own without quotation marks
    is the speaker's words; not when the verb before the colon is a relative's (*ce que X avait trouvé :*)."""
    doc = fr("La préfecture du Gers a publié un bilan. La préfecture précise encore :\n\nLes récoltes de blé ont "
             "baissé de dix pour cent dans le sud du département cette année. La pluie a manqué.\n\nLa suite.")
    found = [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_colon"]
    assert [(q.content.text[:40], q.speaker.text) for q in found] == [
        ("Les récoltes de blé ont baissé de dix po", "La préfecture")]
    doc = fr("La ministre Claire Martin précise encore : il faut fermer le site avant l'hiver.")
    found = [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_colon"]  # the same line: adverbs too
    assert [q.content.text for q in found] == ["il faut fermer le site avant l'hiver"]
    doc = fr("Une équipe a publié une étude sur le sommeil. Le magazine Sciences Plus a résumé de cette manière ce "
             "que l'équipe avait trouvé:\nAutrement dit, une nuit courte mène à une journée difficile et une nuit "
             "longue conduit à une meilleure humeur.\nLa suite.")
    assert not [q for q in find_quotes(doc) if q.producer == "rule:quotes.indirect_colon"]


def test_a_person_noun_with_a_party_s_name_is_the_person_the_narrative_just_named(fr):
    """*X, le maire de Y, a réagi « … », a tweeté l'élu Les Républicains*: the party's name in the phrase does not
    make the party the speaker; *élu* names one person, the one the sentence before named."""
    text = ("La polémique sur le stade enfle depuis une semaine. Samedi, Paul Girard, le maire de Brest, a réagi "
            "\"J'ai demandé à Mme Lenoir et au président Marc Simon qu'il fallait tout faire pour garder le stade\", "
            "a tweeté l'élu Les Républicains.")
    quote = first_quote_holding(fr, text, "J'ai demandé")
    assert quote.speaker.text == "l'élu Les Républicains" and quote.speaker_canonical == "Paul Girard"


def test_a_parenthesis_between_an_incise_s_verb_and_its_subject_says_how_not_who(fr):
    """*» : c'est ce qu'affirment (dans un texte commun) les délégués…*: the inverted subject lies past the
    parenthesis."""
    text = ("« Nous refusons ce calendrier imposé sans la moindre concertation et nous le ferons savoir » : c'est ce "
            "qu'affirment (dans un texte commun) les délégués des deux syndicats de la branche.")
    quote = first_quote_holding(fr, text, "Nous refusons")
    assert quote.speaker is not None and quote.speaker.text.startswith("les délégués")


def test_an_infinitive_inside_a_quotation_is_no_incise(fr):
    """*« …avait inscrit, sans le dire, une hausse…, détaille encore le trésorier X… »*: *dire* after *sans* is an
    infinitive of the quoted sentence, not an incise whose subject would be the quoted noun after it; the finite
    incise later in the quotation names the speaker."""
    text = ("\"Ce choix découle du fait que le budget du club avait été surestimé car l'ancien bureau avait inscrit, "
            "sans le dire, une hausse des recettes de 2 millions dans ses comptes, détaille encore le trésorier Luc "
            "Arnaud dans La Voix du Nord ce jeudi. Nous corrigeons\".")
    quote = first_quote_holding(fr, text, "Ce choix")
    assert quote.producer == "rule:quotes.direct_inside" and quote.speaker_canonical == "Luc Arnaud"
