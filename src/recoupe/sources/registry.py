"""Publisher ratings from several real lists, kept side by side and never averaged here.

Every list is parsed into one store format (``RatingList``): its id, licence, date, a description
of its native scale, and one ``recoupe.model.Rating`` per outlet with the native label, the native
value and a normalised 0-1 score. Lists whose licence allows it ship, already converted, in
``recoupe/resources/ratings/``; the others are converted once by ``recoupe sources import`` into
``$RECOUPE_HOME/ratings/`` (default ``~/.local/share/recoupe/ratings/``).

The normalised scores are a convenience for ranking; the native label is what a report shows.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from recoupe.model import Rating
from recoupe.sources import domains
from recoupe.sources.aliases import AliasTable, Candidate

SHIPPED_DIR = Path(__file__).resolve().parents[1] / "resources" / "ratings"
FORMATS = ("decodex", "mbfc", "golden", "lin", "csv", "json")

# Normalisation of each list's native scale to 0-1 (documented, and shown in `recoupe sources lists`).
DECODEX_NOTES = {
    1: ("parodique", 0.05, "satire/parody site: not a news source"),
    2: ("très peu fiable", 0.1, None),
    3: ("peu fiable", 0.4, None),
    4: ("plutôt fiable", 0.85, None),
}
MBFC_FACTUAL = {"very high": 1.0, "high": 0.85, "mostly factual": 0.65, "mixed": 0.45, "low": 0.2, "very low": 0.05}
GOLDEN_LABELS = {
    1: ("reliable", 0.85),
    0: ("mixed", 0.45),
    -1: ("unreliable", 0.15),
    -2: ("deprecated/blacklisted", 0.0),
}
LIST_INFO = {
    "decodex": dict(
        title="Le Monde Décodex (site list)",
        licence="published openly by Le Monde, no licence stated: not shipped, import it",
        date="2021",
        scale="notes 1 parodique, 2 très peu fiable, 3 peu fiable, 4 plutôt fiable -> 0.05/0.1/0.4/0.85",
    ),
    "mbfc": dict(
        title="Media Bias/Fact Check (via idiap/News-Media-Reliability)",
        licence="Apache-2.0",
        date=None,
        scale="factual reporting very high/high/mostly factual/mixed/low/very low -> 1/0.85/0.65/0.45/0.2/0.05",
    ),
    "golden": dict(
        title="idiap News-Media-Reliability golden truth labels",
        licence="Apache-2.0",
        date=None,
        scale="1 reliable, 0 mixed, -1 unreliable, -2 deprecated -> 0.85/0.45/0.15/0",
    ),
    "lin": dict(
        title="Lin et al. 2023 aggregate domain quality (pc1)",
        licence="reuse allowed by the authors",
        date="2023",
        scale="pc1 in 0-1, used as is",
    ),
}


@dataclass
class RatingList:
    """One rating list in the store format."""

    id: str
    title: str
    licence: str
    scale: str
    date: str | None = None
    source: str | None = None
    ratings: list[Rating] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # domain -> outlet name
    aliases: dict[str, str] = field(default_factory=dict)  # secondary key (social, mirror) -> domain

    def to_json(self) -> dict:
        rows = [r.model_dump(exclude_none=True, exclude={"list"}) for r in self.ratings]
        meta = {k: getattr(self, k) for k in ("id", "title", "licence", "scale", "date", "source")}
        return {**meta, "ratings": rows, "names": self.names, "aliases": self.aliases}

    @classmethod
    def from_json(cls, data: dict) -> RatingList:
        ratings = [Rating.model_construct(list=data["id"], **{**_RATING_DEFAULTS, **r}) for r in data["ratings"]]
        meta = {k: data.get(k) for k in ("id", "title", "licence", "scale", "date", "source")}
        return cls(**meta, ratings=ratings, names=data.get("names", {}), aliases=data.get("aliases", {}))

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        if path.suffix == ".gz":
            path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
        else:
            path.write_text(text, encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> RatingList:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        return cls.from_json(json.loads(raw))


_RATING_DEFAULTS = {"label": None, "native": None, "score": None, "date": None, "note": None}


def _new_list(list_id: str, source: Path | str | None) -> RatingList:
    return RatingList(id=list_id, source=str(source) if source else None, **LIST_INFO[list_id])


def _collapse(entries: list[tuple[str, Rating]]) -> list[Rating]:
    """One rating per outlet and value: when several raw entries normalise to the same key
    (``www.x.com`` and ``x.com``), the entry written exactly as the key wins; genuinely
    conflicting rows of one list (MBFC rates some outlets twice) are all kept, side by side."""
    by_key: dict[str, list[tuple[bool, Rating]]] = defaultdict(list)
    for raw, rating in entries:
        by_key[rating.domain].append((raw.strip().lower().rstrip("/") == rating.domain, rating))
    out = []
    for group in by_key.values():
        exact = [r for is_exact, r in group if is_exact] or [r for _, r in group]
        seen = set()
        for rating in exact:
            if rating.native not in seen:
                seen.add(rating.native)
                out.append(rating)
    return out


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def parse_decodex(path: Path) -> RatingList:
    """``{"sites": {id: [note, description, name, slug]}, "urls": {domain-or-account: id}}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = _new_list("decodex", path)
    keys_by_site: dict[str, list[str]] = defaultdict(list)
    for entry, site_id in data["urls"].items():
        key = domains.list_key(entry)
        if key:
            keys_by_site[str(site_id)].append(key)
    entries = []
    for site_id, (note, description, name, slug) in data["sites"].items():
        keys = keys_by_site.get(site_id)
        if not keys:
            continue
        primary = _primary_key(keys, slug)
        label, score, remark = DECODEX_NOTES.get(int(note), (str(note), None, None))
        rating = Rating(list="decodex", domain=primary, label=label, native=int(note), score=score, date=out.date,
                        note="; ".join(x for x in (remark, description, f"site {site_id}") if x))
        entries.append((primary, rating))
        out.names.setdefault(primary, name)  # mobile.lemonde.fr is lemonde.fr: the first site names it
        out.aliases.update({k: primary for k in keys if k != primary and k not in out.aliases})
    out.ratings = _collapse(entries)
    return out


