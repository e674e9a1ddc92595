"""Issue 14, session 55: *qualifier X de « … »* when the parser hangs *de* on the quotation mark, *traiter qqn de*
(to call someone a name), a compound infinitive that takes no inverted subject, the stressed pronoun of *selon lui*
read as the view of its clause's subject, and a present participle that opens the sentence."""

from conftest import first_quote_holding, hand_parsed, quotes_in

from recoupe.analysis.quotes import find_quotes
from recoupe.analysis.quotes.indirect import _complement_on_object
from recoupe.analysis.quotes.syntax import compound_nonfinite


def test_a_name_called_something_in_quotation_marks_is_what_the_speaker_said(fr):
    """*a qualifié X de « … »*: the parser may hang *de* on the opening quotation mark and read the word as an
    adjective of the object, not a noun introduced by *de*; the object and its complement are the content all
    the same (a parse given by hand, as the parser reads some such words)."""
    words = ["Elle", "a", "qualifié", "son", "rival", "de", "«", "tricheur", "»", "."]
    heads = [2, 2, 2, 4, 2, 6, 4, 4, 4, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "det", "obj", "case", "punct", "amod", "punct", "punct"]
    pos = ["PRON", "AUX", "VERB", "DET", "NOUN", "ADP", "PUNCT", "ADJ", "PUNCT", "PUNCT"]
    morphs = [""] * len(words)
    morphs[2] = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part"
    doc = hand_parsed(fr, words, heads, deps, pos, morphs)
    start = _complement_on_object(doc[2], frozenset({"de"}))
    assert start is not None and start.text == "son"
    found = [q for q in find_quotes(fr("Dimanche, la candidate a qualifié Paul Renaud de « traître »."))
             if q.producer == "rule:quotes.indirect_complement"]  # *de* on the word itself, as before
    assert [q.content.text for q in found] == ["Paul Renaud de « traître »"]


def test_traiter_reports_only_when_it_calls_someone_a_name(fr):
    """*traiter qqn de « … »* reports what the speaker called someone; *traiter de la question*, *traiter les
    dossiers* report nothing."""
    quote = first_quote_holding(fr, "Le maire a traité son adversaire de « girouette » en plein conseil.", "girouette")
    assert quote is not None and quote.producer == "rule:quotes.indirect_complement"
    assert quote.content.text.startswith("son adversaire de « girouette »") and quote.speaker.text == "Le maire"
    for text, fragment, speaker in (
            ("Le porte-parole traite ses adversaires, Paul Roux et Anne Vial, de \"girouettes professionnelles\".",
             "girouettes professionnelles", "Le porte-parole"),
            ("Le ministre, qui l'avait traité de \"fossoyeur\" l'an dernier, n'a pas réagi.", "fossoyeur",
             "Le ministre")):
        quote = first_quote_holding(fr, text, fragment)  # the name given, after *de*: the speaker's word
        assert quote is not None and quote.producer == "rule:quotes.direct_fragment", text
        assert quote.speaker.text == speaker and quote.speaker_canonical is None, text
    for text in ("Le dernier livre de l'historienne traite de la guerre d'Algérie et de ses suites.",
                 "Le service des impôts traite les dossiers de manière prioritaire depuis janvier.",
                 "Le maire traite le « dossier » du stade avec prudence."):
        assert not quotes_in(fr, text), text


def test_a_compound_infinitive_takes_no_inverted_subject(fr):
    """*après avoir qualifié la ministre X de « … »*: the noun after a compound infinitive is its object (the one
    called a name), not who speaks."""
    text = ("Deux jours après avoir qualifié la ministre Anne Roche de « menteuse » à la radio, le député Luc "
            "Berthier a refusé de s'excuser.")
    doc = fr(text)
    quotes = find_quotes(doc)
    assert quotes and all("Roche" not in (q.speaker.text if q.speaker else "") for q in quotes), quotes
    assert compound_nonfinite(next(t for t in doc if t.text == "qualifié"))
    assert not compound_nonfinite(next(t for t in fr("Le député a qualifié la ministre de menteuse.")
                                       if t.text == "qualifié"))


