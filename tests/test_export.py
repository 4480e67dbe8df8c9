"""reviewer export: every format parsed back, golden files, safety of the sidecars, CLI errors.

The fixture is tests/data/export/drone_strike: three short articles (a.txt with the date
header on the text line, b.txt, c.json with title/source/url) and two sidecars (alice in
TOML with tags, notes, accepted/rejected match and conflict links, a manual link, a note
with quotes, commas and a newline, and two orphaned anchors; bob in JSON). The config turns
the embedding model off so that the suggested links depend on words only.

Golden files are in tests/data/export/golden/; after an intended change of the output (or of
the alignment engine), rewrite them with ``REVIEWER_UPDATE_GOLDEN=1 python3 -m pytest
tests/test_export.py`` and review the diff.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reviewer import export as ex
from reviewer.cli import main
from reviewer.errors import ReviewerError

HERE = Path(__file__).resolve().parent / "data" / "export"
FIXTURE = HERE / "drone_strike"
CONFIG = HERE / "config.toml"
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("REVIEWER_UPDATE_GOLDEN") == "1"
SUFFIX = {"jsonl": "jsonl", "csv": "csv", "nli": "nli.jsonl", "prodigy": "prodigy.jsonl",
          "label-studio": "label-studio.json", "html": "html", "claims-jsonl": "claims.jsonl", "claims-csv": "claims.csv"}


@pytest.fixture
def cluster(tmp_path) -> Path:
    """A private copy of the fixture cluster (same folder name: it is the cluster's name)."""
    dst = tmp_path / "drone_strike"
    shutil.copytree(FIXTURE, dst)
    return dst


def run(cluster: Path, fmt: str, out: Path, **kw) -> ex.ExportSummary:
    kw.setdefault("config", CONFIG)
    return ex.export_files([cluster], None, fmt, out, **kw)


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def texts(cluster: Path) -> dict[tuple[str, int], tuple[int, int, str]]:
    from reviewer.io.articles import load_cluster

    c = load_cluster([cluster])
    return {(a.id, s.index): (s.start, s.end, s.text) for a in c.articles for s in a.sentences}


# --------------------------------------------------------------------------- golden files

@pytest.mark.parametrize("fmt", ex.FORMATS)
def test_golden(fmt, cluster, tmp_path):
    out = tmp_path / f"drone_strike.{SUFFIX[fmt]}"
    run(cluster, fmt, out, include_suggestions=True)
    outputs = [out]
    if fmt == "label-studio":
        outputs.append(ex.label_studio_config_path(out))
    for got in outputs:
        golden = GOLDEN / got.name
        if UPDATE:
            GOLDEN.mkdir(exist_ok=True)
            shutil.copyfile(got, golden)
            continue
        assert golden.exists(), f"no golden file {golden}; create it with REVIEWER_UPDATE_GOLDEN=1"
        assert got.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8"), (
            f"{got.name} differs from {golden}; if the change is intended, rewrite the golden files with "
            "REVIEWER_UPDATE_GOLDEN=1 python3 -m pytest tests/test_export.py and review the diff")


def test_output_is_deterministic(cluster, tmp_path):
    for fmt in ex.FORMATS:
        one, two = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        run(cluster, fmt, one, include_suggestions=True)
        run(cluster, fmt, two, include_suggestions=True)
        assert one.read_bytes() == two.read_bytes(), fmt
        assert str(tmp_path) not in one.read_text(encoding="utf-8"), f"{fmt} output depends on where the cluster is"


# --------------------------------------------------------------------------- jsonl