def _primary_key(keys: list[str], slug: str) -> str:
    """The site's own domain: not a social account, preferably the one its slug names."""
    own = [k for k in keys if not domains.is_social(k)] or keys
    wanted = slug.replace("-", "")
    for key in own:
        if (domains.brand_stem(key.split("/")[0]) or "").replace("-", "") == wanted:
            return key
    return sorted(own, key=lambda k: ("/" in k, len(k)))[0]


def parse_mbfc(path: Path) -> RatingList:
    out = _new_list("mbfc", path)
    entries = []
    for row in _rows(path):
        key = domains.list_key(row["source"])
        factual = row["factual_reporting"].strip().lower()
        if not key:
            continue
        details = [f"credibility: {row['mbfc_credibility_rating']}" if row["mbfc_credibility_rating"] else None,
                   f"bias: {row['bias']}" if row["bias"] else None,
                   f"country: {row['country']}" if row["country"] else None]
        entries.append((row["source"], Rating(
            list="mbfc", domain=key, label=f"factual reporting {factual}", native=factual,
            score=MBFC_FACTUAL.get(factual), note="; ".join(d for d in details if d))))
    out.ratings = _collapse(entries)
    return out


def parse_golden(path: Path) -> RatingList:
    out = _new_list("golden", path)
    entries = []
    for row in _rows(path):
        key = domains.list_key(row["domain"])
        if not key:
            continue
        value = int(row["reliability_label"])
        label, score = GOLDEN_LABELS.get(value, (str(value), None))
        note = f"label source: {row['label_source']}"
        if row.get("newsguard_score"):
            note += f"; NewsGuard score {row['newsguard_score']}"
        entries.append((row["domain"], Rating(list="golden", domain=key, label=label, native=value,
                                              score=score, note=note)))
    out.ratings = _collapse(entries)
    return out


