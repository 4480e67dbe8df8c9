"""`reviewer claims` (each output format, sidecar choice, bad input) and the graph warnings of
`reviewer check`, on the synthetic fire cluster with hand-made links."""

import csv
import io
import json

import pytest

import reviewer.engine.cache
from reviewer.io.articles import load_cluster
from reviewer.cli import main
from reviewer.models import Link, SentenceRef
from reviewer.annotations import Anchor, LinkDecision, ReviewData, Tag
from reviewer.sidecar.codec import save_sidecar
from tests.helpers import links as fire_links


@pytest.fixture
def fire(cluster_dir, monkeypatch):
    """The fire cluster, aligned to the hand-made links of tests/helpers.py (no engine run)."""
    state = {"links": fire_links()}
    monkeypatch.setattr(reviewer.engine.cache, "align_cached", lambda cluster, settings=None, **kw: (state["links"], True))
    return cluster_dir, state


def anchor(cluster, art: str, i: int) -> Anchor:
    s = cluster.article(art).sentences[i]
    return Anchor(art, i, s.start, s.end, s.text)


def write_sidecar(folder, reviewer: str, decisions, tags=()):
    cluster = load_cluster([folder])
    data = ReviewData(reviewer=reviewer, created="2026-01-01T00:00:00Z")
    for (a, b, rel, dec) in decisions:
        data.links.append(LinkDecision(anchor(cluster, *a), anchor(cluster, *b), rel, dec, time="2026-01-01T00:00:00Z"))
    for (a, label) in tags:
        data.tags.append(Tag(anchor(cluster, *a), label, "2026-01-01T00:00:00Z"))
    path = folder / f"{reviewer}.review.toml"
    save_sidecar(path, data, backup=False)
    return path


