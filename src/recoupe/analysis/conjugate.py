"""Generate inflected forms for the speech-verb lexicons (French and English).

Why: spaCy's French lemmatizer slips on rarer or ambiguous forms (``rétorque``, ``lâche``,
``démentent``); a form -> lemma table built from the lemma lists keeps those verbs findable.
The French rules cover the first and second groups with their spelling changes and the
irregular families that speech verbs fall in (dire, écrire, mettre, -dre, -aître, tenir/venir,
prendre, clure, voir, croire, mentir, suivre, aindre, rire, ouvrir).  English covers -s/-ed/-ing
with the usual spelling rules plus a table of irregular verbs.

Regenerate the tables with ``python -m recoupe.analysis.conjugate``.
"""

from __future__ import annotations

from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "lexicons"

_PRES = ("e", "es", "e", "ons", "ez", "ent")
_IMP = ("ais", "ais", "ait", "ions", "iez", "aient")
_FUT = ("ai", "as", "a", "ons", "ez", "ont")
_SUBJ = ("e", "es", "e", "ions", "iez", "ent")


def _irregular_family(lemma: str) -> dict | None:
    """Principal parts for irregular families: (prefix, pres sg stem, pres pl stem, 3sg, ps stem, fut stem, pp)."""
    families = [
        # suffix, present 1-2sg, 3sg, plural stem, 3pl stem, ps 3sg, ps 3pl, future stem, pp, 2pl
        ("dire", "dis", "dit", "dis", "dis", "dit", "dirent", "dir", "dit", None),
        ("crire", "cris", "crit", "criv", "criv", "crivit", "crivirent", "crir", "crit", None),
        ("mettre", "mets", "met", "mett", "mett", "mit", "mirent", "mettr", "mis", None),
        ("aître", "ais", "aît", "aiss", "aiss", "ut", "urent", "aîtr", "u", None),
        ("aitre", "ais", "ait", "aiss", "aiss", "ut", "urent", "aitr", "u", None),
        ("tenir", "tiens", "tient", "ten", "tienn", "tint", "tinrent", "tiendr", "tenu", None),
        ("venir", "viens", "vient", "ven", "vienn", "vint", "vinrent", "viendr", "venu", None),
        ("prendre", "prends", "prend", "pren", "prenn", "prit", "prirent", "prendr", "pris", None),
        ("clure", "clus", "clut", "clu", "clu", "clut", "clurent", "clur", "clu", None),
        ("voir", "vois", "voit", "voy", "voi", "vit", "virent", "voir", "vu", None),
        ("croire", "crois", "croit", "croy", "croi", "crut", "crurent", "croir", "cru", None),
        ("mentir", "mens", "ment", "ment", "ment", "mentit", "mentirent", "mentir", "menti", None),
        ("suivre", "suis", "suit", "suiv", "suiv", "suivit", "suivirent", "suivr", "suivi", None),
        ("aindre", "ains", "aint", "aign", "aign", "aignit", "aignirent", "aindr", "aint", None),
        ("rire", "ris", "rit", "ri", "ri", "rit", "rirent", "rir", "ri", None),
        ("ouvrir", "ouvre", "ouvre", "ouvr", "ouvr", "ouvrit", "ouvrirent", "ouvrir", "ouvert", None),
        ("battre", "bats", "bat", "batt", "batt", "battit", "battirent", "battr", "battu", None),
        ("dre", "ds", "d", "d", "d", "dit", "dirent", "dr", "du", None),
    ]
    for suffix, s12, s3, pl, pl3, ps3, ps3pl, fut, pp, _ in families:
        if lemma.endswith(suffix):
            base = lemma[: -len(suffix)]
            if suffix in ("dre",):  # répondre -> répond-
                stem = lemma[:-2]
                return dict(pres=[stem + "s", stem + "s", stem, stem + "ons", stem + "ez", stem + "ent"],
                            stem_imp=stem, ps=[stem + "it", stem + "irent"], fut=lemma[:-1],
                            pp=stem + "u", subj_stem=stem, ppr=stem + "ant")
            if suffix == "voir" and lemma == "voir":
                fut = "verr"
            pres = [base + s12, base + s12, base + s3, base + pl + "ons", base + pl + "ez", base + pl3 + "ent"]
            if suffix == "dire" and lemma in ("dire", "redire"):
                pres[4] = base + "dites"
            if suffix == "ouvrir":
                pres[:3] = [base + "ouvre", base + "ouvres", base + "ouvre"]
            pp_forms = base + pp
            return dict(pres=pres, stem_imp=base + pl, ps=[base + ps3, base + ps3pl],
                        fut=base + fut, pp=pp_forms, subj_stem=base + pl3, ppr=base + pl + "ant")
    return None


