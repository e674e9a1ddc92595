"""Publisher reliability from real rating lists: registry, domain normalisation, name aliases."""

from recoupe.sources.registry import (
    FORMATS,
    OutletMatch,
    Registry,
    RatingList,
    get_registry,
    import_list,
    parse,
    recoupe_home,
)

__all__ = [
    "FORMATS",
    "OutletMatch",
    "Registry",
    "RatingList",
    "get_registry",
    "import_list",
    "parse",
    "recoupe_home",
]
