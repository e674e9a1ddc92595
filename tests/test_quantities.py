"""find_quantities on made-up French and English sentences."""

from __future__ import annotations

import pytest

from recoupe.analysis.quantities import find_quantities, parse_number


def _by_text(text: str, lang: str) -> dict[str, object]:
    found = find_quantities(text, lang)
    for q in found:
        assert text[q.start : q.end] == q.text
    return {q.text: q for q in found}


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("274.000", "fr", 274000),
        ("1 250 000", "fr", 1250000),
        ("1\u202f250", "fr", 1250),
        ("1\u00a0250,5", "fr", 1250.5),
        ("3,75", "fr", 3.75),
        ("1,250", "en", 1250),
        ("12.5", "en", 12.5),
        ("1.234.567,8", "fr", 1234567.8),
        ("1,234,567.8", "en", 1234567.8),
    ],
)
def test_parse_number(text, lang, value):
    assert parse_number(text, lang) == pytest.approx(value)


def test_french_money_forms():
    text = (
        "La mairie a versé 12 millions d'euros à la régie, puis 350.000 euros en prime, "
        "3,2 milliards de dollars canadiens, 15 M€ et 2 Mds$ ; le club a reçu 80\u202f000 € "
        "et des millions de dollars."
    )
    q = _by_text(text, "fr")
    assert (q["12 millions d'euros"].value, q["12 millions d'euros"].currency) == (12e6, "EUR")
    assert (q["350.000 euros"].value, q["350.000 euros"].currency) == (350000, "EUR")
    assert (q["3,2 milliards de dollars canadiens"].value, q["3,2 milliards de dollars canadiens"].currency) == (3.2e9, "CAD")
    assert q["15 M€"].value == 15e6
    assert (q["2 Mds$"].value, q["2 Mds$"].currency) == (2e9, "USD")
    assert q["80\u202f000 €"].value == 80000
    vague = q["des millions de dollars"]
    assert vague.kind == "money" and vague.value is None and vague.currency == "USD"


def test_english_money_forms():
    text = "The agency paid $3.5 million, then £20m, €1.2bn and 40,000 dollars to a contractor."
    q = _by_text(text, "en")
    assert (q["$3.5 million"].value, q["$3.5 million"].currency) == (3.5e6, "USD")
    assert (q["£20m"].value, q["£20m"].currency) == (20e6, "GBP")
    assert (q["€1.2bn"].value, q["€1.2bn"].currency) == (1.2e9, "EUR")
    assert q["40,000 dollars"].value == 40000


def test_billion_means_different_things():
    assert _by_text("Un billion d'euros de dette.", "fr")["Un billion d'euros"].value == 1e12
    assert _by_text("A billion euros of debt.", "en")["A billion euros"].value == 1e9


def test_percentages():
    q = _by_text("Le taux passe de 7,5 % à 9 pour cent, soit 1,5 point de pourcentage.", "fr")
    assert q["7,5 %"].kind == "percent" and q["7,5 %"].value == 7.5
    assert q["9 pour cent"].value == 9
    assert q["1,5 point de pourcentage"].unit == "percentage point"
    assert _by_text("Turnout hit 62.3% in the county.", "en")["62.3%"].value == 62.3


def test_dates_and_years():
    text = "Signé le 3 février 2021 à Lyon, revu en novembre 2022, appliqué depuis 2023 et le 14 juillet."
    q = _by_text(text, "fr")
    assert q["3 février 2021"].date == "2021-02-03"
    assert q["novembre 2022"].date == "2022-11"
    assert (q["2023"].kind, q["2023"].date, q["2023"].value) == ("year", "2023", 2023)
    assert q["14 juillet"].date == "--07-14"
    q = _by_text("It opened on March 4, 2019, closed in October 2020 and reopened 1er janvier 2021.", "en")
    assert q["March 4, 2019"].date == "2019-03-04"
    assert q["October 2020"].date == "2020-10"
    assert _by_text("Le 1er janvier 2021, rien.", "fr")["1er janvier 2021"].date == "2021-01-01"


def test_numeric_dates_follow_language_order():
    assert _by_text("Paru le 05/04/2020.", "fr")["05/04/2020"].date == "2020-04-05"
    assert _by_text("Released 05/04/2020.", "en")["05/04/2020"].date == "2020-05-04"
    assert _by_text("Released 2020-04-05.", "en")["2020-04-05"].date == "2020-04-05"


def test_english_may_is_a_month_only_when_capitalised():
    q = _by_text("Prices may rise in May 2024.", "en")
    assert list(q) == ["May 2024"]


def test_quantities_durations_ordinals():
    text = "La ville compte 45 000 habitants, 12 km de pistes, a grandi pendant trois ans et arrive 2e, loin du premier."
    q = _by_text(text, "fr")
    assert (q["45 000 habitants"].value, q["45 000 habitants"].unit) == (45000, "habitants")
    assert (q["12 km"].value, q["12 km"].unit) == (12, "km")
    assert (q["trois ans"].kind, q["trois ans"].value, q["trois ans"].unit) == ("duration", 3, "year")
    assert (q["2e"].kind, q["2e"].value) == ("ordinal", 2)
    assert q["premier"].value == 1
    assert _by_text("Il y a vécu deux ans et demi.", "fr")["deux ans et demi"].value == 2.5
    q = _by_text("The plant is the 3rd largest and employs 1,200 workers over 10 years.", "en")
    assert q["3rd"].value == 3 and q["1,200 workers"].value == 1200 and q["10 years"].unit == "year"


def test_titles_and_codes_are_not_numbers():
    assert _by_text("Le Premier ministre a parlé de la 5G et du COVID-19 à 14h30.", "fr") == {}
    assert _by_text("Shots were heard between 10:05 and 10:15 p.m.", "en") == {}


def test_offsets_and_order():
    text = "En 2019, 1,5 milliard d'euros ; en 2020, 2 %."
    found = find_quantities(text, "fr")
    assert [q.text for q in found] == ["2019", "1,5 milliard d'euros", "2020", "2 %"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_elliptic_amount_takes_nearby_currency():
    q = _by_text("Le budget passe de 1,4 milliard à 2 milliards d'euros. Il vise 3 milliards.", "fr")
    assert (q["1,4 milliard"].kind, q["1,4 milliard"].currency) == ("money", "EUR")
    assert q["3 milliards"].kind == "quantity" and q["3 milliards"].currency is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_rule_gates_change_nothing_on_real_articles(lang, monkeypatch):
    """Skipping the rules a sentence cannot match, and trying the amount rules only where an amount
    can begin, are optimisations only: the same quantities as running every rule over the whole
    text, on every sentence of real articles (with and without numbers)."""
    import re

    from recoupe.analysis import quantities
    from tests.conftest import need_shared

    folder = need_shared("data", "genre", "semeval2023t3", lang, "articles")
    sentences = [s for p in sorted(folder.glob("*.txt"))[:60]
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8"))]
    gated = [find_quantities(s, lang) for s in sentences]
    skipped = sum(len(list(quantities._rules_for(s))) < len(quantities.RULES) for s in sentences)
    monkeypatch.setattr(quantities, "_rules_for", lambda text: iter(quantities.RULES.items()))
    monkeypatch.setattr(quantities, "_matches", lambda rx, text, starts: rx.finditer(text))
    assert [find_quantities(s, lang) for s in sentences] == gated
    assert sum(map(len, gated)) > 100 and skipped > len(sentences) // 4  # the test saw both kinds
