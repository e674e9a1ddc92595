"""Quotes and speakers: unit tests on sentences written for the tests, plus the seed acceptance cases."""

from __future__ import annotations

import pytest

from recoupe.analysis.conjugate import english_forms, french_forms
from recoupe.analysis.lexicons import speech_forms, speech_verbs
from recoupe.analysis.quotes import find_quotes, quoted_spans

from conftest import need_shared


def _one(quotes, kind, cue_contains=None):
    found = [q for q in quotes if q.kind == kind and (cue_contains is None or (q.cue and cue_contains in q.cue.text))]
    assert found, f"no {kind} quote with cue {cue_contains!r} in {[(q.kind, q.cue and q.cue.text) for q in quotes]}"
    return found[0]


# ---------------------------------------------------------------- lexicon


def test_lexicon_is_large_and_inflected():
    assert len(speech_verbs("fr")) >= 200 and len(speech_verbs("en")) >= 120
    assert len(speech_forms("fr")) >= 5000
    assert {"rétorque", "démentent", "a", "soutiennent", "reconnaît", "prétendu", "dit", "écrivait"} - {"a"} <= set(
        speech_forms("fr"))
    assert {"dément", "démentirait", "démenti"} <= french_forms("démentir")
    assert {"appelle", "appellerait"} <= french_forms("appeler")
    assert {"said", "says", "saying", "denied", "denies", "admitted"} <= english_forms("say") | english_forms(
        "deny") | english_forms("admit")


# ---------------------------------------------------------------- French


def test_direct_quote_with_inverted_incise_after(fr):
    doc = fr("La réforme est « une faute historique et un contresens total », a déclaré Claire Dubois, "
             "secrétaire générale du syndicat.")
    q = _one(find_quotes(doc), "direct", "déclaré")
    assert q.content.text.startswith("une faute historique")
    assert q.speaker_canonical == "Claire Dubois"


def test_direct_quote_introduced_with_colon_and_org_spokesperson(fr):
    doc = fr("Joint par téléphone, un porte-parole de Renault a déclaré à l'AFP : « Nous n'avons pas été "
             "informés de cette décision et nous étudions la situation. »")
    q = _one(find_quotes(doc), "direct", "déclaré")
    assert q.speaker.text == "un porte-parole de Renault"
    assert q.speaker_canonical == "Renault"
    assert q.speaker_role == "spokesperson"


def test_pronoun_speaker_resolves_to_recent_person_and_floating_quote(fr):
    text = ("Le maire de Lille, Paul Mercier, a reçu les commerçants mardi. « Les travaux dureront deux ans », "
            "a-t-il ajouté devant la presse.\n\n« Nous ferons tout pour limiter la gêne. Les parkings resteront "
            "ouverts pendant toute la durée du chantier. »")
    quotes = find_quotes(fr(text))
    q = _one(quotes, "direct", "ajouté")
    assert q.speaker_canonical == "Paul Mercier"
    assert q.confidence < 0.85
    floating = [x for x in quotes if x.producer.endswith("direct_floating")]
    assert floating and floating[0].speaker_canonical == "Paul Mercier"
    assert floating[0].content.text.startswith("Nous ferons tout")


def test_indirect_speech_with_que_and_surname_resolution(fr):
    text = ("L'avocate de la famille, Sophie Laurent, a rappelé que l'enquête avait été close trop tôt. "
            "Laurent a ajouté que ses clients porteraient plainte.")
    quotes = [q for q in find_quotes(fr(text)) if q.kind == "indirect"]
    assert len(quotes) == 2
    assert {q.speaker_canonical for q in quotes} == {"Sophie Laurent"}
    assert quotes[0].cue.text == "a rappelé"
    assert quotes[0].content.text.startswith("que l'enquête")
    assert quotes[0].speaker_role == "lawyer"


def test_indirect_speech_relative_subject_points_to_antecedent(fr):
    doc = fr("C'est ce que rapporte le quotidien Ouest-France, qui assure aussi que trois salariés ont démissionné.")
    quotes = find_quotes(doc)
    q = _one(quotes, "indirect", "assure")
    assert "Ouest-France" in q.speaker.text


def test_selon_and_dapres_attribute_to_source(fr):
    text = ("Selon une enquête publiée par Mediapart, la ministre connaissait le dossier depuis 2019. "
            "Le chantier coûtera 40 millions d'euros, d'après la Cour des comptes.")
    quotes = [q for q in find_quotes(fr(text)) if q.kind == "according_to"]
    assert [q.cue.text for q in quotes] == ["Selon", "d'après"]
    assert quotes[0].speaker_canonical == "Mediapart"
    assert quotes[0].content.text.startswith("la ministre connaissait")
    assert quotes[1].content.text.startswith("Le chantier coûtera")


def test_selon_without_a_source_is_not_a_quote(fr):
    doc = fr("Les tarifs varient selon les saisons et selon la taille du logement.")
    assert [q for q in find_quotes(doc) if q.kind == "according_to"] == []


def test_selon_lequel_uses_the_noun_before(fr):
    doc = fr("L'ONG a publié un rapport selon lequel les émissions ont augmenté de 4 %.")
    q = _one(find_quotes(doc), "according_to")
    assert "rapport" in q.speaker.text
    assert q.content.text.startswith("les émissions")


def test_incise_without_quotation_marks(fr):
    doc = fr("Le site sera fermé jusqu'à nouvel ordre, a indiqué la préfecture du Rhône.")
    q = _one(find_quotes(doc), "indirect", "indiqué")
    assert q.content.text == "Le site sera fermé jusqu'à nouvel ordre"
    assert "préfecture" in q.speaker.text