def test_jsonl_every_field(cluster, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run(cluster, "jsonl", out)
    recs = jsonl(out)
    assert summary.records == len(recs)
    assert [r["type"] for r in recs].count("tag") == 11
    assert [r["type"] for r in recs].count("note") == 2
    assert [r["type"] for r in recs].count("link") == 13  # no suggestions without the option
    sents = texts(cluster)
    tag_keys = ["type", "cluster", "reviewer", "article", "sentence", "start", "end", "text", "orphan", "date",
                "source", "title", "url", "path", "label", "decision", "origin", "score", "note", "time"]
    for r in recs:
        assert r["cluster"] == "drone_strike"
        if r["type"] == "tag":
            assert list(r) == tag_keys
            assert r["decision"] == "accepted" and r["origin"] == "manual" and r["score"] is None
        ends = [r["a"], r["b"]] if r["type"] == "link" else [r]
        for e in ends:
            if not e["orphan"]:
                assert (e["start"], e["end"], e["text"]) == sents[(e["article"], e["sentence"])]
            assert e["path"] == {"a": "a.txt", "b": "b.txt", "c": "c.json"}[e["article"]]

    tag = next(r for r in recs if r["type"] == "tag" and r["reviewer"] == "alice" and r["article"] == "a"
               and r["sentence"] == 1 and r["label"] == "key-claim")
    assert tag["note"] == 'Officials: "not hurt", but b says "wounded",\nsee AFP, Reuters; <check> & confirm'
    assert tag["time"] == "2026-01-10T09:03:00Z" and tag["date"] == "2021-11-07"
    c_tag = next(r for r in recs if r["type"] == "tag" and r["article"] == "c")
    assert (c_tag["title"], c_tag["source"], c_tag["url"], c_tag["date"]) == (
        "Drone attack on the <PM>'s home", "Example News", "https://example.org/news/1", "2021-11-08")

    orphan = next(r for r in recs if r["type"] == "tag" and r["orphan"])
    assert (orphan["reviewer"], orphan["article"], orphan["sentence"], orphan["label"]) == ("alice", "a", 5, "opinion")
    assert orphan["text"] == "This sentence was removed from the article." and orphan["start"] == 900

    notes = {(r["reviewer"], r["article"], r["sentence"]): r["note"] for r in recs if r["type"] == "note"}
    assert notes == {("alice", "c", 2): "Same claim as a:3, shorter.",
                     ("bob", "b", 3): 'Quote, with "commas", and\na newline'}

    links = {(r["reviewer"], r["a"]["article"], r["a"]["sentence"], r["b"]["article"], r["b"]["sentence"]): r
             for r in recs if r["type"] == "link"}
    hurt = links[("alice", "a", 1, "b", 1)]
    assert (hurt["relation"], hurt["decision"], hurt["origin"], hurt["score"]) == ("conflict", "accepted", "suggested", 1.0)
    assert hurt["note"] == 'Hurt or not? Ask the desk, "urgently".'
    [ev] = hurt["evidence"]
    assert ev["kind"] == "negation"
    assert hurt["a"]["text"][slice(*ev["a_span"])] == ev["a"] == "not hurt"
    assert hurt["b"]["text"][slice(*ev["b_span"])] == ev["b"] == "wounded"
    manual = links[("alice", "a", 0, "b", 0)]
    assert (manual["origin"], manual["score"], manual["evidence"]) == ("manual", None, [])
    assert links[("bob", "a", 0, "c", 0)]["decision"] == "rejected"
    gone = links[("alice", "a", 7, "b", 3)]
    assert gone["a"]["orphan"] is True and gone["a"]["text"] == "Gone sentence about the drones."
    assert gone["b"]["orphan"] is False


def test_jsonl_suggestions_are_marked_predicted(cluster, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run(cluster, "jsonl", out, include_suggestions=True)
    preds = [r for r in jsonl(out) if r["type"] == "link" and r["decision"] == "predicted"]
    assert preds and summary.predicted == len(preds)
    reviewed = {frozenset([(r["a"]["article"], r["a"]["sentence"]), (r["b"]["article"], r["b"]["sentence"])])
                for r in jsonl(out) if r["type"] == "link" and r["reviewer"]}
    for p in preds:
        assert p["reviewer"] is None and p["origin"] == "prediction" and isinstance(p["score"], float)
        assert frozenset([(p["a"]["article"], p["a"]["sentence"]), (p["b"]["article"], p["b"]["sentence"])]) not in reviewed


# --------------------------------------------------------------------------- csv

def test_csv_matches_jsonl(cluster, tmp_path):
    run(cluster, "jsonl", tmp_path / "out.jsonl", include_suggestions=True)
    run(cluster, "csv", tmp_path / "out.csv", include_suggestions=True)
    recs = jsonl(tmp_path / "out.jsonl")
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == ex.CSV_COLUMNS
        rows = list(reader)
    assert len(rows) == len(recs)
    for row, rec in zip(rows, recs):
        flat = {k: rec.get(k) for k in ex.CSV_COLUMNS}
        if rec["type"] == "link":
            flat.update(rec["a"])
            flat.update({"b_" + k: v for k, v in rec["b"].items()})
        for k in ex.CSV_COLUMNS:
            assert row[k] == ex.cell(flat.get(k)), (k, row[k], flat.get(k))
        if row["evidence"]:
            assert json.loads(row["evidence"]) == rec["evidence"]
    noted = [r for r in rows if "\n" in r["note"]]
    assert {r["note"] for r in noted} == {'Officials: "not hurt", but b says "wounded",\nsee AFP, Reuters; <check> & confirm',
                                         'Quote, with "commas", and\na newline'}


# --------------------------------------------------------------------------- nli

def test_nli_labels(cluster, tmp_path):
    out = tmp_path / "out.nli.jsonl"
    run(cluster, "nli", out, include_suggestions=True)
    recs = jsonl(out)
    keys = {"premise", "hypothesis", "label", "label_text", "pair_id", "premise_id", "hypothesis_id", "cluster", "reviewer"}
    for r in recs:
        assert keys <= set(r) and "split" not in r
        assert ex.NLI_LABELS[r["label"]] == r["label_text"]
        assert r["pair_id"] == f"{r['premise_id']}|{r['hypothesis_id']}" and r["cluster"] == "drone_strike"
        if r.get("predicted"):
            assert r["reviewer"] is None and r["label"] == (0 if r["relation"] == "match" else 2)
        elif r["decision"] == "rejected":
            assert r["label"] == 1
        else:
            assert r["label"] == (0 if r["relation"] == "match" else 2)
    by = {(r["reviewer"], r["pair_id"]): r for r in recs}
    hurt = by[("alice", "drone_strike/a:1|drone_strike/b:1")]
    assert hurt["label"] == 2 and hurt["premise"].endswith("not hurt in the attack, officials said.")
    assert hurt["hypothesis"] == "The prime minister was wounded in the attack, officials said."
    assert by[("alice", "drone_strike/a:2|drone_strike/b:2")]["label"] == 0
    assert by[("alice", "drone_strike/b:0|drone_strike/c:0")]["label"] == 1  # rejected conflict
    assert by[("bob", "drone_strike/a:1|drone_strike/c:2")]["label"] == 1  # rejected match
    assert by[("alice", "drone_strike/a:7|drone_strike/b:3")]["orphan"] is True
    assert any(r.get("predicted") for r in recs)


def test_nli_split_by_cluster(cluster, tmp_path):
    other = tmp_path / "other_event"
    shutil.copytree(cluster, other)
    out = tmp_path / "nli"
    summary = run(cluster, "nli", out, split="80/10/10")
    assert sorted(Path(f).name for f in summary.files) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    where = ex.split_of("drone_strike", (80, 10, 10))
    recs = jsonl(out / f"{where}.jsonl")
    assert len(recs) == summary.records and all(r["split"] == where for r in recs)
    run(other, "nli", out, split="80/10/10")
    run(cluster, "nli", out, split="80/10/10")  # again: replaces its records, keeps the other cluster's
    every = [r for name in ex.SPLITS for r in jsonl(out / f"{name}.jsonl")]
    assert sum(r["cluster"] == "drone_strike" for r in every) == summary.records
    assert sum(r["cluster"] == "other_event" for r in every) == summary.records
    for r in every:
        assert r["split"] == ex.split_of(r["cluster"], (80, 10, 10))


def test_split_is_a_stable_hash_of_the_name():
    names = [f"cluster-{i}" for i in range(2000)]
    got = [ex.split_of(n, (80, 10, 10)) for n in names]
    assert got == [ex.split_of(n, (80, 10, 10)) for n in names]
    share = {s: got.count(s) / len(got) for s in ex.SPLITS}
    assert 0.76 < share["train"] < 0.84 and 0.07 < share["dev"] < 0.13 and 0.07 < share["test"] < 0.13
    assert ex.split_of("x", (100, 0, 0)) == "train" and ex.split_of("x", (0, 0, 1)) == "test"
    assert ex.parse_split("70/15/15") == (70.0, 15.0, 15.0)
    for bad in ("80/20", "a/b/c", "0/0/0", "-1/1/1"):
        with pytest.raises(ValueError):
            ex.parse_split(bad)


# --------------------------------------------------------------------------- prodigy

def test_murmur3_vectors():
    # reference values of MurmurHash3_x86_32 (the hash behind Prodigy's and mmh3's hash())
    assert ex.murmur3_32(b"", 0) == 0
    assert ex.murmur3_32(b"", 1) == 0x514E28B7
    assert ex.murmur3_32(b"foo") == -156908512
    assert ex.murmur3_32(b"The quick brown fox jumps over the lazy dog") & 0xFFFFFFFF == 0x2E4FF723
    assert ex.murmur3_32(b"Hello, world!", 1234) & 0xFFFFFFFF == 0xFAF6CDB3


def test_prodigy_tasks(cluster, tmp_path):
    out = tmp_path / "out.prodigy.jsonl"
    run(cluster, "prodigy", out, include_suggestions=True)
    tasks = jsonl(out)
    assert tasks
    for t in tasks:
        assert isinstance(t["text"], str) and t["text"]
        assert t["answer"] in ("accept", "reject", "ignore")
        for h in ("_input_hash", "_task_hash"):
            assert isinstance(t[h], int) and -2**31 <= t[h] < 2**31
        assert (t["_input_hash"], t["_task_hash"]) == ex.prodigy_hashes(t)
        for s in t["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(t["text"]) and s["label"]
            if "text" in s:
                assert t["text"][s["start"]:s["end"]] == s["text"]
    tags = [t for t in tasks if "relation" not in t["meta"]]
    links = [t for t in tasks if "relation" in t["meta"]]
    assert len(tags) == 11
    for t in tags:
        assert t["answer"] == "accept" and t["spans"] == [{"start": 0, "end": len(t["text"]), "label": t["label"]}]
    hurt = next(t for t in links if t["meta"]["a"] == "a:1" and t["meta"]["b"] == "b:1" and t["meta"]["reviewer"] == "alice")
    a_text, b_text = hurt["text"][:hurt["meta"]["a_end"]], hurt["text"][hurt["meta"]["b_start"]:]
    assert hurt["text"] == a_text + ex.PAIR_SEPARATOR + b_text
    assert b_text == "The prime minister was wounded in the attack, officials said."
    assert [s["text"] for s in hurt["spans"]] == ["not hurt", "wounded"] and hurt["label"] == "conflict"
    assert hurt["answer"] == "accept" and hurt["_annotator_id"] == "alice"
    answers = {(t["meta"]["reviewer"], t["meta"]["decision"]): t["answer"] for t in links}
    assert answers[("bob", "rejected")] == "reject" and answers[(None, "predicted")] == "ignore"
    # the same question asked of two reviewers has the same hashes
    same = [t for t in tags if t["meta"]["article"] == "a" and t["meta"]["sentence"] == 0]
    assert len(same) == 2 and same[0]["_task_hash"] == same[1]["_task_hash"]


# --------------------------------------------------------------------------- label studio

def test_label_studio_tasks_fit_the_config(cluster, tmp_path):
    out = tmp_path / "out.label-studio.json"
    summary = run(cluster, "label-studio", out, include_suggestions=True)
    xml_path = tmp_path / "out.label-studio.xml"
    assert str(xml_path) in summary.files
    view = ET.fromstring(xml_path.read_text(encoding="utf-8"))
    objects = {t.get("name"): t.get("value") for t in view.iter("Text")}
    controls = {t.get("name"): t for t in list(view.iter("Choices")) + list(view.iter("TextArea"))}
    choices = {name: {c.get("value") for c in t.iter("Choice")} for name, t in controls.items()}
    assert objects == {"text_a": "$text_a", "text_b": "$text_b"}
    assert choices["relation"] == {"match", "conflict", "neutral"}
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and tasks
    for task in tasks:
        data = task["data"]
        for var in ("text_a", "text_b", "header_a", "header_b"):
            assert isinstance(data[var], str)
        assert len(data["annotators"]) == len(task.get("annotations", []))
        for item in task.get("annotations", []) + task.get("predictions", []):
            for res in item["result"]:
                assert res["from_name"] in controls and res["to_name"] in objects
                assert controls[res["from_name"]].get("toName") == res["to_name"]
                if res["type"] == "choices":
                    assert set(res["value"]["choices"]) <= choices[res["from_name"]]
                else:
                    assert res["type"] == "textarea" and isinstance(res["value"]["text"][0], str)
        for ann in task.get("annotations", []):
            assert ann["was_cancelled"] is False and "completed_by" not in ann  # names are not e-mails
    pairs = {(t["data"]["ref_a"], t["data"]["ref_b"]): t for t in tasks if t["data"]["kind"] == "pair"}
    hurt = pairs[("a:1", "b:1")]
    assert hurt["data"]["annotators"] == ["alice", "bob"]
    assert [a["result"][0]["value"]["choices"] for a in hurt["annotations"]] == [["conflict"], ["conflict"]]
    assert hurt["annotations"][0]["result"][1]["value"]["text"] == ['Hurt or not? Ask the desk, "urgently".']
    assert hurt["data"]["evidence"] == "not hurt ≠ wounded (negation)"
    rejected = pairs[("b:0", "c:0")]
    assert [a["result"][0]["value"]["choices"] for a in rejected["annotations"]] == [["neutral"], ["neutral"]]
    predicted = [t for t in tasks if t.get("predictions") and not t.get("annotations")]
    assert predicted and all(p["predictions"][0]["result"][0]["value"]["choices"][0] in ("match", "conflict")
                             for p in predicted)
    sentences = [t for t in tasks if t["data"]["kind"] == "sentence"]
    a1 = next(t for t in sentences if t["data"]["ref_a"] == "a:1")
    assert a1["data"]["text_b"] == "" and a1["data"]["annotators"] == ["alice", "bob"]
    assert a1["annotations"][0]["result"][0]["value"]["choices"] == ["contradicted", "key-claim"]


def test_label_studio_email_reviewer_becomes_completed_by(cluster, tmp_path):
    side = cluster / "bob.review.json"
    side.write_text(side.read_text(encoding="utf-8").replace('"reviewer": "bob"', '"reviewer": "bob@example.org"'),
                    encoding="utf-8")
    out = tmp_path / "ls.json"
    run(cluster, "label-studio", out)
    anns = [a for t in json.loads(out.read_text(encoding="utf-8")) for a in t.get("annotations", [])]
    assert {json.dumps(a.get("completed_by")) for a in anns} == {"null", '{"email": "bob@example.org"}'}


# --------------------------------------------------------------------------- html

class _Tags(HTMLParser):
    VOID = {"meta", "br", "link", "img", "input", "hr", "wbr", "col"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.seen, self.ids, self.hrefs = [], [], [], set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.seen.append((tag, a))
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_html_report(cluster, tmp_path):
    out = tmp_path / "report.html"
    run(cluster, "html", out, include_suggestions=True)
    page = out.read_text(encoding="utf-8")
    p = _Tags()
    p.feed(page)
    assert not p.errors and p.stack == [], p.errors[:5]
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "src=" not in page and "@import" not in page and "<link" not in page
    # everything escaped
    assert "&lt;PM&gt;" in page and "<PM>" not in page
    assert "&lt;check&gt; &amp; confirm" in page and "calm &amp; restraint" in page
    # header, conflicts table, columns
    assert "alice, bob" in page
    assert sum(1 for t, a in p.seen if t == "section" and "col" in a.get("class", "")) == 3
    assert '<td class="ev"><span class="pair">not hurt<span class="vs">≠</span>wounded</span></td>' in page
    assert "<mark>not hurt</mark>" in page and "<mark>wounded</mark>" in page
    assert "<mark>Sunday</mark>" in page and "<mark>Saturday</mark>" in page
    assert '≠ B·1</a>' in page and '≈ B·2</a>' in page
    assert 'class="dec rejected">bob: rejected' in page
    # every in-page link has its target
    for href in p.hrefs:
        if href.startswith("#"):
            assert href[1:] in p.ids, href
    assert "https://example.org/news/1" in p.hrefs
    # orphans listed with their quotes
    assert "This sentence was removed from the article." in page and "Gone sentence about the drones." in page


# --------------------------------------------------------------------------- safety

def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_export_never_changes_a_sidecar(cluster, tmp_path):
    before = _state(cluster)
    fixture_before = _state(FIXTURE)
    for fmt in ex.FORMATS:
        run(cluster, fmt, tmp_path / f"out.{fmt}", include_suggestions=True)
        ex.export_files([FIXTURE], None, fmt, tmp_path / f"fixture.{fmt}", config=CONFIG)
    run(cluster, "nli", tmp_path / "split", split=(80, 10, 10))
    assert _state(cluster) == before  # same files (no lock, backup or temp file), same bytes, same mtimes
    assert _state(FIXTURE) == fixture_before


def test_refuses_to_write_over_a_sidecar_or_article(cluster):
    for target in (cluster / "alice.review.toml", cluster / "a.txt", cluster / "new.review.json"):
        with pytest.raises(ReviewerError) as err:
            run(cluster, "jsonl", target)
        assert str(target) in err.value.one_line()
    assert not (cluster / "new.review.json").exists()


def test_failed_write_leaves_no_temp_file(cluster, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ReviewerError) as err:
        run(cluster, "jsonl", out)
    assert "No space left" in err.value.one_line() and str(out) in err.value.one_line()
    assert out.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_gets_normal_permissions(cluster, tmp_path):
    mask = os.umask(0o022)
    try:
        out = tmp_path / "report.html"
        run(cluster, "html", out)
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)
        run(cluster, "html", out)  # rewriting keeps the file's own permissions
        assert out.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(mask)


def test_tui_call_signature(cluster, tmp_path, monkeypatch):
    """The TUI calls export_files(paths, [sidecar], fmt, out) with a Path and no config."""
    monkeypatch.chdir(tmp_path)
    out = cluster.parent / "drone_strike.nli.jsonl"
    summary = ex.export_files([str(cluster)], [str(cluster / "bob.review.json")], "nli", out)
    assert summary.reviewers == ["bob"] and out.exists()
    assert {r["reviewer"] for r in jsonl(out)} == {"bob"}


def test_suggestions_alone_without_sidecars(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.json"):
        shutil.copyfile(FIXTURE / name, folder / name)
    with pytest.raises(ReviewerError) as err:
        ex.export_files([folder], None, "jsonl", tmp_path / "x.jsonl", config=CONFIG)
    assert "no sidecar" in err.value.one_line() and str(folder) in err.value.one_line()
    s = ex.export_files([folder], None, "jsonl", tmp_path / "x.jsonl", config=CONFIG, include_suggestions=True)
    recs = jsonl(tmp_path / "x.jsonl")
    assert recs and s.reviewers == [] and all(r["decision"] == "predicted" for r in recs)


# --------------------------------------------------------------------------- CLI

def _one_line_error(capsys, needle: str) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err and needle in err, err
    return err


def test_cli_export_file_and_stdout(cluster, tmp_path, capsys):
    out = tmp_path / "o.csv"
    assert main(["export", str(cluster), "--format", "csv", "-o", str(out), "--config", str(CONFIG)]) == 0
    assert out.exists() and "exported" in capsys.readouterr().out
    assert main(["export", str(cluster), "-f", "jsonl", "-o", "-", "--config", str(CONFIG),
                 "--sidecar", str(cluster / "alice.review.toml")]) == 0
    cap = capsys.readouterr()
    recs = [json.loads(l) for l in cap.out.splitlines()]
    assert recs and {r["reviewer"] for r in recs} == {"alice"}
    assert "exported" in cap.err


def test_cli_errors_are_one_line(cluster, tmp_path, capsys):
    cfg = ["--config", str(CONFIG)]
    with pytest.raises(SystemExit) as exit_:  # a usage error: exit 2
        main(["export", str(cluster), "--format", "xml", "-o", str(tmp_path / "x"), *cfg])
    assert exit_.value.code == 2 and "invalid choice: 'xml'" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "nowhere"), "--format", "csv", "-o", str(tmp_path / "x"), *cfg]) == 1
    _one_line_error(capsys, str(tmp_path / "nowhere"))
    assert main(["export", str(cluster), "--format", "csv", "-o", str(tmp_path / "no" / "dir" / "x.csv"), *cfg]) == 1
    _one_line_error(capsys, str(tmp_path / "no" / "dir" / "x.csv"))
    assert main(["export", str(cluster), "--format", "jsonl", "-o", str(tmp_path / "x"), "--split", "80/10/10", *cfg]) == 1
    _one_line_error(capsys, "nli format only")
    bad = cluster / "carol.review.toml"
    bad.write_text('schema = 1\nreviewer = "carol"\n[[tags]]\narticle = "a"\nsentence = "zero"\n')
    assert main(["export", str(cluster), "--format", "csv", "-o", str(tmp_path / "x.csv"), *cfg]) == 1
    _one_line_error(capsys, str(bad))
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(cluster), "--format", "nli", "-o", str(tmp_path / "x"), "--split", "80/20"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(cluster), "--format", "nli"])
    assert exit_.value.code == 2


