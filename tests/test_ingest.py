"""Reading files: encodings, bad input, JSONL, directories."""

from __future__ import annotations

import json

import pytest

from recoupe.ingest import Failed, IngestError, RawDocument, decode_bytes, iter_paths


def test_decodes_utf8_bom_and_cp1252():
    text = "Élections : « déjà » 12 € — fin"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text and encoding != "utf-8"


@pytest.mark.parametrize("data, message", [(b"", "empty"), (b"\x00\x01\x02binary\x00" * 50, "binary")])
def test_rejects_empty_and_binary(data, message):
    with pytest.raises(IngestError, match=message):
        decode_bytes(data)


def test_bad_files_fail_one_by_one_and_the_rest_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"   \n")
    (tmp_path / "b_junk.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "c_big.txt").write_text("mot " * 5000, encoding="utf-8")
    (tmp_path / "d_ok.txt").write_text("Un titre\n\nUn paragraphe qui dit quelque chose.", encoding="utf-8")
    results = list(iter_paths([str(tmp_path), str(tmp_path / "missing.txt")], max_bytes=10_000))
    kinds = [(type(r).__name__, getattr(r, "error", "")) for r in results]
    assert [k for k, _ in kinds] == ["Failed", "Failed", "Failed", "RawDocument", "Failed"]
    assert "empty" in kinds[0][1] and "binary" in kinds[1][1] and "too large" in kinds[2][1]
    assert "no such file" in kinds[4][1]


def test_jsonl_records_in_order_with_bad_lines_reported(tmp_path):
    lines = [
        json.dumps({"text": "Premier article.", "url": "https://example.org/1", "title": "Un"}),
        "{not json",
        json.dumps({"html": "<html><body><p>Second.</p></body></html>", "publisher": "Exemple"}),
        json.dumps({"title": "no body"}),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(iter_paths([str(path)]))
    assert isinstance(results[0], RawDocument) and results[0].url == "https://example.org/1"
    assert results[0].hints["title"] == "Un"
    assert isinstance(results[1], Failed) and "invalid JSON" in results[1].error
    assert isinstance(results[2], RawDocument) and results[2].html and results[2].hints["publisher"] == "Exemple"
    assert isinstance(results[3], Failed) and "no non-empty" in results[3].error


def test_html_is_sniffed_in_txt_files(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body><p>x</p></body></html>", encoding="utf-8")
    (doc,) = list(iter_paths([str(path)]))
    assert doc.html is not None and doc.text is None