_SECOND_GROUP = {"avertir", "garantir", "réagir", "applaudir", "établir", "rugir", "fléchir",
                 "réfléchir", "définir", "choisir", "réussir", "réjouir", "ébahir", "enrichir"}


def _participle_forms(pp: str) -> list[str]:
    if pp.endswith("s"):
        return [pp, pp + "e", pp + "es"]
    return [pp, pp + "e", pp + "s", pp + "es"]


_FULLY_IRREGULAR = {
    "être": "suis es est sommes êtes sont étais était étions étiez étaient fus fut furent fûmes serai seras sera "
            "serons serez seront serais serait serions seriez seraient sois soit soyons soyez soient fût été étant",
    "avoir": "ai as a avons avez ont avais avait avions aviez avaient eus eut eurent aurai auras aura aurons "
             "aurez auront aurais aurait aurions auriez auraient aie aies ait ayons ayez aient eût eu eue eus eues ayant",
    "pouvoir": "peux peut pouvons pouvez peuvent pouvais pouvait pouvions pouviez pouvaient put purent pourrai "
               "pourra pourrons pourront pourrais pourrait pourrions pourriez pourraient puisse puissent pu pouvant",
    "savoir": "sais sait savons savez savent savais savait savions saviez savaient sut surent saurai saura "
              "saurons sauront saurais saurait saurions sauriez sauraient sache sachent su sue sus sues sachant",
    "vouloir": "veux veut voulons voulez veulent voulais voulait voulions vouliez voulaient voulut voulurent "
               "voudrai voudra voudrons voudront voudrais voudrait voudrions voudriez voudraient veuille "
               "veuillent voulu voulue voulus voulues voulant",
    "devoir": "dois doit devons devez doivent devais devait devions deviez devaient dut durent devrai devra "
              "devrons devront devrais devrait devrions devriez devraient doive doivent dû due dus dues devant",
    "faire": "fais fait faisons faites font faisais faisait faisions faisiez faisaient fit firent ferai fera "
             "ferons ferez feront ferais ferait ferions feriez feraient fasse fassent faite faits faites faisant",
    "falloir": "faut fallait fallut faudra faudrait faille fallu",
    "aller": "vais vas va allons allez vont allais allait allions alliez allaient alla allèrent irai ira irons "
             "iront irais irait irions iriez iraient aille aillent allé allée allés allées allant",
}


def past_participles(lemma: str) -> set[str]:
    """The four forms of a French verb's past participle (*qualifié*, *qualifiée*, *qualifiés*, *qualifiées*; *dit*,
    *dite*…); empty for the fully irregular verbs, none of which reports speech."""
    irregular = _irregular_family(lemma)
    if lemma in _FULLY_IRREGULAR:
        return set()
    if irregular:
        return set(_participle_forms(irregular["pp"]))
    if lemma in _SECOND_GROUP or (lemma.endswith("ir") and not lemma.endswith("er")):
        return set(_participle_forms(lemma[:-2] + "i"))
    if lemma.endswith("er"):
        return set(_participle_forms(lemma[:-2] + "é"))
    return set()


def french_forms(lemma: str) -> set[str]:
    """All finite and non-finite forms of one French verb (person forms, tenses, participles)."""
    forms = {lemma}
    irregular = _irregular_family(lemma)
    if lemma in _FULLY_IRREGULAR:
        forms.update(_FULLY_IRREGULAR[lemma].split())
    elif irregular:
        forms.update(irregular["pres"])
        forms.update(irregular["stem_imp"] + e for e in _IMP)
        forms.update(irregular["ps"])
        forms.update(irregular["fut"] + e for e in _FUT)
        forms.update(irregular["fut"] + e for e in _IMP)  # conditional
        forms.update(irregular["subj_stem"] + e for e in ("e", "es", "ent"))
        forms.update(irregular["stem_imp"] + e for e in ("ions", "iez"))
        forms.update(past_participles(lemma))
        forms.add(irregular["ppr"])
    elif lemma in _SECOND_GROUP or (lemma.endswith("ir") and not lemma.endswith("er")):
        stem = lemma[:-2]
        forms.update([stem + "is", stem + "it", stem + "issons", stem + "issez", stem + "issent"])
        forms.update(stem + "iss" + e for e in _IMP)
        forms.update([stem + "it", stem + "irent"])
        forms.update(lemma + e for e in _FUT + _IMP)
        forms.update(stem + "iss" + e for e in _SUBJ)
        forms.update(past_participles(lemma))
        forms.add(stem + "issant")
    elif lemma.endswith("er"):
        forms |= _first_group_forms(lemma)
    return forms


def present_third_forms(lemma: str) -> tuple[str, str]:
    """The present indicative third person singular and plural of a first-group verb, with the stem's
    spelling changes before a mute e (*juge*, *jugent*; *relève*, *appelle*, *emploie*)."""
    mute = _mute_stem(lemma)[0]
    return mute + "e", mute + "ent"


