"""Issue 10's bad inputs, one regression test each: real files, real subprocesses, no mocks.

Nothing a page can contain stops the batch, eats the machine or writes to the terminal.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recoupe import guard
from recoupe.ingest import Failed, RawDocument, decode, iter_paths
from recoupe.pipeline import AnalysisError, Options, analyze, analyze_many

LIGHT = ["--no-genre", "--no-persuasion", "--no-credibility"]
FAST = Options(genre=False, persuasion=False, credibility=False)
ARTICLE = ("Une usine ferme ses portes\n\nLa direction de l'usine a annoncé lundi la fermeture du site de Lyon, "
           "qui emploie 300 salariés, selon un communiqué publié par l'entreprise Verdalys.\n\n"
           "« Nous n'avions pas le choix », a déclaré Marie Dupont, directrice du site, citée par Le Monde.\n")


def run(*args, stdin=None, timeout=300, env=None):
    return subprocess.run([sys.executable, "-m", "recoupe", *args], capture_output=True, text=True,
                          input=stdin, timeout=timeout, env=env)


def check_spans(report) -> int:
    """Every span-shaped value in the report points at its text (the fuzzer's own check)."""
    from recoupe.evaluation.fuzz import check_report

    return check_report(report)


# -- reading -------------------------------------------------------------------------------------


def test_truncated_gzip_is_one_failed_document_and_the_batch_goes_on(tmp_path):
    whole = gzip.compress(ARTICLE.encode("utf-8") * 50)
    (tmp_path / "a.txt.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run("analyze", str(tmp_path), "-f", "json", *LIGHT)
    assert proc.returncode == 1
    reports = json.loads(proc.stdout)
    assert [r["source"] for r in reports] == [str(tmp_path / "b.txt")]
    assert "truncated gzip" in proc.stderr


def test_gzip_bomb_is_capped(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))  # 5 MB from ~5 kB
    (result,) = list(iter_paths([str(path)], max_bytes=1_000_000))
    assert isinstance(result, Failed) and "too large once decompressed" in result.error


def test_two_megabyte_single_line_is_analysed_in_sections(tmp_path):
    """Over spaCy's max_length (1,000,000): parsed in sections instead of killing the batch. One
    long token keeps the parse cheap; the language is forced because no identifier reads it."""
    path = tmp_path / "line.txt"
    path.write_text("x" * 2_100_000, encoding="utf-8")
    (tmp_path / "z.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run("analyze", str(path), str(tmp_path / "z.txt"), "-f", "jsonl", "--lang", "fr", *LIGHT)
    assert proc.returncode == 0, proc.stderr
    first, second = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(first["body"]) == 2_100_000 and second["source"].endswith("z.txt")


def test_sectioned_parse_keeps_text_and_offsets():
    from recoupe.nlp import get_nlp

    text = (ARTICLE + "\n") * 40
    nlp = get_nlp("fr")
    whole, parts = nlp(text), guard.parse(nlp, text, size=700)
    assert len(guard.sections(text, 700)) > 5
    assert parts.text == text
    assert {(e.start_char, e.end_char) for e in parts.ents} and all(
        text[e.start_char:e.end_char] == e.text for e in parts.ents)
    for m in (m for e in parts._.entities for m in e.mentions):
        assert text[m.start:m.end] == m.text
    # the same people and organisations as the unsectioned parse (sections end at line breaks)
    assert {e.canonical for e in parts._.entities} == {e.canonical for e in whole._.entities}


def test_jsonl_wrong_types_and_lone_surrogates_are_per_line(tmp_path):
    lines = [
        json.dumps({"text": ARTICLE, "lang": ["fr"]}),
        '{"text": "' + ARTICLE.replace("\n", "\\n").replace('"', '\\"') + ' \\ud800", "title": "x\\udfff"}',
        json.dumps({"text": ARTICLE, "title": "Un titre\u2028avec séparateur"}, ensure_ascii=False),
        json.dumps({"text": 42}),
        json.dumps({"text": ARTICLE, "authors": ["A", 3]}),
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("analyze", str(path), "-f", "jsonl", *LIGHT)
    assert proc.returncode == 1
    reports = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in reports] == [f"{path}:2", f"{path}:3"]
    assert "\ufffd" in reports[0]["body"] and any("surrogate" in w for w in reports[0]["warnings"])
    assert reports[1]["title"] == "Un titre\u2028avec séparateur"  # U+2028 did not split the record
    assert f"{path}:1: field 'lang' must be a string, got a list" in proc.stderr
    assert f"{path}:4: field 'text' must be a string, got a number" in proc.stderr
    assert f"{path}:5: field 'authors' must be a list of strings" in proc.stderr


def test_fifo_and_dev_zero_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    started = time.monotonic()
    proc = run("analyze", str(fifo), "/dev/zero", str(tmp_path / "ok.txt"), "-f", "json", *LIGHT, timeout=120)
    assert time.monotonic() - started < 120
    assert proc.returncode == 1
    assert [r["source"] for r in json.loads(proc.stdout)] == [str(tmp_path / "ok.txt")]
    assert "not a regular file (a FIFO)" in proc.stderr and "/dev/zero: not a regular file (a character device)" in proc.stderr


def test_fifo_inside_a_directory_is_reported(tmp_path):
    os.mkfifo(tmp_path / "a_pipe.txt")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    results = list(iter_paths([str(tmp_path)]))
    assert isinstance(results[0], Failed) and "FIFO" in results[0].error
    assert isinstance(results[1], RawDocument)


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to read the tree as an unprivileged user")
def test_unreadable_subdirectory_is_reported(tmp_path):
    """As an unprivileged user (root reads everything), a directory without permissions is
    reported on stderr; the readable file beside it is analysed."""
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="recoupe-unreadable-", dir="/tmp"))  # pytest's tmp is root-only
    request_cleanup = lambda: (os.chmod(root / "locked", 0o700), shutil.rmtree(root))  # noqa: E731
    (root / "locked").mkdir()
    (root / "locked" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    os.chmod(root / "locked", 0)
    os.chmod(root, 0o755)
    os.chmod(root / "ok.txt", 0o644)
    code = ("import sys; sys.path.insert(0, %r); from recoupe.ingest import iter_paths; "
            "[print(type(r).__name__, r.source, getattr(r, 'error', '')) for r in iter_paths([%r])]"
            % (str(Path(guard.__file__).parents[1]), str(root)))
    try:
        proc = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                               code], capture_output=True, text=True, timeout=60)
    finally:
        request_cleanup()
    if "Permission denied" in proc.stderr and "Traceback" in proc.stderr and "recoupe" not in proc.stdout:
        pytest.skip(f"the unprivileged user cannot run this interpreter: {proc.stderr[-200:]}")
    lines = proc.stdout.splitlines()
    assert f"Failed {root / 'locked'} unreadable directory: Permission denied" in lines, proc.stdout + proc.stderr
    assert f"RawDocument {root / 'ok.txt'} " in lines