def _view_holder(fr, text: str) -> str | None:
    quote = next(q for q in find_quotes(fr(text)) if q.speaker is not None
                 and q.speaker.text in ("lui", "elle", "eux", "elles"))
    return quote.speaker_canonical


def test_selon_lui_after_its_clause_s_subject_gives_that_subject_s_view(fr):
    """*X a publié un bilan qui montre, selon lui, …*: the stressed pronoun takes up the subject of a clause above
    it (a body, a group, an organisation), not the speaker of the quote before."""
    cases = [
        ("« Tout est prêt », a assuré le recteur Marc Aubry. Cette nomination agace plusieurs magistrats, qui "
         "accusent le ministre de favoritisme, ce qui selon eux affaiblit l'institution.", "plusieurs magistrats"),
        ("« Nous avançons », a déclaré Jean Morel. La mairie et un collectif d'habitants réclament depuis un an la "
         "fermeture de l'usine, responsable selon eux de la pollution.", "La mairie"),
        ("« Il faut agir », a lancé Marc Aubry. Le gouvernement a présenté mardi une réforme des tribunaux, qui "
         "raccourcira selon lui les procédures.", "Le gouvernement"),
    ]
    for text, holder in cases:
        assert _view_holder(fr, text) == holder, text


def test_selon_lui_before_the_subject_or_of_a_described_person_is_left_to_the_discourse(fr):
    """*Selon lui, l'ancien ministre…*: the subject after the pronoun is whom the view is about; *le député … selon
    lui*: the description is resolved by the discourse, which names the person (here the one named before)."""
    text = ("« Le texte est mauvais », a estimé l'économiste Paul Vernet. Selon lui, l'ancien ministre voulait "
            "surtout gagner du temps.")
    assert _view_holder(fr, text) == "Paul Vernet"
    text = ("Le député Henri Lacoste s'est exprimé mardi. Le député a rappelé son opposition au projet, qui menace, "
            "selon lui, les petites communes.")
    assert _view_holder(fr, text) == "Henri Lacoste"


def test_a_fronted_participle_reports_for_the_main_clause_s_subject(fr):
    """*Rappelant que…, le préfet a…*: a present participle that opens the sentence has the main clause's subject;
    its content stops before the main clause, which the parser may hang inside it; a participle of no speech verb
    (*Arrivant à Paris*) reports nothing."""
    cases = [("Rappelant que la loi interdit ces ventes, le préfet a fermé trois commerces.",
              "que la loi interdit ces ventes", "le préfet"),
             ("Se disant prête à voter le budget, la sénatrice a fixé trois conditions.",
              "prête à voter le budget", "la sénatrice")]
    for text, content, speaker in cases:
        quote = first_quote_holding(fr, text, content)
        assert quote is not None and quote.content.text == content and quote.speaker.text == speaker, text
    assert not quotes_in(fr, "Arrivant à Paris, le ministre a visité trois écoles.")


def test_a_quantifier_s_people_hold_the_view_of_a_stance_frame(fr):
    """*Pour beaucoup d'habitants, …*, *Pour beaucoup, …*: the people an adverb of quantity counts hold the view, as
    *Pour certains, …* do; *Pour beaucoup de raisons, …* names no one."""
    for text, speaker in (("Pour beaucoup d'habitants, le maire se comporte tout simplement en propriétaire.",
                           "beaucoup d'habitants"),
                          ("Pour beaucoup, la réforme arrive trop tard.", "beaucoup")):
        found = [q for q in find_quotes(fr(text)) if q.producer == "rule:quotes.according_to_stance"]
        assert [q.speaker.text for q in found] == [speaker], text
    assert not quotes_in(fr, "Pour beaucoup de raisons, le projet a échoué.")
