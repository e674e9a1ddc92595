"""Rule-based numbers for fact-checkers: money, percentages, dates, years, durations, counts, ranks.

A fact-checker compares numbers across sources, so each one is normalised (``44 millions de
dollars`` -> 44000000 USD, ``décembre 2016`` -> ``2016-12``). French and English differ in the
decimal/thousands separators and in the meaning of "billion", hence the ``lang`` argument.
Candidates from every rule compete; the longest span wins, so ``décembre 2016`` is one date and
not a year, and ``274.000 dollars`` is money and not a bare number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from recoupe.analysis.text import caseless_plain
from recoupe.model import Quantity

PRODUCER = "rule:quantities"

# -- lexicons -----------------------------------------------------------------------------------

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# English month names must be capitalised ("May" the month, "may" the modal).
_MONTH_FR = r"(?:janvier|janv\.|f[ée]vrier|f[ée]vr\.|mars|avril|avr\.|mai|juin|juillet|juil\.|ao[uû]t|septembre|sept\.|octobre|oct\.|novembre|nov\.|d[ée]cembre|d[ée]c\.)"
_MONTH_EN = r"(?-i:(?:January|Jan\.|February|Feb\.|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|August|Aug\.|September|Sept?\.|October|Oct\.|November|Nov\.|December|Dec\.))"

SCALES_FR = {"mille": 1e3, "millier": 1e3, "milliers": 1e3, "million": 1e6, "millions": 1e6,
             "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12}
SCALES_EN = {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9,
             "billions": 1e9, "trillion": 1e12, "trillions": 1e12}
# Abbreviations only count as scales next to a currency ("5 m" is five metres, "$5m" is money).
SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mio": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9,
              "mrds": 1e9, "bn": 1e9, "g": 1e9}

NUMBER_WORDS = {
    "un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3,
    "quatre": 4, "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8,
    "eight": 8, "neuf": 9, "nine": 9, "dix": 10, "ten": 10, "onze": 11, "eleven": 11,
    "douze": 12, "twelve": 12, "quinze": 15, "fifteen": 15, "vingt": 20, "twenty": 20,
    "trente": 30, "thirty": 30, "quarante": 40, "forty": 40, "cinquante": 50, "fifty": 50,
    "cent": 100, "hundred": 100, "a hundred": 100, "one hundred": 100,
}
# Words that say "many" without a value: the span is still a quantity, its value is unknown.
_VAGUE = r"(?:des|plusieurs|quelques|several|a\s+few|many|some|hundreds\s+of|tens\s+of|dozens\s+of|des\s+dizaines\s+de|des\s+centaines\s+de|des\s+milliers\s+de)"
_NUMWORD = r"(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in NUMBER_WORDS if w not in ("a", "an", "un", "une")), key=len, reverse=True)) + r")"
_ARTICLE_ONE = r"(?:a|an|one|un|une)"

CURRENCY_WORDS = [
    (r"dollars?\s+(?:canadiens?|CAD)", "CAD"), (r"dollars?\s+australiens?", "AUD"),
    (r"(?:Canadian|Australian)\s+dollars?", None), (r"dollars?\s+(?:am[ée]ricains?|US)", "USD"),
    (r"US\s+dollars?", "USD"), (r"dollars?", "USD"), (r"euros?", "EUR"),
    (r"livres?\s+sterling", "GBP"), (r"pounds?\s+sterling", "GBP"), (r"francs?\s+suisses?", "CHF"),
    (r"francs?\s+CFA", "XOF"), (r"yens?", "JPY"), (r"yuans?", "CNY"), (r"roubles?", "RUB"),
    (r"rubles?", "RUB"), (r"hryvnias?", "UAH"), (r"roupies?", "INR"), (r"rupees?", "INR"),
    (r"(?-i:USD|EUR|GBP|CHF|CAD|JPY|CNY|RUB|AUD)", None),
]
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "C$": "CAD",
                    "CA$": "CAD", "A$": "AUD", "CHF": "CHF"}

# Measured units map to a symbol; counted nouns keep their own word (lower-cased, singular).
UNITS = {
    "km": "km", "kilomètre": "km", "kilometre": "km", "kilometer": "km", "mile": "mi",
    "mètre": "m", "metre": "m", "meter": "m", "m²": "m2", "m2": "m2", "km²": "km2", "km2": "km2",
    "mètres carrés": "m2", "square meters": "m2", "square metres": "m2", "kilomètres carrés": "km2",
    "square kilometers": "km2", "square miles": "mi2", "hectare": "ha", "ha": "ha", "kg": "kg",
    "kilo": "kg", "kilogramme": "kg", "kilogram": "kg", "gramme": "g", "gram": "g", "tonne": "t",
    "ton": "t", "litre": "l", "liter": "l", "baril": "barrel", "barrel": "barrel",
    "mw": "MW", "gw": "GW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "mt": "Mt", "gt": "Gt", "km/h": "km/h", "mph": "mph", "°c": "°C", "°f": "°F", "degré": "degree", "degree": "degree",
}
COUNT_NOUNS = [
    "habitants?", "personnes?", "people", "persons?", "morts?", "deaths?", "décès", "victimes?",
    "victims?", "blessés?", "injured", "salariés?", "employés?", "employees?", "workers?",
    "travailleurs?", "emplois?", "jobs?", "voix", "votes?", "électeurs?", "voters?",
    "utilisateurs?", "users?", "comptes?", "accounts?", "membres?", "members?", "élèves?",
    "étudiants?", "students?", "cas", "cases?", "doses?", "patients?", "migrants?", "réfugiés?",
    "refugees?", "soldats?", "soldiers?", "troops", "policiers?", "officers?", "manifestants?",
    "protesters?", "signatures?", "abonnés?", "followers?", "subscribers?", "enfants?",
    "children", "femmes?", "women", "hommes?", "men", "pays", "countries", "états?", "states?",
    "entreprises?", "companies", "firms?", "sièges?", "seats?", "députés?", "lits?", "beds?",
    "logements?", "homes?", "maisons?", "houses?", "vaccins?", "vaccines?", "tests?",
    "arrestations?", "arrests?", "articles?", "messages?", "publicités?", "ads?", "tweets?",
    "vidéos?", "videos?", "vues?", "views?", "ménages?", "households?", "familles?", "families",
]
DURATION_UNITS = {
    "an": "year", "ans": "year", "année": "year", "années": "year", "year": "year",
    "years": "year", "mois": "month", "month": "month", "months": "month", "semaine": "week",
    "semaines": "week", "week": "week", "weeks": "week", "jour": "day", "jours": "day",
    "day": "day", "days": "day", "heure": "hour", "heures": "hour", "hour": "hour",
    "hours": "hour", "minute": "minute", "minutes": "minute", "décennie": "decade",
    "décennies": "decade", "decade": "decade", "decades": "decade", "siècle": "century",
    "siècles": "century", "century": "century", "centuries": "century",
}
ORDINAL_WORDS = {
    "premier": 1, "première": 1, "first": 1, "deuxième": 2, "second": 2, "troisième": 3,
    "third": 3, "quatrième": 4, "fourth": 4, "cinquième": 5, "fifth": 5, "sixième": 6,
    "sixth": 6, "septième": 7, "seventh": 7, "huitième": 8, "eighth": 8, "neuvième": 9,
    "ninth": 9, "dixième": 10, "tenth": 10, "vingtième": 20, "twentieth": 20, "centième": 100,
    "hundredth": 100,
}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# -- building blocks ----------------------------------------------------------------------------

_SPACE = r"[ \u00a0\u202f]"
# Digits with optional thousands groups (space, no-break spaces, '.' or ',') and decimals;
# which separator is which is decided per language in parse_number.
_NUM = (
    r"(?<![\w.,/:])(?<![^\W\d_]-)(?:\d{1,3}(?:(?:[ \u00a0\u202f]|[.,])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?!\d|[.,:]\d)"  # clock times (10:15) are not quantities
)
_OF = r"(?:\s+(?:de|d['’]|of)\s*)?"
_SCALE_WORD = r"(?:milliards?|millions?|milliers|millier|mille|billions?|trillions?|thousands?)"
_SCALE_ABBR = r"(?:k|K|M|m|mn|Mio|Mds?|mds?|Mrds?|bn|G)"
_CUR_WORD = "(?:" + "|".join(p for p, _ in CURRENCY_WORDS) + ")"
_CUR_SYM = r"(?:US\$|CA\$|C\$|A\$|\$|€|£|¥)"
_UNIT = "(?:" + "|".join(
    sorted((re.escape(u) for u in UNITS), key=len, reverse=True)
) + r")s?"
_COUNT = "(?:" + "|".join(COUNT_NOUNS) + ")"
_DURATION = "(?:" + "|".join(sorted(DURATION_UNITS, key=len, reverse=True)) + ")"

_AMOUNT = (  # a number, possibly scaled: "44 millions", "1,5 milliard", "a million", "des millions"
    rf"(?:(?P<num>{_NUM})|(?<!\w)(?:(?P<word>{_NUMWORD})|(?P<one>{_ARTICLE_ONE})(?=\s+{_SCALE_WORD})"
    rf"|(?P<vague>{_VAGUE})(?=\s+{_SCALE_WORD}))(?!\w))"
    rf"(?:{_SPACE}*-?(?P<scale>{_SCALE_WORD})\b)?"
)


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


RULES: dict[str, re.Pattern] = {
    # "44 millions de dollars", "274.000 dollars", "3 Mds€", "10 k€", "5 millions $"
    "money_after": _rx(
        rf"{_AMOUNT}(?:{_SPACE}*(?P<abbr>{_SCALE_ABBR})(?={_SPACE}*{_CUR_SYM}))?"
        rf"(?:{_OF}\s*(?P<curw>{_CUR_WORD})\b|{_SPACE}*(?P<curs>{_CUR_SYM}))"
    ),
    # "$44 million", "€3bn", "US$ 1,2 milliard"
    "money_before": _rx(
        rf"(?P<curs>{_CUR_SYM}){_SPACE}?(?P<num>{_NUM})"
        rf"(?:{_SPACE}*-?(?P<scale>{_SCALE_WORD})|(?P<abbr>{_SCALE_ABBR})\b)?"
    ),
    "percent": _rx(
        rf"(?:(?P<num>{_NUM})|(?<!\w)(?P<word>{_NUMWORD})){_SPACE}*"
        r"(?P<pct>%|pour\s*cent|percent|per\s+cent|points?\s+de\s+pourcentage|percentage\s+points?)"
    ),
    "date_iso": _rx(r"(?<!\d)(?P<y>(?:1[89]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?!\d)"),
    "date_numeric": _rx(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:1[89]|20)\d\d)(?![\d/])"),
    # "12 décembre 2016", "1er mai 2020", "12 December 2016", "12th of May, 2016"
    "date_dmy": _rx(
        rf"(?<!\d)(?P<d>[12]\d|3[01]|0?[1-9])(?:er|st|nd|rd|th)?{_SPACE}+(?:of\s+)?"
        rf"(?P<mon>{_MONTH_FR}|{_MONTH_EN})(?:,?{_SPACE}+(?P<y>(?:1[89]|20)\d\d))?(?!\d)"
    ),
    # "December 12, 2016", "May 3rd"
    "date_mdy": _rx(
        rf"(?P<mon>{_MONTH_EN}){_SPACE}+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?{_SPACE}+(?P<y>(?:1[89]|20)\d\d)(?!\d))?"
    ),
    # "décembre 2016", "December of 2016"
    "date_my": _rx(rf"(?P<mon>{_MONTH_FR}|{_MONTH_EN}){_SPACE}+(?:de\s+|of\s+)?(?P<y>(?:1[89]|20)\d\d)(?!\d)"),
    "year": _rx(r"(?<![\w.,/:])(?<![^\W\d_]-)(?P<y>(?:1[89]|20)\d\d)(?![\w]|[.,:]\d)"),
    "duration": _rx(
        rf"(?:(?P<num>{_NUM})|(?<!\w)(?P<word>{_NUMWORD})){_SPACE}*(?P<dur>{_DURATION})\b"
        r"(?P<half>\s+et\s+demie?\b)?"
    ),
    "measure": _rx(rf"{_AMOUNT}{_OF}{_SPACE}*(?P<unit>{_UNIT})(?![\w])"),
    "count": _rx(rf"{_AMOUNT}{_OF}{_SPACE}*(?P<unit>{_COUNT})\b"),
    "number": _rx(rf"{_AMOUNT}(?!\w)"),
    "ordinal_numeric": _rx(r"(?<![\w.,])(?P<num>\d{1,4})(?P<suf>ers?|res?|ères?|èmes?|emes?|e|è|st|nd|rd|th)\b"),
    "ordinal_roman": re.compile(r"\b(?P<rom>[IVXLC]{1,6})(?:e|ème)\s+(?=siècle)"),
    "ordinal_word": _rx(
        r"(?<!\bat\s)\b(?P<ow>" + "|".join(ORDINAL_WORDS) + r")\b(?!\s+of\s+all\b)"
        r"(?!\s+(?:ministre|minister|secrétaire|secretary|dame|lady)\b)"
    ),
    "rank_number_one": _rx(r"\b(?:num[ée]ro|number)\s+(?:un|one|1)\b"),
}
# Tie-break when two rules give spans of equal length: more specific rules first.
PRIORITY = {name: i for i, name in enumerate(RULES)}


# -- parsing ------------------------------------------------------------------------------------


def parse_number(text: str, lang: str) -> float | None:
    """Read digits with French or English separators ("274.000" fr -> 274000, "1,5" fr -> 1.5)."""
    s = re.sub(r"[ \u00a0\u202f]", "", text)
    if not s:
        return None
    if "." in s and "," in s:  # the last separator is the decimal one
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thou = "," if dec == "." else "."
        s = s.replace(thou, "").replace(dec, ".")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        parts = s.split(sep)
        groups_of_three = all(len(p) == 3 for p in parts[1:])
        thousands_sep = "." if lang == "fr" else ","
        if len(parts) > 2 or (sep == thousands_sep and groups_of_three):
            s = s.replace(sep, "")
        else:
            s = s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None


def _amount(m: re.Match, lang: str) -> float | None:
    """Value of the _AMOUNT part of a match, scale included; None when vague ("des millions")."""
    gd = m.groupdict()
    if gd.get("num"):
        base = parse_number(gd["num"], lang)
    elif gd.get("word"):
        base = float(NUMBER_WORDS[re.sub(r"\s+", " ", gd["word"].lower())])
    elif gd.get("one"):
        base = 1.0
    else:
        return None
    if base is None:
        return None
    if gd.get("scale"):
        scales = {**SCALES_EN, **SCALES_FR} if lang == "fr" else {**SCALES_FR, **SCALES_EN}
        base *= scales[gd["scale"].lower()]
    if gd.get("abbr"):
        base *= SCALE_ABBR[gd["abbr"].lower()]
    return base


def _currency(m: re.Match) -> str | None:
    gd = m.groupdict()
    if gd.get("curs"):
        return CURRENCY_SYMBOLS.get(gd["curs"].upper(), CURRENCY_SYMBOLS.get(gd["curs"]))
    word = gd.get("curw") or ""
    for pattern, code in CURRENCY_WORDS:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            if code:
                return code
            if re.fullmatch(r"[A-Z]{3}", word):
                return word
            return "CAD" if word.lower().startswith("canadian") else "AUD"
    return None


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = ROMAN[a]
        total += -v if b != " " and ROMAN[b] > v else v
    return total


def _iso(y: str | None, mon: int | None, d: int | None) -> str:
    if y and mon and d:
        return f"{int(y):04d}-{mon:02d}-{d:02d}"
    if y and mon:
        return f"{int(y):04d}-{mon:02d}"
    if mon and d:
        return f"--{mon:02d}-{d:02d}"  # ISO 8601 for a day of a year not given
    return y or ""


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _build(rule: str, m: re.Match, lang: str) -> Quantity | None:
    """Turn one regex match into a normalised Quantity (None when it is not one after all)."""
    gd = m.groupdict()
    common = dict(text=m.group(0), start=m.start(), end=m.end())
    if rule.startswith("money"):
        return Quantity(kind="money", value=_amount(m, lang), currency=_currency(m), **common)
    if rule == "percent":
        pp = "point" in gd["pct"].lower()
        return Quantity(kind="percent", value=_amount(m, lang),
                        unit="percentage point" if pp else "%", **common)
    if rule == "date_iso":
        return Quantity(kind="date", date=_iso(gd["y"], int(gd["m"]), int(gd["d"])), **common)
    if rule == "date_numeric":
        a, b = int(gd["a"]), int(gd["b"])
        day, mon = (b, a) if (lang == "en" and a <= 12) or b > 12 else (a, b)
        if not (1 <= mon <= 12 and 1 <= day <= 31):
            return None
        return Quantity(kind="date", date=_iso(gd["y"], mon, day), **common)
    if rule in ("date_dmy", "date_mdy", "date_my"):
        mon = _month(gd["mon"])
        day = int(gd["d"]) if gd.get("d") else None
        return Quantity(kind="date", date=_iso(gd.get("y"), mon, day), **common)
    if rule == "year":
        return Quantity(kind="year", value=float(gd["y"]), date=gd["y"], **common)
    if rule == "duration":
        value = parse_number(gd["num"], lang) if gd.get("num") else float(NUMBER_WORDS[gd["word"].lower()])
        if gd.get("half") and value is not None:
            value += 0.5  # "deux ans et demi"
        return Quantity(kind="duration", value=value, unit=DURATION_UNITS[gd["dur"].lower()], **common)
    if rule == "measure":
        unit = gd["unit"].lower()
        unit = UNITS.get(unit, UNITS.get(unit.rstrip("s"), unit))
        return Quantity(kind="quantity", value=_amount(m, lang), unit=unit, **common)
    if rule == "count":
        unit = gd["unit"].lower()
        return Quantity(kind="quantity", value=_amount(m, lang), unit=unit, **common)
    if rule == "number":
        value = _amount(m, lang)
        if gd.get("num") is None and gd.get("scale") is None:
            return None  # a bare number word ("deux") says too little to report
        if gd.get("num") and not gd.get("scale") and value is not None and value < 10 and "," not in gd["num"] and "." not in gd["num"]:
            return None  # single digits without unit are mostly enumeration noise
        return Quantity(kind="quantity", value=value, **common)
    if rule == "ordinal_numeric":
        suf = gd["suf"].lower()
        if lang == "en" and suf not in ("st", "nd", "rd", "th"):
            return None
        if lang == "fr" and suf in ("st", "nd", "rd", "th"):
            return None
        return Quantity(kind="ordinal", value=float(gd["num"]), **common)
    if rule == "ordinal_roman":
        text = m.group(0).rstrip()
        return Quantity(kind="ordinal", value=float(_roman(gd["rom"])), unit="century",
                        text=text, start=m.start(), end=m.start() + len(text))
    if rule == "ordinal_word":
        word = gd["ow"].lower()
        if word == "second" and lang == "fr":
            return None
        return Quantity(kind="ordinal", value=float(ORDINAL_WORDS[word]), **common)
    if rule == "rank_number_one":
        return Quantity(kind="ordinal", value=1.0, **common)
    return None


# What each rule cannot match without: a cheap test on the whole sentence lets a rule be skipped
# where it cannot match, so the output is exactly that of running every rule (tests/test_quantities.py
# checks it on real articles). Most news sentences have no digit and no number word: on 40 French
# SemEval articles this took the number finder from 7.0 to 3.5 ms of CPU per article.
_HAS_DIGIT = re.compile(r"\d")
_HAS_AMOUNT = _rx(rf"\d|(?<!\w){_NUMWORD}(?!\w)|{_SCALE_WORD}")
# Without a digit, an amount needs a number word standing as a word (its first word, for "a
# hundred") or a scale word anywhere; an ordinal word stands as a word. Where case-insensitive
# matching and str.lower() agree on every character (text.caseless_plain), the lower-cased words and
# text rule them out before any expression runs.
_NUMWORD_FIRST = frozenset(w.split()[0] for w in NUMBER_WORDS if w not in ("a", "an", "un", "une"))
_SCALE_PIECES = ("milliard", "million", "millier", "mille", "billion", "trillion", "thousand")
_WORDS = re.compile(r"\w+")
_AMOUNT_RULES = {"money_after", "percent", "duration", "measure", "count", "number"}
_DIGIT_RULES = {"money_before", "date_iso", "date_numeric", "date_dmy", "date_mdy", "date_my", "year",
                "ordinal_numeric"}


def _rules_for(text: str) -> Iterator[tuple[str, re.Pattern]]:
    """The rules that can match somewhere in ``text``, in ``RULES`` order."""
    has_digit = _HAS_DIGIT.search(text) is not None
    lower = text.lower()
    words = {w.lower() for w in _WORDS.findall(text)} if caseless_plain(text) else None
    maybe_amount = (words is None or not words.isdisjoint(_NUMWORD_FIRST)
                    or any(piece in lower for piece in _SCALE_PIECES))
    has_amount = has_digit or (maybe_amount and _HAS_AMOUNT.search(text) is not None)
    for rule, rx in RULES.items():
        if rule in _AMOUNT_RULES and not has_amount:
            continue
        if rule in _DIGIT_RULES and not has_digit:
            continue
        if rule == "ordinal_word" and words is not None and words.isdisjoint(ORDINAL_WORDS):
            continue
        if rule == "ordinal_roman" and "siècle" not in text:
            continue
        if rule == "rank_number_one" and "numéro" not in lower and "numero" not in lower and "number" not in lower:
            continue
        yield rule, rx


# Every match of the amount rules begins where an amount can begin (a digit, or a number word, "a"/"un"
# or a vague "des" starting a word): one scan finds those places, and each rule is tried there
# only (``_matches``) instead of at every character. The same matches as ``finditer`` over the
# whole text (tests/test_quantities.py checks it on real articles); on 40 French SemEval articles
# the six rules took 2.2 of the number finder's 3.1 ms of CPU per article.
_AMOUNT_START = _rx(rf"(?=\d|(?<!\w)(?:{_NUMWORD}|{_ARTICLE_ONE}|{_VAGUE}))")


def _matches(rx: re.Pattern, text: str, starts: list[int] | None) -> Iterator[re.Match]:
    """``rx.finditer(text)``, trying only ``starts`` (ascending) when given: a search resumes
    where the last match ended, as ``finditer``'s does (none of these rules matches empty)."""
    if starts is None:
        yield from rx.finditer(text)
        return
    resume = 0
    for at in starts:
        if at >= resume and (m := rx.match(text, at)) is not None:
            yield m
            resume = max(m.end(), at + 1)