def test_stray_byte_in_utf8_is_repaired_not_recoded():
    data = ARTICLE.encode("utf-8")
    cut = data.index("salariés".encode())
    decoded = decode(data[:cut] + b"\xff" + data[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == ARTICLE[: len(data[:cut].decode())] + "\ufffd" + ARTICLE[len(data[:cut].decode()):]
    assert "repaired 1 invalid UTF-8 byte" in decoded.warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_and_without_bom(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    (doc,) = list(iter_paths([str(path)]))
    assert isinstance(doc, RawDocument), doc
    assert doc.text == ARTICLE and doc.encoding.startswith(encoding[:6])  # UTF-32 is not read as UTF-16


def test_warnings_from_reading_reach_the_report(tmp_path):
    data = ARTICLE.encode("utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(data[:40] + b"\xff" + data[40:])
    proc = run("analyze", str(path), "-f", "json", *LIGHT)
    (report,) = json.loads(proc.stdout)
    assert any("invalid UTF-8 byte" in w for w in report["warnings"])


def test_chinese_is_reported_as_an_unsupported_language():
    text = ("北京市政府宣布新的交通政策\n今天上午\n北京市政府召开新闻发布会\n宣布了一系列新的交通管理措施\n"
            "据介绍\n这些措施将于下个月开始实施\n市民对此反应不一\n")
    report = analyze(text, options=FAST)
    assert report.language == "zh"
    assert any("no language pipeline for 'zh'" in w for w in report.warnings)
    assert report.body.strip()


# -- analysing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "\ud800 Le gouvernement a annoncé lundi une réforme des retraites, selon un communiqué.",
    "Le gouvernement \x00\x1b[2J a annoncé lundi une réforme\x07 des retraites.",
    ARTICLE[:60] + ")" * 20_000 + ARTICLE[60:],
    ARTICLE[:60] + "\U0001F600" * 6_000 + ARTICLE[60:],
    ARTICLE[:60] + "e" + "\u0301" * 6_000 + ARTICLE[60:],
    "\u202e" + ARTICLE + "\u200f" * 50,
])
def test_hostile_text_is_repaired_with_offsets_kept(text):
    started = time.monotonic()
    report = analyze(text, options=FAST)
    assert time.monotonic() - started < 60
    assert len(report.body) <= len(text)
    check_spans(report)
    assert report.to_json()  # encodable: no lone surrogate left
    if text.startswith("\ud800") or "\x1b" in text or ")" * 100 in text:
        assert report.warnings


@pytest.mark.parametrize("value", [None, 3, ["a"], b"", b"\x00\x01" * 100, "   "])
def test_bad_values_raise_analysis_error_only(value):
    with pytest.raises(AnalysisError):
        analyze(value, options=FAST)


def test_batch_turns_every_bad_item_into_failed():
    items = [ARTICLE, None, "", RawDocument(source="r", text=ARTICLE, hints={"lang": ["fr"], "title": 3}), 7]
    results = list(analyze_many(items, options=FAST))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failed", "Failed", "Analysis", "Failed"]
    assert any("ignored hint 'title'" in w for w in results[3].warnings)


def test_time_budget_and_memory_ceiling_fail_the_document_not_the_batch():
    results = list(analyze_many([ARTICLE, ARTICLE], options=Options(genre=False, persuasion=False, time_budget=1e-9)))
    assert all(isinstance(r, Failed) and "time budget exceeded" in r.error for r in results)
    results = list(analyze_many([ARTICLE], options=Options(genre=False, persuasion=False, memory_ceiling=1)))
    assert isinstance(results[0], Failed) and "memory ceiling exceeded" in results[0].error


def test_punctuation_runs_are_broken_one_for_one():
    text = "a" + ")" * 100 + "b"
    fixed, warnings = guard.neutralise_runs(text)
    assert len(fixed) == len(text) and fixed[0] == "a" and fixed[-1] == "b"
    assert max(len(run) for run in fixed[1:-1].split(" ")) <= guard.MAX_PUNCT_RUN and warnings
    assert guard.neutralise_runs("normal... text!!!")[0] == "normal... text!!!"


# -- the terminal and the disk -------------------------------------------------------------------

HOSTILE = "\x1b]0;owned\x07 \x1b[2J \x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\ \x1b]52;c;ZXZpbA==\x07 [/bold] [link=http://evil]x[/link] \u202e"


def test_report_renders_hostile_strings_as_visible_codes():
    from io import StringIO

    from rich.console import Console

    from recoupe.report import render

    report = analyze(ARTICLE, options=FAST)
    data = report.model_dump(by_alias=True)
    data["title"] = HOSTILE
    data["authors"] = [HOSTILE]
    data["language"] = "[bold]fr"
    data["warnings"] = [HOSTILE]
    for e in data["entities"]:
        e["canonical"] = HOSTILE + e["canonical"]
    for c in data["claims"]:
        c["text"] = HOSTILE + c["text"]
        c["attributed_to"] = "[/red]" + HOSTILE
    data["furniture"].append({"index": len(data["furniture"]), "kind": "other", "text": HOSTILE, "source_start": 0,
                              "source_end": 1, "producer": "rule:furniture.x"})
    hostile = type(report).model_validate(data)
    out = StringIO()
    console = Console(file=out, width=200, force_terminal=False)
    render(hostile, console)
    render(hostile, console)  # a second document renders too
    text = out.getvalue()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b]0;owned\\x07" in text and "[/bold]" in text and "[link=http://evil]" in text
    assert text.count("\\x1b]52;c;") >= 2


def test_cli_text_report_and_error_lines_have_no_escape_sequences(tmp_path):
    html = ("<html><head><title>Titre &#27;]0;owned&#7; [/bold] [link=http://x]y[/link]</title></head><body>"
            "<article><h1>Titre &#x1b;[2J [/bold]</h1>" + "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n") if line)
            + "<p>« Le texte &#27;]52;c;ZXZpbA==&#7; [/red] continue », a dit Paul Martin, porte-parole.</p></article></body></html>")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    weird = tmp_path / "bad\x1b[2Jname[bold].txt"
    weird.write_text("", encoding="utf-8")
    records = tmp_path / "c.jsonl"
    records.write_text(json.dumps({"text": ARTICLE, "title": "[/bold] \x1b[31mred [link=http://e]z[/link]"}) + "\n"
                       + json.dumps({"text": ARTICLE, "title": "second [bold]"}) + "\n", encoding="utf-8")
    proc = run("analyze", str(page), str(weird), str(records), *LIGHT)
    assert "\x1b" not in proc.stdout and "\x1b" not in proc.stderr and "\x07" not in proc.stdout
    assert "[/bold]" in proc.stdout and "second [bold]" in proc.stdout  # shown, not interpreted
    assert "bad\\x1b[2Jname[bold].txt: empty" in proc.stderr
    assert proc.returncode == 1 and "Traceback" not in proc.stderr


