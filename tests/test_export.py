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
    assert [r["type"] for r in recs].count("note") == 3  # a tagged sentence's note is a note record too
    assert [r["type"] for r in recs].count("link") == 13  # no suggestions without the option
    sents = texts(cluster)
    keys = ["type", "cluster", "reviewer", "resolution", "votes", "label", "relation", "decision", "origin", "score",
            "evidence", "note", "time", "a", "b"]
    end_keys = ["article", "sentence", "start", "end", "text", "orphan", "date", "source", "title", "url", "path"]
    for r in recs:
        assert r["cluster"] == "drone_strike"
        assert list(r) == keys  # every record type has every key
        assert r["resolution"] is None and r["votes"] is None
        if r["type"] == "tag":
            assert r["decision"] == "accepted" and r["origin"] == "manual" and r["score"] is None and r["b"] is None
        ends = [r["a"], r["b"]] if r["type"] == "link" else [r["a"]]
        assert all(list(e) == end_keys for e in ends)
        for e in ends:
            if not e["orphan"]:
                assert (e["start"], e["end"], e["text"]) == sents[(e["article"], e["sentence"])]
            assert e["path"] == {"a": "a.txt", "b": "b.txt", "c": "c.json"}[e["article"]]

    tag = next(r for r in recs if r["type"] == "tag" and r["reviewer"] == "alice" and r["a"]["article"] == "a"
               and r["a"]["sentence"] == 1 and r["label"] == "key-claim")
    assert tag["note"] == ""  # the sentence's note is its own note record, counted once
    assert tag["time"] == "2026-01-10T09:03:00Z" and tag["a"]["date"] == "2021-11-07"
    c_tag = next(r["a"] for r in recs if r["type"] == "tag" and r["a"]["article"] == "c")
    assert (c_tag["title"], c_tag["source"], c_tag["url"], c_tag["date"]) == (
        "Drone attack on the <PM>'s home", "Example News", "https://example.org/news/1", "2021-11-08")

    orphan = next(r for r in recs if r["type"] == "tag" and r["a"]["orphan"])
    assert (orphan["reviewer"], orphan["a"]["article"], orphan["a"]["sentence"], orphan["label"]) == (
        "alice", "a", 5, "opinion")
    assert orphan["a"]["text"] == "This sentence was removed from the article." and orphan["a"]["start"] == 900

    notes = {(r["reviewer"], r["a"]["article"], r["a"]["sentence"]): r["note"] for r in recs if r["type"] == "note"}
    assert notes == {("alice", "a", 1): 'Officials: "not hurt", but b says "wounded",\nsee AFP, Reuters; <check> & confirm',
                     ("alice", "c", 2): "Same claim as a:3, shorter.",
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
        flat.update(rec["a"])
        flat.update({"b_" + k: v for k, v in (rec["b"] or {}).items()})
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
    for r in recs:
        assert tuple(r) == ex.NLI_KEYS and r["split"] is None
        assert ex.NLI_LABELS[r["label"]] == r["label_text"]
        assert r["pair_id"] == f"{r['premise_id']}|{r['hypothesis_id']}" and r["cluster"] == "drone_strike"
        if r["predicted"]:
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
    assert any(r["predicted"] for r in recs)
    assert not any(r["orphan"] for r in recs if r["pair_id"] != "drone_strike/a:7|drone_strike/b:3")


def test_split_of_one_cluster_is_by_pair_stratified_by_label(cluster, tmp_path):
    out = tmp_path / "nli"
    summary = run(cluster, "nli", out, split="80/10/10")
    assert sorted(Path(f).name for f in summary.files) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    parts = {name: jsonl(out / f"{name}.jsonl") for name in ex.SPLITS}
    assert all(parts.values()), {k: len(v) for k, v in parts.items()}  # no split is empty
    every = [r for name in ex.SPLITS for r in parts[name]]
    assert len(every) == summary.records and all(r["split"] == name for name in ex.SPLITS for r in parts[name])
    where: dict[str, str] = {}
    for r in every:
        assert where.setdefault(r["pair_id"], r["split"]) == r["split"]  # a pair never straddles two splits
    assert len(parts["train"]) > len(parts["dev"])
    # stratified: every label of the cluster is in train
    assert {r["label"] for r in parts["train"]} == {r["label"] for r in every}
    again = tmp_path / "again"
    run(cluster, "nli", again, split="80/10/10")  # fixed seed: the same files
    for name in ex.SPLITS:
        assert (again / f"{name}.jsonl").read_bytes() == (out / f"{name}.jsonl").read_bytes()


def test_plan_split_stratifies_by_label():
    rows = [{"pair_id": f"p{i}", "label": i % 2, "cluster": "x"} for i in range(40)]
    planned = ex.plan_split(rows, (50, 25, 25))
    for label in (0, 1):
        got = [r["split"] for r in planned if r["label"] == label]
        assert (got.count("train"), got.count("dev"), got.count("test")) == (10, 5, 5)


def test_split_of_several_clusters_is_by_cluster(cluster, tmp_path, capsys):
    other = tmp_path / "other_event"
    shutil.copytree(cluster, other)
    out = tmp_path / "nli"
    first = run(cluster, "nli", out, split="80/20/0")
    run(other, "nli", out, split="80/20/0")
    every = [r for name in ex.SPLITS if (out / f"{name}.jsonl").exists() for r in jsonl(out / f"{name}.jsonl")]
    assert not (out / "test.jsonl").exists()  # a split with no share gets no file
    per_cluster = {}
    for r in every:
        per_cluster.setdefault(r["cluster"], set()).add(r["split"])
    assert per_cluster == {"drone_strike": {"train"}, "other_event": {"dev"}} or \
        per_cluster == {"drone_strike": {"dev"}, "other_event": {"train"}}
    assert sum(r["cluster"] == "drone_strike" for r in every) == first.records
    run(cluster, "nli", out, split="80/20/0")  # again: replaces its records, keeps the other cluster's
    assert sum(len(jsonl(out / f"{n}.jsonl")) for n in ("train", "dev")) == len(every)
    # two clusters cannot fill three splits: an error naming the split, and nothing changes
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(cluster), "-f", "nli", "--split", "80/10/10", "-o", str(out), *cfg]) == 1
    err = _one_line_error(capsys, "test split would be empty")
    assert "2 clusters" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_split_that_would_be_empty_is_an_error_naming_it():
    rows = [{"pair_id": f"p{i}", "label": 2, "cluster": "x"} for i in range(2)]
    with pytest.raises(ReviewerError) as err:
        ex.plan_split(rows, (80, 10, 10))
    assert "the test split would be empty" in err.value.one_line() and "80/10/0" in err.value.one_line()
    assert {r["split"] for r in ex.plan_split(rows, (80, 10, 0))} == {"train", "dev"}
    assert {r["split"] for r in ex.plan_split(rows * 0 + rows[:1], (1, 0, 0))} == {"train"}


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
    keys, meta_keys = list(tasks[0]), list(tasks[0]["meta"])
    assert all(list(t) == keys and list(t["meta"]) == meta_keys for t in tasks)  # one schema for every task
    tags = [t for t in tasks if t["meta"]["kind"] == "tag"]
    links = [t for t in tasks if t["meta"]["kind"] == "link"]
    assert len(tags) == 11
    for t in tags:
        assert t["answer"] == "accept" and t["spans"] == [{"start": 0, "end": len(t["text"]), "label": t["label"]}]
    hurt = next(t for t in links if t["meta"]["a"] == "a:1" and t["meta"]["b"] == "b:1" and t["meta"]["reviewer"] == "alice")
    a_text, b_text = hurt["text"][:hurt["meta"]["a_end"]], hurt["text"][hurt["meta"]["b_start"]:]
    assert hurt["text"] == a_text + ex.PAIR_SEPARATOR + b_text
    assert b_text == "The prime minister was wounded in the attack, officials said."
    assert [s["text"] for s in hurt["spans"]] == ["not hurt", "wounded"] and hurt["label"] == "conflict"
    assert hurt["answer"] == "accept" and hurt["_annotator_id"] == "alice"
    assert hurt["_session_id"] == "drone_strike-alice"
    answers = {(t["meta"]["reviewer"], t["meta"]["decision"]): t["answer"] for t in links}
    assert answers[("bob", "rejected")] == "reject" and answers[(None, "predicted")] == "ignore"
    # the same question asked of two reviewers has the same hashes
    assert all(t["_annotator_id"] is None for t in links if t["answer"] == "ignore")
    same = [t for t in tags if t["meta"]["a_article"] == "a" and t["meta"]["a_sentence"] == 0]
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
            assert ann["was_cancelled"] is False and ann["completed_by"] is None  # names are not e-mails
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


