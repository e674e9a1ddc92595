"""Where annotated and predicted texts sit in an article file, by the attribution README's rules.

Shared by the scorer (``evaluation.attribution``) and the extra annotations
(``evaluation.extra_attribution``), which store their evidence as the offsets these give.
"""

from __future__ import annotations


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate(article: str, text: str, near: int | None = None) -> tuple[int, int] | None:
    """Where ``text`` is in the article file: its first occurrence, as the README's scorer does (the
    figures recorded there are reproduced only this way), or with ``near`` (the position the report's
    own offsets give) the occurrence nearest to it, which places short repeated spans correctly."""
    if not text:
        return None
    if near is None:
        at = article.find(text)
        return None if at == -1 else (at, at + len(text))
    best, at = None, article.find(text)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = article.find(text, at + 1)
    return None if best is None else (best, best + len(text))


def _gold_span(article: str, text: str) -> tuple[int, int]:
    at = article.find(text)
    if at == -1:
        raise ValueError(f"gold evidence not in article: {text[:60]!r}")
    return at, at + len(text)