def test_scare_quotes_and_titles_are_not_quotes(fr):
    doc = fr("Le film « Les Ombres » a reçu un accueil « mitigé » lors de sa sortie.")
    assert [q for q in find_quotes(doc) if q.kind == "direct"] == []
    assert len(quoted_spans(doc)) == 2


def test_quotation_over_several_paragraphs():
    from recoupe.analysis.text import _quoted_spans
    text = ("The mayor said: “The bridge will reopen in May.\nThe repairs cost less than planned.”\n"
            "Others disagreed.\n“Unclosed words at the end\nNothing closes it here.")
    spans = [text[s:e] for s, e in _quoted_spans(text)]
    # one span per paragraph of the quotation closed two paragraphs on; an opener never closed adds nothing
    assert spans == ["The bridge will reopen in May.", "The repairs cost less than planned."]


def test_quotation_closed_by_a_mark_of_another_kind_or_by_its_paragraph_end():
    from recoupe.analysis.text import _quoted_spans
    text = ("« Nous ne fermerons pas l'usine\", a déclaré la directrice.\n"
            "“We did nothing wrong,” he said. “The board approved every payment we made.\n"
            "The company called it “a witch hunt” on Friday.\n"
            "“Too short.\n"
            "The union called it “a joke” too.\n"
            "“A title with no full stop and no closing mark\n"
            "The board called it “fair” again.\n"
            "« " + " ".join(["mot"] * 70) + ".")
    spans = [text[s:e] for s, e in _quoted_spans(text)]
    # a French opening mark closed by a straight one; an English quotation whose closing mark was lost
    # ends with its paragraph when it ends a sentence there (not three words, not a title, not a run
    # of 70 words, which says paragraphs were run together)
    assert spans == ["Nous ne fermerons pas l'usine", "We did nothing wrong,",
                     "The board approved every payment we made.", "a witch hunt", "a joke", "fair"]


def test_mixed_marks_with_a_straight_pair_inside_an_open_quotation(en):
    # a curly opening mark closed by a straight one, then a straight pair: no quotation may hold
    # another (the turn finder read the span between two overlapping quotations and failed)
    text = ("The senator spoke on Friday.\n"
            '“I have answered every question the committee asked me," Smith said in a statement. "I will '
            'keep cooperating with the investigators."\n'
            "The committee meets again on Monday.")
    doc = en(text)
    spans = quoted_spans(doc)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert find_quotes(doc) is not None


def test_unclosed_quotation_continues_the_speaker_before_it(en):
    text = ("“The board treated me unfairly from the very first day,” Margaret Hartley said. “The "
            "auditors found that my accounts were in order and that I had done nothing wrong.\n"
            "The hearing was adjourned on Friday.")
    quotes = find_quotes(en(text))
    q = next(q for q in quotes if q.content.text.startswith("The auditors found"))
    assert q.kind == "direct" and q.speaker_canonical == "Margaret Hartley"


def test_block_quotation_signed_on_the_next_line(fr):
    text = ("Le gouvernement a durci le ton mardi, selon plusieurs syndicats.\n\n"
            "    \"Nous ne céderons sur aucun point de cette réforme. C'est une question de principe pour nous\n"
            "    Élisabeth Moreau, ministre de l'Économie et proche du président.\"\n\n"
            "Dans ce contexte, le gouvernement a affirmé sa détermination.")
    q = next(q for q in find_quotes(fr(text)) if q.content.text.startswith("Nous ne céderons"))
    assert q.kind == "direct" and q.speaker_canonical == "Élisabeth Moreau"
    assert "ministre" not in q.content.text


def test_floating_quotation_after_a_report(fr):
    text = ("Selon Claire Dubois, ministre du Travail, le plan ne suffira pas.\n\n"
            "« Nous devons aller beaucoup plus loin et beaucoup plus vite. »\n\n"
            "« Un titre sans point final »")
    quotes = find_quotes(fr(text))
    floating = [q for q in quotes if q.content.text.startswith("Nous devons")]
    assert floating and floating[0].kind == "direct"
    assert floating[0].speaker_canonical == "Claire Dubois"
    assert not any(q.content.text.startswith("Un titre") for q in quotes)  # an intertitle is no continuation


def test_first_person_author_opinion_is_not_attributed(fr):
    doc = fr("Je pense que cette loi est une erreur.")
    assert find_quotes(doc) == []


# ---------------------------------------------------------------- English


def test_english_direct_and_indirect(en):
    text = ('"We are not going to close the plant," said Maria Lopez, the company\'s chief executive. '
            "Lopez added that the workers would keep their jobs until 2026.")
    quotes = find_quotes(en(text))
    direct = _one(quotes, "direct", "said")
    assert direct.speaker_canonical == "Maria Lopez"
    indirect = _one(quotes, "indirect", "added")
    assert indirect.content.text.startswith("that the workers")
    assert indirect.speaker_canonical == "Maria Lopez"


def test_english_according_to_and_trailing_said(en):
    text = ("According to a report by Reuters, the deal was signed in March. "
            "The factory will close next year, the union said.")
    quotes = find_quotes(en(text))
    acc = _one(quotes, "according_to")
    assert acc.speaker_canonical == "Reuters"
    trailing = _one(quotes, "indirect", "said")
    assert "factory will close" in trailing.content.text


def test_english_verb_with_its_own_clause_does_not_attribute_the_quotation_before(en):
    text = ("“The council ignored every warning,” Helen Park wrote on Monday. “It never read our report.” "
            "Mayor Tom Reed said that the report had arrived too late.")
    quotes = find_quotes(en(text))
    second = next(q for q in quotes if q.kind == "direct" and q.content.text.startswith("It never"))
    assert second.cue is None or "said" not in second.cue.text
    assert "Reed" not in (second.speaker_canonical or "")
    reported = _one(quotes, "indirect", "said")
    assert reported.content.text.startswith("that the report")