def test_an_export_beside_the_articles_is_never_read_back_as_one(cluster, tmp_path, capsys):
    from reviewer.io.articles import load_cluster

    before = [a.id for a in load_cluster([cluster]).articles]
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(cluster / "mine.jsonl"), *cfg]) == 1
    assert "mine.export.jsonl" in capsys.readouterr().err  # refused, with a name that is safe
    for name, fmt in (("c.export.jsonl", "jsonl"), ("c.nli.jsonl", "nli"), ("c.prodigy.jsonl", "prodigy"),
                      ("c.label-studio.json", "label-studio")):
        assert main(["export", str(cluster), "-f", fmt, "-o", str(cluster / name), *cfg]) == 0
    capsys.readouterr()
    assert [a.id for a in load_cluster([cluster]).articles] == before


def test_split_refuses_a_second_cluster_with_the_same_name(cluster, tmp_path, capsys):
    import shutil

    other = tmp_path / "elsewhere" / cluster.name
    shutil.copytree(cluster, other)
    cfg = ["--config", str(CONFIG)]
    out = tmp_path / "splits"
    assert main(["export", str(cluster), "-f", "nli", "--split", "80/10/10", "-o", str(out), *cfg]) == 0
    lines = sum(len(p.read_text().splitlines()) for p in out.glob("*.jsonl"))
    assert main(["export", str(other), "-f", "nli", "--split", "80/10/10", "-o", str(out), *cfg]) == 1
    assert "different cluster named" in capsys.readouterr().err
    assert sum(len(p.read_text().splitlines()) for p in out.glob("*.jsonl")) == lines  # nothing lost
    assert main(["export", str(cluster), "-f", "nli", "--split", "80/10/10", "-o", str(out), *cfg]) == 0  # again: fine


