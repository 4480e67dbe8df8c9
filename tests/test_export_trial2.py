"""What a second new-user trial of `reviewer export` found: the HTML report of a cluster nobody
has reviewed yet was refused, `-o` the article folder without `--split` spoke of `--split`, and a
note on a tagged sentence was no note record of its own. The cluster is made up here (a lighthouse
repair in an invented harbour town); the sidecars are written by the tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reviewer import export as ex
from reviewer.annotations import Anchor, Note, ReviewData, Tag
from reviewer.cli import main
from reviewer.io.articles import load_cluster
from reviewer.sidecar.codec import save_sidecar
from tests import test_export_trial as trial

CONFIG = Path(__file__).resolve().parent / "data" / "export" / "config.toml"
CFG = ["--config", str(CONFIG)]
T = "2026-04-02T08:00:00Z"
NOTE = "source: harbour office leaflet"

ARTICLES = {
    "a": ["The lighthouse at Velmora was switched off on Friday for repairs.",
          "Its lamp had failed a test in March, the harbour office said.",
          "Boats are asked to keep to the marked channel at night."],
    "b": ["Velmora's lighthouse went dark on Saturday for repair work.",
          "The lamp failed an inspection in March, according to the harbour office.",
          "Fishermen say the channel markers are hard to see."],
}


def make_cluster(root: Path, name: str = "lighthouse") -> Path:
    return trial.make_cluster(root, name, ARTICLES)


def anchor(folder: Path, art: str, i: int) -> Anchor:
    s = next(s for a in load_cluster([folder]).articles if a.id == art for s in a.sentences if s.index == i)
    return Anchor(art, i, s.start, s.end, s.text)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# --------------------------------------------------------------------------- a note on a tagged sentence

def _noted(tmp_path: Path) -> Path:
    """One reviewer: two labels and a note on a:1, a note alone on b:2."""
    folder = make_cluster(tmp_path)
    data = ReviewData(reviewer="root", created=T, updated=T)
    data.tags += [Tag(anchor(folder, "a", 1), "contradicted", T), Tag(anchor(folder, "a", 1), "key-claim", T)]
    data.notes += [Note(anchor(folder, "a", 1), NOTE, T), Note(anchor(folder, "b", 2), "ask the fishermen", T)]
    save_sidecar(folder / "root.review.toml", data)
    return folder


def test_a_note_on_a_tagged_sentence_is_one_note_record(tmp_path):
    folder = _noted(tmp_path)
    out = tmp_path / "out.jsonl"
    ex.export_files([folder], None, "jsonl", out, config=CONFIG)
    recs = jsonl(out.read_text(encoding="utf-8"))
    types = [r["type"] for r in recs]
    assert types.count("tag") == 2 and types.count("note") == 2
    notes = {(r["a"]["article"], r["a"]["sentence"]): r["note"] for r in recs if r["type"] == "note"}
    assert notes == {("a", 1): NOTE, ("b", 2): "ask the fishermen"}
    # the note is counted once: the tag records do not carry it again
    assert [r["note"] for r in recs].count(NOTE) == 1
    assert all(r["note"] == "" for r in recs if r["type"] == "tag")
    # csv: the same records, the note in one row
    ex.export_files([folder], None, "csv", tmp_path / "out.csv", config=CONFIG)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert [r["type"] for r in rows] == types
    assert [r["note"] for r in rows].count(NOTE) == 1
    # label-studio: one annotation on the sentence, its labels and the note once
    ex.export_files([folder], None, "label-studio", tmp_path / "out.label-studio.json", config=CONFIG)
    tasks = json.loads((tmp_path / "out.label-studio.json").read_text(encoding="utf-8"))
    texts = [res["value"]["text"] for t in tasks for an in t["annotations"] for res in an["result"]
             if res["type"] == "textarea"]
    assert texts.count([NOTE]) == 1
    # html: shown once under the sentence
    ex.export_files([folder], None, "html", tmp_path / "out.html", config=CONFIG)
    assert (tmp_path / "out.html").read_text(encoding="utf-8").count(NOTE) == 1


# --------------------------------------------------------------------------- -o the article folder

def test_o_the_article_folder_without_split_asks_for_a_file_name(tmp_path, capsys):
    folder = _noted(tmp_path)
    before = sorted(p.name for p in folder.iterdir())
    assert main(["export", str(folder), "-f", "jsonl", "-o", f"{folder}/", *CFG]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--split" not in err  # no --split given: the message is about -o
    assert f"is the article folder; -o needs a file name such as {folder.as_posix()}/lighthouse.export.jsonl" in err
    assert main(["export", str(folder), "-f", "nli", "-o", str(folder), *CFG]) == 1
    err = capsys.readouterr().err  # nli can write a folder, with --split: said as the other way
    assert "-o needs a file name such as" in err and "lighthouse.nli.jsonl (or, with --split, a folder other" in err
    assert main(["export", str(folder), "-f", "nli", "-o", str(folder), "--split", "80/10/10", *CFG]) == 1
    assert "what --split writes there (train.jsonl, dev.jsonl, test.jsonl) would be read" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == before


# --------------------------------------------------------------------------- the report of a fresh cluster

def test_the_html_report_of_a_cluster_nobody_reviewed(tmp_path, capsys):
    folder = make_cluster(tmp_path)  # no sidecar at all
    out = tmp_path / "empty.html"
    assert main(["export", str(folder), "-f", "html", "-o", str(out), *CFG]) == 0
    cap = capsys.readouterr()
    assert cap.err == ""
    assert "from 0 sidecars" in cap.out and "nobody has reviewed this cluster yet" in cap.out
    page = out.read_text(encoding="utf-8")
    assert "<b>Nobody has reviewed this cluster yet</b>" in page
    assert all(s.replace("'", "&#x27;") in page for sents in ARTICLES.values() for s in sents)  # the articles
    # the engine's suggestions, not reviewed: as with --include-suggestions
    assert 'class="dec predicted">suggested' in page and "links undecided" in page
    with_option = tmp_path / "with.html"
    assert main(["export", str(folder), "-f", "html", "-o", str(with_option), "--include-suggestions", *CFG]) == 0
    assert with_option.read_text(encoding="utf-8") == page
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]  # nothing written there
    # the other formats keep refusing, with the clear message
    for fmt in ("jsonl", "csv", "nli"):
        assert main(["export", str(folder), "-f", fmt, "-o", str(tmp_path / f"x.{fmt}"), *CFG]) == 1
        err = capsys.readouterr().err
        assert "no sidecar (*.review.toml or *.review.json) found; give one with --sidecar FILE" in err
        assert not (tmp_path / f"x.{fmt}").exists()


def test_a_reviewed_cluster_s_report_has_no_unreviewed_line(tmp_path):
    folder = _noted(tmp_path)
    out = tmp_path / "r.html"
    summary = ex.export_files([folder], None, "html", out, config=CONFIG)
    assert "Nobody has reviewed" not in out.read_text(encoding="utf-8")
    assert "nobody has reviewed" not in summary.one_line()