def test_a_sidecar_of_another_cluster_is_exported_with_a_warning(cluster, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Completely different news about a football match. The home team won.\n")
    side = sorted(cluster.glob("*.review.*"))[0]
    assert main(["export", str(other), "-f", "jsonl", "-o", "-", "--sidecar", str(side), "--config", str(CONFIG)]) == 0
    out, err = capsys.readouterr()  # issue 11 item 8: orphans exported with their quotes, one warning
    assert "read anyway, all kept as orphans" in err and '"orphan": true' in out


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


# --------------------------------------------------------------------------- --resolve

# the fixture's labels alice and bob set differently, as the HTML's --resolve line counts them
LABELS_LEFT_OUT = "5 sentence labels left out, without a majority"


def _adjudicator(cluster: Path, decision: str = "rejected") -> Path:
    """An adjudicator's sidecar that settles the disputed pair a:0 – c:0 (alice accepted the
    conflict, bob rejected it)."""
    side = cluster / "adjudicator.review.toml"
    side.write_text(f'''schema = 1
reviewer = "adjudicator"
created = "2026-01-11T10:00:00Z"
updated = "2026-01-11T10:00:00Z"

[[links]]
relation = "conflict"
decision = "{decision}"
origin = "suggested"
score = 0.8979
note = "Sunday vs Saturday: the date differs, but c is the wire's correction"
time = "2026-01-11T10:00:00Z"

[links.a]
article = "a"
sentence = 0
start = 0
end = 74
quote = "Three drones hit the residence of the prime minister in Baghdad on Sunday."

[links.b]
article = "c"
sentence = 0
start = 0
end = 76
quote = "Three drones hit the residence of the prime minister in Baghdad on Saturday."
''', encoding="utf-8")
    return side


def test_resolve_majority_gives_one_record_per_pair(cluster, tmp_path, capsys):
    cfg = ["--config", str(CONFIG)]
    out = tmp_path / "m.nli.jsonl"
    assert main(["export", str(cluster), "-f", "nli", "-o", str(out), "--resolve", "majority", *cfg]) == 0
    line = capsys.readouterr().out
    assert "resolved by majority: left out without a majority: 1 pair" in line
    recs = jsonl(out)
    ids = [r["pair_id"] for r in recs]
    assert len(ids) == len(set(ids))  # one record per pair
    assert "drone_strike/a:0|drone_strike/c:0" not in ids  # alice: contradiction, bob: neutral
    by = {r["pair_id"]: r for r in recs}
    hurt = by["drone_strike/a:1|drone_strike/b:1"]
    assert hurt["label"] == 2 and hurt["votes"] == {"entailment": 0, "neutral": 0, "contradiction": 2}
    assert hurt["reviewer"] is None and hurt["resolution"] == "majority"
    assert by["drone_strike/b:0|drone_strike/c:0"]["label"] == 1
    # a pair only one reviewer decided: that reviewer's vote is the majority of the votes cast
    assert by["drone_strike/a:0|drone_strike/b:0"]["votes"] == {"entailment": 0, "neutral": 0, "contradiction": 1}


def test_resolve_unanimous_needs_every_reviewer(cluster, tmp_path):
    s = run(cluster, "nli", tmp_path / "u.jsonl", resolve="unanimous")
    recs = jsonl(tmp_path / "u.jsonl")
    assert recs and all(sum(r["votes"].values()) == 2 and max(r["votes"].values()) == 2 for r in recs)
    assert s.left_out == 4 and "left out, not unanimous: 4 pairs" in s.one_line()
    run(cluster, "jsonl", tmp_path / "u2.jsonl", resolve="unanimous")
    tags = [r for r in jsonl(tmp_path / "u2.jsonl") if r["type"] == "tag"]
    assert tags and all(r["votes"] == {"present": 2, "absent": 0} for r in tags)


def test_resolve_reviewer_keeps_one_reviewer(cluster, tmp_path):
    s = run(cluster, "jsonl", tmp_path / "r.jsonl", resolve="reviewer:bob")
    recs = jsonl(tmp_path / "r.jsonl")
    assert recs and {r["reviewer"] for r in recs} == {"bob"} and s.reviewers == ["bob"]
    with pytest.raises(ReviewerError) as err:
        run(cluster, "jsonl", tmp_path / "x.jsonl", resolve="reviewer:carol")
    assert "carol" in err.value.one_line() and "alice, bob" in err.value.one_line()


def test_resolve_adjudicated(cluster, tmp_path, capsys):
    with pytest.raises(ReviewerError) as err:
        run(cluster, "nli", tmp_path / "a.jsonl", resolve="adjudicated")
    assert "adjudicator.review.toml" in err.value.one_line()
    _adjudicator(cluster)
    s = run(cluster, "nli", tmp_path / "a.jsonl", resolve="adjudicated")
    by = {r["pair_id"]: r for r in jsonl(tmp_path / "a.jsonl")}
    settled = by["drone_strike/a:0|drone_strike/c:0"]
    assert (settled["label"], settled["reviewer"], settled["resolution"]) == (1, "adjudicator", "adjudicated")
    assert settled["votes"] == {"entailment": 0, "neutral": 1, "contradiction": 1}  # the reviewers' votes
    rest = [r for pid, r in by.items() if pid != "drone_strike/a:0|drone_strike/c:0"]
    assert rest and all(r["resolution"] == "majority" and r["reviewer"] is None for r in rest)
    assert s.left_out == 0
    # the adjudicator is a reviewer like any other with --resolve all
    run(cluster, "nli", tmp_path / "all.jsonl")
    assert "adjudicator" in {r["reviewer"] for r in jsonl(tmp_path / "all.jsonl")}


def test_cli_rejects_a_bad_resolve(cluster, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(cluster), "-f", "nli", "-o", "-", "--resolve", "mostly"])
    assert exit_.value.code == 2 and "--resolve must be" in capsys.readouterr().err