def test_pair_id_does_not_depend_on_how_the_link_was_stored(cluster, tmp_path):
    from reviewer.export import nli_records, gather

    recs = nli_records(gather([cluster], None, CONFIG))
    assert recs
    for r in recs:
        a, b = r["pair_id"].split("|")
        assert a <= b and {a, b} == {r["premise_id"], r["hypothesis_id"]}


def test_a_sidecar_of_another_cluster_is_refused(cluster, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Completely different news about a football match. The home team won.\n")
    side = sorted(cluster.glob("*.review.*"))[0]
    assert main(["export", str(other), "-f", "jsonl", "-o", "-", "--sidecar", str(side), "--config", str(CONFIG)]) == 1
    assert "belongs to another cluster" in capsys.readouterr().err


def test_a_long_sentence_is_cut_around_its_evidence_on_word_boundaries():
    from reviewer.export.html_parts import snippet as _snippet

    text = "Officials said " + "the talks went on for a long time and " * 20 + "the strike began on Saturday morning."
    at = text.index("Saturday")
    out = _snippet(text, [(at, at + len("Saturday"))])
    assert "<mark>Saturday</mark>" in out and out.startswith("…") and len(out) < 400
    inner = out[1:].split("<mark>")[0]
    assert inner.startswith(("the ", "talks ", "went ", "on ", "for ", "a ", "long ", "time ", "and "))  # a whole word


# --------------------------------------------------------------------------- registry and core entry point

def test_every_registered_output_name_is_never_read_as_an_article():
    from reviewer.io.articles import is_article_file

    assert ex.FORMATS == tuple(f.name for f in ex.REGISTRY) and len(set(ex.FORMATS)) == len(ex.FORMATS)
    for f in ex.REGISTRY:
        name = ex.output_name("drone_strike.alice", f.name)
        assert name == f"drone_strike.alice.{f.suffix}" and f.description
        assert not is_article_file(Path(name)), name
    with pytest.raises(ReviewerError):
        ex.get_format("xml")


def test_a_refused_output_name_suggests_the_formats_safe_name(cluster, capsys):
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(cluster), "-f", "csv", "-o", str(cluster / "table.txt"), *cfg]) == 1
    assert "'table.csv'" in capsys.readouterr().err
    assert not (cluster / "table.txt").exists()