def _mute_stem(lemma: str) -> tuple[str, set[str]]:
    """A first-group verb's stem before a mute e (present singular and third plural, subjunctive) and its
    future stems."""
    stem = lemma[:-2]
    mute = stem
    future_stems = {lemma}
    if stem.endswith("y") and not stem.endswith("ay"):
        mute = stem[:-1] + "i"
        future_stems = {mute + "er"}
    elif stem.endswith("ay"):
        future_stems = {lemma, stem[:-1] + "ier"}
        mute = stem
    elif len(stem) > 2 and stem[-1] not in "aeiouéèy" and stem[-2] in "eé" and stem[-3] not in "aeiou":
        if stem[-2] == "é":
            mute = stem[:-2] + "è" + stem[-1]
            future_stems = {lemma, mute + "er"}
        elif stem[-1] in "lt" and lemma not in ("acheter", "geler", "racheter", "haleter"):
            mute = stem + stem[-1]
            future_stems = {mute + "er"}
        else:
            mute = stem[:-2] + "è" + stem[-1]
            future_stems = {mute + "er"}
    return mute, future_stems


def _first_group_forms(lemma: str) -> set[str]:
    stem = lemma[:-2]
    hard = stem  # before a / o
    if stem.endswith("c"):
        hard = stem[:-1] + "ç"
    elif stem.endswith("g"):
        hard = stem + "e"
    mute, future_stems = _mute_stem(lemma)  # before a mute e (present sg/3pl, subjunctive, future)
    forms = {mute + "e", mute + "es", mute + "ent", hard + "ons", stem + "ez"}
    forms.update(hard + e if e.startswith("a") else stem + e for e in _IMP)
    forms.update([hard + "a", hard + "ai", hard + "as", hard + "âmes", stem + "èrent"])
    for fut in future_stems:
        forms.update(fut + e for e in _FUT + _IMP)
    forms.update([mute + "e", mute + "es", stem + "ions", stem + "iez", mute + "ent"])
    forms.update(past_participles(lemma))
    forms.add(hard + "ant")
    return forms


_IRREGULAR_FUTURE = {
    "avoir": "aur", "être": "ser", "faire": "fer", "pouvoir": "pourr", "devoir": "devr", "vouloir": "voudr",
    "savoir": "saur", "aller": "ir", "voir": "verr", "falloir": "faudr", "valoir": "vaudr", "envoyer": "enverr",
    "renvoyer": "renverr", "mourir": "mourr", "courir": "courr", "recevoir": "recevr", "apercevoir": "apercevr",
    "cueillir": "cueiller", "acquérir": "acquerr", "asseoir": "assiér", "pleuvoir": "pleuvr",
}


# Families whose prefixed verbs keep the base verb's irregular future stem (Bescherelle, the conjugation
# tables of cueillir, courir, recevoir, faire, acquérir): recueillir -> recueiller-, parcourir ->
# parcourr-, décevoir -> décevr-, satisfaire -> satisfer-, conquérir -> conquerr-. Without them the
# backstop built the regular stem (recueillir-) and missed the conditional the morphologizer tags as an
# imperfect (issue 14, session 11 hedges pass).
_IRREGULAR_FUTURE_SUFFIXES = {"cueillir": "cueiller", "courir": "courr", "cevoir": "cevr", "faire": "fer",
                              "quérir": "querr"}


def _future_suffix_stem(lemma: str) -> str | None:
    """The future stem of a prefixed verb of an irregular family, or None."""
    for suffix, stem in _IRREGULAR_FUTURE_SUFFIXES.items():
        if lemma.endswith(suffix) and len(lemma) > len(suffix):
            return lemma[: -len(suffix)] + stem
    return None


def conditional_forms(lemma: str) -> set[str]:
    """Present-conditional forms of a French verb (future stem + imperfect endings).

    Used as a backstop when the morphologizer tags a conditional as an imperfect
    (``manqueraient`` -> Tense=Imp); imperfects such as ``tirait`` are not in this set.
    """
    if lemma in _IRREGULAR_FUTURE:
        stems = {_IRREGULAR_FUTURE[lemma]}
    elif (prefixed := _future_suffix_stem(lemma)) is not None:
        stems = {prefixed}
    elif lemma.endswith(("tenir", "venir")):
        stems = {lemma[:-5] + ("tiendr" if lemma.endswith("tenir") else "viendr")}
    elif (irregular := _irregular_family(lemma)) is not None:
        stems = {irregular["fut"]}
    elif lemma.endswith("er"):
        stems = {f[:-2] for f in _first_group_forms(lemma) if f.endswith("rai") and f[:-2].endswith("er")}
    elif lemma.endswith("ir"):
        stems = {lemma}
    elif lemma.endswith("re"):
        stems = {lemma[:-1]}
    else:
        return set()
    return {stem + ending for stem in stems for ending in _IMP}


