"""Bytes to text, per file, never silently wrong.

Order of evidence: a byte-order mark (UTF-32 before UTF-16: the UTF-32 LE mark begins with the
UTF-16 LE one); the zero-byte pattern of UTF-16/32 without a mark; strict UTF-8; UTF-8 with a few
bad bytes (repaired and reported); then a charset guess. Each repair is a warning.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

LATIN_SINGLE_BYTE = {
    "ascii", "utf_8", "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_1", "iso8859_2", "iso8859_9",
    "iso8859_3", "iso8859_4", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman",
    "mac_latin2", "mac_iceland", "cp850", "cp858", "cp437",
}
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A file is read as UTF-8 with repairs when its valid non-ASCII characters outnumber its bad
# bytes at least this many times: one stray byte in a French UTF-8 article (even a short one has
# a handful of accented letters) is a repair, while a cp1252 file (every accented letter a bad
# byte, valid multi-byte sequences almost never formed by chance) is not.
UTF8_VALID_PER_BAD = 3


class IngestError(Exception):
    """A document that cannot be read; the message is one line for the user."""


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> Decoded:
    """Decode one file's bytes; :class:`IngestError` when they are not text."""
    if not data:
        raise IngestError("empty input")
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc + " (BOM)")
            except UnicodeDecodeError as exc:
                text = data[len(bom):].decode(enc, errors="replace")
                return Decoded(text, enc + " (BOM)", [f"invalid {enc} at byte {exc.start + len(bom):,}: replaced by U+FFFD"])
    wide = _wide_encoding(data)
    if wide:
        try:
            return Decoded(data.decode(wide), wide + " (no BOM)")
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise IngestError("binary content (not text, HTML or JSONL)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    repaired = _repaired_utf8(data, first_bad)
    if repaired is not None:
        return repaired
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = (best.encoding if best else None) or "cp1252"
    # Latin-script single-byte guesses are indistinguishable on short texts; for a French and
    # English news tool the Windows Western code page is by far the likeliest of them.
    if encoding.replace("-", "_").lower() in LATIN_SINGLE_BYTE:
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = data.decode("cp1252", errors="replace")
        return Decoded(text, "cp1252", ["undecodable bytes replaced by U+FFFD (encoding guessed as cp1252)"])
    return Decoded(text, encoding, [f"not UTF-8: decoded as {encoding} (guessed)"])


def _repaired_utf8(data: bytes, first_bad: int) -> Decoded | None:
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in text if c > "\x7f" and not ("\udc80" <= c <= "\udcff"))
    if valid < UTF8_VALID_PER_BAD * bad:
        return None
    text = "".join("\ufffd" if "\udc80" <= c <= "\udcff" else c for c in text)
    return Decoded(text, "utf-8", [f"repaired {bad} invalid UTF-8 byte(s) (replaced by U+FFFD), first at byte {first_bad:,}"])


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, from where the zero bytes fall (text that is
    mostly Latin script has a zero in every high byte)."""
    head = data[:4096]
    n = len(head) - len(head) % 4
    if n < 8:
        return None
    head = head[:n]

    def zeros(offset: int, step: int) -> float:
        column = head[offset::step]
        return column.count(0) / len(column)

    z4 = [zeros(k, 4) for k in range(4)]
    if z4[2] > 0.95 and z4[3] > 0.95 and z4[0] < 0.05:
        return "utf-32-le"
    if z4[0] > 0.95 and z4[1] > 0.95 and z4[3] < 0.05:
        return "utf-32-be"
    even, odd = zeros(0, 2), zeros(1, 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > max(8, len(head) // 20)
