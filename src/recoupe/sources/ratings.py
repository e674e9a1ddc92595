"""Immutable snapshots of the rating lists: what a judgement was made with, and its id.

The findings of an analysis never read a rating list the user imported: they depend on the text
and on what ships in the package. Ratings enter afterwards, through a :class:`Ratings` snapshot
handed to :func:`recoupe.assess.assess`. A snapshot's ``id`` is a digest of the lists it holds
(their ids and their bytes), so a stored judgement says exactly which ratings produced it, and a
corpus can be re-graded when a list changes without re-parsing a single article.

Two snapshots exist by default:

- :func:`shipped_outlets` — the lists that ship with the package. The findings use it to
  recognise outlet *names* and their domains (``Bloomberg`` -> bloomberg.com); it is fixed for a
  given package version, so the findings stay a pure function of the text.
- :func:`default_ratings` — shipped lists plus those imported into ``$RECOUPE_HOME``, read once
  per process; what ``recoupe.analyze()`` judges with unless given another.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from recoupe.sources.registry import SHIPPED_DIR, OutletMatch, RatingList, Registry, recoupe_home


class Ratings:
    """A frozen set of rating lists with lookups, identified by a digest of their content.

    Build it with :meth:`from_files`, :meth:`from_lists` or :func:`default_ratings`; it has no
    method that adds or removes a list. Pickling a snapshot made from files sends the paths and the
    id, and it is rebuilt where it lands, refusing to load if the files changed in between.
    """

    __slots__ = ("_registry", "_paths", "_lists", "id", "lists")

    def __init__(self, lists: Iterable[tuple[RatingList, bytes]], paths: tuple[str, ...] | None = None) -> None:
        registry = Registry(include_shipped=False, include_home=False)
        digest = hashlib.sha256()
        for rating_list, content in lists:
            digest.update(rating_list.id.encode() + b"\0" + hashlib.sha256(content).digest())
            registry.add(rating_list, reindex=False)
        registry._index()
        self._registry = registry
        self._paths = paths
        self._lists = None if paths is not None else list(registry.lists.values())
        self.id = "ratings:" + digest.hexdigest()[:16]
        self.lists = MappingProxyType(dict(registry.lists))

    @classmethod
    def from_files(cls, paths: Iterable[Path | str]) -> Ratings:
        paths = tuple(str(p) for p in paths)
        return cls(((RatingList.load(Path(p)), Path(p).read_bytes()) for p in paths), paths=paths)

    @classmethod
    def from_lists(cls, rating_lists: Iterable[RatingList]) -> Ratings:
        """A snapshot of lists held in memory (tests, evaluations that hold one list out)."""
        return cls((rl, json.dumps(rl.to_json(), sort_keys=True, ensure_ascii=False).encode()) for rl in rating_lists)

    def without(self, *list_ids: str) -> Ratings:
        """A new snapshot with the named lists left out."""
        return Ratings.from_lists(rl for i, rl in self.lists.items() if i not in list_ids)

    def __reduce__(self):
        if self._paths is not None:
            return (_rebuild, (self._paths, self.id))
        return (Ratings.from_lists, (self._lists,))

    def __repr__(self) -> str:
        return f"Ratings({self.id}, lists={list(self.lists)})"

    # -- lookups (the registry's, read-only) -----------------------------------------------------

    def lookup_domain(self, url_or_domain: str) -> OutletMatch | None:
        return self._registry.lookup_domain(url_or_domain)

    def lookup(self, query: str) -> OutletMatch | None:
        return self._registry.lookup(query)

    def resolve_name(self, text: str, strict: bool = True) -> OutletMatch | None:
        return self._registry.resolve_name(text, strict=strict)

    def ratings_for(self, domain: str):
        return self._registry.ratings_for(domain)


def _rebuild(paths: tuple[str, ...], expected_id: str) -> Ratings:
    ratings = Ratings.from_files(paths)
    if ratings.id != expected_id:
        raise ValueError(f"rating lists changed since the snapshot {expected_id} was taken (now {ratings.id})")
    return ratings


def shipped_paths() -> list[Path]:
    return sorted(SHIPPED_DIR.glob("*.json*")) if SHIPPED_DIR.is_dir() else []


def home_paths(home: Path | None = None) -> list[Path]:
    directory = (home or recoupe_home()) / "ratings"
    return sorted(directory.glob("*.json*")) if directory.is_dir() else []


@lru_cache(maxsize=1)
def shipped_outlets() -> Ratings:
    """The lists shipped in the package: the only ratings data the findings may read (names and
    domains of outlets). Fixed for a package version."""
    return Ratings.from_files(shipped_paths())


@lru_cache(maxsize=1)
def default_ratings() -> Ratings:
    """Shipped lists plus the user's imported ones (``$RECOUPE_HOME/ratings``), read once per
    process. A list imported later is seen by :func:`load_ratings` or a new process."""
    return load_ratings()


def load_ratings(home: Path | None = None, include_shipped: bool = True) -> Ratings:
    """A fresh snapshot of what is on disk now (shipped lists, then ``home``'s)."""
    return Ratings.from_files((shipped_paths() if include_shipped else []) + home_paths(home))


__all__ = ["Ratings", "default_ratings", "load_ratings", "shipped_outlets"]