def test_english_quoted_as_saying(en):
    quotes = find_quotes(en("The agency quoted a senior engineer as saying that the bridge had been poorly maintained."))
    q = _one(quotes, "indirect", "saying")
    assert "engineer" in q.speaker.text
    assert "bridge had been" in q.content.text


# ---------------------------------------------------------------- seeds (acceptance)


@pytest.mark.shared
def test_seed_quotes(fr, expected):
    seeds = need_shared("seeds")
    for name, exp in expected.items():
        if not name.endswith(".txt"):
            continue
        text = (seeds / name).read_text(encoding="utf-8")
        quotes = find_quotes(fr(text))
        for want in exp.get("quotes", []):
            evidence_start = text.index(want["evidence"])
            evidence_end = evidence_start + len(want["evidence"])
            matches = [
                q for q in quotes
                if q.kind == want["kind"] and q.cue and q.cue.text == want["cue"]
                and q.speaker_canonical == want["speaker"]
                and q.content.start < evidence_end and evidence_start < max(q.content.end, q.cue.end)
            ]
            assert matches, f"{name}: missing {want} in {[(q.kind, q.cue and q.cue.text, q.speaker_canonical) for q in quotes]}"
            if "speaker_mention" in want:
                assert matches[0].speaker.text == want["speaker_mention"]


def test_reported_speech_in_conditional_is_kept_but_counterfactual_speech_is_not(fr):
    reported = find_quotes(fr("La directrice aurait déclaré que l'usine fermerait en juin."))
    assert [q.cue.text for q in reported if q.kind == "indirect"] == ["aurait déclaré"]
    counterfactual = find_quotes(fr("Le candidat aurait dû répondre que ces chiffres étaient faux."))
    assert [q for q in counterfactual if q.kind == "indirect"] == []


def test_demonstrative_subjects_do_not_speak(fr):
    doc = fr("Cela montre que la réforme a échoué. Tout indique que les prix vont monter.")
    assert find_quotes(doc) == []


# ---------------------------------------------------------------- issue 14: frames, fragments, coreference


@pytest.mark.parametrize("text, cue, content_starts", [
    ("Le gouvernement a dénoncé une décision injuste et dangereuse.", "a dénoncé", "une décision"),
    ("La ministre a nié avoir reçu la moindre somme.", "a nié", "avoir reçu"),
    ("Le syndicat accuse la direction de mentir aux salariés.", "accuse", "la direction"),
    ("Le maire a appelé à la retenue après les violences.", "a appelé", "à la retenue"),
    ("Une étude de l'Inserm montre une hausse nette des cas chez les enfants.", "montre", "une hausse"),
])
def test_indirect_speech_in_the_verbs_frames(fr, text, cue, content_starts):
    q = _one(find_quotes(fr(text)), "indirect", cue)
    assert q.content.text.startswith(content_starts)


def test_frames_do_not_make_every_object_a_quote(fr):
    # "montrer" reports only with a document subject; "appeler" has no noun-object frame
    assert find_quotes(fr("Le guide montre la cathédrale aux touristes.")) == []
    assert [q for q in find_quotes(fr("Marie a appelé son frère hier soir.")) if q.kind == "indirect"] == []


def test_english_frames(en):
    q = _one(find_quotes(en("The union accused the company of breaking the agreement.")), "indirect", "accused")
    assert q.content.text.startswith("the company")
    q = _one(find_quotes(en("The senator called for an independent inquiry into the deal.")), "indirect", "called")
    assert q.content.text.startswith("for an independent inquiry")


def test_headline_colon_and_joined_quotations(fr):
    quotes = find_quotes(fr("Emmanuel Macron : « Nous ne céderons rien sur les retraites »\n\n"
                            "« Le texte est prêt » et « le vote aura lieu jeudi », a déclaré Élisabeth Borne."))
    colon = [q for q in quotes if q.producer == "rule:quotes.direct_colon"]
    assert colon and colon[0].speaker_canonical == "Emmanuel Macron"
    joined = [q for q in quotes if q.content.text == "Le texte est prêt"]
    assert joined and joined[0].speaker_canonical == "Élisabeth Borne"


def test_embedded_post_speaks_for_its_author(en):
    doc = en("The rally drew thousands.\nWe will not be silenced. Join us on Saturday. "
             "— Jane Porter (@janeporter) October 3, 2017\n")
    q = _one(find_quotes(doc), "direct")
    assert q.content.text.startswith("We will not be silenced")
    assert q.speaker.text == "Jane Porter"


def test_pronouns_follow_gender_and_the_previous_speaker(fr):
    text = ("La ministre de la Santé, Agnès Martin, a reçu les syndicats. Le directeur de l'hôpital, Marc Lenoir, "
            "était présent. « Nous manquons de lits », a-t-il expliqué. « Des moyens arriveront », a-t-elle promis.")
    quotes = find_quotes(fr(text))
    assert _one(quotes, "direct", "expliqué").speaker_canonical == "Marc Lenoir"
    she = _one(quotes, "direct", "promis")
    assert she.speaker_canonical == "Agnès Martin"
    assert she.speaker_evidence is not None and "Agnès Martin" in she.speaker_evidence.text


def test_role_description_resolves_to_its_holder(fr):
    text = ("Jean Dubreuil, hydrologue à l'université de Lyon, suit le fleuve depuis vingt ans. "
            "« Le niveau n'a jamais été aussi bas », explique l'hydrologue.")
    q = _one(find_quotes(fr(text)), "direct", "explique")
    assert q.speaker.text == "l'hydrologue"
    assert q.speaker_canonical == "Jean Dubreuil"
    assert q.speaker_evidence is not None and q.speaker_evidence.text == "Jean Dubreuil"


