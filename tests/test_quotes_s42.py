"""Session 42: a line of links or a list item opened by a mark (*> X : « … »*, *>> X :*, *• X :*) names its speaker
after the mark, not the mark, nor the rubric after it (*VIDÉO. X :*). Sentences written for these tests; the tests
fail on the commit before the change (the speaker was *>* or the rubric), the guard passes on it."""

from __future__ import annotations

import pytest

from recoupe import Analyzer, AnalyzerConfig

_analyzer = Analyzer(AnalyzerConfig(genre=False, persuasion=False, credibility=False))


def _quotes(text):
    return next(iter(_analyzer.findings_many([text], lang="fr"))).quotes


@pytest.mark.parametrize("mark", [">", ">>", "•"])
def test_a_mark_opening_a_headline_line_is_not_the_speaker(mark):
    text = (f"Le congrès du parti s'ouvre samedi à Tours.\nÀ LIRE AUSSI :\n\n{mark} Rachida Dati : « Cette affaire est "
            "un scandale d'État »\nLa suite du programme sera connue lundi.")
    quotes = [q for q in _quotes(text) if q.content.text.startswith("Cette affaire")]
    assert quotes and quotes[0].speaker.text == "Rachida Dati", [(q.content.text, q.speaker and q.speaker.text)
                                                                 for q in _quotes(text)]
    assert quotes[0].speaker_canonical == "Rachida Dati"


def test_a_line_without_a_mark_is_read_as_before():
    text = ("Le congrès du parti s'ouvre samedi à Tours.\nRachida Dati : « Cette affaire est un scandale d'État »\n"
            "La suite du programme sera connue lundi.")
    quotes = [q for q in _quotes(text) if q.content.text.startswith("Cette affaire")]
    assert quotes and quotes[0].speaker_canonical == "Rachida Dati"


@pytest.mark.parametrize("line", [
    "> INFO FRANCE 2. Rachida Dati : « Cette affaire est un scandale d'État »",
    "VIDÉO. Rachida Dati : « Cette affaire est un scandale d'État »",
    "> VIDÉO - Rachida Dati : « Cette affaire est un scandale d'État »",
])
def test_a_rubric_opening_the_line_is_not_the_speaker(line):
    # the second review's: past the mark, the rubric's words name no one
    quotes = [q for q in _quotes(f"Le congrès du parti s'ouvre samedi à Tours.\n{line}\nLa suite sera connue lundi.")
              if q.content.text.startswith("Cette affaire")]
    assert quotes and quotes[0].speaker_canonical == "Rachida Dati", [(q.speaker and q.speaker.text)
                                                                      for q in quotes]
