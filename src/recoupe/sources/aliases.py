"""Outlet names to domains: an alias table derived from the lists' own names and from domain stems.

Names are compared after folding case, accents, apostrophes and a leading article, so that
``l'AFP``, ``le New York Times``, ``BuzzFeed News``/``Buzzfeed`` and ``ZeroHedge``/``Zero Hedge``
find their outlets. Two modes:

* lenient (a user typing ``recoupe sources lookup bloomberg``): any alias or domain stem;
* strict (a name found in running text): the text must look like a proper name (its first
  significant word capitalised) and a bare word that only occurs *inside* longer names
  (``monde`` from ``Le Monde``, ``times``) never matches on its own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

ARTICLES = {"le", "la", "les", "l", "the", "el", "los", "las", "il", "lo", "gli", "der", "die", "das"}
CONNECTORS = ARTICLES | {"de", "du", "des", "d", "of", "and", "et", "sous", "sur", "en", "a", "on", "for"}
# Trailing words that name a country edition, mapped to the ccTLD it uses.
COUNTRY_EDITIONS = {
    "france": "fr", "fr": "fr", "uk": "uk", "britain": "uk", "deutschland": "de", "germany": "de",
    "espana": "es", "spain": "es", "italia": "it", "italy": "it", "india": "in", "australia": "au",
    "canada": "ca", "belgique": "be", "belgium": "be", "suisse": "ch", "schweiz": "ch",
    "japan": "jp", "mexico": "mx", "brasil": "br", "brazil": "br", "nederland": "nl",
    "polska": "pl", "africa": "za", "singapore": "sg", "maroc": "ma", "quebec": "ca",
}
_DOMAIN_WORDS = {"com", "fr", "net", "org", "info", "be", "ch", "ca", "co", "uk", "tv", "io", "eu", "news"}
# Lower numbers win when one name points to several outlets.
SOURCE_PRIORITY = {"name": 0, "name-part": 1, "compact-name": 2, "domain-stem": 3}


def tokens(text: str) -> list[str]:
    """Fold accents and case; apostrophes and punctuation split words (``l'AFP`` -> l, afp)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", " and ")
    return re.findall(r"[a-z0-9]+", text)


def name_tokens(name: str) -> list[str]:
    """Tokens of a name as lists write it: ``OsonsRever.fr`` names osonsrever, ``X (édition Y)`` names X."""
    toks = tokens(re.sub(r"\([^)]*\)", " ", name)) or tokens(name)
    if "." in name and len(toks) > 1 and toks[-1] in _DOMAIN_WORDS:
        toks = toks[:-1]
    return toks


def without_article(toks: list[str]) -> list[str]:
    return toks[1:] if len(toks) > 1 and toks[0] in ARTICLES else toks


def split_country(toks: list[str]) -> tuple[list[str], str | None]:
    """``business insider france`` -> (``business insider``, ``fr``)."""
    if len(toks) > 1 and toks[-1] in COUNTRY_EDITIONS:
        return toks[:-1], COUNTRY_EDITIONS[toks[-1]]
    return toks, None


def looks_like_proper_name(text: str) -> bool:
    """First significant word carries a capital or a digit (``Le Monde`` yes, ``le monde`` no)."""
    words = re.findall(r"[^\W_]+", text)
    significant = [w for w in words if w.lower() not in CONNECTORS]
    if not significant:
        return False
    first = significant[0]
    return any(c.isupper() or c.isdigit() for c in first)


@dataclass(frozen=True)
class Candidate:
    domain: str
    source: str  # how the name matched: name, name-part, compact-name, domain-stem
    list_id: str | None = None

    @property
    def matched_by(self) -> str:
        return f"alias:{self.list_id}-{self.source}" if self.list_id else f"alias:{self.source}"


class AliasTable:
    def __init__(self) -> None:
        self._names: dict[str, set[Candidate]] = defaultdict(set)
        self._compact: dict[str, set[Candidate]] = defaultdict(set)
        self._name_parts: set[str] = set()
        self._stems: set[str] = set()

    def add_name(self, name: str, domain: str, list_id: str | None = None) -> None:
        """Index a list's outlet name, its parts around parentheses and its article-free form."""
        pieces = [name, *re.split(r"[()\[\]]", name)]
        for i, piece in enumerate(pieces):
            toks = name_tokens(piece) if i else tokens(piece)
            if "." in piece and len(toks) > 1 and toks[-1] in _DOMAIN_WORDS:
                toks = toks[:-1]  # "OsonsRever.fr" names the outlet osonsrever
            if not toks:
                continue
            source = "name" if i == 0 else "name-part"
            self._names[" ".join(toks)].add(Candidate(domain, source, list_id))
            bare = without_article(toks)
            if len(bare) >= 2:
                self._names[" ".join(bare)].add(Candidate(domain, source, list_id))
            if len(bare) >= 2 or bare != toks:
                self._name_parts.update(bare)
            for compact in {"".join(toks), "".join(bare)}:
                self._compact[compact].add(Candidate(domain, "compact-name", list_id))

    def add_stem(self, stem: str, domain: str) -> None:
        """A domain's label as a name, also without its hyphens: names are compared run together
        (``Ouest France`` -> ``ouestfrance``), so ``ouest-france.fr`` would otherwise never be named."""
        if stem and len(stem) >= 3:
            for key in {stem, stem.replace("-", "")}:
                self._compact[key].add(Candidate(domain, "domain-stem"))
            self._stems.add(stem)  # counted once by ``_embedded_in_other_stems``, as written
            self._inner_suffixes = None

    def _embedded_in_other_stems(self, word: str, at_least: int = 3) -> bool:
        """A word found inside several stems, not as their prefix (``times``: nytimes, latimes...),
        is a common word, too generic alone; a prefix (``cnn``: cnnmoney) is a brand's sub-brand.

        Counted with a sorted list of every stem's inner suffixes (two binary searches per word):
        a scan of all stems per lookup cost 3 ms, the largest share of the source chain's time."""
        if getattr(self, "_inner_suffixes", None) is None:
            stems = self._stems  # each domain's label once (not again without its hyphens)
            self._inner_suffixes = sorted(stem[i:] for stem in stems for i in range(1, len(stem)))
        suffixes = self._inner_suffixes
        return bisect_right(suffixes, word + "\uffff") - bisect_left(suffixes, word) >= at_least

    def candidates(self, text: str, strict: bool = False) -> tuple[list[Candidate], str | None]:
        """Candidates for a name, best source first, plus the country edition it asks for."""
        if strict and not looks_like_proper_name(text):
            return [], None
        toks = name_tokens(text)
        whole = self._candidates(text, toks, strict)
        base, country = split_country(toks)
        if country and all("/" in c.domain for c in whole):
            # "Business Insider France": the French edition's site before its Facebook page
            whole = self._candidates(text, base, strict) + whole
        return whole, country

    def _candidates(self, text: str, toks: list[str], strict: bool) -> list[Candidate]:
        bare = without_article(toks)
        if not bare:
            return []
        found: set[Candidate] = set()
        for key in (" ".join(toks), " ".join(bare)):
            found |= self._names.get(key, set())
        with_article = self._compact.get("".join(toks), set()) if len(toks) > len(bare) else set()
        found |= with_article  # "The Times" is thetimes.co.uk before it is any "times"
        compact = "".join(bare)
        acronym = len(compact) < 4 and text.strip().isupper()  # CNN yes, Vox no
        # in running text a bare word that is part of longer names ("monde", "times") is no name
        generic = len(bare) == 1 and (bare[0] in self._name_parts or (len(compact) < 4 and not acronym)
                                      or self._embedded_in_other_stems(compact))
        if not with_article and not (strict and generic):
            found |= self._compact.get(compact, set())
        ranked = sorted(found, key=lambda c: (SOURCE_PRIORITY[c.source], c.domain.count("."), len(c.domain), c.domain))
        best_per_domain = {}
        for candidate in ranked:
            best_per_domain.setdefault(candidate.domain, candidate)
        return list(best_per_domain.values())
