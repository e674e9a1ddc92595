"""Source chains on articles written for the tests (outlet names resolved by the shipped lists)."""

from __future__ import annotations

import recoupe
from recoupe.pipeline import Options

FAST = Options(genre=False, persuasion=False, credibility=False)


def _chain(text):
    report = recoupe.analyze(text, options=FAST)
    return report, [(l.role, l.name, l.domain) for l in report.source_chain]


def test_provenance_line_gives_relays_in_order_and_the_translator():
    text = ("Une usine ferme ses portes\n\nSelon une enquête du Guardian, la direction a caché des pertes pendant "
            "trois ans avant d'annoncer la fermeture du site.\n\nLes salariés ont appris la nouvelle lundi.\n\n"
            "Sources : Reuters via Sputnik – Traduit par Le Site Exemple")
    report, chain = _chain(text)
    assert chain[0][:2] == ("origin", "Guardian")
    assert [c[:2] for c in chain[1:3]] == [("relay", "Reuters"), ("relay", "Sputnik")]
    assert chain[3][:2] == ("translator", "Le Site Exemple")
    assert report.publisher.name == "Le Site Exemple"
    for link in report.source_chain:
        source = report.body if link.evidence.in_ == "body" else report.furniture[link.evidence.furniture_index].text
        assert source[link.evidence.start : link.evidence.end] == link.evidence.text


def test_side_sources_are_cited_not_origin():
    text = ("Des dépenses publicitaires record\n\nSelon de nouvelles révélations de Mediapart, le ministère a dépensé "
            "deux millions d'euros en sondages. D'après Mediapart, les contrats n'ont pas été publiés.\n\n"
            "Une étude publiée dans Le Figaro montrait déjà une hausse des dépenses en 2021.")
    _, chain = _chain(text)
    roles = {name: role for role, name, _ in chain}
    assert roles.get("Mediapart") == "origin"
    assert roles.get("Le Figaro") == "cited"


def test_english_original_publication_line():
    text = ("Council approves budget\n\nThe council approved a $2m budget on Monday after a long debate, "
            "according to The Guardian.\n\nThis article was originally published by Reuters.")
    report, chain = _chain(text)
    origins = [(name, domain) for role, name, domain in chain if role == "origin"]
    assert len(origins) == 1 and origins[0][0] in ("The Guardian", "Guardian") and origins[0][1] == "theguardian.com"
    assert any(role == "relay" and name == "Reuters" for role, name, _ in chain)


def test_agency_credit_and_first_publication_lines():
    _, chain = _chain("Une réforme annoncée\n\nLe Premier ministre a présenté mercredi une réforme des retraites "
                      "devant les députés, qui la voteront en juin.\n\n(avec AFP)")
    assert ("origin", "AFP", "afp.com") in chain
    _, chain = _chain("Le ministre démissionne\n\nLe ministre a démissionné mardi soir, a-t-on appris de source "
                      "proche du dossier.\n\nCet article a d'abord été publié par Libération.")
    assert chain[0] == ("origin", "Libération", "liberation.fr")


def test_outlets_the_chain_proves_become_organisations_in_new_objects():
    """An entity the tagger called MISC that the chain names as an outlet is relabelled ORG (with
    its mentions), in new objects: the entity the Doc's component made is left as it was."""
    from recoupe.analysis.chain import relabel_outlets
    from recoupe.model import Analysis, ChainLink, Entity, Mention, Span

    tagged = Entity(canonical="Mediapart", label="MISC",
                    mentions=[Mention(text="Mediapart", start=0, end=9, label="MISC", producer="model:ner")])
    other = Entity(canonical="Paris", label="LOC",
                   mentions=[Mention(text="Paris", start=20, end=25, label="LOC", producer="model:ner")])
    analysis = Analysis(source="test", language="fr", body="Mediapart révèle à Paris", entities=[tagged, other])
    link = ChainLink(name="Mediapart", role="origin", evidence=Span(text="Mediapart", start=0, end=9),
                     producer="rule:chain")
    relabel_outlets(analysis, [link])
    relabelled, kept = analysis.entities
    assert (relabelled.label, relabelled.mentions[0].label, relabelled.mentions[0].producer) == (
        "ORG", "ORG", "rule:chain.outlet")
    assert kept is other
    assert (tagged.label, tagged.mentions[0].label, tagged.mentions[0].producer) == ("MISC", "MISC", "model:ner")


