"""The command line, run as a user would (subprocess), on files written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys

ARTICLE = ("Une usine ferme ses portes\n\nLa direction de l'usine a annoncé lundi la fermeture du site, "
           "qui emploie 300 salariés, selon un communiqué publié par l'entreprise.\n\nLaisser un commentaire")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "recoupe.cli", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


def test_json_array_in_input_order_and_exit_code_on_failure(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_text("", encoding="utf-8")
    second = tmp_path / "c.txt"
    second.write_text(ARTICLE.replace("300", "250"), encoding="utf-8")
    proc = run("analyze", str(good), str(empty), str(second), "--format", "json", "--no-genre",
               "--no-persuasion", "--no-credibility")
    assert proc.returncode == 1
    reports = json.loads(proc.stdout)
    assert [r["source"] for r in reports] == [str(good), str(second)]
    assert "250" in reports[1]["body"]
    assert f"{empty}: empty" in proc.stderr
    assert reports[0]["furniture"][0]["kind"] == "comment_form"


def test_jsonl_from_stdin_and_text_format():
    proc = run("analyze", "-", "--format", "jsonl", "--no-genre", "--no-persuasion", "--no-credibility", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.strip().splitlines()
    assert json.loads(line)["language"] == "fr"
    proc = run("analyze", "-", "--no-genre", "--no-persuasion", "--no-credibility", stdin=ARTICLE)
    assert proc.returncode == 0 and "Une usine ferme ses portes" in proc.stdout


def test_schema_is_json_schema():
    proc = run("schema")
    schema = json.loads(proc.stdout)
    assert schema["title"] == "Analysis" and "furniture" in schema["properties"]


def test_resume_needs_an_output_in_a_json_format(tmp_path):
    proc = run("analyze", str(tmp_path), "--resume")
    assert proc.returncode == 2 and "--resume needs --output" in proc.stderr
    proc = run("analyze", str(tmp_path), "--resume", "-o", str(tmp_path / "out.txt"))
    assert proc.returncode == 2 and not (tmp_path / "out.txt").exists()


def test_max_memory_must_be_a_size(tmp_path):
    proc = run("analyze", str(tmp_path), "--max-memory", "lots")
    assert proc.returncode == 2 and "not a size" in proc.stderr
