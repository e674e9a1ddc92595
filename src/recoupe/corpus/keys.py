"""Identities in the corpus: content hashes, canonical URLs, article ids, cross-article entity keys."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from recoupe.analysis.text import fold as text_fold

# Query parameters that only track the reader; dropping them makes one article one canonical URL.
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|xtor|at_\w+|ref|ref_src|cmpid|ito|icid|_ga)$", re.I)


def normalise_body(body: str) -> str:
    return " ".join(body.split())


def content_hash(body: str) -> str:
    """Digest of the body with whitespace collapsed: the same text re-wrapped is the same article."""
    return hashlib.sha256(normalise_body(body).encode("utf-8")).hexdigest()


def input_hash(content: str | bytes, url: str | None) -> str:
    """Digest of one raw input as read (URL and bytes): re-reading it is recognised without extraction."""
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    h = hashlib.sha256((url or "").encode("utf-8") + b"\x00")
    h.update(data)
    return h.hexdigest()


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port, no trailing '/'."""
    if not url or "://" not in url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    if parts.port and not ((parts.scheme == "http" and parts.port == 80) or (parts.scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def domain_of(url: str | None) -> str | None:
    """Host without ``www.``: the publisher's domain as the rating lists write it."""
    if not url or "://" not in url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else host or None


def article_id(body_hash: str, canonical: str | None) -> str:
    """An article is its text at its address: the same body under another URL is another article
    (a copy, recorded as such), the same body with no URL is one article however often it is read."""
    return hashlib.sha256(f"{body_hash}\n{canonical or ''}".encode()).hexdigest()[:24]


def fold(text: str) -> str:
    """The analysis's fold (accents off, case folded), then punctuation to spaces: 'Élysée' and
    'elysee' meet, and so do 'Le Pen' and 'Le-Pen'."""
    return " ".join(re.sub(r"[^\w]+", " ", text_fold(text)).split())


# The acronym the analysis writes after a body's full name when the article named it by the acronym alone
# (``analysis.entities._spelt_out``: *Parti socialiste (PS)*)
SPELT_OUT_ACRONYM = re.compile(r"\s+\([A-ZÉ][A-Za-zÉ0-9-]{1,9}\)$")


def entity_key(label: str, canonical: str) -> str:
    """Cross-article key of an entity: its label and folded canonical name ('PER:mark zuckerberg'); a body named
    *Parti socialiste (PS)* by an article that wrote *le PS* keys as the one an article spells out does."""
    return f"{label}:{fold(SPELT_OUT_ACRONYM.sub('', canonical))}"[:255]
