"""The models read an article paragraph by paragraph (``recoupe.analysis.parse``): a title without
a full stop, or a paragraph ending on a quotation, no longer runs into the next paragraph's first
sentence, and nothing else about the Doc changes. Texts written for the tests."""

from __future__ import annotations

TITLED = ("Grève dans les transports : la direction ne cède pas\n\n"
          "Le directeur général a assuré lundi que le service minimum serait garanti\n"
          "« Nous tiendrons », a-t-il ajouté devant les élus\r\n\r\n"
          "Les syndicats de cheminots, eux, appellent à poursuivre le mouvement jusqu'à vendredi.")


def test_no_sentence_runs_over_a_line_break(fr):
    doc = fr(TITLED)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences and all("\n" not in s for s in sentences), sentences
    assert any(s.startswith("Le directeur général") for s in sentences), sentences


def test_the_text_tokens_and_offsets_are_the_tokenizers(fr):
    doc = fr(TITLED)
    assert doc.text == TITLED
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in fr.make_doc(TITLED)]
    assert doc.ents and all(TITLED[e.start_char:e.end_char] == e.text for e in doc.ents)
    heads_inside = all(TITLED.rfind("\n", 0, t.idx) == TITLED.rfind("\n", 0, t.head.idx)
                       for t in doc if not t.is_space)
    assert heads_inside  # no dependency arc crosses a line break


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
    assert len(list(fr.pipe(["", "Un mot.", TITLED]))) == 3


def test_pieces_cover_the_text_and_end_after_their_line_breaks():
    from recoupe.analysis.parse import paragraph_pieces

    text = "Titre\n\nPremier paragraphe.\r\nSecond paragraphe.\n   \nFin"
    pieces = paragraph_pieces(text)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert [text[s:e] for s, e in pieces] == ["Titre\n\n", "Premier paragraphe.\r\n", "Second paragraphe.\n   \n", "Fin"]
    assert paragraph_pieces("") == [] and paragraph_pieces("\n\n") == [(0, 2)]
    long = ("mot " * 40 + "\n") * 10
    assert all(e - s <= 100 for s, e in paragraph_pieces(long.replace("\n", " "), size=100))