# --------------------------------------------------------------------------- schemas

def _records(fmt: str, out: Path):
    text = out.read_text(encoding="utf-8")
    if fmt in ("jsonl", "nli", "prodigy"):
        return [json.loads(l) for l in text.splitlines()]
    if fmt == "label-studio":
        return [json.loads(text)]
    if fmt == "csv":
        with open(out, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    raise AssertionError(fmt)


@pytest.mark.parametrize("resolve", ["all", "majority", "unanimous", "adjudicated", "reviewer:alice"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "nli", "prodigy", "label-studio"])
def test_every_export_validates_against_its_schema(fmt, resolve, cluster, tmp_path):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")
    schema = ex.schema_for(fmt)
    assert schema is not None, f"no schema shipped for {fmt}"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    if resolve == "adjudicated":
        _adjudicator(cluster)
    for suggestions in (False, True):
        out = tmp_path / f"{fmt}-{suggestions}.out"
        run(cluster, fmt, out, include_suggestions=suggestions, resolve=resolve)
        recs = _records(fmt, out)
        assert recs
        for rec in recs:
            errors = sorted(validator.iter_errors(rec), key=str)
            assert not errors, f"{fmt} --resolve {resolve}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_the_schemas_can_fail(cluster, tmp_path):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra: pip install -e '.[test]'")
    run(cluster, "nli", tmp_path / "n.jsonl", include_suggestions=True)
    rec = jsonl(tmp_path / "n.jsonl")[-1]
    validator = jsonschema.Draft202012Validator(ex.schema_for("nli"))
    assert validator.is_valid(rec)
    assert not validator.is_valid({k: v for k, v in rec.items() if k != "score"})  # a missing field
    assert not validator.is_valid(dict(rec, label=3))
    assert ex.schema_for("html") is None