_EN_IRREGULAR = {
    "be": ("is", "am", "are", "was", "were", "been", "being"), "have": ("has", "had"),
    "say": ("said", "said"), "tell": ("told", "told"), "speak": ("spoke", "spoken"),
    "write": ("wrote", "written"), "think": ("thought", "thought"), "feel": ("felt", "felt"),
    "find": ("found", "found"), "swear": ("swore", "sworn"), "forecast": ("forecast", "forecasted"),
    "bet": ("bet", "bet"), "hold": ("held", "held"), "show": ("showed", "shown"),
    "prove": ("proved", "proven"), "foresee": ("foresaw", "foreseen"), "cry": ("cried", "cried"),
}
_EN_DOUBLING = {"admit", "quip", "regret", "rebut", "submit", "commit", "omit", "refer", "infer",
                "confer", "aver", "slam", "chat", "jot", "plan"}


def english_forms(lemma: str) -> set[str]:
    """Base, -s, past, participle and -ing forms of one English verb."""
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma in _EN_DOUBLING:
        forms.update([lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"])
    elif lemma.endswith("e"):
        forms.update([lemma + "d", lemma[:-1] + "ing"])
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.update([lemma[:-1] + "ied", lemma + "ing"])
    else:
        forms.update([lemma + "ed", lemma + "ing"])
    forms.update(_EN_IRREGULAR.get(lemma, ()))
    if lemma in ("be", "have"):
        forms -= {"bes", "bed", "haves", "haved", "havs"}
    return forms


def read_lemmas(lang: str) -> dict[str, str]:
    """lemma -> class from speech_verbs_<lang>.tsv."""
    rows = {}
    for line in (LEXICON_DIR / f"speech_verbs_{lang}.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lemma, cls = line.split("\t")[:2]
            rows[lemma] = cls
    return rows


def write_forms(lang: str) -> int:
    """Write speech_verb_forms_<lang>.tsv (form, lemma); forms shared by two lemmas keep the first."""
    generate = french_forms if lang == "fr" else english_forms
    table: dict[str, str] = {}
    for lemma in read_lemmas(lang):
        for form in sorted(generate(lemma)):
            table.setdefault(form, lemma)
    lines = ["# form\tlemma  (generated by python -m recoupe.analysis.conjugate; do not edit)"]
    lines += [f"{form}\t{lemma}" for form, lemma in sorted(table.items())]
    (LEXICON_DIR / f"speech_verb_forms_{lang}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(table)


MODAL_CONDITIONAL = {"pouvoir", "devoir"}  # pourrait, devrait: modal speculation, not a reported fact
CONDITIONAL_ENDINGS = ("rais", "rait", "rions", "riez", "raient")


def is_conditional(tok) -> bool:
    """Mood=Cnd from the morphologizer, checked against the ending; or a known conditional form it missed.

    Here rather than in hedges: quotes ask it too (speech under a conditional modal did not happen),
    and hedges must not be imported by quotes.
    """
    if tok.pos_ not in ("VERB", "AUX") or not tok.lower_.endswith(CONDITIONAL_ENDINGS):
        return False
    lemma = tok.lemma_.lower()
    if "Cnd" in tok.morph.get("Mood"):
        # a first-group verb's conditional is regular (its future stem is the infinitive, the table spells every
        # stem change): an imperfect whose stem ends in r (*espérait*, *déclarait*) tagged Cnd is refused
        return not lemma.endswith("er") or tok.lower_ in conditional_forms(lemma)
    return tok.lower_ in conditional_forms(lemma)


def mistagged_conditional(tok) -> str | None:
    """The infinitive of a first-group verb's third-person plural conditional the tagger took for another word (*se
    détacheraient* read as an adjective, *fixeraient* as an adverb: 9 of the 136 *-raient* words of the develop sets
    were not tagged as verbs), else None. The ending is the verb's: no French noun or adjective ends in *-eraient*,
    and the stem before *-aient* ending in *-er* is the future stem of a first-group verb (an imperfect of a verb in
    *-rer* keeps its own stem: *espéraient*, *serraient*, *tiraient*; the second group's *-iraient* is left out, as
    *-irer* verbs' imperfects share it)."""
    word = tok.lower_
    if tok.pos_ in ("VERB", "AUX") or not word.endswith("eraient") or not word[:-5].endswith("er") or len(word) < 9:
        return None
    return word[:-5]


if __name__ == "__main__":
    for language in ("fr", "en"):
        print(language, write_forms(language), "forms")