def test_stance_with_pour(fr):
    q = _one(find_quotes(fr("Pour Amnesty International, ces arrestations violent le droit international.")),
             "according_to", "Pour")
    assert q.speaker_canonical == "Amnesty International"
    assert q.content.text.startswith("ces arrestations")
    assert find_quotes(fr("Pour la première fois, le fleuve a débordé en hiver.")) == []


def test_stance_of_a_group_with_pour(fr):
    quotes = find_quotes(fr("Pour certains économistes, la réforme arrive trop tard. "
                            "Pour d'autres, elle ne changera rien au chômage."))
    stances = [q for q in quotes if q.kind == "according_to"]
    assert [q.content.text[:14] for q in stances] == ["la réforme arr", "elle ne change"]
    assert "économistes" in stances[0].speaker.text


def test_comme_le_rapporte_and_reflexive_attribute(fr):
    q = _one(find_quotes(fr("Comme le rapporte le quotidien Le Soir, la ministre quittera ses fonctions en mai.")),
             "according_to", "rapporte")
    assert q.content.text.startswith("la ministre quittera")
    assert "Soir" in (q.speaker_canonical or q.speaker.text)
    q = _one(find_quotes(fr("Le ministre Paul Arnaud s'est dit prêt à négocier avec les syndicats.")), "indirect", "dit")
    assert q.content.text.startswith("prêt à négocier") and q.speaker_canonical == "Paul Arnaud"


# ---------------------------------------------------------------- issue 14, second pass


def test_quotation_in_a_speech_verbs_clause_is_the_subjects(fr):
    frag = [q for q in find_quotes(fr("Le député Paul Arnaud a qualifié la réforme de « catastrophe » devant la "
                                      "presse.")) if q.kind == "direct" and q.content.text == "catastrophe"]
    assert frag and frag[0].speaker_canonical == "Paul Arnaud"
    assert frag[0].cue is not None and "qualifié" in frag[0].cue.text
    # the verb still reports its whole clause: the fragment does not use up its cue
    quotes = find_quotes(fr("La ministre Claire Dubois a dénoncé une « provocation » inacceptable."))
    assert _one(quotes, "indirect", "dénoncé").content.text.startswith("une « provocation »")
    assert [q for q in quotes if q.kind == "direct" and q.content.text == "provocation"]
    # under a verb that is not one of speech, the writer's quotation marks attribute nothing
    assert find_quotes(fr("Le ministre visite la ville, qui vit « au jour le jour » depuis la crue.")) == []


def test_two_subjects_on_one_verb_take_the_nearest(fr):
    quotes = find_quotes(fr("Ceci après que le Premier ministre Jean Castel a qualifié la loi d'« erreur »."))
    assert quotes and all("Jean Castel" in (q.speaker_canonical or "") for q in quotes)


def test_faire_savoir_reports_speech(fr):
    q = _one(find_quotes(fr("Le ministre Paul Arnaud a fait savoir que le projet serait abandonné.")), "indirect",
             "savoir")
    assert q.content.text.startswith("que le projet") and q.speaker_canonical == "Paul Arnaud"


def test_description_before_the_name_and_in_apposition_before(fr):
    text = ("Les déclarations du Premier ministre polonais Jan Nowak ont surpris. Le Premier ministre polonais a "
            "dénoncé une « provocation ».\n\nMarc Lenoir, le patron de l'entreprise, a déclaré : « Nous "
            "fermerons l'usine. »")
    quotes = find_quotes(fr(text))
    q = _one(quotes, "indirect", "dénoncé")
    assert q.speaker_canonical == "Jan Nowak"
    assert q.speaker_evidence is not None and q.speaker_evidence.text == "Jan Nowak"
    assert _one(quotes, "direct", "déclaré").speaker_canonical == "Marc Lenoir"


def test_indefinite_description_introduces_someone_new(fr):
    text = ("Le Premier ministre polonais Jan Nowak a parlé mardi. Un ministre polonais a dénoncé une décision "
            "injuste. Le ministre polonais a dénoncé une provocation.")
    quotes = find_quotes(fr(text))
    assert _one(quotes, "indirect", "dénoncé").speaker_canonical != "Jan Nowak"  # "Un ministre…"
    assert [q for q in quotes if q.speaker and q.speaker.text == "Le ministre polonais"][0].speaker_canonical == \
        "Jan Nowak"


def test_indefinite_description_in_the_lede_is_the_person_named_next(fr):
    # delayed identification: the lede describes, the next paragraph names
    text = ("Un député norvégien a affirmé que la réforme était injuste.\n\nLars Haugen, député du Parti du centre, "
            "a écrit sur Facebook que la réforme était une erreur.\n\nLe vote divise le pays.\n\nUn élu local a "
            "affirmé que la réforme était utile.\n\nIngrid Solberg, élue du Parti du travail, a écrit sur Facebook "
            "que le vote aura lieu en juin.")
    quotes = find_quotes(fr(text))
    lede = [q for q in quotes if q.speaker and q.speaker.text.startswith("Un député")]
    assert lede and lede[0].speaker_canonical == "Lars Haugen"
    assert lede[0].speaker_evidence is not None and lede[0].speaker_evidence.text == "Lars Haugen"
    later = [q for q in quotes if q.speaker and q.speaker.text.startswith("Un élu")]
    assert later and later[0].speaker_canonical != "Ingrid Solberg"  # past the lede: someone new
    text = ("Une élue norvégienne a affirmé que la réforme était injuste.\n\nIngrid Solberg, directrice de "
            "l'institut Opinion, a écrit sur Facebook que le sondage était fiable.")
    lede = [q for q in find_quotes(fr(text)) if q.speaker and q.speaker.text.startswith("Une élue")]
    assert lede and lede[0].speaker_canonical is None  # the next paragraph describes someone else
    text = ("Des députés norvégiens ont affirmé que la réforme était injuste.\n\nLars Haugen, député du Parti du "
            "centre, a écrit sur Facebook que la réforme était une erreur.")
    lede = [q for q in find_quotes(fr(text)) if q.speaker and q.speaker.text.startswith("Des députés")]
    assert not lede or lede[0].speaker_canonical != "Lars Haugen"  # several people are not one