def test_the_schemas_ship_in_the_package():
    from importlib import resources

    names = {p.name for p in resources.files("reviewer.export").joinpath("schemas").iterdir()}
    assert {f"{f}.schema.json" for f in ("jsonl", "csv", "nli", "prodigy", "label-studio")} <= names


# --------------------------------------------------------------------------- loading into the tools researchers use

def test_nli_and_pair_exports_load_with_pandas(cluster, tmp_path):
    pd = pytest.importorskip("pandas", reason="pandas comes with the test extra (datasets): pip install -e '.[test]'")
    run(cluster, "nli", tmp_path / "nli", split="80/10/10", resolve="majority")
    run(cluster, "jsonl", tmp_path / "pairs.jsonl", include_suggestions=True)
    for name in ex.SPLITS:
        df = pd.read_json(tmp_path / "nli" / f"{name}.jsonl", lines=True)
        assert len(df) and list(df.columns) == list(ex.NLI_KEYS) and set(df["split"]) == {name}
    df = pd.read_json(tmp_path / "pairs.jsonl", lines=True)
    assert set(df["type"]) == {"tag", "note", "link"} and df["b"].isna().sum() == (df["type"] != "link").sum()


def test_nli_and_pair_exports_load_with_huggingface_datasets(cluster, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets", reason="HuggingFace datasets is in the test extra: "
                                                      "pip install -e '.[test]' (about 270 MB with pyarrow and pandas)")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    out = tmp_path / "nli"
    run(cluster, "nli", out, split="80/10/10", resolve="majority", include_suggestions=True)
    files = {name: str(out / f"{name}.jsonl") for name in ex.SPLITS}
    ds = datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "cache"))
    assert set(ds) == set(ex.SPLITS) and all(ds[s].num_rows > 0 for s in ex.SPLITS)
    names = [ex.NLI_LABELS[i] for i in sorted(ex.NLI_LABELS)]
    ds = ds.cast_column("label", datasets.ClassLabel(names=names))
    train = ds["train"]
    assert train.features["label"].names == ["entailment", "neutral", "contradiction"]
    assert all(train.features["label"].int2str(r["label"]) == r["label_text"] for r in train)
    assert set(train.column_names) == set(ex.NLI_KEYS)
    # the per-reviewer export with nulls and predicted rows loads as one table too
    run(cluster, "nli", tmp_path / "all.nli.jsonl", include_suggestions=True)
    run(cluster, "jsonl", tmp_path / "pairs.jsonl", include_suggestions=True)
    for f in ("all.nli.jsonl", "pairs.jsonl"):
        d = datasets.load_dataset("json", data_files=str(tmp_path / f), split="train", cache_dir=str(tmp_path / "cache"))
        assert d.num_rows == len(jsonl(tmp_path / f))