def test_sources_import_validates_list_ids(tmp_path):
    env = dict(os.environ, RECOUPE_HOME=str(tmp_path / "home"))
    evil = tmp_path / "evil.json"
    evil.write_text(json.dumps({"id": "../../x", "ratings": [{"domain": "example.org", "score": 0.5}]}))
    proc = run("sources", "import", str(evil), "--format", "json", env=env)
    assert proc.returncode == 2 and "invalid list id '../../x'" in proc.stderr
    assert not (tmp_path / "x.json").exists() and not list(tmp_path.rglob("x.json"))
    shadow = tmp_path / "mine.json"
    shadow.write_text(json.dumps({"id": "mbfc", "ratings": [{"domain": "example.org", "score": 0.5}]}))
    proc = run("sources", "import", str(shadow), "--format", "json", env=env)
    assert proc.returncode == 2 and "shipped" in proc.stderr and "--replace" in proc.stderr
    assert not (tmp_path / "home" / "ratings" / "mbfc.json").exists()
    proc = run("sources", "import", str(shadow), "--format", "json", "--replace", env=env)
    assert proc.returncode == 0 and "replaces the shipped list" in proc.stdout
    assert (tmp_path / "home" / "ratings" / "mbfc.json").exists()
    proc = run("sources", "import", str(evil), "--format", "json", "--id", "a/b", env=env)
    assert proc.returncode == 2 and "invalid list id 'a/b'" in proc.stderr