def _candidates(text: str, lang: str) -> Iterator[tuple[int, Quantity]]:
    starts = None
    for rule, rx in _rules_for(text):
        if rule in _AMOUNT_RULES and starts is None:
            starts = [m.start() for m in _AMOUNT_START.finditer(text)]
        for m in _matches(rx, text, starts if rule in _AMOUNT_RULES else None):
            if m.end() == m.start():
                continue
            q = _build(rule, m, lang)
            if q is not None:
                yield PRIORITY[rule], q


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """All numbers in ``text`` with normalised values, non-overlapping, in text order.

    ``lang`` is "fr" or "en" (anything else is read as English); it decides separators
    ("274.000" is 274000 in French) and scale words (French "billion" is 10^12).
    """
    lang = "fr" if lang.lower().startswith("fr") else "en"
    chosen: list[Quantity] = []
    taken = bytearray(len(text))
    for _, q in sorted(_candidates(text, lang), key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start)):
        if any(taken[q.start : q.end]):
            continue
        taken[q.start : q.end] = b"\x01" * (q.end - q.start)
        chosen.append(q)
    return _inherit_currency(text, sorted(chosen, key=lambda q: q.start))


_SCALED = re.compile(_SCALE_WORD, re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s")


def _inherit_currency(text: str, found: list[Quantity], reach: int = 80) -> list[Quantity]:
    """Elliptic amounts take the currency of money close by in the same sentence.

    News writes "2 milliards de dollars contre 1,7 milliard" or "from 1.2 to $1.5 billion":
    the bare scaled number is money in the same currency.
    """
    money = [q for q in found if q.kind == "money" and q.currency]
    out = []
    for q in found:
        if q.kind == "quantity" and q.unit is None and _SCALED.search(q.text):
            near = [
                m for m in money
                if min(abs(m.start - q.end), abs(q.start - m.end)) <= reach
                and not _SENTENCE_END.search(text[min(q.end, m.end) : max(q.start, m.start)])
            ]
            if near:
                closest = min(near, key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))
                q = q.model_copy(update={"kind": "money", "currency": closest.currency})
        out.append(q)
    return out