def parse_lin(path: Path) -> RatingList:
    out = _new_list("lin", path)
    entries = []
    for row in _rows(path):
        key = domains.list_key(row["domain"])
        if not key or not row.get("pc1"):
            continue
        pc1 = round(float(row["pc1"]), 4)
        entries.append((row["domain"], Rating(list="lin", domain=key, label=f"quality {pc1:.2f}", native=pc1,
                                              score=pc1, date=out.date)))
    out.ratings = _collapse(entries)
    return out


def parse_user(path: Path, list_id: str | None = None) -> RatingList:
    """A user list (CSV or JSON, format in ``sources/README.md``): domain + score 0-1 + optional fields."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data if isinstance(data, list) else data.get("ratings", [])
        meta = {} if isinstance(data, list) else data
    else:
        rows, meta = _rows(path), {}
    list_id = list_id or meta.get("list") or meta.get("id") or path.stem
    out = RatingList(id=list_id, title=meta.get("title", f"user list {path.name}"),
                     licence=meta.get("licence", "user supplied"), scale=meta.get("scale", "score 0-1"),
                     date=meta.get("date"), source=str(path))
    for row in rows:
        key = domains.list_key(str(row.get("domain") or row.get("url") or ""))
        if not key:
            continue
        score = row.get("score")
        score = float(score) if score not in (None, "") else None
        if score is not None and not 0.0 <= score <= 1.0:
            raise ValueError(f"{path}: score {score} for {key} is outside 0-1")
        out.ratings.append(Rating(list=list_id, domain=key, label=row.get("label") or None,
                                  native=row.get("label") or score, score=score,
                                  date=row.get("date") or out.date, note=row.get("note") or None))
        if row.get("name"):
            out.names[key] = row["name"]
    return out


PARSERS = {"decodex": parse_decodex, "mbfc": parse_mbfc, "golden": parse_golden, "lin": parse_lin,
           "csv": parse_user, "json": parse_user}


def parse(path: Path | str, fmt: str, list_id: str | None = None) -> RatingList:
    if fmt not in PARSERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return parse_user(Path(path), list_id) if fmt in ("csv", "json") else PARSERS[fmt](Path(path))


def recoupe_home() -> Path:
    return Path(os.environ.get("RECOUPE_HOME") or Path.home() / ".local" / "share" / "recoupe")


# A list id becomes a file name in $RECOUPE_HOME/ratings/: a fixed pattern, so no path
# separator, no "..", no hidden or empty name can come from a list's own metadata.
LIST_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class ListIdError(ValueError):
    """A list id that cannot be used as given (the message says why and what to do)."""


def shipped_list_ids() -> set[str]:
    return {p.name.split(".", 1)[0] for p in SHIPPED_DIR.glob("*.json*")} if SHIPPED_DIR.is_dir() else set()


def check_list_id(list_id: object, *, replace: bool = False) -> str:
    """The id, if it matches LIST_ID and does not shadow a shipped list (unless ``replace``)."""
    if not isinstance(list_id, str) or not LIST_ID.fullmatch(list_id):
        raise ListIdError(f"invalid list id {list_id!r}: use 1-64 lower-case letters, digits, '-' or '_', "
                          "starting with a letter or digit (give one with --id)")
    if list_id in shipped_list_ids() and not replace:
        raise ListIdError(f"list id {list_id!r} is a list shipped with recoupe; choose another --id, "
                          "or pass --replace to use your list instead of the shipped one")
    return list_id


@dataclass
class Imported:
    path: Path
    list_id: str
    replaced: str | None  # "shipped" or "imported" when an existing list of that id is now overridden


def import_list(path: Path | str, fmt: str, list_id: str | None = None, *, replace: bool = False) -> Path:
    """Convert a list once into the local store; returns where it was written (see
    :func:`import_rating_list` for what it replaced)."""
    return import_rating_list(path, fmt, list_id, replace=replace).path


def import_rating_list(path: Path | str, fmt: str, list_id: str | None = None, *, replace: bool = False) -> Imported:
    """Convert a list once into the local store; says where it was written and what it replaced.
    :class:`ListIdError` for an id that is not a safe file name or shadows a shipped list."""
    if list_id is not None:
        check_list_id(list_id, replace=replace)
    rating_list = parse(path, fmt, list_id)
    checked = check_list_id(rating_list.id, replace=replace)
    store = (recoupe_home() / "ratings").resolve()
    target = store / f"{checked}.json"
    if target.parent != store:  # cannot happen with LIST_ID; kept as the last line of defence
        raise ListIdError(f"list id {checked!r} would be written outside {store}")
    replaced = "shipped" if checked in shipped_list_ids() else "imported" if target.exists() else None
    return Imported(rating_list.save(target), checked, replaced)


@dataclass
class OutletMatch:
    """What the lists say about one outlet, and how the query found it."""

    name: str | None
    domain: str
    ratings: list[Rating]
    matched_by: str
    related: dict[str, list[Rating]] = field(default_factory=dict)  # other country editions, same brand
    alternatives: list[str] = field(default_factory=list)  # other outlets the same name could mean

    def to_dict(self) -> dict:
        return {"name": self.name, "domain": self.domain, "matched_by": self.matched_by,
                "ratings": [r.model_dump() for r in self.ratings],
                "related": {d: [r.model_dump() for r in rs] for d, rs in self.related.items()},
                "alternatives": self.alternatives}


_GENERIC_SUFFIXES = {"com", "org", "net", "info", "news", "co", "io", "media", "tv"}


class Registry:
    """All loaded lists, indexed by domain key, secondary key (social accounts) and name."""

    def __init__(self, extra_files: list[tuple[Path | str, str]] = (), include_shipped: bool = True,
                 include_home: bool = True) -> None:
        self.lists: dict[str, RatingList] = {}
        paths: list[Path] = []
        if include_shipped and SHIPPED_DIR.is_dir():
            paths += sorted(SHIPPED_DIR.glob("*.json*"))
        home = recoupe_home() / "ratings"
        if include_home and home.is_dir():
            paths += sorted(home.glob("*.json*"))
        for path in paths:
            self.add(RatingList.load(path), reindex=False)
        for path, fmt in extra_files:
            self.add(parse(path, fmt), reindex=False)
        self._index()

    def add(self, rating_list: RatingList, reindex: bool = True) -> None:
        """Add (or replace, by id) a list and rebuild the indexes."""
        self.lists[rating_list.id] = rating_list
        if reindex:
            self._index()

    def _index(self) -> None:
        self.by_key: dict[str, list[Rating]] = defaultdict(list)
        self.secondary: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.by_stem: dict[str, set[str]] = defaultdict(set)
        self.aliases = AliasTable()
        for rating_list in self.lists.values():
            for rating in rating_list.ratings:
                self.by_key[rating.domain].append(rating)
            self.secondary.update(rating_list.aliases)
            for domain, name in rating_list.names.items():
                self.names.setdefault(domain, name)
                self.aliases.add_name(name, domain, rating_list.id)
        for name, domain in curated_aliases():
            if domain in self.by_key:
                self.aliases.add_name(name, domain, "curated")
        for key in self.by_key:
            if "/" not in key:
                stem = domains.brand_stem(key)
                self.by_stem[stem].add(key)
                self.aliases.add_stem(stem, key)

    # -- queries ---------------------------------------------------------------------------------

    def ratings_for(self, domain: str) -> list[Rating]:
        order = list(self.lists)
        return sorted(self.by_key.get(domain, []), key=lambda r: order.index(r.list) if r.list in order else 99)

    def related_for(self, domain: str) -> dict[str, list[Rating]]:
        """Other country editions of the same brand (``businessinsider.fr`` <-> ``.com``)."""
        host = domain.split("/")[0]
        stem = domains.brand_stem(host)
        if not stem or len(stem) < 4:
            return {}
        base = domains.registrable(host)
        editions = (d for d in sorted(self.by_stem.get(stem, ())) if d == domains.registrable(d))
        return {d: self.ratings_for(d) for d in editions if d != base and d != domain}

    def _match(self, domain: str, matched_by: str, alternatives: list[str] = (), name: str | None = None
               ) -> OutletMatch:
        return OutletMatch(name=self.names.get(domain) or name, domain=domain, ratings=self.ratings_for(domain),
                           matched_by=matched_by, related=self.related_for(domain),
                           alternatives=[a for a in alternatives if a != domain])

    def lookup_domain(self, url_or_domain: str) -> OutletMatch | None:
        keys = domains.candidate_keys(url_or_domain)
        for i, key in enumerate(keys):
            if key in self.secondary:
                how = "social" if domains.is_social(key) else "domain-alias"
                return self._match(self.secondary[key], how)
            if key in self.by_key:
                how = "domain" if i == 0 or key == domains.normalise_host(url_or_domain) else "parent-domain"
                if "/" in key:
                    how = "social" if domains.is_social(key) else "domain-path"
                return self._match(key, how)
        if keys and "/" not in keys[-1] and self.related_for(keys[-1]):
            host = domains.normalise_host(url_or_domain)
            return OutletMatch(name=None, domain=host, ratings=[], matched_by="unrated",
                               related=self.related_for(host))
        return None

    def _choose(self, candidates: list[Candidate], country: str | None) -> tuple[Candidate, list[str]] | None:
        """Pick one outlet among the name's candidates: asked-for country edition, else the generic one."""
        if not candidates:
            return None
        if country:
            editions = {d for c in candidates for d in self.by_stem.get(domains.brand_stem(c.domain) or "", ())}
            named = {c.domain for c in candidates}
            in_country = sorted((d for d in editions if (domains.suffix(d) or "").split(".")[-1] == country),
                                key=lambda d: (d not in named, d.count("."), len(d), d))
            if in_country:
                return Candidate(in_country[0], candidates[0].source, candidates[0].list_id), []
        best = candidates[0]
        same_brand = [c for c in candidates if domains.brand_stem(c.domain) == domains.brand_stem(best.domain)]
        if not country and len({c.domain for c in same_brand}) > 1:
            generic = [c for c in same_brand if domains.suffix(c.domain) in _GENERIC_SUFFIXES]
            best = generic[0] if generic else best
        others = list(dict.fromkeys(c.domain for c in candidates if c.domain != best.domain))
        return best, others

    def resolve_name(self, text: str, strict: bool = True) -> OutletMatch | None:
        """An outlet named in running text (``Le Monde``, ``l'AFP``); never a bare common word."""
        chosen = self._choose(*self.aliases.candidates(text, strict=strict))
        if chosen is None:
            return None
        best, others = chosen
        return self._match(best.domain, best.matched_by, others, name=text.strip())

    def lookup(self, query: str) -> OutletMatch | None:
        """A URL, domain, social account or outlet name, whichever the query is."""
        query = query.strip()
        if domains.is_domain_like(query):
            found = self.lookup_domain(query)
            if found is not None:
                return found
        return self.resolve_name(query, strict=False)


@lru_cache(maxsize=1)
def curated_aliases() -> list[tuple[str, str]]:
    """Hand-written names whose domain is not the name run together (``Associated Press`` -> apnews.com)."""
    path = SHIPPED_DIR / "aliases.tsv"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")[:2]) for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    """The process-wide registry: shipped lists plus those imported into ``$RECOUPE_HOME``."""
    return Registry()


def build_shipped(shared_reliability_dir: Path | str) -> list[Path]:
    """Regenerate the shipped, licence-compatible lists from the raw files."""
    src = Path(shared_reliability_dir)
    files = {"mbfc": "mbfc.csv", "golden": "golden_truth_dataset.csv", "lin": "lin2023_domain_ratings.csv"}
    return [parse(src / name, fmt).save(SHIPPED_DIR / f"{fmt}.json.gz") for fmt, name in files.items()]