# --------------------------------------------------------------------------- html: agreement

def test_html_counts_agreed_disputed_and_undecided_links(cluster, tmp_path):
    out = tmp_path / "report.html"
    run(cluster, "html", out, include_suggestions=True)
    page = out.read_text(encoding="utf-8")
    counts = page.split('<ul class="counts">', 1)[1].split("</ul>", 1)[0]
    # agreed means two reviewers (or the adjudicator) said the same; a link only one of the two
    # decided is counted apart, since nobody else has looked at it
    assert '<li class="agreed"><b>1</b> conflict agreed</li>' in counts
    assert '<li class="undecided"><b>2</b> links decided by one reviewer only</li>' in counts
    assert '<li class="disputed"><b>1</b> link disputed</li>' in counts
    assert '<li class="undecided"><b>2</b> links undecided</li>' in counts  # the engine's suggestions nobody decided
    assert "accepted" not in counts  # no count says "accepted" for a link one reviewer rejected
    disputed = [row for row in page.split("<tr") if 'class="disputed"' in row.split(">", 1)[0]]
    assert len(disputed) == 1 and "alice: accepted" in disputed[0] and "bob: rejected" in disputed[0]
    assert "<mark>Sunday</mark>" in disputed[0] and 'class="badge disputed"' in disputed[0]
    # agreement figures with the confusion tables as heat maps (the numbers of `reviewer agree`)
    from reviewer.agree import agreement

    rep = agreement([cluster / "alice.review.toml", cluster / "bob.review.json"], articles=[cluster])
    assert '<h2 id="agreement">' in page
    row = page.split("<tr><th>links</th>", 1)[1].split("</tr>", 1)[0]
    assert f'<td class="num">{rep["links"]["kappa"]:.3f}</td><td class="num">{rep["links"]["alpha"]:.3f}</td>' in row
    assert page.count('<table class="heat">') == 2 and "--v:1.00" in page