def test_ce_dernier_and_la_meme_source(fr):
    text = ("Claire Dubois a rencontré Paul Arnaud mardi. Ce dernier a dénoncé une réforme injuste.\n\n"
            "Selon le ministère de l'Intérieur, trois personnes ont été arrêtées. Selon la même source, "
            "deux d'entre elles ont été relâchées.")
    quotes = find_quotes(fr(text))
    assert _one(quotes, "indirect", "dénoncé").speaker_canonical == "Paul Arnaud"
    same = [q for q in quotes if q.kind == "according_to" and q.speaker and "même source" in q.speaker.text]
    assert same and same[0].speaker_canonical and "Intérieur" in same[0].speaker_canonical


def test_opening_source_document_and_passive_agent(fr):
    q = _one(find_quotes(fr("Dans un communiqué publié lundi, la préfecture ferme la route jusqu'à jeudi.")),
             "according_to", "Dans")
    assert q.content.text.startswith("la préfecture ferme")
    q = _one(find_quotes(fr("Cet argument a été rejeté par l'OTAN la semaine dernière.")), "indirect", "rejeté")
    # *l'OTAN*, written with its article, is spelt out (``entities._spelt_out``, session 42)
    assert q.content.text.startswith("Cet argument") \
        and q.speaker_canonical == "Organisation du traité de l'Atlantique nord (OTAN)"


def test_post_relaying_a_report_keeps_its_own_sentence(en):
    doc = en("The rally drew thousands.\nUPDATE: This is the record of the call. The caller reported she was "
             "attacked at home. — Jane Porter (@janeporter) October 3, 2017\n")
    quotes = find_quotes(doc)
    post = _one(quotes, "direct")
    assert post.content.text == "UPDATE: This is the record of the call"
    assert _one(quotes, "indirect", "reported").speaker.text == "The caller"


def test_framed_content_stops_at_a_coordinated_clause_with_its_own_subject(en):
    q = _one(find_quotes(en("The senator has praised the new law, but the governor says it will fail.")),
             "indirect", "praised")
    assert "governor" not in q.content.text


def test_clause_content_stops_at_a_second_joined_report(fr):
    text = ("Jan Nowak a déclaré que la Russie devrait verser une indemnisation à l’Ukraine, tandis que Marc "
            "Lenoir a affirmé que le président russe est « plus dangereux » que ses prédécesseurs.\n\n"
            "Le ministre a souligné que, si on ne s’y oppose pas, la Russie ne s’arrêtera pas à Kiev.")
    quotes = find_quotes(fr(text))
    first = _one(quotes, "indirect", "déclaré")
    assert first.speaker_canonical == "Jan Nowak"
    assert "Lenoir" not in first.content.text and first.content.text.endswith("l’Ukraine")
    assert "Kiev" in _one(quotes, "indirect", "souligné").content.text  # a clause before the verb stays in


def test_stance_with_for_in_english(en):
    q = _one(find_quotes(en("For Amnesty International, the arrests violate international law.")), "according_to",
             "For")
    assert q.speaker_canonical == "Amnesty International" and q.content.text.startswith("the arrests")
    assert find_quotes(en("For the first time, the river flooded in winter.")) == []


def test_pull_quote_takes_the_speaker_of_the_quotation_it_repeats(fr):
    text = ("« Nous ne fermerons aucune école cette année »\n\nLa rentrée s'annonce tendue. « Nous ne fermerons "
            "aucune école cette année », a déclaré la ministre Claire Dubois.")
    quotes = find_quotes(fr(text))
    pull = [q for q in quotes if q.producer == "rule:quotes.direct_repeated"]
    assert pull and pull[0].content.start < 5 and pull[0].speaker_canonical == "Claire Dubois"
    assert quotes == sorted(quotes, key=lambda q: q.content.start)


def test_pull_quote_after_an_attributed_quote_and_a_speakers_turn(fr):
    # a pull quote set on its own line after someone else's quotation is not a continuation of it;
    # an unattributed quotation after another person's speech verb is that person's turn
    text = ("« La situation est grave pour toute la région », insiste Paolo Rossi, directeur de l'association.\n\n"
            "    « On oublie que cette eau est précieuse » \n\n"
            "La sécheresse dure depuis des mois.\n\n« Il faut mieux gérer l'eau », estime Luca Verdi, agronome. "
            "Marco Bianchi ajoute un changement culturel. Il faut apprendre à économiser. « On oublie que cette "
            "eau est précieuse. »")
    quotes = find_quotes(fr(text))
    pull = [q for q in quotes if q.content.text.startswith("On oublie") and q.content.start < 120]
    assert pull and pull[0].producer == "rule:quotes.direct_repeated" and pull[0].speaker_canonical == "Marco Bianchi"
    turn = [q for q in quotes if q.content.text.startswith("On oublie") and q.content.start > 120]
    assert turn and turn[0].speaker_canonical == "Marco Bianchi" and turn[0].cue.text == "ajoute"


def test_pronoun_antecedent_is_the_name_in_apposition_to_a_role_subject(fr):
    text = ("Jean Moreau a rencontré Paul Arnaud mardi.\n\nLe porte-parole de Jean Moreau, Luc Girard, s’est exprimé "
            "sur cette rencontre lundi.\n\nSelon lui, l’ancien ministre aurait donné des conseils au candidat "
            "pendant cet échange.")
    q = _one(find_quotes(fr(text)), "according_to")
    assert q.speaker.text == "lui" and q.speaker_canonical == "Luc Girard"  # not Jean Moreau, named in the complement