def run_json(capsys, *args):
    assert main(["claims", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def claim_with(doc, art, i):
    [c] = [c for c in doc["claims"] if {"article": art, "sentence": i} in
           [{"article": s["article"], "sentence": s["sentence"]} for s in c["sentences"]]]
    return c


def test_json_from_the_suggestions(fire, capsys):
    folder, _ = fire
    doc = run_json(capsys, str(folder))
    assert doc["version"] == 1 and doc["reviewer"] is None and doc["sidecar"] is None
    assert [a["id"] for a in doc["articles"]] == ["a", "b", "c"]
    assert sum(len(c["sentences"]) for c in doc["claims"]) == 10
    fire_toll = claim_with(doc, "a", 0)
    assert fire_toll["sources"] == ["a", "c"] and fire_toll["contradicted_by"] == ["b"] and fire_toll["silent"] == []
    other = claim_with(doc, "b", 0)
    assert [c["claim"] for c in fire_toll["conflicts"]] == [other["id"]]
    evidence = {e["kind"] for c in fire_toll["conflicts"] for l in c["links"] for e in l["evidence"]}
    assert evidence == {"number", "weekday"}
    assert fire_toll["decisions"] == {"accepted": 0, "rejected": 0, "open": 3}
    start = claim_with(doc, "a", 1)
    assert start["sources"] == ["a", "b", "c"] and start["contradicted_by"] == []
    assert claim_with(doc, "a", 3)["silent"] == ["b", "c"]
    assert doc["inconsistencies"] == []


def test_json_with_the_reviewers_decisions(fire, capsys):
    folder, _ = fire
    write_sidecar(folder, "alice", [(("a", 0), ("c", 0), "match", "accepted"),
                                    (("a", 1), ("c", 1), "match", "rejected")],
                  tags=[(("a", 0), "contradicted")])
    doc = run_json(capsys, str(folder))
    assert doc["reviewer"] == "alice" and doc["sidecar"] == "alice.review.toml"
    assert claim_with(doc, "a", 0)["decisions"] == {"accepted": 1, "rejected": 0, "open": 2}
    assert claim_with(doc, "a", 0)["sentences"][0]["labels"] == ["contradicted"]
    assert claim_with(doc, "a", 1)["sources"] == ["a", "b"]  # the rejected match cut c:1 off
    assert claim_with(doc, "c", 1)["sources"] == ["c"]


def test_csv_one_row_per_claim_with_a_cell_per_article(fire, capsys):
    folder, _ = fire
    assert main(["claims", str(folder), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0])[-3:] == ["a", "b", "c"]
    assert len(rows) == 7 and sum(int(r["n_sources"]) for r in rows) == 10  # one sentence per source here
    first = rows[0]
    assert first["claim"] == "1" and first["sources"] == "a;c" and first["contradicted_by"] == "b"
    assert (first["a"], first["b"], first["c"]) == ("0", "≠0", "0")
    assert first["text"].startswith("Four workers were killed")


def test_markdown_is_the_default(fire, capsys):
    folder, _ = fire
    assert main(["claims", str(folder)]) == 0
    out = capsys.readouterr().out
    assert main(["claims", str(folder), "--markdown"]) == 0
    assert capsys.readouterr().out == out
    assert out.startswith("# Claims: cluster\n")
    assert "| # | claim | A | B | C | conflicts with | decisions |" in out
    assert "| 1 | Four workers were killed on Monday when a fire tore through a … | ✓ 0 | ≠ 0 | ✓ 0 | #5 | 0/0/3 |" in out
    assert "| 7 | The company has promised compensation to the families. | · | · | ✓ 2 |  | 0/0/0 |" in out
    assert "## Contested claims" in out
    assert "- A:0 ≠ B:0, claim 5 (open; number: “Four workers” vs “six workers”; weekday: “Monday” vs “Tuesday”)" in out


def test_output_is_deterministic(fire, capsys):
    folder, state = fire
    assert main(["claims", str(folder), "--json"]) == 0
    first = capsys.readouterr().out
    state["links"] = list(reversed(state["links"]))
    assert main(["claims", str(folder), "--json"]) == 0
    assert capsys.readouterr().out == first


def test_several_sidecars_need_a_choice(fire, capsys):
    folder, _ = fire
    write_sidecar(folder, "alice", [(("a", 1), ("c", 1), "match", "rejected")])
    write_sidecar(folder, "bob", [])
    assert main(["claims", str(folder)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "several reviewers (alice, bob)" in err[0] and "--reviewer" in err[0]
    assert run_json(capsys, str(folder), "--reviewer", "alice")["reviewer"] == "alice"
    assert run_json(capsys, str(folder), "--sidecar", str(folder / "bob.review.toml"))["reviewer"] == "bob"
    assert main(["claims", str(folder), "--reviewer", "carol", "--json"]) == 0
    got = capsys.readouterr()
    assert json.loads(got.out)["reviewer"] is None
    assert "no sidecar of reviewer 'carol'" in got.err


@pytest.mark.parametrize("args, code, needle", [
    (["missing"], 1, "missing: no such file or folder"),
    (["cluster", "--sidecar", "nope.review.toml"], 1, "nope.review.toml: no such sidecar"),
    (["cluster", "--json", "--csv"], 2, "not allowed with argument"),
    (["cluster", "--html"], 2, "unrecognized arguments"),
])
def test_bad_input_is_one_line_with_the_exit_code(fire, capsys, args, code, needle):
    try:
        got = main(["claims", *args])
    except SystemExit as exc:  # argparse's usage errors
        got = exc.code
    assert got == code
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_unreadable_sidecar_is_named(fire, capsys):
    folder, _ = fire
    (folder / "zed.review.toml").write_text("schema = 1\nreviewer = [\n", encoding="utf-8")
    assert main(["claims", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "zed.review.toml" in err and "Traceback" not in err


def test_check_warns_about_a_triangle(fire, capsys):
    folder, state = fire
    R = SentenceRef
    state["links"] = [Link(R("a", 0), R("c", 0), "match", 0.7), Link(R("b", 0), R("c", 0), "match", 0.6),
                      Link(R("a", 0), R("b", 0), "conflict", 0.5)]
    assert main(["check", str(folder)]) == 0  # warnings only
    out = capsys.readouterr().out
    assert "warning: suggested links: claim 1: conflict inside a claim: a:0 ≠ b:0 but a:0 ≈ c:0, b:0 ≈ c:0" in out
    write_sidecar(folder, "alice", [(("a", 0), ("b", 0), "conflict", "rejected")])
    assert main(["check", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "conflict inside a claim" not in out  # alice rejected the conflict: her graph is consistent


def test_json_and_markdown_carry_the_source_by_source_summary(fire, capsys):
    folder, _ = fire
    doc = run_json(capsys, str(folder))
    assert doc["sources"]["claims"] == {"a": 4, "b": 3, "c": 3}
    pairs = {(p["a"], p["b"]): (p["shared"], p["contradicted"], p["only_a"], p["only_b"]) for p in doc["sources"]["pairs"]}
    # a and b share a1≈b1, contradict on a0 (≠ b0) and a2 (≠ b2); a3 is a's alone, b has nothing alone
    assert pairs == {("a", "b"): (1, 2, 1, 0), ("a", "c"): (2, 0, 2, 1), ("b", "c"): (1, 1, 1, 1)}
    assert main(["claims", str(folder), "--markdown"]) == 0
    md = capsys.readouterr().out
    assert "## Sources × sources" in md
    assert "| **A** | **4** | 1 ≈ 2 ≠ 1 + | 2 ≈ 0 ≠ 2 + |" in md
