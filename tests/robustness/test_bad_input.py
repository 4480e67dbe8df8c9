"""Bad input everywhere input enters: each kind gives one line naming the file and what is wrong
(or a warning and the rest goes on), never a traceback, never a hang.

Every case runs through the real command line (``reviewer.cli.main``) and checks what a person
sees: the exit code, the one-line message, and that the good articles still load.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reviewer.io.articles import load_cluster
from reviewer.cli import main

GOOD = "Three people were hurt in the blast on Monday. Police closed the road.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_line_about(text: str, name: str) -> str:
    lines = [l for l in text.splitlines() if name in l]
    assert len(lines) == 1, f"expected one line naming {name!r}, got {lines!r} in:\n{text}"
    return lines[0]


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "cluster"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    return d


# (file name, bytes, words the user must see, is it skipped)
BAD_FILES = [
    ("empty.txt", b"", "empty", True),
    ("blank.txt", b"  \n\n \t\n", "no text", True),
    ("binary.txt", bytes(range(256)) * 20, "binary", True),
    # Latin-1 and windows-1252 are read only with --legacy-encodings (test_articles.py); UTF-8 with a bad byte never
    ("mixed.txt", "Caf\u00e9 in Par\u00eds.".encode() + b" \xe9 Second sentence.", "not valid UTF-8", True),
    ("undecodable.txt", bytes(range(128, 256)) * 3, "not valid UTF-8", True),
    ("truncated.txt", "Ende gut, alles gut \u00fc".encode()[:-1], "not valid UTF-8", True),
    ("object.json", b'{"title": "no text field"}', "text", True),
    ("list.json", b"[1, 2, 3]", "no article", True),
    ("broken.json", b'{"text": "unterminated', "invalid JSON", True),
    ("notes.docx", b"PK\x03\x04 zip bytes", None, None),  # not an article suffix: ignored in a folder
]


@pytest.mark.parametrize("name,data,needle,skipped", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_article_file_is_named_and_skipped(folder, capsys, name, data, needle, skipped):
    (folder / name).write_bytes(data)
    code, out, err = run(capsys, "check", str(folder))
    if needle is None:
        assert name not in out  # e.g. a .docx beside the articles is not an article at all
        assert code == 0
        return
    line = one_line_about(out, name)
    assert needle.lower() in line.lower() and line.startswith("error:") and "skipped" in line
    assert "1 article," in out  # the good one still loads
    assert code == 1
    code, out, err = run(capsys, "align", str(folder), "--json")
    assert code == 0 and json.loads(out)["articles"][0]["id"] == "good"
    one_line_about(err, name)


def test_utf16_with_bom_loads(folder):
    (folder / "wide.txt").write_bytes("\ufeffTwo drones hit the base. Nobody was hurt.".encode("utf-16-le"))
    cluster = load_cluster([folder])
    wide = next(a for a in cluster.articles if a.id == "wide")
    assert [s.text for s in wide.sentences] == ["Two drones hit the base.", "Nobody was hurt."]


def test_jsonl_with_a_broken_line_keeps_the_other_lines(folder, capsys):
    (folder / "feed.jsonl").write_text('{"id": "x1", "text": "First story."}\n{broken\n\n'
                                       '{"id": "x3", "text": "Third story."}\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(folder))
    line = one_line_about(out, "feed.jsonl")
    assert line.startswith("warning:") and "line 2" in line
    ids = [a.id for a in load_cluster([folder]).articles]
    assert ids == ["x1", "x3", "good"] or sorted(ids) == ["good", "x1", "x3"]


def test_empty_folder_and_missing_path(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, err = run(capsys, "align", str(tmp_path / "empty"))
    assert code == 1 and "no readable article" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "align", str(tmp_path / "nowhere"))
    assert code == 1 and "nowhere" in err


def test_folder_of_only_bad_files_is_exit_1(tmp_path, capsys):
    d = tmp_path / "bad"
    d.mkdir()
    (d / "a.txt").write_bytes(b"")
    (d / "b.txt").write_bytes(b"\x00\x01\x02")
    code, _, err = run(capsys, "align", str(d))
    assert code == 1
    assert "a.txt" in err and "b.txt" in err and "no readable article" in err


def test_names_with_spaces_and_non_ascii(folder, capsys):
    name = "Çà et là — report 2.txt"
    (folder / name).write_text("Zwei Drohnen trafen das Haus. Niemand wurde verletzt.", encoding="utf-8")
    code, out, _ = run(capsys, "align", str(folder))
    ids = [a["id"] for a in json.loads(out)["articles"]]
    assert "Çà et là — report 2" in ids


def test_symlink_loop_and_dangling_link(folder, capsys):
    os.symlink(folder, folder / "loop")  # a folder that contains itself
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    code, out, _ = run(capsys, "check", str(folder))
    assert "1 article," in out  # no hang, no recursion, the good file loads
    # a dangling link given by name is reported as missing
    code, _, err = run(capsys, "align", str(folder / "dangling.txt"))
    assert code == 1 and "dangling.txt" in err


def test_unreadable_file(folder, capsys, monkeypatch):
    (folder / "secret.txt").write_text("Hidden.", encoding="utf-8")
    real = os.open

    def deny(path, *args, **kwargs):  # root reads any file: refuse this one as a locked-down file is
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    code, out, _ = run(capsys, "check", str(folder))
    line = one_line_about(out, "secret.txt")
    assert "permission denied" in line.lower() and code == 1


def test_only_arabic_text(folder):
    (folder / "ar.txt").write_text("قال المسؤول إن ثلاث طائرات مسيرة هاجمت المنزل. لم يصب أحد بأذى؟ نعم.",
                                   encoding="utf-8")
    ar = next(a for a in load_cluster([folder]).articles if a.id == "ar")
    assert len(ar.sentences) == 3
    assert all(ar.body[s.start:s.end] == s.text for s in ar.sentences)


def test_large_article_and_one_huge_paragraph(folder, capsys):
    sentence = "The minister said on Tuesday that 14 people were injured in the attack near the border. "
    (folder / "big.txt").write_text(sentence * (50 * 1024 * 1024 // len(sentence)), encoding="utf-8")  # 50 MB
    (folder / "para.txt").write_text((sentence * (1024 * 1024 // len(sentence))).replace(". ", "; "),
                                     encoding="utf-8")  # 1 MB with no sentence end
    (folder / "longline.txt").write_text("word " * 400_000, encoding="utf-8")  # one 2 MB line
    cluster = load_cluster([folder])
    big = next(a for a in cluster.articles if a.id == "big")
    assert len(big.sentences) > 500_000
    para = next(a for a in cluster.articles if a.id == "para")
    assert para.sentences and all(para.body[s.start:s.end] == s.text for s in para.sentences[:50])


def test_duplicate_article_ids_warn_and_both_load(tmp_path, capsys):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "story.txt").write_text("First version. Five hurt.", encoding="utf-8")
    (tmp_path / "two" / "story.md").write_text("Second version. Six hurt.", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "one"), str(tmp_path / "two"))
    line = one_line_about(out, "duplicate")
    assert line.startswith("warning:") and "story#2" in line and code == 0


# --------------------------------------------------------------------------- config

@pytest.mark.parametrize("text,needle", [
    ("[align\nmatch_threshold = 0.4\n", "bad.toml:1:"),
    ("[align]\nmatch_threshold = 'high'\n", "bad.toml:2:"),
    ("[align]\nmatch_threshold = 7\n", "match_threshold"),
    ("[[labels]]\nname = 'x'\nkey = 'toolong'\n", "key"),
    ("\x00\x01binary", "config"),
])
def test_bad_config_is_one_line_with_the_place(tmp_path, capsys, text, needle):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "align", "--config", str(cfg), str(tmp_path))
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "bad.toml" in err and needle in err


def test_unknown_config_key_is_a_warning(tmp_path, capsys, folder):
    cfg = tmp_path / "extra.toml"
    cfg.write_text("[align]\nmatch_treshold = 0.5\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--config", str(cfg), str(folder))
    line = one_line_about(out, "match_treshold")
    assert line.startswith("warning:") and code == 0


def test_missing_config_file(tmp_path, capsys):
    code, _, err = run(capsys, "align", "--config", str(tmp_path / "none.toml"), str(tmp_path))
    assert code == 1 and "none.toml" in err


# --------------------------------------------------------------------------- command line

@pytest.mark.parametrize("argv", [
    ["align"],
    ["align", "--frobnicate", "x"],
    ["align-batch", "x"],
    ["cache", "explode"],
    ["check", "--sidecar"],  # (check alone takes the bundled seeds)
    ["--format", "yaml"],
])
def test_usage_errors_are_exit_2_with_one_message(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    _, err = capsys.readouterr()
    assert "error:" in err and "Traceback" not in err


def test_batch_with_zero_jobs(tmp_path, capsys):
    code, _, err = run(capsys, "align-batch", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "0")
    assert code in (1, 2) and "jobs" in err


@pytest.mark.parametrize("sidecar,needle", [
    ("nowhere/x.review.toml", "does not exist"),
    ("notes.json", "must end in .review.toml"),
    (".", "must end in"),
])
def test_bad_sidecar_option_is_one_line(folder, capsys, sidecar, needle):
    code, _, err = run(capsys, str(folder), "--sidecar", str(folder / sidecar))
    assert code == 1 and needle in err and len(err.strip().splitlines()) == 1