def test_gerund_reports_for_the_main_subject(fr, en):
    q = _one(find_quotes(fr("Le ministre Paul Arnaud a quitté la salle en affirmant que le texte était mort.")),
             "indirect", "affirmant")
    assert q.content.text.startswith("que le texte") and q.speaker_canonical == "Paul Arnaud"
    q = _one(find_quotes(en("Judge Patti Saris ruled after concluding that the detention violated his rights.")),
             "indirect", "concluding")
    assert q.content.text.startswith("that the detention") and "Saris" in (q.speaker_canonical or "")
    assert [q for q in find_quotes(fr("Les personnes affirmant le contraire sont rares.")) if q.kind == "indirect"] == []


def test_quotation_under_a_passive_speech_verb_is_not_its_subjects(fr):
    quotes = find_quotes(fr("Les habitants de la région seraient menacés de « génocide » selon Moscou."))
    assert not [q for q in quotes if q.producer == "rule:quotes.direct_fragment" and q.speaker
                and "habitants" in q.speaker.text]


def test_capitalised_title_before_a_name_lets_the_description_find_its_holder(en):
    text = ("The special counsel submitted his report to U.S. Attorney General Jane Porter on Friday.\n\n"
            "Porter will review the report this weekend.\n\n"
            "\u201cI am reviewing the report and will advise you soon,\u201d the attorney general wrote.")
    from recoupe.analysis.quotes.coreference import descriptions
    from recoupe.analysis.quotes.index import entity_index

    doc = en(text)
    porter = next(e for e in entity_index(doc).entities if e.canonical == "Jane Porter")
    assert any("Attorney General" in d for d in descriptions(doc, porter))
    q = _one(find_quotes(doc), "direct", "wrote")
    assert q.speaker.text == "the attorney general"
    assert q.speaker_canonical == "Jane Porter"


def test_coordinated_speech_verbs_share_the_subject_before_the_quotation(en):
    text = ("In a statement, Manafort called the story \u201ctotally false and deliberately libelous\u201d "
            "and said he was considering his legal options.")
    q = _one(find_quotes(en(text)), "direct", "said")
    assert "Manafort" in q.speaker.text


def test_subject_of_an_elliptical_comparison_is_no_antecedent(en):
    from recoupe.analysis.quotes.coreference import Discourse

    text = ("Ms. Broaddrick has also lashed out at Sen. Dick Durbin, who voted not guilty, "
            "as did Ms. Dianne Feinstein.")
    subjects = [ref.canonical for _, ref in Discourse(en(text)).subjects]
    assert any("Broaddrick" in s for s in subjects)
    assert not any("Feinstein" in s for s in subjects)


def test_speaker_phrase_names_its_head_before_a_name_in_its_apposition(en):
    text = ("Marc Lenoir staffer caught on video\n\nStaffers working for candidate Marc Lenoir were filmed.\n"
            "Paul Martin, a Lenoir campaign staffer, says that the promises will never happen.")
    q = _one(find_quotes(en(text)), "indirect", "says")
    assert q.speaker_canonical == "Paul Martin"  # not Marc Lenoir, whom the report lists first


def test_people_inside_reported_words_do_not_take_the_turn(en):
    text = ("Paul Martin, a campaign staffer, says on video that if Marc Lenoir is elected, nothing will change. "
            "He says that \u201cthat\u2019s not for voters to know.\u201d")
    q = next(q for q in find_quotes(en(text)) if "voters to know" in q.content.text)
    assert q.speaker.text == "He" and q.speaker_canonical == "Paul Martin"


def test_pronoun_antecedent_comes_before_the_pronoun(en):
    text = ("\u201cThe rules in this state are broken,\u201d Paul Martin says.\n"
            "He points to the promises Marc Lenoir has made, admitting they are lies.")
    q = _one(find_quotes(en(text)), "indirect", "admitting")
    assert q.speaker.text == "He" and q.speaker_canonical == "Paul Martin"


# ---------------------------------------------------------------- ninth pass (French quote recall)


def test_framed_complement_before_the_quotation_it_announces(fr):
    doc = fr("La directrice de l'hôpital, Anne Moreau, s'est fermement opposée à la fermeture du service : "
             "« Nous perdrions nos meilleurs soignants en quelques mois. »")
    quotes = find_quotes(doc)
    framed = [q for q in quotes if q.kind == "indirect" and q.content.text.startswith("à la fermeture")]
    assert framed and framed[0].content.text == "à la fermeture du service"
    assert framed[0].speaker_canonical == "Anne Moreau"
    assert any(q.kind == "direct" and q.content.text.startswith("Nous perdrions") for q in quotes)


def test_collective_head_speaks_through_its_complement(fr):
    doc = fr("Une centaine d'économistes ont dénoncé la réforme des retraites dans une tribune.")
    q = _one(find_quotes(doc), "indirect", "dénoncé")
    assert q.content.text.startswith("la réforme des retraites")
    assert q.speaker.text == "Une centaine d'économistes"


def test_time_word_before_a_relative_pronoun_is_no_antecedent(fr):
    doc = fr("Le ministère cite des études publiées ce mardi qui montrent une forte baisse des ventes.")
    q = _one(find_quotes(doc), "indirect", "montrent")
    assert q.speaker.text == "des études" and q.content.text == "une forte baisse des ventes"


def test_quoted_fragment_under_an_infinitive_takes_the_controlling_subject(fr):
    doc = fr("Le maire de Lyon, Paul Girard, devra bientôt choisir entre réduire « d'au moins un tiers » le "
             "budget culturel ou augmenter les impôts.")
    q = next((q for q in find_quotes(doc) if q.kind == "direct" and q.content.text.startswith("d'au moins")), None)
    assert q is not None and q.speaker_canonical == "Paul Girard"


