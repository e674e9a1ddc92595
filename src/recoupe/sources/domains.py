"""URL and domain normalisation, so that every way of writing an outlet's address finds its ratings.

Lists key outlets by bare domain (``zerohedge.com``), by domain plus path (``rfi.fr/en``) or by a
social-media account (``facebook.com/ZeroHedge``). A page URL is turned into an ordered list of
keys, most specific first, and the registry takes the first one a list knows.

Country editions (``businessinsider.fr`` vs ``businessinsider.com``) share a *brand stem*: they are
kept distinct (a rating of one never silently applies to the other) but the registry links them.
The public-suffix split uses the ``tld`` package (a dependency of trafilatura/courlan), which ships
its suffix list offline; private suffixes such as ``blogspot.com`` count as suffixes, so
``foo.blogspot.com`` is its own outlet, not Blogger.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

from tld import get_tld

# Prefixes that only select a rendering of the same site.
_RENDERING_PREFIX = re.compile(r"^(?:www\d*|m|mobile|amp|wap)\.")
# Platforms whose accounts (path) identify an outlet; their subdomains are renderings or languages.
SOCIAL_HOSTS = {
    "facebook.com",
    "twitter.com",
    "youtube.com",
    "instagram.com",
    "tiktok.com",
    "t.me",
    "vk.com",
    "dailymotion.com",
    "odysee.com",
    "rumble.com",
    "linkedin.com",
    "gab.com",
    "telegram.me",
    "bitchute.com",
}
_HOST_SYNONYMS = {"x.com": "twitter.com", "fb.com": "facebook.com", "youtu.be": "youtube.com"}
_MAX_PATH_SEGMENTS = 3


def _ascii_host(host: str) -> str:
    host = host.strip().strip(".").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def split(text: str) -> tuple[str, list[str]] | None:
    """``(host, path segments)`` of a URL or bare domain, lower-cased host, no query or fragment."""
    text = text.strip()
    if not text or " " in text:
        return None
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return None
    host = _ascii_host(host)
    if "." not in host:
        return None
    segments = [s for s in parts.path.split("/") if s]
    return host, segments


def strip_rendering(host: str) -> str:
    """Drop ``www.``, ``m.``, ``amp.`` ... while something registrable remains."""
    while True:
        stripped = _RENDERING_PREFIX.sub("", host, count=1)
        if stripped == host or "." not in stripped or registrable(stripped) is None:
            return host
        host = stripped


@lru_cache(maxsize=65536)
def _tld_parts(host: str):
    host = host.split("/", 1)[0]
    try:  # a ready SplitResult spares tld a urlsplit per call (the registry indexes ~20k hosts)
        return get_tld(SplitResult("http", host, "", "", ""), as_object=True)
    except Exception:  # unknown suffix, IP address, malformed
        return None


def registrable(host: str) -> str | None:
    """The registrable domain (``bbc.co.uk`` for ``news.bbc.co.uk``), or None when not a domain."""
    parts = _tld_parts(host)
    return parts.fld if parts else None


def brand_stem(host: str) -> str | None:
    """The label before the public suffix: ``businessinsider`` for ``businessinsider.com.au``."""
    parts = _tld_parts(host)
    return parts.domain if parts else None


def suffix(host: str) -> str | None:
    parts = _tld_parts(host)
    return parts.tld if parts else None


def normalise_host(text: str) -> str | None:
    """Canonical host of a URL or domain: ascii, lower case, no rendering prefix, synonyms applied."""
    parsed = split(text)
    if parsed is None:
        return None
    host = strip_rendering(parsed[0])
    if registrable(host) is None:
        return None
    base = registrable(host)
    if base in SOCIAL_HOSTS or base in _HOST_SYNONYMS:
        host = _HOST_SYNONYMS.get(base, base)
    return host


def is_domain_like(text: str) -> bool:
    """True for ``lemonde.fr`` or a URL, false for an outlet name such as ``Le Monde``."""
    return normalise_host(text) is not None and not re.search(r"\s", text.strip())


def list_key(entry: str) -> str | None:
    """The index key a list entry is stored under: host, optionally with its path (lower case)."""
    parsed = split(entry)
    if parsed is None:
        return None
    host = normalise_host(entry)
    if host is None:
        return None
    segments = [s.lower() for s in parsed[1]][:_MAX_PATH_SEGMENTS]
    return "/".join([host, *segments])


def candidate_keys(text: str) -> list[str]:
    """Keys to try for a URL or domain, most specific first.

    ``https://www.theguardian.com/observer/2020/x`` gives ``theguardian.com/observer/2020``,
    ``theguardian.com/observer``, ``theguardian.com``; ``news.bbc.co.uk`` gives itself then
    ``bbc.co.uk``. On social platforms the bare platform is a candidate only when no account is
    named (an account is not the platform).
    """
    parsed = split(text)
    host = normalise_host(text) if parsed else None
    if host is None:
        return []
    segments = [s.lower() for s in parsed[1]][:_MAX_PATH_SEGMENTS]
    keys = ["/".join([host, *segments[:n]]) for n in range(len(segments), 0, -1)]
    if host in SOCIAL_HOSTS:
        return keys or [host]  # the platform itself only when no account is named
    keys.append(host)
    base = registrable(host)
    labels = host.split(".")
    for i in range(1, len(labels)):
        parent = ".".join(labels[i:])
        if len(parent) < len(base or ""):
            break
        keys.append(parent)
    return list(dict.fromkeys(keys))


def is_social(key: str) -> bool:
    return key.split("/", 1)[0] in SOCIAL_HOSTS and "/" in key