# -- output that survives ------------------------------------------------------------------------


def _articles(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"a{i:02d}.txt"
        path.write_text(ARTICLE.replace("300", str(300 + i)) * 3, encoding="utf-8")
        paths.append(str(path))
    return paths


def _wait_for(predicate, timeout=240.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def test_text_output_streams(tmp_path):
    paths = _articles(tmp_path, 40)
    proc = subprocess.Popen([sys.executable, "-m", "recoupe", "analyze", *paths, *LIGHT], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        first = ""
        while "a00.txt" not in first:
            first += proc.stdout.readline()
        assert proc.poll() is None  # the first report arrived while the batch is still running
    finally:
        proc.kill()
        proc.wait()


def test_sigterm_leaves_a_valid_array_and_resume_completes_it(tmp_path):
    paths = _articles(tmp_path, 30)
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "recoupe", "analyze", *paths, "-f", "json", "-o", str(out), *LIGHT],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    tmp_files = lambda: list(tmp_path.glob(".out.json.*.tmp"))  # noqa: E731
    _wait_for(lambda: tmp_files() and tmp_files()[0].stat().st_size > 100)
    assert out.read_text(encoding="utf-8") == "previous"  # not truncated before the end
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM, err
    partial = json.loads(out.read_text(encoding="utf-8"))
    assert 1 <= len(partial) < 30 and "interrupted by SIGTERM" in err
    proc = run("analyze", *paths, "-f", "json", "-o", str(out), "--resume", *LIGHT)
    assert proc.returncode == 0, proc.stderr
    final = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(r["source"] for r in final) == sorted(paths)
    assert f"{len(partial)} document(s) already in" in proc.stderr


def test_kill_9_keeps_the_previous_output_and_resume_drops_a_torn_report(tmp_path):
    paths = _articles(tmp_path, 30)
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "recoupe", "analyze", *paths, "-f", "jsonl", "-o", str(out),
                             "--resume", *LIGHT], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(lambda: out.stat().st_size > 100)
    proc.kill()
    proc.wait()
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "torn", "bo')  # what a kill in the middle of a write leaves
    done = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()[:-1]]
    proc = run("analyze", *paths, "-f", "jsonl", "-o", str(out), "--resume", *LIGHT)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["source"] for r in lines) == sorted(paths)
    assert [r["source"] for r in lines[: len(done)]] == done