def test_export_records_takes_loaded_objects(cluster, tmp_path):
    """The core entry point writes what export_files writes, from objects already loaded."""
    from reviewer.io.articles import load_cluster
    from reviewer.engine.cache import align_cached
    from reviewer.config import load_config
    from reviewer.sidecar.codec import load_sidecar
    from reviewer.sidecar.paths import sidecars_for
    from reviewer.sidecar.reanchor import reanchor_or_refuse, sentences_of

    cfg = load_config(CONFIG)
    loaded = load_cluster([cluster])
    sides = sidecars_for([cluster])
    reviews = [load_sidecar(p) for p in sides]
    sentences = sentences_of(loaded)
    for p, r in zip(sides, reviews):
        reanchor_or_refuse(r, sentences, p)
    links, _ = align_cached(loaded, cfg.align)
    for fmt in ex.FORMATS:
        want, got = tmp_path / f"want.{fmt}", tmp_path / f"got.{fmt}"
        run(cluster, fmt, want, include_suggestions=True)
        summary = ex.export_records(loaded, links, reviews, fmt, got, folder=cluster, sidecars=sides,
                                    labels=cfg.labels, include_suggestions=True)
        assert got.read_bytes() == want.read_bytes(), fmt
        assert summary.records > 0 and summary.reviewers == ["alice", "bob"]