def test_html_of_one_reviewer_has_no_agreement(cluster, tmp_path):
    out = tmp_path / "one.html"
    run(cluster, "html", out, resolve="reviewer:alice")
    page = out.read_text(encoding="utf-8")
    assert 'id="agreement"' not in page and '<tr class="disputed"' not in page
    assert '<b>0</b> links disputed' in page
    # one reviewer: nothing is "agreed", the counts say what that reviewer decided
    counts = page.split('<ul class="counts">', 1)[1].split("</ul>", 1)[0]
    assert "agreed</li>" not in counts and "one reviewer only" not in counts
    assert "accepted</li>" in counts and "rejected</li>" in counts


def test_the_summary_line_names_an_html_report_not_records():
    from reviewer.export.model import ExportSummary

    html = ExportSummary("html", "r.html", ["r.html"], 3, [], ["a.review.toml"], 0, 0)
    assert html.one_line().startswith("exported an HTML report (3 tags, notes and links in all) from 1 sidecar")
    csv = ExportSummary("csv", "r.csv", ["r.csv"], 1, [], ["a.review.toml"], 0, 0)
    assert csv.one_line().startswith("exported 1 csv record from 1 sidecar")


def test_majority_and_unanimous_leave_the_adjudicator_out(cluster, tmp_path, capsys):
    """The adjudicator is not an annotator: its vote must not break a 1-1 tie (a:0 – c:0, alice
    contradiction, bob neutral) nor stop a pair from being unanimous; --resolve adjudicated uses it."""
    run(cluster, "nli", tmp_path / "m0.jsonl", resolve="majority")
    run(cluster, "nli", tmp_path / "u0.jsonl", resolve="unanimous")
    _adjudicator(cluster, decision="accepted")  # sides with alice: contradiction
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(cluster), "-f", "nli", "-o", str(tmp_path / "m.jsonl"), "--resolve", "majority",
                 *cfg]) == 0
    line = capsys.readouterr().out
    assert "left out without a majority: 1 pair" in line and "the adjudicator's decisions set aside" in line
    assert (tmp_path / "m.jsonl").read_bytes() == (tmp_path / "m0.jsonl").read_bytes()
    s = run(cluster, "nli", tmp_path / "u.jsonl", resolve="unanimous")
    assert s.left_out == 4 and (tmp_path / "u.jsonl").read_bytes() == (tmp_path / "u0.jsonl").read_bytes()
    run(cluster, "jsonl", tmp_path / "t.jsonl", resolve="unanimous")
    tags = [r for r in jsonl(tmp_path / "t.jsonl") if r["type"] == "tag"]
    assert tags and all(r["votes"] == {"present": 2, "absent": 0} for r in tags)
    run(cluster, "nli", tmp_path / "a.jsonl", resolve="adjudicated")
    by = {r["pair_id"]: r for r in jsonl(tmp_path / "a.jsonl")}
    assert by["drone_strike/a:0|drone_strike/c:0"]["label_text"] == "contradiction"


def test_the_summary_counts_the_sentence_labels_left_out(cluster, tmp_path, capsys):
    """A label one of two reviewers set has no majority: left out, and the summary line says how
    many (alice tagged b:1 contradicted, bob single-source; a:1 key-claim and a:3 opinion were
    set by one of them only; a:5 is alice's orphaned opinion)."""
    _adjudicator(cluster)  # settles a pair, sets no label
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"a.{fmt}"
        assert main(["export", str(cluster), "-f", fmt, "-o", str(out), "--resolve", "adjudicated",
                     "--config", str(CONFIG)]) == 0
        line = capsys.readouterr().out
        assert "left out without a majority: 0 pairs, 5 sentence labels" in line
    run(cluster, "jsonl", tmp_path / "r.jsonl", resolve="all")
    mine = {(r["a"]["article"], r["a"]["sentence"], r["label"]) for r in jsonl(tmp_path / "r.jsonl")
            if r["type"] == "tag"}
    run(cluster, "jsonl", tmp_path / "m.jsonl", resolve="majority")
    kept = {(r["a"]["article"], r["a"]["sentence"], r["label"]) for r in jsonl(tmp_path / "m.jsonl")
            if r["type"] == "tag"}
    assert len(mine - kept) == 5 and ("b", 1, "contradicted") in mine - kept
    s = run(cluster, "jsonl", tmp_path / "u.jsonl", resolve="unanimous")
    assert s.labels_left_out == 5 and "left out, not unanimous: 4 pairs, 5 sentence labels" in s.one_line()
    # pairs only: nothing said of labels
    s = run(cluster, "nli", tmp_path / "n.jsonl", resolve="majority")
    assert "sentence label" not in s.one_line()


