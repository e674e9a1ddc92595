"""The models read an article paragraph by paragraph (``recoupe.analysis.parse``): a title without
a full stop, or a paragraph ending on a quotation, no longer runs into the next paragraph's first
sentence, and nothing else about the Doc changes. Texts written for the tests."""

from __future__ import annotations

TITLED = ("Grève dans les transports : la direction ne cède pas\n\n"
          "Le directeur général a assuré lundi que le service minimum serait garanti\n"
          "« Nous tiendrons », a-t-il promis aux usagers\r\n\r\n"
          "Les syndicats de cheminots, eux, appellent à poursuivre le mouvement jusqu'à vendredi.")


def test_no_sentence_runs_over_a_line_break(fr):
    doc = fr(TITLED)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences and all("\n" not in s for s in sentences), sentences
    assert any(s.startswith("Le directeur général") for s in sentences), sentences


def _parse_of(doc) -> list[tuple]:
    return [(t.idx, t.text, t.dep_, t.head.idx, t.pos_, t.lemma_, t.ent_type_, t.ent_iob_, bool(t.is_sent_start))
            for t in doc]


def test_the_text_tokens_and_offsets_are_the_tokenizers(fr):
    doc = fr(TITLED)
    assert doc.text == TITLED
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in fr.make_doc(TITLED)]
    heads_inside = all(TITLED.rfind("\n", 0, t.idx) == TITLED.rfind("\n", 0, t.head.idx)
                       for t in doc if not t.is_space)
    assert heads_inside  # no dependency arc crosses a line break


def test_each_paragraph_is_parsed_as_if_alone(fr):
    """The joined Doc carries, shifted by the paragraph's offset, exactly the parse and the entities each
    paragraph gets on its own: nothing lost, duplicated or moved at a join."""
    from recoupe.analysis.parse import paragraph_pieces

    doc = fr(TITLED)
    alone = []
    for start, end in paragraph_pieces(TITLED):
        piece = fr(TITLED[start:end])
        alone += [(i + start, text, dep, h + start, *rest) for i, text, dep, h, *rest in _parse_of(piece)]
    assert _parse_of(doc) == alone
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start_char + s, e.end_char + s, e.label_) for s, e_ in paragraph_pieces(TITLED) for e in fr(TITLED[s:e_]).ents]


def test_one_text_one_parse_whichever_the_entry_point(fr):
    from recoupe import guard

    whole = _parse_of(fr(TITLED))
    assert _parse_of(next(fr.pipe([TITLED, "Un autre texte."]))) == whole
    # long texts are tokenized in sections (cut at a line break) before the same pipeline runs
    assert _parse_of(guard.parse(fr, TITLED, size=60)) == whole


def test_the_speech_verb_of_a_paragraph_keeps_its_own_subject(fr):
    quotes = fr(TITLED)._.quotes
    assured = next(q for q in quotes if q.cue is not None and "assuré" in q.cue.text)
    assert assured.speaker.text == "Le directeur général"
    appeal = next(q for q in quotes if "poursuivre le mouvement" in q.content.text)
    assert appeal.speaker.text.startswith("Les syndicats")


def test_context_set_before_the_call_survives_the_join(fr):
    doc = fr.make_doc(TITLED)
    doc._.recoupe_title = "Un titre"
    doc._.recoupe_paragraphs = [(0, 52)]
    out = fr(doc)
    assert out._.recoupe_title == "Un titre" and out._.recoupe_paragraphs == [(0, 52)]


def test_the_models_stay_in_the_pipeline_run_from_one_component(fr):
    from recoupe.analysis.parse import PARAGRAPH_PARSE

    component = fr.get_pipe(PARAGRAPH_PARSE)
    assert component.pipes and set(component.pipes) <= set(fr.disabled)
    assert fr.pipe_names[0] == PARAGRAPH_PARSE and "parser" in component.pipes
    assert [d.text for d in fr.pipe(["", "\n\n", "Un mot.", TITLED])] == ["", "\n\n", "Un mot.", TITLED]


def test_what_was_set_on_the_doc_before_keeps_its_place(fr):
    doc = fr.make_doc(TITLED)
    doc.spans["marques"] = [doc[0:1], doc[-2:]]
    doc.cats = {"dépêche": 1.0}
    out = fr(doc)
    assert [s.text for s in out.spans["marques"]] == [doc[0:1].text, doc[-2:].text]
    assert out.cats == {"dépêche": 1.0}


def test_pieces_cover_the_text_and_end_after_their_line_breaks():
    from recoupe.analysis.parse import paragraph_pieces

    text = "Titre\n\nPremier paragraphe.\r\nSecond paragraphe.\n   \nFin"
    pieces = paragraph_pieces(text)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert [text[s:e] for s, e in pieces] == ["Titre\n\n", "Premier paragraphe.\r\n", "Second paragraphe.\n   \n", "Fin"]
    assert paragraph_pieces("") == [] and paragraph_pieces("\n\n") == [(0, 2)]
    long = ("mot " * 40 + "\n") * 10
    assert all(e - s <= 100 for s, e in paragraph_pieces(long.replace("\n", " "), size=100))
