"""Interviews and transcripts (``recoupe.analysis.quotes.interview``): sentences written for the tests."""

from __future__ import annotations

from recoupe.analysis.quotes import find_quotes


def _interview(quotes):
    return [q for q in quotes if q.producer == "rule:quotes.direct_interview"]


LABELLED_FR = """Marie Dubois : « Nous ne céderons rien sur les retraites »

La secrétaire générale du syndicat a répondu à nos questions avant la manifestation de jeudi.

Le Parisien : Pourquoi appelez-vous à une nouvelle journée de grève ?
Marie Dubois : Parce que le gouvernement refuse de nous entendre depuis trois mois. Nous avons tout essayé.
LP : Craignez-vous une baisse de la mobilisation ?
MD : Je ne crois pas. Les salariés sont toujours aussi déterminés et les sondages nous donnent raison.
Les caisses de grève sont pleines, et les adhésions augmentent chaque semaine.
LP : Que direz-vous à la Première ministre si elle vous reçoit ?
MD : Je lui dirai que le texte doit être retiré, sans condition.

Propos recueillis par Paul Martin"""


def test_labelled_answers_are_the_interviewees_and_questions_are_not(fr):
    found = _interview(find_quotes(fr(LABELLED_FR)))
    texts = [q.content.text for q in found]
    assert [t.split()[0] for t in texts] == ["Parce", "Je", "Les", "Je"]
    assert all(q.speaker_canonical == "Marie Dubois" and q.kind == "direct" for q in found)
    # the interviewer's questions, the standfirst and the credit line after the transcript are no quotes
    assert not any("?" in t or "Propos" in t or "répondu" in t for t in texts)


def test_initials_label_names_the_person_of_the_full_label(en):
    text = ("A mayor on the flood\n\n"
            "KS: Sarah, how many families are still out of their homes this week?\n"
            "Sarah Lindqvist: About two hundred, by our latest count. Most are staying with relatives.\n"
            "KS: When will the river road reopen to traffic?\n"
            "SL: Not before the engineers have inspected both bridges. That takes at least ten days.\n"
            "KS: What do you need most from the state government?\n"
            "SL: Money for the pumps, plainly. We asked for it in March and we are still waiting.\n"
            "Transcript edited for length and clarity.")
    found = _interview(find_quotes(en(text)))
    assert len(found) == 3
    assert all("Lindqvist" in (q.speaker_canonical or "") for q in found)
    assert not any("Transcript" in q.content.text or "?" in q.content.text for q in found)


BARE_FR = """Climat : « Il faut taxer le kérosène », plaide Anne Lefort

Dans un entretien, l'économiste Anne Lefort, auteure d'un rapport sur l'aviation, détaille ses propositions.

Que proposez-vous pour réduire les émissions du transport aérien ?
Je propose une taxe sur le kérosène, progressive, appliquée à tous les vols intérieurs dès l'an prochain.

Pourquoi maintenant, selon vous ?
Nous avons prévu une compensation pour les habitants des territoires isolés, financée par la taxe elle-même.

Pensez-vous que le gouvernement vous suivra ?
Je l'espère. Les ministres que j'ai rencontrés semblent ouverts, mais rien n'est décidé.

Propos recueillis par Paul Martin"""


def test_bare_questions_after_an_interview_standfirst(fr):
    found = _interview(find_quotes(fr(BARE_FR)))
    assert [q.content.text.split()[0] for q in found] == ["Je", "Nous", "Je"]
    assert all(q.speaker_canonical == "Anne Lefort" for q in found)


def test_without_an_interview_cue_bare_questions_are_not_an_interview(fr):
    essay = BARE_FR.replace("Dans un entretien, l'économiste", "Selon l'économiste").replace(
        "Propos recueillis par Paul Martin", "Le débat reste ouvert.")
    assert not _interview(find_quotes(fr(essay)))


def test_explainer_questions_in_the_third_person_are_no_interview(en):
    text = ("What the new commission does: an interview-style explainer\n\n"
            "The pope announced on Friday that he was reviving the commission, which had been dormant.\n\n"
            "What is the commission?\nIt is a panel of twelve experts who advise the Vatican on protecting minors.\n\n"
            "Why is it being renewed now?\nIts mandate expired in December and critics said it had lost its way.\n\n"
            "What will it do next?\nIt will meet in Rome in April and publish guidelines for bishops.")
    assert not _interview(find_quotes(en(text)))


def test_headlines_with_colons_are_no_speaker_labels(fr):
    text = ("À lire aussi\n\n"
            "Sri Lanka : le président bloqué à l'aéroport de Colombo alors qu'il tentait de fuir le pays.\n"
            "Couple : les signes montrant que le travail pèse sur la vie sentimentale des salariés.\n"
            "Santé : la campagne de vaccination reprend lundi dans toutes les pharmacies du pays.\n"
            "Sport : le club lyonnais s'impose face à Marseille dans un match très disputé.")
    assert not _interview(find_quotes(fr(text)))


def test_only_the_questions_labelled_answers_follow_them(fr):
    text = ("Jean Valmont : « L'Europe doit produire ses propres vaccins »\n\n"
            "Le commissaire européen au Marché intérieur, Jean Valmont, détaille son plan pour l'industrie.\n\n"
            "LE FIGARO. - Pourquoi voulez-vous relocaliser la production des vaccins ?\n"
            "Jean Valmont. - Parce que la crise nous a montré notre dépendance envers les usines d'Asie.\n"
            "LE FIGARO. - Combien d'usines comptez-vous ouvrir ?\n"
            "Nous en ouvrirons dix d'ici à 2025, dans sept pays. Les financements sont déjà votés.\n"
            "LE FIGARO. - Les industriels vous suivent-ils ?\n"
            "Oui, et ils ont déjà signé des engagements fermes. Je les réunirai de nouveau en mars.\n\n"
            "Les négociations reprendront au printemps.")
    found = _interview(find_quotes(fr(text)))
    assert [q.content.text.split()[0] for q in found] == ["Parce", "Nous", "Oui,"]
    assert all(q.speaker_canonical == "Jean Valmont" for q in found)