def test_causative_faire_dire_a_gives_the_speaker(fr):
    doc = fr("Les commandes ont chuté de moitié en un an. Ce qui fait dire à Julien Lefort que la filière "
             "traverse « une crise sans précédent ».")
    quotes = [q for q in find_quotes(doc) if q.cue is not None and "dire" in q.cue.text]
    assert quotes and all(q.speaker_canonical == "Julien Lefort" for q in quotes)


def test_no_inverted_subject_after_an_infinitive(fr):
    doc = fr("Pour accuser la Russie de tricher sur ses livraisons de gaz, il faudra des preuves solides.")
    assert not [q for q in find_quotes(doc) if q.speaker is not None and "Russie" in q.speaker.text]



# ---------------------------------------------------------------- speakers, issue 14 (s14sp pass)


def test_past_tense_tagged_as_participle_is_finite(en):
    # the tagger sometimes reads a simple past as a participle (VBN); with an active subject of its own
    # and no auxiliary it is the past tense, and its clause can attribute a quotation
    from spacy.tokens import Doc

    from recoupe.analysis.quotes.syntax import finite

    words = ["Corrigan", "tweeted", "Thursday", ":", "the", "plan", "approved", "by", "the", "council"]
    doc = Doc(en.vocab, words=words, tags=["NNP", "VBN", "NNP", ":", "DT", "NN", "VBN", "IN", "DT", "NN"],
              deps=["nsubj", "ROOT", "npadvmod", "punct", "det", "appos", "acl", "agent", "det", "pobj"],
              heads=[1, 1, 1, 1, 5, 1, 5, 6, 9, 7])
    assert finite(doc[1])
    assert not finite(doc[6])  # a participle qualifying a noun stays non-finite


def test_time_adjunct_between_speech_verb_and_colon(en, fr):
    # "Monday" / "mardi soir" between the verb and the colon say when, not to whom
    from recoupe.analysis.quotes.direct import SpanSet, _attribution_before

    for nlp, text, verb in ((en, 'Helen Corrigan posted Monday: "We will publish every contract."', "posted"),
                            (fr, "Marc Lefèvre a déclaré mardi soir : « Nous publierons chaque contrat. »",
                             "déclaré")):
        doc = nlp(text)
        spans = quoted_spans(doc)
        found = _attribution_before(doc, spans[0][0], "en" if nlp is en else "fr", SpanSet(spans))
        assert found is not None and found.text == verb
    doc = en('Helen Corrigan posted the photo of the hall: "We will publish every contract."')
    spans = quoted_spans(doc)
    assert _attribution_before(doc, spans[0][0], "en", SpanSet(spans)) is None  # an object is no time adjunct


def test_definite_description_in_the_lede_is_the_person_who_speaks_next(en):
    # delayed identification with a definite article: nobody earlier holds the description; the
    # first person of the next paragraph who speaks there is named (people named before are passed over)
    text = ("Former Firefighter Sues City Over Pension\n\n"
            "The former firefighter dismissed by the city council after an audit filed a lawsuit on Monday "
            "against Mayor Helen Corrigan. The ex-firefighter is alleging that the audit was rigged.\n"
            "Helen Corrigan and the council approved the audit in March, while Marcus Oduya lost his job. "
            "Oduya says that the audit ignored his records.")
    quotes = find_quotes(en(text))
    lede = [q for q in quotes if q.speaker and q.speaker.text == "The ex-firefighter"]
    assert lede and "Oduya" in (lede[0].speaker_canonical or "")
    assert lede[0].speaker_evidence is not None and "Oduya" in lede[0].speaker_evidence.text


def test_definite_description_of_a_titled_person_is_not_identified_later(en):
    # "the bishop" after "Bishop Anselm Grey" in the title refers back, it introduces nobody
    text = ("Bishop Anselm Grey Criticised Over Parish Closures\n\n"
            "Asked about the closures, the bishop said that the decision was final.\n"
            "Parishioner Marcus Oduya says that nobody was consulted.")
    quotes = find_quotes(en(text))
    lede = [q for q in quotes if q.speaker and q.speaker.text == "the bishop"]
    assert lede and lede[0].speaker_canonical != "Marcus Oduya"


def test_possessive_description_is_resolved_through_its_possessor(en, fr):
    text = ("Helen Corrigan accused the council of hiding the audit.\n"
            "Her son posted on Facebook that the audit had been rigged.\n"
            "He said that the family would sue.")
    quotes = find_quotes(en(text))
    son = [q for q in quotes if q.speaker and q.speaker.text == "Her son"]
    assert son and son[0].speaker_canonical == "Helen Corrigan's son"
    assert son[0].speaker_evidence is not None and son[0].speaker_evidence.text == "Helen Corrigan"
    he = [q for q in quotes if q.speaker and q.speaker.text == "He"]
    assert he and he[0].speaker_canonical == "Helen Corrigan's son"  # a man: "He" is the son, not her
    text = ("Marc Lefèvre a été condamné mardi à deux ans de prison.\n"
            "Son avocat a déclaré que le jugement serait frappé d'appel.")
    quotes = find_quotes(fr(text))
    lawyer = [q for q in quotes if q.speaker and q.speaker.text.startswith("Son avocat")]
    assert lawyer and lawyer[0].speaker_canonical == "avocat de Marc Lefèvre"
    # the writer's or the reader's possessive names nobody of the article
    quotes = find_quotes(en("Helen Corrigan accused the council.\nOur poll shows that voters agree with her."))
    assert not any(q.speaker_canonical and "Corrigan's" in q.speaker_canonical for q in quotes)


# ---------------------------------------------------------------- tokenizer and addressee (issue 14, s14src)