def test_republication_contribution_and_reporter_credits():
    """Credit lines of reused copy (issue 14, s14src): permission and contribution credits name an
    origin; reporters' credits name people, never a source, unless an outlet is among them."""
    body = ("Dam repairs delayed\n\nRepairs to the old river dam will start next spring, the county engineer "
            "told residents at a packed meeting on Tuesday evening.\n\n")
    _, chain = _chain(body + "Article posted with permission from Reuters")
    assert chain[0][:2] == ("origin", "Reuters")
    _, chain = _chain(body + "The Associated Press contributed to this report.")
    assert chain[0][0] == "origin" and "Associated Press" in chain[0][1]
    _, chain = _chain(body + "(Reporting by Jane Okafor; Editing by Tom Lindqvist)")
    assert not any("Okafor" in name or "Lindqvist" in name for _, name, _ in chain)
    _, chain = _chain(body + "Article posted with permission from Reuters\n\nThe Associated Press contributed to "
                      "this report.")
    assert [role for role, _, _ in chain[:2]] == ["origin", "origin"]


def test_french_translation_credit_and_bare_agency_dateline():
    _, chain = _chain("Une digue cède\n\nLa digue a cédé dans la nuit de lundi à mardi, inondant une partie du "
                      "village selon les pompiers, qui ont évacué trois familles.\n\n"
                      "Cet article est une traduction de Reuters.")
    assert chain[0][:2] == ("origin", "Reuters")
    report, chain = _chain("Floods close the ring road\n\n(AFP) The ring road was closed on Monday after the river "
                           "burst its banks, the police said in a statement.")
    assert chain[0][:2] == ("origin", "AFP")
    link = report.source_chain[0]
    assert report.body[link.evidence.start : link.evidence.end] == "(AFP)"


def test_french_report_and_interview_cues_cite_the_outlet():
    """*comme le rapporte X*, *auprès de X*, *dans un entretien à X* make the outlet a source of the
    sentence (issue 14, s14src), as *selon X* does."""
    _, chain = _chain("Un pont fermé\n\nLe pont restera fermé tout l'été, comme le rapporte Le Parisien, "
                      "car des fissures ont été découvertes sur deux piles.\n\nLes travaux commenceront en juin.")
    assert any(name in ("Le Parisien", "Parisien") for _, name, _ in chain)
    _, chain = _chain("Un maire démissionne\n\nLe maire a confirmé sa démission auprès de l'AFP mardi, après "
                      "six mois de conflit avec son conseil municipal.\n\nUne élection aura lieu en mai.")
    assert any(name == "AFP" for _, name, _ in chain)


def test_outlet_someone_spoke_to_is_cited_and_yields_to_a_credit_line():
    body = ("Mayor quits\n\nThe mayor told Fox News on Monday that she would step down in June after two terms, "
            "citing her health.\n\nThe council will choose a successor.")
    _, chain = _chain(body)
    assert chain[0][0] == "origin" and chain[0][1] == "Fox News"
    _, chain = _chain(body + "\n\nArticle posted with permission from Reuters")
    assert ("origin", "Reuters") in [c[:2] for c in chain]
    assert ("cited", "Fox News") in [c[:2] for c in chain]


def test_an_outlet_no_list_rates_is_cited_with_its_domain():
    """An outlet of the news-outlet lexicon that no shipped rating list rates (*Le Canard enchaîné*) is a
    source of the sentence citing it, with the lexicon's domain and no rating (session 52)."""
    report, chain = _chain("Un bureau refait à neuf\n\nLe préfet aurait fait refaire son bureau aux frais de l'État, "
                           "selon Le Canard enchaîné paru mercredi.\n\nLa préfecture n'a pas répondu.")
    assert ("origin", "lecanardenchaine.fr") in {(role, domain) for role, _, domain in chain}
    assert all(link.ratings == [] for link in report.source_chain if link.domain == "lecanardenchaine.fr")