# --------------------------------------------------------------------------- html: counts with --resolve

def _counts(page: str, which: int = 0) -> list[str]:
    """The items of the header's ``which``-th counts list, as text ("1 conflict agreed")."""
    import re

    ul = page.split('<ul class="counts', which + 1)[which + 1].split(">", 1)[1].split("</ul>", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", " ", li).split()) for li in ul.split("</li>")[:-1]]


def _rows(page: str, cls: str) -> list[str]:
    return [row for row in page.split("<tr")[1:] if f'class="{cls}"' in row.split(">", 1)[0]]


# what alice and bob did, pair by pair: a1-b1 conflict and a2-b2 match accepted by both, a1-c2 and
# b0-c0 rejected by both, a0-b0 and a3-c2 decided by one of them, a0-c0 disputed
WHAT_THEY_DID = ["1 conflict agreed", "1 match agreed", "2 links rejected by all",
                 "2 links decided by one reviewer only", "1 link disputed"]


@pytest.mark.parametrize("rule", ["majority", "adjudicated"])
def test_html_counts_with_a_resolve_rule_say_what_the_reviewers_did_and_how_it_was_settled(rule, cluster, tmp_path):
    """A resolved record is not one reviewer's decision: the header still counts, per pair,
    what the reviewers did (as without --resolve), then how the rule settled the pairs; the
    conflicts table keeps each reviewer's decision and marks the disputed pair."""
    run(cluster, "html", tmp_path / "all.html")
    plain = (tmp_path / "all.html").read_text(encoding="utf-8")
    assert _counts(plain)[3:8] == WHAT_THEY_DID
    _adjudicator(cluster)  # rejects a0-c0
    out = tmp_path / f"{rule}.html"
    run(cluster, "html", out, resolve=rule)
    page = out.read_text(encoding="utf-8")
    assert _counts(page)[3:8] == WHAT_THEY_DID
    if rule == "adjudicated":
        assert _counts(page, 1) == ["--resolve adjudicated:", "1 link settled by the adjudicator",
                                    "4 links settled by majority",
                                    "2 links kept on a single vote",
                                    "0 links left out, neither adjudicated nor with a majority",
                                    LABELS_LEFT_OUT]
        settled = "settled by the adjudicator: rejected"
    else:  # the adjudicator is set aside: a0-c0 has no majority
        # the two links one reviewer alone decided are said apart: no majority of anyone
        assert _counts(page, 1) == ["--resolve majority:", "4 links settled by majority",
                                    "2 links kept on a single vote",
                                    "1 link left out without a majority", LABELS_LEFT_OUT]
        settled = "left out: no majority"
    [disputed] = _rows(page, "disputed")
    assert 'class="badge disputed"' in disputed and "<mark>Sunday</mark>" in disputed
    assert "alice: accepted" in disputed and "bob: rejected" in disputed and settled in disputed
    assert ">majority: accepted<" not in page.split('<h2 id="claims">')[0]  # no rule shown as a reviewer
    [both] = [r for r in _rows(page, "accepted") if "bob: accepted" in r]
    assert "alice: accepted" in both and "settled by majority: accepted" in both
    # the labels the rule kept, said as such; each reviewer's claims, from their own decisions
    assert 'contradicted <small>majority</small>' in page
    claims = page.split('<h2 id="claims">', 1)[1].split('<h2 id="articles">', 1)[0]
    assert "<h3>reviewer alice</h3>" in claims and "<h3>reviewer bob</h3>" in claims


def test_html_a_pair_decided_with_different_relations_is_disputed(cluster, tmp_path):
    """alice accepts a conflict, bob a match on a:2 – c:1: not two links decided by one reviewer
    only, but one disputed pair, its row showing bob's match beside alice's conflict."""
    from tests.test_adjudicate import _both_link_by_hand

    _both_link_by_hand(cluster)
    out = tmp_path / "r.html"
    run(cluster, "html", out)
    page = out.read_text(encoding="utf-8")
    assert _counts(page)[3:8] == ["1 conflict agreed", "1 match agreed", "2 links rejected by all",
                                  "2 links decided by one reviewer only", "2 links disputed"]
    [row] = [r for r in _rows(page, "disputed") if "bob: match accepted" in r]
    assert "alice: accepted" in row and 'class="badge disputed"' in row
    run(cluster, "html", out, resolve="majority")
    page = out.read_text(encoding="utf-8")
    assert _counts(page, 1) == ["--resolve majority:", "4 links settled by majority",
                                "2 links kept on a single vote",
                                "2 links left out without a majority", LABELS_LEFT_OUT]


def test_html_says_which_relation_the_adjudicator_rejected(cluster, tmp_path):
    """alice a conflict, bob a match on a:2 – c:1; the adjudicator rejects the match: the row of
    alice's conflict said "settled by the adjudicator: rejected" (re-trial, stop 25), as if her
    conflict had been rejected."""
    import tomli_w

    from tests.test_adjudicate import _both_link_by_hand, _link_by_hand

    _both_link_by_hand(cluster)
    link = _link_by_hand(cluster, "match") | {"decision": "rejected"}
    side = {"schema": 1, "reviewer": "adjudicator", "created": "2026-01-11T10:00:00Z",
            "updated": "2026-01-11T10:00:00Z", "links": [link]}
    (cluster / "adjudicator.review.toml").write_text(tomli_w.dumps(side), encoding="utf-8")
    out = tmp_path / "r.html"
    run(cluster, "html", out, resolve="adjudicated")
    page = out.read_text(encoding="utf-8")
    [row] = [r for r in _rows(page, "disputed") if "alice: accepted" in r and "bob: match accepted" in r]
    assert "settled by the adjudicator: the match rejected" in row


def test_html_rows_put_the_earlier_column_first_whoever_made_the_link(cluster, tmp_path):
    """A link stored from c to a (a reviewer flipped it, or made it from the later column) ran
    B·1 under "Sentence A" and A·2 under "Sentence B" (re-trial, stop 25)."""
    from tests.test_adjudicate import _add_link, _link_by_hand

    link = _link_by_hand(cluster, "conflict")
    link["a"], link["b"] = link["b"], link["a"]  # stored from c:1 to a:2
    _add_link(cluster, "bob", link)
    out = tmp_path / "r.html"
    run(cluster, "html", out)
    page = out.read_text(encoding="utf-8")
    [row] = [r for r in _rows(page, "accepted") if "No group has claimed" in r and "Security forces closed" in r]
    assert row.index("Security forces closed") < row.index("No group has claimed")


@pytest.mark.parametrize("mode", ["majority", "unanimous"])
def test_resolved_records_carry_no_reviewers_note(cluster, tmp_path, mode):
    """A trial found alice's notes under majority records (reviewer null), read as the team's;
    notes are personal and stay out of resolved exports (the unresolved export keeps them)."""
    notes = [r.get("note") for r in jsonl(_export_jsonl(cluster, tmp_path, "all")) if r.get("type") == "link"]
    assert "Three drones vs a drone" in notes
    for fmt in ("jsonl", "csv"):
        out = tmp_path / f"{mode}.{fmt}"
        run(cluster, fmt, out, resolve=mode)
        text = out.read_text(encoding="utf-8")
        assert "Three drones vs a drone" not in text and "Ask the desk" not in text, fmt


def _export_jsonl(cluster: Path, tmp_path: Path, mode: str) -> Path:
    out = tmp_path / f"{mode}.all.jsonl"
    run(cluster, "jsonl", out, resolve=mode)
    return out


def test_an_unreadable_sidecar_names_the_way_to_export_the_others(cluster, tmp_path, capsys):
    """Trial, stop 26: one teammate's broken sidecar stopped the team's export with no way on."""
    with open(cluster / "bob.review.toml", "a", encoding="utf-8") as f:
        f.write("broken = [\n")
    cfg = ["--config", str(CONFIG)]
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(tmp_path / "x.jsonl"), *cfg]) == 1
    err = capsys.readouterr().err
    assert "bob.review.toml" in err and "reviewer check" in err
    assert f"--sidecar {cluster / 'alice.review.toml'}" in err and "Traceback" not in err
    # and that way works
    assert main(["export", str(cluster), "-f", "jsonl", "-o", str(tmp_path / "x.jsonl"), *cfg,
                 "--sidecar", str(cluster / "alice.review.toml")]) == 0