def test_colon_glued_to_the_quotation_still_gives_the_speaker(en, fr):
    """``said:“We're …``: the colon and the opening mark are split off, so the verb introduces the
    quotation; offsets stay those of the original text."""
    text = 'The harbour master Tomas Reilly said:“We\'re closing the pier until the storm passes.”'
    doc = en(text)
    assert [t.text for t in doc[5:8]] == ["said", ":", "“"]
    q = _one(find_quotes(doc), "direct")
    assert "Reilly" in (q.speaker_canonical or "")
    assert text[q.content.start : q.content.end] == q.content.text
    doc = fr("La maire Odile Ferrand a déclaré:«Nous rouvrirons la piscine au printemps prochain.»")
    assert "déclaré" in [t.text for t in doc] and "«" in [t.text for t in doc]
    assert [t.text for t in en("The meeting starts at 10:30 today.")][4] == "10:30"


def test_english_article_a_is_not_an_addressee(en):
    """*posted a photo of the hall: "…"*: the unaccented French *a* (for *à*) is not read in English,
    so the verb does not introduce the quotation as if it named to whom it was said."""
    from recoupe.analysis.quotes.direct import _ADDRESSEE

    assert _ADDRESSEE["fr"].match("a la presse :") and _ADDRESSEE["en"].match("to reporters:")
    assert not _ADDRESSEE["en"].match("a photo of the hall:")


# -- issue 14, direct quotes that generalise (invented sentences) -----------------------------------


def test_quotation_after_an_incise_placed_before_it(fr):
    """*…, nous assure-t-elle, « … »*: the incise's inverted clitic stands between the verb and the
    quotation, which the verb still introduces."""
    doc = fr("La maire Claire Morel veut agir. Mais, nous assure-t-elle, « les travaux ne commenceront pas "
             "avant l'été prochain ».")
    q = next(q for q in find_quotes(doc) if q.kind == "direct")
    assert q.content.text.startswith("les travaux ne commenceront")
    assert q.speaker_canonical == "Claire Morel"


def test_quotation_that_is_the_whole_que_clause(fr):
    """*X déclare ensuite que « … »*: the complementizer and an adverb between the verb and the
    quotation; the verb introduces it (not only as a fragment of a reported clause)."""
    doc = fr("Le ministre Paul Durand a parlé. Le ministre déclare ensuite que « la réforme est enterrée "
             "pour de bon ».")
    q = next(q for q in find_quotes(doc) if q.kind == "direct")
    assert q.producer == "rule:quotes.direct_before"
    assert q.speaker_canonical == "Paul Durand"


def test_quotation_introduced_by_a_participle_speaks_for_the_main_subject(fr):
    """*X a critiqué le budget, ajoutant : « … »*: the participle has no subject of its own; the main
    clause's subject speaks, and the participle is the cue."""
    doc = fr("La sénatrice Anne Roussel a critiqué le budget, ajoutant : « Nous ne voterons jamais ce texte "
             "en l'état. »")
    q = next(q for q in find_quotes(doc) if q.kind == "direct")
    assert q.producer == "rule:quotes.direct_before"
    assert q.cue is not None and q.cue.text.endswith("ajoutant")
    assert q.speaker_canonical == "Anne Roussel"


def test_question_complementizer_does_not_introduce_a_quotation(fr):
    """*Il se demande si « … »*: a question word is not a reported statement's complementizer."""
    from recoupe.analysis.quotes.direct import _que_between

    doc = fr("Le maire Jean Petit se demande si « la route sera prête à temps ».")
    verb = next(t for t in doc if t.lower_ == "demande")
    opening = next(t for t in doc if t.text == "«")
    assert not _que_between(doc, verb.i + 1, opening.i, "fr")
    doc = fr("Le maire Jean Petit répète que « la route sera prête à temps ».")
    verb = next(t for t in doc if t.lower_ == "répète")
    opening = next(t for t in doc if t.text == "«")
    assert _que_between(doc, verb.i + 1, opening.i, "fr")


def test_comme_incise_inside_the_sentence_vouches_for_all_of_it(fr):
    """*A et, comme l'écrit X, B*: the incise sits inside the sentence; what X wrote includes what
    follows it (before this, only *A* was kept)."""
    doc = fr("Le maire Jean Petit est parti à Rome lundi et, comme l'écrit le quotidien La Voix du Nord, pour "
             "y négocier un accord sur le port.")
    q = next(q for q in find_quotes(doc) if q.kind == "according_to")
    assert "négocier un accord" in q.content.text
    assert q.speaker_canonical == "La Voix du Nord"
    doc = fr("Le maire Jean Petit est parti à Rome lundi pour négocier, comme l'a écrit le quotidien La Voix du Nord.")
    q = next(q for q in find_quotes(doc) if q.kind == "according_to")
    assert q.content.text.startswith("Le maire") and "comme" not in q.content.text


def test_a_quoted_name_is_not_a_fragment_of_speech(fr):
    """*a dénoncé un article du « Morning Herald »*: every word capitalised, a name (a newspaper, a
    book); the speech verb's fragment rule keeps real fragments (*un « véritable scandale d'État »*)."""
    from recoupe.analysis.quotes.direct import _a_name

    doc = fr("Le ministre Paul Durand a dénoncé un article du « Morning Herald » sur la réforme.")
    assert not [q for q in find_quotes(doc) if q.kind == "direct"]
    doc = fr("Le ministre Paul Durand a dénoncé un « véritable scandale d'État » lundi.")
    q = next(q for q in find_quotes(doc) if q.kind == "direct")
    assert q.content.text == "véritable scandale d'État" and q.speaker_canonical == "Paul Durand"
    assert _a_name("Le Journal du Soir") and _a_name("Courrier du Nord")
    assert not _a_name("Nous Gagnerons.") and not _a_name("massacre") and not _a_name("une Europe forte")