def test_plain_o_replaces_the_file_only_at_the_end(tmp_path):
    (path,) = _articles(tmp_path, 1)
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    proc = run("analyze", path, "-f", "json", "-o", str(out), *LIGHT)
    assert proc.returncode == 0
    assert [r["source"] for r in json.loads(out.read_text(encoding="utf-8"))] == [path]
    assert not list(tmp_path.glob(".out.json.*"))


def test_file_names_that_are_not_utf8_are_shown_not_crashed_on(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/bad\xff\xfename.txt", "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    with open(os.fsencode(folder) + b"/empty\xff.txt", "wb") as fh:
        fh.write(b"")
    proc = run("analyze", str(folder), "-f", "jsonl", *LIGHT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    (report,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert report["source"] == f"{folder}/bad\\xff\\xfename.txt"
    assert f"{folder}/empty\\xff.txt: empty input" in proc.stderr


def test_inputs_over_the_documented_limit_are_refused_before_extraction():
    huge = RawDocument(source="huge", text="mot " * (guard.MAX_INPUT_CHARS // 4 + 1))
    started = time.monotonic()
    (result,) = list(analyze_many([huge], options=FAST))
    assert isinstance(result, Failed) and "input too large" in result.error
    assert time.monotonic() - started < 30


def test_bytes_given_to_analyze_report_their_repairs():
    data = ARTICLE.encode("utf-8")
    report = analyze(data[:30] + b"\xff" + data[30:], options=FAST)
    assert report.warnings[0].startswith("repaired 1 invalid UTF-8 byte")
    assert report.body.count("\ufffd") == 1
